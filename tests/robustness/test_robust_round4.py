"""Robustness, round four: attacks written for this round (marks of direction inside
openers, and the other classes listed in the round's notes). Every draft here is invented."""

from __future__ import annotations

import re

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.invisible import DIRECTION_MARKS

_BASE = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n{a}Recalling{b} also its resolution 71/1,\n\n1. Decides to act.\n"
_DOUBLED = re.compile(r"\b([A-Za-z]+)\W+\1\b", re.IGNORECASE)  # "also also"


@pytest.mark.parametrize("mark", list(DIRECTION_MARKS), ids=lambda m: f"U+{ord(m):04X}")
@pytest.mark.parametrize("where", ["after", "both"])
def test_a_mark_of_direction_beside_an_opener_hides_no_also(mark, where):
    """Marks of direction print nothing: "\\u2067Recalling\\u2069 also" reads as "Recalling
    also". The opener reader stopped at the mark, so PRE006 asked for the "also" already
    there and its fix, with TRM017's, wrote "Recalling also also"."""
    text = _BASE.format(a=mark if where == "both" else "", b=mark)
    assert "PRE006" not in {f.code for f in lint(text).findings}
    fixed = fix_text(text, lint, unsafe=True).text
    assert not _DOUBLED.search(fixed), fixed


@pytest.mark.parametrize("bullet", ["-", "•", "–"])
@pytest.mark.parametrize("count", [3, 4, 5, 9, 40])
@pytest.mark.parametrize("path", ["draft.res.txt", "draft.res.md"])
def test_a_row_of_bullets_before_a_paragraph_is_removed_whole(bullet, count, path):
    """Three bullets or more before an operative paragraph ("- - - decides …", a list
    pasted into a list into a list): the bullet reader gave back the space after the
    second bullet, its words started at that space, and OPR003's safe fix removed two
    bullets a pass and left a space each time; in Markdown four spaces made the paragraph
    a code block."""
    text = f"The General Assembly,\n\nRecalling its resolution 70/1,\n\n{(bullet + ' ') * count}decides to act;\n\n2. Decides to remain seized of the matter.\n"
    fixed = fix_text(text, lambda t: lint(t, path=path)).text
    line = next(x for x in fixed.split("\n") if "to act" in x)
    assert line.lstrip(" \t" + bullet) == line, fixed
