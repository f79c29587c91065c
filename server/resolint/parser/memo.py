"""What parsing one document keeps for parsing its next version (the language server's).

The lines around an edit are grouped into paragraphs again and the rest is moved
(:mod:`resolint.parser.segments`).

After a keystroke the document is parsed again, and almost every paragraph is one the
last parse read: the same text, perhaps somewhere else. Reading a paragraph's parts
(bullet, label, content, final mark) and looking for paragraphs run together in it
depend on its text alone, so they are kept by text, with positions relative to the
paragraph's start, in :class:`~resolint.generations.Generations` (a version keeps only
what it used). Placement depends on the paragraphs around too: it is resumed
(:mod:`resolint.parser.resume`). The parse is the same with or without a memo;
``tests/test_parse_resume.py`` compares them.

The paragraphs before the edit are the last parse's own objects, not copies: building a
new :class:`~resolint.model.Paragraph` (and its spans) for every paragraph, and placing it
again, was most of a keystroke's parse in a long compilation (a one-character edit of a
1 MB one: 205 M instructions before, 171 M after). The memo offers them (:attr:`ParseMemo.reused`); placement keeps those
whose placement, sub-paragraphs and numbering the edit cannot reach and has the others
made anew (:meth:`ParseMemo.unshare`), so that a kept object is never written again: the
last version's tree stays as it was.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence

from resolint.generations import MISSING, Generations
from resolint.model import Kind, Label, Paragraph
from resolint.parser import segments
from resolint.parser.blocks import RawParagraph, following_past_comments, last_before_comments
from resolint.parser.groups import Cut, cut_run_on
from resolint.parser.numbering import Sequences
from resolint.parser.resume import PlacementMemo
from resolint.records import record
from resolint.source import SourceText, Span, relative, slot_setters

#: A joined paragraph's pieces once cut, and the gaps it was cut at.
Pieces = tuple[Sequence[RawParagraph], Sequence[Span]]
Joined = Callable[[range | None], list[RawParagraph]]
CutOne = Callable[[RawParagraph, RawParagraph | None], Pieces]

_NOT_CUT = object()  # the usual answer: a paragraph with nothing run together in it


#: A paragraph's bullet, label, content start and final mark, relative to its start,
#: and the number of its text (:attr:`ParseMemo.text_ids`).
Parts = tuple


def _paragraph(parts: Parts, raw: RawParagraph) -> Paragraph:
    """A new, unplaced paragraph of ``raw`` with the given parts, as
    ``Paragraph(Kind.UNPLACED, raw.span, content, bullet, label, terminal)`` makes it.

    It runs for every paragraph after the edit, after every keystroke, so it is written
    out and makes its objects without their ``__init__``: ``object.__new__`` and the
    slots written (a span's through its slots' setters, as :class:`~resolint.source.Span`
    is frozen). A paragraph so made was about 2,100 instructions instead of 3,500, a
    label 1,400 instead of 2,300, a span 2,500 instead of 3,200 (callgrind). A paragraph
    with no bullet or label has its whole span for content: the same (immutable) span.
    ``tests/test_parse_memo_objects.py`` holds every field to the constructors'."""
    span = raw.span
    base = span.start
    bullet, label_parts, content_start, terminal, _ = parts
    p = _new(Paragraph)
    p.kind = _UNPLACED
    p.span = span
    if content_start == 0:
        p.content = span
    else:
        p.content = s = _new(Span)
        _SPAN_START(s, content_start + base)
        _SPAN_END(s, span.end)
    if bullet is None:
        p.bullet = None
    else:
        p.bullet = s = _new(Span)
        _SPAN_START(s, bullet[0] + base)
        _SPAN_END(s, bullet[1] + base)
    if label_parts is None:
        p.label = None
    else:
        p.label = label = _new(Label)
        at, label.text, label.scheme, label.value, label.form = label_parts
        label.typed = None
        label.span = s = _new(Span)
        _SPAN_START(s, at[0] + base)
        _SPAN_END(s, at[1] + base)
    if terminal is None:
        p.terminal = None
    else:
        p.terminal = s = _new(Span)
        _SPAN_START(s, terminal[0] + base)
        _SPAN_END(s, terminal[1] + base)
    p.depth = 0
    p.index = 0
    p.part = 0
    p._parent = None
    p.children = []
    p.heads_group = False
    return p


