"""The parsed draft as an Akoma Ntoso 3.0 ``<statement name="resolution">`` (AKN4UN).

Mapping (AKN4UN Guidelines, Part 2 "basic structures" and the Resolution document class;
the element order is the OASIS schema's):

- title block → ``<preface>``, one ``<p>`` per line, the symbol as ``<docNumber>`` and
  the subject as ``<docTitle>``;
- the opening ("The General Assembly,") → ``<preamble><formula name="enactingFormula">``;
- each preambular paragraph → ``<container name="preambularParagraph">``, its opener in
  ``<i>``, its sub-paragraphs (ITU's a), b) …) as a ``<blockList>``;
- operative paragraphs → ``<mainBody><paragraph>`` with ``<num>``; their sub-paragraphs
  (and INTERPOL's numbered items) → ``<subparagraph>``; a section heading →
  ``<hcontainer name="crossHeading">``;
- the adoption lines → ``<conclusions><container name="adoption">``, a signature block
  → ``<container name="signatures">`` (one ``<p>`` a line);
- an annex → ``<attachments><attachment><doc name="annex">``.

A later part of a multi-part text (a second opening) cannot go in the one
``<preamble>``: its opening and preambular paragraphs become ``<hcontainer>``s of the
same names in ``<mainBody>``, in document order, and so do the adoption lines and the
annex of every resolution of a compilation but the last. resolint directives are not
exported.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import field

from lxml import etree

from resolint.engine import LintResult
from resolint.export import iri
from resolint.export.eids import Scope
from resolint.export.inline import Inline, Mark, flat
from resolint.export.order import TextOrderTree
from resolint.invisible import COMMENT, as_read
from resolint.model import Kind, Paragraph, paragraphs_after
from resolint.parser import patterns as P
from resolint.records import record
from resolint.source import Span

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SOURCE = "resolint"


def E(tag: str, attrs: dict[str, str] | None = None, *children, text: str | None = None) -> etree._Element:
    el = etree.Element(f"{{{NS}}}{tag}", {k: v for k, v in (attrs or {}).items() if v is not None}, nsmap={None: NS})
    if text is not None:
        el.text = text
    for c in children:
        el.append(c)
    return el


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    el = E(tag, attrs, text=text)
    parent.append(el)
    return el


def export_date() -> dt.date:
    """The day of the export; ``SOURCE_DATE_EPOCH`` pins it (reproducible builds' convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


@record(slots=True)
class _Refs:
    """What ``<references>`` must declare: the bodies and instruments the text points to."""

    bodies: dict[str, iri.Body] = field(default_factory=dict)
    concepts: dict[str, tuple[str, str]] = field(default_factory=dict)  # eId -> (href, showAs)


class _ByStart:
    """Items with a ``span`` (citations, instruments, dates), those that start in a range
    found by bisection and given in their list's order (the order sets which mark wins):
    each paragraph went through every item of the document, quadratic in a draft of
    thousands of paragraphs that each cite something (8,000: 97 s)."""

    def __init__(self, items: Iterable) -> None:
        self._items = sorted(enumerate(items), key=lambda pair: pair[1].span.start)
        self._starts = [item.span.start for _, item in self._items]

    def within(self, start: int, end: int) -> list:
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [item for _, item in sorted(self._items[lo:hi], key=lambda pair: pair[0])]


class _Comments:
    """The draft's comments that stand within one block of lines (no blank line inside),
    those that overlap a range found by bisection. A paragraph finds them in its own
    text; a comment over two lines of a title block (two paragraphs, one a line) was in
    neither whole, and its halves were exported as words ("&lt;!-- Draft v2,")."""

    _BLANK_LINE = re.compile(r"\n[ \t]*\r?\n|\r[ \t]*\r")

    def __init__(self, text: str) -> None:
        found = COMMENT.finditer(text) if "<!--" in text else ()
        self._spans = [Span(*m.span()) for m in found if not self._BLANK_LINE.search(m.group())]
        self._ends = [s.end for s in self._spans]

    def within(self, start: int, end: int) -> list[Span]:
        out, i = [], bisect.bisect_right(self._ends, start)
        while i < len(self._spans) and self._spans[i].start < end:
            out.append(self._spans[i])
            i += 1
        return out


class AknWriter:
    """Builds the AKN tree of one linted draft; :meth:`build` returns the root element."""

    def __init__(self, result: LintResult) -> None:
        self.result = result
        self.res = result.resolution
        #: The text as the parser read it: a draft quoted line by line ("> 1. Decides …")
        #: without its quote markers, the same offsets. The text as written put the
        #: markers of a wrapped paragraph's later lines in its words ("the > thing").
        self.text = result.resolution.source.text
        self.facts = result.facts
        self.cits = result.facts.citations
        self.known_dates = iri.known_citation_dates(self.cits.resolutions)
        self._resolutions = _ByStart(self.cits.resolutions)
        self._instruments = _ByStart(self.cits.instruments)
        self._dates = _ByStart(d for d in self.cits.dates if d.date is not None)
        self.refs = _Refs()
        self._comments = _Comments(self.text)
        #: The tree the export writes: the parser's, in the order of the text.
        self.tree = TextOrderTree(p for p in self.res.paragraphs if p.kind not in (Kind.DIRECTIVE, Kind.FURNITURE))
        self.work = self._work_id()
        self.refs.bodies[self.work.body.key] = self.work.body

    # -- identification -------------------------------------------------------------

    def _title_text(self) -> str:
        return " ".join(self._slice(p.span) for p in self.res.title.paragraphs)

    def _slice(self, span) -> str:
        return self.text[span.start : span.end] if span is not None else ""

    def _work_id(self) -> iri.WorkId:
        facts = self.cits.document
        opening = as_read(self._slice(self.res.opening.span)) if self.res.opening else ""  # as printed (no comment, no soft hyphen)
        body = iri.body_of(facts.organ, opening)
        title = self._title_text()
        number = iri.document_number(self._slice(self.res.title.symbol), self._slice(self.res.title.number), title)
        year = facts.year or iri.title_year(title)
        return iri.WorkId(body, iri.date_part(facts.date, year), number)

    def _meta(self) -> etree._Element:
        w = self.work
        today = export_date()
        date_attrs = self._work_date()
        author = {"href": f"#{w.body.key}"}
        number_show = self._slice(self.res.title.symbol) or None
        ident = E("identification", {"source": f"#{SOURCE}"})
        work = sub(ident, "FRBRWork")
        sub(work, "FRBRthis", {"value": f"{w.work}/!main"})
        sub(work, "FRBRuri", {"value": w.work})
        sub(work, "FRBRdate", date_attrs)
        sub(work, "FRBRauthor", author)
        sub(work, "FRBRcountry", {"value": w.body.country})
        sub(work, "FRBRsubtype", {"value": iri.SUBTYPE})
        sub(work, "FRBRnumber", {"value": w.number, "showAs": number_show})
        sub(work, "FRBRname", {"value": "resolution"})
        expr = sub(ident, "FRBRExpression")
        sub(expr, "FRBRthis", {"value": f"{w.expression}/!main"})
        sub(expr, "FRBRuri", {"value": w.expression})
        sub(expr, "FRBRdate", date_attrs)
        sub(expr, "FRBRauthor", author)
        sub(expr, "FRBRlanguage", {"language": iri.LANGUAGE})
        man = sub(ident, "FRBRManifestation")
        sub(man, "FRBRthis", {"value": w.manifestation})
        sub(man, "FRBRuri", {"value": w.manifestation})
        sub(man, "FRBRdate", {"date": today.isoformat(), "name": "generation"})
        sub(man, "FRBRauthor", {"href": f"#{SOURCE}"})
        meta = E("meta", None, ident)
        refs = sub(meta, "references", {"source": f"#{SOURCE}"})
        for body in self.refs.bodies.values():
            sub(refs, "TLCOrganization", {"eId": body.key, "href": body.href, "showAs": body.name})
        sub(refs, "TLCObject", {"eId": SOURCE, "href": "/akn/ontology/objects/resolint", "showAs": "resolint"})
        for eid, (href, show) in self.refs.concepts.items():
            sub(refs, "TLCConcept", {"eId": eid, "href": href, "showAs": show})
        return meta

    # -- inline content ---------------------------------------------------------------

    def _inline(self, start: int, end: int, p: Paragraph | None = None) -> Inline:
        il = Inline(self.text, start, end)
        il.comments(self._comments.within(start, end))
        if p is not None and p.kind in (Kind.PREAMBLE, Kind.OPERATIVE) and p.parent is None:
            op = self._opener(p)
            if op is not None:
                il.emphasis(op.span, op.emphasis)
        il.tags()
        il.markdown()
        for c in self._resolutions.within(start, end):
            href = iri.citation_work(c, self.known_dates)
            if href:
                il.add(c.span, "ref", href=href)
        for m in self._instruments.within(start, end):
            eid = "instrument-" + iri.slug(m.instrument.key)
            if il.add(m.span, "term", refersTo=f"#{eid}"):
                self.refs.concepts[eid] = (f"/akn/ontology/concepts/instruments/{iri.slug(m.instrument.key)}", m.instrument.title)
        for d in self._dates.within(start, end):
            il.add(d.span, "date", date=d.date.isoformat())
        return il

    def _opener(self, p: Paragraph):
        try:
            return self.facts.opener(p)
        except Exception:  # an opener is presentation only: never fail an export for it
            return None

    def _fill(self, el: etree._Element, il: Inline) -> etree._Element:
        """Mixed content of ``el`` from ``il``."""
        last = None
        el.text = ""  # mixed content: keeps pretty-printing from adding blanks inside it
        for piece in il.pieces():
            if isinstance(piece, Mark):
                child = sub(el, piece.tag, piece.attrs, flat(self.text[piece.span.start : piece.span.end]))
                last = child
            elif last is None:
                el.text = (el.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
        return el

    def _p(self, parent: etree._Element, start: int, end: int, p: Paragraph | None = None, attrs: dict | None = None):
        el = self._fill(sub(parent, "p", attrs), self._inline(start, end, p))
        lead = self._lead(p, start) if p is not None else ""
        if lead:
            el.text = lead + (el.text or "")
        return el

    def _lead(self, p: Paragraph, start: int) -> str:
        """What the draft writes before ``start`` in ``p`` that is neither its bullet nor
        its label, markup, a comment nor a glued barcode, nor in its ``<num>`` (:meth:`_num`, which
        takes what stands before the label): the "[" of a paragraph proposed in brackets
        written as text ("[Recalling …,]", a numbered one when it has no ``<num>``)."""
        if not p.span.start < start <= p.content.start:
            return ""
        begin = self._begin(p)
        mark = self._numbered(p)
        if mark is not None and mark.end <= start:
            begin = max(begin, mark.end)
        cut = [s for s in (p.bullet, None if p.label is None else p.label.span) if s is not None]
        cut += self._comments.within(begin, start)  # ("1. <!-- note --> Decides")
        kept = "".join(ch for i, ch in enumerate(self.text[begin:start], begin) if not any(s.start <= i < s.end for s in cut)).strip()
        return flat(kept) if kept.strip("*_ \t") else ""

    def _begin(self, p: Paragraph) -> int:
        """Where ``p``'s text starts, after a barcode glued before it (page furniture, left
        out of every part: the preface, the adoption lines and the annex kept it)."""
        barcode = P.GLUED_BARCODE.match(self.text, p.span.start, p.content.start)
        return p.span.start if barcode is None else barcode.end()

    # -- structure -------------------------------------------------------------------------

    def build(self) -> etree._Element:
        root = E("akomaNtoso")
        st = sub(root, "statement", {"name": "resolution"})
        preamble_items, body_items, closing, annex = self._sorted()
        self._preface(st)
        if preamble_items:
            self._preamble(st, preamble_items)
        self._main_body(st, body_items)
        if closing:
            self._conclusions(st, closing)
        if annex:
            self._attachments(st, annex)
        st.insert(0, self._meta())
        return root

    def _sorted(self) -> tuple[list[Paragraph], list[Paragraph], list[Paragraph], list[Paragraph]]:
        """The top-level paragraphs the export writes, by where they go: the preamble, the
        body, the conclusions and the annex, each in document order."""
        body_items: list[Paragraph] = []
        preamble_items: list[Paragraph] = []
        closing: list[Paragraph] = []
        annex: list[Paragraph] = []
        seen_operative = False
        first_opening = self.res.opening
        for p in self.res.paragraphs:
            if p.kind in (Kind.DIRECTIVE, Kind.TITLE, Kind.FURNITURE) or self.tree.parent(p) is not None:
                continue
            if p.kind is Kind.OPENING and p is not first_opening and (closing or annex):
                # A compilation: the adoption lines and the annex gathered so far end an
                # earlier resolution. They stay in the body where they stand; gathered
                # into <conclusions> or the annex, every resolution after them went there
                # too, as lines without their sub-paragraphs.
                body_items += closing + annex
                closing, annex = [], []
            if p.kind is Kind.ANNEX or annex:
                annex.append(p)
            elif p.kind is Kind.CLOSING or closing:
                # (text after the adoption lines that is not an annex: kept there, in order)
                closing.append(p)
            elif (p.kind is Kind.OPENING and p is not first_opening) or p.kind is Kind.OPERATIVE or seen_operative:
                seen_operative = True
                body_items.append(p)
            elif p.kind is Kind.HEADING and self._next_is_operative(p):
                body_items.append(p)
            else:
                preamble_items.append(p)
        return preamble_items, body_items, closing, annex

    def _next_is_operative(self, p: Paragraph) -> bool:
        for q in paragraphs_after(self.res.paragraphs, p.index):
            if q.kind in (Kind.DIRECTIVE, Kind.HEADING):
                continue
            return q.kind is Kind.OPERATIVE
        return False

    def _preface(self, st: etree._Element) -> None:
        title = self.res.title
        if not title.paragraphs:
            return
        preface = sub(st, "preface")
        for p in title.paragraphs:
            begin = self._begin(p)
            il = self._inline(begin, p.span.end)
            for span, tag in ((title.symbol, "docNumber"), (title.subject, "docTitle")):
                # (a subject wrapped over lines is marked in each: its part in the line)
                if span is not None and span.start < p.span.end and begin < span.end:
                    part = Span(max(span.start, begin), min(span.end, p.span.end))
                    il.replace(part, tag)
            self._fill(sub(preface, "p"), il)

    def _preamble(self, st: etree._Element, items: list[Paragraph]) -> None:
        pre = sub(st, "preamble")
        scope = Scope("preamble")
        for p in items:
            if p.kind is Kind.OPENING:
                el = sub(pre, "formula", {"name": "enactingFormula", "eId": scope.make("formula")})
                self._p(el, p.content.start, p.content.end, p)
            else:
                name = {Kind.PREAMBLE: "preambularParagraph", Kind.HEADING: "heading"}.get(p.kind, "unplaced")
                el = sub(pre, "container", {"name": name, "eId": scope.make("container")})
                self._block(el, p, as_written=True)

    def _block(self, el: etree._Element, p: Paragraph, eid: str | None = None, as_written: bool = False) -> None:
        """A paragraph as block content (``<p>``), its children as a ``<blockList>``
        whose id goes on from ``eid``, by default ``el``'s own (a ``<content>`` has none:
        its container's is given). ``as_written``: with its bullet or label, as text (a
        container has no ``<num>``; a numbered preambular paragraph, a slip PRE005
        reports, lost its "2." in the export, and a bulleted one its bullet)."""
        start = p.content.start
        if as_written and p.bullet is not None:
            start = p.bullet.start  # (a bullet comes before a label)
        elif as_written and p.label is not None:
            start = p.label.span.start
        self._p(el, start, p.content.end, p)
        children = self.tree.children(p)
        if children:
            lst = sub(el, "blockList", {"eId": f"{eid or el.get('eId')}__list_1"})
            scope = Scope(lst.get("eId"))
            for c in children:
                num = self._num(c)
                item = sub(lst, "item", {"eId": scope.make("item", self._eid_label(c))})
                if num:
                    sub(item, "num", None, num)
                self._block(item, c)

    def _main_body(self, st: etree._Element, items: list[Paragraph]) -> None:
        body = sub(st, "mainBody")
        scope = Scope()
        for p in items:
            if p.kind is Kind.OPERATIVE:
                self._paragraph(body, p, scope, "paragraph")
            else:
                name = {Kind.OPENING: "enactingFormula", Kind.PREAMBLE: "preambularParagraph",
                        Kind.HEADING: "crossHeading", Kind.CLOSING: "adoption", Kind.ANNEX: "annex"}.get(p.kind, "unplaced")
                hc = sub(body, "hcontainer", {"name": name, "eId": scope.make("hcontainer")})
                content = sub(hc, "content")
                self._block(content, p, hc.get("eId"), as_written=True)
        if not len(body):
            # A text with no operative part still has a body in AKN: say so, do not invent.
            sub(body, "p", {"class": "empty"})

    def _paragraph(self, parent: etree._Element, p: Paragraph, scope: Scope, tag: str) -> None:
        num = self._num(p)
        el = sub(parent, tag, {"eId": scope.make(tag, self._eid_label(p))})
        if num:
            sub(el, "num", None, num)
        children = self.tree.children(p)
        if children:
            self._p(sub(el, "intro"), p.content.start, p.content.end, p)
            inner = scope.child(el.get("eId"))
            for c in children:
                self._paragraph(el, c, inner, "subparagraph")
        else:
            self._p(sub(el, "content"), p.content.start, p.content.end, p)

    def _numbered(self, p: Paragraph) -> Span | None:
        """What ``<num>`` holds the paragraph by: its label, else its bullet."""
        return p.label.span if p.label is not None else p.bullet

    def _num(self, p: Paragraph) -> str | None:
        """The label as printed ("3.", "(b)"), or the bullet of an unlabelled list item,
        with what stands before it in the draft ("- 2.", "[2." of a paragraph proposed in
        brackets): in the text after ``<num>``, the "[" read after the number."""
        mark = self._numbered(p)
        if mark is None:
            return None
        printed = p.label.text if p.label is not None else self._slice(mark).strip()
        begin = self._begin(p)
        comments = self._comments.within(begin, mark.start)  # ("<!-- agreed -->(j)")
        before = "".join(ch for i, ch in enumerate(self.text[begin : mark.start], begin) if not any(c.start <= i < c.end for c in comments))
        if not before.strip("*_ \t"):
            return printed or None
        return " ".join((before + printed).split())

    def _eid_label(self, p: Paragraph) -> str | None:
        """What an eId is made of: the label ("[2." and "2." are both ``para_2``)."""
        return p.label.text if p.label is not None else self._num(p)

    def _conclusions(self, st: etree._Element, items: list[Paragraph]) -> None:
        """The adoption lines, and a signature block (Model UN's "Signed," and the names,
        one ``<p>`` a line) in a container of its own, in the order they stand."""
        con = sub(st, "conclusions")
        el: etree._Element | None = None
        current = ""
        for p in self._with_descendants(items):
            name = "signatures" if self._in_signatures(p, current) else "adoption"
            if name != current:
                el = sub(con, "container", {"name": name, "eId": f"conclusions__container_{len(con) + 1}"})
                current = name
            assert el is not None
            if name == "signatures":
                for start, end in self._lines(p):
                    self._p(el, start, end, p)
            else:
                self._p(el, self._begin(p), p.span.end, p)

    def _in_signatures(self, p: Paragraph, current: str) -> bool:
        """Whether ``p`` belongs to a signature block: it opens one, or one is open and it
        is no adoption, meeting or date line (:func:`resolint.parser.placement.signature_block`)."""
        body = self._slice(p.content).lstrip("*_ ")
        if P.SIGNATURE_HEADING.match(body) or P.SIGNATORY.match(body) or P.SIGN_OFF.match(body):
            return True
        return current == "signatures" and not P.is_closing_line(body)

    def _lines(self, p: Paragraph) -> list[tuple[int, int]]:
        """The spans of ``p``'s lines (the source's, whatever their line breaks), without
        their edges' spaces."""
        src, text, out = self.result.source, self.text, []
        for line in range(src.position(p.span.start).line, src.position(p.span.end).line + 1):
            a, b = max(src.line_starts[line], self._begin(p)), min(src.line_end(line), p.span.end)
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
        return out

    def _work_date(self) -> dict[str, str]:
        """The work's and expression's FRBRdate: the date the text gives (adoption line, or
        INTERPOL's last day of session), else the day of the export, named so that nobody
        takes it for an adoption date. The annex has the same (it is the same work)."""
        facts = self.cits.document
        adopted = facts.date
        if adopted is not None:
            return {"date": adopted.isoformat(), "name": "adoption" if "adoption" in facts.date_basis else "session"}
        return {"date": export_date().isoformat(), "name": "exported"}

    def _attachments(self, st: etree._Element, items: list[Paragraph]) -> None:
        atts = sub(st, "attachments")
        att = sub(atts, "attachment", {"eId": "att_1"})
        doc = sub(att, "doc", {"name": "annex"})
        w = self.work
        ident = E("identification", {"source": f"#{SOURCE}"})
        generated = {"date": export_date().isoformat(), "name": "generation"}
        work_date = self._work_date()
        # The annex is a component of the main document: the same FRBRuri and dates at
        # each level as the main one's; its own FRBRthis.
        for level, this, uri in (
            ("FRBRWork", f"{w.work}/!annex_1", w.work),
            ("FRBRExpression", f"{w.expression}/!annex_1", w.expression),
            ("FRBRManifestation", f"{w.expression}/!annex_1.xml", w.manifestation),
        ):
            el = sub(ident, level)
            sub(el, "FRBRthis", {"value": this})
            sub(el, "FRBRuri", {"value": uri})
            sub(el, "FRBRdate", generated if level == "FRBRManifestation" else work_date)
            sub(el, "FRBRauthor", {"href": f"#{w.body.key}" if level != "FRBRManifestation" else f"#{SOURCE}"})
            if level == "FRBRWork":
                sub(el, "FRBRcountry", {"value": w.body.country})
            if level == "FRBRExpression":
                sub(el, "FRBRlanguage", {"language": iri.LANGUAGE})
        doc.append(E("meta", None, ident))
        main = sub(doc, "mainBody")
        for p in self._with_descendants(items):
            self._p(main, self._begin(p), p.span.end)

    def _with_descendants(self, items: list[Paragraph]) -> list[Paragraph]:
        """``items`` each followed by its sub-paragraphs, theirs, and so on, in document
        order: the conclusions and the annex write their paragraphs as lines, as written
        (labels too). Only the top-level paragraphs were written there, and an operative
        paragraph after an annex's first line lost its sub-paragraphs' words
        (fuzz/mutate.py --export)."""
        out: list[Paragraph] = []
        stack = list(reversed(items))
        while stack:
            p = stack.pop()
            out.append(p)
            stack.extend(reversed(self.tree.children(p)))
        return out


def to_tree(result: LintResult) -> etree._Element:
    return AknWriter(result).build()


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
