"""A comment on lines of its own between two paragraphs changes nothing the draft is read
as: the parser reads past it wherever it looks at the paragraph after another (is the
heading followed by a number, does the group's opener have items, does a broken paragraph
go on, is a glued opener cut off, is what follows "the following:" a list). A drafter's
note does this, and so does the language server's "Disable … for this paragraph", which
writes ``<!-- resolint: ignore[CODE] -->`` right before a paragraph: each of these readings
looked at the comment instead, and the draft was read otherwise (a heading as a paragraph,
a group's items numbered on from the paragraphs before: errors the drafter did not make).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.engine import lint
from resolint.incremental import IncrementalLinter
from resolint.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = sorted(ROOT.glob("fixtures/**/*.txt"))
COMMENTS = ["<!-- a note -->\n\n", "<!-- a note -->\n"]
#: Their messages name a line number, which the comment moves.
NAMES_A_LINE = ("TRM008", "TRM009")


def _read(text: str, at: int, inserted: int) -> list[tuple]:
    """What the text's findings say, with offsets as they were before ``inserted``
    characters were put in at ``at``."""
    out = []
    for f in lint(text).findings:
        if f.code in NAMES_A_LINE:
            continue
        start = f.span.start - inserted if f.span.start >= at + inserted else f.span.start
        out.append((f.code, f.message, f.severity, start))
    return sorted(out)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_a_comment_between_paragraphs_changes_no_finding(path: Path):
    text = path.read_text(encoding="utf-8")
    result = lint(text)
    if result.resolution.source.text != text:
        pytest.skip("a draft quoted line by line: its comments take a quote marker")
    before = _read(text, 0, 0)
    starts = [p.span.start for p in result.resolution.paragraphs if p.span.start > 0 and text[p.span.start - 1] == "\n"]
    if not starts and any(f.code == "DOC006" for f in result.findings):
        pytest.skip("a draft pasted with its blank lines numbered too: no line between two paragraphs to put a comment on")
    assert starts, "a draft of one paragraph"
    for n, at in enumerate(starts):
        comment = COMMENTS[n % len(COMMENTS)]
        changed = text[:at] + comment + text[at:]
        assert _read(changed, at, len(comment)) == before, (at, text[max(0, at - 80) : at + 40])


_ITU = (
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\n"
    "considering\n\n{c1}a) that the Union has long worked on the matter;\n\nb) that the Member States asked for more,\n\n"
    "resolves\n\n{c2}1 to continue the work;\n\n2 to report to the Council on the matter, instructs the Secretary-General\n\n"
    "{c3}1 to contribute to the work;\n\n2 to report annually to the Council.\n"
)


@pytest.mark.parametrize("where", ["c1", "c2", "c3"])
def test_a_comment_before_the_first_item_of_a_group(where):
    """"resolves" / a comment / "1 to …": the opener was read as a clause of its own;
    "…, instructs the Secretary-General" / a comment / "1 to …": the glued opener was no
    longer cut off, and its items numbered on from the paragraphs before."""
    plain = lint(_ITU.format(c1="", c2="", c3=""), style="itu")
    commented = lint(_ITU.format(**{k: "<!-- to check -->\n\n" if k == where else "" for k in ("c1", "c2", "c3")}), style="itu")
    assert [f.code for f in commented.findings] == [f.code for f in plain.findings]
    assert [p.kind for p in commented.resolution.paragraphs if p.kind.name != "DIRECTIVE"] == [p.kind for p in plain.resolution.paragraphs]


def test_each_comment_placed_while_typing_reads_as_a_full_lint():
    """The language server reads again only around an edit; a comment is looked past, so
    the paragraphs around it are read again with it (an edit after a comment changes what
    the paragraph before the comment is)."""
    settings, linter = Settings(), IncrementalLinter()
    text = _ITU.format(c1="", c2="", c3="")
    linter.lint(text, settings)
    for k in ("c1", "c2", "c3"):
        at = text.index("1 to contribute" if k == "c3" else ("a) that" if k == "c1" else "1 to continue"))
        for step in ("<!-- to check -->\n\n", ""):
            edited = text[:at] + step + text[at:]
            assert [(f.code, f.span) for f in linter.lint(edited, settings).findings] == [(f.code, f.span) for f in lint(edited, settings).findings]


#: A compilation: a resolution with an annex, then the next resolution, whose opening
#: has no final mark (DOC002).
_ANNEXED = (
    "78/5. Declaration\n\nThe General Assembly,\n\n1. Adopts the declaration annexed to the present resolution.\n\n"
    "5 October 2023\n\nAnnex\n\nPolitical declaration\n\n1. We renew our commitment;\n\n"
)
_NEXT = "78/6. Health\n\nThe General Assembly\n\n1. Recalls its resolution 78/5;\n\n2. Decides to act.\n"


@pytest.mark.parametrize("below", ["\n", "\n\n"])
def test_a_disable_comment_after_an_annex_is_a_directive(below):
    """After an annex everything up to the next resolution's opening was read as annex
    text, the comment too: "Disable DOC002 for this paragraph" before that opening (as
    the language server writes it) hid nothing and drew SUP001 ("suppresses nothing").
    Found by a search applying every offered disable edit to mutated drafts."""
    plain = lint(_ANNEXED + _NEXT)
    assert [f.code for f in plain.findings] == ["DOC002"]
    disabled = _ANNEXED + _NEXT.replace("The General Assembly\n", f"<!-- resolint: ignore[DOC002] -->{below}The General Assembly\n")
    result = lint(disabled)
    assert [f.code for f in result.findings] == []
    before = [p.kind.value for p in plain.resolution.paragraphs]
    assert before[-3:] == ["opening", "operative", "operative"]
    assert [p.kind.value for p in result.resolution.paragraphs] == before[:-3] + ["directive"] + before[-3:]
