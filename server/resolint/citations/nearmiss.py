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
from collections.abc import Callable

from resolint.citations.nearmiss_reach import may_reach
from resolint.citations.nearmiss_words import words_around
from resolint.citations.refdata import Instrument
from resolint.lazyre import lazy
from resolint.records import record
from resolint.source import LINE_END_HYPHEN, Span

#: Similarity (0-100) from which a window is a near-miss of a name.
THRESHOLD = 90
#: Words that head instrument names; a window must contain one of them.
HEAD_WORDS = frozenset({"convention", "charter", "declaration", "covenant", "protocol", "treaty", "agreement", "statute"})
#: Head words examined per document: far more than any real resolution holds (the
#: most in any text of the corpus is 273).
MAX_HEADS = 1000
#: A word as the windows are cut from (TRM001 reads the word before a near-miss so too).
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*")
_UN = lazy(r"\b(?:UN|U\.N\.)(?=\s|$)")


#: ``Analysis.pattern_spans``: (pattern, longest match) -> the spans of its matches in the text.
SpansOf = Callable[[re.Pattern[str], int], list[tuple[int, int]]]


@record(frozen=True, slots=True)
class NearMiss:
    """Words that come close to a registered instrument's name without being it ("the UN
    Convention against Corruption"): where, the words, the instrument and the name they
    resemble, and how close they are."""

    span: Span
    text: str
    instrument: Instrument
    name: str  # the registered name it comes close to
    score: float

    def moved(self, shift: int) -> NearMiss:
        return NearMiss(self.span.moved(shift), self.text, self.instrument, self.name, self.score)


#: ``kept(n, start, names, compute)``: ``compute()``, the results of range ``n`` (which
#: starts at ``start`` and holds the recognized ``names``) relative to its start, or what
#: an earlier lint of the same document computed for a range of the same text with the
#: same names (the language server's memo: :meth:`resolint.facts.Analysis.kept`).
Kept = Callable[[int, int, list[tuple[int, int]], Callable[[], "list[NearMiss | None]"]], "list[NearMiss | None]"]


def _ratio(a: str, b: str) -> float:
    """rapidfuzz's normalized Indel ratio of ``a`` and ``b`` (0 under :data:`THRESHOLD`).

    Their Indel distance is at least the difference of their lengths, so the ratio is at
    most ``100 * (1 - abs(len(a) - len(b)) / (len(a) + len(b)))``: under 90 when 11 times
    the shorter length is under 9 times the longer, and then 0 without calling rapidfuzz
    (about half of the windows of a corpus run; each call costs a few thousand
    instructions of argument handling)."""
    la, lb = len(a), len(b)
    if 11 * la < 9 * lb or 11 * lb < 9 * la:
        return 0.0
    return _scorer()(a, b, score_cutoff=THRESHOLD)


@functools.cache
def _scorer() -> Callable[..., float]:
    """rapidfuzz's ``fuzz.ratio``, imported on the first comparison, not with this
    module: it costs about 10 ms of every start-up, and a draft with no window near an
    instrument's name (most single drafts linted in an editor or a pre-commit hook) never
    compares one. Kept after (a ``from rapidfuzz import fuzz`` at each comparison went
    through the import machinery every time: 2% of :func:`near_misses`)."""
    from rapidfuzz import fuzz  # lazy: see the docstring

    return fuzz.ratio


def normalize(text: str) -> str:
    """Lower case, "UN" read as "United Nations", one space between words."""
    text = text.replace("’", "'")
    if "UN" in text or "U.N." in text:  # what _UN matches holds one of these
        text = _UN.sub("United Nations", text)
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
def _extent(instruments: tuple[Instrument, ...]) -> tuple[int, int]:
    """How many words before and after a head word the scan reads: one more than the most
    a name has before its head word, and after it (see :mod:`resolint.citations.nearmiss_words`)."""
    shapes = [(pos, n - pos) for names in _targets(instruments).values() for *_, n, pos, _ in names]
    return max((b for b, _ in shapes), default=0) + 1, max((a for _, a in shapes), default=0) + 1


