"""End to end: the language server given the hostile drafts of robustness round six.

Thousands of nested list labels, a line of 200,000 characters without a space, line and paragraph
separators LSP does not break at (U+2028, U+2029, NEL) among CR, LF and CRLF, invisible
characters beside spaces and byte order marks inside the text. For each the server must
answer every request, its pulled diagnostics must be a full lint's, and fix-all must give
what ``resolint check --fix`` gives (edits placed by the client's own line breaks).
"""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from resolint.engine import lint
from resolint.fixes import fix_text
from tests.lsp.helpers import apply_text_edits, capabilities, config, encoding_of, lines_of, workspace_edits

ROOT = "file:///tmp/resolint-e2e-round6"
_HEAD = "The General Assembly,\n\nrecalling its resolution 70/1,\n\n"

HOSTILE = {
    "nested-labels": _HEAD + "1. Decides " + "(a) " * 10_000 + "to act;\n\n" + "".join("  " * (i % 40) + f"({chr(97 + i % 26)}) to act;\n" for i in range(3000)),
    "long-line": _HEAD + "1. decides " + "x" * 200_000 + "\n",
    "separators": ("The General Assembly,\r\n\r\nrecalling its resolution 70/1,\u2028\u2028deeply concerned,\u2029\u2029"
                   "1. decides to act;\x85\x852. requests the report.\u2028\r\r3. decides to remain seized\n"),
    "marks-beside-spaces": _HEAD.replace("recalling", "Deeply\u00ad concerned,\n\nrecalling") + "1. Decides\u200b to act;\n\n2. Requests the \u00adreport\u2060 .\n",
    "byte-order-marks": "\ufeffThe General Assembly,\n\n\ufeffDeeply\ufeff concerned,\n\nrecalling\ufeffits work,\n\n1. Decides\ufeff to act.\n",
}


@pytest_lsp.fixture(config=config(), params=["vscode", "neovim-0.11"])
async def client(request, lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities(request.param), root_uri=ROOT, initialization_options={"debounce": 0, "maxDiagnostics": 100_000})
    )
    lsp_client.encoding = encoding_of(result)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.parametrize("name", HOSTILE)
async def test_the_server_reads_and_fixes_the_round_six_drafts(client: LanguageClient, name: str):
    text = HOSTILE[name]
    uri = f"{ROOT}/{name}.txt"
    doc = types.TextDocumentIdentifier(uri=uri)
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=text)))
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc))
    expected = lint(text).findings
    assert len(report.items) == len(expected)
    assert sorted(d.code for d in report.items) == sorted(f.code for f in expected)
    await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc))
    await client.text_document_folding_range_async(types.FoldingRangeParams(doc))
    whole = types.Range(types.Position(0, 0), types.Position(len(lines_of(text)), 0))
    acts = await client.text_document_code_action_async(
        types.CodeActionParams(doc, whole, types.CodeActionContext(diagnostics=[], only=["source.fixAll"]))
    )
    fixed = fix_text(text, lint, unsafe=False).text
    if not acts:
        assert fixed == text
        return
    (fix_all,) = acts
    if fix_all.edit is None:
        fix_all = await client.code_action_resolve_async(fix_all)
    assert apply_text_edits(text, workspace_edits(fix_all.edit, uri), client.encoding) == fixed
