"""Inline markup of one paragraph's text: openers in italics, citations as ``<ref>``,
instruments as ``<term>``, dates as ``<date>``, and the draft's own ``<u>``/``<i>``/``<b>``.

The input is spans into the draft (what the parser and the citation engine found); the
output is a flat list of text pieces and marked pieces that the AKN writer turns into
mixed content. Marks never nest: when two overlap, the one found first in priority
order (opener, the draft's own emphasis, citation, instrument, date) wins and the other
stays plain text, so no span is ever cut in two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resolint.source import Span

#: HTML-like emphasis a draft may carry (the INTERPOL seed underlines "Subject:").
_TAG = re.compile(r"<(u|i|b)>(.*?)</\1>", re.I | re.S)
_WRAP = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


@dataclass(slots=True)
class Mark:
    """A marked piece: ``tag`` is the AKN element, ``attrs`` its attributes."""

    span: Span
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Inline:
    """What to mark and what to drop (markup characters) within ``[start, end)``."""

    text: str
    start: int
    end: int
    marks: list[Mark] = field(default_factory=list)
    drops: list[Span] = field(default_factory=list)

    def _free(self, span: Span) -> bool:
        if span.start < self.start or span.end > self.end or span.start >= span.end:
            return False
        return not any(span.overlaps(m.span) for m in self.marks) and not any(span.overlaps(d) for d in self.drops)

    def add(self, span: Span, tag: str, **attrs: str) -> bool:
        """Mark ``span`` unless it overlaps something already marked or dropped."""
        if not self._free(span):
            return False
        self.marks.append(Mark(span, tag, dict(attrs)))
        return True

    def emphasis(self, span: Span, markers: str) -> None:
        """Italicize an opener, dropping the Markdown markers around it (``*Recalling*``)."""
        t = self.text
        before = Span(span.start - len(markers), span.start) if markers else None
        after = None
        if markers and t[span.end : span.end + len(markers)] == markers[::-1]:
            after = Span(span.end, span.end + len(markers))
        if self.add(span, "i"):
            for d in (before, after):
                if d is not None and d.start >= self.start and d.end <= self.end:
                    self.drops.append(d)

    def tags(self) -> None:
        """The draft's own ``<u>…</u>``, ``<i>…</i>``, ``<b>…</b>``: kept as AKN markup."""
        for m in _TAG.finditer(self.text, self.start, self.end):
            inner = Span(m.start(2), m.end(2))
            if self._free(Span(m.start(), m.end())):
                self.marks.append(Mark(inner, m.group(1).lower()))
                self.drops += [Span(m.start(), m.start(2)), Span(m.end(2), m.end())]

    def pieces(self) -> list[str | Mark]:
        """Text and marks in order; wrapped lines joined with one space."""
        cuts = sorted([(m.span.start, m.span.end, m) for m in self.marks] + [(d.start, d.end, None) for d in self.drops],
                      key=lambda x: x[0])
        out: list[str | Mark] = []
        pos = self.start
        for start, end, mark in cuts:
            if start > pos:
                out.append(flat(self.text[pos:start]))
            if mark is not None:
                out.append(mark)
            pos = max(pos, end)
        if pos < self.end:
            out.append(flat(self.text[pos : self.end]))
        return [p for p in out if not isinstance(p, str) or p]


def flat(text: str) -> str:
    """Join a paragraph's wrapped lines: a line break and the blanks around it become a space."""
    return _WRAP.sub(" ", text)
