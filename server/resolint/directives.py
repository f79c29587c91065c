"""Suppression directives written as HTML comments.

``<!-- resolint: ignore[PRE002] -->`` (the next paragraph), ``<!-- resolint: disable TRM -->``
… ``<!-- resolint: enable TRM -->``, ``<!-- resolint: file-ignore[CIT003] -->``, each with an
optional reason after `` -- ``. Markdown hides the comments; plain text tolerates them.
"""

from __future__ import annotations

import re

from resolint.lazyre import lazy
from resolint.literals import matches_at
from resolint.model import Directive
from resolint.source import Span

#: What every directive starts with.
OPEN = "<!--"
#: The body stops at the first "-->" and never runs past another "<!--": an unclosed
#: directive is not one, and each start scans only up to the next comment (a lazy body
#: running to the end of the text from every unclosed start was quadratic). The body is
#: stripped in Python, not by a "\s*" that would rescan every run of spaces.
_DIRECTIVE = re.compile(r"<!--\s*+resolint\s*+:(?P<body>(?:(?!-->|<!--).)*+)-->", re.DOTALL | re.IGNORECASE)
_ACTION = lazy(
    # The codes after a space are words joined by single runs of spaces, taken whole
    # (possessive): a lazy class that includes the space, followed by "\s*", rescanned
    # every run of spaces once per character.
    r"^(?P<action>ignore|file-ignore|disable|enable)(?:\s*+\[(?P<br>[^\]]*+)\]"
    r"|\s++(?P<sp>[A-Za-z0-9_,]++(?:[ ]++[A-Za-z0-9_,]++)*+))?\s*+(?:--\s*(?P<reason>.*))?$",
    re.IGNORECASE,
)
_CODE = lazy(r"^[A-Z]{3}(?:\d{3})?$")
#: What a drafter who mistyped a directive is shown: the forms it may take.
FORMS = "write ignore[CODE], disable CODE, enable CODE or file-ignore[CODE]"


def find_directives(text: str, start: int = 0, end: int | None = None, opens: list[int] | None = None) -> list[Directive]:
    """Every resolint comment in ``text[start:end]``, parsed or marked malformed.
    ``opens``: where "<!--" stands in ``text``, when the caller has it (every directive
    starts there): the pattern is tried there only instead of over the text."""
    end = len(text) if end is None else end
    out = []
    found = _DIRECTIVE.finditer(text, start, end) if opens is None else matches_at(_DIRECTIVE, text, [o for o in opens if start <= o], end)
    for m in found:
        out.append(parse_directive(m.group("body").strip(), Span(m.start(), m.end())))
    return out


def parse_directive(body: str, span: Span) -> Directive:
    m = _ACTION.match(body.strip())
    if not m:
        return Directive(span, "", (), malformed=f"cannot read '{body.strip()}' ({FORMS})")
    action = m.group("action").lower()
    raw = m.group("br") if m.group("br") is not None else (m.group("sp") or "")
    codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", raw) if c.strip())
    bad = [c for c in codes if not _CODE.match(c)]
    reason = (m.group("reason") or "").strip()
    if bad:
        return Directive(span, action, codes, reason, malformed=f"unknown code {', '.join(bad)}")
    return Directive(span, action, codes, reason)
