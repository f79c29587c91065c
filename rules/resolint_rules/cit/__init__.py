"""CIT: citations of resolutions and instruments, dates, internal references.

Every rule here reads ``ctx.facts.citations``, extracted once per document by
:mod:`resolint.citations`, and compares it with the reference data in ``data/``.
"""

from resolint_rules.cit.article_range import ArticleOutOfRange
from resolint_rules.cit.article_title import ArticleTitleMismatch
from resolint_rules.cit.date_format import DateFormat
from resolint_rules.cit.ga_session_date import GaResolutionOutsideSession
from resolint_rules.cit.implausible_year import ImplausibleYear
from resolint_rules.cit.impossible_date import ImpossibleDate
from resolint_rules.cit.inconsistent_citation import InconsistentCitation
from resolint_rules.cit.instrument_adoption import InstrumentAdoptionMismatch
from resolint_rules.cit.internal_reference import InternalReferenceTarget
from resolint_rules.cit.interpol_symbol import InterpolSymbolSession
from resolint_rules.cit.postdates_text import CitationAfterText
from resolint_rules.cit.sc_number_year import ScResolutionYearMismatch

RULES = [
    GaResolutionOutsideSession, ScResolutionYearMismatch, InterpolSymbolSession, CitationAfterText,
    InconsistentCitation, ImpossibleDate, DateFormat, ImplausibleYear, ArticleOutOfRange,
    ArticleTitleMismatch, InternalReferenceTarget, InstrumentAdoptionMismatch,
]
