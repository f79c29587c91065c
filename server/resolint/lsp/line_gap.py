"""A text's list of lines with a gap at the place the last change left, for the line editor.

:class:`~resolint.lsp.line_edits.LineEditor` replaces the lines a change touches by
the lines it leaves. In one Python list, a change that adds or removes a line moves
every line after it: a line break typed thousands of times at one place (each press of
Enter sent as a change of one notification) moved the list per change, and 30,000
of them in a 1 MB draft took 0.9 s. Here the lines after the gap are kept reversed in a
second list, so a change at the gap appends to or pops from the ends of the two lists;
the gap moves (its lines copied from one list to the other, in C) only when a change
comes elsewhere, by as many lines as it is from there. A run of changes at one place
costs what they change; changes all over the text cost what one list did.

Not the gap of :mod:`resolint.lsp.hot_line`, which is inside one line, over its
characters, with columns in the client's units: each module says why there are two.
"""

from __future__ import annotations

from itertools import chain


class GapLines:
    """Lines ``head + reversed(tail)``, the gap between the two lists. A change is made
    to :attr:`head` once the gap is after the lines it touches (:meth:`gap_at`): those
    lines are then read from a plain list, with no call per line."""

    __slots__ = ("head", "tail", "moved")

    def __init__(self, lines: list[str]) -> None:
        self.head = lines
        self.tail: list[str] = []  # the lines after the gap, last line first
        #: Lines copied across the gap so far (tests count them: the work that grew
        #: with the text per change).
        self.moved = 0

    def __len__(self) -> int:
        return len(self.head) + len(self.tail)

    def gap_at(self, at: int) -> list[str]:
        """Move the gap to before line ``at`` (``0 <= at <= len(self)``), and return
        :attr:`head`: lines ``0`` to ``at - 1``, a list the caller may edit at its end."""
        head, tail = self.head, self.tail
        if at < len(head):
            count = len(head) - at
            tail += reversed(head[at:])
            del head[at:]
        elif at > len(head):
            count = at - len(head)
            head += reversed(tail[-count:])
            del tail[-count:]
        else:
            return head
        self.moved += count
        return head

    def joined(self) -> str:
        return "".join(chain(self.head, reversed(self.tail)))
