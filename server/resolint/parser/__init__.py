"""Parse plain text or Markdown into a :class:`~resolint.model.Resolution`.

The parser never raises: on any input it returns its best reading and marks what it
could not place as ``Kind.UNPLACED`` for a DOC rule to report. It knows nothing of
house styles and does not use spaCy, so its result depends on the text alone.
"""

from __future__ import annotations

import logging

from resolint.directives import find_directives
from resolint.model import Kind, LabelScheme, Paragraph, Resolution
from resolint.parser import patterns as P
from resolint.parser.blocks import RawParagraph, split_paragraphs
from resolint.parser.labels import alpha_value, read_bullet, read_label, read_terminal
from resolint.parser.title import read_title_block
from resolint.parser.wordshape import opener_shape
from resolint.source import SourceText, Span

log = logging.getLogger(__name__)

__all__ = ["parse"]


def parse(text: str | SourceText, *, paragraphs_given: bool = False) -> Resolution:
    """Parse ``text``; never raises (a bug becomes one unplaced paragraph for the whole text).

    ``paragraphs_given``: the text comes from an input whose paragraphs are known (a Word
    document), so a paragraph that starts in lower case is a paragraph of its own, not
    the continuation of the one before broken by a stray blank line.
    """
    source = text if isinstance(text, SourceText) else SourceText(text)
    try:
        return _Parser(source, paragraphs_given).run()
    except Exception:  # pragma: no cover - guarded by the fuzz tests
        log.exception("parser failed; reporting the text as unplaced")
        res = Resolution(source)
        stripped = source.text.strip()
        if stripped:
            start = source.text.index(stripped[0])
            span = Span(start, start + len(stripped))
            res.paragraphs.append(Paragraph(Kind.UNPLACED, span, span))
        return res


def _is_opening(text: str) -> bool:
    if len(text) > P.OPENING_MAX_CHARS:
        return False
    m = P.OPENING.match(text)
    if not m:
        return False
    rest = m.group("rest").rstrip("*_ ")
    # An opening ends the line with "," or ":" (or nothing, which a rule reports);
    # a sentence that starts with "The Council" goes on with a verb and other clauses.
    if rest in (".", ";"):
        return True  # "The General Assembly." — an opening with the wrong mark
    return rest == "" or rest[-1] in ",:" or bool(P.INTERPOL_MEETING.search(rest))


