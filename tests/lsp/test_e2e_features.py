"""End to end: outline, folding, hover, completion, definition, formatting, bad input.

One server for the module (VS Code's capabilities, UTF-16), as pytest-lsp recommends.
"""

from __future__ import annotations

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from resolint.engine import lint
from tests.lsp import drafts
from tests.lsp.helpers import apply_text_edits, capabilities, config, pos_at, until

pytestmark = pytest.mark.asyncio(loop_scope="module")
URI = "file:///tmp/resolint-e2e-features/draft.txt"
TEXT = drafts.NONBMP


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities("vscode"), initialization_options={"debounce": 20})
    )
    lsp_client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=URI, language_id="resolution", version=1, text=TEXT))
    )
    yield
    await lsp_client.shutdown_session()


def doc() -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=URI)


async def test_outline(client: LanguageClient):
    syms = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc()))
    groups = {s.name: s for s in syms}
    assert [c.name for c in groups["Preamble"].children] == ["Recalling", "Noting"]
    assert [c.name for c in groups["Operative part"].children] == ["1. Urges", "2. Calling", "4. Requests", "5. Decides"]
    calling = groups["Operative part"].children[1]
    assert calling.selection_range.start == pos_at(TEXT, TEXT.index("Calling"), "utf-16")
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(doc()))
    assert any(f.start_line == TEXT.count("\n", 0, TEXT.index("1. Urges")) for f in folds)


async def test_hover(client: LanguageClient):
    h = await client.text_document_hover_async(types.HoverParams(doc(), pos_at(TEXT, TEXT.index("Noting") + 1, "utf-16")))
    assert "preambular opener" in h.contents.value
    h = await client.text_document_hover_async(types.HoverParams(doc(), pos_at(TEXT, TEXT.index("😀;") + 1, "utf-16")))
    assert "PRE004" in h.contents.value and "/rules/PRE004.md" in h.contents.value
    assert h.range.start == pos_at(TEXT, TEXT.index("😀;") + 1, "utf-16")


async def test_completion(client: LanguageClient):
    pos = pos_at(TEXT, TEXT.index("Urges"), "utf-16")
    got = await client.text_document_completion_async(types.CompletionParams(doc(), pos))
    labels = [i.label for i in got.items]
    assert "Urges" in labels and "Requests" in labels and "Recalling" not in labels
    pos = pos_at(TEXT, TEXT.index("Noting"), "utf-16")
    got = await client.text_document_completion_async(types.CompletionParams(doc(), pos))
    assert "Recalling" in [i.label for i in got.items]


async def test_definition(client: LanguageClient):
    pos = pos_at(TEXT, TEXT.index("paragraph 2 above") + len("paragraph "), "utf-16")
    loc = await client.text_document_definition_async(types.DefinitionParams(doc(), pos))
    assert loc.range.start == pos_at(TEXT, TEXT.index("2. Calling"), "utf-16")


async def test_formatting_is_opt_in(client: LanguageClient):
    opts = types.FormattingOptions(tab_size=4, insert_spaces=True)
    assert await client.text_document_formatting_async(types.DocumentFormattingParams(doc(), opts)) is None
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"resolint": {"formatting": True, "severityOverrides": {"OPR004": "hint"}}})
    )
    await until(
        lambda: any(d.code == "OPR004" and d.severity == types.DiagnosticSeverity.Hint for d in client.diagnostics.get(URI, [])),
        what="re-lint with the new severity",
    )
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(doc(), opts))
    out = apply_text_edits(TEXT, edits, "utf-16")
    codes = [f.code for f in lint(out).findings]
    assert "OPR002" not in codes and "PRE004" not in codes and "3. Requests" in out


async def test_malformed_requests_get_errors_and_server_lives(client: LanguageClient):
    # Raw JSON, as a buggy client would send it (the typed client cannot write it).
    fut = asyncio.get_running_loop().create_future()
    client.protocol._request_futures["bad-1"] = fut
    client.protocol._send_data(
        {"jsonrpc": "2.0", "id": "bad-1", "method": "textDocument/hover", "params": {"textDocument": 5, "position": "here"}}
    )
    with pytest.raises(JsonRpcException) as err:
        await asyncio.wait_for(fut, 10)
    assert err.value.code == -32602  # InvalidParams
    far = await client.text_document_hover_async(types.HoverParams(doc(), types.Position(10_000, 10_000)))
    assert far is None
    unknown = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri="file:///nowhere.txt"))
    )
    assert unknown is None
    # A change with an impossible range is refused, not applied; the server keeps going.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=7),
            content_changes=[
                types.TextDocumentContentChangePartial(range=types.Range(types.Position(3, 5), types.Position(1, 0)), text="x")
            ],
        )
    )
    h = await client.text_document_hover_async(types.HoverParams(doc(), pos_at(TEXT, TEXT.index("Noting") + 1, "utf-16")))
    assert "preambular opener" in h.contents.value
