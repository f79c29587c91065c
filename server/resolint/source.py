"""The text of one document and the line index that turns offsets into positions.

Everything in the engine speaks in code-point offsets into a Python ``str``. Only the
edges (CLI output, the LSP adapter) turn them into line/column pairs, and they do it
through this index, built once per text, so that no caller ever measures a line with
``len()`` in the wrong unit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import field, fields

from resolint.lazyre import lazy
from resolint.records import record

#: Line terminators we split on: CRLF, LF and a lone CR (old Mac files exist in archives).
LINE_BREAKS = ("\r\n", "\n", "\r")

#: Characters that join a word to the next ("Secretary-General", "rule_id"): a match next
#: to one is part of a longer word.
WORD_JOINERS = "-_"
#: Superscript digits: a footnote reference as a word processor or a PDF conversion leaves
#: it ("… Electronic Form of Serious Crimes,¹"). Word characters to ``str.isalnum`` and to
#: the regex ``\w``, but no part of the word they follow.
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


#: A lone UTF-16 surrogate: a Python string may hold one (a language client sends "\ud800"
#: in valid JSON), UTF-8 cannot, and spaCy hashes every token as UTF-8.
_LONE_SURROGATE = lazy("[\ud800-\udfff]")


def spacy_safe(text: str) -> str:
    """``text`` as spaCy can take it: each lone surrogate replaced by U+FFFD, one code
    point for one, so token offsets are still offsets into ``text``. (spaCy raised
    UnicodeEncodeError on them, and every house rule of the document crashed: found by the
    robustness property tests.)"""
    return _LONE_SURROGATE.sub("\ufffd", text) if _LONE_SURROGATE.search(text) else text


def word_before(text: str, i: int, joiners: str = WORD_JOINERS) -> bool:
    """Whether the character before offset ``i`` belongs to a word (a letter, a digit or
    one of ``joiners``): a match starting at ``i`` is then inside a longer word."""
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] in joiners)


def word_after(text: str, i: int, joiners: str = WORD_JOINERS) -> bool:
    """Whether the character at offset ``i`` belongs to a word: a match ending at ``i``
    then runs on into a longer word."""
    return i < len(text) and (text[i].isalnum() or text[i] in joiners)


#: A hyphen a layout put inside a word at a line's end ("Organ-" / "ized Crime"), as a
#: PDF's text keeps it: between lower-case letters, with the line break (and any
#: indentation) after it.
LINE_END_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*(?:\r\n?|\n)[ \t]*(?=[a-z])")


def first_half_start(text: str, i: int) -> int | None:
    """Where the first half of a word starts when a line-end hyphen (:data:`LINE_END_HYPHEN`)
    ends at ``i``, the start of its second half ("organ-⏎ise": the offset of "o" for
    that of "i"); None otherwise. Reads back over the gap and the first half only."""
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] not in "\r\n":
        return None
    j -= 1
    if text[j] == "\n" and j > 0 and text[j - 1] == "\r":
        j -= 1
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j < 2 or text[j - 1] != "-" or not ("a" <= text[j - 2] <= "z") or not ("a" <= text[i : i + 1] <= "z"):
        return None
    start = j - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start


@record(frozen=True, slots=True, init=False)
class Span:
    """A half-open range ``[start, end)`` of code-point offsets."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written out (init=False: the dataclass neither writes one nor compiles its own, about
        # 0.7 M instructions at start-up): a frozen dataclass's own __init__ sets each
        # field through object.__setattr__ and then calls __post_init__, which made a span
        # cost twice as much, and a lint makes some 500 of them per 1,000 words.
        if start < 0 or end < start:
            raise ValueError(f"bad span {start}..{end}")
        _SET_START(self, start)
        _SET_END(self, end)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def moved(self, d: int) -> Span:
        """This span ``d`` characters later (earlier when ``d`` is negative): where it is
        after text was inserted or deleted before it."""
        return Span(self.start + d, self.end + d)


def slot_setters(cls: type) -> tuple:
    """The setter of each field's slot of a frozen, slotted dataclass, in field order: for
    an ``__init__`` written out (:class:`Span`'s, the findings' and fixes'), as a frozen
    class refuses ``self.start = …`` and its own ``__init__`` sets each field through
    ``object.__setattr__``."""
    return tuple(vars(cls)[f.name].__set__ for f in fields(cls))


_SET_START, _SET_END = slot_setters(Span)


def relative(span: Span | None, base: int) -> tuple[int, int] | None:
    """``span`` counted from ``base`` (a paragraph's start), as a cache keeps it."""
    return None if span is None else (span.start - base, span.end - base)


