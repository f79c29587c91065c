"""Find what a resolution cites, once per document, and resolve the organ of each citation.

Extraction has two halves. Each paragraph is read from its own text
(:mod:`~resolint.citations.local`: its dates, cited numbers and symbols, instrument names,
articles, references to the text's own paragraphs, the bodies it names), which a language
server keeps between edits through a :class:`ParagraphMemo`. This module then walks the
paragraphs in order and settles what crosses them:

- the organ of every cited resolution, from its context: a body named just before
  ("Human Rights Council resolution 53/12"), "its resolution" (the organ of the document,
  or "the Council, in its resolution …"), "Council resolution" after a council was named,
  the form of the number ("2178 (2014)" is the Security Council's), or a guess from the
  document (recorded as such, so checks that could be wrong stay quiet or informative);
- the instrument of every "article N" (named in the paragraph, in the previous one, or
  the convention "the Convention" means there), and the target paragraph of
  "paragraph 5 above";
- the document's own facts (its session, year, date of adoption).

Each kind of citation has its own module: :mod:`~resolint.citations.dates`,
:mod:`~resolint.citations.resolutions` (numbers and symbols),
:mod:`~resolint.citations.organs` (whose resolution it is),
:mod:`~resolint.citations.instruments`, :mod:`~resolint.citations.articles` and
:mod:`~resolint.citations.internal` (the text's own paragraphs); shared scanning helpers
are in :mod:`~resolint.citations.scan`. Their underscored names are private to the package.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from resolint.citations import patterns as P
from resolint.citations.articles import resolve_article
from resolint.citations.dates import date_from_match as date_from_match
from resolint.citations.dates import find_dates as find_dates
from resolint.citations.instruments import _Conventions, _matcher, _NameMatcher, unknown_short_kinds
from resolint.citations.instruments import trie_regex as trie_regex
from resolint.citations.internal import _numbered_paragraphs, resolve_internal
from resolint.citations.local import NOTHING, Hints, Local, Setting, read_paragraph
from resolint.citations.organs import Named, document_organ
from resolint.citations.placed import place_date, place_mention, place_resolution
from resolint.citations.refdata import instruments_for, interpol_year_for_session
from resolint.citations.resolutions import roman as roman
from resolint.citations.resolutions import symbol_citation
from resolint.citations.types import (
    ArticleCitation,
    DateMention,
    InstrumentMention,
    InternalReference,
    Organ,
    ResolutionCitation,
)
from resolint.generations import MISSING
from resolint.invisible import document_has_comment, document_may_hide

if TYPE_CHECKING:  # only a language server's memo resumes a walk: imported where it does
    from resolint.citations.resume import Checkpoint, WalkRecord
from resolint.model import Kind, Paragraph, Resolution
from resolint.parser.patterns import UN_TITLE
from resolint.records import record
from resolint.source import Span

T = TypeVar("T")


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ANNEX, _GA, _TITLE = Kind.ANNEX, Organ.GA, Kind.TITLE


@record(slots=True)
class DocumentFacts:
    """What the document says about itself: organ, session, year, date of adoption."""

    organ: Organ = Organ.UNKNOWN
    session: int | None = None  # GA session of "79/136." / A/RES/79/136; INTERPOL session
    year: int | None = None  # INTERPOL symbol year, SC year
    date: dt.date | None = None  # adoption (closing line) or the meeting's last day (INTERPOL opening)
    date_basis: str = ""

    @property
    def latest(self) -> dt.date | None:
        """The latest day the text can bear: anything cited must not be later."""
        if self.date is not None:
            return self.date
        if self.year is not None:
            return dt.date(self.year, 12, 31)
        if self.organ is _GA and self.session:
            return dt.date(1946 + self.session, 9, 30)
        return None


class CitationSet(list):
    """Every citation of one document, in text order, with views by kind.

    A plain list (the language server iterates it for hover and go-to: each item has
    ``span`` and ``describe()``), plus the document's own facts.
    """

    document: DocumentFacts
    #: What stopped the extraction (:func:`resolint.citations.safe_extract`), when it
    #: failed: the set is then empty, and the lint says so (a DOC000 finding).
    failure: Exception | None = None
    #: The indices of the paragraphs where "esolution" stands (every resolution keyword
    #: holds it), when the extraction scanned the whole text for it (a whole lint); None
    #: when it read paragraphs from the language server's memo.
    worded: set[int] | None = None
    #: Works out what each resolution of a compilation says about itself (by part, where
    #: it says more than the whole text: ``_part_facts``); read by :meth:`facts_of`.
    read_parts: Callable[[], dict[int, DocumentFacts]]

    def facts_of(self, part: int) -> DocumentFacts:
        """The facts that date the text of part ``part``: its own where it has them (a
        resolution of a compilation, with its symbol line or closing lines), else the
        document's. Worked out on first use: only CIT004 asks, and only for a resolution
        cited (a pass over every paragraph at every keystroke otherwise)."""
        parts = self.__dict__.get("_parts")
        if parts is None:
            read = self.__dict__.get("read_parts")
            parts = self.__dict__["_parts"] = {} if read is None else read()
        return parts.get(part, self.document)

    def of_kind(self, cls: type) -> list:
        """The citations of one type, computed once (rules ask for them again and again)."""
        cache = self.__dict__.setdefault("_by_kind", {})
        if cls not in cache:
            cache[cls] = [c for c in self if isinstance(c, cls)]
        return cache[cls]

    @property
    def resolutions(self) -> list[ResolutionCitation]:
        return self.of_kind(ResolutionCitation)

    @property
    def dates(self) -> list[DateMention]:
        return self.of_kind(DateMention)

    @property
    def articles(self) -> list[ArticleCitation]:
        return self.of_kind(ArticleCitation)

    @property
    def instruments(self) -> list[InstrumentMention]:
        return self.of_kind(InstrumentMention)

    @property
    def internal(self) -> list[InternalReference]:
        return self.of_kind(InternalReference)

    def at(self, offset: int) -> list:
        """The citations whose span contains ``offset``, innermost first."""
        hits = [c for c in self if c.span.start <= offset < c.span.end]
        return sorted(hits, key=lambda c: c.span.end - c.span.start)


def _facts(res: Resolution, organ: Organ, dates_by_par: dict[int, list[DateMention]]) -> DocumentFacts:
    facts = DocumentFacts(organ=organ)
    text = res.source.text
    if res.title.symbol is not None:
        _read_symbol(facts, text[res.title.symbol.start : res.title.symbol.end], organ)
    _read_closing(facts, res.closing, dates_by_par)
    if facts.date is None and organ is Organ.INTERPOL:
        for p in res.openings[:1]:
            ds = [d for d in dates_by_par.get(p.index, []) if d.date is not None]
            if ds:
                facts.date, facts.date_basis = ds[-1].date, "the last day of the session"
    return facts


def _read_symbol(facts: DocumentFacts, sym: str, organ: Organ) -> None:
    """The session or year a text's own symbol ("A/RES/79/136", "79/136") gives it."""
    m = P.SYMBOL.match(sym)
    if m:
        own = symbol_citation(m, 0)
        facts.session = own.session if own.form in ("ga", "draft", "session", "interpol-session", "interpol-agn") else None
        facts.year = own.year if own.form.startswith("interpol") or own.form == "sc" else None
        if own.form == "interpol-agn" and own.session:
            facts.year = interpol_year_for_session(own.session)
    else:
        m2 = re.match(r"(\d{1,3})/(\d{1,4})$", sym)
        if m2 and organ is Organ.GA:
            facts.session = int(m2.group(1))


