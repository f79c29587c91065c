"""Apply safe fixes to a Word document, in its runs, keeping their formatting.

A fix is an edit of the visible text ("Recalls" -> "Recalling", "," -> ";"). We trim
what the old and new text share at both ends, then apply the rest where it can be done
without changing any character's formatting:

- inside one ``w:t``: replaced in place;
- over several runs when only letter case changes: each character is replaced where
  it stands, so each keeps its own run;
- over several runs whose properties are identical: the new text goes in the first, the
  old characters leave the others (nothing to lose);
- an insertion (a missing full stop): appended to the run of the character before,
  unless that run ends a hyperlink, or is formatted in a way a mark must not take
  (underlined, a character style, right-to-left): then it goes in a run of its own
  after the hyperlink or the run, with the run's font and size only
  (:func:`resolint.docx.runs.props_for`).

- a deletion: the characters leave their runs, whatever their formatting (nothing is
  written, so nothing can take the wrong one); a tab in it goes whole (the "2.<tab>"
  typed after the number Word draws), a line break never.

Anything else — an edit of an automatic number, of a tab or break, across runs with
different formatting, across paragraphs, inside another reviewer's tracked change, inside
what a field displays (Word computes it again: the edit would be lost), inside a content
control bound to data (the same) or locked against editing — is refused with
the reason, and the drafter fixes it in Word. A mark added right after a field's result
goes after the field.

The passes are those of :func:`resolint.fixes.fix_text` (the same choice of fixes, the
same structure check), so a document fixes to what its text fixes to. How the planned
edits are written is the :class:`Writer`'s business: in place here, as tracked changes
in :mod:`resolint.docx.track`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import field

from docx.oxml.ns import qn
from lxml import etree

from resolint.docx.lint import text_to_lint
from resolint.docx.package import open_docx
from resolint.docx.reader import W_RPR, DocxParagraph, DocxText, Segment, build, shown_in_capitals
from resolint.docx.runs import (
    PLACEHOLDER,
    across_a_deleted_mark,
    field_end,
    in_container,
    in_placeholder,
    locked_control,
    outermost,
    plain,
    reviewer,
    revision_of,
    run_like,
)
from resolint.engine import Finding, LintResult
from resolint.fixes import MAX_PASSES, RESTARTS, Lineage, allowed, fix_writes, next_pass
from resolint.records import record
from resolint.rule import Edit

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Refused(Exception):
    """This edit cannot be made in the runs without risk; the message says why."""


IN_A_FIELD = (
    "the text is the result of a field (a date, a merge field, a cross-reference), which Word "
    "computes again, undoing the change; change the field or its source"
)

#: Why no fix writes a small letter into a run Word shows in capitals (All caps, Small
#: caps): the letter would still show as a capital, so the document would not say what
#: the fix says (nor Accept All give ``check --fix``'s text). Taking the formatting off
#: the new words would change how they look beside their neighbours: the drafter's call.
#: Capitals written there (an INTERPOL opener "RECALLING") show as written and are made.
IN_CAPITALS = ("the text is shown in capitals by its formatting (All caps or Small caps), so a small letter "
               "written there would still show as a capital; turn that formatting off in Word (Font), then retype the words")

#: Why a fix that never ends is not applied (fixes.Lineage).
ENDLESS = ("the fix writes what it replaces again (its replacement holds its own match, or another fix's that "
           "writes this one's): not applied")


@record(slots=True)
class _Plan:
    """One edit resolved to node operations: (segment, start in seg, end in seg, new text).

    ``after``: the edit is an insertion written as a run of its own right after this
    element (the run of the character before, or the hyperlink that holds it), in the
    plain formatting of that run (:func:`_insertion`).
    """

    ops: list[tuple[Segment, int, int, str]]
    after: object | None = None


def _trim(old: str, new: str) -> tuple[int, int, str]:
    """(prefix length, suffix length, new middle) of the smallest change of old into new."""
    p = 0
    while p < len(old) and p < len(new) and old[p] == new[p]:
        p += 1
    s = 0
    while s < len(old) - p and s < len(new) - p and old[-1 - s] == new[-1 - s]:
        s += 1
    return p, s, new[p : len(new) - s]


def _props(seg: Segment) -> bytes:
    r_pr = seg.run.find(W_RPR) if seg.run is not None else None
    return etree.tostring(r_pr, method="c14n") if r_pr is not None else b""


def plan(doc: DocxText, edit: Edit) -> _Plan:
    """The node operations of ``edit``; :class:`Refused` (with the reason) if it cannot be
    made in the runs, or would be written inside a content control that is bound to data
    or locked (:func:`resolint.docx.runs.locked_control`), or in or after the placeholder
    a control shows (:func:`resolint.docx.runs.in_placeholder`), or that writes letters
    not in capitals into a run Word shows in capitals (:data:`IN_CAPITALS`)."""
    pl = _planned(doc, edit)
    for seg, _a, _b, new in pl.ops:
        if seg.capitals and shown_in_capitals(new) != new:
            raise Refused(IN_CAPITALS)
        why = locked_control(pl.after if pl.after is not None else seg.run)
        if why:
            raise Refused(why)
        if in_placeholder(seg.run):
            raise Refused(PLACEHOLDER)
    pl.ops = [(seg, a, b, _in_stored_case(seg, a, b, new) if seg.capitals else new) for seg, a, b, new in pl.ops]
    return pl


def _in_stored_case(seg: Segment, a: int, b: int, new: str) -> str:
    """``new`` (capitals, as the text is read) in the case the run stores its letters in
    where it is written: small letters where those it replaces (or, for an insertion, the
    one before it) are all small. Word shows them as capitals all the same; but Small caps
    draws a stored capital full size, so "RECALLING" written over a stored "recalls"
    showed "RECALL" in small capitals and "ING" in large ones, and with All caps turned
    off later the words would read "recallING"."""
    text = seg.node.text or ""
    i, j = seg.node_off + a, seg.node_off + b
    stored = text[i:j] if j > i else text[max(seg.node_off, i - 1):i]
    if any(c.islower() for c in stored) and not any(c.isupper() for c in stored):
        return "".join(c.lower() if len(c.lower()) == 1 else c for c in new)
    return new


def _planned(doc: DocxText, edit: Edit) -> _Plan:
    text = doc.text
    old = text[edit.span.start : edit.span.end]
    p, s, middle = _trim(old, edit.new_text)
    start, end = edit.span.start + p, edit.span.end - s
    para = doc.paragraph_at(start)
    if para is None or end > para.end or start < para.start:
        raise Refused("the change runs over more than one paragraph")
    if start == end:
        return _insertion(para, start, middle)
    segs = para.segments_in(edit.span.__class__(start, end))
    covered = sum(min(g.end, end) - max(g.start, start) for g in segs)
    if covered != end - start:
        raise Refused("the change touches text that is not in the document's runs")
    _vet_segments(segs, deleting=middle == "")
    if middle == "":
        # A deletion: nothing is written, so no formatting can be lost; a tab goes whole.
        return _Plan([(g, max(g.start, start) - g.start, min(g.end, end) - g.start, "") for g in segs])
    if len(segs) == 1:
        g = segs[0]
        return _Plan([(g, start - g.start, end - g.start, middle)])
    if len(middle) == end - start and middle.casefold() == text[start:end].casefold():
        # A change of case only: each letter keeps its place, so its run.
        ops, i = [], 0
        for g in segs:
            a, b = max(g.start, start), min(g.end, end)
            ops.append((g, a - g.start, b - g.start, middle[i : i + (b - a)]))
            i += b - a
        return _Plan(ops)
    if len({_props(g) for g in segs}) == 1:
        ops = []
        for n, g in enumerate(segs):
            a, b = max(g.start, start), min(g.end, end)
            ops.append((g, a - g.start, b - g.start, middle if n == 0 else ""))
        return _Plan(ops)
    raise Refused("the change spans runs with different formatting")


def _vet_segments(segs: list[Segment], *, deleting: bool) -> None:
    """Raise :class:`Refused` if an edit may not touch these segments: an automatic
    number, a field's result, a tab or a break (but for a tab a deletion removes)."""
    for g in segs:
        if g.run is None:
            raise Refused("the change touches an automatic number; renumber in Word")
        if g.field:
            raise Refused(IN_A_FIELD)
        if not g.editable and not (deleting and deletable(g)):
            raise Refused("the change touches a tab or a line break")


