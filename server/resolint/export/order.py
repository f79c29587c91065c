"""The paragraphs' tree as the export writes it: the parser's, in the order of the text.

The export writes a paragraph's children inside it, so the text comes out in the order
of a walk down the tree. The parser's tree does not always have that order: a footnote
left by a conversion between two items of a group ("h) …", "____ 1 These include …",
"i) …") is a paragraph of its own, yet "i)" hangs under the group's opener before it;
an "(iv)" may hang under an "(a)" across the dashed items of the paragraph above it.
Written as the tree says, the footnote went after the whole group and "(iv)" before the
dashes: the export changed the order of the text. Here each paragraph hangs under its
nearest ancestor that is still open where it stands in the text (one of the paragraph
before it and that one's ancestors), else at the top: where the tree follows the text,
this is the tree itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from resolint.model import Paragraph


class TextOrderTree:
    """``parent(p)`` and ``children(p)`` of the paragraphs given, in text order."""

    def __init__(self, paragraphs: Iterable[Paragraph]) -> None:
        self._parent: dict[int, Paragraph | None] = {}
        self._children: dict[int, list[Paragraph]] = {}
        open_: list[Paragraph] = []  # the paragraph before and its ancestors, outermost first
        where: dict[int, int] = {}  # index -> position in open_
        for p in paragraphs:
            up = p.parent
            while up is not None and up.index not in where:
                up = up.parent
            cut = 0 if up is None else where[up.index] + 1
            for q in open_[cut:]:
                del where[q.index]
            del open_[cut:]
            self._parent[p.index] = up
            if up is not None:
                self._children.setdefault(up.index, []).append(p)
            where[p.index] = len(open_)
            open_.append(p)

    def parent(self, p: Paragraph) -> Paragraph | None:
        return self._parent.get(p.index, p.parent)

    def children(self, p: Paragraph) -> list[Paragraph]:
        return self._children.get(p.index, [])
