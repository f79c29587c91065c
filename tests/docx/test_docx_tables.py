"""Tables in a Word draft: Word counts a numbered paragraph of a cell in its list.

A list numbered 1. before a table, 2. in one of its cells and 3. after it: the reader
skipped tables whole, so it read "2." where Word shows "3.", and the clause in the cell
was never linted. The numbered paragraphs of a table are read in their place; the rest of
a table (figures, names, a layout's words) is still not linted, and the note says so.
"""

from __future__ import annotations

import json

import docx
import docx_factory as F
from docx.oxml import parse_xml
from test_docx_cli import IT, run

from resolint.docx.package import open_docx
from resolint.docx.reader import build


def _number(p, num: str, ilvl: int = 0) -> None:
    p._p.get_or_add_pPr().insert(0, parse_xml(f'<w:numPr {F.W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'))


def draft(cell_opener=("Welcomes", IT), figures: bool = True):
    """Operative paragraphs 1 and 3 in the body, 2 in a table's second cell, beside a
    cell of figures."""
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0, ("Decides", IT), " to act;")
    table = d.add_table(rows=1, cols=2)
    if figures:
        table.cell(0, 0).text = "1,200"
    cell = table.cell(0, 1).paragraphs[0]
    _number(cell, num)
    cell.add_run(cell_opener[0]).italic = True
    cell.add_run(" the report;")
    F.numbered(d, num, 0, ("Requests", IT), " the Secretary-General to report.")
    return d


def test_a_numbered_paragraph_of_a_table_is_read_in_its_place_and_counted(tmp_path):
    doc = build(open_docx(F.save(draft(), tmp_path / "d.docx")))
    assert doc.text.split("\n\n")[2:] == ["1. Decides to act;", "2. Welcomes the report;", "3. Requests the Secretary-General to report."]
    assert "1,200" not in doc.text
    assert doc.stats.notes() == ["1 table not linted but for 1 numbered paragraph"]


def test_numbering_around_a_table_is_what_word_shows(tmp_path):
    proc = run("check", F.save(draft(), tmp_path / "d.docx"), "--format", "json")
    codes = [d["code"] for d in json.loads(proc.stdout)["files"][0]["diagnostics"]]
    assert codes == [], proc.stdout


def test_a_finding_in_a_table_is_located_fixed_and_commented_there(tmp_path):
    src = F.save(draft(cell_opener=("welcomes", IT)), tmp_path / "d.docx")
    proc = run("check", src)
    assert "table before ¶4 (2.)" in proc.stdout and "OPR006" in proc.stdout, proc.stdout
    out = tmp_path / "reviewed.docx"
    proc = run("annotate", src, "-o", out)
    assert "1 comment added" in proc.stdout and "anchored" not in proc.stdout, proc.stdout
    assert [text for _, text in F.comment_ranges(out).values()] == ["welcomes"]
    run("check", "--fix", src)
    cells = [c.text for c in docx.Document(str(src)).tables[0].rows[0].cells]
    assert cells == ["1,200", "Welcomes the report;"]


def test_a_table_without_numbered_paragraphs_is_left_out_as_before(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.add_table(d, "Sponsors: somebody")
    doc = build(open_docx(F.save(d, tmp_path / "d.docx")))
    assert doc.text == "The General Assembly," and doc.stats.notes() == ["1 table not linted"]


def pledges(restart: bool = False):
    """Operative paragraphs 1 to 3 in the body and, after 2, a table of donors numbered
    by a list of the table's own (or, ``restart``: the body's definition, restarted)."""
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    own = F.add_instance(d, F.abstract_of(d, num), {0: 1}) if restart else F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0, ("Decides", IT), " to act;")
    F.numbered(d, num, 0, ("Welcomes", IT), " the pledges listed below;")
    table = d.add_table(rows=2, cols=2)
    for row, (donor, amount) in enumerate([("Ruritania", "1,200"), ("Freedonia", "300")]):
        cell = table.cell(row, 0).paragraphs[0]
        _number(cell, own)
        cell.add_run(donor)
        table.cell(row, 1).text = amount
    F.numbered(d, num, 0, ("Requests", IT), " the Secretary-General to report.")
    return d


def test_a_list_of_the_tables_own_is_its_content_not_clauses(tmp_path):
    for restart in (False, True):
        src = F.save(pledges(restart), tmp_path / f"d{restart}.docx")
        doc = build(open_docx(src))
        assert "Ruritania" not in doc.text and doc.text.endswith("\n\n3. Requests the Secretary-General to report.")
        assert doc.stats.notes() == ["1 table not linted"]
        proc = run("check", src, "--format", "json")
        assert json.loads(proc.stdout)["files"][0]["diagnostics"] == [], proc.stdout


def closing_table(trailing: int):
    """Operative paragraph 1 in the body (¶3), then a table holding 2., then
    ``trailing`` empty paragraphs (Word ends a body with one; python-docx with none)."""
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0, ("Decides", IT), " to act;")
    cell = d.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    _number(cell, num)
    cell.add_run("welcomes").italic = True
    cell.add_run(" the report.")
    for _ in range(trailing):
        F.para(d, "")
    return d


def test_a_table_after_the_last_paragraph_is_named_by_the_paragraph_before_it(tmp_path):
    for trailing in (0, 1):
        src = F.save(closing_table(trailing), tmp_path / f"d{trailing}.docx")
        proc = run("check", src)
        assert "table after ¶3 (2.): warning: OPR006" in proc.stdout, proc.stdout
        proc = run("check", src, "--format", "json")
        place = json.loads(proc.stdout)["files"][0]["diagnostics"][0]["paragraph"]
        assert (place["index"], place.get("table"), place.get("after")) == (2, True, True)


def test_a_table_before_a_paragraph_of_text_is_named_by_it(tmp_path):
    d = closing_table(1)
    F.para(d, ("Requests", IT), " the Secretary-General to report.")
    proc = run("check", F.save(d, tmp_path / "d.docx"), "--format", "json")
    place = json.loads(proc.stdout)["files"][0]["diagnostics"][0]["paragraph"]
    assert (place["index"], place.get("table"), place.get("after")) == (3, True, None), proc.stdout  # ¶4: the empty paragraph right after the table


def test_numbered_clauses_all_in_a_table_are_read_when_the_body_numbers_nothing(tmp_path):
    # An operative part set in a one-cell box: its list numbers nothing outside the
    # table, and neither does any other list; it is the draft's own clauses.
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    first = cell.paragraphs[0]
    _number(first, num)
    first.add_run("Decides").italic = True
    first.add_run(" to act;")
    second = cell.add_paragraph()
    _number(second, num)
    second.add_run("requests").italic = True
    second.add_run(" the Secretary-General to report.")
    src = F.save(d, tmp_path / "d.docx")
    doc = build(open_docx(src))
    assert doc.text.split("\n\n")[2:] == ["1. Decides to act;", "2. requests the Secretary-General to report."]
    proc = run("check", src, "--format", "json")
    assert [x["code"] for x in json.loads(proc.stdout)["files"][0]["diagnostics"]] == ["OPR006"], proc.stdout
