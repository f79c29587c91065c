"""The JSON of a ``textDocument/publishDiagnostics`` notification, written out.

pygls turns a message into JSON through cattrs, which walks every attribute of every
object by its declared type: for the 200 diagnostics of a 1 MB draft that took 2-3 ms
of each keystroke's answer, ten times what building the same dictionaries directly costs.
:func:`notification_json` builds them for the fields resolint's diagnostics carry and
leaves anything else (tags, related information) to the converter, so the JSON is the
same either way; ``tests/lsp/test_publish.py`` compares the two on real findings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lsprotocol import types


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
