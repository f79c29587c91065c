"""Find what a resolution cites, once per document, and resolve the organ of each citation.

The extractor walks the paragraphs the parser placed, runs the compiled patterns of
:mod:`resolint.citations.patterns` over each, and resolves:

- the organ of every cited resolution, from its context: a body named just before
  ("Human Rights Council resolution 53/12"), "its resolution" (the organ of the document,
  or "the Council, in its resolution …"), "Council resolution" after a council was named,
  the form of the number ("2178 (2014)" is the Security Council's), or a guess from the
  document (recorded as such, so checks that could be wrong stay quiet or informative);
- the instrument of every "article N", and the target paragraph of "paragraph 5 above".
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from resolint.citations import patterns as P
from resolint.citations.refdata import Instrument, instruments_for, iter_sorted_names
from resolint.citations.types import (
    ArticleCitation,
    Basis,
    DateMention,
    InstrumentMention,
    InternalReference,
    Organ,
    ResolutionCitation,
)
from resolint.model import Kind, LabelScheme, Paragraph, Resolution
from resolint.numerals import roman_sum
from resolint.source import Span


def roman(s: str) -> int:
    """An old session number "XXX", read leniently (upper-case I, V, X and L only)."""
    return roman_sum(s, "IVXL")


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


# -- dates --------------------------------------------------------------------------------


def date_from_match(m: re.Match, base: int = 0) -> DateMention:
    if m.group("d1"):
        day, month, year = int(m.group("d1")), P.MONTH_NUMBER[m.group("m1")], int(m.group("y1"))
        form = "ordinal" if m.group("o1") else ("dmy-comma" if m.group("c1") else "dmy")
    else:
        day, month, year = int(m.group("d2")), P.MONTH_NUMBER[m.group("m2")], int(m.group("y2"))
        form = "mdy-ordinal" if m.group("o2") else "mdy"
    return DateMention(Span(base + m.start(), base + m.end()), day, month, year, form, m.group(0))


def find_dates(text: str) -> list[DateMention]:
    """Every date in ``text``, found from its month name (one fast literal scan)."""
    out: list[DateMention] = []
    last_end = 0
    for m in P.MONTH.finditer(text):
        ms, me = m.start(), m.end()
        if ms and text[ms - 1].isalpha():
            continue
        month = P.MONTH_NUMBER[m.group(0)]
        before = P.DAY_BEFORE.search(text, max(last_end, ms - 12), ms)
        after = P.YEAR_AFTER.match(text, me) if before else None
        if before and after:
            start = before.start()
            form = "ordinal" if before.group("o") else ("dmy-comma" if after.group("c") else "dmy")
            d = DateMention(Span(start, after.end()), int(before.group("d")), month, int(after.group("y")), form, text[start : after.end()])
        else:
            md = P.DAY_YEAR_AFTER.match(text, me)
            if not md:
                continue
            form = "mdy-ordinal" if md.group("o") else "mdy"
            d = DateMention(Span(ms, md.end()), int(md.group("d")), month, int(md.group("y")), form, text[ms : md.end()])
        out.append(d)
        last_end = d.span.end
    return out


# -- organs -------------------------------------------------------------------------------

_FITS = {
    Organ.GA: {"ga", "ga-old", "ga-special", "ga-emergency", "session"},
    Organ.SC: {"sc"},
    Organ.ECOSOC: {"ecosoc"},
    Organ.HRC: {"session", "ga-special"},
    Organ.INTERPOL: {"interpol-agn", "interpol-year", "interpol-session"},
}


def _fits(organ: Organ, shape: str) -> bool:
    return shape in _FITS.get(organ, set())


def _name_phrase(tail: str) -> str:
    """The capitalised name that ends ``tail`` ("Recalling Human Rights Council")."""
    words = tail.split()
    if words and words[-1] in ("of", "and", "the", "on", "for", "to", "against", "in", "de", "des", "or"):
        return ""  # "… the Convention and resolution 71/19": no name right before the keyword
    out: list[str] = []
    for w in reversed(words):
        w2 = w.rstrip(",")
        if w2 != w and out:
            break
        if not P.NAME_WORD.match(w2):
            break
        out.append(w2)
        if w2 != w:
            break
    while out and out[-1] in ("of", "and", "the", "on", "for", "to", "against", "in", "de", "des"):
        out.pop()
    return " ".join(reversed(out))


def _organ_of_phrase(phrase: str, shape: str) -> tuple[Organ, str] | None:
    """Classify a body's name; ``("Council", …)`` and ``("Assembly", …)`` need context."""
    found = list(P.ORGAN_END.finditer(phrase))
    if not found:
        return None
    m = found[-1]
    name = m.group("organ")
    after = phrase[m.end() :].strip()
    if after and name in ("Security Council", "Economic and Social Council", "Human Rights Council", "General Assembly"):
        return Organ.OTHER, phrase  # "General Assembly of the Organization of American States"
    if name == "Security Council":
        return Organ.SC, ""
    if name == "Economic and Social Council":
        return Organ.ECOSOC, ""
    if name == "Human Rights Council":
        return Organ.HRC, ""
    if name in ("INTERPOL", "Interpol"):
        return Organ.INTERPOL, ""
    before = phrase[: m.start()].split()
    if name == "General Assembly":
        if any(w in ("INTERPOL", "Interpol", "ICPO-INTERPOL", "ICPO-Interpol") for w in before):
            return Organ.INTERPOL, ""
        if shape.startswith("interpol"):
            return Organ.INTERPOL, ""
        return Organ.GA, ""
    # A bare "Council"/"Assembly" (the first word of the phrase may be the paragraph's opener).
    significant = [w for w in before if w not in ("the", "The")]
    if name in ("Council", "Assembly") and not after and len(significant) <= 1 and (not significant or significant[0][-3:] in ("ing", "ed") or significant[0].endswith("s")):
        return (Organ.UNKNOWN, name)
    return Organ.OTHER, phrase


