"""Reading LSP frames from a byte stream that may be broken, without going deaf.

An LSP stream is a sequence of frames: header lines (``Content-Length: N``, optionally
``Content-Type``), a blank line, then N bytes of JSON. pygls 2.1 reads exactly that and
nothing else: a ``Content-Length`` one byte off, missing, negative or not a number, or
headers ending in LF only, leave it waiting for a header that never comes, deaf for the
rest of the session (not even ``exit`` is heard); ``Content-Length: 1000000000000`` makes
it allocate a terabyte and die of ``MemoryError``.

:class:`FrameDecoder` is a sans-IO decoder (bytes in, events out) that the server loop,
the tests and the fuzzer drive alike. What it does with a broken stream:

- Header lines may end in CRLF or LF; header names are case-insensitive; unknown
  headers are ignored (the spec allows them).
- **Resynchronize**: bytes that are not a header are skipped up to the next
  ``Content-Length:`` (anywhere in a line: a body without a newline runs straight into
  the next header), with one :class:`Problem` per run of junk.
- **Repair when the JSON says where it ends**: a body that is one complete JSON value
  followed by the start of the next frame (``Content-Length`` too large) is read, and the
  rest is put back; a body whose JSON is cut short (too small) is completed with the
  bytes before the next header. A header block with no usable length is followed by a
  JSON value read the same way. Each repair comes with a note.
- **Stalls**: a body waiting for bytes that do not come (the length was too large and
  the client is waiting for our answer) is read as it stands after ``stall`` seconds if
  it is complete JSON (:meth:`FrameDecoder.stalled`).
- **Limit**: a frame larger than ``max_frame`` is refused without reading it into
  memory; its bytes are skipped as junk. Junk is never kept beyond one header line.

A body that still is not JSON is passed on as it is, and the protocol answers it with
a JSON-RPC parse error (id null).
"""

from __future__ import annotations

import json
import re

from resolint.records import record

#: Frames larger than this are refused (a 5 MB draft is about 6 MB of JSON; 10 MB of
#: non-ASCII text escaped as \\uXXXX is 60 MB).
MAX_FRAME = 64 * 1024 * 1024
#: A header line is never longer than this; a longer "line" is junk.
MAX_HEADER_LINE = 8 * 1024
#: A body cut short is completed only from this many following bytes.
MAX_REPAIR = 4 * 1024
#: Seconds without input after which a waiting body is read as it stands.
STALL_SECONDS = 0.5

_CONTENT_LENGTH = re.compile(rb"content-length[ \t]*:", re.IGNORECASE)
_HEADER = re.compile(rb"[A-Za-z0-9!#$%&'*+.^_`|~-]+[ \t]*:")
_LENGTH_VALUE = re.compile(rb"[ \t]*(\d{1,20})[ \t]*")
_KEEP = 32  # bytes kept from skipped junk, in case a header starts there

_HEADERS, _BODY, _GUESS, _SKIP = "headers", "body", "guess", "skip"


@record(frozen=True, slots=True)
class Message:
    """A frame's body to hand to the protocol; ``note`` says how it was repaired."""

    body: bytes
    note: str | None = None


@record(frozen=True, slots=True)
class Problem:
    """Something wrong with the framing, to log (the stream goes on)."""

    text: str


Event = Message | Problem


def _json_prefix(data: bytes) -> tuple[int, int] | None:
    """(start, end) in bytes of the JSON value at the start of ``data`` (after
    whitespace), or None when ``data`` does not start with a complete JSON value."""
    text = data.decode("utf-8", "surrogateescape")
    stripped = text.lstrip(" \t\r\n")
    lead = len(text) - len(stripped)
    if not stripped or stripped[0] not in "{[":
        return None  # a message is an object (or a batch); no guessing at bare values
    try:
        _, end = json.JSONDecoder().raw_decode(stripped)
    except (ValueError, RecursionError):
        return None
    start_b = len(text[:lead].encode("utf-8", "surrogateescape"))
    end_b = start_b + len(stripped[:end].encode("utf-8", "surrogateescape"))
    return start_b, end_b


def _looks_whole(data: bytes) -> bool:
    data = data.strip()
    return data[:1] in (b"{", b"[") and data[-1:] in (b"}", b"]")


#: Bodies up to this size are checked to be JSON here, so a wrong length can be
#: repaired; larger ones that start and end like a message are parsed once, later.
_VALIDATE_UP_TO = 1024 * 1024


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        return False
    return True


