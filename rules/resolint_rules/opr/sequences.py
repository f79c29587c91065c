"""What the numbering rules ask of a sequence of operative paragraphs numbered together.

The sequences themselves are found once by the parser (``Resolution.sequences``: the
top-level operative paragraphs of each part, the items of each list)."""

from __future__ import annotations

from resolint.model import LabelScheme, Paragraph

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ARABIC = LabelScheme.ARABIC


def is_numbered(p: Paragraph) -> bool:
    return p.label is not None and p.label.scheme is _ARABIC


def numbering_expected(seq: list[Paragraph], style_numbering: str) -> bool:
    """Whether this sequence should carry numbers at all."""
    if any(is_numbered(p) for p in seq):
        return True
    is_items = seq[0].parent is not None
    return style_numbering == "required" and not is_items and len(seq) > 1
