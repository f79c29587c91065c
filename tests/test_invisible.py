"""Openers are read through the characters that print nothing inside a word.

A soft hyphen (Word's optional hyphen, copied out as U+00AD), a word joiner or a
zero-width space inside an opener's word used to cut the word in two: "'Recog' is not a
preambular opener", a paragraph placed in the wrong part, and a safe fix (TRM014,
removing the character) that then brought in the findings the whole word has. Now a
draft reads the same with such a character in its openers as without it, but for
TRM014's own finding.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES

from resolint.engine import lint
from resolint.invisible import hidden_in_words, readable
from resolint.model import Kind

#: The rules that read openers (and the numbering and marks that follow from where a
#: paragraph is placed).
OPENER_CODES = frozenset({"PRE001", "PRE002", "PRE003", "PRE004", "PRE006", "PRE007", "OPR001", "OPR002", "OPR004", "OPR005", "OPR006", "OPR007", "OPR011"})
DRAFTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())


def _with_hidden_characters(text: str, char: str) -> str:
    """``text`` with ``char`` after the third letter of each opener word of six letters
    or more, in preambular and operative paragraphs."""
    result = lint(text)
    cuts = []
    for p in result.resolution.paragraphs:
        if p.kind not in (Kind.PREAMBLE, Kind.OPERATIVE):
            continue
        op = result.facts.opener(p)
        if op is None or op.head.end - op.head.start < 6 or not text[op.head.start : op.head.end].isalpha():
            continue
        if char == "\u200b" and not text[op.head.start + 3].islower():
            continue  # a zero-width space before a capital is a gap between two words
        cuts.append(op.head.start + 3)
    for at in reversed(cuts):
        text = text[:at] + char + text[at:]
    return text


def _reading(text: str) -> tuple[Counter, list]:
    result = lint(text)
    findings = Counter(
        (f.code, text.count("\n", 0, f.span.start), f.message) for f in result.findings if f.code in OPENER_CODES
    )
    return findings, [(p.kind, p.depth) for p in result.resolution.paragraphs]


@pytest.mark.parametrize("char", ["\u00ad", "\u2060", "\u200b"])
@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_draft_reads_the_same_with_invisible_characters_in_its_openers(path: Path, char: str):
    text = path.read_text(encoding="utf-8")
    hidden = _with_hidden_characters(text, char)
    if hidden == text:
        pytest.skip("no opener word of six letters or more")
    assert _reading(hidden) == _reading(text)


def test_an_opener_with_a_soft_hyphen_is_one_word():
    text = "The General Assembly,\n\nRecog\u00adnizing the work,\n\n1. recog\u00adnizing the report;\n\n2. Decides to act.\n"
    codes = {f.code: f.message for f in lint(text).findings}
    assert "PRE002" not in codes  # "'Recog' is not a preambular opener"
    assert codes["OPR004"] == "Operative paragraph opens with the participle 'recognizing'; use 'recognizes'"
    assert sorted(c for c in codes if c == "TRM014") == ["TRM014"]


@pytest.mark.parametrize(
    ("words", "seen"),
    [
        ("Re\u00adcal\u00adling", "Recalling"),
        ("Member\u200bStates", "Member\u200bStates"),  # before a capital: a gap between two words
        ("Secre\u200btary", "Secretary"),
        ("\u00adRecalling", "\u00adRecalling"),  # not inside a word
        ("Recalling", "Recalling"),
    ],
)
def test_readable_drops_only_what_stands_inside_a_word(words, seen):
    assert readable(words) == seen
    assert len(hidden_in_words(words, 0, len(words))) == len(words) - len(seen)
