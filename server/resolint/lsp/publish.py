"""The JSON of a ``textDocument/publishDiagnostics`` notification, written out.

pygls turns a message into JSON through cattrs, which walks every attribute of every
object by its declared type: for the 200 diagnostics of a 1 MB draft that took 2-3 ms
of each keystroke's answer, ten times what building the same dictionaries directly costs.
:func:`notification_json` builds them for the fields resolint's diagnostics carry and
leaves anything else (tags, related information) to the converter, so the JSON is the
same either way; ``tests/lsp/test_publish.py`` compares the two on real findings.

Even written out, the dictionaries and ``json.dumps`` of them were 5 ms of every
keystroke's answer on a 1 MB draft with 200 findings, although after a keystroke almost
every diagnostic is the one sent last time. :class:`PublishedText` writes the
notification's text itself from each diagnostic's JSON text, kept between notifications
of a document: only the diagnostics the edit changed are encoded again. The answer to a
pull of diagnostics (VS Code pulls them) is written from the same texts
(:meth:`PublishedText.report`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from lsprotocol import types

from resolint.generations import MISSING, Generations
from resolint.lsp.json_text import JsonText
from resolint.lsp.state import KEPT_MEMOS


def _position(p: types.Position) -> dict[str, int]:
    return {"line": p.line, "character": p.character}


def diagnostic_json(d: types.Diagnostic, unstructure: Callable[[Any], Any]) -> dict[str, Any]:
    """``unstructure(d)``, built directly when ``d`` holds only the usual fields."""
    if d.tags is not None or d.related_information is not None:
        return unstructure(d)
    out: dict[str, Any] = {"range": {"start": _position(d.range.start), "end": _position(d.range.end)}, "message": d.message}
    if d.severity is not None:
        out["severity"] = int(d.severity)  # an IntEnum (or a plain number), as the converter writes it
    if d.code is not None:
        out["code"] = d.code
    if d.code_description is not None:
        out["codeDescription"] = {"href": d.code_description.href}
    if d.source is not None:
        out["source"] = d.source
    if d.data is not None:
        out["data"] = unstructure(d.data) if not isinstance(d.data, dict) else d.data
    return out


def notification_json(note: types.PublishDiagnosticsNotification, unstructure: Callable[[Any], Any]) -> dict[str, Any]:
    """What ``unstructure(note)`` gives for a publishDiagnostics notification."""
    p = note.params
    params: dict[str, Any] = {"uri": p.uri, "diagnostics": [diagnostic_json(d, unstructure) for d in p.diagnostics]}
    if p.version is not None:
        params["version"] = p.version
    return {"params": params, "method": note.method, "jsonrpc": note.jsonrpc}


#: Documents whose diagnostics' texts are kept (the least recently published go first).
#: A text is reused for the same diagnostic object only, which a document's next lint
#: hands on for the documents linted last alone (:data:`resolint.lsp.state.KEPT_MEMOS`:
#: another's diagnostics are converted afresh): 32 kept up to 24 documents' texts that
#: could not be reused, with their diagnostics (7 MB for drafts with 121 findings).
_KEPT_DOCUMENTS = KEPT_MEMOS


class PublishedText:
    """The text of publishDiagnostics notifications: ``json.dumps`` of
    :func:`notification_json`, character for character, from each diagnostic's text as
    the last notifications of its document had it.

    A kept text is found by the diagnostic object itself: the server hands the next
    version the same object for a finding the edit did not move
    (:mod:`resolint.lsp.diagnostic_memo`), and never changes a diagnostic once made; an
    entry holds the object, so its identity cannot pass to another while kept. Each
    document keeps what its last two notifications used
    (:class:`~resolint.generations.Generations`)."""

    def __init__(self) -> None:
        self._documents: dict[str, Generations] = {}
        #: Diagnostics whose kept text the last :meth:`text` used (for tests and benchmarks).
        self.reused = 0

    def forget(self, uri: str) -> None:
        """The document is closed: drop what was kept for it."""
        self._documents.pop(uri, None)

    def text(self, note: types.PublishDiagnosticsNotification, unstructure: Callable[[Any], Any]) -> str:
        """``json.dumps(notification_json(note, unstructure))``."""
        p = note.params
        pieces = self._pieces(p.uri, p.diagnostics, unstructure)
        head = '{"params": {"uri": ' + json.dumps(p.uri) + ', "diagnostics": [' + ", ".join(pieces) + "]"
        version = "" if p.version is None else ', "version": ' + json.dumps(p.version)
        return head + version + '}, "method": ' + json.dumps(note.method) + ', "jsonrpc": ' + json.dumps(note.jsonrpc) + "}"

    def report(self, uri: str, result_id: str | None, diagnostics: list[types.Diagnostic],
               unstructure: Callable[[Any], Any]) -> JsonText:
        """The JSON of a full diagnostic report of ``uri`` (the answer to a pull, which is
        how VS Code asks), from the diagnostics' texts kept as for :meth:`text`."""
        pieces = self._pieces(uri, diagnostics, unstructure)
        result = "" if result_id is None else ', "resultId": ' + json.dumps(result_id)
        return JsonText('{"kind": "full"' + result + ', "items": [' + ", ".join(pieces) + "]}")

    def _pieces(self, uri: str, diagnostics: list[types.Diagnostic], unstructure: Callable[[Any], Any]) -> list[str]:
        """The text of each diagnostic, kept for the document's next ones."""
        kept = self._documents.pop(uri, None)
        if kept is None:
            kept = Generations()
        if len(self._documents) >= _KEPT_DOCUMENTS:
            del self._documents[next(iter(self._documents))]
        self._documents[uri] = kept  # the most recent last
        self.reused = 0
        pieces = [self._diagnostic(d, kept, unstructure) for d in diagnostics]
        kept.next_round()
        return pieces

    def _diagnostic(self, d: types.Diagnostic, kept: Generations, unstructure: Callable[[Any], Any]) -> str:
        hit = kept.get(id(d))
        if hit is MISSING:
            hit = (d, json.dumps(diagnostic_json(d, unstructure)))
            kept.put(id(d), hit)
        else:
            self.reused += 1
        return hit[1]