def _insertion(para: DocxParagraph, at: int, new: str) -> _Plan:
    """Where inserted text goes: into the run of the character before it, which it then
    looks like — unless that run ends there and has what a mark added after it must not
    take (a hyperlink around it, a character style, underline, right-to-left): then into a
    run of its own after it, or after its hyperlink."""
    before = para.segment_at(at - 1) if at > para.start else None
    after = para.segment_at(at)
    if after is not None and after.run is not None and after.field and (before is None or before.field):
        raise Refused(IN_A_FIELD)
    keep = after.run if after is not None else None
    if before is not None and before.editable:
        op = (before, at - before.start, at - before.start, new)
        if before.field:
            # Right after a field's result: after the field, which keeps its result.
            end = field_end(before, para.element)
            if end is None:
                raise Refused(IN_A_FIELD)
            return _Plan([op], after=outermost(end, para.element, keep))
        if _takes_the_formatting_of(before, after):
            return _Plan([op])
        return _Plan([op], after=outermost(before.run, para.element, keep))
    if after is not None and after.editable and not after.field:
        return _Plan([(after, 0, 0, new)])
    raise Refused("there is no run to insert into at that point")


def _takes_the_formatting_of(before: Segment, after: Segment | None) -> bool:
    """Whether text inserted between two segments is written into ``before``'s run as it
    is: inside that run, or inside a stretch formatted as it is, or after a run whose
    formatting is plain (:func:`resolint.docx.runs.plain`) and in no hyperlink."""
    run = before.run
    if after is not None and after.run is not None:
        if after.run is run:
            return True
        if after.run.getparent() is run.getparent() and _props(after) == _props(before):
            return True
    return plain(run.find(W_RPR)) and not in_container(run)


