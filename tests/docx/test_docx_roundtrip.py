"""What ``check --fix`` and ``annotate`` keep of a Word document, and what they write.

A draft reaches resolint with a life of its own: a paragraph style, list definitions,
another reviewer's comment and tracked changes, a header and footer, fields, a
hyperlink, a footnote. ``check --fix`` may change the runs it fixes and nothing else:
every other part of the package reads the same XML after as before, and in the body
only the fixed run's text differs. ``annotate`` adds its comments and tracked changes
beside the others' without moving theirs, with ids unique over the document, and
writes them as the WordprocessingML schema orders them (ECMA-376 part 1: the children
of ``w:rPr`` in their sequence, deleted text as ``w:delText`` in a ``w:del``, inserted
text as ``w:t``), so Word opens the copy without repairing it.
"""

from __future__ import annotations

import io
import json
import zipfile

import docx_factory as F
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree
from test_docx_cli import IT, run
from test_docx_ids import annotation_ids

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
DATE = "2026-01-01T00:00:00Z"


def _runs(p, *xml: str) -> None:
    for x in xml:
        p._p.append(parse_xml(x))


def _footnotes(d) -> None:
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:footnotes {F.W}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
           '<w:footnote w:id="1"><w:p><w:r><w:t>Issued as A/79/1.</w:t></w:r></w:p></w:footnote></w:footnotes>').encode()
    part = Part(PackURI("/word/footnotes.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml, d.part.package)
    d.part.relate_to(part, FOOTNOTES)


def lived_in():
    """A draft with a style, a list, another reviewer's comment and tracked changes, a
    header and footer, two fields, a hyperlink and a footnote; two findings with safe
    fixes: 'welcomes' (OPR006) and 'Requests' (OPR007: no final mark)."""
    d = F.new()
    d.styles.add_style("Resolution Body", WD_STYLE_TYPE.PARAGRAPH).font.name = "Times New Roman"
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,", style="Resolution Body")
    p = F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    d.add_comment(p.runs[1], text="Which resolution?", author="Reviewer", initials="RV")
    p = F.numbered(d, num, 0, ("Decides", IT), " to act")
    _runs(p, f'<w:ins {F.W} w:id="31" w:author="Reviewer" w:date="{DATE}"><w:r><w:t xml:space="preserve"> now</w:t></w:r></w:ins>',
          f'<w:del {F.W} w:id="32" w:author="Reviewer" w:date="{DATE}"><w:r><w:delText xml:space="preserve"> later</w:delText></w:r></w:del>',
          f'<w:r {F.W}><w:t>;</w:t></w:r>')
    p = F.numbered(d, num, 0, ("welcomes", IT), " the report of ")
    rid = d.part.relate_to("https://undocs.org/A/79/1", HYPERLINK, is_external=True)
    _runs(p, f'<w:hyperlink {F.W} {R} r:id="{rid}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>the Secretary-General</w:t></w:r></w:hyperlink>',
          f'<w:r {F.W}><w:t xml:space="preserve"> of </w:t></w:r>',
          f'<w:fldSimple {F.W} w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; "><w:r><w:t>1 May 2026</w:t></w:r></w:fldSimple>',
          f'<w:r {F.W}><w:t xml:space="preserve">, page </w:t></w:r>',
          *(f'<w:r {F.W}>{x}</w:r>' for x in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                                              '<w:fldChar w:fldCharType="separate"/>', '<w:t>3</w:t>', '<w:fldChar w:fldCharType="end"/>')),
          f'<w:r {F.W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
          f'<w:r {F.W}><w:t>;</w:t></w:r>')
    F.numbered(d, num, 0, ("Requests", IT), " the Secretary-General to report")
    F.add_header(d, "A/RES/80/1")
    _footnotes(d)
    return d


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def _text_changes(before, after) -> list[tuple[str, str]]:
    """The ``w:t`` texts that differ between two trees of the same shape (element by
    element: tag, attributes, text and tail); AssertionError where the shapes differ."""
    out = []
    for a, b in zip(before.iter(), after.iter(), strict=True):
        assert (a.tag, dict(a.attrib), (a.tail or "").strip()) == (b.tag, dict(b.attrib), (b.tail or "").strip())
        if a.text != b.text:
            assert a.tag == f"{W}t", (a.tag, a.text, b.text)
            out.append((a.text, b.text))
    return out


def test_check_fix_changes_only_the_runs_it_fixes(tmp_path):
    src = F.save(lived_in(), tmp_path / "d.docx")
    before = _parts(src.read_bytes())
    proc = run("check", "--fix", src)
    assert "Fixed 2 findings; 0 remaining" in proc.stdout, proc.stdout + proc.stderr
    after = _parts(src.read_bytes())
    assert sorted(after) == sorted(before)
    for name in before:
        if name != "word/document.xml" and name.endswith((".xml", ".rels")):
            assert _canonical(after[name]) == _canonical(before[name]), name
        elif name != "word/document.xml":
            assert after[name] == before[name], name
    body_before, body_after = etree.fromstring(before["word/document.xml"]), etree.fromstring(after["word/document.xml"])
    changes = _text_changes(body_before, body_after)
    assert changes == [("welcomes", "Welcomes"), (" the Secretary-General to report", " the Secretary-General to report.")]


# -- what annotate writes beside the others' ----------------------------------------

#: ECMA-376 part 1, 17.3.2.28 (CT_RPr, EG_RPrBase): the order of a run's properties.
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss",
    "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
    "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath", "rPrChange",
]


