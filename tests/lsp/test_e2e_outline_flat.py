"""End to end: the outline's two forms, by what the client declares.

LSP lets a server answer ``textDocument/documentSymbol`` with nested ``DocumentSymbol[]``
only when the client declares ``hierarchicalDocumentSymbolSupport``; a client that does not
(the capability left out, or false) gets flat ``SymbolInformation[]``: every symbol in
document order, located by its range, with its parent's name as ``containerName``.
"""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp.helpers import capabilities, config, pos_at, range_of

URI = "file:///tmp/resolint-e2e-outline-flat/draft.txt"
TEXT = (
    "The General Assembly,\n\n"
    "Recalling its resolution 75/1,\n\n"
    "1. Urges Member States \U0001f600 to act;\n\n"
    "2. Requests the Secretary-General:\n\n"
    "(a) To report on \U0001d538 progress;\n\n"
    "(b) To consult experts;\n\n"
    "3. Decides to remain seized of the matter.\n"
)


def _caps(form: str) -> types.ClientCapabilities:
    caps = capabilities("vscode")
    if form == "omitted":
        caps.text_document.document_symbol = None
    elif form == "false":
        caps.text_document.document_symbol.hierarchical_document_symbol_support = False
    elif form == "unset":
        caps.text_document.document_symbol.hierarchical_document_symbol_support = None
    return caps


@pytest_lsp.fixture(config=config(), params=["omitted", "false", "unset", "true"])
async def client(lsp_client: LanguageClient, request):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=_caps(request.param), initialization_options={"debounce": 20})
    )
    lsp_client.form = request.param
    lsp_client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=URI, language_id="resolution", version=1, text=TEXT))
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_outline_form_follows_the_client_capability(client: LanguageClient):
    syms = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri=URI))
    )
    if client.form == "true":  # VS Code: the nested outline
        assert all(isinstance(s, types.DocumentSymbol) for s in syms)
        ops = next(s for s in syms if s.name == "Operative part")
        assert [c.name for c in ops.children] == ["1. Urges", "2. Requests", "3. Decides"]
        return
    assert syms and all(isinstance(s, types.SymbolInformation) for s in syms), syms
    assert [(s.name, s.container_name) for s in syms] == [
        ("The General Assembly,", None),
        ("Preamble", None),
        ("Recalling", "Preamble"),
        ("Operative part", None),
        ("1. Urges", "Operative part"),
        ("2. Requests", "Operative part"),
        ("(a) To report on \U0001d538", "2. Requests"),
        ("(b) To consult experts;", "2. Requests"),
        ("3. Decides", "Operative part"),
    ]
    assert all(s.location.uri == URI for s in syms)
    by_name = {s.name: s for s in syms}
    a = TEXT.index("(a)")
    assert by_name["(a) To report on \U0001d538"].location.range == range_of(TEXT, a, TEXT.index("\n", a), "utf-16")
    two = TEXT.index("2. Requests")
    assert by_name["2. Requests"].location.range.start == pos_at(TEXT, two, "utf-16")
    assert by_name["2. Requests"].location.range.end == pos_at(TEXT, TEXT.index("\n", TEXT.index("(b)")), "utf-16")
