"""Configuration fuzzing: every bad configuration is one clear error, never a traceback.

Random and truncated TOML, values of the wrong type, unknown keys, styles that extend
themselves or a style that does not exist, rule options that no rule declares: loading
raises :class:`~resolint.config.ConfigError` naming the file and the key, and the CLI
exits 2 with that message. A configuration that loads must lint without a crash.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from drafts import ROBUST
from hypothesis import given
from hypothesis import strategies as st
from invariants import no_hidden_errors

from resolint.cli.main import main
from resolint.config import ConfigError, Settings, load_settings, settings_from_table
from resolint.engine import INTERNAL_CODE, lint

KNOWN_KEYS = [
    "style", "select", "extend-select", "ignore", "per-file-ignores", "unsafe-fixes", "rules", "severity",
    "terms", "styles", "include", "exclude", "max-file-size", "extend",
]
RICH_CONFIG = """\
style = "mine"
select = ["PRE", "OPR001"]
extend-select = ["SUP"]
ignore = ["OPR010"]
unsafe-fixes = false
max-file-size = "2MB"
include = ["*.txt"]
exclude = ["old/*"]

[per-file-ignores]
"annex-*.txt" = ["DOC"]

[severity]
OPR = "error"
PRE004 = "info"

[terms]
chief = "Secretary-General"

[styles.mine]
extends = "un-ga"
description = "An invented house style"

[styles.mine.openers]
case = "upper"
preambular = ["Recalling", "@preambular_phrases.txt"]

