"""Find names that come close to a registered instrument's name without being it.

Drafters write "the UN Convention against Corruption", "Charter of the UN", "Convention
on the Rights of a Child": none is a title, alias or listed variant, so exact matching
passes them. Around every word that heads an instrument's name ("Convention", "Charter",
"Declaration", …) this module compares the words of the text with every registered name
that carries that word, over windows of about the name's length, and keeps a window
whose similarity (rapidfuzz's normalized Indel ratio, after "UN" is read as "United
Nations") reaches :data:`THRESHOLD`. The threshold is set so that one changed article
or a dropped letter counts ("a Child", "Human Right") and a different treaty does not
("Convention against Cybercrime" and "Convention against Corruption" score 86).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from resolint.citations.refdata import Instrument
from resolint.source import Span

#: Similarity (0-100) from which a window is a near-miss of a name.
THRESHOLD = 90
#: Words that head instrument names; a window must contain one of them.
HEAD_WORDS = frozenset({"convention", "charter", "declaration", "covenant", "protocol", "treaty", "agreement", "statute"})
#: Head words examined per document: far more than any real resolution holds (the
#: most in any text of the corpus is 273).
MAX_HEADS = 1000
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*")
_UN = re.compile(r"\b(?:UN|U\.N\.)(?=\s|$)")


@dataclass(frozen=True, slots=True)
class NearMiss:
    span: Span
    text: str
    instrument: Instrument
    name: str  # the registered name it comes close to
    score: float


def normalize(text: str) -> str:
    """Lower case, "UN" read as "United Nations", one space between words."""
    text = _UN.sub("United Nations", text.replace("’", "'"))
    return " ".join(text.lower().rstrip(".,;:").split())


@functools.lru_cache(maxsize=8)
def _targets(instruments: tuple[Instrument, ...]) -> dict[str, list[tuple]]:
    """head word -> (instrument, name, normalized name, word count, head position, the
    name's other words) for every name of three words or more."""
    out: dict[str, list[tuple]] = {}
    for inst in instruments:
        for name in inst.names():
            words = normalize(name).split()
            if len(words) < 3:
                continue  # "UNCAC", "Hanoi Convention": nothing to be near to
            for head in set(words) & HEAD_WORDS:
                others = frozenset(words) - {head}
                out.setdefault(head, []).append((inst, name, " ".join(words), len(words), words.index(head), others))
    return out


@functools.lru_cache(maxsize=8)
def _accepted(instruments: tuple[Instrument, ...]) -> frozenset[str]:
    return frozenset(n for inst in instruments for n in inst.names())


def near_misses(text: str, ranges: list[tuple[int, int]], instruments: tuple[Instrument, ...], taken: list[Span]) -> list[NearMiss]:
    """Near-misses inside the ``ranges`` of ``text`` (each a paragraph's own words).

    ``taken`` are the names already recognized (exactly or as a listed variant): a
    near-miss may hold one after its first word, but never starts inside one or cuts
    one. A head word is compared only with the names that share a word with its
    neighbours, at most :data:`MAX_HEADS` head words are examined in a document, and each
    distinct window is scored once: a pathological draft ("Convention" repeated a
    hundred thousand times) costs time in proportion to its length, not more."""
    targets = _targets(instruments)
    accepted = _accepted(instruments)
    found: list[NearMiss] = []
    memo: dict[tuple[str, str], float] = {}
    heads = 0
    with_heads = _ranges_with_heads(text, ranges, tuple(targets))
    for n, (start, end) in enumerate(ranges):
        # A paragraph without a head word (in any case) has nothing to examine, and most
        # have none: splitting every paragraph into words was a sixth of a corpus run.
        if n not in with_heads:
            continue
        # Only the names recognized in this paragraph can overlap a window inside it.
        local_taken = [t for t in taken if t.start < end and t.end > start]
        words = list(_WORD.finditer(text, start, end))
        for i, w in enumerate(words):
            head = w.group(0).lower()
            if head not in targets or not w.group(0)[0].isupper():
                continue
            heads += 1
            if heads > MAX_HEADS:
                return found
            near = {words[j].group(0).lower() for j in (i - 1, i + 1) if 0 <= j < len(words)}
            candidates = [t for t in targets[head] if near & t[5]]
            best = _best_window(text, words, i, candidates, local_taken, accepted, memo) if candidates else None
            if best is not None and not (found and best.span.overlaps(found[-1].span)):
                found.append(best)
    return found


@functools.lru_cache(maxsize=8)
def _heads_regex(heads: tuple[str, ...]) -> re.Pattern[str]:
    """A capital followed by the rest of a head word in any case ("Convention",
    "CONVENTION"): the only head words :func:`near_misses` examines. The capitals are the
    regex's first characters, so ``re`` skips in C to where one stands; ASCII case only,
    as the words of ``_WORD`` are ASCII."""
    return re.compile("|".join(f"{h[0].upper()}(?i:{re.escape(h[1:])})" for h in sorted(heads)), re.ASCII)


def _ranges_with_heads(text: str, ranges: list[tuple[int, int]], heads: tuple[str, ...]) -> set[int]:
    """Indices of the ``ranges`` holding a head word that starts with a capital ("UN
    CONVENTION"). One regex scan of the text (lowering the text to look for the words
    in any case cost more than the scan) and a bisect per match; a search per range when
    the ranges are not in order."""
    if not heads:
        return set()
    rx = _heads_regex(heads)
    ordered = all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:], strict=False)) and all(s <= e for s, e in ranges)
    if not ordered:
        return {n for n, (s, e) in enumerate(ranges) if rx.search(text, s, e)}
    starts = [s for s, _ in ranges]
    out: set[int] = set()
    for m in rx.finditer(text):
        n = bisect.bisect_right(starts, m.start()) - 1
        if n >= 0 and m.end() <= ranges[n][1]:
            out.add(n)
    return out


