"""Write findings into a copy of a Word document as review comments.

One comment per finding, authored "resolint", anchored on the characters the finding is
about (runs are split at its edges, formatting kept), saying the rule code, its message
and, when there is one, the fix. Nothing else changes: python-docx loads the package and
writes back every part it does not touch as it was (styles, numbering, headers, footers,
settings, existing comments), and the body changes only by the split runs and the
comment markers.

Annotating an annotated file adds nothing twice: a finding whose comment (same first
line, same anchored text range) is already there from an earlier run is skipped.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from resolint.docx.reader import DocxText
from resolint.docx.runs import split_at, top_level
from resolint.engine import Finding
from resolint.source import Span

AUTHOR = "resolint"
INITIALS = "RL"


def comment_text(f: Finding) -> str:
    lines = [f"{f.code} {f.name}: {f.message}"]
    if f.fix is not None:
        how = f.fix.applicability.value
        lines.append(f"Fix ({how}): {f.fix.title}" + ("" if how == "display-only" else " — resolint check --fix" + (" --unsafe-fixes" if how == "unsafe" else "")))
    return "\n".join(lines)


def anchor_span(doc: DocxText, span: Span) -> Span | None:
    """The stretch of stored text a comment on ``span`` covers (never empty).

    A finding on stored text is anchored on exactly that text. One on an insertion point
    (a missing full stop) or on text Word computes (an automatic number) is anchored on
    the nearest word of stored text: the word before the point, or the paragraph's first
    word.
    """
    p = doc.paragraph_at(span.start)
    if p is None:
        return None
    text = doc.text
    stored = [s for s in p.segments if s.run is not None]
    if not stored:
        return None
    lo, hi = max(span.start, p.start), min(max(span.end, span.start), p.end)
    covered = [s for s in stored if s.start < hi and s.end > lo]
    if covered and hi > lo:
        # A finding may run over several paragraphs; end it in the last one it covers.
        end_p = doc.paragraph_at(max(span.start, span.end - 1))
        if end_p is not None and end_p is not p:
            last = [s for s in end_p.segments if s.run is not None and s.start < span.end]
            if last:
                return Span(max(lo, covered[0].start), min(span.end, last[-1].end))
        return Span(max(lo, covered[0].start), min(hi, covered[-1].end))
    text_start, text_end = stored[0].start, stored[-1].end
    point = min(max(span.start, text_start), text_end)
    if point > text_start:
        # The word ending at (or containing) the point, back from it.
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


@dataclass(slots=True)
class AnnotateOutcome:
    added: int = 0
    already: int = 0  # findings whose comment an earlier annotate left
    unanchored: list[Finding] = field(default_factory=list)


def annotate(doc: DocxText, findings: list[Finding]) -> AnnotateOutcome:
    """Add a comment per finding to ``doc.document`` (in memory)."""
    outcome = AnnotateOutcome()
    existing = {(c.text.split("\n", 1)[0], c.span) for c in doc.comments if c.author == AUTHOR}
    todo: list[tuple[Finding, Span]] = []
    seen = set(existing)
    for f in findings:
        anchor = anchor_span(doc, f.span)
        if anchor is None:
            outcome.unanchored.append(f)
            continue
        key = (comment_text(f).split("\n", 1)[0], anchor)
        if key in seen:
            outcome.already += 1
            continue
        seen.add(key)
        todo.append((f, anchor))
    if not todo:
        return outcome
    # First make every anchor edge a run boundary, then place the markers.
    for _, a in todo:
        for off in (a.start, a.end):
            p = doc.paragraph_at(off if off == a.start else max(a.start, off - 1))
            if p is not None:
                split_at(p, off)
    maker = _CommentMaker(doc.document)
    for f, a in todo:
        first_p = doc.paragraph_at(a.start)
        last_p = doc.paragraph_at(max(a.start, a.end - 1))
        first = next(s for s in first_p.segments if s.run is not None and s.start >= a.start)
        last = [s for s in last_p.segments if s.run is not None and s.end <= a.end][-1]
        cid = maker.add(comment_text(f))
        first.run.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): cid}))
        last.run.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): cid}))
        # The reference run goes after the run's outermost container (a tracked
        # insertion, a hyperlink), so it is not itself part of that container.
        holder = top_level(last.run, last_p.element)
        if holder is last.run:
            holder = holder.getnext()  # after the commentRangeEnd just placed
        ref = OxmlElement("w:r")
        ref.append(OxmlElement("w:commentReference", attrs={qn("w:id"): cid}))
        holder.addnext(ref)
        outcome.added += 1
    return outcome


class _CommentMaker:
    """Adds comments through python-docx, in time linear in their number.

    ``Comments.add_comment`` looks for a free id among all comments each time, which is
    quadratic: half a minute for 3,500 findings. We let it create the first (blank)
    comment — the comments part, its relationship and a valid element — and copy that
    element for the others with the next ids, filling each through python-docx's
    ``Comment`` API.
    """

    def __init__(self, document) -> None:
        from docx.comments import Comment

        self._comment_cls = Comment
        self._first = document.comments.add_comment(author=AUTHOR, initials=INITIALS)
        self._part = self._first.part
        root = self._part.element
        self._template = copy.deepcopy(root[-1])
        self._next = int(self._first.comment_id)
        self._root = root

    def add(self, text: str) -> str:
        if self._first is not None:
            comment, self._first = self._first, None
        else:
            self._next += 1
            elm = copy.deepcopy(self._template)
            elm.set(qn("w:id"), str(self._next))
            self._root.append(elm)
            comment = self._comment_cls(elm, self._part)
        lines = text.split("\n")
        comment.paragraphs[0].add_run(lines[0])
        for line in lines[1:]:
            comment.add_paragraph(line)
        return str(comment.comment_id)


def to_bytes(doc: DocxText) -> bytes:
    buf = io.BytesIO()
    doc.document.save(buf)
    return buf.getvalue()
