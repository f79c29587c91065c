"""pygls protocol changes: resolint keeps its own documents; bad params get an error.

- Document sync: pygls's workspace splits lines with ``str.splitlines`` (see
  :mod:`resolint.lsp.documents`), so ``didOpen``/``didChange``/``didClose`` go straight
  to the server's handlers and pygls's copy is never built.
- A request whose params do not match the LSP types is answered with ``InvalidParams``
  (pygls 2.1 logs it and never answers, which leaves the client waiting for ever).
- pygls 2.1 keeps the future of every notification handled by a generator or a
  coroutine (``didChange`` among them) in ``_request_futures`` for ever: one leaked
  future per keystroke. Ours are dropped when done.
- Diagnostics are published with their JSON written out (:mod:`resolint.lsp.publish`),
  as text kept per diagnostic between notifications (``_send_data``), and so is the
  answer to a pull of them (:meth:`ResolintProtocol.full_report`); a result the server
  wrote as JSON text itself (:mod:`resolint.lsp.json_text`: the outline, that answer) is
  sent as it is.
- Lifecycle, as the spec asks and pygls 2.1 does not: a request before ``initialize`` is
  answered ``ServerNotInitialized`` (-32002) and a notification then is dropped (pygls
  handles both); a second ``initialize`` and any request after ``shutdown`` get
  ``InvalidRequest`` (-32600) (pygls drops them silently, so the client waits for ever).

These override private names of pygls (``_execute_handler``, ``_request_futures``,
``_send_response``, ``_send_data``, ``_shutdown``): pyproject.toml pins pygls to the 2.1 series.
"""

from __future__ import annotations

import asyncio
import inspect
import logging

from lsprotocol import types
from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInternalError,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcMethodNotFound,
    JsonRpcServerNotInitialized,
)
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

from resolint.lsp.json_text import JsonText, response_text
from resolint.lsp.publish import PublishedText, notification_json

log = logging.getLogger(__name__)