class _Context:
    """What the extractor knows while walking the document in order."""

    def __init__(self, res: Resolution, doc_organ: Organ) -> None:
        self.res = res
        self.doc_organ = doc_organ
        self.councils: list[Organ] = []  # councils named so far, in order
        self.assemblies: list[tuple[Organ, str]] = []


def _resolve(
    ctx: _Context, ptext: str, kw_start: int, shape: str
) -> tuple[Organ, Basis, str]:
    """The organ of a citation whose keyword starts at ``kw_start`` of the paragraph."""
    tail = ptext[max(0, kw_start - 160) : kw_start]
    pronoun = tail.rstrip().endswith(("its", "their", "Its", "Their"))
    # "the Human Rights Council, in its resolution 53/12"
    m = P.IN_ITS.search(tail) if pronoun else None
    if m:
        phrase = _name_phrase(tail[: m.start()])
        got = _organ_of_phrase(phrase, shape) if phrase else None
        if got and got[0] not in (Organ.UNKNOWN,):
            organ, name = got
            return _finish(organ, Basis.NAMED, name, shape)
    if pronoun and P.ITS_ONLY.search(tail):
        if _fits(ctx.doc_organ, shape):
            return _finish(ctx.doc_organ, Basis.ITS, "", shape)
        # "the United Nations General Assembly resolution 51/1 …, as well as its resolutions 71/19":
        # the last body named in the paragraph whose numbers look like this.
        for om in reversed(list(P.ORGAN_ANY.finditer(ptext, 0, kw_start)) if ("Council" in ptext or "Assembly" in ptext) else []):
            organ = _organ_from_any(om, shape)
            if organ is not None and _fits(organ, shape):
                return _finish(organ, Basis.ITS, "", shape)
        return Organ.UNKNOWN, Basis.IMPLIED, ""
    phrase = _name_phrase(tail)
    got = _organ_of_phrase(phrase, shape) if phrase else None
    if got is not None:
        organ, name = got
        if organ is Organ.UNKNOWN:  # "Council resolution …" / "Assembly resolution …"
            return _context_organ(ctx, name, shape, _named_before(ptext, kw_start))
        return _finish(organ, Basis.NAMED, name, shape)
    # Nothing named: the form may say it all, in a text of the United Nations or INTERPOL.
    if ctx.doc_organ in (Organ.OTHER, Organ.UNKNOWN) and shape in ("sc", "ecosoc", "ga-old"):
        return {"sc": Organ.SC, "ecosoc": Organ.ECOSOC, "ga-old": Organ.GA}[shape], Basis.IMPLIED, ""
    if shape == "sc":
        return Organ.SC, Basis.FORM, ""
    if shape == "ecosoc":
        return Organ.ECOSOC, Basis.FORM, ""
    if shape == "ga-old":
        return Organ.GA, Basis.FORM, ""
    if shape.startswith("interpol"):
        return Organ.INTERPOL, Basis.FORM, ""
    if ctx.doc_organ in (Organ.GA, Organ.HRC) and _fits(ctx.doc_organ, shape):
        return _finish(ctx.doc_organ, Basis.IMPLIED, "", shape)
    if ctx.doc_organ is Organ.INTERPOL and shape in ("session", "ga-special", "ga-emergency"):
        return _finish(Organ.GA, Basis.IMPLIED, "", shape)
    return Organ.UNKNOWN, Basis.IMPLIED, ""


