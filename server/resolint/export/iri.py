"""FRBR IRIs in the AKN4UN form: who issued a text, and the IRIs of its Work, Expression
and Manifestation, and of every resolution it cites.

The Akoma Ntoso naming convention (OASIS AKN-NC 1.0) builds a Work IRI from the
jurisdiction, the document type and subtype, the author, the date and the number:
``/akn/un/statement/deliberation/unga/2024-12-24/79-243``; ``!main`` names the main
component. AKN4UN (the UN System's guidelines) puts every UN body under the ``un``
jurisdiction and resolutions under ``statement``/``deliberation``.

A draft often lacks a symbol or a date. Rather than inventing one, the missing part is
the literal placeholder ``undated`` (date) or ``unnumbered`` (number), so a reader and a
program can both tell a placeholder from a value; the same rule applies to cited
resolutions whose date the text does not give. See docs/export.md.
"""

from __future__ import annotations

import datetime as dt
import re

from resolint.citations.patterns import WHA_SYMBOL
from resolint.citations.types import Organ, ResolutionCitation
from resolint.records import record

DOC_TYPE = "statement"
SUBTYPE = "deliberation"
LANGUAGE = "eng"  # ISO 639-2, as AKN-NC asks; resolint lints English texts
UNDATED = "undated"
UNNUMBERED = "unnumbered"


@record(frozen=True, slots=True)
class Body:
    """An issuing body: its IRI jurisdiction and author parts and its printed name."""

    key: str  # the author part of the IRI and the eId of its TLCOrganization
    country: str  # the jurisdiction part: "un" for the UN system (ITU included)
    name: str

    @property
    def href(self) -> str:
        return f"/akn/ontology/organizations/{self.country}/{self.key}"


GA = Body("unga", "un", "General Assembly")
SC = Body("unsc", "un", "Security Council")
ECOSOC = Body("ecosoc", "un", "Economic and Social Council")
HRC = Body("unhrc", "un", "Human Rights Council")
# INTERPOL is not a UN body: its own jurisdiction part, as AKN does for the EU ("eu").
INTERPOL = Body("interpol-ga", "interpol", "ICPO-INTERPOL General Assembly")
# ITU is a UN specialized agency; "itu-pp" is the author used by the AKN4ITU conversion
# of the Dubai 2018 Final Acts (github.com/techpolicycomms/akn4itu).
ITU_PP = Body("itu-pp", "un", "ITU Plenipotentiary Conference")
# The World Health Organization is a UN specialized agency, as ITU is: the "un"
# jurisdiction; the author is the Assembly's own abbreviation, as its symbols write it.
WHA = Body("wha", "un", "World Health Assembly")
UNKNOWN = Body("unknown-body", "un", "an unidentified body")

ORGAN_BODIES = {Organ.GA: GA, Organ.SC: SC, Organ.ECOSOC: ECOSOC, Organ.HRC: HRC, Organ.INTERPOL: INTERPOL}

#: The opening names the body when the citation facts could not ("The Plenipotentiary
#: Conference of the International Telecommunication Union (Dubai, 2018),").
_OPENING_BODIES = (
    (re.compile(r"International Telecommunication Union|\bITU\b"), ITU_PP),
    (re.compile(r"World Health Assembly"), WHA),
    (re.compile(r"INTERPOL", re.I), INTERPOL),
    (re.compile(r"Security Council"), SC),
    (re.compile(r"Economic and Social Council"), ECOSOC),
    (re.compile(r"Human Rights Council"), HRC),
    (re.compile(r"General Assembly"), GA),
)

#: An ITU title's number and year ("RESOLUTION 157 (REV. DUBAI, 2018)"). What stands
#: between the parenthesis and the year is bounded to a line and 100 characters (a place
#: and a "Rev.": 30 in the corpus): unbounded, a title of "RESOLUTION 1 (" repeated was
#: scanned to its end from each of them, quadratic (280 KB: minutes).
_ITU_TITLE = re.compile(r"\bRESOLUTION\s++(\d++)\s*+\((?:REV\.?\s*)?[^)\n]{0,100}?(\d{4})\)", re.I)
#: A World Health Assembly resolution's symbol in its title block ("WHA79.4"), a word of
#: its own.
_WHA_TITLE = re.compile(rf"\b{WHA_SYMBOL.pattern}\b")


def slug(text: str) -> str:
    """An IRI component from a symbol: lower case, runs of other characters as one '-'."""
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


