"""Quote markers kept out of reach of safe fixes.

A draft quoted line by line ("> The General Assembly,") is read without its markers
(:mod:`resolint.parser.quoting`), and its fixes are worked out on that reading. A fix
whose edit spans the start of a quoted line would write over the marker with words read
without it: the engine makes it unsafe, as :mod:`resolint.commentguard` does for
comments.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any, TypeVar

from resolint.rule import Applicability, Fix

#: A finding (anything with a ``fix`` a dataclass copy can replace).
F = TypeVar("F", bound=Any)


def guard_findings(findings: list[F], spans: list[tuple[int, int]]) -> list[F]:
    """``findings`` with each safe fix whose edit replaces a quote marker made unsafe."""
    starts = [s for s, _ in spans]
    out = list(findings)
    for i, f in enumerate(out):
        fix = f.fix
        if fix is not None and fix.applicability is Applicability.SAFE and any(_covers_marker(e.span, spans, starts) for e in fix.edits):
            out[i] = replace(f, fix=Fix(fix.title, Applicability.UNSAFE, fix.edits))
    return out


def _covers_marker(span: Any, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``span`` (an edit's, half-open) replaces a character of a marker."""
    k = bisect.bisect_left(starts, span.end)  # the markers starting before the span ends
    return k > 0 and spans[k - 1][1] > span.start and span.end > span.start
