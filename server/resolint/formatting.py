"""What a rule may ask about the formatting of its input: italics, and which characters
the application draws without storing them (an automatic number).

Plain text carries no formatting; a Word document does, and some house styles rule on
it (the UN italicizes the opener of each preambular and operative paragraph). The reader
of such an input passes an object with this interface to :func:`resolint.engine.lint`;
rules find it as ``ctx.formatting`` (None for plain text) and never import the reader,
so the rule pack keeps depending on the core only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from resolint.lazyre import lazy


@runtime_checkable
class Formatting(Protocol):
    def italic_at(self, offset: int) -> bool | None:
        """Whether the character at ``offset`` of the linted text is italic.

        None when the character has no formatting of its own: text the reader made up
        (an automatic number label) or an offset outside any paragraph.
        """
        ...

    def drawn_at(self, offset: int) -> bool:
        """Whether the character at ``offset`` is drawn by the application and not stored
        in the document: the label of an automatic number ("3.", "(b)", a bullet), which
        the drafter did not type and cannot select. False for text and outside paragraphs.
        """
        ...


class SpanFormatting:
    """Formatting given as spans of the text (for tests and rule examples): italic ones
    and, optionally, ones the application draws (automatic numbers: no formatting of
    their own)."""

    def __init__(self, length: int, italic: list[tuple[int, int]], drawn: Iterable[tuple[int, int]] = ()) -> None:
        self.length = length
        self.italic = sorted(italic)
        self.drawn = sorted(drawn)

    def italic_at(self, offset: int) -> bool | None:
        if not 0 <= offset < self.length or self.drawn_at(offset):
            return None
        return any(a <= offset < b for a, b in self.italic)

    def drawn_at(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.drawn)


_EMPHASIS = lazy(r"\*([^*\n]+)\*")


def from_emphasis(text: str) -> tuple[str, SpanFormatting]:
    """Read Markdown-style ``*italic*`` as italics: the text without the stars, and its spans.

    Rule documentation cannot show a Word document; its examples write italics this way
    and the rule's ``example_input`` turns them into formatting.
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for m in _EMPHASIS.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        spans.append((length, length + len(m.group(1))))
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(text[pos:])
    clean = "".join(out)
    return clean, SpanFormatting(len(clean), spans)
