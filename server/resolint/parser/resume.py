"""Placement again after an edit, redoing only the paragraphs whose placement may change.

Placement (:mod:`resolint.parser.placement`) walks every paragraph in order with a
small state. In the language server the document is parsed again after every keystroke,
and at 1 MB that walk is a fifth of the parse. Most of it gives the same answer as last
time: a paragraph's placement depends only on

- its *input* — its text and whether it stands before the opening line
  (:func:`input_key`),
- the state of the walk before it,
- the inputs of the paragraphs it looks ahead at: the next one, past comments and
  footnotes, and for some (a group opener looks for the next group opener up to the
  next resolution) any number of them. The walk records how far each paragraph's
  look-ahead read (:attr:`Placement.reach <resolint.parser.placement.Placement.reach>`);
  those that read past the next paragraph are kept (:attr:`_Walk.far`).

So a :class:`PlacementMemo` keeps, from the last walk, every paragraph's input, the state
before it (with paragraphs named by their index) and what was decided. The next walk

1. copies the decisions of the paragraphs before the first one whose look-ahead
   reaches the edit (:func:`_resume_point`), and restores the state after them — but
   keeps as they are the last parse's own paragraphs the parse memo reused, up to the
   last part that starts before them (:func:`_kept_until`: nothing after it hangs
   under, or is numbered with, a paragraph before it);
2. walks from there as usual;
3. stops walking once it is in the unchanged tail and its state (and the paragraphs the
   state refers to) is what it was at the same paragraph last time: from there on the
   walk would repeat itself, so the tail's decisions are copied, indices shifted.

The result is the full walk's by construction; ``tests/test_parse_resume.py`` checks it
paragraph by paragraph on random edits of generated and real drafts.
"""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Callable
from weakref import ref

from resolint.model import Kind, LabelScheme, Paragraph, Resolution
from resolint.parser import patterns as P
from resolint.parser.blocks import RawParagraph
from resolint.parser.groups import is_footnote
from resolint.parser.placement import Phase, Placement, may_head_a_text, starts_indented
from resolint.records import record
from resolint.source import SourceText, Span
from resolint.textdiff import common_prefix, common_suffix

#: (phase, part, in_annex, quoting, list_intro, sub_stack, last_clause, group, organ,
#: after_marker, after_clause, in_footnotes, note_numbers, quote_ends) with paragraphs as indices: the state of the
#: walk before a paragraph (indices into it are read below: a new field goes last).
State = tuple[Phase, int, bool, bool, int | None, tuple[int, ...], int | None, int | None, str, bool, bool, bool, frozenset[int], bool]
#: (kind, part, depth, heads_group, parent index, label scheme, label value): what the
#: walk decided for a paragraph (the label's scheme and value may be settled by it). The
#: part is None for a paragraph placed before parts count (a title line, a comment, an
#: annex): its part is 0 wherever it stands.
Decision = tuple[Kind, int | None, int, bool, int | None, LabelScheme | None, int | None]
PlaceOne = Callable[[Placement, Paragraph, RawParagraph], bool]


def _idx(p: Paragraph | None) -> int | None:
    return None if p is None else p.index


def snapshot(st: Placement) -> State:
    """The walk's state, with paragraphs by index."""
    return (
        st.phase, st.part, st.in_annex, st.quoting, _idx(st.list_intro),
        tuple(p.index for p in st.sub_stack), _idx(st.last_clause), _idx(st.group), st.organ, st.after_marker, st.after_clause,
        st.in_footnotes, st.note_numbers, st.quote_ends,
    )


def restore(st: Placement, state: State, paragraphs: list[Paragraph]) -> None:
    """Set ``st`` to ``state``, indices read as paragraphs of this walk."""
    phase, part, in_annex, quoting, intro, stack, last, group, st.organ, st.after_marker, st.after_clause, st.in_footnotes, st.note_numbers, st.quote_ends = state
    st.phase, st.part, st.in_annex, st.quoting = phase, part, in_annex, quoting
    st.list_intro = None if intro is None else paragraphs[intro]
    st.sub_stack = [paragraphs[i] for i in stack]
    st.last_clause = None if last is None else paragraphs[last]
    st.group = None if group is None else paragraphs[group]