def _subject_after(items: list[ResolutionCitation], ptext: str, end: int) -> None:
    """ "through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted":
    the body named right after the list is what "its" stands for."""
    m = P.ITS_SUBJECT_AFTER.match(ptext, end)
    if not m:
        return
    organ = {"Human Rights Council": Organ.HRC, "Security Council": Organ.SC,
             "Economic and Social Council": Organ.ECOSOC, "General Assembly": Organ.GA}[m.group("name")]
    for c in items:
        if c.symbol:
            continue
        if _fits(organ, c.form) or (organ is Organ.HRC and c.form == "ga"):
            c.organ, c.basis = organ, Basis.NAMED
            if organ is not Organ.GA and c.form == "ga":
                c.form = "session"
        else:
            c.organ, c.basis, c.organ_name = Organ.OTHER, Basis.NAMED, m.group("name")


def _owner_after(items: list[ResolutionCitation], ptext: str, end: int) -> None:
    """ "decision 3/4 of the Conference of the Parties": the body named after the numbers."""
    m = P.OWNER_AFTER.match(ptext, end)
    if not m:
        return
    got = _organ_of_phrase(m.group("name"), items[-1].form)
    if got is None or got[0] is Organ.UNKNOWN:
        return
    organ, name = got
    for c in items:
        if c.symbol:
            continue
        if organ is Organ.GA and c.form in ("ga", "session", "ga-old", "ga-special", "ga-emergency"):
            c.organ, c.basis = Organ.GA, Basis.NAMED
            if c.form == "session" and c.session and c.session >= 31:
                c.form = "ga"
        elif organ in (Organ.GA, Organ.SC, Organ.ECOSOC, Organ.HRC) and _fits(organ, c.form):
            c.organ, c.basis = organ, Basis.NAMED
            if c.form == "ga":
                c.form = "session"
        else:
            c.organ, c.basis, c.organ_name = Organ.OTHER, Basis.NAMED, name or m.group("name")
            if c.form == "ga":
                c.form = "session"


def _after_interpol(m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 16) : m.start()]
    return before.endswith(("INTERPOL ", "Interpol ", "ICPO-INTERPOL "))


def _organ_from_any(m: re.Match, shape: str) -> Organ | None:
    text = m.group(0)
    if "Security Council" in text:
        return Organ.SC
    if "Economic and Social" in text:
        return Organ.ECOSOC
    if "Human Rights Council" in text:
        return Organ.HRC
    if text.endswith("General Assembly"):
        return Organ.INTERPOL if _after_interpol(m) else Organ.GA
    return Organ.OTHER


def _named_before(ptext: str, end: int) -> tuple[list[Organ], list[tuple[Organ, str]]]:
    """Councils and assemblies named earlier in the same paragraph, in order."""
    councils: list[Organ] = []
    assemblies: list[tuple[Organ, str]] = []
    if "Council" in ptext or "Assembly" in ptext:
        for m in P.ORGAN_ANY.finditer(ptext, 0, end):
            t = m.group(0)
            if t.endswith("Council"):
                councils.append(_organ_from_any(m, "") or Organ.OTHER)
            elif t.endswith("General Assembly"):
                assemblies.append((Organ.INTERPOL if _after_interpol(m) else Organ.GA, ""))
            else:
                assemblies.append((Organ.OTHER, t))
    return councils, assemblies


def _context_organ(
    ctx: _Context, name: str, shape: str, here: tuple[list[Organ], list[tuple[Organ, str]]] = ([], [])
) -> tuple[Organ, Basis, str]:
    councils = ctx.councils + here[0]
    assemblies = ctx.assemblies + here[1]
    if name == "Council" and shape == "sc" and Organ.SC not in councils and ctx.doc_organ is not Organ.SC:
        # "Council Resolution 1305 (2009)" of another council (ITU's): not the Security Council's.
        return Organ.UNKNOWN, Basis.IMPLIED, ""
    if shape == "sc":
        return Organ.SC, Basis.FORM, ""
    if shape == "ecosoc":
        return Organ.ECOSOC, Basis.FORM, ""
    if name == "Council":
        if ctx.doc_organ in (Organ.HRC, Organ.SC, Organ.ECOSOC) and _fits(ctx.doc_organ, shape) and not councils:
            return ctx.doc_organ, Basis.ITS, ""
        for organ in reversed(councils):
            if _fits(organ, shape):
                return _finish(organ, Basis.CONTEXT, "", shape)
        return Organ.UNKNOWN, Basis.IMPLIED, ""
    # "Assembly resolution 71/19"
    if assemblies:
        organ, oname = assemblies[-1]
        if organ is Organ.GA and _fits(Organ.GA, shape):
            return _finish(Organ.GA, Basis.ITS if ctx.doc_organ is Organ.GA else Basis.CONTEXT, "", shape)
        if organ is Organ.OTHER:
            return Organ.OTHER, Basis.CONTEXT, oname
    if ctx.doc_organ is Organ.GA and _fits(Organ.GA, shape):
        return _finish(Organ.GA, Basis.ITS, "", shape)
    return Organ.UNKNOWN, Basis.IMPLIED, ""


