"""Regression tests for bugs the fuzzer and the property tests found.

Each test is the smallest invented draft that showed the bug, with the property that
broke. Inputs the fuzzer saved that still matter are replayed from ``regressions/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from invariants import check_text
from resolint.cli.files import decode
from resolint.engine import lint
from resolint.fixes import fix_text, structure
from resolint.model import Kind
from resolint.rule import Edit, Fix, Rule, Violation
from resolint.source import Span

REGRESSIONS = Path(__file__).parent / "regressions"


def _fix(text: str, style: str | None = None) -> str:
    return fix_text(text, lambda t: lint(t, style=style)).text


def test_a_long_run_of_unnumbered_paragraphs_is_numbered_in_one_go():
    """OPR001 offered a fix only for the first of a run, so 12 paragraphs needed 12
    passes, the loop stopped at 10, and fixing twice differed from fixing once."""
    body = "\n\n".join(f"Requests the invented body number {k} to act;" for k in range(12))
    text = "The General Assembly,\n\nRecalling the past,\n\n" + body + "\n"
    once = _fix(text, "un-ga")
    assert _fix(once, "un-ga") == once
    numbers = [p.number for p in lint(once, style="un-ga").resolution.operative]
    assert numbers == list(range(1, 13))


def test_items_under_a_numbered_list_intro_stay_its_items():
    """Numbering "ENCOURAGES … to:" made its bullet items separate paragraphs, and the
    next pass "fixed" them into "Encourages … to;" + "Share …" (garbled)."""
    text = (
        "The General Assembly,\n\nNoting the data,\n\n"
        "1. Encourages member countries to:\n\n- share registration data;\n- appoint a contact point;\n\n"
        "2. Requests the Secretariat to report.\n"
    )
    res = lint(text, style="un-ga").resolution
    intro = res.operative[0]
    # Bullets under a numbered paragraph are its sub-items (UN texts list reporting items so).
    assert [c.kind for c in intro.children] == [Kind.SUBPARAGRAPH, Kind.SUBPARAGRAPH]
    assert [p.number for p in res.operative] == [1, 2]
    fixed = _fix(text, "un-ga")
    assert "to:" in fixed and "to;" not in fixed


def test_a_fix_that_changes_the_structure_is_not_applied():
    """A 'safe' fix that would turn a preambular paragraph into an operative one changes
    what the draft says; the fix loop keeps it out and applies the others."""

    class Renumber(Rule):
        """Test rule."""

        code = "TST001"
        name = "test-structure-changer"
        summary = "test"

        def check(self, ctx):
            for p in ctx.resolution.preamble:
                # Turns the preambular paragraph into an operative one.
                yield Violation(p.span, "x", Fix.safe("make it operative", Edit(p.span, "1. Decides to recall its work;")))
            for p in ctx.resolution.operative:
                if ctx.text[p.terminal.start] == ",":
                    yield Violation(p.terminal, "y", Fix.safe("semicolon", Edit(p.terminal, ";")))

    text = "The General Assembly,\n\nRecalling its work,\n\n1. Decides to act,\n"
    run = lambda t: lint(t, rules=[Renumber()])  # noqa: E731
    out = fix_text(text, run)
    assert out.text == "The General Assembly,\n\nRecalling its work,\n\n1. Decides to act;\n"
    assert structure(run(out.text).resolution) == structure(run(text).resolution)


def test_caseless_first_letter_gets_no_case_fix():
    """OPR010 offered to 'capitalize' an Arabic word: a no-op fix whose finding stayed."""
    text = "\nDecides العربية the,\n(a) العربية the;\n(i) العربية the;\n"
    assert not [f for f in lint(text).findings if f.code == "OPR010"]
    check_text(text)


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*")), ids=lambda p: p.name)
def test_saved_fuzzer_inputs(path):
    data = path.read_bytes()
    check_text(decode(data, path.name).text)
