"""Lint one document again after each edit, reusing the work the edit did not touch.

The language server lints a document after every keystroke. Most of a lint's work is
about one paragraph at a time and its result depends on that paragraph's text alone:
the opener of a paragraph, and the violations of the rules that declare themselves
paragraph-local (:attr:`resolint.rule.Rule.local`). :class:`LintCache` keeps these
results *content-addressed* — keyed by the paragraph's text and every other input they
may read — with their spans stored relative to the paragraph, so a paragraph that moved
(text inserted above it) is a hit and its results are shifted into place. What each
paragraph cites is kept the same way (:meth:`LintCache.paragraph_facts`), and the parse
resumes from the last one (:mod:`resolint.parser.memo`, :mod:`resolint.parser.resume`).
Everything else (document-level rules, what crosses paragraphs in citations, directives,
sorting) runs as in a full lint, so the findings are those of
:func:`resolint.engine.lint`; ``tests/test_incremental.py`` checks it on random edit
sequences, ``tests/test_parse_resume.py`` the parse.

The caches are *generational*: a lint reads from what the last lint used and keeps only
what it uses itself, so they never hold more than about two versions' worth of entries
and shrink with the document. :class:`IncrementalLinter` is what the server keeps per
open document (and drops when it is closed).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from resolint.citations.resume import WalkRecord
from resolint.engine import LintResult, lint
from resolint.facts.ends import Ends, paragraph_ends, paragraph_ends_again
from resolint.generations import MISSING, Generations, RoundTable
from resolint.literals import find_all, find_all_again, find_matches_again
from resolint.model import Label, Paragraph, Resolution
from resolint.openers import Opener
from resolint.parser.memo import ParseMemo
from resolint.parser.resume import Joined
from resolint.rule import Edit, Fix, Rule, RuleContext, Violation
from resolint.source import SourceText, Span, relative
from resolint.textdiff import changed_ends, common_prefix, common_suffix

if TYPE_CHECKING:
    from resolint.facts import Analysis
    from resolint.settings import Settings

T = TypeVar("T")

#: A cached result that may not be reused: a violation outside its paragraph.
_UNCACHEABLE = object()
#: A cached result: nothing to report in the paragraph (the usual answer).
_NOTHING = object()
#: A rule's dict of extra key parts is sparse (see _sparse_keys) when it holds at most
#: one paragraph in this many of those the rule reads.
_SPARSE = 8


def _span(s: Span | None, d: int) -> Span | None:
    return None if s is None else s.moved(d)


# The shifters below name every field of the types they move; tests/test_incremental.py
# fails when one of these types gains a field, so a new span cannot be left unmoved.
def shift_opener(o: Opener | None, d: int) -> Opener | None:
    """``o`` moved by ``d`` characters."""
    if o is None or d == 0:
        return o
    return Opener(o.span.moved(d), o.head.moved(d), o.phrase, _span(o.before, d), _span(o.after, d), o.emphasis)


def _shift_fix(f: Fix | None, d: int) -> Fix | None:
    if f is None:
        return None
    return Fix(f.title, f.applicability, tuple(Edit(e.span.moved(d), e.new_text) for e in f.edits))


def shift_violation(v: Violation, d: int) -> Violation:
    """``v`` (its span and its fix's edits) moved by ``d`` characters."""
    if d == 0:
        return v
    return Violation(v.span.moved(d), v.message, _shift_fix(v.fix, d), v.severity)


def _at(entry: tuple[int, tuple[Violation, ...]], base: int) -> tuple[int, tuple[Violation, ...]]:
    """A kept ``(start, violations)`` entry, moved to start at ``base``."""
    was, found = entry
    return entry if was == base else (base, tuple(shift_violation(v, base - was) for v in found))


def _inside(v: Violation, lo: int, hi: int) -> bool:
    spans = [v.span, *(e.span for e in (v.fix.edits if v.fix else ()))]
    return all(lo <= s.start and s.end <= hi for s in spans)



def _sparse_keys(numbers: list[int], indexes: range | list[int], parts: dict) -> list:
    """Cache keys of paragraphs with these ``numbers`` and ``indexes`` (sorted: document
    order) for a rule that reads more of the paragraphs ``parts`` holds (by index): the
    bare number for a paragraph with no part (or a None one), ``(number, part)`` for
    the others. A number is an int and never equals a pair, so two keys are equal only
    when both the number and the part are: what the dense ``(number, part)`` for every
    paragraph says, with one pair per paragraph ``parts`` holds instead of one per paragraph."""
    keys: list = numbers  # (the shared list, while no paragraph needs more: most rules' keys)
    for i, part in parts.items():
        at = bisect.bisect_left(indexes, i)
        if part is not None and at < len(indexes) and indexes[at] == i:
            if keys is numbers:
                keys = numbers.copy()
            keys[at] = (keys[at], part)
    return keys


def _same_stretch(text: str, old: str, suffix: int, start: int, end: int, old_start: int, old_end: int) -> bool:
    """Whether ``text[start:end]`` is ``old[old_start:old_end]``, given that the two texts
    end with the same ``suffix`` characters: known without reading them when both lie in
    that end, as far from it; compared otherwise. A keystroke asks it of every resolution
    after the edit in a compilation: comparing copies of them all was a pass over the
    document."""
    if end - start == old_end - old_start and start >= len(text) - suffix and len(text) - start == len(old) - old_start:
        return True
    return text[start:end] == old[old_start:old_end]


def _label_key(label: Label | None, base: int) -> tuple | None:
    if label is None:
        return None
    return (relative(label.span, base), label.text, label.scheme, label.value, label.form, label.typed)


def paragraph_key(text: str, p: Paragraph) -> tuple:
    """Everything about ``p`` a paragraph-local rule may read, relative to its start.

    Not its place in the document: neither its index nor its part (which resolution of
    a compilation it is in) is read by a local rule, so that an opening added or removed
    above (every later paragraph's part moves by one) keeps the cache. The locality test
    of ``tests/test_incremental.py`` adds openings to catch a rule that would read it."""
    base, end = p.span.start, p.span.end
    content, bullet, terminal, label = p.content, p.bullet, p.terminal, p.label
    return (
        text[base:end],
        p.kind,
        p.depth,
        p.heads_group,
        len(p.children),
        content.start - base,
        content.end - base,
        None if bullet is None else (bullet.start - base, bullet.end - base),
        None if terminal is None else terminal.start - base,
        None if terminal is None else terminal.end - base,
        None if label is None else _label_key(label, base),
        _ancestors(p),
    )


def _ancestors(p: Paragraph) -> tuple:
    """What a local rule may read of the paragraphs ``p`` hangs under (most have none)."""
    q = p.parent
    out: tuple = ()
    while q is not None:
        out += ((q.kind, q.depth, q.heads_group, _label_key(q.label, q.span.start)),)
        q = q.parent
    return out


def placed_keys(text_ids: list[int], paragraphs: list[Paragraph]) -> list[tuple]:
    """What :func:`paragraph_key` says of each paragraph, for paragraphs whose texts (and
    so their bullets, labels as written, contents and final marks: the parser reads them
    from the text alone) have the numbers ``text_ids`` in the parse memo: hashing a few
    small values instead of the paragraph's text is most of what keying every paragraph
    after an edit saves. Written out in one loop (the server keys every paragraph after
    every edit); the label's number may be the rendered one (resolint.parser.numbering),
    and most paragraphs hang under none: their ancestors are read only when they do."""
    out: list[tuple] = []
    add = out.append
    for text_id, p in zip(text_ids, paragraphs, strict=True):
        label = p.label
        ref = p._parent
        add((
            text_id, p.kind, p.depth, p.heads_group, len(p.children),
            None if label is None else (label.value, label.typed),
            () if ref is None or ref() is None else _ancestors(p),
        ))
    return out


def _freeze(options: dict) -> str:
    return repr(sorted(options.items()))


class LintCache:
    """Per-paragraph results of one document's last lints (see the module docstring)."""

    def __init__(self) -> None:
        self._openers = Generations()
        #: (rule code, options, style) -> that rule's violations by paragraph key, as the
        #: last lints left them (a table that holds more than the last two lints asked
        #: about is rebuilt with only what the lint used), and how many the last one asked.
        self._violations: dict[tuple, dict] = {}
        self._asked: dict[tuple, int] = {}
        #: A number per distinct :func:`paragraph_key` (so the per-rule lookups hash two
        #: small values, not the paragraph's text), and this lint's numbers by paragraph index.
        #: Both this and the next are asked about every paragraph every lint: one dict
        #: each, pruned only when it has grown (RoundTable), not entries moved every round.
        self._numbers = RoundTable()
        #: Facts about single paragraphs (what each cites), by paragraph number and more.
        self._facts = RoundTable()
        #: Violations of a stretch of the document, by what they depend on (kept_violations).
        self._kept = Generations()
        self._count = 0
        self._by_index: list[int] | None = None
        self._numbered: Resolution | None = None
        #: The paragraphs of the last lint parsed with the memo and their numbers: the
        #: paragraphs the next parse keeps have theirs (their keys are not built again).
        self._last_numbered: tuple[list[Paragraph], list[int], list[tuple]] | None = None
        #: Per local rule, its last run's keys (by position in its list of paragraphs)
        #: and its entries with something to report (position, entry).
        self._local: dict[tuple, tuple[list, list[tuple[int, Any]]]] = {}
        self._current: Resolution | None = None  # the resolution being linted
        self._ran: set[tuple] = set()  # the rule tables this lint used
        #: Where fixed strings start in the last texts: literal -> (text, offsets).
        self._literals = Generations()
        #: Where patterns match in the last texts: (pattern, width) -> (text, spans).
        self._patterns = Generations()
        #: Values a rule keeps by a key that names all they depend on (see :meth:`kept`).
        self._values = Generations()
        #: The last citation walk, for the next one to take up (resolint.citations.resume).
        self._walk: WalkRecord | None = None
        #: Findings about stretches of resolutions, by rule and first paragraph (kept_in_unedited_part).
        self._parts = Generations()
        #: The characters around every paragraph, by (before, after, continues): see paragraph_ends.
        self._ends = Generations()
        #: Stretches whose findings were taken from an earlier lint, before the edit and
        #: after it (for tests and benchmarks).
        self.earlier_parts_reused = 0
        self.later_parts_reused = 0
        #: Paragraphs whose numbers the last lint took from the one before, after the edit.
        self.numbers_moved = 0
        #: This lint's answer of _unedited_later_part, by part.
        self._later_parts: dict[int, tuple[Joined, int] | None] = {}
        #: (old text, text, how many characters they share at the end): see _shared_suffix.
        self._suffix: tuple[str, str, int] | None = None
        #: This lint's local-rule keys and their comparisons with the last lint's, shared
        #: by the rules that read the same paragraphs (see :meth:`_rule_keys`).
        self._shared_keys: dict[tuple, tuple] = {}
        self._shared_ends: dict[tuple[int, int], tuple] = {}
        self._shared_numbers: dict[int, tuple] = {}  # by paragraph list (see _numbers_of)
        #: What parsing the last versions kept (see resolint.parser.memo).
        self.parse = ParseMemo(self.literal_starts)

    def next_round(self) -> None:
        """A lint is over: drop what neither it nor the one before it used."""
        self._openers.next_round()
        self._facts.next_round()
        self._kept.next_round()
        self._literals.next_round()
        self._patterns.next_round()
        self._values.next_round()
        self._parts.next_round()
        self._ends.next_round()
        self._later_parts, self._suffix = {}, None
        self._shared_keys, self._shared_ends, self._shared_numbers = {}, {}, {}
        # A rule (or style, or options) the lint just over did not run keeps nothing.
        self._violations = {k: v for k, v in self._violations.items() if k in self._ran}
        self._asked = {k: v for k, v in self._asked.items() if k in self._ran}
        self._local = {k: v for k, v in self._local.items() if k in self._ran}
        self._ran = set()
        self._numbers.next_round()
        self._by_index = self._numbered = self._current = None

    def __len__(self) -> int:
        return (len(self._openers) + len(self._facts) + len(self._kept) + len(self._parts)
                + sum(len(memo) for memo in self._violations.values()))

    # -- facts ---------------------------------------------------------------------
    def opener(self, facts: Analysis, p: Paragraph, find: Callable[[Analysis, Paragraph], Opener | None]) -> Opener | None:
        """The opener of ``p``: it depends on the content's text, the paragraph's kind and the style."""
        base = p.content.start
        text_id = self._text_id(p)
        # The paragraph's text decides its content (see placed_keys): its number will do.
        content = facts.text[base : p.content.end] if text_id is None else text_id
        key = (facts.style.name, p.kind, content)
        hit = self._openers.get(key)
        if hit is MISSING:
            found = find(facts, p)
            self._openers.put(key, (base, found))
            return found
        was, found = hit
        if was != base:
            # One store of a new pair: a lint stopped half-way leaves no half-moved entry.
            found = shift_opener(found, base - was)
            self._openers.put(key, (base, found))
        return found

    def paragraph_facts(self, keys: list[tuple[int, Any]]) -> list[Any]:
        """Facts about paragraphs kept by earlier lints (MISSING where none), each read
        from its paragraph's number (:meth:`paragraph_text_numbers`, or
        :meth:`paragraph_numbers` where the parse kept none; the keys tell them apart)
        and more (``key``: the number and anything else hashable it depends on) alone:
        offsets relative to the paragraph, no link to the paragraph object. (The citations a paragraph holds,
        :mod:`resolint.citations.local`; their reader checks that a kept one still holds.)"""
        return self._facts.get_all(keys)

    def keep_paragraph_fact(self, key: tuple[int, Any], fact: Any) -> None:
        """Keep ``fact`` for :meth:`paragraph_facts` under ``key``."""
        self._facts.put(key, fact)

    def paragraph_ends(self, res: Resolution, before: int, after: int, continues: Callable[[str], bool]) -> Ends:
        """See :meth:`resolint.facts.Analysis.paragraph_ends`: the last lint's answer for
        the paragraphs the parse kept before the edit (the same objects) and moved after
        it (:attr:`~resolint.parser.memo.ParseMemo.moved`, from that lint's list), where
        the edit did not reach their characters (:func:`~resolint.facts.ends.paragraph_ends_again`)."""
        key = (before, after, continues)
        last: Ends | Any = self._ends.get(key)
        paras, source = res.paragraphs, res.source
        kept = moved = 0
        if last is not MISSING and self._text_ids(res) is not None:
            kept = self.parse.placement.kept
            if not 0 < kept <= min(len(paras), len(last.paragraphs)) or paras[kept - 1] is not last.paragraphs[kept - 1]:
                kept = 0
            tail = self.parse.moved
            moved = tail[0] if tail is not None and tail[2] is last.paragraphs else 0
        if kept or moved:
            shared = changed_ends(last.text, source.text, source.shared_ends(last.text))
            found = paragraph_ends_again(last, source.text, paras, kept, moved, shared, before, after, continues)
        else:
            found = paragraph_ends(source.text, paras, before, after, continues)
        self._ends.put(key, found)
        return found

    def kept_violations(self, key: Callable[[], Hashable], base: int, compute: Callable[[], Iterable[Violation]]) -> list[Violation]:
        """See :meth:`resolint.facts.Analysis.kept_violations`: kept with their ``base``,
        moved when the stretch moved."""
        k = key()
        hit = self._kept.get(k)
        if hit is MISSING:
            found = tuple(compute())
            self._kept.put(k, (base, found))
            return list(found)
        moved = _at(hit, base)
        if moved is not hit:
            self._kept.put(k, moved)
        return list(moved[1])

    def kept_in_unedited_part(self, key: Hashable, first: Paragraph, last: Paragraph,
                              compute: Callable[[], Iterable[Violation]]) -> list[Violation]:
        """See :meth:`resolint.facts.Analysis.kept_in_unedited_part`. A stretch is kept by
        its first paragraph. Before the edit, an earlier lint's findings hold when its first
        and last paragraphs are the objects that lint had (the parse keeps a leading run of
        the last parse's paragraphs, never writing them: the same objects, the same stretch)
        and it ends before the last kept opening (so its resolution is whole and kept).
        After the edit, the last lint's findings for the same stretch hold, moved, when its
        resolution is in the end placement copied from the last walk and its text is the
        same (:meth:`_unedited_later_part`)."""
        k = (key, id(first))
        hit = self._parts.get(k)
        if hit is not MISSING and hit[0] is first and hit[1] is last and last.index < self._kept_opening():
            self.earlier_parts_reused += 1
            return list(hit[2])
        found = self._moved_from_later_part(key, first, last)
        if found is None:
            found = tuple(compute())
        else:
            self.later_parts_reused += 1
        self._parts.put(k, (first, last, found))
        return list(found)

    def _moved_from_later_part(self, key: Hashable, first: Paragraph, last: Paragraph) -> tuple[Violation, ...] | None:
        """The last lint's findings for the stretch ``first``-``last`` of a resolution after
        the edit, moved to where it stands now; None when they may not hold."""
        later = self._later_part(first.part) if first.part == last.part else None
        if later is None:
            return None
        joined, moved = later
        old_first, old_last = joined.paragraphs[first.index - joined.shift], joined.paragraphs[last.index - joined.shift]
        hit = self._parts.get((key, id(old_first)))
        if hit is MISSING or hit[0] is not old_first or hit[1] is not old_last:
            return None
        return tuple(shift_violation(v, moved) for v in hit[2]) if moved else hit[2]

    def _later_part(self, part: int) -> tuple[Joined, int] | None:
        found = self._later_parts.get(part, MISSING)
        if found is MISSING:
            found = self._later_parts[part] = self._unedited_later_part(part)
        return found  # type: ignore[return-value]

    def _unedited_later_part(self, part: int) -> tuple[Joined, int] | None:
        """Where the last parse had resolution ``part`` of the one being linted, and how far
        it moved, when the edit was before it: the placement walk copied the last one from
        before its opening on (the same texts and placements, indices shifted) and its text,
        from its opening to the next, is the same. The first resolution starts the
        document: never after an edit."""
        res, joined = self._current, self.parse.placement.joined
        if res is None or joined is None or self._text_ids(res) is None:
            return None
        span = res.part_range(part)
        if not 0 < part < len(res.openings) or span.start < joined.at:
            return None
        opening = res.paragraphs[span.start]
        old_opening = joined.paragraphs[span.start - joined.shift]
        text = res.source.text
        if span.stop < len(res.paragraphs):  # the next opening
            end, old_end = res.paragraphs[span.stop].span.start, joined.paragraphs[span.stop - joined.shift].span.start
        else:
            end, old_end = len(text), len(joined.text)
        if not _same_stretch(text, joined.text, self._shared_suffix(res.source, joined.text), opening.span.start, end,
                             old_opening.span.start, old_end):
            return None
        return joined, opening.span.start - old_opening.span.start

    def _shared_suffix(self, source: SourceText, old: str) -> int:
        """How many trailing characters ``source.text`` shares with ``old`` (counted after
        the leading ones: :func:`~resolint.textdiff.changed_ends`, from where the edits
        were), once per lint."""
        hit = self._suffix
        if hit is None or hit[0] is not old or hit[1] is not source.text:
            hit = self._suffix = (old, source.text, changed_ends(old, source.text, source.shared_ends(old))[1])
        return hit[2]

    def _kept_opening(self) -> int:
        """Where the last opening the parse kept stands: every paragraph before it is the
        last parse's, in a resolution the edit did not reach (-1: none kept)."""
        res = self._current
        return (0 if res is None else self.kept_paragraphs(res)) - 1

    def kept_paragraphs(self, res: Resolution) -> int:
        """How many leading paragraphs of ``res`` the parse kept from the last parse (the
        same objects: :mod:`resolint.parser.memo`); 0 when the memo did not parse ``res``."""
        return self.parse.placement.kept if self._text_ids(res) is not None else 0

    def last_walk(self) -> WalkRecord | None:
        """The last citation walk's record (see :mod:`resolint.citations.resume`)."""
        return self._walk

    def keep_walk(self, record: WalkRecord) -> None:
        self._walk = record

    def literal_starts(self, text: str, literal: str) -> list[int]:
        """:func:`resolint.literals.find_all` of ``text``, searched only between the
        stretches it shares with the text it was last asked of (an edit's surroundings)."""
        hit = self._literals.get(literal)
        if hit is MISSING or not literal:
            found = find_all(text, literal)
        else:
            old, was = hit
            if old is text:
                return was
            found = find_all_again(was, old, text, literal, *changed_ends(old, text))
        self._literals.put(literal, (text, found))
        return found

    def kept(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or what it gave an earlier lint asked with an equal ``key`` (see
        :meth:`resolint.facts.Analysis.kept`)."""
        hit = self._values.get(key)
        if hit is MISSING:
            hit = compute()
            self._values.put(key, hit)
        return hit

    def pattern_spans(self, text: str, pattern: re.Pattern[str], width: int) -> list[tuple[int, int]]:
        """The spans of ``pattern.finditer(text)``, searched only around the stretch that
        changed since the text it was last asked of (see
        :func:`resolint.literals.find_matches_again` for the patterns this suits)."""
        key = (pattern, width)
        hit = self._patterns.get(key)
        if hit is MISSING:
            found = [m.span() for m in pattern.finditer(text)]
        else:
            old, was = hit
            if old is text:
                return was
            found = find_matches_again(pattern, width, was, old, text, *changed_ends(old, text))
        self._patterns.put(key, (text, found))
        return found

    # -- rules ---------------------------------------------------------------------
    def start(self, res: Resolution) -> None:
        """A lint of ``res`` begins (the engine says so once it is parsed)."""
        self._current = res
        self._later_parts = {}  # (also at next_round: a lint stopped inside it leaves none)
        self._shared_keys, self._shared_ends, self._shared_numbers = {}, {}, {}

    def _text_id(self, p: Paragraph) -> int | None:
        """The parse memo's number for the text of ``p``, a paragraph of the resolution
        being linted (None for another)."""
        res = self._current
        ids = None if res is None else self._text_ids(res)
        if ids is None or p.index >= len(ids) or res.paragraphs[p.index] is not p:  # type: ignore[union-attr]
            return None
        return ids[p.index]

    def _text_ids(self, res: Resolution) -> list[int] | None:
        """The parse memo's text numbers of the paragraphs of ``res``, when it parsed them."""
        return self.parse.text_ids if self.parse.made is res.paragraphs else None

    def paragraph_text_numbers(self, res: Resolution) -> list[int] | None:
        """The parse memo's number for the text of each paragraph of ``res`` (by index:
        equal numbers, equal texts), when the memo parsed it; None otherwise. A key for
        facts that depend on a paragraph's text alone, which an edit that only regroups
        paragraphs keeps (:meth:`paragraph_numbers` also stand for their place)."""
        return self._text_ids(res)

    def _number_of_key(self, key: tuple) -> int:
        n = self._numbers.get(key)
        if n is MISSING:
            self._count += 1
            n = self._count
            self._numbers.put(key, n)
        return n

    def paragraph_numbers(self, text: str, res: Resolution) -> list[int]:
        """A number for each paragraph of ``res`` (by index) standing for its
        :func:`paragraph_key` (equal numbers, equal keys): what the local rules' tables
        and the facts about single paragraphs (:meth:`paragraph_facts`) are keyed by,
        worked out once per lint."""
        if self._numbered is res and self._by_index is not None:
            return self._by_index
        ids = self._text_ids(res)
        kept: list[int] = []
        kept_keys: list[tuple] = []
        end: tuple[int, list[int], list[tuple]] = (len(res.paragraphs), [], [])
        if ids is not None:  # parsed with the memo: its texts are numbered
            kept, kept_keys = self._kept_numbers(res)
            end = self._unedited_end(res, len(kept)) or end
            keys = placed_keys(ids[len(kept) : end[0]], res.paragraphs[len(kept) : end[0]])
        else:
            keys = [paragraph_key(text, p) for p in res.paragraphs]
        found = self._numbers.get_all(keys)
        for i in [i for i, n in enumerate(found) if n is MISSING]:
            found[i] = self._number_of_key(keys[i])  # (a key repeated after it has its number)
        # The kept ones' numbers (before the edit and after it) stay in the table as if
        # asked for (after get_all, whose bulk path wants this round's table empty):
        # dropped, a later edit near them would give every paragraph after it a new
        # number, and the caches keyed by the numbers would all miss at once.
        self._numbers.put_all(kept_keys, kept)
        self._numbers.put_all(end[2], end[1])
        self.numbers_moved = len(end[1])
        out = kept + found + end[1]
        self._by_index, self._numbered = out, res
        self._last_numbered = (res.paragraphs, out, kept_keys + keys + end[2]) if ids is not None else None
        return out

    def _unedited_end(self, res: Resolution, kept: int) -> tuple[int, list[int], list[tuple]] | None:
        """Where the resolutions after the edit that placement copied from the last walk
        start in ``res``, with the last lint's numbers and keys for their paragraphs; None
        when there are none. A key says what the text (by its number) and the placement of
        a paragraph and of those it hangs under are, nothing of where it stands: all of it
        is the last walk's there. (From an opening on: the rendered numbers of a list
        numbered automatically are read from the whole list, which a part holds.)"""
        last, joined = self._last_numbered, self.parse.placement.joined
        if last is None or joined is None or last[0] is not joined.paragraphs:
            return None
        opening = next((o for o in res.openings[1:] if o.index >= max(joined.at, kept)), None)
        if opening is None:
            return None
        old_at = opening.index - joined.shift
        return opening.index, last[1][old_at:], last[2][old_at:]

    def _kept_numbers(self, res: Resolution) -> tuple[list[int], list[tuple]]:
        """The numbers and keys of the paragraphs the parse kept from the last lint (the
        same objects, placed as they were: :mod:`resolint.parser.memo`), as that lint had them."""
        kept, last = self.parse.placement.kept, self._last_numbered
        if not kept or last is None:
            return [], []
        paragraphs, numbers, keys = last
        if len(numbers) < kept or paragraphs[kept - 1] is not res.paragraphs[kept - 1]:
            return [], []
        return numbers[:kept], keys[:kept]

    def local_violations(self, rule: Rule, ctx: RuleContext) -> list[Violation]:
        """What ``rule.check(ctx)`` yields, from the cache for paragraphs seen before.

        One table lookup per paragraph the edit may have changed, in bulk (the server runs
        this for every local rule after every edit: the loops over all paragraphs are C's
        ``map`` and list comparisons); only the paragraphs with something to report, or
        not seen before, are visited one by one."""
        prefix = (rule.code, _freeze(ctx.options), ctx.style.name, rule.document_key(ctx))
        paragraphs = rule.paragraphs(ctx)
        if not isinstance(paragraphs, list):
            paragraphs = list(paragraphs)
        keys = self._rule_keys(rule, ctx, paragraphs)
        table = self._violations.get(prefix)
        if table is None:
            table = self._violations[prefix] = {}
        out: list[Violation] = []
        # The paragraphs before and after the edit are keyed as in the rule's last run:
        # what that run found there holds (content-addressed: the same key, the same
        # entry), without a lookup per paragraph; only those between are looked up.
        j, k, before, after = self._same_ends(prefix, keys)
        found: list[tuple[int, Any]] = []  # (position, entry) of the paragraphs with something to report
        self._visit_all(rule, ctx, paragraphs, keys, table, before, out, found)
        hits: list[Any] = list(map(table.get, keys[j : len(keys) - k]))  # None: not kept
        if hits.count(_NOTHING) != len(hits):
            self._visit_all(rule, ctx, paragraphs, keys, table, [(i, hit) for i, hit in enumerate(hits, start=j) if hit is not _NOTHING], out, found)
        self._visit_all(rule, ctx, paragraphs, keys, table, after, out, found)
        self._local[prefix] = (keys, found)
        if len(table) > len(keys) + self._asked.get(prefix, 0):
            # What earlier versions left (edited paragraphs' old texts) goes once the table
            # holds more than the last two lints asked about, not after every lint:
            # rebuilding it was a dict per rule per keystroke.
            self._violations[prefix] = dict(zip(keys, map(table.get, keys), strict=True))
        self._asked[prefix] = len(keys)
        self._ran.add(prefix)
        return out

    def _rule_keys(self, rule: Rule, ctx: RuleContext, paragraphs: list[Paragraph]) -> list:
        """A local rule's cache key for each of ``paragraphs``: the paragraph's number
        (:meth:`paragraph_numbers`), with what else the rule reads of it.

        Rules that read the same paragraphs (the lint's shared lists: the preamble, the
        drafter's own paragraphs) with the same keys get the same list object: it is
        built once per lint, not once per rule, and so is its comparison with the last
        lint's list (:meth:`_same_ends`), which the rules also shared. Each is a pass over
        every paragraph after every keystroke. A rule whose extra part is a plain ``dict``
        holding few paragraphs (most read nothing more of most paragraphs) is keyed by the
        bare number where it holds nothing, so that its keys are mostly those the plain
        rules share (see :func:`_sparse_keys`)."""
        bulk = rule.paragraph_keys(ctx)
        plain = type(rule).paragraph_key is Rule.paragraph_key  # most rules: the paragraph alone
        if bulk is None and not plain:
            numbers = self.paragraph_numbers(ctx.text, ctx.resolution)
            return [(numbers[p.index], rule.paragraph_key(ctx, p)) for p in paragraphs]
        shared = (id(paragraphs), id(bulk))
        hit = self._shared_keys.get(shared)
        if hit is not None and hit[0] is paragraphs and hit[1] is bulk:
            return hit[2]
        indexes, numbers = self._numbers_of(ctx, paragraphs)
        keys: list
        if bulk is None:
            keys = numbers  # (the list the rules on these paragraphs share: never written)
        elif type(bulk) is dict and len(bulk) * _SPARSE <= len(paragraphs):
            keys = _sparse_keys(numbers, indexes, bulk)
        elif type(bulk) is list and type(indexes) is range:
            keys = list(zip(numbers, bulk, strict=True))  # (a list by index, over every paragraph)
        else:
            part = bulk.get if type(bulk) is dict else bulk.__getitem__  # (see Rule.paragraph_keys)
            keys = list(zip(numbers, map(part, indexes), strict=True))
        self._shared_keys[shared] = (paragraphs, bulk, keys)  # (the objects held: their ids stay theirs)
        return keys

    def _numbers_of(self, ctx: RuleContext, paragraphs: list[Paragraph]) -> tuple[range | list[int], list[int]]:
        """The indexes of ``paragraphs`` and their :meth:`paragraph_numbers`, once per lint
        per list (the rules with keys of their own over the same list share them): for the
        resolution's own list, ``range`` and the numbers themselves, no pass at all."""
        numbers = self.paragraph_numbers(ctx.text, ctx.resolution)
        if paragraphs is ctx.resolution.paragraphs and len(numbers) == len(paragraphs):
            return range(len(paragraphs)), numbers  # (a paragraph's index is its place in that list)
        hit = self._shared_numbers.get(id(paragraphs))
        if hit is not None and hit[0] is paragraphs:
            return hit[1], hit[2]
        indexes = [p.index for p in paragraphs]  # (faster than map(attrgetter) on 3.11's slots)
        mine = list(map(numbers.__getitem__, indexes))
        self._shared_numbers[id(paragraphs)] = (paragraphs, indexes, mine)
        return indexes, mine

    def _same_ends(self, prefix: tuple, keys: list) -> tuple[int, int, list[tuple[int, Any]], list[tuple[int, Any]]]:
        """How many of a local rule's keys start and end the list as in its last run
        (``j`` and ``k``, at most all of either list between them), and what that run
        kept for those with something to report: (position in ``keys``, entry) before
        and after."""
        last = self._local.get(prefix)
        if last is None:
            return 0, 0, [], []
        last_keys, last_found = last
        pair = (id(last_keys), id(keys))
        hit = self._shared_ends.get(pair)
        if hit is not None and hit[0] is last_keys and hit[1] is keys:
            j, k = hit[2], hit[3]
        else:
            j = common_prefix(last_keys, keys)
            k = common_suffix(last_keys, keys, min(len(last_keys), len(keys)) - j)
            self._shared_ends[pair] = (last_keys, keys, j, k)
        tail, moved = len(last_keys) - k, len(keys) - len(last_keys)
        return j, k, [(at, hit) for at, hit in last_found if at < j], [(at + moved, hit) for at, hit in last_found if at >= tail]

    def _visit_all(self, rule: Rule, ctx: RuleContext, paragraphs: list[Paragraph], keys: list, table: dict,
                   entries: list[tuple[int, Any]], out: list[Violation], found: list[tuple[int, Any]]) -> None:
        """:meth:`_visit` each (position, entry), keeping the results in ``table`` and
        those with something to report in ``found``."""
        for at, hit in entries:
            table[keys[at]] = hit = self._visit(rule, ctx, paragraphs[at], hit, out)
            if hit is not _NOTHING:
                found.append((at, hit))

    def _visit(self, rule: Rule, ctx: RuleContext, p: Paragraph, hit: Any, out: list[Violation]) -> Any:
        """Add ``p``'s violations to ``out``, checking it unless ``hit`` has them; return
        what to keep for it."""
        start = p.span.start
        if hit is None or hit is _UNCACHEABLE:
            found = list(rule.check_paragraph(ctx, p))
            out.extend(found)
            if hit is _UNCACHEABLE or not all(_inside(v, start, p.span.end) for v in found):
                return _UNCACHEABLE
            return (start, tuple(found)) if found else _NOTHING
        hit = _at(hit, start)
        out.extend(hit[1])
        return hit


class IncrementalLinter:
    """Lints successive versions of one document with a :class:`LintCache`.

    Its results are those of :func:`resolint.engine.lint` with the same arguments. The
    cache is emptied when the settings object changes (new configuration), and dropped
    by :meth:`forget` (the language server keeps caches for the documents linted last
    only: :mod:`resolint.lsp.state`); the next lint is then a full one, and caches again.
    """

    def __init__(self) -> None:
        self.cache: LintCache | None = None  # (made by the first lint)
        self._settings: Settings | None = None
        #: The facts of the last lint, which read from the cache too (see :meth:`forget`).
        self._facts: weakref.ref[Analysis] | None = None

    def lint(
        self,
        text: str | SourceText,
        settings: Settings,
        *,
        path: str | None = None,
        style: str | None = None,
        rules: Iterable[Rule] | None = None,
    ) -> LintResult:
        """What :func:`resolint.engine.lint` returns for these arguments."""
        cache = self.cache
        if cache is None or settings is not self._settings:
            cache = self.cache = LintCache()
            self._settings = settings
        try:
            result = lint(text, settings, path=path, style=style, rules=rules, cache=cache)
        finally:
            cache.next_round()
        self._facts = weakref.ref(result.facts)
        return result

    def forget(self) -> None:
        """Drop the cache: the last lint's facts stop reading from it too (the server
        keeps that lint for hover and code actions, and its facts held the whole cache:
        dropped by the linter alone, it was all still there)."""
        self.cache = None
        facts = None if self._facts is None else self._facts()
        self._facts = None
        if facts is not None:
            facts.forget_memo()
