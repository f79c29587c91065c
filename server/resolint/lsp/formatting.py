"""Document formatting (opt-in): safe fixes plus renumbering, to a fixed point.

Renumbering (OPR002 for operative paragraphs, OPR008 for sub-paragraph labels) is an
unsafe fix for ``--fix`` because references such as "paragraph 5 above" may then point
elsewhere; a user who asks the editor to format has asked for it, so formatting applies
those two as well as every safe fix, and nothing else that is unsafe. OPR002 follows the
references it can read ("paragraph 5 above"); the relabelling of sub-paragraphs follows
none, so a text that refers to sub-paragraphs by their labels ("subparagraph (c) above")
is not relabelled.

Formatting rewrites no draft that ``resolint check --fix`` leaves as it is
(:func:`resolint.lsp.actions.refused`: text the parser could not place, a style guessed
from a sentence, more fixes than ``--fix`` takes on in one file): it answered *Format
Document* on such a draft by rewriting it, and on a draft of 94,000 findings with a fix it
ran for minutes where fix-all was refused at once.
"""

from __future__ import annotations

import re
from dataclasses import replace

from resolint.engine import LintResult
from resolint.fixes import fix_text
from resolint.lsp.actions import minimal_edit, refused
from resolint.lsp.state import LintState
from resolint.rule import Applicability, Edit

RENUMBERING = ("OPR002", "OPR008", "PRE008")  # PRE008: the letters of a preambular group
#: The relabelling fixes, which do not follow references to the labels they change.
RELABELLING = ("OPR008", "PRE008")
#: A reference to a sub-paragraph by its label: "subparagraph (c) above", "paragraph 1 (d)".
_LABEL_REFERENCE = re.compile(r"\bsub-?paragraphs?\s+\([a-z]{1,5}\)|\bparagraphs?\s+\d{1,3}\s?\([a-z]{1,5}\)", re.IGNORECASE)


def formatting_edits(state: LintState) -> list[Edit]:
    if refused(state):
        return []
    base = state.lint_fn()

    def lint_fn(text: str) -> LintResult:
        result = base(text)
        # Relabelling "(c)" as "(b)" leaves "subparagraph (c) above" pointing at another
        # item (or at itself): not where the text refers to sub-paragraphs by their labels.
        promoted = RENUMBERING if _LABEL_REFERENCE.search(text) is None else tuple(c for c in RENUMBERING if c not in RELABELLING)
        result.findings = [
            replace(f, fix=replace(f.fix, applicability=Applicability.SAFE))
            if f.code in promoted and f.fix is not None
            else f
            for f in result.findings
        ]
        return result

    outcome = fix_text(state.text, lint_fn, unsafe=False)
    edit = minimal_edit(state.text, outcome.text)
    return [edit] if edit else []