class SpanSet:
    """Spans to test others against for overlap, in logarithmic time per test.

    ``any(span.overlaps(s) for s in spans)`` inside a loop over a document's matches is
    quadratic: renumbering thousands of paragraphs with references to each checked every
    reference against every label. The spans may nest or overlap each other.
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        # _reach[k]: the furthest end among the first k + 1 spans by start.
        self._reach: list[int] = []
        furthest = -1
        for s in ordered:
            furthest = max(furthest, s.end)
            self._reach.append(furthest)

    def overlaps(self, span: Span) -> bool:
        """Whether any span of the set overlaps ``span`` (as :meth:`Span.overlaps`)."""
        k = bisect.bisect_left(self._starts, span.end)  # spans starting before span ends
        return k > 0 and self._reach[k - 1] > span.start

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a span of the set (``start <= offset < end``)."""
        k = bisect.bisect_right(self._starts, offset)  # spans starting at or before it
        return k > 0 and self._reach[k - 1] > offset


class SpanUnion:
    """Spans added one at a time and tested for overlap in between, in logarithmic time
    per test: what a writer marking a paragraph does (each mark is placed only where
    nothing is yet), where :class:`SpanSet`, built once, cannot serve. Kept as the sorted,
    disjoint runs their union covers (spans that touch make one run: ``[a, b)`` and
    ``[b, c)`` cover what ``[a, c)`` does), so the one run that can overlap a span is
    found by bisection; empty spans are kept apart, as the points they are.
    """

    __slots__ = ("_ends", "_points", "_starts")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._points: list[int] = []  # empty spans: Span.overlaps finds one strictly inside
        for span in spans:
            self.add(span)

    def overlaps(self, span: Span) -> bool:
        """Whether a span added overlaps ``span`` (as :meth:`Span.overlaps`; ``span`` not
        empty: two touching spans are one run here)."""
        k = bisect.bisect_left(self._starts, span.end)  # runs starting before span ends
        if k > 0 and self._ends[k - 1] > span.start:  # runs are disjoint: the last reaches furthest
            return True
        p = bisect.bisect_right(self._points, span.start)
        return p < len(self._points) and self._points[p] < span.end

    def add(self, span: Span) -> None:
        if span.start == span.end:
            bisect.insort(self._points, span.start)
            return
        lo = bisect.bisect_left(self._ends, span.start)  # the first run that ends at or after it starts
        hi = bisect.bisect_right(self._starts, span.end)  # past the last run that starts at or before it ends
        start, end = span.start, span.end
        if lo < hi:  # runs lo .. hi-1 overlap or touch it: one run now
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]


class SpanList(list):
    """A document's list of spans (its quotations, its titles) that also answers whether
    an offset lies in one of them by bisection, through a :class:`SpanSet` built on the
    first question: rules ask it for every match they find, and a compilation holds
    hundreds of quotations. Read only."""

    __slots__ = ("_index",)
    _index: SpanSet

    def holds(self, offset: int) -> bool:
        try:
            index = self._index
        except AttributeError:
            index = self._index = SpanSet(self)
        return index.holds(offset)


@record(frozen=True, slots=True)
class Position:
    """A zero-based line and a zero-based column counted in code points."""

    line: int
    character: int


def _starts_between(text: str, lo: int, hi: int) -> list[int]:
    """The line starts strictly between ``lo`` (itself a line start) and ``hi``, for any
    mix of ``\\n``, ``\\r\\n`` and ``\\r``.

    Walked break to break; each search result is reused until passed, so a text without
    one kind of break is not rescanned to its end for every line (a pattern for the three
    breaks, tried at every character, took five times as long on a 1 MB CRLF text)."""
    stop = min(hi, len(text))
    starts: list[int] = []
    i = lo
    lf = text.find("\n", lo, stop)
    cr = text.find("\r", lo, stop)
    while i < stop:
        if lf >= 0 and lf < i:
            lf = text.find("\n", i, stop)
        if cr >= 0 and cr < i:
            cr = text.find("\r", i, stop)
        if lf < 0 and cr < 0:
            break
        if cr < 0 or (0 <= lf < cr):
            i = lf + 1
        elif cr + 1 < len(text) and text[cr + 1] == "\n":
            i = cr + 2
        else:
            i = cr + 1
        if i >= hi:
            break
        starts.append(i)
    return starts


#: How many edits back :attr:`SourceText.ancestry` goes: the language server lints after
#: every change notification, which usually holds one edit; each kept text is the whole
#: document's, held as long as the newer text is.
_ANCESTRY = 3


