"""Read the title block: resolution number, symbol and subject."""

from __future__ import annotations

from resolint.model import Kind, Resolution
from resolint.parser import patterns as P
from resolint.source import Span


def read_title_block(res: Resolution) -> None:
    """Fill ``res.title`` from the paragraphs the parser placed as TITLE."""
    text = res.source.text
    block = res.title
    block.paragraphs = [p for p in res.paragraphs if p.kind is Kind.TITLE]
    for p in block.paragraphs:
        body = text[p.span.start : p.span.end]
        base = p.span.start
        if block.number is None:
            m = P.TITLE_NUMBER.search(body)
            if m:
                block.number = Span(base + m.start("n"), base + m.end("n"))
        m = P.UN_TITLE.match(body)
        if m and (block.symbol is None or block.subject is None):
            if block.symbol is None:
                block.symbol = Span(base + m.start("sym"), base + m.end("sym"))
                block.number = block.number or Span(base + m.start("n"), base + m.end("n"))
            # (also after a symbol line: "A/RES/79/136" above "79/136. Cooperation …")
            block.subject = block.subject or Span(base + m.start("subject"), base + m.end("subject"))
            continue
        if block.symbol is None:
            m = P.SYMBOL.search(body)
            if m:
                block.symbol = Span(base + m.start(), base + m.end())
        if block.subject is None:
            m = P.SUBJECT.match(body)
            if m and m.group("subject"):
                block.subject = Span(base + m.start("subject"), base + m.end("subject"))
