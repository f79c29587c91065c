"""Drafts as negotiation leaves them: paragraphs another delegation deleted with Track
Changes, an empty paragraph left in a numbered list, a reviewed copy reviewed again."""

from __future__ import annotations

import re

import docx_factory as F
from docx.oxml import parse_xml
from test_docx_cli import IT, faulty_draft, run

from resolint.docx.annotate import annotate, to_bytes
from resolint.docx.package import open_docx
from resolint.docx.reader import build
from resolint.engine import Finding
from resolint.rule import Severity
from resolint.source import Span

DELEGATION = 'w:author="Delegation of Chile" w:date="2024-10-01T10:00:00Z"'


def _mark_deleted(p) -> None:
    """Delete the paragraph mark of ``p`` with Track Changes (Accept All joins it to the next)."""
    p._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {F.W}><w:del w:id="801" {DELEGATION}/></w:rPr>'))


def _deleted_text(p, *texts: str) -> None:
    runs = "".join(f'<w:r><w:delText xml:space="preserve">{t}</w:delText></w:r>' for t in texts)
    p._p.append(parse_xml(f'<w:del {F.W} w:id="802" {DELEGATION}>{runs}</w:del>'))


def _operatives(d, num: str, middle) -> None:
    """The opening, a preambular paragraph and four operative paragraphs of list ``num``;
    ``middle(d)`` adds the second one."""
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0, ("Welcomes", IT), " the report;")
    middle(d)
    F.numbered(d, num, 0, ("Requests", IT), " the Secretary-General to report;")
    F.numbered(d, num, 0, ("Decides", IT), " to remain seized of the matter.")


def test_a_numbered_paragraph_deleted_whole_with_track_changes_is_read_as_gone(tmp_path):
    # Text and paragraph mark deleted ("select the paragraph, Delete"): Accept All removes
    # it and Word numbers the next paragraph 2. It was read as an empty "2." (DOC016, which
    # annotate could not anchor) and the next one as "3." (OPR002 "skips from 1 to 3").
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])

    def deleted(d):
        p = F.numbered(d, num, 0)
        _mark_deleted(p)
        _deleted_text(p, "Encourages", " Member States to cooperate;")

    _operatives(d, num, deleted)
    src = F.save(d, tmp_path / "draft.docx")
    doc = build(open_docx(src))
    assert [p.label for p in doc.paragraphs] == ["", "", "1.", "2.", "3."]
    assert doc.stats.deletions == 2  # its text and its mark
    proc = run("check", src)
    assert proc.returncode == 0 and "no findings" in proc.stdout, proc.stdout
    out = tmp_path / "reviewed.docx"
    proc = run("annotate", src, "-o", out)
    assert "0 findings" in proc.stdout and "anchored" not in proc.stdout


def test_a_deletion_of_the_text_alone_or_of_the_mark_alone_keeps_the_paragraph_and_its_number(tmp_path):
    # Text deleted, mark kept: Accept All leaves an empty "2.". Mark deleted, text kept:
    # Accept All joins the text to the next paragraph; it is read apart (docs/word.md).
    def text_only(d, num):
        _deleted_text(F.numbered(d, num, 0), "Encourages Member States to cooperate;")

    def mark_only(d, num):
        _mark_deleted(F.numbered(d, num, 0, ("Encourages", IT), " Member States"))

    for middle, second in ((text_only, "2. "), (mark_only, "2. Encourages Member States")):
        d = F.new()
        num = F.add_list(d, [("decimal", "%1.")])
        _operatives(d, num, lambda d, middle=middle, num=num: middle(d, num))
        doc = build(open_docx(F.save(d, tmp_path / "draft.docx")))
        assert [p.label for p in doc.paragraphs] == ["", "", "1.", "2.", "3.", "4."]
        assert doc.text.split("\n\n")[3] == second


