"""The CLI end to end: formats, fixing files in place, configuration, bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES

DRAFT_WITH_SAFE_FIXES = "The General Assembly\n\nRecalling its resolution 74/1 of 1 October 2019;\n\n1. Decides to act;\n"


def run(*args, input: bytes | None = None, cwd=None):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "resolint", *map(str, args)], input=input, capture_output=True, cwd=cwd, env=env)


def test_text_format_is_path_line_col_code_message(tmp_path):
    proc = run("check", FIXTURES / "sample-draft.txt")
    first = proc.stdout.decode().splitlines()[0]
    assert first.startswith(f"{FIXTURES / 'sample-draft.txt'}:9:1: error: PRE001 ")  # the severity word, always
    assert "\x1b[" not in proc.stdout.decode()  # colours only on a terminal


def test_fix_in_place_keeps_bom_and_crlf(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"\xef\xbb\xbf" + DRAFT_WITH_SAFE_FIXES.replace("\n", "\r\n").encode())
    proc = run("check", "--fix", draft)
    data = draft.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert data.decode("utf-8-sig") == "The General Assembly,\r\n\r\nRecalling its resolution 74/1 of 1 October 2019,\r\n\r\n1. Decides to act.\r\n"
    assert proc.returncode == 0, proc.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]  # no temporary file left


def test_fix_keeps_utf16(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes(DRAFT_WITH_SAFE_FIXES.encode("utf-16"))
    run("check", "--fix", draft)
    assert draft.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert "The General Assembly," in draft.read_bytes().decode("utf-16")


def test_diff_prints_and_does_not_write(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT_WITH_SAFE_FIXES, encoding="utf-8")
    proc = run("check", "--diff", draft)
    out = proc.stdout.decode()
    assert "-Recalling its resolution 74/1 of 1 October 2019;" in out
    assert "+Recalling its resolution 74/1 of 1 October 2019," in out
    assert draft.read_text(encoding="utf-8") == DRAFT_WITH_SAFE_FIXES


def test_a_diff_of_a_text_without_a_final_line_break_applies(tmp_path):
    """Without "\\ No newline at end of file" the last removed line ran on into the added
    one ("-1. decides to act+1. Decides to act."): no tool could apply the diff."""
    import shutil

    draft = tmp_path / "draft.txt"
    draft.write_text("The General Assembly,\n\n1. decides to act", encoding="utf-8")
    out = run("check", "--diff", draft).stdout.decode()
    assert "-1. decides to act\n\\ No newline at end of file\n+1. Decides to act.\n\\ No newline at end of file\n" in out
    if shutil.which("patch"):
        diff = out[: out.index("\\ No newline at end of file\n", out.index("+1.")) + 28]
        subprocess.run(["patch", "-s", str(draft)], input=diff.encode(), check=True)
        assert draft.read_text(encoding="utf-8") == "The General Assembly,\n\n1. Decides to act."


def test_stdin_with_fix_prints_the_fixed_text():
    proc = run("check", "--fix", "-", "--stdin-filename", "draft.txt", input=DRAFT_WITH_SAFE_FIXES.encode())
    assert proc.stdout.decode() == "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n1. Decides to act.\n"


def test_fix_leaves_a_file_with_unplaced_text_alone(tmp_path):
    draft = tmp_path / "draft.txt"
    text = DRAFT_WITH_SAFE_FIXES + "\n38th plenary meeting\n\nsome stray words\n"
    draft.write_text(text, encoding="utf-8")
    proc = run("check", "--fix", draft)
    assert draft.read_text(encoding="utf-8") == text
    assert b"not fixed" in proc.stderr


def test_github_format():
    proc = run("check", "--format", "github", FIXTURES / "sample-draft.txt")
    lines = proc.stdout.decode().splitlines()
    assert lines and all(l.startswith(("::error ", "::warning ", "::notice ")) for l in lines)
    assert any(",line=9,col=1," in l and "PRE001" in l for l in lines)


def test_junit_format_is_xml_with_one_case_per_file(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    proc = run("check", "--format", "junit", FIXTURES / "sample-draft.txt", clean)
    root = ET.fromstring(proc.stdout)
    cases = root.findall(".//testcase")
    assert len(cases) == 2
    assert cases[0].find("failure") is not None and cases[1].find("failure") is None


def test_sarif_format(tmp_path):
    proc = run("check", "--format", "sarif", FIXTURES / "sample-draft.txt")
    doc = json.loads(proc.stdout)
    assert doc["version"] == "2.1.0"
    run_ = doc["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    for res in run_["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    schema_path = os.environ.get("SARIF_SCHEMA")
    if schema_path and Path(schema_path).is_file():
        import jsonschema

        jsonschema.validate(doc, json.loads(Path(schema_path).read_text(encoding="utf-8")))


def test_directory_lints_only_drafts(tmp_path):
    (tmp_path / "a.txt").write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    (tmp_path / "notes.docx.bak").write_bytes(b"\xff\xfe")
    proc = run("check", "--format", "json", tmp_path)
    assert proc.returncode == 0, proc.stderr
    paths = sorted(Path(f["path"]).name for f in json.loads(proc.stdout)["files"])
    assert paths == ["a.txt", "b.md"]


def test_config_error_names_file_and_key(tmp_path):
    (tmp_path / "resolint.toml").write_text('style = "un-ga"\nselcet = ["PRE"]\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text("The General Assembly,\n", encoding="utf-8")
    proc = run("check", "d.txt", cwd=tmp_path)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "resolint.toml" in err and "selcet" in err and "Traceback" not in err


def test_config_wrong_type_is_a_clear_error(tmp_path):
    (tmp_path / "resolint.toml").write_text("select = \"PRE\"\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("The General Assembly,\n", encoding="utf-8")
    proc = run("check", "d.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "expected a list" in proc.stderr.decode()


def test_pyproject_per_file_ignores_and_select(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.resolint]\nselect = ["OPR"]\n\n[tool.resolint.per-file-ignores]\n"old/*.txt" = ["OPR007"]\n',
        encoding="utf-8",
    )
    (tmp_path / "old").mkdir()
    draft = "The General Assembly,\n\nRecalls its resolution 74/1,\n\n1. Decides to act;\n"
    (tmp_path / "old" / "a.txt").write_text(draft, encoding="utf-8")
    (tmp_path / "new.txt").write_text(draft, encoding="utf-8")
    proc = run("check", "--format", "json", ".", cwd=tmp_path)
    files = {Path(f["path"]).as_posix(): {d["code"] for d in f["diagnostics"]} for f in json.loads(proc.stdout)["files"]}
    assert files == {"new.txt": {"OPR007"}, "old/a.txt": set()}


@pytest.mark.parametrize(
    ("table", "key"),
    [('style = 5\n', "tool.resolint.style"),
     ('[[tool.resolint.custom-rules]]\ncode = "OFF001"\nname = "x"\nmessage = "y"\npattren = ["a"]\n', "tool.resolint.custom-rules[OFF001].pattren")],
)
def test_an_error_in_pyproject_names_the_key_as_the_file_writes_it(tmp_path, table, key):
    """An error in pyproject.toml named 'style' or 'custom-rules[OFF001].pattren', which a
    reader searching the file does not find as such: the settings are under [tool.resolint]."""
    body = table if table.startswith("[[") else "[tool.resolint]\n" + table
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n' + body, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    proc = run("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and f"key '{key}'" in proc.stderr.decode(), proc.stderr


def test_select_and_ignore_on_the_command_line():
    proc = run("check", "--format", "json", "--select", "PRE,OPR", "--ignore", "PRE001", FIXTURES / "sample-draft.txt")
    codes = {d["code"] for d in json.loads(proc.stdout)["files"][0]["diagnostics"]}
    assert codes and all(c[:3] in ("PRE", "OPR") for c in codes) and "PRE001" not in codes


def test_style_can_be_forced():
    proc = run("check", "--format", "json", "--style", "interpol", FIXTURES / "sample-draft.txt")
    f = json.loads(proc.stdout)["files"][0]
    assert f["style"] == "interpol"
    assert any(d["code"] == "PRE003" for d in f["diagnostics"])  # openers must be in capitals


def test_unknown_style_is_exit_2():
    proc = run("check", "--style", "nope", FIXTURES / "sample-draft.txt")
    assert proc.returncode == 2 and b"unknown style" in proc.stderr


def test_exit_zero_and_missing_path():
    assert run("check", "--exit-zero", FIXTURES / "sample-draft.txt").returncode == 0
    assert run("check", "no/such/file.txt").returncode == 2


def test_rules_and_rule_commands():
    listing = json.loads(run("rules", "--format", "json").stdout)
    assert {"code", "name", "summary", "severity", "fix"} <= set(listing[0])
    doc = run("rule", "OPR001").stdout.decode()
    assert "unnumbered-operative-paragraph" in doc and "## Why is this bad?" in doc
    assert run("rule", "XYZ999").returncode == 2


def test_parallel_jobs_give_the_same_result(tmp_path):
    for i in range(4):
        (tmp_path / f"d{i}.txt").write_text(DRAFT_WITH_SAFE_FIXES, encoding="utf-8")
    one = json.loads(run("check", "--format", "json", tmp_path).stdout)
    two = json.loads(run("check", "--format", "json", "--jobs", "2", tmp_path).stdout)
    assert one == two


def test_progress_bar_only_on_a_terminal(tmp_path):
    import pty

    for i in range(25):
        (tmp_path / f"d{i}.txt").write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "resolint", "check", str(tmp_path)], stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    try:
        while True:
            chunk = os.read(master, 65536)
            if not chunk:
                break
            seen += chunk
    except OSError:
        pass
    os.close(master)
    assert proc.returncode == 0
    assert b"25/25" in seen and b"[" in seen
    piped = run("check", tmp_path)
    assert b"25/25" not in piped.stderr


def test_a_run_that_checked_no_draft_does_not_say_all_checks_passed(tmp_path):
    """A file named on the command line and skipped as no draft: the run said "All checks
    passed: no findings in 0 files", which reads as a pass."""
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list: bread, milk.\n", encoding="utf-8")
    proc = run("check", notes)
    assert "skipped, not a draft" in proc.stderr.decode()
    out = proc.stdout.decode()
    assert "All checks passed" not in out and "No draft checked" in out