def decision(p: Paragraph, lead: bool) -> Decision:
    """What the walk decided for ``p``, placed by a lead step or not."""
    label = p.label
    return (
        p.kind, None if lead else p.part, p.depth, p.heads_group, _idx(p.parent),
        None if label is None else label.scheme, None if label is None else label.value,
    )


_INDEX = operator.attrgetter("index")


def input_key(text_id: int, raw: RawParagraph, opening_line: int | None, text: str) -> tuple:
    """Everything of a paragraph itself that placement reads (label, bullet, final mark
    and content all follow from its text, numbered ``text_id`` by the parse memo: equal
    numbers, equal texts; whether it is indented does not: ``placement.starts_indented``)."""
    before_opening = opening_line is not None and raw.first_line < opening_line
    return (text_id, before_opening, opening_line is None, starts_indented(text, raw.span.start))


def input_keys(text_ids: list[int], raws: list[RawParagraph], opening_line: int | None, text: str) -> list[tuple]:
    """:func:`input_key` of every paragraph, in one comprehension with no call per
    paragraph (the server keys every paragraph after every keystroke: the calls were a
    tenth of the resumed walk of a 1 MB draft). ``tests/test_parse_resume.py`` checks it
    against :func:`input_key`."""
    none = opening_line is None
    line: int = -1 if opening_line is None else opening_line  # (no first line is before -1: never before the opening)
    return [
        (t, raw.first_line < line, none,
         start > 0 and (c := text[start - 1]) != "\n" and c != "\r" and c.isspace())  # starts_indented, written out
        for t, raw in zip(text_ids, raws, strict=True)
        for start in (raw.span.start,)
    ]


def skipped_by_lookahead(body: str) -> bool:
    """Whether looking ahead passes over this paragraph (a comment, a footnote, a short
    line with no final mark: see :func:`resolint.parser.placement.may_head_a_text`)."""
    return bool(P.HTML_COMMENT.match(body)) or is_footnote(body) or may_head_a_text(body)


@record(slots=True)
class _Walk:
    """One walk's record, for the next one."""

    keys: list[tuple]
    states: list[State]  # before each paragraph
    decisions: list[Decision]
    children: list[tuple[int, ...]]
    openings: list[int]
    paragraphs: list[Paragraph]  # the parse's list, never written after it
    text: str
    opening_line: int | None
    #: (index, reach) of each paragraph whose look-ahead read past the next paragraph
    #: (:attr:`Placement.reach`), by index: an edit at or before ``reach`` may change its
    #: placement. (Only these: the paragraph just before an edit is walked again anyway.)
    far: list[tuple[int, int]]


@record(frozen=True, slots=True)
class Joined:
    """The last walk copied the one before it from paragraph ``at`` on: its paragraph
    ``i`` (``i >= at``) has the text and placement of the earlier walk's paragraph
    ``i - shift`` (of ``paragraphs``, in ``text``); the text between paragraphs may differ."""

    at: int
    shift: int
    paragraphs: list[Paragraph]
    text: str


def _apply_all(paragraphs: list[Paragraph], start: int, decisions: list[Decision]) -> None:
    """Give ``paragraphs[start + j]`` the decision ``decisions[j]``, with its parent (an
    index into ``paragraphs``). One loop, each write spelled out (the parent's weak
    reference too, not through the property): it runs for every paragraph after the edit
    that the walk copies, after every keystroke, where a helper call and the property's
    setter per paragraph cost more than the writes."""
    for k, d in enumerate(decisions, start=start):
        p = paragraphs[k]
        p.kind, p.depth, p.heads_group = d[0], d[2], d[3]
        p.part = 0 if d[1] is None else d[1]
        p._parent = None if d[4] is None else ref(paragraphs[d[4]])  # (what Paragraph.parent's setter keeps)
        label = p.label
        if label is not None:
            if d[5] is not None and d[6] is not None:
                label.scheme, label.value = d[5], d[6]
            elif d[5] is None:
                # A decimal number the walk read as text (placement.drop_decimal_label).
                p.content = Span(label.span.start, p.content.end)
                p.label = None


