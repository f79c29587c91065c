"""A linted file's report reduced to what the renderers read.

After a file is linted, its report needs only the line and column of the offsets its
findings (and their fixes) name, and the text of the lines the text format shows under a
finding. Keeping just those instead of the whole text is what lets an archive of
thousands of files be linted in bounded memory, and what a ``--jobs`` worker sends back
to the parent (a few hundred bytes per finding instead of the file's text).
"""

from __future__ import annotations

from resolint.cli.report import FileReport
from resolint.source import Position, SourceText


class LocatedSource:
    """The positions and lines of one text that its findings refer to.

    Answers :meth:`position` and :meth:`line_text` like :class:`SourceText` for those
    offsets and lines; ``len()`` is the original text's length (renderers test a report's
    source for truth, and an empty text must stay falsy).
    """

    __slots__ = ("_length", "_positions", "_lines")

    def __init__(self, length: int, positions: dict[int, Position], lines: dict[int, str]) -> None:
        self._length = length
        self._positions = positions
        self._lines = lines

    @classmethod
    def of(cls, source: SourceText, offsets) -> LocatedSource:
        positions: dict[int, Position] = {}
        lines: dict[int, str] = {}
        for offset in offsets:
            if offset not in positions:
                pos = positions[offset] = source.position(offset)
                if pos.line not in lines:
                    lines[pos.line] = source.line_text(pos.line)
        return cls(len(source.text), positions, lines)

    def __len__(self) -> int:
        return self._length

    def position(self, offset: int) -> Position:
        try:
            return self._positions[offset]
        except KeyError:
            raise KeyError(f"offset {offset} was not kept for rendering") from None

    def line_text(self, line: int) -> str:
        return self._lines[line]

    def __getstate__(self):
        return (self._length, self._positions, self._lines)

    def __setstate__(self, state) -> None:
        self._length, self._positions, self._lines = state


def _offsets(report: FileReport):
    for f in report.findings:
        yield f.span.start
        yield f.span.end
        if f.fix is not None:
            for e in f.fix.edits:
                yield e.span.start
                yield e.span.end


def slim(report: FileReport) -> FileReport:
    """``report`` without its text: only what rendering reads (in place, and returned).

    Reports located by paragraph (Word documents) keep their source: their locator reads it.
    """
    if isinstance(report.source, SourceText) and report.locator is None:
        report.source = LocatedSource.of(report.source, _offsets(report))
    return report
