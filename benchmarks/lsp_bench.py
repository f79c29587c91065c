"""Benchmark the language server over stdio, as an editor drives it.

Measures (debounce set to 0, so the figures are the server's own work):
  - start: process start to the first diagnostics of a small draft
  - change->diagnostics on a generated 100-paragraph draft (~60 KB): median and p95
  - change->diagnostics on a generated ~1 MB compilation
  - resident memory of the server after linting the 1 MB draft 20 times, and its growth
  - on the 1 MB compilation, as VS Code asks: change -> pulled diagnostics, then the outline
plus an in-process breakdown (engine lint vs. conversion to LSP) to show where time goes.
A change is timed from sending it to its diagnostics decoded from JSON by this client
(not to pygls' objects: see _TimedProtocol).

    .venv/bin/python benchmarks/lsp_bench.py [--edits 40] [--big-edits 60]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.protocol import LanguageServerProtocol

PRE = ["Recalling", "Reaffirming", "Noting with concern", "Deeply concerned by", "Recognizing", "Bearing in mind", "Emphasizing"]
OPS = ["Urges", "Requests", "Calls upon", "Decides", "Encourages", "Invites", "Welcomes"]
WORDS = ["the", "of", "cooperation", "Member", "States", "international", "criminal", "police", "information", "exchange", "data", "𝔸", "café", "résumé", "ensure", "capacity", "building", "technical", "assistance", "regional", "organizations", "😀", "relevant", "United", "Nations", "bodies"]


def draft(paragraphs: int, seed: int = 1, title: str = "Strengthening cooperation") -> str:
    """An invented draft: a third preambular, the rest operative, some with slips to flag."""
    rnd = random.Random(seed)
    out = ["Draft resolution A/81/L.1", "", title, "", "The General Assembly,", ""]
    n_pre = paragraphs // 3
    for i in range(n_pre):
        end = ";" if i % 9 == 4 else ","
        out += [f"{rnd.choice(PRE)} " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(60, 110))) + end, ""]
    n_op = paragraphs - n_pre
    for i in range(n_op):
        end = "." if i == n_op - 1 else ";"
        num = i + 1 if i % 17 != 8 else i + 2
        out += [f"{num}. {rnd.choice(OPS)} " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(60, 110))) + end, ""]
    return "\n".join(out)


def compilation(target_bytes: int = 1_000_000) -> str:
    """Several drafts one after the other, as a compilation of adopted texts, ~target size."""
    parts, size, seed = [], 0, 1
    while size < target_bytes:
        d = draft(60, seed, title=f"Resolution {seed}")
        parts.append(d)
        size += len(d.encode("utf-8")) + 2
        seed += 1
    return "\n\n".join(parts)


#: Families of real resolutions in ../shared/corpus (file name prefixes) and what they are.
CORPUS_FAMILIES = {"unga": "General Assembly", "unsc": "Security Council", "itu": "ITU"}


def corpus_compilation(corpus: Path, prefix: str, target_bytes: int = 1_000_000) -> str | None:
    """Real resolutions of one family read from ``corpus`` (never copied into the
    project), one after the other up to ~``target_bytes``: a long document as drafters
    have them, with the citations, lists and instrument names that an invented draft
    lacks (a keystroke in one took twice as long as in :func:`compilation`, and up to six
    times before the fixes it showed). None when the corpus is not there."""
    parts, size = [], 0
    for path in sorted(corpus.glob(f"{prefix}*.txt")):
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        if size >= target_bytes:
            break
    return "\n\n".join(parts) if parts else None


class _TimedProtocol(LanguageServerProtocol):
    """Notes when each publishDiagnostics notification has been read and decoded from
    JSON, before pygls turns it into objects.

    What a change costs is timed to that point: turning the JSON into lsprotocol objects
    (cattrs, by every field's declared type) is this Python client's own work, 6 ms for
    the 213 diagnostics of the 1 MB compilation, and no part of the server's answer; an
    editor decodes the same JSON in its own way (VS Code: JSON.parse)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.decoded: dict[tuple[str, int | None], float] = {}
        #: When the last response was decoded (requests are sent one at a time here).
        self.last_response = 0.0

    def structure_message(self, data):
        # json.loads calls this for every object, innermost first: the message itself last.
        if data.get("method") == types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS and "jsonrpc" in data:
            params = data.get("params") or {}
            self.decoded[(params.get("uri"), params.get("version"))] = time.perf_counter()
        elif "id" in data and "method" not in data and "jsonrpc" in data:
            self.last_response = time.perf_counter()
        return super().structure_message(data)


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("resolint-bench", "1", protocol_cls=_TimedProtocol)
        #: When each document version's diagnostics reached the handler, as objects.
        self.arrivals: dict[tuple[str, int | None], float] = {}
        #: ... and when they had been decoded from JSON (the times the bench reports).
        self.decoded: dict[tuple[str, int | None], float] = self.protocol.decoded
        #: Each measured change's time to the handler, in ms (see measure_changes).
        self.as_objects_ms: list[float] = []
        self.events: dict[tuple[str, int | None], asyncio.Event] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _publish(params: types.PublishDiagnosticsParams):
            key = (params.uri, params.version)
            self.arrivals[key] = time.perf_counter()
            self.events.setdefault(key, asyncio.Event()).set()

        @self.feature("resolint/status")
        def _status(params):
            pass

        @self.feature(types.WINDOW_LOG_MESSAGE)
        def _log(params):
            pass

        @self.feature(types.WINDOW_SHOW_MESSAGE)
        def _show(params):
            pass

    async def wait(self, uri: str, version: int, timeout: float = 60) -> float:
        ev = self.events.setdefault((uri, version), asyncio.Event())
        await asyncio.wait_for(ev.wait(), timeout)
        return self.arrivals[(uri, version)]


CAPS = types.ClientCapabilities(
    general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16]),
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True, data_support=True)
    ),
)


