"""The README stays true: its test command is CI's, its rule reference is the rules' docs."""

from conftest import ROOT
from resolint.docs import render_readme

TEST_COMMAND = '.venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest -q'


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"python3 -m venv .venv && {TEST_COMMAND}" in readme
    assert TEST_COMMAND in ci


def test_readme_rule_reference_is_generated_from_the_rules():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert render_readme(readme) == readme, "run: python -m resolint.docs --write"


def test_sample_draft_named_in_the_quick_start_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "resolint check fixtures/sample-draft.txt" in readme
    assert (ROOT / "fixtures" / "sample-draft.txt").is_file()
