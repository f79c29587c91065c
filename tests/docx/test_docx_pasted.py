"""A PDF's lines pasted into Word: one Word paragraph per line, read as the draft's lines.

Drafts written for these tests; the expected findings are typed by hand."""

from __future__ import annotations

import docx_factory as F
import pytest

from resolint.docx.fix import fix_docx
from resolint.docx.lint import lint_docx, text_to_lint
from resolint.docx.package import open_docx
from resolint.docx.pasted import pasted_from_pdf
from resolint.docx.reader import build

IT = {"italic": True}

#: A resolution copied from its PDF: each line of the PDF a Word paragraph.
PASTED = [
    "The General Assembly,",
    [("Recalling", IT), " its resolution 74/247 of 27 December 2019, by which it decided to establish an"],
    "open-ended ad hoc intergovernmental committee of experts, representative of all",
    "regions, to elaborate a comprehensive international convention,",
    [("Noting with appreciation", IT), " the work of the United Nations Office on Drugs and Crime in"],
    "providing technical assistance to Member States,",
    ["1. ", ("Urges", IT), " Member States that have not yet done so to consider signing and ratifying the"],
    "United Nations Convention against Cybercrime;",
    ["2. ", ("Requests", IT), " the United Nations Office on Drugs and Crime to continue to provide"],
    "technical assistance, upon request, to Member States;",
    ["3. ", ("Decides", IT), " to remain seized of the matter."],
]


def _document(tmp_path, paragraphs, name="draft.docx"):
    d = F.new()
    for p in paragraphs:
        if isinstance(p, str):
            F.para(d, p)
        else:
            F.para(d, *[(r, {}) if isinstance(r, str) else r for r in p])
    return build(open_docx(F.save(d, tmp_path / name)))


def test_a_pdfs_lines_pasted_into_word_read_as_the_drafts_paragraphs(tmp_path):
    """Read as Word's own paragraphs, the draft had 22 findings: "'technical' is not an
    operative opener", unnumbered operative paragraphs, numbers out of sequence."""
    doc = _document(tmp_path, PASTED)
    assert pasted_from_pdf(doc)
    result = lint_docx(doc)
    assert result.findings == []
    kinds = [p.kind.value for p in result.resolution.paragraphs]
    assert kinds == ["opening", "preamble", "preamble", "operative", "operative", "operative"]
    text, given = text_to_lint(doc)
    assert not given and len(text) == len(doc.text)  # every offset is the document's


def test_a_fix_in_a_pasted_document_lands_in_the_line_that_holds_it(tmp_path):
    lines = list(PASTED)
    lines[5] = "providing technical assistance to Member States"  # the clause's comma is missing
    doc = _document(tmp_path, lines)
    result = lint_docx(doc)
    assert [f.code for f in result.findings] == ["PRE004"]
    outcome = fix_docx(doc, lint_docx)
    assert outcome.applied == 1 and outcome.result.findings == []
    assert outcome.doc.text.split("\n\n")[5] == "providing technical assistance to Member States,"


def test_a_draft_typed_in_word_is_read_paragraph_by_paragraph(tmp_path):
    """Word's own paragraphs, one clause each, and an ITU draft's lower-case group openers
    ("recalling" above "a) that …"): not a PDF's lines."""
    typed = [
        "The General Assembly,",
        [("Recalling", IT), " its resolution 74/247 of 27 December 2019, by which it decided to establish a committee,"],
        [("Noting", IT), " the work of the Office in providing technical assistance to Member States,"],
        ["1. ", ("Urges", IT), " Member States to consider ratifying the United Nations Convention against Cybercrime;"],
        ["2. ", ("Decides", IT), " to remain seized of the matter."],
    ]
    itu = [  # (items without their final marks: each group opener is followed by the rest of a sentence)
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
        "recalling",
        "a) that the Union works on the matter",
        "b) that the Union reports on it",
        "considering further",
        "that the work goes on",
        "noting also",
        "that the report is due",
        "recognizing further",
        "that the matter is urgent",
        "resolves",
        "1 to continue the work",
        "2 to report on it.",
    ]
    for name, paragraphs in (("typed.docx", typed), ("itu.docx", itu)):
        doc = _document(tmp_path, paragraphs, name)
        assert not pasted_from_pdf(doc), name
        assert text_to_lint(doc) == (doc.text, True)


@pytest.mark.parametrize("count", [1, 2])
def test_a_line_or_two_that_go_on_in_lower_case_do_not_make_a_pasted_document(tmp_path, count):
    paragraphs = ["The General Assembly,", "Recalling its resolution 74/247 of 27 December 2019 and", "the work of the Office,"] * count
    paragraphs += ["1. Urges Member States to act;", "2. Requests a report;", "3. Decides to remain seized of the matter."] * 3
    assert not pasted_from_pdf(_document(tmp_path, paragraphs))


def test_no_fix_is_written_in_paragraphs_a_tracked_deletion_of_their_mark_joins(tmp_path):
    """A negotiator joins "… of 7 December 2023" and "on sustainable fisheries," with Track
    Changes on (the first paragraph's mark deleted). resolint reads them apart and added a
    comma at the first one's end: after Accept All, "…2023, on sustainable fisheries,"."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    it = {"italic": True}
    d = F.new()
    F.para(d, "The General Assembly,")
    joined = F.para(d, ("Recalling", it), " its resolution 78/120 of 7 December 2023")
    joined._p.insert(0, parse_xml(
        f'<w:pPr {nsdecls("w")}><w:rPr><w:del w:id="7" w:author="Delegate B" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>'
    ))
    F.para(d, "on sustainable fisheries,")
    F.para(d, "1.\t", ("Decides", it), " to remain seized of the matter.")
    path = tmp_path / "joined.docx"
    d.save(path)
    doc = build(open_docx(path))
    outcome = fix_docx(doc, lint_docx)
    assert outcome.applied == 0
    assert outcome.refused and all("tracked deletion joins" in why for _, why in outcome.refused)
    assert "December 2023," not in outcome.doc.text
