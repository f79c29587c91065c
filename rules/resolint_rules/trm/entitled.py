"""Whether words stand in a work's title after "entitled" or "titled" (or a theme's).

A draft names a report, a study or a resolution by its title: 'its resolution 70/1
entitled "Report of the Secretary General on labor"', 'the report entitled Reducing
labor costs in the region'. The title is its authors' words, in their spelling and with
their names (another body's "Secretary General"): a fix that respells a word of it
renames the work. Quoted, the quotation marks bound it (``Analysis.quotes``); unquoted,
nothing does, so the title is read from "entitled" up to the next comma, semicolon,
bracket, quotation mark or full stop. That may take in words of the sentence after the
title; their fixes are then unsafe, the side to err on. "entitled to" is the right to
something, no title.
"""

from __future__ import annotations

import re

from resolint.lazyre import lazy

#: "entitled" or "titled" before a title ("entitled to" is a right, not a title), and
#: "under the theme", "with the title", "under the slogan" (a session's or a campaign's).
_ENTITLED = re.compile(
    r"(?<![^\W_])(?:entitled|titled|(?:under|with)\s+the\s+(?:theme|title|slogan))\s+(?!to\s|of\s)", re.IGNORECASE
)
#: What ends an unquoted title: a comma, semicolon, bracket, quotation mark, a full stop
#: that ends a sentence.
_TITLE_ENDS = lazy(r"[,;()\[\]\"“”«»„]|\.(?:\s|$)")
#: How far back "entitled" is looked for (a title longer than this is cut: its far words
#: keep their safe fixes only if nothing else guards them).
REACH = 240


def in_entitled_title(text: str, start: int, lo: int) -> bool:
    """Whether ``text[start:]`` stands in an unquoted title after "entitled" or "titled"
    in ``text[lo:start]`` (its paragraph): nothing that ends a title between them."""
    last = None
    for m in _ENTITLED.finditer(text, max(lo, start - REACH), start):
        last = m
    return last is not None and _TITLE_ENDS.search(text, last.end(), start) is None

