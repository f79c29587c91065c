"""Inline markup of one paragraph's text: openers in italics, citations as ``<ref>``,
instruments as ``<term>``, dates as ``<date>``, and the draft's own ``<u>``/``<i>``/``<b>``
and Markdown emphasis.

The input is spans into the draft (what the parser and the citation engine found); the
output is a flat list of text pieces and marked pieces that the AKN writer turns into
mixed content. Marks never nest: when two overlap, the one found first in priority
order (opener, the draft's own emphasis, citation, instrument, date) wins and the other
stays plain text, so no span is ever cut in two.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import field

from resolint.invisible import COMMENT
from resolint.records import record
from resolint.source import Span, SpanUnion

#: HTML-like emphasis a draft may carry (the INTERPOL seed underlines "Subject:"): an
#: opening or a closing tag, paired by :func:`tag_pairs`.
_TAG = re.compile(r"<(/?)([uib])>", re.I)
_WRAP = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
#: A run of Markdown emphasis characters (see :func:`markdown_pairs`).
_DELIMITERS = re.compile(r"\*+|_+")


@record(slots=True)
class Mark:
    """A marked piece: ``tag`` is the AKN element, ``attrs`` its attributes."""

    span: Span
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


@record(slots=True)
class Inline:
    """What to mark and what to drop (markup characters) within ``[start, end)``."""

    text: str
    start: int
    end: int
    marks: list[Mark] = field(default_factory=list)
    drops: list[Span] = field(default_factory=list)
    #: What the marks and drops cover, to test a new mark against in logarithmic time:
    #: testing each against every earlier one was quadratic (8,000 ``<i>`` or citations
    #: in a paragraph: 96 million tests).
    _taken: SpanUnion = field(default_factory=SpanUnion, repr=False, compare=False)

    def _free(self, span: Span) -> bool:
        if span.start < self.start or span.end > self.end or span.start >= span.end:
            return False
        return not self._taken.overlaps(span)

    def _mark(self, span: Span, tag: str, attrs: dict[str, str]) -> None:
        self.marks.append(Mark(span, tag, attrs))
        self._taken.add(span)

    def _drop(self, span: Span) -> None:
        self.drops.append(span)
        self._taken.add(span)

    def add(self, span: Span, tag: str, **attrs: str) -> bool:
        """Mark ``span`` unless it overlaps something already marked or dropped."""
        if not self._free(span):
            return False
        self._mark(span, tag, dict(attrs))
        return True

    def replace(self, span: Span, tag: str) -> bool:
        """Mark ``span`` in place of the marks it overlaps (a title's symbol over the
        citation found in it), unless it overlaps something dropped."""
        self.marks = [m for m in self.marks if not m.span.overlaps(span)]
        self._taken = SpanUnion([m.span for m in self.marks] + self.drops)
        return self.add(span, tag)

    def comments(self, spans: list[Span] | None = None) -> None:
        """Leave out the draft's comments (``<!-- check the number -->``): notes to the
        drafters, not the text (the exports wrote them out as words). With the blanks
        after one that has a blank, or the paragraph's start, before it: "resolution
        <!-- … --> 74/1" reads "resolution 74/1". ``spans``: the comments, which may run
        past the paragraph's edges (a comment over two lines of a title block, which are
        two paragraphs); by default those inside it. Called first: a mark over a comment
        is not made (its words stay, unmarked)."""
        t = self.text
        if spans is None:
            if t.find("<!--", self.start, self.end) < 0:
                return  # nearly every paragraph (and no copy of it to find out)
            spans = [Span(*m.span()) for m in COMMENT.finditer(t, self.start, self.end)]
        for c in spans:
            start, end = max(c.start, self.start), min(c.end, self.end)
            if start >= end:
                continue
            if start == self.start or t[start - 1] in " \t":
                while end < self.end and t[end] in " \t":
                    end += 1
            self._drop(Span(start, end))

    def emphasis(self, span: Span, markers: str) -> None:
        """Italicize an opener, dropping the Markdown markers around it (``*Recalling*``),
        or inside it when they close on its first words (``**Strongly** urges``: two
        marks, the markers left out; the whole span was one mark, markers and all)."""
        t = self.text
        inner = t.find(markers[::-1], span.start, span.end) if markers else -1
        if inner > span.start:
            rest = inner + len(markers)
            while rest < span.end and t[rest].isspace():
                rest += 1
            self.emphasis(Span(span.start, inner), markers)
            if rest < span.end:
                self.add(Span(rest, span.end), "i")
            return
        before = Span(span.start - len(markers), span.start) if markers else None
        after = None
        if markers and t[span.end : span.end + len(markers)] == markers[::-1]:
            after = Span(span.end, span.end + len(markers))
        if self.add(span, "i"):
            for d in (before, after):
                if d is not None and d.start >= self.start and d.end <= self.end:
                    self._drop(d)

    def tags(self) -> None:
        """The draft's own ``<u>…</u>``, ``<i>…</i>``, ``<b>…</b>``: kept as AKN markup."""
        for opening, closing in tag_pairs(self.text, self.start, self.end):
            if self._free(Span(opening.start(), closing.end())):
                self._mark(Span(opening.end(), closing.start()), opening.group(2).lower(), {})
                self._drop(Span(opening.start(), opening.end()))
                self._drop(Span(closing.start(), closing.end()))

    def markdown(self) -> None:
        """The draft's Markdown emphasis inside its words ("**strongly** urges", "*inter
        alia*", "_mutatis mutandis_"): ``<b>`` and ``<i>``, the markers left out (they
        stayed in the text as asterisks and underscores). An opener's is read before
        (:meth:`emphasis`), and what holds a mark already is left as written."""
        for opening, closing in markdown_pairs(self.text, self.start, self.end):
            if self._free(Span(opening.start, closing.end)):
                self._mark(Span(opening.end, closing.start), "b" if len(opening) == 2 else "i", {})
                self._drop(opening)
                self._drop(closing)

    def pieces(self) -> list[str | Mark]:
        """Text and marks in order; wrapped lines joined with one space. The text between
        two marks is one piece, whatever was dropped inside it: the writer appends each
        piece to the text before it, and thousands of comments left out of one paragraph
        made that a quadratic run of copies."""
        cuts = sorted([(m.span.start, m.span.end, m) for m in self.marks] + [(d.start, d.end, None) for d in self.drops],
                      key=lambda x: x[0])
        out: list[str | Mark] = []
        text: list[str] = []  # the pieces of text since the last mark
        pos = self.start
        for start, end, mark in cuts:
            if start > pos:
                text.append(self.text[pos:start])
            if mark is not None:
                if text:
                    out.append(flat("".join(text)))
                    text = []
                out.append(mark)
            pos = max(pos, end)
        if pos < self.end:
            text.append(self.text[pos : self.end])
        if text:
            out.append(flat("".join(text)))
        return [p for p in out if not isinstance(p, str) or p]


