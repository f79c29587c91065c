"""The labels Word draws for a numbered paragraph (its list numbering), read back from the
reader's formatting: what DOC032 (an item with nothing after its label) and DOC033 (a
number typed after the drawn one) both start from."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from resolint.model import Paragraph
from resolint.rule import RuleContext

#: The longest stretch of drawn characters looked at from a paragraph's start: a label's
#: text is cut at 255 characters by the reader (``resolint.docx.numbering.MAX_LEVEL_TEXT``).
MAX_LABEL = 300


def drawn_labels(ctx: RuleContext, blank: Callable[[str], bool]) -> Iterator[tuple[Paragraph, int, int]]:
    """(paragraph, start, past) for each paragraph of the resolution that starts with a
    label Word draws: ``past`` is the first character after the label and the characters
    ``blank`` accepts after it (or the paragraph's end). Nothing without Word formatting."""
    fmt = ctx.formatting
    if fmt is None:
        return
    text = ctx.text
    for p in ctx.resolution.paragraphs:
        start, end = p.span.start, p.span.end
        if start >= end or not fmt.drawn_at(start):
            continue
        past = start
        while past < end and past - start < MAX_LABEL and (fmt.drawn_at(past) or blank(text[past])):
            past += 1
        yield p, start, past
