"""Bodies that are not JSON-RPC get a JSON-RPC error reply (id null); the server lives on."""

from __future__ import annotations

import json
import subprocess
import sys


def _frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _read_messages(data: bytes) -> list[dict]:
    out = []
    while b"Content-Length:" in data:
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int(head.split(b"Content-Length:")[1].split(b"\r\n")[0])
        out.append(json.loads(rest[:length]))
        data = rest[length:]
    return out


def test_parse_error_and_invalid_request_replies():
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}
    stream = _frame(b"{not json") + _frame(b"[1, 2, 3]") + _frame(json.dumps(init).encode())
    stream += _frame(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}).encode())
    stream += _frame(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode())
    proc = subprocess.run([sys.executable, "-m", "resolint", "server"], input=stream, capture_output=True, timeout=60)
    messages = _read_messages(proc.stdout)
    errors = [m for m in messages if "error" in m and m.get("id") is None]
    assert [e["error"]["code"] for e in errors][:2] == [-32700, -32600]
    # The server still answered initialize and shutdown afterwards.
    assert any(m.get("id") == 1 and "result" in m for m in messages)
    assert any(m.get("id") == 2 for m in messages)