#: What VS Code's client says it can do that changes the server's answers: it pulls
#: diagnostics (textDocument/diagnostic after each change) and shows a nested outline.
VSCODE_CAPS = types.ClientCapabilities(
    general=CAPS.general,
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=CAPS.text_document.publish_diagnostics,
        diagnostic=types.DiagnosticClientCapabilities(),
        document_symbol=types.DocumentSymbolClientCapabilities(hierarchical_document_symbol_support=True),
    ),
)


async def start(debounce: int = 0, caps: types.ClientCapabilities = CAPS) -> tuple[Client, float, float]:
    client = Client()
    t0 = time.perf_counter()
    await client.start_io(sys.executable, "-m", "resolint", "server")
    await client.initialize_async(
        types.InitializeParams(capabilities=caps, initialization_options={"debounce": debounce}, process_id=None)
    )
    client.initialized(types.InitializedParams())
    return client, t0, time.perf_counter()


def open_doc(client: Client, uri: str, text: str) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="resolution", version=1, text=text)))


def typing_change(client: Client, uri: str, version: int, line: int, char: str) -> float:
    """Insert one character at the start of ``line`` (a keystroke); return the send time."""
    rng = types.Range(types.Position(line, 0), types.Position(line, 0))
    t = time.perf_counter()
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=rng, text=char)],
        )
    )
    return t


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return -1


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


async def measure_changes(client: Client, uri: str, text: str, edits: int) -> list[float]:
    """Ms from sending each of ``edits`` one-character changes to its diagnostics decoded
    from JSON (:class:`_TimedProtocol`); the times to pygls objects are added to
    ``client.as_objects_ms``."""
    open_doc(client, uri, text)
    await client.wait(uri, 1)
    lines = text.count("\n")
    rnd = random.Random(7)
    times = []
    for v in range(2, edits + 2):
        # Type on an empty line (a new paragraph being started) or at a line start.
        sent = typing_change(client, uri, v, rnd.randrange(lines), "x")
        got = await client.wait(uri, v)
        times.append((client.decoded[(uri, v)] - sent) * 1000)
        client.as_objects_ms.append((got - sent) * 1000)
    return times


