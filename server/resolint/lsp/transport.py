"""The server's read loop: bytes from stdin or a socket, through :class:`FrameDecoder`.

This replaces pygls's ``run_async`` (see :mod:`resolint.lsp.framing` for why): the
decoder resynchronizes after a broken frame and refuses oversized ones, and the loop
tells it when input has stalled so a body waiting for bytes that will not come is
settled. Messages go to the protocol exactly as pygls hands them over
(``json.loads(body, object_hook=protocol.structure_message)``, then
``protocol.handle_message``); framing problems are logged on stderr and sent to the
client as ``window/logMessage``.

Stdin is read by a daemon thread (so a blocked read never holds up the exit) into a
small queue, which also bounds how far reading runs ahead of handling.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from resolint.lsp.framing import STALL_SECONDS, FrameDecoder, Message, Problem

log = logging.getLogger("resolint.lsp.transport")

CHUNK = 64 * 1024


class FdSource:
    """Chunks read from a file descriptor by a daemon thread."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._queue: asyncio.Queue[bytes] | None = None

    def _start(self) -> None:
        loop = asyncio.get_running_loop()
        self._queue = asyncio.Queue(maxsize=4)
        queue = self._queue

        def pump() -> None:
            while True:
                try:
                    chunk = os.read(self.fd, CHUNK)
                except OSError as exc:
                    log.error("reading the client's input failed: %s", exc)
                    chunk = b""
                try:
                    asyncio.run_coroutine_threadsafe(queue.put(chunk), loop).result()
                except Exception:  # the loop is gone: the server is exiting
                    return
                if not chunk:
                    return

        threading.Thread(target=pump, name="resolint-stdin", daemon=True).start()

    async def read(self, timeout: float | None) -> bytes | None:
        """The next chunk; b"" at end of input; None if ``timeout`` passed first."""
        if self._queue is None:
            self._start()
        assert self._queue is not None
        try:
            return await asyncio.wait_for(self._queue.get(), timeout)
        except TimeoutError:
            return None


class StreamSource:
    """Chunks from an asyncio stream (the TCP transport)."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self.reader = reader

    async def read(self, timeout: float | None) -> bytes | None:
        try:
            return await asyncio.wait_for(self.reader.read(CHUNK), timeout)
        except TimeoutError:
            return None


async def serve(
    source: Any,
    protocol: Any,
    stop_event: threading.Event,
    error_handler: Callable[[Exception, Any], Any] | None = None,
    decoder: FrameDecoder | None = None,
    stall: float = STALL_SECONDS,
) -> None:
    """Read frames until end of input (or ``stop_event``) and hand them to ``protocol``."""
    decoder = decoder or FrameDecoder()
    while not stop_event.is_set():
        chunk = await source.read(stall if decoder.waiting else None)
        if chunk is None:
            events = decoder.stalled()
        elif not chunk:
            for event in decoder.stalled():  # what is held may still be a message
                _dispatch(event, protocol, error_handler, JsonRpcException)
            break
        else:
            events = decoder.feed(chunk)
        for event in events:
            _dispatch(event, protocol, error_handler, JsonRpcException)


def _dispatch(event, protocol, error_handler, source_kind) -> None:
    if isinstance(event, Problem):
        _report(protocol, f"resolint: broken LSP framing from the client: {event.text}")
        return
    assert isinstance(event, Message)
    if event.note:
        _report(protocol, f"resolint: repaired an LSP frame from the client: {event.note}")
    try:
        message = _parsed(event.body, protocol)
        protocol.handle_message(message)
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:
        log.warning("unable to handle a message: %s", exc)
        if error_handler is not None:
            error_handler(exc, source_kind)


def _parsed(body: bytes, protocol):
    """The message in ``body``. JSON nested too deeply for the parser (``[[[…]]]`` 200,000
    deep) is a parse error like any body that is not JSON: the reply is -32700. (Its
    RecursionError got no reply at all, only pygls's "Error in server" to the user.)"""
    try:
        return json.loads(body, object_hook=protocol.structure_message)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply", "", 0) from None


def _report(protocol, text: str) -> None:
    log.warning("%s", text)
    try:
        protocol.notify(types.WINDOW_LOG_MESSAGE, types.LogMessageParams(type=types.MessageType.Warning, message=text))
    except Exception:  # telling the client is a courtesy; the log line is the record
        log.debug("could not send a log message", exc_info=True)
