"""House rules on Word documents: `resolint check` and `resolint annotate` (comments)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess

import docx
import docx_factory as F

from resolint.cli.main import main

CONFIG = '''
style = "mun"

[[custom-rules]]
code = "HSE001"
message = "Write 'to', not '{match}'"
part = "operative"
pattern = ["in order to"]
replace = "to"
fix = "safe"
'''


def run(*args) -> subprocess.CompletedProcess:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def draft():
    d = F.new()
    F.para(d, "The Disarmament and International Security Committee,")
    F.para(d, "Recalling the work of the United Nations,")
    F.para(d, "Requests the UN to report in order to inform States;", style="List Number")
    F.para(d, "Recommends that States should adopt national plans.", style="List Number")
    return d


def test_check_and_annotate_report_house_rules_of_style_and_config(tmp_path):
    cfg = tmp_path / "resolint.toml"
    cfg.write_text(CONFIG)
    src = F.save(draft(), tmp_path / "draft.docx")
    proc = run("check", "--config", cfg, "--format", "json", src)
    assert proc.returncode == 1, proc.stderr
    codes = sorted(d["code"] for d in json.loads(proc.stdout)["files"][0]["diagnostics"] if d["code"][:3] in ("HSE", "MUN"))
    assert codes == ["HSE001", "MUN001", "MUN003"]

    out = tmp_path / "draft.reviewed.docx"
    proc = run("annotate", "--config", cfg, src, "-o", out)
    assert proc.returncode == 1, proc.stderr
    ranges = {text: author for author, text in F.comment_ranges(out).values()}
    assert {"UN", "in order to", "should"} <= set(ranges)
    texts = [t for _, t in F.comments(out)]
    # Comments read as an editor writes: the problem, the change, the code last.
    assert any(t.endswith("MUN001 un-abbreviation-in-operative") and "replace with 'United Nations'" in t for t in texts)
    assert any(t.startswith("Write 'to', not 'in order to'") and t.endswith("HSE001 hse001") for t in texts)


def test_fix_applies_a_safe_house_fix_inside_the_word_document(tmp_path):
    import docx

    cfg = tmp_path / "resolint.toml"
    cfg.write_text(CONFIG)
    src = F.save(draft(), tmp_path / "draft.docx")
    run("check", "--config", cfg, "--fix", src)
    texts = [p.text for p in docx.Document(str(src)).paragraphs]
    assert "Requests the United Nations to report to inform States;" in texts


def endless_config(tmp_path):
    cfg = tmp_path / "resolint.toml"
    cfg.write_text(CONFIG.replace('replace = "to"', 'replace = "in order to, in order to"'))
    return cfg


def test_a_fix_that_writes_its_own_finding_again_is_never_written_in_word(tmp_path):
    """A replacement that holds its own match doubled the matches every pass: `check
    --fix` on a Word document ran for minutes. Then it was written once and refused
    after, so each run grew the document by one copy. Now it is refused before anything
    is written, as for a text, and the other fixes are still applied."""
    cfg = endless_config(tmp_path)
    src = F.save(draft(), tmp_path / "draft.docx")
    for _ in range(2):
        proc = run("check", "--config", cfg, "--fix", src)
        assert "writes what it replaces again" in proc.stderr
        text = "\n".join(p.text for p in docx.Document(str(src)).paragraphs)
        assert text.count("in order to") == 1 and "Recommends that States" in text
        assert "Requests the United Nations to report in order to inform States;" in text  # MUN001's fix


def test_a_fix_that_writes_its_own_finding_again_is_never_proposed_as_a_tracked_change(tmp_path):
    cfg = endless_config(tmp_path)
    src = F.save(draft(), tmp_path / "draft.docx")
    out = tmp_path / "draft.reviewed.docx"
    proc = run("annotate", "--config", cfg, "--track-changes", src, "-o", out)
    assert proc.returncode == 1, proc.stderr
    inserted = [r["text"] for r in F.revisions(out) if r["tag"] == "ins" and "in order to" in r["text"]]
    assert inserted == [] and F.revisions(out), F.revisions(out)  # MUN001's fix is still proposed
    comments = [t for _, t in F.comments(out) if "HSE001" in t]
    assert len(comments) == 1 and "writes what it replaces again" in comments[0], comments
