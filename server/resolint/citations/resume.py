"""Taking up the last extraction's walk after the resolutions an edit did not reach.

In a compilation the language server's parse keeps the resolutions before an edit as
they were: the same paragraph objects, in place (:mod:`resolint.parser.memo`). The walk
of :func:`resolint.citations.extract.extract` goes through the paragraphs in order, and
what it has placed and settled before a paragraph depends on the paragraphs before it
alone, so the last walk's citations up to the first paragraph the parse made anew, and
its state there, are this walk's too. Placing them again was 6% of a keystroke in a 1 MB
compilation of General Assembly resolutions (373.6 M instructions, 350.9 M without).

Each walk therefore records a :class:`Checkpoint` at the start of every resolution (just
after its opening) and leaves a :class:`WalkRecord` with the memo; the next walk starts
from the checkpoint where the kept paragraphs end. One thing placed before it is worked
out again: the target of a reference to the text's own paragraphs ("paragraph 5 (a)
above"), which may be looked for after it. ``tests/test_incremental.py`` compares the
citations with a full extraction's after random edits of compilations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from typing import Any

from resolint.citations.local import Local
from resolint.citations.organs import Named
from resolint.citations.types import DateMention, InstrumentMention, InternalReference, Organ
from resolint.model import Paragraph, Resolution
from resolint.records import record


@record(slots=True)
class Checkpoint:
    """The walk's state before the paragraphs from one resolution's second paragraph on."""

    opening: Paragraph  # the paragraph before (the resolution's opening), as that walk had it
    placed: int  # how many citations the walk had placed
    named: Named
    newest: InstrumentMention | None
    conventions: tuple  # see resolint.citations.instruments._Conventions.snapshot


@record(slots=True)
class WalkRecord:
    """One extraction's walk, for the next lint of the same document to take up."""

    organ: Organ
    matcher: Any  # the instrument-name matcher it read with
    placed: list  # every citation, in the order the walk placed them
    dates_by_par: dict[int, list[DateMention]]
    internal: list[tuple[Paragraph, Local]]  # the paragraphs with references to the text's own
    checkpoints: dict[int, Checkpoint] = field(default_factory=dict)  # by the index they stand before


@record(slots=True)
class Resumed:
    """Where a walk starts and what it starts with (nothing, when it starts at the top)."""

    start: int = 0  # the index of the first paragraph to walk
    placed: list = field(default_factory=list)
    dates_by_par: dict[int, list[DateMention]] = field(default_factory=dict)
    internal: list[tuple[Paragraph, Local]] = field(default_factory=list)
    checkpoints: dict[int, Checkpoint] = field(default_factory=dict)
    checkpoint: Checkpoint | None = None


def resume(record: WalkRecord | None, kept: int, res: Resolution, organ: Organ, matcher: Any,
           internal_refs: Callable[[Paragraph, Local], list[InternalReference]]) -> Resumed:
    """What a walk of ``res`` may take from ``record`` when the parse kept its first
    ``kept`` paragraphs; ``internal_refs`` resolves a paragraph's references to the text's
    own paragraphs again."""
    if record is None or kept <= 0 or record.organ is not organ or record.matcher is not matcher:
        return Resumed()
    cp = record.checkpoints.get(kept)
    if cp is None or cp.opening is not res.paragraphs[kept - 1]:
        return Resumed()
    internal = [(p, loc) for p, loc in record.internal if p.index < kept]
    fresh = iter([ref for p, loc in internal for ref in internal_refs(p, loc)])
    placed = [next(fresh) if type(c) is InternalReference else c for c in record.placed[: cp.placed]]
    return Resumed(
        start=kept,
        placed=placed,
        dates_by_par={i: d for i, d in record.dates_by_par.items() if i < kept},
        internal=internal,
        checkpoints={b: c for b, c in record.checkpoints.items() if b <= kept},
        checkpoint=cp,
    )