def _finish(organ: Organ, basis: Basis, name: str, shape: str) -> tuple[Organ, Basis, str]:
    if organ in (Organ.GA, Organ.SC, Organ.ECOSOC, Organ.HRC) and not _fits(organ, shape) and not shape.startswith("interpol"):
        # A named body whose numbers are not written like this: keep the name, do not check.
        return Organ.OTHER, basis, name or organ.value
    return organ, basis, name


def _note_organs(ctx: _Context, ptext: str) -> None:
    for m in P.ORGAN_ANY.finditer(ptext):
        t = m.group(0)
        if t.endswith("Council"):
            organ = _organ_from_any(m, "")
            if organ is not None:
                ctx.councils.append(organ)
        elif t.endswith("General Assembly"):
            ctx.assemblies.append((Organ.INTERPOL if _after_interpol(m) else Organ.GA, ""))
        else:
            ctx.assemblies.append((Organ.OTHER, t))


# -- numbers ------------------------------------------------------------------------------


def _item_shape(m: re.Match) -> str:
    if m.group("sp_kind"):
        return "ga-emergency" if m.group("sp_kind") == "ES" else "ga-special"
    if m.group("ec_y"):
        return "ecosoc"
    if m.group("sl_s"):
        return "session"
    if m.group("sc_n"):
        return "sc"
    return "ga-old"


def _item_citation(m: re.Match, base: int, organ: Organ, basis: Basis, name: str, decision: bool) -> ResolutionCitation:
    shape = _item_shape(m)
    text = m.group(0)
    span = Span(base + m.start(), base + m.end())
    c = ResolutionCitation(span, text, shape, organ, basis, decision=decision, organ_name=name)
    if shape in ("ga-special", "ga-emergency"):
        c.session, c.number = int(m.group("sp_s")), int(m.group("sp_n"))
    elif shape == "ecosoc":
        c.year, c.number = int(m.group("ec_y")), int(m.group("ec_n"))
    elif shape == "session":
        c.session, c.number = int(m.group("sl_s")), int(m.group("sl_n"))
        if organ is Organ.GA and c.session >= 31:
            c.form = "ga"
    elif shape == "sc":
        c.number, c.year = int(m.group("sc_n")), int(m.group("sc_y"))
    else:
        c.number = int(m.group("old_n"))
        sess = m.group("old_s")
        if sess.startswith(("S-", "ES-")):
            c.form = "ga-special" if sess.startswith("S-") else "ga-emergency"
            c.session = roman(sess.split("-", 1)[1])
        else:
            c.session = roman(sess)
    return c


def symbol_citation(m: re.Match, base: int) -> ResolutionCitation:
    """A citation from a document or INTERPOL symbol (its organ is in the symbol)."""
    g = m.group
    span = Span(base + m.start(), base + m.end())
    text = m.group(0)

    def mk(form: str, organ: Organ, **kw: Any) -> ResolutionCitation:
        return ResolutionCitation(span, text, form, organ, Basis.SYMBOL, symbol=True, **kw)

    if g("a_s"):
        if g("a_kind"):
            return mk("ga-emergency" if g("a_kind") == "ES" else "ga-special", Organ.GA, session=int(g("a_s")), number=int(g("a_n")))
        if g("a_rom"):
            return mk("ga-old", Organ.GA, session=roman(g("a_rom")), number=int(g("a_s")))
        s = int(g("a_s"))
        return mk("ga" if s >= 31 else "session", Organ.GA, session=s, number=int(g("a_n")))
    if g("h_s"):
        return mk("ga-special" if g("h_kind") else "session", Organ.HRC, session=int(g("h_s")), number=int(g("h_n")))
    if g("s_n"):
        return mk("sc", Organ.SC, number=int(g("s_n")), year=int(g("s_y")))
    if g("e_y"):
        return mk("ecosoc", Organ.ECOSOC, year=int(g("e_y")), number=int(g("e_n")))
    if g("d_s"):
        return mk("draft", Organ.GA, session=int(g("d_s")), number=int(g("d_n")))
    if g("p_y"):
        return mk("prst", Organ.SC, year=int(g("p_y")), number=int(g("p_n")))
    if g("agn_s"):
        return mk("interpol-agn", Organ.INTERPOL, session=int(g("agn_s")), number=int(g("agn_n")), prefix="AGN")
    c = mk(
        "interpol-session" if g("ip_s") else "interpol-year", Organ.INTERPOL,
        year=int(g("ip_y")), number=int(g("ip_n")), prefix=g("ip_pfx"),
    )
    if g("ip_s"):
        c.session = int(g("ip_s"))
    return c


# -- the walk -----------------------------------------------------------------------------


