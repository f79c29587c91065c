"""Where ``check --fix`` and ``annotate --track-changes`` write an edit, and where not.

Each draft is fixed both ways: the tracked copy, read as accepted (resolint's reader reads
insertions and skips deletions, as Accept All leaves them), must be the text ``--fix``
makes, and read as rejected, the original.
"""

from __future__ import annotations

import shutil

import docx_factory as F
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from lxml import etree
from test_docx_cli import IT, run
from test_docx_track import text_of

W_NS = F.W + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def fixed_and_tracked(tmp_path, d, *args):
    """``d`` fixed in place and reviewed with tracked changes: (source, fixed, tracked,
    the output of ``check --fix``, of ``annotate``), Accept All checked to give the fixed
    text and Reject All the original."""
    src = F.save(d, tmp_path / "draft.docx")
    fixed = tmp_path / "fixed.docx"
    shutil.copy(src, fixed)
    fix_proc = run("check", "--fix", *args, fixed)
    tracked = tmp_path / "tracked.docx"
    track_proc = run("annotate", src, "-o", tracked, "--track-changes", *args)
    assert track_proc.returncode in (0, 1), track_proc.stderr
    assert text_of(tracked) == text_of(fixed)
    assert text_of(F.rejected(tracked)) == text_of(src)
    return src, fixed, tracked, fix_proc, track_proc


def append_xml(p, xml: str) -> None:
    for el in list(parse_xml(f"<w:root {W_NS}>{xml}</w:root>")):
        p._p.append(el)


def body_paragraphs(path):
    return F.docx.Document(str(path)).element.body.findall(F.qn("w:p"))


def last_mark(p) -> tuple[str, list[str], list[str]]:
    """The paragraph's last visible character, the containers of its run (innermost
    first) and the names of its run's properties."""
    ts = [t for t in p.iter(F.qn("w:t")) if t.text]
    t = ts[-1]
    run_ = t.getparent()
    containers = []
    el = run_.getparent()
    while el is not p:
        containers.append(el.tag.split("}")[1])
        el = el.getparent()
    r_pr = run_.find(F.qn("w:rPr"))
    props = [c.tag.split("}")[1] for c in r_pr] if r_pr is not None else []
    return t.text[-1], containers, props


