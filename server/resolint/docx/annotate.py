"""Write findings into a copy of a Word document as review comments.

One comment per finding, authored "resolint", anchored on the characters the finding is
about (runs are split at its edges, formatting kept), saying the problem and the change in
an editor's words (:mod:`resolint.docx.advice`), the rule's code last and small. Nothing
else changes: python-docx loads the package and
writes back every part it does not touch as it was (styles, numbering, headers, footers,
settings, existing comments), and the body changes only by the split runs and the
comment markers. A comment on what a field displays (a cross-reference, a hyperlink
field) goes around the whole field: Word replaces the result, markers and all, when it
updates the field.

Annotating an annotated file adds nothing twice: a finding whose comment (same first
line, same anchored text range) is already there from an earlier run is skipped, and so
is the comment of a fix proposed as a tracked change on words an earlier run's comment
on the same finding covers (:meth:`CommentMaker.comment_on`), whatever it suggested.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from dataclasses import field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from resolint.docx.advice import CommentText, comment_for
from resolint.docx.ids import AnnotationIds
from resolint.docx.package import check_parses_back
from resolint.docx.reader import W_ID, W_P, W_T, DocxText, related_part
from resolint.docx.runs import guarded_control, holds, revision_of, split_at, top_level, whole_field
from resolint.engine import Finding
from resolint.records import record
from resolint.source import Span

AUTHOR = "resolint"
INITIALS = "RL"


def anchor_span(doc: DocxText, span: Span) -> Span | None:
    """The stretch of stored text a comment on ``span`` covers (empty only on a paragraph
    with no stored text).

    A finding on stored text is anchored on exactly that text. One on an insertion point
    (a missing full stop) or on text Word computes (an automatic number) is anchored on
    the nearest word of stored text: the word before the point, or the paragraph's first
    word. One in a paragraph with no stored text (an empty paragraph of a numbered list,
    where Word draws "3." alone) is anchored on the paragraph itself: the empty range at
    its end, where Word shows the comment on its paragraph mark.
    """
    p = doc.paragraph_at(span.start)
    if p is None:
        return None
    stored = [s for s in p.segments if s.run is not None]
    if not stored:
        return Span(p.end, p.end)
    lo, hi = max(span.start, p.start), min(max(span.end, span.start), p.end)
    covered = [s for s in stored if s.start < hi and s.end > lo]
    if covered and hi > lo:
        return _outside_fields(doc, _stored_span(doc, span, p, Span(max(lo, covered[0].start), min(hi, covered[-1].end))))
    return _outside_fields(doc, _nearest_word(doc.text, span.start, stored[0].start, stored[-1].end))


def _field_at(doc: DocxText, off: int):
    """The paragraph and segment at ``off``, and where the outermost field the segment
    shows the result of begins (None for text outside fields)."""
    p = doc.paragraph_at(off)
    seg = p.segment_at(off) if p is not None else None
    return p, seg, (seg.field_begin if seg is not None and seg.run is not None else None)


def _outside_fields(doc: DocxText, a: Span) -> Span:
    """``a`` widened over the whole result of a field either end of it is in (a
    cross-reference, a hyperlink field): Word drops a comment anchored inside a result
    when it updates the field, so the comment goes around the field
    (:func:`_anchor_elements`), and this is the text that covers once read again."""
    if a.end <= a.start:
        return a
    start, end = a.start, a.end
    p, _, begin = _field_at(doc, a.start)
    if begin is not None:
        start = _field_edge(doc, p, begin, first=True)
    p, _, begin = _field_at(doc, a.end - 1)
    if begin is not None:
        end = _field_edge(doc, p, begin, first=False)
    return Span(min(start, a.start), max(end, a.end))


def _field_edge(doc: DocxText, p, begin, *, first: bool) -> int:
    """Where the text of the field starting at ``begin`` starts (``first``) or ends,
    looking from paragraph ``p`` back or on through the paragraphs it runs over."""
    i = doc.position(p)
    step = -1 if first else 1
    edge = None
    while 0 <= i < len(doc.paragraphs):
        mine = [s for s in doc.paragraphs[i].segments if s.run is not None and s.field_begin is begin]
        if not mine:
            break
        edge = mine[0].start if first else mine[-1].end
        i += step
    return edge


def _stored_span(doc: DocxText, span: Span, p, in_first: Span) -> Span:
    """The anchor of a finding on stored text: ``in_first``, its part in its first
    paragraph, unless it runs over several paragraphs — then it ends in the last one it
    covers."""
    end_p = doc.paragraph_at(max(span.start, span.end - 1))
    if end_p is not None and end_p is not p:
        last = [s for s in end_p.segments if s.run is not None and s.start < span.end]
        if last:
            return Span(in_first.start, min(span.end, last[-1].end))
    return in_first


def _nearest_word(text: str, at: int, text_start: int, text_end: int) -> Span:
    """The anchor of a point (or of computed text) at ``at`` in a paragraph whose stored
    text is ``text_start``–``text_end``: the word ending at or containing the point, else
    the paragraph's first word (at least one character)."""
    point = min(max(at, text_start), text_end)
    if point > text_start:
        end = point
        while end > text_start and text[end - 1] == " ":
            end -= 1
        start = end
        while start > text_start and text[start - 1] != " ":
            start -= 1
        if end > start:
            return Span(start, end)
    end = text_start
    while end < text_end and text[end] != " ":
        end += 1
    return Span(text_start, max(end, text_start + 1))


