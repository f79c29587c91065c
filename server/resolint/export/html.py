"""The exported AKN rendered as HTML, laid out the way the UN prints a resolution.

Rendered from the AKN tree (not from the draft), so what one sees is what the XML says:
the opening and the openers in italics, operative paragraphs and sub-paragraphs with
hanging numbers (the number in the margin, the text aligned after it), the adoption
lines at the right. Citations link to their Work IRI, dates are ``<time>`` elements.
"""

from __future__ import annotations

import html

from lxml import etree

from resolint.export.akn import NS

_Q = f"{{{NS}}}"

CSS = """
body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.35;
       max-width: 42em; margin: 2em auto; color: #000; background: #fff; }
.preface p { font-weight: bold; margin: 0 0 1.2em 0; padding-left: 4em; text-indent: -4em; }
.formula { font-style: italic; margin: 1em 0 1em 2.5em; }
.pp { text-indent: 2.5em; margin: 0 0 0.8em 0; }
.op, .sub { display: grid; grid-template-columns: 2.5em 1fr; margin: 0 0 0.8em 0; }
.sub { margin-left: 2.5em; }
.num { grid-column: 1; }
.body-text { grid-column: 2; }
.body-text > .sub { margin-left: 0; }
.body-text p { margin: 0 0 0.8em 0; }
.op > .body-text > p:last-child, .sub > .body-text > p:last-child { margin-bottom: 0; }
.heading { font-weight: bold; text-align: center; margin: 1em 0; }
.conclusions { text-align: right; margin-top: 1.5em; }
.conclusions p { margin: 0; }
.adoption { text-align: right; margin: 0; }
.annex { margin-top: 2em; border-top: 1px solid #999; padding-top: 1em; }
.annex p { margin: 0 0 0.6em 0; }
a.ref { color: inherit; text-decoration: underline dotted; }
"""

_INLINE = {"i": "i", "b": "b", "u": "u", "docNumber": "span", "docTitle": "span", "term": "span", "ref": "a", "date": "time"}


def _local(el) -> str:
    return el.tag[len(_Q) :] if isinstance(el.tag, str) and el.tag.startswith(_Q) else ""


def _inline(el: etree._Element) -> str:
    """The mixed content of an AKN inline container as escaped HTML."""
    out = [html.escape(el.text or "")]
    for c in el:
        name = _local(c)
        tag = _INLINE.get(name, "span")
        attrs = ""
        if name == "ref":
            attrs = f' class="ref" href="{html.escape(c.get("href", ""))}"'
        elif name == "date":
            attrs = f' datetime="{html.escape(c.get("date", ""))}"'
        elif name in ("docNumber", "docTitle", "term"):
            attrs = f' class="{name}"'
        out.append(f"<{tag}{attrs}>{_inline(c)}</{tag}>")
        out.append(html.escape(c.tail or ""))
    return "".join(out)


def _ps(el: etree._Element, cls: str = "") -> list[str]:
    c = f' class="{cls}"' if cls else ""
    return [f"<p{c}>{_inline(p)}</p>" for p in el if _local(p) == "p"]


def _list(el: etree._Element) -> list[str]:
    out = []
    for lst in el:
        if _local(lst) != "blockList":
            continue
        for item in lst:
            num = item.find(f"{_Q}num")
            body = "".join(_ps(item)) + "".join(_list(item))
            out.append(f'<div class="sub"><span class="num">{_inline(num) if num is not None else ""}</span>'
                       f'<div class="body-text">{body}</div></div>')
    return out


def _hier(el: etree._Element, cls: str) -> str:
    num = el.find(f"{_Q}num")
    parts = []
    for c in el:
        name = _local(c)
        if name in ("content", "intro"):
            parts += _ps(c)
        elif name in ("subparagraph", "paragraph"):
            parts.append(_hier(c, "sub"))
    eid = html.escape(el.get("eId", ""))
    return (f'<div class="{cls}" id="{eid}"><span class="num">{_inline(num) if num is not None else ""}</span>'
            f'<div class="body-text">{"".join(parts)}</div></div>')


def to_html(root: etree._Element) -> bytes:
    st = root.find(f"{_Q}statement")
    body: list[str] = []
    title = "Resolution"
    for part in st:
        name = _local(part)
        if name == "preface":
            body.append('<header class="preface">' + "".join(_ps(part)) + "</header>")
            title = " ".join(" ".join("".join(p.itertext()).split()) for p in part) or title
        elif name == "preamble":
            for c in part:
                if _local(c) == "formula":
                    body += _ps(c, "formula")
                else:
                    body += _ps(c, "heading" if c.get("name") == "heading" else "pp") + _list(c)
        elif name == "mainBody":
            for c in part:
                n = _local(c)
                if n == "paragraph":
                    body.append(_hier(c, "op"))
                elif n == "hcontainer":
                    kind = c.get("name")
                    content = c.find(f"{_Q}content")
                    cls = {"enactingFormula": "formula", "crossHeading": "heading", "adoption": "adoption"}.get(kind, "pp")
                    if content is not None:
                        body += _ps(content, cls) + _list(content)
        elif name == "conclusions":
            body.append('<footer class="conclusions">' + "".join("".join(_ps(c)) for c in part) + "</footer>")
        elif name == "attachments":
            for main in part.iter(f"{_Q}mainBody"):
                body.append('<section class="annex">' + "".join(_ps(main)) + "</section>")
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title[:200])}</title><style>{CSS}</style></head>"
        f'<body><article class="resolution">{"".join(body)}</article></body></html>\n'
    )
    return page.encode("utf-8")