def document_organ(res: Resolution) -> Organ:
    text = res.source.text
    opening = " ".join(text[p.span.start : p.span.end] for p in res.openings[:1])
    if re.search(r"\b(?:ICPO-)?INTERPOL\b.{0,20}General Assembly|\bInterpol General Assembly", opening, re.IGNORECASE):
        return Organ.INTERPOL
    for name, organ in (
        ("Security Council", Organ.SC), ("Human Rights Council", Organ.HRC),
        ("Economic and Social Council", Organ.ECOSOC), ("General Assembly", Organ.GA),
    ):
        if name in opening:
            return organ
    sym = text[res.title.symbol.start : res.title.symbol.end] if res.title.symbol else ""
    if sym.startswith(("GA-", "AG-", "AGN/")):
        return Organ.INTERPOL
    if sym.startswith("S/"):
        return Organ.SC
    if sym.startswith("A/") or re.match(r"\d{1,3}/\d", sym):
        return Organ.GA
    return Organ.UNKNOWN


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
                facts.year = own.session + 1931
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


def _quotes(ptext: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in P.QUOTE.finditer(ptext)]


def _in(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words``, factored by common prefix.

    A flat alternation makes the regex engine try every name at every position; the
    trie fails on the first character for almost every position of the text.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


class _NameMatcher:
    """One compiled trie of every instrument name (the regex engine takes the longest)."""

    def __init__(self, instruments: tuple[Instrument, ...]) -> None:
        names = iter_sorted_names(instruments)
        self.by_name = {}
        for name, inst, form in names:
            self.by_name.setdefault(name, (inst, form))
        body = trie_regex([n for n, _, _ in names]) or r"(?!x)x"
        # Greedy optional tails make the trie prefer the longest name.
        self.regex = re.compile(rf"(?:{body})(?![\w-])")
        self.variants = [(v, inst) for inst in instruments for v in inst.variants]
        # Every name and every variant starts with one of these literal prefixes: the text is
        # scanned once per prefix (``str.find``), and the patterns are tried only there.
        starts = [n for n, _, _ in names] + [_literal_head(v.pattern.pattern) for v, _ in self.variants]
        heads = sorted({h.split()[0] if h.split() else h for h in starts if h}, key=len)
        self.first_words = tuple(h for i, h in enumerate(heads) if not any(h.startswith(o) for o in heads[:i]))
        #: Each variant's literal head ("United Nations Convention Against"), found with ``str.find``.
        self.variant_heads = [_literal_head(v.pattern.pattern) for v, _ in self.variants]

    def positions(self, text: str) -> list[int]:
        out: list[int] = []
        for w in self.first_words:
            pos = text.find(w)
            while pos >= 0:
                out.append(pos)
                pos = text.find(w, pos + 1)
        out.sort()
        return out

    def finditer(self, text: str, positions: list[int] | None = None):
        hits = []
        for pos in self.positions(text) if positions is None else positions:
            m = self.regex.match(text, pos)
            if m:
                hits.append(m)
        hits.sort(key=lambda m: (m.start(), -m.end()))
        out, end = [], -1
        for m in hits:  # leftmost-longest, no overlaps (what one regex pass would give)
            if m.start() >= end:
                out.append(m)
                end = m.end()
        return out


def _literal_head(pattern: str) -> str:
    """The literal text a regex starts with ("United Nations Convention Against" of a
    variant), up to its first special character; empty when it starts with one."""
    out = []
    for ch in pattern:
        if ch in ".^$*+?{}[]\\|()":
            break
        out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=16)
def _matcher(instruments: tuple[Instrument, ...]) -> _NameMatcher:
    return _NameMatcher(instruments)


class _Conventions:
    """Which instrument "the Convention" means at each point of the text: the convention
    named in this or the previous paragraph, else the text's main convention (the one
    named most often, when it outnumbers conventions the reference data does not know)."""

    def __init__(self) -> None:
        self.last: InstrumentMention | None = None
        self.counts: dict[str, int] = {}
        self.by_key: dict[str, InstrumentMention] = {}
        self.unknown = 0

    def referent(self, p: Paragraph) -> InstrumentMention | None:
        last = self.last
        if last is not None and last.paragraph is not None and p.index - last.paragraph.index <= 1:
            return last
        return self._dominant()

    def _dominant(self) -> InstrumentMention | None:
        """Far from any mention, "the Convention" is the text's main convention, if it is known."""
        if not self.counts:
            return None
        key = max(self.counts, key=lambda k: self.counts[k])
        return self.by_key[key] if self.counts[key] > self.unknown else None

    def note(self, par: _Par, pmentions: list[InstrumentMention]) -> None:
        """Record the conventions a paragraph names, known or not."""
        for mm in pmentions:
            if mm.instrument.kind == "convention":
                self.last = mm
                self.counts[mm.instrument.key] = self.counts.get(mm.instrument.key, 0) + 1
                self.by_key[mm.instrument.key] = mm
        if "Convention" not in par.text:
            return
        # A convention the reference data does not know: "the Convention" may mean it.
        for gm in P.ANY_CONVENTION.finditer(par.text):
            if not any(mm.span.start <= par.base + gm.start() < mm.span.end for mm in pmentions):
                self.unknown += 1
                if self.last is not None and par.base + gm.start() > self.last.span.start:
                    self.last = None


