"""Whole-text scans that start from literal text: what ``pattern.finditer(text)`` finds,
at a fraction of its cost.

Python's ``re`` skips ahead fast only when a pattern starts with one literal: it then
jumps from one occurrence of that literal to the next in C. A pattern that starts with
a set of characters (an alternation of words, ``\\d``, ``\\b``, a case-insensitive
letter) is tried at every position instead: about 5 ns a character, 25-50 ms for each
scan of the 5 MB corpus, and a lint made more than a dozen such scans. Here the places
a match may start are found first, by ``str.find`` or one Aho-Corasick pass over many
literals (ahocorasick-rs), and the pattern is tried only there.

Every function returns exactly what the plain scan returns, provided the caller's
literals are where every match of the pattern starts: :func:`matches_at` keeps the
leftmost match and skips the candidates it covers, as ``finditer`` does.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from ahocorasick_rs import BytesAhoCorasick, MatchKind


def find_all(text: str, literal: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where ``literal`` starts in ``text[lo:hi]``, overlapping occurrences included."""
    hi = len(text) if hi is None else hi
    out: list[int] = []
    pos = text.find(literal, lo, hi)
    while pos >= 0:
        out.append(pos)
        pos = text.find(literal, pos + 1, hi)
    return out


def each_starts(text: str, literals: tuple[str, ...]) -> dict[str, list[int]]:
    """:func:`find_all` of each of ``literals`` (none empty), by one Aho-Corasick pass that
    reports overlapping matches, not one ``str.find`` scan of the text per literal: a rule
    that looks for a term's wrong forms asks for ten to twenty ("Secretary General",
    "secretary-general", each also broken over a line), and those scans were 4% of a
    corpus run. A text that cannot be read as UTF-8 (a lone surrogate) is searched per
    literal."""
    literals = tuple(dict.fromkeys(literals))
    out: dict[str, list[int]] = {lit: [] for lit in literals}
    try:
        # Reported in order of their ends: a literal's own occurrences, of one length, come
        # in order of their starts.
        found = find_indexes(automaton(literals), text, overlapping=True)
    except UnicodeEncodeError:
        return {lit: find_all(text, lit) for lit in literals}
    for i, start, _ in found:
        out[literals[i]].append(start)
    return out


@functools.lru_cache(maxsize=64)
def automaton(literals: tuple[str, ...], leftmost_first: bool = False) -> BytesAhoCorasick:
    """The automaton of ``literals`` (none empty) for :func:`find_indexes`, of the standard
    match kind or the leftmost-first one: over their UTF-8 bytes, as ahocorasick-rs's
    ``AhoCorasick`` builds its own."""
    kind = MatchKind.LeftmostFirst if leftmost_first else MatchKind.Standard
    return BytesAhoCorasick([lit.encode("utf-8") for lit in literals], matchkind=kind)


def find_indexes(found_by: BytesAhoCorasick, text: str, overlapping: bool = False, ascii_case: bool = False) -> list[tuple[int, int, int]]:
    """What ``AhoCorasick(literals, matchkind=…).find_matches_as_indexes(text, overlapping)``
    gives (index of the literal, start, end, in characters) for ``found_by`` the
    :func:`automaton` of the literals: the same search of the text's UTF-8 bytes, the same
    offsets.

    ahocorasick-rs's own ``str`` search builds, at every call, a table from each byte of
    the text to its character (eight bytes a byte), an ASCII text's too: 6% of a corpus
    run, for the ten or so passes a lint makes over each text. Here the text is encoded
    once (:func:`_utf8`) and only the offsets found are taken back to characters. Raises
    UnicodeEncodeError, as that search does, for a text with a lone surrogate.

    With ``ascii_case``, the text's ASCII letters are searched in lower case (its UTF-8
    bytes lowered, which leaves every other character as it is): a literal in lower
    case is found in any case of its ASCII letters ("Labor", "LABOR" for "labor")."""
    data, starts, extra, _ = _utf8(text)
    if ascii_case:
        data = _lowered(text, data)
    found = found_by.find_matches_as_indexes(data, overlapping=overlapping)
    if starts is None:  # ASCII: a byte is a character
        return found
    at = bisect.bisect_left
    return [(i, s - extra[at(starts, s)], e - extra[at(starts, e)]) for i, s, e in found]


