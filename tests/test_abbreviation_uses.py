"""TRM008/TRM009's ``uses`` reads the occurrences the language server keeps
(``Analysis.literal_starts``) and finds what successive ``str.find`` calls found."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.engine import lint
from resolint.rule import RuleContext
from resolint.source import Span
from resolint_rules.trm.abbreviations import is_use, uses


def _uses_by_find(ctx: RuleContext, abbr: str, before: int, after: int) -> list[Span]:
    """The scan ``uses`` replaced (successive finds, each after the last occurrence): the
    reference its walk over the kept occurrences must agree with."""
    pos = ctx.text.find(abbr, 0, before)
    while pos >= 0:
        end = pos + len(abbr)
        if pos >= after and is_use(ctx, pos, end):
            return [Span(pos, end)]
        pos = ctx.text.find(abbr, end, before)
    return []


PIECES = st.sampled_from(["UNODC", "UNUN", "UN", " ", "(UNODC)", "-UN", "UN/", "\"UN\"", "\n\n", "Recalling ", "1. Urges ", "x", "R&D", "&D", "D&D"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join), st.sampled_from(["UN", "UNUN", "UNODC", "R&D", "D&D"]), st.integers(0, 200),
       st.integers(0, 100))
@example("The General Assembly,\n\nRecalling UNUNUN and UN,\n\n1. Urges UN.", "UNUN", 60, 0)  # overlapping occurrences
@example("Recalling xD&D&D,", "D&D", 60, 0)  # the first occurrence runs on from a word; one overlapping it would not
def test_uses_are_those_successive_finds_find(body, abbr, before, after):
    result = lint("The General Assembly,\n\n" + body)
    ctx = RuleContext(result.source, result.resolution, result.style, {}, facts=result.facts)
    assert uses(ctx, abbr, before, after) == _uses_by_find(ctx, abbr, before, after)


def test_each_resolution_of_a_compilation_defines_its_abbreviations():
    """A use in one resolution before another one's definition is not a use before the
    definition (each resolution defines them for itself, as TRM009 counts definitions); a
    use before the definition in the same resolution still is."""
    first = "The General Assembly,\n\nNoting the work of UNODC,\n\n1. Decides to act."
    second = "The General Assembly,\n\nWelcoming the United Nations Office on Drugs and Crime (UNODC),\n\n1. Decides to act."
    codes = [f.code for f in lint(first + "\n\n" + second).findings]
    assert "TRM008" not in codes
    late = second.replace("Welcoming the United", "Noting UNODC,\n\nWelcoming the United")
    found = [f for f in lint(first + "\n\n" + late).findings if f.code == "TRM008"]
    assert len(found) == 1 and found[0].span.start > len(first)
