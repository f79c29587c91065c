"""Split a text into raw paragraphs: runs of lines that belong together.

Drafts come with one paragraph a line (as exported from Word), or wrapped over several
lines (as typed in an editor), with or without blank lines between paragraphs. A new
paragraph starts at a blank line, at a line that begins with a label or bullet, after a
line that ends a clause (``, ; : .``) when the next line starts with a capital, and at
every line of a title block or a Markdown heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolint.parser import patterns as P
from resolint.parser.lexicon import listed_opener
from resolint.source import SourceText, Span

# Every Unicode space the drafts we have seen carry, plus the BOM and zero-width space.
SPACE_CHARS = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff\f\v"
#: Characters that print nothing and stand at a line's edge in copied text: direction
#: marks, embeddings and isolates (a word processor set to Arabic or Hebrew puts them
#: before each line), joiners, the word joiner and the soft hyphen. Before "The General
#: Assembly," one hid the opening: the draft was read without one, or skipped as no draft.
EDGE_MARKS = "\u00ad\u061c\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
#: What a paragraph's edges are stripped of.
EDGE_CHARS = SPACE_CHARS + EDGE_MARKS

_LABEL_START = re.compile(
    r"""(?:[-*•‣◦·–—]\s+)?          # a stray bullet
        (?:\(?\d{1,3}[.)]\s          # 1.  1)  (1)
          |\([a-z]{1,3}\)\s          # (a) (ii)
          |\(\d{1,3}\)\s
          |[a-z]{1,3}[.)]\s          # a.  a)  ii.
        )""",
    re.VERBOSE,
)
_BULLET_START = re.compile(r"[-*•‣◦·–—]\s+\S")
_HEADING = re.compile(r"#{1,6}\s")
_COMMENT_LINE = re.compile(r"<!--.*-->\s*$")
_CLAUSE_END = re.compile(r"[,;:.][\"”’'*_)\]]*$")
#: Starts only where a run of openers starts, and takes the run whole: linear even if
#: scanned (a long run of quotes was rescanned from each of its characters).
_CAPITAL_START = re.compile(r"(?<![*_\"“‘'(\[])[*_\"“‘'(\[]*+[A-Z]")
#: A group opener alone on its line ("considering further", "instructs the Secretary-General").
_GROUP_OPENER_LINE = re.compile(r"[*_]*[a-z][a-zA-Z\-’' ]{0,80}[*_]*$")
#: An ITU item number without its point: "1 to explore …".
_BARE_NUMBER_START = re.compile(r"\d{1,3}[ \t]+[a-z]")


@dataclass(slots=True)
class RawParagraph:
    """A paragraph's span (first to last non-space character) and its line numbers."""

    span: Span
    first_line: int
    last_line: int


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def is_blank(line: str) -> bool:
    return not line.strip(EDGE_CHARS)


def starts_new_paragraph(prev: str, line: str) -> bool:
    """Whether ``line`` opens a paragraph of its own, given the line before it."""
    if _LABEL_START.match(line) or _BULLET_START.match(line):
        return True
    if _HEADING.match(line) or _HEADING.match(prev) or _COMMENT_LINE.match(line) or _COMMENT_LINE.match(prev):
        return True
    if _CLAUSE_END.search(prev) and _CAPITAL_START.match(line):
        return True
    # Grouped clauses typed one per line: "…," / "considering" / "a) …" / "resolves" / "1 to …".
    prev_opens = _GROUP_OPENER_LINE.match(prev) is not None and bool(listed_opener(prev))
    if _CLAUSE_END.search(prev) and _GROUP_OPENER_LINE.match(line) and listed_opener(line):
        return True
    if (prev_opens or _CLAUSE_END.search(prev)) and _BARE_NUMBER_START.match(line):
        return True
    # Closing lines carry no punctuation: "38th plenary meeting" / "21 November 2023".
    return bool(P.PLENARY.match(line) or P.DATE_LINE.match(line) or P.ADOPTED.match(line) or P.PLENARY.match(prev))


def split_paragraphs(source: SourceText, one_per_line_until: int = 0, lines: range | None = None) -> list[RawParagraph]:
    """Group the lines of ``source`` into raw paragraphs.

    Lines before ``one_per_line_until`` (a line number) are each a paragraph of their
    own: that is the title block, whose lines carry no punctuation to join them by.
    ``lines``: only these lines (all by default); the first should follow a blank line,
    where a paragraph always starts.
    """
    text = source.text
    out: list[RawParagraph] = []
    current: list[int] | None = None  # [start, end, first_line, last_line]
    prev_stripped = ""
    starts = source.line_starts
    count = len(starts)
    # Without CR a line ends just before the next one starts (at its "\n"): no need to ask
    # line_end, which looks back over "\r\n", for each of tens of thousands of lines.
    lf_only = "\r" not in text
    for line_no in range(count) if lines is None else lines:
        start = starts[line_no]
        if lf_only:
            end = starts[line_no + 1] - 1 if line_no + 1 < count else len(text)
        else:
            end = source.line_end(line_no)
        s, e = _strip(text, start, end)
        if s == e:
            if current:
                out.append(RawParagraph(Span(current[0], current[1]), current[2], current[3]))
                current = None
            prev_stripped = ""
            continue
        stripped = text[s:e]
        if current is not None and (line_no < one_per_line_until or starts_new_paragraph(prev_stripped, stripped)):
            out.append(RawParagraph(Span(current[0], current[1]), current[2], current[3]))
            current = None
        if current is None:
            current = [s, e, line_no, line_no]
        else:
            current[1] = e
            current[3] = line_no
        prev_stripped = stripped
    if current:
        out.append(RawParagraph(Span(current[0], current[1]), current[2], current[3]))
    return out
