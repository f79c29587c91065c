"""Read a Word document into the text a reader sees, plus a map back to its runs.

The engine lints plain text, so a .docx becomes one: each body paragraph on a line of
its own, a blank line between paragraphs, the automatic number label a reader sees
("1. ", "(a) ") in front. Every character of that text is traced back to where it came
from — a ``w:t`` node of a run, at an offset — or marked *synthetic* when Word draws it
without storing it as text (number labels, tabs, line breaks). Rules, locations,
comments and fixes all go through that map.

What counts as visible: runs in document order, including tracked insertions (``w:ins``,
read as if accepted, and counted) and the displayed result of fields (each segment
knows it is one: Word computes it again, so no fix is written there); not tracked
deletions (``w:del``, ``w:moveFrom``: skipped and counted), field instructions, hidden
text (``w:vanish``), drawings or text boxes. Tables, headers and footers are not part of
a resolution's clauses: they are not linted, and :class:`ReadStats` says how many there
were so the CLI can say so.

The text is bounded: :func:`build` stops with a :class:`~resolint.docx.package.DocxError`
once the visible text plus one character per paragraph and the level text of each
automatic number rendered passes ``max_text`` (the ``max-file-size`` setting), so
300,000 tiny paragraphs packed in 90 KB are refused as a 5 MB text file would be, not
read for minutes.
"""

from __future__ import annotations

import bisect
from dataclasses import field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from resolint.config import DEFAULT_MAX_FILE_SIZE
from resolint.docx.numbering import BULLET, Numbering, on_off
from resolint.docx.package import DocxError
from resolint.docx.stylesheet import StyleSheet
from resolint.records import record
from resolint.source import Span

