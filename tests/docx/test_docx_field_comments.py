"""A comment on what a field displays goes around the whole field, never inside it.

Word replaces a field's result when it updates the field (F9, printing, opening with
"update fields"), and the comment markers inside the result go with it: the comment is
lost or left without an anchor. The fix of a finding in a result is refused (it would be
undone too), so the finding becomes a comment, and that comment must survive.
"""

from __future__ import annotations

import docx_factory as F
import pytest
from docx.oxml import parse_xml
from test_docx_cli import IT, run
from test_docx_edit_placement import append_xml, field

MARKERS = tuple(F.qn(f"w:{t}") for t in ("commentRangeStart", "commentRangeEnd", "commentReference"))


def markers_inside_fields(path) -> list[str]:
    """The comment markers of the body that sit in a field's result (or instructions)."""
    body = F.docx.Document(str(path)).element.body
    inside, depth = [], 0
    for el in body.iter():
        if el.tag == F.qn("w:fldChar"):
            kind = el.get(F.qn("w:fldCharType"))
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
        elif el.tag in MARKERS:
            in_simple = any(a.tag == F.qn("w:fldSimple") for a in el.iterancestors())
            if depth or in_simple:
                inside.append(f"{el.tag.split('}')[1]} {el.get(F.qn('w:id'))}")
    return inside


def drafted_with_fields():
    """Terms of the draft held in fields, as a drafting office's template inserts them: a
    cross-reference (complex field), a simple field, a hyperlink field whose result is
    two runs, and a field over two paragraphs."""
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 74/1 of 1 October 2019,")
    p = F.para(d, ("Requests", IT), " the ", style="List Number")
    append_xml(p, field("REF sg \\h", "Secretary General") + '<w:r><w:t xml:space="preserve"> to report;</w:t></w:r>')
    p = F.para(d, ("Decides", IT), " to consult the ", style="List Number")
    append_xml(p, '<w:fldSimple w:instr=" REF sg \\h "><w:r><w:t>Secretary General</w:t></w:r></w:fldSimple>'
                  '<w:r><w:t xml:space="preserve"> on the matter;</w:t></w:r>')
    p = F.para(d, ("Invites", IT), " the ", style="List Number")
    append_xml(p, '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                  '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.un.org/sg" </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                  '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">Secretary </w:t></w:r>'
                  '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>General</w:t></w:r>'
                  '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                  '<w:r><w:t xml:space="preserve"> to attend;</w:t></w:r>')
    p = F.para(d, ("Welcomes", IT), " the work of the ", style="List Number")
    append_xml(p, '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                  '<w:r><w:instrText xml:space="preserve"> AUTOTEXT Office </w:instrText></w:r>'
                  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                  '<w:r><w:t>Office of the Secretary General;</w:t></w:r>')
    F.para(d, ("Decides", IT), " to remain seized of the matter", style="List Number")
    return d


def field_over_two_paragraphs(d):
    """The last two paragraphs of ``d`` made one field's result (its end after "Decides")."""
    last = d.paragraphs[-1]._p
    runs = last.findall(F.qn("w:r"))
    runs[0].addnext(parse_xml(f'<w:r {F.W}><w:fldChar w:fldCharType="end"/></w:r>'))
    return d


@pytest.mark.parametrize("track", [False, True])
def test_comments_on_a_fields_result_are_anchored_around_the_field(tmp_path, track):
    d = field_over_two_paragraphs(drafted_with_fields())
    src = F.save(d, tmp_path / "draft.docx")
    out = tmp_path / "out.docx"
    extra = ["--track-changes"] if track else []
    proc = run("annotate", src, "-o", out, *extra)
    assert proc.returncode == 1, proc.stderr
    ranges = [text for author, text in F.comment_ranges(out).values() if author == "resolint"]
    # One comment per "Secretary General" in a result, each around the whole of what
    # its field shows (the last field's result runs on into the next paragraph).
    assert sorted(r for r in ranges if "General" in r) == [
        "Office of the Secretary General;Decides", "Secretary General", "Secretary General", "Secretary General",
    ]
    assert markers_inside_fields(out) == []
    # Reviewing the reviewed copy again adds nothing.
    again = tmp_path / "again.docx"
    proc = run("annotate", out, "-o", again, *extra)
    assert " 0 comments added" in proc.stdout, proc.stdout


def test_the_end_of_a_field_in_one_paragraph_is_found_without_reading_the_rest_of_the_document(tmp_path, monkeypatch):
    # Each comment on a field's result looked for the field's end among all the field
    # characters after it in the document: 400 fields in 2,000 paragraphs took annotate
    # from 1 to 7.5 seconds. The rest of the document is read only for a field that
    # goes on past its paragraph.
    from resolint.docx import runs

    scans = []
    later = runs._LATER_FIELD_CHARS
    monkeypatch.setattr(runs, "_LATER_FIELD_CHARS", lambda el: scans.append(el) or later(el))
    d = drafted_with_fields()
    for p in d.paragraphs[-2:]:  # the field that goes on past its paragraph
        p._p.getparent().remove(p._p)
    src = F.save(d, tmp_path / "draft.docx")
    run("annotate", src, "-o", tmp_path / "out.docx")
    assert len(F.comments(tmp_path / "out.docx")) >= 3  # one on each field at least
    assert scans == []
    d = field_over_two_paragraphs(drafted_with_fields())
    src = F.save(d, tmp_path / "over.docx")
    run("annotate", src, "-o", tmp_path / "over.out.docx")
    assert scans and all("Office of the Secretary General" in "".join(p.itertext()) for p in scans)
    assert markers_inside_fields(tmp_path / "over.out.docx") == []