_new = object.__new__
_SPAN_START, _SPAN_END = slot_setters(Span)
_UNPLACED = Kind.UNPLACED
_PIECES = operator.itemgetter(0)  # a cut's pieces
_TEXT_ID = operator.itemgetter(4)  # a paragraph's parts: the number of its text


class ParseMemo:
    """Per-paragraph parsing results of one document's last versions."""

    def __init__(self, literal_starts: Callable[[str, str], list[int]] | None = None) -> None:
        #: Where a fixed string starts in a text, searched again only around the last
        #: edit (the incremental linter's ``LintCache.literal_starts``); None: searched.
        self.literal_starts = literal_starts
        self.placement = PlacementMemo()
        self._split: _Split | None = None
        self._read = Generations()  # paragraph text -> its parts, relative
        self._cut = Generations()  # paragraph text -> how it is cut, relative
        self._texts = 0  # text numbers given so far
        #: The last split and the range of its joined paragraphs that this one reads
        #: again (see :meth:`_replaced_parts`).
        self._replaced: tuple[_Split, int, int] | None = None
        self._replaced_by_text: dict[str, Parts] | None = None
        #: The last :meth:`paragraphs` and, by position, a number for each one's text:
        #: equal numbers, equal texts (a number is never given to another text), so the
        #: incremental linter keys a paragraph by a small int instead of its text.
        self.made: list[Paragraph] | None = None
        self.text_ids: list[int] = []
        #: How many paragraphs at the start of :attr:`made` are the last parse's objects
        #: (see the module docstring), and the split :attr:`made` was made from.
        self.reused = 0
        self._made_from: _Split | None = None
        #: The last parse's paragraphs while the split being read shares their head.
        self._earlier: list[Paragraph] | None = None
        #: The paragraphs at the end of :attr:`made` moved from the last parse's (the
        #: split's tail, after the edit): how many, how many lines they moved, and the
        #: last parse's list they were at the end of (None: none).
        self.moved: tuple[int, int, list[Paragraph]] | None = None
        #: The last parse's operative sequences, for the next to keep those of its kept
        #: paragraphs (:func:`resolint.parser.numbering.operative_sequences_again`).
        self.sequences: Sequences | None = None

    def next_round(self) -> None:
        """A parse is over: drop what neither it nor the one before it used."""
        self._read.next_round()
        self._cut.next_round()

    def paragraphs(self, text: str, read: Callable[[str, RawParagraph], Paragraph]) -> list[Paragraph]:
        """Unplaced paragraphs of the last :meth:`raws`: ``read(text, raw)`` for the
        paragraphs around the edit (from the memo when their text was read before), the
        parts kept with the split for the others; but the first :attr:`reused`, which are
        the last parse's own (placed) paragraphs, where the split shares its head with the
        last one (placement keeps or remakes them: :meth:`unshare`)."""
        split = self._split
        assert split is not None, "raws() first"
        earlier, self._earlier = self._earlier, None
        shared = split.shared if earlier is not None else 0
        head = sum(map(len, map(_PIECES, split.cuts[:shared]))) if shared else 0
        if earlier is None or head > len(earlier) or head > len(self.text_ids):
            shared = head = 0
        out: list[Paragraph] = earlier[:head] if earlier is not None else []
        ids: list[int] = self.text_ids[:head]
        all_parts, cuts = split.parts, split.cuts
        for m in [m for m in range(shared, len(cuts)) if all_parts[m] is None]:  # (those read again)
            all_parts[m] = [self._parts(text, r, read) for r in cuts[m][0]]
        # The rest in bulk (a loop per joined paragraph was a tenth of the parse after an edit).
        parts = [pt for m in range(shared, len(cuts)) for pt in all_parts[m]]  # type: ignore[union-attr]
        raws = [r for m in range(shared, len(cuts)) for r in cuts[m][0]]
        assert len(parts) == len(raws), "a joined paragraph's parts are those of its pieces"
        out += map(_paragraph, parts, raws)
        ids += map(_TEXT_ID, parts)
        self.made, self.text_ids, self._made_from = out, ids, split
        self.reused = head
        self.moved = _moved(split, earlier)
        self._replaced, self._replaced_by_text = None, None  # read: the last split (and text) may go
        return out

    def unshare(self, keep: int) -> None:
        """Make the reused paragraphs from ``keep`` on (see :meth:`paragraphs`) new,
        unplaced ones in :attr:`made` (the parse's list), indexed: placement places them
        afresh, and the last parse's objects are left as they were."""
        made, split = self.made, self._split
        assert made is not None and split is not None
        cuts = split.cuts
        # Straight to the cut that holds paragraph ``keep``: a cut holds one paragraph or
        # more, so it is at most the keep-th; the cuts before it are counted in C (a loop
        # over them in Python was a pass over the document before the edit per keystroke).
        first = min(keep, len(cuts))
        k = sum(map(len, map(_PIECES, cuts[:first])))  # the index of the first paragraph of cut ``first``
        while k > keep:
            first -= 1
            k -= len(cuts[first][0])
        for m in range(first, len(cuts)):
            if k >= self.reused:
                break
            pieces = cuts[m][0]
            if k + len(pieces) > keep:
                for j, (pt, r) in enumerate(zip(split.parts[m], pieces, strict=True)):  # type: ignore[arg-type]
                    if keep <= k + j < self.reused:
                        p = made[k + j] = _paragraph(pt, r)
                        p.index = k + j
            k += len(pieces)
        self.reused = min(self.reused, keep)

    def _parts(self, text: str, raw: RawParagraph, read: Callable[[str, RawParagraph], Paragraph]) -> Parts:
        base = raw.span.start
        key = text[base : raw.span.end]
        hit = self._read.get(key)
        if hit is MISSING:
            hit = self._replaced_parts().get(key, MISSING)
            if hit is not MISSING:
                self._read.put(key, hit)
        if hit is MISSING:
            p = read(text, raw)
            label = p.label
            self._texts += 1
            hit = (
                relative(p.bullet, base),
                None if label is None else (relative(label.span, base), label.text, label.scheme, label.value, label.form),
                p.content.start - base,
                relative(p.terminal, base),
                self._texts,
            )
            self._read.put(key, hit)
        return hit

    def _replaced_parts(self) -> dict[str, Parts]:
        """Text -> parts of the paragraphs of the last split that this one reads again.

        The memo keeps a text's parts only while parses ask for them, and a paragraph
        outside the edited stretch is not asked about (its parts move with the split):
        after two keystrokes elsewhere its text is forgotten. When an edit then reads it
        again, unchanged, it would get a new text number, and every cache keyed by that
        number (its citations, local rules, placement) would miss: an edit inside a list
        of a long compilation re-read 20-60 paragraphs' citations. Its old parts, kept
        with the last split, give it its old number back."""
        found = self._replaced_by_text
        if found is None:
            found = self._replaced_by_text = {}
            if self._replaced is not None:
                last, lo, hi = self._replaced
                for (pieces, _), parts in zip(last.cuts[lo:hi], last.parts[lo:hi], strict=True):
                    if parts is not None:  # (None: never read, a parse stopped half-way)
                        for r, pt in zip(pieces, parts, strict=True):
                            found.setdefault(last.text[r.span.start : r.span.end], pt)
        return found

    def cut(self, text: str, raw: RawParagraph, is_opener) -> Cut:
        """:func:`~resolint.parser.groups.cut_run_on`, from the memo when the text was cut before."""
        base, first = raw.span.start, raw.first_line
        key = text[raw.span.start : raw.span.end]
        hit = self._cut.get(key)
        if hit is MISSING:
            pieces, gaps, glued = found = cut_run_on(text, raw, is_opener)
            if len(pieces) == 1 and not gaps and glued is None:
                self._cut.put(key, _NOT_CUT)
            else:
                self._cut.put(key, (
                    [(q.span.start - base, q.span.end - base, q.first_line - first, q.last_line - first) for q in pieces],
                    [relative(g, base) for g in gaps],
                    None if glued is None else (glued[0] - base, glued[1] - base),
                ))
            return found
        if hit is _NOT_CUT:
            return [raw], [], None
        rel_pieces, rel_gaps, rel_glued = hit
        pieces = [RawParagraph(Span(s + base, e + base), fl + first, ll + first) for s, e, fl, ll in rel_pieces]
        gaps = [Span(s + base, e + base) for s, e in rel_gaps]
        return pieces, gaps, None if rel_glued is None else (rel_glued[0] + base, rel_glued[1] + base)

    def raws(self, source: SourceText, key: tuple, joined: Joined, cut_one: CutOne) -> tuple[list[RawParagraph], list[Span]]:
        """The paragraphs (and run-on gaps) of ``source``: ``joined(lines)`` groups and
        joins the given lines (all for None), ``cut_one`` cuts one joined paragraph given
        the next. Only the lines around the change since the last call are read again
        when ``key`` (what else the grouping depends on) is the same."""
        last, self._split = self._split, None  # a parse stopped half-way leaves no record
        self._earlier = self.made if self.made is not None and self._made_from is last else None
        self.made, self._made_from, self.moved = None, None, None
        # Whatever is read again below may take its old parts; all of them unless spliced.
        self._replaced = None if last is None else (last, 0, len(last.merged))
        self._replaced_by_text = None
        window = None if last is None or last.key[1:] != key[1:] else segments.plan(last.text, last.line_count, last.merged, source)
        if last is not None and window is not None and not _tail_keeps_opening(last, window, key[0]):
            last, window = None, None  # the opening line moved against the tail: read everything again
        parts: list[list[Parts] | None]
        tail = (0, 0)  # (cuts moved from the last split at the end, lines they moved)
        if last is not None and last.key == key and window is None:
            merged, cuts, parts = last.merged, last.cuts, list(last.parts)  # the same text
            shared = len(cuts)
        elif window is None or last is None:
            merged = joined(None)
            cuts = [cut_one(r, following_past_comments(source.text, merged, i)) for i, r in enumerate(merged)]
            parts = [None] * len(merged)
            shared = 0
        else:
            merged, cuts, parts, shared = _spliced(last, window, joined, cut_one, source.text)
            self._replaced = (last, shared, window.stop)  # what _spliced reads again
            # (shared: the cuts _spliced took as they were, in place)
            tail = (len(last.cuts) - window.stop, window.line_shift)
        self._split = _Split(source.text, source.line_count, key, merged, cuts, parts, shared, *tail)
        return [r for pieces, _ in cuts for r in pieces], [g for _, gaps in cuts for g in gaps]


