"""Surgery on runs: split a run at a character, keeping its formatting.

A Word comment is anchored on whole runs (``w:commentRangeStart`` before one run,
``w:commentRangeEnd`` after another), and a finding rarely covers whole runs: the
opener "Recalls" is usually the start of a run that goes on with the paragraph. So we
split the run at the finding's edges: the run is cut in two, both halves keep a copy of
its properties (``w:rPr``) and attributes, and the map from visible text to runs is
updated so later findings in the same paragraph still land on the right characters.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import nsmap, qn
from lxml import etree

from resolint.docx.numbering import on_off
from resolint.docx.reader import (
    MC_ALTERNATECONTENT,
    W_DEL,
    W_FLDCHAR,
    W_FLDCHARTYPE,
    W_FLDSIMPLE,
    W_INS,
    W_MOVEFROM,
    W_MOVETO,
    W_P,
    W_PPR,
    W_RPR,
    W_T,
    DocxParagraph,
    Segment,
    mark_deleted_in,
)

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
W_R, W_RPRCHANGE, W_AUTHOR = qn("w:r"), qn("w:rPrChange"), qn("w:author")
_REVISION_TAGS = frozenset({W_INS, W_MOVETO})


def _new_t(text: str, like):
    t = copy.copy(like)  # same tag and attributes, no children to speak of
    for child in list(t):
        t.remove(child)
    t.text = text
    t.set(_XML_SPACE, "preserve")
    return t


def run_like(like_run, text: str, *, added_mark: bool = False):
    """A new run of ``text`` formatted as ``like_run`` (its tag and attributes; its
    properties without revision marks, and for an ``added_mark`` its plain ones only:
    :func:`props_for`). What ``check --fix`` and the tracked writer both insert."""
    run = copy.copy(like_run)  # tag and attributes only
    for child in list(run):
        run.remove(child)
    r_pr = props_for(like_run.find(W_RPR), added_mark=added_mark)
    if r_pr is not None and len(r_pr):
        run.append(r_pr)
    t = etree.SubElement(run, W_T)
    t.text = text
    t.set(_XML_SPACE, "preserve")
    return run


def split_at(para: DocxParagraph, offset: int) -> bool:
    """Make ``offset`` a run boundary in ``para``; return whether a run was split.

    Nothing happens at an offset that is already a boundary (the start of a run, the end
    of the last one), in synthetic text, or outside the paragraph.
    """
    seg = para.segment_at(offset)
    if seg is None or seg.run is None:
        return False
    run = seg.run
    first = next(s for s in para.segments if s.run is run)
    if offset == first.start:
        return False  # already the start of the run
    if offset > seg.start:
        if not seg.editable:
            return False  # inside a one-character tab or break: cannot happen for width 1
        _split_segment(para, seg, offset)
        seg = para.segment_at(offset)
    # Now a segment of `run` starts exactly at `offset`: move its node and everything
    # after it into a new run placed right after `run`.
    node = seg.node
    new_run = copy.copy(run)  # a shallow lxml copy carries the tag and attributes only
    for child in list(new_run):
        new_run.remove(child)
    r_pr = run.find(W_RPR)
    if r_pr is not None:
        new_run.append(copy.deepcopy(r_pr))
    moving = False
    for child in list(run):
        if child is node:
            moving = True
        if moving:
            new_run.append(child)  # lxml moves the element
    run.addnext(new_run)
    for s in para.segments:
        if s.run is run and s.start >= offset:
            s.run = new_run
    return True


def _split_segment(para: DocxParagraph, seg: Segment, offset: int) -> None:
    """Cut a ``w:t`` in two at ``offset``: its text before stays, the rest goes to a new ``w:t``."""
    node = seg.node
    k = seg.node_off + (offset - seg.start)
    text = node.text or ""
    tail = _new_t(text[k:], node)
    node.text = text[:k]
    node.set(_XML_SPACE, "preserve")
    node.addnext(tail)
    # Later segments of the same node (none, as built; possible after earlier splits) move too.
    i = para.segments.index(seg)
    new = Segment(offset, seg.end, seg.run, tail, 0, seg.italic, seg.field, seg.field_begin, seg.capitals)
    seg.end = offset
    para.segments.insert(i + 1, new)
    for s in para.segments[i + 2 :]:
        if s.node is node:
            s.node = tail
            s.node_off -= k
    para.seg_starts = [s.start for s in para.segments]


#: Run properties a mark added after a run takes from it: how its letters are drawn (font,
#: size, bold, italic, capitals, spacing, language). Every other is left: a character
#: style (``w:rStyle``: Hyperlink, Emphasis), underline, strikethrough, highlight, colour,
#: superscript, right-to-left (``w:rtl``, ``w:cs``), hidden text, and any revision mark
#: (``w:rPrChange``: another reviewer's formatting change).
_PLAIN_PROPS = frozenset(
    qn(f"w:{t}") for t in ("rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "spacing", "w", "kern", "sz", "szCs", "lang", "noProof")
)
#: Revision marks a run's properties may hold; never copied into a run of our own.
_REVISION_PROPS = frozenset(qn(f"w:{t}") for t in ("rPrChange", "ins", "del", "moveFrom", "moveTo"))
#: Containers a run sits in that an added mark goes after, not inside: a hyperlink, a
#: field, a content control, a smart tag, a bidirectional embedding, a tracked insertion.
_CONTAINERS = frozenset(
    qn(f"w:{t}") for t in ("hyperlink", "fldSimple", "smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo")
) | {W_INS, W_MOVETO}


def plain(r_pr) -> bool:
    """Whether a run's properties (``w:rPr`` or None) hold only what an added mark may take."""
    return r_pr is None or all(child.tag in _PLAIN_PROPS for child in r_pr)


