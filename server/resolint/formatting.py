"""What a rule may ask about the formatting of its input (italics, for now).

Plain text carries no formatting; a Word document does, and some house styles rule on
it (the UN italicizes the opener of each preambular and operative paragraph). The reader
of such an input passes an object with this interface to :func:`resolint.engine.lint`;
rules find it as ``ctx.formatting`` (None for plain text) and never import the reader,
so the rule pack keeps depending on the core only.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Formatting(Protocol):
    def italic_at(self, offset: int) -> bool | None:
        """Whether the character at ``offset`` of the linted text is italic.

        None when the character has no formatting of its own: text the reader made up
        (an automatic number label) or an offset outside any paragraph.
        """
        ...
