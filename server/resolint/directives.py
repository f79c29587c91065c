"""Suppression directives written as HTML comments.

``<!-- resolint: ignore[PRE002] -->`` (the next paragraph), ``<!-- resolint: disable TRM -->``
… ``<!-- resolint: enable TRM -->``, ``<!-- resolint: file-ignore[CIT003] -->``, each with an
optional reason after `` -- ``. Markdown hides the comments; plain text tolerates them.
"""

from __future__ import annotations

import re

from resolint.model import Directive
from resolint.source import Span

_DIRECTIVE = re.compile(r"<!--\s*resolint\s*:\s*(?P<body>.*?)\s*-->", re.DOTALL | re.IGNORECASE)
_ACTION = re.compile(
    r"^(?P<action>ignore|file-ignore|disable|enable)\s*(?:\[(?P<br>[^\]]*)\]|\s+(?P<sp>[A-Za-z0-9_, ]+?))?\s*(?:--\s*(?P<reason>.*))?$",
    re.IGNORECASE,
)
_CODE = re.compile(r"^[A-Z]{3}(?:\d{3})?$")


def find_directives(text: str, start: int = 0, end: int | None = None) -> list[Directive]:
    """Every resolint comment in ``text[start:end]``, parsed or marked malformed."""
    end = len(text) if end is None else end
    out = []
    for m in _DIRECTIVE.finditer(text, start, end):
        out.append(parse_directive(m.group("body"), Span(m.start(), m.end())))
    return out


def parse_directive(body: str, span: Span) -> Directive:
    m = _ACTION.match(body.strip())
    if not m:
        return Directive(span, "", (), malformed=f"cannot read directive '{body.strip()}'")
    action = m.group("action").lower()
    raw = m.group("br") if m.group("br") is not None else (m.group("sp") or "")
    codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", raw) if c.strip())
    bad = [c for c in codes if not _CODE.match(c)]
    reason = (m.group("reason") or "").strip()
    if bad:
        return Directive(span, action, codes, reason, malformed=f"unknown code {', '.join(bad)}")
    return Directive(span, action, codes, reason)
