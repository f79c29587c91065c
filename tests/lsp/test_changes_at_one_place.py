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
from resolint.lsp.hot_line import HotLine
from resolint.lsp.positions import code_point_at
from tests.lsp.helpers import range_of
from tests.lsp.test_change_runs import _checked_against_one_by_one

ENCODINGS = ["utf-8", "utf-16", "utf-32"]


def _insert(line: int, character: int, text: str):
    position = SimpleNamespace(line=line, character=character)
    return SimpleNamespace(range=SimpleNamespace(start=position, end=position), text=text)


def _deleted(line: int, start: int, end: int):
    position = lambda character: SimpleNamespace(line=line, character=character)  # noqa: E731
    return SimpleNamespace(range=SimpleNamespace(start=position(start), end=position(end)), text="")


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


# -- a typing session: letters typed, Backspace and Delete pressed, the place moved ------
SESSION_CHARS = st.sampled_from(["a", "b", " ", "é", "中", "𝔸", "😀", "\u2028", "\r\n", "\n", "\r"])


@st.composite
def typing_session(draw, encoding: str):
    """A text and the changes of one notification as an editor sends keystrokes: each at
    the place the one before left, now and then a jump elsewhere or a column inside a
    character or past the line's end, as the text is when the change comes."""
    current = draw(st.lists(SESSION_CHARS, max_size=30).map("".join))
    text, place, changes = current, draw(st.integers(0, len(current))), []
    for _ in range(draw(st.integers(4, 30))):
        place = min(place, len(current))
        if 0 < place < len(current) and current[place - 1] == "\r" and current[place] == "\n":
            place -= 1  # inside a CRLF no position names it
        op = draw(st.sampled_from(["type", "type", "type", "back", "delete", "jump", "raw"]))
        start = end = place
        new = ""
        if op == "type":
            new = draw(st.lists(SESSION_CHARS, min_size=1, max_size=3).map("".join))
        elif op == "back":
            start = max(0, place - draw(st.integers(1, 3)))
        elif op == "delete":
            end = min(len(current), place + draw(st.integers(1, 3)))
        elif op == "jump":
            place = draw(st.integers(0, len(current)))
            continue
        if op == "raw":  # a position as a client may send it: past a line's end, inside a character
            rng = range_of(current, place, place, encoding)
            wide = rng.start.character + draw(st.integers(1, 3))
            changes.append(_insert(rng.start.line, wide, draw(st.sampled_from(["x", "é", ""]))))
            break  # (where it lands is the clamping's to say: the session ends there)
        for k in (start, end):
            if 0 < k < len(current) and current[k - 1] == "\r" and current[k] == "\n":
                start, end = min(start, k - 1), max(end, k + 1)
        changes.append(SimpleNamespace(range=range_of(current, start, end, encoding), text=new))
        current = current[:start] + new + current[end:]
        place = start + len(new)
    return text, changes


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from(ENCODINGS))
def test_a_typing_session_leaves_the_text_one_by_one_leaves(data, encoding):
    text, changes = data.draw(typing_session(encoding))
    _checked_against_one_by_one(text, changes, encoding)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_carriage_return_typed_before_a_line_feed_ends_the_line(encoding):
    """A "\r" typed at a line's end, before its "\n", makes one break with it ("\r\n"):
    the place after it is inside the break, so the next change at the column after the
    line's text is clamped to the line's end, not written between "\r" and "\n" (the
    property test above found "aa\rx\n" for "aax\r\n")."""
    changes = [_insert(0, 0, "a"), _insert(0, 1, "a"), _insert(0, 2, "\r"), _insert(0, 3, "x")]
    _checked_against_one_by_one("\n", changes, encoding)
    store = DocumentStore(encoding)
    store.open("u", 1, "\n")
    assert store.change("u", 2, changes).text == "aax\r\n"


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_typing_at_one_place_on_a_long_line_does_not_copy_it_per_change(encoding, monkeypatch):
    """10,000 letters typed in the middle of a line of 1 MB took 18 s (the line copied
    per change): each change at the place the last one left is kept as a piece."""
    line = "é" + "a" * 200_000
    text = "The General Assembly,\n" + line + "\n"
    written = []
    real = HotLine.written
    monkeypatch.setattr(HotLine, "written", lambda self: written.append(1) or real(self))
    backspaces = [_deleted(1, 100_000 + k - 1, 100_000 + k) for k in range(3000, 2990, -1)]
    changes = _typed(encoding, 3000, 100_000) + backspaces
    store = DocumentStore(encoding)
    store.open("u", 1, text)
    doc = store.change("u", 2, changes)
    cut = 100_000 - (_units("é", encoding) - 1)
    assert doc.text == "The General Assembly,\n" + line[:cut] + "x" * 2990 + line[cut:] + "\n"
    assert len(written) == 1  # the line written out once, at the end


class _CountingLines(list):
    """A list of lines that counts the lines a change makes it move in memory: those
    after a slice replaced by one of another length, or after a line inserted or deleted
    in the middle (what one Python list of lines pays per line break typed)."""

    shifted = 0

    def __setitem__(self, key, value):
        if isinstance(key, slice):
            value = list(value)
            start, stop, _ = key.indices(len(self))
            if len(value) != stop - start:
                _CountingLines.shifted += len(self) - stop
        super().__setitem__(key, value)

    def __delitem__(self, key):
        if isinstance(key, slice):
            _CountingLines.shifted += len(self) - key.indices(len(self))[1]
        super().__delitem__(key)

    def insert(self, i, value):
        _CountingLines.shifted += max(0, len(self) - i)
        super().insert(i, value)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("where", ["middle", "line end", "before a crlf"])
def test_line_breaks_typed_at_one_place_do_not_move_the_lines_after_it(encoding, where, monkeypatch):
    """Enter pressed 3,000 times at one place of a 4,000-line draft, each press a change
    of one notification at the place the last one left (the next line's start): the lines
    after it are not moved per press (one list of lines moved them all: 30,000 line
    breaks in a 1 MB draft took 0.9 s). Counted: lines moved in memory, plus lines the
    gap of :mod:`resolint.lsp.line_gap` carried."""
    eol = "\r\n" if where == "before a crlf" else "\n"
    body = [f"{k}. Requests the Secretary-General to report on paragraph {k};" for k in range(1, 4001)]
    text = "The General Assembly," + eol + eol.join(body) + eol
    column = {"middle": 10, "line end": len(body[1999]), "before a crlf": len(body[1999])}[where]
    presses = 3000
    changes = [_insert(2000, column, "\n")] + [_insert(2001 + k, 0, "\n") for k in range(presses - 1)]
    split = line_edits._lines
    monkeypatch.setattr(line_edits, "_lines", lambda t: _CountingLines(split(t)))
    monkeypatch.setattr(_CountingLines, "shifted", 0)
    editor = line_edits.LineEditor(text, encoding)
    editor.apply_all(changes)
    at = text.index(body[1999]) + column  # each press at the start of the line the last one made
    assert editor.text == text[:at] + "\n" * presses + text[at:]
    moved = _CountingLines.shifted + getattr(editor.lines, "moved", 0)
    assert moved <= 4 * presses, moved  # one list: about 2,000 lines per press
