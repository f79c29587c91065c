"""DOC032: an empty paragraph of a Word list, which Word prints as its number alone.

OPR002 counts such a paragraph in its list (Word numbers it), but nothing said it was
empty: the draft went out with "2." and nothing after it. Each kind of list (numbers,
letters, bullets) and where the finding is placed, commented and not fixed.
"""

from __future__ import annotations

import json

import docx_factory as F
from docx.oxml import parse_xml
from test_docx_cli import IT, run


def draft():
    """¶3 "1." with text, ¶4 "(a)", ¶5 "(b)" empty, ¶6 "2." holding only a tab, ¶7
    "3.", ¶8 "•" empty, ¶9 "•" with text, ¶10 "4." empty (the last paragraph)."""
    d = F.new()
    num = F.add_list(d, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    bullets = F.add_list(d, [("bullet", "\uf0b7")])
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.numbered(d, num, 0, ("Decides", IT), " to establish a working group:")
    F.numbered(d, num, 1, "To meet twice a year;")
    F.numbered(d, num, 1)
    tab_only = F.numbered(d, num, 0)
    tab_only._p.append(parse_xml(f"<w:r {F.W}><w:tab/></w:r>"))
    F.numbered(d, num, 0, ("Requests", IT), " the Secretary-General to report on:")
    F.numbered(d, bullets, 0)
    F.numbered(d, bullets, 0, "the work of the group.")
    F.numbered(d, num, 0)
    return d


def _found(proc) -> list[tuple[int, str, str]]:
    diags = json.loads(proc.stdout)["files"][0]["diagnostics"]
    return [(x["paragraph"]["index"], x["paragraph"]["label"], x["message"]) for x in diags if x["code"] == "DOC032"]


def test_each_empty_item_is_reported_where_word_shows_it(tmp_path):
    src = F.save(draft(), tmp_path / "d.docx")
    found = _found(run("check", src, "--format", "json"))
    assert [(i, label) for i, label, _ in found] == [(4, "(b)"), (5, "2."), (7, "•"), (9, "4.")]
    assert "Word shows '(b)' with nothing after it" in found[0][2]
    proc = run("check", src, "--select", "DOC032")
    assert "¶5 ((b)): warning: DOC032" in proc.stdout, proc.stdout


def test_an_empty_item_is_commented_on_its_paragraph_and_never_fixed(tmp_path):
    src = F.save(draft(), tmp_path / "d.docx")
    before = src.read_bytes()
    proc = run("annotate", src, "-o", tmp_path / "r.docx", "--select", "DOC032")
    assert "4 comments added" in proc.stdout and "anchored" not in proc.stdout, proc.stdout
    run("check", "--fix", "--unsafe-fixes", "--select", "DOC032", src)
    assert src.read_bytes() == before


def test_a_number_typed_alone_in_a_text_is_not_this_rule(tmp_path):
    draft_txt = tmp_path / "d.res.txt"
    draft_txt.write_text("The General Assembly,\n\nRecalling its resolution 75/1,\n\n1. Welcomes the report;\n\n2.\n\n"
                         "3. Requests the Secretary-General to report.\n", encoding="utf-8")
    proc = run("check", draft_txt, "--select", "DOC032,DOC016")
    assert "DOC016" in proc.stdout and "DOC032" not in proc.stdout, proc.stdout


def test_a_paragraph_typed_as_a_number_alone_in_word_is_not_an_empty_item(tmp_path):
    # "7." typed by hand is text the drafter wrote (DOC016's), not a number Word draws.
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, ("Recalling", IT), " its resolution 75/1 of 21 September 2020,")
    F.para(d, "1. ", ("Decides", IT), " to act;")
    F.para(d, "2.")
    proc = run("check", F.save(d, tmp_path / "d.docx"), "--format", "json")
    assert _found(proc) == []
