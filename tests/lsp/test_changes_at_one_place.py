"""Many content changes of one notification at one place on one line (a client that sends
each typed character, or a macro replayed) cost what they change, not the line's length
each: the line editor searches only a change's own text for line breaks, and a column on
a line with non-ASCII text is found without a walk in Python over the line. Counted, not
timed: the work is counted where it used to grow with the line."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.lsp import line_edits, positions
from resolint.lsp.documents import DocumentStore
from resolint.lsp.positions import code_point_at

ENCODINGS = ["utf-8", "utf-16", "utf-32"]


def _insert(line: int, character: int, text: str):
    position = SimpleNamespace(line=line, character=character)
    return SimpleNamespace(range=SimpleNamespace(start=position, end=position), text=text)


def _typed(encoding: str, count: int, at: int) -> list:
    """``count`` letters typed one by one from column ``at`` of line 1 ("x" is one unit)."""
    return [_insert(1, at + k, "x") for k in range(count)]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_typing_at_one_place_searches_only_the_typed_text_for_breaks(encoding, monkeypatch):
    line = "Recalling its résolution 1/2 " * 700  # about 20,000 characters, not ASCII
    text = "The General Assembly,\n" + line + "\n\n1. Decides;\n"
    searched = []
    split = line_edits._lines
    monkeypatch.setattr(line_edits, "_lines", lambda t: searched.append(len(t)) or split(t))
    changes = _typed(encoding, 2000, 10)
    store = DocumentStore(encoding)
    store.open("u", 1, text)
    doc = store.change("u", 2, changes)
    lines = text.split("\n")
    assert doc.text == "\n".join([lines[0], line[:10] + "x" * 2000 + line[10:], *lines[2:]])
    # The text once (the editor's lines), then each change's text and at most a break.
    assert sum(searched) <= len(text) + sum(len(c.text) + 2 for c in changes)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_column_on_a_line_with_an_accent_is_found_without_a_walk(encoding, monkeypatch):
    steps = []
    units = positions.char_units
    monkeypatch.setattr(positions, "char_units", lambda ch, enc: steps.append(ch) or units(ch, enc))
    line = "é" + "a" * 20_000
    text = "The General Assembly,\n" + line + "\n"
    store = DocumentStore(encoding)
    store.open("u", 1, text)
    changes = _typed(encoding, 1000, 15_000)
    doc = store.change("u", 2, changes)
    cut = 15_000 - (_units("é", encoding) - 1)  # the column in code points
    assert doc.text == "The General Assembly,\n" + line[:cut] + "x" * 1000 + line[cut:] + "\n"
    # A step per character before the column, per change, was 15,000,000 steps.
    assert len(steps) <= len(changes)


def _units(ch: str, encoding: str) -> int:
    """A character's code units, from its encoded length (surrogates as UTF-16 and
    UTF-8 would write them, were they allowed)."""
    if encoding == "utf-32":
        return 1
    data = ch.encode("utf-16-le" if encoding == "utf-16" else "utf-8", "surrogatepass")
    return len(data) // 2 if encoding == "utf-16" else len(data)


CHARS = st.sampled_from(["a", " ", "é", "中", "𝔸", "😀", "e\u0301", "\ud800", "\udfff", "\x7f", "\x80", "\u0800"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHARS, max_size=12).map("".join), st.sampled_from(ENCODINGS), st.integers(0, 3), st.integers(0, 3))
def test_code_point_at_names_the_character_a_column_falls_in(line, encoding, before, after):
    """Every column of a line (with text around it): the character it starts or falls
    inside; one past the line's end is its end."""
    text = "b" * before + line + "c" * after
    start, end = before, before + len(line)
    ends, total = [], 0
    for ch in line:
        total += _units(ch, encoding)
        ends.append(total)
    for column in range(total + 3):
        expected = start + sum(1 for e in ends if e <= column)
        assert code_point_at(text, start, end, column, encoding) == expected, column