@dataclass(slots=True)
class _Par:
    """One paragraph being read: its text, where it starts, and its dates by offset."""

    p: Paragraph
    text: str
    base: int
    annex: bool
    by_start: dict[int, DateMention]
    own_symbol: Span | None

    def place(self, c: ResolutionCitation, end: int) -> int:
        """Mark ``c`` as found here; attach the date that follows it ("of 21 May 2020")
        and return where the citation (with its date) ends."""
        c.in_annex, c.paragraph = self.annex, self.p
        dm = P.OF_DATE.match(self.text, end)
        if dm and dm.end() in self.by_start:
            c.date = self.by_start[dm.end()]
            end = c.date.span.end - self.base
        return end

    def is_own(self, c: ResolutionCitation) -> bool:
        """The document's own symbol in its title is not a citation."""
        return bool(self.own_symbol and c.span == self.own_symbol)


def _list_item(ctx: _Context, par: _Par, pos: int, kw: re.Match, decision: bool, prev_list) -> tuple[ResolutionCitation, int] | None:
    """The citation at ``pos`` in a list after "resolution(s)": a number or a symbol."""
    ptext = par.text
    m = P.ITEM.match(ptext, pos)
    if m:
        shape = _item_shape(m)
        organ_, basis, name = _resolve(ctx, ptext, kw.start(), shape)
        if basis is Basis.IMPLIED and prev_list is not None and P.LIST_JOIN.fullmatch(ptext, prev_list[0], kw.start()):
            # "General Assembly resolution 78/10 of … and decision 77/555": the body carries over.
            porgan, pbasis, pname = prev_list[1]
            if _fits(porgan, shape) or porgan is Organ.OTHER:
                organ_, basis, name = porgan, pbasis, pname
        return _item_citation(m, par.base, organ_, basis, name, decision), m.end()
    sym = P.SYMBOL.match(ptext, pos)
    if not sym:
        return None
    c = symbol_citation(sym, par.base)
    c.decision = decision
    return c, sym.end()


def _keyword_list(ctx: _Context, par: _Par, kw: re.Match, prev_list, out: CitationSet, covered: list) -> tuple[list[ResolutionCitation], int]:
    """The citations listed after one "resolution(s)" / "decision(s)", and where the list ends."""
    decision = kw.group("kw").lower().startswith("decision")
    pos = end = kw.end()
    items: list[ResolutionCitation] = []
    while True:
        found = _list_item(ctx, par, pos, kw, decision, prev_list)
        if found is None:
            break
        c, end = found
        end = par.place(c, end)
        if not par.is_own(c):
            out.append(c)
        covered.append((c.span.start - par.base, c.span.end - par.base))
        items.append(c)
        sep = P.SEPARATOR.match(par.text, end)
        if not sep:
            break
        pos = sep.end()
    return items, end


def _resolution_lists(ctx: _Context, par: _Par, out: CitationSet) -> list[tuple[int, int]]:
    """Resolutions after "resolution(s)" / "decision(s)"; returns the spans they cover."""
    ptext = par.text
    covered: list[tuple[int, int]] = []
    if "esolution" not in ptext and "ecision" not in ptext:
        return covered
    prev_list: tuple[int, tuple[Organ, Basis, str]] | None = None
    for kw in _matches_at(P.KEYWORD, ptext, ("esolution", "ecision"), (1,)):
        if kw.start() and (ptext[kw.start() - 1].isalnum() or ptext[kw.start() - 1] in "-_"):
            continue
        items, end = _keyword_list(ctx, par, kw, prev_list, out, covered)
        if items and items[0].basis is Basis.ITS:
            _subject_after(items, ptext, end)
        if items and items[-1].basis in (Basis.ITS, Basis.IMPLIED, Basis.CONTEXT):
            _owner_after(items, ptext, end)
        if items and not items[-1].symbol:
            prev_list = (end, (items[-1].organ, items[-1].basis, items[-1].organ_name))
    return covered


def _loose_symbols(par: _Par, covered: list[tuple[int, int]], out: CitationSet) -> None:
    """Document symbols standing anywhere else ("A/RES/79/243")."""
    ptext = par.text
    if "RES" not in ptext and "/L." not in ptext and "PRST" not in ptext:
        return
    for m in P.SYMBOL.finditer(ptext):
        if not P.symbol_boundary(ptext, m.start()) or _in(covered, m.start(), m.end()):
            continue
        if par.own_symbol and par.own_symbol.start == par.base + m.start():
            continue
        c = symbol_citation(m, par.base)
        par.place(c, m.end())
        out.append(c)


