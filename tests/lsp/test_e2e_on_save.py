"""End to end: ``run: "onSave"`` with a client that pulls diagnostics (VS Code).

The server lints on save, so a pull for an unsaved version gets the last lint's
diagnostics carried to the current text (resolint.lsp.carry): each still on the text it
was computed for, moved with it when lines are typed above, and left out when the text
it flags (or the text beside it) changed. Saving lints the current version.
"""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from resolint.engine import lint
from tests.lsp import drafts
from tests.lsp.helpers import apply_text_edits, capabilities, config, offset_at, range_of, until

URI = "file:///tmp/resolint-e2e-on-save/draft.txt"
ENC = "utf-16"


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities("vscode-pull"), initialization_options={"run": "onSave", "debounce": 0})
    )
    assert str(getattr(result.capabilities.position_encoding, "value", "utf-16")) == ENC
    yield
    await lsp_client.shutdown_session()


def flagged(text: str, d: types.Diagnostic) -> str:
    return text[offset_at(text, d.range.start, ENC) : offset_at(text, d.range.end, ENC)]


async def pull(client: LanguageClient, previous: str | None = None):
    return await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=URI), previous_result_id=previous)
    )


def change(client: LanguageClient, text: str, version: int, start: int, end: int, new: str) -> str:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=range_of(text, start, end, ENC), text=new)],
        )
    )
    return text[:start] + new + text[end:]


def fix_edits(d: types.Diagnostic) -> list[types.TextEdit]:
    return [
        types.TextEdit(range=range_of_json(e["range"]), new_text=e["newText"]) for e in d.data["fix"]["edits"]
    ]


def range_of_json(r: dict) -> types.Range:
    return types.Range(types.Position(**r["start"]), types.Position(**r["end"]))


@pytest.mark.asyncio
async def test_unsaved_edits_never_leave_a_diagnostic_on_other_text(client: LanguageClient):
    v1 = drafts.NONBMP
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=URI, language_id="resolution", version=1, text=v1))
    )
    first = await pull(client)
    before = {d.code: flagged(v1, d) for d in first.items}
    assert before == {"PRE004": ";", "OPR004": "Calling", "OPR002": "4."}
    lines = {d.code: d.range.start.line for d in first.items}

    # Lines typed at the top, not saved: every diagnostic follows its text two lines down.
    v2 = change(client, v1, 2, 0, 0, "Distr.: General\n\n")
    report = await pull(client, first.result_id)
    assert report.kind == "full", report  # not "unchanged": the v1 report is not v2's
    assert report.result_id != first.result_id
    assert {d.code: flagged(v2, d) for d in report.items} == before
    assert {d.code: d.range.start.line for d in report.items} == {c: n + 2 for c, n in lines.items()}
    # ... and so do the edits of the fix each one carries.
    renumber = next(d for d in report.items if d.code == "OPR002")
    fixed = apply_text_edits(v2, fix_edits(renumber), ENC)
    assert "\n3. Requests" in fixed and "\n4. Decides" in fixed
    again = await pull(client, report.result_id)
    assert again.kind == "unchanged"

    # The flagged word itself edited: its diagnostic is left out, the others stay.
    at = v2.index("Calling")
    v3 = change(client, v2, 3, at, at + len("Calling"), "Calls")
    report = await pull(client, report.result_id)
    assert {d.code: flagged(v3, d) for d in report.items} == {"PRE004": ";", "OPR002": "4."}

    # Saved: linted as it is now, and the client told to pull again (VS Code does not
    # until the text changes: it showed the lint before the save until the next keystroke).
    seen, refreshed = len(client.statuses), client.refreshes
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=URI)))
    await until(lambda: len(client.statuses) > seen, what="lint on save")
    await until(lambda: client.refreshes > refreshed, what="workspace/diagnostic/refresh after the lint on save")
    report = await pull(client, report.result_id)
    want = sorted((f.code, range_of(v3, f.span.start, f.span.end, ENC).start.line) for f in lint(v3).findings)
    assert sorted((d.code, d.range.start.line) for d in report.items) == want
