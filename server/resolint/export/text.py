"""An exported AKN document back to plain text, one paragraph per block.

This closes the loop the export promises: AKN → text → parse must give the structure
the draft had (same kinds of paragraph, same depths, same labels). Tests use it; it is
also a way to read an AKN resolution from elsewhere with resolint.
"""

from __future__ import annotations

from lxml import etree

from resolint.export.akn import NS

_Q = f"{{{NS}}}"


def _local(el: etree._Element) -> str:
    return el.tag[len(_Q) :] if isinstance(el.tag, str) and el.tag.startswith(_Q) else ""


def _inline(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _blocks(el: etree._Element, out: list[str], prefix: str = "") -> None:
    """Block content: each ``<p>`` a paragraph, each list item "num text"."""
    first = True
    for child in el:
        name = _local(child)
        if name == "p":
            out.append((prefix if first else "") + _inline(child))
            first = False
        elif name == "blockList":
            for item in child:
                if _local(item) == "item":
                    num = item.find(f"{_Q}num")
                    _blocks(item, out, (_inline(num) + " ") if num is not None else "")
        elif name in ("content", "intro"):
            _blocks(child, out, prefix if first else "")
            first = False


def _hier(el: etree._Element, out: list[str]) -> None:
    num = el.find(f"{_Q}num")
    prefix = (_inline(num) + " ") if num is not None else ""
    for child in el:
        name = _local(child)
        if name in ("content", "intro"):
            _blocks(child, out, prefix)
        elif name in ("subparagraph", "paragraph"):
            _hier(child, out)


def to_text(doc: bytes | etree._Element) -> str:
    root = etree.fromstring(doc) if isinstance(doc, bytes) else doc
    st = root.find(f"{_Q}statement")
    out: list[str] = []
    for part in st:
        name = _local(part)
        if name == "preface":
            _blocks(part, out)
        elif name in ("preamble", "conclusions"):
            for c in part:
                _blocks(c, out)
        elif name == "mainBody":
            for c in part:
                if _local(c) in ("paragraph", "hcontainer"):
                    _hier(c, out)
        elif name == "attachments":
            for body in part.iter(f"{_Q}mainBody"):
                _blocks(body, out)
    return "\n\n".join(p for p in out if p) + "\n"