def _moved_part(d: Decision, shift: int) -> Decision:
    return d if shift == 0 or d[1] is None else (d[0], d[1] + shift, *d[2:])


class PlacementMemo:
    """The last placement walk of one document, to resume the next one from.

    Kept per open document by the language server (inside its
    :class:`resolint.incremental.LintCache`); never shared between documents.
    """

    def __init__(self) -> None:
        self._last: _Walk | None = None
        #: Paragraphs placed by the last walk (the rest were copied): for tests and benchmarks.
        self.walked = 0
        #: How many leading paragraphs the last walk kept as the parse before left them
        #: (placed, with their sub-paragraphs and numbers): automatic numbering skips them.
        self.kept = 0
        #: Where the last walk took up the one before it, in the unchanged end (None: nowhere).
        self.joined: Joined | None = None

    def place(self, source: SourceText, res: Resolution, raws: list[RawParagraph], opening_line: int | None,
              place_one: PlaceOne, text_ids: list[int], reused: int = 0, unshare: Callable[[int], None] | None = None,
              moved: tuple[int, int, list[Paragraph]] | None = None) -> None:
        """What ``placement.place`` does, resuming from the last walk where it can;
        ``text_ids`` numbers the paragraphs' texts (:attr:`ParseMemo.text_ids`). The first
        ``reused`` paragraphs are the last parse's objects: those it keeps (:attr:`kept`)
        are not written; ``unshare(k)`` has the ones from ``k`` on made anew; ``moved``
        (:attr:`ParseMemo.moved`) names those at the end moved from the last parse."""
        paragraphs, text = res.paragraphs, source.text
        last, self._last = self._last, None  # a walk stopped half-way leaves no record
        keys = _walk_keys(last, reused, paragraphs, text_ids, raws, opening_line, text, moved)
        self.joined = None
        resume = 0 if last is None else _resume_point(last, keys, text, paragraphs)
        kept = 0 if last is None else _kept_until(last, min(reused, resume))
        if kept < reused:
            assert unshare is not None, "reused paragraphs and no way to make them anew"
            unshare(kept)
        self.kept = kept
        st = Placement(source, res, paragraphs, opening_line)
        states: list[State] = []
        decisions: list[Decision] = []
        start = 0 if last is None else _copy_head(last, resume, kept, paragraphs, res, st, states, decisions)
        tail = None if last is None else _Tail(last, keys)
        far = [] if last is None else last.far[: bisect_left(last.far, (start, -1))]
        for i in range(start, len(paragraphs)):
            state = snapshot(st)
            if tail is not None and tail.covers(i) and tail.copy_from(i, state, paragraphs, res, states, decisions):
                break
            states.append(state)
            st.reach = i
            lead = place_one(st, paragraphs[i], raws[i])
            decisions.append(decision(paragraphs[i], lead))
            if st.reach > i + 1:
                far.append((i, st.reach))
        self.walked = len(paragraphs) - start - (0 if tail is None else tail.copied)
        if last is not None and tail is not None and tail.copied:
            self.joined = Joined(len(paragraphs) - tail.copied, tail.shift, last.paragraphs, last.text)
            far += _far_tail(last.far, len(paragraphs) - tail.copied - tail.shift, tail.shift)
        children = _children(last, kept, paragraphs, tail)
        self._last = _Walk(keys, states, decisions, children, [p.index for p in res.openings], paragraphs, text, opening_line, far)


