"""OPR012 (a label written twice) beside DOC033 (a number typed after the one Word draws)
and the fix loop: one finding per slip, and the fix leaves one label."""

from __future__ import annotations

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.formatting import SpanFormatting
from resolint.rule import Applicability

DRAFT = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act;\n\n2. 2. Calls upon States to act.\n"


def _codes(text, **kw):
    return [f.code for f in lint(text, **kw).findings]


def test_a_doubled_number_in_plain_text_is_reported_once():
    assert _codes(DRAFT) == ["OPR012"]


def test_a_number_word_draws_is_doc033s_not_opr012s():
    """In a Word document the first "2." is drawn by Word's numbering: DOC033 reports the
    typed one, and OPR012 stays silent (one slip, one finding)."""
    drawn = DRAFT.index("2. 2.")
    fmt = SpanFormatting(len(DRAFT), [], [(drawn, drawn + 2)])
    numbering = [c for c in _codes(DRAFT, formatting=fmt) if c in ("OPR012", "DOC033")]
    assert numbering == ["DOC033"]


def test_the_fix_leaves_one_label_and_a_clean_draft():
    out = fix_text(DRAFT, lambda t: lint(t), unsafe=False)
    assert "2. Calls upon States" in out.text and "2. 2." not in out.text
    assert lint(out.text).findings == []


def test_different_numbers_get_only_an_unsafe_fix():
    text = DRAFT.replace("2. 2.", "2. 3.")
    [f] = [f for f in lint(text).findings if f.code == "OPR012"]
    assert f.fix is not None and f.fix.applicability is Applicability.UNSAFE
