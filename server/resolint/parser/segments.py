"""Finding the paragraphs again after an edit, splitting only the lines around it.

Before placement, the parser groups lines into paragraphs (``blocks``), joins a
paragraph broken by a stray blank line back onto the one it continues (``_merge_continuations``)
and cuts paragraphs a conversion ran together (``groups.split_run_on``). Each step looks
at neighbours, but not far: a paragraph that follows a blank line and does not start in
lower case is never joined to the one before (unless it starts with a capital and may go
on with the sentence of a labelled paragraph before it: ``continuations``), and the cut
of a paragraph looks only at the one after it. Such a paragraph is a *clean start*.

So after an edit, the paragraphs before the last clean start that ends (with a blank line
after it) before the edit, and those from the first clean start after the edit, are what
they were, shifted; only the lines between are read again (:func:`plan`), and the cut of
the paragraph before that window is redone, since what follows it may have changed.
``tests/test_parse_resume.py`` compares the result with a full parse on random edits.
"""

from __future__ import annotations

from resolint.parser.blocks import RawParagraph, is_comment_paragraph
from resolint.parser.continuations import may_continue_in_capitals, stopped_mid_sentence
from resolint.parser.groups import MAX_FURNITURE_LINES, is_furniture_paragraph
from resolint.records import record
from resolint.source import SourceText
from resolint.textdiff import changed_ends


@record(frozen=True, slots=True)
class Window:
    """What to read again: the joined paragraphs ``start`` to ``stop`` (exclusive) of the
    last parse are replaced by those of the new text's ``lines``; the ones from ``stop``
    on move by ``shift`` characters and ``line_shift`` lines."""

    start: int
    stop: int
    lines: range
    shift: int
    line_shift: int
    #: Where the first paragraph after the window starts in the new text.
    tail_start: int


def _clean(merged: list[RawParagraph], i: int, text: str, before_known: bool = True) -> bool:
    """Whether joined paragraph ``i`` follows a blank line and does not start in lower
    case, nor is a line of page furniture (a paragraph after it may be joined back across
    it to the one before: see resolint.parser._furniture_before), nor a capitalized one
    that may go on with the sentence of the labelled paragraph before it
    (:mod:`resolint.parser.continuations`). ``before_known``: the paragraph before is the
    same in the new text (it ends before the edit); when it may hold the edit, any
    capitalized paragraph that may go on with a sentence is unclean."""
    if i == 0:
        return True
    r = merged[i]
    if r.first_line < merged[i - 1].last_line + 2 or text[r.span.start].islower() or is_furniture_paragraph(text, r):
        return False
    if is_comment_paragraph(text, r):
        return False  # looked past: what the paragraph before it is joined to may depend on the one after it
    if text[r.span.start].isupper() and (not before_known or stopped_mid_sentence(text, _past_furniture(merged, i, text))):
        return not may_continue_in_capitals(text, r)
    return True


def _past_furniture(merged: list[RawParagraph], i: int, text: str) -> RawParagraph:
    """The paragraph before ``merged[i]`` past the lines of page furniture between them
    (as many as the merge looks past): the one a capitalized paragraph may go on with."""
    j = i - 1
    while j > 0 and i - j <= MAX_FURNITURE_LINES and is_furniture_paragraph(text, merged[j]):
        j -= 1
    return merged[j]


def plan(old: str, old_lines: int, merged: list[RawParagraph], source: SourceText) -> Window | None:
    """The window to read again, or None when the text did not change."""
    new = source.text
    if new == old:
        return None
    a, b = changed_ends(old, new, source.shared_ends(old))
    old_end, shift = len(old) - b, len(new) - len(old)
    edit_line = source.position(a).line
    start, first = 0, 0  # with no clean start before the edit, from the first line
    for i in range(len(merged) - 1, -1, -1):
        r = merged[i]
        if r.span.end < a and r.last_line + 1 < edit_line and _clean(merged, i, old):
            start, first = i, r.first_line
            break
    stop = len(merged)
    for i in range(start + 1, len(merged)):
        if merged[i - 1].span.end >= old_end and _clean(merged, i, old, before_known=False):
            stop = i
            break
    line_shift = source.line_count - old_lines
    if stop < len(merged):
        # The first paragraph after the window is read too: what a paragraph is joined
        # to depends on the line after it. Everything from it on is dropped again.
        lines = range(first, merged[stop].last_line + line_shift + 1)
        tail_start = merged[stop].span.start + shift
    else:
        lines = range(first, source.line_count)
        tail_start = len(new) + 1
    return Window(start, stop, lines, shift, line_shift, tail_start)


def moved(r: RawParagraph, shift: int, line_shift: int) -> RawParagraph:
    return RawParagraph(r.span.moved(shift), r.first_line + line_shift, r.last_line + line_shift)
