"""Apply fixes to a text, to a fixed point.

Fixes are chosen greedily in document order; a fix whose edits overlap one already
chosen waits for the next pass, when the text is linted again and the fix is rebuilt
against the new text. Passes stop when nothing more applies (or after ``MAX_PASSES``,
which only a pair of rules that undo each other would reach).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from resolint.engine import Finding, LintResult
from resolint.rule import Applicability, Edit, Fix
from resolint.source import Span

MAX_PASSES = 10


@dataclass(slots=True)
class FixOutcome:
    text: str
    applied: int = 0
    passes: int = 0
    applied_codes: list[str] = field(default_factory=list)
    result: LintResult | None = None  # the lint of the final text


def allowed(fix: Fix | None, unsafe: bool) -> bool:
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def select_fixes(findings: Iterable[Finding], unsafe: bool) -> list[Finding]:
    """A set of findings whose fixes can be applied together (no overlapping edits)."""
    chosen: list[Finding] = []
    taken: list[Span] = []
    for f in sorted(findings, key=lambda f: f.fix.edits[0].span.start if f.fix and f.fix.edits else 0):
        if not allowed(f.fix, unsafe):
            continue
        spans = [e.span for e in f.fix.edits]
        if any(_clash(s, t) for s in spans for t in taken):
            continue
        chosen.append(f)
        taken.extend(spans)
    return chosen


def _clash(a: Span, b: Span) -> bool:
    # Two insertions at the same point clash too: their order would be arbitrary.
    return a.overlaps(b) or (a.start == b.start) or (len(a) == 0 and b.start < a.start < b.end) or (
        len(b) == 0 and a.start < b.start < a.end
    )


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (any order given) to ``text``."""
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
    out = []
    pos = 0
    for e in ordered:
        if e.span.start < pos:
            raise ValueError("overlapping edits")
        out.append(text[pos : e.span.start])
        out.append(e.new_text)
        pos = e.span.end
    out.append(text[pos:])
    return "".join(out)


def fix_text(text: str, lint_fn: Callable[[str], LintResult], unsafe: bool = False) -> FixOutcome:
    """Apply every allowed fix to a fixed point; ``lint_fn`` lints a text."""
    outcome = FixOutcome(text)
    result = lint_fn(text)
    for _ in range(MAX_PASSES):
        chosen = select_fixes(result.findings, unsafe)
        if not chosen:
            break
        edits = [e for f in chosen for e in f.fix.edits]
        new_text = apply_edits(outcome.text, edits)
        outcome.passes += 1
        if new_text == outcome.text:
            break
        outcome.text = new_text
        outcome.applied += len(chosen)
        outcome.applied_codes.extend(f.code for f in chosen)
        result = lint_fn(new_text)
    outcome.result = result
    return outcome
