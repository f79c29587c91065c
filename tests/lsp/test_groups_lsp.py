"""Outline, hover, completion and formatting on grouped clauses (the itu style)."""

from __future__ import annotations

from resolint.lsp import completion, formatting, hover, outline
from tests.lsp.helpers import symbols_of
from tests.lsp.test_units import state_of

DRAFT = """RESOLUTION 7 (REV. BUSAN, 2014)

Spectrum monitoring

The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),

recalling

a) Resolution 3 (Rev. Antalya, 2006) of the Plenipotentiary Conference;

c) the outcomes of the regional meetings,

resolves

1 to encourage the exchange of monitoring data;

3 that the exchange respect national legislation,

instructs the Secretary-General

to report to the Council on this resolution.
"""


def test_outline_nests_items_under_their_group_opener():
    syms = symbols_of(outline.document_symbols(state_of(DRAFT)))
    pre = next(s for s in syms if s.name == "Preamble")
    assert [c.name for c in pre.children] == ["recalling"]
    assert [c.name.split()[0] for c in pre.children[0].children] == ["a)", "c)"]
    op = next(s for s in syms if s.name == "Operative part")
    assert [c.name for c in op.children] == ["resolves", "instructs the Secretary-General"]
    assert [c.name.split()[0] for c in op.children[0].children] == ["1", "3"]


def test_hover_on_a_group_opener():
    st = state_of(DRAFT)
    h = hover.hover(st, DRAFT.index("resolves") + 2)
    assert h is not None and "group of 2 items" in h.contents.value and "**itu**" in h.contents.value
    # An item has no opener of its own: hovering its first word says nothing of openers.
    item = hover.hover(st, DRAFT.index("the outcomes of the regional") + 1)
    assert item is None or "opener" not in item.contents.value


def test_completion_offers_lower_case_openers_between_groups_and_none_on_an_item():
    text = DRAFT.replace("resolves\n", "consid\n\nresolves\n", 1)
    st = state_of(text)
    line = text[: text.index("consid")].count("\n")
    items = completion.completions(st, line, text.index("consid") + len("consid"))
    assert "considering" in [i.label for i in items]
    at_item = text.index("1 to encourage") + 2
    assert completion.completions(st, text[:at_item].count("\n"), at_item) == []


def test_formatting_renumbers_letters_and_numbers_of_groups():
    st = state_of(DRAFT)
    edits = formatting.formatting_edits(st)
    new = DRAFT
    for e in sorted(edits, key=lambda e: e.span.start, reverse=True):
        new = new[: e.span.start] + e.new_text + new[e.span.end :]
    assert "\nb) the outcomes" in new and "\n2 that the exchange" in new


def test_formatting_leaves_a_draft_fix_all_refuses(monkeypatch):
    """Format Document ran the fix loop on a draft that --fix and fix-all leave (here: more
    findings with a fix than the cap, lowered for the test), rewriting it."""
    import resolint.cli.fixable as fixable

    assert formatting.formatting_edits(state_of(DRAFT))
    monkeypatch.setattr(fixable, "MAX_FIXES", 0)
    assert formatting.formatting_edits(state_of(DRAFT)) == []