[styles.mine.numbering]
operative = "optional"
"""
DRAFT = "The General Assembly,\n\nrecalling its work;\n\n1. decides to act,\n\nRequests a report\n"

# Any value TOML can hold, nested a little.
toml_scalars = st.one_of(
    st.booleans(), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False), st.text(max_size=12),
    st.sampled_from(["auto", "un-ga", "interpol", "mine", "OPR", "PRE004", "error", "10MB", "*.txt", "", "ALL"]),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["a", "OPR001", "un-ga", "case", "mine", "extends", "openers"]) | st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


def _check_error(exc: ConfigError, path: Path | None) -> None:
    if path is not None:
        assert exc.path == str(path.resolve()) or exc.path == str(path)
        assert str(path.name) in str(exc)
    assert exc.problem and str(exc)


def _lints_cleanly(settings: Settings) -> None:
    with no_hidden_errors():
        result = lint(DRAFT, settings)
    assert not [f for f in result.findings if f.code == INTERNAL_CODE]


@ROBUST
@given(st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(max_size=10), toml_values, max_size=5))
def test_any_table_gives_settings_or_a_config_error(table):
    table.pop("extend", None)  # a path: covered by the file tests below
    try:
        settings = settings_from_table(table, "cfg.toml")
    except ConfigError as exc:
        _check_error(exc, None)
        assert exc.path == "cfg.toml"
        named = [k for k in table if exc.key == k or exc.key.startswith(f"{k}.")]
        assert named, f"the error names key {exc.key!r}, which is not in the table"
        return
    _lints_cleanly(settings)


@ROBUST
@given(st.text(alphabet=st.sampled_from(list('[]{}="\'.,#\n =abcstyle-_0123456789ruleOPR')), max_size=200) | st.text(max_size=120))
def test_random_toml_text_gives_settings_or_a_config_error(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "resolint.toml"
        path.write_text(text, encoding="utf-8")
        try:
            settings = load_settings(path)
        except ConfigError as exc:
            _check_error(exc, path)
            return
    _lints_cleanly(settings)


def test_every_truncation_of_a_rich_config_is_settings_or_a_config_error(tmp_path):
    path = tmp_path / "resolint.toml"
    outcomes = {"ok": 0, "error": 0}
    for cut in range(len(RICH_CONFIG) + 1):
        path.write_text(RICH_CONFIG[:cut], encoding="utf-8")
        try:
            settings = load_settings(path)
        except ConfigError as exc:
            _check_error(exc, path)
            outcomes["error"] += 1
            continue
        outcomes["ok"] += 1
        if cut % 40 == 0:
            _lints_cleanly(settings)
    assert outcomes["ok"] and outcomes["error"]  # both kinds were met on the way
    _lints_cleanly(load_settings(path))  # the whole file is valid


@pytest.mark.parametrize(
    "body, key",
    [
        ('style = "nope"', "style"),
        ('[styles.mine]\nextends = "mine"', "styles.mine"),
        ('[styles.a]\nextends = "b"\n[styles.b]\nextends = "a"', "styles.a"),
        ('[styles.a]\nextends = "no-such-style"', "styles.a"),
        ("[styles.x]\nopeners = 3", "styles.x.openers"),
        ('[styles.x]\nextends = "un-ga"\nopeners.case = 3', "styles.x.openers.case"),
        ("[styles.x]\nlint.ignore = [1]", "styles.x.lint.ignore"),
        ('[styles.x]\nopeners.cse = "upper"', "styles.x.openers.cse"),
        ("[rules.OPR001]\nfoo = 1", "rules.OPR001.foo"),
        ("[rules.ZZZ999]", "rules.ZZZ999"),
        ("rules = 3", "rules"),
        ('severity = { OPR = "fatal" }', "severity.OPR"),
        ('select = "OPR"', "select"),
        ("select = [1, 2]", "select"),
        ('per-file-ignores = { "*.txt" = "OPR" }', "per-file-ignores.*.txt"),
        ("unsafe-fixes = 1", "unsafe-fixes"),
        ('max-file-size = "big"', "max-file-size"),
        ("max-file-size = -1", "max-file-size"),
        ('colour = "blue"', "colour"),
        ('extend = "resolint.toml"', "extend"),
        ('extend = "missing.toml"', "extend"),
        ("extend = 3", "extend"),
        ("style = ", ""),
        ("[styles", ""),
    ],
)
def test_bad_configuration_names_file_and_key_and_exits_2(tmp_path, body, key):
    path = tmp_path / "resolint.toml"
    path.write_text(body + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.key == key
    assert str(path.name) in str(info.value)
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "resolint", "check", str(draft)], capture_output=True, cwd=tmp_path, timeout=120
    )
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "configuration error" in err and "resolint.toml" in err and (not key or f"'{key}'" in err)


@pytest.mark.parametrize(
    "body, key",
    [
        ('openers.case = "title"', "openers.case"),
        ('openers.preamble-modifier = "middle"', "openers.preamble-modifier"),
        ('numbering.operative = "sometimes"', "numbering.operative"),
        ('numbering.form = "no hash"', "numbering.form"),
        ('dates.format = "xyz"', "dates.format"),
        ('subparagraphs.case = "mixed"', "subparagraphs.case"),
        ('subparagraphs.schemes = ["greek"]', "subparagraphs.schemes"),
        ('spelling.variant = "american"', "spelling.variant"),
        ('list-items.case = "any"', "list-items.case"),
        ('citations.first-mention = "long"', "citations.first-mention"),
        ('detect.priority = "high"', "detect.priority"),
        ('terms.prefer = ["a"]', "terms.prefer"),
        ('terms.article-case = "title"', "terms.article-case"),
        ('lint.ignore = ["ZZZ999"]', "lint.ignore"),
        ('lint.extend-opt-in = ["PRX"]', "lint.extend-opt-in"),
    ],
)
def test_a_style_value_the_rules_do_not_understand_is_a_config_error(tmp_path, body, key):
    """These were accepted silently, and turned a check off or were misread."""
    path = tmp_path / "resolint.toml"
    path.write_text(f'style = "a"\n[styles.a]\nextends = "un-ga"\n{body}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.key == f"styles.a.{key}", str(info.value)


@pytest.mark.parametrize("name", ["_base", "un-ga", "un-sc", "interpol", "mun", "itu"])
def test_the_built_in_styles_pass_their_own_value_checks(tmp_path, name):
    from resolint.config_check import check_style_table
    from resolint.styles import _builtin_raw

    assert check_style_table(name, _builtin_raw(name)[0]) is None


@pytest.mark.parametrize("url, ok", [
    ("", True), ("https://example.org/resolint/", True), ("file:///srv/docs/", True),
    ("not a url", False), ("example.org/docs", False), ("https://", False), ("javascript:alert(1)", False),
])
def test_docs_url_must_be_an_address(tmp_path, url, ok):
    """"not a url" made the SARIF report's rule links invalid."""
    path = tmp_path / "resolint.toml"
    path.write_text(f'docs-url = "{url}"\n', encoding="utf-8")
    if ok:
        load_settings(path)
        return
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.key == "docs-url"


