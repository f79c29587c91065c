"""What a rule may ask about the formatting of its input (italics, for now).

Plain text carries no formatting; a Word document does, and some house styles rule on
it (the UN italicizes the opener of each preambular and operative paragraph). The reader
of such an input passes an object with this interface to :func:`resolint.engine.lint`;
rules find it as ``ctx.formatting`` (None for plain text) and never import the reader,
so the rule pack keeps depending on the core only.
"""

from __future__ import annotations

import re
from typing import Protocol, runtime_checkable


@runtime_checkable
class Formatting(Protocol):
    def italic_at(self, offset: int) -> bool | None:
        """Whether the character at ``offset`` of the linted text is italic.

        None when the character has no formatting of its own: text the reader made up
        (an automatic number label) or an offset outside any paragraph.
        """
        ...


class SpanFormatting:
    """Formatting given as italic spans of the text (for tests and rule examples)."""

    def __init__(self, length: int, italic: list[tuple[int, int]]) -> None:
        self.length = length
        self.italic = sorted(italic)

    def italic_at(self, offset: int) -> bool | None:
        if not 0 <= offset < self.length:
            return None
        return any(a <= offset < b for a, b in self.italic)


_EMPHASIS = re.compile(r"\*([^*\n]+)\*")


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
