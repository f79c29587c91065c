"""End to end: ``workspace/executeCommand`` ``resolint.exportAkn`` over a real server."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from lxml import etree
from pytest_lsp import LanguageClient

from tests.lsp.helpers import capabilities, config

pytestmark = pytest.mark.asyncio(loop_scope="module")
GOOD = "file:///tmp/resolint-e2e-export/good.txt"
BROKEN = "file:///tmp/resolint-e2e-export/broken.txt"
GOOD_TEXT = (
    "The Security Council,\n\nRecalling its resolution 2417 (2018),\n\n"
    "1. Demands unhindered humanitarian access;\n\n(a) By land;\n\n(b) By sea;\n\n2. Decides to remain seized of the matter.\n"
)
BROKEN_TEXT = "The General Assembly,\n\nNoting the report,\n\n1. Welcomes the report;\n\n4. Requests a follow-up.\n"
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities("vscode"), initialization_options={"debounce": 20})
    )
    lsp_client.commands = result.capabilities.execute_command_provider.commands
    for uri, text in ((GOOD, GOOD_TEXT), (BROKEN, BROKEN_TEXT)):
        lsp_client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=text))
        )
    yield
    await lsp_client.shutdown_session()


async def run(client: LanguageClient, *args):
    return await client.workspace_execute_command_async(types.ExecuteCommandParams(command="resolint.exportAkn", arguments=list(args)))


async def test_command_is_advertised(client: LanguageClient):
    assert "resolint.exportAkn" in client.commands


async def test_exports_open_document(client: LanguageClient):
    answer = await run(client, GOOD)
    root = etree.fromstring(answer["content"].encode("utf-8"))
    assert root.xpath("//a:paragraph/@eId", namespaces=NS) == ["para_1", "para_2"]
    assert root.xpath("//a:subparagraph/@eId", namespaces=NS) == ["para_1__subpara_a", "para_1__subpara_b"]
    assert root.xpath("//a:ref/@href", namespaces=NS) == ["/akn/un/statement/deliberation/unsc/2018/2417"]
    html = await run(client, GOOD, {"format": "html"})
    assert html["format"] == "html" and html["content"].startswith("<!DOCTYPE html>")


async def test_refusal_then_force(client: LanguageClient):
    answer = await run(client, BROKEN)
    assert "content" not in answer
    assert answer["refused"] == ["7:1: OPR002 Numbering skips from 1 to 4 (operative numbering that skips, repeats or does not start at 1)"]
    forced = await run(client, BROKEN, {"force": True})
    assert forced["content"].startswith("<?xml")


async def test_bad_arguments_and_unknown_document(client: LanguageClient):
    assert "error" in await run(client)
    assert "error" in await run(client, GOOD, {"format": "pdf"})
    assert (await run(client, "file:///tmp/not-open.txt"))["error"].startswith("the document is not open")


async def test_a_slow_export_is_stopped_at_the_lint_time_budget(monkeypatch):
    """The export ran on the lint worker with no time budget: a slow one stalled every
    document's diagnostics. It runs in the lint slot, under ``lintTimeBudget``."""
    import time
    from concurrent.futures import ThreadPoolExecutor
    from types import SimpleNamespace

    import resolint.export
    from resolint.lsp import export_command
    from resolint.lsp.scheduler import Scheduler

    def spin(*args, **kwargs):
        end = time.monotonic() + 30
        while time.monotonic() < end:
            pass

    class Server:
        handlers: dict = {}

        def command(self, name):
            return lambda fn: self.handlers.setdefault(name, fn)

        async def state(self, uri):
            return SimpleNamespace(result=None)

    ls = Server()
    ls.scheduler = Scheduler(lambda uri: None, None, lambda uri: None, None, ThreadPoolExecutor(1), budget=0.2)
    export_command.register(ls)
    monkeypatch.setattr(resolint.export, "export", spin)
    t0 = time.monotonic()
    answer = await ls.handlers["resolint.exportAkn"](ls, GOOD)
    assert time.monotonic() - t0 < 5
    assert answer == {"uri": GOOD, "error": export_command.too_slow_message(0.2)}
    assert "stopped after 0.2 s" in answer["error"]