@record(slots=True)
class AnnotateOutcome:
    added: int = 0
    already: int = 0  # findings whose comment an earlier annotate left
    unanchored: list[Finding] = field(default_factory=list)


def annotate(
    doc: DocxText,
    findings: list[Finding],
    text_of: Callable[[Finding], CommentText] | None = None,
    maker: CommentMaker | None = None,
    own_revisions: frozenset[str] | set[str] = frozenset(),
) -> AnnotateOutcome:
    """Add a comment per finding to ``doc.document`` (in memory).

    ``text_of`` words each comment (default: :func:`comment_for` on this document);
    ``maker`` is shared with whoever else adds comments to the same document;
    ``own_revisions`` are the ``w:id`` of tracked changes this run wrote (which may be cut).
    """
    text_of = text_of or (lambda f: comment_for(f, doc))
    # Comments the maker did not repeat (on tracked changes) were already there too.
    outcome = AnnotateOutcome(already=maker.repeated if maker is not None else 0)
    author = maker.author if maker is not None else AUTHOR
    todo = _comments_to_add(doc, findings, text_of, author, outcome, own_revisions)
    if not todo:
        return outcome
    # First make every anchor edge a run boundary, then place the markers.
    for _, a in todo:
        for off, inside in ((a.start, a.start), (a.end, max(a.start, a.end - 1))):
            p = doc.paragraph_at(inside)
            if p is not None and _held(p, inside, own_revisions) is None:
                split_at(p, off)
    maker = maker or CommentMaker(doc.document)
    for text, a in todo:
        first, last, paragraph = _anchor_elements(doc, a, own_revisions)
        place_markers(maker.add(text), first, last, paragraph)
        outcome.added += 1
    return outcome


def _comments_to_add(
    doc: DocxText, findings: list[Finding], text_of: Callable[[Finding], CommentText], author: str, outcome: AnnotateOutcome,
    own_revisions=frozenset(),
) -> list[tuple[CommentText, Span]]:
    """Each finding's comment and anchor, leaving out (and counting in ``outcome``) those
    that cannot be anchored and those this author's comments already say on the same
    text — an earlier run's, or an earlier finding's of this run. An anchor in someone
    else's tracked change covers all of it (:func:`_over_held`), as its markers will."""
    seen = {(c.text.split("\n", 1)[0], c.span) for c in doc.comments if c.author == author}
    todo: list[tuple[CommentText, Span]] = []
    for f in findings:
        anchor = anchor_span(doc, f.span)
        if anchor is None:
            outcome.unanchored.append(f)
            continue
        anchor = _over_held(doc, anchor, own_revisions)
        text = text_of(f)
        key = (text.first_line, anchor)
        if key in seen:
            outcome.already += 1
            continue
        seen.add(key)
        todo.append((text, anchor))
    return todo


def _held(p, off: int, own_revisions) -> object | None:
    """What holds the character at ``off`` whole, if anything: a tracked change of
    someone else, or a content control whose text Word fills in again or will not let
    anyone change (:func:`resolint.docx.runs.guarded_control`), the outer of the two.
    It is not cut: a comment on part of it goes around all of it."""
    seg = p.segment_at(off) if p is not None else None
    if seg is None or seg.run is None:
        return None
    rev = revision_of(seg)
    rev = rev if rev is not None and rev.get(W_ID) not in own_revisions else None
    sdt = guarded_control(seg.run, p.element)
    return sdt if sdt is not None and (rev is None or holds(sdt, rev)) else rev


