"""The name of a United Nations programme written with the US "Program" ("United Nations
Development Program"), for TRM010.

TRM010 leaves a capitalized word inside a sentence alone: it is a proper name's, whose
spelling is its own. The names of the United Nations' programmes are spelt "Programme"
(``data/un_programme_names.csv``), so there "Program" is the name misspelt, not the name's
own spelling. What the list can honestly say is only that: a name is found whole (its
words as listed, any white space between them), and not where it is part of a longer
name of another body, which may keep the US spelling ("World Food Program USA", a
national "United Nations Development Program Alumni Network"): a capitalized word or an
acronym right after it. A capitalized word and "of" before it ("Friends of the World Food
Program") may make it the tail of another body's name: reported, but its fix is unsafe.

Two things a capitalized word after the name does not make another body's: the name of one
of the programme's own organs or heads ("World Food Program Executive Board", "United
Nations Environment Program Governing Council": still the United Nations programme's name,
misspelt), and a name written all in capitals ("UNITED NATIONS DEVELOPMENT PROGRAM", as a
heading or an INTERPOL-style line may write it), where every word after it is capitalized
too: there only a word that cannot go on a body's name ("TO", "AND", "FOR" ...) or the end
of the sentence says the name has ended, and the fix keeps the capitals ("PROGRAMME").
"""

from __future__ import annotations

import functools
import re

from resolint.citations.refdata import data_rows
from resolint.lazyre import lazy
from resolint.source import Span

#: The US spelling the names are found by (case as written in a name), and in capitals.
_US = "Program"
US_CAPS = "PROGRAM"
_BRITISH = "Programme"


@functools.lru_cache(maxsize=2)
def _names(caps: bool = False) -> tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]:
    """For each listed name: its words before "Programme" (matched at the end of the
    text before the word), those after it (at its end), and the name; with ``caps``, the
    words in capitals ("UNITED NATIONS DEVELOPMENT")."""
    out = []
    for row in data_rows("un_programme_names.csv"):
        name = row.get("name", "")
        before, found, after = name.partition(_BRITISH)
        if not found:
            continue
        if caps:
            before, after = before.upper(), after.upper()
        out.append((
            re.compile(r"(?<![^\W_])" + r"\s+".join(map(re.escape, before.split())) + r"\s+\Z"),
            re.compile(r"\s+" + r"\s+".join(map(re.escape, after.split())) if after.strip() else ""),
            name,
        ))
    return tuple(out)


#: What goes on a name into a longer one: a capitalized word or an acronym after it.
_LONGER_AFTER = lazy(r"[ \t\u00a0]+(?:[A-Z][\w.\-]*)")
#: The programme's own organs and heads, which a text may name by the programme's name and
#: theirs ("World Food Programme Executive Board", "UNEP Governing Council", "UNAIDS
#: Programme Coordinating Board"): after a listed name, the name is still the programme's.
_ORGAN_AFTER = lazy(
    r"[ \t\u00a0]+(?:Executive\s+(?:Board|Director)|Governing\s+Council|Administrator|Secretariat"
    r"|Program(?:me)?\s+Coordinating\s+Board)(?![\w-])",
    re.IGNORECASE,
)
#: After a name in capitals, a word that cannot go on a body's name: the name has ended
#: ("THE WORLD FOOD PROGRAM TO PROVIDE", "... PROGRAM AND THE ...").
_ENDED_CAPS = lazy(r"[ \t\u00a0]+(?:TO|AND|OR|FOR|IN|ON|AT|BY|AS|WITH|THE|IS|ARE|HAS|HAVE|WILL|WHICH|THAT)(?![\w-])")
#: A capitalized word and "of" (and "the") right before the name: it may end another
#: body's name ("Friends of the World Food Program"), or name its head ("Administrator
#: of the United Nations Development Program").
_OF_BEFORE = lazy(r"(?<![^\W_])[A-Z][\w\-]*\s+of\s+(?:the\s+)?\Z")
#: How far back a name's first words are looked for.
_REACH = 80


def us_spelt_names(text: str, lo: int, hi: int) -> list[tuple[Span, str, bool]]:
    """(the word "Program", the name it misspells, whether respelling it is safe) for each
    listed name in ``text[lo:hi]`` written with "Program"."""
    out = []
    for word, caps in ((_US, False), (US_CAPS, True)):
        pos = text.find(word, lo, hi)
        while pos >= 0:
            end = pos + len(word)
            if not (end < len(text) and (text[end].isalnum() or text[end] in "_-")):
                found = _name_at(text, lo, hi, pos, end, caps)
                if found is not None:
                    out.append(found)
            pos = text.find(word, end, hi)
    return sorted(out, key=lambda found: found[0].start)


def _name_at(text: str, lo: int, hi: int, pos: int, end: int, caps: bool) -> tuple[Span, str, bool] | None:
    """The listed name whose "Program" (``caps``: "PROGRAM") stands at ``pos:end`` (see
    :func:`us_spelt_names`)."""
    reach = max(lo, pos - _REACH)
    for before, after, name in _names(caps):
        head = before.search(text, reach, pos)
        if head is None:
            continue
        stop = end
        if after.pattern:
            tail = after.match(text, end, hi)
            if tail is None:
                continue
            stop = tail.end()
        if _LONGER_AFTER.match(text, stop, hi) and not _ORGAN_AFTER.match(text, stop, hi):
            if not (caps and _ENDED_CAPS.match(text, stop, hi)):
                return None  # "World Food Program USA": another body's name
        safe = _OF_BEFORE.search(text, max(lo, head.start() - _REACH), head.start()) is None
        return Span(pos, end), name, safe
    return None
