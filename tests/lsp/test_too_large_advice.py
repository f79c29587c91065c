"""The editor's notice for a document over ``max-file-size`` gives advice that works.

The command line refuses such a file at the same limit, so "lint it from the CLI" (what
the notice said) failed the same way; the command the notice names must lint it."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from resolint.config import load_settings
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state


def _run(args: list[str], cwd: Path) -> int:
    return subprocess.run([sys.executable, "-m", "resolint", *args], cwd=cwd, capture_output=True, text=True, timeout=120).returncode


def test_the_command_the_notice_names_lints_the_document(tmp_path: Path):
    (tmp_path / "resolint.toml").write_text('max-file-size = "1kB"\n', encoding="utf-8")
    text = "The General Assembly,\n\n" + "Recalling also its resolution 74/1,\n\n" * 40 + "1. Decides to act.\n"
    draft = tmp_path / "big.res.txt"
    draft.write_text(text, encoding="utf-8")
    project = ProjectSettings(load_settings(tmp_path / "resolint.toml"), str(tmp_path / "resolint.toml"))
    state = build_state(draft.as_uri(), 1, text, None, project, EditorSettings(), draft, "utf-16")
    assert state.notice and "too large" in state.notice
    assert _run(["check", draft.name], tmp_path) == 2  # the command line refuses it too
    command = re.search(r"with (resolint check[^,;)]*)$", state.notice)
    assert command, state.notice
    assert _run([*shlex.split(command.group(1))[1:], draft.name], tmp_path) in (0, 1)


def test_a_configuration_problem_is_told_with_the_notice(tmp_path: Path):
    """A draft over the size limit got the notice alone: the configuration's error, or a
    ``resolint.toml`` passed over because it is a FIFO, was not shown for it."""
    from resolint.config import Settings

    text = "The General Assembly,\n\n" + "1. Decides to act.\n\n" * 20
    draft = tmp_path / "big.res.txt"
    project = ProjectSettings(Settings(max_file_size=100), None, error="broken.toml: not valid TOML", skipped=("fifo/resolint.toml",))
    state = build_state(draft.as_uri(), 1, text, None, project, EditorSettings(), draft, "utf-16")
    assert state.notice and "too large" in state.notice
    told = " ".join(state.problems)
    assert "broken.toml: not valid TOML" in told and "fifo/resolint.toml: not a regular file" in told
