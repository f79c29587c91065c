"""The frame decoder (sans-IO): every framing fault, fed whole and byte by byte."""

from __future__ import annotations

import json
import time

import pytest

from resolint.lsp.framing import MAX_HEADER_LINE, FrameDecoder, Message, Problem

A = {"jsonrpc": "2.0", "id": 1, "method": "a"}
B = {"jsonrpc": "2.0", "id": 2, "method": "b", "params": {"x": [1, {"y": "é 😀"}]}}


def frame(obj: dict, delta: int = 0, header: bytes | None = None, eol: bytes = b"\r\n") -> bytes:
    body = json.dumps(obj, ensure_ascii=False).encode()
    head = header if header is not None else b"Content-Length: %d" % (len(body) + delta)
    return head + eol + eol + body


def decode(data: bytes, chunk: int, max_frame: int = 1 << 20) -> tuple[list, list[str], list[str]]:
    d = FrameDecoder(max_frame=max_frame)
    events = []
    for i in range(0, len(data), chunk):
        events += d.feed(data[i: i + chunk])
    events += d.stalled()
    ids = [json.loads(e.body).get("id") for e in events if isinstance(e, Message)]
    problems = [e.text for e in events if isinstance(e, Problem)]
    notes = [e.note for e in events if isinstance(e, Message) and e.note]
    return ids, problems, notes


CASES = {
    # name: (stream, ids read, a problem or note is reported)
    "good": (frame(A) + frame(B), [1, 2], False),
    "length one short": (frame(A, -1) + frame(B), [1, 2], True),
    "length one long": (frame(A, 1) + frame(B), [1, 2], True),
    "length far too long": (frame(A, 30) + frame(B), [1, 2], True),
    "nested body one short": (frame(B, -1) + frame(A), [2, 1], True),
    "no Content-Length": (frame(A, header=b"Content-Type: application/vscode-jsonrpc") + frame(B), [1, 2], True),
    "negative": (frame(A, header=b"Content-Length: -5") + frame(B), [1, 2], True),
    "not a number": (frame(A, header=b"Content-Length: 4x") + frame(B), [1, 2], True),
    "LF only": (frame(A, eol=b"\n") + frame(B, eol=b"\n"), [1, 2], False),
    "lowercase header": (frame(A, header=b"content-length:%d" % len(json.dumps(A).encode())) + frame(B), [1, 2], False),
    "junk first": (b"\xff\xfegarbage\r\n\r\n{[" + frame(A) + frame(B), [1, 2], True),
    "over the limit": (frame(A, header=b"Content-Length: 1000000000000") + frame(B), [2], True),
}


@pytest.mark.parametrize("chunk", [1, 3, 64, 1 << 20])
@pytest.mark.parametrize("name", list(CASES))
def test_fault(name, chunk):
    stream, want, reported = CASES[name]
    ids, problems, notes = decode(stream, chunk)
    assert ids == want
    assert bool(problems or notes) == reported


def test_too_long_on_the_last_message_is_read_on_a_stall():
    d = FrameDecoder()
    assert d.feed(frame(A, 1)) == [] and d.waiting
    events = d.stalled()
    assert [json.loads(e.body)["id"] for e in events if isinstance(e, Message)] == [1]


@pytest.mark.parametrize("broken", [
    pytest.param(lambda i: frame({**A, "id": i}, 200), id="each length too long"),
    pytest.param(lambda i: b"Content-Length: 300\r\n\r\n{\"not\": json", id="each body broken, length too long"),
])
def test_one_stall_settles_every_waiting_frame(broken):
    """A chain of frames each waiting for bytes that never come: when input stops, the
    client is waiting for us, so a single stall settles them all and a good frame after
    them is heard (it was left for stalls that never came)."""
    d = FrameDecoder()
    events = d.feed(b"".join(broken(i) for i in range(3, 8)) + frame(A))
    events += d.stalled()
    ids = [json.loads(e.body)["id"] for e in events if isinstance(e, Message) and e.body.startswith(b'{"j')]
    assert ids[-1] == 1 and not d.waiting


def test_body_that_is_not_json_is_handed_on_for_a_parse_error():
    d = FrameDecoder()
    events = d.feed(b"Content-Length: 9\r\n\r\n{not json" + frame(A))
    bodies = [e.body for e in events if isinstance(e, Message)]
    assert bodies[0] == b"{not json" and json.loads(bodies[1])["id"] == 1


def test_oversized_frame_is_never_buffered():
    d = FrameDecoder(max_frame=1000)
    d.feed(b"Content-Length: 999999999999\r\n\r\n")
    for _ in range(200):  # 2 MB of the refused frame, no newline in it
        d.feed(b"x" * 10_000)
        assert len(d._buf) <= MAX_HEADER_LINE + 10_000
    events = d.feed(b"\r\n" + frame(A)) + d.stalled()
    assert [json.loads(e.body)["id"] for e in events if isinstance(e, Message)] == [1]


def _time(data: bytes) -> float:
    best = float("inf")
    for _ in range(5):
        d = FrameDecoder()
        t0 = time.perf_counter()
        for i in range(0, len(data), 4096):
            d.feed(data[i: i + 4096])
        d.stalled()
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize(
    "unit",
    [b"x" * 100, b"junk line\r\n", b"Content-Length: 5\r\n", b"Content-Length: -1\r\n\r\n{", frame(A, 3)],
    ids=["no newline", "junk lines", "headers only", "bad lengths", "frames too long"],
)
def test_decoding_time_grows_linearly(unit):
    """20 KB, 100 KB and 200 KB of each kind of broken stream: no quadratic rescans."""
    sizes = [20_000, 100_000, 200_000]
    times = [_time(unit * (n // len(unit))) for n in sizes]
    # 10x the input costs about 10x; quadratic would be 100x. Slack for a loaded machine.
    assert times[2] < 30 * times[0] + 0.05, times