def test_an_empty_draft_is_said_to_have_had_nothing_to_check(tmp_path):
    """"All checks passed" alone, for a file with no text, read as a draft that was
    checked. The JSON report is what it was (no finding, no error)."""
    (tmp_path / "empty.res.txt").write_bytes(b"")
    (tmp_path / "blank.res.txt").write_bytes(b"\n  \r\n")
    (tmp_path / "draft.res.txt").write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    proc = run("check", "--color", "never", tmp_path / "empty.res.txt", tmp_path / "blank.res.txt", tmp_path / "draft.res.txt")
    assert proc.returncode == 0, proc.stderr
    notes = [line for line in proc.stdout.decode().splitlines() if ": note: " in line]
    assert [Path(n.split(": note: ")[0]).name for n in notes] == ["empty.res.txt", "blank.res.txt"]
    assert all("nothing to check" in n for n in notes)
    doc = json.loads(run("check", "--format", "json", tmp_path / "empty.res.txt").stdout)
    assert doc["files"] == [{"path": str(tmp_path / "empty.res.txt"), "style": "un-ga", "diagnostics": []}]


CLEAN_DRAFT = "The General Assembly,\n\n1. Decides to keep the matter under review.\n"


def test_an_undecodable_non_draft_in_a_folder_is_skipped_with_a_note(tmp_path):
    """Latin-1 meeting notes beside a clean draft failed `check .` (exit 2): a file found in
    a folder that cannot be decoded and does not read as a draft is skipped, with a note."""
    (tmp_path / "draft.txt").write_text(CLEAN_DRAFT, encoding="utf-8")
    (tmp_path / "notes.txt").write_bytes("Meeting notes from the café, résumé attached.\n".encode("latin-1"))
    proc = run("check", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert b"notes.txt: skipped: not a draft we can read: cannot decode byte at offset 26" in proc.stderr
    assert b"notes.txt" not in proc.stdout
    named = run("check", "notes.txt", cwd=tmp_path)  # named on the command line: still an error
    assert named.returncode == 2 and b"notes.txt: error: cannot decode byte at offset 26" in named.stdout
    (tmp_path / "old.txt").write_bytes(CLEAN_DRAFT.replace("keep", "k\xe9ep").encode("latin-1"))
    draft_like = run("check", ".", cwd=tmp_path)  # reads as a draft: an error, so CI notices it
    assert draft_like.returncode == 2 and b"old.txt: error: cannot decode" in draft_like.stdout


def test_a_fix_the_files_encoding_cannot_hold_is_left_with_a_note(tmp_path):
    """A house rule's safe fix brought '→' into a cp1252 draft: --fix crashed (internal
    error, "Fixed 0 findings; 0 remaining") and --diff showed a fix --fix could not write."""
    (tmp_path / "resolint.toml").write_text(
        '[[custom-rules]]\ncode = "HSE001"\nmessage = "use arrow"\npattern = ["in order to"]\nreplace = "→ ĉ"\nfix = "safe"\n',
        encoding="utf-8",
    )
    draft = tmp_path / "draft.txt"
    original = "The General Assembly,\n\nRecalling the café report,\n\n1. decides to act in order to help\n".encode("cp1252")
    draft.write_bytes(original)
    diff = run("check", "--encoding", "cp1252", "--diff", "draft.txt", cwd=tmp_path)
    proc = run("check", "--encoding", "cp1252", "--fix", "draft.txt", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 1, (proc.stdout, err)
    assert "internal error" not in proc.stdout.decode() + err
    assert "draft.txt: not fixed: HSE001 at 5:19: its new text '→ ĉ' cannot be written in cp1252" in err
    fixed = draft.read_bytes().decode("cp1252")
    assert fixed.endswith("1. Decides to act in order to help.\n")  # the other fixes are applied
    assert "Fixed 2 findings; 1 remaining (1 warning)" in proc.stdout.decode()
    shown = diff.stdout.decode("cp1252")  # the diff is in the file's encoding, as patch reads it
    assert "→" not in shown and "+1. Decides to act in order to help." in shown and " Recalling the café report,\n" in shown
    if shutil.which("patch"):
        draft.write_bytes(original)
        subprocess.run(["patch", "-s", "-p1", "--binary"], input=diff.stdout, cwd=tmp_path, check=True)
        assert draft.read_bytes().decode("cp1252") == fixed


def test_stdin_fix_writes_the_report_where_and_as_asked(tmp_path):
    """`check - --fix --format sarif --output-file report.sarif` printed the fixed text but
    never wrote report.sarif (a text report went to standard error instead)."""
    proc = run("check", "-", "--stdin-filename", "draft.txt", "--fix", "--format", "sarif", "--output-file", "report.sarif",
               "--fail-on", "info", input=DRAFT_WITH_SAFE_FIXES.encode(), cwd=tmp_path)
    assert proc.stdout.decode().startswith("The General Assembly,\n")  # the fixed text, alone
    assert proc.stderr == b""
    sarif = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"] == "resolint"
    text = run("check", "-", "--fix", "--output-file", "report.txt", input=DRAFT_WITH_SAFE_FIXES.encode(), cwd=tmp_path)
    assert text.stderr == b"" and "Fixed 3 findings" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    # A machine format with no --output-file would be mixed with the fixed text: refused.
    refused = run("check", "-", "--fix", "--format", "json", input=DRAFT_WITH_SAFE_FIXES.encode(), cwd=tmp_path)
    assert refused.returncode == 2 and refused.stdout == b""
    assert b"--format json needs --output-file FILE" in refused.stderr


def _applies(diff: bytes, folder: Path) -> None:
    """``diff`` applies with ``git apply`` (checked) and then with ``patch -p1``."""
    if shutil.which("git"):
        subprocess.run(["git", "apply", "--check", "-"], input=diff, cwd=folder, check=True, capture_output=True)
    if shutil.which("patch"):
        subprocess.run(["patch", "-s", "-p1", "--batch"], input=diff, cwd=folder, check=True, capture_output=True)


def test_diffs_of_a_name_with_a_space_and_of_cr_line_breaks_apply(tmp_path):
    """`--- a/my draft.txt` (GNU patch read the name up to the space) and a CR-only draft
    split at each CR, every line marked "No newline at end of file": neither applied."""
    texts = {"my draft.txt": "The General Assembly,\n\n1. decides to act\n",
             "cr.txt": "The General Assembly,\r\r1. decides to act\r"}
    for name, text in texts.items():
        (tmp_path / name).write_bytes(text.encode())
    diffs = {name: run("check", "--diff", name, cwd=tmp_path).stdout for name in texts}
    assert diffs["my draft.txt"].startswith(b"--- a/my draft.txt\t\n+++ b/my draft.txt\t\n@@ -1,3 +1,3 @@\n")
    assert diffs["cr.txt"] == (b"--- a/cr.txt\n+++ b/cr.txt\n@@ -1 +1 @@\n-The General Assembly,\r\r1. decides to act\r\n"
                               b"\\ No newline at end of file\n+The General Assembly,\r\r1. Decides to act.\r\n"
                               b"\\ No newline at end of file\n")
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    for name, text in texts.items():
        (fixed / name).write_bytes(text.encode())
    run("check", "--fix", *texts, cwd=fixed)
    for name in texts:
        _applies(diffs[name], tmp_path)
        assert (tmp_path / name).read_bytes() == (fixed / name).read_bytes() != texts[name].encode()
