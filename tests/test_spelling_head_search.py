"""TRM010 reads a clause's head only in the paragraphs where a listed word occurs in some
case (``_may_head``, one search of the lower-cased text): it must still read every head
that holds one, and it must not look for the openers of the other paragraphs. The
search reads the text's ASCII letters in lower case (``find_indexes(..., ascii_case=True)``)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.engine import lint
from resolint.literals import automaton, find_indexes
from resolint.rule import RuleContext
from resolint_rules.trm import spelling
from resolint_rules.trm.spelling import Spelling, _capitalized_head, _may_head, spelling_table

VARIANT = "oxford"
TABLE, LITERALS = spelling_table(VARIANT)
WORDS = sorted(TABLE)


def _ctx(text: str) -> RuleContext:
    result = lint(text, style="un-ga")
    return RuleContext(result.source, result.resolution, result.style, {}, facts=result.facts)


def _case(word: str, how: int) -> str:
    return (word, word.upper(), word.capitalize(), word.swapcase())[how % 4]


heads = st.one_of(
    st.builds(_case, st.sampled_from(WORDS), st.integers(0, 3)),
    st.sampled_from(["Recalling", "Decides", "Further", "Requests", "Organiſing", "\u212aerb", "İs", "émis", "*"]),
)
lines = st.builds(lambda label, h, rest: f"{label}{h} {rest}", st.sampled_from(["", "1. ", "(a) ", "(b) ", "*", "2. Also "]),
                  heads, st.sampled_from(["the work;", "its labor,", "the centre.", "é ſ;"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(lines, min_size=1, max_size=6))
def test_every_head_that_holds_a_listed_word_is_read(body):
    text = "The General Assembly,\n\n" + "\n\n".join(body) + "\n"
    ctx = _ctx(text)
    may = _may_head(ctx, ctx.text, LITERALS)
    for p in ctx.resolution.paragraphs:
        if _capitalized_head(ctx, p, TABLE, VARIANT) is not None:
            assert may is None or p.index in may, p


def test_a_text_with_a_letter_a_regex_folds_is_read_whole():
    ctx = _ctx("The General Assembly,\n\n1. Organiſes the meeting;\n")
    assert _may_head(ctx, ctx.text, LITERALS) is None


def _heads_read(monkeypatch, text: str) -> list[str]:
    ctx = _ctx(text)  # (the lint reads the heads too: counted from here on)
    ctx.options = {}
    read: list[str] = []
    real = spelling._capitalized_head

    def counted(ctx, p, table, variant):
        read.append(ctx.text[p.content.start : p.content.end])
        return real(ctx, p, table, variant)

    monkeypatch.setattr(spelling, "_capitalized_head", counted)
    found = [ctx.text[v.span.start : v.span.end] for v in Spelling().check(ctx)]
    read.append(f"found: {found}")
    return read


def test_paragraphs_without_a_listed_word_are_not_read(monkeypatch):
    text = (
        "The General Assembly,\n\n"
        "1. Requests the Secretary-General:\n\n"
        "(a) To report on the matter;\n\n"
        "(b) Organising a meeting of experts;\n\n"
        "(c) To consult Member States;\n"
    )
    read = _heads_read(monkeypatch, text)
    assert read == ["Organising a meeting of experts;", "found: ['Organising']"]


def test_a_capital_head_in_upper_case_is_still_found(monkeypatch):
    text = "The General Assembly,\n\n1. Decides to meet;\n\n2. ORGANISES a meeting;\n"
    read = _heads_read(monkeypatch, text)
    assert read[-1] == "found: ['ORGANISES']"
    assert len(read) == 2  # the second clause only


texts = st.lists(st.sampled_from(["Labor", "LABOR", "labor", "Organising", "ISE", "é", "\U0001d538", "ſ", " ", "-", "x", "LaBoR"]), max_size=12)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_a_search_of_ascii_letters_in_any_case_is_the_regexs(parts):
    text = "".join(parts)
    literals = ("labor", "isin", "ise")
    got = [(s, e) for _, s, e in find_indexes(automaton(literals, leftmost_first=True), text, ascii_case=True)]
    want = [m.span() for m in re.finditer("labor|isin|ise", text, re.IGNORECASE | re.ASCII)]
    assert got == want


def test_every_listed_word_holds_a_literal_the_head_search_looks_for():
    """What ``_may_head`` rests on: each listed word holds one of the covering literals or
    one of the -ise family's marks, so a search for those finds every listed word."""
    marks = LITERALS + spelling._ISE_MARKS
    assert all(any(m in word for m in marks) for word in TABLE)