W_P, W_R, W_T, W_TBL, W_SDT, W_SDTCONTENT = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
W_TC = qn("w:tc")
W_PPR, W_RPR, W_PSTYLE, W_VAL = qn("w:pPr"), qn("w:rPr"), qn("w:pStyle"), qn("w:val")
W_INS, W_DEL, W_MOVEFROM, W_MOVETO = qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")
W_CRS, W_CRE, W_ID = qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:id")
W_VANISH = qn("w:vanish")
W_FLDCHAR, W_FLDCHARTYPE, W_FLDSIMPLE = qn("w:fldChar"), qn("w:fldCharType"), qn("w:fldSimple")
#: Containers inside a paragraph whose runs are part of the paragraph's text.
_TRANSPARENT = frozenset(qn(t) for t in ("w:hyperlink", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir", "w:bdo")) | {W_INS, W_MOVETO}
#: Run children drawn as a character but not stored as text.
_SYNTHETIC = {qn("w:tab"): " ", qn("w:ptab"): " ", qn("w:br"): " ", qn("w:cr"): " ", qn("w:noBreakHyphen"): "-"}
_BLOCK_CONTAINERS = frozenset({qn("w:customXml"), W_SDT, W_SDTCONTENT})

PARAGRAPH_SEPARATOR = "\n\n"


@record(slots=True)
class Segment:
    """A stretch ``[start, end)`` of the visible text and where it comes from.

    ``run`` is the ``w:r`` it belongs to and ``node`` the run's child that draws it: a
    ``w:t`` holding the characters from ``node_off`` on, or a ``w:tab``/``w:br``/``w:sym``
    drawn as one character. Both are None for text Word computes (a number label).
    ``field`` is how many fields (``w:fldChar`` begin … end, ``w:fldSimple``) it is
    inside: the result a field displays, which Word computes again (a date, a merge field).
    ``field_begin`` is where the outermost of them begins (its ``w:fldSimple``, or the run
    of its ``w:fldChar`` begin): a comment on the result goes around the whole field, as
    one inside is dropped when Word updates it.
    ``capitals``: Word shows the run in capitals (``w:caps``, ``w:smallCaps``, set on it
    or through a style): its text is read as shown (:func:`shown_in_capitals`), not as
    stored, so the case rules judge what a reader sees.
    """

    start: int
    end: int
    run: object | None
    node: object | None
    node_off: int = 0
    italic: bool | None = None
    field: int = 0
    field_begin: object | None = None
    capitals: bool = False

    @property
    def editable(self) -> bool:
        """Whether its characters are stored as text (and so can be changed in place)."""
        return self.node is not None and self.node.tag == W_T


@record(slots=True)
class DocxParagraph:
    index: int  # position among the body's paragraphs, in document order (tables excluded); in a table: the next one's
    element: object  # the w:p
    start: int  # offset of its line in the visible text
    end: int
    label: str  # automatic number as displayed, "" if none
    style: str | None
    segments: list[Segment] = field(default_factory=list)
    seg_starts: list[int] = field(default_factory=list, repr=False)
    in_table: bool = False  # a paragraph of a table cell that Word numbers in a list (:func:`_body_paragraphs`)

    def segment_at(self, offset: int) -> Segment | None:
        i = bisect.bisect_right(self.seg_starts, offset) - 1
        if i >= 0 and self.segments[i].start <= offset < self.segments[i].end:
            return self.segments[i]
        return None

    def segments_in(self, span: Span) -> list[Segment]:
        lo = max(0, bisect.bisect_right(self.seg_starts, span.start) - 1)
        out = []
        for seg in self.segments[lo:]:
            if seg.start >= span.end:
                break
            if seg.end > span.start:
                out.append(seg)
        return out

    @property
    def text_start(self) -> int:
        """Where the paragraph's own text starts (after a synthetic label)."""
        for seg in self.segments:
            if seg.run is not None:
                return seg.start
        return self.end


@record(slots=True)
class ReadStats:
    tables: int = 0
    table_paragraphs: int = 0  # paragraphs of tables read all the same: those Word numbers in a list
    headers_footers: int = 0
    insertions: int = 0  # tracked insertions read as accepted
    deletions: int = 0  # tracked deletions skipped
    text_boxes: int = 0
    notes_referenced: int = 0  # footnote references (the notes' text is not read)
    endnotes_referenced: int = 0  # endnote references (their text is not read either)
    read_as: list[str] = field(default_factory=list)  # values read differently from the file

    def left_out(self) -> list[str]:
        """What of the document its text (and so an export of it) does not hold: tables,
        text boxes, footnotes, endnotes ("1 table", "2 footnotes")."""
        counts = ((self.tables, "table", "tables"), (self.text_boxes, "text box", "text boxes"),
                  (self.notes_referenced, "footnote", "footnotes"), (self.endnotes_referenced, "endnote", "endnotes"))
        return [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]

    def notes(self) -> list[str]:
        out = list(dict.fromkeys(self.read_as))
        if self.tables:
            read = self.table_paragraphs
            but = f" but for {read} numbered paragraph{'s' if read != 1 else ''}" if read else ""
            out.append(f"{self.tables} table{'s' if self.tables != 1 else ''} not linted{but}")
        if self.headers_footers:
            out.append("headers and footers not linted")
        if self.text_boxes:
            out.append(f"{self.text_boxes} text box{'es' if self.text_boxes != 1 else ''} not linted")
        if self.notes_referenced:
            out.append(f"{self.notes_referenced} footnote{'s' if self.notes_referenced != 1 else ''} not linted")
        if self.endnotes_referenced:
            out.append(f"{self.endnotes_referenced} endnote{'s' if self.endnotes_referenced != 1 else ''} not linted")
        if self.insertions or self.deletions:
            out.append(
                f"tracked changes: {self.insertions} insertion{'s' if self.insertions != 1 else ''} read as accepted, "
                f"{self.deletions} deletion{'s' if self.deletions != 1 else ''} skipped"
            )
        return out


@record(slots=True)
class CommentAnchor:
    """An existing comment: who wrote it, its text and the visible range it covers."""

    id: str
    author: str
    text: str
    span: Span | None


@record(slots=True)
class DocxText:
    """A Word document as resolint reads it."""

    document: object  # the python-docx Document (kept: annotate and fix write through it)
    text: str
    paragraphs: list[DocxParagraph]
    stats: ReadStats
    comments: list[CommentAnchor]
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> DocxParagraph | None:
        """The paragraph whose line holds ``offset`` (its end counts: insertion points)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return self.paragraphs[0] if self.paragraphs else None
        p = self.paragraphs[i]
        if offset <= p.end:
            return p
        # In the blank line between two paragraphs: the next one.
        return self.paragraphs[i + 1] if i + 1 < len(self.paragraphs) else p

    def position(self, p: DocxParagraph) -> int:
        """Where ``p`` is in :attr:`paragraphs`."""
        return bisect.bisect_right(self._starts, p.start) - 1

    def italic_at(self, offset: int) -> bool | None:
        """Whether the character at ``offset`` is italic; None for synthetic text."""
        p = self.paragraph_at(offset)
        seg = p.segment_at(offset) if p else None
        return seg.italic if seg and seg.run is not None else None

    def drawn_at(self, offset: int) -> bool:
        """Whether the character at ``offset`` is an automatic number's label (Word
        draws it; no run holds it)."""
        p = self.paragraph_at(offset)
        seg = p.segment_at(offset) if p else None
        return seg is not None and seg.run is None


def related_part(document, reltype: str):
    """A part related to the main document, or None (never creates one)."""
    try:
        return document.part.part_related_by(reltype)
    except KeyError:
        return None


def build(document, max_text: int | None = DEFAULT_MAX_FILE_SIZE) -> DocxText:
    """Trace the visible text of ``document`` (a python-docx Document).

    ``max_text``: refuse (``DocxError``) a document whose text, counting one character
    per paragraph, is longer; 0 or None for no limit.
    """
    styles_part = related_part(document, RT.STYLES)
    numbering_part = related_part(document, RT.NUMBERING)
    sheet = StyleSheet(styles_part.element if styles_part is not None else None)
    numbering = Numbering(numbering_part.element if numbering_part is not None else None, sheet)
    stats = ReadStats()
    root = document.element
    body = root.find(qn("w:body")) if root.tag == qn("w:document") else None
    if body is None:
        raise DocxError("not a Word document: its main part has no document body (w:document/w:body)")
    builder = _Builder(sheet, numbering, stats, lambda: _lists_outside_tables(body, numbering))
    for p, in_table in _body_paragraphs(body, stats):
        builder.paragraph(p, in_table)
        if max_text and builder.pos + builder.index + numbering.work > max_text:
            raise DocxError(
                f"the document's text is larger than the size limit ({max_text:,} characters, "
                f"counting one per paragraph and the template of each automatic number; "
                f"at paragraph {builder.index:,}): raise max-file-size "
                "(0 for no limit) or lint it in parts"
            )
    stats.read_as.extend(numbering.notes)
    for sect in body.iter(qn("w:sectPr")):
        stats.headers_footers += len(sect.findall(qn("w:headerReference"))) + len(sect.findall(qn("w:footerReference")))
    text = "".join(builder.out)
    comments = _comments(document, builder.marks)
    return DocxText(document, text, builder.paragraphs, stats, comments)


def mark_deleted_in(p_pr) -> bool:
    """Whether a paragraph's properties (``w:pPr``, or None) say its mark is a tracked
    deletion: Accept All joins the paragraph to the next one."""
    r_pr = p_pr.find(W_RPR) if p_pr is not None else None
    return r_pr is not None and r_pr.find(W_DEL) is not None


def _body_paragraphs(container, stats: ReadStats, in_table: bool = False):
    """The paragraphs of ``container`` in document order, each with whether it stands in
    a table. A table's paragraphs come too: Word counts the numbered ones in their list
    (a list numbered 1. before a table, 2. in a cell and 3. after it), so the numbers
    after a table are read as Word shows them only if they are counted, and a clause
    Word numbers is a clause wherever it stands. The reader keeps of a table only those
    (:meth:`_Builder.paragraph`); its other text (figures, sponsors, a layout's words)
    is not linted, nor a list of its own (:func:`_lists_outside_tables`)."""
    for child in container:
        tag = child.tag
        if tag == W_P:
            yield child, in_table
        elif tag == W_TBL:
            if not in_table:
                stats.tables += 1
            for cell in child.iter(W_TC):
                if _table_of(cell) is child:
                    yield from _body_paragraphs(cell, stats, True)
        elif tag in _BLOCK_CONTAINERS:
            yield from _body_paragraphs(child, stats, in_table)


def _lists_outside_tables(body, numbering: Numbering) -> set:
    """The lists (:meth:`Numbering.list_of`) that number a paragraph outside any table.
    A table's numbered paragraph is a clause only in one of those (1. before the table,
    2. in a cell, 3. after it); a list of the table's own (its rows numbered 1., 2.: the
    pledges of a list of donors) is the table's content, read no more than its figures.
    It drew OPR002 ("Number 1 follows 2") and the clauses' rules on each row. When
    nothing outside tables is numbered (bullets aside), the draft's numbered clauses
    may all stand in tables (an operative part set in a box): every table's list is
    then read, as before (:meth:`_Builder._in_body_list`)."""
    out = set()
    for p, in_table in _body_paragraphs(body, ReadStats()):
        if not in_table:
            p_pr = p.find(W_PPR)
            key = numbering.list_of(p_pr, _style_of(p_pr), numbered=True)
            if key is not None:
                out.add(key)
    return out


def _style_of(p_pr) -> str | None:
    """The paragraph style a paragraph's properties (``w:pPr``, or None) name."""
    ps = p_pr.find(W_PSTYLE) if p_pr is not None else None
    return ps.get(W_VAL) if ps is not None else None