def test_comment_marks_after_an_automatic_number_keep_their_place(tmp_path):
    # The number is read after the paragraph's runs now; a comment range in the paragraph
    # must still cover the words it covers in Word.
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    p = F.numbered(d, num, 0, ("Welcomes", IT), " the report;")
    d.add_comment(p.runs[1], text="Which report?", author="Delegate", initials="D")
    doc = build(open_docx(F.save(d, tmp_path / "draft.docx")))
    (c,) = doc.comments
    assert doc.text[c.span.start : c.span.end] == " the report;"


def _with_empty_third(d, num) -> None:
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0, ("Welcomes", IT), " the report;")
    F.numbered(d, num, 0, ("Encourages", IT), " Member States to cooperate;")
    F.numbered(d, num, 0)  # Word shows "3." alone
    F.numbered(d, num, 0, ("Requests", IT), " the Secretary-General to report;")


def test_an_empty_paragraph_of_a_numbered_list_is_not_a_pdf_page_number(tmp_path):
    # Word's own number is never a PDF conversion's page number (DOC016, which annotate
    # then could not anchor). A "2." typed alone in a Word paragraph still is one.
    d = F.new()
    _with_empty_third(d, F.add_list(d, [("decimal", "%1.")]))
    F.para(d, "7.")
    src = F.save(d, tmp_path / "draft.docx")
    proc = run("check", src, "--select", "DOC016")
    assert proc.stdout.count("DOC016") == 1 and "¶7 (7.)" in proc.stdout, proc.stdout
    proc = run("annotate", src, "-o", tmp_path / "reviewed.docx", "--select", "DOC016")
    assert "1 comment added" in proc.stdout and "anchored" not in proc.stdout


def test_a_comment_on_a_paragraph_with_no_stored_text_is_on_the_paragraph(tmp_path):
    d = F.new()
    _with_empty_third(d, F.add_list(d, [("decimal", "%1.")]))
    doc = build(open_docx(F.save(d, tmp_path / "draft.docx")))
    empty = doc.paragraphs[4]
    assert (empty.label, doc.text[empty.start : empty.end]) == ("3.", "3. ")
    finding = Finding("OPR000", "test", Severity.WARNING, "An empty paragraph", Span(empty.start, empty.end - 1))
    outcome = annotate(doc, [finding])
    assert (outcome.added, outcome.unanchored) == (1, [])
    again = build(open_docx("x.docx", to_bytes(doc)))
    (c,) = again.comments
    assert c.text.startswith("An empty paragraph") and again.paragraph_at(c.span.start) is again.paragraphs[4]
    assert annotate(again, [finding]).already == 1  # and not twice when annotated again


def test_reviewing_a_commented_copy_with_tracked_changes_adds_no_second_comment(tmp_path):
    # A copy reviewed with comments ("Suggested change: …"), reviewed again with tracked
    # changes: each fix was proposed with a new comment ("Proposed as a tracked change: …")
    # beside the old one on the same finding, while the summary said "0 comments added".
    src = F.save(faulty_draft(), tmp_path / "draft.docx")
    commented = tmp_path / "commented.docx"
    first = run("annotate", src, "-o", commented)
    n = len(F.comments(commented))
    assert f"{n} comments added" in first.stdout and n >= 3
    again = tmp_path / "again.docx"
    proc = run("annotate", commented, "-o", again, "--track-changes")
    proposed = int(re.search(r"(\d+) fixes proposed", proc.stdout).group(1))
    assert proposed >= 2 and f"0 comments added, {n} already there" in proc.stdout, proc.stdout
    assert F.comments(again) == F.comments(commented)
    assert len(F.revisions(again)) >= proposed  # the fixes are proposed all the same


