"""End to end: one document cannot hold the server hostage (issue 18).

A document over ``max-file-size`` gets one notice instead of a lint; a lint over its
time budget is stopped with one notice; the other documents keep getting their
diagnostics meanwhile; a URI with a NUL character is still linted, and the client is told.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp import drafts
from tests.lsp.helpers import capabilities, config, until

ROOT = Path(tempfile.mkdtemp(prefix="resolint-lsp-limits-"))
(ROOT / "resolint.toml").write_text('max-file-size = "20kB"\n')

BUDGET_MS = 300


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities("vscode"),
            root_uri=ROOT.as_uri(),
            initialization_options={"debounce": 0, "lintTimeBudget": BUDGET_MS},
        )
    )
    yield
    await lsp_client.shutdown_session()


def big_draft(paragraphs: int) -> str:
    body = "".join(f"{n}. Requests the Secretary-General to report on paragraph {n} of resolution 70/1;\n\n" for n in range(1, paragraphs + 1))
    return "The General Assembly,\n\nRecalling its resolutions,\n\n" + body


def open_doc(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=text))
    )


async def test_document_over_max_file_size_gets_one_notice_and_others_are_linted(client: LanguageClient):
    big, small = (ROOT / "big.txt").as_uri(), (ROOT / "small.txt").as_uri()
    open_doc(client, big, big_draft(2000))  # about 170 kB, over the project's 20 kB
    open_doc(client, small, drafts.NONBMP)
    got = await until(lambda: client.diagnostics.get(big), what="the notice")
    assert len(got) == 1 and "too large" in got[0].message and "max-file-size" in got[0].message
    assert await until(lambda: client.diagnostics.get(small), what="the small draft's diagnostics")


async def test_lint_over_budget_is_stopped_with_one_notice(client: LanguageClient, tmp_path: Path):
    # Outside ROOT: no max-file-size from the project, so only the budget can stop it.
    uri = (tmp_path / "slow.txt").as_uri()
    text = big_draft(6000)  # about 500 kB: well over 0.3 s to lint
    t0 = time.monotonic()
    open_doc(client, uri, text)
    got = await until(lambda: client.diagnostics.get(uri), timeout=60, what="the notice")
    assert len(got) == 1 and "too large/slow to lint as you type" in got[0].message
    # Typing in it does not lint it again; a small document is linted meanwhile.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text + "\n")],
        )
    )
    small = (tmp_path / "small.txt").as_uri()
    open_doc(client, small, drafts.NONBMP)
    assert await until(lambda: client.diagnostics.get(small), what="the small draft's diagnostics")
    assert time.monotonic() - t0 < 60


async def test_nul_in_uri_is_linted_and_logged(client: LanguageClient, tmp_path: Path):
    uri = (tmp_path / "a%00b.txt").as_uri().replace("a%2500b", "a%00b")
    assert "%00" in uri
    open_doc(client, uri, drafts.NONBMP)
    assert await until(lambda: client.diagnostics.get(uri), what="diagnostics of the NUL URI")
    assert any("NUL" in m.message for m in client.log_messages)
