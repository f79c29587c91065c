"""The organ of a cited resolution, from its context: a body named just before it
("Human Rights Council resolution 53/12"), "its resolution", a council named earlier in
the text, the form of the number, or the organ of the document itself.
"""

from __future__ import annotations

import bisect
import re

from resolint.citations import patterns as P
from resolint.citations.types import (
    Basis,
    Organ,
    ResolutionCitation,
)
from resolint.invisible import as_read
from resolint.model import Resolution
from resolint.records import record

_FITS = {
    Organ.GA: {"ga", "ga-old", "ga-special", "ga-emergency", "session"},
    Organ.SC: {"sc"},
    Organ.ECOSOC: {"ecosoc"},
    Organ.HRC: {"session", "ga-special"},
    Organ.INTERPOL: {"interpol-agn", "interpol-year", "interpol-session"},
}


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ECOSOC, _GA, _HRC, _SC = Organ.ECOSOC, Organ.GA, Organ.HRC, Organ.SC


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


#: The organs' usual abbreviations, which a draft writes before a number as it writes the
#: name ("HRC resolution 55/1", "ECOSOC resolution 2023/15"): named, not assumed.
_ABBREVIATED = {"HRC": Organ.HRC, "ECOSOC": Organ.ECOSOC, "UNGA": Organ.GA, "UNSC": Organ.SC}


def _abbreviated(phrase: str) -> tuple[Organ, str] | None:
    """The organ an abbreviation ending ``phrase`` names ("Recalling HRC"), if one does."""
    words = phrase.split()
    return (_ABBREVIATED[words[-1]], "") if words and words[-1] in _ABBREVIATED else None


def _organ_of_phrase(phrase: str, shape: str) -> tuple[Organ, str] | None:
    """Classify a body's name; ``("Council", …)`` and ``("Assembly", …)`` need context."""
    found = list(P.ORGAN_END.finditer(phrase))
    if not found:
        return _abbreviated(phrase)
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


@record(frozen=True, slots=True)
class Named:
    """The bodies named in the paragraphs before one: what a bare "Council resolution 5/1"
    or "Assembly resolution 71/19" may mean there.

    Only what :func:`_context_organ` reads is kept (each council once, at its last
    mention, oldest first; the assembly named last), so two places with the same bodies
    behind them compare equal: a paragraph's citations cached at one are right at the other.
    """

    councils: tuple[Organ, ...] = ()
    assembly: tuple[Organ, str] | None = None

    def after(self, notes: tuple[tuple[Organ, str, bool], ...]) -> Named:
        """What is known after a paragraph that names ``notes`` (see :func:`organ_notes`)."""
        if not notes:
            return self
        councils, assembly = list(self.councils), self.assembly
        for organ, name, council in notes:
            if council:
                if organ in councils:
                    councils.remove(organ)
                councils.append(organ)
            else:
                assembly = (organ, name)
        return Named(tuple(councils), assembly)


class _Context:
    """What the extractor knows while reading one paragraph: the document's organ and the
    bodies named before the paragraph; ``read`` says whether the latter decided anything."""

    __slots__ = ("doc_organ", "named", "read", "mentions")

    def __init__(self, doc_organ: Organ, named: Named = Named()) -> None:  # noqa: B008 (a frozen dataclass: immutable)
        self.doc_organ = doc_organ
        self.named = named
        self.read = False
        #: The bodies the paragraph names (:data:`P.ORGAN_ANY`), found once a paragraph
        #: on first use (:func:`_its_organ`).
        self.mentions: list[re.Match[str]] | None = None


#: Forms of number only one organ uses: "2178 (2014)", "2004/27", "3363 (XXX)".
_FORM_ORGAN = {"sc": Organ.SC, "ecosoc": Organ.ECOSOC, "ga-old": Organ.GA}


def _its_organ(ctx: _Context, ptext: str, kw_start: int, shape: str) -> tuple[Organ, Basis, str]:
    """ "its resolution" with no body named: the document's organ if the number fits it,
    else the last body named in the paragraph whose numbers look like this."""
    if _fits(ctx.doc_organ, shape):
        return _finish(ctx.doc_organ, Basis.ITS, "", shape)
    # "the United Nations General Assembly resolution 51/1 …, as well as its resolutions 71/19".
    for om in reversed(_mentions_before(ctx, ptext, kw_start)):
        organ = _organ_from_any(om, shape)
        if organ is not None and _fits(organ, shape):
            return _finish(organ, Basis.ITS, "", shape)
    return Organ.UNKNOWN, Basis.IMPLIED, ""


#: The longest name :data:`P.ORGAN_ANY` matches ("Economic and Social Council").
_ORGAN_NAME_MAX = 27


def _mentions_before(ctx: _Context, ptext: str, end: int) -> list[re.Match[str]]:
    """What ``P.ORGAN_ANY.finditer(ptext, 0, end)`` finds: the paragraph's bodies, found
    once a paragraph, up to ``end``. Searched anew for each "its resolution" of a long
    paragraph, they were quadratic (a paragraph of 2,500 citations: 0.5 s). A name that
    ends at ``end`` itself ends the text there (its word boundary is the end): it is
    looked for there, where the paragraph's own scan would see the word after it."""
    if ctx.mentions is None:  # (whether the paragraph names any body is asked once too: a search of it)
        ctx.mentions = list(P.ORGAN_ANY.finditer(ptext)) if "Council" in ptext or "Assembly" in ptext else []
    before = ctx.mentions[: bisect.bisect_left(ctx.mentions, end, key=re.Match.end)]
    at_end = [m for m in P.ORGAN_ANY.finditer(ptext, max(0, end - _ORGAN_NAME_MAX), end) if m.end() == end]
    return before + at_end[-1:]


