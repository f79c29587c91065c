"""Parse plain text or Markdown into a :class:`~resolint.model.Resolution`.

The parser never raises: on any input it returns its best reading and marks what it
could not place as ``Kind.UNPLACED`` for a DOC rule to report. It knows nothing of
house styles and does not use spaCy, so its result depends on the text alone.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from resolint.directives import OPEN as DIRECTIVE_OPEN
from resolint.directives import find_directives
from resolint.invisible import COMMENT
from resolint.lazylog import get_logger
from resolint.model import Kind, Label, Paragraph, Resolution
from resolint.parser import patterns as P
from resolint.parser.blocks import (
    EDGE_CHARS,
    BlockLine,
    RawParagraph,
    block_from,
    block_width,
    following_past_comments,
    is_blank,
    split_paragraphs,
    starts_new_line_paragraph,
)
from resolint.parser.continuations import continues_in_capitals
from resolint.parser.groups import (
    MAX_FURNITURE_LINES,
    cut_one,
    cut_run_on,
    is_furniture_paragraph,
    looks_like_group_opener,
    opens_items,
    split_run_on,
)
from resolint.parser.labels import (
    TERMINALS,
    before_note_reference,
    bracketed,
    inside_brackets,
    read_bullet,
    read_decimal_label,
    read_emphasized_label,
    read_label,
    read_terminal,
)
from resolint.parser.lexicon import listed_opener
from resolint.parser.numbering import operative_sequences, operative_sequences_again, read_automatic_numbering
from resolint.parser.openings import is_opening, starts_wrapped_opening
from resolint.parser.placement import place, place_paragraph
from resolint.parser.quoting import unquoted
from resolint.parser.title import read_title_block
from resolint.source import SourceText, Span

if TYPE_CHECKING:  # the language server's memo (and what it imports) is no part of a CLI run
    from resolint.parser.memo import ParseMemo

log = get_logger(__name__)

#: The most lines an opening is read over: a long one ("The ICPO-INTERPOL General
#: Assembly, meeting in …, from … at its 93rd session:") that an editor wrapped.
OPENING_MAX_LINES = 4

__all__ = ["parse"]



#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_UNPLACED = Kind.UNPLACED


def parse(text: str | SourceText, *, paragraphs_given: bool = False, memo: ParseMemo | None = None) -> Resolution:
    """Parse ``text``; never raises (a bug becomes one unplaced paragraph for the whole text).

    ``paragraphs_given``: the text comes from an input whose paragraphs are known (a Word
    document), so a paragraph that starts in lower case is a paragraph of its own, not
    the continuation of the one before broken by a stray blank line.
    ``memo``: what parsing earlier versions of the same document kept (the language
    server keeps one per open document); the result is the same without it.
    A draft quoted line by line ("> The General Assembly,") is read without its quote
    markers (:mod:`resolint.parser.quoting`): the result's ``source`` is that reading,
    with the same offsets.
    """
    source = text if isinstance(text, SourceText) else SourceText(text)
    quoted = unquoted(source.text)
    if quoted is not None:
        source = SourceText(quoted)  # a draft quoted line by line: read without its markers
    try:
        return _Parser(source, paragraphs_given, memo).run()
    except Exception:  # pragma: no cover - guarded by the fuzz tests
        log.exception("parser failed; reporting the text as unplaced")
        res = Resolution(source)
        stripped = source.text.strip()
        if stripped:
            start = source.text.index(stripped[0])
            span = Span(start, start + len(stripped))
            res.paragraphs.append(Paragraph(Kind.UNPLACED, span, span))
        return res


class _Parser:
    def __init__(self, source: SourceText, paragraphs_given: bool = False, memo: ParseMemo | None = None) -> None:
        self.source = source
        self.paragraphs_given = paragraphs_given
        self.memo = memo
        self.text = source.text
        self.res = Resolution(source)

    # -- entry -----------------------------------------------------------------
    def run(self) -> Resolution:
        opening_line = self._find_opening_line()
        reads = _LabelReads()
        if self.memo is None:
            raws = self._joined(opening_line, None)
            if not self.paragraphs_given:
                raws, self.res.run_on = split_run_on(self.text, raws, listed_opener, functools.partial(cut_run_on, read=reads))
        else:
            raws, self.res.run_on = self.memo.raws(
                self.source, (opening_line, self.paragraphs_given), lambda lines: self._joined(opening_line, lines), self._cut_one
            )
        # (A comprehension: on Python 3.11 it reads a slot several times faster than
        # operator.attrgetter in map, and this reads every paragraph after every keystroke.)
        self.res.wrapped = any([r.first_line != r.last_line for r in raws])
        if self.memo is None:
            paragraphs = [read_paragraph(self.text, raw, reads) for raw in raws]
        else:
            paragraphs = self.memo.paragraphs(self.text, read_paragraph)
        for i in range(0 if self.memo is None else self.memo.reused, len(paragraphs)):  # (reused ones have theirs)
            paragraphs[i].index = i
        self.res.paragraphs = paragraphs
        find = None if self.memo is None else self.memo.literal_starts
        self.res.directives = find_directives(self.text, opens=None if find is None else find(self.text, DIRECTIVE_OPEN))
        kept = 0
        if self.memo is None:
            place(self.source, self.res, raws, opening_line)
        else:
            memo = self.memo
            memo.placement.place(self.source, self.res, raws, opening_line, place_paragraph, memo.text_ids, memo.reused, memo.unshare,
                                  memo.moved)
            memo.next_round()
            kept = memo.placement.kept
        if self.memo is None:
            self.res.sequences = operative_sequences(self.res)
        else:
            self.memo.sequences = found = operative_sequences_again(self.res, kept, self.memo.sequences)
            self.res.sequences = found[1]
        read_automatic_numbering(self.res, kept)
        read_title_block(self.res)
        return self.res

    def _joined(self, opening_line: int | None, lines: range | None) -> list[RawParagraph]:
        """The paragraphs of ``lines`` (all for None), broken ones joined back."""
        raws = split_paragraphs(self.source, one_per_line_until=opening_line if opening_line is not None else 0, lines=lines)
        return raws if self.paragraphs_given else self._merge_continuations(raws, opening_line)

    def _cut_one(self, raw: RawParagraph, following: RawParagraph | None) -> tuple[list[RawParagraph], list[Span]]:
        """One paragraph cut where a conversion ran paragraphs together (see split_run_on)."""
        if self.paragraphs_given or self.memo is None:
            return [raw], []
        return cut_one(self.text, raw, following, listed_opener, self.memo.cut)

    def _merge_continuations(self, raws: list[RawParagraph], opening_line: int | None) -> list[RawParagraph]:
        """Join a paragraph broken by a stray blank line back onto the one it continues.

        A paragraph that starts in lower case, with no label or bullet, after one that
        did not end a clause (no "." ";" or ":"), is the rest of that paragraph, unless it
        starts with an opener phrase a style lists ("recalling also …"): that is a clause
        of its own whose opener has the wrong case, for PRE003/OPR006 to report. (After a
        *numbered* paragraph it is still the continuation: "5. Welcomes …," then "notes
        that …" is one paragraph with several verbs.)
        """
        text = self.text
        openers = _group_opener_lines(text, raws)
        out: list[RawParagraph] = []
        for i, raw in enumerate(raws):
            if out and (opening_line is None or raw.first_line > opening_line) and i not in openers and i - 1 not in openers:
                # Only a paragraph in lower case goes on the one before (see _continues),
                # or a capitalized one that goes on with a numbered paragraph's sentence
                # (continues_in_capitals: "… in cooperation with the" / "United Nations
                # …;" / "5. …"): past any page furniture between them.
                first = text[raw.span.start]
                k = _furniture_before(text, out) if first.islower() or first.isupper() else 0
                prev = out[-1 - k]
                if (
                    (k == 0 or i - k - 1 not in openers)
                    and (_continues(text, prev, raw) or continues_in_capitals(text, prev, raw, following_past_comments(text, raws, i)))
                    and (opening_line is None or prev.first_line > opening_line)
                ):
                    del out[len(out) - k :]
                    out[-1] = RawParagraph(Span(prev.span.start, raw.span.end), prev.first_line, raw.last_line)
                    continue
            out.append(raw)
        return out

    def _find_opening_line(self) -> int | None:
        """The line the opening starts on: an opening of its own, or the first line of one
        an editor wrapped over several (a long INTERPOL or ITU opening at 72 columns)."""
        block_start, block, width = 0, None, 0  # the block being read, its lines and width once asked
        for line in range(self.source.line_count):
            text = self.source.line_text(line)
            if is_blank(text):  # (as split_paragraphs tells blocks apart)
                block_start, block = line + 1, None
                continue
            stripped = text.strip(EDGE_CHARS).strip()
            if not stripped:
                continue
            if is_opening(stripped):
                return line
            if starts_wrapped_opening(stripped):
                if block is None:  # once a block: a block of such lines is read once, not once a line
                    block = block_from(self.source, block_start)
                    width = block_width(block)
                if self._wrapped_opening(block, width, line - block_start):
                    return line
        return None

    def _wrapped_opening(self, block: list[BlockLine], width: int, k: int) -> bool:
        """Whether line ``k`` of ``block`` (whose longest line is ``width``) and the lines
        after it that go on the same paragraph (as
        :func:`~resolint.parser.blocks.split_paragraphs` groups them), up to
        :data:`OPENING_MAX_LINES` in all, make an opening."""
        text = self.text
        joined = text[block[k][1] : block[k][2]]
        for j in range(k + 1, min(k + OPENING_MAX_LINES, len(block))):
            line = block[j]
            if starts_new_line_paragraph(text, block[j - 1], line, width, block[j + 1] if j + 1 < len(block) else None):
                return False
            joined = f"{joined} {text[line[1] : line[2]]}"
            if is_opening(joined):
                return True
        return False



def read_paragraph(text: str, raw: RawParagraph, read=read_label) -> Paragraph:
    """A new, unplaced paragraph of ``raw``: its bullet, label, content and final mark.
    ``read`` reads the label (see :class:`_LabelReads`)."""
    start, end = raw.span.start, raw.span.end
    if text[start] == "*" and (glued := P.GLUED_BARCODE.match(text, start, end)) is not None:
        # "*2520311* 2. Requests …": the label is read after the barcode, which DOC016
        # removes (read as no label, the removal then numbered the paragraph: a numbering
        # finding a safe fix brought in, found by fuzz/mutate.py).
        start = glued.end()
    if text.startswith("<!--", start):
        start = after_leading_comments(text, start, end)
    bullet, pos = read_bullet(text, start, end)
    inner = end
    if pos < end and text[pos] == "[":
        # "[Deeply concerned by …,]", perhaps with a footnote reference after it: read inside
        # the brackets (as the fix that adds a missing mark puts it there: punctuation.py).
        closed = before_note_reference(text, pos, end)
        if bracketed(text, pos, closed):
            pos, inner = pos + 1, inside_brackets(text, pos, closed)
    label, after = read(text, pos, inner)
    if label is None and text[pos : pos + 1] in "*_":
        label, after = read_emphasized_label(text, pos, inner)
    elif label is None and text[pos : pos + 1].isdigit():
        label, after = read_decimal_label(text, pos, inner)  # "2.1 establish …" (placement keeps it or not)
    pos = after
    if text.startswith("<!--", pos):
        # "2. <!-- check this --> Requests …": the words start after the comment, as the
        # printed draft shows them (read from the comment, the paragraph had no opener:
        # its case, form and listing went unchecked).
        pos = after_leading_comments(text, pos, inner)
    if inner == end and label is not None and text[pos : pos + 1] == "[":
        # "PP2 [Deeply concerned by …,]": the negotiating label before the brackets
        closed = before_note_reference(text, pos, end)
        if bracketed(text, pos, closed):
            inner = inside_brackets(text, pos, closed)
    terminal = read_terminal(text, pos, inner)
    return Paragraph(_UNPLACED, raw.span, Span(pos, end), bullet=bullet, label=label, terminal=terminal)


def after_leading_comments(text: str, start: int, end: int) -> int:
    """Where a paragraph's words start after the comments glued before them
    ("<!-- resolint: ignore[OPR004] -->2. Urge …"): its label and opener are read there,
    as the printed draft shows them (read as no label, a safe fix removing the comment
    numbered the paragraph and brought in the opener's finding; found by fuzz/mutate.py).
    ``start`` when only comments and spaces follow (a directive on its own line)."""
    at = start
    while (m := COMMENT.match(text, at, end)) is not None:
        at = m.end()
        while at < end and text[at] in " \t":
            at += 1
        if not text.startswith("<!--", at):
            break
    return at if at < end and not text[at:end].isspace() else start


class _LabelReads:
    """:func:`read_label` for the paragraphs of one parse, each answer kept until it is
    asked for again, once.

    Cutting paragraphs run together reads the label at the start of every paragraph, and
    reading the paragraph then reads the same label again (a paragraph with a label has
    no bullet before it). The second read takes the first one's answer; the cut only
    looks at the label, so the paragraph may keep it. A third read reads afresh.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[int, int], tuple[Label | None, int]] = {}

    def __call__(self, text: str, pos: int, end: int) -> tuple[Label | None, int]:
        kept = self._kept.pop((pos, end), None)
        if kept is not None:
            return kept
        found = self._kept[(pos, end)] = read_label(text, pos, end)
        return found


def _group_opener_lines(text: str, raws: list[RawParagraph]) -> set[int]:
    """Indexes of the lines that head a group of items ("recalling" before "a) …").

    Such a line, and the first item after it, are never merged into the paragraph
    before: the opener has no final mark, which would otherwise read as a broken line.
    """
    out: set[int] = set()
    for i, raw in enumerate(raws[:-1]):
        if raw.last_line - raw.first_line > 1 or text[raw.span.end - 1] in TERMINALS:
            continue  # three lines or more, or a final mark: no opener (see looks_like_group_opener)
        body = text[raw.span.start : raw.span.end]
        nxt = following_past_comments(text, raws, i)  # "resolves" / a comment / "1 to …"
        if nxt is not None and looks_like_group_opener(body, listed_opener) and opens_items(text[nxt.span.start : nxt.span.end], listed_opener):
            out.add(i)
    return out


def _furniture_before(text: str, out: list[RawParagraph]) -> int:
    """How many of the last paragraphs of ``out`` are lines of page furniture (at most
    :data:`MAX_FURNITURE_LINES`, and never all of ``out``): a paragraph broken by a page
    break of a PDF conversion goes on after them ("… by means of information and" /
    "24-18765 (E) 161024" / "*2418765*" / "communications technology systems,")."""
    k = 0
    while k < min(MAX_FURNITURE_LINES, len(out) - 1) and is_furniture_paragraph(text, out[-1 - k]):
        k += 1
    return k


def _continues(text: str, prev: RawParagraph, raw: RawParagraph) -> bool:
    first = text[raw.span.start]
    if not first.islower():
        return False
    if listed_opener(text[raw.span.start : raw.span.end]) and read_label(text, prev.span.start, prev.span.end)[0] is None:
        # "recalling also …": a clause of its own with a wrong case (PRE003/OPR006). A
        # numbered paragraph that goes on after a comma with "notes that …" or "bearing in
        # mind …" is one clause, broken by a stray blank line.
        return False
    if read_bullet(text, raw.span.start, raw.span.end)[0] is not None:
        return False
    if read_label(text, raw.span.start, raw.span.end)[0] is not None:
        return False
    last = text[prev.span.end - 1]
    prev_text = text[prev.span.start : prev.span.end]
    if P.HTML_COMMENT.match(prev_text) or P.is_closing_line(prev_text):
        return False
    if last == ";":
        # "…; and its request that …" split after the semicolon.
        return text.startswith(("and ", "or "), raw.span.start)
    return last not in ".:"
