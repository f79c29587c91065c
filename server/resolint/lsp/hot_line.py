"""The line a run of changes keeps editing at one place, held as a gap buffer.

A client that sends each typed letter (or each press of Delete or Backspace) as a change
of one notification edits one line at one place thousands of times. Rewriting the line
per change copies it each time: 10,000 letters typed in the middle of a line of 1 MB
took 18 s. :class:`HotLine` holds that line as the text before the place (the line's
old start, kept as a length, and what was typed, kept as pieces) and the text after it
(the line's old end, kept from an offset), so a change at the place costs what it
changes; the line is written out once, when a change elsewhere comes or the text is read.

Only changes that keep the line one line are taken (no line break typed, none deleted),
so the lines around it, and how their breaks join, are untouched. Columns count in the
client's units (:mod:`resolint.lsp.positions`): a column inside a character is moved to
that character's start, and one past the line's end to its end, as everywhere else.

The line editor has a second gap, :mod:`resolint.lsp.line_gap`, over the text's list
of lines. They were read as two gap buffers doing one job; they are not. That one moves
whole lines across its gap (two lists, the second reversed) and knows nothing of
columns; this one keeps one line's text uncopied around the place (a slice's bounds
and the typed pieces) and counts columns in the client's units. Holding a line as a
:class:`~resolint.lsp.line_gap.GapLines` of its characters would copy it into a list
once per line edited, the cost this module is there to avoid.
"""

from __future__ import annotations

from resolint.lsp.positions import UTF32, char_units

_CODECS = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2)}


def units(text: str, encoding: str) -> int:
    """``text``'s length in the client's units (a lone surrogate is one character)."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    codec, width = _CODECS[encoding]
    return len(text.encode(codec, "surrogatepass")) // width


def text_width(line: str) -> int:
    """How many code points of ``line`` are text, not its line break: where a column
    past the line's end is clamped to, here and in :mod:`resolint.lsp.line_edits`."""
    return len(line) - (2 if line.endswith("\r\n") else 1 if line.endswith(("\n", "\r")) else 0)


class HotLine:
    """Line ``line`` of the text, as ``base[:base_end] + "".join(typed) + base[after:]``,
    the place being between the typed pieces and ``base[after:]``."""

    __slots__ = ("line", "base", "base_end", "typed", "after", "at_units", "width", "encoding")

    def __init__(self, line: int, base: str, at: int, encoding: str) -> None:
        self.line, self.base, self.encoding = line, base, encoding
        self.base_end = self.after = at
        self.typed: list[str] = []
        # The place's column (an ASCII line's is its offset: no copy of the line read).
        self.at_units = at if encoding == UTF32 or base.isascii() else units(base[:at], encoding)
        # Where the line's text ends (its break is never edited here).
        self.width = text_width(base)

    def written(self) -> str:
        """The line as it now is, with its break."""
        if not self.typed and self.base_end == self.after:
            return self.base
        return self.base[: self.base_end] + "".join(self.typed) + self.base[self.after :]

    def take(self, rng, text: str) -> bool:
        """Apply the change (``rng``, ``text``) when it is on this line around the place
        and keeps it one line; False (nothing done) otherwise."""
        start, end = rng.start, rng.end
        if not (start.line == end.line == self.line and 0 <= start.character <= self.at_units <= end.character):
            return False
        if "\r" in text or "\n" in text:
            return False
        forward = end.character - self.at_units  # (counted from the place before anything is deleted)
        self._delete_before(start.character)
        self._delete_after(forward)
        if text:
            self.typed.append(text)
            self.at_units += units(text, self.encoding)
        return True

    def _delete_before(self, column: int) -> None:
        """Delete back from the place to ``column`` (inside a character: its start)."""
        typed, encoding = self.typed, self.encoding
        while self.at_units > column and typed:
            last = typed[-1]
            size = units(last, encoding)
            if self.at_units - size >= column:
                typed.pop()
                self.at_units -= size
                continue
            typed[-1] = last[:-1]  # (a piece typed at once: short)
            self.at_units -= char_units(last[-1], encoding)
            if not typed[-1]:
                typed.pop()
        while self.at_units > column and self.base_end > 0:
            self.base_end -= 1
            self.at_units -= char_units(self.base[self.base_end], encoding)

    def _delete_after(self, count: int) -> None:
        """Delete ``count`` units after the place (up to a character a column falls
        inside; the line's break is never deleted: a column past its end is its end)."""
        done = 0
        while self.after < self.width:
            step = char_units(self.base[self.after], self.encoding)
            if done + step > count:
                return
            done += step
            self.after += 1