class _Parser:
    def __init__(self, source: SourceText, paragraphs_given: bool = False) -> None:
        self.source = source
        self.paragraphs_given = paragraphs_given
        self.text = source.text
        self.res = Resolution(source)

    # -- entry -----------------------------------------------------------------
    def run(self) -> Resolution:
        opening_line = self._find_opening_line()
        raws = split_paragraphs(self.source, one_per_line_until=opening_line if opening_line is not None else 0)
        if not self.paragraphs_given:
            raws = self._merge_continuations(raws, opening_line)
        paragraphs = [self._make(raw) for raw in raws]
        for i, p in enumerate(paragraphs):
            p.index = i
        self.res.paragraphs = paragraphs
        self.res.directives = find_directives(self.text)
        self._classify(paragraphs, raws, opening_line)
        read_title_block(self.res)
        return self.res

    def _merge_continuations(self, raws: list[RawParagraph], opening_line: int | None) -> list[RawParagraph]:
        """Join a paragraph broken by a stray blank line back onto the one it continues.

        A paragraph that starts in lower case, with no label or bullet, after one that
        did not end a clause (no "." ";" or ":"), is the rest of that paragraph.
        """
        text = self.text
        out: list[RawParagraph] = []
        for raw in raws:
            if out and (opening_line is None or raw.first_line > opening_line):
                prev = out[-1]
                if _continues(text, prev, raw) and (opening_line is None or prev.first_line > opening_line):
                    out[-1] = RawParagraph(Span(prev.span.start, raw.span.end), prev.first_line, raw.last_line)
                    continue
            out.append(raw)
        return out

    def _find_opening_line(self) -> int | None:
        src = self.source
        for line in range(src.line_count):
            stripped = src.line_text(line).strip()
            if stripped and _is_opening(stripped):
                return line
        return None

    def _make(self, raw: RawParagraph) -> Paragraph:
        text = self.text
        start, end = raw.span.start, raw.span.end
        bullet, pos = read_bullet(text, start, end)
        label, pos = read_label(text, pos, end)
        terminal = read_terminal(text, pos, end)
        return Paragraph(Kind.UNPLACED, raw.span, Span(pos, end), bullet=bullet, label=label, terminal=terminal)

    # -- placement -------------------------------------------------------------
    def _classify(self, paragraphs: list[Paragraph], raws: list[RawParagraph], opening_line: int | None) -> None:
        state = "title"
        part = 0
        in_annex = False
        last_operative: Paragraph | None = None  # the latest top-level operative paragraph
        list_intro: Paragraph | None = None  # an unnumbered operative ending ":" (INTERPOL)
        sub_stack: list[Paragraph] = []  # open sub-paragraphs, shallowest first
        last_clause: Paragraph | None = None  # preamble or operative that sub-paragraphs attach to
        quoting = False  # inside a text the resolution adopts ("Adopts the following declaration:")
        for p, raw in zip(paragraphs, raws):
            body = self.text[p.span.start : p.span.end]
            content = self.text[p.content.start : p.content.end]
            if in_annex:
                p.kind = Kind.ANNEX
                continue
            if P.HTML_COMMENT.match(body):
                p.kind = Kind.DIRECTIVE
                continue
            if state == "title":
                if opening_line is not None and raw.first_line < opening_line:
                    p.kind = Kind.TITLE
                    continue
                if opening_line is not None or _is_opening(body):
                    p.kind = Kind.OPENING
                    self.res.openings.append(p)
                    state = "preamble"
                    continue
                if not self._looks_like_clause(p, content):
                    p.kind = Kind.TITLE
                    continue
                state = "preamble"  # no opening: the first clause starts the body
            p.part = part
            if _is_opening(body) and p.label is None:
                part += 1
                p.part = part
                p.kind = Kind.OPENING
                self.res.openings.append(p)
                state, last_operative, list_intro, sub_stack, last_clause = "preamble", None, None, [], None
                continue
            if _is_junk(body):
                p.kind = Kind.UNPLACED  # reported once by DOC004; does not change the state
                continue
            if P.ANNEX.match(body) or (state in ("operative", "closing") and P.ANNEX_TITLED.match(body)):
                in_annex = True
                p.kind = Kind.ANNEX
                continue
            if quoting:
                if P.ADOPTED.match(body) or P.PLENARY.match(body):
                    quoting = False
                else:
                    p.kind = Kind.ANNEX
                    continue
            if P.ADOPTED.match(body) or P.PLENARY.match(body) or (state in ("operative", "closing") and P.DATE_LINE.match(body)):
                p.kind = Kind.CLOSING
                state = "closing"
                continue
            if P.MD_HEADING.match(body) or P.THEMATIC_BREAK.match(body):
                p.kind = Kind.HEADING
                list_intro, sub_stack = None, []
                continue
            if state == "closing":
                # After the closing lines only a real section mark ("B", "II.") starts a new part.
                if P.SECTION_HEADING.match(body) and len(body) < 320:
                    p.kind = Kind.HEADING
                else:
                    p.kind = Kind.UNPLACED
                continue
            if content[:1] in "“\"«" and last_clause is not None and last_clause.terminal_char(self.source) == ":":
                # Quoted text introduced by "…as follows:" belongs to the paragraph before.
                p.kind = Kind.SUBPARAGRAPH
                p.parent = last_clause
                p.depth = (last_clause.depth or 0) + 1
                last_clause.children.append(p)
                continue
            label = p.label
            if label is not None and label.scheme in (LabelScheme.UPPER_ALPHA, LabelScheme.UPPER_ROMAN):
                p.kind = Kind.HEADING  # "A." / "IV." head a section of the body
                list_intro, sub_stack = None, []
                continue
            if label is not None and label.scheme is not LabelScheme.ARABIC:
                self._place_subparagraph(p, sub_stack, last_clause)
                continue
            if label is None and state == "operative" and p.terminal is None and len(body) < 250 and self._next_is_numbered(paragraphs, p.index):
                # "Financing of the appropriation" between numbered paragraphs: a heading.
                p.kind = Kind.HEADING
                list_intro, sub_stack = None, []
                continue
            if label is None and self._is_section_heading(p, body):
                p.kind = Kind.HEADING
                list_intro, sub_stack = None, []
                continue
            if state != "title" and P.DECLARATION_START.match(body):
                # "We, the Heads of State and Government, …": an adopted declaration.
                quoting = True
                p.kind = Kind.ANNEX
                continue
            shape = opener_shape(content)
            term = p.terminal_char(self.source)
            if label is not None and state == "preamble" and term == "," and shape == "preamble":
                p.kind = Kind.PREAMBLE  # a numbered preambular paragraph (PRE005 reports it)
                last_clause = p
                sub_stack = []
                continue
            if label is None and state == "preamble":
                starts_operative = shape == "preamble" and term in (";", ".") and self._next_is_operative(paragraphs, p.index)
                if not starts_operative and (term == "," or shape == "preamble" or (shape == "" and term not in ";.:")):
                    p.kind = Kind.PREAMBLE
                    last_clause = p
                    sub_stack = []
                    continue
            if label is None and state == "operative" and term == "," and shape == "preamble" and list_intro is None:
                p.kind = Kind.PREAMBLE  # a preambular paragraph after the operative part
                last_clause = p
                sub_stack = []
                continue
            if label is None and p.bullet is not None and list_intro is None and last_clause is not None and state == "operative":
                # "• a summary of actions taken…;" under "…to report on the following:":
                # a bulleted sub-item of the paragraph before, not a paragraph of its own.
                p.kind = Kind.SUBPARAGRAPH
                p.parent = last_clause
                p.depth = last_clause.depth + 1
                last_clause.children.append(p)
                continue
            # An operative paragraph or an item of an INTERPOL list.
            p.kind = Kind.OPERATIVE
            state = "operative"
            sub_stack = []
            # Items of a list: after an unnumbered intro ("ENCOURAGES … to:") numbered,
            # bulleted and lower-case paragraphs are its items. (Bullets under a numbered
            # paragraph are its sub-items: see the SUBPARAGRAPH case above.)
            # A numbered paragraph after an intro whose list was lettered ("Decides:" /
            # "(a) …" / "(b) …") is the intro's sibling, not one more item.
            lettered = list_intro is not None and any(c.kind is Kind.SUBPARAGRAPH for c in list_intro.children)
            is_item = list_intro is not None and (
                (label is not None and list_intro.label is None and not lettered) or p.bullet is not None or _starts_lower(content)
            )
            if is_item:
                p.parent = list_intro
                p.depth = 1
                list_intro.children.append(p)
            else:
                list_intro = None
                last_operative = p
                if term == ":" and label is None:
                    list_intro = p
                if term == ":" and P.ADOPTS_TEXT.search(body):
                    quoting = self._next_is_unlabelled_text(paragraphs, p.index)
            last_clause = p

    def _next_is_operative(self, paragraphs: list[Paragraph], index: int) -> bool:
        """Whether the next clause is an unnumbered operative one ("CALLING UPON …;" then "REQUESTS …")."""
        for nxt in paragraphs[index + 1 :]:
            if nxt.kind is Kind.DIRECTIVE or P.HTML_COMMENT.match(self.text[nxt.span.start : nxt.span.end]):
                continue
            if nxt.label is not None:
                # Numbered operative paragraphs follow: an unnumbered clause before them
                # is the last preambular paragraph with a wrong mark, not an operative one.
                return False
            return opener_shape(self.text[nxt.content.start : nxt.content.end]) == "operative"
        return False

    def _next_is_numbered(self, paragraphs: list[Paragraph], index: int) -> bool:
        nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        return nxt is not None and nxt.label is not None and nxt.label.scheme is LabelScheme.ARABIC

    def _next_is_unlabelled_text(self, paragraphs: list[Paragraph], index: int) -> bool:
        """After "…the following declaration:", is what follows adopted text (not a list)?"""
        if index + 1 >= len(paragraphs):
            return False
        nxt = paragraphs[index + 1]
        content = self.text[nxt.content.start : nxt.content.end]
        return nxt.label is None and nxt.bullet is None and not _starts_lower(content) and not _is_opening(content)

    def _looks_like_clause(self, p: Paragraph, content: str) -> bool:
        if p.label is not None and p.label.scheme is LabelScheme.ARABIC:
            return True
        term = p.terminal_char(self.source)
        return term in (",", ";") and opener_shape(content) != ""

    def _is_section_heading(self, p: Paragraph, body: str) -> bool:
        if p.terminal is not None and p.terminal_char(self.source) != ".":
            return False
        if len(body) > 320:
            return False
        if P.SECTION_HEADING.match(body):
            return p.terminal is None or len(body) < 60
        # A short title-case line with no final punctuation: "Sustainable development".
        return p.terminal is None and opener_shape(body) == "" and len(body) < 120 and body[:1].isupper()

    def _place_subparagraph(self, p: Paragraph, stack: list[Paragraph], parent_clause: Paragraph | None) -> None:
        p.kind = Kind.SUBPARAGRAPH
        label = p.label
        assert label is not None
        # Settle "(i)", "(v)", "(x)": a letter when it continues an open lettered list
        # ("(h)" then "(i)"), a roman numeral otherwise.
        if label.scheme is LabelScheme.LOWER_ROMAN:
            letters = label.text.strip("().")
            if len(letters) == 1:
                as_letter = alpha_value(letters)
                for open_sub in stack:
                    ol = open_sub.label
                    if ol and ol.scheme is LabelScheme.LOWER_ALPHA and ol.form == label.form and ol.value == as_letter - 1:
                        label.scheme = LabelScheme.LOWER_ALPHA
                        label.value = as_letter
                        break
        family = (label.scheme, label.form)
        for i, open_sub in enumerate(stack):
            ol = open_sub.label
            if ol and (ol.scheme, ol.form) == family:
                del stack[i:]
                break
        parent = stack[-1] if stack else parent_clause
        p.parent = parent
        p.depth = (parent.depth + 1) if parent is not None else 1
        if parent is not None:
            parent.children.append(p)
        stack.append(p)


def _continues(text: str, prev: RawParagraph, raw: RawParagraph) -> bool:
    first = text[raw.span.start]
    if not first.islower():
        return False
    if read_bullet(text, raw.span.start, raw.span.end)[0] is not None:
        return False
    if read_label(text, raw.span.start, raw.span.end)[0] is not None:
        return False
    last = text[prev.span.end - 1]
    prev_text = text[prev.span.start : prev.span.end]
    if P.HTML_COMMENT.match(prev_text) or P.PLENARY.match(prev_text) or P.ADOPTED.match(prev_text) or P.DATE_LINE.match(prev_text):
        return False
    if last == ";":
        # "…; and its request that …" split after the semicolon.
        return text.startswith(("and ", "or "), raw.span.start)
    return last not in ".:"


def _is_junk(body: str) -> bool:
    """Page furniture left by a PDF conversion: job numbers, page numbers, barcodes."""
    return bool(P.JUNK.match(body))


def _starts_lower(content: str) -> bool:
    for ch in content:
        if ch.isalpha():
            return ch.islower()
        if ch not in "*_\"“'‘":
            return False
    return False
