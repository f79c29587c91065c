"""Where abbreviations are defined: "… Office on Drugs and Crime (UNODC)".

Read as ``Analysis.abbreviations`` (TRM008 and TRM009 compare definitions and uses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resolint.literals import matches_at
from resolint.model import Kind
from resolint.source import Span

if TYPE_CHECKING:
    from resolint.facts import Analysis

#: "… Office on Drugs and Crime (UNODC)": a capitalized phrase, then the abbreviation in
#: parentheses. Roman numerals ("(XXX)") and single letters are not abbreviations.
DEFINITION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]*[A-Z][A-Za-z0-9&]*)\)")
#: What stands before the parenthesis of a definition: a word (or a closing parenthesis) and a space.
_BEFORE = re.compile(r"[A-Za-z)]\s+$")
_ROMAN = re.compile(r"^[IVXLC]+$")


@dataclass(frozen=True, slots=True)
class Definition:
    abbr: str
    span: Span  # the abbreviation inside the parentheses
    part: int


def find_definitions(facts: Analysis) -> list[Definition]:
    text = facts.text
    # Tried where a parenthesis opens (every match starts there), not scanned over the
    # text: the language server then searches for "(" only around the last edit.
    opens = facts.literal_starts("(")
    if not opens:
        return []
    quotes = facts.quotes  # (a bisection per match: an ITU compilation has hundreds of each)
    out = []
    for m in matches_at(DEFINITION, text, opens):
        p = facts.paragraph_at(m.start())
        if p is None or not p.own or p.kind in (Kind.TITLE, Kind.NOTE):
            continue  # the title repeats the agenda item; the body defines for itself
        if not _BEFORE.search(text, max(p.span.start, m.start() - 4), m.start()):
            continue
        abbr = m.group("abbr")
        if _ROMAN.match(abbr) or sum(ch.isupper() for ch in abbr) < 2 or quotes.holds(m.start()):
            continue
        # The phrase before must carry the capitals: "Office on Drugs and Crime (UNODC)".
        before = text[max(p.span.start, m.start() - 120) : m.start()]
        words = re.findall(r"[A-Z][\w’'-]*", before)
        if len(words) < 2 and not before.rstrip().endswith(("INTERPOL", "Interpol")):
            continue
        out.append(Definition(abbr, Span(m.start("abbr"), m.end("abbr")), p.part))
    return out
