"""Convert between engine offsets (code points) and LSP positions, in any encoding.

The engine counts code points; an LSP client counts UTF-16 code units (the default),
UTF-8 bytes or code points, as negotiated at ``initialize``. A :class:`LineIndex` is
built once per document version over a :class:`~resolint.source.SourceText` (whose line
breaks are exactly LSP's: ``\\n``, ``\\r\\n`` and ``\\r``), so converting a position costs
a binary search plus, on a line with non-ASCII text, a binary search of where its wide
characters stand (read once per line). Pure ASCII lines (most of a draft) need neither.

A client column that falls inside a character (half a surrogate pair, a byte in the
middle of a UTF-8 sequence) is moved back to that character's start; a column past the
end of a line is clamped to the line's end, as the LSP specification asks.
"""

from __future__ import annotations

import bisect
import re

from resolint.source import SourceText

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)


#: The characters that take two UTF-16 code units (a surrogate pair), and those that
#: take more than one UTF-8 byte.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def char_units(ch: str, encoding: str) -> int:
    if encoding == UTF32:
        return 1
    o = ord(ch)
    if encoding == UTF16:
        return 2 if o > 0xFFFF else 1
    return 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4


class LineIndex:
    """Offsets <-> (line, column in ``encoding``) for one version of one text."""

    __slots__ = ("source", "encoding", "_ascii", "_wide")

    def __init__(self, source: SourceText | str, encoding: str = UTF16) -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.source = source if isinstance(source, SourceText) else SourceText(source)
        self.encoding = encoding
        self._ascii: dict[int, bool] = {}
        self._wide: dict[int, tuple[list[int], list[int]]] = {}

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def line_count(self) -> int:
        return self.source.line_count

    def _is_ascii(self, line: int) -> bool:
        known = self._ascii.get(line)
        if known is None:
            known = self._ascii[line] = self.source.line_text(line).isascii()
        return known

    # -- offset -> position ----------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """(line, column in the client's units) of a code-point offset (clamped)."""
        src = self.source
        offset = max(0, min(offset, len(src.text)))
        line = bisect.bisect_right(src.line_starts, offset) - 1
        start = src.line_starts[line]
        col = offset - start
        if self.encoding == UTF32 or col == 0 or self._is_ascii(line):
            return line, col
        at, extra = self._wide_chars(line)
        k = bisect.bisect_left(at, col)  # the wide characters before the column
        return line, col + (extra[k - 1] if k else 0)

    def _wide_chars(self, line: int) -> tuple[list[int], list[int]]:
        """Where on ``line`` (a column in code points) each character that takes more
        than one code unit stands, and the extra units of it and those before it: a
        column's units are its code points plus the extras before it. Read once per line:
        encoding the line's prefix for each position was quadratic in a long paragraph
        with many findings (30,000 in 200 KB: 8 s of a lint)."""
        known = self._wide.get(line)
        if known is None:
            text = self.source.line_text(line)
            pattern = _ASTRAL if self.encoding == UTF16 else _NON_ASCII
            at: list[int] = []
            extra: list[int] = []
            total = 0
            for m in pattern.finditer(text):
                at.append(m.start())
                total += char_units(m.group(), self.encoding) - 1
                extra.append(total)
            known = self._wide[line] = (at, extra)
        return known

    # -- position -> offset ----------------------------------------------------
    def exact_offset(self, line: int, character: int) -> int | None:
        """The offset of a client position that names a place in the text as it is:
        None when :meth:`offset` would clamp it (past its line's end or the last line,
        before the first, inside a character of more than one code unit)."""
        if not 0 <= line < self.source.line_count or character < 0:
            return None
        at = self.offset(line, character)
        return at if self.position(at) == (line, character) else None

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a client position (clamped into the text)."""
        src = self.source
        if line < 0:
            return 0
        if line >= src.line_count:
            return len(src.text)
        start = src.line_starts[line]
        end = src.line_end(line)
        character = max(0, character)
        if self.encoding == UTF32 or self._is_ascii(line):
            return min(start + character, end)
        return code_point_at(src.text, start, end, character, self.encoding)


def code_point_at(text: str, start: int, end: int, character: int, encoding: str) -> int:
    """The offset of column ``character`` (in ``encoding``'s units, not negative) of the
    line ``text[start:end]`` (its break left out): a column inside a character is that
    character's start, one past the line's end is its end.

    The line's first ``character`` code points (the column is at most that far: a code
    point takes one unit or more) are encoded and cut at the column; decoding drops a
    character cut in two, and what is left counts the code points before the column. A
    walk in Python over the characters made a notification of 10,000 changes typed at one
    place on a line with an accent 39 s (each change walked the line up to its column)."""
    if encoding == UTF32:
        return min(start + character, end)
    codec, width = _CODECS[encoding]
    prefix = text[start : min(end, start + character)]
    try:
        data = prefix.encode(codec)
    except UnicodeEncodeError:  # a lone surrogate, which no codec writes: walk
        return _walk_to(text, start, end, character, encoding)
    return start + len(data[: character * width].decode(codec, "ignore"))


#: The codec of each encoding with several units a character, and its unit's bytes.
_CODECS = {UTF8: ("utf-8", 1), UTF16: ("utf-16-le", 2)}


def _walk_to(text: str, start: int, end: int, character: int, encoding: str) -> int:
    """:func:`code_point_at` one character at a time (a line holding a lone surrogate)."""
    units = 0
    for i in range(start, end):
        step = char_units(text[i], encoding)
        if units + step > character:
            return i  # inside (or at) this character: its start
        units += step
    return end
