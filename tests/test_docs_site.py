"""The documentation site stays true to the code.

The rule pages and the configuration page are generated; this fails while the pages on
disk differ from what the rules' docstrings and the configuration schema give. The editor
snippets that no editor runs in CI are at least parsed as their editor would.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest
from conftest import ROOT

from resolint.config import ConfigError, schema_keys, settings_from_table
from resolint.config_doc import config_markdown, config_schema
from resolint.docs import generated_pages, rule_page, rule_url, stale_pages
from resolint.registry import all_rules

DOCS = ROOT / "docs"


def test_generated_pages_match_the_code():
    assert stale_pages(DOCS) == [], "run: python -m resolint.docs --write"


def test_every_rule_has_a_page_with_its_docstring():
    pages = generated_pages()
    for rule in all_rules():
        page = pages[f"rules/{rule.code}.md"]
        assert page.startswith("<!-- generated")
        assert f"# {rule.code} {rule.name}" in page
        assert rule.doc() in page
        assert f"[{rule.code}]({rule.code}.md)" in pages["rules/index.md"]


def test_a_page_of_a_removed_rule_is_stale(tmp_path: Path):
    for rel, text in generated_pages().items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert stale_pages(tmp_path) == []
    (tmp_path / "rules" / "ZZZ999.md").write_text("old", encoding="utf-8")
    (tmp_path / "rules" / "PRE003.md").write_text("edited by hand", encoding="utf-8")
    assert stale_pages(tmp_path) == ["rules/PRE003.md", "rules/ZZZ999.md"]


def test_configuration_page_lists_every_key_the_loader_accepts():
    page = config_markdown()
    for key in schema_keys():
        if "_" not in key:  # snake_case spellings are aliases of the kebab-case keys
            assert f"| `{key}` |" in page
    # The table is the loader's: a key outside it is refused, every key in it is accepted.
    with pytest.raises(ConfigError, match="docs-url"):
        settings_from_table({"no-such-key": 1})
    assert settings_from_table({"docs-url": "https://example.org/r/"}).docs_url == "https://example.org/r/"


def test_configuration_page_renders_from_a_schema():
    schema = config_schema()
    schema["properties"]["extra-key"] = {"type": ["string", "null"], "description": "a | b", "default": None}
    page = config_markdown(schema)
    assert "| `extra-key` | string or null | `null` | a \\| b |" in page


def test_rule_url_default_is_the_installed_page():
    url = rule_url("pre003")
    assert url.startswith("file:")
    path = Path(url2pathname(urlparse(url).path))
    assert path.name == "PRE003.md" and path.is_file()
    assert path.read_text(encoding="utf-8") == rule_page(next(r for r in all_rules() if r.code == "PRE003"))


def test_rule_url_under_a_published_site():
    assert rule_url("OPR001", "https://example.org/resolint/") == "https://example.org/resolint/rules/OPR001.html"
    assert rule_url("OPR001", "https://example.org/resolint") == "https://example.org/resolint/rules/OPR001.html"


def test_mkdocs_nav_names_pages_that_exist_or_are_written_elsewhere():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    others = {"ci.md", "parsing.md", "house-rules.md", "limits.md"}  # written in other branches; the nav hook drops them while absent
    for page in re.findall(r":\s+([\w/.-]+\.md)\s*$", config, re.MULTILINE):
        assert (DOCS / page).is_file() or page in others, page


def _snippet(name: str, lang: str) -> str:
    page = (DOCS / "editors.md").read_text(encoding="utf-8")
    m = re.search(rf"<!-- snippet: {re.escape(name)}\b[^>]*-->\n```{lang}\n(.*?)```\n", page, re.DOTALL)
    assert m, f"no {lang} block marked 'snippet: {name}' in docs/editors.md"
    return m.group(1)


def test_helix_snippet_is_valid_toml_for_resolint_server():
    data = tomllib.loads(_snippet("helix", "toml"))
    server = data["language-server"]["resolint"]
    assert [server["command"], *server["args"]] == ["resolint", "server"]
    assert all("resolint" in lang["language-servers"] for lang in data["language"])


def test_sublime_snippet_is_valid_json_for_resolint_server():
    data = json.loads(_snippet("sublime", "json"))
    assert data["clients"]["resolint"]["command"] == ["resolint", "server"]


def test_zed_snippet_is_valid_json_for_resolint_server():
    data = json.loads(_snippet("zed", "json"))
    binary = data["lsp"]["resolint"]["binary"]
    assert [binary["path"], *binary["arguments"]] == ["resolint", "server"]


def test_resolint_docs_opens_the_rule_page(tmp_path: Path, monkeypatch):
    """`resolint docs CODE` hands the page's address to the browser (BROWSER names it)."""
    import os
    import subprocess
    import sys

    log = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" >> {log}\n', encoding="utf-8")
    browser.chmod(0o755)
    env = {**os.environ, "BROWSER": str(browser)}
    out = subprocess.run([sys.executable, "-m", "resolint", "docs", "pre003"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == rule_url("PRE003")
    assert log.read_text(encoding="utf-8").strip() == rule_url("PRE003")
    (tmp_path / "resolint.toml").write_text('docs-url = "https://docs.example/resolint/"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "resolint", "docs", "OPR001", "--no-browser"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "https://docs.example/resolint/rules/OPR001.html"
    out = subprocess.run([sys.executable, "-m", "resolint", "docs", "XYZ123"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "no rule 'XYZ123'" in out.stderr


def test_references_cite_public_sources_and_the_kb_only_as_a_note():
    """Readers do not have the project's knowledge base: each rule that relies on it names
    a public source (a manual's section, a resolution, the instrument) first."""
    for rule in all_rules():
        refs = rule.doc_sections().get("References", "")
        lines = [ln for ln in refs.splitlines() if ln.strip()]
        for ln in lines:
            if "kb" in ln.split() or "knowledge base" in ln:
                assert ln.startswith("Repository note:"), f"{rule.code}: the kb cited outside the repository note: {ln}"
        if any("knowledge base" in ln for ln in lines):
            public = [ln for ln in lines if ln.startswith("- ")]
            assert public, f"{rule.code}: cites the kb but no public source"


def test_sarif_help_uri_follows_docs_url(tmp_path: Path):
    import subprocess
    import sys

    draft = tmp_path / "draft.res.txt"
    draft.write_text("The General Assembly,\n\nRECALLING its resolution 74/1 of 1 October 2019,\n\n"
                     "1. Decides to keep the matter under review.\n", encoding="utf-8")

    def help_uris() -> dict[str, str]:
        out = subprocess.run([sys.executable, "-m", "resolint", "check", "--format", "sarif", draft.name],
                             cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert out.returncode == 1, out.stderr
        rules = json.loads(out.stdout)["runs"][0]["tool"]["driver"]["rules"]
        return {r["id"]: r["helpUri"] for r in rules}

    # No docs-url: the page in the project's repository, not the file:///…/docs/rules/PRE003.md
    # of the machine that ran the check (useless in GitHub code scanning).
    uris = help_uris()
    assert uris["PRE003"] == "https://github.com/resolint/resolint/blob/main/docs/rules/PRE003.md"
    assert all(u.startswith("https://") for u in uris.values()), uris
    (tmp_path / "resolint.toml").write_text('docs-url = "https://docs.example/resolint/"\n', encoding="utf-8")
    assert help_uris()["PRE003"] == "https://docs.example/resolint/rules/PRE003.html"


def test_sarif_help_uris_of_house_rules_name_the_page_that_documents_them(tmp_path: Path):
    """MUN001-MUN004 (the built-in mun style) had no helpUri; they are documented on the
    house-rules page, under the heading the link's anchor names. A project's own
    [[custom-rules]] have no page: no helpUri, their documentation as help text."""
    import subprocess
    import sys

    from resolint.custom_rules import style_specs
    from resolint.docs import house_rule_url
    from resolint.styles import builtin_style_names, load_style

    draft = tmp_path / "m.txt"
    draft.write_text("FORUM: General Assembly\nQUESTION OF: Water\n\nThe General Assembly,\n\n"
                     "1. Urges the UN to act in order to help;\n", encoding="utf-8")
    (tmp_path / "resolint.toml").write_text('style = "mun"\n[[custom-rules]]\ncode = "HSE001"\nname = "in-order-to"\n'
                                           'message = "Write \'to\'"\npart = "operative"\npattern = ["in order to"]\n', encoding="utf-8")

    def rules() -> dict[str, dict]:
        out = subprocess.run([sys.executable, "-m", "resolint", "check", "--format", "sarif", draft.name],
                             cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert out.returncode == 1, out.stderr
        return {r["id"]: r for r in json.loads(out.stdout)["runs"][0]["tool"]["driver"]["rules"]}

    got = rules()
    assert got["MUN001"]["helpUri"] == "https://github.com/resolint/resolint/blob/main/docs/house-rules.md#the-model-un-style"
    assert "helpUri" not in got["HSE001"] and "A house rule from resolint.toml" in got["HSE001"]["help"]["text"]
    (tmp_path / "resolint.toml").write_text('docs-url = "https://docs.example/r"\n' + (tmp_path / "resolint.toml").read_text())
    assert rules()["MUN001"]["helpUri"] == "https://docs.example/r/house-rules.html#the-model-un-style"
    # Every built-in style's house rule is on the page its link names, under that heading.
    for name in builtin_style_names():
        for spec in style_specs(load_style(name)):
            url = house_rule_url(spec.source)
            assert url, f"{spec.code} of style {name}: no page documents it"
            page, anchor = url.rsplit("/", 1)[1].split("#")
            text = (DOCS / page).read_text(encoding="utf-8")
            headings = {re.sub(r"[^a-z0-9]+", "-", h.lower()).strip("-"): at for at, h in
                        ((m.start(), m.group(1)) for m in re.finditer(r"^#+ (.+)$", text, re.M))}
            assert anchor in headings and spec.code in text[headings[anchor]:], (spec.code, url)


def test_docs_screenshot_is_the_extensions():
    """The site cannot reach outside docs/, so it keeps a copy of the extension's screenshot."""
    ours = (DOCS / "images" / "screenshot.png").read_bytes()
    assert ours == (ROOT / "vscode-extension" / "images" / "screenshot.png").read_bytes(), (
        "copy vscode-extension/images/screenshot.png to docs/images/"
    )


def test_house_rules_inherited_from_mun_keep_their_page(tmp_path: Path, monkeypatch, capsys):
    """A style that ``extends = "mun"`` inherits MUN001-MUN004: their SARIF entry is the one
    ``style = "mun"`` gives (helpUri included; it had none, credited to "style mine"), and a
    rule the style rewrites under the same code is its own, without mun's page."""
    from resolint.cli.main import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.txt").write_text("FORUM: General Assembly\nQUESTION OF: Water\n\nThe General Assembly,\n\n"
                                    "1. Urges the UN to act;\n", encoding="utf-8")

    def house_entries(config: str) -> dict[str, dict]:
        (tmp_path / "resolint.toml").write_text(config, encoding="utf-8")
        main(["check", "--format", "sarif", "--select", "MUN", "m.txt"])
        rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
        return {r["id"]: r for r in rules}

    shipped = house_entries('style = "mun"\n')["MUN001"]
    assert shipped["helpUri"].endswith("/house-rules.md#the-model-un-style")
    assert house_entries('style = "mine"\n[styles.mine]\nextends = "mun"\n')["MUN001"] == shipped
    own = house_entries('style = "mine"\n[styles.mine]\nextends = "mun"\n[[styles.mine.custom-rules]]\ncode = "MUN001"\n'
                        'name = "our-un"\nmessage = "Spell out UN"\npart = "operative"\npattern = ["UN"]\n')["MUN001"]
    assert "helpUri" not in own and own["name"] == "our-un"


def test_every_page_is_in_the_navigation():
    """A page outside the nav is built but no reader finds it (hostile-input.md was)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s+([\w/.-]+\.md)\s*$", config, re.MULTILINE))
    for page in DOCS.glob("*.md"):
        assert page.name in listed, f"docs/{page.name} is not in mkdocs.yml's nav"


def test_configuration_page_gives_every_key_a_type():
    """`max-file-size` (a size or a number of bytes: oneOf) had an empty type cell."""
    rows = re.findall(r"^\| `([\w-]+)` \| ([^|]*) \|", config_markdown(), re.M)
    assert rows
    for key, kind in rows:
        assert kind.strip(), f"{key} has no type on the configuration page"
    assert dict(rows)["max-file-size"].strip() == "integer or string"


def test_a_rule_page_says_how_far_each_way_of_turning_it_off_reaches():
    """The page offered `ignore[CODE]` as a way to turn a rule off; it covers one paragraph.
    Each directive the page gives is applied as it says, to the rule's own Example."""
    from resolint.engine import lint

    rule = next(r for r in all_rules() if r.code == "PRE003")
    page = rule_page(rule)
    whole = re.search(r"in one draft with a `(<!-- resolint: [^`]+ -->)` line", page).group(1)
    one = re.search(r"for one paragraph with a `(<!-- resolint: [^`]+ -->)` line before it", page).group(1)
    text = "The General Assembly,\n\nrecalling its resolution 74/1,\n\nnoting the report,\n\n1. Decides to act.\n"
    assert [f.code for f in lint(text).findings].count("PRE003") == 2
    assert "PRE003" not in {f.code for f in lint(f"{whole}\n{text}").findings}
    first_only = text.replace("recalling", f"{one}\nrecalling")
    assert [f.code for f in lint(first_only).findings].count("PRE003") == 1
