"""Runs in a paragraph-level ``mc:AlternateContent`` (markup compatibility): read once,
from the branch the OOXML rules choose, never both; never edited (Word may show the
other branch); a comment on them goes around the whole of it."""

from __future__ import annotations

import docx_factory as F
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from test_docx_cli import run
from test_docx_track import text_of

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _alternate(choice_text: str | None, fallback_text: str | None, requires: str = "w14"):
    choice = (f'<mc:Choice Requires="{requires}"><w:r><w:t xml:space="preserve">{choice_text}</w:t></w:r></mc:Choice>'
              if choice_text is not None else "")
    fallback = (f'<mc:Fallback><w:r><w:t xml:space="preserve">{fallback_text}</w:t></w:r></mc:Fallback>'
                if fallback_text is not None else "")
    return parse_xml(f'<mc:AlternateContent xmlns:mc="{MC}" xmlns:w="{WNS}" xmlns:w14="{W14}">'
                     f"{choice}{fallback}</mc:AlternateContent>")


def draft(choice_text, fallback_text, requires="w14"):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", {"italic": True}), " its resolution 74/1 of 1 October 2019,")
    p = F.para(d, "1. ")
    p._p.append(_alternate(choice_text, fallback_text, requires))
    p.add_run(" Member States to share information.")
    return d


def third_paragraph(path) -> str:
    return text_of(path).split("\n\n")[2]


def test_the_fallback_is_read_once_when_the_choice_needs_an_extension(tmp_path):
    path = F.save(draft("Kalls upon", "Calls upon"), tmp_path / "d.docx")
    assert third_paragraph(path) == "1. Calls upon Member States to share information."


def test_the_same_words_in_both_branches_are_read_once(tmp_path):
    path = F.save(draft("Calls upon", "Calls upon"), tmp_path / "d.docx")
    assert third_paragraph(path) == "1. Calls upon Member States to share information."


def test_a_choice_that_needs_only_wordprocessingml_is_read(tmp_path):
    path = F.save(draft("Calls upon", "Kalls upon", requires="w"), tmp_path / "d.docx")
    assert third_paragraph(path) == "1. Calls upon Member States to share information."


def test_a_choice_of_an_unknown_namespace_without_fallback_is_not_read(tmp_path):
    path = F.save(draft("Kalls upon", None), tmp_path / "d.docx")
    assert third_paragraph(path) == "1.  Member States to share information."


def test_no_fix_is_written_in_either_branch_and_the_comment_goes_around_both(tmp_path):
    src = F.save(draft("calls upon", "calls upon"), tmp_path / "d.docx")
    before = src.read_bytes()
    proc = run("check", "--fix", "--select", "OPR006", "--style", "un-ga", src)
    assert "OPR006" in proc.stdout and "mc:AlternateContent" in proc.stderr, proc.stdout + proc.stderr
    assert src.read_bytes() == before or third_paragraph(src).startswith("1. calls upon")
    out = tmp_path / "reviewed.docx"
    proc = run("annotate", src, "-o", out, "--track-changes", "--select", "OPR006", "--style", "un-ga")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert F.revisions(out) == []
    import docx

    p = docx.Document(str(out)).element.body.findall(qn("w:p"))[2]
    alt = p.find(f"{{{MC}}}AlternateContent")
    assert alt.getprevious().tag == qn("w:commentRangeStart")
    assert alt.getnext().tag == qn("w:commentRangeEnd")
    assert len(F.comments(out)) == 1
    # A second review finds its comment there and adds none.
    again = tmp_path / "again.docx"
    run("annotate", out, "-o", again, "--select", "OPR006", "--style", "un-ga")
    assert len(F.comments(again)) == 1
