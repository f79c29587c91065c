"""Random and hostile LSP message sequences against ``resolint server`` over raw stdio.

Why: the pytest-lsp tests send what an editor sends, in a fixed order. A client can
also send changes with ranges past the end, inside a surrogate pair or between ``\\r``
and ``\\n``, versions going backwards, settings of the wrong types, requests for closed
documents, cancellations of random ids, bad ``resolint.exportAkn`` arguments. This
driver sends such sequences, chosen by a seed, keeps the client's copy of each text,
and checks:

- the server never dies and answers every request (60 s each);
- no request fails with an internal error (-32603);
- every edit it returns (formatting, quick fixes, fix-all) lies on characters of the
  client's text, edits do not overlap, and fix-all gives what ``resolint check --fix``
  gives, or at least a text with the same words;
- at the end, with default settings, each open document's pulled diagnostics equal a
  full lint of the client's text (code and range).

Run (from the worktree; one seed, steps, position encoding)::

    PYTHONPATH=$PWD/server:$PWD/rules python fuzz/lsp_sequences.py 7 --steps 400 --encoding utf-8

It prints one line per seed (``seed 7 utf-8 steps 400: 0 problems``) and the first
problems with the last messages sent for that document; exit status 1 on a problem.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

from resolint.engine import lint
from resolint.fixes import fix_text

BR = re.compile(r"\r\n|\n|\r")
WORD = re.compile(r"\w+")
PIECES = [
    "The General Assembly,\n\n", "The Security Council,\r\n\r\n", "recalling its resolution 70/1,\n\n",
    "Recalling 𝔸 its work,\n\n", "1. welcomes the report of the Secretary General;\n\n",
    "2. Requests the 𝒳 Panel to report\n\n", "(a) to act;\r\n", "(b) To act\n\n",
    "<!-- resolint: ignore[PRE003] -->\n", "3. decides to remain seized of the matter\r", "\r\n",
    "é\u0301 ", "\u00ad", "\ufeff", "a\r", "\t", "👩\u200d⚖️ ", "🇺🇳", "n\u0303o ", "Notes\u0308 ",
    "4. Decides to review 𝔸;\r\n\r\n", "The General Assembly of ICPO-INTERPOL,\n\n",
]
METHODS = ["hover", "completion", "definition", "codeAction", "codeAction", "codeAction", "formatting",
           "documentSymbol", "foldingRange", "diagnostic"]
SETTING_KEYS = ["style", "run", "severityOverrides", "formatting", "debounce", "docsUrl", "lintTimeBudget", "maxDiagnostics"]


class Problem(Exception):
    """A broken invariant."""


class Client:
    """A raw stdio client: framing, ids, answers to the server's own requests."""

    def __init__(self, cwd: str, rng: random.Random, stderr) -> None:
        self.rng = rng
        self.settings: dict | None = None  # what to answer workspace/configuration with; None: garbage
        self.proc = subprocess.Popen([sys.executable, "-m", "resolint", "server"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=stderr, cwd=cwd)
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        f = self.proc.stdout
        while True:
            hdr = b""
            while not hdr.endswith(b"\r\n\r\n"):
                c = f.read(1)
                if not c:
                    self.inbox.put(None)
                    return
                hdr += c
            n = int(re.search(rb"Content-Length: *(\d+)", hdr).group(1))
            self.inbox.put(json.loads(f.read(n)))

    trace = None  # a file: every message sent, one JSON per line (--trace), to replay a failure

    def send(self, obj) -> None:
        body = json.dumps(obj).encode()
        if self.trace is not None:
            self.trace.write(body + b"\n")
            self.trace.flush()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params, timeout: float = 60):
        self.next_id += 1
        rid = self.next_id
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        end = time.time() + timeout
        while time.time() < end:
            try:
                m = self.inbox.get(timeout=max(0.01, end - time.time()))
            except queue.Empty:
                break
            if m is None:
                raise Problem(f"server died during {method}")
            if "id" in m and "method" in m:
                self._answer(m)
            elif m.get("id") == rid:
                return m
        raise Problem(f"no answer to {method} {json.dumps(params)[:200]}")

    def _answer(self, m) -> None:
        result = None
        if m["method"] == "workspace/configuration":
            result = [garbage_settings(self.rng) if self.settings is None else self.settings for _ in m["params"]["items"]]
        self.send({"jsonrpc": "2.0", "id": m["id"], "result": result})


