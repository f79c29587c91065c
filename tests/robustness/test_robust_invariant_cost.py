"""What the fuzzers' own checks (:mod:`invariants`) cost beside the lint and fix they
check: counted, not timed. Where a finding and a kept stretch land once a pass's edits
are applied was worked out edit by edit, for every finding and every stretch: with a
list intro and 680 "- x;" items (4 KB, 3,300 fixes) the checks took two thirds of the
fuzzer's 18 s for that input, against about 4 s for the fix loops they check."""

from __future__ import annotations

import random

from invariants import FixTrace, _shift, fix_and_check, kept_regions

from resolint.engine import lint
from resolint.fixes import apply_edits
from resolint.rule import Edit
from resolint.source import Span


def _naive_shift(offset: int, edits: list[Edit]) -> int:
    return offset + sum(len(e.new_text) - (e.span.end - e.span.start) for e in edits if e.span.end <= offset)


def _naive_kept(original: str, passes: list[list[Edit]]) -> list[tuple[int, int, int]]:
    """Every stretch cut by every edit (an insertion strictly inside cuts it too)."""
    segments = [(0, len(original), 0)]
    for edits in passes:
        new_segments = []
        for cs, ce, os_ in segments:
            pieces = [(cs, ce)]
            for e in edits:
                a, b = e.span.start, e.span.end
                pieces = [q for s, t in pieces for q in (((s, t),) if b <= s or a >= t else ((s, a), (b, t)))]
            for s, t in pieces:
                if t > s:
                    new_segments.append((_naive_shift(s, edits), _naive_shift(s, edits) + t - s, os_ + s - cs))
        segments = new_segments
    return segments


def _random_pass(rnd: random.Random, length: int) -> list[Edit]:
    """Sorted edits apart from each other (as a pass applies them): replacements,
    deletions and insertions, two insertions at one point at times."""
    points = sorted(rnd.sample(range(length + 1), min(length + 1, rnd.randrange(0, 14))))
    edits = []
    for a, b in zip(points[::2], points[1::2], strict=False):
        if rnd.random() < 0.3:
            b = a
        edits.append(Edit(Span(a, b), "y" * rnd.randrange(0, 4)))
    return edits


def test_shifts_and_kept_stretches_are_those_of_every_edit_taken_one_by_one():
    rnd = random.Random(11)
    for _ in range(400):
        text = "".join(rnd.choice("ab\n") for _ in range(rnd.randrange(0, 40)))
        trace = FixTrace(text)
        current = text
        for _ in range(rnd.randrange(0, 4)):
            edits = _random_pass(rnd, len(current))
            for x in range(len(current) + 1):
                assert _shift(x, edits) == _naive_shift(x, edits)
            trace.passes.append(edits)
            current = apply_edits(current, edits)
        assert kept_regions(text, trace) == _naive_kept(text, trace.passes)


def _edit_lengths_read(items: int) -> int:
    """How often an edit's span was measured checking the fix of a list of ``items``."""
    text = "The General Assembly,\n\nRecalling its work,\n\nDecides:\n\n" + "\n\n".join(["- x;"] * items) + "\n\n1. Decides to act.\n"
    count = [0]
    real = Span.__len__

    def counted(self: Span) -> int:
        count[0] += 1
        return real(self)

    Span.__len__ = counted
    try:
        trace = fix_and_check(text, lambda t: lint(t, style="un-ga"))
        kept_regions(text, trace)
    finally:
        Span.__len__ = real
    return count[0]


def test_checking_a_fix_grows_linearly_with_its_edits():
    """Four times the items, about four times the spans measured (quadratic: sixteen)."""
    small, large = _edit_lengths_read(60), _edit_lengths_read(240)
    assert large <= 6 * small, (small, large)
