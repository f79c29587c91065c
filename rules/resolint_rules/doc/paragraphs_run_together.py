from __future__ import annotations

from resolint.model import Kind
from resolint.parser.labels import before_note_reference
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation


class ParagraphsRunTogether(Rule):
    """
    ## What it does
    Reports paragraphs that share a line: an item run onto the one before it ("…;
    10 that …"), a group opener run onto the end of an item ("…of this resolution,
    instructs the Secretary-General"), a first clause run onto the opening ("The
    General Assembly, Recalling …", "… at its 94th session: RECALLING …"), or a
    preambular clause run onto the one before it ("Noting the report, Welcoming the
    progress made,": an opener the style lists, with its capital, after a comma). The parser
    reads them as separate paragraphs; this rule says where it split them and offers to
    put each on its own line.

    ## Why is this bad?
    It is a conversion's artefact (a PDF or Word export that lost paragraph breaks).
    A reader, a numbering check or a renumbering fix sees one paragraph where the text
    has two.

    ## Example
    ```
    The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),

    recalling

    a) Resolution 101 (Rev. Dubai, 2018),

    resolves

    1 to continue the studies; 2 to report on them,

    instructs the Secretary-General

    1 to publish the reports.
    ```

    ## Use instead
    ```
    The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),

    recalling

    a) Resolution 101 (Rev. Dubai, 2018),

    resolves

    1 to continue the studies;

    2 to report on them,

    instructs the Secretary-General

    1 to publish the reports.
    ```

    ## Fix safety
    Safe: only white space changes (a blank line in the draft's own line ending). But
    unsafe between two preambular clauses after a comma ("Noting the report, Welcoming
    …"): that cut is read from a listed opener's capital alone, and an unquoted title
    ("…, Recognizing Our Past") would be cut too.

    ## Options
    None.

    ## References
    `../shared/corpus/SOURCES.md` (ITU texts: headings merged into the paragraph before).
    """

    code = "DOC015"
    name = "paragraphs-run-together"
    summary = "Two paragraphs on one line"
    default_severity = Severity.INFO
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        if not ctx.resolution.run_on:
            return
        # The draft's own line ending: a "\n" put into a CRLF or CR file mixes endings.
        blank_line = ctx.source.dominant_newline() * 2
        for gap in ctx.resolution.run_on:
            if any(c in "\r\n" for c in ctx.text[gap.start : gap.end]):
                continue  # cut where a line break already stands (a paragraph the parser joined back): not on one line
            after = (ctx.text[gap.end : gap.end + 30].splitlines() or [""])[0]
            fix = Fix.unsafe if _between_preambular_clauses(ctx, gap.start) else Fix.safe
            yield Violation(gap, f"A new paragraph starts here ('{after.strip()}…') on the line of the one before", fix("Put it on a line of its own", Edit(gap, blank_line)))


def _between_preambular_clauses(ctx: RuleContext, at: int) -> bool:
    """Whether the paragraph that ends at ``at`` is a preambular clause cut after its
    comma before a capital: the parser's weakest cut (see Fix safety)."""
    before, text = ctx.facts.paragraph_at(at - 1), ctx.text
    if before is None:
        return False
    after = text[at : at + 40].lstrip("*_ \t")
    # (a group opener run on after a comma, "…ICTs, highlighting", is in lower case: safe)
    # (its comma read before a footnote's reference: "…session,5 Recalling also …")
    end = at
    while end > before.span.start and text[end - 1].isspace():
        end -= 1
    ended = before_note_reference(text, before.span.start, end)
    return before.kind is Kind.PREAMBLE and text.endswith(",", before.span.start, ended) and after[:1].isupper()
