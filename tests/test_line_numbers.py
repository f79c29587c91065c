"""DOC006 line-numbered-draft: a draft pasted with line numbers gets one finding, not one on
every paragraph, and its fix gives back the draft without them.

Drafts written for these tests; each is numbered here the ways a PDF viewer or an editor
numbers lines, and the expected text is the draft before it was numbered."""

from __future__ import annotations

import pytest

from resolint.cli.drafts import why_draft
from resolint.config import Settings
from resolint.engine import lint
from resolint.fixes import apply_edits, fix_text
from resolint.linenumbers import HEAD_LINES, is_line_numbered

DRAFT = """The General Assembly,

Recalling its resolution 70/1 of 25 September 2015,

Noting with concern that the report requested in that resolution
has not yet been issued,

1. Requests the Secretary-General to issue the report without delay;

2. Calls upon Member States to cooperate fully with the Secretary-General:

(a) By sharing information;

(b) By reporting on their progress;

3. Decides to include the item in the provisional agenda of its next session.
"""


def every_line(text: str, width: int = 0, gap: str = "  ", first: int = 1) -> str:
    """Each line numbered, blank ones too (an editor; a PDF viewer numbering every line)."""
    return "".join(f"{n:>{width}}{gap}{line}" for n, line in enumerate(text.splitlines(True), first))


def text_lines(text: str, gap: str = " ") -> str:
    """The lines with text numbered, the blank ones left blank."""
    out, n = [], 0
    for line in text.splitlines(True):
        if line.strip():
            n += 1
            line = f"{n}{gap}{line}"
        out.append(line)
    return "".join(out)


def pages(text: str, per_page: int = 5) -> str:
    """Every line numbered, from 1 again on each page of ``per_page`` lines."""
    return "".join(f"{n % per_page + 1:>3}\t{line}" for n, line in enumerate(text.splitlines(True)))


NUMBERED = {
    "every line": every_line(DRAFT),
    "every line, right-aligned, tab": every_line(DRAFT, width=3, gap="\t"),
    "every line, from 120": every_line(DRAFT, first=120),
    "lines with text": text_lines(DRAFT),
    "pages": pages(DRAFT),
    "CRLF": every_line(DRAFT).replace("\n", "\r\n"),
}


def _codes(text: str, **kwargs) -> list[str]:
    return [f.code for f in lint(text, **kwargs).findings]


@pytest.mark.parametrize("name", NUMBERED)
def test_a_line_numbered_draft_gets_one_finding(name):
    text = NUMBERED[name]
    assert is_line_numbered(text)
    found = lint(text).findings
    assert [f.code for f in found] == ["DOC006"]
    span = found[0].span
    assert span.start == 0 and text[span.start : span.end].strip() == text.split()[0]  # the first line's number
    assert found[0].fix is not None and found[0].fix.applicability.value == "unsafe"


@pytest.mark.parametrize("name", NUMBERED)
def test_its_fix_gives_back_the_draft(name):
    text = NUMBERED[name]
    expected = DRAFT.replace("\n", "\r\n") if name == "CRLF" else DRAFT
    assert fix_text(text, lint, unsafe=True).text == fix_text(expected, lint, unsafe=True).text
    (finding,) = lint(text).findings
    assert apply_edits(text, finding.fix.edits) == expected
    assert fix_text(text, lint).text == text  # unsafe: not with --fix alone


def test_turned_off_the_other_findings_come_back():
    text = every_line(DRAFT)
    codes = _codes(text, settings=Settings(ignore=("DOC006",)))
    assert "DOC006" not in codes and "DOC001" in codes  # (no opening: "1  The General Assembly,")
    codes = _codes("<!-- resolint: file-ignore[DOC006] -->\n" + text)
    assert "DOC006" not in codes and "DOC001" in codes  # (no opening: "1  The General Assembly,")


@pytest.mark.parametrize("text", [
    DRAFT,
    # An ITU text: its items are numbered "1 to …", its other lines are not.
    "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),\n\nresolves\n\n"
    "1 to continue the studies;\n\n2 to report on them,\n\ninstructs the Secretary-General\n\n1 to publish the reports;\n\n"
    "2 to keep the membership informed;\n\n3 to report to the Council.\n",
    # Labels are not line numbers: "1." and "1)".
    "1. The first item;\n2. The second item;\n3. The third;\n4. The fourth;\n5. The fifth;\n6. The sixth.\n",
    "1) The first item;\n2) The second item;\n3) The third;\n4) The fourth;\n5) The fifth;\n6) The sixth.\n",
    # Numbers that do not follow one another: figures in a table, not line numbers.
    "12 apples\n7 pears\n300 plums\n45 figs\n9 lemons\n61 limes\n",
    # The first line with text carries none.
    "The General Assembly,\n" + every_line(DRAFT.split("\n", 1)[1]),
    # Too few lines to tell.
    every_line("The General Assembly,\n\nRecalling its work,\n"),
])
def test_a_draft_without_line_numbers_is_not_taken_for_one(text):
    assert not is_line_numbered(text)


def test_a_comment_line_added_after_the_paste_is_not_counted():
    assert is_line_numbered("<!-- resolint: ignore[OPR001] -- checked -->\n\n" + every_line(DRAFT))


def test_the_fix_reaches_past_the_lines_read():
    """The numbers are told from the first HEAD_LINES lines; the fix removes them all."""
    text = every_line(DRAFT * 20)
    assert text.count("\n") > HEAD_LINES
    (finding,) = lint(text).findings
    assert apply_edits(text, finding.fix.edits) == DRAFT * 20


def test_a_line_numbered_text_file_is_a_draft():
    ok, why = why_draft("pasted.txt", every_line(DRAFT, width=3, gap="\t"), (), ())
    assert ok and "The General Assembly" in why
