"""The README's test command is the one CI runs."""

from conftest import ROOT


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = '.venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest -q'
    assert command in readme
    assert command in ci
