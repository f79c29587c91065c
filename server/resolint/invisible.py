"""Characters that print nothing inside a word, and reading a word through them.

Web pages, PDF copies and word processors leave them inside words: the soft hyphen (a
hyphenation point Word calls an optional hyphen), the word joiner, and the zero-width
space (a line-break point). TRM014 reports each one; the opener reader reads through
them (:func:`readable`), so that "Recog­nizing" is the opener 'Recognizing' before the fix
removes the character as after it: read in two halves, the checks said "'Recog' is not a
preambular opener", and a safe fix then brought in the findings the whole word has.
"""

from __future__ import annotations

#: The characters and their names. The zero-width space counts between two Latin letters
#: only, the second in lower case: no script needs it there (Thai and Khmer text mark word
#: boundaries with it), and before a capital it is the gap between two words ("Member​States").
#: (Joiners and direction marks, which Arabic, Persian and Hebrew text needs, are left
#: alone; so is a stray byte order mark, which the parser reads as a space.)
INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u2060": "word joiner",
    "\u200b": "zero-width space",
}
_LATIN_ONLY = frozenset("\u200b")


def in_word(ch: str) -> bool:
    return ch.isalpha() or ch in INVISIBLE


def inside_a_word(ch: str, before: str, after: str) -> bool:
    """Whether ``ch`` stands between two letters that make one word. For a zero-width
    space, two Latin letters, the second in lower case ("Secre​tary"): before a capital it
    is the gap between two words ("Member​States", read as a space)."""
    if not (before.isalpha() and after.isalpha()):
        return False
    return ch not in _LATIN_ONLY or (before < "\u0250" and after < "\u0250" and after.islower())


def hidden_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of characters of :data:`INVISIBLE` that stand inside a word in
    ``text[start:end]``, each as (first, past the last), in order: between two letters of
    that stretch. Empty for almost every stretch of a draft: one ``str.find`` per
    character kind, no loop per character."""
    found = []
    for ch in INVISIBLE:
        at = text.find(ch, start, end)
        while at != -1:
            found.append(at)
            at = text.find(ch, at + 1, end)
    if not found:
        return []
    found.sort()
    out = []
    k = 0
    while k < len(found):
        i = j = found[k]
        while k < len(found) and found[k] == j:
            j += 1  # a run of them
            k += 1
        if i > start and j < end and inside_a_word(text[i], text[i - 1], text[j]):
            out.append((i, j))
    return out


def hidden_in_words(text: str, start: int, end: int) -> list[int]:
    """Where, in ``text[start:end]``, a character of :data:`INVISIBLE` stands inside a
    word (:func:`hidden_runs`, each character of each run), in order."""
    return [at for i, j in hidden_runs(text, start, end) for at in range(i, j)]


def readable(words: str) -> str:
    """``words`` without the invisible characters inside them: what a reader sees."""
    if not any(ch in words for ch in INVISIBLE):
        return words
    hidden = set(hidden_in_words(words, 0, len(words)))
    return "".join(ch for i, ch in enumerate(words) if i not in hidden)


#: How much of a paragraph the parser's word readers see through (:func:`readable_start`):
#: they read its first few words only.
START_CHARS = 200


def readable_start(text: str) -> str:
    """The start of ``text`` (what the parser's word readers read: a few words) as a
    reader sees it, for classifying a paragraph by its opener ("Dee\u00adply concerned …;" is a
    preambular clause, as "Deeply concerned" is)."""
    return readable(text[:START_CHARS] if len(text) > START_CHARS else text)