def test_a_mark_added_after_a_link_underline_or_right_to_left_words_is_outside_them_in_plain_formatting(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    p = F.para(d, "1. ", ("Welcomes", IT), " the report of the Secretary-General ")
    rid = d.part.relate_to("https://undocs.org/A/79/123", RT.HYPERLINK, is_external=True)
    append_xml(p, f'<w:hyperlink r:id="{rid}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
                  "<w:t>A/79/123</w:t></w:r></w:hyperlink>")
    p = F.para(d, "2. ", ("Notes", IT), " the ")
    append_xml(p, '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:i/><w:color w:val="0563C1"/>'
                  '<w:sz w:val="28"/><w:u w:val="single"/></w:rPr><w:t>Report of the Committee</w:t></w:r>')
    p = F.para(d, "3. ", ("Decides", IT), " to refer the matter to the ")
    append_xml(p, '<w:r><w:rPr><w:rtl/></w:rPr><w:t>Committee</w:t></w:r>')
    _, fixed, tracked, fix_proc, _ = fixed_and_tracked(tmp_path, d)
    assert "not fixed" not in fix_proc.stderr
    for path, holder in ((fixed, []), (tracked, ["ins"])):
        paras = body_paragraphs(path)
        link = paras[2].find(F.qn("w:hyperlink"))
        assert "".join(t.text for t in link.iter(F.qn("w:t"))) == "A/79/123"
        assert last_mark(paras[2]) == (";", holder, [])
        # The underlined words' font, size and italics, not their underline or colour.
        assert last_mark(paras[3]) == (";", holder, ["rFonts", "i", "sz"])
        assert last_mark(paras[4]) == (".", holder, [])
    assert text_of(fixed).split("\n\n")[2:5] == [
        "1. Welcomes the report of the Secretary-General A/79/123;",
        "2. Notes the Report of the Committee;",
        "3. Decides to refer the matter to the Committee.",
    ]


def field(instr: str, result: str, fmt: str = "") -> str:
    """A complex field (begin, instruction, separate, result, end) as Word writes it."""
    r_pr = f"<w:rPr>{fmt}</w:rPr>" if fmt else ""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{r_pr}<w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def field_results(p) -> list[str]:
    """The text each field of the paragraph shows (complex fields, then simple ones)."""
    out, depth = [], 0
    for r in p.iter(F.qn("w:r")):
        for fc in r.iter(F.qn("w:fldChar")):
            kind = fc.get(F.qn("w:fldCharType"))
            depth += kind == "begin"
            depth -= kind == "end"
            if kind == "begin" and depth == 1:
                out.append("")
        if depth:
            out[-1] += "".join(t.text or "" for t in r.iter(F.qn("w:t"), F.qn("w:delText")))
    out += ["".join(t.text or "" for t in s.iter(F.qn("w:t"))) for s in p.iter(F.qn("w:fldSimple"))]
    return out


def test_no_fix_is_written_into_what_a_field_shows_it_stays_a_comment(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    p = F.para(d, ("Noting", IT), " the report of the Secretary-General of ")
    append_xml(p, field('DATE \\@ "d MMMM yyyy"', "3 august 2024") + "<w:r><w:t>,</w:t></w:r>")
    p = F.para(d, "1. ")
    append_xml(p, field("MERGEFIELD Verb", "welcomes", "<w:i/>"))
    append_xml(p, '<w:r><w:t xml:space="preserve"> the report;</w:t></w:r>')
    p = F.para(d, "2. ")
    append_xml(p, '<w:fldSimple w:instr=" MERGEFIELD Verb2 "><w:r><w:rPr><w:i/></w:rPr><w:t>requests</w:t></w:r></w:fldSimple>')
    append_xml(p, '<w:r><w:t xml:space="preserve"> the Secretary-General to report;</w:t></w:r>')
    # A missing final mark right after a field's result goes after the field.
    p = F.para(d, "3. ", ("Decides", IT), " to remain seized of the matter until ")
    append_xml(p, field('DATE \\@ "d MMMM yyyy"', "1 May 2025"))
    src, fixed, tracked, fix_proc, _ = fixed_and_tracked(tmp_path, d)
    shown = [["3 august 2024"], ["welcomes"], ["requests"], ["1 May 2025"]]
    rejected = F.save(F.docx.Document(F.io.BytesIO(F.rejected(tracked))), tmp_path / "rejected.docx")
    for path in (src, fixed, tracked, rejected):
        paras = body_paragraphs(path)
        assert [field_results(p) for p in paras[1:5]] == shown
    assert fix_proc.stderr.count("the result of a field") == 3
    assert text_of(fixed).endswith("until 1 May 2025.")
    for path in (fixed, tracked):
        last = body_paragraphs(path)[4]
        assert last_mark(last)[0] == "." and last[-1].tag in (F.qn("w:r"), F.qn("w:ins"))
    ours = [r for r in F.revisions(tracked) if r["author"] == "resolint"]
    assert [(r["tag"], r["text"]) for r in ours] == [("ins", ".")]
    comments = [t for _, t in F.comments(tracked) if "Make this change by hand" in t]
    assert len(comments) == 3 and all("the result of a field" in t for t in comments)


REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


def test_another_reviewers_formatting_change_is_theirs_no_fix_lands_in_it_nor_is_it_copied(tmp_path):
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    p = F.para(d, "1. ")
    append_xml(p, '<w:r><w:rPr><w:i/><w:rPrChange w:id="906" w:author="Delegation of Norway" '
                  'w:date="2024-10-01T10:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>requests</w:t></w:r>'
                  '<w:r><w:t xml:space="preserve"> the Secretary-General to report;</w:t></w:r>')
    F.para(d, "2. ", ("Decides", IT), " to remain seized of the matter")
    src, fixed, tracked, fix_proc, _ = fixed_and_tracked(tmp_path, d)

    def theirs(path):
        body = F.docx.Document(str(path)).element.body
        return [etree.tostring(r, method="c14n") for r in body.iter(F.qn("w:r")) if r.find(".//" + F.qn("w:rPrChange")) is not None]

    for path in (fixed, tracked):
        assert theirs(path) == theirs(src) and len(theirs(src)) == 1
        body = F.docx.Document(str(path)).element.body
        ids = [el.get(F.qn("w:id")) for el in body.iter(*[F.qn(f"w:{t}") for t in REVISION_TAGS])]
        assert len(ids) == len(set(ids)), ids
    assert "inside a tracked change by Delegation of Norway" in fix_proc.stderr
    # The final full stop, elsewhere, is fixed both ways; nothing of resolint's is credited to Norway.
    assert text_of(fixed).endswith("1. requests the Secretary-General to report;\n\n2. Decides to remain seized of the matter.")
    assert [(r["tag"], r["text"]) for r in F.revisions(tracked) if r["author"] == "resolint"] == [("ins", ".")]
    (text,) = [t for _, t in F.comments(tracked) if "'Requests'" in t]
    assert "Make this change by hand" in text and "inside a tracked change by Delegation of Norway" in text


def _control(pr: str, text: str) -> str:
    return f"<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtContent><w:r><w:t>{text}</w:t></w:r></w:sdtContent></w:sdt>"


BOUND = '<w:dataBinding w:xpath="/draft/verb" w:storeItemID="{6C3C8BC8-F283-45AE-878A-BAB7291924A1}"/><w:text/>'
LOCKED = '<w:lock w:val="contentLocked"/>'


def test_no_fix_goes_into_a_bound_or_locked_content_control_and_comments_go_around_it(tmp_path):
    # A template's content controls: one bound to the document's data (Word fills it in
    # again from that data on opening, undoing a change written into it), one locked
    # against editing, one around a whole paragraph and locked. The fixes were written
    # into them; now they stay comments, around the control, and a second review adds nothing.
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    p = F.para(d, "1. ")
    append_xml(p, _control(BOUND, "requests") + '<w:r><w:t xml:space="preserve"> the </w:t></w:r>'
               + _control(LOCKED, "Secretary General") + '<w:r><w:t xml:space="preserve"> to report;</w:t></w:r>')
    p = F.para(d, "2. ", ("Decides", IT), " to consult the Secretary General")
    block = parse_xml(f"<w:sdt {W_NS}><w:sdtPr>{LOCKED}</w:sdtPr><w:sdtContent/></w:sdt>")
    p._p.addprevious(block)
    block[1].append(p._p)
    src, fixed, tracked, fix_proc, _ = fixed_and_tracked(tmp_path, d)
    assert text_of(fixed) == text_of(src)  # nothing could be fixed
    assert F.revisions(tracked) == []
    assert fix_proc.stderr.count("bound to the document's data") == 1
    assert fix_proc.stderr.count("locked against editing") == 3  # the two terms and the full stop
    ranges = {text for author, text in F.comment_ranges(tracked).values() if author == "resolint"}
    assert {"requests", "Secretary General"} <= ranges
    body = F.docx.Document(str(tracked)).element.body
    inline = [s for s in body.iter(F.qn("w:sdt")) if s.getparent().tag == F.qn("w:p")]
    for sdt in inline:  # no marker inside an inline control: they are around it
        assert not [el for el in sdt.iter() if el.tag.startswith(F.qn("w:comment"))]
    again = tmp_path / "again.docx"
    proc = run("annotate", tracked, "-o", again, "--track-changes")
    assert " 0 comments added" in proc.stdout, proc.stdout


def test_nothing_is_written_into_or_after_a_content_controls_placeholder(tmp_path):
    # A template's operative paragraph not filled in yet: the control shows its prompt
    # in grey. Its missing final mark was proposed after the prompt (and --fix wrote it).
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.para(d, "1. ", ("Decides", IT), " to act;")
    p = F.para(d, "2. ")
    append_xml(p, "<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr>"
                  '<w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Click or tap here to enter text</w:t></w:r></w:sdtContent></w:sdt>')
    F.para(d, "3. ", ("Decides", IT), " to remain seized of the matter.")
    src, fixed, tracked, fix_proc, _ = fixed_and_tracked(tmp_path, d)
    assert text_of(fixed) == text_of(src)
    assert F.revisions(tracked) == []
    assert "placeholder" in fix_proc.stderr
    (sdt,) = F.docx.Document(str(tracked)).element.body.iter(F.qn("w:sdt"))
    assert not [el for el in sdt.iter() if el.tag.startswith(F.qn("w:comment"))]
    assert any("type the paragraph's text first" in t for _, t in F.comments(tracked))
    proc = run("annotate", tracked, "-o", tmp_path / "again.docx", "--track-changes")
    assert " 0 comments added" in proc.stdout, proc.stdout