def _far_tail(far: list[tuple[int, int]], old_i: int, shift: int) -> list[tuple[int, int]]:
    """The last walk's far look-aheads from its paragraph ``old_i`` on (a tail this walk
    copied), indices shifted: what they read is in the tail too, moved alike (one that
    read past the last paragraph reads past it still)."""
    tail = far[bisect_left(far, (old_i, -1)) :]
    return tail if shift == 0 else [(i + shift, r + shift) for i, r in tail]


def _children(last: _Walk | None, kept: int, paragraphs: list[Paragraph], tail: _Tail | None) -> list[tuple[int, ...]]:
    """The walk's record of each paragraph's children, by index. The ``kept`` ones' are
    the last walk's; so are those of a tail copied where no paragraph was added or removed
    (the walk gave them the last one's, indices unmoved): not read again from every
    paragraph after the edit."""
    if last is None:
        return [tuple(map(_INDEX, p.children)) if p.children else () for p in paragraphs]
    end = len(paragraphs) - (tail.copied if tail is not None and tail.shift == 0 else 0)
    out = last.children[:kept]
    out += [tuple(map(_INDEX, p.children)) if p.children else () for p in paragraphs[kept:end]]
    if end < len(paragraphs):
        out += last.children[end:]
    return out


def _walk_keys(last: _Walk | None, reused: int, paragraphs: list[Paragraph], text_ids: list[int], raws: list[RawParagraph],
               opening_line: int | None, text: str, moved: tuple[int, int, list[Paragraph]] | None = None) -> list[tuple]:
    """:func:`input_keys` of every paragraph, the first ``reused`` taken from the last
    walk: they are the last parse's own paragraphs, from the split's unchanged head (the
    same texts, lines and starts, and the text before each unchanged), so their keys are
    the last walk's when the opening line is where it was (the rest of a key; the memo
    reads everything again when it moves, this is a guard). Those of the paragraphs
    ``moved`` at the end are taken too (:func:`_moved_keys`). Taken as they are, they
    are not built again, and comparing them with the last walk's (:func:`_resume_point`,
    :class:`_Tail`) is a comparison of the same objects. ``tests/test_parse_resume.py``
    checks every walk's keys against :func:`input_keys`."""
    n = len(raws)
    if last is None:
        return input_keys(text_ids, raws, opening_line, text)
    head = reused
    if (not reused or opening_line != last.opening_line or len(last.keys) < reused
            or last.paragraphs[reused - 1] is not paragraphs[reused - 1]):
        head = 0
    tail = 0 if moved is None else min(_moved_keys(last, n, moved, raws, opening_line), n - head)
    old_n = len(last.keys)
    return last.keys[:head] + input_keys(text_ids[head : n - tail], raws[head : n - tail], opening_line, text) + last.keys[old_n - tail :]


def _moved_keys(last: _Walk, n: int, moved: tuple[int, int, list[Paragraph]], raws: list[RawParagraph],
                opening_line: int | None) -> int:
    """How many of the last walk's keys hold for the last of the ``n`` paragraphs,
    moved from the last parse (``moved``: how many, how many lines, the last parse's
    list): all but the first of them. The same texts (numbered alike), and the text
    before each is the last version's, moved (the character before the first may be the
    edit's). Their place against the opening line must hold too: the opening moved with
    them, or it is before them in both versions (the memo keeps a tail only so: a guard)."""
    count, line_shift, earlier = moved
    old_n = len(last.keys)
    if count < 2 or earlier is not last.paragraphs or old_n != len(earlier) or count > min(n, old_n):
        return 0
    first_line = raws[n - count].first_line  # the first moved paragraph's, in this version
    was = last.opening_line
    if (opening_line is None) != (was is None):
        return 0
    if was is not None and opening_line is not None and opening_line != was + line_shift and not (
            opening_line <= first_line and was <= first_line - line_shift):
        return 0
    return count - 1


