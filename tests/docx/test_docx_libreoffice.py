"""A real Word-compatible application opens what ``annotate`` writes.

LibreOffice (headless) converts the reviewed document to PDF with its comments exported
as PDF annotations (``ExportNotes``; LibreOffice 7.4, Debian 12's, has no option to print
them in the margin, so ``pdftotext`` shows the body and pypdf reads the notes), and
re-saves it as .docx, which must keep every comment on the same text. Skipped when
``soffice`` or ``pdftotext`` is not installed; ``.ci/docx.sh`` installs both.
"""

from __future__ import annotations

import shutil
import subprocess

import docx_factory as F
import pytest
from test_docx_cli import faulty_draft, run

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed; see .ci/docx.sh",
)

PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def soffice(tmp_path, target: str, src, outdir):
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: no clash with a running office
    proc = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", target, "--outdir", str(outdir), str(src)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    out = outdir / (src.stem + "." + target.split(":")[0])
    assert out.is_file(), proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lo")
    src = F.save(faulty_draft(), tmp / "draft.docx")
    out = tmp / "draft.reviewed.docx"
    proc = run("annotate", src, "-o", out)
    assert proc.returncode == 1, proc.stderr
    return tmp, out


def test_libreoffice_exports_the_reviewed_document_to_pdf_with_its_comments(reviewed):
    pypdf = pytest.importorskip("pypdf")
    tmp, out = reviewed
    pdf = soffice(tmp, PDF_WITH_NOTES, out, tmp / "pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Encourages Member States to share information;" in text
    notes = []
    for page in pypdf.PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") == "/Text":
                notes.append(str(obj.get("/Contents")))
    expected = [t for _, t in F.comments(out)]
    assert len(expected) == 3
    for comment in expected:
        first_line = comment.split("\n")[0]
        assert any(first_line in n for n in notes), (first_line, notes)


def test_libreoffice_keeps_each_comment_on_its_text(reviewed):
    tmp, out = reviewed
    again = soffice(tmp, "docx:MS Word 2007 XML", out, tmp / "resaved")
    ours = sorted(F.comment_ranges(out).values())
    theirs = sorted(F.comment_ranges(again).values())
    assert theirs == ours
    assert ("resolint", "Encourages") in ours


def test_a_draft_saved_by_libreoffice_is_reviewed_with_ids_of_its_own(tmp_path):
    """LibreOffice numbers comments, tracked changes and bookmarks each from 0 (its copy
    of another reviewer's draft has comment 0, insertion 0, bookmark 0 …): the ids
    resolint adds are none of those, each used once; LibreOffice keeps every comment and
    tracked change of the review, and a review of its copy of the review adds nothing."""
    from test_docx_ids import annotation_ids, reviewed_by_others

    saved = soffice(tmp_path, "docx:MS Word 2007 XML", F.save(reviewed_by_others(), tmp_path / "draft.docx"), tmp_path / "lo")
    before = annotation_ids(saved.read_bytes())
    out = tmp_path / "reviewed.docx"
    assert run("annotate", saved, "-o", out, "--track-changes").returncode == 1
    added = annotation_ids(out.read_bytes()) - before
    assert added and set(added).isdisjoint(before) and set(added.values()) == {1}, (before, added)
    ours = [(r["tag"], r["text"]) for r in F.revisions(out) if r["author"] == "resolint"]
    notes = [c for c in F.comments(out) if c[0] == "resolint"]
    assert ours and notes
    again = soffice(tmp_path, "docx:MS Word 2007 XML", out, tmp_path / "lo2")
    assert sorted((r["tag"], r["text"]) for r in F.revisions(again) if r["author"] == "resolint") == sorted(ours)
    assert sorted(c for c in F.comments(again) if c[0] == "resolint") == sorted(notes)
    proc = run("annotate", again, "-o", tmp_path / "twice.docx", "--track-changes")
    assert "0 fixes proposed" in proc.stdout and "0 comments added" in proc.stdout, proc.stdout
