"""What the user-facing pages claim, checked against what the code does.

The rule pages and the configuration page are generated (tests/test_docs_site.py), the
rules' examples are linted (tests/test_rule_docs.py), the export and house-rules pages run
their own examples. The rest is written by hand and drifted: an option missing from the
command line page, settings missing from the extension's tables, a `[*]` on a finding no
`--fix` fixes, `pip install resolint` of a package no index has. These tests hold the
classes of claim a reader acts on:

- every option of every command is on the command line page, every option there exists,
  and every option says in `--help` what it does;
- every VS Code setting is in both settings tables, with package.json's default;
- every TOML block of the guides is a configuration resolint accepts (editor snippets for
  other programs are marked `<!-- snippet: NAME -->` and left to their own tests);
- a finding shown as the text report prints it has the rule's default severity, and `[*]`
  only when the rule has a safe fix;
- a style name given to `style =` or `--style` exists;
- installs come from the repository, pinned to a commit: no bare `pip install resolint`,
  no `rev:` tag (the repository has none).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

from resolint.cli.main import build_parser
from resolint.registry import all_rules
from resolint.rule import Applicability
from resolint.styles import builtin_style_names

DOCS = ROOT / "docs"
EXTENSION = ROOT / "vscode-extension"
#: Pages written by hand (the generated ones are checked against their source elsewhere).
HAND_PAGES = sorted(p for p in DOCS.glob("*.md") if not p.read_text(encoding="utf-8").startswith("<!-- generated"))
USER_PAGES = [*HAND_PAGES, ROOT / "README.md", EXTENSION / "README.md"]
#: The TOML blocks of this page are run by tests/custom_rules/test_docs.py, errors included.
TESTED_ELSEWHERE = {"house-rules.md"}


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _synopsis() -> dict[str, set[str]]:
    """The options the command line page's synopsis gives each command."""
    block = re.search(r"^```\n(resolint check.*?)^```", _text(DOCS / "cli.md"), re.S | re.M)
    assert block, "docs/cli.md starts with the synopsis of every command"
    out: dict[str, set[str]] = {}
    for m in re.finditer(r"resolint (\w+)(.*?)(?=resolint \w+|\Z)", block.group(1), re.S):
        out.setdefault(m.group(1), set()).update(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", m.group(2)))
    return out


def test_cli_page_gives_every_command_with_exactly_its_options():
    synopsis = _synopsis()
    commands = _commands()
    assert set(synopsis) == set(commands)
    for name, parser in commands.items():
        real = {o for a in parser._actions for o in a.option_strings if o not in ("-h", "--help")}
        assert synopsis[name] - real == set(), f"docs/cli.md gives `resolint {name}` options it does not have"
        # Each option in one of its spellings (`-o`/`--output`).
        missing = [a.option_strings for a in parser._actions
                   if a.option_strings and a.dest != "help" and not set(a.option_strings) & synopsis[name]]
        assert missing == [], f"docs/cli.md does not give `resolint {name}` {missing}"


def test_every_option_and_argument_says_what_it_is_for():
    for name, parser in _commands().items():
        for action in parser._actions:
            if action.dest != "help":
                assert action.help, f"`resolint {name} --help` says nothing of {action.option_strings or action.dest}"


def _settings_rows(path: Path) -> dict[str, str]:
    section = re.search(r"^## Settings\n(.*?)(?=^## |\Z)", _text(path), re.S | re.M)
    assert section, f"{path.name} has a Settings section"
    return dict(re.findall(r"^\| `resolint\.([\w.]+)` \| ([^|]*) \|", section.group(1), re.M))


def _shown_default(value: object) -> set[str]:
    """How a table may show package.json's default."""
    if value == "":
        return {'`""`', "empty"}
    return {f"`{value}`" if isinstance(value, str) else f"`{json.dumps(value)}`"}


@pytest.mark.parametrize("page", [EXTENSION / "README.md", DOCS / "vscode.md"], ids=lambda p: p.parent.name + "/" + p.name)
def test_settings_tables_list_every_setting_with_its_default(page: Path):
    declared = json.loads(_text(EXTENSION / "package.json"))["contributes"]["configuration"]["properties"]
    rows = _settings_rows(page)
    for key, schema in declared.items():
        name = key.removeprefix("resolint.")
        assert name in rows, f"{page.name}: no row for {key}"
        assert rows[name].strip() in _shown_default(schema["default"]), f"{page.name}: {key} default {rows[name]!r}, package.json {schema['default']!r}"
    assert set(rows) <= {k.removeprefix("resolint.") for k in declared}, f"{page.name} lists settings the extension lacks"


def test_the_extension_readme_says_which_settings_restart_the_server():
    client = re.search(r"CLIENT_KEYS = \[([^\]]*)\]", _text(EXTENSION / "src" / "settings.ts"))
    restarting = set(re.findall(r'"(\w+)"', client.group(1)))
    sent = re.search(r"^(.*?) are sent to the server when it starts", _text(EXTENSION / "README.md"), re.S | re.M)
    said = set(re.findall(r"`(\w+)`", sent.group(1).split("\n\n")[-1]))
    declared = json.loads(_text(EXTENSION / "package.json"))["contributes"]["configuration"]["properties"]
    server_keys = {k.removeprefix("resolint.") for k in declared if not k.startswith("resolint.trace.")} - restarting
    assert said == server_keys


def _toml_blocks() -> list[tuple[str, int, str]]:
    out = []
    for page in HAND_PAGES:
        if page.name in TESTED_ELSEWHERE:
            continue
        text = _text(page)
        for m in re.finditer(r"^( *)```toml\n(.*?)^ *```", text, re.S | re.M):
            before = text[: m.start()].rstrip().rsplit("\n", 1)[-1]
            if not before.startswith("<!-- snippet:"):
                body = re.sub(rf"^{m.group(1)}", "", m.group(2), flags=re.M)
                out.append((page.name, text.count("\n", 0, m.start()) + 1, body))
    return out


@pytest.mark.parametrize(("page", "line", "toml"), _toml_blocks(), ids=lambda v: str(v) if isinstance(v, int) else (v if v.endswith(".md") else None))
def test_configuration_examples_are_accepted(page: str, line: int, toml: str, tmp_path: Path):
    data = tomllib.loads(toml)
    name = "pyproject.toml" if "tool" in data else "resolint.toml"
    (tmp_path / name).write_text(toml, encoding="utf-8")
    for ref in re.findall(r'"@([\w./-]+)"', toml):  # the phrase files a style names, as the page tells to write them
        (tmp_path / ref).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / ref).write_text("recalling\n", encoding="utf-8")
    (tmp_path / "d.res.txt").write_text("The General Assembly,\n\nRecalling its resolution 74/1,\n\n1. Decides to act.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "resolint", "check", "d.res.txt"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1), f"docs/{page}:{line}: {out.stderr}"


#: A finding as the text report prints it: `path:line:col:` (or Word's `path:¶N (label):`).
REPORT_LINE = re.compile(r"^\S+:(?:\d+:\d+|¶\d+ \([^)]*\)): (?:(?P<severity>\w+): )?(?P<code>[A-Z]{3}\d{3}) (?P<rest>.*)$", re.M)


def test_findings_shown_as_reported_have_the_rules_severity_and_fix_mark():
    rules = {r.code: r for r in all_rules()}
    seen = 0
    for page in USER_PAGES:
        for m in REPORT_LINE.finditer(_text(page)):
            rule = rules[m["code"]]
            seen += 1
            where = f"{page.name}: {m.group(0)[:70]}"
            assert m["severity"] == rule.default_severity.value, where
            if m["rest"].rstrip().endswith("[*]"):  # `[*]`: --fix fixes it, so the rule's fix is safe
                assert rule.fix_applicability is Applicability.SAFE, where
    assert seen >= 3


def test_style_names_given_in_the_docs_exist():
    known = {*builtin_style_names(), "auto"}
    for page in USER_PAGES:
        text = _text(page)
        defined = set(re.findall(r"\[styles\.([\w-]+)[\].]", text))
        for name in re.findall(r'(?:--style[ =]|^\s*style = ")([a-z][\w-]*)', text, re.M):
            assert name in known | defined, f"{page.name}: no style {name!r}"


def test_installs_come_from_the_repository_at_a_commit():
    for page in USER_PAGES:
        text = _text(page)
        assert not re.search(r"pip install (-\w+ )*[\"']?resolint(?![\w.-])(\[[^\]]*\])?+(?! @)", text), f"{page.name}: resolint is on no package index"
        for rev in re.findall(r"^\s*rev: (\S+)", text, re.M):
            assert re.fullmatch(r"[0-9a-f]{40}", rev), f"{page.name}: rev {rev}: the repository has no tags, pin a commit"


def test_rule_options_named_in_the_docs_exist():
    """`[rules.PRE002]` as the example of rule options sent readers to a table resolint
    refuses: PRE002 has none."""
    rules = {r.code: r for r in all_rules()}
    pages = [*USER_PAGES, DOCS / "configuration.md"]
    seen = 0
    for page in pages:
        for code, option in re.findall(r"\[(?:styles\.[\w-]+\.)?rules\.([A-Z]{3}\d{3})\](?: ([\w-]+) =)?", _text(page)):
            seen += 1
            assert rules[code].default_options, f"{page.name}: [rules.{code}], which has no options"
            assert not option or option in rules[code].default_options, f"{page.name}: {code} has no option {option}"
    assert seen


def test_lists_of_built_in_styles_are_complete():
    """The style names are written out in `--style`'s help, the configuration schema, the
    extension's setting and the README: a new style must reach every list."""
    styles = {*builtin_style_names(), "auto"} - {"_base"}
    for name, parser in _commands().items():
        for action in parser._actions:
            if "--style" in action.option_strings:
                assert set(re.findall(r"[a-z][\w-]+", action.help.split(":", 1)[1])) >= styles, f"resolint {name} --style"
    schema = json.loads(_text(ROOT / "server" / "resolint" / "schema" / "resolint.schema.json"))
    assert set(re.findall(r"\b[a-z]+(?:-[a-z]+)?\b", schema["properties"]["style"]["description"])) >= styles
    declared = json.loads(_text(EXTENSION / "package.json"))["contributes"]["configuration"]["properties"]
    assert set(declared["resolint.style"]["enum"]) == styles
    built_in = re.search(r"House styles built in: (.*?)\n\n", _text(ROOT / "README.md"), re.S)
    assert set(re.findall(r"`([\w-]+)`", built_in.group(1))) == styles


def test_editors_page_lists_exactly_the_settings_the_server_reads():
    from resolint.lsp.settings import EDITOR_KEYS

    section = re.search(r"^## Settings every client can send\n(.*?)(?=^## )", _text(DOCS / "editors.md"), re.S | re.M)
    assert set(re.findall(r"^\| `(\w+)` \|", section.group(1), re.M)) == set(EDITOR_KEYS)


def test_pre_commit_hooks_named_in_the_docs_exist():
    hooks = set(re.findall(r"^- id: ([\w-]+)", _text(ROOT / ".pre-commit-hooks.yaml"), re.M))
    named = {hook for page in USER_PAGES for hook in re.findall(r"^\s*(?:# )?- id: ([\w-]+)", _text(page), re.M)}
    assert named and named <= hooks, named - hooks