def props_for(r_pr, *, added_mark: bool):
    """A copy of a run's properties for a run of our own (None for none): without revision
    marks; for a mark added after the run, with only :data:`_PLAIN_PROPS`."""
    if r_pr is None:
        return None
    out = copy.deepcopy(r_pr)
    for child in list(out):
        if child.tag in _REVISION_PROPS or (added_mark and child.tag not in _PLAIN_PROPS):
            out.remove(child)
    return out


def outermost(run, paragraph, keep=None):
    """The outermost container of ``run`` in ``paragraph`` (:data:`_CONTAINERS`) that does
    not hold ``keep`` — ``run`` itself if it sits in none: what a mark added right after
    the run goes after."""
    el = run
    parent = el.getparent()
    while parent is not None and parent is not paragraph and parent.tag in _CONTAINERS:
        if keep is not None and holds(parent, keep):
            break
        el = parent
        parent = el.getparent()
    return el


def field_end(seg: Segment, paragraph):
    """The run whose ``w:fldChar`` ends the outermost field ``seg`` is in (the run itself
    for a ``w:fldSimple``), or None if that is not in ``paragraph``: what a mark added
    right after the field's result goes after."""
    run = seg.run
    depth = seg.field - sum(1 for _ in run.iterancestors(W_FLDSIMPLE))
    if depth <= 0:
        return run
    runs = paragraph.iter(W_R)
    for r in runs:
        if r is run:
            break
    # (the reader does not see a deleted run's field characters)
    return _where_fields_close(runs, depth, lambda r: any(el.tag in (W_DEL, W_MOVEFROM) for el in r.iterancestors()))


def _where_fields_close(runs, depth: int, unread) -> object | None:
    """The first of ``runs`` whose field characters close the ``depth`` fields open before
    it (a begin opens one, an end closes one), skipping the runs ``unread(run)`` says the
    reader does not read; None when they stay open."""
    for r in runs:
        if unread(r):
            continue
        for fc in r.iterfind(W_FLDCHAR):
            kind = fc.get(W_FLDCHARTYPE)
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
            if depth == 0:
                return r
    return None


#: The runs after an element, in document order, that hold a field character.
_LATER_FIELD_CHARS = etree.XPath("following::w:r[w:fldChar]", namespaces={"w": nsmap["w"]})
#: What the reader does not read, so whose field characters it does not count either.
_UNREAD = frozenset({W_DEL, W_MOVEFROM, qn("w:tbl"), qn("w:txbxContent")})


def whole_field(begin):
    """The last element of the field that starts at ``begin`` (a ``w:fldSimple``: itself;
    the run of a ``w:fldChar`` begin: the run of its matching end, wherever it is), or
    None if it has no end: a comment on what the field displays goes from ``begin`` to
    it, outside the result Word replaces when it updates the field."""
    if begin.tag == W_FLDSIMPLE:
        return begin
    return _where_fields_close(_field_chars_from(begin), 0,
                               lambda r: r is not begin and any(el.tag in _UNREAD for el in r.iterancestors()))


W_SDT, W_SDTPR, W_LOCK, W_DATABINDING = qn("w:sdt"), qn("w:sdtPr"), qn("w:lock"), qn("w:dataBinding")
W_SHOWINGPLCHDR = qn("w:showingPlcHdr")
#: Locks of a content control under which its text may not be edited.
_CONTENT_LOCKS = frozenset({"contentLocked", "sdtContentLocked"})


def _field_chars_from(begin):
    """``begin`` and the runs after it that hold a field character, in document order:
    those of its paragraph first, then (only if asked: a field over paragraphs is rare)
    the rest of the document's."""
    yield begin
    para = next(begin.iterancestors(W_P), None)
    if para is None:
        yield from _LATER_FIELD_CHARS(begin)
        return
    after = False
    for r in para.iter(W_R):
        if after and r.find(W_FLDCHAR) is not None:
            yield r
        after = after or r is begin
    yield from _LATER_FIELD_CHARS(para)


