"""pygls protocol changes: resolint keeps its own documents; bad params get an error.

- Document sync: pygls's workspace splits lines with ``str.splitlines`` (see
  :mod:`resolint.lsp.documents`), so ``didOpen``/``didChange``/``didClose`` go straight
  to the server's handlers and pygls's copy is never built.
- A request whose params do not match the LSP types is answered with ``InvalidParams``
  (pygls 2.1 logs it and never answers, which leaves the client waiting for ever).
- pygls 2.1 keeps the future of every notification handled by a generator or a
  coroutine (``didChange`` among them) in ``_request_futures`` for ever: one leaked
  future per keystroke. Ours are dropped when done.
"""

from __future__ import annotations

import logging

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

log = logging.getLogger(__name__)


class _Answered:
    """Stands for a message already answered with an error: handling it does nothing."""

    jsonrpc = None


class ResolintProtocol(LanguageServerProtocol):
    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                log.warning("invalid params for %s (request %s)", data.get("method"), data.get("id"))
                self._send_response(data["id"], None, exc.to_response_error())
                return _Answered()
            raise

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
        return super().handle_message(message)

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