async def measure_as_vscode(client: Client, uri: str, text: str, edits: int) -> tuple[list[float], list[float]]:
    """Ms from sending each of ``edits`` one-character changes to the answer of the pull of
    its diagnostics, and from asking for the outline then to its answer (both decoded
    from JSON), as VS Code asks while the outline or the breadcrumbs are shown; for a
    client started with :data:`VSCODE_CAPS`."""
    doc = types.TextDocumentIdentifier(uri=uri)
    open_doc(client, uri, text)
    await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc))
    await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc))
    lines = text.count("\n")
    rnd = random.Random(7)
    pulled, outlined = [], []
    for v in range(2, edits + 2):
        sent = typing_change(client, uri, v, rnd.randrange(lines), "x")
        await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc))
        pulled.append((client.protocol.last_response - sent) * 1000)
        asked = time.perf_counter()
        await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc))
        outlined.append((client.protocol.last_response - asked) * 1000)
    return pulled, outlined


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--big-edits", type=int, default=60)  # a p95 of 20 edits is their second slowest
    args = ap.parse_args()
    small = draft(100)
    big = compilation()
    print(f"drafts: {len(small.encode())/1000:.1f} KB ({small.count(chr(10))} lines), {len(big.encode())/1e6:.2f} MB ({big.count(chr(10))} lines)")

    # 1. start to first diagnostics
    starts = []
    for _ in range(3):
        client, t0, _t_init = await start()
        open_doc(client, "file:///bench/start.txt", draft(12))
        got = await client.wait("file:///bench/start.txt", 1)
        starts.append(got - t0)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    print(f"start -> first diagnostics: {', '.join(f'{s:.2f}' for s in starts)} s (median {statistics.median(starts):.2f} s)")

    client, _, _ = await start()
    pid = client._server.pid
    times = await measure_changes(client, "file:///bench/d100.txt", small, args.edits)
    print(f"100-paragraph draft, didChange -> diagnostics over {len(times)} edits: median {statistics.median(times):.1f} ms, p95 {pct(times, 95):.1f} ms, max {max(times):.1f} ms")

    rss0 = rss_kib(pid)
    big_times = await measure_changes(client, "file:///bench/big.txt", big, args.big_edits)
    rss_series = [rss_kib(pid)]
    print(f"1 MB compilation, didChange -> diagnostics over {len(big_times)} edits: median {statistics.median(big_times):.0f} ms, p95 {pct(big_times, 95):.0f} ms, max {max(big_times):.0f} ms")
    for v in range(args.big_edits + 2, args.big_edits + 22):
        typing_change(client, "file:///bench/big.txt", v, 3, "y")
        await client.wait("file:///bench/big.txt", v)
        rss_series.append(rss_kib(pid))
    print(
        f"server RSS: {rss0/1024:.0f} MiB before the 1 MB draft; after {args.big_edits} + 20 lints of it: "
        f"{rss_series[0]/1024:.0f} -> {rss_series[-1]/1024:.0f} MiB (max {max(rss_series)/1024:.0f} MiB; "
        f"last 10 lints grew {(rss_series[-1]-rss_series[-11])/1024:+.1f} MiB)"
    )
    print("RSS series (MiB):", " ".join(f"{r/1024:.0f}" for r in rss_series))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    client, _, _ = await start(caps=VSCODE_CAPS)
    pulled, outlined = await measure_as_vscode(client, "file:///bench/big.txt", big, args.big_edits)
    print(
        f"1 MB compilation as VS Code asks, over {len(pulled)} edits: didChange -> pulled diagnostics median "
        f"{statistics.median(pulled):.0f} ms, p95 {pct(pulled, 95):.0f} ms; then the outline median "
        f"{statistics.median(outlined):.0f} ms, p95 {pct(outlined, 95):.0f} ms"
    )
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    # In-process breakdown: where does a change's time go?
    from resolint.config import Settings
    from resolint.engine import lint
    from resolint.lsp.settings import EditorSettings, ProjectSettings
    from resolint.lsp.state import build_state
    from resolint.source import SourceText

    for name, text in (("100-paragraph", small), ("1 MB", big)):
        lint(text)
        t = time.perf_counter()
        src = SourceText(text)
        t_src = time.perf_counter() - t
        t = time.perf_counter()
        lint(src)
        t_lint = time.perf_counter() - t
        t = time.perf_counter()
        build_state("file:///x", 1, text, None, ProjectSettings(Settings(), None), EditorSettings(), None, "utf-16")
        t_all = time.perf_counter() - t
        print(f"in-process {name}: line index {t_src*1000:.1f} ms, engine lint {t_lint*1000:.1f} ms, whole state (index+lint+convert) {t_all*1000:.1f} ms")
        incremental_edits(name, text)


def incremental_edits(name: str, text: str, edits: int = 10) -> None:
    """In-process: a one-character edit then the state as the server builds it, with the
    document's IncrementalLinter (median), next to a full lint of the same versions."""
    from resolint.config import Settings
    from resolint.engine import lint
    from resolint.incremental import IncrementalLinter
    from resolint.lsp.settings import EditorSettings, ProjectSettings
    from resolint.lsp.state import build_state

    project, editor, linter = ProjectSettings(Settings(), None), EditorSettings(), IncrementalLinter()
    build_state("file:///x", 1, text, None, project, editor, None, "utf-16", linter)
    rnd = random.Random(11)
    incr, full = [], []
    for v in range(2, edits + 2):
        at = rnd.randrange(len(text))
        text = text[:at] + "x" + text[at:]
        t = time.perf_counter()
        build_state("file:///x", v, text, None, project, editor, None, "utf-16", linter)
        incr.append(time.perf_counter() - t)
        t = time.perf_counter()
        lint(text, project.settings)
        full.append(time.perf_counter() - t)
    print(
        f"in-process {name}, one-character edits: incremental state median {statistics.median(incr)*1000:.1f} ms "
        f"(full engine lint of the same versions {statistics.median(full)*1000:.1f} ms)"
    )


if __name__ == "__main__":
    asyncio.run(main())
