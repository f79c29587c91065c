from __future__ import annotations

import itertools
import re

from resolint.lazyre import lazy
from resolint.model import Kind, Paragraph
from resolint.parser import patterns as P
from resolint.parser.groups import FURNITURE_MAX_CHARS, is_page_furniture
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span

#: One line break: CRLF is one, never a CR and then an LF (which would read "\r\n" as a
#: blank line; found by the incremental property test).
_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
#: One or more blank lines (in any line ending): where a paragraph broken by a page break
#: was joined back (the parser joins it across the page's furniture).
_BLANK_LINES = lazy(rf"{_BREAK}(?:[ \t\u00a0]*{_BREAK})+")
_ONE_BREAK = lazy(_BREAK)
#: Where a line that may hold a page's marks alone starts after a line break (a job
#: number, "GE.", a barcode, a page's "2/3" before a job number): :meth:`PageFurniture._marks_between_lines`.
_PAGE_MARKS_AFTER_BREAK = lazy(r"[\r\n][ \t\u00a0]*(?=\d{2}-\d{5}|GE\.\d|\*\d{7,8}\*|\d{1,3}/\d{1,3}[ \t\u00a0]+\d{2}-\d{5})")
#: What every line of a page's marks has but "GE." ones: a job number's "-" and five
#: digits, or a barcode's digits between asterisks. Searched for first, one pattern each
#: (each starts with a fixed character the regex engine finds fast; their alternation it
#: tried at every character, 30 ms on the corpus against 3), and by the language server
#: only around the last edit (``Analysis.pattern_spans``: 1.8 ms a keystroke at 1 MB
#: searched whole): most texts have neither, and the scan at every line break was a
#: fortieth of a corpus run.
_JOB_NUMBER_TAIL = re.compile(r"-\d{5}")
_BARCODE = re.compile(r"\*\d{7,8}\*")
#: A paragraph's number with its label's mark and nothing else ("2.", "3)", "(4)").
_LONE_LABEL = lazy(r"[ \t\u00a0]*(?:\d{1,3}[.)]|\(\d{1,3}\))[ \t\u00a0]*$")


#: A short line after a blank line (its text in group 1; white space of any kind around
#: it), as every line of page furniture is: where :meth:`PageFurniture.check` looks. Each
#: run of blank lines is matched whole (possessive), with the short line after it when
#: there is one (group 1 is None otherwise): the match never fails after reading a run,
#: so the search resumes after it. (A pattern that required the short line failed at the
#: end of a long run of blank lines and was tried again from each of its line breaks:
#: quadratic, 20,000 lines holding a space took 4 s and 200,000 minutes.) Two patterns,
#: each starting with a fixed character the regex engine searches for fast: one from a
#: line feed (alone or after a carriage return), one from a carriage return alone (tried
#: only where the text has one). Possessive: a long line fails at once.
_THEN_SHORT_LINE = rf"(?:[ \t\u00a0]*{_BREAK})++(?:[^\S\r\n]*+([^\r\n]{{1,{FURNITURE_MAX_CHARS}}}+)[^\S\r\n]*+(?=\r|\n))?"
_BLANKS_AFTER_LF = re.compile(r"\n" + _THEN_SHORT_LINE)
_BLANKS_AFTER_CR = lazy(r"\r(?!\n)" + _THEN_SHORT_LINE)


def _short_lines_after_blanks(text: str, blanks: re.Pattern[str]):
    """Where the text of each short line after a run of blank lines starts."""
    return (at for m in blanks.finditer(text) if (at := m.start(1)) >= 0)


#: A line's end and the blank lines after it.
_LINE_END_AND_BLANKS = lazy(rf"[ \t\u00a0]*{_BREAK}(?:[ \t\u00a0]*{_BREAK})*")


def _line_and_blanks(text: str, span: Span) -> Span:
    """``span``'s whole line, from its indentation, and the blank lines after it."""
    start = span.start
    while start > 0 and text[start - 1] in " \t\u00a0":
        start -= 1
    after = _LINE_END_AND_BLANKS.match(text, span.end)
    return Span(start, after.end() if after else span.end)


def _furniture_tails(facts) -> dict[int, int]:
    """Paragraph index -> how far a furniture paragraph's removal reaches past it (a plain
    dict: every other paragraph reads as None, see ``Rule.paragraph_keys``)."""
    return {p.index: _line_and_blanks(facts.text, p.span).end - p.span.end for p in facts.of_kinds((Kind.FURNITURE,))}


