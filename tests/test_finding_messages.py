"""Messages of common findings are read by drafters, not programmers: they say where and
what to write in the draft's own terms (a paragraph's number, a label), never the parser's
(a "level 2")."""

from __future__ import annotations

from resolint.engine import lint

DRAFT = """The General Assembly,

Recalling its resolution 74/1,

1. Welcomes the report;

2. Encourages States:

(a) To act;

(b) To share:

(1) Information;

3. Requests the Secretary-General:

i. To report;

ii. To act.
"""


def test_a_label_in_the_wrong_scheme_is_placed_by_its_parent_and_shown_the_right_ones():
    messages = [f.message for f in lint(DRAFT).findings if f.code == "OPR009"]
    assert messages == [
        "Label '(1)' under '(b)': this style labels these sub-paragraphs (i), (ii), (iii) …",
        "Label 'i.' under paragraph 3: this style labels these sub-paragraphs (a), (b), (c) …",
        "Label 'ii.' under paragraph 3: this style labels these sub-paragraphs (a), (b), (c) …",
    ]
    assert not any("level" in m for m in messages)


def test_a_directive_that_cannot_be_read_shows_the_forms_that_can():
    from resolint.directives import find_directives

    text = "The General Assembly,\n\n<!-- resolint: ignroe[PRE004] -->\nRecalling its resolution 74/1;\n\n1. Decides to act.\n"
    (message,) = [f.message for f in lint(text).findings if f.code == "SUP002"]
    assert "ignroe[PRE004]" in message
    forms = message.split("write ", 1)[1].rstrip(")").replace(" or ", ", ").split(", ")
    assert len(forms) == 4
    for form in forms:  # each form shown is one the reader reads
        written = form.replace("CODE", "PRE004")
        (d,) = find_directives(f"<!-- resolint: {written} -->")
        assert not d.malformed and d.codes == ("PRE004",), written


def test_unplaced_text_says_what_it_is_and_what_fix_does_with_the_file(tmp_path):
    """DOC004 said "Text outside the structure of the resolution": the reader learnt neither
    what to do nor that --fix skips the whole file. What the message says --fix does, it does."""
    import subprocess
    import sys

    text = ("The General Assembly,\n\nrecalling its resolution 74/1,\n\n1. Decides to act.\n\n"
            "38th plenary meeting\n21 November 2023\n\nA note that belongs nowhere\n")
    (message,) = [f.message for f in lint(text).findings if f.code == "DOC004"]
    assert "structure" not in message and "move or remove it" in message
    assert "--fix leaves this file unchanged" in message
    draft = tmp_path / "d.res.txt"
    draft.write_text(text, encoding="utf-8")
    assert "PRE003" in {f.code for f in lint(text).findings}  # a safe fix --fix would otherwise apply
    subprocess.run([sys.executable, "-m", "resolint", "check", "--fix", draft.name], cwd=tmp_path, capture_output=True, timeout=120)
    assert draft.read_text(encoding="utf-8") == text
