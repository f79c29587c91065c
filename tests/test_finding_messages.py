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