def _over_held(doc: DocxText, a: Span, own_revisions) -> Span:
    """``a`` widened over the whole of what holds either end of it (:func:`_held`: someone
    else's tracked change, a bound or locked content control): the comment's markers go
    around it (:func:`_anchor_elements`), so this is the text the comment is read back
    on, and a second review finds it there."""
    if a.end <= a.start:
        return a
    start, end = a.start, a.end
    for off, first in ((a.start, True), (a.end - 1, False)):
        p = doc.paragraph_at(off)
        rev = _held(p, off, own_revisions)
        if rev is not None:
            mine = [s for s in p.segments if s.run is not None and holds(rev, s.run)]
            start, end = (min(start, mine[0].start), end) if first else (start, max(end, mine[-1].end))
    return Span(start, end)


def _anchor_elements(doc: DocxText, a: Span, own_revisions):
    """The first and last elements a comment on ``a`` spans (a run, or a tracked change
    that is not ours as a whole), and the paragraph element of the last."""
    first_p = doc.paragraph_at(a.start)
    if not any(s.run is not None for s in first_p.segments):
        return None, None, first_p.element  # a paragraph with no stored text: on the paragraph
    last_p = doc.paragraph_at(max(a.start, a.end - 1))
    fields = _field_at(doc, a.start)[2], _field_at(doc, max(a.start, a.end - 1))[2]
    if any(b is not None for b in fields):
        return _around_fields(doc, a, fields, own_revisions)
    first = _held(first_p, a.start, own_revisions)
    if first is None:
        first = next(s for s in first_p.segments if s.run is not None and s.start >= a.start).run
    last = _held(last_p, max(a.start, a.end - 1), own_revisions)
    if last is None:
        last = [s for s in last_p.segments if s.run is not None and s.end <= a.end][-1].run
    return first, last, last_p.element


def _around_fields(doc: DocxText, a: Span, fields, own_revisions):
    """:func:`_anchor_elements` for an anchor that starts or ends in a field's result:
    from the field's beginning and to its end, wherever those are."""
    first_field, last_field = fields
    if first_field is not None:
        first = first_field
    else:
        first, _, _ = _anchor_elements(doc, Span(a.start, a.start + 1), own_revisions)
    last = whole_field(last_field) if last_field is not None else None
    if last is None:
        if last_field is not None:  # a field with no end: around its beginning only
            last = last_field
        else:
            _, last, _ = _anchor_elements(doc, Span(a.end - 1, a.end), own_revisions)
    paragraph = last
    while paragraph.tag != W_P:
        paragraph = paragraph.getparent()
    return first, last, paragraph


def place_markers(cid: str, first, last, paragraph) -> None:
    """Anchor comment ``cid`` from element ``first`` to element ``last`` of ``paragraph``.

    The reference run goes after the outermost container of ``last`` (a tracked
    insertion, a hyperlink), so it is not itself part of that container. With no
    elements (None), the comment is on the paragraph: an empty range at its end.
    """
    if first is None or last is None:
        paragraph.append(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): cid}))
        paragraph.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): cid}))
        ref = OxmlElement("w:r")
        ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): cid}))
        paragraph.append(ref)
        return
    first.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): cid}))
    last.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): cid}))
    holder = top_level(last, paragraph)
    if holder is last:
        holder = holder.getnext()  # after the commentRangeEnd just placed
    ref = OxmlElement("w:r")
    ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): cid}))
    holder.addnext(ref)


#: Past any child index: ``[*path, _AFTER]`` is the end of the element at ``path``.
_AFTER = 1 << 62
_TEXT_TAGS = (W_T, qn("w:delText"))


def _doc_path(el) -> list[int]:
    """The element's place in document order: its index under each ancestor, from the top."""
    path = []
    parent = el.getparent()
    while parent is not None:
        path.append(parent.index(el))
        el, parent = parent, parent.getparent()
    return path[::-1]


def _widened(el, step: str):
    """The furthest sibling of ``el`` towards ``step`` with no text between them."""
    while (beside := getattr(el, step)()) is not None and next(beside.iter(*_TEXT_TAGS), None) is None:
        el = beside
    return el


#: The rule line of a comment: small and grey, read last.
RULE_SIZE = Pt(7)
RULE_COLOR = RGBColor(0x76, 0x76, 0x76)


