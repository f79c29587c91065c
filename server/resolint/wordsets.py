"""The words a text writes, gathered once per text.

Some checks ask whether the draft writes a word elsewhere ("self-determination" with its
hyphen, "OTT" in Latin letters) before they choose a safe fix. Asked with one search of
the whole text per question, such a check grows with the draft times the words it asks
about: a draft of 200 KB with a look-alike word in every line took a minute. The set of
its words answers each question at once, and the last text's set is kept, since every
paragraph of one lint asks about the same text.
"""

from __future__ import annotations

import re

#: A word, or a run of words joined by hyphens, as a text writes it (letters and digits;
#: an underscore, like any other sign, ends a word).
_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

_last: dict[bool, tuple[str, frozenset[str]]] = {}


def words_written(text: str, *, lower: bool = False) -> frozenset[str]:
    """Every word of ``text`` (each part of a hyphenated run) and every two words it joins
    with a hyphen ("self-determination"), in lower case if ``lower``.

    A word is in the set exactly when a search for it bounded by signs other than letters
    and digits would find it in ``text`` (a hyphen is such a sign)."""
    kept = _last.get(lower)
    if kept is not None and kept[0] is text:
        return kept[1]
    out: set[str] = set()
    source = text.lower() if lower else text
    for m in _COMPOUND.finditer(source):
        parts = m.group().split("-")
        out.update(parts)
        out.update(f"{x}-{y}" for x, y in zip(parts, parts[1:], strict=False))
    words = frozenset(out)
    _last[lower] = (text, words)
    return words