def test_undecodable_config_is_a_config_error(tmp_path):
    path = tmp_path / "resolint.toml"
    path.write_bytes(b'style = "\xff\xfe"\n')
    with pytest.raises(ConfigError):
        load_settings(path)


def test_pyproject_with_a_non_table_section(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool]\nresolint = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.key == "tool.resolint"


@ROBUST
@given(st.lists(st.sampled_from(["--select", "--ignore", "--style", "--max-file-size", "--format", "--jobs"]), max_size=3), st.lists(st.text(max_size=8), max_size=3))
def test_random_cli_options_never_raise(flags, values):
    argv = ["check", "--no-progress"]
    for flag, value in zip(flags, values, strict=False):
        argv += [flag, value]
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "d.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        argv.append(str(draft))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code
    assert code in (0, 1, 2), (argv, code, err.getvalue())
    assert "Traceback" not in err.getvalue()


@pytest.mark.parametrize("kind", ["fifo", "folder", "missing"])
def test_an_extend_that_names_no_regular_file_says_what_it_names(tmp_path, kind):
    """``extend = "base.toml"`` naming a FIFO said "file not found"; it is there, and is
    no file to read (opening it would block)."""
    import os

    target = tmp_path / "base.toml"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    config = tmp_path / "resolint.toml"
    config.write_text('extend = "base.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(config)
    assert ("file not found" if kind == "missing" else "not a regular file") in str(exc.value)


def test_a_repositorys_configuration_extends_only_files_in_the_repository(tmp_path):
    """A cloned repository's resolint.toml is someone else's: ``extend`` reached any file
    on the machine ("../outside/secret.toml", "/etc/…") and the error echoed what it read
    there, into an editor or a CI log. Inside a repository (a folder with .git above the
    configuration) extend stays in it; outside any repository, and inside it, as before."""
    outside = tmp_path / "outside.toml"
    outside.write_text('style = "ghp_not_a_style"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    (repo / "resolint.toml").write_text('style = "un-sc"\n', encoding="utf-8")
    for target in ("../../outside.toml", str(outside)):
        (repo / "sub" / "resolint.toml").write_text(f"extend = {target!r}\n", encoding="utf-8")
        with pytest.raises(ConfigError) as err:
            load_settings(repo / "sub" / "resolint.toml")
        assert err.value.key == "extend" and "outside the repository" in str(err.value) and "ghp_" not in str(err.value)
    (repo / "sub" / "resolint.toml").write_text('extend = "../resolint.toml"\n', encoding="utf-8")
    assert load_settings(repo / "sub" / "resolint.toml").style == "un-sc"
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "resolint.toml").write_text('extend = "../outside.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(plain / "resolint.toml")
    assert err.value.key == "style"  # read, as before: no repository to keep it in


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_configuration_name_that_is_no_regular_file_is_said_and_passed_over(tmp_path, monkeypatch, capsys, kind):
    """A ``resolint.toml`` found walking up from a draft that is a FIFO (or a folder) is
    not read (a FIFO would block) and the configuration above it applies, as before; it
    was passed over without a word. Now one warning on stderr names it, once however
    many drafts share it; the run goes on (exit 1: the draft's findings)."""
    import os

    (tmp_path / "resolint.toml").write_text('style = "un-sc"\n', encoding="utf-8")
    sub = tmp_path / "sub"
    (sub / "deeper").mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(sub / "resolint.toml")
    else:
        (sub / "resolint.toml").mkdir()
    for folder in (sub, sub / "deeper"):
        (folder / "d.res.txt").write_text("The Security Council,\n\n1. Decides to remain seized;\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "sub/d.res.txt", "sub/deeper/d.res.txt"]) == 1
    out, err = capsys.readouterr()
    assert err.count(str(sub / "resolint.toml")) == 1 and "not a regular file" in err
    assert {f["style"] for f in json.loads(out)["files"]} == {"un-sc"}
    monkeypatch.chdir(sub)  # the working folder's own configuration name
    main(["check", "--format", "json", "d.res.txt"])
    assert capsys.readouterr().err.count(str(sub / "resolint.toml")) == 1
    monkeypatch.chdir(tmp_path)  # standard input named as a draft there
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((sub / "d.res.txt").read_bytes())))
    main(["check", "--format", "json", "--stdin-filename", "sub/deeper/x.res.txt", "-"])
    out, err = capsys.readouterr()
    assert err.count(str(sub / "resolint.toml")) == 1 and json.loads(out)["files"][0]["style"] == "un-sc"
