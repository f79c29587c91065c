"""Coverage-guided fuzzing of the language server's frame decoder (atheris).

Each input is a stream of bytes from a client, cut into chunks where the input says
(the first bytes choose chunk sizes and where input stalls). Properties, for any input:

- the decoder never raises;
- memory is bounded: it never holds more than a frame's limit plus one header line and
  one read chunk, and never hands on a message larger than the limit;
- it is never deaf: after any junk and a stall, a well-formed frame is read.

Run through ``fuzz/run_targets.sh`` (bounded, for CI) or directly:
``python fuzz/fuzz_lsp_framing.py CORPUS_DIR -max_total_time=600``.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports(include=["resolint.lsp.framing"]):
    from resolint.lsp import framing
    from resolint.lsp.framing import FrameDecoder, Message

MAX_FRAME = 4096  # small, so that the limits are reached by short inputs
CHUNK = 512
PROBE = json.dumps({"jsonrpc": "2.0", "id": 424242, "method": "probe"}).encode()
PROBE_FRAME = b"Content-Length: %d\r\n\r\n" % len(PROBE) + PROBE


def _check(decoder: FrameDecoder, events) -> list[bytes]:
    bound = MAX_FRAME + framing.MAX_HEADER_LINE + framing.MAX_REPAIR + CHUNK
    assert len(decoder._buf) <= bound, f"decoder holds {len(decoder._buf)} bytes"
    bodies = [e.body for e in events if isinstance(e, Message)]
    for body in bodies:
        assert len(body) <= MAX_FRAME + framing.MAX_REPAIR, f"message of {len(body)} bytes"
    return bodies


def test_one_input(data: bytes) -> None:
    if len(data) < 2:
        return
    fdp = atheris.FuzzedDataProvider(data)
    plan = fdp.ConsumeBytes(8)
    stream = fdp.ConsumeBytes(fdp.remaining_bytes())
    decoder = FrameDecoder(max_frame=MAX_FRAME)
    pos, i = 0, 0
    while pos < len(stream):
        step = 1 + (plan[i % len(plan)] if plan else 7) * 3 % CHUNK
        _check(decoder, decoder.feed(stream[pos: pos + step]))
        if plan and plan[i % len(plan)] % 5 == 0:
            _check(decoder, decoder.stalled())
        pos += step
        i += 1
    _check(decoder, decoder.stalled())
    # Never deaf: after whatever came, a stall, then a good frame (twice: the first may
    # still be eaten as the end of a broken frame), the probe is read.
    bodies = _check(decoder, decoder.feed(b"\r\n" + PROBE_FRAME))
    bodies += _check(decoder, decoder.stalled())
    bodies += _check(decoder, decoder.feed(PROBE_FRAME))
    bodies += _check(decoder, decoder.stalled())
    assert PROBE in bodies, f"deaf after {stream[:200]!r}"


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
