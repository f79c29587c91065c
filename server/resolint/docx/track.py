"""Write fixes into a Word document as tracked changes an editor accepts or rejects.

Each planned edit (:func:`resolint.docx.fix.plan`: old characters of one run, new text
in that run's formatting) becomes what Word writes with Track Changes on: the run of
the old characters (split off at their edges) moves into a ``w:del`` and its text
becomes ``w:delText``; the new text goes into a ``w:ins`` right after it, in a run
carrying a copy of the old run's properties (never another reviewer's revision mark in
them, such as a ``w:rPrChange``: its ``w:id`` would appear twice). Both are attributed (author, date, a
``w:id`` no annotation of the document has: :mod:`resolint.docx.ids`), and the finding's comment spans the pair. Accepting all changes gives the
fixed text; rejecting all gives the original characters back, formatting included.

Fixes run in passes (:func:`resolint.docx.fix.fix_docx`), and the reader reads tracked
insertions as accepted, so a later pass may edit text resolint itself inserted: that
is changing its own proposal, done in place. Someone else's revisions (an insertion,
or a run whose formatting change is tracked) are never edited: an edit inside one is refused (the finding stays a comment); an insertion at
the very edge of one goes beside it, outside.
"""

from __future__ import annotations

from datetime import UTC, datetime

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from resolint.docx.advice import comment_for
from resolint.docx.annotate import AnnotateOutcome, CommentMaker, annotate
from resolint.docx.fix import DocxFixOutcome, Refused, Writer, _Plan, execute, fix_docx, refuse_across_a_deleted_mark
from resolint.docx.reader import W_P, W_T, DocxText, Segment
from resolint.docx.runs import reviewer, revision_of, run_like, split_at
from resolint.engine import Finding
from resolint.records import record
from resolint.source import Span

