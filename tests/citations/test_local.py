"""Citations read per paragraph (:mod:`resolint.citations.local`) and kept between edits.

A paragraph's reading must be the same whether its literals were found in its own text
or by the whole-text scans of :class:`~resolint.citations.local.Hints`, must record when
it depended on the bodies named before it, and must come back from a memo moved to where
the paragraph now stands; the placing functions must move every span of their types.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.citations import extract
from resolint.citations.articles import ArticleCandidate, resolve_article
from resolint.citations.instruments import _matcher
from resolint.citations.internal import InternalCandidate
from resolint.citations.local import NOTHING, Hints, Setting, read_paragraph
from resolint.citations.organs import Named
from resolint.citations.placed import place_date, place_mention, place_resolution
from resolint.citations.refdata import instrument_by_key, instruments_for
from resolint.citations.types import (
    ArticleCitation,
    Basis,
    DateMention,
    InstrumentMention,
    Organ,
    ResolutionCitation,
)
from resolint.incremental import LintCache
from resolint.model import Kind
from resolint.parser import parse
from resolint.source import Span
from tests.conftest import FIXTURES, corpus_or_skip

MATCHER = _matcher(instruments_for(None))


def _setting(organ: Organ = Organ.GA) -> Setting:
    return Setting(MATCHER, organ, False, False, None)


def _drafts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]


def _hinted_and_alone_differ(texts: list[str]) -> list[str]:
    """Paragraphs whose reading with whole-text hints differs from the reading of their text alone."""
    out = []
    for n, text in enumerate(texts):
        res = parse(text)
        hints = Hints(text, res.body, MATCHER)
        for p in res.body:
            setting = Setting(MATCHER, Organ.GA, p.kind is Kind.ANNEX, p.kind is Kind.TITLE, None)
            alone = read_paragraph(text[p.span.start : p.span.end], setting, Named())
            if hints.read(text, p, setting, Named()) != alone or (alone != NOTHING and p.index not in hints.may_cite):
                out.append(f"text {n}, paragraph {p.index}")
    return out


def test_a_paragraph_reads_the_same_with_whole_text_hints():
    texts = _drafts(FIXTURES)
    # Literals at a paragraph's edges and across a break, where whole-text and paragraph scans part.
    texts.append("Recalling May\n\n2016 and 5 November\n\n2016,\n\nConvention on\n\nCybercrime UN\n\nCharter 1 May 2020")
    assert _hinted_and_alone_differ(texts) == []


def test_a_corpus_paragraph_reads_the_same_with_whole_text_hints():
    corpus = corpus_or_skip()
    assert _hinted_and_alone_differ(_drafts(corpus)) == []


def test_a_reading_records_the_bodies_named_before_only_when_they_decided():
    bare = "Recalling Council resolution 2178 (2009),"
    after_sc = read_paragraph(bare, _setting(), Named((Organ.SC,)))
    after_hrc = read_paragraph(bare, _setting(), Named((Organ.HRC,)))
    assert after_sc.resolutions[0].organ is Organ.SC and after_sc.named == Named((Organ.SC,))
    assert after_hrc.resolutions[0].organ is Organ.UNKNOWN
    assert not after_sc.fits(Named((Organ.HRC,))) and after_sc.fits(Named((Organ.SC,)))
    named = read_paragraph("Recalling Security Council resolution 2178 (2014),", _setting(), Named((Organ.HRC,)))
    assert named.named is None and named.fits(Named((Organ.ECOSOC,)))


def test_named_keeps_each_council_once_at_its_last_mention():
    notes = ((Organ.SC, "", True), (Organ.HRC, "", True), (Organ.SC, "", True), (Organ.OTHER, "Environment Assembly", False))
    assert Named().after(notes) == Named((Organ.HRC, Organ.SC), (Organ.OTHER, "Environment Assembly"))
    assert Named().after(notes[:2]).after(notes[2:]) == Named().after(notes)


def test_placing_moves_every_span_and_attaches_the_paragraph():
    """The placing functions name the fields they copy: a new field fails here until handled."""
    assert [f.name for f in dataclasses.fields(DateMention)] == ["span", "day", "month", "year", "form", "text"]
    assert [f.name for f in dataclasses.fields(ResolutionCitation)] == [
        "span", "text", "form", "organ", "basis", "number", "session", "year", "date", "decision", "symbol",
        "organ_name", "prefix", "in_annex", "paragraph",
    ]
    assert [f.name for f in dataclasses.fields(InstrumentMention)] == [
        "span", "text", "instrument", "form", "variant_fix", "variant_safe", "variant_why", "in_annex", "in_quote", "paragraph",
    ]
    assert [f.name for f in dataclasses.fields(ArticleCitation)] == [
        "span", "word", "number", "instrument", "basis", "capitalized", "title", "title_span", "in_annex", "paragraph", "ranged",
    ]
    # (resolint.citations.read_through names these too.)
    assert [f.name for f in dataclasses.fields(ArticleCandidate)] == ["cite", "pending", "after_the_convention"]
    assert [f.name for f in dataclasses.fields(InternalCandidate)] == ["start", "end", "number", "sub", "direction"]
    p = parse("The General Assembly,\n\nRecalling resolution 71/19 of 21 November 2016,").paragraphs[-1]
    date = DateMention(Span(3, 19), 21, 11, 2016, "dmy", "21 November 2016")
    placed_date = place_date(date, 10)
    assert placed_date == DateMention(Span(13, 29), 21, 11, 2016, "dmy", "21 November 2016")
    c = ResolutionCitation(Span(0, 2), "71/19", "ga", Organ.GA, Basis.ITS, 19, 71, None, date, True, False, "x", "AG", True, None)
    assert place_resolution(c, 10, p, {13: placed_date}) == dataclasses.replace(c, span=Span(10, 12), date=placed_date, paragraph=p)
    uncac = instrument_by_key("uncac")
    m = InstrumentMention(Span(1, 5), "UNCAC", uncac, "alias", "f", True, "w", True, True, None)
    assert place_mention(m, 10, p) == dataclasses.replace(m, span=Span(11, 15), paragraph=p)


def test_articles_settle_their_instrument_where_the_paragraph_stands():
    reading = read_paragraph("Stressing that article 60 of the Convention applies, and article 3,", _setting(), Named())
    of_the_convention, bare = reading.articles
    uncac = InstrumentMention(Span(0, 5), "UNCAC", instrument_by_key("uncac"), "alias")
    crc = InstrumentMention(Span(0, 3), "CRC", instrument_by_key("crc"), "alias")
    p = parse("Recalling article 3,").paragraphs[0]
    placed = resolve_article(of_the_convention, 100, p, previous=crc, referent=uncac)
    assert (placed.instrument, placed.basis, placed.span, placed.paragraph) == (uncac.instrument, "convention", Span(115, 125), p)
    assert resolve_article(bare, 100, p, previous=crc, referent=uncac).instrument is crc.instrument
    assert resolve_article(bare, 100, p, previous=None, referent=uncac).instrument is uncac.instrument  # after "the Convention"
    assert resolve_article(bare, 100, p, previous=None, referent=None).instrument is None


class _CountingMemo(LintCache):
    """A LintCache that counts the paragraphs read anew."""

    reads = 0

    def keep_paragraph_fact(self, key, fact):  # what is read anew is kept
        self.reads += 1
        return super().keep_paragraph_fact(key, fact)


def _fields(cs) -> list:
    return [(type(c).__name__, c.span, c.describe(), getattr(c, "paragraph", None) and c.paragraph.span) for c in cs]


def test_a_memo_reads_only_what_changed_and_moves_the_rest():
    text = "\n\n".join(_drafts(FIXTURES / "citations"))
    memo = _CountingMemo()
    first = extract(parse(text), memo=memo)
    assert _fields(first) == _fields(extract(parse(text)))
    assert memo.reads > 40  # every paragraph, the first time
    memo.next_round()
    memo.reads = 0
    edited = "Recalling resolution 71/19 of 21 November 2016,\n\n" + text  # everything moves down
    again = extract(parse(edited), memo=memo)
    assert _fields(again) == _fields(extract(parse(edited)))
    assert memo.reads <= 2
    assert len(again) == len(first) + 2 and again[-1].span.start == first[-1].span.start + len(edited) - len(text)


def test_extraction_from_a_memo_equals_a_fresh_one_on_the_corpus():
    corpus = corpus_or_skip()
    for text in _drafts(corpus)[::8]:
        memo = LintCache()
        extract(parse(text), memo=memo)
        memo.next_round()
        moved = "Noting the Convention on Cybercrime,\n\n" + text
        assert _fields(extract(parse(moved), memo=memo)) == _fields(extract(parse(moved))), text[:80]


@pytest.mark.parametrize("threshold", [0, 10_000])
def test_hints_or_none_give_the_same_extraction(monkeypatch, threshold):
    monkeypatch.setattr(sys.modules["resolint.citations.extract"], "_HINTS_AFTER", threshold)
    text = "\n\n".join(_drafts(FIXTURES / "citations"))
    assert _fields(extract(parse(text), memo=LintCache())) == _fields(extract(parse(text)))


def _heads_by_find(text: str) -> list[tuple[int, str]]:
    out = []
    for w in MATCHER.first_words:
        pos = text.find(w)
        while pos >= 0:
            out.append((pos, w))
            pos = text.find(w, pos + 1)
    return sorted(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["CRC", "RC", "C", "UN", "U", "Charter", "Council", "Convention", "UDHR", " ", "x", "Charte"]), max_size=14))
def test_the_heads_scan_finds_every_occurrence_of_every_first_word(parts):
    """Overlapping occurrences ("CRCRC", "CRCharter") included, which one regex scan steps over."""
    text = "".join(parts)
    assert MATCHER.heads(text) == _heads_by_find(text)