def _table_of(cell):
    """The table a cell belongs to (a cell of a nested table belongs to that one)."""
    el = cell.getparent()
    while el is not None and el.tag != W_TBL:
        el = el.getparent()
    return el


class _Builder:
    def __init__(self, sheet: StyleSheet, numbering: Numbering, stats: ReadStats, body_lists) -> None:
        self.sheet = sheet
        self.numbering = numbering
        self.stats = stats
        # The lists numbering paragraphs outside tables (:func:`_lists_outside_tables`),
        # read at the first numbered paragraph of a table (a walk of the whole body).
        self._body_lists = body_lists
        self._lists: set | None = None
        self.out: list[str] = []
        self.pos = 0
        self.paragraphs: list[DocxParagraph] = []
        self.index = 0
        self.marks: dict[str, list[int | None]] = {}  # comment id -> [start, end]
        self._marked: list[tuple[str, int]] = []  # (comment id, 0 or 1): marks set in this paragraph
        self.fields = 0  # fields open here: w:fldChar begins not yet ended (they may span paragraphs), w:fldSimple
        self.field_begin = None  # where the outermost open field begins (Segment.field_begin)
        # Per open w:fldChar field, whether its instructions are still being read (begin
        # to separate): a field nested there shows its result as w:t, which Word does not
        # display (it is part of the outer field's code, as in IF { MERGEFIELD x } …).
        self._codes: list[bool] = []

    def paragraph(self, p, in_table: bool = False) -> None:
        """Read one paragraph; of a table, only one Word numbers in a list (its number is
        counted all the same: :func:`_body_paragraphs`)."""
        index = self.index
        counted = None  # a table paragraph's label, counted before its text is read
        if in_table:
            p_pr = p.find(W_PPR)
            in_list = self._in_body_list(p_pr)
            counted = self.numbering.label(p_pr, _style_of(p_pr))
            if not counted or counted == BULLET or not in_list:
                return
            self.stats.table_paragraphs += 1
        else:
            self.index += 1
        p_pr = p.find(W_PPR)
        style = None
        mark_deleted = False
        if p_pr is not None:
            ps = p_pr.find(W_PSTYLE)
            style = ps.get(W_VAL) if ps is not None else None
            mark_deleted = mark_deleted_in(p_pr)
        segments: list[Segment] = []
        sep = PARAGRAPH_SEPARATOR if self.paragraphs else ""
        start = self.pos + len(sep)
        pieces: list[str] = []
        self._marked = []
        # Instructions end in their paragraph: a field begun and never separated hides
        # no more than the rest of its paragraph.
        self._codes = [False] * len(self._codes)
        cursor = self._content(p, style, segments, pieces, start)
        if mark_deleted and not "".join(pieces).strip(" "):
            # All its text and its mark deleted: Accept All removes the paragraph, and
            # Word's numbering after it does not count it (so neither is its number).
            self.stats.deletions += 1
            return
        label = self.numbering.label(p_pr, style) if counted is None else counted
        if label:
            # The number Word draws goes in front: what was read moves right by its length.
            prefix = label + " "
            shift = len(prefix)
            for seg in segments:
                seg.start += shift
                seg.end += shift
            for cid, edge in dict.fromkeys(self._marked):  # a mark set twice moved once
                self.marks[cid][edge] += shift
            segments.insert(0, Segment(start, start + shift, None, None))
            pieces.insert(0, prefix)
            cursor += shift
        line = "".join(pieces)
        if not line.strip() and not label:
            # An empty paragraph is spacing, not a clause; comment marks in it go nowhere.
            return
        self.out.append(sep)
        self.out.append(line)
        self.pos = cursor
        para = DocxParagraph(index, p, start, cursor, label, style, segments, [s.start for s in segments], in_table)
        self.paragraphs.append(para)

    def _in_body_list(self, p_pr) -> bool:
        """Whether a table's paragraph is numbered in a list that numbers paragraphs
        outside tables too."""
        key = self.numbering.list_of(p_pr, _style_of(p_pr))
        if key is None:
            return False
        if self._lists is None:
            self._lists = self._body_lists()
        return key in self._lists or not self._lists

    def _content(self, el, style, segments, pieces, cursor) -> int:
        for child in el:
            tag = child.tag
            if tag == W_R:
                cursor = self._run(child, style, segments, pieces, cursor)
            elif tag in _TRANSPARENT:
                if tag in (W_INS, W_MOVETO):  # a move is read at its destination: the text it inserts there
                    self.stats.insertions += 1
                simple = tag == W_FLDSIMPLE
                if simple and not self.fields:
                    self.field_begin = child
                self.fields += simple
                cursor = self._content(child, style, segments, pieces, cursor)
                self.fields -= simple
            elif tag in (W_DEL, W_MOVEFROM):
                self.stats.deletions += 1
                # Its text is not read, but a comment's edge in it is where it stands
                # (LibreOffice writes a range's end into the deletion after it).
                for mark in child.iter(W_CRS, W_CRE):
                    self._mark(mark, cursor)
            elif tag == W_SDT:
                sc = child.find(W_SDTCONTENT)
                if sc is not None:
                    cursor = self._content(sc, style, segments, pieces, cursor)
            elif tag in (W_CRS, W_CRE):
                self._mark(child, cursor)
            elif tag == MC_ALTERNATECONTENT:
                branch = chosen_branch(child)
                if branch is not None:
                    cursor = self._content(branch, style, segments, pieces, cursor)
        return cursor

    def _mark(self, el, cursor: int) -> None:
        """Record a comment range's start or end (``el``) at ``cursor``."""
        edge = 0 if el.tag == W_CRS else 1
        self.marks.setdefault(el.get(W_ID), [None, None])[edge] = cursor
        self._marked.append((el.get(W_ID), edge))

    def _run(self, r, style, segments, pieces, cursor) -> int:
        r_pr = r.find(W_RPR)
        if r_pr is not None:
            v = r_pr.find(W_VANISH)
            if v is not None and on_off(v):
                for child in r.iterfind(W_FLDCHAR):
                    self._field_char(child, r)
                return cursor
        italic: bool | None = None
        capitals = self.sheet.run_capitals(r_pr, style)
        for child in r:
            tag = child.tag
            if tag == W_FLDCHAR:
                self._field_char(child, r)
                continue
            if True in self._codes:
                continue  # in a field's instructions: not displayed
            text = _drawn(child, tag)
            if text is None:
                self._unread(child)
                continue
            if not text:
                continue
            if italic is None and tag != W_SYM:
                italic = self.sheet.run_italic(r_pr, style)
            if capitals and tag == W_T:
                text = shown_in_capitals(text)
            segments.append(Segment(cursor, cursor + len(text), r, child, 0, None if tag == W_SYM else italic,
                                    self.fields, self.field_begin if self.fields else None, capitals and tag == W_T))
            pieces.append(text)
            cursor += len(text)
        return cursor

    def _unread(self, child) -> None:
        """Count what a run holds that is not read: a note's reference, a text box."""
        tag = child.tag
        if tag == W_FOOTNOTEREFERENCE:
            self.stats.notes_referenced += 1
        elif tag == W_ENDNOTEREFERENCE:  # an endnote was counted as a footnote
            self.stats.endnotes_referenced += 1
        elif tag in (qn("w:drawing"), qn("w:pict")) or tag.endswith("}AlternateContent"):
            if child.find(f".//{qn('w:txbxContent')}") is not None:
                self.stats.text_boxes += 1

    def _field_char(self, fc, run) -> None:
        kind = fc.get(W_FLDCHARTYPE)
        if kind == "begin":
            if not self.fields:
                self.field_begin = run
            self.fields += 1
            self._codes.append(True)
        elif kind == "separate" and self._codes:
            self._codes[-1] = False
        elif kind == "end":
            if self.fields > 0:
                self.fields -= 1
            if self._codes:
                self._codes.pop()


