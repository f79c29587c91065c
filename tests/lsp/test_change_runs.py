"""A notification's content changes applied in one pass where they form a run
(resolint.lsp.documents.Document.apply_all) leave the text that applying them one by one
leaves, as LSP says they apply: each to the text the one before it left."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from resolint.lsp.documents import RUN_AT_ONCE, Document, DocumentStore
from resolint.source import SourceText
from tests.lsp.helpers import range_of

ENCODINGS = ["utf-8", "utf-16", "utf-32"]
CHARS = st.sampled_from(list("ab ,;.\n\r") + ["é", "𝔸", "😀", "\r\n", "\u2028"])
TEXTS = st.lists(CHARS, max_size=40).map("".join)
# Positions in range and out of it: before the first line, past a line's end and the
# last line, inside a character of two UTF-16 units.
POSITIONS = st.tuples(st.integers(-1, 9), st.integers(-1, 12))


def _change(start: tuple[int, int], end: tuple[int, int], text: str):
    """A change as the server reads it (lsprotocol's own types refuse a negative position)."""
    position = lambda line, character: SimpleNamespace(line=line, character=character)  # noqa: E731
    return SimpleNamespace(range=SimpleNamespace(start=position(*start), end=position(*end)), text=text)


@st.composite
def descending_run(draw):
    """Changes each ending at or before the start of the one before (VS Code's order),
    on positions that may be clamped or equal."""
    points = sorted(draw(st.lists(POSITIONS, min_size=2, max_size=16)), reverse=True)
    pairs = [(points[i + 1], points[i]) for i in range(0, len(points) - 1, 2)]
    return [_change(start, end, draw(st.lists(CHARS, max_size=3).map("".join))) for start, end in pairs]


CHANGE_LISTS = st.lists(
    st.one_of(
        descending_run(),
        st.lists(st.builds(_change, POSITIONS, POSITIONS, st.lists(CHARS, max_size=3).map("".join)), max_size=3),
        st.builds(lambda t: [types.TextDocumentContentChangeWholeDocument(text=t)], TEXTS),
    ),
    max_size=4,
).map(lambda lists: [c for changes in lists for c in changes])


def _one_by_one(text: str, changes, encoding: str) -> str | type:
    doc = Document("u", 1, text, encoding=encoding)
    try:
        for c in changes:
            doc.apply(c)
    except ValueError:
        return ValueError
    return doc.text


@settings(max_examples=400, deadline=None)
@given(TEXTS, CHANGE_LISTS, st.sampled_from(ENCODINGS))
def test_changes_applied_in_runs_leave_the_text_one_by_one_leaves(text, changes, encoding):
    doc = _checked_against_one_by_one(text, changes, encoding)
    if doc is None:
        return
    # What the incremental parse asks of the new text: the ends it shares with the old.
    head, tail = doc.index.source.shared_ends(text)
    assert text[:head] == doc.text[:head] and (tail == 0 or text[-tail:] == doc.text[-tail:])


def _checked_against_one_by_one(text: str, changes, encoding: str) -> Document | None:
    """The document after ``changes``, its text and line starts those that applying them
    one by one leaves; None when they are refused (all or nothing: the text is kept)."""
    expected = _one_by_one(text, changes, encoding)
    store = DocumentStore(encoding)
    store.open("u", 1, text)
    if expected is ValueError:
        with pytest.raises(ValueError):
            store.change("u", 2, changes)
        assert store.get("u").text == text
        return None
    doc = store.change("u", 2, changes)
    assert doc.text == expected
    assert doc.index.source.line_starts == SourceText(expected).line_starts
    return doc


def _replace_all(text: str, old: str, new: str, encoding: str) -> list:
    """What VS Code sends for "Replace All": one change per match, the last match first."""
    return [
        types.TextDocumentContentChangePartial(range=range_of(text, m.start(), m.end(), encoding), text=new)
        for m in reversed(list(re.finditer(re.escape(old), text)))
    ]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_replace_all_is_one_pass(encoding, monkeypatch):
    text = "The General Assembly,\r\n\r\nRecalling 𝔸 its resolution,\r\n\r\n" + "".join(
        f"{n}. Requests the Secretary-General 😀 to report;\r\n\r\n" for n in range(1, 40)
    )
    changes = _replace_all(text, "Secretary-General", "Secretary\r\nGeneral", encoding)
    assert len(changes) >= RUN_AT_ONCE
    one_at_a_time = []
    monkeypatch.setattr(SourceText, "edited", lambda self, *a: one_at_a_time.append(a))
    store = DocumentStore(encoding)
    store.open("u", 1, text)
    doc = store.change("u", 2, changes)
    assert doc.text == text.replace("Secretary-General", "Secretary\r\nGeneral")
    assert one_at_a_time == []  # not a copy of the text per change
    assert doc.index.source.line_starts == SourceText(doc.text).line_starts


def test_a_line_feed_inserted_after_a_carriage_return_joins_it():
    # The first change makes "\r" + "\n" one line break: the line after it starts one
    # character later, so a change at that start is not applied with the first.
    text = "ab\rcd\ref\rgh"
    changes = [
        _change((3, 0), (3, 0), "\n"),
        _change((3, 0), (3, 0), "X"),  # after the join: line 3 is "gh", not "\ngh"
        _change((2, 0), (2, 0), "\n"),
        _change((1, 1), (1, 1), "Y"),
        _change((0, 0), (0, 1), "Z"),
    ]
    store = DocumentStore("utf-16")
    store.open("u", 1, text)
    assert store.change("u", 2, changes).text == _one_by_one(text, changes, "utf-16") == "Zb\rcYd\r\nef\r\nXgh"


# -- changes first place first, as some editors send a multi-cursor edit -----------------
@st.composite
def first_place_first(draw, encoding: str):
    """A text and changes each at or after where the one before it left its text, with
    positions in the text as that change finds it (an editor that sends its changes first
    place first); now and then a position that is clamped or names the place before."""
    text = draw(TEXTS)
    current, at, changes = text, 0, []
    for _ in range(draw(st.integers(RUN_AT_ONCE, 14))):
        start = draw(st.integers(min(at, len(current)), len(current)))
        end = draw(st.integers(start, min(len(current), start + 4)))
        if 0 < start < len(current) and current[start - 1] == "\r" and current[start] == "\n":
            start -= 1  # inside a CRLF no position names it: take its start
        end = max(end, start)
        if 0 < end < len(current) and current[end - 1] == "\r" and current[end] == "\n":
            end += 1
        new = draw(st.lists(CHARS, max_size=3).map("".join))
        rng = range_of(current, start, end, encoding)
        if draw(st.integers(0, 9)) == 0:  # past the line's end, or before the place
            changes.append(_change((rng.start.line, rng.start.character + draw(st.integers(1, 9))), (rng.end.line, 99), new))
            break
        changes.append(types.TextDocumentContentChangePartial(range=rng, text=new))
        current = current[:start] + new + current[end:]
        at = start + len(new)
    return text, changes


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from(ENCODINGS))
def test_changes_sent_first_place_first_leave_the_text_one_by_one_leaves(data, encoding):
    text, changes = data.draw(first_place_first(encoding))
    _checked_against_one_by_one(text, changes, encoding)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_replace_all_first_place_first_copies_the_text_once(encoding, monkeypatch):
    """Each change rewrites its lines only: no copy of the whole text per change."""
    text = "The General Assembly,\r\n\r\nRecalling 𝔸 its resolution,\r\n\r\n" + "".join(
        f"{n}. Requests the Secretary-General 😀 to report;\r\n\r\n" for n in range(1, 40)
    )
    changes, current = [], text
    while "Secretary-General" in current:
        at = current.index("Secretary-General")
        changes.append(types.TextDocumentContentChangePartial(range=range_of(current, at, at + 17, encoding), text="Secretary\r\nGeneral"))
        current = current[:at] + "Secretary\r\nGeneral" + current[at + 17 :]
    copies = []
    monkeypatch.setattr(SourceText, "edited", lambda self, *a: copies.append(a))
    monkeypatch.setattr(Document, "apply", lambda self, change: copies.append(change))
    store = DocumentStore(encoding)
    store.open("u", 1, text)
    doc = store.change("u", 2, changes)
    assert doc.text == current == text.replace("Secretary-General", "Secretary\r\nGeneral")
    assert copies == [] and len(changes) == 39
