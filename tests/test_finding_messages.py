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