#: A footnote's and an endnote's reference in a run (the note's text is in another part).
W_FOOTNOTEREFERENCE, W_ENDNOTEREFERENCE = qn("w:footnoteReference"), qn("w:endnoteReference")


W_SYM = qn("w:sym")

#: Markup compatibility (ECMA-376 Part 3): an ``mc:AlternateContent`` holds the same
#: content more than once, an ``mc:Choice`` for consumers that understand the namespaces
#: its ``Requires`` names, then an ``mc:Fallback`` for the others.
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC_ALTERNATECONTENT, MC_CHOICE, MC_FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
#: The namespaces whose markup the reader understands: WordprocessingML's main one only.
UNDERSTOOD = frozenset({qn("w:p")[1:].split("}")[0]})


def chosen_branch(alternate):
    """The one branch of an ``mc:AlternateContent`` a consumer reads, as the markup
    compatibility rules say (ECMA-376 Part 3, §10.2.1): the first ``mc:Choice`` all of
    whose ``Requires`` prefixes name a namespace it understands (:data:`UNDERSTOOD`),
    else the ``mc:Fallback``, else none. Never two: both hold the same words, read twice
    they were a paragraph said twice. In practice a Choice requires an extension (w14,
    wps) and the Fallback, written for consumers without it, is what is read; Word itself
    shows the Choice, which is why no fix is written in either (:func:`resolint.docx.runs.locked_control`)."""
    for branch in alternate:
        if branch.tag == MC_CHOICE:
            prefixes = (branch.get("Requires") or "").split()
            if prefixes and all(branch.nsmap.get(pfx) in UNDERSTOOD for pfx in prefixes):
                return branch
        elif branch.tag == MC_FALLBACK:
            return branch
    return None