def _utf8(text: str) -> tuple[bytes, list[int] | None, list[int], bytes]:
    """``text`` as UTF-8; unless it is ASCII, the byte offset of each of its characters
    beyond ASCII, in order (``starts``), and how many more bytes than characters come
    before each of them and after the last (``extra``): the byte ``b`` of a character is
    character ``b - extra[bisect_left(starts, b)]``; and the UTF-8 less its ASCII bytes
    (:func:`non_ascii`'s answer, encoded). The characters are found by their first
    bytes, of a few kinds in a draft (a ``bytes.find`` each), not by a regular expression
    tried at every character (three times the cost of the searches). The last text's
    answer is kept (by identity): a lint searches one text several times."""
    last, answer = _last_utf8[0]  # one read: a (text, answer) pair, never half of two
    if last is text:
        return answer
    data = text.encode("utf-8")
    starts: list[int] | None = None
    extra = [0]
    beyond = b""
    if len(data) != len(text):
        found = []
        beyond = data.translate(None, _ASCII_BYTES)
        for lead in set(beyond):
            if lead >= 0xC0:  # (not a continuation byte: 0x80-0xBF)
                width = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
                at = data.find(lead)
                while at >= 0:
                    found.append((at, width))
                    at = data.find(lead, at + width)
        found.sort()
        starts, more = [at for at, _ in found], 0
        for _, width in found:
            more += width - 1
            extra.append(more)
    answer = (data, starts, extra, beyond)
    _last_utf8[0] = (text, answer)
    return answer


_last_utf8: list[tuple[str | None, tuple[bytes, list[int] | None, list[int], bytes]]] = [(None, (b"", None, [0], b""))]


def _lowered(text: str, data: bytes) -> bytes:
    """``data``, the UTF-8 of ``text``, with its ASCII letters in lower case; the last
    text's answer is kept (by identity), as :func:`_utf8` keeps its own: two rules
    search one text so (TRM010's heads, DOC013's ordinals)."""
    last, answer = _last_lower[0]
    if last is not text:
        answer = data.lower()
        _last_lower[0] = (text, answer)
    return answer


_last_lower: list[tuple[str | None, bytes]] = [(None, b"")]


def find_all_again(found: list[int], old: str, new: str, literal: str, prefix: int, suffix: int) -> list[int]:
    """:func:`find_all` of ``new``, given ``found = find_all(old, literal)`` and the
    ``prefix`` and ``suffix`` lengths the two texts share (not overlapping): the
    occurrences wholly inside either are moved, and only the stretch between is searched.

    The language server asks after every keystroke where a few fixed strings stand in a
    whole document; a 1 MB text with one character outside the Basic Multilingual Plane
    is 4 MB to scan per string, and almost all of it is the same as a moment ago."""
    n, width = len(new), len(literal)
    tail = n - suffix  # occurrences starting here or later lie in the shared suffix
    kept_head = found[: bisect.bisect_right(found, prefix - width)]
    shift = n - len(old)
    kept_tail = [p + shift for p in found[bisect.bisect_left(found, len(old) - suffix) :]]
    middle = [q for q in find_all(new, literal, max(0, prefix - width + 1), min(n, tail + width - 1)) if q < tail]
    return kept_head + middle + kept_tail


