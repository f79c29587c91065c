"""One slip a draft: the mutation behind the accuracy probes' "each slip reported once".

:func:`slips` makes, from a correct draft, one copy per kind of drafting slip (a finite
verb opening a preambular paragraph, a comma ending an operative paragraph, a number
skipped, a citation's year changed, an instrument misnamed, an opener repeated, the final
full stop left out, the Secretary-General's title or an organ's name miscased (TRM001's
when it stands in an instrument's title), a semicolon ending a preambular paragraph, an
operative opener in lower case), each with the codes that report it.
tests/test_probe5_slips.py asks, for each copy, exactly one new finding with one of those
codes and none lost. A kind that does not apply to a draft (no citation, no
"Secretary-General") makes no copy. Run as a script on any drafts to probe them:

    PYTHONPATH=server:rules:tests .venv/bin/python tests/probe_slips.py DRAFT ...
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

from resolint.engine import lint

#: Participles and the finite verb a drafter slips into (in either case).
_FINITE = {"Recalling": "Recalls", "Noting": "Notes", "Recognizing": "Recognizes", "Reaffirming": "Reaffirms",
           "Welcoming": "Welcomes", "Acknowledging": "Acknowledges", "Stressing": "Stresses", "Emphasizing": "Emphasizes",
           "Bearing": "Bears", "Expressing": "Expresses", "Underlining": "Underlines", "Condemning": "Condemns"}
_FINITE.update({k.upper(): v.upper() for k, v in list(_FINITE.items())})
_PRE_HEAD = re.compile(r"[*_]*(" + "|".join(_FINITE) + r")\b")
#: Instruments whose name a drafter shortens by a letter.
_TITLES = {"Charter of the United Nations": "Charter of the United Nation",
           "Universal Declaration of Human Rights": "Universal Declaration of Human Right",
           "Convention on the Rights of the Child": "Convention on the Right of the Child"}
_OBJECT = re.compile(r" (?:the|its|all|resolution|General|Security|Human)\b")
#: Where an annex or appendix starts: its numbered paragraphs are no operative part.
_ANNEX = re.compile(r"^[ \t*#_]*(?:Annex|ANNEX|Appendix|APPENDIX)\b", re.M)
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")
_NUMBERED = re.compile(r"(\d+)\.\s+[*_]*(\S)")


def _paragraphs(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0).rstrip()) for m in _PARAGRAPH.finditer(text)]


def _put(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _preamble_slips(text: str, pre: list[tuple[int, str]]) -> Iterator[tuple[str, set[str], str]]:
    if len(pre) >= 2:
        s, t = pre[1]
        m = _PRE_HEAD.match(t)
        yield "finite-verb-in-preamble", {"PRE001"}, _put(text, s + m.start(1), s + m.end(1), _FINITE[m.group(1)])
        if t.endswith(","):
            yield "preamble-semicolon", {"PRE004"}, _put(text, s + len(t) - 1, s + len(t), ";")
    # The opener of the paragraph before, again (PRE006 leaves openers further apart alone,
    # as adopted texts repeat them), on a one-word opener whose object follows ("Noting
    # the report"): "Recalling with concern" or "Recalling that" is an opener of its own.
    for (s0, t0), (s, t) in zip(pre, pre[1:], strict=False):
        first, m = _PRE_HEAD.match(t0).group(1), _PRE_HEAD.match(t)
        adjacent = not text[s0 + len(t0) : s].strip()
        if adjacent and m.group(1) != first and _OBJECT.match(t, m.end(1)) and _OBJECT.match(t0, _PRE_HEAD.match(t0).end(1)):
            yield "repeated-opener", {"PRE006"}, _put(text, s + m.start(1), s + m.end(1), first)
            break


def _operative_slips(text: str, opr: list[tuple[int, str]]) -> Iterator[tuple[str, set[str], str]]:
    semi = [(s, t) for s, t in opr if t.endswith(";")]
    if semi:
        s, t = semi[0]
        yield "operative-comma", {"OPR007"}, _put(text, s + len(t) - 1, s + len(t), ",")
    run = opr[:1]
    for s, t in opr[1:]:  # the first run of numbers: a part B or a section II starts again at 1
        if int(_NUMBERED.match(t).group(1)) != int(_NUMBERED.match(run[-1][1]).group(1)) + 1:
            break
        run.append((s, t))
    if len(run) >= 3:
        out = text
        for s, t in reversed(run[1:]):
            n = _NUMBERED.match(t).group(1)
            # with its decimal items ("2.1" under "2."): they are numbered by it
            block = re.sub(rf"(?m)^([ \t]*){n}\.(?=\d)", lambda m, n=n: f"{m.group(1)}{int(n) + 1}.", t)
            out = _put(out, s, s + len(t), str(int(n) + 1) + block[len(n):])
        yield "number-skipped", {"OPR002"}, out
    if opr and opr[-1][1].endswith("."):
        s, t = opr[-1]
        yield "no-final-full-stop", {"OPR007"}, _put(text, s + len(t) - 1, s + len(t), "")
    if len(opr) >= 2:
        s, t = opr[1]
        m = _NUMBERED.match(t)
        if m.group(2).isupper():
            yield "operative-opener-lower-case", {"OPR006"}, _put(text, s + m.start(2), s + m.end(2), m.group(2).lower())


def _reference_slips(text: str) -> Iterator[tuple[str, set[str], str]]:
    m = re.search(r"resolutions? \d{2}/\d+ of \d{1,2} [A-Z][a-z]+ (\d{4})", text)
    if m:
        yield "resolution-year", {"CIT001", "CIT004", "CIT016"}, _put(text, m.start(1), m.end(1), str(int(m.group(1)) + 2))
    m = re.search(r"\b\d{3,4} \((20[0-2]\d)\)", text)  # (the Council's reference data starts in 2000)
    if m and "Security Council" in text:
        yield "sc-year", {"CIT002"}, _put(text, m.start(1), m.end(1), str(int(m.group(1)) - 3))
    for good, bad in _TITLES.items():
        i = text.find(good)
        if i >= 0:
            yield "instrument-misnamed", {"TRM001"}, _put(text, i, i + len(good), bad)
            break
    opening = text.find("\n\n", max(text.find(" Assembly,"), text.find(" Council,"), 0))  # past the opening
    annex = _ANNEX.search(text)
    for name in ("Security Council", "General Assembly", "Human Rights Council", "United Nations"):
        i = text.find(name, opening, annex.start() if annex else len(text))
        if opening >= 0 and i >= 0:
            cut = i + name.index(" ") + 1
            yield "organ-miscased", {"TRM018", "TRM001"}, _put(text, cut, cut + 1, text[cut].lower())
            break
    i = text.find("Secretary-General")
    if i >= 0:
        yield "chief-miscased", {"TRM005"}, _put(text, i, i + len("Secretary-General"), "Secretary-general")


def slips(text: str) -> Iterator[tuple[str, set[str], str]]:
    """(kind, codes that report it, the draft with that one slip) for each kind that applies."""
    annex = _ANNEX.search(text)
    ps = _paragraphs(text[: annex.start()] if annex else text)
    pre = [(s, t) for s, t in ps if _PRE_HEAD.match(t)]
    opr = [(s, t) for s, t in ps if _NUMBERED.match(t)]
    yield from _preamble_slips(text, pre)
    yield from _operative_slips(text, opr)
    yield from _reference_slips(text)


def _key(text: str, path: str) -> list[tuple[str, int]]:
    result = lint(text, path=path)
    return sorted((f.code, result.source.position(f.span.start).line + 1) for f in result.findings)


def misses(path: Path) -> list[str]:
    """What went wrong for each slip of ``path``: no new finding, a wrong one, one more, one lost."""
    text = path.read_bytes().decode("utf-8")
    base = _key(text, str(path))
    out = []
    for kind, codes, slipped in slips(text):
        found = _key(slipped, str(path))
        new = [x for x in found if x not in base]
        lost = [x for x in base if x not in found]
        if len(new) != 1 or new[0][0] not in codes or lost:
            out.append(f"{kind}: expected one of {sorted(codes)}, new {new}, lost {lost}")
    return out


if __name__ == "__main__":
    bad = 0
    for arg in sys.argv[1:]:
        for miss in misses(Path(arg)):
            bad += 1
            print(f"{arg}: {miss}")
    sys.exit(1 if bad else 0)
