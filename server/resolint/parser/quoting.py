"""Drafts quoted line by line: an e-mail reply ("> The General Assembly,") or a Markdown
blockquote.

Every line of such a draft starts with a quote marker, so no line is blank and the parser
read the whole draft as one title paragraph: nothing was checked, and the report said
"All checks passed". When the resolution's opening stands on a quoted line, the parser
reads the text with every line's quote markers turned into spaces (:func:`unquoted`): the
same length, so every offset, line and column is the draft's own, and a line holding only
a marker is a blank line between paragraphs. The rules read that text too (the parse's
``source``); the engine's result keeps the text as written, and
:mod:`resolint.quoteguard` keeps safe fixes off the markers.
"""

from __future__ import annotations

import re

from resolint.parser import patterns as P

#: A quoted line's markers: one or more ">" (a reply to a reply: "> >"), the spaces
#: before them and the one space after the last.
QUOTE_MARKERS = re.compile(r"^[ \t]*>(?:[ \t]*>)*[ \t]?", re.MULTILINE)

#: How many quoted lines are read for the opening before the text is taken as not a
#: quoted draft (the opening comes after a title block of a few lines).
OPENING_WITHIN = 40


def quote_marker_spans(text: str) -> list[tuple[int, int]]:
    """Where each quoted line's markers stand, in text order."""
    return [m.span() for m in QUOTE_MARKERS.finditer(text)]


def unquoted(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``text`` with its quote markers turned into spaces, and where they stood; None when
    the text is not a quoted draft (no opening on one of its first quoted lines)."""
    if ">" not in text or QUOTE_MARKERS.search(text) is None:
        return None  # (nearly every draft: no ">" at all, a scan at memory speed)
    spans = quote_marker_spans(text)
    if not any(_opens(text, end) for _, end in spans[:OPENING_WITHIN]):
        return None
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts), spans


def _opens(text: str, at: int) -> bool:
    """Whether the quoted line whose words start at ``at`` is a resolution's opening."""
    end = text.find("\n", at)
    line = text[at : len(text) if end < 0 else end].rstrip("\r \t")
    return len(line) <= P.OPENING_MAX_CHARS and P.OPENING.match(line) is not None
