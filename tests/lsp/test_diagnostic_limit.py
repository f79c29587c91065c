"""A document's diagnostics are limited to ``maxDiagnostics`` (resolint.lsp.diagnostic_limit):
the most severe first, in document order, one notice last that counts the rest; the server
keeps every finding, so fix-all and the status count still see them all."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from resolint.config import Settings
from resolint.incremental import IncrementalLinter
from resolint.lsp import actions
from resolint.lsp.diagnostic_limit import shown_findings
from resolint.lsp.settings import EditorSettings, ProjectSettings, parse_editor_settings
from resolint.lsp.state import build_state
from tests.lsp.helpers import apply_text_edits, capabilities, config, until, workspace_edits

# Warnings (a preambular or operative paragraph without its mark) come first in the text,
# the one error (numbering skips 3) last: a limit that keeps only the first few findings
# in document order would drop the error.
DRAFT = """The General Assembly,

Recalling its resolution 70/1 of 25 September 2015

Recalling also its earlier resolutions

Noting with concern the report of the Secretary-General

1. Decides to remain seized of the matter

2. Requests the Secretary-General to report

4. Urges all States to act.
"""

SEVERITY_RANK = {types.DiagnosticSeverity.Error: 1, types.DiagnosticSeverity.Warning: 2,
                 types.DiagnosticSeverity.Information: 3, types.DiagnosticSeverity.Hint: 4}


def _state(text: str, limit: int, linter: IncrementalLinter | None = None, version: int = 1, **editor):
    project = ProjectSettings(Settings(), None)
    return build_state("file:///d.txt", version, text, None, project, EditorSettings(max_diagnostics=limit, **editor),
                       None, "utf-16", linter)


def _notice(diags: list[types.Diagnostic]) -> types.Diagnostic:
    last = diags[-1]
    assert last.code == "resolint" and last.data is None and last.severity == types.DiagnosticSeverity.Information
    assert (last.range.start.line, last.range.start.character) == (0, 0)
    return last


def test_under_the_limit_every_finding_is_sent_and_no_notice():
    full = _state(DRAFT, 0)
    assert len(full.findings) >= 6
    for limit in (0, len(full.findings), 1000):
        state = _state(DRAFT, limit)
        assert [d.data["id"] for d in state.diagnostics] == full.ids
        assert state.result_id == full.result_id


@pytest.mark.parametrize("limit", [1, 2, 3, 4])
def test_over_the_limit_the_most_severe_are_sent_in_order_and_a_notice_counts_the_rest(limit):
    full = _state(DRAFT, 0)
    errors = [i for i, d in enumerate(full.diagnostics) if d.severity == types.DiagnosticSeverity.Error]
    assert errors and errors[-1] == len(full.diagnostics) - 1  # the draft is as described
    state = _state(DRAFT, limit)
    assert len(state.diagnostics) == limit
    sent, notice = state.diagnostics[:-1], _notice(state.diagnostics)
    ids = [d.data["id"] for d in sent]
    hidden = [d for d in full.diagnostics if d.data["id"] not in ids]
    assert len(sent) + len(hidden) == len(full.findings)
    assert f"{len(hidden):,} more findings" in notice.message and f"{len(full.findings):,} in all" in notice.message
    # Most severe first: nothing sent is less severe than anything left out.
    if sent:
        assert max(SEVERITY_RANK[d.severity] for d in sent) <= min(SEVERITY_RANK[d.severity] for d in hidden)
        assert full.ids[errors[-1]] in ids
    # In document order, each exactly as it is sent without a limit.
    assert ids == [i for i in full.ids if i in ids]
    by_id = {d.data["id"]: d for d in full.diagnostics}
    assert all(d == by_id[d.data["id"]] for d in sent)
    # The server keeps every finding: the status count and fix-all see them all.
    assert state.findings == full.findings and state.ids == full.ids
    (edit,) = actions.fix_all_edits(state)
    assert actions.fix_all_edits(full) == [edit]
    fixed = DRAFT[: edit.span.start] + edit.new_text + DRAFT[edit.span.end :]
    assert {f.code for f in _state(fixed, 0).findings} == {"OPR002"}  # the five marks added, sent or not


def test_severity_overrides_decide_what_is_most_severe():
    # The numbering error shown as a hint: the warnings go first.
    state = _state(DRAFT, 3, severity_overrides={"OPR002": "hint"})
    assert [d.code for d in state.diagnostics[:-1]] == ["PRE004", "PRE004"]


def test_the_report_id_changes_with_the_number_not_shown():
    # The same diagnostic sent (the error), one finding fewer left out: the client must hear of it.
    fewer = DRAFT.replace("to report\n", "to report;\n")
    a, b = _state(DRAFT, 2), _state(fewer, 2)
    assert len(_state(fewer, 0).findings) == len(_state(DRAFT, 0).findings) - 1
    assert a.diagnostics[:-1] == b.diagnostics[:-1] and a.diagnostics[0].code == "OPR002"
    assert a.result_id != b.result_id


def test_a_document_linted_incrementally_sends_what_a_full_lint_sends():
    linter = IncrementalLinter()
    text = DRAFT
    for version, edit in enumerate(["", "x", "Recalling further its work\n\n", "5. Notes the report\n\n"], start=1):
        text = text.replace("1. Decides", edit + "1. Decides") if edit else text
        kept = _state(text, 4, linter, version)
        assert kept.diagnostics == _state(text, 4).diagnostics, version
        assert kept.result_id == _state(text, 4).result_id, version


def test_the_ranking_alone():
    from resolint.engine import lint

    findings = lint(DRAFT, Settings()).findings
    assert shown_findings(findings, 0, {}) is None
    assert shown_findings(findings, len(findings), {}) is None
    assert shown_findings(findings, 1, {}) == []
    error = next(i for i, f in enumerate(findings) if f.code == "OPR002")
    assert shown_findings(findings, 2, {}) == [error]
    assert shown_findings(findings, 3, {}) == [0, error]


def test_the_setting_is_read_and_checked():
    assert EditorSettings().max_diagnostics == 1000
    assert parse_editor_settings({"maxDiagnostics": 50}) == (EditorSettings(max_diagnostics=50), [])
    assert parse_editor_settings({"maxDiagnostics": 0})[0].max_diagnostics == 0
    for bad in (-1, 1.5, "100", True, 1_000_001):
        settings, problems = parse_editor_settings({"maxDiagnostics": bad})
        assert settings.max_diagnostics == 1000 and len(problems) == 1 and "maxDiagnostics" in problems[0], bad


# -- end to end: a real client, the server as a subprocess ------------------------------
@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities("vscode"), initialization_options={"debounce": 0, "maxDiagnostics": 3})
    )
    yield
    await lsp_client.shutdown_session()


async def test_a_client_gets_at_most_max_diagnostics_and_fix_all_fixes_the_rest(client: LanguageClient):
    uri = "untitled:limited.txt"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=DRAFT))
    )
    got = await until(lambda: client.diagnostics.get(uri), what="the diagnostics")
    assert [d.code for d in got] == ["PRE004", "OPR002", "resolint"] and "more findings are not shown" in got[-1].message
    # The status notification counts every finding (the VS Code status bar shows it). It
    # follows the diagnostics: waited for (read at once, it was not there yet on a busy machine).
    statuses = await until(lambda: [s for s in client.statuses if s.uri == uri], what="the status")
    assert statuses[-1].count == len(_state(DRAFT, 0).findings) == 6
    acts = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    (act,) = acts
    if act.edit is None:
        act = await client.code_action_resolve_async(act)
    fixed = apply_text_edits(DRAFT, workspace_edits(act.edit, uri), "utf-16")
    assert {f.code for f in _state(fixed, 0).findings} == {"OPR002"}
