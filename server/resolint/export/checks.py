"""Why a draft's structure is too uncertain to export without ``--force``.

An export states, element by element, what each paragraph is. When the parser had to
leave text unplaced, or the numbering of operative paragraphs or sub-paragraphs skips
or repeats, any structure we wrote would be a guess, and eIds built from the numbers
would point at the wrong paragraph. The checks are the linter's own rules for exactly
those problems, run with their defaults whatever the project's configuration selects
(a project that ignores OPR002 for linting still gets a truthful export decision);
a ``resolint: ignore[...]`` directive on the paragraph is honoured, as it is in linting.
"""

from __future__ import annotations

from resolint.engine import Finding, LintResult, lint
from resolint.registry import all_rules

#: Rules whose findings make the structure uncertain, and what each means for an export.
STRUCTURAL = {
    "DOC004": "text the parser could not place",
    "DOC003": "a preambular paragraph after the operative part began",
    "OPR002": "operative numbering that skips, repeats or does not start at 1",
    "OPR008": "sub-paragraph labels that skip, repeat or mix schemes",
}


def structural_findings(result: LintResult, *, paragraphs_given: bool = False) -> list[Finding]:
    """The structure-uncertain findings of the draft linted in ``result``."""
    rules = [r for r in all_rules() if r.code in STRUCTURAL]
    checked = lint(result.source, rules=rules, style=result.style.name, paragraphs_given=paragraphs_given)
    return [f for f in checked.findings if f.code in STRUCTURAL]


def reasons(result: LintResult, *, paragraphs_given: bool = False) -> list[str]:
    """One line per problem: where (line:column), which rule, what it means."""
    out = []
    for f in structural_findings(result, paragraphs_given=paragraphs_given):
        pos = result.source.position(f.span.start)
        out.append(f"{pos.line + 1}:{pos.character + 1}: {f.code} {f.message} ({STRUCTURAL[f.code]})")
    return out
