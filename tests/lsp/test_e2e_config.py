"""End to end: project configuration read as the CLI reads it, reloaded, and broken."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp import drafts
from tests.lsp.helpers import capabilities, config, until

ROOT = Path(tempfile.mkdtemp(prefix="resolint-lsp-config-"))


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities("vscode"), root_uri=ROOT.as_uri(), initialization_options={"debounce": 20}
        )
    )
    yield
    await lsp_client.shutdown_session()


def codes(client: LanguageClient, uri: str) -> set[str]:
    return {d.code for d in client.diagnostics.get(uri) or []}


def _touch_later(path: Path, text: str, step: int) -> None:
    path.write_text(text)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + step * 10_000_000))


async def test_config_is_read_reloaded_and_broken_config_reported(client: LanguageClient, tmp_path: Path):
    folder = ROOT / tmp_path.name
    folder.mkdir()
    cfg = folder / "resolint.toml"
    cfg.write_text('ignore = ["PRE004"]\n')
    draft = folder / "draft.txt"
    draft.write_text(drafts.NONBMP, encoding="utf-8")
    uri = draft.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=drafts.NONBMP))
    )
    await until(lambda: client.diagnostics.get(uri), what="first diagnostics")
    assert "PRE004" not in codes(client, uri) and "OPR004" in codes(client, uri)

    # The file changes and the client says so: the new settings apply at once.
    _touch_later(cfg, 'ignore = ["OPR004"]\n', 1)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=cfg.as_uri(), type=types.FileChangeType.Changed)])
    )
    await until(lambda: "PRE004" in codes(client, uri) and "OPR004" not in codes(client, uri), what="reloaded config")

    # Broken: a message naming the file, the defaults, and a server that still answers.
    _touch_later(cfg, "ignore = [\n", 2)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=cfg.as_uri(), type=types.FileChangeType.Changed)])
    )
    await until(lambda: any("resolint.toml" in m.message for m in client.messages), what="error message")
    assert client.messages[-1].type == types.MessageType.Error
    await until(lambda: {"PRE004", "OPR004"} <= codes(client, uri), what="defaults in force")

    # Fixed without any notification from the client: the mtime check notices.
    _touch_later(cfg, 'ignore = ["PRE"]\n', 3)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=drafts.NONBMP + "\n")],
        )
    )
    await until(lambda: client.diagnostics.get(uri) and not any(c.startswith("PRE") for c in codes(client, uri)), what="mtime reload")


async def test_editor_style_and_run_on_save(client: LanguageClient, tmp_path: Path):
    uri = (tmp_path / "ip.txt").as_uri()
    text = drafts.PLAIN
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"resolint": {"style": "interpol", "run": "onSave"}})
    )
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="r", version=1, text=text)))
    await until(lambda: client.statuses and client.statuses[-1].uri == uri, what="status")
    assert client.statuses[-1].style == "interpol" and client.statuses[-1].count == len(client.diagnostics[uri])
    n = len(client.published)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text.replace("Recalling", "Recalls"))],
        )
    )
    import asyncio

    await asyncio.sleep(0.5)
    assert len(client.published) == n  # onSave: typing does not lint
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))
    await until(lambda: len(client.published) > n and client.published[-1].version == 2, what="lint on save")


async def test_a_configuration_that_is_no_file_or_too_large_is_told(client: LanguageClient, tmp_path: Path):
    """Beside a draft, a ``resolint.toml`` that is a FIFO or a device is passed over (as the
    CLI does, which warns on stderr) and one over the size limit is refused: the editor is
    told each time in a message naming the file, and the draft is linted all the same (a
    FIFO read would block the server for ever)."""
    from resolint.config import MAX_CONFIG_BYTES

    folder = ROOT / tmp_path.name
    made: dict[str, Path] = {}
    for kind in ("fifo", "device", "large"):
        (folder / kind).mkdir(parents=True)
        cfg = folder / kind / "resolint.toml"
        if kind == "fifo":
            os.mkfifo(cfg)
        elif kind == "device":
            cfg.symlink_to(os.devnull)
        else:
            with cfg.open("wb") as fh:  # sparse: no disk used
                fh.truncate(MAX_CONFIG_BYTES + 1)
        made[kind] = cfg
        uri = (folder / kind / "draft.txt").as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=drafts.NONBMP))
        )
        await until(lambda uri=uri: client.diagnostics.get(uri), what=f"diagnostics beside a {kind}")
    for kind, cfg in made.items():
        await until(lambda cfg=cfg: any(str(cfg) in m.message for m in client.messages), what=f"a message for the {kind}")
    said = {kind: next(m.message for m in client.messages if str(cfg) in m.message) for kind, cfg in made.items()}
    assert "not a regular file" in said["fifo"] and "not a regular file" in said["device"]
    assert "larger than" in said["large"]
