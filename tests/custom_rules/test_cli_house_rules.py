"""House rules are first-class in the CLI: listed, documented, in every output format."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import xml.etree.ElementTree as ET

import pytest

from resolint.cli.main import main
from resolint.config import Settings
from resolint.custom_rules import visible_rules
from resolint.engine import lint_example
from resolint.rule import DOC_SECTIONS

CONFIG = '''
[[custom-rules]]
code = "HSE001"
name = "in-order-to"
message = "Write 'to', not '{match}'"
description = "Flags 'in order to', which says no more than 'to'."
why = "Shorter is clearer."
part = "operative"
pattern = ["in order to"]
replace = "to"
fix = "safe"
example = """
The General Assembly,

1. Requests reports in order to inform States;
"""
use-instead = """
The General Assembly,

1. Requests reports to inform States;
"""
'''
DRAFT = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Requests reports in order to inform States.\n"


def run(*args) -> subprocess.CompletedProcess:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


@pytest.fixture
def project(tmp_path):
    (tmp_path / "resolint.toml").write_text(CONFIG)
    (tmp_path / "draft.res.txt").write_text(DRAFT)
    return tmp_path


def test_rules_lists_house_rules_of_the_config_and_the_styles(project):
    proc = run("rules", "--config", project / "resolint.toml")
    lines = {ln.split()[0]: ln for ln in proc.stdout.splitlines()}
    assert "house rule, resolint.toml" in lines["HSE001"] and "[safe fix]" in lines["HSE001"]
    assert "house rule, style mun" in lines["MUN001"]
    entries = {e["code"]: e for e in json.loads(run("rules", "--format", "json", "--config", project / "resolint.toml").stdout)}
    assert entries["HSE001"] == {
        "code": "HSE001", "name": "in-order-to", "summary": "Flags 'in order to', which says no more than 'to'",
        "severity": "warning", "fix": "safe", "source": "resolint.toml",
    }
    assert "source" not in entries["OPR001"]


def test_rule_documents_a_house_rule_from_its_table(project):
    proc = run("rule", "HSE001", "--config", project / "resolint.toml")
    assert proc.returncode == 0
    out = proc.stdout
    assert out.startswith("# HSE001 in-order-to")
    for section in DOC_SECTIONS:
        assert f"## {section}" in out, section
    assert "1. Requests reports in order to inform States;" in out and "Shorter is clearer." in out
    assert run("rule", "in-order-to", "--config", project / "resolint.toml").returncode == 0
    assert run("rule", "MUN003").returncode == 0  # a built-in style's house rule, no configuration needed


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_every_output_format_carries_house_findings(project, fmt):
    proc = run("check", "--config", project / "resolint.toml", "--format", fmt, project / "draft.res.txt")
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    if fmt == "json":
        (d,) = [d for d in json.loads(out)["files"][0]["diagnostics"] if d["code"] == "HSE001"]
        assert d["name"] == "in-order-to" and d["fix"]["edits"][0]["newText"] == "to"
        assert d["range"]["start"] == {"line": 4, "character": DRAFT.split("\n")[4].index("in order to")}
    elif fmt == "sarif":
        run_ = json.loads(out)["runs"][0]
        (res,) = [r for r in run_["results"] if r["ruleId"] == "HSE001"]
        rule = run_["tool"]["driver"]["rules"][res["ruleIndex"]]
        assert rule["id"] == "HSE001" and rule["name"] == "in-order-to" and "Shorter is clearer." in rule["help"]["text"]
        assert res["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "to"
    elif fmt == "junit":
        assert "HSE001 Write 'to', not 'in order to'" in ET.fromstring(out).find(".//failure").text
    else:
        assert "HSE001" in out and "Write 'to', not 'in order to'" in out


def test_fix_rewrites_the_file(project):
    proc = run("check", "--config", project / "resolint.toml", "--fix", project / "draft.res.txt")
    assert "in order to" not in (project / "draft.res.txt").read_text()
    assert "HSE001" not in proc.stdout


def test_every_shipped_house_rule_is_documented_and_its_examples_are_true():
    rules = visible_rules(Settings())
    assert {r.code for r in rules} >= {"MUN001", "MUN002", "MUN003", "MUN004"}
    for r in rules:
        sections = r.doc_sections()
        assert set(DOC_SECTIONS) <= set(sections), r.code
        examples = list(r.doc_examples("Example"))
        instead = list(r.doc_examples("Use instead"))
        assert examples and instead, r.code
        for text in examples:
            assert r.code in {f.code for f in lint_example(r, text).findings}, (r.code, text)
        for text in instead:
            assert r.code not in {f.code for f in lint_example(r, text).findings}, (r.code, text)


def test_mun_intensifier_rule_is_opt_in():
    from resolint.engine import lint

    text = "The Security Council,\n\n1. Strongly condemns the attacks on civilians;\n"
    assert "MUN002" not in {f.code for f in lint(text, Settings(style="mun")).findings}
    got = [f for f in lint(text, Settings(style="mun", extend_select=("MUN002",))).findings if f.code == "MUN002"]
    assert [f.fix.edits[0].new_text for f in got] == ["Condemns"]


@pytest.mark.parametrize("pattern", ['["utilize"]', '[{ LOWER = "fully", OP = "?" }, { LOWER = "utilize" }]'])
def test_a_replacement_of_tokens_the_match_lacks_deletes_nothing(tmp_path, pattern):
    """A secretary's replace = "{2}" where a match has one token: the placeholder is empty,
    and a safe fix would have deleted the word, which nobody asked for (found writing house
    rules from the docs: a phrase list has no fixed token count, so the config check cannot
    refuse it)."""
    (tmp_path / "resolint.toml").write_text(
        f'[[custom-rules]]\ncode = "OFF040"\nmessage = "x"\npattern = {pattern}\nreplace = "{{2}}"\nfix = "safe"\n')
    draft = tmp_path / "draft.res.txt"
    draft.write_text("The General Assembly,\n\n1. Requests States to utilize resources.\n")
    proc = run("check", "--fix", "--config", tmp_path / "resolint.toml", draft)
    assert "utilize resources" in draft.read_text()
    assert "OFF040" in proc.stdout and proc.returncode == 1


def test_an_optional_token_left_out_still_fixes(tmp_path):
    """The empty placeholder stays right where the replacement keeps other text (MUN001's
    'United Nations{2}')."""
    (tmp_path / "resolint.toml").write_text(
        '[[custom-rules]]\ncode = "OFF041"\nmessage = "x"\n'
        'pattern = [{ LOWER = "utilize" }, { ORTH = ",", OP = "?" }]\nreplace = "use{2}"\nfix = "safe"\n')
    draft = tmp_path / "draft.res.txt"
    draft.write_text("The General Assembly,\n\n1. Requests States to utilize resources.\n")
    run("check", "--fix", "--config", tmp_path / "resolint.toml", draft)
    assert "to use resources" in draft.read_text()
