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