def _resume_point(last: _Walk, keys: list[tuple], text: str, paragraphs: list[Paragraph]) -> int:
    """Where the walk resumes: the first paragraph whose placement the edit may change.
    The paragraph before a changed one looks ahead at it, past comments and footnotes;
    one further up may have read as far (:attr:`_Walk.far`: a group opener reads up to
    the next group opener, which the edit may have made or unmade)."""
    changed = common_prefix(last.keys, keys)
    resume = max(0, changed - 1)
    while resume > 0 and skipped_by_lookahead(text[paragraphs[resume].span.start : paragraphs[resume].span.end]):
        resume -= 1
    for i, reach in last.far:
        if i >= resume:
            break
        if reach >= changed:
            return i
    return resume


def _refers_to_none(state: State) -> bool:
    """Whether the walk's state names no paragraph (no open list, group or clause)."""
    return state[4] is None and not state[5] and state[6] is None and state[7] is None


def _kept_until(last: _Walk, limit: int) -> int:
    """How many leading paragraphs (at most ``limit``) may stay as the last parse left
    them: up to and with the last opening of a part after which the walk's state names
    no paragraph. Nothing after that hangs under a paragraph before it (the walk attaches
    only to paragraphs its state names), and the operative paragraphs numbered together
    (:mod:`resolint.parser.numbering`: per part, or under one paragraph) are all on one
    side of it."""
    for o in reversed(last.openings):
        if o + 1 <= limit and o + 1 < len(last.states) and _refers_to_none(last.states[o + 1]):
            return o + 1
    return 0


def _copy_head(last: _Walk, resume: int, kept: int, paragraphs: list[Paragraph], res: Resolution,
               st: Placement, states: list[State], decisions: list[Decision]) -> int:
    """Copy the decisions for the paragraphs before ``resume``, past the ``kept`` ones
    (which hold them already); restore the state after them; return where the walk resumes."""
    _apply_all(paragraphs, kept, last.decisions[kept:resume])
    for i in range(kept, resume):
        paragraphs[i].children = [paragraphs[c] for c in last.children[i] if c < resume]
    res.openings = [paragraphs[i] for i in last.openings if i < resume]
    states.extend(last.states[:resume])
    decisions.extend(last.decisions[:resume])
    if resume:
        restore(st, last.states[resume], paragraphs)
    return resume


def _child_shape(p: Paragraph) -> tuple:
    label = p.label
    return (p.kind, None if label is None else label.scheme, None if label is None else label.value)


def _shape_of(d: Decision) -> tuple:
    return (d[0], d[5], d[6])


#: The walk tries to join the last one at each of the first paragraphs of the unchanged
#: tail (it usually joins at the first or second), then only at every TRY_EVERY-th: a try
#: compares the open group's items, and a group can hold hundreds.
EAGER_TRIES = 16
TRY_EVERY = 32


