"""End to end over stdio with pytest-lsp, in the capability sets of real clients.

- ``vscode``: VS Code 1.65 (push diagnostics, UTF-16, versioned workspace edits)
- ``vscode-pull``: the same plus pull diagnostics, as vscode-languageclient 8+ sends
- ``neovim-0.7``: push, UTF-16, no ``data`` support declared, plain workspace edits
- ``neovim-0.11``: pull, UTF-8 positions
"""

from __future__ import annotations

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from resolint.engine import lint
from resolint.fixes import fix_text
from tests.lsp import drafts
from tests.lsp.helpers import (
    Session,
    apply_text_edits,
    capabilities,
    config,
    encoding_of,
    pos_at,
    until,
    workspace_edits,
)

CLIENTS = ["vscode", "vscode-pull", "neovim-0.7", "neovim-0.11"]
URI = "file:///tmp/resolint-e2e/draft.txt"


@pytest_lsp.fixture(config=config(), params=CLIENTS)
async def client(request, lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(request.param),
            root_uri="file:///tmp/resolint-e2e",
            initialization_options={"debounce": 20},
        )
    )
    pull = request.param in ("vscode-pull", "neovim-0.11")
    lsp_client.session = Session(lsp_client, encoding_of(result), pull)
    lsp_client.client_name = request.param
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def session(client) -> Session:
    return client.session


def by_code(diags, code):
    return [d for d in diags if d.code == code]


async def test_encoding_negotiated(session: Session):
    assert session.encoding == ("utf-8" if session.client.client_name == "neovim-0.11" else "utf-16")
    if session.client.client_name == "vscode":  # dynamic registration: config files are watched
        await until(lambda: session.client.registrations, what="file watcher registration")
        assert session.client.registrations[0].method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES


async def test_diagnostics_exact_after_non_bmp(session: Session):
    text = drafts.NONBMP
    session.open(URI, text)
    diags = await session.diagnostics(URI, 1)
    (pre004,) = by_code(diags, "PRE004")
    semi = text.index("😀;") + 1
    assert pre004.range.start == pos_at(text, semi, session.encoding)
    assert pre004.range.end == pos_at(text, semi + 1, session.encoding)
    # No docs-url configured: the rule page installed with resolint.
    assert pre004.code_description.href.startswith("file:") and pre004.code_description.href.endswith("/rules/PRE004.md")
    assert pre004.data["fix"]["applicability"] == "safe" and pre004.data["id"]
    (opr004,) = by_code(diags, "OPR004")
    calling = text.index("Calling")
    assert opr004.range.start == pos_at(text, calling, session.encoding)
    # Push to push clients only, pull for pull clients only: never both.
    await asyncio.sleep(0.3)
    if session.pull:
        assert session.client.published == []
        first = await session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=URI))
        )
        again = await session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=URI), previous_result_id=first.result_id)
        )
        assert first.result_id and again.kind == "unchanged" and again.result_id == first.result_id
        stale = await session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=URI), previous_result_id="old")
        )
        assert stale.kind == "full" and len(stale.items) == len(diags)
    else:
        assert [p.version for p in session.client.published] == [1]
    assert session.client.statuses and session.client.statuses[-1].count == len(diags)


async def test_incremental_edits_match_fresh_lint(session: Session):
    text = drafts.NONBMP
    session.open(URI, text)
    await session.diagnostics(URI, 1)
    semi = text.index("😀;") + 1
    text = session.change(URI, 2, text, semi, semi + 1, ",")  # fix PRE004 by hand
    text = session.change(URI, 3, text, text.index("Urges"), text.index("Urges"), "𝔸😀 ")  # breaks the opener
    text = session.change(URI, 4, text, text.index("4. Req"), text.index("4. Req") + 1, "3")  # fix numbering
    text = session.change(URI, 5, text, text.index("5. Dec"), text.index("5. Dec") + 1, "4")
    after = await session.diagnostics(URI, 5)
    fresh_uri = URI.replace("draft", "fresh")
    session.open(fresh_uri, text)
    fresh = await session.diagnostics(fresh_uri, 1)
    key = lambda ds: [(d.code, d.range, d.message) for d in ds]  # noqa: E731
    assert key(after) == key(fresh)
    assert not by_code(after, "PRE004") and not by_code(after, "OPR002")


async def test_quick_fix_ignores_echoed_range(session: Session):
    text = drafts.NONBMP
    session.open(URI, text)
    diags = await session.diagnostics(URI, 1)
    (d,) = by_code(diags, "PRE004")
    # Echo the range in UTF-8 byte columns, as Neovim 0.7 does whatever was negotiated.
    line_start = text.rfind("\n", 0, text.index("😀;")) + 1
    semi = text.index("😀;") + 1
    byte_col = len(text[line_start:semi].encode("utf-8"))
    d.range = types.Range(types.Position(d.range.start.line, byte_col), types.Position(d.range.start.line, byte_col + 1))
    acts = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=d.range,
            context=types.CodeActionContext(diagnostics=[d], only=[types.CodeActionKind.QuickFix]),
        )
    )
    titles = [a.title for a in acts]
    assert "Disable PRE004 for this paragraph" in titles
    fix = next(a for a in acts if a.title.startswith("resolint (PRE004): "))
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    fixed = apply_text_edits(text, workspace_edits(fix.edit, URI), session.encoding)
    assert fixed == text[:semi] + "," + text[semi + 1 :]


async def test_unsafe_fix_marked_and_disable_works(session: Session):
    text = drafts.NONBMP
    session.open(URI, text)
    diags = await session.diagnostics(URI, 1)
    (d,) = by_code(diags, "OPR004")
    acts = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI), range=d.range, context=types.CodeActionContext(diagnostics=[d])
        )
    )
    fix = next(a for a in acts if a.title.startswith("resolint (OPR004)"))
    assert fix.title.endswith("(unsafe)") and not fix.is_preferred
    disable = next(a for a in acts if a.title == "Disable OPR004 for this paragraph")
    new = apply_text_edits(text, workspace_edits(disable.edit, URI), session.encoding)
    assert "<!-- resolint: ignore[OPR004] -->\n2. Calling" in new
    codes = [f.code for f in lint(new).findings]
    assert "OPR004" not in codes and "SUP001" not in codes


async def test_fix_all(session: Session):
    text = drafts.NONBMP
    session.open(URI, text)
    await session.diagnostics(URI, 1)
    acts = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=URI),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
        )
    )
    (act,) = acts
    assert act.kind == "source.fixAll.resolint"
    if act.edit is None:
        act = await session.client.code_action_resolve_async(act)
    fixed = apply_text_edits(text, workspace_edits(act.edit, URI), session.encoding)
    assert fixed == fix_text(text, lambda t: lint(t), unsafe=False).text
    assert fixed != text


async def test_close_clears(session: Session):
    session.open(URI, drafts.NONBMP)
    await session.diagnostics(URI, 1)
    session.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=URI)))
    if not session.pull:
        await until(lambda: not session.client.published[-1].diagnostics, what=f"cleared diagnostics {[(p.version, p.diagnostics) for p in session.client.published][-1:]}")
    else:
        report = await session.client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=URI))
        )
        assert list(report.items) == []
