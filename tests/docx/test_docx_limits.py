"""Hostile Word input (issue 18): refused early or read sanely, never a crash or gigabytes.

Each class is generated here at several sizes: compression bombs, packed paragraphs,
out-of-range list starts, numbering levels that are not numbers, surrogate symbols.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx_factory as F
import pytest
from docx.oxml import parse_xml

from resolint.docx.package import MAX_RATIO, DocxError, check_sizes, open_docx
from resolint.docx.reader import build


def rezip(data: bytes, part: str, xml: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, xml if info.filename == part else src.read(info.filename))
    return out.getvalue()


def body_xml(paragraphs: str) -> bytes:
    return (f'<w:document {F.W}><w:body>{paragraphs}</w:body></w:document>').encode()


def base() -> bytes:
    d = F.new()
    F.para(d, "The General Assembly,")
    return F.to_bytes(d)


@pytest.mark.parametrize("mb", [5, 10])
def test_compression_bomb_refused_before_inflating(mb):
    one = "<w:p><w:r><w:t>" + "a" * 1000 + "</w:t></w:r></w:p>"
    data = rezip(base(), "word/document.xml", body_xml(one * (mb * 1000)))
    assert len(data) < mb * 1_000_000 / MAX_RATIO  # really a bomb
    t0 = time.perf_counter()
    with pytest.raises(DocxError, match="document.xml would inflate"):
        open_docx("bomb.docx", data)
    assert time.perf_counter() - t0 < 2.0  # nothing inflated: no 1.1 GB of work


def test_declared_sizes_checked_against_absolute_limits():
    big = zipfile.ZipInfo("word/document.xml")
    big.file_size, big.compress_size = 300 * 1024 * 1024, 100 * 1024 * 1024  # ratio 3: not a bomb
    with pytest.raises(DocxError, match="limit"):
        check_sizes([big])
    ok = zipfile.ZipInfo("word/styles.xml")
    ok.file_size, ok.compress_size = 300_000, 3_000  # a tiny part may compress 100 times
    check_sizes([ok])


def paragraph_bomb(n: int) -> bytes:
    # Varied text, so that it does not compress like a bomb: the text limit must catch it.
    paras = "".join(f"<w:p><w:r><w:t>{i}. requests report {i * 7919 % 100003}</w:t></w:r></w:p>" for i in range(n))
    return rezip(base(), "word/document.xml", body_xml(paras))


def test_text_limit_applies_to_the_uncompressed_text():
    data = paragraph_bomb(20_000)
    assert len(data) < 200_000
    with pytest.raises(DocxError, match="larger than the size limit"):
        build(open_docx("p.docx", data), max_text=50_000)
    assert len(build(open_docx("p.docx", data), max_text=0).paragraphs) == 20_000  # 0: no limit


def test_refusing_a_paragraph_bomb_does_not_grow_with_its_paragraphs():
    """Reading stops at the limit: 10 times the paragraphs cost far less than 10 times."""
    small, large = paragraph_bomb(10_000), paragraph_bomb(100_000)
    timings = []
    for data in (small, large):
        document = open_docx("p.docx", data)  # parsing the XML is lxml's, and linear
        best = float("inf")
        for _ in range(3):  # the best of three: one run can meet a busy machine or a collection
            t0 = time.perf_counter()
            with pytest.raises(DocxError):
                build(document, max_text=20_000)
            best = min(best, time.perf_counter() - t0)
        timings.append(best)
    assert timings[1] < 3 * timings[0] + 0.05, timings


def list_doc(start: str, fmt: str = "lowerLetter") -> bytes:
    d = F.new()
    num = F.add_list(d, [(fmt, "(%1)")])
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    aid = F.abstract_of(d, num)
    lvl = F.numbering_el(d).find(f"{W}abstractNum[@{W}abstractNumId='{aid}']/{W}lvl")
    lvl.find(f"{W}start").set(f"{W}val", start)
    for i in range(3):
        F.numbered(d, num, 0, f"to act on item {i};")
    return F.to_bytes(d)


@pytest.mark.parametrize("start", ["2000000000", "1000000000000000", "-5", "1e15", "99999999999999999999999999"])
@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman", "decimal"])
def test_list_counters_bounded(start, fmt):
    doc = build(open_docx("l.docx", list_doc(start, fmt)))
    assert len(doc.text) < 500
    assert all(len(p.label) < 20 for p in doc.paragraphs)


def test_out_of_range_start_is_noted():
    doc = build(open_docx("l.docx", list_doc("2000000000", "decimal")))
    assert [p.label for p in doc.paragraphs] == ["(32767)", "(32768)", "(32769)"]
    assert any("out of range" in n for n in doc.stats.notes())


def test_letter_labels_past_ten_repeats_fall_back_to_digits():
    doc = build(open_docx("l.docx", list_doc("300", "lowerLetter")))
    assert doc.paragraphs[0].label == "(300)"
    doc = build(open_docx("l.docx", list_doc("27", "lowerLetter")))
    assert doc.paragraphs[0].label == "(aa)"


def level_text_doc(text: str, paragraphs: int, fmt: str = "none") -> bytes:
    """``paragraphs`` numbered paragraphs of a list whose level text is ``text``."""
    d = F.new()
    F.para(d, "The General Assembly,")
    num = F.add_list(d, [(fmt, text)])
    for _ in range(paragraphs):
        F.numbered(d, num, 0, "Decides to act;")
    return F.to_bytes(d)


def test_a_long_level_text_is_read_cut_with_a_note():
    doc = build(open_docx("l.docx", level_text_doc("Article %1 " + "-" * 5000, 3, fmt="decimal")))
    labels = [p.label for p in doc.paragraphs if p.label]
    assert labels[0].startswith("Article 1 ---") and all(len(label) <= 255 for label in labels)
    assert any("number format of 5,011 characters is read as its first 255" in n for n in doc.stats.notes())


def test_a_level_text_bomb_does_not_grow_with_its_length_times_its_paragraphs():
    """Two million "%1" as a level text, format ``none`` (each label renders "", so no
    text limit saw it): 40 KB of .docx read for minutes, the template walked for every
    numbered paragraph. Ten times the template and ten times the paragraphs cost far
    less than a hundred times."""
    timings = []
    for n in (2_000, 20_000):
        document = open_docx("l.docx", level_text_doc("%1" * n, n // 100))  # parsing is lxml's, and linear
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            build(document, max_text=0)
            best = min(best, time.process_time() - t0)
        timings.append(best)
    assert timings[1] < 20 * timings[0] + 0.05, timings


def test_rendering_automatic_numbers_counts_toward_the_size_limit():
    """Labels that render "" still cost their template's length each: counted, so the
    size limit bounds the reading whatever the labels show."""
    data = level_text_doc("%1" * 100, 2_000)
    assert len(build(open_docx("l.docx", data), max_text=0).paragraphs) > 2_000
    with pytest.raises(DocxError, match="larger than the size limit"):
        build(open_docx("l.docx", data), max_text=100_000)


@pytest.mark.parametrize("where", ["abstract", "override", "paragraph"])
def test_numbering_level_that_is_not_a_number_is_read_as_level_0(where):
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    root = F.numbering_el(d)
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    if where == "abstract":
        aid = F.abstract_of(d, num)
        root.find(f"{W}abstractNum[@{W}abstractNumId='{aid}']/{W}lvl").set(f"{W}ilvl", "x")
    elif where == "override":
        n = root.find(f"{W}num[@{W}numId='{num}']")
        n.append(parse_xml(f'<w:lvlOverride {F.W} w:ilvl="x"><w:startOverride w:val="5"/></w:lvlOverride>'))
    p = F.numbered(d, num, 0, "Decides to act;")
    if where == "paragraph":
        p._p.find(f".//{W}ilvl").set(f"{W}val", "x")
    doc = build(open_docx("i.docx", F.to_bytes(d)))
    assert doc.paragraphs[0].label in ("1.", "5.")
    assert any("level" in n and "'x'" in n for n in doc.stats.notes())


@pytest.mark.parametrize("code", ["D800", "DFFF", "dc00"])
def test_symbol_with_a_surrogate_code_point_is_a_replacement_character(code):
    d = F.new()
    p = F.para(d, "Decides ")
    p._p.append(parse_xml(f'<w:r {F.W}><w:sym w:font="Symbol" w:char="{code}"/></w:r>'))
    for bad in ("ZZZZ", "110000", "", "000C", "0085"):
        p._p.append(parse_xml(f'<w:r {F.W}><w:sym w:font="Symbol" w:char="{bad}"/></w:r>'))
    doc = build(open_docx("s.docx", F.to_bytes(d)))
    assert doc.text == "Decides \ufffd"
    doc.text.encode("utf-8")


def test_main_part_without_a_body_is_a_clear_error():
    data = rezip(base(), "word/document.xml", f"<w:document {F.W}/>".encode())
    with pytest.raises(DocxError, match="no document body"):
        build(open_docx("b.docx", data))


def test_max_file_size_applies_to_the_text_of_a_word_document(tmp_path, capsys):
    """``--max-file-size`` bounds what a .docx unpacks to, in check and in annotate."""
    from resolint.cli.main import main

    d = F.new()
    F.para(d, "The General Assembly,")
    for i in range(60):
        F.para(d, f"Recalling its resolution 70/{i + 1} of 25 September 2015 on the matter before it,")
    F.para(d, "1. Decides to remain seized of the matter.")
    src = F.save(d, tmp_path / "long.docx")
    assert src.stat().st_size < 40_000
    assert main(["check", "--max-file-size", "1MB", str(src)]) in (0, 1)
    capsys.readouterr()
    assert main(["check", "--max-file-size", "2kB", str(src)]) == 2
    said = capsys.readouterr()
    assert "long.docx: error:" in said.out + said.err
    cfg = tmp_path / "resolint.toml"
    cfg.write_text('max-file-size = "2kB"\n', encoding="utf-8")
    assert main(["annotate", "--config", str(cfg), str(src), "-o", str(tmp_path / "out.docx")]) == 2


_DTD = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'


def _never_parsed(data):
    raise AssertionError("python-docx parsed a part that declares a document type")


@pytest.mark.parametrize(("part", "encoding"), [
    ("word/document.xml", "utf-8"),
    ("word/document.xml", "utf-16"),  # with its byte order mark, as lxml reads it
    ("word/document.xml", "utf-32"),
    ("word/document.xml", "utf-32-be"),  # no byte order mark: lxml reads "<?xml" in it
    ("word/styles.xml", "utf-8"),
    ("_rels/.rels", "utf-8"),
])
def test_a_part_that_declares_a_document_type_is_refused(part, encoding, monkeypatch):
    """An external entity (a file read into the text) or an expansion bomb: Word never
    writes a DTD. Unresolved, the entity also ended its paragraph's text there. Refused
    before python-docx parses anything."""
    monkeypatch.setattr("resolint.docx.package._document", _never_parsed)
    data = base()
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part).decode("utf-8")
    head, sep, rest = xml.partition("?>")
    declared = (head + sep + _DTD + rest) if sep else (_DTD + xml)
    if encoding != "utf-8":
        declared = declared.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
    data = rezip(data, part, declared.encode(encoding))
    with pytest.raises(DocxError, match="declares a document type"):
        open_docx("dtd.docx", data)


def _renamed_main_part(declared: bytes) -> bytes:
    """A package whose main part is ``word/main``: a name is what the content types and
    the relationships say, and python-docx reads it under any."""
    src = zipfile.ZipFile(io.BytesIO(base()))
    renames = {"word/document.xml": "word/main", "word/_rels/document.xml.rels": "word/_rels/main.rels"}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = declared if info.filename == "word/document.xml" else src.read(info.filename)
            if info.filename in ("[Content_Types].xml", "_rels/.rels"):
                data = data.replace(b"/word/document.xml", b"/word/main").replace(b"word/document.xml", b"word/main")
            z.writestr(renames.get(info.filename, info.filename), data)
        z.writestr("x/document.xml", b"<a/>")  # what passes the quick "is it Word at all" look at the names
    return out.getvalue()


@pytest.mark.parametrize("prolog", ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', ""])
def test_a_main_part_under_another_name_that_declares_a_document_type_is_refused(prolog, monkeypatch):
    """Found by its first bytes (an XML declaration), before python-docx parses it, or,
    with none, once parsed: the entity's paragraph lost its text after the entity, and
    ``--fix`` wrote a part that no longer parsed over the draft."""
    xml = body_xml("<w:p><w:r><w:t>1. &e; Member States to act;</w:t></w:r></w:p>").decode()
    declared = (prolog + '<!DOCTYPE w:document [<!ENTITY e "Calls upon">]>' + xml).encode()
    assert open_docx("plain.docx", _renamed_main_part(xml.replace("&e;", "Calls upon").encode())) is not None
    if prolog:
        monkeypatch.setattr("resolint.docx.package._document", _never_parsed)
    with pytest.raises(DocxError, match="word/main declares a document type"):
        open_docx("dtd.docx", _renamed_main_part(declared))


def test_a_part_that_would_not_parse_back_is_never_written(tmp_path):
    """Defence in depth: whatever left a node that serializes as bad XML (an unresolved
    entity did), the copy is refused before anything is written."""
    from lxml import etree

    from resolint.docx.annotate import to_bytes

    doc = build(open_docx("ok.docx", base()))
    doc.document.paragraphs[0].runs[0]._r.append(etree.Entity("e"))
    with pytest.raises(DocxError, match="word/document.xml would not parse back"):
        to_bytes(doc)


def test_fix_in_place_never_writes_a_part_that_would_not_parse_back(tmp_path, monkeypatch):
    from lxml import etree

    import resolint.docx.fix as fix
    from resolint.cli.main import main

    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, "1. Decides to remain seized of the matter")  # OPR007: a safe fix to write
    src = F.save(d, tmp_path / "draft.docx")
    before = src.read_bytes()
    real = fix.fix_docx

    def damaging(doc, *args, **kwargs):
        outcome = real(doc, *args, **kwargs)
        outcome.doc.document.paragraphs[0].runs[0]._r.append(etree.Entity("e"))
        return outcome

    monkeypatch.setattr("resolint.docx.fix.fix_docx", damaging)
    assert main(["check", "--fix", "--select", "OPR007", str(src)]) == 2
    assert src.read_bytes() == before


def test_a_document_that_names_a_doctype_in_its_text_is_read():
    data = rezip(base(), "word/document.xml", body_xml("<w:p><w:r><w:t>The text &lt;!DOCTYPE x&gt; is words.</w:t></w:r></w:p>"))
    assert open_docx("text.docx", data) is not None


@pytest.mark.parametrize("bullet", ["F0B7", "F0A7", "F0D8"])
def test_a_symbol_fonts_bullet_is_a_bullet(bullet, tmp_path):
    """A list bulleted with a Symbol or Wingdings character (``w:sym`` F0B7, a private-use
    character once read): each item was an unnumbered operative paragraph (OPR001), and
    the safe fix of OPR007 turned the colon introducing them into a semicolon."""
    from resolint.docx.lint import lint_docx

    it = {"italic": True}
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", it), " its resolution 78/1,")
    F.para(d, "1.\t", ("Calls upon", it), " Member States:")
    for item in ("To share data;", "To report;"):
        p = F.para(d)
        p._p.append(parse_xml(f'<w:r {F.W}><w:sym w:font="Symbol" w:char="{bullet}"/></w:r>'))
        p._p.append(parse_xml(f'<w:r {F.W}><w:tab/><w:t>{item}</w:t></w:r>'))
    F.para(d, "2.\t", ("Decides", it), " to remain seized of the matter.")
    result = lint_docx(build(open_docx("b.docx", F.to_bytes(d))))
    assert [f.code for f in result.findings] == []


_PARSE_BACK_PEAK = r"""
import io, sys
sys.path.insert(0, sys.argv[1])
import docx_factory as F
from resolint.docx.annotate import CommentMaker
from resolint.docx.package import check_parses_back

d = F.new()
F.para(d, "The General Assembly,")
maker = CommentMaker(d)
for i in range(8000):
    maker.add(f"Finding {i}: write the opener as it should be.\nSuggested change: change it\nOPR006 operative-opener-case")
data = F.to_bytes(d)

def kb(field):
    return int(open("/proc/self/status").read().split(field + ":")[1].split()[0])

with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # the peak (VmHWM) starts again from what is in use now
before = kb("VmRSS")
check_parses_back(data, d)
print(kb("VmHWM") - before)
"""


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux's /proc to measure a peak")
def test_checking_that_a_review_parses_back_keeps_no_second_tree(tmp_path):
    """``check_parses_back`` read each part into a tree, and the comments part of a review
    with 20,000 comments made a tree of some 120 MB: the peak of ``annotate``. Read as a
    stream, 8,000 comments (a tree of about 40 MB) cost a few MB at most."""
    script = tmp_path / "peak.py"
    script.write_text(_PARSE_BACK_PEAK)
    proc = subprocess.run([sys.executable, str(script), str(Path(__file__).parent)], capture_output=True, text=True,
                          env={**os.environ}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    grown_kb = int(proc.stdout.split()[-1])
    assert grown_kb < 12_000, grown_kb