def body_of(organ: Organ, opening: str) -> Body:
    """The issuing body: the organ the citation engine resolved, else the opening's words."""
    if organ in ORGAN_BODIES and not (organ is Organ.GA and "Telecommunication Union" in opening):
        return ORGAN_BODIES[organ]
    for pattern, body in _OPENING_BODIES:
        if pattern.search(opening):
            return body
    return UNKNOWN


def document_number(symbol: str, number: str, title: str) -> str:
    """The number part of the document's own Work IRI, from the title block.

    ``A/RES/79/243`` and ``79/243`` give ``79-243``; ``S/RES/2178 (2014)`` gives ``2178``;
    INTERPOL's ``GA-2025-93-RES-03`` gives ``ga-2025-93-res-03``; ITU's "Resolution 11
    (Rev. Dubai, 2018)" gives ``res-11``; the World Health Assembly's ``WHA79.4`` gives
    ``wha79-4``. A draft symbol (``A/79/L.1``) is kept whole.
    """
    if symbol:
        s = re.sub(r"^[AS]/RES/", "", symbol.strip())
        sc = re.fullmatch(r"(\d+)\s*\(\d{4}\)", s)
        if sc:
            return sc.group(1)
        return slug(s)
    itu = _ITU_TITLE.search(title)
    if itu:
        return f"res-{itu.group(1)}"
    wha = _WHA_TITLE.search(title)
    if wha:
        return f"wha{wha.group(1)}-{wha.group(2)}"
    if number:
        return slug(number)
    return UNNUMBERED


def title_year(title: str) -> int | None:
    """The year an ITU title carries ("(Rev. Dubai, 2018)"): its only date."""
    itu = _ITU_TITLE.search(title)
    return int(itu.group(2)) if itu else None


@record(frozen=True, slots=True)
class WorkId:
    """The parts of a Work IRI; ``date`` is ISO (or a year, or :data:`UNDATED`)."""

    body: Body
    date: str
    number: str

    @property
    def work(self) -> str:
        return f"/akn/{self.body.country}/{DOC_TYPE}/{SUBTYPE}/{self.body.key}/{self.date}/{self.number}"

    @property
    def expression(self) -> str:
        version = self.date if re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.date) else ""
        return f"{self.work}/{LANGUAGE}@{version}"

    @property
    def manifestation(self) -> str:
        return f"{self.expression}/!main.xml"


def date_part(date: dt.date | None, year: int | None = None) -> str:
    if date is not None:
        return date.isoformat()
    if year is not None:
        return str(year)
    return UNDATED


def citation_number(c: ResolutionCitation) -> str | None:
    """The number part of a cited resolution's Work IRI, or None when it is not one."""
    if c.form in ("draft", "report", "prst"):
        return None  # a document symbol, not a resolution
    prefix = "decision-" if c.decision else ""
    if c.form in ("ga", "session") and c.session and c.number is not None:
        return f"{prefix}{c.session}-{c.number}"
    if c.form == "ga-special" and c.session and c.number is not None:
        return f"{prefix}s-{c.session}-{c.number}"
    if c.form == "ga-emergency" and c.session and c.number is not None:
        return f"{prefix}es-{c.session}-{c.number}"
    if c.form == "sc" and c.number is not None:
        return f"{prefix}{c.number}"
    if c.form == "ecosoc" and c.year and c.number is not None:
        return f"{prefix}{c.year}-{c.number}"
    if c.form.startswith("interpol"):
        return prefix + slug(re.sub(r"^Resolution\s+", "", c.text, flags=re.I))
    return prefix + slug(c.text) if slug(c.text) else None


def citation_work(c: ResolutionCitation, known_dates: dict[tuple, dt.date]) -> str | None:
    """The Work IRI of a cited resolution, or None when its organ is not known.

    The date is the one written with the citation, else the one the same text gives
    for that resolution elsewhere, else its year (Security Council, ECOSOC, INTERPOL
    symbols carry one), else :data:`UNDATED`.
    """
    body = ORGAN_BODIES.get(c.organ)
    number = citation_number(c)
    if body is None or number is None:
        return None
    date = c.date.date if c.date is not None else None
    date = date or known_dates.get(c.key)
    return WorkId(body, date_part(date, c.year), number).work


def known_citation_dates(citations: list[ResolutionCitation]) -> dict[tuple, dt.date]:
    """The date each cited resolution is given anywhere in the text (first one wins)."""
    out: dict[tuple, dt.date] = {}
    for c in citations:
        if c.date is not None and c.date.date is not None:
            out.setdefault(c.key, c.date.date)
    return out
