"""The CLI as adopted in a repository and CI: only drafts, thresholds, reports, safe I/O."""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import FIXTURES

DRAFT = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019;\n\n1. Decides to act;\n"
FIXED = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n1. Decides to act.\n"
#: Only an info finding (a repeated opener).
INFO_ONLY = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\nRecalling the Charter,\n\n1. Decides to act.\n"
PROSE = "# Notes\n\nOur team drafts INTERPOL texts such as GA-2025-93-RES-03.\nthe interpreter said hello;\n"
ROOT = Path(__file__).resolve().parents[1]


def run(*args, input: bytes | None = None, cwd=None, env=None, **kw):
    inherited = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}  # only when a test asks
    env = {**inherited, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "resolint", *map(str, args)], input=input, capture_output=True, cwd=cwd, env=env, **kw)


def paths_of(proc) -> list[str]:
    return sorted(Path(f["path"]).name for f in json.loads(proc.stdout)["files"])


# -- only drafts -------------------------------------------------------------------------


def test_folder_discovery_reads_only_drafts_and_respects_gitignore(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\nignored.res.txt\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(PROSE, encoding="utf-8")
    (tmp_path / "shows-a-draft.md").write_text("Example:\n\n```\n" + DRAFT + "```\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "named.res.md").write_text("1. Decides to act.\n", encoding="utf-8")
    (tmp_path / "ignored.res.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "out.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--format", "json", "--exit-zero", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert paths_of(proc) == ["draft.txt", "named.res.md"]
    assert b"README" not in proc.stderr  # found in a folder: skipped silently


def test_a_gitignore_pattern_of_exponential_time_does_not_hang_the_walk(tmp_path):
    """A repository's .gitignore is anyone's: "*a*a*…*b" became a regular expression that
    took Python's re minutes on a long file name. Its patterns run with a time limit; the
    other patterns still apply."""
    from resolint.cli.walk import discover

    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("*a" * 14 + "*b\nignored.res.txt\n", encoding="utf-8")
    long_name = "a" * 200 + ".res.txt"
    (tmp_path / long_name).write_text(DRAFT, encoding="utf-8")
    (tmp_path / "ignored.res.txt").write_text(DRAFT, encoding="utf-8")
    found = discover([str(tmp_path)])
    assert sorted(p.name for p, _ in found.files) == [long_name]


def test_the_projects_own_readme_is_not_a_draft():
    proc = run("check", "--format", "json", "--exit-zero", ".", cwd=ROOT)
    assert "README.md" not in paths_of(proc)


def test_named_non_draft_gets_one_line_and_is_not_fixed(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(PROSE, encoding="utf-8")
    proc = run("check", "--fix", readme)
    assert proc.returncode == 0
    lines = [l for l in proc.stderr.decode().splitlines() if "README.md" in l]
    assert len(lines) == 1 and "not a draft" in lines[0]
    assert readme.read_text(encoding="utf-8") == PROSE


@pytest.mark.parametrize("opening", [
    "The Economic and Social\nCouncil,",  # wrapped at a narrow margin
    "The Plenipotentiary Conference of the International Telecommunication\nUnion (Dubai, 2018),",
    "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 3\nto 6 November 2026\nat its 94th session:",
])
def test_a_draft_whose_opening_an_editor_wrapped_is_a_draft(tmp_path, opening):
    """The parser reads an opening wrapped over a few lines of one block as the opening;
    the CLI took the file for no draft (no line of it was an opening) and checked nothing."""
    draft = tmp_path / "draft.txt"
    draft.write_text(f"{opening}\n\nRecalling its resolution 74/1 of 1 October 2019;\n\n1. Decides to act.\n", encoding="utf-8")
    proc = run("check", "--format", "json", "--exit-zero", draft)
    assert paths_of(proc) == ["draft.txt"], proc.stderr


@pytest.mark.parametrize("prose", [
    "The General Assembly of the club met on Monday\nand raised the fee.\n",
    "The minutes of the\nmeeting of the Council are attached.\n\nThe Council met\ntwice, in May,\nand in June.\n",
])
def test_prose_whose_lines_start_with_the_is_not_a_draft(tmp_path, prose):
    notes = tmp_path / "notes.txt"
    notes.write_text(prose, encoding="utf-8")
    proc = run("check", "--format", "json", "--exit-zero", notes)
    assert paths_of(proc) == [] and "not a draft" in proc.stderr.decode()


def test_include_and_exclude_override_detection(tmp_path):
    (tmp_path / "resolint.toml").write_text('include = ["partial.txt"]\nexclude = ["draft.txt"]\n', encoding="utf-8")
    (tmp_path / "partial.txt").write_text("1. Decides to act.\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--format", "json", "--exit-zero", ".", cwd=tmp_path)
    assert paths_of(proc) == ["partial.txt"]


@pytest.mark.parametrize("pattern", ["archive/*", "archive", "archive/", "**/old.txt", "/archive"])
def test_exclude_is_relative_to_the_configurations_folder_wherever_resolint_runs(tmp_path, pattern):
    """`check proj --fix` from the parent folder matched "archive/*" against the path as
    typed ("proj/archive/old.txt") and rewrote the excluded file; a folder's name and a
    leading "**/" are matched as ruff's and git's users expect."""
    proj = tmp_path / "proj"
    (proj / "archive").mkdir(parents=True)
    (proj / "resolint.toml").write_text(f"exclude = [{pattern!r}]\n", encoding="utf-8")
    old = proj / "archive" / "old.txt"
    old.write_text(DRAFT, encoding="utf-8")
    new = proj / "new.txt"
    new.write_text(DRAFT, encoding="utf-8")
    for cwd, target in ((tmp_path, "proj"), (proj, "."), (tmp_path, "proj/archive/old.txt")):
        proc = run("check", "--fix", target, cwd=cwd)
        assert proc.returncode == 0, proc.stderr
        assert old.read_text(encoding="utf-8") == DRAFT, (cwd, target)
    assert new.read_text(encoding="utf-8") == FIXED


def test_glob_patterns_of_an_extended_file_are_relative_to_its_folder(tmp_path):
    from resolint.cli.drafts import matches
    from resolint.config import load_settings

    (tmp_path / "base").mkdir()
    (tmp_path / "proj").mkdir()
    (tmp_path / "base" / "cfg.toml").write_text(
        'exclude = ["archive/*", "~$*"]\n[per-file-ignores]\n"drafts/*.txt" = ["OPR007"]\n', encoding="utf-8")
    (tmp_path / "proj" / "resolint.toml").write_text('extend = "../base/cfg.toml"\n', encoding="utf-8")
    s = load_settings(tmp_path / "proj" / "resolint.toml")
    assert matches(tmp_path / "base" / "archive" / "old.txt", s.exclude, s.root)
    assert not matches(tmp_path / "proj" / "archive" / "old.txt", s.exclude, s.root)
    assert matches(tmp_path / "proj" / "~$x.docx", s.exclude, s.root)  # a bare name: at any depth
    assert s.ignored_for(str(tmp_path / "base" / "drafts" / "a.txt")) == ("OPR007",)
    assert s.ignored_for(str(tmp_path / "proj" / "drafts" / "a.txt")) == ()


def _fix_is_refused(draft: Path, text: str, why: bytes) -> Path:
    """Write ``text`` to ``draft``, run ``check --fix`` on it: "not fixed" for ``why``, the file as it was."""
    draft.write_text(text, encoding="utf-8")
    proc = run("check", "--fix", draft)
    assert b"not fixed" in proc.stderr and why in proc.stderr
    assert draft.read_text(encoding="utf-8") == text
    return draft


def test_fix_refuses_the_default_style_for_a_body_with_no_style(tmp_path):
    """"The General Conference,": no style knows the body, and the default style's safe
    fixes rewrote its house conventions ("URGES" to "Urges", its preambular ";" to ",").
    Linted, not fixed; with --style the drafter chooses."""
    text = "The General Conference,\n\nRecalling resolution GC(68)/RES/3;\n\n1. URGES Member States to act;\n"
    draft = _fix_is_refused(tmp_path / "gc.res.txt", text, b"no style of its own")
    proc = run("check", "--fix", "--style", "un-ga", draft)
    assert b"not fixed" not in proc.stderr and draft.read_text(encoding="utf-8") != text


def test_fix_refuses_a_style_guessed_from_prose(tmp_path):
    # The only mention of a body is in a sentence above the text: linted, never fixed.
    text = "Notes for the team.\nWe work with INTERPOL on GA-2025-93-RES-03 texts every year and keep notes.\n\nthe interpreter said;\n\n5. x\n"
    _fix_is_refused(tmp_path / "notes.res.txt", text, b"guessed from a mention")
    # The same symbol as a title-block line decides the style: fixing goes ahead.
    titled = tmp_path / "titled.res.txt"
    titled.write_text("GA-2025-93-RES-03\n\nThe General Assembly,\n\nrecalling x,\n\n1. x;\n", encoding="utf-8")
    proc = run("check", "--fix", titled)
    assert b"not fixed" not in proc.stderr and "RECALLING x," in titled.read_text(encoding="utf-8")


# -- thresholds and text output ------------------------------------------------------------


def test_fail_on_threshold_and_config_key(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(INFO_ONLY, encoding="utf-8")
    assert run("check", draft).returncode == 0  # default: warning; an info does not fail
    assert run("check", "--fail-on", "info", draft).returncode == 1
    (tmp_path / "resolint.toml").write_text('fail-on = "info"\n', encoding="utf-8")
    assert run("check", "draft.txt", cwd=tmp_path).returncode == 1
    out = run("check", "draft.txt", cwd=tmp_path).stdout.decode()
    assert ": info: PRE006 " in out and "1 info)" in out


def test_summary_in_severity_order_with_plurals(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The General Assembly\n\nRecalls the past;\n\nRecalling the Charter,\n\nRecalling the rest,\n\n2. Decides to act;\n", encoding="utf-8")
    out = run("check", draft).stdout.decode()
    summary = [l for l in out.splitlines() if l.startswith("Found")][0]
    parts = summary[summary.index("(") + 1 : summary.index(")")].split(", ")
    words = [p.split()[1] for p in parts]
    order = ["errors", "error", "warnings", "warning", "info"]
    assert words == sorted(words, key=order.index)
    for p in parts:
        n, word = p.split()
        assert (word.endswith("s") or word == "info") == (n != "1" or word == "info")


def test_fix_says_what_was_fixed_and_what_remains(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The General Assembly,\n\nRecalling the past;\n\n1. Decides to act;\n\n3. Decides to stay.\n", encoding="utf-8")
    before = run("check", draft).stdout.decode()
    assert "[*]" in before and "--unsafe-fixes" in before  # renumbering is unsafe
    out = run("check", "--fix", draft).stdout.decode()
    assert "Fixed 1 finding; 1 remaining (1 error)" in out
    assert "1 more fix with --unsafe-fixes" in out


@pytest.mark.parametrize("link", ["same", "hard", "symbolic"])
def test_an_output_file_that_is_a_draft_being_checked_is_refused(tmp_path, link):
    """``check d.txt --output-file d.txt`` wrote the report over the draft (and over its
    fixes with --fix); a hard link passed a comparison of resolved paths."""
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = draft if link == "same" else tmp_path / "out.txt"
    if link == "hard":
        os.link(draft, out)
    elif link == "symbolic":
        out.symlink_to(draft)
    proc = run("check", "--fix", "--output-file", out, draft)
    assert proc.returncode == 2 and b"the output file is one of the files to check" in proc.stderr
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_statistics_output_file_and_color(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    stats = run("check", "--statistics", draft).stdout.decode().splitlines()
    assert stats and all(l.split("\t")[0].strip().isdigit() for l in stats)
    assert sum(int(l.split("\t")[0]) for l in stats) == 2
    report = tmp_path / "report.json"
    proc = run("check", "--format", "json", "--output-file", report, draft)
    assert proc.stdout == b"" and json.loads(report.read_text(encoding="utf-8"))["summary"]["diagnostics"] == 2
    assert b"\x1b[" in run("check", "--color", "always", draft).stdout
    assert b"\x1b[" not in run("check", "--color", "never", draft, env={"FORCE_COLOR": "1"}).stdout
    assert b"\x1b[" in run("check", draft, env={"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout


def test_head_ends_quietly(tmp_path):
    for k in range(30):
        (tmp_path / f"d{k}.txt").write_text(DRAFT, encoding="utf-8")
    proc = subprocess.run(f"'{sys.executable}' -m resolint check . | head -1", shell=True, cwd=tmp_path, capture_output=True)
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (a device every write to fails: disk full)")
@pytest.mark.parametrize("args", [
    ("check", "d.txt"), ("check", "--format", "sarif", "d.txt"), ("check", "--diff", "d.txt"),
    ("check", "--output-file", "/dev/full", "d.txt"), ("check", "--fix", "-"), ("rules",), ("rule", "PRE001"),
])
def test_a_full_disk_is_told_as_such_not_as_a_bug(tmp_path, args):
    """Output that cannot be written (no space left) was "internal error: OSError ...
    (please report this)"."""
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "resolint", *args], input=DRAFT.encode("utf-8"), stdout=full,
                              stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode("utf-8").strip() == f"resolint: cannot write the output: {os.strerror(errno.ENOSPC)}"


# -- every setting checked ----------------------------------------------------------------


@pytest.mark.parametrize("args", [("--select", "PRE0O1"), ("--ignore", "XYZ")])
def test_unknown_code_on_the_command_line_names_the_nearest(args):
    proc = run("check", *args, FIXTURES / "sample-draft.txt")
    assert proc.returncode == 2
    assert b"PRE0O1" in proc.stderr and b"PRE001" in proc.stderr or b"XYZ" in proc.stderr


@pytest.mark.parametrize(
    "toml",
    ['select = ["PRE0O1"]', 'ignore = ["QQQ"]', '[severity]\nPRX = "info"', '[per-file-ignores]\n"*.txt" = ["OPR999"]'],
)
def test_unknown_code_in_configuration_is_an_error(tmp_path, toml):
    (tmp_path / "resolint.toml").write_text(toml + "\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", "draft.txt", cwd=tmp_path)
    assert proc.returncode == 2 and b"no rule code or prefix" in proc.stderr


def test_unknown_code_in_a_directive_is_reported_not_deleted(tmp_path):
    draft = tmp_path / "draft.txt"
    text = "The General Assembly,\n\n<!-- resolint: ignore[PRE0O4] -->\nRecalling the past;\n\n1. Decides to act.\n"
    draft.write_text(text, encoding="utf-8")
    out = run("check", "--format", "json", draft).stdout
    sup = [d for d in json.loads(out)["files"][0]["diagnostics"] if d["code"] == "SUP002"]
    assert sup and "PRE0O4" in sup[0]["message"] and "PRE004" in sup[0]["message"] and sup[0]["fix"] is None


def test_fix_keeps_a_malformed_directive_and_its_reason(tmp_path):
    """SUP002's safe fix deleted a directive with a typo, the drafter's reason with it: a
    typo is reported and left to correct; only --unsafe-fixes deletes it."""
    draft = tmp_path / "draft.txt"
    text = ("The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n"
            "<!-- resolint: disable=OPR006 -- quoted from the treaty -->\n1. Decides to act.\n")
    draft.write_text(text, encoding="utf-8")
    out = run("check", "--format", "json", draft).stdout
    sup = [d for d in json.loads(out)["files"][0]["diagnostics"] if d["code"] == "SUP002"]
    assert sup and sup[0]["fix"]["applicability"] == "unsafe"
    run("check", "--fix", draft)
    assert draft.read_text(encoding="utf-8") == text
    run("check", "--fix", "--unsafe-fixes", draft)
    assert "resolint:" not in draft.read_text(encoding="utf-8")


SEIZED = ("The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n1. Decides to act;\n\n"
          "<!-- resolint: ignore[OPR006] -->\n2. decides to remain seized of the matter.\n")


@pytest.mark.parametrize("settings", [
    {"ignore": ("OPR006",)}, {"ignore": ("OPR",)}, {"select": ("PRE", "SUP")}, {"per_file_ignores": (("*.txt", ("OPR006",)),)},
])
def test_a_directive_whose_rules_are_off_for_the_run_is_not_unused(settings):
    """SUP001 called a valid directive unused when its rule was merely switched off for the
    run, and its safe fix deleted it."""
    from resolint.engine import lint
    from resolint.settings import Settings

    codes = [f.code for f in lint(SEIZED, Settings(**settings), path="draft.txt").findings]
    assert "SUP001" not in codes
    # A directive whose rule ran and found nothing is still unused.
    unused = SEIZED.replace("2. decides", "2. Decides")
    assert "SUP001" in [f.code for f in lint(unused, Settings(ignore=("PRE",))).findings]
    assert "SUP001" in [f.code for f in lint(unused.replace("[OPR006]", ""), Settings()).findings]


def test_fix_keeps_a_directive_whose_rule_is_ignored_for_the_run(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(SEIZED, encoding="utf-8")
    run("check", "--ignore", "OPR006", "--fix", draft)
    assert draft.read_text(encoding="utf-8") == SEIZED


def test_configuration_schema_agrees_with_the_checker(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from resolint.config import SCHEMA_PATH, ConfigError, settings_from_table

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    good = [{"select": ["PRE", "OPR001"], "fail-on": "info", "max-file-size": "10MB", "severity": {"PRE": "info"},
             "per-file-ignores": {"a/*.txt": ["TRM"]}, "include": ["*.draft"],
             "terms": {"article-case": "lower", "organization": ["Organization of American States", "OAS"]}}]
    bad = [{"selct": ["PRE"]}, {"fail-on": "warn"}, {"unsafe-fixes": "yes"}, {"severity": {"PRE": "loud"}},
           {"include": "x"}, {"terms": {"nope": "x"}}, {"terms": {"organization": "OAS"}}]
    for table in good:
        jsonschema.validate(table, schema)
        settings_from_table(table, "t.toml")
    for table in bad:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(table, schema)
        with pytest.raises(ConfigError):
            settings_from_table(table, "t.toml")
    # pyproject's [tool.resolint] schema refers to the same one
    py = json.loads((SCHEMA_PATH.parent / "pyproject.schema.json").read_text(encoding="utf-8"))
    assert py["properties"]["tool"]["properties"]["resolint"]["$ref"] == SCHEMA_PATH.name


# -- report formats -------------------------------------------------------------------------


def test_junit_counts_errors_apart_from_failures(tmp_path):
    junitparser = pytest.importorskip("junitparser")
    (tmp_path / "bad.txt").write_bytes(b"The General Assembly,\n\xff\n")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "info.txt").write_text(INFO_ONLY, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(FIXED, encoding="utf-8")
    name = "odd\x1bname.res.txt"
    (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--format", "junit", ".", cwd=tmp_path)
    out = tmp_path / "out.xml"
    out.write_bytes(proc.stdout)
    xml = junitparser.JUnitXml.fromfile(str(out))
    suite = next(iter(xml))
    assert (suite.tests, suite.failures, suite.errors) == (5, 2, 1)
    assert b"\\x1b" in proc.stdout


def test_sarif_base_uri_of_the_root_folder_has_one_slash():
    """Run from "/", the base URI was "file:////"."""
    from resolint.cli.render import _folder_uri

    assert _folder_uri(Path("/")) == "file:///"
    assert _folder_uri(Path("/tmp")) == "file:///tmp/"


def test_sarif_uris_are_relative_and_encoded(tmp_path):
    folder = tmp_path / "my drafts #2"
    folder.mkdir()
    (folder / "a b#1.txt").write_text(DRAFT, encoding="utf-8")
    doc = json.loads(run("check", "--format", "sarif", ".", cwd=tmp_path).stdout)
    runobj = doc["runs"][0]
    loc = runobj["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "my%20drafts%20%232/a%20b%231.txt", "uriBaseId": "%SRCROOT%"}
    assert runobj["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    assert runobj["columnKind"] == "unicodeCodePoints"
    for rule in runobj["tool"]["driver"]["rules"]:
        assert rule["fullDescription"]["text"] and rule["help"]["text"] and rule["help"]["markdown"] and rule["helpUri"]


def test_diff_goes_to_stdout_findings_to_stderr_and_json_keeps_it(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--diff", draft)
    assert proc.stdout.decode().startswith("---") and b"PRE004" not in proc.stdout
    assert b"PRE004" in proc.stderr
    doc = json.loads(run("check", "--diff", "--format", "json", draft).stdout)
    assert "+Recalling its resolution 74/1 of 1 October 2019," in doc["files"][0]["diff"]
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_control_characters_from_a_draft_are_escaped(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The General Assembly,\n\nRecall\x01ing\x1b[2J\x1b]0;PWNED\x07 its work;\n\n1. Decides to act.\n", encoding="utf-8")
    for fmt in ("text", "github"):
        out = run("check", "--format", fmt, "--fail-on", "info", draft).stdout
        assert b"\x1b" not in out and b"\x07" not in out and b"\x01" not in out


@pytest.mark.parametrize("fmt", ["text", "junit"])
def test_a_line_feed_in_a_files_name_cannot_forge_a_report_line(tmp_path, fmt):
    """A name with a line feed ("new⏎line.res.txt") broke the report line there: the rest
    of the name read as a line of its own, which a name can make look like any finding."""
    draft = tmp_path / "forged\nx.txt:1:1: error: PRE001 forged.res.txt"
    draft.write_text("The General Assembly,\n\nRecalls its work,\n\n1. Decides to act.\n", encoding="utf-8")
    out = run("check", "--format", fmt, tmp_path).stdout.decode()
    assert "forged\\x0ax.txt" in out
    assert not any(line.startswith("x.txt:1:1") for line in out.splitlines())


@pytest.mark.parametrize("command", [
    ["export", "{name}.txt"], ["export", "{name}.res.txt"], ["export", "d.txt", "-o", "{name}/x.xml"],
    ["export", "d.txt", "--force", "-o", "{name}.xml"], ["annotate", "{name}.docx"], ["rule", "{name}"], ["docs", "{name}"],
])
def test_names_from_the_command_line_cannot_drive_the_terminal_or_forge_a_line(tmp_path, command):
    """export, annotate, rule and docs wrote the names they were given as they were: an
    escape sequence reached the terminal, and a line feed began a line of the name's."""
    name = "\x1b[31mred\nresolint: d.txt: exported as akn to forged"
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / f"{name}.res.txt").write_text(DRAFT.replace("1. Decides", "2. Decides"), encoding="utf-8")  # refused
    proc = run(*(part.format(name=name) for part in command), cwd=tmp_path)
    err = proc.stderr.decode("utf-8")
    assert "\x1b" not in err and "\\x1b[31mred\\x0aresolint" in err, err
    assert not any(line.startswith("resolint: d.txt: exported as akn to forged") for line in err.splitlines())


# -- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["unicode_escape", "raw_unicode_escape", "rot13", "hex", "base64", "idna"])
def test_an_encoding_that_is_not_a_files_is_refused_before_anything_is_read(tmp_path, codec):
    """"--encoding unicode_escape --fix" read the file's line breaks and wrote them back as
    "\\n": the draft became one line. rot13, hex: "internal error: LookupError"."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--fix", "--encoding", codec, draft)
    assert proc.returncode == 2 and b"not an encoding of text files" in proc.stderr
    assert b"internal error" not in proc.stderr and draft.read_text(encoding="utf-8") == DRAFT


def test_a_file_its_encoding_would_not_write_back_the_same_is_not_fixed(tmp_path):
    """Read as UTF-16 without its byte order, a fix would write the bytes back with one:
    refused, naming the offset; with its byte order mark, "utf-16" reads it as usual."""
    draft = tmp_path / "draft.txt"
    draft.write_bytes(DRAFT.encode("utf-16-le"))
    proc = run("check", "--fix", "--encoding", "utf-16", draft)
    assert proc.returncode == 2 and b"does not write the text back as the same bytes" in proc.stdout + proc.stderr
    assert draft.read_bytes() == DRAFT.encode("utf-16-le")
    draft.write_bytes(codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be"))
    proc = run("check", "--fix", "--encoding", "utf-16", draft)
    assert proc.returncode in (0, 1) and draft.read_bytes() == codecs.BOM_UTF16_BE + FIXED.encode("utf-16-be")


def test_windows_1252_gets_a_hint_and_encoding_reads_it(tmp_path):
    draft = tmp_path / "draft.txt"
    data = DRAFT.replace("Recalling its", "Recalling its \u201cfirst\u201d").encode("cp1252")
    draft.write_bytes(data)
    proc = run("check", draft)
    assert proc.returncode == 2 and b"--encoding cp1252" in proc.stdout + proc.stderr
    proc = run("check", "--fix", "--encoding", "cp1252", draft)
    assert proc.returncode in (0, 1)
    assert draft.read_bytes() == FIXED.replace("Recalling its", "Recalling its \u201cfirst\u201d").encode("cp1252")


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b""), ("utf-16-be", b""), ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_without_bom_and_utf32_with_bom_are_read(tmp_path, codec, bom):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(bom + DRAFT.encode(codec))
    proc = run("check", "--fix", draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert draft.read_bytes() == bom + FIXED.encode(codec)


# -- robustness of the run ------------------------------------------------------------------


def test_closed_stdin_is_exit_2_with_a_line():
    proc = subprocess.run(f"'{sys.executable}' -m resolint check - <&-", shell=True, capture_output=True)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr and b"closed" in proc.stderr


def test_endless_stdin_is_read_no_further_than_the_size_limit():
    """``check - < /dev/zero`` read on to 5 GB in 15 s before the size was looked at: it
    stops one byte past the limit and says so."""
    code = "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], stdin=open('/dev/zero', 'rb'), capture_output=True); " \
           "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.stderr.buffer.write(p.stderr)"
    proc = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "resolint", "check", "--max-file-size", "1MB", "-"],
                          capture_output=True, timeout=120)
    returncode, peak_kib = map(int, proc.stdout.split())
    assert returncode == 2 and b"standard input is over the limit of 1 MB" in proc.stderr
    assert peak_kib < 300_000


@pytest.mark.parametrize("size", ["1" + "0" * 400 + "MB", "1e999MB", "99999999999TB"])
def test_oversized_max_file_size_is_a_usage_error(size):
    proc = run("check", "--max-file-size", size, FIXTURES / "sample-draft.txt")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr


def test_an_output_file_in_a_missing_folder_is_a_usage_error(tmp_path):
    """It was "internal error: FileNotFoundError … (please report this)"."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--format", "json", "--output-file", tmp_path / "no" / "such" / "out.json", draft)
    assert proc.returncode == 2 and b"internal error" not in proc.stderr
    assert b"--output-file" in proc.stderr and b"no such folder" in proc.stderr
    proc = run("check", "--output-file", tmp_path, draft)
    assert proc.returncode == 2 and b"is a folder" in proc.stderr


@pytest.mark.parametrize(("limit", "words"), [
    ("10", "file is 92 bytes, over the limit of 10 bytes"),
    ("0.05kB", "file is 92 bytes, over the limit of 50 bytes"),
    ("91", "file is 92 bytes, over the limit of 91 bytes"),
])
def test_a_file_over_the_size_limit_says_both_sizes_readably(tmp_path, limit, words):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert draft.stat().st_size == 92
    proc = run("check", "--max-file-size", limit, draft)
    assert proc.returncode == 2 and words in proc.stdout.decode(), proc.stdout


def test_readable_sizes():
    from resolint.cli.main import readable_size

    assert [readable_size(n) for n in (1, 999, 1000, 2500, 5_000_000, 1_234_567_890)] == [
        "1 byte", "999 bytes", "1 kB", "2.5 kB", "5 MB", "1.2 GB"]


def test_a_named_file_excluded_by_the_configuration_gets_no_hint_about_naming_drafts(tmp_path):
    (tmp_path / "resolint.toml").write_text('exclude = ["old.txt"]\n', encoding="utf-8")
    (tmp_path / "old.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", "old.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert b"excluded by the configuration's exclude" in proc.stderr and b"Name drafts" not in proc.stderr


def test_fifo_named_is_refused_and_in_a_folder_skipped(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--format", "json", "--exit-zero", tmp_path, timeout=60)
    assert paths_of(proc) == ["draft.txt"]
    proc = run("check", fifo, timeout=60)
    assert proc.returncode == 2 and b"FIFO" in proc.stdout + proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_subfolder_is_reported(tmp_path):
    sub = tmp_path / "locked"
    sub.mkdir()
    (sub / "draft.txt").write_text(DRAFT, encoding="utf-8")
    sub.chmod(0)
    try:
        proc = run("check", tmp_path)
    finally:
        sub.chmod(0o755)
    assert proc.returncode == 2 and b"cannot read this folder" in proc.stdout


def test_unreadable_subfolder_is_reported_from_the_walk(tmp_path, monkeypatch):
    from resolint.cli import walk

    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    found = walk.discover([str(tmp_path)])
    assert found.problems and "locked" in found.problems[0][0]


def test_an_internal_error_is_exit_2_naming_the_file_and_others_still_reported(tmp_path, monkeypatch, capsys):
    from resolint.cli import main as cli

    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DRAFT, encoding="utf-8")
    real = cli.lint

    def lint(text, settings, path=None, style=None):
        if str(path).endswith("a.txt"):
            raise RuntimeError("boom")
        return real(text, settings, path=path, style=style)

    monkeypatch.setattr(cli, "lint", lint)
    code = cli.main(["check", "--format", "json", str(tmp_path)])
    doc = json.loads(capsys.readouterr().out)
    assert code == 2
    errors = {Path(f["path"]).name: f.get("error", "") for f in doc["files"]}
    assert "internal error" in errors["a.txt"] and "boom" in errors["a.txt"]
    assert not errors["b.txt"] and doc["files"][1]["diagnostics"]


def test_stdin_fix_writes_bytes_to_a_non_utf8_stdout():
    proc = run("check", "--fix", "-", input=DRAFT.replace("its", "its caf\u00e9").encode("utf-8"),
               env={"PYTHONIOENCODING": "ascii"})
    assert proc.stdout.decode("utf-8") == FIXED.replace("its", "its caf\u00e9")


# -- --fix and file identity -----------------------------------------------------------------


def test_fix_writes_through_symlinks_and_keeps_hard_links(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run("check", "--fix", link)
    assert link.is_symlink() and target.read_text(encoding="utf-8") == FIXED
    a = tmp_path / "a.txt"
    a.write_text(DRAFT, encoding="utf-8")
    b = tmp_path / "b-hard.txt"
    os.link(a, b)
    run("check", "--fix", a)
    assert os.stat(a).st_ino == os.stat(b).st_ino and b.read_text(encoding="utf-8") == FIXED


def _one_file_many_ways(tmp_path: Path) -> dict[str, list[str]]:
    """A draft in a folder, reached by several spellings, a symbolic and a hard link."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    draft = folder / "a.res.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    (folder / "b-link.res.txt").symlink_to("a.res.txt")
    os.link(draft, folder / "c-hard.res.txt")
    return {
        "named twice": [str(draft), str(draft)],
        "two spellings": ["drafts/a.res.txt", "./drafts/a.res.txt", str(draft)],
        "folder and file": ["drafts", "drafts/a.res.txt"],
        "file and folder": ["drafts/a.res.txt", "drafts"],
        "links in the folder": ["drafts"],
        "named links": ["drafts/b-link.res.txt", "drafts/c-hard.res.txt", "drafts/a.res.txt"],
    }


@pytest.mark.parametrize("way", ["named twice", "two spellings", "folder and file", "file and folder",
                                 "links in the folder", "named links"])
def test_a_file_reached_many_ways_is_checked_and_patched_once(tmp_path, way):
    paths = _one_file_many_ways(tmp_path)[way]
    report = json.loads(run("check", "--format", "json", *paths, cwd=tmp_path).stdout)
    assert report["summary"]["files"] == 1 and len(report["files"]) == 1
    diff = run("check", "--diff", *paths, cwd=tmp_path).stdout.decode("utf-8")
    assert diff.count("\n+++ ") + diff.startswith("+++ ") == 1  # one patch: `git apply` takes it
    fixed = run("check", "--fix", *paths, cwd=tmp_path)
    assert b"in 1 file" in fixed.stdout and (tmp_path / "drafts" / "a.res.txt").read_text(encoding="utf-8") == FIXED


def test_a_missing_file_named_twice_is_one_error(tmp_path):
    (tmp_path / "gone.res.txt").symlink_to("nowhere.res.txt")
    proc = run("check", "gone.res.txt", "./gone.res.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout.count(b"gone.res.txt") == 1


def test_fix_keeps_mode_owner_and_xattrs(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    draft.chmod(0o640)
    try:
        os.setxattr(draft, "user.origin", b"committee")
        has_xattr = True
    except OSError:
        has_xattr = False
    if os.geteuid() == 0:
        os.chown(draft, 12345, 23456)
    run("check", "--fix", draft)
    st = os.stat(draft)
    assert draft.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(st.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (st.st_uid, st.st_gid) == (12345, 23456)
    if has_xattr:
        assert os.getxattr(draft, "user.origin") == b"committee"


def test_read_only_file_is_refused_unless_asked(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    draft.chmod(0o444)
    proc = run("check", "--fix", draft)
    assert b"read-only" in proc.stderr and draft.read_text(encoding="utf-8") == DRAFT
    # The summary says why the safe fixes shown with [*] are still there.
    assert b"safe fixes were not applied" in proc.stdout
    run("check", "--fix", "--fix-read-only", draft)
    assert draft.read_text(encoding="utf-8") == FIXED and stat.S_IMODE(os.stat(draft).st_mode) == 0o444


def test_fix_falls_back_to_in_place_when_the_folder_refuses_a_temporary_file(tmp_path, monkeypatch):
    from resolint.cli import files

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    files.write_file(draft, FIXED.encode())
    assert draft.read_text(encoding="utf-8") == FIXED


def test_long_file_name_is_fixed(tmp_path):
    draft = tmp_path / ("d" * 240 + ".txt")
    draft.write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--fix", draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert draft.read_text(encoding="utf-8") == FIXED
    assert [p.name for p in tmp_path.iterdir()] == [draft.name]


def test_annotate_output_keeps_the_input_mode(tmp_path):
    docx = pytest.importorskip("docx")
    src = tmp_path / "draft.docx"
    d = docx.Document()
    for para in DRAFT.strip().split("\n\n"):
        d.add_paragraph(para)
    d.save(src)
    src.chmod(0o644)
    proc = run("annotate", src)
    assert proc.returncode in (0, 1), proc.stderr
    out = tmp_path / "draft.reviewed.docx"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644


def test_utf32_without_bom_is_refused_not_linted_as_garbage(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(DRAFT.encode("utf-32-le"))
    proc = run("check", draft)
    assert proc.returncode == 2 and b"--encoding" in proc.stdout + proc.stderr
    assert run("check", "--encoding", "utf-32-le", draft).returncode == 1


@pytest.mark.parametrize(
    "text,is_draft",
    [
        ("The General Assembly,\n\n1. Decides.\n", True),
        ("**The Security Council**,\n", True),
        ("The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 May 2031 at its 99th session:\n", True),
        ("RESOLUTION 12 (REV. NOWHERE, 2031)\n\nrecalling\n", True),
        ("Resolution No. 3\n\nSubject: x\n", True),
        ("A/RES/99/12\n", True),
        ("# Guide\n\n```\nThe General Assembly,\n```\n", False),  # an example in a code fence
        ("Guide\n\n    The General Assembly,\n", False),  # an indented code block
        ("The General Assembly decided last year to act on this, as we explain below.\n", False),
        ("We cite A/RES/99/12 and Resolution 34 (Rev. X, 2031) of that conference.\n", False),
    ],
)
def test_draft_signal(text, is_draft):
    from resolint.cli.drafts import draft_signal

    assert bool(draft_signal(text)) is is_draft


@pytest.mark.parametrize("before", ["\u200f", "\u200e\u200f", "\ufeff\u200b", "\u2066", "\u00ad"])
def test_an_opening_after_marks_that_print_nothing_is_a_draft(before):
    """A direction mark before each line (a word processor set to Arabic or Hebrew) or a
    zero-width space before the opening: the draft was skipped as not a draft."""
    from resolint.cli.drafts import draft_signal

    assert draft_signal(f"{before}The General Assembly,{before}\n\n1. Decides to act.\n")
    assert draft_signal(f"Notes\n\n{before}78/10. Cooperation on lakes\n")


def test_a_vertical_tab_does_not_break_a_line_for_the_draft_test():
    """Word writes a line break within a paragraph as a vertical tab; the parser breaks
    lines at CR and LF only, and so does the test of whether a file is a draft."""
    from resolint.cli.drafts import draft_signal

    assert not draft_signal("Minutes of the meeting\vThe General Assembly,\n")
    assert draft_signal("The General Assembly,\v\n\n1. Decides to act.\n")


@pytest.mark.parametrize(("name", "is_draft"), [("draft.txt", True), ("draft.docx", True), ("notes.md", False)])
def test_an_indented_opening_is_a_draft_but_in_markdown(name, is_draft):
    """A United Nations draft copied from its PDF indents the opening and every paragraph:
    as a .txt it was skipped as not a draft. In Markdown the indentation is a code block."""
    from resolint.cli.drafts import why_draft

    text = "United Nations                                  A/80/L.99\n\n     The General Assembly,\n\n     1.   Decides to act.\n"
    assert why_draft(name, text, (), ())[0] is is_draft


def test_a_file_that_cannot_be_written_does_not_stop_the_run(tmp_path, monkeypatch, capsys):
    from resolint.cli import main as cli

    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DRAFT, encoding="utf-8")
    real = cli.write_file

    def write_file(path, data, **kw):
        if path.name == "a.txt":  # (a refusal, "Permission denied", is "not fixed" as for a read-only file)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, **kw)

    monkeypatch.setattr(cli, "write_file", write_file)
    code = cli.main(["check", "--fix", "--format", "json", str(tmp_path)])
    doc = json.loads(capsys.readouterr().out)
    assert code == 2
    errors = {Path(f["path"]).name: f.get("error", "") for f in doc["files"]}
    assert "No space left on device" in errors["a.txt"] and not errors["b.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DRAFT
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == FIXED


@pytest.mark.parametrize("saved", [
    DRAFT.replace("act;", "act now;"),  # another size
    DRAFT.replace("act;", "ACT;"),  # the same size: only the bytes tell
])
def test_fix_does_not_overwrite_what_another_program_saved_meanwhile(tmp_path, monkeypatch, capsys, saved):
    """`check --fix` replaced the file with fixes of the text it had read, erasing what an
    editor saved while resolint was linting it."""
    from resolint.cli import main as cli

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    real = cli.lint

    def lint(text, settings, path=None, style=None, **kw):  # the editor saves while the draft is linted
        if draft.read_text(encoding="utf-8") == DRAFT:
            draft.write_text(saved, encoding="utf-8")
        return real(text, settings, path=path, style=style, **kw)

    monkeypatch.setattr(cli, "lint", lint)
    code = cli.main(["check", "--fix", str(draft)])
    err = capsys.readouterr().err
    assert draft.read_text(encoding="utf-8") == saved
    assert "not fixed: it changed on disk while being checked" in err
    assert code == 1  # as for another file left unfixed: its findings remain


def test_fix_writes_over_a_file_saved_again_unchanged(tmp_path, monkeypatch):
    from resolint.cli import main as cli

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    real = cli.lint

    def lint(text, settings, path=None, style=None, **kw):  # saved again, the same bytes, a new mtime
        if draft.read_text(encoding="utf-8") == DRAFT:
            draft.write_text(DRAFT, encoding="utf-8")
            os.utime(draft, ns=(1, 1))
        return real(text, settings, path=path, style=style, **kw)

    monkeypatch.setattr(cli, "lint", lint)
    assert cli.main(["check", "--fix", str(draft)]) == 0
    assert draft.read_text(encoding="utf-8") == FIXED


def test_a_word_document_that_is_not_a_draft_is_skipped(tmp_path):
    docx = pytest.importorskip("docx")
    memo = tmp_path / "memo.docx"
    d = docx.Document()
    d.add_paragraph("Memo to the team about INTERPOL's GA-2025-93-RES-03, for Monday's meeting.")
    d.save(memo)
    before = memo.read_bytes()
    proc = run("check", "--fix", "--format", "json", memo)
    assert proc.returncode == 0 and json.loads(proc.stdout)["files"] == []
    assert b"not a draft" in proc.stderr and memo.read_bytes() == before


def test_docs_of_a_house_rule_says_where_its_documentation_is(tmp_path):
    """``resolint docs HSE001`` said "no rule 'HSE001'" where ``resolint rule HSE001``
    shows the house rule."""
    (tmp_path / "resolint.toml").write_text('[[custom-rules]]\ncode = "HSE001"\nmessage = "m"\npattern = ["UN"]\n', encoding="utf-8")
    proc = run("docs", "HSE001", "--no-browser", cwd=tmp_path)
    assert proc.returncode == 2 and b"house rule" in proc.stderr and b"resolint rule HSE001" in proc.stderr
    assert run("rule", "HSE001", cwd=tmp_path).returncode == 0


# -- file names that are not UTF-8 -----------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_a_file_name_that_is_not_utf8_gives_a_valid_report(tmp_path, fmt):
    """A Latin-1 name ("r\\xe9solution.txt") reached Python as "r\\udce9solution.txt": JSON got a
    raw 0xE9 byte, JUnit XML was not well-formed, SARIF crashed (UnicodeEncodeError, no
    report at all) and text printed the raw byte. Every format shows the byte as "\\xe9"
    (SARIF's URI percent-encodes it), next to an ordinary file whose findings are kept."""
    import xml.etree.ElementTree as ET

    folder = os.fsencode(tmp_path)
    with open(folder + b"/r\xe9solution.txt", "wb") as f:
        f.write(DRAFT.encode())
    (tmp_path / "plain.txt").write_text(DRAFT, encoding="utf-8")
    out_file = tmp_path / "report.out"
    for env in ({}, {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}):
        proc = run("check", "--format", fmt, ".", cwd=tmp_path, env=env)
        assert proc.returncode == 1, proc.stderr
        text = proc.stdout.decode("utf-8")  # valid UTF-8, whatever the name
        assert "\\udc" not in text and "internal error" not in proc.stderr.decode("utf-8", "replace")
    assert run("check", "--format", fmt, "--output-file", out_file, ".", cwd=tmp_path).returncode == 1
    assert out_file.read_bytes().decode("utf-8") == text  # (other files' results kept)
    if fmt == "json":
        assert paths_of(proc) == ["plain.txt", "r\\xe9solution.txt"]
    elif fmt == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in json.loads(text)["runs"][0]["results"]}
        assert uris == {"plain.txt", "r%E9solution.txt"}
    elif fmt == "junit":
        names = sorted(Path(c.get("name")).name for c in ET.fromstring(text).iter("testcase"))
        assert names == ["plain.txt", "r\\xe9solution.txt"]
    else:
        assert "r\\xe9solution.txt" in text and "plain.txt" in text


def test_json_tells_a_name_that_is_not_utf8_from_one_with_a_backslash(tmp_path):
    """``path`` writes the byte E9 as the four characters ``\\xe9``, which a file may
    really be named: the two names were written alike, and a program opening ``path``
    opened the other file. The undecodable one also has ``pathBytes`` (its bytes,
    percent-encoded, as SARIF's URI); decoded, it opens that file and no other."""
    from urllib.parse import unquote_to_bytes

    folder = os.fsencode(tmp_path)
    contents = {b"r\xe9solution.txt": DRAFT, b"r\\xe9solution.txt": DRAFT.replace("Decides to act", "Decides to act now")}
    for name, text in contents.items():
        with open(folder + b"/" + name, "wb") as f:
            f.write(text.encode())
    for argv in (("--format", "json", "."), ("--format", "json", "--jobs", "1", os.fsdecode(b"r\xe9solution.txt"), "r\\xe9solution.txt")):
        proc = run("check", *argv, cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        files = json.loads(proc.stdout.decode("utf-8"))["files"]
        assert sorted(f["path"] for f in files) == ["r\\xe9solution.txt"] * 2  # (the readable form, as before)
        opened = {}
        for f in files:
            name = unquote_to_bytes(f["pathBytes"]) if "pathBytes" in f else f["path"].encode()
            with open(folder + b"/" + name, "rb") as fh:
                opened[name] = fh.read().decode()
        assert opened == contents


def test_a_diff_of_a_file_whose_name_is_not_utf8(tmp_path):
    with open(os.fsencode(tmp_path) + b"/r\xe9solution.txt", "wb") as f:
        f.write(DRAFT.encode())
    proc = run("check", "--diff", ".", cwd=tmp_path, env={"PYTHONIOENCODING": "utf-8:strict"})
    assert proc.returncode == 1, proc.stderr
    # Quoted as git quotes it (the byte E9 in octal): "a/r\xe9solution.txt" named no file.
    assert '--- "a/r\\351solution.txt"\n' in proc.stdout.decode("utf-8")
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", "."], cwd=tmp_path, check=True)
        subprocess.run(["git", "apply", "-"], input=proc.stdout, cwd=tmp_path, check=True, capture_output=True)
        with open(os.fsencode(tmp_path) + b"/r\xe9solution.txt", "rb") as f:
            assert f.read() == FIXED.encode()


# -- --statistics and --format ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit"])
def test_statistics_in_a_format_without_a_table_is_refused(tmp_path, fmt):
    """``--statistics --format sarif --output-file r.sarif`` wrote the text table into r.sarif."""
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "r.out"
    proc = run("check", "--statistics", "--format", fmt, "--output-file", out, draft)
    assert proc.returncode == 2
    assert f"--statistics has no {fmt} form" in proc.stderr.decode()
    assert not out.exists() and proc.stdout == b""


def test_statistics_as_json(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = run("check", "--statistics", "--format", "json", draft)
    rows = json.loads(proc.stdout)
    assert proc.returncode == 1 and sum(r["count"] for r in rows) == 2 and {"code", "name", "severity", "count", "fixable"} <= set(rows[0])


def test_statistics_mark_what_the_listing_marks(tmp_path):
    """`[*]` in the --statistics table meant "has a fix", also an unsafe one --fix does not
    apply, while after a finding it means --fix fixes it: the same draft gave OPR002 a [*]
    in one and not the other. Both now mark the rules --fix (with these options) fixes."""
    draft = tmp_path / "draft.res.txt"
    draft.write_text("The General Assembly,\n\nRecalling its resolution 74/1;\n\n1. Welcomes the report;\n\n3. Decides to act.\n",
                     encoding="utf-8")
    for extra in ([], ["--unsafe-fixes"]):
        listing = run("check", *extra, draft).stdout.decode()
        marked = set(re.findall(r": \w+: ([A-Z]{3}\d{3}) .*\[\*\]$", listing, re.M))
        table = run("check", "--statistics", *extra, draft).stdout.decode().splitlines()
        assert {row.split("\t")[1] for row in table if "[*]" in row} == marked
        assert {row.split("\t")[1] for row in table} == {"OPR002", "PRE004"}  # one safe fix, one unsafe
    assert marked == {"OPR002", "PRE004"}


@pytest.mark.parametrize("text", [
    "The Executive Board,\n\nrecalling its resolution 74/1,\n\n1. Decides to act.\n",  # a body with no style
    "The General Assembly,\n\nrecalling its resolution 74/1,\n\n1. Decides to act.\n\n"
    "38th plenary meeting\n21 November 2023\n\nA note that belongs nowhere\n",  # unplaced text
    "The General Assembly,\n\nrecalling its resolution 74/1,\n\n1. Decides to act.\n",  # fixed
], ids=["unknown-body", "unplaced", "ordinary"])
def test_what_the_listing_offers_to_fix_is_what_fix_does(tmp_path, text):
    """The listing said "[*] 1 fixable with --fix" over files --fix then left whole ("not
    fixed: …"): the offer and the deed now agree, and the listing says why."""
    draft = tmp_path / "d.res.txt"
    draft.write_text(text, encoding="utf-8")
    listing = run("check", draft).stdout.decode()
    offered = "[*]" in listing or "fixable with --fix" in listing
    run("check", "--fix", draft)
    assert offered == (draft.read_text(encoding="utf-8") != text), listing
    assert offered or "--fix leaves this file as it is" in listing


def test_the_working_folders_configuration_is_read_once(tmp_path, monkeypatch, capsys):
    """check read the working folder's resolint.toml twice (once for the run, once for the
    files under it), and so linted each house rule's examples twice."""
    import resolint.cli.main as cli_main

    (tmp_path / "resolint.toml").write_text('style = "un-ga"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    reads: list[Path] = []
    real = cli_main.load_settings

    def counted(path, *rest):
        reads.append(Path(path).resolve())
        return real(path, *rest)

    import resolint.config

    monkeypatch.setattr(cli_main, "load_settings", counted)
    monkeypatch.setattr(resolint.config, "load_settings", counted)  # (settings_for's)
    assert cli_main.main(["check", "a.txt"]) == 0
    assert reads == [(tmp_path / "resolint.toml").resolve()]