def _instruments(par: _Par, hits, conventions: _Conventions, mentions: list[InstrumentMention], out: CitationSet) -> None:
    """Instruments named in the paragraph, then its articles (which may name one of them)."""
    ptext, base = par.text, par.base
    # Cheap substring tests keep the regexes off the many paragraphs that cannot match.
    quotes = _quotes(ptext) if ('"' in ptext or "“" in ptext) else []
    pmentions = [
        InstrumentMention(Span(m.start(), m.end()), m.group(0), inst, form, *var, par.annex, _in(quotes, m.start() - base, m.end() - base), par.p)
        for m, inst, form, var in hits
    ]
    referent = conventions.referent(par.p)
    arts = _articles(ptext, base, par.p, par.annex, pmentions, mentions, referent) if "rticle" in ptext else []
    mentions.extend(pmentions)
    out.extend(pmentions)
    out.extend(arts)
    conventions.note(par, pmentions)


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
    body = [p for p in res.paragraphs if p.kind is not Kind.DIRECTIVE]
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


def _paragraphs_with(text: str, needles: tuple[str, ...], starts: list[int], body: list[Paragraph]) -> set[int]:
    """Indices of the paragraphs containing any of ``needles`` (``str.find``, one hit per paragraph)."""
    out: set[int] = set()
    n = len(text)
    for needle in needles:
        pos = text.find(needle)
        while pos >= 0:
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0 and pos < body[i].span.end:
                out.add(body[i].index)
                nxt = body[i].span.end
            else:
                nxt = pos + 1
            pos = text.find(needle, nxt) if nxt < n else -1
    return out


