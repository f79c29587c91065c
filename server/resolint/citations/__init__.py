"""Citations: what a resolution cites, typed, with spans, extracted once per document.

``resolution.citations`` (a lazy property of :class:`~resolint.model.Resolution`) calls
:func:`extract` on first use and keeps the result, so every rule and the language server
share one pass. Reference data (sessions, Security Council numbers, instruments) is in
:mod:`resolint.citations.refdata`.
"""

from resolint.citations.extract import CitationSet, DocumentFacts, extract
from resolint.citations.types import (
    ArticleCitation,
    Basis,
    DateMention,
    InstrumentMention,
    InternalReference,
    Organ,
    ResolutionCitation,
    ordinal,
)

__all__ = [
    "ArticleCitation", "Basis", "CitationSet", "DateMention", "DocumentFacts", "InstrumentMention",
    "InternalReference", "Organ", "ResolutionCitation", "extract", "ordinal",
]