def find_matches_again(
    pattern: re.Pattern[str], width: int, found: list[tuple[int, int]], old: str, new: str, prefix: int, suffix: int
) -> list[tuple[int, int]]:
    """The spans of ``pattern.finditer(new)``, given ``found``, those of ``old``, and the
    ``prefix`` and ``suffix`` lengths the two texts share (not overlapping): what
    :func:`find_all_again` does for a literal, for a pattern none of whose matches is
    longer than ``width`` and that reads nothing outside its match (no lookaround, anchor
    or word boundary).

    finditer tries one position after another and jumps past each match. A match that
    starts ``width`` or more before the end of the shared prefix reads the prefix alone,
    so it and every try before it are as they were; the scan resumes after it. Past the
    changed stretch, once the new scan is to try a position of the shared suffix that the
    last scan tried too (one not inside one of its matches), the rest is the last scan's,
    moved. Only when the changed stretch ends inside a match of the last scan is the rest
    scanned again."""
    n = len(new)
    shift = n - len(old)
    tail = n - suffix  # positions from here on are in the shared suffix
    starts = [s for s, _ in found]
    head = found[: bisect.bisect_right(starts, prefix - width)]
    resume = max(head[-1][1] if head else 0, prefix - width + 1, 0)
    middle: list[tuple[int, int]] = []
    for m in pattern.finditer(new, resume, min(n, tail - 1 + width)):  # room for any match starting before tail
        if m.start() >= tail:
            break
        middle.append(m.span())
        resume = m.end()
    at = max(resume, tail)  # the next position the new scan tries
    was = at - shift
    i = bisect.bisect_left(starts, was)
    if i and found[i - 1][0] < was < found[i - 1][1]:  # the last scan jumped over it
        return head + middle + [m.span() for m in pattern.finditer(new, at)]
    return head + middle + [(s + shift, e + shift) for s, e in found[i:]]


def starts_of(text: str, literals: Iterable[str], lo: int = 0, hi: int | None = None) -> list[int]:
    """Where any of ``literals`` starts in ``text[lo:hi]``, in order, each offset once."""
    found: set[int] = set()
    for lit in literals:
        found.update(find_all(text, lit, lo, hi))
    return sorted(found)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int], hi: int | None = None) -> list[re.Match[str]]:
    """``pattern.finditer(text, starts[0], hi)``'s matches when every match of the pattern
    starts at one of ``starts`` (in increasing order): the pattern is tried there only.

    A match that finditer finds starts at the first candidate at or after the end of the
    previous match where the pattern matches, which is the one kept here. Empty matches
    are not supported (a pattern that can match nothing matches everywhere)."""
    hi = len(text) if hi is None else hi
    out: list[re.Match[str]] = []
    end = -1
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos, hi)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def first_of(text: str, literals: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, index in ``literals``) of what ``re.finditer("|".join(literals), text)``
    finds, for plain literals: leftmost, the first literal listed where several start at
    one place, no overlaps. One Aho-Corasick pass (its leftmost-first matching is the
    regex alternation's); a text that cannot be read as UTF-8 (a lone surrogate from a
    broken file) is searched with the regex."""
    if not literals:
        return []
    try:
        return [(s, i) for i, s, _ in find_indexes(automaton(literals, leftmost_first=True), text)]
    except UnicodeEncodeError:
        return [(m.start(), literals.index(m.group(0))) for m in _alternation(literals).finditer(text)]


@functools.lru_cache(maxsize=32)
def _alternation(literals: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in literals))


#: Every ASCII character, as UTF-8 bytes: what :func:`ascii_digits_only` deletes.
_ASCII_BYTES = bytes(range(128))
_DIGIT = re.compile(r"\d")


def ascii_digits_only(text: str) -> bool:
    """Whether every decimal digit in ``text`` is 0-9, so that ``\\d`` in a pattern matches
    only those there and a scan may look for ASCII digits as literals. The characters
    beyond ASCII are few in a draft: they are picked out in C (the text as UTF-8 less its
    ASCII bytes, which leaves whole characters) and searched for another digit."""
    return text.isascii() or _DIGIT.search(non_ascii(text)) is None


def non_ascii(text: str) -> str:
    """The characters of ``text`` beyond ASCII, in order: the text as UTF-8 less its ASCII
    bytes, which leaves whole characters (a pass in C; a draft holds few of them). A
    search for a character that only other alphabets have reads this, not the text: a
    regular expression's character class tried at every position of every text was
    three times the cost. The last text's answer is kept (by identity): two rules of a
    lint ask about the same text. The bytes are those the Aho-Corasick searches read
    (:func:`_utf8`), encoded once for both."""
    last, rest = _last_non_ascii[0]  # one read: a (text, answer) pair, never half of two
    if last is text:
        return rest
    try:
        rest = _utf8(text)[3].decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a broken file): read as it stands
        rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    _last_non_ascii[0] = (text, rest)
    return rest


_last_non_ascii: list[tuple[str | None, str]] = [(None, "")]