DEFAULT_AUTHOR = "resolint"
W_ID, W_AUTHOR, W_DATE = qn("w:id"), qn("w:author"), qn("w:date")
W_DELTEXT, W_INSTRTEXT, W_DELINSTRTEXT = qn("w:delText"), qn("w:instrText"), qn("w:delInstrText")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def now_iso() -> str:
    """The current time as Word dates revisions (UTC, no fraction)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class TrackedWriter(Writer):
    """Writes each pass's edits as tracked changes, with the finding's comment on them."""

    def __init__(self, document, *, author: str = DEFAULT_AUTHOR, date: str | None = None) -> None:
        self.author = author or DEFAULT_AUTHOR
        self.date = date or now_iso()
        self.maker = CommentMaker(document, author=self.author)
        self.ours: set[str] = set()  # w:id of the revisions written here

    def again(self, document) -> TrackedWriter:
        return TrackedWriter(document, author=self.author, date=self.date)

    # -- deciding -------------------------------------------------------------------

    def _own(self, rev) -> bool:
        return rev.get(W_ID) in self.ours and rev.tag == qn("w:ins")

    def vet(self, plans: list[_Plan]) -> None:
        for pl in plans:
            for seg, a, b, _ in pl.ops:
                refuse_across_a_deleted_mark(seg)
                rev = revision_of(seg)
                if rev is None or self._own(rev):
                    continue
                if a == b and _edge(seg, a, rev) is not None:
                    continue  # an insertion just outside it
                raise Refused(f"the text is inside a tracked change by {reviewer(rev)}; accept or reject it first")

    # -- writing --------------------------------------------------------------------

    def write(self, doc: DocxText, work: list[tuple[Finding, list[_Plan]]]) -> None:
        ops = []  # (start, end, finding index, segment, a, b, new, element to insert after)
        for k, (_, plans) in enumerate(work):
            for pl in plans:
                for seg, a, b, new in pl.ops:
                    ops.append((seg.start + a, seg.start + b, k, seg, a, b, new, pl.after))
        ops = _whole_words(ops)
        # Right to left: splitting runs on the left never moves what is right of it.
        ops.sort(key=lambda op: (op[0], op[1]), reverse=True)
        made: dict[int, list[tuple[int, list]]] = {}
        for start, _, k, seg, a, b, new, after in ops:
            els = self._op(doc, seg, a, b, new, after)
            made.setdefault(k, []).append((start, els))
        for k, pieces in made.items():
            f = work[k][0]
            pieces.sort(key=lambda p: p[0])
            # From the first change to the last (a renumbering spans paragraphs, as Word allows).
            first, last = pieces[0][1][0], pieces[-1][1][-1]
            self.maker.comment_on(comment_for(f, tracked=True), first, last, _paragraph_of(last))

    def _revision(self, tag: str):
        rid = self.maker.ids.take()  # shared with the comments: one id space
        el = OxmlElement(tag, attrs={W_ID: rid, W_AUTHOR: self.author, W_DATE: self.date})
        self.ours.add(rid)
        return el

    def _inserted(self, like_run, text: str, *, added_mark: bool = False):
        """A ``w:ins`` holding one run of ``text`` formatted as ``like_run`` (never with its
        revision marks; an ``added_mark`` in its plain formatting only)."""
        ins = self._revision("w:ins")
        ins.append(run_like(like_run, text, added_mark=added_mark))
        return ins

    def _op(self, doc: DocxText, seg: Segment, a: int, b: int, new: str, after=None) -> list:
        """Write one edit; return the elements it made or changed, in document order.

        ``after``: an insertion that goes in a run of its own after that element
        (:class:`resolint.docx.fix._Plan`).
        """
        start, end = seg.start + a, seg.start + b
        if after is not None:
            ins = self._inserted(seg.run, new, added_mark=True)
            after.addnext(ins)
            return [ins]
        rev = revision_of(seg)
        if rev is not None and self._own(rev):
            execute(_Plan([(seg, a, b, new)]))  # revising our own proposal
            return [rev]
        if rev is not None:  # an insertion at the edge of someone else's revision (vetted)
            ins = self._inserted(seg.run, new)
            (rev.addnext if _edge(seg, a, rev) == "end" else rev.addprevious)(ins)
            return [ins]
        para = doc.paragraph_at(start)
        split_at(para, start)
        if start == end:
            ins = self._inserted(seg.run, new)
            if a > 0:
                para.segment_at(start - 1).run.addnext(ins)
            else:
                para.segment_at(start).run.addprevious(ins)
            return [ins]
        split_at(para, end)
        runs = []
        for s in para.segments_in(Span(start, end)):
            if not runs or runs[-1] is not s.run:
                runs.append(s.run)
        out = []
        for run in runs:
            d = self._revision("w:del")
            run.addprevious(d)
            d.append(run)  # lxml moves it
            for child in run:
                if child.tag == W_T:
                    child.tag = W_DELTEXT
                    child.set(_XML_SPACE, "preserve")
                elif child.tag == W_INSTRTEXT:
                    child.tag = W_DELINSTRTEXT
            out.append(d)
        if new:
            ins = self._inserted(runs[0], new)
            out[-1].addnext(ins)
            out.append(ins)
        return out


def _whole_words(ops: list) -> list:
    """Widen each replacement to whole words of its own text node, where nothing else is.

    The smallest edit of "requests" into "Requests" is "r" into "R"; an editor reads a
    tracked change better as the word struck through and the word inserted. Insertions
    stay as they are (a full stop added is clearer alone), and a widening that would
    reach another edit of the same pass is not made.
    """
    by_node: dict[int, list[tuple[int, int]]] = {}
    for _, _, _, seg, a, b, _, _ in ops:
        if seg.node is not None:
            by_node.setdefault(id(seg.node), []).append((seg.node_off + a, seg.node_off + b))
    out = []
    for start, end, k, seg, a, b, new, after in ops:
        if a < b and seg.editable and revision_of(seg) is None:
            text = seg.node.text or ""
            lo, hi = seg.node_off + a, seg.node_off + b
            wlo, whi = lo, hi
            while wlo > seg.node_off and text[wlo - 1].isalnum():
                wlo -= 1
            limit = seg.node_off + (seg.end - seg.start)
            while whi < limit and text[whi].isalnum():
                whi += 1
            others = [r for r in by_node[id(seg.node)] if r != (lo, hi)]
            if (wlo, whi) != (lo, hi) and not any(x <= whi and y >= wlo for x, y in others):
                new = text[wlo:lo] + new + text[hi:whi]
                a, b = a - (lo - wlo), b + (whi - hi)
                start, end = seg.start + a, seg.start + b
        out.append((start, end, k, seg, a, b, new, after))
    return out


def _edge(seg: Segment, a: int, rev) -> str | None:
    """"start"/"end" when offset ``a`` of ``seg`` is the first/last character edge of ``rev``'s text."""
    texts = [t for t in rev.iter(W_T)]
    if not texts or seg.node is None:
        return None
    node_pos = seg.node_off + a
    if seg.node is texts[-1] and node_pos == len(seg.node.text or ""):
        return "end"
    if seg.node is texts[0] and node_pos == 0:
        return "start"
    return None


def _paragraph_of(el):
    while el is not None and el.tag != W_P:
        el = el.getparent()
    return el


@record(slots=True)
class TrackOutcome:
    """What ``annotate --track-changes`` did: fixes proposed, comments added, the final read."""

    fix: DocxFixOutcome  # its doc is the document read as if every change were accepted
    notes: AnnotateOutcome  # the comments on what is left

    @property
    def tracked(self) -> int:
        return self.fix.applied


def annotate_tracked(doc: DocxText, lint_fn, *, unsafe: bool = False, author: str = DEFAULT_AUTHOR, date: str | None = None) -> TrackOutcome:
    """Propose every allowed fix as a tracked change with its comment; comment on the rest.

    Works on ``doc.document`` in memory, or on a copy of it when the fixes start again
    (:func:`resolint.docx.fix.fix_docx`): the document to save is the outcome's
    ``fix.doc.document``. What is left after the fixes (no fix, an unsafe one not asked
    for, one that cannot be written in the runs) gets a comment that says what to do in
    Word.
    """
    writer = TrackedWriter(doc.document, author=author, date=date)
    fixed = fix_docx(doc, lint_fn, unsafe=unsafe, writer=writer)
    writer = fixed.writer  # a new one, on a new copy, if the fixes started again
    why = {id(f): reason for f, reason in fixed.refused}
    final = fixed.doc

    def text_of(f: Finding):
        return comment_for(f, final, why=why.get(id(f)), unsafe_allowed=unsafe)

    notes = annotate(final, fixed.result.findings, text_of=text_of, maker=writer.maker, own_revisions=writer.ours)
    return TrackOutcome(fixed, notes)
