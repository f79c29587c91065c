"""Is the language server held hostage by one big document? Measured over raw stdio.

Opens a big generated draft (``--big-mb``), then a five-line draft, and measures:
  - big open -> its first diagnostics (or the "too large" notice)
  - small open -> its diagnostics, while the big one is open
  - small change -> diagnostics (median of ``--edits``), with a change to the big one
    sent before each (a user typing in both)
  - "Replace All" in the big one (one change per match, the last first, as VS Code
    sends it) -> its diagnostics, and a small change sent after it -> the small one's
  - the server's peak resident memory (VmHWM) at the end.

    .venv/bin/python benchmarks/lsp_hostage.py [--big-mb 20] [--edits 5] [--timeout 300]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

SMALL = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n"
PARA = "{n}. Requests the Secretary-General to report on the implementation of paragraph {n};\n\n"


def big_draft(mb: float) -> str:
    out = ["The General Assembly,\n\nRecalling its resolutions,\n\n"]
    size, n = 0, 1
    while size < mb * 1_000_000:
        p = PARA.format(n=n)
        out.append(p)
        size += len(p)
        n += 1
    return "".join(out)


class Client:
    def __init__(self, cmd: list[str]) -> None:
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.diags: dict[str, list[tuple[float, int | None, int]]] = {}
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def send(self, msg: dict) -> None:
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            msg = json.loads(out.read(length))
            if msg.get("method") == "textDocument/publishDiagnostics":
                p = msg["params"]
                with self.cond:
                    self.diags.setdefault(p["uri"], []).append((time.perf_counter(), p.get("version"), len(p["diagnostics"])))
                    self.cond.notify_all()

    def wait(self, uri: str, version: int, timeout: float) -> float | None:
        end = time.perf_counter() + timeout
        with self.cond:
            while True:
                for t, v, _ in self.diags.get(uri, []):
                    if v == version:
                        return t
                left = end - time.perf_counter()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")


def replace_all(c: Client, uri: str, text: str, version: int, timeout: float) -> None:
    """Replace every "Secretary-General" of the big draft as VS Code's Replace All does."""
    from resolint.lsp.positions import LineIndex

    text = "x" * (version - 2) + text  # the edits above each put an "x" at its start
    index = LineIndex(text, "utf-16")
    changes = []
    for m in reversed(list(re.finditer("Secretary-General", text))):
        (sl, sc), (el, ec) = index.position(m.start()), index.position(m.end())
        rng = {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}
        changes.append({"range": rng, "text": "Secretary General"})
    t0 = time.perf_counter()
    c.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}})
    small = "untitled:small.txt"
    c.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": small, "version": version}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": " "}]}})
    got_small = c.wait(small, version, timeout)
    got = c.wait(uri, version, timeout)
    print(f"replace all ({len(changes)} changes in one notification) -> diagnostics: " + (f"{got - t0:.2f} s" if got else f"none in {timeout} s"))
    print("small change sent after it -> diagnostics: " + (f"{got_small - t0:.2f} s" if got_small else f"none in {timeout} s"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big-mb", type=float, default=20)
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()
    c = Client([sys.executable, "-m", "resolint", "server"])
    c.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": {"debounce": 0}}})
    c.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    time.sleep(1.0)
    big, small = "untitled:big.txt", "untitled:small.txt"
    text = big_draft(args.big_mb)
    t0 = time.perf_counter()
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": big, "languageId": "plaintext", "version": 1, "text": text}}})
    t1 = time.perf_counter()
    c.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": small, "languageId": "plaintext", "version": 1, "text": SMALL}}})
    got = c.wait(small, 1, args.timeout)
    print(f"small open -> diagnostics while big is open: {got - t1:.2f} s" if got else f"small open: no diagnostics in {args.timeout} s")
    got = c.wait(big, 1, args.timeout)
    print(f"big open ({len(text) / 1e6:.1f} MB) -> diagnostics: {got - t0:.2f} s" if got else f"big open: no diagnostics in {args.timeout} s")
    times = []
    for i in range(args.edits):
        v = i + 2
        c.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": big, "version": v}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]}})
        ts = time.perf_counter()
        c.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": small, "version": v}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": " "}]}})
        got = c.wait(small, v, args.timeout)
        if got is None:
            print(f"small change {v}: no diagnostics in {args.timeout} s")
            break
        times.append(got - ts)
    if times:
        print(f"small change -> diagnostics (typing in both): median {statistics.median(times):.2f} s, max {max(times):.2f} s")
    replace_all(c, big, text, args.edits + 2, args.timeout)
    print(f"server peak RSS: {c.peak_rss_mb():.0f} MB")
    c.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    c.send({"jsonrpc": "2.0", "method": "exit"})
    try:
        c.proc.wait(10)
    except subprocess.TimeoutExpired:
        c.proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