def _unnamed_organ(ctx: _Context, shape: str) -> tuple[Organ, Basis, str]:
    """Nothing named: the form may say it all, in a text of the United Nations or INTERPOL."""
    if shape in _FORM_ORGAN:
        implied = ctx.doc_organ in (Organ.OTHER, Organ.UNKNOWN)
        return _FORM_ORGAN[shape], Basis.IMPLIED if implied else Basis.FORM, ""
    if shape.startswith("interpol"):
        return Organ.INTERPOL, Basis.FORM, ""
    if ctx.doc_organ in (Organ.GA, Organ.HRC) and _fits(ctx.doc_organ, shape):
        return _finish(ctx.doc_organ, Basis.IMPLIED, "", shape)
    if ctx.doc_organ is Organ.INTERPOL and shape in ("session", "ga-special", "ga-emergency"):
        return _finish(Organ.GA, Basis.IMPLIED, "", shape)
    return Organ.UNKNOWN, Basis.IMPLIED, ""


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
        if got:  # "the Council, in its resolution 53/12": "its" is that council's, not the document's
            return _context_organ(ctx, got[1], shape, _named_before(ptext, kw_start))
    if pronoun and P.ITS_ONLY.search(tail):
        return _its_organ(ctx, ptext, kw_start, shape)
    phrase = _name_phrase(tail)
    got = _organ_of_phrase(phrase, shape) if phrase else None
    if got is None:
        return _unnamed_organ(ctx, shape)
    organ, name = got
    if organ is Organ.UNKNOWN:  # "Council resolution …" / "Assembly resolution …"
        return _context_organ(ctx, name, shape, _named_before(ptext, kw_start))
    return _finish(organ, Basis.NAMED, name, shape)


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


_SPACES = re.compile(r"\s+")


def _after_interpol(m: re.Match) -> bool:
    # (a line break or several spaces may stand between the two: "ICPO-INTERPOL\nGeneral")
    before = _SPACES.sub(" ", m.string[max(0, m.start() - 24) : m.start()])
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
    ctx.read = True
    councils = ctx.named.councils + tuple(here[0])
    assemblies = [ctx.named.assembly, *here[1]]
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
    if assemblies[-1] is not None:
        organ, oname = assemblies[-1]
        if organ is Organ.GA and _fits(Organ.GA, shape):
            return _finish(Organ.GA, Basis.ITS if ctx.doc_organ is Organ.GA else Basis.CONTEXT, "", shape)
        if organ is Organ.OTHER:
            return Organ.OTHER, Basis.CONTEXT, oname
    if ctx.doc_organ is Organ.GA and _fits(Organ.GA, shape):
        return _finish(Organ.GA, Basis.ITS, "", shape)
    return Organ.UNKNOWN, Basis.IMPLIED, ""


def _finish(organ: Organ, basis: Basis, name: str, shape: str) -> tuple[Organ, Basis, str]:
    if organ in (_GA, _SC, _ECOSOC, _HRC) and not _fits(organ, shape) and not shape.startswith("interpol"):
        # A named body whose numbers are not written like this: keep the name, do not check.
        return Organ.OTHER, basis, name or organ.value
    return organ, basis, name


def organ_notes(ptext: str) -> tuple[tuple[Organ, str, bool], ...]:
    """The bodies a paragraph names, in order: (organ, name, is a council), for :meth:`Named.after`."""
    out = []
    for m in P.ORGAN_ANY.finditer(ptext):
        t = m.group(0)
        if t.endswith("Council"):
            organ = _organ_from_any(m, "")
            if organ is not None:
                out.append((organ, "", True))
        elif t.endswith("General Assembly"):
            out.append((Organ.INTERPOL if _after_interpol(m) else Organ.GA, "", False))
        else:
            out.append((Organ.OTHER, t, False))
    return tuple(out)


def document_organ(res: Resolution) -> Organ:
    text = res.source.text
    # On one line: an opening an editor wrapped ("The ICPO-INTERPOL" / "General Assembly,
    # meeting in …:") names its body across the break (read with LF, it was the UN's).
    opening = _SPACES.sub(" ", as_read(" ".join(text[p.span.start : p.span.end] for p in res.openings[:1])))
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
    if sym.startswith("A/"):
        return Organ.GA
    # A bare "6/5." is how the General Assembly numbers its resolutions, but the Human
    # Rights Council, the Environment Assembly and other bodies number theirs the same way:
    # under an opening that names another body ("The United Nations Environment Assembly,"),
    # "its resolution 5/7" is that body's, not the Assembly's of its fifth session.
    if re.match(r"\d{1,3}/\d", sym) and not opening.strip():
        return Organ.GA
    return Organ.UNKNOWN
