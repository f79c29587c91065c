"""The parse memo's objects made without their ``__init__`` are the constructors' objects.

``resolint.parser.memo._paragraph`` and ``_moved_tail`` make a paragraph, its label and
spans, and a moved raw paragraph with ``object.__new__`` and their slots written (they
run for every paragraph after an edit, after every keystroke). A field added to one of
those classes and not written there would be missing (reading it raises); a field
written with another value would differ from what the parse without a memo makes.
These tests hold every field, of every shape of paragraph, to the constructors'.
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from resolint.model import Kind, Label, LabelScheme, Paragraph
from resolint.parser import segments
from resolint.parser.blocks import RawParagraph
from resolint.parser.memo import _moved_tail, _paragraph, _Split
from resolint.source import Span


def _fields(obj) -> dict:
    """Every dataclass field of ``obj`` by name, a nested record's as its own dict."""
    out = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)  # (an unwritten slot raises AttributeError)
        out[f.name] = _fields(value) if dataclasses.is_dataclass(value) and not isinstance(value, Span) else value
    return out


BASE = 40
RAW = RawParagraph(Span(BASE, BASE + 30), 7, 8)
LABEL = ((0, 2), "3.", LabelScheme.ARABIC, 3, "#.")


@pytest.mark.parametrize(
    ("bullet", "label", "content_start", "terminal"),
    list(itertools.product([None, (0, 1)], [None, LABEL], [0, 3], [None, (29, 30)])),
)
def test_a_paragraph_from_parts_is_the_constructors(bullet, label, content_start, terminal):
    parts = (bullet, label, content_start, terminal, 12)
    made = _paragraph(parts, RAW)

    def at(rel):
        return None if rel is None else Span(rel[0] + BASE, rel[1] + BASE)

    content = RAW.span if content_start == 0 else Span(BASE + content_start, RAW.span.end)
    lb = None if label is None else Label(at(label[0]), *label[1:])
    expected = Paragraph(Kind.UNPLACED, RAW.span, content, at(bullet), lb, at(terminal))
    assert _fields(made) == _fields(expected)
    assert type(made) is Paragraph and (lb is None or type(made.label) is Label)
    assert made.content is RAW.span or content_start != 0  # the same span, not another


def test_each_paragraph_gets_its_own_mutable_parts():
    """Placement writes a paragraph's children and its label's scheme and value: two
    paragraphs made from the same parts share neither."""
    parts = (None, LABEL, 3, (29, 30), 12)
    one, two = _paragraph(parts, RAW), _paragraph(parts, RAW)
    assert one.children is not two.children and one.label is not two.label
    one.children.append(two)
    one.label.value = 9
    assert two.children == [] and two.label.value == 3


def test_the_moved_tail_is_the_constructors():
    """The raw paragraphs after an edit, moved by its characters and lines."""
    merged = [RawParagraph(Span(0, 10), 0, 0), RawParagraph(Span(12, 30), 2, 3), RawParagraph(Span(32, 40), 5, 5)]
    cut = [RawParagraph(Span(12, 20), 2, 2), RawParagraph(Span(21, 30), 3, 3)]
    cuts = [((merged[0],), ()), (cut, [Span(20, 21)]), ((merged[2],), ())]
    last = _Split("x" * 40, 6, (None, False), merged, cuts, [None] * 3)
    window = segments.Window(0, 1, range(0, 1), 4, 1, 16)
    tail, tail_cuts = _moved_tail(last, window)
    expected = [segments.moved(r, 4, 1) for r in merged[1:]]
    assert [_fields(r) for r in tail] == [_fields(r) for r in expected]
    assert all(type(r) is RawParagraph for r in tail)
    assert [[_fields(r) for r in pieces] for pieces, _ in tail_cuts] == [
        [_fields(segments.moved(r, 4, 1)) for r in cut], [_fields(expected[1])]
    ]
    assert [list(gaps) for _, gaps in tail_cuts] == [[Span(24, 25)], []]
    assert tail_cuts[1][0][0] is tail[1]  # a paragraph not cut is its own piece