def test_a_comment_on_another_delegations_change_is_not_added_again_on_a_second_review(tmp_path):
    # A full stop missing after words another delegation inserted (or moved) with Track
    # Changes: the comment covers their whole change, but was remembered as covering the
    # last word only, so every review of the reviewed copy added it once more.
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    p = F.para(d, ("Decides", IT), " to keep the matter under review", style="List Number")
    p._p.append(parse_xml(f'<w:ins {F.W} w:id="803" {DELEGATION}><w:r><w:t xml:space="preserve"> and to act</w:t></w:r></w:ins>'))
    p = F.para(d, ("Invites", IT), " all States to report", style="List Number")
    p._p.append(parse_xml(f'<w:moveTo {F.W} w:id="804" {DELEGATION}><w:r><w:t xml:space="preserve"> fully</w:t></w:r></w:moveTo>'))
    src = F.save(d, tmp_path / "draft.docx")
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    first = run("annotate", src, "-o", once)
    assert "2 comments added" in first.stdout, first.stdout
    assert sorted(t for a, t in F.comment_ranges(once).values() if a == "resolint") == [" and to act", " fully"]
    proc = run("annotate", once, "-o", twice)
    assert "0 comments added, 2 already there" in proc.stdout, proc.stdout
    assert F.comments(twice) == F.comments(once)


def test_a_comment_whose_end_is_written_inside_a_deletion_is_found_again(tmp_path):
    # LibreOffice, saving a reviewed copy, writes a comment's commentRangeEnd (and its
    # reference) into the tracked deletion that follows the commented words. The reader
    # skipped the deletion whole, marks included: the comment had no end, was not
    # recognised, and the next review added it again.
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    p = F.para(d, ("Encourages", IT), " Member States to cooperate,", style="List Number")
    _deleted_text(p, " fully")
    F.para(d, ("Decides", IT), " to remain seized of the matter.", style="List Number")
    src = F.save(d, tmp_path / "draft.docx")
    once = tmp_path / "once.docx"
    assert "1 comment added" in run("annotate", src, "-o", once).stdout
    moved = F.docx.Document(str(once))
    body = moved.element.body
    (end,) = body.iter(F.qn("w:commentRangeEnd"))
    (deletion,) = body.iter(F.qn("w:del"))
    deletion.insert(0, end)  # as LibreOffice writes it
    resaved = F.save(moved, tmp_path / "resaved.docx")
    proc = run("annotate", resaved, "-o", tmp_path / "twice.docx")
    assert "0 comments added, 1 already there" in proc.stdout, proc.stdout


def _opr002(tmp_path, d, name="draft.docx") -> list[str]:
    proc = run("check", F.save(d, tmp_path / name), "--select", "OPR002")
    return [line for line in proc.stdout.splitlines() if "OPR002" in line]


def test_an_empty_paragraph_of_a_numbered_list_counts_in_the_numbering(tmp_path):
    # Word shows "1." "2." "3." (the third empty) "4.": no number is skipped. The list
    # counted the paragraphs but not the empty one, and OPR002 said "skips from 2 to 4".
    d = F.new()
    _with_empty_third(d, F.add_list(d, [("decimal", "%1.")]))
    assert _opr002(tmp_path, d) == []


def test_an_empty_first_paragraph_of_a_numbered_list_counts_too(tmp_path):
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0)  # "1." alone
    F.numbered(d, num, 0, ("Welcomes", IT), " the report;")
    F.numbered(d, num, 0, ("Requests", IT), " the Secretary-General to report.")
    assert _opr002(tmp_path, d) == []


def test_a_number_skipped_after_an_empty_paragraph_is_still_reported(tmp_path):
    # Typed numbers after Word's empty "2.": "3." follows it, "5." skips 4.
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0, ("Welcomes", IT), " the report;")
    F.numbered(d, num, 0)  # "2." alone
    F.para(d, "3. ", ("Requests", IT), " the Secretary-General to report;")
    F.para(d, "5. ", ("Decides", IT), " to remain seized of the matter.")
    (line,) = _opr002(tmp_path, d)
    assert "skips from 3 to 5" in line


def test_a_number_typed_alone_in_a_text_still_leaves_a_gap(tmp_path):
    # In plain text "2." alone may be a PDF's page number (DOC016): the list does not
    # count it, and the gap it leaves is reported.
    draft = tmp_path / "d.res.txt"
    draft.write_text("The General Assembly,\n\nRecalling its resolution 75/1,\n\n1. Welcomes the report;\n\n2.\n\n"
                     "3. Requests the Secretary-General to report.\n", encoding="utf-8")
    proc = run("check", draft, "--select", "OPR002")
    assert "skips from 1 to 3" in proc.stdout
