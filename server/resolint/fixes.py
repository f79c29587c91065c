"""Apply fixes to a text, to a fixed point.

Fixes are chosen greedily in document order; a fix whose edits overlap one already
chosen waits for the next pass, when the text is linted again and the fix is rebuilt
against the new text. Passes stop when nothing more applies (or after ``MAX_PASSES``,
which only a pair of rules that undo each other would reach).

A fix is built against the document as parsed. One that would change how the draft
parses (a preamble read as an operative paragraph, a list item read as a paragraph of
its own) changes what the draft says, and it also makes the other fixes of the same
pass stale (numbers counted against the old structure). So a pass keeps only fixes that
leave the structure as it was; the others stay offered in the editor, one at a time.
"""

from __future__ import annotations

import bisect
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import field

from resolint.engine import LINE_NUMBERED, Finding, LintResult
from resolint.model import Kind, Resolution
from resolint.parser import parse
from resolint.records import record
from resolint.rule import Applicability, Edit, Fix
from resolint.source import Span

#: Fixes that unlock others (a structure-changing fix deferred, numbering that follows
#: from it) can chain over a dozen passes in a muddled multi-part draft; found by fuzzing.
MAX_PASSES = 20


@record(slots=True)
class FixOutcome:
    """What applying fixes to a text came to: the fixed text, how many fixes in how many passes,
    which rules' fixes were applied, and the lint of the final text (so the caller need not
    lint it again)."""

    text: str
    applied: int = 0
    passes: int = 0
    applied_codes: list[str] = field(default_factory=list)
    result: LintResult | None = None  # the lint of the final text


def allowed(fix: Fix | None, unsafe: bool) -> bool:
    if fix is None or not fix.edits:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


def select_fixes(findings: Iterable[Finding], unsafe: bool) -> list[Finding]:
    """A set of findings whose fixes can be applied together (no overlapping edits).

    The spans taken so far are pairwise apart, kept sorted by start; a new span can
    only clash with the taken span just before it or those starting inside it, found
    by bisection (a draft with 16,000 fixes used to take 15 s here, pair by pair).
    """
    chosen: list[Finding] = []
    starts: list[int] = []
    ends: list[int] = []
    for f in sorted(findings, key=lambda f: f.fix.edits[0].span.start if f.fix and f.fix.edits else 0):
        if not allowed(f.fix, unsafe):
            continue
        spans = [e.span for e in f.fix.edits]
        if any(_clashes_taken(s, starts, ends) for s in spans) or _self_clash(spans):
            continue
        chosen.append(f)
        for s in spans:
            i = bisect.bisect_left(starts, s.start)
            starts.insert(i, s.start)
            ends.insert(i, s.end)
    return chosen


def _clashes_taken(a: Span, starts: list[int], ends: list[int]) -> bool:
    i = bisect.bisect_left(starts, a.start)
    if i < len(starts) and (starts[i] == a.start or starts[i] < a.end):
        return True
    return i > 0 and ends[i - 1] > a.start


def _self_clash(spans: list[Span]) -> bool:
    """Whether two of one fix's edits clash (see :func:`_clash`), in one sorted sweep.

    For spans a, b with a.start <= b.start, ``_clash`` reduces to a.start == b.start or
    b.start < a.end; so a clash exists exactly when some span starts where the one
    before it does, or before the furthest end seen so far. A renumbering fix with
    thousands of reference edits was compared pair by pair (quadratic: 6 s).
    """
    reach = None
    prev_start = None
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if prev_start is not None and (s.start == prev_start or s.start < reach):
            return True
        prev_start = s.start
        reach = s.end if reach is None else max(reach, s.end)
    return False


