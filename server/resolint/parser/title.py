"""Read the title block: resolution number, symbol and subject."""

from __future__ import annotations

import re

from resolint.model import Kind, Paragraph, Resolution
from resolint.parser import patterns as P
from resolint.parser.placement import is_transmittal
from resolint.source import Span

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_TITLE = Kind.TITLE

#: How much of a title paragraph the title block's readers look at (this module, style
#: detection, the title facts, the DOC rules reading symbols and session lines). The
#: longest title paragraph in 300+ real resolutions has 313 characters; a subject line
#: of the UN's longest titles stays under 1,000. A "title" paragraph longer than this is
#: a draft's text with no opening (the parser places all of it above the opening): what
#: a title block holds (number, symbol, subject, session line) stands at its head, and
#: reading all of it searched a 5 MB paragraph a dozen times over (7 s a check).
TITLE_HEAD = 4000


def title_head(p: Paragraph) -> Span:
    """The part of title paragraph ``p`` the title readers look at: its first
    :data:`TITLE_HEAD` characters (all of it in any real title block)."""
    return Span(p.span.start, min(p.span.end, p.span.start + TITLE_HEAD))


def read_title_block(res: Resolution) -> None:
    """Fill ``res.title`` from the paragraphs the parser placed as TITLE."""
    text = res.source.text
    block = res.title
    block.paragraphs = [p for p in res.paragraphs if p.kind is _TITLE]
    for p in block.paragraphs:
        head = title_head(p)
        body = text[head.start : head.end]
        base = head.start
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
    if block.subject is None and block.paragraphs:
        block.subject = _unnumbered_subject(text, block.paragraphs)


def _unnumbered_subject(text: str, ps: list[Paragraph]) -> Span | None:
    """The subject of title lines ``ps`` that have no "79/2." or "Subject:" line: the
    last (:func:`_wrapped_subject`), unless "Agenda item 105" stands right above it (the
    item's title, not the draft's). A transmittal formula under the title ("The Commission
    … recommends … the adoption of the following draft resolution:") is passed over: the
    title is the line above it."""
    while ps and is_transmittal(text[ps[-1].content.start : ps[-1].content.end]):
        ps = ps[:-1]
    if not ps:
        return None
    before = text[ps[-2].span.start : ps[-2].span.end] if len(ps) > 1 else ""
    return None if _AGENDA_ITEM.search(before) else _wrapped_subject(text, ps)


#: A title line that is not a draft's subject: a heading naming the resolution ("RESOLUTION
#: 131 (REV. DUBAI, 2018)", "Resolution No. 3"), the agenda item or session, a list of
#: sponsors ("Austria, Chile …: draft resolution"), a line ending in a colon, the body's
#: name alone (a document's header).
_NOT_A_SUBJECT = re.compile(
    r"^(?:resolution\b|agenda\s+item\b|item\s+\d|draft\s+resolution\b)|\bsession\s*$|(?:draft\s+resolution|:)\s*$"
    r"|^(?:united\s+nations|general\s+assembly|security\s+council|economic\s+and\s+social\s+council|human\s+rights\s+council)$",
    re.IGNORECASE,
)
#: An agenda item's number line ("Agenda item 105", "Item 4 of the provisional agenda").
_AGENDA_ITEM = re.compile(r"(?:^|[\r\n])[*_]*(?:agenda\s+)?item\s+\d[^\r\n]*$", re.IGNORECASE)
#: Emphasis marks around a line (Markdown), which are not the subject's.
_EMPHASIS = "*_ \t"


def _wrapped_subject(text: str, ps: list[Paragraph]) -> Span | None:
    """:func:`_subject_line` of the last of ``ps``, taken back over the lines it goes on
    from: a line that starts in lower case right under another ("Countering the use of
    information and communications" / "technologies for criminal purposes")."""
    i = len(ps) - 1
    subject = _subject_line(text, ps[i])
    while subject is not None and i and text[subject.start].islower() and not text[ps[i - 1].span.end : ps[i].span.start].strip():
        first = _subject_line(text, ps[i - 1])
        if first is None or len(P.LINE_BREAK.findall(text, ps[i - 1].span.end, ps[i].span.start)) != 1:
            break
        subject, i = Span(first.start, subject.end), i - 1
    return subject


def _subject_line(text: str, p: Paragraph) -> Span | None:
    """The subject of a title block without a "79/2." or "Subject:" line: its last
    paragraph, the draft's title in an L-document ("Countering the use of information and
    communications technologies for criminal purposes" above "The General Assembly,"),
    unless that is (or holds a line that is) a symbol, a heading, the session or agenda
    item, sponsors, or words in capitals only ("DRAFT RESOLUTION")."""
    body = text[p.content.start : min(p.content.end, title_head(p).end)]
    line = body.strip(_EMPHASIS)
    if not line or line == line.upper() or P.SYMBOL.search(line):
        return None
    if any(_NOT_A_SUBJECT.search(part.strip(_EMPHASIS)) for part in line.splitlines()):
        return None  # (any of its lines: a header's lines may stand in one paragraph)
    start = p.content.start + len(body) - len(body.lstrip(_EMPHASIS))
    return Span(start, start + len(line))
