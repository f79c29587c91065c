"""Tracked changes proved with a real application: LibreOffice accepts or rejects them all.

For every draft in ``fixtures/`` and for 20 corpus texts with defects injected, typed into
Word documents (a run per word), ``annotate --track-changes --unsafe-fixes`` writes the
reviewed copy; LibreOffice, driven through UNO (``lo_revisions.py``, run by the system
Python that has python3-uno), then accepts all changes and, separately, rejects all:

- accepted, the paragraphs LibreOffice shows (list label and text) are the text that
  ``resolint check --fix --unsafe-fixes`` makes of the same draft saved as plain text;
- rejected, they are the original text, character for character.

LibreOffice 7.4 in headless mode crashes when it opens a document with comments in a
view (it builds the comment side pane); the copies given to it for accepting and
rejecting have the comment markers taken out (comments are not text: nothing else
changes). The comments themselves are checked on the PDF LibreOffice exports, and one
reviewed page is rendered to PNG as a test artifact (``RESOLINT_ARTIFACTS``, default
``build/test-artifacts``) for a person to look at.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx_factory as F
import pytest
from conftest import CORPUS, FIXTURES, ROOT
from test_docx_cli import faulty_draft, run

SYSTEM_PYTHON = "/usr/bin/python3"
HERE = Path(__file__).resolve().parent
CORPUS_SAMPLE = 20
CORPUS_MAX_WORDS = 4000


def _has_uno() -> bool:
    if shutil.which("soffice") is None or not os.path.exists(SYSTEM_PYTHON):
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(
    not _has_uno() or shutil.which("pdftoppm") is None,
    reason="LibreOffice, python3-uno (for /usr/bin/python3) or poppler-utils missing; see .ci/docx.sh",
)


def artifacts() -> Path:
    path = Path(os.environ.get("RESOLINT_ARTIFACTS") or ROOT / "build" / "test-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


def without_comments(src: Path, dst: Path) -> Path:
    """A copy of ``src`` without comment anchors (see the module docstring)."""
    d = F.docx.Document(str(src))
    body = d.element.body
    tags = (F.qn("w:commentRangeStart"), F.qn("w:commentRangeEnd"))
    for el in list(body.iter(*tags)):
        el.getparent().remove(el)
    for ref in list(body.iter(F.qn("w:commentReference"))):
        run_ = ref.getparent()
        run_.getparent().remove(run_)
    return F.save(d, dst)


def libreoffice(jobs: list[dict], tmp: Path) -> list[dict]:
    jobs_file, results_file = tmp / "jobs.json", tmp / "results.json"
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    proc = subprocess.run(
        [SYSTEM_PYTHON, str(HERE / "lo_revisions.py"), str(jobs_file), str(results_file)],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(results_file.read_text(encoding="utf-8"))


def shown(paragraphs: list[list[str]]) -> str:
    """LibreOffice's paragraphs as resolint's reader lays a document out (which reads a
    Word tab as one space, as the line-numbered drafts of DOC006's fixture hold them)."""
    lines = [(f"{label} {text}" if label else text).replace("\t", " ") for label, text in paragraphs]
    return "\n\n".join(line for line in lines if line.strip())


def inject(paragraphs: list[str]) -> list[str]:
    """Defects a drafter makes: a lower-case operative opener, a skipped typed number,
    a finite verb opening the preamble, a missing final full stop."""
    out = list(paragraphs)
    label = re.compile(r"^(\d{1,2})\. ([A-Z][a-z]+)")
    numbered = [i for i, p in enumerate(out) if label.match(p)]
    if numbered:
        i = numbered[0]
        m = label.match(out[i])
        out[i] = out[i][: m.start(2)] + m.group(2).lower() + out[i][m.end(2) :]
    if len(numbered) > 2:
        i = numbered[len(numbered) // 2]
        m = label.match(out[i])
        out[i] = str(int(m.group(1)) + 1) + out[i][m.end(1) :]
    for i, p in enumerate(out):
        m = re.match(r"^(Recall|Not|Reaffirm|Welcom|Acknowledg|Recogniz|Stress|Emphasiz)ing\b", p)
        if m:
            stem = m.group(1)
            out[i] = stem + ("es" if stem.endswith(("z", "s")) else "s") + p[m.end() :]
            break
    if out and out[-1].endswith("."):
        out[-1] = out[-1][:-1]
    return out


def fixture_drafts() -> list[tuple[str, list[str]]]:
    paths = sorted((FIXTURES / "rules").glob("*.txt")) + sorted((FIXTURES / "citations").glob("*.txt"))
    paths.append(FIXTURES / "sample-draft.txt")
    return [(p.stem, F.text_paragraphs(p.read_text(encoding="utf-8"))) for p in paths]


def corpus_drafts() -> list[tuple[str, list[str]]]:
    if not (CORPUS / "index.csv").is_file():
        return []
    with (CORPUS / "index.csv").open(encoding="utf-8") as fh:
        rows = sorted((r for r in csv.DictReader(fh) if int(r["words"]) <= CORPUS_MAX_WORDS), key=lambda r: r["file"])
    step = max(1, len(rows) // CORPUS_SAMPLE)
    picked = rows[::step][:CORPUS_SAMPLE]
    return [("corpus-" + Path(r["file"]).stem, inject(F.text_paragraphs((CORPUS / r["file"]).read_text(encoding="utf-8")))) for r in picked]


def review(tmp: Path, name: str, paragraphs: list[str]) -> dict:
    """Type, annotate with tracked changes, fix the text version: what the round trips need."""
    src = F.save(F.typed(paragraphs), tmp / f"{name}.docx")
    out = tmp / f"{name}.reviewed.docx"
    proc = run("annotate", src, "-o", out, "--track-changes", "--unsafe-fixes")
    assert proc.returncode in (0, 1), (name, proc.stderr)
    original = F.build_text(src)
    as_text = tmp / f"{name}.res.txt"
    as_text.write_text(original, encoding="utf-8")
    # Paragraphs run together on one line (DOC015) are split by the text parser, while a
    # Word paragraph stays one paragraph: the two readings differ by design, and the fix
    # (a paragraph break) cannot be a tracked change in the runs. So do the halves of a
    # paragraph a PDF page break cut (DOC016): the text parser joins them across the page's
    # footer, Word keeps its paragraphs. Such drafts are left out.
    probe = run("check", "--select", "DOC015,DOC016", "--format", "json", "--exit-zero", as_text)
    run_together = '"DOC015"' in probe.stdout or '"DOC016"' in probe.stdout
    proc = run("check", "--fix", "--unsafe-fixes", as_text)
    assert proc.returncode in (0, 1), (name, proc.stderr)
    return {"name": name, "src": src, "out": out, "original": original, "fixed": as_text.read_text(encoding="utf-8"),
            "run_together": run_together}


def round_trips(tmp: Path, drafts: list[tuple[str, list[str]]]) -> list[dict]:
    reviewed = [review(tmp, name, paras) for name, paras in drafts]
    jobs = []
    for r in reviewed:
        bare = without_comments(r["out"], tmp / f"{r['name']}.bare.docx")
        jobs.append({"src": str(bare), "accept": str(tmp / f"{r['name']}.accepted.docx"), "reject": str(tmp / f"{r['name']}.rejected.docx")})
    for r, res in zip(reviewed, libreoffice(jobs, tmp), strict=False):
        r["accepted"], r["rejected"] = shown(res["accept"]), shown(res["reject"])
    return reviewed


def assert_round_trips(reviewed: list[dict]) -> None:
    changed = 0
    reviewed = [r for r in reviewed if not r["run_together"]]
    for r in reviewed:
        assert r["rejected"] == r["original"], r["name"]
        assert r["accepted"] == r["fixed"], r["name"]
        changed += r["fixed"] != r["original"]
    assert changed >= len(reviewed) // 2, "most drafts should have had something to fix"


def test_fixture_drafts_accept_to_the_text_fix_and_reject_to_the_original(tmp_path):
    drafts = fixture_drafts()
    assert len(drafts) >= 40
    assert_round_trips(round_trips(tmp_path, drafts))


@pytest.mark.corpus
def test_corpus_texts_with_injected_defects_round_trip(tmp_path):
    drafts = corpus_drafts()
    if not drafts:
        pytest.skip("../shared/corpus is not present (it is only in the team's checkouts and CI)")
    assert len(drafts) >= CORPUS_SAMPLE
    assert_round_trips(round_trips(tmp_path, drafts))


def soffice_pdf(tmp: Path, src: Path) -> Path:
    profile = (tmp / "lo-profile").as_uri()
    target = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    proc = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", target, "--outdir", str(tmp / "pdf"), str(src)],
        capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    pdf = tmp / "pdf" / (src.stem + ".pdf")
    assert pdf.is_file(), proc.stdout + proc.stderr
    return pdf


def test_a_reviewed_page_renders_with_its_changes_and_plain_comments(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    src = F.save(faulty_draft(), tmp_path / "draft.docx")
    out = tmp_path / "draft.reviewed.docx"
    run("annotate", src, "-o", out, "--track-changes")
    pdf = soffice_pdf(tmp_path, out)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # Shown with its changes: the struck word and the inserted one are both on the page.
    assert re.search(r"requests\s*Requests", text), text
    notes = []
    for page in pypdf.PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") == "/Text":
                notes.append(str(obj.get("/Contents")))
    assert len(notes) == 3, notes
    for note in notes:
        lines = note.strip().split("\n")
        assert re.fullmatch(r"[A-Z]{3}\d{3} [a-z-]+", lines[-1]), note  # the rule, last
        assert not re.match(r"[A-Z]{3}\d{3}", lines[0]), note  # the problem, first
        assert "--" not in note and "resolint check" not in note, note
    assert any("Proposed as a tracked change: change to 'Requests'" in n for n in notes)
    png = artifacts() / "word-tracked-changes-page1"
    subprocess.run(["pdftoppm", "-png", "-r", "96", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png)], check=True)
    png = png.with_suffix(".png")
    assert png.is_file() and png.stat().st_size > 5_000
    print(f"rendered page: {png}")