class PageFurniture(Rule):
    """
    ## What it does
    Reports the header or footer of a PDF page left in the text: a job number ("24-18765
    (E) 161024"), a barcode ("*2418765*"), a page number ("2/3") or the document's symbol
    ("A/C.3/79/L.15") on a line of its own, between two paragraphs or between the two
    halves of a paragraph that a page break cut (the parser reads that paragraph as one,
    across them), and a barcode glued to the start of a paragraph ("*2325931* Reaffirming
    further …", which hides the paragraph's opener). It offers to take them out. A text
    copied with no blank line anywhere has its furniture found where a line of a page's
    marks (a job number, a barcode) opens it: "2/3" or a symbol alone on a line there is
    as much a resolution's number wrapped onto a line of its own.

    ## Why is this bad?
    Text copied from a PDF carries each page's furniture into the draft, in the middle of
    a sentence. Left there, it ends up in the next version of the text.

    ## Example
    ```
    The General Assembly,

    Noting with concern the increase in crimes committed by means of information and

    24-18765 (E) 161024

    *2418765*

    communications technology systems,

    1. Urges Member States to cooperate.
    ```

    ## Use instead
    ```
    The General Assembly,

    Noting with concern the increase in crimes committed by means of information and
    communications technology systems,

    1. Urges Member States to cooperate.
    ```

    ## Fix safety
    Safe: it removes only lines of digits and marks (or the symbol alone on its line);
    inside a paragraph it joins the two halves with a line break. Unsafe for a number
    with a label's mark alone on its line ("2.", "3)"): a draft leaves a paragraph still
    to write so as much as a page does its number.

    ## Options
    None.

    ## References
    UN documents print a job number, a barcode, the page number and the symbol in each
    page's header and footer (for example A/RES/51/1): <https://undocs.org/A/RES/51/1>
    """

    code = "DOC016"
    name = "page-furniture"
    summary = "A PDF page's header or footer inside a paragraph"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    #: Its findings in a paragraph come from that paragraph's text alone: the language
    #: server keeps them between edits.
    local = True
    own_paragraphs_only = True

    def paragraph_keys(self, ctx: RuleContext):
        """What a furniture paragraph's fix reads past the paragraph: the line break and
        blank lines it removes with it. A paragraph's text alone does not say them: the
        last paragraph of a draft gains blank lines after it when the drafter types on,
        and a kept fix then removed too little (found by the incremental property test)."""
        return ctx.facts.derived(_furniture_tails)

    def check(self, ctx: RuleContext):
        """:meth:`check_paragraph` of the paragraphs that may hold furniture, found by two
        scans of the whole text (a short line after a blank line inside a paragraph; a
        barcode at a paragraph's start) and the furniture paragraphs: most drafts have none,
        and a call per paragraph was a sixtieth of a corpus run."""
        text, facts = ctx.text, ctx.facts
        scans = [_short_lines_after_blanks(text, _BLANKS_AFTER_LF)]
        if "\r" in text:
            scans.append(_short_lines_after_blanks(text, _BLANKS_AFTER_CR))
        if facts.pattern_spans(_JOB_NUMBER_TAIL, 6) or facts.pattern_spans(_BARCODE, 10) or facts.literal_starts("GE."):
            scans.append(m.end() for m in _PAGE_MARKS_AFTER_BREAK.finditer(text))
        inside = facts.own_paragraphs_at(itertools.chain(*scans), lambda p, at: p.span.start < at)
        glued = facts.own_paragraphs_at((m.start() for m in P.GLUED_BARCODE.finditer(text)), lambda p, at: p.span.start == at)
        found = {p.index: p for p in itertools.chain(facts.of_kinds((Kind.FURNITURE,)), inside, glued) if p.own}
        for index in sorted(found):
            yield from self.check_paragraph(ctx, found[index])

    def check_paragraph(self, ctx: RuleContext, paragraph: Paragraph):
        if paragraph.kind is Kind.FURNITURE:
            # A line of its own between two paragraphs: removed with its indentation and
            # the blank lines after it. (The fix reaches past the paragraph: the language
            # server checks such a paragraph again after each edit instead of keeping it.)
            # A Word paragraph's text only: its paragraph mark is no text a fix can remove.
            removed = paragraph.span if ctx.formatting is not None else _line_and_blanks(ctx.text, paragraph.span)
            if _LONE_LABEL.match(ctx.text, paragraph.span.start, paragraph.span.end):
                if ctx.formatting is not None and ctx.formatting.drawn_at(paragraph.span.start):
                    # The number Word draws for an empty paragraph of a numbered list
                    # (the reader made it up: DOC032's), never a PDF's.
                    return
                # "2." alone between paragraphs 1 and 3 is how a draft holds a paragraph
                # still to write as much as a page number: removed, the number went too.
                yield Violation(paragraph.span, "A number alone on its line: a page number left by a PDF conversion, or a paragraph still to write",
                                Fix.unsafe("Remove the line", Edit(removed, "")))
                return
            yield Violation(paragraph.span, "Page header or footer left by a PDF conversion: remove it", Fix.safe("Remove the line", Edit(removed, "")))
            return
        text, lo, hi = ctx.text, paragraph.span.start, paragraph.span.end
        glued = P.GLUED_BARCODE.match(text, lo, hi) if lo < hi and text[lo] == "*" else None
        if glued is not None:
            barcode = Span(lo, glued.end())
            yield Violation(
                Span(lo, text.index("*", lo + 1) + 1),
                "A PDF page's barcode glued to the paragraph: remove it",
                Fix.safe("Remove the barcode", Edit(barcode, "")),
            )
        if text.find("\n", lo, hi) == -1 and text.find("\r", lo, hi) == -1:
            return  # one line (most paragraphs): no blank line in it (two C scans, not the regex's per character)
        gaps = list(_BLANK_LINES.finditer(text, lo, hi))
        if len(gaps) < 2:
            # No line between two blank lines; a page's marks on lines of their own all
            # the same (a PDF copied with no blank line anywhere).
            yield from self._marks_between_lines(text, lo, hi)
            return
        run: list[Span] = []  # furniture lines since the last line of the paragraph's own text
        before = gaps[0].start()  # where the paragraph's text before the run ends
        for gap, following in zip(gaps, gaps[1:], strict=False):
            line = Span(gap.end(), following.start())
            if is_page_furniture(text[line.start : line.end].strip()):
                run.append(line)
                continue
            if run:
                yield self._violation(text, run, before, line.start)
                run = []
            before = following.start()
        if run:
            yield self._violation(text, run, before, gaps[-1].end())

    def _marks_between_lines(self, text: str, lo: int, hi: int):
        """Findings for runs of furniture lines inside a paragraph typed without blank
        lines, each run opened by a line of a page's marks alone (:data:`P.PAGE_MARKS`:
        "26-04512    2/3", which no sentence's line is) and going on with the page's other
        furniture ("A/C.2/81/L.20"); the paragraph's own text stands before and after it
        (the parser joined the halves of a sentence the page broke)."""
        breaks = list(_ONE_BREAK.finditer(text, lo, hi))
        ends = [b.start() for b in breaks[1:]] + [hi]
        lines = [Span(b.end(), end) for b, end in zip(breaks, ends, strict=True)]  # every line but the first
        run: list[Span] = []
        for line in lines:
            content = text[line.start : line.end].strip()
            if P.PAGE_MARKS.match(content) or (run and is_page_furniture(content)):
                run.append(line)
                continue
            if run:
                yield self._violation(text, run, run[0].start - len(_break_before(breaks, run[0].start)), line.start)
                run = []

    @staticmethod
    def _violation(text: str, run: list[Span], before: int, after: int) -> Violation:
        """The finding for a run of furniture lines, whose fix joins the text before them
        (ending at ``before``) and after them (from ``after``) with one line break: the
        one that ended the text before them, so the fix depends on the paragraph alone (the
        document's dominant line ending changes with edits elsewhere, and the language
        server keeps this finding while the paragraph is unchanged; found by the
        incremental property test on a draft of mixed line endings)."""
        what = "line" if len(run) == 1 else f"{len(run)} lines"
        return Violation(
            Span(run[0].start, run[-1].end),
            f"Page header or footer left by a PDF conversion inside the paragraph ({what}): remove it",
            Fix.safe("Remove the page's header and footer", Edit(Span(before, after), _ONE_BREAK.match(text, before).group())),
        )


def _break_before(breaks: list[re.Match[str]], start: int) -> str:
    """The line break that ends where the line starting at ``start`` begins."""
    return next(b.group() for b in breaks if b.end() == start)
