"""What counts as a draft: the rule that keeps resolint away from ordinary documents.

A file is a draft when its name says so (``*.res.txt``, ``*.res.md``, ``*.resolution``:
the names the VS Code extension claims) or when it is a ``.txt``, ``.md`` or ``.docx``
whose text has a resolution's opening ("The General Assembly,"), a title-block line
("Resolution No. 3", "78/10. Subject", "A/RES/78/10" alone on a line) or a transmittal
formula ("The Third Committee recommends … the following draft resolution:"). Text inside
Markdown code fences does not count, so a README that *shows* a draft is not one.
``include`` patterns in the configuration make a file a draft whatever it says;
``exclude`` patterns make it never one. Nothing that is not a draft is linted or fixed.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterator
from pathlib import Path

from resolint.globs import path_matches
from resolint.language import draft_language
from resolint.lazyre import lazy
from resolint.linenumbers import is_line_numbered, without_numbers
from resolint.parser import OPENING_MAX_LINES
from resolint.parser import patterns as P
from resolint.parser.blocks import EDGE_CHARS
from resolint.parser.placement import is_opening, is_transmittal

#: Names that are drafts by themselves (the extension's language patterns).
DRAFT_NAMES = ("*.res.txt", "*.res.md", "*.resolution")
#: Names that are drafts when their text looks like one (Markdown: see :func:`draft_signal`).
CANDIDATE_SUFFIXES = (".txt", ".md", ".markdown", ".docx")
#: Why a file the configuration's ``exclude`` matches is not checked.
EXCLUDED = "excluded by the configuration's exclude"
#: How far into a file the opening or title block is looked for (a draft starts with them).
SCAN_LINES = 200

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
#: What ``str.isspace`` (and so ``\\s`` in a pattern) calls white space.
WHITE_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
#: Marks and what prints nothing around a line's text (what the parser strips from a
#: paragraph's edges: :data:`resolint.parser.blocks.EDGE_CHARS`), at its start and at its
#: end. Stripped with ``str.strip``: the pattern ``[…]+$`` tried again from every
#: character of a long run of spaces inside a line (quadratic: 47 s for one line of
#: 100,000 spaces, before any lint).
_DECOR_LEAD = WHITE_SPACE + ">#*_" + EDGE_CHARS
_DECOR_TRAIL = WHITE_SPACE + "*_" + EDGE_CHARS
#: The first line of an opening an editor wrapped: "The" as an opening starts
#: (``patterns.OPENING``: "The", "THE"), no final mark (see :func:`_wrapped_so_far`).
_WRAPPED_OPENING_START = re.compile(r"T(?i:he)\s")
_SYMBOL_LINE = lazy(rf"^(?:{P.SYMBOL.pattern})$")
_NUMBER_LINE = lazy(
    r"^(?:(?i:Resolution\s+No\.?\s*\d+\b.{0,200})"  # "Resolution No. 3 …"
    r"|RESOLUTION\s+\d+\b.{0,200}"  # "RESOLUTION 160 (REV. DUBAI, 2018)"
    r"|Resolution\s+\d+(?:\s*\([^)]{0,60}\))?)$"  # "Resolution 160 (Rev. Dubai, 2018)" alone
)


def matches(path: Path | str, patterns: tuple[str, ...], root: str | None = None) -> bool:
    """True when one of the configuration's ``include`` or ``exclude`` ``patterns`` matches
    the file, relative to ``root``, the configuration's folder (see :mod:`resolint.globs`)."""
    return path_matches(path, patterns, root)


def named_as_draft(path: Path | str) -> bool:
    name = path.name if isinstance(path, Path) else Path(path).name
    return any(fnmatch.fnmatch(name, pat) for pat in DRAFT_NAMES)


def is_candidate(path: Path | str) -> bool:
    """A file whose text is worth reading to see whether it is a draft."""
    return named_as_draft(path) or str(path).lower().endswith(CANDIDATE_SUFFIXES)


