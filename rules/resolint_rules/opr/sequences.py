"""The numbered sequences of a resolution: operative paragraphs per part, items per list."""

from __future__ import annotations

from resolint.model import Kind, LabelScheme, Paragraph, Resolution


def operative_sequences(res: Resolution) -> list[list[Paragraph]]:
    """Sibling operative paragraphs that should be numbered 1, 2, 3 … together.

    Top-level operative paragraphs form one sequence per part of the resolution; the
    items of an INTERPOL list ("CALLS UPON … to:" then "1. …") form one sequence each.
    """
    out: list[list[Paragraph]] = []
    by_part: dict[int, list[Paragraph]] = {}
    for p in res.paragraphs:
        if p.kind is not Kind.OPERATIVE:
            continue
        if p.parent is None:
            by_part.setdefault(p.part, []).append(p)
            items = [c for c in p.children if c.kind is Kind.OPERATIVE]
            if items:
                out.append(items)
    out[:0] = [by_part[k] for k in sorted(by_part)]
    return out


def document_sequences(facts) -> list[list[Paragraph]]:
    """:func:`operative_sequences` of an analysed draft, once per lint (``facts.derived``;
    three rules walk them). Read only: the lists are shared."""
    return operative_sequences(facts.resolution)


def is_numbered(p: Paragraph) -> bool:
    return p.label is not None and p.label.scheme is LabelScheme.ARABIC


def numbering_expected(seq: list[Paragraph], style_numbering: str) -> bool:
    """Whether this sequence should carry numbers at all."""
    if any(is_numbered(p) for p in seq):
        return True
    is_items = seq[0].parent is not None
    return style_numbering == "required" and not is_items and len(seq) > 1
