"""The README stays true: its test command is CI's, its quick start works, it is short."""

import re

from conftest import ROOT

TEST_COMMAND = '.venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest -q'


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"python3 -m venv .venv && {TEST_COMMAND}" in _readme()
    assert TEST_COMMAND in ci


def test_sample_draft_named_in_the_quick_start_exists():
    assert "resolint check fixtures/sample-draft.txt" in _readme()
    assert (ROOT / "fixtures" / "sample-draft.txt").is_file()


def test_readme_is_a_landing_page():
    assert len(_readme().splitlines()) < 300


def test_readme_links_point_to_files_of_the_repository():
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", _readme()):
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), f"README links to {target}, which does not exist"


def test_readme_installs_from_the_repository_not_an_index():
    # resolint is not published on a package index: no bare `pip install resolint`.
    assert not re.search(r"pip install (-\w+ )*resolint\b(?! @)", _readme())
