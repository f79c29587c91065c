"""Many content changes of one notification applied to the text as a list of its lines.

LSP applies a notification's changes one after the other, each to the text the one
before left. Applied to the whole text, each copies it: a multi-cursor edit or a
*Replace All* in an editor that sends its changes first place first (VS Code sends the
last first, which :meth:`resolint.lsp.documents.Document.apply_all` takes in one pass)
made 10,000 changes in a 1 MB draft 8 s on the event loop. Kept as a list of lines, a
change rewrites only the lines it touches, and the text is joined once at the end. A
line edited again and again at one place (each letter typed sent as a change) is held
as a gap buffer until a change elsewhere (:mod:`resolint.lsp.hot_line`), and the list
of lines has a gap where the last change was (:mod:`resolint.lsp.line_gap`), so that
line breaks typed at one place do not move the lines after it per change.

Positions are read as :meth:`resolint.lsp.positions.LineIndex.offset` reads them
(clamped into the text, a column inside a character moved to its start), and line
breaks are LSP's (``\\r\\n``, ``\\n``, ``\\r``), so the text is the one the changes give
one by one; ``tests/lsp/test_change_runs.py`` compares the two on random changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from resolint.lsp.hot_line import HotLine, text_width
from resolint.lsp.line_gap import GapLines
from resolint.lsp.positions import UTF32, code_point_at

_BREAK = re.compile(r"(\r\n|\n|\r)")


def _lines(text: str) -> list[str]:
    """``text`` cut after each line break; the last line (perhaps empty) has none."""
    parts = _BREAK.split(text)
    return [parts[i] + parts[i + 1] for i in range(0, len(parts) - 1, 2)] + [parts[-1]]


def _pieces(head: str, text: str, tail: str) -> list[str]:
    """The lines of ``head + text + tail`` (``head`` a line's start, without a break;
    ``tail`` a line's end, with its break unless it is the last line), the last one left
    out when it is empty after a break (the next line follows). Only ``text`` (and a tail
    that is a break alone) is searched for breaks: the whole line was, per change, and
    10,000 changes typed at one place on one line took 0.9 s."""
    if tail[:1] in ("\r", "\n"):  # the tail is the line's break: it may join ``text``'s "\r"
        pieces = _lines(text + tail)
        pieces.pop()  # "" after the break
    else:  # the tail starts with no break: it cannot join one of ``text``
        pieces = _lines(text)
        pieces[-1] += tail
    pieces[0] = head + pieces[0]
    return pieces


class LineEditor:
    """A text kept as its lines (each with its line break) while changes are applied, with
    a gap where the last change was (:mod:`resolint.lsp.line_gap`)."""

    __slots__ = ("lines", "encoding", "_hot")

    def __init__(self, text: str, encoding: str) -> None:
        self.lines = GapLines(_lines(text))
        self.encoding = encoding
        #: The line the last change left its place on, while changes go on there
        #: (:mod:`resolint.lsp.hot_line`); ``lines`` holds it once it is written out.
        self._hot: HotLine | None = None

    @property
    def text(self) -> str:
        self._write_out()
        return self.lines.joined()

    def _write_out(self) -> None:
        hot = self._hot
        if hot is not None:
            self.lines.head[hot.line] = hot.written()  # (the gap is after it: no change since)
            self._hot = None

    def apply_all(self, changes: Iterable) -> None:
        for change in changes:
            self.apply(change)

    def apply(self, change) -> None:
        """Apply one content change (partial with ``range``, or the full text)."""
        rng = getattr(change, "range", None)
        if rng is None:
            self._hot = None
            self.lines = GapLines(_lines(change.text))
            return
        if self._hot is not None and self._hot.take(rng, change.text):
            return  # at the place the last change left, on its line
        self._write_out()
        gap = self.lines
        lines = gap.head
        count = len(lines) + len(gap.tail)
        # The gap after the lines the change names (clamped into the text, as _locate
        # clamps them): they are read and replaced in a plain list. (Written out: a
        # change at the gap, the case this is for, then costs no call.)
        named = rng.end.line if rng.end.line > rng.start.line else rng.start.line
        after = count if named >= count else named + 1 if named > 0 else 1
        if after != len(lines):
            gap.gap_at(after)
        start = self._locate(lines, count, rng.start.line, rng.start.character)
        end = self._locate(lines, count, rng.end.line, rng.end.character)
        if end < start:
            raise ValueError(f"change range ends before it starts: {rng}")
        (first, at), (last, to) = start, end
        pieces = _pieces(lines[first][:at], change.text, lines[last][to:])
        lo = first
        if first and pieces[0][:1] == "\n" and lines[first - 1].endswith("\r"):
            lo = first - 1  # the "\n" makes one break with that "\r"
            pieces[0] = lines[lo] + pieces[0]
        lines[lo : last + 1] = pieces  # (the last line named ends the list: none moved)
        place = at + len(change.text)
        if lo == first == last and len(pieces) == 1 and place <= text_width(pieces[0]):
            # One line still, the place in its text (a "\r" typed before its "\n" puts
            # the place inside the break, where no column is): the next change may follow on.
            self._hot = HotLine(lo, pieces[0], place, self.encoding)

    def _locate(self, lines: list[str], count: int, line: int, character: int) -> tuple[int, int]:
        """(line, code-point column) of a client position, clamped as
        :meth:`~resolint.lsp.positions.LineIndex.offset` clamps it, in a text of
        ``count`` lines whose first ones, up to the position's line, are ``lines``."""
        if line < 0:
            return 0, 0
        if line >= count:
            return count - 1, len(lines[count - 1])
        text = lines[line]
        width = text_width(text)
        character = max(0, character)
        if self.encoding == UTF32 or text.isascii():
            return line, min(character, width)
        return line, code_point_at(text, 0, width, character, self.encoding)
