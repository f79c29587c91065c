"""What resolint reads from a Word document: text, numbers as displayed, the run map."""

from __future__ import annotations

import docx_factory as F
import pytest
from docx.oxml import parse_xml

from resolint.docx.package import open_docx
from resolint.docx.reader import build
from resolint.engine import lint


def read(d, tmp_path):
    path = F.save(d, tmp_path / "draft.docx")
    return build(open_docx(path))


def lines(doc):
    return [line for line in doc.text.split("\n\n")]


def test_paragraphs_in_order_one_per_line_with_blank_lines(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", {"italic": True}), " its resolution 70/1,")
    F.para(d, "")  # spacing only: not a line
    F.para(d, "1. Decides to act.")
    doc = read(d, tmp_path)
    assert doc.text == "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act."
    assert [p.index for p in doc.paragraphs] == [0, 1, 3]


def test_builtin_list_number_style_is_numbered_as_displayed(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, "Decides to act;", style="List Number")
    F.para(d, "Requests a report.", style="List Number")
    doc = read(d, tmp_path)
    assert lines(doc)[1:] == ["1. Decides to act;", "2. Requests a report."]
    assert [p.label for p in doc.paragraphs] == ["", "1.", "2."]


def test_levels_formats_and_restart_of_deeper_levels(tmp_path):
    d = F.new()
    nid = F.add_list(d, [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")])
    F.numbered(d, nid, 0, "Decides:")
    F.numbered(d, nid, 1, "first;")
    F.numbered(d, nid, 2, "deeper;")
    F.numbered(d, nid, 2, "deeper again;")
    F.numbered(d, nid, 1, "second;")
    F.numbered(d, nid, 0, "Requests:")
    F.numbered(d, nid, 1, "again from a;")
    doc = read(d, tmp_path)
    assert [p.label for p in doc.paragraphs] == ["1.", "(a)", "(i)", "(ii)", "(b)", "2.", "(a)"]


def test_multi_level_label_and_never_restarting_level(tmp_path):
    d = F.new()
    nid = F.add_list(d, [("decimal", "%1."), ("decimal", "%1.%2")], restart_levels={1: 0})
    F.numbered(d, nid, 0, "One")
    F.numbered(d, nid, 1, "a")
    F.numbered(d, nid, 0, "Two")
    F.numbered(d, nid, 1, "b")  # lvlRestart 0: level 2 goes on counting
    doc = read(d, tmp_path)
    assert [p.label for p in doc.paragraphs] == ["1.", "1.1", "2.", "2.2"]


def test_list_continues_across_unnumbered_paragraphs_and_restarts_with_start_override(tmp_path):
    d = F.new()
    nid = F.add_list(d, [("decimal", "%1.")])
    F.numbered(d, nid, 0, "One")
    F.para(d, "A heading between")
    F.numbered(d, nid, 0, "Two")
    restarted = F.add_instance(d, F.abstract_of(d, nid), start_override={0: 1})
    F.numbered(d, restarted, 0, "One again")
    F.numbered(d, restarted, 0, "Two again")
    doc = read(d, tmp_path)
    assert [p.label for p in doc.paragraphs] == ["1.", "", "2.", "1.", "2."]


def test_bullets_and_letters_past_z(tmp_path):
    d = F.new()
    F.para(d, "An item", style="List Bullet")
    nid = F.add_list(d, [("lowerLetter", "%1)")])
    for i in range(27):
        F.numbered(d, nid, 0, f"item {i}")
    doc = read(d, tmp_path)
    assert doc.paragraphs[0].label == "•"
    assert doc.paragraphs[1].label == "a)"
    assert doc.paragraphs[26].label == "z)"
    assert doc.paragraphs[27].label == "aa)"  # Word repeats the letter


def test_tracked_insertions_are_read_and_deletions_skipped(tmp_path):
    d = F.new()
    p = F.para(d, "Recalling its resolution")
    F.tracked_delete(p, " 70/2")
    F.tracked_insert(p, " 70/1,")
    doc = read(d, tmp_path)
    assert doc.text == "Recalling its resolution 70/1,"
    assert (doc.stats.insertions, doc.stats.deletions) == (1, 1)
    assert "1 insertion read as accepted, 1 deletion skipped" in " ".join(doc.stats.notes())


def test_a_tracked_move_counts_as_the_deletion_and_the_insertion_it_reads_as(tmp_path):
    """Word records a moved sentence as w:moveFrom (skipped, like a deletion) and w:moveTo
    (read, like an insertion); the note counted the first and not the second ("0
    insertions read as accepted, 1 deletion skipped" for a document whose only change
    was a move)."""
    d = F.new()
    rev = 'w:author="Drafter" w:date="2026-01-01T00:00:00Z"'
    first = F.para(d, "1. Urges Member States to cooperate;")
    first._p.append(parse_xml(f'<w:moveFrom {F.W} w:id="7" {rev}><w:r><w:delText xml:space="preserve"> Requests a report;</w:delText></w:r></w:moveFrom>'))
    second = F.para(d, "2. ")
    second._p.append(parse_xml(f'<w:moveTo {F.W} w:id="8" {rev}><w:r><w:t>Requests a report;</w:t></w:r></w:moveTo>'))
    doc = read(d, tmp_path)
    assert doc.text == "1. Urges Member States to cooperate;\n\n2. Requests a report;"
    assert "1 insertion read as accepted, 1 deletion skipped" in " ".join(doc.stats.notes())


def test_endnotes_are_counted_as_endnotes_not_footnotes(tmp_path):
    """A draft with its sources in endnotes was told "2 footnotes not linted" (both kinds of
    reference were counted as footnotes); each kind is named, in the notes and in what an
    export would leave out."""
    d = F.new()
    p = F.para(d, "Recalling its resolution 78/10,")
    for ref in ("endnoteReference", "endnoteReference", "footnoteReference"):
        p._p.append(parse_xml(f'<w:r {F.W}><w:{ref} w:id="1"/></w:r>'))
    doc = read(d, tmp_path)
    notes = " ".join(doc.stats.notes())
    assert "1 footnote not linted" in notes and "2 endnotes not linted" in notes
    assert doc.stats.left_out() == ["1 footnote", "2 endnotes"]


def test_tables_headers_and_hidden_text_are_not_linted_but_reported(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.add_table(d, "Sponsors: somebody")
    F.add_header(d, "A/RES/80/1")
    F.para(d, "Recalling", ("secret", {"hidden": True}), " its resolution,")
    doc = read(d, tmp_path)
    assert doc.text == "The General Assembly,\n\nRecalling its resolution,"
    notes = " ".join(doc.stats.notes())
    assert "1 table not linted" in notes and "headers and footers not linted" in notes


def _xml_runs(p, xml: str) -> None:
    from docx.oxml import parse_xml

    for el in list(parse_xml(f"<w:root {F.W}>{xml}</w:root>")):
        p._p.append(el)


def _begin(instr: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>')


SEPARATE, END = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def test_a_field_nested_in_another_fields_instructions_is_not_read(tmp_path):
    """A mail-merge template's { IF { MERGEFIELD Verb } = "" "Decides" "{ MERGEFIELD Verb }" }:
    the nested field's result is stored as text inside the IF field's code, which Word
    does not display; only the IF field's own result is."""
    d = F.new()
    F.para(d, "The General Assembly,")
    p = F.para(d, "1. ")
    _xml_runs(p, _begin("IF") + _begin("MERGEFIELD Verb") + SEPARATE + "<w:r><w:t>«Verb»</w:t></w:r>" + END
              + '<w:r><w:instrText xml:space="preserve"> = "" "Decides" "Requests" </w:instrText></w:r>'
              + SEPARATE + "<w:r><w:t>Decides</w:t></w:r>" + END + '<w:r><w:t xml:space="preserve"> to act.</w:t></w:r>')
    # A field begun and never separated hides no more than the rest of its paragraph.
    p = F.para(d, "2. Requests ")
    _xml_runs(p, _begin("REF broken") + "<w:r><w:t>stray</w:t></w:r>")
    F.para(d, "3. Decides to remain seized of the matter.")
    doc = read(d, tmp_path)
    assert lines(doc) == ["The General Assembly,", "1. Decides to act.", "2. Requests ", "3. Decides to remain seized of the matter."]


def test_every_stored_character_maps_back_to_its_run(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recall", {"bold": True}), ("ing", {"italic": True}), " its resolution\t70/1,", style="List Number")
    doc = read(d, tmp_path)
    seen = 0
    for p in doc.paragraphs:
        for seg in p.segments:
            if seg.editable:
                assert doc.text[seg.start : seg.end] == seg.node.text[seg.node_off : seg.node_off + seg.end - seg.start]
                seen += seg.end - seg.start
            elif seg.run is None:
                assert doc.text[seg.start : seg.end] == p.label + " "
    stored = sum(len(t.text or "") for t in d.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert seen == stored
    assert "\t" not in doc.text  # a tab is drawn as a space, mapped to its w:tab


def test_italic_comes_from_direct_formatting_and_styles(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    d = F.new()
    emph = d.styles.add_style("Opener", WD_STYLE_TYPE.CHARACTER)
    emph.font.italic = True
    slanted = d.styles.add_style("Slanted", WD_STYLE_TYPE.PARAGRAPH)
    slanted.font.italic = True
    p = d.add_paragraph()
    p.add_run("Recalling", style="Opener")
    p.add_run(" its resolution")
    q = d.add_paragraph(style="Slanted")
    q.add_run("Noting")
    r = q.add_run(" upright")
    r.italic = False
    doc = read(d, tmp_path)
    assert [doc.italic_at(i) for i in (0, 10)] == [True, False]
    start = doc.paragraphs[1].start
    assert doc.italic_at(start) is True and doc.italic_at(start + 7) is False


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"The General Assembly,\n", "not a ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le"), "password-protected"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc file"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, content, words):
    from resolint.docx.package import DocxError

    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(DocxError, match=words.replace(".", r"\.")):
        open_docx(path)


def test_truncated_and_foreign_zip_files_are_refused(tmp_path):
    import zipfile

    from resolint.docx.package import DocxError

    good = F.to_bytes(F.new())
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(DocxError, match="damaged or truncated"):
        open_docx(cut)
    other = tmp_path / "sheet.docx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DocxError, match="not a Word document"):
        open_docx(other)


def test_a_double_space_split_across_runs_reads_as_the_typed_text():
    """ "Member " + " States" in two runs is read as "Member  States", as one run holding
    both spaces is: whatever a rule says of a double space in a text, it says of a
    Word document's. (No built-in rule reports double spaces today, in a text or a
    document: house-rule matchers see them as one space, custom_rules/spacing.py.)"""
    texts, findings = [], []
    for runs in (["Calls upon Member  States to act."], ["Calls upon Member ", " States to act."],
                 ["Calls upon Member", " ", " States to act."]):
        d = F.new()
        F.para(d, "The General Assembly,")
        F.para(d, "1. ", *runs)
        doc = build(open_docx("d.docx", F.to_bytes(d)))
        texts.append(doc.text)
        findings.append([(f.code, f.span) for f in lint(doc.text).findings])
    assert texts[0].endswith("1. Calls upon Member  States to act.")
    assert texts[1:] == texts[:1] * 2 and findings[1:] == findings[:1] * 2
