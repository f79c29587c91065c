"""What the numbering rules ask of a sequence of operative paragraphs numbered together.

The sequences themselves are found once by the parser (``Resolution.sequences``: the
top-level operative paragraphs of each part, the items of each list)."""

from __future__ import annotations

import itertools

from resolint.model import Kind, LabelScheme, Paragraph

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ARABIC = LabelScheme.ARABIC
_FURNITURE = Kind.FURNITURE


def is_numbered(p: Paragraph) -> bool:
    return p.label is not None and p.label.scheme is _ARABIC


def numbering_expected(seq: list[Paragraph], style_numbering: str) -> bool:
    """Whether this sequence should carry numbers at all."""
    if any(is_numbered(p) for p in seq):
        return True
    is_items = seq[0].parent is not None
    return style_numbering == "required" and not is_items and len(seq) > 1


def is_empty_word_item(p: Paragraph, formatting) -> bool:
    """Whether ``p`` is an empty paragraph of a Word numbered list: the number Word draws
    alone ("3."), which the reader made up (``Formatting.drawn_at``), read by the parser
    as a label alone (``Kind.FURNITURE``). Never so in plain text, where "3." alone may be
    a PDF's page number."""
    return (
        formatting is not None and p.kind is _FURNITURE and is_numbered(p)
        and formatting.drawn_at(p.label.span.start)
    )


def with_empty_word_items(seq: list[Paragraph], paragraphs: list[Paragraph], formatting) -> list[Paragraph]:
    """``seq`` with the empty paragraphs of a Word numbered list that stand right before
    its first paragraph or between two of its paragraphs (:func:`is_empty_word_item`), in
    their places. Word numbers them, so the list counts them: "1." "3." with an empty
    "2." between was OPR002's "Numbering skips from 1 to 3", and the paragraphs are
    numbered as Word shows them."""
    if formatting is None or not seq:
        return seq
    out: list[Paragraph] = []
    k = seq[0].index - 1
    while k >= 0 and is_empty_word_item(paragraphs[k], formatting):
        k -= 1
    out.extend(paragraphs[k + 1 : seq[0].index])
    for p, q in itertools.pairwise(seq):
        out.append(p)
        # Only those between: a sub-paragraph or other text between two items is not one.
        out.extend(r for r in paragraphs[p.index + 1 : q.index] if is_empty_word_item(r, formatting))
    out.append(seq[-1])
    return out
