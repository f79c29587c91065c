"""The language server's incremental lint equals a full lint, on generated drafts of every style.

``tests/test_incremental.py`` edits a few hand-written drafts; here the drafts come from
the robustness generator (every style, labels right and wrong, sub-paragraphs, directives,
mixed line endings) and the edits paste or cut the pieces placement cares about: blank
lines, openings, labels, final marks, directives, annex and article headings, group
openers. After every edit the findings (code, message, range, fix) of the document's
:class:`~resolint.incremental.IncrementalLinter` must be those of :func:`resolint.engine.lint`.
Raise the examples for a long run: ``RESOLINT_ROBUST_EXAMPLES=8000`` (about five minutes;
clean when written).
"""

from __future__ import annotations

from drafts import ROBUST, drafts
from hypothesis import given
from hypothesis import strategies as st

from resolint.config import Settings
from resolint.engine import lint
from resolint.incremental import IncrementalLinter

STYLES = st.sampled_from([None, "interpol", "un-sc", "itu", "mun"])
#: What an edit pastes: the pieces whose arrival or removal changes how paragraphs are
#: split, joined, placed or numbered.
PASTES = [
    "\n\n", "\n", "The General Assembly,\n\n", "1. ", "(a) ", "a) ", "- ", ";", ",", ".", ":", "x",
    "Recalling ", "resolves\n\n", "<!-- resolint: ignore[PRE002] -->\n\n", "Annex\n\n", "Article 1\n\n",
    "\n\nand the rest of a broken line", "\n\nThe General Assembly,\n\n",
]
#: (where, how many characters to cut, what to paste, cut or paste)
EDITS = st.tuples(st.floats(0, 1), st.integers(0, 30), st.sampled_from(PASTES), st.booleans())


def _edited(text: str, edit: tuple[float, int, str, bool]) -> str:
    where, size, paste, cut = edit
    at = int(where * len(text))
    return text[:at] + text[at + size :] if cut else text[:at] + paste + text[at:]


def _findings(result) -> list[tuple]:
    return [(f.code, f.message, f.span, f.fix) for f in result.findings]


@ROBUST
@given(drafts(), STYLES, st.lists(EDITS, min_size=1, max_size=10))
def test_incremental_lint_of_generated_drafts_equals_a_full_lint(text, style, edits):
    settings = Settings()
    linter = IncrementalLinter()
    for edit in [None, *edits]:
        if edit is not None:
            text = _edited(text, edit)
        assert _findings(linter.lint(text, settings, style=style)) == _findings(lint(text, settings, style=style)), edit