def _clash(a: Span, b: Span) -> bool:
    # Two insertions at the same point clash too: their order would be arbitrary.
    return a.overlaps(b) or (a.start == b.start) or (len(a) == 0 and b.start < a.start < b.end) or (
        len(b) == 0 and a.start < b.start < a.end
    )


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (any order given) to ``text``."""
    ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
    out = []
    pos = 0
    for e in ordered:
        if e.span.start < pos:
            raise ValueError("overlapping edits")
        out.append(text[pos : e.span.start])
        out.append(e.new_text)
        pos = e.span.end
    out.append(text[pos:])
    return "".join(out)


def structural_body(res: Resolution) -> list:
    """The paragraphs :func:`structure` reads, in order: the body but a PDF page's header
    and footer lines (which DOC016's fix removes). Blame for a changed structure is laid
    by position in this list."""
    return [p for p in res.body if p.kind is not Kind.FURNITURE]


def reading(res: Resolution) -> tuple[tuple, list[int]]:
    """What the structure check reads of a parse: its :func:`structure` and where its
    structural paragraphs start."""
    return structure(res), [p.span.start for p in structural_body(res)]


def structure(res: Resolution) -> tuple:
    """How a draft parses, ignoring labels, punctuation, directive comments and a PDF
    page's header and footer lines.

    Each paragraph's kind, depth and parent (counted without directives and those lines,
    which a fix may remove). Two texts with the same structure say the same things in the
    same places; a safe fix must keep it.
    """
    body = structural_body(res)
    index = {id(p): i for i, p in enumerate(body)}
    return tuple((p.kind, p.depth, index.get(id(p.parent), -1) if p.parent is not None else -1) for p in body)


#: What was read of a text parsed to check a structure: its structure and where its
#: structural paragraphs start, by text (see :class:`_Trials`).
Known = MutableMapping[str, tuple[tuple, list[int]]]

#: Parses one pass may spend finding the fixes that change the structure.
LOCATE_TRIALS = 6
BISECT_BUDGET = 16


def _first_start(f: Finding) -> int:
    return f.fix.edits[0].span.start


def structure_keeping(
    text: str, chosen: list[Finding], before: tuple, res: Resolution | None = None, *, paragraphs_given: bool = False,
    known: Known | None = None, parses: Parses | None = None,
) -> tuple[list[Finding], str]:
    """The chosen fixes that keep the draft's structure, and the text with them applied.

    All of them together first: one parse, the usual case. Otherwise, knowing the
    parse (``res``), each paragraph whose structure changed points at its culprits: a
    fix inside it, else the fixes next to it (:func:`_culprits`): those are dropped and
    the rest tried again, a few parses for any number of independent culprits, and the
    fixes blamed wrongly are taken back (:func:`_with_innocents`). If that does not
    settle it, halves are tried recursively within a budget of parses; fixes left
    unverified wait for the next pass. Cost stays a few parses per pass however large
    the draft.
    ``paragraphs_given`` parses as the draft was parsed (a Word document's paragraphs).
    ``known``: what was read of the texts parsed already for this draft (see :class:`_Trials`).
    ``parses``: gets the parse of the text the search settles on, when it made one.
    """
    trials = _Trials(text, before, paragraphs_given, {} if known is None else known, parses)
    kept = list(chosen)
    if res is not None:
        sides: dict[int, str] = {}
        kept, trial = _drop_culprits(trials, kept, structural_body(res), sides)
        if trial is not None:
            return _with_innocents(trials, chosen, kept, trial, sides)
        if not kept:
            return [], text
    accepted = _bisect(trials, kept)
    return accepted, trials.applied(accepted)


def _with_innocents(
    trials: _Trials, chosen: list[Finding], kept: list[Finding], trial: str, sides: dict[int, str]
) -> tuple[list[Finding], str]:
    """``kept`` (which keeps the structure, applied in ``trial``) with the fixes dropped
    for a change next to them that keep it too: those blamed from each side, a parse each.

    A changed paragraph without a fix of its own blames a fix on each side, and one of
    them is usually innocent (the same side for alike paragraphs). Deferred to the next
    pass, an innocent fix could be parted from a fix of the same paragraph that needs it:
    "2 that …" fixed to "2 THAT …" without its "2." no longer reads as numbered, and an
    error appears that the draft did not have (fuzzer). Where no fix was blamed for the
    paragraph before it, nothing was blamed on both sides and nothing is tried: trying
    back the 14 culprits of a 100 KB draft by halves cost it a dozen full parses.

    A paragraph that kept changing as its fixes were dropped one by one from its end was
    blamed for all of them (see :class:`_Walk`): the culprit is then mostly its first fix
    (a paragraph reads as what it is from its head: a label, an opener), so all its
    other fixes are tried back, for all such paragraphs at once: one parse."""
    taken = {id(f) for f in kept}
    dropped = [f for f in chosen if id(f) not in taken]
    groups = {side: [f for f in dropped if sides.get(id(f)) == side] for side in ("after", "before", "again")}
    more: list[Finding] = []
    for group in (groups["after"], groups["before"], groups["again"]) if groups["after"] else (groups["again"],):
        if group and trials.structure_of(trials.applied(kept + more + group)) == trials.before:
            more += group
    if not more:
        return kept, trial
    taken.update(id(f) for f in more)
    kept = [f for f in chosen if id(f) in taken]
    return kept, trials.applied(kept)


@record(slots=True)
class _Trials:
    """The draft's text and structure, to try a group of fixes against: apply them, parse
    the result as the draft was parsed, and compare.

    ``known`` holds what was read of each text parsed so far, its structure and where its
    paragraphs start (all that blame reads of a parse, and small beside it): the searches
    of one pass (and their halves, and the innocents taken back) often build the same text
    from different sets of fixes, and a text reads the same each time it is parsed (a
    third of the parses of a fuzzed draft were of a text parsed before)."""

    text: str
    before: tuple
    paragraphs_given: bool
    known: Known = field(default_factory=dict)
    parses: Parses | None = None

    def applied(self, group: list[Finding]) -> str:
        return apply_edits(self.text, [e for f in group for e in f.fix.edits])

    def read(self, t: str) -> tuple[tuple, list[int]]:
        """``t``'s structure and where its structural paragraphs start."""
        if t not in self.known:
            res = parse(t, paragraphs_given=True) if self.paragraphs_given else parse(t)
            self.known[t] = reading(res)
            if self.parses is not None and self.known[t][0] == self.before:
                self.parses.keep(t, res)
        return self.known[t]

    def structure_of(self, t: str) -> tuple:
        return self.read(t)[0]


class Parses:
    """The parse the structure check made of the text a pass settled on, for the lint of
    that text (see :func:`fix_text`'s ``lint_parsed``): each pass linted a text its search
    had just parsed, and parsed it again (a tenth of the parses of an adversarial draft's
    ``--fix``).

    Only the last parse that kept the structure is held: a search settles on the last
    text it parsed that kept it (each success adds to the fixes kept, and the answer is
    those fixes' text). A text the search read from what was known was not parsed: it is
    linted as usual, and so is a draft read without its quote markers (its parse reads
    another text). One parse at most is held beside the search's."""

    __slots__ = ("text", "res")

    def __init__(self) -> None:
        self.text: str | None = None
        self.res: Resolution | None = None

    def keep(self, t: str, res: Resolution) -> None:
        self.text, self.res = (t, res) if res.source.text == t else (None, None)

    def take(self, t: str) -> Resolution | None:
        """The parse of ``t`` if held (given once: a lint writes into its parse)."""
        res = self.res if self.text is not None and self.text == t else None
        self.text = self.res = None
        return res


def _drop_culprits(trials: _Trials, kept: list[Finding], body, sides: dict[int, str] | None = None) -> tuple[list[Finding], str | None]:
    """Drop the culprits of each paragraph whose structure changed, a few rounds at most;
    return the fixes left and, when they keep the structure, the text with them applied.
    ``sides`` records how each was blamed (see :func:`_culprits`)."""
    walk = _Walk()
    chosen = kept
    for _ in range(LOCATE_TRIALS):
        edits = [e for f in kept for e in f.fix.edits]
        trial = apply_edits(trials.text, edits)
        after, starts_after = trials.read(trial)
        if after == trials.before:
            if sides is not None and walk.wholly:
                _blamed_again(chosen, kept, [body[i] for i in sorted(walk.wholly)], sides)
            return kept, trial
        changed = _changed_paragraphs(trials.before, after, body, starts_after, edits)
        culprits = _culprits(kept, body, changed, len(trials.text), sides, walk.next_round())
        if not culprits:
            break
        kept = [f for f in kept if id(f) not in culprits]
    return kept, None


def _blamed_again(chosen: list[Finding], kept: list[Finding], wholly: list, sides: dict[int, str]) -> None:
    """Record how the fixes dropped from the paragraphs blamed for all their fixes
    (``wholly``, in order) were blamed: the first fix of each as ``"head"``, the others,
    those blamed one by one before too, as ``"again"`` (see :func:`_with_innocents`)."""
    taken = {id(f) for f in kept}
    spans = [p.span for p in wholly]
    starts = [s.start for s in spans]
    heads: set[int] = set()
    for f in sorted((f for f in chosen if id(f) not in taken), key=_first_start):
        k = bisect.bisect_right(starts, _first_start(f)) - 1
        if k >= 0 and _first_start(f) <= spans[k].end:
            sides[id(f)] = "again" if k in heads else "head"
            heads.add(k)


def _culprits(kept: list[Finding], body, changed: Iterable[int], text_end: int, sides: dict[int, str] | None = None,
              walk: _Walk | None = None) -> set[int]:
    """The ``id`` of the fixes to blame for each changed paragraph (its index in ``body``).

    A fix inside it, when there is one. Otherwise the last fix before it (a fix that
    makes the paragraph before introduce a list turns this one into a list item) and the
    first fix of the paragraph after it: the parser reads a paragraph's next line before
    deciding where it ends (a line lowercased by a fix reads as a continuation, and a
    stray line between two paragraphs joins one or stands alone: fuzzer). Both are
    blamed at once, and the innocent one is taken back (:func:`_with_innocents`): blaming
    one per round walked through a run of fixes one parse at a time.

    Nothing is blamed for a paragraph without a fix of its own when the paragraph just
    before it changed too: a paragraph's part follows the one before it, so that change
    may be the whole cause, and blaming the last fix before it could drop an innocent one
    between the two (a directive's removal; with every fix dropped, nothing at all was
    applied: fuzzer). It waits for the next round, once the paragraph before is settled.

    ``sides``, when given, records each blamed fix's ``id`` as blamed for a change in its
    own paragraph ("own"), in the paragraph after it ("before") or in the one before it
    ("after"), or for all of a paragraph's (:func:`_blamed_again`): :func:`_with_innocents`
    takes back the innocent ones. ``walk`` follows the rounds (:class:`_Walk`)."""
    ordered = sorted(kept, key=_first_start)
    starts = [_first_start(f) for f in ordered]
    blamed: dict[int, str] = {}  # indexes in ``ordered`` -> how blamed
    skip: dict[int, int] = {}  # a blamed index -> an unblamed one before it (or -1)
    changed_set = set(changed)

    def last_unblamed(k: int) -> int:
        """The last fix at or before ``k`` not blamed yet (blamed runs are skipped in one
        step once walked, so many paragraphs reaching back over them stay linear)."""
        walked = []
        while k >= 0 and k in blamed:
            walked.append(k)
            k = skip.get(k, k - 1)
        for w in walked:
            skip[w] = k
        return k

    for i in sorted(changed_set):
        start = body[i].span.start if i < len(body) else text_end
        end = body[i].span.end if i < len(body) else text_end
        k = last_unblamed(bisect.bisect_right(starts, end) - 1)  # the last fix starting by its end
        if k >= 0 and starts[k] >= start:
            blamed[k] = "own"
            if walk is not None:
                walk.blamed(body, i, starts, blamed)
            continue
        if i - 1 in changed_set:
            continue
        if k >= 0:
            blamed[k] = "before"
        if i + 1 < len(body):
            n = bisect.bisect_right(starts, end)  # the first fix after it, if in the next paragraph
            if n < len(starts) and starts[n] <= body[i + 1].span.end and n not in blamed:
                blamed[n] = "after"
    if sides is not None:
        sides.update((id(ordered[k]), side) for k, side in blamed.items())
    return {id(ordered[k]) for k in blamed}


@record(slots=True)
class _Walk:
    """The paragraphs blamed for a fix of their own, this round and the round before, to
    see a change walk down a run of alike paragraphs one round at a time.

    In a run of alike short paragraphs (each given a ";"), applying a fix only where the
    one before was dropped can change how that paragraph reads (nested under the one
    before, now without its ";"): dropping its fix moved the change to the next
    paragraph, one full parse a round, until the rounds ran out and the halves of a
    bisection kept failing too: 44 parses a pass for a 4 KB draft, 30 s an input under
    the fuzzer. A paragraph blamed right after one blamed in the round before blames the
    rest of the run at once (:func:`_blame_run`); the fixes blamed wrongly are offered
    again at the next pass, against the new text.

    Likewise within one paragraph: one holding several fixes, blamed for one of them, was
    blamed for the next one back in the next round while it kept changing, one full parse
    a fix (a paragraph whose first fix makes it operative and whose other fixes give
    capitals spent the rounds, then the bisection's budget, on it). Blamed again in the
    round after, it is blamed for all its fixes at once (:func:`_blame_paragraph`), and
    all but its first are tried back together (:func:`_with_innocents`): a few parses
    however many fixes and paragraphs, where the walk left out every fix before the
    culprit with it."""

    before: set[int] = field(default_factory=set)
    now: set[int] = field(default_factory=set)
    wholly: set[int] = field(default_factory=set)  # paragraphs blamed for all their fixes

    def next_round(self) -> _Walk:
        self.before, self.now = self.now, set()
        return self

    def blamed(self, body, i: int, starts: list[int], blamed: dict[int, str]) -> None:
        """``body[i]`` was blamed for a fix of its own (an index of ``starts`` in ``blamed``)."""
        self.now.add(i)
        if i in self.before:
            self.wholly.add(i)
            _blame_paragraph(body[i], starts, blamed)
        if i - 1 in self.before:
            self.wholly.update(_blame_run(body, i, starts, blamed))


def _blame_paragraph(p, starts: list[int], blamed: dict[int, str]) -> None:
    """Blame every fix that starts in paragraph ``p`` (see :class:`_Walk`)."""
    for k in range(bisect.bisect_left(starts, p.span.start), bisect.bisect_right(starts, p.span.end)):
        blamed[k] = "own"


def _blame_run(body, i: int, starts: list[int], blamed: dict[int, str]) -> Iterator[int]:
    """Blame the fixes of the paragraphs after ``body[i]`` like it (same kind and depth)
    that each hold a fix, up to the first that does not or holds one blamed already: the
    rest of a run of alike fixed paragraphs (see :class:`_Walk`). Yields the paragraphs
    blamed so."""
    kind, depth = body[i].kind, body[i].depth
    for m in range(i + 1, len(body)):
        p = body[m]
        if p.kind is not kind or p.depth != depth:
            return
        lo = bisect.bisect_left(starts, p.span.start)
        hi = bisect.bisect_right(starts, p.span.end)
        if lo == hi or any(k in blamed for k in range(lo, hi)):
            return
        for k in range(lo, hi):
            blamed[k] = "own"
        yield m


def _bisect(trials: _Trials, kept: list[Finding]) -> list[Finding]:
    """The fixes of ``kept`` that keep the structure, found by trying halves recursively
    within a budget of parses; those left unverified wait for the next pass."""
    accepted: list[Finding] = []
    budget = [BISECT_BUDGET]

    def add(group: list[Finding]) -> None:
        if not group or budget[0] <= 0:
            return
        budget[0] -= 1
        if trials.structure_of(trials.applied(accepted + group)) == trials.before:
            accepted.extend(group)
            return
        if len(group) == 1:
            return  # this fix changes the structure (with those kept so far): leave it out
        mid = len(group) // 2
        add(group[:mid])
        add(group[mid:])

    add(kept)
    return accepted


def _key(f: Finding) -> tuple:
    """A finding's fix, recognizable when the same text is linted again."""
    if f.fix is None:
        return (f.code, None)
    return (f.code, f.fix.title, tuple((e.span.start, e.span.end, e.new_text) for e in f.fix.edits))


def _changed_paragraphs(before: tuple, after: tuple, body_before, starts_after: list[int], edits: list[Edit]) -> list[int]:
    """Indices (in ``body_before``) of the paragraphs whose structure the edits changed
    (``starts_after``: where the paragraphs of the text with the edits applied start).

    Paragraphs are matched by where they start once the edits are applied, not by their
    place in the list: when a fix joins two paragraphs, or splits one, every paragraph
    after it moves up or down the list, and a run of alike paragraphs (all preambular, no
    parent) hides where. Compared by place, the change showed only at the end of the run,
    the blame fell on the run's last fix and walked back one fix per round, a dozen full
    parses a pass (fuzzer: paragraphs lowercased in a grouped-clause draft, joined once a
    directive between them was removed). Changed: a paragraph that no longer starts where
    the edits moved it (joined to the one before), whose kind, depth or parent changed,
    or from which a new paragraph was split off.
    """
    moved = _Mover(edits)
    starts = [moved(p.span.start) for p in body_before]
    at = {start: j for j, start in enumerate(starts_after)}
    changed: set[int] = set()
    for i, (kind, depth, parent) in enumerate(before):
        j = at.get(starts[i])
        if j is None or after[j][:2] != (kind, depth) or after[j][2] != (-1 if parent < 0 else at.get(starts[parent], -2)):
            changed.add(i)
    matched = {at.get(s) for s in starts}
    order = sorted(range(len(starts)), key=starts.__getitem__)
    ordered_starts = [starts[i] for i in order]
    for j, q_start in enumerate(starts_after):
        if j in matched or not order:
            continue
        # A new paragraph: split off the one it starts in, or text between two
        # paragraphs (a stray line) read as a paragraph because the next one changed.
        k = bisect.bisect_right(ordered_starts, q_start) - 1
        if k < 0:
            changed.add(order[0])
        elif q_start < moved(body_before[order[k]].span.end) or k + 1 == len(order):
            changed.add(order[k])
        else:
            changed.add(order[k + 1])
    return sorted(changed)


class _Mover:
    """Where an offset of the text lands once non-overlapping edits are applied. An
    offset inside an edited span lands where its replacement starts; an insertion at the
    offset itself goes after it (it belongs to what starts there)."""

    def __init__(self, edits: list[Edit]) -> None:
        ordered = sorted(edits, key=lambda e: (e.span.start, e.span.end))
        self.starts = [e.span.start for e in ordered]
        self.ends = [e.span.end for e in ordered]
        self.shifts = [0]  # shifts[k]: what the first k edits add to the length
        for e in ordered:
            self.shifts.append(self.shifts[-1] + len(e.new_text) - (e.span.end - e.span.start))

    def __call__(self, offset: int) -> int:
        k = bisect.bisect_left(self.starts, offset)  # the edits that start before the offset
        if k and self.ends[k - 1] > offset:
            return self.starts[k - 1] + self.shifts[k - 1]
        return offset + self.shifts[k]


#: Tries within one pass after a set of fixes could not be applied together.
RETRIES = 8


@record(slots=True)
class _Keeping:
    """:func:`structure_keeping` for one pass's text, remembering its answer for each set
    of fixes tried (the same findings, in the same order).

    With unsafe fixes, a set that failed is followed by its safe ones; once the unsafe
    ones are refused, the next try chooses those same safe ones again, and the safe
    retry after it once more: the same search three times over, up to 22 parses each
    (a draft of 200 short paragraphs under a muddled list: 46 parses, nothing applied).
    The search is a function of the set, so its answer is taken again instead."""

    text: str
    before: tuple
    res: Resolution
    paragraphs_given: bool
    tried: dict[tuple[int, ...], tuple[list[Finding], str]] = field(default_factory=dict)
    known: Known = field(default_factory=dict)  # see :class:`_Trials`
    parses: Parses | None = None  # see :func:`structure_keeping`

    def __call__(self, chosen: list[Finding]) -> tuple[list[Finding], str]:
        key = tuple(id(f) for f in chosen)  # the findings live as long as the pass
        if key not in self.tried:
            self.tried[key] = structure_keeping(
                self.text, chosen, self.before, self.res, paragraphs_given=self.paragraphs_given, known=self.known,
                parses=self.parses,
            )
        return self.tried[key]


def next_pass(
    text: str, result: LintResult, unsafe: bool, refused: set[tuple], *, findings: list[Finding] | None = None,
    paragraphs_given: bool = False, known: Known | None = None, parses: Parses | None = None,
) -> tuple[list[Finding], str] | None:
    """The fixes one pass applies to ``text`` (linted as ``result``), and the new text;
    None when nothing more can be applied. ``findings``: those of ``result`` a fix may
    come from (all by default; a Word document leaves out those its runs cannot take);
    ``paragraphs_given``: ``text`` was linted with its paragraphs given (a Word
    document's), and is parsed so to check a structure; ``known``: what was read of texts
    parsed before (see :class:`_Trials`), to share with other passes over the same draft;
    ``parses``: gets the parse the structure check made of the new text, if it made one.

    A draft's line numbers (DOC006, then its only finding) are removed whatever the
    structure: read with them, the draft has none worth keeping.

    Always applies what it can: a fix that alone changes the structure is set aside
    (in ``refused``) and the others are tried; with unsafe fixes, when the set cannot
    be applied together, the safe ones are, so ``--unsafe-fixes`` never applies less
    than ``--fix`` (issue 18: one relabelling of a whole list overlapped and blocked
    every other fix, and nothing at all was applied).
    """
    offered = result.findings if findings is None else findings
    known = {} if known is None else known
    # ``text`` parses as its lint parsed it: a search that drops every fix tries ``text``
    # itself, and parsed it again (once a pass in a draft where nothing can be applied).
    before, starts = reading(result.resolution)
    known.setdefault(text, (before, starts))
    keeping = _Keeping(text, before, result.resolution, paragraphs_given, known=known, parses=parses)
    for _ in range(RETRIES):
        candidates = [f for f in offered if _key(f) not in refused] if refused else offered
        chosen = select_fixes(candidates, unsafe)
        if not chosen:
            return None
        if len(chosen) == 1 and chosen[0].code == LINE_NUMBERED:
            # (the structure before is the line numbers' misreading, which the fix undoes)
            return chosen, apply_edits(text, chosen[0].fix.edits)
        kept, new_text = keeping(chosen)
        if kept:
            return kept, new_text
        if len(chosen) == 1:
            refused.add(_key(chosen[0]))  # alone it changes the structure: the others may still go
            continue
        if not unsafe:
            return None
        safe = select_fixes(candidates, False)
        if safe:
            kept, new_text = keeping(safe)
        grew = len(refused)
        refused.update(_key(f) for f in chosen if f.fix.applicability is Applicability.UNSAFE and f not in kept)
        if kept:
            return kept, new_text
        if len(refused) == grew:
            return None
    return None


@record(slots=True)
class Lineage:
    """Which fixes wrote the text each finding stands in, across passes: a finding that
    starts or ends in text a fix wrote descends from that fix and from what that fix
    descended from.

    A fix that descends from a fix writing what it writes never ends. One house rule
    whose replacement holds its own match ("UN" written "United Nations (UN)") doubled
    its matches every pass: ``--fix`` wrote 131,071 of them, 1.5 MB into one paragraph,
    the editor's fix-all did the same, and a Word document's ``--fix`` ran for minutes.
    Two rules each writing the other's match ("in order to" -> "so as to, so as to" ->
    "in order to") did it in turns: 1,024 copies when the passes ran out. Fixes that
    chain (a number moved again once the one before it moved) write a different text
    each time, and are not caught.
    """

    of: dict[int, frozenset] = field(default_factory=dict)  # id(finding) -> what it descends from

    def follow(self, applied: list[Finding], after: LintResult) -> set[tuple]:
        """Move on to the findings of ``after`` (the lint once ``applied`` was); return what
        the fixes that never end write (empty when none)."""
        found = _Written([g for g in after.findings if g.fix and g.fix.edits])
        moved = _Mover([e for f in applied for e in f.fix.edits])
        now: dict[int, frozenset] = {}
        endless: set[tuple] = set()
        for f in applied:
            line = self.of.get(id(f), frozenset()) | {fix_writes(f)}
            for e in f.fix.edits:
                lo = moved(e.span.start)
                for g in found.touching(lo, lo + len(e.new_text)):
                    now[id(g)] = now.get(id(g), frozenset()) | line
                    if fix_writes(g) in line:
                        endless |= line
        self.of = now
        return endless


def fix_writes(f: Finding) -> tuple:
    """What a finding's fix writes, up to case (a paragraph's head takes a capital)."""
    return (f.code, tuple(sorted(e.new_text.casefold() for e in f.fix.edits)))


class _Written:
    """Findings by where they start and where they end, to find those that start or end
    in a stretch of text (one that holds the whole stretch does not stand in it)."""

    def __init__(self, findings: list[Finding]) -> None:
        self.by_start = sorted(findings, key=lambda g: g.span.start)
        self.starts = [g.span.start for g in self.by_start]
        self.by_end = sorted(findings, key=lambda g: g.span.end)
        self.ends = [g.span.end for g in self.by_end]

    def touching(self, lo: int, hi: int) -> Iterator[Finding]:
        if hi <= lo:
            return
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.starts) and self.starts[i] < hi:
            yield self.by_start[i]
            i += 1
        i = bisect.bisect_right(self.ends, lo)
        while i < len(self.ends) and self.ends[i] <= hi:
            if self.by_end[i].span.start < lo:  # (the others were given above)
                yield self.by_end[i]
            i += 1