def garbage(rng: random.Random):
    return rng.choice([None, 1, -1, 10**30, 1.5, "x", "", [], {}, [1, "a"], {"a": {"b": []}}, True, "/etc/passwd", "../..", "un-ga"])


def garbage_settings(rng: random.Random):
    keys = SETTING_KEYS
    return rng.choice([garbage(rng), {k: garbage(rng) for k in rng.sample(keys, rng.randint(0, len(keys)))},
                       {"resolint": {k: garbage(rng) for k in keys}}])


class Positions:
    """Client-side positions in the negotiated encoding."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding

    def units(self, s: str) -> int:
        if self.encoding == "utf-16":
            return len(s.encode("utf-16-le", "surrogatepass")) // 2
        return len(s.encode("utf-8", "surrogatepass"))

    @staticmethod
    def lines(t: str) -> list[tuple[int, int]]:
        out, pos = [], 0
        for m in BR.finditer(t):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(t)))
        return out

    def pos(self, t: str, off: int) -> dict:
        for i, (s, e) in enumerate(self.lines(t)):
            if s <= off <= e:
                return {"line": i, "character": self.units(t[s:off])}
        raise ValueError(off)

    def off(self, t: str, pos: dict) -> int:
        """Strict: a position past its line or inside a character is a problem."""
        ls = self.lines(t)
        if not 0 <= pos["line"] < len(ls):
            raise Problem(f"line past the end {pos} of {len(ls)} lines")
        s, e = ls[pos["line"]]
        for k in range(e - s + 1):
            u = self.units(t[s:s + k])
            if u == pos["character"]:
                return s + k
            if u > pos["character"]:
                raise Problem(f"position inside a character {pos}")
        raise Problem(f"position past line end {pos} line={t[s:e]!r}")


def words(t: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(t)]


class Run:
    """One seeded sequence."""

    def __init__(self, seed: int, steps: int, encoding: str, big: int) -> None:
        self.rng = random.Random(seed)
        self.seed, self.steps, self.big = seed, steps, big
        self.P = Positions(encoding)
        self.cwd = tempfile.mkdtemp(prefix=f"lspseq-{seed}-")
        root = "file://" + self.cwd
        self.uris = [f"{root}/d{i}.txt" for i in range(3)] + ["untitled:Untitled-1", f"{root}/x%00y.txt"]
        self.docs: dict[str, str] = {}
        self.ver: dict[str, int] = {}
        self.log: list[tuple[str, str]] = []
        self.problems: list[tuple] = []
        self.checked = {"edits": 0, "fix-all": 0, "compared": 0}
        self.stderr = open(os.path.join(self.cwd, "server.err"), "wb")  # noqa: SIM115
        # Its own generator: how many settings the server asks for depends on timing, and
        # must not change the sequence a seed sends.
        self.client = Client(self.cwd, random.Random(seed + 10**9), self.stderr)

    def notify(self, method: str, params) -> None:
        self.log.append((method, json.dumps(params)[:200]))
        self.client.notify(method, params)

    def problem(self, what: str, why: str, uri: str = "") -> None:
        text = self.docs.get(uri, "")
        self.problems.append((what, why, text, [x for x in self.log if not uri or uri in x[1]][-8:]))

    def text(self) -> str:
        if self.rng.random() < 0.01:
            return "1. Decides;\n\n" * self.big
        return "".join(self.rng.choice(PIECES) for _ in range(self.rng.randint(0, 25)))

    def start(self) -> None:
        caps = {"general": {"positionEncodings": [self.P.encoding]}, "workspace": {"configuration": True},
                "textDocument": {"codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source", "source.fixAll"]}},
                                                "resolveSupport": {"properties": ["edit"]}}}}
        init = self.client.request("initialize", {"processId": None, "rootUri": "file://" + self.cwd, "capabilities": caps,
                                                  "initializationOptions": {"debounce": 0}})
        got = init["result"]["capabilities"].get("positionEncoding", "utf-16")
        if got != self.P.encoding:
            raise Problem(f"negotiated {got}")
        self.notify("initialized", {})

    def step(self) -> None:
        uri = self.rng.choice(self.uris)
        op = self.rng.random()
        for limit, action in ((0.12, self.open), (0.17, self.close), (0.36, self.change), (0.42, self.type), (0.50, self.hostile_change),
                              (0.54, self.configure), (0.56, self.flap), (0.60, self.export), (0.63, self.cancel), (0.67, self.compare)):
            if op < limit:
                action(uri)
                return
        self.ask(uri)

    def open(self, uri: str) -> None:
        t = self.text()
        self.docs[uri], self.ver[uri] = t, self.rng.randint(-5, 5)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "resolution", "version": self.ver[uri], "text": t}})

    def close(self, uri: str) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.docs.pop(uri, None)

    def change(self, uri: str) -> None:
        t = self.docs.get(uri)
        if t is None:
            return
        changes = []
        for _ in range(self.rng.choice([1, 1, 1, 2, 3])):  # several changes in one message apply in order
            def keep_crlf(o: int, t=t) -> int:
                return o - 1 if 0 < o < len(t) and t[o - 1] == "\r" and t[o] == "\n" else o
            s, e = sorted(keep_crlf(self.rng.randrange(len(t) + 1)) for _ in range(2))
            new = self.rng.choice(PIECES + ["", "x", "\n", "\r", "\r\n"])
            changes.append({"range": {"start": self.P.pos(t, s), "end": self.P.pos(t, e)}, "text": new})
            t = t[:s] + new + t[e:]
        self.ver[uri] += 1
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.ver[uri]}, "contentChanges": changes})
        self.docs[uri] = t

    def type(self, uri: str) -> None:
        """Keystrokes: a piece typed one character per message, or deleted one by one."""
        t = self.docs.get(uri)
        if t is None:
            return
        at = self.rng.randrange(len(t) + 1)
        if 0 < at < len(t) and t[at - 1] == "\r" and t[at] == "\n":
            at -= 1
        if self.rng.random() < 0.7:
            for ch in self.rng.choice(PIECES):
                if 0 < at < len(t) and t[at - 1] == "\r" and t[at] == "\n":
                    break  # a typed \r made a CRLF: no position lies between its two characters
                p = self.P.pos(t, at)
                self.ver[uri] += 1
                self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.ver[uri]},
                                                       "contentChanges": [{"range": {"start": p, "end": p}, "text": ch}]})
                t = t[:at] + ch + t[at:]
                at += 1
        else:
            for _ in range(self.rng.randint(1, 30)):
                if at == 0:
                    break
                back = 2 if at >= 2 and t[at - 2:at] == "\r\n" else 1
                self.ver[uri] += 1
                self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.ver[uri]},
                                                       "contentChanges": [{"range": {"start": self.P.pos(t, at - back), "end": self.P.pos(t, at)}, "text": ""}]})
                t = t[:at - back] + t[at:]
                at -= back
        self.docs[uri] = t

    def compare(self, uri: str) -> None:
        """Mid-run: valid settings (a style, or the defaults), then the final check's comparison for one document."""
        self.settle(self.rng.choice([None, None, "interpol", "un-ga", "un-sc", "mun", "auto"]))
        if uri in self.docs:
            self.compare_one(uri, self.docs[uri])

    def hostile_pos(self, t: str) -> dict:
        ls = self.P.lines(t)
        kind = self.rng.random()
        if kind < 0.3:
            return {"line": self.rng.choice([0, 5, 10**6, 2**31 - 1]), "character": self.rng.choice([0, 3, 10**6, 2**31 - 1])}
        i = self.rng.randrange(len(ls))
        s, e = ls[i]
        if kind < 0.5 and t[e:e + 2] == "\r\n":  # between \r and \n
            return {"line": i, "character": self.P.units(t[s:e]) + 1}
        wide = [k for k in range(s, e) if self.P.units(t[k]) > 1]
        if kind < 0.7 and wide:  # inside a character's code units
            k = self.rng.choice(wide)
            return {"line": i, "character": self.P.units(t[s:k]) + 1}
        return {"line": i, "character": self.rng.randint(0, self.P.units(t[s:e]) + 2)}

    def hostile_change(self, uri: str) -> None:
        """A change no editor sends; then the client sends its text again, as a resync."""
        t = self.docs.get(uri)
        v = self.rng.choice([-1, 0, self.ver.get(uri, 0) - 3, 2**31, None])
        r = {"start": self.hostile_pos(t or ""), "end": self.hostile_pos(t or "")}
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                               "contentChanges": [{"range": r, "text": self.rng.choice(PIECES)}]})
        if t is not None:
            self.ver[uri] = self.ver.get(uri, 0) + 1
            self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.ver[uri]}, "contentChanges": [{"text": t}]})

    def configure(self, uri: str) -> None:
        self.client.settings = None
        self.notify("workspace/didChangeConfiguration", {"settings": garbage_settings(self.rng)})

    def flap(self, uri: str) -> None:
        for _ in range(20):
            self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "resolution", "version": 1, "text": "The General Assembly,\n\n1. decides;\n"}})
            self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.docs.pop(uri, None)

    def export(self, uri: str) -> None:
        args = self.rng.choice([[], [uri], [uri, "akn"], [uri, "html"], [{"uri": uri}], [{"uri": uri, "format": garbage(self.rng)}],
                                [garbage(self.rng)], None, [uri, garbage(self.rng), garbage(self.rng)]])
        params = {"command": "resolint.exportAkn"}
        if args is not None:
            params["arguments"] = args
        r = self.client.request("workspace/executeCommand", params)
        if r.get("error", {}).get("code") == -32603:
            self.problem("exportAkn", str(r["error"])[:300], uri)

    def cancel(self, uri: str) -> None:
        self.notify("$/cancelRequest", {"id": self.rng.choice([self.client.next_id, self.client.next_id + 1, -1, "x", 10**12])})

    def ask(self, uri: str) -> None:
        t = self.docs.get(uri)
        tt = t or ""
        m = self.rng.choice(METHODS)
        td = {"uri": uri}
        if m in ("hover", "completion", "definition"):
            params = {"textDocument": td, "position": self.hostile_pos(tt)}
        elif m == "codeAction":
            ctx = {"diagnostics": []}
            only = self.rng.choice([None, ["source.fixAll.resolint"], ["source.fixAll"], ["quickfix"]])
            if only:
                ctx["only"] = only
            params = {"textDocument": td, "range": {"start": self.hostile_pos(tt), "end": self.hostile_pos(tt)}, "context": ctx}
        elif m == "formatting":
            params = {"textDocument": td, "options": {"tabSize": 4, "insertSpaces": True}}
        else:
            params = {"textDocument": td}
        r = self.client.request("textDocument/" + m, params)
        if "error" in r:
            if r["error"]["code"] == -32603:
                self.problem(m, str(r["error"])[:300], uri)
            return
        if t is not None and r.get("result"):
            self.check_result(uri, t, m, r["result"])

    def check_result(self, uri: str, t: str, m: str, res) -> None:
        if m == "formatting":
            self.apply(uri, t, res, "formatting")
        if m != "codeAction":
            return
        for a in res:
            if a.get("edit") is None and "data" in a:
                a = self.client.request("codeAction/resolve", a).get("result") or a
            ed = a.get("edit") or {}
            edits = (ed.get("changes") or {}).get(uri) or [e for dc in ed.get("documentChanges") or [] for e in dc.get("edits", [])]
            if not edits:
                continue
            out = self.apply(uri, t, edits, "codeAction " + a.get("title", ""))
            if out is not None and a.get("kind", "").startswith("source.fixAll"):
                self.check_fix_all(uri, t, out)

    def check_fix_all(self, uri: str, t: str, out: str) -> None:
        self.checked["fix-all"] += 1
        # Under settings of the wrong types the server may have taken a valid style among them.
        known = self.client.settings
        styles = [known.get("style")] if known is not None else [None, "interpol", "un-ga", "un-sc", "mun"]
        wants = [fix_text(t, lambda x, st=st: lint(x, style=None if st in (None, "auto") else st), unsafe=False).text for st in styles]
        if out not in wants and words(out) not in [words(w) for w in wants] + [words(t)]:
            self.problem("fixAll", f"damaged: {out!r} (CLI gives {wants[0]!r})", uri)

    def apply(self, uri: str, t: str, edits, what: str) -> str | None:
        try:
            spans = sorted((self.P.off(t, e["range"]["start"]), self.P.off(t, e["range"]["end"]), e["newText"]) for e in edits)
        except Problem as exc:
            self.problem(what, str(exc), uri)
            return None
        for (_, b, _), (c, _, _) in zip(spans, spans[1:], strict=False):
            if c < b:
                self.problem(what, "overlapping edits", uri)
                return None
        for s, e, _ in spans:
            if s > e:
                self.problem(what, "reversed range", uri)
                return None
            for o in (s, e):
                if 0 < o < len(t) and t[o - 1] == "\r" and t[o] == "\n":
                    self.problem(what, f"edit at {o} splits CRLF", uri)
        self.checked["edits"] += 1
        out = t
        for s, e, n in reversed(spans):
            out = out[:s] + n + out[e:]
        return out

    def final_check(self) -> None:
        """With default settings, pulled diagnostics equal a full lint of the client's text."""
        self.settle()
        for uri, t in sorted(self.docs.items()):
            self.compare_one(uri, t)

    def settle(self, style: str | None = None) -> None:
        want = {"style": style} if style else {}
        if self.client.settings != want:
            self.client.settings = want
            self.notify("workspace/didChangeConfiguration", {"settings": {"resolint": want}})

    def compare_one(self, uri: str, t: str) -> None:
        if len(t) <= 200_000:
            got = self.pulled(uri)
            if got is not None:
                self.compare_diagnostics(uri, t, got)

    def compare_diagnostics(self, uri: str, t: str, got) -> None:
        self.checked["compared"] += 1
        style = self.client.settings.get("style")
        findings = lint(t, style=None if style in (None, "auto") else style).findings
        want = sorted((f.code, f.span.start, f.span.end) for f in findings)
        have = []
        for d in got:
            try:
                have.append((d.get("code"), self.P.off(t, d["range"]["start"]), self.P.off(t, d["range"]["end"])))
            except Problem as exc:
                self.problem("final diagnostics", str(exc), uri)
        if any(code == "resolint" for code, _, _ in have):
            # A notice (too many findings to show, a document too large): what is shown is a part of the lint.
            extra = sorted(set(have) - set(want) - {("resolint", 0, 0)})
            if extra:
                self.problem("final diagnostics", f"not in a full lint: {extra[:5]}", uri)
        elif sorted(have) != want:
            extra = sorted(set(have) - set(want))
            missing = sorted(set(want) - set(have))
            self.problem("final diagnostics", f"differ from a full lint: extra {extra[:5]} missing {missing[:5]}", uri)

    def pulled(self, uri: str):
        for _ in range(3):  # settings apply asynchronously: the first answer may be for the old ones
            time.sleep(0.3)
            r = self.client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
            if "error" in r:
                self.problem("final diagnostics", str(r["error"])[:200], uri)
                return None
        return r["result"].get("items", [])

    def run(self) -> list[tuple]:
        try:
            self.start()
            for _ in range(self.steps):
                self.step()
            self.final_check()
            self.client.request("shutdown", None)
            self.client.notify("exit", None)
            try:
                self.client.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.problem("exit", "did not exit")
        except Problem as exc:
            self.problem("server", str(exc))
        finally:
            if self.client.proc.poll() is None:
                self.client.proc.kill()
        return self.problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seeds", type=int, nargs="+")
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--encoding", choices=["utf-16", "utf-8"], default="utf-16")
    ap.add_argument("--trace", help="write every message sent to this file, one JSON per line")
    ap.add_argument("--big", type=int, default=40_000, help="paragraphs of the rare very long document")
    args = ap.parse_args()
    failed = 0
    if args.trace:
        Client.trace = open(args.trace, "wb")  # noqa: SIM115
    for seed in args.seeds:
        run = Run(seed, args.steps, args.encoding, args.big)
        problems = run.run()
        print(f"seed {seed} {args.encoding} steps {args.steps}: {len(problems)} problems, checked {run.checked} (server log {run.cwd}/server.err)", flush=True)
        for what, why, text, log in problems[:5]:
            print(f"  {what}: {why[:400]}\n    text={text[:300]!r}")
            for line in log:
                print("    ", line)
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
