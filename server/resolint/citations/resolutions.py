"""Resolutions and decisions cited by number or symbol: lists after "resolution(s)" and
"decision(s)" ("resolutions 71/19 of 21 November 2016 and 73/11"), and symbols anywhere
("A/RES/79/243", "S/PRST/2020/1").
"""

from __future__ import annotations

import re
from typing import Any

from resolint.citations import patterns as P
from resolint.citations.organs import _Context, _fits, _owner_after, _resolve, _subject_after
from resolint.citations.refdata import HRC_FIRST_YEAR, HRC_SESSIONS_A_YEAR, ga_session_window
from resolint.citations.scan import _in, _matches_at
from resolint.citations.types import (
    Basis,
    DateMention,
    Organ,
    ResolutionCitation,
)
from resolint.citations.years import year_date_after
from resolint.lazyre import lazy
from resolint.model import Paragraph
from resolint.numerals import roman_sum
from resolint.records import record
from resolint.source import Span, word_before

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_CONTEXT, _GA, _IMPLIED, _ITS = Basis.CONTEXT, Organ.GA, Basis.IMPLIED, Basis.ITS


def roman(s: str) -> int:
    """An old session number "XXX", read leniently (upper-case I, V, X and L only)."""
    return roman_sum(s, "IVXL")


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
        if organ is _GA and c.session >= 31:
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


@record(slots=True)
class _Par:
    """One paragraph being read: its text, where it starts, and its dates by offset."""

    p: Paragraph | None  # None while a paragraph's citations are read for the cache
    text: str
    base: int
    annex: bool
    by_start: dict[int, DateMention]
    own_symbol: Span | None

    def place(self, c: ResolutionCitation, end: int) -> int:
        """Mark ``c`` as found here; attach the date that follows it ("of 21 May 2020")
        and return where the citation (with its date) ends. A year without a day ("of
        2015", "adopted in March 2016") ends it too, so that a list goes on after it
        ("resolutions 73/11 of December 2018 and 74/5"); the rules read that year with
        :func:`~resolint.citations.years.year_date_after`."""
        c.in_annex, c.paragraph = self.annex, self.p
        dm = P.OF_DATE.match(self.text, end)
        if dm and dm.end() in self.by_start:
            c.date = self.by_start[dm.end()]
            return c.date.span.end - self.base
        yd = year_date_after(self.text, end)
        return end if yd is None else yd.span.end

    def is_own(self, c: ResolutionCitation) -> bool:
        """The document's own symbol in its title is not a citation."""
        return bool(self.own_symbol and c.span == self.own_symbol)


def _list_item(
    ctx: _Context, par: _Par, pos: int, kw: re.Match, decision: bool, prev_list, organs: dict[str, tuple[Organ, Basis, str]]
) -> tuple[ResolutionCitation, int] | None:
    """The citation at ``pos`` in a list after "resolution(s)": a number or a symbol.
    ``organs``: the organ :func:`_resolve` gives the keyword, by shape of number (the
    numbers of a list share their keyword, and mostly their shape)."""
    ptext = par.text
    m = P.ITEM.match(ptext, pos)
    if m:
        shape = _item_shape(m)
        if shape not in organs:
            organs[shape] = _resolve(ctx, ptext, kw.start(), shape)
        organ_, basis, name = organs[shape]
        if basis is _IMPLIED and prev_list is not None and P.LIST_JOIN.fullmatch(ptext, prev_list[0], kw.start()):
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


#: The Human Rights Council named in a paragraph.
_HRC = lazy(r"\bHuman Rights Council\b")


def _councils_numbering(c: ResolutionCitation, ptext: str, kw_start: int, base: int) -> bool:
    """Whether a bare "resolution 32/13 of 1 July 2016", taken for the General Assembly's
    by default, is the Human Rights Council's: its date lies outside the Assembly session
    its number names, and the Council is named before it in the paragraph ("… Human Rights
    Council resolutions 28/16 of 26 March 2015 … on the right to privacy and resolutions
    32/13 of 1 July 2016, …"). The Council numbers its resolutions by session as the
    Assembly does, so only the date tells them apart; it met first in 2006 and holds
    about three regular sessions a year (A/RES/60/251, para. 10: "no fewer than three
    sessions per year"), so its session N is not held before 2006 + (N - 4) / 3. A year
    or month for a date ("resolutions 32/13 of 2016") tells them apart as well."""
    if c.organ is not Organ.GA or c.form != "ga" or c.session is None:
        return False
    if c.date is not None:
        first = last = c.date.date
        if first is None:
            return False
    else:
        yd = year_date_after(ptext, c.span.end - base)
        if yd is None:
            return False
        first, last = yd.first, yd.last
    lo, hi = ga_session_window(c.session)
    year = first.year
    if (lo <= last and first <= hi) or year < HRC_FIRST_YEAR or c.session > HRC_SESSIONS_A_YEAR * (year - HRC_FIRST_YEAR) + 4:
        return False
    return "Human Rights Council" in ptext and _HRC.search(ptext, 0, kw_start) is not None


def _keyword_list(ctx: _Context, par: _Par, kw: re.Match, prev_list, out: list, covered: list) -> tuple[list[ResolutionCitation], int]:
    """The citations listed after one "resolution(s)" / "decision(s)", and where the list ends."""
    decision = kw.group("kw").lower().startswith("decision")
    pos = end = kw.end()
    items: list[ResolutionCitation] = []
    organs: dict[str, tuple[Organ, Basis, str]] = {}
    while True:
        found = _list_item(ctx, par, pos, kw, decision, prev_list, organs)
        if found is None:
            break
        c, end = found
        end = par.place(c, end)
        if c.basis is _IMPLIED and _councils_numbering(c, par.text, kw.start(), par.base):
            c.organ, c.basis, c.form = Organ.HRC, Basis.CONTEXT, "session"
        if not par.is_own(c):
            out.append(c)
        covered.append((c.span.start - par.base, c.span.end - par.base))
        items.append(c)
        sep = P.SEPARATOR.match(par.text, end)
        if not sep:
            break
        pos = sep.end()
    return items, end


def _resolution_lists(ctx: _Context, par: _Par, out: list) -> list[tuple[int, int]]:
    """Resolutions after "resolution(s)" / "decision(s)"; returns the spans they cover."""
    ptext = par.text
    covered: list[tuple[int, int]] = []
    if "esolution" not in ptext and "ecision" not in ptext:
        return covered
    prev_list: tuple[int, tuple[Organ, Basis, str]] | None = None
    for kw in _matches_at(P.KEYWORD, ptext, ("esolution", "ecision"), (1,)):
        if word_before(ptext, kw.start()):
            continue
        items, end = _keyword_list(ctx, par, kw, prev_list, out, covered)
        if items and items[0].basis is _ITS:
            _subject_after(items, ptext, end)
        if items and items[-1].basis in (_ITS, _IMPLIED, _CONTEXT):
            _owner_after(items, ptext, end)
        if items and not items[-1].symbol:
            prev_list = (end, (items[-1].organ, items[-1].basis, items[-1].organ_name))
    return covered


def _loose_symbols(par: _Par, covered: list[tuple[int, int]], out: list) -> None:
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
