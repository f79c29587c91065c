"""A real third-party client: Neovim (Debian's ``neovim``, 0.7+) headless.

The client is set up by the snippet the documentation shows (``docs/editors.md``, the
block marked ``snippet: nvim-0.7``), extracted here, with ``resolint`` on ``PATH`` as a
user has it. Neovim opens a draft, receives resolint's diagnostics, applies a quick fix through its
own code-action menu (``vim.ui.select``), and the resulting buffer is checked. The line
holds non-ASCII text (é, 😀) before the fixed spot: Neovim 0.7 echoes diagnostic ranges
in byte columns in a UTF-16 session, so a server that trusted the echo would corrupt it.
Skipped when ``nvim`` is not installed (CI installs it: ``apt-get install -y neovim``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lsp import drafts

HERE = Path(__file__).parent
EDITORS_PAGE = HERE.parent.parent / "docs" / "editors.md"
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="nvim is not installed (apt-get install -y neovim)")


def documented_snippet(name: str, lang: str) -> str:
    """The fenced block right after ``<!-- snippet: NAME ... -->`` in the editors page."""
    page = EDITORS_PAGE.read_text(encoding="utf-8")
    m = re.search(rf"<!-- snippet: {re.escape(name)}\b[^>]*-->\n```{lang}\n(.*?)```\n", page, re.DOTALL)
    assert m, f"docs/editors.md has no {lang} block marked 'snippet: {name}'"
    return m.group(1)


def run_nvim(tmp_path: Path, text: str, code: str) -> tuple[str, list[dict]]:
    snippet = tmp_path / "resolint.lua"
    snippet.write_text(documented_snippet("nvim-0.7", "lua"), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var.lower())
    # The snippet runs `resolint server`: the venv's scripts folder first on PATH.
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.update(
        RESOLINT_SNIPPET=str(snippet),
        RESOLINT_OUT=str(out),
        RESOLINT_CODE=code,
    )
    proc = subprocess.run(
        [NVIM, "--headless", "-n", "-i", "NONE", "-u", str(HERE / "init.lua"), str(draft)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    error = (out / "error.txt").read_text() if (out / "error.txt").exists() else ""
    assert proc.returncode == 0 and not error, f"nvim failed ({proc.returncode}): {error}\n{proc.stderr[-2000:]}"
    return (out / "result.txt").read_text(encoding="utf-8"), json.loads((out / "diagnostics.json").read_text())


def test_neovim_applies_quick_fix_after_non_ascii(tmp_path: Path):
    text = drafts.NONBMP
    result, diags = run_nvim(tmp_path, text, "PRE004")
    semi = text.index("😀;") + 1
    assert result == text[:semi] + "," + text[semi + 1 :]
    codes = {d["code"] for d in diags}
    assert {"PRE004", "OPR004", "OPR002"} <= codes
    # Neovim 0.7 reports columns in bytes: the PRE004 column is the byte offset of ';'.
    line_start = text.rfind("\n", 0, semi) + 1
    pre004 = next(d for d in diags if d["code"] == "PRE004")
    assert pre004["lnum"] == text.count("\n", 0, semi)
    assert pre004["col"] in (len(text[line_start:semi].encode("utf-8")), len(text[line_start:semi].encode("utf-16-le")) // 2)


def test_neovim_unsafe_fix_on_line_with_non_bmp(tmp_path: Path):
    text = drafts.NONBMP
    result, _ = run_nvim(tmp_path, text, "OPR004")
    assert result == text.replace("2. Calling upon all 𝔸", "2. Calls upon all 𝔸")
