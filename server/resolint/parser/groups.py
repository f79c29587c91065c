"""Grouped clauses: an opener alone on its line heading a list of items.

Some bodies (the ITU among them) write the preamble and the operative part as groups::

    recalling
    a) Resolution 101 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;
    b) …,
    resolves
    1 to explore ways and means …;
    2 that …

The opener ("recalling", "instructs the Secretary-General") has no label and no final
mark; the items after it carry labels (lettered in the preamble, numbered in the
operative part) or, for a group of one item, start in lower case. This module only
recognizes the shape from the text; placement (``parser.placement``) builds the
groups, and the house style says whether a body is expected to write them.
"""

from __future__ import annotations

import re

from resolint.parser.labels import read_label, read_terminal

#: An opener heading a group is a phrase, not a sentence ("instructs the Director of the
#: Telecommunication Standardization Bureau" is among the longest).
GROUP_OPENER_MAX_CHARS = 110
_OPENER_WORDS = re.compile(r"^[*_]*[a-z][\w\-’' ,()]*[*_]*$")
#: Footnote text left in the body by a conversion: a rule of underscores, then the
#: footnote's number and text ("____________________ 1 These include …").
FOOTNOTE = re.compile(r"^_{5,}\s*(?:\d{1,3}\b|\*)")


def is_footnote(text: str) -> bool:
    return bool(FOOTNOTE.match(text))


def looks_like_group_opener(text: str) -> bool:
    """A short lower-case line without label or final mark: "considering further"."""
    text = text.strip()
    if not text or len(text) > GROUP_OPENER_MAX_CHARS or "\n" in text:
        return False
    if read_terminal(text, 0, len(text)) is not None or read_label(text, 0, len(text))[0] is not None:
        return False
    return bool(_OPENER_WORDS.match(text))


def opens_items(next_text: str) -> bool:
    """Whether a paragraph can be the first item of a group: labelled, or lower case."""
    next_text = next_text.lstrip("*_ ")
    if not next_text:
        return False
    if read_label(next_text, 0, len(next_text))[0] is not None:
        return True
    return next_text[0].islower()
