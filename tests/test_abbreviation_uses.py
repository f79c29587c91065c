"""TRM008/TRM009's ``uses`` reads the occurrences the language server keeps
(``Analysis.literal_starts``) and finds what successive ``str.find`` calls found."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.engine import lint
from resolint.model import Kind
from resolint.rule import RuleContext
from resolint.source import Span, word_after, word_before
from resolint_rules.refs import in_spans, paragraph_at, quote_spans
from resolint_rules.trm.abbreviations import uses


def _uses_by_find(ctx: RuleContext, abbr: str, before: int) -> list[Span]:
    """The scan ``uses`` replaced: the reference it must agree with."""
    text, quotes, out = ctx.text, quote_spans(ctx), []
    pos = text.find(abbr, 0, before)
    while pos >= 0:
        end = pos + len(abbr)
        if not (word_before(text, pos, "/-_(") or word_after(text, end, "/-_")):
            p = paragraph_at(ctx, pos)
            if p is not None and p.own and p.kind is not Kind.NOTE and not in_spans(pos, quotes):
                out.append(Span(pos, end))
                break
        pos = text.find(abbr, end, before)
    return out


PIECES = st.sampled_from(["UNODC", "UNUN", "UN", " ", "(UNODC)", "-UN", "UN/", "\"UN\"", "\n\n", "Recalling ", "1. Urges ", "x", "R&D", "&D", "D&D"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join), st.sampled_from(["UN", "UNUN", "UNODC", "R&D", "D&D"]), st.integers(0, 200))
@example("The General Assembly,\n\nRecalling UNUNUN and UN,\n\n1. Urges UN.", "UNUN", 60)  # overlapping occurrences
@example("Recalling xD&D&D,", "D&D", 60)  # the first occurrence runs on from a word; one overlapping it would not
def test_uses_are_those_successive_finds_find(body, abbr, before):
    result = lint("The General Assembly,\n\n" + body)
    ctx = RuleContext(result.source, result.resolution, result.style, {}, facts=result.facts)
    assert uses(ctx, abbr, before) == _uses_by_find(ctx, abbr, before)
