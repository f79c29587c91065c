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

import itertools
import re

from resolint.lazyre import lazy
from resolint.parser import patterns as P

#: A quoted line's markers: one or more ">" (a reply to a reply: "> >"), the spaces
#: before them and the one space after the last. A line starts after a CR too: a draft
#: with CR line breaks was not read as quoted (and exported otherwise than with LF).
QUOTE_MARKERS = lazy(r"(?:^|(?<=\r))[ \t]*>(?:[ \t]*>)*[ \t]?", re.MULTILINE)

_BREAK = lazy(r"[\r\n]")

#: How many quoted lines are read for the opening before the text is taken as not a
#: quoted draft (the opening comes after a title block of a few lines).
OPENING_WITHIN = 40


def unquoted(text: str) -> str | None:
    """``text`` with its quote markers turned into spaces; None when the text is not a
    quoted draft (no opening on one of its first quoted lines)."""
    if ">" not in text or QUOTE_MARKERS.search(text) is None:
        return None  # (nearly every draft: no ">" at all, a scan at memory speed)
    if not any(_opens(text, m.end()) for m in itertools.islice(QUOTE_MARKERS.finditer(text), OPENING_WITHIN)):
        return None
    # Built in batches: a draft of millions of quoted lines keeps no piece per line.
    out: list[str] = []
    pending: list[str] = []
    at = 0
    for m in QUOTE_MARKERS.finditer(text):
        pending += (text[at : m.start()], m.group().replace(">", " "))
        at = m.end()
        if len(pending) >= _BATCH:
            out.append("".join(pending))
            pending.clear()
    pending.append(text[at:])
    out.append("".join(pending))
    return "".join(out)


#: Pieces joined at a time while the markers are blanked.
_BATCH = 4096


def covers_a_marker(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a character of a quote marker (an edit replacing
    it would write over the marker): the marker of the line it starts in, or one of a
    line after."""
    if end <= start:
        return False
    own = QUOTE_MARKERS.match(text, max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1)
    if own is not None and own.end() > start:
        return True
    return QUOTE_MARKERS.search(text, start, end) is not None


def _opens(text: str, at: int) -> bool:
    """Whether the quoted line whose words start at ``at`` is a resolution's opening."""
    brk = _BREAK.search(text, at)
    line = text[at : len(text) if brk is None else brk.start()].rstrip(" \t")
    return len(line) <= P.OPENING_MAX_CHARS and P.OPENING.match(line) is not None
