"""Whether a draft was pasted with line numbers at the start of its lines.

A draft copied from a PDF viewer that numbers lines, or from an editor that shows line
numbers, carries a number before each line: "1  The General Assembly,", "3  Recalling
…". Read as written, the opening is "1  The General Assembly," (no opening), each
preambular clause an operative paragraph numbered "3" (a participle, a comma), and each
real operative paragraph an unnumbered one ("7  1. Requests …"): a finding on every
paragraph, and safe fixes that write "3." before "Recalling". :func:`line_numbers` tells
such a draft apart, so that it gets one finding (DOC006) and the other rules' findings
are left out, and so that the CLI still takes it for a draft.

How: the first line with text carries a number, and so do nearly all the lines with
text of the draft's beginning; each number is the one before plus one, counted by lines
(blank lines numbered or not) or by lines with text, or starts again at 1 (a new page).
A number is one to five digits followed by a space, a tab or the line's end: "1." and
"1)" are paragraph labels, not line numbers. A draft whose paragraphs alone are
numbered ("1 to continue the studies;" in an ITU text) has lines with text and no number
(the opening, the preamble): not line-numbered. A comment on a line of its own (a
directive added after the paste) is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from resolint.source import Span

#: How many lines of the draft's beginning are read to tell (a keystroke in a long draft
#: must not read it all; a draft pasted with line numbers has them from its first line).
HEAD_LINES = 200
#: Fewer numbered lines than this: too few to tell.
MIN_LINES = 5
#: At least this share of the lines with text carry a number, and of the numbers follow
#: the one before: a stray unnumbered line (a page's header) is forgiven.
AT_LEAST = 0.9

#: A line's number and the spaces after it (a line of a number alone: a blank line numbered).
_NUMBER = re.compile(r"[ \t]*(\d{1,5})(?:[ \t]+|(?=[\r\n]|$))")
_COMMENT_LINE = re.compile(r"\s*<!--.*-->\s*$")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(start offset, text without its break) of each line, read as they are asked for."""
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.start() > 0:
            return  # (after the last break: no line)
        yield m.start(), m.group().rstrip("\r\n")


def _follows(before: tuple[int, int] | None, line: int, ordinal: int, number: int) -> bool:
    """Whether ``number`` on line ``line`` (the ``ordinal``-th line with text) follows the
    number ``before`` (its line and ordinal): counted by lines, by lines with text, or anew."""
    if before is None or number == 1:
        return True
    (was_line, was_ordinal), was = before
    return number in (was + line - was_line, was + ordinal - was_ordinal)


def is_line_numbered(text: str) -> bool:
    """Whether the draft's beginning carries a line number on (nearly) every line with text."""
    with_text = numbered = following = 0
    before = None
    for k, (_start, line) in enumerate(islice(_lines(text), HEAD_LINES)):
        if not line.strip() or _COMMENT_LINE.match(line):
            continue  # (a comment on a line of its own, a directive written after the paste, is no line of the draft)
        with_text += 1
        m = _NUMBER.match(line)
        if m is None:
            if numbered == 0:
                return False  # the first line with text carries none
            continue
        number = int(m.group(1))
        numbered += 1
        following += _follows(before, k, with_text, number)
        before = ((k, with_text), number)
    return numbered >= MIN_LINES and numbered >= AT_LEAST * with_text and following >= AT_LEAST * numbered


def line_numbers(text: str) -> list[Span]:
    """Each line number of a line-numbered draft with the spaces after it (what removing
    them removes), through the whole text; none when the draft is not line-numbered."""
    if not is_line_numbered(text):
        return []
    spans = []
    for start, line in _lines(text):
        m = _NUMBER.match(line)
        if m is not None:
            spans.append(Span(start + m.start(), start + m.end()))
    return spans


def without_numbers(line: str) -> str:
    """``line`` without a line number at its start (the CLI reads a line-numbered draft's
    opening through it)."""
    m = _NUMBER.match(line)
    return line[m.end() :] if m is not None else line