#: How often the fix loop starts again, leaving out more fixes that never end.
RESTARTS = 4


def fix_text(
    text: str, lint_fn: Callable[[str], LintResult], unsafe: bool = False, usable: Callable[[Finding], bool] | None = None,
    *, first: LintResult | None = None, lint_parsed: Callable[[Resolution], LintResult] | None = None,
) -> FixOutcome:
    """Apply every allowed fix to a fixed point; ``lint_fn`` lints a text. ``usable``: which
    findings' fixes may be applied at all (the CLI leaves out a fix whose new text the
    file's encoding cannot hold); by default every one. ``first``: ``lint_fn(text)``, when
    the caller has it (the CLI linted the file to report it, then ``--fix`` linted the
    same text again with the same settings: a whole lint for nothing, a third of a 1 MB
    draft's ``--fix``). ``lint_parsed``: lints a text from its parse (its ``source``), as
    ``lint_fn`` lints the text; given, the text a pass writes is linted from the parse
    the structure check made of it, when it made one (see :class:`Parses`).

    Two rules whose fixes undo each other (a house rule writing "member countries", the
    style's term rule "Member States") would turn the text round in a circle until the
    passes ran out, each pass counted as fixes ("Fixed 44 findings" for 4 edits written,
    or for a file left as it was): a text met before ends the passes, at that text, with
    what had been applied to reach it. Fixes that never end (see :class:`Lineage`) are
    left out: the loop starts again from ``text`` without them, and gives up (nothing
    fixed) if more keep coming."""
    first = lint_fn(text) if first is None else first
    parses = None if lint_parsed is None else Parses()

    def relint(t: str) -> LintResult:
        res = None if parses is None else parses.take(t)
        return lint_fn(t) if res is None or lint_parsed is None else lint_parsed(res)

    endless: set[tuple] = set()
    for _ in range(RESTARTS):
        outcome, more = _passes(text, first, relint, unsafe, _usable(usable, endless), parses)
        if not more:
            return outcome
        endless |= more
    return FixOutcome(text, result=first)