def _moved(split: _Split, earlier: list[Paragraph] | None) -> tuple[int, int, list[Paragraph]] | None:
    """:attr:`ParseMemo.moved` of paragraphs made from ``split``, ``earlier`` being the
    last parse's (None: not made from the last split)."""
    if not split.tail or earlier is None:
        return None
    return sum(map(len, map(_PIECES, split.cuts[len(split.cuts) - split.tail :]))), split.line_shift, earlier


def _tail_keeps_opening(last: _Split, w: segments.Window, opening_line: int | None) -> bool:
    """Whether the paragraphs after the window keep how they were joined: that depends on
    whether they stand after the opening line (``key[0]``; lines before it are one
    paragraph each, and nothing is joined onto the opening). It holds when the opening
    line is before the tail in both versions, or in the tail in both and moved with it.
    (Its number alone is not enough: "The General Assembly," pasted above the old one
    takes the old one's line number while the old one moves down into the tail, where it
    now takes a broken line's continuation; found by the resume property test.)"""
    was = last.key[0]
    if was is None or opening_line is None:
        return was is opening_line
    if w.stop >= len(last.merged):
        return was == opening_line  # no tail: the window reaches the end
    tail_first = last.merged[w.stop].first_line
    if was < tail_first:
        return opening_line < tail_first + w.line_shift
    return opening_line == was + w.line_shift


