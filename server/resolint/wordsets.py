"""Whether a text writes a word, asked many times of one text.

Some checks ask whether the draft writes a word elsewhere ("self-determination" with its
hyphen, "OTT" in Latin letters) before they choose a safe fix. Asked with one search of
the whole text per question, such a check grows with the draft times the words it asks
about: a draft of 200 KB with a look-alike word in every line took a minute. A set of
the text's words answers any number of questions, but building it costs far more than
one search (0.24 s for 0.72 MB, on every keystroke of a long draft that asks about two
words). So the first questions about a text are searches, and the set is built once a
text has been asked about more than :data:`SEARCHES` words: never more than that many
searches per text, and no set where a few searches do.
"""

from __future__ import annotations

import re

from resolint.lazyre import lazy

#: Questions about one text answered by a search before its set of words is built.
SEARCHES = 16

#: A word, or a run of words joined by hyphens, as a text writes it (letters and digits;
#: an underscore, like any other sign, ends a word).
_COMPOUND = lazy(r"[^\W_]+(?:-[^\W_]+)*")


class _Asked:
    __slots__ = ("text", "count", "words")

    def __init__(self, text: str) -> None:
        self.text, self.count, self.words = text, 0, None


_last: dict[bool, _Asked] = {}


def writes(text: str, word: str, *, lower: bool = False) -> bool:
    """Whether ``text`` writes ``word`` (letters and digits, perhaps two words joined by a
    hyphen) bounded by signs other than letters and digits, in any case if ``lower``."""
    asked = _last.get(lower)
    if asked is None or asked.text is not text:
        asked = _last[lower] = _Asked(text)
    if asked.words is None:
        asked.count += 1
        if asked.count <= SEARCHES:
            flags = re.IGNORECASE if lower else 0
            return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text, flags) is not None
        asked.words = words_written(text, lower=lower)
    return (word.lower() if lower else word) in asked.words


def words_written(text: str, *, lower: bool = False) -> frozenset[str]:
    """Every word of ``text`` (each part of a hyphenated run) and every two words it joins
    with a hyphen ("self-determination"), in lower case if ``lower``: a word is in the set
    exactly when a search for it bounded by signs other than letters and digits would find
    it in ``text`` (a hyphen is such a sign)."""
    out: set[str] = set()
    source = text.lower() if lower else text
    for m in _COMPOUND.finditer(source):
        parts = m.group().split("-")
        out.update(parts)
        out.update(f"{x}-{y}" for x, y in zip(parts, parts[1:], strict=False))
    return frozenset(out)
