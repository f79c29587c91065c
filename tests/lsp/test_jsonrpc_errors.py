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
    nested = b'{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    stream = _frame(b"{not json") + _frame(b"[1, 2, 3]") + _frame(nested) + _frame(json.dumps(init).encode())
    stream += _frame(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}).encode())
    stream += _frame(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode())
    proc = subprocess.run([sys.executable, "-m", "resolint", "server"], input=stream, capture_output=True, timeout=60)
    messages = _read_messages(proc.stdout)
    errors = [m for m in messages if "error" in m and m.get("id") is None]
    # (JSON nested 200,000 deep got no reply: the parser's RecursionError.)
    assert [e["error"]["code"] for e in errors][:3] == [-32700, -32600, -32700]
    # The server still answered initialize and shutdown afterwards.
    assert any(m.get("id") == 1 and "result" in m for m in messages)
    assert any(m.get("id") == 2 for m in messages)


def _session(request: dict) -> tuple[dict, str]:
    """The server's replies by id and its standard error, for ``request`` (id 2) between
    initialization and shutdown."""
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}
    stream = b"".join(_frame(json.dumps(m).encode()) for m in (init, {"jsonrpc": "2.0", "method": "initialized", "params": {}}, request))
    stream += _frame(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}).encode())
    stream += _frame(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode())
    proc = subprocess.run([sys.executable, "-m", "resolint", "server"], input=stream, capture_output=True, timeout=60)
    return {m.get("id"): m for m in _read_messages(proc.stdout)}, proc.stderr.decode()


