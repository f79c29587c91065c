"""Why a draft's structure is too uncertain to export without ``--force``.

An export states, element by element, what each paragraph is. When the parser had to
leave text unplaced, or the numbering of operative paragraphs or sub-paragraphs skips
or repeats, any structure we wrote would be a guess, and eIds built from the numbers
would point at the wrong paragraph. The checks are the linter's own rules for exactly
those problems, run on the draft's existing parse with the style's options, whatever
the project's configuration selects and whatever a directive suppresses: suppressing a
finding in linting is not a statement that the structure is sound, and ``--force`` is
the one explicit way to export anyway.
"""

from __future__ import annotations

from collections.abc import Callable

from resolint.config import Settings
from resolint.engine import LintResult, rule_options
from resolint.records import record
from resolint.registry import all_rules
from resolint.rule import RuleContext
from resolint.source import Span

#: Rules whose findings make the structure uncertain, and what each means for an export.
STRUCTURAL = {
    "DOC004": "text the parser could not place",
    "DOC003": "a preambular paragraph after the operative part began",
    "OPR002": "operative numbering that skips, repeats or does not start at 1",
    "OPR008": "sub-paragraph labels that skip, repeat or mix schemes",
    "DOC016": "a PDF page's header or footer left in the text",
}


@record(frozen=True, slots=True)
class Problem:
    """One reason an export refuses a draft without ``--force``: the rule's code, what its
    finding means for the structure, and where."""

    code: str
    message: str
    span: Span


def problems(result: LintResult) -> list[Problem]:
    """The structure-uncertain problems of the draft linted in ``result``, in text order."""
    ctx = RuleContext(result.source, result.resolution, result.style, {}, facts=result.facts)
    out: list[Problem] = []
    for rule in all_rules():
        if rule.code not in STRUCTURAL:
            continue
        ctx.options = rule_options(rule, result.style, Settings())
        out += [Problem(rule.code, v.message, v.span) for v in rule.check(ctx)]
    return sorted(out, key=lambda p: (p.span.start, p.code))


def reasons(result: LintResult, where: Callable[[Span], str] | None = None) -> list[str]:
    """One line per problem: where (line:column, or what ``where`` says of the span: a
    Word document's paragraph, "¶7 (3.)"), which rule, what it means."""
    out = []
    for p in problems(result):
        if where is None:
            pos = result.source.position(p.span.start)
            at = f"{pos.line + 1}:{pos.character + 1}"
        else:
            at = where(p.span)
        out.append(f"{at}: {p.code} {p.message} ({STRUCTURAL[p.code]})")
    return out