def _best_window(text, words, i, targets, taken, accepted, memo) -> NearMiss | None:
    """The window around head word ``i`` closest to one of ``targets``, if close enough."""
    best: NearMiss | None = None
    # Names of one length around the same head share their windows: each is cut and
    # normalized once.
    windows: dict[tuple[int, int], tuple[Span, str] | None] = {}
    normalized: dict[str, str] = {}
    for inst, name, norm, n, pos, _ in targets:
        for first in range(max(0, i - pos - 1), min(i, i - pos + 1) + 1):
            for last in range(max(i, first + n - 2), min(len(words), first + n + 1)):
                if (first, last) not in windows:
                    windows[first, last] = _window(text, words, first, last, taken, accepted)
                cand = windows[first, last]
                if cand is None:
                    continue
                key = (cand[1], norm)
                score = memo.get(key)
                if score is None:
                    if cand[1] not in normalized:
                        normalized[cand[1]] = normalize(cand[1])
                    score = memo[key] = fuzz.ratio(normalized[cand[1]], norm, score_cutoff=THRESHOLD)
                if score >= THRESHOLD and (best is None or score > best.score):
                    best = NearMiss(cand[0], cand[1], inst, name, score)
    return best


def _window(text: str, words, first: int, last: int, taken: list[Span], accepted: set[str]):
    """The span and text of words[first..last] if it may be a name: it starts with a capital,
    is not already recognized, and is not itself an accepted name."""
    if last < first or not (words[first].group(0)[0].isupper() or words[first].group(0).startswith("UN")):
        return None
    span = Span(words[first].start(), words[last].end())
    # A recognized name may lie inside a longer near-miss ("UN Convention against
    # Corruption" holds the alias "Convention against Corruption"), not across its edge.
    if any(span.overlaps(t) and not (span.start < t.start and t.end <= span.end) for t in taken):
        return None
    cand = text[span.start : span.end].rstrip(".")
    span = Span(span.start, span.start + len(cand))
    if " ".join(cand.split()) in accepted:
        return None
    return span, cand
