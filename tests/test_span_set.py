"""SpanSet answers overlap questions as checking every span would."""

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.source import Span, SpanList, SpanSet, SpanUnion

spans = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: Span(t[0], t[0] + t[1]))


@settings(max_examples=400, derandomize=True)
@given(st.lists(spans, max_size=12), spans)
def test_span_set_agrees_with_checking_each_span(members, probe):
    assert SpanSet(members).overlaps(probe) == any(probe.overlaps(s) for s in members)


@settings(max_examples=400, derandomize=True)
@given(st.lists(st.tuples(spans, spans), max_size=12))
def test_a_span_union_agrees_with_checking_each_span_as_spans_are_added(steps):
    """Spans added one by one, each probe asked in between (as the export marks a
    paragraph); a probe is never empty (the union joins spans that touch)."""
    union, added = SpanUnion(), []
    for member, probe in steps:
        if probe.start < probe.end:
            assert union.overlaps(probe) == any(probe.overlaps(s) for s in added)
        union.add(member)
        added.append(member)


def test_nested_and_empty_spans():
    inside = SpanSet([Span(0, 100), Span(10, 12)])
    assert inside.overlaps(Span(50, 51))  # only the outer span reaches it
    assert not SpanSet([]).overlaps(Span(0, 5))
    assert not SpanSet([Span(5, 5)]).overlaps(Span(5, 6))  # as Span.overlaps: empty at the edge
    assert SpanSet([Span(5, 5)]).overlaps(Span(4, 6))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=12), st.integers(-2, 80))
def test_a_span_list_holds_an_offset_as_its_spans_do(pairs, offset):
    spans = [Span(a, a + n) for a, n in pairs]
    listed = SpanList(spans)
    assert listed == spans
    assert listed.holds(offset) == any(s.start <= offset < s.end for s in spans)
    assert SpanSet(spans).holds(offset) == any(s.start <= offset < s.end for s in spans)
