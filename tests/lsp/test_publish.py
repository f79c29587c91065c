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


# -- the notification's text, kept per diagnostic between notifications ------------------
def _pygls_text(note: types.PublishDiagnosticsNotification) -> str:
    """What pygls sends: json.dumps of the message, the written-out dictionaries inside."""
    import json

    return json.dumps(note, default=lambda m: notification_json(m, CONVERT.unstructure))


def _successive_states(seed: int, versions: int):
    """(version, lint state) of successive versions of one document (40 fixture drafts,
    edited at random between versions), linted as the server lints them."""
    import random

    from resolint.incremental import IncrementalLinter

    project, editor, linter = ProjectSettings(Settings(), None), EditorSettings(), IncrementalLinter()
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in DRAFTS[:40])
    rnd = random.Random(seed)
    for version in range(1, versions + 1):
        yield version, build_state("file:///é d.txt", version, text, None, project, editor, None, "utf-16", linter)
        at = rnd.randrange(len(text))
        text = text[:at] + rnd.choice(["x", "\n", "", "é;", "\n\n1. Urges "]) + text[at + rnd.randrange(3):]


def test_kept_text_is_json_dumps_over_successive_versions_of_a_document():
    from resolint.lsp.publish import PublishedText

    published = PublishedText()
    reused_texts = 0
    for version, state in _successive_states(5, 29):
        note = _notification(state.diagnostics, version if version % 7 else None)
        assert published.text(note, CONVERT.unstructure) == _pygls_text(note), version
        reused_texts += published.reused
    assert reused_texts > 20 * len(state.diagnostics) // 2 and len(state.diagnostics) > 50  # most texts kept


def test_kept_text_is_not_reused_for_another_diagnostic_with_the_same_fields():
    from resolint.lsp.publish import PublishedText

    published = PublishedText()
    rng = types.Range(types.Position(0, 1), types.Position(0, 3))
    fix = {"title": "Replace", "applicability": "safe", "edits": []}

    def own(fix_data, message="m", data_id="a", name="n", **extra):
        data = {"id": data_id, "name": name, "fix": fix_data}
        return types.Diagnostic(range=rng, message=message, code=extra.pop("code", "PRE004"), data=data, **extra)

    variants = [
        [own(fix)],
        # Each field of the text differs in turn, with the same fix object.
        [own(fix, message="other")],
        [own(fix, data_id="b")],
        [own(fix, name="other")],
        [own(fix, code="PRE005")],
        [own(fix, severity=types.DiagnosticSeverity.Error)],
        [own(fix, source="resolint")],
        [own(fix, code_description=types.CodeDescription("file:///x.md"))],
        [types.Diagnostic(range=types.Range(rng.start, types.Position(1, 0)), message="m", code="PRE004", data=own(fix).data)],
        [own({**fix, "title": "Other"})],  # another fix object with other contents
        [own(None)],
        [own(fix, tags=[types.DiagnosticTag.Unnecessary])],  # not resolint's own: written whole
        [types.Diagnostic(range=rng, message="m", code="PRE004", data={"id": "a", "name": "n", "fix": fix, "version": 1})],  # another's data
        [types.Diagnostic(range=rng, message="m", code="PRE004", data=["a"])],
        [],
    ]
    for diagnostics in variants:  # each right after the first, whose text is then kept
        for sent in (variants[0], diagnostics, diagnostics):
            note = _notification(sent, 4)
            assert published.text(note, CONVERT.unstructure) == _pygls_text(note)


def test_the_server_writes_what_pygls_would_write():
    from resolint.lsp.server import server

    class Writer:
        def __init__(self):
            self.sent = []

        def write(self, data):
            self.sent.append(data)

    project, editor = ProjectSettings(Settings(), None), EditorSettings()
    state = build_state("file:///d.txt", 3, DRAFTS[0].read_text(encoding="utf-8"), None, project, editor, None, "utf-16")
    note = _notification(state.diagnostics, 3)
    protocol, ours, theirs = server.protocol, Writer(), Writer()
    was = protocol.writer, protocol._include_headers
    try:
        protocol.set_writer(ours)
        protocol._send_data(note)
        protocol.set_writer(theirs)
        super(type(protocol), protocol)._send_data(note)
    finally:
        protocol.writer, protocol._include_headers = was
    assert ours.sent == theirs.sent and len(ours.sent) == 1 and state.diagnostics


def test_a_pulled_report_is_the_converters_over_successive_versions_of_a_document():
    """The answer to a pull (VS Code's way of asking) is written from the same kept texts:
    it reads as the converter's report of the same diagnostics, version after version."""
    import json

    from resolint.lsp.json_text import JsonText
    from resolint.lsp.publish import PublishedText

    published = PublishedText()
    reused_texts = 0
    for version, state in _successive_states(9, 19):
        result_id = state.result_id if version % 5 else None
        written = published.report("file:///é d.txt", result_id, state.diagnostics, CONVERT.unstructure)
        report = types.RelatedFullDocumentDiagnosticReport(items=state.diagnostics, result_id=result_id)
        assert isinstance(written, JsonText) and written.isascii()
        assert json.loads(written) == CONVERT.unstructure(report), version
        reused_texts += published.reused
    assert reused_texts > 10 * len(state.diagnostics) // 2 and len(state.diagnostics) > 50  # most texts kept