@record(slots=True)
class SourceText:
    """A document's text plus the offsets at which each of its lines starts.

    ``line_starts[i]`` is the offset of the first character of line ``i``. A line's
    terminator belongs to that line, which is what editors do as well.
    """

    text: str
    line_starts: list[int] = field(init=False, repr=False)
    #: The texts this one was edited from (:meth:`edited`), nearest first, with how many
    #: leading and trailing characters each is known to share with it (at least; see
    #: :meth:`shared_ends`). Only the last :data:`_ANCESTRY` edits: each holds a text.
    ancestry: tuple[tuple[str, int, int], ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        text = self.text
        if "\r" not in text:
            # The common case, in C: one pass per newline, no quadratic rescans.
            starts = [0]
            find = text.find
            i = find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self.line_starts = starts
            return
        self.line_starts = [0, *_starts_between(text, 0, len(text) + 1)]

    def edited(self, start: int, end: int, new: str) -> SourceText:
        """This text with ``[start, end)`` replaced by ``new``. Its line starts are moved,
        not found again: only the lines around the edit are read. The language server
        applies every keystroke so; finding the starts of a 1 MB text again took 1.5 ms
        (4 MB to scan once it holds a character outside the Basic Multilingual Plane),
        and a change notification may carry many edits."""
        old = self.line_starts
        # Joined, not added: ``a + new + b`` copies ``a`` twice (into ``a + new``, then
        # into the result), a + b once. In a 1 MB draft with a character outside the
        # Basic Multilingual Plane (four bytes a character) that was 1.5 M of the 5.3 M
        # instructions an edit in the middle took (valgrind).
        text = "".join((self.text[:start], new, self.text[end:]))
        shift = len(new) - (end - start)
        # A start's status depends on the two characters around it, so the starts before
        # the line holding the edit stay (one line more: a "\r" ending that line may pair
        # with an inserted "\n") and those two or more past its end move.
        first = max(0, bisect.bisect_right(old, start) - 2)
        last = bisect.bisect_left(old, end + 2)
        hi = old[last] + shift if last < len(old) else len(text) + 1
        out = SourceText.__new__(SourceText)
        out.text = text
        # (The moved starts in a comprehension: map over int.__add__, a slot wrapper, took
        # twice as long on Python 3.11 for the thousands of lines after an edit.)
        out.line_starts = old[: first + 1] + _starts_between(text, old[first], hi) + [s + shift for s in old[last:]]
        kept = len(self.text) - end  # the characters after the edit, the same in both
        out.ancestry = ((self.text, start, kept),) + tuple(
            (older, min(start, a), min(kept, b)) for older, a, b in self.ancestry[: _ANCESTRY - 1]
        )
        return out

    def edited_many(self, edits: Sequence[tuple[int, int, str]]) -> SourceText:
        """This text with each ``(start, end, new)`` of ``edits`` replaced at once: offsets
        into this text, in ascending order, none overlapping (each ``end`` at most the next
        ``start``). One copy of the text and one scan for its line starts, where
        :meth:`edited` is a copy per edit: an editor's "Replace All" sends thousands of
        edits in one notification (10,000 in a 1 MB draft took 8 s one by one)."""
        if not edits:
            return self
        old = self.text
        pieces: list[str] = []
        at = 0
        for start, end, new in edits:
            pieces += (old[at:start], new)
            at = end
        pieces.append(old[at:])
        out = SourceText("".join(pieces))
        lo, kept = edits[0][0], len(old) - edits[-1][1]  # what the first edit keeps before it, the last after it
        out.ancestry = ((old, lo, kept),) + tuple(
            (older, min(lo, a), min(kept, b)) for older, a, b in self.ancestry[: _ANCESTRY - 1]
        )
        return out

    def shared_ends(self, old: str) -> tuple[int, int]:
        """How many leading and trailing characters this text shares with ``old`` at
        least, as far as its edits tell (0, 0 when ``old`` is none of the texts it was
        edited from). An edit keeps what is before its start and after its end, so a run
        of edits keeps the shortest of each. The parse after a keystroke compares the
        two versions from these bounds on (:func:`resolint.textdiff.changed_ends`),
        not from their first and last characters."""
        for older, a, b in self.ancestry:
            if older is old:
                return a, b
        return 0, 0

    def __len__(self) -> int:
        return len(self.text)

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def position(self, offset: int) -> Position:
        """The line and code-point column of ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line, offset - self.line_starts[line])

    def offset(self, line: int, character: int) -> int:
        """The offset of a line/code-point column, clamped to the end of that line."""
        if line < 0:
            return 0
        if line >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[line]
        end = self.line_end(line)
        return min(start + max(0, character), end)

    def line_end(self, line: int) -> int:
        """Offset just past the last character of ``line``, before its terminator."""
        start = self.line_starts[line]
        stop = self.line_starts[line + 1] if line + 1 < len(self.line_starts) else len(self.text)
        while stop > start and self.text[stop - 1] in "\r\n":
            stop -= 1
        return stop

    def line_text(self, line: int) -> str:
        return self.text[self.line_starts[line] : self.line_end(line)]

    def dominant_newline(self) -> str:
        """The line ending most used in the text; ``\\n`` when there is none.

        A text with no carriage return at all (the usual case) is answered by one search
        for it, not three counts of the whole text: the language server asks this of a
        long draft after every keystroke once it has paragraphs run together."""
        if "\r" not in self.text:
            return "\n"
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        cr = self.text.count("\r") - crlf
        best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
        return best[1] if best[0] else "\n"