@record(frozen=True, slots=True)
class _Split:
    """The last call of :meth:`ParseMemo.raws`."""

    text: str
    line_count: int
    key: tuple
    merged: list[RawParagraph]
    cuts: list[Pieces]
    #: Per joined paragraph, the parts of its pieces once read (None: not yet).
    parts: list[list[Parts] | None]
    #: How many leading joined paragraphs (cuts) are the last split's, unmoved.
    shared: int = 0
    #: How many trailing ones are the last split's, moved by the edit, and by how many lines.
    tail: int = 0
    line_shift: int = 0


def _spliced(last: _Split, w: segments.Window, joined: Joined, cut_one: CutOne, text: str) -> tuple[
    list[RawParagraph], list[Pieces], list[list[Parts] | None], int
]:
    """The last split with the window read again and what follows it moved, and how many
    of the last split's cuts it took as they were."""
    fresh = [r for r in joined(w.lines) if r.span.start < w.tail_start]
    tail, tail_cuts = _moved_tail(last, w)
    merged = last.merged[: w.start] + fresh + tail
    # The paragraph before the window, past comments alone: what follows it changed.
    first = last_before_comments(text, merged, max(0, w.start - 1))
    cuts = last.cuts[:first]
    for i in range(first, w.start + len(fresh)):
        cuts.append(cut_one(merged[i], following_past_comments(text, merged, i)))
    cuts += tail_cuts
    # Parts are relative to their paragraph: those outside the window hold as they were.
    parts = last.parts[:first] + [None] * (w.start + len(fresh) - first) + last.parts[w.stop :]
    return merged, cuts, parts, first


