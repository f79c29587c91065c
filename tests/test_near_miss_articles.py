"""An article before an instrument's name is the sentence's (or a title's), not the name's:
no instrument's name starts with "The", so TRM001's near-miss search starts no window
there. Its unsafe fix wrote the official title over "The United Nations Convention Against
Corruption" and dropped the article ("… of the Conference. United Nations Convention
against Corruption is …"), and hid the variant's own safe fix.

Drafts written for these tests."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text

OPENING = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n"


def _trm001(text: str):
    return [f for f in lint(text).findings if f.code == "TRM001"]


@pytest.mark.parametrize(
    "clause",
    [
        "1. Welcomes the work of the Conference. The United Nations Convention Against Corruption is the only universal instrument;",
        "1. Notes the following instruments:\n\n(a) The United Nations Convention Against Corruption;",
    ],
)
def test_the_article_is_left_to_the_sentence(clause):
    text = OPENING + clause + "\n"
    found = _trm001(text)
    assert [text[f.span.start : f.span.end] for f in found] == ["United Nations Convention Against Corruption"]
    assert found[0].fix.applicability.value == "safe"
    fixed = fix_text(text, lint).text  # (safe fixes only)
    assert "The United Nations Convention against Corruption" in fixed


def test_a_near_miss_after_an_article_starts_after_it():
    text = OPENING + "1. Welcomes the work of the Conference. The UN Convention against Corrupton is universal;\n"
    found = _trm001(text)
    assert [text[f.span.start : f.span.end] for f in found] == ["UN Convention against Corrupton"]
