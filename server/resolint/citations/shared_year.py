"""Security Council numbers that share one year in brackets: "resolutions 2712, 2720
(2023), 2728 and 2735 (2024)", as the Council's own texts write a list of one year's
resolutions.

The extraction reads a number only with its own year ("2720 (2023)"), so a list that
starts with a bare number was not read at all, its bracketed numbers included. Read here
from the keyword's end when a rule asks: each number takes the year in brackets that
closes its group; numbers after the last bracket have no year and are left out.
"""

from __future__ import annotations

import re

from resolint.citations.patterns import RANGE_JOINT
from resolint.source import Span

#: A number, with its year in brackets if the group ends with it; not "70/1" nor "2231 A".
_NUMBER = re.compile(r"(?P<n>\d{1,4})(?![\d/]|\s[A-Z]\b)(?:\s?\((?P<y>(?:19[4-9]|20\d)\d)\))?")
#: Between two numbers: a list's comma or "and", or a range's joint (patterns.RANGE_JOINT).
_SEPARATOR = re.compile(rf",\s{{1,3}}(?:and\s{{1,3}})?|\s{{1,3}}and\s{{1,3}}|{RANGE_JOINT}")


def numbers_sharing_a_year(text: str, pos: int, stop: int | None = None) -> list[tuple[Span, int, int]]:
    """(span, number, year) for each number of the list at ``pos`` (after "resolutions "),
    when the list has a number without its own year (else the extraction read it all);
    read no further than ``stop`` (the end of the paragraph: a list never runs over a break)."""
    stop = len(text) if stop is None else stop
    read: list[tuple[Span, int, int | None]] = []
    while (m := _NUMBER.match(text, pos, stop)) is not None:
        read.append((Span(m.start("n"), m.end()), int(m.group("n")), int(m.group("y")) if m.group("y") else None))
        sep = _SEPARATOR.match(text, m.end(), stop)
        if sep is None:
            break
        pos = sep.end()
    if not read or all(year is not None for _, _, year in read):
        return []
    out: list[tuple[Span, int, int]] = []
    pending: list[tuple[Span, int]] = []
    for span, number, year in read:
        pending.append((span, number))
        if year is not None:
            out.extend((s, n, year) for s, n in pending)
            pending = []
    return out