def _read_closing(facts: DocumentFacts, closing: list[Paragraph], dates_by_par: dict[int, list[DateMention]]) -> None:
    """The date of adoption: the last date of the closing lines."""
    for p in closing:
        for d in dates_by_par.get(p.index, []):
            if d.date is not None:
                facts.date, facts.date_basis = d.date, "the date of adoption"


def _part_facts(res: Resolution, organ: Organ, dates_by_par: dict[int, list[DateMention]], document: DocumentFacts) -> dict[int, DocumentFacts]:
    """What each resolution of a compilation says about itself, where it says more than
    the whole text: its own symbol line before its opening ("76/13. Report of …") and its
    own closing lines. A compilation's resolutions come from other sessions and dates: read
    with the first one's session and the last one's date, every citation of a later
    session was "after this text". A part that says nothing of itself (the parts A and B
    of one resolution) is left out: the document's facts stand for it."""
    out: dict[int, DocumentFacts] = {}
    if len(res.openings) < 2:
        return out
    text = res.source.text
    for part in range(len(res.openings)):
        span = res.part_range(part)
        symbol = _symbol_before(res, span.start) if part else None
        closing = [p for p in res.paragraphs[span.start : span.stop] if p.kind is Kind.CLOSING]
        if symbol is None and not closing:
            continue
        facts = DocumentFacts(organ=organ, session=document.session, year=document.year)
        if symbol is not None:
            facts.session = facts.year = None
            _read_symbol(facts, text[symbol.start : symbol.end], organ)
        _read_closing(facts, closing, dates_by_par)
        if facts.date is None:
            facts.date, facts.date_basis = document.date, document.date_basis
        out[part] = facts
    return out