@functools.lru_cache(maxsize=8)
def _accepted(instruments: tuple[Instrument, ...]) -> frozenset[str]:
    return frozenset(n for inst in instruments for n in inst.names())


def near_misses(
    text: str,
    ranges: list[tuple[int, int]],
    instruments: tuple[Instrument, ...],
    taken: list[Span],
    spans_of: SpansOf | None = None,
    kept: Kept | None = None,
) -> list[NearMiss]:
    """Near-misses inside the ``ranges`` of ``text`` (each a paragraph's own words).

    ``taken`` are the names already recognized (exactly or as a listed variant): a
    near-miss may hold one after its first word, but never starts inside one or cuts
    one. A head word is compared only with the names that share a word with its
    neighbours, at most :data:`MAX_HEADS` head words are examined in a document, and each
    distinct window is scored once: a pathological draft ("Convention" repeated a
    hundred thousand times) costs time in proportion to its length, not more.

    ``spans_of(pattern, width)``: where the head words stand, as ``pattern.finditer(text)``
    would say (:meth:`resolint.facts.Analysis.pattern_spans`: the language server searches
    only around the last edit); by default the text is scanned. ``kept``: what earlier
    lints found in a range (see :data:`Kept`): scoring the windows of a document's every
    head word again after each keystroke was a fifth of a keystroke in a 1 MB compilation
    of General Assembly resolutions. A range that may reach :data:`MAX_HEADS` is worked
    out afresh (its results then depend on the ranges before it)."""
    targets, accepted, extent = _targets(instruments), _accepted(instruments), _extent(instruments)
    found: list[NearMiss] = []
    memo: dict[tuple[str, str], float] = {}
    normalized: dict[str, str] = {}
    heads = 0
    recognized = _Taken(taken)
    # A paragraph without a head word (in any case) has nothing to examine, and most
    # have none: splitting every paragraph into words was a sixth of a corpus run.
    for n, hits in sorted(_heads_by_range(text, ranges, tuple(targets), spans_of).items()):
        start, end = ranges[n]
        # Only the names recognized in this paragraph can overlap a window inside it.
        local_taken = recognized.overlapping(start, end)

        # The windows test the names of the range, the only ones that can overlap them;
        # by bisection (``recognized``) when the range holds many (a paragraph may hold
        # thousands), else one by one (most hold none or a few).
        names = local_taken if len(local_taken) <= _FEW_NAMES else recognized

        def compute(budget: int, start: int = start, end: int = end, hits: list[int] = hits, names=names):
            return _range_results(text, (start, end), hits, targets, names, accepted, memo, normalized, budget, extent)

        if kept is not None and heads + len(hits) <= MAX_HEADS:  # every head word of the range is examined
            results = kept(n, start, local_taken, functools.partial(compute, len(hits)))
        else:
            results = compute(MAX_HEADS - heads + 1)  # one more than the budget: the cap is reached
        for rel in results:
            heads += 1
            if heads > MAX_HEADS:
                return found
            if rel is None:
                continue
            best = rel.moved(start)
            if not (found and best.span.overlaps(found[-1].span)):
                found.append(best)
    return found


def _range_results(text, span, hits, targets, taken, accepted, memo, normalized, budget, extent) -> list[NearMiss | None]:
    """For each head word in ``text[start:end]`` (``span``; at most ``budget``), in order,
    the closest window if close enough, relative to ``start`` (None where none is). Only
    the words ``extent`` (before, after) around the head words ``hits`` are cut
    (:func:`words_around`; every word when ``hits`` is None: see :func:`_head_words`)."""
    start, end = span
    words = list(WORD.finditer(text, start, end)) if hits is None else words_around(WORD, text, start, end, hits[0], hits[-1], *extent)
    out: list[NearMiss | None] = []
    for i in _head_words(words, hits, targets):
        if len(out) >= budget:
            break
        near = {words[j].group(0).lower() for j in (i - 1, i + 1) if 0 <= j < len(words)}
        candidates = [t for t in targets[words[i].group(0).lower()] if near & t[5]]
        if candidates and _within_a_name(words, i, candidates, taken):
            candidates = []
        best = _closest(text, words, i, candidates, taken, accepted, memo, normalized) if candidates else None
        out.append(None if best is None else best.moved(-start))
    return out