#: The gaps of a paragraph not cut (shared: cuts are never written).
_NO_GAPS: tuple[Span, ...] = ()


def _moved_tail(last: _Split, w: segments.Window) -> tuple[list[RawParagraph], list[Pieces]]:
    """The last split's joined paragraphs after the window, and their cuts, moved by the
    edit. One pass, each paragraph moved written out, and a paragraph not cut (the usual
    case: it moves once) gets a one-item tuple and the shared empty gaps: this runs for
    every paragraph after the edit after every keystroke (two passes with two lists and
    two helper calls per paragraph were a tenth of a 1 MB draft's parse), its objects made
    without their ``__init__`` (see :func:`_paragraph`)."""
    shift, line_shift = w.shift, w.line_shift
    tail: list[RawParagraph] = []
    cuts: list[Pieces] = []
    add, add_cut = tail.append, cuts.append
    new, span_start, span_end = _new, _SPAN_START, _SPAN_END
    for was, (pieces, gaps) in zip(last.merged[w.stop :], last.cuts[w.stop :], strict=True):
        span = was.span
        # RawParagraph(Span(start + shift, end + shift), …), made as _paragraph makes its objects.
        moved_span = new(Span)
        span_start(moved_span, span.start + shift)
        span_end(moved_span, span.end + shift)
        now = new(RawParagraph)
        now.span = moved_span
        now.first_line = was.first_line + line_shift
        now.last_line = was.last_line + line_shift
        add(now)
        if not gaps and len(pieces) == 1 and pieces[0] is was:
            add_cut(((now,), _NO_GAPS))
        else:
            add_cut(([segments.moved(r, shift, line_shift) for r in pieces], [g.moved(shift) for g in gaps]))
    return tail, cuts
