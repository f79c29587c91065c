"""The examples of docs/house-rules.md run: each TOML block loads (its example drafts
proving the rule) or gives the configuration error the page shows after it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resolint.config import ConfigError, load_settings
from resolint.engine import lint
from tests.conftest import ROOT

PAGE = ROOT / "docs" / "house-rules.md"
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.DOTALL | re.MULTILINE)
ERROR = re.compile(r"^resolint: configuration error: resolint\.toml: key '(?P<key>[^']+)': (?P<problem>.+)$")
TRAINED_DRAFT = "The General Assembly,\n\n1. Agencies should adopt plans;\n"


def examples() -> list[tuple[str, str | None]]:
    """(TOML, expected error line or None), in page order."""
    blocks = BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    out = []
    for i, (lang, body) in enumerate(blocks):
        if lang != "toml":
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else ("", "")
        error = nxt[1].strip() if nxt[0] == "text" and nxt[1].startswith("resolint: configuration error:") else None
        out.append((body, error))
    return out


def test_the_page_has_examples_of_each_kind():
    got = examples()
    assert len(got) >= 10
    assert sum(1 for _, e in got if e) >= 4
    assert any("POS" in t and e is None for t, e in got)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    from tests.custom_rules.tiny_pipeline import train_tiny_pipeline

    return train_tiny_pipeline(tmp_path_factory.mktemp("docs") / "pipeline")


@pytest.mark.parametrize(("toml", "error"), examples(), ids=lambda v: (v or "ok").splitlines()[0][:40] if isinstance(v, str) else "ok")
def test_documented_example(toml: str, error: str | None, tmp_path: Path, request):
    uses_pipeline = 'pipeline = "en_core_web_sm"' in toml
    if uses_pipeline:
        # The page names the usual English pipeline; the test trains a tiny one instead of downloading.
        tiny = request.getfixturevalue("tiny")
        toml = toml.replace('pipeline = "en_core_web_sm"', f'pipeline = "{tiny.as_posix()}"')
    cfg = tmp_path / "resolint.toml"
    cfg.write_text(toml, encoding="utf-8")
    if error is None:
        settings = load_settings(cfg)
        if uses_pipeline:
            codes = set(re.findall(r'^code = "(\w+)"', toml, re.MULTILINE))
            assert codes <= {f.code for f in lint(TRAINED_DRAFT, settings).findings}
        return
    m = ERROR.match(error)
    assert m, error
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert info.value.key == m.group("key")
    assert info.value.problem.startswith(m.group("problem").rstrip(".")), info.value.problem
