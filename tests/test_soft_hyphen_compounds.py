"""TRM014 on a soft hyphen where the draft writes a hyphen: a PDF's copy of a compound
broken at its own hyphen ("self" / "determination") keeps a soft hyphen there, and
removing it joined the words ("selfdetermination"). Where the draft writes the word
hyphenated and never joined, the fix writes the hyphen, and is unsafe.

Drafts written for these tests."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.incremental import IncrementalLinter
from resolint.settings import Settings

SOFT = "\u00ad"
DRAFT = "The General Assembly,\n\nRecalling its resolution 78/230,\n\n1. Notes the self{soft}determination of peoples;\n\n2. Decides {two}.\n"


def _fixes(text: str) -> list[tuple[str, str]]:
    return [(f.fix.applicability.value, f.fix.edits[0].new_text) for f in lint(text, style="un-ga").findings if f.code == "TRM014"]


@pytest.mark.parametrize(
    ("two", "want"),
    [
        ("to uphold the right to self-determination", [("unsafe", "-")]),  # hyphenated elsewhere
        ("to uphold the right to Self-Determination", [("unsafe", "-")]),  # in any case
        ("to remain seized of the matter", [("safe", "")]),  # nowhere else
        ("to uphold self-determination and selfdetermination", [("safe", "")]),  # both: the drafter's choice is unclear
        ("to uphold self-determinations", [("safe", "")]),  # another word
    ],
)
def test_a_soft_hyphen_where_the_draft_writes_a_hyphen(two, want):
    assert _fixes(DRAFT.format(soft=SOFT, two=two)) == want


def test_the_language_server_reads_the_other_paragraph_too():
    texts = [DRAFT.format(soft=SOFT, two=two) for two in ("to remain seized of the matter", "to uphold self-determination", "to remain seized of the matter")]
    linter, settings = IncrementalLinter(), Settings()
    seen = []
    for text in texts:
        got = linter.lint(text, settings, style="un-ga")
        want = lint(text, style="un-ga")
        assert [(f.code, f.span, f.fix) for f in got.findings] == [(f.code, f.span, f.fix) for f in want.findings]
        seen.append([f.fix.applicability.value for f in got.findings if f.code == "TRM014"])
    assert seen == [["safe"], ["unsafe"], ["safe"]]
