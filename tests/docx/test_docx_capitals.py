"""Capitals Word shows but does not store: All caps (``w:caps``) and Small caps
(``w:smallCaps``), on a run or through its character or paragraph style.

INTERPOL drafts write openers in capitals, and many are typed in lower case with the
formatting doing the rest. The reader reads what Word shows, so the case rules judge
that; and no fix writes a small letter where Word would show it as a capital.
"""

from __future__ import annotations

import docx_factory as F
import pytest
from docx.enum.style import WD_STYLE_TYPE
from test_docx_cli import run
from test_docx_track import text_of

OPENING = "The ICPO-INTERPOL General Assembly, meeting in Lyon at its 95th session:"


def _capitals(d, how: str, p, text: str):
    """Add ``text`` to paragraph ``p`` shown in capitals in the way ``how`` names."""
    if how == "paragraph style":
        style = d.styles.add_style("Shouted", WD_STYLE_TYPE.PARAGRAPH)
        style.font.all_caps = True
        p.style = style
        return p.add_run(text)
    if how == "character style":
        style = d.styles.add_style("Loud", WD_STYLE_TYPE.CHARACTER)
        style.font.small_caps = True
        return p.add_run(text, style=style)
    r = p.add_run(text)
    setattr(r.font, {"all caps": "all_caps", "small caps": "small_caps"}[how], True)
    return r


def interpol_draft(how: str):
    d = F.new()
    F.para(d, OPENING)
    F.para(d, "RECALLING its earlier work on stolen works of art,")
    p = d.add_paragraph("1. ")
    _capitals(d, how, p, "calls upon")
    p.add_run(" member countries to share data on stolen works of art;")
    F.para(d, "2. Requests the Secretary General to report at the next session.")
    return d


@pytest.mark.parametrize("how", ["all caps", "small caps", "character style", "paragraph style"])
def test_an_opener_shown_in_capitals_is_read_as_shown(tmp_path, how):
    path = F.save(interpol_draft(how), tmp_path / "draft.docx")
    assert "1. CALLS UPON " in text_of(path)  # (a paragraph style shows all its words so)
    proc = run("check", "--style", "interpol", "--select", "OPR006", path)
    # The opener Word shows in capitals passes; the one typed "Requests" does not.
    assert "'CALLS UPON'" not in proc.stdout, proc.stdout
    assert "Write the opener as 'REQUESTS'" in proc.stdout, proc.stdout


def test_letters_whose_capital_is_longer_keep_their_place():
    from resolint.docx.reader import shown_in_capitals

    assert shown_in_capitals("straße a") == "STRAßE A"  # one shown character per stored one
    assert shown_in_capitals("calls upon") == "CALLS UPON"


def un_draft():
    """A UN draft whose opener is typed "calls upon" and shown in capitals."""
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", {"italic": True}), " its resolution 74/1 of 1 October 2019,")
    p = d.add_paragraph(style="List Number")
    r = p.add_run("calls upon")
    r.font.all_caps = True
    r.font.italic = True
    p.add_run(" Member States to share information.")
    return d


def test_no_fix_writes_small_letters_that_word_would_show_as_capitals(tmp_path):
    # Word shows "CALLS UPON"; un-ga wants "Calls upon". Written into the run, "Calls
    # upon" would still show "CALLS UPON": the fix is refused, the finding stays a comment.
    src = F.save(un_draft(), tmp_path / "draft.docx")
    original = src.read_bytes()
    proc = run("check", "--fix", "--select", "OPR006", src)
    assert "OPR006" in proc.stdout and "shown in capitals" in proc.stderr, proc.stdout + proc.stderr
    assert "1. CALLS UPON Member States" in text_of(src)
    src.write_bytes(original)
    out = tmp_path / "reviewed.docx"
    proc = run("annotate", src, "-o", out, "--track-changes", "--select", "OPR006")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert F.revisions(out) == []
    assert any("shown in capitals" in t for _, t in F.comments(out)), F.comments(out)


def test_capitals_written_into_a_capitals_run_accept_and_reject(tmp_path):
    # INTERPOL: the preambular "recalls" shown "RECALLS" becomes "RECALLING", written in
    # the run's own case and formatting; accepting shows RECALLING, rejecting RECALLS.
    d = F.new()
    F.para(d, OPENING)
    p = d.add_paragraph()
    r = p.add_run("recalls")
    r.font.all_caps = True
    p.add_run(" its earlier work on stolen works of art,")
    F.para(d, "1. CALLS UPON member countries to share data on stolen works of art.")
    src = F.save(d, tmp_path / "draft.docx")
    out = tmp_path / "reviewed.docx"
    proc = run("annotate", src, "-o", out, "--track-changes", "--unsafe-fixes", "--style", "interpol", "--select", "PRE001")
    assert proc.returncode in (0, 1), proc.stderr
    assert "RECALLING its earlier work" in text_of(out)  # accepted, as resolint reads insertions
    # Written in the case the run stores ("recalling"): Small caps draws a stored capital
    # full size, and the words must read right with the formatting turned off.
    assert [r["text"] for r in F.revisions(out)] == ["recalls", "recalling"]
    assert text_of(F.rejected(out)).split("\n\n")[1].startswith("RECALLS its earlier work")
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(src.read_bytes())
    run("check", "--fix", "--unsafe-fixes", "--style", "interpol", "--select", "PRE001", fixed)
    assert text_of(fixed) == text_of(out)
    import docx

    assert docx.Document(str(fixed)).paragraphs[1].runs[0].text == "recalling"
