"""Whether words stand in something that is not prose: an address, code, a comment.

A web or e-mail address ("https://example.org/labor-report", "labor@example.org"), a
Markdown code span ("the field `labor_costs`", "``organise()``") and an HTML comment
("<!-- JS: check the labor figures -->", a reviewer's note as often as the drafter's)
hold words no house spelling governs: a respelling inside an address breaks the link,
inside code the name, and inside a comment it rewrites a note that is not the draft's
text. A fix there is the drafter's call (unsafe).

Each is looked for within a bounded reach of the words checked (a longer address, code
span or comment is not seen whole, and its far words keep their fixes): the checks are
asked for every finding, and a search to the paragraph's start would make a long
paragraph quadratic.
"""

from __future__ import annotations

import re

from resolint.lazyre import lazy

#: How far each side of the words checked is read.
REACH = 200
#: An address: a scheme ("https://"), "www." or an e-mail's "name@host.domain".
_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://|(?<![^\s(<\[])www\.|[^\s@]@[^\s@]+\.[^\W_]")
#: A Markdown code span on one line: a run of backticks, text, the same run again.
_CODE_SPAN = lazy(r"(?<!`)(?P<ticks>`+)(?!`)(?P<body>[^\n]*?[^`\n])(?P=ticks)(?!`)")


def in_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a web or e-mail address: the run of
    characters without a space around it holds a scheme, "www." or an "@" between a name
    and a host."""
    a = start
    while a > max(0, start - REACH) and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < min(len(text), end + REACH) and not text[b].isspace():
        b += 1
    return _ADDRESS.search(text, a, b) is not None


def in_code_span(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether ``text[start:end]`` lies inside a Markdown code span of ``text[lo:hi]``
    (its paragraph)."""
    if "`" not in text[max(lo, start - REACH) : start]:
        return False
    for m in _CODE_SPAN.finditer(text, max(lo, start - REACH), min(hi, end + REACH)):
        if m.start("body") <= start and end <= m.end("body"):
            return True
    return False


def in_comment(text: str, start: int, lo: int) -> bool:
    """Whether ``text[start:]`` stands inside an HTML comment opened in ``text[lo:start]``
    (its paragraph) and not closed before it."""
    opened = text.rfind("<!--", max(lo, start - REACH), start)
    return opened >= 0 and text.find("-->", opened + 4, start) < 0
