"""Helpers for the language-server tests, written independently of resolint.lsp.

Positions are converted here with plain ``str.encode`` on lines split at LSP's line
breaks, so a test never checks the server's position code against itself.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections.abc import Callable

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER = [sys.executable, "-m", "resolint", "server"]
_BREAK = re.compile(r"\r\n|\n|\r")


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end-before-break) code-point offsets of each LSP line."""
    out, pos = [], 0
    for m in _BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def col_units(s: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(s.encode("utf-8"))
    if encoding == "utf-16":
        return len(s.encode("utf-16-le")) // 2
    return len(s)


def pos_at(text: str, offset: int, encoding: str) -> types.Position:
    for i, (start, end) in enumerate(lines_of(text)):
        if start <= offset <= end:
            return types.Position(line=i, character=col_units(text[start:offset], encoding))
    raise ValueError(offset)


def offset_at(text: str, pos: types.Position, encoding: str) -> int:
    start, end = lines_of(text)[pos.line]
    line = text[start:end]
    for k in range(len(line) + 1):
        if col_units(line[:k], encoding) >= pos.character:
            return start + k
    return end


def range_of(text: str, start: int, end: int, encoding: str) -> types.Range:
    return types.Range(start=pos_at(text, start, encoding), end=pos_at(text, end, encoding))


def apply_text_edits(text: str, edits, encoding: str) -> str:
    spans = sorted(
        ((offset_at(text, e.range.start, encoding), offset_at(text, e.range.end, encoding), e.new_text) for e in edits),
        reverse=True,
    )
    for s, e, new in spans:
        text = text[:s] + new + text[e:]
    return text


def workspace_edits(edit: types.WorkspaceEdit, uri: str) -> list[types.TextEdit]:
    if edit.document_changes:
        return [e for dc in edit.document_changes if dc.text_document.uri == uri for e in dc.edits]
    return list((edit.changes or {}).get(uri, []))


def make_client() -> LanguageClient:
    """pytest-lsp's client, also recording every publishDiagnostics and resolint/status, and
    counting workspace/diagnostic/refresh requests."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.statuses = []
    features = dict(DEFAULT_CLIENT_FEATURES)

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    def status(client: LanguageClient, params):
        client.statuses.append(params)

    def register(client: LanguageClient, params: types.RegistrationParams):
        client.registrations.extend(params.registrations)

    def refresh(client: LanguageClient, params):
        client.refreshes += 1

    client.registrations = []
    client.refreshes = 0
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    features[types.WORKSPACE_DIAGNOSTIC_REFRESH] = refresh
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features["resolint/status"] = status
    register_lsp_features(client, features)
    return client


def config(env: dict | None = None) -> ClientServerConfig:
    return ClientServerConfig(server_command=SERVER, client_factory=make_client, server_env=env)


def capabilities(name: str) -> types.ClientCapabilities:
    """A client's capabilities by name; "vscode-pull" adds what vscode-languageclient 8+ sends."""
    if name == "vscode-pull":
        caps = client_capabilities("visual-studio-code")
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities(
            dynamic_registration=True, related_document_support=False
        )
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
        return caps
    return client_capabilities({"vscode": "visual-studio-code", "neovim-0.7": "neovim@v0.7.0", "neovim-0.11": "neovim@v0.11.0"}[name])


async def until(pred: Callable[[], object], timeout: float = 15.0, what: str = "condition"):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        got = pred()
        if got:
            return got
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


class Session:
    """One open document on one client, diagnostics fetched the way the client would."""

    def __init__(self, client: LanguageClient, encoding: str, pull: bool) -> None:
        self.client = client
        self.encoding = encoding
        self.pull = pull
        self.result_ids: dict[str, str | None] = {}

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=version, text=text))
        )

    def change(self, uri: str, version: int, text: str, start: int, end: int, new: str) -> str:
        """Send one incremental change (range in the session's encoding); return the new text."""
        rng = range_of(text, start, end, self.encoding)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangePartial(range=rng, text=new)],
            )
        )
        return text[:start] + new + text[end:]

    async def diagnostics(self, uri: str, version: int) -> list[types.Diagnostic]:
        if self.pull:
            report = await self.client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
            )
            return list(report.items)
        params = await until(
            lambda: next((p for p in reversed(self.client.published) if p.uri == uri and p.version == version), None),
            what=f"diagnostics of {uri} v{version}",
        )
        return list(params.diagnostics)


def encoding_of(result: types.InitializeResult) -> str:
    enc = result.capabilities.position_encoding
    return str(getattr(enc, "value", enc) or "utf-16")


def symbols_of(json_text: str) -> list[types.DocumentSymbol]:
    """The outline the server writes as JSON text, read as a client reads it (lsprotocol's
    converter fails on anything that is no list of ``DocumentSymbol``)."""
    return default_converter().structure(json.loads(json_text), list[types.DocumentSymbol])
