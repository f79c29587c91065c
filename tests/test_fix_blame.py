"""How ``--fix`` finds the fixes to blame when a set of them changes how a draft parses
(:mod:`resolint.fixes`): where each paragraph lands once the edits are applied, which
paragraphs changed when fixes joined or split some, and which fixes are blamed."""

from __future__ import annotations

import random

from resolint.fixes import _changed_paragraphs, _culprits, _Mover, apply_edits, structure
from resolint.parser import parse
from resolint.rule import Edit, Fix
from resolint.source import Span


def _random_edits(rnd: random.Random, length: int) -> list[Edit]:
    """Non-overlapping edits of a text of ``length``: replacements, deletions, insertions."""
    points = sorted(rnd.sample(range(length + 1), min(length + 1, rnd.randrange(0, 12))))
    edits = []
    for a, b in zip(points[::2], points[1::2], strict=False):
        if rnd.random() < 0.3:
            b = a  # an insertion
        edits.append(Edit(Span(a, b), "x" * rnd.randrange(0, 4)))
    return edits


def test_an_offset_lands_where_its_character_went():
    """Outside an edited span, an offset lands where the text before it ends once the
    edits before it are applied (an insertion at the offset itself goes after it)."""
    rnd = random.Random(7)
    for _ in range(500):
        text = "".join(rnd.choice("ab\n") for _ in range(rnd.randrange(0, 40)))
        edits = _random_edits(rnd, len(text))
        moved = _Mover(edits)
        for x in range(len(text) + 1):
            inside = [e for e in edits if e.span.start < x < e.span.end]
            if inside:
                (e,) = inside
                before = [d for d in edits if d.span.end <= e.span.start and d.span.start < e.span.start]
                assert moved(x) == len(apply_edits(text[: e.span.start], before))
                continue
            before = [e for e in edits if e.span.end <= x and e.span.start < x]
            assert moved(x) == len(apply_edits(text[:x], before))
            if x < len(text) and not any(e.span.start == x for e in edits):
                assert apply_edits(text, edits)[moved(x)] == text[x]


RUN = "The General Assembly,\n\n" + "Recalling its work,\n\n" * 4 + "Recalling its work;\n\n{}\n\n" + "Recalling its work,\n\n" * 4 + "1. Decides to act.\n"


def _changed(text: str, edits: list[Edit]) -> list[int]:
    before, after = parse(text), parse(apply_edits(text, edits))
    return _changed_paragraphs(structure(before), structure(after), before.body, [p.span.start for p in after.body], edits)


def test_two_alike_paragraphs_joined_in_a_run_are_found_where_they_join():
    """A lowercase "and" after a paragraph ending in ";" continues it: the two are one
    paragraph. Compared by place in the list, every paragraph of the run looks the same
    up to its end, where the lists no longer align; by where they start, the paragraph
    joined to the one before is the one that changed."""
    text = RUN.format("And its work,")
    body = parse(text).body
    joined = next(i for i, p in enumerate(body) if text[p.span.start : p.span.end].startswith("And"))
    at = text.index("And its work")
    assert len(parse(apply_edits(text, [Edit(Span(at, at + 1), "a")])).body) == len(body) - 1  # they join
    assert _changed(text, [Edit(Span(at, at + 1), "a")]) == [joined]
    # Other edits that keep the structure change nothing, wherever they move the paragraphs.
    assert _changed(text, [Edit(Span(24, 33), "Recalling also"), Edit(Span(at + 4, at + 7), "her")]) == []


def test_a_paragraph_split_off_blames_the_paragraph_it_came_from():
    text = RUN.format("Noting its work,")
    at = text.index("Noting its work,") + len("Noting its")
    body = parse(text).body
    split = next(i for i, p in enumerate(body) if text[p.span.start : p.span.end].startswith("Noting"))
    assert _changed(text, [Edit(Span(at, at + 1), ",\n\nNoting ")]) == [split]


class _Found:
    """The least of a finding that blaming reads: a fix whose first edit starts somewhere."""

    def __init__(self, at: int) -> None:
        self.fix = Fix.safe("t", Edit(Span(at, at + 1), "x"))


def test_a_changed_paragraph_without_a_fix_blames_both_neighbours_fixes():
    """The parser reads a paragraph's next line before deciding where it ends, so the
    cause of a change may lie in the paragraph after it as well as before it."""
    text = RUN.format("Noting its work,")
    body = parse(text).body
    i = 3
    before_fix = _Found(body[i - 1].span.start + 2)
    far = _Found(body[i - 2].span.start + 2)
    after_fix = _Found(body[i + 1].span.start + 2)
    later = _Found(body[i + 2].span.start + 2)
    kept = [far, before_fix, after_fix, later]
    assert _culprits(kept, body, [i], len(text)) == {id(before_fix), id(after_fix)}
    # A fix inside the paragraph is blamed alone.
    own = _Found(body[i].span.start + 3)
    assert _culprits([*kept, own], body, [i], len(text)) == {id(own)}
    # Right after another changed paragraph, one without a fix of its own waits: only
    # the fix inside the paragraph before is blamed.
    assert _culprits(kept, body, [i - 1, i], len(text)) == {id(before_fix)}
