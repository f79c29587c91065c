"""Robustness, round five: attacks written for this round (invisible marks inside openers
and citations, repository hazards, hostile Word files, the language server under odd
messages). Every draft here is invented."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.invisible import DIRECTION_MARKS

_FELT = "The General Assembly,\n\nRecalling its resolution 70/1,\n\nNoting with grave concern the situation,\n\n{second},\n\n1. Decides to act.\n"


def _pre006(second: str) -> list:
    return [f for f in lint(_FELT.format(second=second)).findings if f.code == "PRE006"]


@pytest.mark.parametrize("mark", [*DIRECTION_MARKS, "<!-- note -->"], ids=lambda m: f"U+{ord(m):04X}" if len(m) == 1 else "comment")
@pytest.mark.parametrize("where", ["Noting with grave{m} concern", "Noting{m} with grave concern", "Noting with{m} deep{m} concern"])
def test_a_mark_between_the_words_of_a_felt_opener_makes_no_other_opener(mark, where):
    """"Noting with grave\\u2069 concern" is the opener "Noting with grave concern" as
    printed: the key of how the participle is felt was joined with ``str.split()``, which
    does not split at a mark of direction, so the two read as different openers and the
    repetition was not reported. A comment between the words is not printed either."""
    second = where.format(m=mark) + " the report"
    expected = len(_pre006(where.format(m="") + " the report"))
    assert expected == (0 if "deep" in where else 1)
    assert len(_pre006(second)) == expected


@pytest.mark.parametrize("mark", ["\u00ad", "\u2060", "\u200b", "<!-- note -->"], ids=["shy", "wj", "zwsp", "comment"])
def test_a_mark_inside_a_word_of_a_felt_opener_makes_no_other_opener(mark):
    """An invisible character or a comment inside a word of the feeling ("gra\\u00adve")
    is read through, as TRM014's and SUP001's fixes leave it."""
    assert len(_pre006(f"Noting with gra{mark}ve concern the report")) == 1
