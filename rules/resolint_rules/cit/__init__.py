"""CIT: citations of resolutions and instruments, dates, internal references.

Every rule here but CIT014 reads ``ctx.facts.citations``, extracted once per document
by :mod:`resolint.citations`, and compares it with the reference data in ``data/``;
CIT014 finds the World Health Assembly's symbols ("WHA77.6 (2024)") itself.
"""

from resolint_rules.cit.article_out_of_range import ArticleOutOfRange
from resolint_rules.cit.article_title_mismatch import ArticleTitleMismatch
from resolint_rules.cit.citation_after_text import CitationAfterText
from resolint_rules.cit.conference_place_year import ConferencePlaceYear
from resolint_rules.cit.date_format import DateFormat
from resolint_rules.cit.ga_resolution_outside_session import GaResolutionOutsideSession
from resolint_rules.cit.implausible_year import ImplausibleYear
from resolint_rules.cit.impossible_date import ImpossibleDate
from resolint_rules.cit.inconsistent_citation import InconsistentCitation
from resolint_rules.cit.instrument_adoption_mismatch import InstrumentAdoptionMismatch
from resolint_rules.cit.internal_reference_target import InternalReferenceTarget
from resolint_rules.cit.interpol_symbol_session import InterpolSymbolSession
from resolint_rules.cit.resolution_dated_outside_its_year import ResolutionDatedOutsideItsYear
from resolint_rules.cit.reversed_citation_range import ReversedCitationRange
from resolint_rules.cit.sc_resolution_year_mismatch import ScResolutionYearMismatch
from resolint_rules.cit.wha_resolution_year import WhaResolutionYear

RULES = [
    GaResolutionOutsideSession, ScResolutionYearMismatch, InterpolSymbolSession, CitationAfterText,
    InconsistentCitation, ImpossibleDate, DateFormat, ImplausibleYear, ArticleOutOfRange,
    ArticleTitleMismatch, InternalReferenceTarget, InstrumentAdoptionMismatch, ConferencePlaceYear,
    WhaResolutionYear, ReversedCitationRange, ResolutionDatedOutsideItsYear,
]
