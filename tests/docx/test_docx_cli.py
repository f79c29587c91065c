"""resolint on Word documents through the CLI: check, JSON, --fix and annotate."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile

import docx_factory as F
import pytest
from lxml import etree

from resolint.cli.main import main

IT = {"italic": True}


def run(*args) -> subprocess.CompletedProcess:
    """The CLI in this process (start-up once, not per call), as if run as a command."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def test_the_command_itself_runs_on_a_docx(tmp_path):
    path = F.save(faulty_draft(), tmp_path / "draft.docx")
    proc = subprocess.run([sys.executable, "-m", "resolint", "check", str(path)], capture_output=True, text=True)
    assert proc.returncode == 1 and "DOC030" in proc.stdout


def clean_draft():
    """A UN draft with nothing to report: italic openers, automatic numbering."""
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 74/1 of 1 October 2019,")
    F.para(d, ("Noting with appreciation", IT), " the report of the Secretary-General,")
    F.para(d, ("Decides", IT), " to keep the matter under review;", style="List Number")
    F.para(d, ("Requests", IT), " the Secretary-General to report to it at its next session.", style="List Number")
    return d


def faulty_draft():
    """Three known problems: an upright opener, a lower-case opener, a missing full stop."""
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 74/1 of 1 October 2019,")
    F.para(d, ("Decides", IT), " to keep the matter under review;", style="List Number")
    F.para(d, "Encourages", " Member States to share information;", style="List Number")
    F.para(d, ("requests", IT), " the Secretary-General to report", style="List Number")
    return d


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def c14n(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


# -- check -------------------------------------------------------------------------


def test_clean_document_passes(tmp_path):
    path = F.save(clean_draft(), tmp_path / "clean.docx")
    proc = run("check", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed" in proc.stdout


def test_text_output_names_the_paragraph_and_shows_an_excerpt(tmp_path):
    path = F.save(faulty_draft(), tmp_path / "draft.docx")
    proc = run("check", path)
    assert proc.returncode == 1
    out = proc.stdout
    assert f"{path}:¶4 (2.): warning: DOC030 The opener 'Encourages' is not in italics" in out
    assert f"{path}:¶5 (3.): warning: OPR006" in out
    assert "  | 3. requests the Secretary-General to report" in out


def test_json_keeps_the_schema_and_adds_the_paragraph(tmp_path):
    path = F.save(faulty_draft(), tmp_path / "draft.docx")
    proc = run("check", "--format", "json", path)
    doc = json.loads(proc.stdout)
    assert set(doc) == {"version", "files", "summary"} and doc["version"] == 1
    (file,) = doc["files"]
    assert set(file) == {"path", "style", "diagnostics"}
    by_code = {d["code"]: d for d in file["diagnostics"]}
    assert set(by_code) == {"DOC030", "OPR006", "OPR007"}
    for d in file["diagnostics"]:
        assert set(d) == {"code", "name", "severity", "message", "range", "fix", "paragraph"}
    assert by_code["DOC030"]["paragraph"] == {"index": 3, "label": "2.", "excerpt": "2. Encourages Member States to share information;"}
    assert by_code["OPR006"]["paragraph"]["index"] == 4
    assert by_code["OPR006"]["paragraph"]["label"] == "3."
    assert "requests" in by_code["OPR006"]["paragraph"]["excerpt"]


def test_other_formats_name_the_paragraph(tmp_path):
    path = F.save(faulty_draft(), tmp_path / "draft.docx")
    gh = run("check", "--format", "github", path).stdout
    assert "line=" not in gh and "(¶4 (2.): 2. Encourages Member States" in gh
    sarif = json.loads(run("check", "--format", "sarif", path).stdout)
    results = sarif["runs"][0]["results"]
    assert {r["properties"]["paragraph"]["index"] for r in results} == {3, 4}
    assert all("region" not in r["locations"][0]["physicalLocation"] for r in results)
    schema_path = os.environ.get("SARIF_SCHEMA")  # set by .ci/run when it could fetch it
    if schema_path and os.path.isfile(schema_path):
        import jsonschema

        with open(schema_path, encoding="utf-8") as fh:
            jsonschema.validate(sarif, json.load(fh))
    junit = run("check", "--format", "junit", path).stdout
    assert "draft.docx:¶5 (3.): OPR007" in junit


def test_formatting_rules_follow_the_style(tmp_path):
    path = F.save(faulty_draft(), tmp_path / "draft.docx")
    proc = run("check", "--style", "interpol", "--select", "DOC03", path)
    assert proc.returncode == 0, proc.stdout  # INTERPOL marks openers by capitals, not italics


def test_italic_running_past_the_opener_is_reported(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling its resolution", IT), " 74/1 of 1 October 2019,")
    F.para(d, ("Decides", IT), " to keep the ", ("Journal", IT), " under review.", style="List Number")
    path = F.save(d, tmp_path / "d.docx")
    doc = json.loads(run("check", "--format", "json", "--select", "DOC03", path).stdout)
    diags = doc["files"][0]["diagnostics"]
    assert [(x["code"], x["paragraph"]["index"]) for x in diags] == [("DOC031", 1)]
    assert "'its resolution'" in diags[0]["message"]


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04truncated"])
def test_bad_input_exits_2_with_a_message(tmp_path, content):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    proc = run("check", path)
    assert proc.returncode == 2
    assert "bad.docx" in proc.stdout and "error" in proc.stdout
    proc = run("annotate", path, "-o", tmp_path / "out.docx")
    assert proc.returncode == 2 and "bad.docx" in proc.stderr
    assert not (tmp_path / "out.docx").exists()


# -- --fix ---------------------------------------------------------------------------


def test_fix_changes_text_inside_runs_and_keeps_formatting(tmp_path):
    path = F.save(faulty_draft(), tmp_path / "draft.docx")
    proc = run("check", "--fix", path)
    assert proc.returncode == 1  # DOC030 has no text fix and stays
    import docx

    d = docx.Document(str(path))
    runs = [[(r.text, r.italic) for r in p.runs] for p in d.paragraphs]
    assert runs[4] == [("Requests", True), (" the Secretary-General to report.", None)]
    assert runs[3] == [("Encourages", None), (" Member States to share information;", None)]
    assert [p.style.name for p in d.paragraphs][2:] == ["List Number"] * 3
    again = run("check", "--format", "json", path)
    assert {x["code"] for x in json.loads(again.stdout)["files"][0]["diagnostics"]} == {"DOC030"}


def test_fix_of_case_across_runs_keeps_each_letter_in_its_run(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Decides", IT), " to act;", style="List Number")
    F.para(d, ("calls", IT), (" upon", {"bold": True}), " States to report.", style="List Number")
    path = F.save(d, tmp_path / "d.docx")
    run("check", "--fix", path)
    import docx

    p = docx.Document(str(path)).paragraphs[2]
    assert [(r.text, r.italic, r.bold) for r in p.runs] == [("Calls", True, None), (" upon", None, True), (" States to report.", None, None)]


def test_fix_that_would_cross_differently_formatted_runs_is_refused(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    # "Further recalling" -> "Recalling further" reorders words over two runs.
    F.para(d, ("Further", {"bold": True}), " recalling its resolution 74/1,")
    F.para(d, "Decides to act.", style="List Number")
    path = F.save(d, tmp_path / "d.docx")
    before = sha(path)
    proc = run("check", "--fix", "--select", "PRE007", path)
    assert "not fixed: PRE007" in proc.stderr and "runs with different formatting" in proc.stderr
    assert "¶2" in proc.stderr
    assert sha(path) == before  # nothing else to fix: the file is left alone


def test_same_fix_within_equally_formatted_runs_is_applied(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, "Further", " recalling its resolution 74/1,")
    F.para(d, "Decides to act.", style="List Number")
    path = F.save(d, tmp_path / "d.docx")
    run("check", "--fix", "--select", "PRE007", path)
    import docx

    assert docx.Document(str(path)).paragraphs[1].text == "Recalling further its resolution 74/1,"


def test_diff_shows_the_text_change_and_writes_nothing(tmp_path):
    path = F.save(faulty_draft(), tmp_path / "draft.docx")
    before = sha(path)
    proc = run("check", "--diff", path)
    assert "+3. Requests the Secretary-General to report." in proc.stdout
    assert sha(path) == before


# -- annotate ------------------------------------------------------------------------


def test_annotate_adds_one_comment_per_finding_anchored_on_the_offending_text(tmp_path):
    src = F.save(faulty_draft(), tmp_path / "draft.docx")
    before = sha(src)
    out = tmp_path / "draft.reviewed.docx"
    proc = run("annotate", src, "-o", out)
    assert proc.returncode == 1, proc.stderr
    assert "3 comments added" in proc.stdout
    assert sha(src) == before
    ranges = sorted(F.comment_ranges(out).values(), key=lambda v: v[1])
    assert [author for author, _ in ranges] == ["resolint"] * 3
    anchored = {text for _, text in ranges}
    # DOC030 on the upright opener, OPR006 on the lower-case one, OPR007 on the last word.
    assert anchored == {"Encourages", "requests", "t"} or anchored == {"Encourages", "requests", "report"}
    texts = [t for _, t in F.comments(out)]
    # In an editor's words: the problem, the change, the rule last; no shell command.
    assert "Write the opener as 'Requests' in the un-ga style.\nSuggested change: change to 'Requests'\nOPR006 operative-opener-case" in texts
    assert not any("resolint check" in t or "--fix" in t for t in texts)
    assert any(t.endswith("\nDOC030 opener-not-italic") for t in texts)
    # Formatting of the split runs is kept: the anchored "requests" is still italic.
    import docx

    p = docx.Document(str(out)).paragraphs[4]
    assert [(r.text, r.italic) for r in p.runs if r.text][0] == ("requests", True)
    assert p.text == "requests the Secretary-General to report"


def test_second_annotate_adds_nothing_twice(tmp_path):
    src = F.save(faulty_draft(), tmp_path / "draft.docx")
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    run("annotate", src, "-o", once)
    proc = run("annotate", once, "-o", twice)
    assert "0 comments added, 3 already there" in proc.stdout
    assert len(F.comments(twice)) == 3
    assert c14n(F.part_xml(twice, "word/document.xml")) == c14n(F.part_xml(once, "word/document.xml"))


def test_annotate_keeps_everything_else(tmp_path):
    d = faulty_draft()
    F.add_header(d, "A/RES/80/1")
    F.add_table(d, "Sponsors")
    p = d.paragraphs[1]
    F.tracked_insert(p, " (inserted)")
    F.tracked_delete(p, " (deleted)")
    d.add_comment(d.paragraphs[0].runs, text="A human remark", author="Reviewer", initials="R")
    src = F.save(d, tmp_path / "draft.docx")
    out = tmp_path / "out.docx"
    run("annotate", src, "-o", out)
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out) as b:
        assert set(a.namelist()) <= set(b.namelist())
        for name in a.namelist():
            if name in ("word/document.xml", "word/comments.xml") or not name.endswith(".xml"):
                continue
            assert c14n(a.read(name)) == c14n(b.read(name)), name
    assert ("Reviewer", "A human remark") in F.comments(out)
    body = F.part_xml(out, "word/document.xml")
    # The insertion is still the tracked insertion it was (a comment on part of it covers it whole).
    assert b"<w:ins " in body and b"<w:del " in body and b"(deleted)" in body
    ins = etree.fromstring(body).find(".//{*}ins")
    assert "".join(ins.itertext()) == " (inserted)"
    import docx

    before = [p.text for p in docx.Document(str(src)).paragraphs]
    after = [p.text for p in docx.Document(str(out)).paragraphs]
    assert before == after


def test_round_trip_of_a_clean_document_changes_no_paragraph(tmp_path):
    src = F.save(clean_draft(), tmp_path / "clean.docx")
    out = tmp_path / "clean.reviewed.docx"
    proc = run("annotate", src)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 comments added" in proc.stdout
    for name in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
        assert c14n(F.part_xml(out, name)) == c14n(F.part_xml(src, name)), name
    import docx

    a, b = docx.Document(str(src)), docx.Document(str(out))
    assert [[(r.text, r.italic, r.bold) for r in p.runs] for p in a.paragraphs] == [
        [(r.text, r.italic, r.bold) for r in p.runs] for p in b.paragraphs
    ]


def test_annotate_never_overwrites_its_input(tmp_path):
    src = F.save(faulty_draft(), tmp_path / "draft.docx")
    before = sha(src)
    proc = run("annotate", src, "-o", src)
    assert proc.returncode == 2 and "overwrite the input" in proc.stderr
    assert sha(src) == before


@pytest.mark.parametrize("link", [os.link, os.symlink])
def test_annotate_never_overwrites_its_input_through_a_link(tmp_path, link):
    """A hard link has its own resolved path, and the writer writes a hard-linked file in
    place (to keep the link whole): comparing paths let ``-o`` name the input."""
    src = F.save(faulty_draft(), tmp_path / "draft.docx")
    before = sha(src)
    link(src, tmp_path / "link.docx")
    proc = run("annotate", src, "-o", tmp_path / "link.docx")
    assert proc.returncode == 2 and "overwrite the input" in proc.stderr
    assert sha(src) == before


def test_word_paragraphs_are_never_joined_to_the_one_before(tmp_path):
    # In text, a paragraph in lower case after one ending in "," is taken for its
    # continuation; in Word the paragraph mark is the drafter's, so it stands alone.
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 74/1,")
    F.para(d, ("recalling also", IT), " its resolution 75/2,")
    F.para(d, ("Decides", IT), " to act.", style="List Number")
    path = F.save(d, tmp_path / "d.docx")
    doc = json.loads(run("check", "--format", "json", path).stdout)
    found = {(x["code"], x["paragraph"]["index"]) for x in doc["files"][0]["diagnostics"]}
    assert ("PRE003", 2) in found  # the lower-case opener of the third paragraph


def test_fix_empties_a_word_paragraph_of_page_furniture(tmp_path):
    """A Word paragraph holding a PDF page's footer line (DOC016): the fix takes its text
    (a paragraph mark is no text an edit can remove); in plain text the fix also takes the
    blank line after it. It was offered and never applied in a Word document."""
    paragraphs = ["The General Assembly,", "Recalling its resolution 78/230,", "24-18765 (E) 161024", "1. Decides to remain seized of the matter."]
    path = F.save(F.typed(paragraphs), tmp_path / "pdf-copy.docx")
    assert "DOC016" in run("check", "--select", "DOC016", path).stdout
    run("check", "--fix", "--select", "DOC016", path)
    assert "24-18765" not in F.build_text(path)
    assert run("check", "--select", "DOC016", path).returncode == 0