def test_invalid_params_get_an_error_and_one_line_on_stderr():
    """A hover at line -1 got its InvalidParams reply, and pygls wrote cattrs' traceback of
    several screens to stderr (an editor's output panel) before resolint's one line."""
    replies, err = _session({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
                             "params": {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": -1, "character": -5}}})
    assert replies[2]["error"]["code"] == -32602
    assert "invalid params for textDocument/hover" in err
    assert "Traceback" not in err and "ExceptionGroup" not in err


def test_a_command_that_does_not_exist_gets_its_error_and_one_line_on_stderr():
    """An unknown workspace/executeCommand got its InvalidParams reply, and pygls's
    traceback went to stderr (the editor's output panel) with it."""
    replies, err = _session({"jsonrpc": "2.0", "id": 2, "method": "workspace/executeCommand",
                             "params": {"command": "no.such.command", "arguments": []}})
    assert replies[2]["error"]["code"] == -32602
    assert "no.such.command" in err and "Traceback" not in err


# -- framing: a broken frame costs at most that message, never the session ----------------
import os  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

import pytest  # noqa: E402

INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}
# Answered at once (an unknown method), so the answer cannot race the shutdown after it.
PROBE = {"jsonrpc": "2.0", "id": 7, "method": "resolint/no-such-request", "params": {}}
SHUTDOWN = {"jsonrpc": "2.0", "id": 9, "method": "shutdown"}
EXIT = {"jsonrpc": "2.0", "method": "exit"}


def _body(msg: dict) -> bytes:
    return json.dumps(msg).encode()


def _framed(msg: dict, *, delta: int = 0, header: bytes | None = None, eol: bytes = b"\r\n") -> bytes:
    body = _body(msg)
    head = header if header is not None else b"Content-Length: %d" % (len(body) + delta)
    return head + eol + eol + body


def _run(stream: bytes, timeout: float = 60) -> tuple[list[dict], int, bytes]:
    proc = subprocess.run([sys.executable, "-m", "resolint", "server"], input=stream, capture_output=True, timeout=timeout)
    return _read_messages(proc.stdout), proc.returncode, proc.stderr


# Each fault is applied to the probe request; the shutdown request after it must be
# answered and the exit heard. "repaired": the probe itself is answered too.
FAULTS = {
    "length one byte short": (dict(delta=-1), True),
    "length one byte long": (dict(delta=1), True),
    "length ten bytes long": (dict(delta=10), True),
    "length missing": (dict(header=b"Content-Type: application/vscode-jsonrpc; charset=utf-8"), True),
    "length negative": (dict(header=b"Content-Length: -12"), True),
    "length not a number": (dict(header=b"Content-Length: twelve"), True),
    "LF-only headers": (dict(eol=b"\n"), True),
    "length of 10^12": (dict(header=b"Content-Length: 1000000000000"), False),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_broken_frame_does_not_deafen_the_server(fault):
    kwargs, repaired = FAULTS[fault]
    stream = _framed(INIT) + _framed(PROBE, **kwargs) + _framed(SHUTDOWN) + _framed(EXIT)
    messages, code, stderr = _run(stream)
    ids = {m.get("id") for m in messages if "result" in m or "error" in m}
    assert 9 in ids, f"shutdown not answered after {fault}: {stderr.decode()[-2000:]}"
    assert code == 0, "exit after shutdown was not heard"
    if repaired:
        assert 7 in ids, f"the probe was lost after {fault}"
    logs = [m for m in messages if m.get("method") == "window/logMessage" and "LSP fram" in m["params"]["message"]]
    if "eol" not in kwargs:  # LF-only headers are read as they are, without a word
        assert logs, "the client is told about the broken frame"


def test_junk_between_frames_is_skipped():
    stream = _framed(INIT) + b"\x00\xffnot a header at all\r\n\r\n" + b"x" * 20_000 + _framed(PROBE) + _framed(SHUTDOWN) + _framed(EXIT)
    messages, code, _ = _run(stream)
    assert {7, 9} <= {m.get("id") for m in messages}
    assert code == 0


def test_oversized_frame_costs_no_memory():
    """A frame announcing a terabyte is refused at once: the server neither dies nor waits."""
    stream = _framed(INIT) + b"Content-Length: 1000000000000\r\n\r\n" + b"{" * 300_000 + _framed(SHUTDOWN) + _framed(EXIT)
    proc = subprocess.Popen([sys.executable, "-m", "resolint", "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, _ = proc.communicate(stream, timeout=60)
    assert any(m.get("id") == 9 for m in _read_messages(out))
    assert proc.returncode == 0


class _Session:
    """A live server: write frames, wait for a reply by id (the stream stays open)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "resolint", "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.replies: dict = {}
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        data = b""
        while True:
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                return
            data += chunk
            while b"\r\n\r\n" in data:
                head, _, rest = data.partition(b"\r\n\r\n")
                length = int(head.split(b"Content-Length:")[1].split(b"\r\n")[0])
                if len(rest) < length:
                    break
                msg = json.loads(rest[:length])
                data = rest[length:]
                with self.cond:
                    if "id" in msg and ("result" in msg or "error" in msg):
                        self.replies[msg["id"]] = msg
                    self.cond.notify_all()

    def send(self, raw: bytes) -> None:
        self.proc.stdin.write(raw)
        self.proc.stdin.flush()

    def reply(self, msg_id, timeout: float = 30):
        with self.cond:
            self.cond.wait_for(lambda: msg_id in self.replies, timeout)
            return self.replies.get(msg_id)

    def close(self) -> int:
        try:
            self.send(_framed(EXIT))
            return self.proc.wait(20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def test_length_too_long_on_the_last_message_is_answered_while_the_client_waits():
    """The client sends one request with a length one byte too long and waits: the
    server must not wait for a byte that never comes."""
    s = _Session()
    try:
        s.send(_framed(INIT))
        assert s.reply(1) is not None
        s.send(_framed({**SHUTDOWN, "id": 5}, delta=1))
        got = s.reply(5, timeout=20)
        assert got is not None and "result" in got
    finally:
        assert s.close() == 0


def test_lifecycle_errors():
    """Before initialize: -32002; a second initialize and requests after shutdown: -32600."""
    s = _Session()
    try:
        s.send(_framed({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}}))
        assert s.reply(2)["error"]["code"] == -32002
        s.send(_framed(INIT))
        assert "result" in s.reply(1)
        s.send(_framed({**INIT, "id": 3}))
        assert s.reply(3)["error"]["code"] == -32600
        s.send(_framed({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        s.send(_framed(SHUTDOWN))
        assert "result" in s.reply(9)
        s.send(_framed({"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}}))
        assert s.reply(4)["error"]["code"] == -32600
    finally:
        assert s.close() == 0


def test_tcp_transport_uses_the_same_reader_and_exits():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "resolint", "server", "--tcp", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=30)
                break
            except OSError:
                assert time.monotonic() < deadline, "the TCP server did not start"
                time.sleep(0.2)
        with sock:
            sock.sendall(_framed(INIT, delta=1, eol=b"\n") + _framed(SHUTDOWN) + _framed(EXIT))
            data = b""
            while b'"id": 9' not in data:
                chunk = sock.recv(65536)
                assert chunk, "connection closed before shutdown was answered"
                data += chunk
        assert b'"id": 1' in data
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def _raw_session(*bodies: dict) -> tuple[list[dict], str]:
    """Every message the server sends, and its standard error, for ``bodies`` sent between
    initialization and shutdown."""
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}
    stream = b"".join(_frame(json.dumps(m).encode()) for m in (init, {"jsonrpc": "2.0", "method": "initialized", "params": {}}, *bodies))
    stream += _frame(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}).encode())
    stream += _frame(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode())
    proc = subprocess.run([sys.executable, "-m", "resolint", "server"], input=stream, capture_output=True, timeout=60)
    return _read_messages(proc.stdout), proc.stderr.decode()


def test_a_message_with_no_method_result_or_error_is_an_invalid_request():
    """`{"jsonrpc": "2.0"}` and `{"jsonrpc": "2.0", "id": 7}` are neither request,
    notification nor response: they got no reply, and the user was shown "Error in server:
    Internal Error". The reply is -32600, with the id when it is one (else null)."""
    messages, err = _raw_session({"jsonrpc": "2.0"}, {"jsonrpc": "2.0", "id": 7}, {"jsonrpc": "2.0", "id": {"not": "an id"}})
    errors = [m for m in messages if "error" in m]
    assert [(e["error"]["code"], e["id"]) for e in errors] == [(-32600, None), (-32600, 7), (-32600, None)]
    assert not [m for m in messages if m.get("method") == "window/showMessage"]
    assert any(m.get("id") == 3 and "result" in m for m in messages)  # and the server lives on
    assert "Traceback" not in err


def test_a_notification_with_invalid_params_is_dropped_without_a_message_to_the_user():
    """A notification gets no reply; pygls showed "Error in server: Internal Error"."""
    messages, err = _raw_session({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {}})
    assert not [m for m in messages if m.get("method") == "window/showMessage" or "error" in m]
    assert "invalid params for notification textDocument/didOpen" in err
    assert any(m.get("id") == 3 and "result" in m for m in messages)
