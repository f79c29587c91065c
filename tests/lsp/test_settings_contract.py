"""The VS Code extension declares the editor settings (vscode-extension/package.json, the
one list the extension derives its reading from); the server reads the same settings for
every client (resolint.lsp.settings). They must agree on names, defaults, allowed values
and ranges, or a value the settings editor accepts is rejected by the server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resolint.lsp.settings import EDITOR_KEYS, EDITOR_SEVERITIES, RUN_MODES, EditorSettings, parse_editor_settings

PACKAGE_JSON = Path(__file__).resolve().parents[2] / "vscode-extension" / "package.json"
#: The client's business: how to start the server, which files to sync, protocol tracing.
CLIENT_ONLY = {"interpreter", "path", "extraGlobs", "trace.server"}


def _declared() -> dict[str, dict]:
    props = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))["contributes"]["configuration"]["properties"]
    return {key.removeprefix("resolint."): schema for key, schema in props.items()}


def test_the_server_reads_every_declared_setting_but_the_clients_own():
    assert set(_declared()) - CLIENT_ONLY == set(EDITOR_KEYS)


def test_declared_defaults_are_the_servers_defaults():
    declared = _declared()
    settings, problems = parse_editor_settings({k: declared[k]["default"] for k in EDITOR_KEYS})
    assert problems == []
    # "auto" is how the extension says "no style of the editor's own" (the server: None).
    assert settings == EditorSettings(style="auto")


def test_declared_choices_are_the_servers():
    declared = _declared()
    assert tuple(declared["run"]["enum"]) == RUN_MODES
    (level,) = declared["severityOverrides"]["patternProperties"].values()
    assert tuple(level["enum"]) == EDITOR_SEVERITIES


@pytest.mark.parametrize("key", [k for k, s in _declared().items() if s["type"] == "integer"])
def test_declared_ranges_are_the_servers(key):
    schema = _declared()[key]
    lo, hi = schema["minimum"], schema["maximum"]
    for ok in (lo, hi):
        assert parse_editor_settings({key: ok})[1] == [], (key, ok)
    for bad in (lo - 1, hi + 1):
        assert len(parse_editor_settings({key: bad})[1]) == 1, (key, bad)
