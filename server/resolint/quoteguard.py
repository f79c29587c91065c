"""Quote markers kept out of reach of safe fixes.

A draft quoted line by line ("> The General Assembly,") is read without its markers
(:mod:`resolint.parser.quoting`), and its fixes are worked out on that reading. A fix
whose edit spans the start of a quoted line would write over the marker with words read
without it: the engine makes it unsafe, as :mod:`resolint.commentguard` does for
comments.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from resolint.parser.quoting import covers_a_marker
from resolint.rule import Applicability, Fix

#: A finding (anything with a ``fix`` a dataclass copy can replace).
F = TypeVar("F", bound=Any)


def guard_findings(findings: list[F], text: str) -> list[F]:
    """``findings`` with each safe fix whose edit replaces a quote marker of ``text`` (the
    draft as written) made unsafe."""
    out = list(findings)
    for i, f in enumerate(out):
        fix = f.fix
        if fix is not None and fix.applicability is Applicability.SAFE and any(covers_a_marker(text, e.span.start, e.span.end) for e in fix.edits):
            out[i] = replace(f, fix=Fix(fix.title, Applicability.UNSAFE, fix.edits))
    return out
