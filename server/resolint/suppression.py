"""Which findings the suppression directives hide, and which directives hide nothing.

The plain statement is a double loop (every finding against every directive) and so was
the code: 3,600 directives and as many findings took seconds. Here each selector (a code
prefix, or "any code" for a directive without codes) gets the union of the scopes of the
directives naming it, and the sorted starts of the findings it names; both questions are
then answered by bisection, in time linear in findings and directives (times the number
of distinct selectors, a handful).

Semantics, unchanged: a finding is suppressed when a well-formed directive with a scope
names its code (or names none) and the finding starts inside that scope, a
``file-ignore`` anywhere; a directive is used when it suppresses at least one finding.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable, Sequence

from resolint.model import Directive
from resolint.source import Span

#: The selector of a directive that names no code: it covers every code.
ANY = None
_EVERYWHERE = (-1, sys.maxsize)


def _merged(intervals: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Half-open intervals, sorted and merged: (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(intervals):
        if starts and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _inside(starts: list[int], ends: list[int], x: int) -> bool:
    i = bisect.bisect_right(starts, x) - 1
    return i >= 0 and starts[i] <= x < ends[i]


def _any_between(points: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_left(points, a)
    return i < len(points) and points[i] < b


def apply(
    codes_and_starts: Sequence[tuple[str, int]],
    directives: Sequence[Directive],
    scopes: Sequence[Span | None],
    matches: Callable[[str, Sequence[str]], bool],
) -> tuple[list[bool], list[bool]]:
    """(suppressed per finding, used per directive) for findings given as (code, start)."""
    live = [(i, d, s) for i, (d, s) in enumerate(zip(directives, scopes, strict=False)) if s is not None and not d.malformed]
    intervals: dict[str | None, list[tuple[int, int]]] = {}
    for _i, d, s in live:
        iv = _EVERYWHERE if d.action == "file-ignore" else (s.start, s.end)
        for sel in d.codes or (ANY,):
            intervals.setdefault(sel, []).append(iv)
    union = {sel: _merged(ivs) for sel, ivs in intervals.items()}

    names_cache: dict[str, list[str | None]] = {}

    def selectors_of(code: str) -> list[str | None]:
        if code not in names_cache:
            names_cache[code] = [sel for sel in union if sel is ANY or matches(code, (sel,))]
        return names_cache[code]

    suppressed = []
    points: dict[str | None, list[int]] = {sel: [] for sel in union}
    for code, start in codes_and_starts:
        sels = selectors_of(code)
        suppressed.append(any(_inside(*union[sel], start) for sel in sels))
        for sel in sels:
            points[sel].append(start)
    for pts in points.values():
        pts.sort()

    used = [False] * len(directives)
    for i, d, s in live:
        a, b = _EVERYWHERE if d.action == "file-ignore" else (s.start, s.end)
        used[i] = any(_any_between(points[sel], a, b) for sel in d.codes or (ANY,))
    return suppressed, used