def _symbol_before(res: Resolution, opening: int) -> Span | None:
    """The symbol of a title line ("76/13. Report of …") among the two paragraphs right
    before the opening at index ``opening``."""
    text = res.source.text
    for p in res.paragraphs[max(0, opening - 2) : opening]:
        m = UN_TITLE.match(text[p.span.start : p.span.end])  # (anchored at the start of a string)
        if m:
            return Span(p.span.start + m.start("sym"), p.span.start + m.end("sym"))
    return None


class ParagraphMemo(Protocol):
    """Keeps facts about paragraphs between lints of one document
    (:meth:`resolint.incremental.LintCache.paragraph_facts`)."""

    def paragraph_numbers(self, text: str, res: Resolution) -> list[int]: ...

    def paragraph_text_numbers(self, res: Resolution) -> list[int] | None: ...

    def paragraph_facts(self, keys: list[tuple[int, Hashable]]) -> list[Any]: ...

    def keep_paragraph_fact(self, key: tuple[int, Hashable], fact: Any) -> None: ...

    def kept_paragraphs(self, res: Resolution) -> int: ...

    def last_walk(self) -> WalkRecord | None: ...

    def keep_walk(self, record: WalkRecord) -> None: ...


#: Paragraphs read anew in one extraction before whole-text scans (:class:`Hints`) pay.
_HINTS_AFTER = 16
_START = operator.attrgetter("span.start")


def holding(paragraphs: list[Paragraph], offset: int) -> int:
    """The position in ``paragraphs`` (in order, never overlapping: a resolution's) of
    the one whose span holds ``offset``; -1 for none. By bisection: the memo's keys ask
    it of the body after every keystroke, where a loop over every paragraph was a pass
    over the document."""
    i = bisect.bisect_right(paragraphs, offset, key=_START) - 1
    return i if i >= 0 and offset < paragraphs[i].span.end else -1