def shown_in_capitals(text: str) -> str:
    """``text`` as Word shows it in All caps or Small caps: each letter in capitals, but
    for one whose capital is longer ("ß": "SS"), kept, so each shown character is still
    one stored character (the map from text to runs counts on it)."""
    up = text.upper()
    if len(up) == len(text):
        return up
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def _drawn(child, tag) -> str | None:
    """The characters a run's child draws ("" for none: an empty text, a symbol that is no
    character), or None for a child that is not text (a note's reference, a drawing)."""
    if tag == W_T:
        text = child.text or ""
        return text.replace("\r", " ").replace("\n", " ") if "\n" in text or "\r" in text else text
    if tag in _SYNTHETIC:
        return _SYNTHETIC[tag]
    if tag == W_SYM:
        return _sym_char(child.get(qn("w:char"), "")) or ""
    return None


def _sym_char(code: str) -> str | None:
    """The character a ``w:sym`` draws, from its hex code; U+FFFD for a surrogate.

    A lone surrogate cannot be written in UTF-8 (every output format would fail);
    None for a code that is not a character at all, or a control character (Akoma Ntoso
    and HTML export cannot write one). A Symbol font's bullet (F0B7) is a private-use
    character the parser reads as a bullet (``patterns.BULLETS``).
    """
    code = code.strip()
    if not code or len(code) > 8:
        return None
    try:
        cp = int(code, 16)
    except ValueError:
        return None
    if not 0 < cp <= 0x10FFFF:
        return None
    if 0xD800 <= cp <= 0xDFFF:
        return "\ufffd"
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return None  # a control character draws nothing (and XML output cannot hold it)
    return chr(cp)


def _comments(document, marks: dict[str, list[int | None]]) -> list[CommentAnchor]:
    part = related_part(document, RT.COMMENTS)
    if part is None:
        return []
    out = []
    for c in part.element.iterfind(qn("w:comment")):
        cid = c.get(W_ID)
        text = "\n".join("".join(t.text or "" for t in p.iter(W_T)) for p in c.iterfind(W_P))
        start, end = (marks.get(cid) or [None, None])[:2]
        span = Span(start, max(start, end)) if start is not None and end is not None else None
        out.append(CommentAnchor(cid, c.get(qn("w:author"), ""), text, span))
    return out