def draft_signal(text: str, markdown: bool = True) -> str:
    """Why ``text`` reads as a resolution ("" when it does not).

    Only lines outside code fences count (and, in Markdown, outside code indented by four
    spaces or a tab), and only in the first :data:`SCAN_LINES` lines, where a draft's
    title block and opening are. Plain text and Word documents indent the opening as
    they like: a United Nations draft copied from its PDF indents "The General Assembly,"
    and every paragraph, and was skipped as not a draft.
    """
    in_fence = False
    wrapped: list[str] = []  # the lines so far of an opening an editor may have wrapped
    # A draft pasted with line numbers ("1  The General Assembly,") is read without them
    # (it is a draft, and DOC006 says what is wrong with it).
    numbered = is_line_numbered(text)
    for n, raw in enumerate(_head_lines(text, SCAN_LINES)):
        if numbered:
            raw = without_numbers(raw)
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        if in_fence or markdown and raw.startswith(("    ", "\t")):
            continue
        line = raw.lstrip(_DECOR_LEAD).rstrip(_DECOR_TRAIL)
        if not line and (found := _wrapped_opening(wrapped, n)):
            return found
        wrapped = _wrapped_so_far(wrapped, line)
        if not line or len(line) > P.OPENING_MAX_CHARS:
            continue
        if is_opening(line):
            return f"line {n + 1} is an opening ('{line[:60]}')"
        if is_transmittal(line):  # (a commission's formula passing the draft on: title text)
            return f"line {n + 1} is a transmittal formula ('{line[:60]}')"
        if P.UN_TITLE.match(line) and len(line) < 200 or _NUMBER_LINE.match(line) or _SYMBOL_LINE.match(line):
            return f"line {n + 1} is a title-block line ('{line[:60]}')"
    return _wrapped_opening(wrapped, n + 1) if wrapped else ""


def _wrapped_opening(wrapped: list[str], end: int) -> str:
    """Why the block of ``wrapped`` lines that ends before line ``end`` (0-based) reads as a
    draft's opening ("" when it does not): read as one line, as the parser reads it."""
    joined = " ".join(wrapped)
    if 1 < len(wrapped) <= OPENING_MAX_LINES and is_opening(joined):
        return f"lines {end - len(wrapped) + 1}-{end} are an opening ('{joined[:60]}')"
    return ""


def _wrapped_so_far(wrapped: list[str], line: str) -> list[str]:
    """The lines of a possible opening wrapped over several ("The Plenipotentiary
    Conference of the International Telecommunication" / "Union (Dubai, 2018),", "The
    Economic and Social" / "Council,"), with ``line`` read: it goes on one that starts as
    an opening does ("The …") with no final mark, up to a blank line, or it starts one. The
    parser reads the lines of such a block as one paragraph, the opening, and checks the
    draft: a block of at most :data:`~resolint.parser.OPENING_MAX_LINES` that reads as an
    opening is a draft's signal too."""
    if wrapped and line:
        return [*wrapped, line] if len(wrapped) <= OPENING_MAX_LINES else wrapped  # (one too many: none)
    return [line] if _WRAPPED_OPENING_START.match(line) and line[-1] not in ",:;." else []


def _head_lines(text: str, count: int) -> Iterator[str]:
    """The first ``count`` lines of ``text`` as the parser reads them, read from
    ever longer prefixes, without splitting a whole archive file into lines when the
    opening is in its first lines.

    Every line of a prefix but its last is whole: another line follows it inside the
    prefix, so the cut cannot fall in it or in its line break ("\r" | "\n").
    """
    given = 0
    size = 4096
    while given < count:
        lines = P.LINE_BREAK.split(text[:size])
        whole = size >= len(text)
        if not whole:
            lines.pop()  # perhaps cut short
        yield from lines[given:count]
        given = max(given, min(len(lines), count))
        if whole:
            return
        size *= 4


def why_draft(path: Path | str, text: str | None, include: tuple[str, ...], exclude: tuple[str, ...],
              root: str | None = None) -> tuple[bool, str]:
    """(is a draft, why or why not), from the configuration (whose patterns are relative to
    its folder, ``root``), the name, then the text."""
    if matches(path, exclude, root):
        return False, EXCLUDED
    if matches(path, include, root):
        return True, "included by the configuration's include"
    if named_as_draft(path):
        return True, "named as a draft"
    if not is_candidate(path):
        return False, "not a .txt, .md or .docx file"
    signal = draft_signal(text or "", markdown=str(path).lower().endswith((".md", ".markdown")))
    if signal:
        return True, signal
    language = draft_language(text or "")
    if language is not None:  # (an opening in French is no English opening: say why)
        return False, f"no resolution opening or title block in its first lines (it {language.described()}: resolint checks drafts in English)"
    return False, "no resolution opening or title block in its first lines"
