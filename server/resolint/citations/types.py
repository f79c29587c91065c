"""What a citation is once extracted: typed objects with spans, for rules and the editor.

Every object has ``span`` (code-point offsets into the document) and ``describe()``, a
one-line text for an editor's hover. Objects are plain data; the extractor fills them and
nothing changes them afterwards.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import field
from typing import TYPE_CHECKING

from resolint.citations.refdata import interpol_sessions, interpol_year_for_session
from resolint.numerals import ordinal
from resolint.records import record
from resolint.source import Span

if TYPE_CHECKING:
    from resolint.citations.refdata import Instrument
    from resolint.model import Paragraph

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


class Organ(str, enum.Enum):
    """The body whose resolution or decision is cited."""

    GA = "General Assembly"
    SC = "Security Council"
    ECOSOC = "Economic and Social Council"
    HRC = "Human Rights Council"
    INTERPOL = "INTERPOL General Assembly"
    OTHER = "another body"
    UNKNOWN = "an unresolved organ"


class Basis(str, enum.Enum):
    """How the organ was resolved, strongest first. Checks that may err use only the first four."""

    NAMED = "named"  # "Security Council resolution 2178 (2014)"
    SYMBOL = "symbol"  # "A/HRC/RES/53/12", "GA-2025-93-RES-03"
    FORM = "form"  # "resolution 2178 (2014)": only the Security Council numbers so
    ITS = "its"  # "its resolution 71/19": the organ of the document (or of "X, in its …")
    CONTEXT = "context"  # "Council resolution 53/12" after the Human Rights Council was named
    IMPLIED = "implied"  # a bare "resolution 71/19": the organ is a guess

    @property
    def certain(self) -> bool:
        return self in (Basis.NAMED, Basis.SYMBOL, Basis.FORM, Basis.ITS)


@record(frozen=True, slots=True)
class DateMention:
    """A calendar date as written: "24 December 2024", "December 24, 2024", "24th December 2024"."""

    span: Span
    day: int
    month: int  # 1..12
    year: int
    #: "dmy" (24 December 2024), "mdy" (December 24, 2024), "ordinal" (24th December 2024),
    #: "mdy-ordinal" (December 24th, 2024), "dmy-comma" (24 December, 2024).
    form: str
    text: str

    kind = "date"

    @property
    def valid(self) -> bool:
        try:
            dt.date(self.year, self.month, self.day)
        except ValueError:
            return False
        return True

    @property
    def date(self) -> dt.date | None:
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def canonical(self) -> str:
        return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"

    def describe(self) -> str:
        d = self.date
        if d is None:
            return f"{self.text}: not a calendar date"
        return f"{self.canonical} ({d.strftime('%A')})"


@record(slots=True)
class ResolutionCitation:
    """A cited resolution or decision, or a document symbol.

    ``span`` covers the number as written ("71/19", "2178 (2014)", "A/RES/79/243",
    "GA-2025-93-RES-03"); ``date`` is the "of 21 November 2016" that follows it, if any.
    """

    span: Span
    text: str
    #: ga (N/x, session 31 on), ga-old (3363 (XXX)), ga-special (S-8/1), ga-emergency (ES-10/15),
    #: session (N/x of an organ numbering by session: HRC, commissions…), sc (2178 (2014)),
    #: ecosoc (2004/27), interpol-agn (AGN/67/RES/12), interpol-year (AG-2001-RES-05 /
    #: GA-2008-RES-07), interpol-session (GA-2025-93-RES-03), draft (A/79/L.1), report, prst.
    form: str
    organ: Organ
    basis: Basis
    number: int | None = None
    session: int | None = None  # GA / HRC session, INTERPOL session
    year: int | None = None  # SC / ECOSOC / INTERPOL year
    date: DateMention | None = None
    decision: bool = False
    symbol: bool = False  # written as a document symbol ("A/RES/79/243")
    organ_name: str = ""  # the organ as written, when another body ("Environment Assembly")
    prefix: str = ""  # INTERPOL symbol prefix: AGN / AG / GA
    in_annex: bool = False
    paragraph: Paragraph | None = field(default=None, repr=False)

    kind = "resolution"

    @property
    def key(self) -> tuple:
        """What identifies the cited text, for "cited twice with different dates"."""
        return (self.organ, self.form, self.session, self.number, self.year, self.decision)

    @property
    def certain(self) -> bool:
        return self.basis.certain

    def describe(self) -> str:
        """The hover's words: what is cited and by which organ, then what its number says
        (session or year), its date, and how the organ was known when not from the citation."""
        date = f"of {self.date.canonical}" if self.date is not None else ""
        bits = [note for note in (self._session_note(), self._year_note(), date, self._basis_note()) if note]
        return self._head() + (": " + ", ".join(bits) if bits else "")

    def _head(self) -> str:
        what = "decision" if self.decision else ("document" if self.form in ("draft", "report", "prst") else "resolution")
        if self.organ is Organ.UNKNOWN:
            return f"{what.capitalize()} {self.text} (organ not resolved from the context)"
        return f"{self.organ_name or self.organ.value} {what} {self.text}"

    def _session_note(self) -> str:
        if not self.session:
            return ""
        if self.form == "ga":
            return f"regular session {self.session} ({1945 + self.session}–{1946 + self.session})"
        if self.form in ("ga-special", "ga-emergency"):
            return ("special" if self.form == "ga-special" else "emergency special") + f" session {self.session}"
        if self.form.startswith("interpol"):
            year = interpol_year_for_session(self.session)
            row = interpol_sessions().get(year) if year is not None else None
            where = f" ({row.city}, {row.year})" if row is not None and row.session == self.session else ""
            return f"{ordinal(self.session)} session{where}"
        return ""

    def _year_note(self) -> str:
        """The year, where the number does not already say it (SC, ECOSOC, INTERPOL by year)."""
        if self.year and (self.form in ("sc", "ecosoc") or (self.form.startswith("interpol") and not self.session)):
            return str(self.year)
        return ""

    def _basis_note(self) -> str:
        if self.basis is Basis.IMPLIED:
            return "organ assumed from the document"
        if self.basis is Basis.CONTEXT:
            return "organ taken from the context"
        return ""


@record(slots=True)
class InstrumentMention:
    """An instrument named in the text, by its title, short title, an alias or a wrong variant."""

    span: Span
    text: str
    instrument: Instrument
    form: str  # title / short / alias / variant
    variant_fix: str = ""
    variant_safe: bool = False
    variant_why: str = ""
    in_annex: bool = False
    in_quote: bool = False
    paragraph: Paragraph | None = field(default=None, repr=False)

    kind = "instrument"

    def describe(self) -> str:
        d = self.instrument.describe()
        if self.form == "variant":
            d = f"Wrong name for the {self.instrument.title}: {self.variant_why}. " + d
        return d


@record(slots=True)
class ArticleCitation:
    """ "article 4 of the Convention", "Article 41 on the 24/7 network", "Article 27 of the Charter"."""

    span: Span  # "Article 41"
    word: Span  # "Article"
    number: int
    instrument: Instrument | None
    #: how the instrument was found: "of" (named right after), "convention" ("of the
    #: Convention": the convention named last; "of the Covenant", "of the Treaty": the one
    #: of its kind named before), "near" (named in this or the previous
    #: paragraph), "context" (the text's main convention), "other" (another text), "" (none)
    basis: str
    capitalized: bool = False  # "Article" rather than "article"
    title: str = ""  # the title given with the number ("24/7 network"), if any
    title_span: Span | None = None
    in_annex: bool = False
    paragraph: Paragraph | None = field(default=None, repr=False)
    #: The second end of a range of a list ("articles 60 to 70": 70), whose first end is
    #: the list's item before it (:mod:`resolint.citations.article_lists`).
    ranged: bool = False

    kind = "article"

    @property
    def listed(self) -> bool:
        """An item of a list ("articles 3, 5 and 99"): its span is its number alone, apart
        from the word "articles" the list's items share (:mod:`resolint.citations.article_lists`)."""
        return self.span.start != self.word.start

    def describe(self) -> str:
        if self.instrument is None:
            return f"Article {self.number} (instrument not resolved)"
        inst = self.instrument
        title = inst.article_titles.get(self.number)
        head = f"Article {self.number} of the {inst.short}"
        if title:
            return f"{head}: {title}"
        if inst.articles and self.number > inst.articles:
            return f"{head}: beyond its last article ({inst.articles})"
        return head


@record(slots=True)
class InternalReference:
    """ "paragraph 5 above", "paragraph 3 (b) of the present resolution", "subparagraph (c) above"."""

    span: Span
    number: int | None  # the paragraph number (None: "subparagraph (c)" of the current paragraph)
    sub: str = ""  # "(c)" / "c"
    direction: str = ""  # above / below / present (of the present resolution) / "" (bare)
    target: Paragraph | None = field(default=None, repr=False)
    target_line: int | None = None  # 0-based line of the target, for go-to
    paragraph: Paragraph | None = field(default=None, repr=False)

    kind = "internal"

    @property
    def explicit(self) -> bool:
        return bool(self.direction)

    def describe(self) -> str:
        what = f"paragraph {self.number}" if self.number is not None else "subparagraph"
        if self.sub:
            what += f" ({self.sub})" if self.number is not None else f" ({self.sub})"
        if self.target is None:
            return f"Internal reference to {what}: no such paragraph in this text"
        line = f" (line {self.target_line + 1})" if self.target_line is not None else ""
        return f"Internal reference to operative {what}{line}"