def _usable(usable: Callable[[Finding], bool] | None, endless: set[tuple]) -> Callable[[Finding], bool] | None:
    if not endless:
        return usable
    return lambda f: (f.fix is None or fix_writes(f) not in endless) and (usable is None or usable(f))


def _passes(text: str, result: LintResult, lint_fn: Callable[[str], LintResult], unsafe: bool,
            usable: Callable[[Finding], bool] | None, parses: Parses | None = None) -> tuple[FixOutcome, set[tuple]]:
    """The passes of :func:`fix_text`, and what fixes that never end write (the passes
    stop at the first). ``parses``: gets the parse of each text a pass writes, for
    ``lint_fn`` (see :class:`Parses`)."""
    outcome = FixOutcome(text)
    # text -> fixes applied and codes recorded to reach it. Not its lint: a pass's lint
    # of a draft with 277,049 findings holds 170 MB, and kept for each pass they made a
    # 322 KB draft's --fix peak at 1.2 GB; the rare text met again is linted again.
    seen: dict[str, tuple[int, int]] = {text: (0, 0)}
    start = result
    refused: set[tuple] = set()  # fixes found to change the structure, for this text
    lineage = Lineage()
    known: ChainMap = ChainMap({})
    for _ in range(MAX_PASSES):
        # The texts a pass tries often come back in the next one (the fixes it left out,
        # rebuilt against the text it wrote): what was read of them is kept for one pass.
        known = ChainMap({}, known.maps[0])
        offered = None if usable is None else [f for f in result.findings if usable(f)]
        step = next_pass(outcome.text, result, unsafe, refused, findings=offered, known=known, parses=parses)
        if step is None:
            break
        chosen, new_text = step
        refused.clear()  # the text changes: every fix is rebuilt against it
        outcome.passes += 1
        if new_text == outcome.text:
            break
        if new_text in seen:  # round in a circle: back to that text, as it was reached
            outcome.applied, codes = seen[new_text]
            outcome.text = new_text
            del outcome.applied_codes[codes:]
            result = start if new_text == text else lint_fn(new_text)
            break
        outcome.text = new_text
        outcome.applied += len(chosen)
        outcome.applied_codes.extend(f.code for f in chosen)
        result = lint_fn(new_text)
        endless = lineage.follow(chosen, result)
        if endless:
            return outcome, endless
        seen[new_text] = (outcome.applied, len(outcome.applied_codes))
    outcome.result = result
    return outcome, set()