#: Run children drawn as one character that a deletion may remove whole: a tab (the
#: typed "2.<tab>" after the number Word draws). A line or page break is not: it shapes
#: the page, and no fix means to remove one.
_DELETABLE = frozenset({qn("w:tab"), qn("w:ptab")})


def deletable(seg: Segment) -> bool:
    """Whether a segment not stored as text (:attr:`Segment.editable`) may be deleted whole."""
    return seg.node is not None and seg.node.tag in _DELETABLE


def execute(p: _Plan) -> None:
    if p.after is not None:
        ((seg, _, _, new),) = p.ops
        p.after.addnext(run_like(seg.run, new, added_mark=True))
        return
    # Right to left, so earlier offsets in the same node stay valid.
    for seg, a, b, new in sorted(p.ops, key=lambda op: (op[0].start + op[1]), reverse=True):
        node = seg.node
        if not seg.editable:  # a tab deleted (only a deletion plans one: _planned)
            node.getparent().remove(node)
            continue
        t = node.text or ""
        i, j = seg.node_off + a, seg.node_off + b
        node.text = t[:i] + new + t[j:]
        if node.text != node.text.strip(" "):
            node.set(_XML_SPACE, "preserve")


@record(slots=True)
class DocxFixOutcome:
    doc: DocxText
    result: LintResult
    applied: int = 0
    applied_findings: list[Finding] = field(default_factory=list)
    refused: list[tuple[Finding, str]] = field(default_factory=list)
    writer: Writer | None = None  # the writer that wrote ``doc`` (a new one after a restart)
    endless: set[tuple] = field(default_factory=set)  # what fixes that never end write (the passes stop)


def refuse_across_a_deleted_mark(seg: Segment) -> None:
    """Raise :class:`Refused` for an edit in a paragraph a tracked deletion of a paragraph
    mark joins to its neighbour (:func:`resolint.docx.runs.across_a_deleted_mark`)."""
    if across_a_deleted_mark(seg):
        raise Refused("a tracked deletion joins this paragraph to its neighbour; accept or reject it first")


class Writer:
    """How a pass's planned edits are written into the document.

    The plain writer changes the characters where they stand (``check --fix``);
    :class:`resolint.docx.track.TrackedWriter` proposes them as tracked changes. Both see
    every plan first (``vet``), so a finding is refused whole or applied whole.
    """

    def vet(self, plans: list[_Plan]) -> None:
        """Raise :class:`Refused` if these plans may not be written."""
        for pl in plans:
            for seg, _a, _b, _ in pl.ops:
                rev = revision_of(seg)
                if rev is not None:
                    raise Refused(f"the text is inside a tracked change by {reviewer(rev)}; accept or reject it first")
                refuse_across_a_deleted_mark(seg)

    def again(self, document) -> Writer:
        """A writer like this one for ``document``, a fresh copy of the one it wrote into."""
        return Writer()

    def write(self, doc: DocxText, work: list[tuple[Finding, list[_Plan]]]) -> None:
        flat = [pl for _, pls in work for pl in pls]
        flat.sort(key=lambda pl: max(s.start + a for s, a, _, _ in pl.ops), reverse=True)
        for pl in flat:
            execute(pl)


