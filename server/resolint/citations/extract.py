"""Find what a resolution cites, once per document, and resolve the organ of each citation.

The extractor walks the paragraphs the parser placed, runs the compiled patterns of
:mod:`resolint.citations.patterns` over each, and resolves:

- the organ of every cited resolution, from its context: a body named just before
  ("Human Rights Council resolution 53/12"), "its resolution" (the organ of the document,
  or "the Council, in its resolution …"), "Council resolution" after a council was named,
  the form of the number ("2178 (2014)" is the Security Council's), or a guess from the
  document (recorded as such, so checks that could be wrong stay quiet or informative);
- the instrument of every "article N", and the target paragraph of "paragraph 5 above".

This module only walks the paragraphs in order and assembles the result; each kind of
citation has its own module: :mod:`~resolint.citations.dates`,
:mod:`~resolint.citations.resolutions` (numbers and symbols),
:mod:`~resolint.citations.organs` (whose resolution it is),
:mod:`~resolint.citations.instruments`, :mod:`~resolint.citations.articles` and
:mod:`~resolint.citations.internal` (the text's own paragraphs); shared scanning helpers
are in :mod:`~resolint.citations.scan`. Their underscored names are private to the package.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from resolint.citations import patterns as P
from resolint.citations.dates import date_from_match as date_from_match
from resolint.citations.dates import find_dates
from resolint.citations.instruments import _Conventions, _instruments, _matcher, _name_matches
from resolint.citations.instruments import trie_regex as trie_regex
from resolint.citations.internal import _internal, _numbered_paragraphs
from resolint.citations.organs import _Context, _note_organs, document_organ
from resolint.citations.refdata import instruments_for, interpol_year_for_session
from resolint.citations.resolutions import _loose_symbols, _Par, _resolution_lists, symbol_citation
from resolint.citations.resolutions import roman as roman
from resolint.citations.scan import _bucket, _paragraphs_with
from resolint.citations.types import (
    ArticleCitation,
    DateMention,
    InstrumentMention,
    InternalReference,
    Organ,
    ResolutionCitation,
)
from resolint.model import Kind, Resolution


@dataclass(slots=True)
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
        if self.organ is Organ.GA and self.session:
            return dt.date(1946 + self.session, 9, 30)
        return None


class CitationSet(list):
    """Every citation of one document, in text order, with views by kind.

    A plain list (the language server iterates it for hover and go-to: each item has
    ``span`` and ``describe()``), plus the document's own facts.
    """

    document: DocumentFacts

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
        sym = text[res.title.symbol.start : res.title.symbol.end]
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
    for p in res.closing:
        for d in dates_by_par.get(p.index, []):
            if d.date is not None:
                facts.date, facts.date_basis = d.date, "the date of adoption"
    if facts.date is None and organ is Organ.INTERPOL:
        for p in res.openings[:1]:
            ds = [d for d in dates_by_par.get(p.index, []) if d.date is not None]
            if ds:
                facts.date, facts.date_basis = ds[-1].date, "the last day of the session"
    return facts


def extract(res: Resolution, terms: dict[str, Any] | None = None) -> CitationSet:
    """Every citation of ``res``, in text order. Deterministic; never raises on odd text."""
    text = res.source.text
    out = CitationSet()
    organ = document_organ(res)
    ctx = _Context(res, organ)
    matcher = _matcher(instruments_for(terms if terms is not None else getattr(res, "terms", None)))
    dates_by_par: dict[int, list[DateMention]] = {}
    mentions: list[InstrumentMention] = []
    conventions = _Conventions()
    numbered = _numbered_paragraphs(res)
    body = res.body
    starts = [p.span.start for p in body]
    # Whole-text passes, bucketed by paragraph: one regex call per document, not per paragraph.
    date_hits = _bucket(find_dates(text), starts, body)
    name_hits = _bucket(_name_matches(matcher, text), starts, body)
    # Most paragraphs cite nothing: find, once, those that contain a word any pattern needs.
    busy = _paragraphs_with(text, _NEEDLES, starts, body) | set(date_hits) | set(name_hits)
    for p in body:
        if p.index not in busy:
            continue
        pdates = date_hits.get(p.index, [])
        dates_by_par[p.index] = pdates
        out.extend(pdates)
        par = _Par(p, text[p.span.start : p.span.end], p.span.start, p.kind is Kind.ANNEX,
                   {d.span.start - p.span.start: d for d in pdates}, res.title.symbol)
        covered = _resolution_lists(ctx, par, out)
        _loose_symbols(par, covered, out)
        _instruments(par, name_hits.get(p.index, ()), conventions, mentions, out)
        if not par.annex and p.kind is not Kind.TITLE and "aragraph" in par.text:
            out.extend(_internal(par.text, par.base, p, res, numbered))
        if "Council" in par.text or "Assembly" in par.text:
            _note_organs(ctx, par.text)
    out.sort(key=lambda c: (c.span.start, c.span.end))
    out.document = _facts(res, organ, dates_by_par)
    return out


#: A paragraph without any of these has no citation, article, internal reference or body name.
_NEEDLES = ("esolution", "ecision", "/", "-RES-", "rticle", "aragraph", "Council", "Assembly", "Convention")
