"""Diagnostics' JSON written out (resolint.lsp.publish) equals what pygls's converter makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pygls.protocol import default_converter

from resolint.config import Settings
from resolint.lsp.publish import notification_json
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state

ROOT = Path(__file__).resolve().parents[2]
DRAFTS = sorted(ROOT.glob("fixtures/rules/*.txt")) + sorted(ROOT.glob("fixtures/*.txt"))
CONVERT = default_converter()


def _notification(diagnostics: list[types.Diagnostic], version: int | None) -> types.PublishDiagnosticsNotification:
    return types.PublishDiagnosticsNotification(
        params=types.PublishDiagnosticsParams(uri="file:///d.txt", diagnostics=diagnostics, version=version)
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_written_out_json_is_the_converters_for_real_findings(encoding):
    project, editor = ProjectSettings(Settings(), None), EditorSettings()
    seen = 0
    for path in DRAFTS:
        state = build_state("file:///d.txt", 3, path.read_text(encoding="utf-8"), None, project, editor, None, encoding)
        seen += len(state.diagnostics)
        for version in (3, None):
            note = _notification(state.diagnostics, version)
            assert notification_json(note, CONVERT.unstructure) == CONVERT.unstructure(note), path.name
    assert seen > 100  # fixes, severities, every rule's kind of finding


def test_fields_resolint_does_not_set_are_left_to_the_converter():
    rng = types.Range(types.Position(0, 1), types.Position(2, 3))
    odd = [
        types.Diagnostic(range=rng, message="tagged", tags=[types.DiagnosticTag.Unnecessary]),
        types.Diagnostic(
            range=rng,
            message="related",
            related_information=[types.DiagnosticRelatedInformation(types.Location("file:///e.txt", rng), "there")],
            data=["not", "a", "dict"],
        ),
        types.Diagnostic(range=rng, message="bare"),
    ]
    note = _notification(odd, 1)
    assert notification_json(note, CONVERT.unstructure) == CONVERT.unstructure(note)


def test_the_server_sends_published_diagnostics_written_out(monkeypatch):
    from resolint.lsp import protocol
    from resolint.lsp.server import server

    calls = []
    monkeypatch.setattr(protocol, "notification_json", lambda note, unstructure: calls.append(note) or {"written": "out"})
    note = _notification([], 1)
    assert server.protocol._serialize_message(note) == {"written": "out"} and calls == [note]
    other = types.LogMessageNotification(params=types.LogMessageParams(types.MessageType.Info, "hello"))
    assert server.protocol._serialize_message(other) == CONVERT.unstructure(other)
