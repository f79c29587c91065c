"""Build small Word documents for the tests with python-docx (no binary fixtures).

python-docx writes paragraphs, runs, styles and comments; what it has no API for —
numbering definitions of our own, tracked changes, headers — is added as the XML Word
itself writes, so the documents are what Word produces, not what our reader expects.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W = nsdecls("w")


def new() -> docx.document.Document:
    return docx.Document()


def para(d, *runs, style: str | None = None):
    """A paragraph of runs: each a str, or (str, {"italic": True, "bold": True}) ."""
    p = d.add_paragraph(style=style)
    for r in runs:
        text, fmt = (r, {}) if isinstance(r, str) else r
        run = p.add_run(text)
        for k, v in fmt.items():
            setattr(run.font, k, v)
    return p


def numbering_el(d):
    return d.part.numbering_part.element


def add_list(d, levels: list[tuple[str, str]], restart_levels: dict[int, int] | None = None) -> str:
    """A numbering definition with ``levels`` [(numFmt, lvlText)], and an instance of it.

    Returns the numId. ``restart_levels`` maps ilvl -> w:lvlRestart value.
    """
    root = numbering_el(d)
    ids = [int(x) for x in root.xpath("./w:abstractNum/@w:abstractNumId")] + [0]
    aid = max(ids) + 1
    lvls = []
    for i, (fmt, text) in enumerate(levels):
        restart = ""
        if restart_levels and i in restart_levels:
            restart = f'<w:lvlRestart w:val="{restart_levels[i]}"/>'
        lvls.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        )
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')
    # abstractNum elements come before num elements in the schema.
    first_num = root.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    return add_instance(d, aid)


def add_instance(d, abstract_id: int, start_override: dict[int, int] | None = None) -> str:
    root = numbering_el(d)
    nid = max([int(x) for x in root.xpath("./w:num/@w:numId")] + [0]) + 1
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>' for i, v in (start_override or {}).items()
    )
    root.append(parse_xml(f'<w:num {W} w:numId="{nid}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'))
    return str(nid)


def abstract_of(d, num_id: str) -> int:
    root = numbering_el(d)
    return int(root.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')[0])


def numbered(d, num_id: str, ilvl: int, *runs):
    p = para(d, *runs)
    p_pr = p._p.get_or_add_pPr()
    p_pr.insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def tracked_insert(p, text: str, author: str = "Drafter") -> None:
    p._p.append(
        parse_xml(f'<w:ins {W} w:id="901" w:author="{author}" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>')
    )


def tracked_delete(p, text: str, author: str = "Drafter") -> None:
    p._p.append(
        parse_xml(f'<w:del {W} w:id="902" w:author="{author}" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')
    )


def add_table(d, text: str) -> None:
    t = d.add_table(rows=1, cols=1)
    t.cell(0, 0).text = text


def add_header(d, text: str) -> None:
    d.sections[0].header.paragraphs[0].text = text
    d.sections[0].footer.paragraphs[0].text = text + " (footer)"


def save(d, path: Path) -> Path:
    d.save(str(path))
    return path


def part_xml(path: Path, name: str) -> bytes | None:
    with zipfile.ZipFile(path) as z:
        return z.read(name) if name in z.namelist() else None


def comment_ranges(path: Path) -> dict[str, tuple[str, str]]:
    """For each comment: (its author, the visible text between its range markers) ."""
    d = docx.Document(str(path))
    body = d.element.body
    texts: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(el.get(qn("w:id")))
            texts.setdefault(el.get(qn("w:id")), [])
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        elif el.tag == qn("w:t") and not _in_deleted(el):
            for cid in open_ids:
                texts[cid].append(el.text or "")
    out = {}
    try:
        part = d.part.part_related_by(RT.COMMENTS)
    except KeyError:
        return out
    for c in part.element.iterfind(qn("w:comment")):
        cid = c.get(qn("w:id"))
        out[cid] = (c.get(qn("w:author")), "".join(texts.get(cid, [])))
    return out


def _in_deleted(el) -> bool:
    p = el.getparent()
    while p is not None:
        if p.tag in (qn("w:del"), qn("w:moveFrom")):
            return True
        p = p.getparent()
    return False


def comments(path: Path) -> list[tuple[str, str]]:
    d = docx.Document(str(path))
    try:
        part = d.part.part_related_by(RT.COMMENTS)
    except KeyError:
        return []
    return [(c.author, c.text) for c in (docx.comments.Comment(e, part) for e in part.element.iterfind(qn("w:comment")))]


def to_bytes(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# -- drafts typed into Word, and what a reviewer does with tracked changes -------------


def text_paragraphs(text: str) -> list[str]:
    """A plain-text draft's paragraphs as a drafter types them into Word.

    Blocks between blank lines, wrapped lines joined; a block starting in lower case is
    the rest of the paragraph before it (a stray blank line), as the text parser reads it.
    """
    out: list[str] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if not joined:
            continue
        if out and joined[:1].islower():
            out[-1] += " " + joined
        else:
            out.append(joined)
    return out


def typed(paragraphs: list[str]):
    """A document of these paragraphs, a run per word (so edits fall across runs)."""
    d = new()
    for p in paragraphs:
        words = p.split(" ")
        para(d, *[w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)])
    return d


_REVISION_TAGS = ("w:ins", "w:del", "w:moveFrom", "w:moveTo")


def revisions(path: Path | bytes) -> list[dict]:
    """Every tracked change in the body: tag, author, date and the text it holds."""
    body = docx.Document(io.BytesIO(path) if isinstance(path, bytes) else str(path)).element.body
    out = []
    for el in body.iter(*[qn(t) for t in _REVISION_TAGS]):
        text = "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))
        italic = any(r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:i")) is not None for r in el.iter(qn("w:r")))
        out.append({"tag": el.tag.split("}")[1], "author": el.get(qn("w:author")), "date": el.get(qn("w:date")), "text": text, "italic": italic})
    return out


def rejected(path: Path) -> bytes:
    """The document with every tracked change rejected, as Word's "Reject All" does it.

    Insertions go, deletions come back as text. (The LibreOffice tests do this with the
    real application; this is the same in a few lines, for tests without it.)
    """
    d = docx.Document(str(path))
    body = d.element.body
    for el in list(body.iter(qn("w:ins"), qn("w:moveTo"))):
        el.getparent().remove(el)
    for el in list(body.iter(qn("w:del"), qn("w:moveFrom"))):
        parent = el.getparent()
        i = parent.index(el)
        for child in list(el):
            for t in child.iter(qn("w:delText")):
                t.tag = qn("w:t")
            parent.insert(i, child)
            i += 1
        parent.remove(el)
    return to_bytes(d)


def build_text(path: Path) -> str:
    """The text resolint reads from a .docx."""
    from resolint.docx.package import open_docx
    from resolint.docx.reader import build

    return build(open_docx(path)).text
