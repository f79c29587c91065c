"""The spans a list introduces (:mod:`resolint.listguard`), against a reading paragraph by
paragraph: the module reads which paragraphs end with a colon all at once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.config import Settings
from resolint.incremental import IncrementalLinter
from resolint.listguard import document_protected_spans, protected_spans
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


OPENING = "The General Assembly,"


def _compilation(parts: list[list[str]]) -> str:
    return "\n\n".join("\n\n".join([OPENING, *part]) for part in parts)


_SETTINGS = Settings()


def _server_spans(linter: IncrementalLinter, text: str) -> list[Span]:
    return linter.lint(text, _SETTINGS).facts.derived(document_protected_spans)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PARAGRAPHS[1:]), min_size=1, max_size=5), min_size=2, max_size=4),
       st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100), st.sampled_from(PARAGRAPHS[1:])), min_size=1, max_size=6))
def test_spans_kept_part_by_part_equal_a_full_reading_after_every_edit(parts, edits):
    """The language server keeps each part's spans (from one opening to the next) by its
    paragraphs and the state the part before leaves: after each edit, which may add or
    remove a final colon far above a list or in the part before it, they are those of a
    full reading."""
    linter = IncrementalLinter()
    assert _server_spans(linter, _compilation(parts)) == _reference(parse(_compilation(parts)))
    for part, at, new in edits:
        chosen = parts[part % len(parts)]
        chosen[at % len(chosen)] = new
        text = _compilation(parts)
        assert _server_spans(linter, text) == _reference(parse(text))


def test_an_edit_reads_again_only_the_part_it_edited(monkeypatch):
    """Typing in one resolution of a compilation does not read the paragraphs of the
    others again (issue 13: it was a pass over every paragraph after every keystroke)."""
    from resolint import listguard

    parts = [["Noting that the measures should include:", "reporting on progress;", "- sharing data;"] for _ in range(6)]
    linter = IncrementalLinter()
    before = _server_spans(linter, _compilation(parts))
    read: list[int] = []
    real = listguard._part_spans
    monkeypatch.setattr(listguard, "_part_spans", lambda res, a, b, state: read.append(a) or real(res, a, b, state))
    parts[2][1] = "reporting on progress and more;"
    after = _server_spans(linter, _compilation(parts))
    assert read == [parse(_compilation(parts)).openings[2].index]
    assert len(after) == len(before) == 6 * 3