def _closest(text, words, i, candidates, taken, accepted, memo, normalized) -> NearMiss | None:
    """What :func:`_best_window` gives over ``candidates``, comparing only the names some
    window may come close to (:func:`resolint.citations.nearmiss_reach.may_reach`: on the
    corpus, one in twenty-five). The others cannot be the closest, but one of their
    windows may be an accepted name the matcher did not take, which leaves no near-miss
    around the head word (:data:`_UNTAKEN_NAME`): a near-miss found among the few is
    therefore looked for again among all (one head word in a thousand)."""
    close = may_reach(text, words, i, candidates, THRESHOLD)
    if not close:
        return None
    best = _best_window(text, words, i, close, taken, accepted, memo, normalized)
    if best is not None and len(close) < len(candidates):
        return _best_window(text, words, i, candidates, taken, accepted, memo, normalized)
    return best


def _within_a_name(words, i, candidates, taken) -> bool:
    """Whether head word ``i`` stands inside a recognized name (one of ``taken``) that no
    window around it may start before: every window would then overlap the name without
    holding it whole after its own first word, which :func:`_window` refuses. Told before
    the windows are cut: in a text that names "the Treaty on the Non-Proliferation of
    Nuclear Weapons" eighty times, each "Treaty" cut a dozen windows for nothing."""
    at = words[i].start()
    names = taken if isinstance(taken, list) else taken.overlapping(at, at + 1)
    start = next((ts for ts, te in names if ts <= at < te), None)
    if start is None:
        return False
    firsts = {f for *_, pos, _ in candidates for f in range(max(0, i - pos - 1), min(i, i - pos + 1) + 1)}
    return not any(words[f].start() < start and _may_start(words[f].group(0)) for f in firsts)


#: Up to this many names recognized in a paragraph, its windows test each of them; past
#: it, only those a bisection finds overlapping (:class:`_Taken`).
_FEW_NAMES = 16


