"""Instruments named in the text (treaties, conventions, their short forms and near
variants) and which convention "the Convention" means at each point.
"""

from __future__ import annotations

import bisect
import functools
import re

from resolint.citations import patterns as P
from resolint.citations.refdata import Instrument, iter_sorted_names
from resolint.citations.scan import _in, _quotes
from resolint.citations.types import (
    InstrumentMention,
)
from resolint.lazyre import lazy
from resolint.literals import find_all, first_of, matches_at
from resolint.model import Paragraph
from resolint.source import SUPERSCRIPT_DIGITS, Span, word_before


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words``, factored by common prefix.

    A flat alternation makes the regex engine try every name at every position; the
    trie fails on the first character for almost every position of the text. A space
    matches a run of them: a name wrapped over two lines of a paragraph is read with its
    line break as spaces (``citations.local``), two of them for "\r\n" or an indented line.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [(" +" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


class _NameMatcher:
    """One compiled trie of every instrument name (the regex engine takes the longest)."""

    def __init__(self, instruments: tuple[Instrument, ...]) -> None:
        names = iter_sorted_names(instruments)
        self.by_name = {}
        for name, inst, form in names:
            self.by_name.setdefault(name, (inst, form))
        body = trie_regex([n for n, _, _ in names]) or r"(?!x)x"
        # Greedy optional tails make the trie prefer the longest name. A footnote reference
        # glued to the name ("…against Cybercrime¹") does not run it on into a longer word
        # (superscript digits are word characters to the regex).
        # Markdown emphasis closing on the name ("_…against Corruption_") ends it too.
        self.regex = re.compile(rf"(?:{body})(?![^\W_{SUPERSCRIPT_DIGITS}]|-|_+[^\W_])")
        self.variants = [(v, inst) for inst in instruments for v in inst.variants]
        # Every name and every variant starts with one of these literal prefixes: the text is
        # scanned once per prefix (``str.find``), and the patterns are tried only there.
        #: Each variant's literal head ("United Nations Convention Against").
        self.variant_heads = [_literal_head(v.pattern.pattern) for v, _ in self.variants]
        self.first_words = _first_words([n for n, _, _ in names] + self.variant_heads)
        #: The variants tried where a first word stands (their heads start with it), by
        #: that word, and those tried apart (no literal head: every match in the text).
        self.by_word: dict[str, list[tuple[int, str]]] = {}
        self.apart: list[int] = []
        for i, head in enumerate(self.variant_heads):
            word = next((w for w in self.first_words if head and head.startswith(w)), None)
            if word is None:
                self.apart.append(i)
            else:
                self.by_word.setdefault(word, []).append((i, head))
        # One scan for every first word (:func:`~resolint.literals.first_of`, what a
        # literal alternation finds), and where an occurrence may overlap another ("CRC"
        # in "CRCRC", "CRCharter"), which the scan steps over: (offset in the word, the
        # other word).
        self.overlaps = _all_overlaps(self.first_words)

    def heads(self, text: str) -> list[tuple[int, str]]:
        """(offset, first word) wherever a name or a variant may start, in text order: every
        occurrence of every first word (no two start at the same offset: none is another's
        prefix, so the scan finds the one that starts wherever one does)."""
        words = self.first_words
        out = [(pos, words[k]) for pos, k in first_of(text, words)]
        overlaps = self.overlaps
        more = [(s + k, v) for s, w in out if overlaps[w] for k, v in overlaps[w] if text.startswith(v, s + k)]
        return sorted(out + more) if more else out

    def positions(self, text: str) -> list[int]:
        return [pos for pos, _ in self.heads(text)]

    def finditer(self, text: str, positions: list[int] | None = None):
        hits = []
        for pos in self.positions(text) if positions is None else positions:
            m = self.regex.match(text, pos)
            if m:
                hits.append(m)
        hits.sort(key=lambda m: (m.start(), -m.end()))
        out, end = [], -1
        for m in hits:  # leftmost-longest, no overlaps (what one regex pass would give)
            if m.start() >= end:
                out.append(m)
                end = m.end()
        return out


def _first_words(starts: list[str]) -> tuple[str, ...]:
    """The first words of ``starts`` (names and variants' literal heads), none a prefix of
    another: every name and variant starts with one of them. (Each word's prefixes are
    looked up among those kept, at the lengths they have: comparing every pair took
    minutes for a configuration of 10,000 instruments.)"""
    heads = sorted({h.split()[0] if h.split() else h for h in starts if h}, key=len)
    kept: list[str] = []
    seen: set[str] = set()
    lengths: list[int] = []  # of the words kept, ascending (heads come by length)
    for h in heads:
        if any(h[:n] in seen for n in lengths):
            continue
        kept.append(h)
        seen.add(h)
        if not lengths or lengths[-1] != len(h):
            lengths.append(len(h))
    return tuple(kept)


def _all_overlaps(words: tuple[str, ...]) -> dict[str, tuple[tuple[int, str], ...]]:
    """For each word ``w``, (k, v) for each word ``v`` that may start ``k`` characters into
    an occurrence of ``w`` (``w[k:]`` starts with ``v``, or ``v`` with ``w[k:]``), in
    ``words``' order for each k. The words ``w[k:]`` starts with are looked up at the
    words' lengths, those that start with it in the sorted words (bisect): comparing
    every suffix of every word with every word took minutes for 10,000 instruments."""
    rank = {v: i for i, v in enumerate(words)}
    ordered = sorted(words)
    lengths = sorted({len(v) for v in words})
    out: dict[str, tuple[tuple[int, str], ...]] = {}
    for w in words:
        found: list[tuple[int, str]] = []
        for k in range(1, len(w)):
            rest = w[k:]
            hits = {rest[:n] for n in lengths if n <= len(rest) and rest[:n] in rank}
            at = bisect.bisect_left(ordered, rest)
            while at < len(ordered) and ordered[at].startswith(rest):
                hits.add(ordered[at])
                at += 1
            found += [(k, v) for v in sorted(hits, key=rank.__getitem__)]
        out[w] = tuple(found)
    return out


def _literal_head(pattern: str) -> str:
    """The literal text a regex starts with ("United Nations Convention Against" of a
    variant), up to its first special character; empty when it starts with one."""
    out = []
    for ch in pattern:
        if ch in ".^$*+?{}[]\\|()":
            break
        out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=16)
def _matcher(instruments: tuple[Instrument, ...]) -> _NameMatcher:
    return _NameMatcher(instruments)


class _Conventions:
    """Which instrument "the Convention" means at each point of the text: the convention
    named in this or the previous paragraph, else the text's main convention (the one
    named most often, when it outnumbers conventions the reference data does not know)."""

    def __init__(self) -> None:
        self.last: InstrumentMention | None = None
        self.counts: dict[str, int] = {}
        self.by_key: dict[str, InstrumentMention] = {}
        self.unknown = 0
        #: The covenants and treaties named so far, by kind: key -> its last mention; a
        #: kind whose value is None had one named that the reference data does not hold.
        self.of_kind: dict[str, dict[str, InstrumentMention] | None] = {}

    def referent(self, p: Paragraph, before: int | None = None) -> InstrumentMention | None:
        """The convention "the Convention" means in ``p`` (before ``p``'s own are noted);
        ``before``: the index of the paragraph before it, past comments (default: the one
        right before)."""
        last = self.last
        if before is None:
            before = p.index - 1
        if last is not None and last.paragraph is not None and last.paragraph.index >= before:
            return last
        return self._dominant()

    def _dominant(self) -> InstrumentMention | None:
        """Far from any mention, "the Convention" is the text's main convention, if it is known."""
        if not self.counts:
            return None
        key = max(self.counts, key=lambda k: self.counts[k])
        return self.by_key[key] if self.counts[key] > self.unknown else None

    def sole(self, kind: str) -> InstrumentMention | None:
        """The instrument "the Covenant" or "the Treaty" (``kind``) means: the only one of
        that kind named so far, None when none, several, or one the data does not hold
        were named."""
        named = self.of_kind.get(kind)
        return next(iter(named.values())) if named is not None and len(named) == 1 else None

    def snapshot(self) -> tuple:
        """What :meth:`restored` needs to go on from here (copies: this one goes on)."""
        of_kind = {k: None if v is None else dict(v) for k, v in self.of_kind.items()}
        return (self.last, dict(self.counts), dict(self.by_key), self.unknown, of_kind)

    @classmethod
    def restored(cls, snapshot: tuple) -> _Conventions:
        """A record that goes on from ``snapshot`` (which stays as it is)."""
        out = cls()
        out.last, counts, by_key, out.unknown, of_kind = snapshot
        out.counts, out.by_key = dict(counts), dict(by_key)
        out.of_kind = {k: None if v is None else dict(v) for k, v in of_kind.items()}
        return out

    def note_unknown_kinds(self, kinds: tuple[str, ...]) -> None:
        """Record that a paragraph names a covenant or treaty of each of ``kinds`` the
        reference data does not hold ("the Arms Trade Treaty"): "the Treaty" may mean it."""
        for kind in kinds:
            self.of_kind[kind] = None

    def note(self, pmentions: list[InstrumentMention], unknown: list[int]) -> None:
        """Record the conventions a paragraph names: those the reference data knows
        (``pmentions``) and where it names one it does not know (``unknown``, offsets)."""
        for mm in pmentions:
            if mm.instrument.kind == "convention":
                self.last = mm
                self.counts[mm.instrument.key] = self.counts.get(mm.instrument.key, 0) + 1
                self.by_key[mm.instrument.key] = mm
            elif mm.instrument.kind in P.SHORT_KINDS and (named := self.of_kind.setdefault(mm.instrument.kind, {})) is not None:
                named[mm.instrument.key] = mm
        for at in unknown:
            # A convention the reference data does not know: "the Convention" may mean it.
            self.unknown += 1
            if self.last is not None and at > self.last.span.start:
                self.last = None


def unknown_short_kinds(ptext: str, pmentions: list[InstrumentMention], base: int) -> tuple[str, ...]:
    """The kinds ("covenant", "treaty") of the instruments a paragraph names by a title
    none of its mentions covers (``base``: where the paragraph starts; the mentions'
    spans are the text's)."""
    if "Treaty" not in ptext and "Covenant" not in ptext:
        return ()
    out = set()
    for m in P.ANY_SHORT_KIND.finditer(ptext):
        at = base + m.start()
        if not any(mm.span.start <= at < mm.span.end for mm in pmentions):
            out.add((m.group("kind") or m.group("kind2")).lower())
    return tuple(sorted(out))


def unknown_conventions(ptext: str, pmentions: tuple[InstrumentMention, ...]) -> tuple[int, ...]:
    """Where a paragraph names a convention none of its mentions covers ("the Convention on
    the Law of the Sea" when the reference data does not know it), offsets in the paragraph."""
    if "Convention" not in ptext:
        return ()
    # Whether a mention covers a point: the furthest end among mentions starting at
    # or before it (bisection; not every mention for every match).
    spans = sorted((mm.span.start, mm.span.end) for mm in pmentions)
    cstarts = [a for a, _ in spans]
    reach: list[int] = []
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out = []
    for gm in matches_at(P.ANY_CONVENTION, ptext, _convention_starts(ptext)):
        k = bisect.bisect_right(cstarts, gm.start())
        if not (k and reach[k - 1] > gm.start()):
            out.append(gm.start())
    return tuple(out)


def _convention_starts(ptext: str) -> list[int]:
    """Where a match of ``P.ANY_CONVENTION`` may start: at each "Convention", and at the
    capitalized word before one ("Paris Convention": a capital, lower-case letters,
    spaces). The regex, which starts with ``\\b`` and a set of capitals, was tried at
    every position of every paragraph that names a convention."""
    out = []
    for c in find_all(ptext, "Convention"):
        out.append(c)
        k = c
        while k and ptext[k - 1].isspace():
            k -= 1
        j = k
        while j and "a" <= ptext[j - 1] <= "z":
            j -= 1
        if j < k < c and j and "A" <= ptext[j - 1] <= "Z":
            out.append(j - 1)
    return sorted(set(out))


def mentions_in(ptext: str, hits, annex: bool) -> tuple[InstrumentMention, ...]:
    """The instruments a paragraph names (``hits``: :func:`_name_matches` of its text)."""
    if not hits:
        return ()
    # Cheap substring tests keep the regex off the many paragraphs without a quotation
    # (every mark a quotation may open with: a list of two left «…» out, and TRM001's
    # safe fix rewrote a title quoted in guillemets).
    quotes = _quotes(ptext) if any(q in ptext for q in P.QUOTE_OPENERS) else []
    return tuple(
        InstrumentMention(Span(m.start(), m.end()), _one_spaced(m.group(0)), inst, form, *var, annex, _in(quotes, m.start(), m.end()), None)
        for m, inst, form, var in hits
    )


def _variant_matches(matcher: _NameMatcher, text: str, heads: list[tuple[int, str]]) -> list:
    """(variant number, match) of every wrong variant in ``text``, by start then number."""
    found = []
    for pos, word in heads:
        for i, head in matcher.by_word.get(word, ()):
            if text.startswith(head, pos):
                m = matcher.variants[i][0].pattern.match(text, pos)
                if m is not None:
                    found.append((i, m))
    for i in matcher.apart:
        found.extend((i, m) for m in _match_at_head(matcher.variants[i][0].pattern, matcher.variant_heads[i], text))
    found.sort(key=lambda t: (t[1].start(), t[0]))
    return found


def glued_before(text: str, i: int) -> bool:
    """Whether a name starting at ``i`` runs on from a word before it: a letter, a digit
    or a hyphen right before it, or Markdown emphasis ("_", "*") that itself follows a
    letter or digit. "_United Nations Convention against Corruption_" (italics) is the
    name; "x_United …" is not."""
    j = i
    while j > 0 and text[j - 1] in "_*":
        j -= 1
    if j < i:
        return j > 0 and text[j - 1].isalnum()
    return word_before(text, i)


#: A capitalized word (not an article or a pronoun) right before a name that starts with
#: an instrument's generic word: "Inter-American Convention against Corruption" holds the
#: alias "Convention against Corruption" of the United Nations one, and is another treaty
#: ("UN Convention against Corruption" is the United Nations one).
_PROPER_WORD_BEFORE = lazy(r"(?<![\w-])(?!(?:The|This|That|These|Those|Its|Their|Our|Such|UN)\b)[A-Z][\w-]*[ \t]+$")
_GENERIC_START = ("Convention", "Protocol", "Charter", "Declaration", "Agreement", "Treaty", "Covenant", "Statute")


def named_by_another(text: str, start: int) -> bool:
    """Whether the name at ``start`` (one that starts with a generic word: "Convention …")
    ends another name that a capitalized word starts ("Inter-American Convention …")."""
    return text.startswith(_GENERIC_START, start) and _PROPER_WORD_BEFORE.search(text, max(0, start - 40), start) is not None


def _starts_a_symbol(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` starts a document symbol ("CRC/C/GC/25": the
    Committee's general comment, not a mention of the Convention)."""
    return text[end : end + 1] == "/" and text[end + 1 : end + 2].isalnum()


def _one_spaced(name: str) -> str:
    """A matched name with each run of spaces as one (see :func:`trie_regex`)."""
    return " ".join(name.split()) if "  " in name else name


def _name_matches(matcher: _NameMatcher, text: str, heads: list[tuple[int, str]] | None = None):
    """(match, instrument, form, (fix, safe, why)) for every instrument name in ``text``
    (``heads``: :meth:`_NameMatcher.heads` of it, when already known).

    Wrong variants win over the correct names they contain ("Budapest Convention on
    Cybercrime" over "Convention on Cybercrime").
    """
    if heads is None:
        heads = matcher.heads(text)
    found = []
    for i, m in _variant_matches(matcher, text, heads):
        if glued_before(text, m.start()):
            continue
        v, inst = matcher.variants[i]
        found.append((m, inst, "variant", (v.fix, v.safe, v.why)))
    # What the variants cover, merged into sorted disjoint runs: a name overlaps one iff
    # the last run starting before the name's end reaches past its start (one bisection;
    # testing every variant match for every name was quadratic on a list of names).
    t_starts: list[int] = []
    t_ends: list[int] = []
    for a, b in sorted((m.start(), m.end()) for m, *_ in found):
        if t_starts and a <= t_ends[-1]:
            t_ends[-1] = max(t_ends[-1], b)
        else:
            t_starts.append(a)
            t_ends.append(b)
    for m in matcher.finditer(text, [pos for pos, _ in heads]):
        if glued_before(text, m.start()):
            continue
        name = _one_spaced(m.group(0))
        if name not in matcher.by_name:
            continue
        k = bisect.bisect_left(t_starts, m.end()) - 1
        if k >= 0 and t_ends[k] > m.start():
            continue
        inst, form = matcher.by_name[name]
        if form == "alias" and (named_by_another(text, m.start()) or _starts_a_symbol(text, m.end())):
            continue
        found.append((m, inst, form, ("", False, "")))
    found.sort(key=lambda t: t[0].start())
    return found


def _match_at_head(pattern: re.Pattern[str], head: str, text: str):
    """Matches of ``pattern``, tried only where its literal ``head`` stands (all of them
    when it has none)."""
    if not head:
        yield from pattern.finditer(text)
        return
    pos = text.find(head)
    while pos >= 0:
        m = pattern.match(text, pos)
        if m is not None:
            yield m
        pos = text.find(head, pos + 1)
