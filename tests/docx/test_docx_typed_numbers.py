"""DOC033: a number typed after the one Word draws for a paragraph.

A draft numbered by hand, pasted into a numbered list, prints "2. 2. Calls upon …";
nothing reported it (the text "2. 2. …" read as one label and its paragraph). Built
here: an automatic list whose items carry typed numbers (equal, stale, lettered), beside
paragraphs that must not be reported (a typed number in a paragraph Word does not number,
a bullet, an item whose text begins with a word).
"""

from __future__ import annotations

import io
import json
import zipfile

import docx_factory as F
from lxml import etree
from test_docx_cli import IT, run

WNS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def draft():
    """¶3 "1." typed "1.", ¶4 "2." with a word, ¶5 "(a)" typed "(a)", ¶6 "3." typed "4.",
    ¶7 typed "5." alone (no list), ¶8 a bullet then "1.", ¶9 "4." then "i.e."."""
    d = F.new()
    num = F.add_list(d, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    bullets = F.add_list(d, [("bullet", "\uf0b7")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0, "1.\t", ("Decides", IT), " to establish a working group;")
    F.numbered(d, num, 0, ("Requests", IT), " the group to meet:")
    F.numbered(d, num, 1, "(a) ", "twice a year;")
    F.numbered(d, num, 0, "4. ", ("Invites", IT), " Member States to take part;")
    F.para(d, "5. ", ("Encourages", IT), " observers to attend;")
    F.numbered(d, bullets, 0, "1. the work of the group;")
    F.numbered(d, num, 0, "i.e. ", ("Decides", IT), " to remain seized of the matter.")
    return d


def _found(proc) -> list[tuple[int, str, str]]:
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    return [(x["paragraph"]["index"], x["paragraph"]["label"], x["message"]) for x in diags if x["code"] == "DOC033"]


def test_a_typed_number_after_words_number_is_reported_once_on_its_paragraph(tmp_path):
    src = F.save(draft(), tmp_path / "d.docx")
    found = _found(run("check", src, "--format", "json"))
    assert [(i, label) for i, label, _ in found] == [(2, "1."), (4, "(a)"), (5, "3.")]
    assert "Word numbers this paragraph '3.' and '4.' is typed after it" in found[2][2]


def _paragraph_texts(data: bytes, drop: tuple[str, ...]) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    out = []
    for p in root.iter(f"{WNS}p"):
        kept = [t for t in p.iter(f"{WNS}t", f"{WNS}delText", f"{WNS}tab")
                if not any(a.tag in drop for a in t.iterancestors())]
        out.append("".join("\t" if t.tag == f"{WNS}tab" else t.text or "" for t in kept))
    return out


def test_the_typed_number_is_proposed_for_deletion_as_a_tracked_change(tmp_path):
    """Deleted with the space or the tab after it (a tab is a ``w:tab``, not text: it goes
    whole, in the deleted run, and comes back when the change is rejected)."""
    src = F.save(draft(), tmp_path / "d.docx")
    out = tmp_path / "r.docx"
    proc = run("annotate", src, "-o", out, "--select", "DOC033", "--track-changes", "--unsafe-fixes")
    assert "3 fixes proposed as tracked changes" in proc.stdout and "comment added" not in proc.stdout, proc.stdout
    original, reviewed = src.read_bytes(), out.read_bytes()
    accepted = _paragraph_texts(reviewed, (f"{WNS}del", f"{WNS}moveFrom"))
    before = _paragraph_texts(original, ())
    assert before[2] == "1.\tDecides to establish a working group;"
    assert accepted[2] == "Decides to establish a working group;"
    assert accepted[4:6] == ["twice a year;", "Invites Member States to take part;"]
    assert accepted[:2] + accepted[3:4] + accepted[6:] == before[:2] + before[3:4] + before[6:]
    assert _paragraph_texts(reviewed, (f"{WNS}ins", f"{WNS}moveTo")) == before
    # The plain fix writes what accepting gives.
    fixed = tmp_path / "fixed.docx"
    fixed.write_bytes(original)
    run("check", "--fix", "--unsafe-fixes", "--select", "DOC033", fixed)
    assert _paragraph_texts(fixed.read_bytes(), ()) == accepted


def test_a_line_break_after_a_typed_number_is_not_deleted(tmp_path):
    """Only a tab goes whole: a line break shapes the page, and stays with a comment."""
    d = F.new()
    num = F.add_list(d, [("decimal", "%1.")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    p = F.numbered(d, num, 0, "1.")
    p.add_run().add_break()
    p.add_run("Decides").font.italic = True
    p.add_run(" to establish a working group.")
    src = F.save(d, tmp_path / "d.docx")
    proc = run("annotate", src, "-o", tmp_path / "r.docx", "--select", "DOC033", "--track-changes", "--unsafe-fixes")
    assert "0 fixes proposed" in proc.stdout and "1 comment added" in proc.stdout, proc.stdout


def test_without_unsafe_fixes_it_stays_a_comment(tmp_path):
    src = F.save(draft(), tmp_path / "d.docx")
    proc = run("annotate", src, "-o", tmp_path / "r.docx", "--select", "DOC033", "--track-changes")
    assert "0 fixes proposed" in proc.stdout and "3 comments added" in proc.stdout, proc.stdout