def locked_control(el) -> str | None:
    """Why the text of a content control around ``el`` (inline, or around its paragraph)
    may not be changed, or None: a control bound to the document's data (Word fills it
    in again from that data when it opens the file, undoing the change), one its author
    locked against editing (a template's fixed wording), or one showing its placeholder
    (a prompt, not the draft's text: an edit would turn it into text). Or why text in
    one branch of an ``mc:AlternateContent`` may not be changed (:data:`ALTERNATE`)."""
    if next(el.iterancestors(MC_ALTERNATECONTENT), None) is not None:
        return ALTERNATE
    for sdt in el.iterancestors(W_SDT):
        why = _guarded(sdt)
        if why:
            return why
    return None


#: Why no edit is made in an ``mc:AlternateContent``: it holds the words twice, and the
#: reader reads one branch (:func:`resolint.docx.reader.chosen_branch`) where Word may
#: show the other; an edit of one would show in one application and not the other.
ALTERNATE = ("the text is in markup kept in two versions (mc:AlternateContent) for different versions of Word; "
             "an edit of one would not show in the other: change the text in Word")

#: Why no edit is made in or beside a content control's placeholder.
PLACEHOLDER = ("the text is a content control's placeholder (the template's prompt, which goes when "
               "the control is filled in); type the paragraph's text first")


def _showing_placeholder(pr) -> bool:
    shown = pr.find(W_SHOWINGPLCHDR)
    return shown is not None and on_off(shown)


def in_placeholder(el) -> bool:
    """Whether ``el`` is in a content control showing its placeholder ("Click or tap here
    to enter text."): no edit goes in it, nor right after it (a final mark added to the
    template's prompt)."""
    return any(pr is not None and _showing_placeholder(pr) for pr in (s.find(W_SDTPR) for s in el.iterancestors(W_SDT)))


def guarded_control(el, paragraph):
    """The outermost content control around ``el`` inside ``paragraph`` whose text may not
    be changed (:func:`locked_control`), or ``mc:AlternateContent``, or None: a comment on
    its text goes around it, as Word replaces (or will not let anyone mark) what is
    inside, or shows the other branch than the one read (a mark in it would be lost)."""
    found = None
    parent = el.getparent()
    while parent is not None and parent is not paragraph:
        if (parent.tag == W_SDT and _guarded(parent)) or parent.tag == MC_ALTERNATECONTENT:
            found = parent
        parent = parent.getparent()
    return found


def _guarded(sdt) -> str | None:
    pr = sdt.find(W_SDTPR)
    if pr is None:
        return None
    if _showing_placeholder(pr):
        return PLACEHOLDER
    if pr.find(W_DATABINDING) is not None:
        return ("the text is in a content control bound to the document's data, which Word fills in "
                "again (undoing the change); change the data or remove the binding")
    lock = pr.find(W_LOCK)
    if lock is not None and lock.get(qn("w:val")) in _CONTENT_LOCKS:
        return "the text is in a content control locked against editing; unlock it in Word first"
    return None


def in_container(run) -> bool:
    """Whether ``run`` sits in a container other than a tracked insertion (a hyperlink, a
    field, a content control …)."""
    el = run.getparent()
    while el is not None and el.tag != W_P:
        if el.tag in _CONTAINERS and el.tag not in _REVISION_TAGS:
            return True
        el = el.getparent()
    return False


def holds(el, other) -> bool:
    """Whether ``other`` is ``el`` or inside it."""
    while other is not None:
        if other is el:
            return True
        other = other.getparent()
    return False


def top_level(el, paragraph):
    """The ancestor of ``el`` that is a direct child of ``paragraph`` (``el`` itself if it is)."""
    while el.getparent() is not None and el.getparent() is not paragraph:
        el = el.getparent()
    return el


def across_a_deleted_mark(seg: Segment) -> bool:
    """Whether the segment's paragraph is one of two that a tracked deletion of a paragraph
    mark joins (its own mark deleted, or the one before it): resolint reads them apart,
    Word's Accept All makes them one, so an edit at either's end (a final mark added) would
    be wrong once accepted ("…2023," / "on sustainable fisheries," read as one)."""
    el = seg.run
    while el is not None and el.tag != W_P:
        el = el.getparent()
    if el is None:
        return False
    before = el.getprevious()
    return mark_deleted_in(el.find(W_PPR)) or (before is not None and before.tag == W_P and mark_deleted_in(before.find(W_PPR)))


def revision_of(seg: Segment):
    """Another reviewer's tracked change the segment's text is part of, or None: the
    tracked insertion (``w:ins``/``w:moveTo``) its run sits in, else the run itself when
    its formatting change is tracked (a ``w:rPrChange`` in its properties, as Word
    records "made italic" with Track Changes on)."""
    el = seg.run.getparent() if seg.run is not None else None
    while el is not None and el.tag != W_P:
        if el.tag in _REVISION_TAGS:
            return el
        el = el.getparent()
    r_pr = seg.run.find(W_RPR) if seg.run is not None else None
    if r_pr is not None and r_pr.find(W_RPRCHANGE) is not None:
        return seg.run
    return None


def reviewer(rev) -> str:
    """The author of a tracked change :func:`revision_of` gives."""
    if rev.tag == W_R:
        rev = rev.find(W_RPR).find(W_RPRCHANGE)
    return rev.get(W_AUTHOR) or "another reviewer"
