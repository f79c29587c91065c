"""A closed document leaves nothing behind in the server, and a reopened one is linted
afresh (in process: the server's own tables are counted, not the memory).

An editor's server sees documents opened and closed all day; whatever is kept per
document must go with its didClose, or memory grows with every document ever opened.
"""

from __future__ import annotations

import gc

import pytest
from lsprotocol import types

from resolint.config import Settings
from resolint.incremental import IncrementalLinter
from resolint.lsp import state as lsp_state
from resolint.lsp.server import ResolintServer, did_change, did_close, did_open, document_symbol
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state

DRAFT = "The General Assembly,\n\nrecalling its resolution {n}/1\n\nnoting further the report\n\n1. decides to act {n}\n"
OTHER = "The Security Council,\n\nRecalling its resolution 12/3,\n\n1. Decides to remain seized of the matter;\n"


def _server() -> ResolintServer:
    ls = ResolintServer()
    ls.pull = True  # no client to publish to: diagnostics are asked for
    return ls


def _open(ls: ResolintServer, uri: str, text: str, version: int = 1) -> None:
    did_open(ls, types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", version, text)))


def _close(ls: ResolintServer, uri: str) -> None:
    did_close(ls, types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))


def _tables(ls: ResolintServer) -> dict[str, int]:
    """The size of every table the server keeps by document."""
    # What the server does at a pause (lints freeze what they leave: see
    # resolint.lsp.collector); the diagnostic memos go with their linter (a weak key).
    ls.collector.collect()
    gc.collect()
    s = ls.scheduler
    return {
        "documents": len(ls.docs.uris()),
        "states": len(s.states),
        "tasks": len(s._tasks),
        "generations": len(s._generation_of),
        "recency": len(s._recency),
        "slow": len(s.slow),
        "published": len(ls.protocol.published._documents),
        "diagnostic memos": len(lsp_state._MEMOS),
        "outlined": len(ls._outlined),
    }


async def test_opening_and_closing_leaves_no_per_document_state():
    ls = _server()
    empty = _tables(ls)
    uris = [f"file:///tmp/lifetime/d{n}.txt" for n in range(12)]
    for n, uri in enumerate(uris):
        _open(ls, uri, DRAFT.format(n=n))
    for uri in uris:
        assert (await ls.scheduler.current(uri)) is not None
        await document_symbol(ls, types.DocumentSymbolParams(types.TextDocumentIdentifier(uri)))
    # pulls for documents never opened (a client asking after a close, or by mistake)
    for n in range(5):
        assert (await ls.scheduler.current(f"file:///tmp/lifetime/never{n}.txt")) is None
    assert _tables(ls)["states"] == len(uris)
    for uri in uris:
        _close(ls, uri)
    assert _tables(ls) == empty
    ls.executor.shutdown()


@pytest.mark.parametrize("version", [1, 2])
async def test_reopened_document_is_linted_afresh(version: int):
    """Open, change, close, open again with another text: the diagnostics are those of
    the new text, not the lint kept for the old one, even at the very version that lint
    had (2: a client numbers a reopened document's versions afresh)."""
    ls = _server()
    uri = "file:///tmp/lifetime/again.txt"
    _open(ls, uri, DRAFT.format(n=1))
    await ls.scheduler.current(uri)
    change = types.TextDocumentContentChangeWholeDocument(text=DRAFT.format(n=2) + "\n2. requests a report\n")
    did_change(ls, types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=2, uri=uri), [change]))
    await ls.scheduler.current(uri)
    _close(ls, uri)
    _open(ls, uri, OTHER, version=version)
    got = await ls.scheduler.current(uri)
    fresh = build_state(uri, version, OTHER, None, ProjectSettings(Settings(), None), EditorSettings(), None, "utf-16")
    assert got.text == OTHER
    assert got.diagnostics == fresh.diagnostics
    ls.executor.shutdown()


def test_diagnostic_memos_kept_for_the_documents_linted_last():
    """A memo per open document held hundreds of bytes a finding for keystrokes that
    may never come: only the last KEPT_MEMOS documents keep one, and a document whose
    memo went gets the same diagnostics as a lint from scratch."""
    project, editor = ProjectSettings(Settings(), None), EditorSettings()
    linters = [IncrementalLinter() for _ in range(lsp_state.KEPT_MEMOS + 4)]
    for n, linter in enumerate(linters):
        build_state(f"file:///m{n}.txt", 1, DRAFT.format(n=n), None, project, editor, None, "utf-16", linter)
    assert len(lsp_state._MEMOS) <= lsp_state.KEPT_MEMOS
    assert linters[-1] in lsp_state._MEMOS and linters[0] not in lsp_state._MEMOS
    text = DRAFT.format(n=0).replace("noting further", "noting with concern")
    got = build_state("file:///m0.txt", 2, text, None, project, editor, None, "utf-16", linters[0])
    fresh = build_state("file:///m0.txt", 2, text, None, project, editor, None, "utf-16")
    assert got.diagnostics == fresh.diagnostics and got.result_id == fresh.result_id