class FrameDecoder:
    """Turns stream bytes into :class:`Message` and :class:`Problem` events."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self.max_frame = max_frame
        self._buf = bytearray()
        self._state = _HEADERS
        self._length: int | None = None  # Content-Length of the header block being read
        self._bad_length: bytes | None = None  # an unusable Content-Length value seen
        self._other_headers = 0
        self._prefix = b""  # in _GUESS: body bytes already read (a body cut short)
        self._junk = 0  # bytes skipped in the current run of junk
        self._skip_reason: str | None = None
        self._guess_reason = ""

    # -- public --------------------------------------------------------------------
    @property
    def waiting(self) -> bool:
        """Whether bytes are held that a stall could resolve (a body, a guess, junk)."""
        if self._state in (_BODY, _GUESS):
            return True
        return self._state == _HEADERS and bool(bytes(self._buf).strip())

    def feed(self, data: bytes) -> list[Event]:
        self._buf += data
        out: list[Event] = []
        self._drain(out, stalled=False)
        return out

    def stalled(self) -> list[Event]:
        """No input came for a while: settle everything that can be settled with what is
        held. No more bytes are coming, so one broken frame settled may uncover the next
        one waiting (another body whose length is too large): settle again while the held
        bytes shrink, rather than leave it for the next stall (a client waiting for our
        answer would never send one)."""
        out: list[Event] = []
        while True:
            held = len(self._buf)
            self._settle_stalled(out)
            if len(self._buf) >= held or not self.waiting:
                return out

    def _settle_stalled(self, out: list[Event]) -> None:
        if self._state == _BODY:
            # The length was too large: the client sent less and is waiting for us.
            held = bytes(self._buf)
            span = _json_prefix(held)
            if span is not None:
                del self._buf[: span[1]]  # what follows the message is read as frames
                out.append(Message(held[span[0]: span[1]], f"Content-Length was {self._length} but only {span[1]} bytes came; read them"))
                self._reset_block()
            elif (m := _CONTENT_LENGTH.search(held)) is not None:
                del self._buf[: m.start()]
                out.append(Problem(f"a frame of Content-Length {self._length} was cut short by the next header; dropped"))
                self._reset_block()
        elif self._state == _HEADERS and bytes(self._buf).strip():
            # Bytes with no header at all: a body sent without one?
            self._state, self._prefix = _GUESS, b""
            self._guess_reason = "a message came without a header"
        if self._state == _GUESS:
            self._settle_guess(out, final=True)
        self._drain(out, stalled=True)

    # -- the machine ---------------------------------------------------------------
    def _reset_block(self) -> None:
        self._state = _HEADERS
        self._length = None
        self._bad_length = None
        self._other_headers = 0

    def _drain(self, out: list[Event], stalled: bool) -> None:
        while True:
            if self._state == _BODY:
                if len(self._buf) < (self._length or 0):
                    return
                body = bytes(self._buf[: self._length])
                del self._buf[: self._length]
                self._reset_block()
                self._body(body, out)
                continue
            if self._state == _GUESS:
                if not self._settle_guess(out, final=stalled):
                    return
                continue
            nl = self._buf.find(b"\n")
            if nl < 0:
                if len(self._buf) > MAX_HEADER_LINE:
                    self._drop_unterminated(out)
                return
            if nl + 1 > MAX_HEADER_LINE and not _CONTENT_LENGTH.search(self._buf, 0, nl + 1):
                self._skip(out, nl + 1)
                continue
            line = bytes(self._buf[: nl + 1])
            del self._buf[: nl + 1]
            self._line(line, out)

    def _drop_unterminated(self, out: list[Event]) -> None:
        """A "line" longer than any header: keep only where a header may be starting."""
        tail = len(self._buf) - MAX_HEADER_LINE
        m = _CONTENT_LENGTH.search(self._buf, max(1, tail))
        self._skip(out, m.start() if m is not None else len(self._buf) - _KEEP)

    def _skip(self, out: list[Event], n: int) -> None:
        if n > 0:
            self._count_junk(out, n)
            del self._buf[:n]

    def _line(self, line: bytes, out: list[Event]) -> None:
        m = _CONTENT_LENGTH.search(line)
        if m is not None and m.start() > 0:
            # A header after junk on the same line (a body ran into the next header).
            if self._state != _SKIP:
                self._skip_reason = "bytes before a header"
            if self._length is not None or self._other_headers:
                out.append(Problem("a header block broken by bytes that are not a header; it is dropped"))
                self._reset_block()
            self._count_junk(out, m.start())
            line = line[m.start():]
        content = line.rstrip(b"\r\n")
        if self._state == _SKIP:
            if m is None:
                self._count_junk(out, len(line))
                return
            self._end_junk()
            self._reset_block()
        if not content.strip():
            self._end_of_headers(out)
            return
        if m is not None:
            if self._junk:
                self._end_junk()
            value = content[m.end() - m.start():]
            vm = _LENGTH_VALUE.fullmatch(value)
            if vm is None:
                self._bad_length = value[:40]
                self._length = None
            else:
                n = int(vm.group(1))
                if self._length is not None and self._length != n:
                    out.append(Problem(f"two Content-Length headers ({self._length}, {n}); using the last"))
                self._length, self._bad_length = n, None
            return
        if _HEADER.match(content):
            self._other_headers += 1
            return
        # Not a header: junk, up to the next Content-Length.
        if self._length is not None or self._bad_length is not None or self._other_headers:
            out.append(Problem("a header block broken by a line that is not a header; it is dropped"))
            self._reset_block()
        self._count_junk(out, len(line))

    def _count_junk(self, out: list[Event], n: int) -> None:
        if self._junk == 0:
            reason = self._skip_reason or "bytes that are not a header"
            out.append(Problem(f"skipping {reason} until the next Content-Length header"))
        self._junk += max(1, n)
        self._state = _SKIP if self._state == _HEADERS else self._state

    def _end_junk(self) -> None:
        self._junk = 0
        self._skip_reason = None
        if self._state == _SKIP:
            self._state = _HEADERS

    def _end_of_headers(self, out: list[Event]) -> None:
        length, bad, others = self._length, self._bad_length, self._other_headers
        self._reset_block()
        if length is not None:
            if length > self.max_frame:
                out.append(Problem(f"refused a frame of {length:,} bytes (the limit is {self.max_frame:,})"))
                self._skip_reason = "the refused frame's bytes"
                self._state = _SKIP
                self._junk = 0
                return
            if length == 0:
                out.append(Problem("a frame with Content-Length 0 (no message) was ignored"))
                return
            self._state = _BODY
            self._length = length
            return
        if bad is not None or others:
            why = f"an unusable Content-Length {bad.decode('latin-1')!r}" if bad is not None else "no Content-Length"
            out.append(Problem(f"a header block with {why}; reading the JSON message that follows"))
            self._state, self._prefix = _GUESS, b""
            self._guess_reason = why
        # A blank line between frames: nothing to do.

    def _body(self, body: bytes, out: list[Event]) -> None:
        if _looks_whole(body) and (len(body) > _VALIDATE_UP_TO or _is_json(body)):
            out.append(Message(body))  # a large body is parsed once, by the protocol
            return
        span = _json_prefix(body)
        if span is not None and bytes(body[span[1]:]).strip():
            # Too long: a complete message, then the start of the next frame.
            rest = body[span[1]:]
            self._buf[0:0] = rest
            out.append(Message(body[: span[1]], f"Content-Length was {len(body)} but the message is {span[1]} bytes; "
                                                "the rest is read as the next frame"))
            return
        # Perhaps too short: completed by the bytes before the next header.
        self._state, self._prefix = _GUESS, body
        self._guess_reason = "short"
        self._settle_guess(out, final=False)

    def _settle_guess(self, out: list[Event], final: bool) -> bool:
        """Try to read one JSON message from ``_prefix`` + the bytes before the next
        header; return whether the guess is settled (read, or given up)."""
        m = _CONTENT_LENGTH.search(self._buf)
        limit = MAX_REPAIR if self._prefix else self.max_frame
        end = m.start() if m is not None else len(self._buf)
        if end > limit:
            end = limit
            final = True
        candidate = self._prefix + bytes(self._buf[:end])
        if m is None and not final and not candidate.rstrip().endswith((b"}", b"]")):
            return False  # cannot be a whole message yet: do not parse it again
        span = _json_prefix(candidate)
        if span is not None:
            used = span[1] - len(self._prefix)
            body = candidate[span[0]: span[1]]
            if used > 0:
                del self._buf[:used]
            how = (f"Content-Length was {len(self._prefix)} but the message is {len(body)} bytes"
                   if self._prefix else f"{self._guess_reason}: read the JSON message that followed")
            out.append(Message(body, how))
            self._prefix = b""
            self._reset_block()
            return True
        if m is None and not final:
            return False  # more bytes may complete it
        prefix = self._prefix
        self._prefix = b""
        self._reset_block()
        if prefix:
            out.append(Message(prefix))  # not JSON: answered with a parse error
        elif self._buf.strip():
            self._skip_reason = "bytes that are not a message"
        return True