class _Reader:
    """Reads each paragraph's :class:`Local`: from the memo when it has it, with whole-text
    hints when many are to be read, else from the paragraph's text alone."""

    def __init__(self, res: Resolution, matcher: _NameMatcher, organ: Organ, memo: ParagraphMemo | None) -> None:
        self.text, self.body, self.matcher, self.organ, self.memo = res.source.text, res.body, matcher, organ, memo
        self.symbol = res.title.symbol
        self.hints = Hints(self.text, self.body, matcher) if memo is None else None
        #: Whether the text has no comment and no invisible character (:func:`read_paragraph`'s ``plain``).
        self.plain = not (document_has_comment(self.text) or document_may_hide(self.text))
        self.settings: dict[Kind, Setting] = {}
        self.misses = 0
        #: With a memo: each paragraph's number (by index), and the keys in the memo of
        #: the paragraphs to read (by index). What a paragraph cites depends on its text
        #: and setting, not on where it was placed: numbered by text when the parse kept
        #: the numbers (an edit that regroups a list, or makes an item a paragraph of its
        #: own, re-read 20-60 paragraphs when they were numbered by place), else by place.
        self.numbers = None if memo is None else memo.paragraph_text_numbers(res)
        self.by_text = self.numbers is not None
        if memo is not None and self.numbers is None:
            self.numbers = memo.paragraph_numbers(self.text, res)
        self.keys: dict[int, tuple] = {}

    def paragraphs(self) -> list[tuple[Paragraph, Any]]:
        """The paragraphs to read, each with what the memo holds for it (MISSING: nothing,
        or no memo). With a memo, those it holds as citing nothing are left out: they
        cite nothing whatever bodies are named before them. Without one, only those the
        hints say may cite anything (the others read as :data:`NOTHING`)."""
        if self.memo is not None:
            keys = self._keys()
            out = []
            for p, key, loc in zip(self.body, keys, self.memo.paragraph_facts(keys), strict=True):
                if loc is not NOTHING:
                    self.keys[p.index] = key
                    out.append((p, loc))
            return out
        assert self.hints is not None
        may = self.hints.may_cite
        return [(p, MISSING) for p in self.body if p.index in may]

    def _keys(self) -> list[tuple[int, tuple]]:
        """Each body paragraph's key in the memo: its number and its :class:`Setting`'s
        fields (plain values that hash fast: an enum's hash runs Python)."""
        numbers, matcher, organ = self.numbers, self.matcher, self.organ.value
        assert numbers is not None
        by_text = self.by_text  # the two numberings are told apart
        extras = {kind: (matcher, organ, kind is Kind.ANNEX, kind is Kind.TITLE, None, by_text) for kind in Kind}
        keys = [(numbers[p.index], extras[p.kind]) for p in self.body]
        sym = self.symbol
        if sym is not None:  # the paragraph with the document's symbol reads it apart
            i = holding(self.body, sym.start)
            if i >= 0:
                p = self.body[i]
                a = p.span.start
                keys[i] = (numbers[p.index], (*extras[p.kind][:4], Span(sym.start - a, sym.end - a), by_text))
        return keys

    def local(self, p: Paragraph, named: Named, kept: Any) -> Local:
        """What ``p`` cites, with ``named`` the bodies named before it; ``kept``: what
        the memo holds for it (see :meth:`paragraphs`)."""
        if self.memo is None:
            assert self.hints is not None
            return self.hints.read(self.text, p, self._setting(p), named)
        if kept is not MISSING and kept.fits(named):
            return kept
        loc = self._read(p, self._setting(p), named)
        self.memo.keep_paragraph_fact(self.keys[p.index], loc)
        return loc

    def _setting(self, p: Paragraph) -> Setting:
        """The setting of ``p``: one per kind of paragraph, but for the one with the document's symbol."""
        sym, a = self.symbol, p.span.start
        if sym is not None and a <= sym.start < p.span.end:
            return Setting(self.matcher, self.organ, p.kind is Kind.ANNEX, p.kind is Kind.TITLE, Span(sym.start - a, sym.end - a))
        setting = self.settings.get(p.kind)
        if setting is None:
            setting = self.settings[p.kind] = Setting(self.matcher, self.organ, p.kind is _ANNEX, p.kind is _TITLE, None)
        return setting

    def _read(self, p: Paragraph, setting: Setting, named: Named) -> Local:
        self.misses += 1
        if self.hints is None and self.misses > _HINTS_AFTER:
            self.hints = Hints(self.text, self.body, self.matcher)
        if self.hints is not None:
            return self.hints.read(self.text, p, setting, named)
        return read_paragraph(self.text[p.span.start : p.span.end], setting, named, plain=self.plain)


class _Walk:
    """The document walked in order: each paragraph's reading placed, and what crosses
    paragraphs settled (the convention "the Convention" means, an article's instrument
    named in the previous paragraph, internal references' targets)."""

    def __init__(self, res: Resolution) -> None:
        self.res = res
        self.out = CitationSet()
        self.dates_by_par: dict[int, list[DateMention]] = {}
        self.conventions = _Conventions()
        self.newest: InstrumentMention | None = None  # the last instrument named so far
        self.numbered: dict | None = None

    def add(self, p: Paragraph, loc: Local) -> None:
        d, out = p.span.start, self.out
        dates = [place_date(x, d) for x in loc.dates]
        self.dates_by_par[p.index] = dates
        out.extend(dates)
        if loc.resolutions:
            by_start = {x.span.start: x for x in dates}
            out.extend(place_resolution(c, d, p, by_start) for c in loc.resolutions)
        mentions = [place_mention(m, d, p) for m in loc.mentions]
        out.extend(mentions)
        if loc.articles:
            newest = self.newest
            before = _previous_index(self.res, p)
            near = newest is not None and newest.paragraph is not None and newest.paragraph.index >= before
            referent = self.conventions.referent(p, before)
            out.extend(resolve_article(a, d, p, newest if near else None, referent, self.conventions.sole) for a in loc.articles)
        if mentions:
            self.newest = mentions[-1]
        self.conventions.note(mentions, [x + d for x in loc.unknown_conventions])
        self.conventions.note_unknown_kinds(unknown_short_kinds(self.res.source.text[d : p.span.end], mentions, d))
        if loc.internal:
            out.extend(self.internal_refs(p, loc))

    def internal_refs(self, p: Paragraph, loc: Local) -> list[InternalReference]:
        """The references of ``p`` to the text's own paragraphs, with their targets."""
        if self.numbered is None:
            self.numbered = _numbered_paragraphs(self.res)
        return [resolve_internal(c, p.span.start, p, self.res, self.numbered) for c in loc.internal]

    def checkpoint(self, res: Resolution, boundary: int, named: Named) -> Checkpoint:
        """The walk's state before paragraph ``boundary`` (see :mod:`resolint.citations.resume`)."""
        from resolint.citations.resume import Checkpoint  # lazy: only with a memo (see extract)

        return Checkpoint(res.paragraphs[boundary - 1], len(self.out), named, self.newest, self.conventions.snapshot())


