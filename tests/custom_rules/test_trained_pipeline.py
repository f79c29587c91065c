"""Attributes that need a trained pipeline, with one trained inside the test (no download)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.config import ConfigError, load_settings
from resolint.engine import lint
from tests.custom_rules.tiny_pipeline import train_tiny_pipeline

DRAFT = "The General Assembly,\n\n1. Agencies should adopt plans;\n\n2. States share plans.\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("house")
    train_tiny_pipeline(root / "pipeline")
    return root


def write(project: Path, body: str) -> Path:
    cfg = project / "resolint.toml"
    cfg.write_text('[nlp]\npipeline = "./pipeline"\n\n' + body)
    return cfg


def house(project: Path, body: str):
    s = load_settings(write(project, body))
    return [(f.code, DRAFT[f.span.start : f.span.end], f.message) for f in lint(DRAFT, s).findings if f.code.startswith("HSE")]


def test_pos_pattern_uses_the_configured_pipeline(project: Path):
    got = house(project, """
[[custom-rules]]
code = "HSE001"
message = "Modal '{1}' before '{2}'"
part = "operative"
pattern = [{ POS = "AUX" }, { POS = "VERB" }]
example = "The General Assembly,\\n\\n1. Parties should report progress;\\n"
use-instead = "The General Assembly,\\n\\n1. Parties report progress;\\n"
""")
    assert got == [("HSE001", "should adopt", "Modal 'should' before 'adopt'")]


def test_dependency_pattern(project: Path):
    got = house(project, """
[[custom-rules]]
code = "HSE002"
message = "'{match}': a verb governed by 'should'"
part = "operative"
pattern = [
  { RIGHT_ID = "verb", RIGHT_ATTRS = { POS = "VERB" } },
  { LEFT_ID = "verb", REL_OP = ">", RIGHT_ID = "modal", RIGHT_ATTRS = { DEP = "aux", LOWER = "should" } },
]
""")
    assert got == [("HSE002", "should adopt", "'should adopt': a verb governed by 'should'")]


def test_lemma_still_comes_from_lemminflect_with_a_pipeline_that_has_no_lemmatizer(project: Path):
    got = house(project, """
[[custom-rules]]
code = "HSE003"
message = "share"
pattern = [{ LEMMA = "share" }]
""")
    assert [m for _, m, _ in got] == ["share"]


def test_an_attribute_the_pipeline_does_not_set_is_a_config_error_naming_rule_and_attribute(project: Path):
    cfg = write(project, """
[[custom-rules]]
code = "HSE004"
message = "m"
pattern = [{ TAG = "MD" }]
""")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert info.value.key == "custom-rules[HSE004].pattern"
    assert "TAG" in info.value.problem and "a tagger" in info.value.problem and "morphologizer, parser" in info.value.problem


def test_a_folder_that_is_not_a_pipeline_is_one_clear_error(project: Path, tmp_path: Path):
    (tmp_path / "notapipeline").mkdir()
    cfg = tmp_path / "resolint.toml"
    cfg.write_text('[nlp]\npipeline = "notapipeline"\n')
    # A bare name is a package name: not found, with how to install one.
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert info.value.key == "nlp.pipeline" and "cannot load" in info.value.problem
    cfg.write_text('[nlp]\npipeline = "./notapipeline"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert info.value.key == "nlp.pipeline" and "saved by spaCy" in info.value.problem
