"""TRM010 and TRM011 checked one paragraph at a time find what a scan of the whole text finds.

Both rules are paragraph-local (``Rule.local``): the language server keeps their
violations per paragraph between edits, while a whole lint scans the whole text once.
The scans of a range must find exactly the matches of the whole-text scan that lie in
it, whatever stands at its edges (a word or a number running on from before it); and the
two ways of checking must agree on real drafts. ``tests/test_incremental.py`` checks the
server's cache itself on random edits.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resolint.engine as engine
from resolint.engine import lint
from resolint.incremental import IncrementalLinter
from resolint.settings import Settings
from resolint_rules.trm import paragraph_facts
from resolint_rules.trm.number_glued_to_word import _YEAR, year_matches
from resolint_rules.trm.spelling import _ISE, ise_matches, lowercase_word_matches, spelling_table

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TABLE, LITERALS = spelling_table("oxford")

pieces = st.sampled_from(
    ["favor", "favors", "organise", "organisations", "analyze", "co-operation", "program", "programme", "meter", "param",
     "is", "ing", "ise", "d", "-", "_", " ", "\n", "é", "\ud800", "2019", "20", "1", "and", "in", "x", "Favor", "ORGANISE"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=14), st.integers(0, 60), st.integers(0, 60))
def test_range_scans_find_the_whole_scans_matches_inside_the_range(parts, a, b):
    text = "".join(parts)
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))

    def inside(ms):
        return [(m.start(), m.end()) for m in ms if lo <= m.start() and m.end() <= hi]

    def spans(ms):
        return [(m.start(), m.end()) for m in ms]

    assert spans(lowercase_word_matches(text, TABLE, LITERALS, lo, hi)) == inside(lowercase_word_matches(text, TABLE, LITERALS))
    assert spans(ise_matches(text, lo, hi)) == inside(_ISE.finditer(text))
    assert spans(year_matches(text, lo, hi)) == inside(_YEAR.finditer(text))


def test_a_range_edge_inside_a_word_or_number_is_not_a_word_start():
    text = "unfavor favor"
    assert [w.start() for w in lowercase_word_matches(text, TABLE, LITERALS, 2, 13)] == [8]
    assert [m.span() for m in year_matches("202019", 2, 6)] == []  # the whole scan took "2020"
    assert [m.span() for m in year_matches("x 2019", 2, 6)] == [(2, 6)]
    assert [m.group() for m in ise_matches("organised", 5, 9)] == ["ised"]
    assert [m.group() for m in ise_matches("organised", 6, 9)] == []


def _both_ways(text: str, style: str | None) -> list[tuple[str, list, list]]:
    """For TRM010 and TRM011 on ``text``: the violations of ``check`` and those of
    ``check_paragraph`` over the rule's paragraphs, each sorted."""
    seen = {}
    run_rules = engine._run_rules

    def grab(ctx, active, settings_, cache):
        seen["ctx"], seen["active"] = ctx, active
        return run_rules(ctx, active, settings_, cache)

    engine._run_rules = grab
    try:
        lint(text, Settings(), style=style)
    finally:
        engine._run_rules = run_rules
    ctx, out = seen["ctx"], []
    for rule, options in seen["active"]:
        if rule.code in ("TRM010", "TRM011"):
            ctx.options = options
            whole = sorted(rule.check(ctx), key=repr)
            local = sorted((v for p in rule.paragraphs(ctx) for v in rule.check_paragraph(ctx, p)), key=repr)
            out.append((rule.code, whole, local))
    return out


DRAFT = """The General Assembly,

Recalling the "organise and favor" wording of the report and the United Nations Convention Against Corruption,

Recognising the behavior of the computer program, adopted in2019 and 2011and later,

1. Encourages Member States to organise, to analyze and to honor the co-operation programs agreed in 2020or 2021;

2. Requests the Secretary-General to report on the favorable labor conditions.
"""


def test_drafts_checked_per_paragraph_find_what_the_whole_scan_finds():
    texts = [DRAFT, *(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("fixtures/rules/TRM*.txt")))]
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.rglob("*.txt"))[::8]]
    checked = 0
    for text in texts:
        for style in (None, "interpol"):
            for code, whole, local in _both_ways(text, style):
                assert local == whole, code
                checked += len(whole)
    assert checked > 10  # the drafts do hold findings of both rules