class _Taken:
    """The names already recognized, by start, to pick those that overlap a paragraph
    by bisection (going through all of them for every paragraph was quadratic)."""

    def __init__(self, taken: list[Span]) -> None:
        self.spans = sorted((t.start, t.end) for t in taken)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the names that overlap [start, end): a name that ends after
        ``start`` starts after ``start`` less the longest name's length."""
        lo = bisect.bisect_right(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return [(s, e) for s, e in self.spans[lo:hi] if e > start]


def _start(m: re.Match[str]) -> int:
    return m.start()


def _head_words(words: list[re.Match[str]], hits: list[int] | None, targets: dict[str, list[tuple]]) -> list[int]:
    """The indices of the head words among ``words`` (a head word with a capital), in
    order. Only the words that start where :func:`_heads_by_range` found a head are
    looked at (``hits``; every word when None): going through every word of a paragraph
    was a quarter of the time of :func:`near_misses`."""
    if hits is None:
        candidates: list[int] = list(range(len(words)))
    else:
        candidates = [i for i in (bisect.bisect_left(words, h, key=_start) for h in hits) if i < len(words)]
    at = None if hits is None else set(hits)  # (a list here was quadratic: 22,000 heads in one paragraph took 2 s)
    out = []
    for i in candidates:
        w = words[i].group(0)
        if (at is None or words[i].start() in at) and w.lower() in targets and w[0].isupper():
            out.append(i)
    return out


@functools.lru_cache(maxsize=8)
def _heads_regexes(heads: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """A capital followed by the rest of a head word in any case ("Convention",
    "CONVENTION"): the only head words :func:`near_misses` examines. One regex per
    capital ("C(?i:harter|onvention|ovenant)"): a regex that starts with one literal
    character is scanned for in C from one occurrence to the next, while one alternation
    of all the heads was tried at every position of the text (30 ms over the corpus, six
    scans 12 ms). ASCII case only, as the words of ``WORD`` are ASCII."""
    by_capital: dict[str, list[str]] = {}
    for h in sorted(heads):
        by_capital.setdefault(h[0].upper(), []).append(re.escape(h[1:]))
    return tuple(re.compile(f"{c}(?i:{'|'.join(rests)})", re.ASCII) for c, rests in sorted(by_capital.items()))


def _heads_by_range(text: str, ranges: list[tuple[int, int]], heads: tuple[str, ...], spans_of: SpansOf | None = None) -> dict[int, list[int]]:
    """By the index of each range holding a head word that starts with a capital ("UN
    CONVENTION"), where these stand, in order. A scan of the text per capital (lowering
    the text to look for the words in any case cost more than the scans) and a bisect per
    match; a search per range when the ranges are not in order.

    Each scan finds every head word :func:`near_misses` examines: a match that skipped it
    would have to start earlier and run over its first letter, but no head word starts
    inside another of the same capital (``tests/citations/test_nearmiss_heads.py``)."""
    if not heads:
        return {}
    regexes = _heads_regexes(heads)
    out: dict[int, list[int]] = {}
    ordered = all(a[1] <= b[0] for a, b in zip(ranges, ranges[1:], strict=False)) and all(s <= e for s, e in ranges)
    if not ordered:
        for n, (s, e) in enumerate(ranges):
            hits = sorted(m.start() for rx in regexes for m in rx.finditer(text, s, e))
            if hits:
                out[n] = hits
        return out
    starts = [s for s, _ in ranges]
    width = max(map(len, heads))  # a match is a head word
    for rx in regexes:
        for s, e in [m.span() for m in rx.finditer(text)] if spans_of is None else spans_of(rx, width):
            n = bisect.bisect_right(starts, s) - 1
            if n >= 0 and e <= ranges[n][1]:
                out.setdefault(n, []).append(s)
    for hits in out.values():
        hits.sort()
    return out


def _best_window(text, words, i, targets, taken, accepted, memo, normalized) -> NearMiss | None:
    """The window around head word ``i`` closest to one of ``targets``, if close enough
    (``memo`` and ``normalized`` keep scores and normalized windows for the document)."""
    best: tuple[float, int, int, str, Instrument, str] | None = None
    # Names of one length around the same head share their windows: each is cut once.
    windows: dict[tuple[int, int], tuple[int, int, str] | None] = {}
    # Whether a window may start at a word; most may not ("the Convention"), and then
    # none of the windows that start there is cut.
    starts: dict[int, bool] = {}
    for inst, name, norm, n, pos, _ in targets:
        for first in range(max(0, i - pos - 1), min(i, i - pos + 1) + 1):
            if first not in starts:
                starts[first] = _may_start(words[first].group(0))
            if not starts[first] or _article_before(words[first].group(0), norm):
                continue
            for last in range(max(i, first + n - 2), min(len(words), first + n + 1)):
                if (first, last) not in windows:
                    windows[first, last] = _window(text, words, first, last, taken, accepted)
                cand = windows[first, last]
                if cand is _UNTAKEN_NAME:
                    return None
                if cand is None:
                    continue
                key = (cand[2], norm)
                score = memo.get(key)
                if score is None:
                    if cand[2] not in normalized:
                        normalized[cand[2]] = normalize(cand[2])
                    score = memo[key] = _ratio(normalized[cand[2]], norm)
                if score >= THRESHOLD and (best is None or score > best[0]):
                    best = (score, cand[0], cand[1], cand[2], inst, name)
    if best is None:
        return None
    score, s, e, cand_text, inst, name = best
    if _another_name_holding(cand_text, name) or _NAME_GOES_ON.match(text, e):
        return None
    return NearMiss(Span(s, e), cand_text, inst, name, score)


#: What :func:`_window` gives for an accepted name the name matcher did not take (glued to
#: the word before it: :func:`resolint.citations.instruments.glued_before`; ending another
#: treaty's name: ``named_by_another``, "Inter-American Convention against Corruption";
#: inside a longer match left out), or hyphenated at a line's end
#: (:data:`resolint.source.LINE_END_HYPHEN`): no near-miss around that word.
_UNTAKEN_NAME = (-1, -1, "")


#: After a near miss, a preposition and a capitalized word on the same line: the words may
#: be the head of another, longer name the data does not hold ("Treaty for the Prohibition
#: of Nuclear Weapons in Latin America", the Treaty of Tlatelolco's title before 1990, one
#: word from the Treaty on the Prohibition of Nuclear Weapons'), whose fix would rename it.
_NAME_GOES_ON = re.compile(r"[ \t\u00a0]+(?:in|for|between|among)[ \t\u00a0]+(?:the[ \t\u00a0]+)?[A-Z][a-z]")


def _another_name_holding(written: str, name: str) -> bool:
    """Whether ``written`` holds every word of ``name`` and capitalized words of its own
    ("Universal Islamic Declaration of Human Rights" for the Universal Declaration of
    Human Rights): another document's name, not a slip in this one's."""
    words, want = written.split(), set(name.split())
    extra = [w for w in words if w not in want]
    return bool(extra) and want <= set(words) and all(w[:1].isupper() for w in extra)


#: The hyphens a typeset name may hold instead of "-" (U+2010 hyphen, U+2011 non-breaking
#: hyphen: "Treaty on the Non\u2011Proliferation of Nuclear Weapons" in a resolution's
#: print): the same name, not a near miss of it.
_HYPHENS = re.compile("[\u2010\u2011]")
_TO_HYPHEN = str.maketrans("\u2010\u2011", "--")

#: Articles, which start a sentence or a title but no instrument's name.
_ARTICLES = frozenset({"the", "a", "an"})


def _article_before(word: str, norm: str) -> bool:
    """Whether ``word``, a window's first word, is an article the name ``norm`` (normalized)
    does not start with: "The United Nations Convention Against Corruption" at a
    sentence's or a book title's start is the article and the name (a listed variant,
    with its own finding and fix), not a near-miss whose fix dropped the article."""
    lower = word.lower()
    return lower in _ARTICLES and not norm.startswith(lower + " ")


def _may_start(word: str) -> bool:
    """Whether a near-miss may start with ``word``: a capital ("UN" too)."""
    return word[0].isupper() or word.startswith("UN")


def _window(text: str, words, first: int, last: int, taken: list[tuple[int, int]] | _Taken, accepted: set[str]):
    """(start, end, text) of words[first..last] if it may be a name (its first word is
    one :func:`_may_start`, the caller's test): it is not already recognized (``taken``:
    (start, end) of the recognized names, or their :class:`_Taken` index), and is not
    itself an accepted name."""
    if last < first:
        return None
    s, e = words[first].start(), words[last].end()
    # A recognized name may lie inside a longer near-miss ("UN Convention against
    # Corruption" holds the alias "Convention against Corruption"), not across its edge.
    names = taken if isinstance(taken, list) else taken.overlapping(s, e)
    if names and any(s < te and ts < e and not (s < ts and te <= e) for ts, te in names):
        return None
    cand = text[s:e].rstrip(".")
    if " ".join(cand.split()) in accepted:
        # A name the matcher did not take here (a recognized one would overlap the
        # window, above): it runs on from the word before it ("x_United Nations
        # Convention …"), ends another treaty's name, or lost to a longer match that was
        # itself left out ("thBudapest Convention on Cybercrime": the alias "Budapest
        # Convention", glued). No near-miss around it: a fix would write the name again
        # beside itself, or cut the word after it ("Convention on Cybercrime and" scores
        # 92), pass after pass.
        return _UNTAKEN_NAME
    if _HYPHENS.search(cand) and " ".join(cand.translate(_TO_HYPHEN).split()) in accepted:
        return _UNTAKEN_NAME  # the name with a non-breaking hyphen ("Non\u2011Proliferation"): the name, typeset
    if "-" in cand and " ".join(LINE_END_HYPHEN.sub("", cand).split()) in accepted:
        return _UNTAKEN_NAME  # the name, hyphenated at a line's end ("Organ-" / "ized Crime", a PDF's copy): no near-miss around it
    return s, s + len(cand), cand