def schema_problems(xml: bytes) -> list[str]:
    """What in a WordprocessingML part breaks the schema rules checked here: a run's
    properties out of order, text (``w:t``, ``w:instrText``) in a deletion, deleted text
    (``w:delText``) outside one, a revision inside a deletion."""
    out = []
    root = etree.fromstring(xml)
    for r_pr in root.iter(f"{W}rPr"):
        if r_pr.getparent().tag != f"{W}r":
            continue  # a paragraph mark's (CT_ParaRPr): revision marks first
        seen = [RPR_ORDER.index(c.tag[len(W):]) for c in r_pr if isinstance(c.tag, str) and c.tag.startswith(W) and c.tag[len(W):] in RPR_ORDER]
        if seen != sorted(seen):
            out.append(f"w:rPr out of order: {[c.tag[len(W):] for c in r_pr]}")
    for d in root.iter(f"{W}del"):
        if d.getparent().tag == f"{W}rPr":
            continue  # a deleted paragraph mark
        out += [f"w:{el.tag[len(W):]} in a w:del" for el in d.iter(f"{W}t", f"{W}instrText", f"{W}ins", f"{W}del") if el is not d]
    for t in root.iter(f"{W}delText"):
        if not any(a.tag in (f"{W}del", f"{W}moveFrom") for a in t.iterancestors()):
            out.append("w:delText outside a deletion")
    return out


def comment_markers(xml: bytes) -> dict[str, list[str]]:
    """For each comment id in the body: its markers in document order."""
    out: dict[str, list[str]] = {}
    for el in etree.fromstring(xml).iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference"):
        out.setdefault(el.get(f"{W}id"), []).append(el.tag[len(W):])
    return out


def _found_texts(src, written: bool = False) -> list[str]:
    """The text of each finding of ``check`` (its range in the text resolint reads), or
    (``written``) the text its fix writes."""
    lines = F.build_text(src).split("\n")
    found = json.loads(run("check", src, "--format", "json").stdout)["files"][0]["diagnostics"]
    out = []
    for f in found:
        a, b = f["range"]["start"], f["range"]["end"]
        assert a["line"] == b["line"]
        out.append(f["fix"]["edits"][0]["newText"] if written else lines[a["line"]][a["character"] : b["character"]])
    return sorted(out)


@pytest.mark.parametrize("track", [False, True])
def test_annotate_writes_beside_the_others_as_the_schema_orders(tmp_path, track):
    src = F.save(lived_in(), tmp_path / "d.docx")
    out = tmp_path / "r.docx"
    theirs = F.comment_ranges(src)
    revisions = F.revisions(src)
    proc = run("annotate", src, "-o", out, *(["--track-changes"] if track else []))
    added = "2 fixes proposed as tracked changes, 0 comments added" if track else "2 comments added"
    assert added in proc.stdout and "anchored" not in proc.stdout, proc.stdout
    parts = _parts(out.read_bytes())
    for name, xml in parts.items():
        if name.startswith("word/") and name.endswith(".xml"):
            assert schema_problems(xml) == [], name
    ids = annotation_ids(out.read_bytes())
    assert [i for i, n in ids.items() if n > 1] == []
    ranges = F.comment_ranges(out)
    assert {cid: ranges[cid] for cid in theirs} == theirs  # the reviewer's comment where it was
    ours = sorted(text for cid, (author, text) in ranges.items() if author == "resolint")
    # Each comment on the words of its finding, or on the words its tracked change writes.
    assert ours == _found_texts(src, written=track)
    markers = comment_markers(parts["word/document.xml"])
    assert set(markers) == set(ranges)
    assert all(m == ["commentRangeStart", "commentRangeEnd", "commentReference"] for m in markers.values()), markers
    kept = [r for r in F.revisions(out) if r["author"] == "Reviewer"]
    assert kept == revisions
    if track:
        ours_rev = [r for r in F.revisions(out) if r["author"] == "resolint"]
        assert {(r["tag"], r["text"]) for r in ours_rev} >= {("del", "welcomes"), ("ins", "Welcomes")}, ours_rev


@pytest.mark.parametrize("how", ["fix", "track"])
def test_a_reviewers_comment_around_fixed_words_still_holds_them(tmp_path, how):
    # The reviewer's comments cover a whole operative paragraph and an opener; resolint
    # capitalizes both openers and ends the first paragraph with ';' (not the last).
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    p = F.numbered(d, num, 0, ("welcomes", IT), " the report")
    d.add_comment(p.runs, text="The whole paragraph", author="Reviewer", initials="R")
    p = F.numbered(d, num, 0, ("requests", IT), " the Secretary-General to report.")
    d.add_comment(p.runs[0], text="The opener", author="Reviewer", initials="R")
    src = F.save(d, tmp_path / "d.docx")
    out = tmp_path / "r.docx"
    if how == "fix":
        run("check", "--fix", src)
        out = src
    else:
        run("annotate", src, "-o", out, "--track-changes")
        assert schema_problems(_parts(out.read_bytes())["word/document.xml"]) == []
    theirs = {text for author, text in F.comment_ranges(out).values() if author == "Reviewer"}
    assert theirs == {"Welcomes the report;", "Requests"}