def _name_matches(matcher: _NameMatcher, text: str):
    """(match, instrument, form, (fix, safe, why)) for every instrument name in ``text``.

    Wrong variants win over the correct names they contain ("Budapest Convention on
    Cybercrime" over "Convention on Cybercrime").
    """
    found = []
    for (v, inst), head in zip(matcher.variants, matcher.variant_heads, strict=False):
        for m in _match_at_head(v.pattern, head, text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_"):
                continue
            found.append((m, inst, "variant", (v.fix, v.safe, v.why)))
    taken = sorted((m.start(), m.end()) for m, *_ in found)
    for m in matcher.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_"):
            continue
        if m.group(0) not in matcher.by_name:
            continue
        if taken and any(s < m.end() and m.start() < e for s, e in taken):
            continue
        inst, form = matcher.by_name[m.group(0)]
        found.append((m, inst, form, ("", False, "")))
    found.sort(key=lambda t: t[0].start())
    return found


def _matches_at(pattern: re.Pattern[str], text: str, needles: tuple[str, ...], backs: tuple[int, ...]):
    """Matches of ``pattern`` that start ``back`` characters before a needle ("esolution" for
    "Resolution"), in text order, without overlaps: ``str.find`` does the scanning, the
    regex is tried only where it can match."""
    found = []
    for needle in needles:
        pos = text.find(needle)
        while pos >= 0:
            for back in backs:
                if pos - back >= 0:
                    m = pattern.match(text, pos - back)
                    if m is not None:
                        found.append(m)
                        break
            pos = text.find(needle, pos + 1)
    found.sort(key=lambda m: m.start())
    out, end = [], -1
    for m in found:
        if m.start() >= end:
            out.append(m)
            end = m.end()
    return out


def _match_at_head(pattern: re.Pattern[str], head: str, text: str):
    """Matches of ``pattern``, tried only where its literal ``head`` stands (all of them
    when it has none)."""
    if not head:
        yield from pattern.finditer(text)
        return
    pos = text.find(head)
    while pos >= 0:
        m = pattern.match(text, pos)
        if m is not None:
            yield m
        pos = text.find(head, pos + 1)


def _bucket(items, starts: list[int], body: list[Paragraph]) -> dict[int, list]:
    """Group matches (or tuples starting with a match) by the paragraph they start in."""
    out: dict[int, list] = {}
    for it in items:
        m = it[0] if isinstance(it, tuple) else it
        s, e = (m.span.start, m.span.end) if isinstance(m, DateMention) else (m.start(), m.end())
        i = bisect.bisect_right(starts, s) - 1
        if i < 0:
            continue
        p = body[i]
        if e > p.span.end:
            continue  # runs over a paragraph break: not one citation
        out.setdefault(p.index, []).append(it)
    return out


def _articles(ptext, base, p, annex, pmentions, earlier, last_convention) -> list[ArticleCitation]:
    out = []
    starts = {m.span.start - base: m for m in pmentions}
    for m in _matches_at(P.ARTICLE, ptext, ("rticle",), (1,)):
        if m.start() and (ptext[m.start() - 1].isalnum() or ptext[m.start() - 1] in "-_"):
            continue
        num = int(m.group("num"))
        end = m.end()
        inst, basis = None, ""
        title, title_span = "", None
        tm = P.ARTICLE_TITLE.match(ptext, end)
        if tm:
            title = tm.group("title").strip()
            title_span = Span(base + tm.start("title"), base + tm.start("title") + len(title))
            end = tm.end()
        om = P.ARTICLE_OF.match(ptext, end)
        if om:
            at = om.end()
            rest = ptext[at : at + 40]
            if at in starts:
                inst, basis = starts[at].instrument, "of"
            elif rest.startswith("Charter") and not rest.startswith("Charter of the") or rest.startswith("Charter of the United Nations"):
                from resolint.citations.refdata import instrument_by_key

                inst, basis = instrument_by_key("charter"), "of"
            elif rest.startswith("Convention") and not re.match(r"Convention\s+(?:on|against|for|of|relating|concerning)\b", rest):
                conv = next((x for x in reversed([mm for mm in pmentions if mm.span.start - base < m.start()]) if x.instrument.kind == "convention"), None)
                conv = conv or last_convention
                if conv is not None:
                    inst, basis = conv.instrument, "convention"
            else:
                basis = "other"
        if basis == "" and not om:
            before = [mm for mm in pmentions if mm.span.start - base < m.start()]
            prev_par = []
            for mm in reversed(earlier):  # only the previous paragraph's, newest first: no quadratic scan
                if mm.paragraph is None or mm.paragraph.index < p.index - 1:
                    break
                prev_par.insert(0, mm)
            cands = before or prev_par
            if cands:
                inst, basis = cands[-1].instrument, "near"
            elif P.THE_CONVENTION.search(ptext, 0, m.start()) and last_convention is not None:
                inst, basis = last_convention.instrument, "context"
        out.append(
            ArticleCitation(
                Span(base + m.start(), base + m.start("num") + len(m.group("num"))),
                Span(base + m.start("word"), base + m.end("word")), num, inst, basis,
                m.group("word") == "Article", title, title_span, annex, p,
            )
        )
    return out


def _numbered_paragraphs(res: Resolution) -> dict[tuple[int, int], Paragraph]:
    """Operative paragraphs (and INTERPOL list items) by (part, number)."""
    out: dict[tuple[int, int], Paragraph] = {}
    for p in res.paragraphs:
        if p.kind is Kind.OPERATIVE and p.label is not None and p.label.scheme is LabelScheme.ARABIC:
            out.setdefault((p.part, p.label.value), p)
    return out


def _sub_target(parent: Paragraph, sub: str) -> Paragraph | None:
    """The sub-paragraph labelled ``sub`` under ``parent``, shallowest first."""
    level = list(parent.children)
    while level:
        for c in level:
            if c.label is not None and c.label.text.strip("().").lower() == sub.lower():
                return c
        level = [g for c in level for g in c.children]
    return None


def _sub_after(res: Resolution, para: Paragraph, sub: str) -> Paragraph | None:
    """A sub-paragraph labelled ``sub`` between ``para`` and the next operative paragraph:
    the parser may have hung it elsewhere, but the reader sees it under ``para``."""
    for q in res.paragraphs[para.index + 1 :]:
        if q.kind is Kind.OPERATIVE and q.parent is None and q.label is not None and q.label.scheme is LabelScheme.ARABIC:
            return None
        if q.kind is Kind.SUBPARAGRAPH and q.label is not None and q.label.text.strip("().").lower() == sub.lower():
            return q
    return None


def _top(p: Paragraph) -> Paragraph:
    while p.parent is not None and p.kind is Kind.SUBPARAGRAPH:
        p = p.parent
    return p


def _internal(ptext, base, p, res, numbered) -> list[InternalReference]:
    out = []
    for m in _matches_at(P.INTERNAL, ptext, ("aragraph",), (5, 4, 1)):
        if m.start() and (ptext[m.start() - 1].isalnum() or ptext[m.start() - 1] in "-_"):
            continue
        tail = m.group("tail") or ""
        if not tail:
            if P.EXTERNAL_TAIL.match(ptext, m.end()) or P.EXTERNAL_HEAD.search(ptext, max(0, m.start() - 20), m.start()):
                continue
        direction = "above" if "above" in tail else "below" if "below" in tail else ("present" if tail else "")
        num = int(m.group("num")) if m.group("num") else None
        sub = m.group("sub1") or m.group("sub2") or ""
        target = None
        if num is not None:
            target = numbered.get((p.part, num))
            if target is not None and sub:
                target = _sub_target(target, sub) or _sub_after(res, target, sub)
        elif sub:
            top = _top(p)
            target = _sub_target(top, sub) if top.kind is Kind.OPERATIVE else None
        ref = InternalReference(Span(base + m.start(), base + m.end()), num, sub, direction, target, None, p)
        if target is not None:
            ref.target_line = res.source.position(target.span.start).line
        out.append(ref)
    return out
