"""One code action request runs at most LINTS_PER_REQUEST whole-text lints to place
"disable" comments (resolint.lsp.actions.LintBudget): a request for every diagnostic of a
draft with many findings in list items no longer lints the draft once per finding."""

from __future__ import annotations

import string

from resolint.config import Settings
from resolint.lsp import actions
from resolint.lsp.actions import LINTS_PER_REQUEST, ClientContext, code_actions, disable_edit, paragraph_at
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import LintState, build_state


def _letters(i: int) -> str:
    out, i = "", i + 1
    while i:
        i, r = divmod(i - 1, 26)
        out = string.ascii_lowercase[r] + out
    return out


def _draft(items: int) -> str:
    # Each item lacks its final mark: a finding in a list item, whose "disable" comment
    # is placed by a lint of the whole text.
    body = "".join(f"({_letters(i)}) to report on the matter numbered {i}\n\n" for i in range(items))
    return ("The General Assembly,\n\nRecalling its resolutions,\n\n1. Requests the Secretary-General:\n\n"
            + body + "2. Decides to remain seized of the matter.\n")


def _state(text: str) -> LintState:
    return build_state("file:///d.txt", 1, text, None, ProjectSettings(Settings(), None), EditorSettings(), None, "utf-16")


def _in_items(state: LintState) -> list:
    res = state.result.resolution
    return [f for f in state.findings if (p := paragraph_at(res, f.span.start)) is not None and p.parent is not None]


def _count_lints(monkeypatch) -> list[int]:
    """Counts the whole-text lints the "disable" actions run."""
    calls = [0]
    real = actions._edited_findings

    def counted(*args):
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(actions, "_edited_findings", counted)
    return calls


def _disables(acts) -> list:
    return [a for a in acts if a.title.startswith("Disable ")]


def test_a_request_for_every_diagnostic_runs_at_most_the_budget_of_lints(monkeypatch):
    state = _state(_draft(3 * LINTS_PER_REQUEST))
    in_items = _in_items(state)
    assert len(in_items) >= 3 * LINTS_PER_REQUEST  # the draft is as described
    lints = _count_lints(monkeypatch)
    lines = (0, state.text.count("\n"))
    acts = code_actions(state, state.diagnostics, lines, None, ClientContext())
    assert lints[0] == LINTS_PER_REQUEST
    # Every finding keeps its quick fix; the "disable" actions offered are placed right.
    fixes = [a for a in acts if a.title.startswith("resolint (")]
    assert len(fixes) == sum(1 for f in state.findings if f.fix is not None)
    assert LINTS_PER_REQUEST <= len(_disables(acts)) < len(state.findings)
    # The answers are kept for the version: the next request places the next ones.
    more = code_actions(state, state.diagnostics, lines, None, ClientContext())
    assert lints[0] == 2 * LINTS_PER_REQUEST and len(_disables(more)) > len(_disables(acts))


def test_a_request_for_one_squiggle_past_the_budget_still_gets_its_disable(monkeypatch):
    state = _state(_draft(3 * LINTS_PER_REQUEST))
    lines = (0, state.text.count("\n"))
    code_actions(state, state.diagnostics, lines, None, ClientContext())  # spends the budget
    last = _in_items(state)[-1]
    (diag,) = [d for d in state.diagnostics if d.data["id"] == state.ids[state.findings.index(last)]]
    line = diag.range.start.line
    acts = code_actions(state, [diag], (line, line), None, ClientContext())
    (disable,) = _disables(acts)
    fresh = _state(state.text)  # no budget, no memo
    expected = disable_edit(fresh, fresh.findings[state.findings.index(last)])
    (edit,) = disable.edit.changes["file:///d.txt"]
    assert edit.new_text == expected.new_text and state.index.offset(edit.range.start.line, edit.range.start.character) == expected.span.start


def test_without_a_budget_nothing_changes():
    state = _state(_draft(4))
    for f in _in_items(state):
        assert disable_edit(state, f) is not None
