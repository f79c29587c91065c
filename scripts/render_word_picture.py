"""Render the picture of docs/word.md: a reviewed Word draft as LibreOffice draws it.

    .venv/bin/python scripts/render_word_picture.py [OUT.png]   (default docs/images/word-tracked-changes.png)

Builds a short invented draft in Word (italic openers, automatic numbering, four
mistakes), runs ``resolint annotate --track-changes --unsafe-fixes`` on it, has
LibreOffice (headless) export the reviewed copy to PDF and poppler's ``pdftoppm`` render
the part of page 1 that holds the text. Comments are left out of the picture: LibreOffice
7.4 exports them only as PDF note icons, drawn over the words. Needs soffice and pdftoppm.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import docx

from resolint.cli.main import main as resolint

ROOT = Path(__file__).resolve().parents[1]


def draft(path: Path) -> Path:
    d = docx.Document()

    def para(*runs, style=None):
        p = d.add_paragraph(style=style)
        for text, italic in runs:
            p.add_run(text).italic = italic or None

    para(("The General Assembly,", False))
    para(("Recalling", True), (" its resolution 78/10 of 21 November 2023 on the return of cultural property,", False))
    para(("Recalls", True), (" the importance of international cooperation in criminal matters,", False))
    para(("Deeply concerned", True), (" by the growing trafficking in cultural property,", False))
    para(("Urges", True), (" Member States to strengthen their cooperation;", False), style="List Number")
    para(("calls upon", True), (" Member States to share information on stolen objects;", False), style="List Number")
    para(("Decides", False), (" to include the item in the provisional agenda of its eighty-first session;", False), style="List Number")
    para(("Requests", True), (" the Secretary-General to report to it at its eighty-second session", False), style="List Number")
    d.save(str(path))
    return path


def render(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = draft(tmp / "draft.docx")
        reviewed = tmp / "draft.reviewed.docx"
        resolint(["annotate", str(src), "-o", str(reviewed), "--track-changes", "--unsafe-fixes"])
        profile = (tmp / "profile").as_uri()
        subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}",
             "--convert-to", "pdf",
             "--outdir", str(tmp), str(reviewed)],
            check=True, capture_output=True, timeout=300,
        )
        # 110 dpi; x/y/W/H crop the text block of the US Letter page python-docx makes.
        subprocess.run(
            ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
             "-x", "115", "-y", "85", "-W", "720", "-H", "370", str(tmp / "draft.reviewed.pdf"), str(out.with_suffix(""))],
            check=True,
        )


if __name__ == "__main__":
    render(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images" / "word-tracked-changes.png")