class _NoDeserializeTraceback(logging.Filter):
    """Drops pygls's "Unable to deserialize message" record, a traceback of cattrs'
    several screens long that a client's malformed params wrote to the editor's output
    panel: ``ResolintProtocol.structure_message`` logs one line for it instead. A request
    the client got wrong in another way (a command that does not exist: an
    InvalidParams, MethodNotFound or InvalidRequest error, answered as such) is logged on
    one line, without pygls's traceback: the client's mistake, not the server's."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(record.msg, str):
            return True
        if record.msg.startswith("Unable to deserialize message"):
            return False
        exc = record.exc_info[1] if record.exc_info else None
        if record.msg.startswith("Exception occurred for message") and isinstance(exc, _CLIENT_ERRORS):
            record.msg, record.args = f"{record.getMessage()}: {exc}", ()
            record.exc_info = record.exc_text = None
        return True


#: Errors a request gets for what the client sent (answered to the client as such).
_CLIENT_ERRORS = (JsonRpcInvalidParams, JsonRpcMethodNotFound, JsonRpcInvalidRequest)


logging.getLogger("pygls.protocol.json_rpc").addFilter(_NoDeserializeTraceback())


class _Answered:
    """Stands for a message already answered with an error: handling it does nothing."""

    jsonrpc = None


class ResolintProtocol(LanguageServerProtocol):
    _initialize_seen = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: The text of each open document's diagnostics as last published.
        self.published = PublishedText()

    def _send_data(self, data):
        # pygls's own, but for diagnostics: their text is put together from what the
        # last notifications of the document sent (resolint.lsp.publish.PublishedText);
        # and for a result the server wrote as JSON text (resolint.lsp.json_text).
        if self.writer is None:
            return super()._send_data(data)
        if isinstance(getattr(data, "result", None), JsonText):
            return self._write_body(response_text(data.id, data.result))
        if not isinstance(data, types.PublishDiagnosticsNotification):
            return super()._send_data(data)
        try:
            body = self.published.text(data, self._converter.unstructure)  # ASCII: json.dumps escapes the rest
        except Exception:  # a bug here must not cost the diagnostics: pygls's way
            log.exception("writing the diagnostics' text failed; sending them as pygls does")
            return super()._send_data(data)
        self._write_body(body)

    def full_report(self, uri: str, result_id: str | None, diagnostics: list[types.Diagnostic]) -> JsonText:
        """A pull's full diagnostic report, written from the diagnostics' kept texts
        (:meth:`resolint.lsp.publish.PublishedText.report`)."""
        return self.published.report(uri, result_id, diagnostics, self._converter.unstructure)

    def _write_body(self, body: str) -> None:
        """Send a message's JSON text (ASCII) with its header, as pygls's ``_send_data`` does."""
        header = f"Content-Length: {len(body)}\r\nContent-Type: {self.CONTENT_TYPE}; charset={self.CHARSET}\r\n\r\n"
        try:
            res = self.writer.write(((header if self._include_headers else "") + body).encode(self.CHARSET))
            if inspect.isawaitable(res):
                asyncio.ensure_future(res)
        except BrokenPipeError:  # as pygls: the client is gone
            log.exception("Error sending data. BrokenPipeError")
            raise
        except Exception as error:
            log.exception("Error sending data")
            self._server._report_server_error(error, JsonRpcInternalError)

    def _serialize_message(self, data):
        # Diagnostics are most of what the server sends after each keystroke: their JSON
        # is written out instead of walked by cattrs (see resolint.lsp.publish).
        if isinstance(data, types.PublishDiagnosticsNotification):
            return notification_json(data, self._converter.unstructure)
        return super()._serialize_message(data)

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                log.warning("invalid params for %s (request %s)", data.get("method"), data.get("id"))
                self._send_response(data["id"], None, exc.to_response_error())
                return _Answered()
            if isinstance(data, dict) and not any(k in data for k in ("method", "result", "error")):
                return self._invalid_request(data)
            if isinstance(data, dict) and "method" in data and "id" not in data:
                # A notification gets no reply, and an "Error in server" shown to the user
                # says nothing they can act on: the log line is the record.
                log.warning("invalid params for notification %s: dropped", data.get("method"))
                return _Answered()
            log.warning("a message that is no valid message: %s", type(data).__name__)
            raise

    def _invalid_request(self, data: dict) -> _Answered:
        """``{"jsonrpc": "2.0"}``, ``{"jsonrpc": "2.0", "id": 7}``: neither a request, a
        notification nor a response. Answered -32600 (with its id when it has a usable
        one), as JSON-RPC asks; pygls raised, and the user saw "Error in server"."""
        msg_id = data.get("id")
        if not isinstance(msg_id, (int, str)) or isinstance(msg_id, bool):
            msg_id = None
        log.warning("a message with no method, result or error: InvalidRequest")
        message = "Invalid request: a message needs a method (request, notification) or a result or error (response)"
        self.error_reply(msg_id, JsonRpcInvalidRequest.CODE, message)
        return _Answered()

    def error_reply(self, msg_id: int | str | None, code: int, message: str) -> None:
        """A JSON-RPC error reply, as a plain dict: the typed message would drop ``"id":
        null``, which the spec requires when the id cannot be read."""
        self._send_data({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        if callback == self._check_handler_result:  # a notification: nobody pops its future

            def done(future, _check=callback, _id=msg_id):
                # A cancelled one is being cancelled by ``shutdown`` while it iterates
                # over the futures: leave the dict alone then (the session is ending).
                if not future.cancelled():
                    self._request_futures.pop(_id, None)
                _check(future)

            callback = done
        return super()._execute_handler(msg_id, handler, callback, args, kwargs)

    def handle_message(self, message):
        if isinstance(message, _Answered):
            return
        method = getattr(message, "method", None)
        if method is not None and getattr(message, "jsonrpc", None) == self.VERSION and not self._lifecycle_allows(message, method):
            return
        return super().handle_message(message)

    def _lifecycle_allows(self, message, method: str) -> bool:
        """Whether ``message`` may be handled now; if not, it has been answered or dropped."""
        is_request = hasattr(message, "id")
        if method == types.EXIT:
            return True
        if self._shutdown:
            if is_request:
                log.warning("request %s (%s) after shutdown: InvalidRequest", message.id, method)
                self._send_response(
                    message.id, None, JsonRpcInvalidRequest("the server is shutting down: only exit is accepted").to_response_error()
                )
            else:
                log.info("notification %s after shutdown dropped", method)
            return False
        if method == types.INITIALIZE:
            if self._initialize_seen:
                self._send_response(message.id, None, JsonRpcInvalidRequest("initialize may only be sent once").to_response_error())
                return False
            self._initialize_seen = True
            return True
        if not self._initialize_seen:
            if is_request:
                log.warning("request %s (%s) before initialize: ServerNotInitialized", message.id, method)
                self._send_response(
                    message.id, None, JsonRpcServerNotInitialized("the server is not initialized: send initialize first").to_response_error()
                )
            else:
                log.warning("notification %s before initialize dropped", method)
            return False
        return True

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None
