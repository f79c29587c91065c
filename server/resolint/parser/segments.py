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

from dataclasses import dataclass
from typing import TypeVar

from resolint.parser.blocks import RawParagraph, is_comment_paragraph
from resolint.parser.continuations import may_continue_in_capitals, stopped_mid_sentence
from resolint.parser.groups import is_furniture_paragraph
from resolint.source import SourceText

_CHUNK = 2048
#: Two texts, or two lists (a local rule's keys against its last run's: resolint.incremental).
S = TypeVar("S", str, list)


def common_prefix(a: S, b: S, known: int = 0) -> int:
    """How many leading characters (or items: two lists) ``a`` and ``b`` share, given
    that they share the first ``known``.

    Compared a chunk at a time, each twice the last (a keystroke near the start of a
    1 MB draft is a dozen comparisons, not five hundred), then halved down to the
    first character that differs."""
    n = min(len(a), len(b))
    i, chunk = min(known, n), _CHUNK
    while i < n and a[i : i + chunk] == b[i : i + chunk]:
        i += chunk
        chunk *= 2
    if i >= n:
        return n
    lo, hi = i, min(n, i + chunk)  # a[:lo] == b[:lo]; they differ before hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo if a[lo] != b[lo] else hi


def common_suffix(a: S, b: S, limit: int, known: int = 0) -> int:
    """How many trailing characters (or items) ``a`` and ``b`` share, at most ``limit``,
    given that they share the last ``known`` (as :func:`common_prefix`, from the end)."""
    la, lb = len(a), len(b)
    k, chunk = min(known, limit), _CHUNK
    while k < limit and a[la - min(limit, k + chunk) : la - k] == b[lb - min(limit, k + chunk) : lb - k]:
        k = min(limit, k + chunk)
        chunk *= 2
    if k >= limit:
        return limit
    lo, hi = k, min(limit, k + chunk)  # the last lo characters agree; not the last hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid
    return lo if a[la - lo - 1] != b[lb - lo - 1] else hi


#: The last :func:`changed_ends` asked: (old, new, prefix, suffix).
_LAST: tuple[str, str, int, int] | None = None


def changed_ends(old: str, new: str, known: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """How many leading and then trailing characters ``old`` and ``new`` share (the
    trailing ones counted only after the leading ones, so the two never overlap), given
    that they share at least ``known`` (:meth:`~resolint.source.SourceText.shared_ends`:
    the comparison starts at the edit, not at both ends of the text).

    After a keystroke the parse and the conversion to LSP diagnostics both ask this of
    the same two versions; the answer for the last pair asked is kept (with the texts,
    so that it is theirs): comparing two 1 MB texts that hold a character outside the
    Basic Multilingual Plane copies 4 MB, a millisecond here."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is old and last[1] is new:
        return last[2], last[3]
    a = common_prefix(old, new, known[0])
    b = common_suffix(old, new, min(len(old), len(new)) - a, known[1])
    _LAST = (old, new, a, b)
    return a, b


@dataclass(frozen=True, slots=True)
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
    if text[r.span.start].isupper() and (not before_known or stopped_mid_sentence(text, merged[i - 1])):
        return not may_continue_in_capitals(text, r)
    return True


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
