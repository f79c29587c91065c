"""``resolint export``: formats, -o, --force, exit status, Word input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from resolint.cli.main import main
from resolint.export.akn import NS
from tests.export.conftest import FIXTURES

A = {"a": NS}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resolint", "export", *args], capture_output=True, text=False, timeout=120)


def test_akn_to_stdout():
    p = run(str(FIXTURES / "ga-adopted.txt"))
    assert p.returncode == 0, p.stderr
    root = etree.fromstring(p.stdout)
    assert root.xpath("//a:FRBRWork/a:FRBRuri/@value", namespaces=A) == ["/akn/un/statement/deliberation/unga/2025-12-10/80-412"]


def test_html_to_file(tmp_path: Path):
    out = tmp_path / "draft.html"
    assert main(["export", str(FIXTURES / "ga-adopted.txt"), "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<div class="op" id="para_2">' in page


def test_refusal_exit_1_with_reasons_and_force(tmp_path: Path):
    out = tmp_path / "x.xml"
    p = run(str(FIXTURES / "numbering-break.txt"), "-o", str(out))
    assert p.returncode == 1
    err = p.stderr.decode()
    assert "numbering-break.txt:7:1: OPR002 Numbering skips from 1 to 3" in err and "--force" in err
    assert not out.exists()
    p = run(str(FIXTURES / "numbering-break.txt"), "-o", str(out), "--force")
    assert p.returncode == 0, p.stderr
    assert out.read_bytes().startswith(b"<?xml")


def test_missing_file_and_same_output_are_usage_errors(tmp_path: Path):
    assert main(["export", str(tmp_path / "nope.txt")]) == 2
    draft = tmp_path / "d.txt"
    draft.write_text((FIXTURES / "sc-draft.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["export", str(draft), "-o", str(draft)]) == 2
    assert draft.read_text(encoding="utf-8").startswith("The Security Council,")


def test_a_hard_link_of_the_draft_is_the_draft(tmp_path: Path, capsys):
    """``-o`` naming a hard link of the draft: its resolved path differs, but the writer
    writes a hard-linked file in place, so the draft itself would be overwritten."""
    draft = tmp_path / "d.txt"
    draft.write_text((FIXTURES / "sc-draft.txt").read_text(encoding="utf-8"), encoding="utf-8")
    os.link(draft, tmp_path / "same.xml")
    assert main(["export", str(draft), "-o", str(tmp_path / "same.xml")]) == 2
    assert "would overwrite the draft" in capsys.readouterr().err
    assert draft.read_text(encoding="utf-8").startswith("The Security Council,")


def _word_copy(fixture: str, tmp_path: Path, change=None) -> Path:
    """A Word document of a fixture's paragraphs (``change(document)`` before it is saved)."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in (FIXTURES / fixture).read_text(encoding="utf-8").split("\n\n"):
        d.add_paragraph(line.strip().replace("\n", " "))
    if change is not None:
        change(d)
    src = tmp_path / "draft.docx"
    d.save(src)
    return src


def test_word_draft(tmp_path: Path, schema_errors):
    src = _word_copy("ga-adopted.txt", tmp_path)
    out = tmp_path / "draft.xml"
    assert main(["export", str(src), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert schema_errors(data) == []
    root = etree.fromstring(data)
    assert root.xpath("//a:subparagraph/@eId", namespaces=A) == ["para_2__subpara_a", "para_2__subpara_b"]


def test_a_word_draft_with_a_table_or_footnotes_is_refused_unless_forced(tmp_path: Path, capsys):
    """An export left a Word document's tables and footnotes out without a word (exit 0);
    the text resolint reads holds neither. Refused (1) and named; --force exports and
    names them again."""
    pytest.importorskip("docx")
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def table_and_note(d):
        d.add_table(2, 3).cell(1, 1).text = "1,200"
        d.paragraphs[1]._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))

    src = _word_copy("ga-adopted.txt", tmp_path, table_and_note)
    out = tmp_path / "draft.xml"
    assert main(["export", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "not exported: it would leave out 1 table, 1 footnote" in err and not out.exists()
    assert main(["export", str(src), "-o", str(out), "--force"]) == 0
    assert "left out of the export: 1 table, 1 footnote" in capsys.readouterr().err and out.exists()


def test_a_word_drafts_refusal_names_its_paragraphs(tmp_path: Path, capsys):
    """A Word user cannot find "line 13": the reasons name the paragraph, as check does."""
    src = _word_copy("numbering-break.txt", tmp_path)
    assert main(["export", str(src), "-o", str(tmp_path / "x.xml")]) == 1
    err = capsys.readouterr().err
    assert f"  {src}:¶" in err and "OPR002" in err
    assert ":7:1:" not in err


def test_a_character_xml_cannot_hold_is_an_input_error(tmp_path: Path):
    draft = tmp_path / "d.txt"
    draft.write_text("The General Assembly,\n\n1. Decides\x0c to act.\n", encoding="utf-8")
    p = run(str(draft), "--force")
    assert p.returncode == 2
    assert "d.txt:3:11: character U+000C cannot be written in XML" in p.stderr.decode()
    assert p.stdout == b""


def test_an_internal_error_is_exit_2_not_a_traceback(monkeypatch, capsys):
    import resolint.export as export_pkg

    def broken(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(export_pkg, "export", broken)
    assert main(["export", str(FIXTURES / "sc-draft.txt")]) == 2
    assert "internal error while exporting: RuntimeError('boom')" in capsys.readouterr().err


def test_an_output_that_is_a_fifo_is_written_to_not_replaced(tmp_path: Path):
    """``-o`` went through a temporary file renamed over the output: a FIFO was replaced
    by a regular file (its reader never got a byte), and ``/dev/stdout`` or a process
    substitution (``-o >(gzip > x.gz)``) could not be written ("No such file")."""
    import threading

    fifo = tmp_path / "out.xml"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    p = run(str(FIXTURES / "ga-adopted.txt"), "-o", str(fifo))
    reader.join(30)
    assert p.returncode == 0, p.stderr
    assert fifo.is_fifo() and got == [run(str(FIXTURES / "ga-adopted.txt")).stdout]


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_an_output_of_dev_stdout_is_standard_output():
    p = run(str(FIXTURES / "ga-adopted.txt"), "-o", "/dev/stdout")
    assert p.returncode == 0, p.stderr
    assert p.stdout == run(str(FIXTURES / "ga-adopted.txt")).stdout