def tag_pairs(text: str, start: int, end: int) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each ``<u>``, ``<i>`` or ``<b>`` in ``[start, end)`` with the first closing tag of
    its kind after it, left to right, skipping those inside a pair: what the pattern
    ``<(u|i|b)>(.*?)</\\1>`` finds, in one pass over the tags. That pattern scanned to the
    paragraph's end from each opening tag never closed, quadratic (20,000 ``<i>`` in a
    paragraph: 14 s)."""
    tags = list(_TAG.finditer(text, start, end))
    closings: dict[str, list[int]] = {}  # kind -> indexes in tags of its closing tags
    for k, tag in enumerate(tags):
        if tag.group(1):
            closings.setdefault(tag.group(2).lower(), []).append(k)
    pos = start
    for k, tag in enumerate(tags):
        if tag.group(1) or tag.start() < pos:
            continue
        later = closings.get(tag.group(2).lower(), [])
        j = bisect.bisect_right(later, k)
        if j < len(later):
            closing = tags[later[j]]
            yield tag, closing
            pos = closing.end()


def markdown_pairs(text: str, start: int, end: int) -> Iterator[tuple[Span, Span]]:
    """Each Markdown emphasis in ``[start, end)``: its opening and closing markers, left to
    right, none inside another. A marker is one or two asterisks or underscores (a longer
    run is left as written); it opens before a character that is not white space and
    closes after one, the first closing marker of the same run after it (an underscore
    neither opens after a letter or digit nor closes before one: "file_name" holds no
    emphasis). A pair around digits alone ("*2520311*") is a document's barcode, not
    emphasis. Paired in one pass over the markers, as :func:`tag_pairs` pairs tags (a
    pattern scanning on from each marker never closed was quadratic)."""
    runs = [m.span() for m in _DELIMITERS.finditer(text, start, end) if m.end() - m.start() <= 2]
    closers: dict[str, list[int]] = {}  # marker -> indexes in runs of those that may close
    for k, (a, b) in enumerate(runs):
        if _closes(text, a, b, start, end):
            closers.setdefault(text[a:b], []).append(k)
    pos = start
    for k, (a, b) in enumerate(runs):
        if a < pos or not _opens(text, a, b, start, end):
            continue
        later = closers.get(text[a:b], [])
        j = bisect.bisect_right(later, k)  # (never right after it: a run is the longest)
        if j < len(later):
            c, d = runs[later[j]]
            if not text[b:c].isdigit():
                yield Span(a, b), Span(c, d)
                pos = d


def _opens(text: str, a: int, b: int, start: int, end: int) -> bool:
    """Whether the marker at ``a``-``b`` may open an emphasis (see :func:`markdown_pairs`)."""
    after = text[b] if b < end else " "
    before = text[a - 1] if a > start else " "
    return not after.isspace() and after not in "*_" and not (text[a] == "_" and before.isalnum())


def _closes(text: str, a: int, b: int, start: int, end: int) -> bool:
    """Whether the marker at ``a``-``b`` may close an emphasis (see :func:`markdown_pairs`)."""
    before = text[a - 1] if a > start else " "
    after = text[b] if b < end else " "
    return not before.isspace() and before not in "*_" and not (text[a] == "_" and after.isalnum())


def flat(text: str) -> str:
    """Join a paragraph's wrapped lines: a line break and the blanks around it become a space."""
    return _WRAP.sub(" ", text)