def fix_docx(
    doc: DocxText, lint_fn: Callable[[DocxText], LintResult], unsafe: bool = False, writer: Writer | None = None
) -> DocxFixOutcome:
    """Apply allowed fixes to a fixed point, in the document's runs.

    The same passes as :func:`resolint.fixes.fix_text` (non-overlapping fixes in document
    order, only those that keep how the draft parses), so a Word document fixes to the
    text its plain-text copy fixes to, except where an edit cannot be made in the runs.

    Fixes that never end (:class:`resolint.fixes.Lineage`) are found only once one of them
    has been written, and runs cannot be rolled back as a text is: so, as the text's loop
    starts again from its text, this one starts again from a copy of the document as it
    was before anything was written (the ``doc`` passed in is then left as it was written;
    the outcome's ``doc`` and ``writer`` are the new ones), with those fixes refused.
    Writing them once and refusing them after grew a Word document by one copy of the
    replacement each ``check --fix``, where the same text was left whole.
    """
    writer = writer or Writer()
    never: set[tuple] = set()
    first: list[bytes] = []  # the document before the first write
    for _ in range(RESTARTS):
        outcome = _passes(doc, lint_fn, unsafe, writer, never, first)
        if not outcome.endless:
            return outcome
        never |= outcome.endless
        doc = build(open_docx("", first[0]), max_text=None)
        writer = writer.again(doc.document)
    result = lint_fn(doc)  # more kept coming: nothing fixed, as for a text
    return DocxFixOutcome(doc, result, writer=writer,
                          refused=[(f, ENDLESS) for f in result.findings if f.fix and fix_writes(f) in never])


def _snapshot(doc: DocxText) -> bytes:
    """The document as a .docx, to start again from."""
    buf = io.BytesIO()
    doc.document.save(buf)
    return buf.getvalue()


def _passes(doc: DocxText, lint_fn: Callable[[DocxText], LintResult], unsafe: bool, writer: Writer,
            never: set[tuple], first: list[bytes]) -> DocxFixOutcome:
    """The passes of :func:`fix_docx`, refusing fixes that write what ``never`` holds;
    they stop once a fix that never ends was written (the outcome's ``endless``).
    ``first`` gets the document as it was before the first write, if empty."""
    result = lint_fn(doc)
    outcome = DocxFixOutcome(doc, result, writer=writer)
    refused: dict[tuple, tuple[Finding, str]] = {}
    lineage = Lineage()
    passes = 0
    while passes < MAX_PASSES:
        # Every fix allowed is planned in the runs first; those the runs cannot take are
        # refused (with the reason) and never chosen, so the fixes they overlapped may be.
        planned: dict[int, list[_Plan]] = {}
        for f in result.findings:
            if allowed(f.fix, unsafe) and never and fix_writes(f) in never:
                refused[_key(doc, f)] = (f, ENDLESS)
            elif allowed(f.fix, unsafe) and _key(doc, f) not in refused:
                try:
                    pls = [plan(doc, e) for e in f.fix.edits]
                    writer.vet(pls)
                    planned[id(f)] = pls
                except Refused as exc:
                    refused[_key(doc, f)] = (f, str(exc))
        # Then the pass of the text's fix loop, on what the runs can take: the same
        # choice and the same structure check, retries included (a set whose fixes
        # together change the structure has its culprits set aside, the rest applied).
        text, given = text_to_lint(doc)
        step = next_pass(text, result, unsafe, set(), findings=[f for f in result.findings if id(f) in planned],
                         paragraphs_given=given)
        if step is None:
            break
        plans = [(f, planned[id(f)]) for f in step[0]]
        passes += 1
        if not first:
            first.append(_snapshot(doc))
        writer.write(doc, plans)
        outcome.applied += len(plans)
        outcome.applied_findings.extend(f for f, _ in plans)
        doc = build(doc.document)
        result = lint_fn(doc)
        outcome.endless = lineage.follow(step[0], result)
        if outcome.endless:
            break
    outcome.doc = doc
    outcome.result = result
    # A refusal is reported only if its finding is still there at the end.
    final = {_key(doc, f): f for f in result.findings}
    outcome.refused = [(final[k], why) for k, (_, why) in refused.items() if k in final]
    return outcome


def _key(doc: DocxText, f: Finding) -> tuple:
    """A finding's identity that survives edits in other paragraphs."""
    p = doc.paragraph_at(f.span.start)
    if p is None:
        return (f.code, f.message, -1, f.span.start)
    return (f.code, f.message, p.index, p.in_table, f.span.start - p.start)
