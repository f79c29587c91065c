"""Citations: what a resolution cites, typed, with spans, extracted once per document.

``Analysis.citations`` (:mod:`resolint.facts`, one per linted document) calls
:func:`safe_extract` on first use and keeps the result, so every rule and the language
server share one pass. Reference data (sessions, Security Council numbers, instruments) is in
:mod:`resolint.citations.refdata`.
"""

from __future__ import annotations

from resolint.citations.extract import CitationSet, DocumentFacts, ParagraphMemo, extract
from resolint.citations.types import (
    ArticleCitation,
    Basis,
    DateMention,
    InstrumentMention,
    InternalReference,
    Organ,
    ResolutionCitation,
)
from resolint.lazylog import get_logger
from resolint.numerals import ordinal

log = get_logger(__name__)


def safe_extract(resolution, memo: ParagraphMemo | None = None, organ: Organ | None = None) -> CitationSet:
    """:func:`extract`, but a bug in it costs the citations of one document, not the lint:
    the set is then empty and carries the exception (``failure``), which the lint reports
    as an internal error, as it reports a rule that crashed: a drafter must not take "no
    citation finding" for "the citations are right". ``organ``: the document's, when the
    caller worked it out (see :func:`extract`)."""
    try:
        return extract(resolution, memo=memo, organ=organ)
    except Exception as exc:
        log.exception("citation extraction failed; the document is checked without citations")
        empty = CitationSet()
        empty.document = DocumentFacts()
        empty.failure = exc
        return empty


__all__ = [
    "ArticleCitation", "Basis", "CitationSet", "DateMention", "DocumentFacts", "InstrumentMention",
    "InternalReference", "Organ", "ParagraphMemo", "ResolutionCitation", "extract", "ordinal", "safe_extract",
]
