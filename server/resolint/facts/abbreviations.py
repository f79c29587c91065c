"""Where abbreviations are defined: "… Office on Drugs and Crime (UNODC)".

Read as ``Analysis.abbreviations`` (TRM008 and TRM009 compare definitions and uses).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from resolint.literals import matches_at
from resolint.model import Kind
from resolint.records import record
from resolint.source import Span

if TYPE_CHECKING:
    from resolint.facts import Analysis

#: "… Office on Drugs and Crime (UNODC)": a capitalized phrase, then the abbreviation in
#: parentheses. Roman numerals ("(XXX)") and single letters are not abbreviations.
DEFINITION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]*[A-Z][A-Za-z0-9&]*)\)")
#: The most white space read back from a definition's parenthesis (a line break and the
#: next line's indentation, in a draft wrapped with a hanging indent).
_GAP_MAX = 64
_ROMAN = re.compile(r"^[IVXLC]+$")


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_NOTE, _TITLE = Kind.NOTE, Kind.TITLE


@record(frozen=True, slots=True)
class Definition:
    """One abbreviation defined in the text ("… Office on Drugs and Crime (UNODC)"): the
    abbreviation, where it stands and the part of the document it is in."""

    abbr: str
    span: Span  # the abbreviation inside the parentheses
    part: int


def _word_before_space(text: str, lo: int, at: int) -> bool:
    """Whether white space, then a word's letter or a closing parenthesis, stands before
    ``at`` ("… Community (CEMAC)", "… Community" / "    (CEMAC)" wrapped with an indent)."""
    i = at
    while i > lo and at - i < _GAP_MAX and text[i - 1].isspace():
        i -= 1
    return i < at and i > lo and (text[i - 1] == ")" or (text[i - 1].isascii() and text[i - 1].isalpha()))


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
        if p is None or not p.own or p.kind in (_TITLE, _NOTE):
            continue  # the title repeats the agenda item; the body defines for itself
        if not _word_before_space(text, p.span.start, m.start()):
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