class CommentMaker:
    """Adds comments through python-docx, in time linear in their number.

    ``Comments.add_comment`` looks for a free id among all comments each time, which is
    quadratic (half a minute for 3,500 findings), and filling a comment through
    python-docx's paragraph API costs about a millisecond a line. So python-docx makes the
    first comment — the comments part, its relationship, valid elements for the comment,
    its first line (with the annotation mark), a further line and the small rule line —
    and every comment after it is a copy of those elements with its own id and text.
    Nothing is created before the first comment is added.
    """

    def __init__(self, document, author: str = AUTHOR) -> None:
        self._document = document
        self.author = author
        #: Every id written in the document (comments here, revisions by the tracked
        #: writer) comes from here: unique among all annotations, old and new.
        self.ids = AnnotationIds(document)
        self._started = False
        #: Comments :meth:`comment_on` did not add: the same said there before.
        self.repeated = 0
        # This author's comments before any is added: first line -> comment ids.
        self._before: dict[str, list[str]] = {}
        part = related_part(document, RT.COMMENTS)
        for c in part.element.iterfind(qn("w:comment")) if part is not None else ():
            if c.get(qn("w:author"), "") == author:
                first = c.find(W_P)
                line = "".join(t.text or "" for t in first.iter(W_T)) if first is not None else ""
                self._before.setdefault(line, []).append(c.get(W_ID))
        self._ranges: dict[str, tuple[list[int], list[int]]] | None = None

    def comment_on(self, text: CommentText, first, last, paragraph) -> str | None:
        """Add comment ``text`` on the elements ``first`` to ``last`` of ``paragraph``
        (:func:`place_markers`) and return its id; None, adding nothing, when a comment of
        this author that was there before says the same first line on them (or right
        beside them): re-reviewing a reviewed copy with tracked changes wrote a second
        comment beside each of the first review's."""
        ids = self._before.get(text.first_line)
        if ids:
            start, end = _doc_path(first), [*_doc_path(last), _AFTER]
            for cid in ids:
                lo, hi = self._range(cid)
                if lo and hi and start <= hi and lo <= end:
                    ids.remove(cid)  # one comment stands for one finding
                    self.repeated += 1
                    return None
        cid = self.add(text)
        place_markers(cid, first, last, paragraph)
        return cid

    def _range(self, cid: str) -> tuple[list[int], list[int]]:
        """Where an earlier comment's range starts and ends in document order, widened
        over the elements with no text beside it (other markers, reference runs)."""
        if self._ranges is None:
            wanted = {i for ids in self._before.values() for i in ids}
            self._ranges = {}
            body = self._document.element.body
            found: dict[str, list] = {}
            for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd")):
                cid_of = el.get(W_ID)
                if cid_of in wanted:
                    found.setdefault(cid_of, [None, None])[el.tag == qn("w:commentRangeEnd")] = el
            for cid_of, (crs, cre) in found.items():
                if crs is not None and cre is not None:
                    self._ranges[cid_of] = (_doc_path(_widened(crs, "getprevious")), [*_doc_path(_widened(cre, "getnext")), _AFTER])
        return self._ranges.get(cid, ([], []))

    def _start(self, text: CommentText):
        cid = self.ids.take()  # before python-docx adds one numbered among comments only
        comment = self._document.comments.add_comment(author=self.author, initials=INITIALS)
        self._root = comment.part.element
        # Prototypes: the comment element (no paragraph), a first line, a further line, a rule line.
        elm = comment._comment_elm
        elm.set(qn("w:id"), cid)
        first = elm[0]
        first_run = comment.paragraphs[0].add_run("x")
        line = comment.add_paragraph("x")
        rule = comment.add_paragraph().add_run("x")
        rule.font.size = RULE_SIZE
        rule.font.color.rgb = RULE_COLOR
        self._proto = copy.deepcopy(elm)
        for child in list(self._proto):
            self._proto.remove(child)
        self._first_p = copy.deepcopy(first)
        self._line_p = copy.deepcopy(line._p)
        self._rule_p = copy.deepcopy(rule._r.getparent())
        del first_run
        for child in list(elm):
            elm.remove(child)
        self._started = True
        return elm

    @staticmethod
    def _filled(proto, text: str):
        p = copy.deepcopy(proto)
        t = list(p.iter(qn("w:t")))[-1]
        t.text = text
        if text != text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return p

    def add(self, text: CommentText | str) -> str:
        if isinstance(text, str):
            lines = text.split("\n")
            text = CommentText(tuple(lines[:-1]), lines[-1]) if len(lines) > 1 else CommentText((lines[0],), "")
        if not self._started:
            elm = self._start(text)
        else:
            elm = copy.deepcopy(self._proto)
            elm.set(qn("w:id"), self.ids.take())
            self._root.append(elm)
        elm.append(self._filled(self._first_p, text.lines[0]))
        for line in text.lines[1:]:
            elm.append(self._filled(self._line_p, line))
        if text.rule:
            elm.append(self._filled(self._rule_p, text.rule))
        return elm.get(qn("w:id"))


def to_bytes(doc: DocxText) -> bytes:
    """The document as a .docx, each of its XML parts checked to parse back
    (:class:`~resolint.docx.package.DocxError` if one does not): what is written over a
    draft or beside it must open again."""
    buf = io.BytesIO()
    doc.document.save(buf)
    data = buf.getvalue()
    check_parses_back(data, doc.document)
    return data
