"""Whether words stand inside a longer italic stretch: a work's title or a foreign phrase.

United Nations style prints in italics the titles of publications ("*The United Nations
Convention Against Corruption: A Commentary*", "*Reducing labor costs in the region*")
and words of other languages; a drafter in Markdown writes them between ``*`` or ``_``
(or in HTML's ``<i>``, ``<em>``, ``<cite>``, which Markdown passes through), a Word
document in italic type. Their wording is the work's own: a fix that gives an
instrument's name its official case, or a word the house spelling, would rename the
book. Such a fix is unsafe there (the drafter may still have italicized their own words).

Emphasis that holds nothing but the word or name checked ("*Recognising*", an
instrument's title set in italics) says nothing of a longer title, and the emphasis of a
paragraph's opener ("*Deeply concerned*") is the style's, not a title's.
"""

from __future__ import annotations

import re

from resolint.rule import RuleContext
from resolint.source import Span

#: Markdown emphasis on one line: one or two stars or underscores, the same after, around
#: text that neither starts nor ends with a space; not inside a word ("snake_case_word").
_EMPHASIS = re.compile(r"(?<![^\W_])(?P<mark>\*\*?|__?)(?=[^\s*_])(?P<body>[^\n]*?[^\s*_])(?P=mark)(?![^\W_])")
#: The same in HTML tags, which a Markdown draft may hold: ``<i>``, ``<em>``, ``<cite>``.
_HTML_ITALICS = re.compile(r"<(?P<mark>i|em|cite)>(?=[^\s<])(?P<body>[^<\n]*?[^\s<])</(?P=mark)>", re.IGNORECASE)
#: How far a line is read on each side of the words checked.
_REACH = 300


def in_longer_italics(ctx: RuleContext, span: Span, lo: int, hi: int, head: int) -> bool:
    """Whether ``span`` stands inside an italic stretch of ``text[lo:hi]`` (its paragraph)
    that holds a letter or digit besides it, other than the opener's: one that starts at
    or before ``head``, where the paragraph's opener word starts."""
    text = ctx.text
    a, b = max(lo, span.start - _REACH), min(hi, span.end + _REACH)
    for m in (*_EMPHASIS.finditer(text, a, b), *_HTML_ITALICS.finditer(text, a, b)):
        inside = m.start("body") <= span.start and span.end <= m.end("body")
        if inside and m.start() > head and (_more(text, m.start("body"), span.start) or _more(text, span.end, m.end("body"))):
            return True
    fmt = ctx.formatting
    if fmt is None or not fmt.italic_at(span.start) or _italic_from(fmt, text, head, span.start):
        return False
    return any(fmt.italic_at(i) and text[i].isalnum() for i in _neighbours(text, span, lo, hi))


def _more(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


def _neighbours(text: str, span: Span, lo: int, hi: int) -> list[int]:
    """The first letter or digit on each side of ``span``, past spaces and punctuation
    (at most three characters away)."""
    out = []
    i = span.start - 1
    while i >= max(lo, span.start - 4) and not text[i].isalnum():
        i -= 1
    if i >= max(lo, span.start - 4):
        out.append(i)
    j = span.end
    while j < min(hi, span.end + 4) and not text[j].isalnum():
        j += 1
    if j < min(hi, span.end + 4):
        out.append(j)
    return out


def _italic_from(fmt, text: str, start: int, end: int) -> bool:
    """Whether every letter of ``text[start:end]`` is italic: one italic run from the
    opener to the words checked (the opener's italics, run on)."""
    return start <= end and all(fmt.italic_at(i) for i in range(start, end) if text[i].isalnum())
