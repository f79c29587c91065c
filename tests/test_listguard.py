"""The spans a list introduces (:mod:`resolint.listguard`), against a reading paragraph by
paragraph: the module reads which paragraphs end with a colon all at once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.listguard import protected_spans
from resolint.parser import parse
from resolint.source import Span

PARAGRAPHS = [
    "The General Assembly,", "Recalling its resolutions,", "Noting that the measures should include:",
    "reporting on progress;", "- sharing data;", "• training staff:", "a) to act;", "1. Urges Member States to act:",
    "(a) to report;", "encourages further work;", "2. Requests a report.", "and to review it;", "Decides:", "9 to act;",
]


def _reference(res) -> list[Span]:
    """The colon before each list and the first letter of each item, read one paragraph
    at a time as the module once did."""
    text, body = res.source.text, res.body

    def first_letter(p):
        return next((i for i in range(p.content.start, min(p.content.end, p.content.start + 8)) if text[i].isalpha()), None)

    def introduces(p):
        return p.terminal_char(res.source) == ":"

    out, in_list = [], False
    for k, p in enumerate(body):
        prev = body[k - 1] if k else None
        lower = (i := first_letter(p)) is not None and text[i].islower()
        item = p.bullet is not None or (prev is not None and p.label is None and (in_list or introduces(prev)) and lower)
        if item:
            if prev is not None and introduces(prev) and prev.terminal is not None:
                out.append(prev.terminal)
            if (i := first_letter(p)) is not None:
                out.append(Span(i, i + 1))
        in_list = item
    return sorted(out, key=lambda s: s.start)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=12), st.sampled_from(["\n\n", "\n"]))
def test_protected_spans_are_a_paragraph_by_paragraph_reading(paragraphs, gap):
    res = parse(gap.join(paragraphs))
    assert protected_spans(res) == _reference(res)