def _previous_index(res: Resolution, p: Paragraph) -> int:
    """The index of the paragraph before ``p``, past comments alone: "the Convention" and
    an article without "of" take the instrument named in the paragraph before, and a
    comment between the two (a note, a ``resolint: ignore``) made it a paragraph further."""
    k = p.index - 1
    paragraphs = res.paragraphs
    while k >= 0 and paragraphs[k].kind is Kind.DIRECTIVE:
        k -= 1
    return k


def _take_up(walk: _Walk, memo: ParagraphMemo, res: Resolution, organ: Organ, matcher: Any,
             named: Named) -> tuple[int, list, dict, Named]:
    """Where ``walk`` starts with ``memo``'s last walk (:func:`resolint.citations.resume.resume`),
    with what it takes from it set on ``walk``: (start, internal references, checkpoints,
    the bodies named)."""
    from resolint.citations.resume import resume  # lazy: only a language server's memo resumes a walk

    resumed = resume(memo.last_walk(), memo.kept_paragraphs(res), res, organ, matcher, walk.internal_refs)
    if resumed.checkpoint is not None:
        cp = resumed.checkpoint
        walk.out.extend(resumed.placed)
        walk.dates_by_par, walk.newest, named = resumed.dates_by_par, cp.newest, cp.named
        walk.conventions = _Conventions.restored(cp.conventions)
    return resumed.start, resumed.internal, resumed.checkpoints, named


def _keep_walk(memo: ParagraphMemo, walk: _Walk, organ: Organ, matcher: Any, internal: list, checkpoints: dict) -> None:
    """Keeps ``walk`` in ``memo`` for the next walk to take up."""
    from resolint.citations.resume import WalkRecord  # lazy: only a language server's memo resumes a walk

    memo.keep_walk(WalkRecord(organ, matcher, list(walk.out), walk.dates_by_par, internal, checkpoints))


def extract(res: Resolution, terms: dict[str, Any] | None = None, memo: ParagraphMemo | None = None,
            organ: Organ | None = None) -> CitationSet:
    """Every citation of ``res``, in text order. Deterministic; never raises on odd text.

    ``memo`` keeps each paragraph's reading between lints of one document (the language
    server's): only paragraphs it has not seen are read again, and the walk takes up the
    last one's after the resolutions of a compilation the parse kept
    (:mod:`resolint.citations.resume`). ``organ``: :func:`document_organ` of ``res``,
    when the caller worked it out (``Analysis.organ``, which the rules read too).
    """
    organ = document_organ(res) if organ is None else organ
    matcher = _matcher(instruments_for(terms if terms is not None else getattr(res, "terms", None)))
    reader = _Reader(res, matcher, organ, memo)
    walk = _Walk(res)
    named = Named()
    # With a memo, the walk takes up the last one's after the resolutions the parse kept.
    start, internal, checkpoints = 0, [], {}
    if memo is not None:
        start, internal, checkpoints, named = _take_up(walk, memo, res, organ, matcher, named)
    # Where each resolution's walk starts (after its opening): a checkpoint for the next walk.
    boundaries = [b for b in (o.index + 1 for o in res.openings) if b > start] if memo is not None else []
    for p, kept in reader.paragraphs():
        if p.index < start:
            continue
        while boundaries and boundaries[0] <= p.index:
            b = boundaries.pop(0)
            checkpoints[b] = walk.checkpoint(res, b, named)
        loc = reader.local(p, named, kept)
        if loc is not NOTHING:
            walk.add(p, loc)
            named = named.after(loc.organs)
            if loc.internal:
                internal.append((p, loc))
    if memo is not None:
        for b in boundaries:
            checkpoints[b] = walk.checkpoint(res, b, named)
        _keep_walk(memo, walk, organ, matcher, internal, checkpoints)
    out = walk.out
    out.sort(key=lambda c: (c.span.start, c.span.end))
    if reader.hints is not None:
        out.worded = reader.hints.worded
    out.document = _facts(res, organ, walk.dates_by_par)
    out.read_parts = functools.partial(_part_facts, res, organ, walk.dates_by_par, out.document)
    return out
