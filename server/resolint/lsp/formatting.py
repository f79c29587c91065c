"""Document formatting (opt-in): safe fixes plus renumbering, to a fixed point.

Renumbering (OPR002 for operative paragraphs, OPR008 for sub-paragraph labels) is an
unsafe fix for ``--fix`` because references such as "paragraph 5 above" may then point
elsewhere; a user who asks the editor to format has asked for it, so formatting applies
those two as well as every safe fix, and nothing else that is unsafe.
"""

from __future__ import annotations

from dataclasses import replace

from resolint.engine import LintResult
from resolint.fixes import fix_text
from resolint.lsp.actions import minimal_edit
from resolint.lsp.state import LintState
from resolint.rule import Applicability, Edit

RENUMBERING = ("OPR002", "OPR008", "PRE008")  # PRE008: the letters of a preambular group


def formatting_edits(state: LintState) -> list[Edit]:
    base = state.lint_fn()

    def lint_fn(text: str) -> LintResult:
        result = base(text)
        result.findings = [
            replace(f, fix=replace(f.fix, applicability=Applicability.SAFE))
            if f.code in RENUMBERING and f.fix is not None
            else f
            for f in result.findings
        ]
        return result

    outcome = fix_text(state.text, lint_fn, unsafe=False)
    edit = minimal_edit(state.text, outcome.text)
    return [edit] if edit else []