class _Tail:
    """The end of the document the edit left alone, and joining the last walk there.

    The walk may join with its part shifted (an opening added or removed above makes
    every later paragraph's part one more or one less): parts are only ever counted, so
    the rest of the walk is the last one's with that many more parts."""

    def __init__(self, last: _Walk, keys: list[tuple]) -> None:
        self.last, self.keys = last, keys
        self.shift = len(keys) - len(last.keys)
        # (list slices compared in C: a loop per paragraph here and in _resume_point was
        # a pass over the whole document in Python after every keystroke)
        same = common_suffix(keys, last.keys, min(len(keys), len(last.keys)))
        self.start = len(keys) - same
        self.copied = 0
        self._tries = 0

    def covers(self, i: int) -> bool:
        return i >= self.start

    def copy_from(self, i: int, state: State, paragraphs: list[Paragraph], res: Resolution, states: list[State],
                  decisions: list[Decision]) -> bool:
        """If the walk before paragraph ``i`` is where the last one was at the same
        paragraph, copy the last walk's decisions from there on and return True."""
        self._tries += 1
        if self._tries > EAGER_TRIES and self._tries % TRY_EVERY:
            return False  # not joining soon: a check compares lists as long as the document's
        old_i = i - self.shift
        old_state = self.last.states[old_i]
        parts = state[1] - old_state[1]
        refs = self._match(state, old_state, paragraphs, decisions, old_i, parts)
        if refs is None:
            return False
        mapped = self._mapped(old_i, refs, parts)
        if mapped is None:
            return False  # cannot happen if the walk only refers to what its state holds
        tail_decisions, tail_states = mapped
        last, shift = self.last, self.shift
        _apply_all(paragraphs, i, tail_decisions)
        for k, kids in enumerate(last.children[old_i:], start=i):
            if kids:  # (a paragraph not walked yet has none: the parse made it with an empty list)
                paragraphs[k].children = [paragraphs[c + shift] for c in kids]
        for old_r, r in refs.items():
            paragraphs[r].children += [paragraphs[c + shift] for c in last.children[old_r] if c >= old_i]
        res.openings += [paragraphs[o + shift] for o in last.openings if o >= old_i]
        states.extend(tail_states)
        decisions.extend(tail_decisions)
        self.copied = len(tail_decisions)
        return True

    def _match(self, state: State, old: State, paragraphs: list[Paragraph], decisions: list[Decision], old_i: int,
               parts: int) -> dict[int, int] | None:
        """The paragraphs of the last walk's state that stand for this walk's ones
        (old index -> index), or None when the states differ (but for the part)."""
        if state[0] != old[0] or state[2:4] != old[2:4] or state[8:] != old[8:] or len(state[5]) != len(old[5]):
            return None
        refs: dict[int, int] = {}
        pairs = [(state[4], old[4]), *zip(state[5], old[5], strict=True), (state[6], old[6]), (state[7], old[7])]
        for new, was in pairs:
            if new is None or was is None:
                if new is not was:
                    return None
                continue
            if refs.get(was, new) != new or not self._same(paragraphs[new], decisions[new], was, old_i, parts):
                return None
            refs[was] = new
        return refs

    def _same(self, p: Paragraph, mine: Decision, was: int, old_i: int, parts: int) -> bool:
        """Whether ``p`` decides the rest of the walk as the last walk's paragraph ``was`` did."""
        last = self.last
        d = _moved_part(last.decisions[was], parts)
        if self.keys[p.index] != last.keys[was] or mine[:4] != d[:4] or mine[5:] != d[5:]:
            return False
        old_children = [c for c in last.children[was] if c < old_i]
        if len(old_children) != len(p.children):
            return False
        return all(_child_shape(c) == _shape_of(last.decisions[o]) for c, o in zip(p.children, old_children, strict=True))

    def _mapped(self, old_i: int, refs: dict[int, int], parts: int) -> tuple[list[Decision], list[State]] | None:
        """The tail's decisions and states with old indices made new and parts moved, or
        None if an index is neither in the tail nor among ``refs``."""
        shift = self.shift
        last = self.last
        if shift == 0 and parts == 0 and all(k == v for k, v in refs.items()):
            # The usual keystroke: no paragraph added or removed, every index the same.
            # (Every index the tail refers to below old_i is in refs: the walk refers only
            # to what its state holds, and refs maps all of that state.)
            return last.decisions[old_i:], last.states[old_i:]

        def at(k: int | None) -> int | None:
            if k is None:
                return None
            if k >= old_i:
                return k + shift
            if k in refs:
                return refs[k]
            raise _Unmapped

        try:
            tail_decisions: list[Decision] = [
                (d[0], None if d[1] is None else d[1] + parts, d[2], d[3], at(d[4]), d[5], d[6]) for d in last.decisions[old_i:]
            ]
            tail_states: list[State] = [
                (s[0], s[1] + parts, s[2], s[3], at(s[4]), tuple(at(k) for k in s[5]), at(s[6]), at(s[7]), *s[8:])  # type: ignore[misc]
                # (the fields after the paragraphs' indices are taken as they are)
                for s in last.states[old_i:]
            ]
        except _Unmapped:
            return None
        return tail_decisions, tail_states


class _Unmapped(Exception):
    """An index of the last walk with no counterpart in this one."""