TRM_EDITS = st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from(["", "x", " ", "\n\n", '"', "\u201c", "\u201d", "2", "in", "-", "favor", "ise"]), st.integers(0, 6)),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TRM_EDITS)
def test_terminology_findings_after_edits_are_those_of_a_full_lint(edits):
    """Edits that open and close quotations, split and join paragraphs and glue years to
    words, in a draft full of TRM010 and TRM011 findings."""
    settings_ = Settings().with_overrides(select=("TRM",))
    linter = IncrementalLinter()
    text = DRAFT
    linter.lint(text, settings_)
    for at, insert, cut in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut :]
        got = [(f.code, f.span, f.message, f.fix) for f in linter.lint(text, settings_).findings]
        assert got == [(f.code, f.span, f.message, f.fix) for f in lint(text, settings_).findings]


@pytest.mark.parametrize("code", ["TRM010", "TRM011"])
def test_the_rules_are_paragraph_local(code):
    assert next(r for r in engine.all_rules() if r.code == code).local


@pytest.mark.parametrize("code", ["TRM010", "TRM011", "TRM018"])
def test_the_term_keyed_rules_declare_it_once(code):
    """The three rules keyed by ``term_keys`` say so by their base class, which holds
    ``local`` and the keys in one place (each wrote the same three lines before)."""
    rule = next(r for r in engine.all_rules() if r.code == code)
    assert isinstance(rule, paragraph_facts.TermKeyedRule) and rule.local
    assert type(rule).paragraph_keys is paragraph_facts.TermKeyedRule.paragraph_keys


def test_draft_holds_both_rules_findings():
    codes = [f.code for f in lint(DRAFT, Settings()).findings]
    assert codes.count("TRM010") >= 5 and codes.count("TRM011") == 3
    assert re.search("organise and favor", DRAFT)  # quoted: not reported


def test_a_year_at_a_paragraph_start_follows_what_ends_the_paragraph_before():
    """TRM011 looks for a glued year in eight characters on either side of it: at the
    start of a paragraph, that window holds the end of the paragraph before ("2019or"
    there is found first, and hides "2020and"). The server's cache must see that end."""
    settings_ = Settings().with_overrides(select=("TRM011",))
    before = "The General Assembly,\n\n1. Decides to meet in 2019or\n\n2020and 2021 are years.\n"
    after = before.replace(" 2019or", "")
    linter = IncrementalLinter()
    for text in (before, after, before):
        got = [(f.span, f.message) for f in linter.lint(text, settings_).findings]
        assert got == [(f.span, f.message) for f in lint(text, settings_).findings]
    assert len(lint(after, settings_).findings) == len(lint(before, settings_).findings) == 1


# -- the cache keys of both rules, for every paragraph at once -------------------------

_FRESH = "a key equal to no other"
paragraph_texts = st.sampled_from([
    "The General Assembly,", "Recalling the “favor of the organise” clause,", "1. Urges all States;",
    "2. Welcomes the Convention on the Rights of the Child, adopted in 1989;", "(a) the “program”;", "x-", "favor_",
    "Noting “a quotation\n\nover two paragraphs”,", "3. Decides to remain seized of the matter.",
])


def _reference_keys(facts, before, after, continues, spans):
    """What each paragraph's key holds, worked out paragraph by paragraph."""
    text = facts.text
    lists = [facts.derived(paragraph_facts.SPANS[name]) for name in spans]
    out = {}
    for p in facts.resolution.paragraphs:
        lo, hi = p.span.start, p.span.end
        if lo and continues(text[lo - 1]):
            out[p.index] = _FRESH
            continue
        key = (text[max(0, lo - before) : lo], text[hi : hi + after])
        if any(p.index in by_paragraph for by_paragraph in lists):
            key += tuple(paragraph_facts.relative(by_paragraph.get(p.index, []), p) for by_paragraph in lists)
        out[p.index] = key
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph_texts, min_size=1, max_size=8), st.sampled_from(["\n\n", "\n", "\n\n\n"]), st.booleans())
def test_paragraph_keys_hold_each_paragraphs_edges_and_spans(paragraphs, gap, newline_continues):
    """The keys worked out for the whole document at once are those of a paragraph by
    paragraph reading: the characters at both edges, the quotations and titles in it, and
    a fresh key where the character before the paragraph continues a match (here a line
    break, when ``newline_continues``: the parser never starts a paragraph inside a word)."""
    facts = lint(gap.join(paragraphs)).facts

    def continues(c):
        return paragraph_facts.continues_word(c) or (newline_continues and c == "\n")

    got = dict(enumerate(paragraph_facts.paragraph_keys(facts, 9, 8, continues, ("quotes", "titles"))))
    fresh = {i for i, key in got.items() if type(key) is object}
    assert len({id(got[i]) for i in fresh}) == len(fresh)  # a fresh key is equal to no other
    assert {i: _FRESH if i in fresh else key for i, key in got.items()} == _reference_keys(facts, 9, 8, continues, ("quotes", "titles"))
