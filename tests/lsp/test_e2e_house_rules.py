"""End to end: house rules ([[custom-rules]]) in the language server.

The project's resolint.toml adds pattern rules; their diagnostics carry quick fixes that
the client applies, "disable for this paragraph" works with a house code, hover documents
the rule, and a pipeline that cannot be loaded is one error message with the server still
answering (the defaults in force).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from resolint.config import load_settings
from resolint.engine import lint
from tests.lsp.helpers import apply_text_edits, capabilities, config, pos_at, until, workspace_edits

ROOT = Path(tempfile.mkdtemp(prefix="resolint-lsp-house-"))
CONFIG = '''
[[custom-rules]]
code = "HSE001"
name = "in-order-to"
message = "Write 'to', not '{match}'"
description = "Flags 'in order to', which says no more than 'to'."
part = ["operative", "subparagraph"]
pattern = ["in order to"]
replace = "to"
fix = "safe"

[[custom-rules]]
code = "HSE002"
message = "Spell out '{match}'"
part = "operative"
pattern = [{ ORTH = "UN" }]
replace = "United Nations"
fix = "unsafe"
'''
TEXT = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Requests the UN to act in order to protect civilians.\n"


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities("vscode"), root_uri=ROOT.as_uri(), initialization_options={"debounce": 20}
        )
    )
    yield
    await lsp_client.shutdown_session()


def by_code(client: LanguageClient, uri: str, code: str) -> list[types.Diagnostic]:
    return [d for d in client.diagnostics.get(uri) or [] if d.code == code]


async def actions_for(client: LanguageClient, uri: str, d: types.Diagnostic):
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=d.range, context=types.CodeActionContext(diagnostics=[d])
        )
    )


async def test_house_rules_diagnose_fix_disable_and_hover(client: LanguageClient, tmp_path: Path):
    folder = ROOT / tmp_path.name
    folder.mkdir()
    (folder / "resolint.toml").write_text(CONFIG)
    draft = folder / "draft.txt"
    draft.write_text(TEXT)
    uri = draft.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=TEXT))
    )
    await until(lambda: by_code(client, uri, "HSE001") and by_code(client, uri, "HSE002"), what="house diagnostics")
    (d1,) = by_code(client, uri, "HSE001")
    assert d1.message == "Write 'to', not 'in order to'"
    assert d1.range.start == pos_at(TEXT, TEXT.index("in order to"), "utf-16")

    acts = await actions_for(client, uri, d1)
    fix = next(a for a in acts if a.title.startswith("resolint (HSE001)"))
    assert fix.is_preferred and "Replace with 'to'" in fix.title
    fixed = apply_text_edits(TEXT, workspace_edits(fix.edit, uri), "utf-16")
    assert fixed == TEXT.replace("in order to", "to")

    (d2,) = by_code(client, uri, "HSE002")
    acts = await actions_for(client, uri, d2)
    unsafe = next(a for a in acts if a.title.startswith("resolint (HSE002)"))
    assert unsafe.title.endswith("(unsafe)") and not unsafe.is_preferred
    assert apply_text_edits(TEXT, workspace_edits(unsafe.edit, uri), "utf-16") == TEXT.replace("the UN", "the United Nations")
    disable = next(a for a in acts if a.title == "Disable HSE002 for this paragraph")
    new = apply_text_edits(TEXT, workspace_edits(disable.edit, uri), "utf-16")
    codes = [f.code for f in lint(new, load_settings(folder / "resolint.toml")).findings]
    assert "HSE002" not in codes and "SUP001" not in codes and "HSE001" in codes

    h = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri=uri), pos_at(TEXT, TEXT.index("in order to") + 2, "utf-16"))
    )
    assert "HSE001 in-order-to" in h.contents.value and "says no more than 'to'" in h.contents.value


async def test_a_pipeline_that_cannot_load_is_one_message_and_no_crash(client: LanguageClient, tmp_path: Path):
    folder = ROOT / tmp_path.name
    folder.mkdir()
    (folder / "resolint.toml").write_text('[nlp]\npipeline = "./no-such-pipeline"\n' + CONFIG)
    draft = folder / "draft.txt"
    draft.write_text(TEXT)
    uri = draft.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=TEXT))
    )
    await until(lambda: any("nlp.pipeline" in m.message for m in client.messages), what="pipeline error message")
    msg = next(m for m in client.messages if "nlp.pipeline" in m.message)
    assert msg.type == types.MessageType.Error and "cannot load the spaCy pipeline" in msg.message
    # The defaults are in force and the server still answers.
    await until(lambda: uri in client.diagnostics, what="diagnostics with the defaults")
    assert not by_code(client, uri, "HSE001")
    syms = await client.text_document_document_symbol_async(types.DocumentSymbolParams(types.TextDocumentIdentifier(uri=uri)))
    assert syms
