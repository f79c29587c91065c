"""Apply fixes to a text, to a fixed point.

Fixes are chosen greedily in document order; a fix whose edits overlap one already
chosen waits for the next pass, when the text is linted again and the fix is rebuilt
against the new text. Passes stop when nothing more applies (or after ``MAX_PASSES``,
which only a pair of rules that undo each other would reach).

A fix is built against the document as parsed. One that would change how the draft
parses (a preamble read as an operative paragraph, a list item read as a paragraph of
its own) changes what the draft says, and it also makes the other fixes of the same
pass stale (numbers counted against the old structure). So a pass keeps only fixes that
leave the structure as it was; the others stay offered in the editor, one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from resolint.engine import Finding, LintResult
from resolint.model import Kind, Resolution
from resolint.parser import parse
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


def structure(res: Resolution) -> tuple:
    """How a draft parses, ignoring labels, punctuation and directive comments.

    Each paragraph's kind, depth and parent (counted without directives, which a fix
    may remove). Two texts with the same structure say the same things in the same
    places; a safe fix must keep it.
    """
    body = [p for p in res.paragraphs if p.kind is not Kind.DIRECTIVE]
    index = {id(p): i for i, p in enumerate(body)}
    return tuple((p.kind, p.depth, index.get(id(p.parent), -1) if p.parent is not None else -1) for p in body)


def structure_keeping(text: str, chosen: list[Finding], before: tuple) -> tuple[list[Finding], str]:
    """The chosen fixes that keep the draft's structure, and the text with them applied."""
    new_text = apply_edits(text, [e for f in chosen for e in f.fix.edits])
    if structure(parse(new_text)) == before:
        return chosen, new_text
    keep = [f for f in chosen if structure(parse(apply_edits(text, f.fix.edits))) == before]
    # Each kept fix is harmless alone; together they still might not be: add one by one.
    kept: list[Finding] = []
    current = text
    for f in keep:
        trial = apply_edits(text, [e for g in kept + [f] for e in g.fix.edits])
        if structure(parse(trial)) == before:
            kept.append(f)
            current = trial
    return kept, current


def fix_text(text: str, lint_fn: Callable[[str], LintResult], unsafe: bool = False) -> FixOutcome:
    """Apply every allowed fix to a fixed point; ``lint_fn`` lints a text."""
    outcome = FixOutcome(text)
    result = lint_fn(text)
    for _ in range(MAX_PASSES):
        chosen = select_fixes(result.findings, unsafe)
        if not chosen:
            break
        chosen, new_text = structure_keeping(outcome.text, chosen, structure(result.resolution))
        if not chosen:
            break
        outcome.passes += 1
        if new_text == outcome.text:
            break
        outcome.text = new_text
        outcome.applied += len(chosen)
        outcome.applied_codes.extend(f.code for f in chosen)
        result = lint_fn(new_text)
    outcome.result = result
    return outcome
