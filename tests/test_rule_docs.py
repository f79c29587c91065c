"""Every rule is documented, and its documentation's examples are true.

The Example of a rule must trigger it; the Use instead must not (ruff's convention).
"""

from __future__ import annotations

import re

import pytest

from resolint.engine import lint_example
from resolint.registry import all_rules
from resolint.rule import DOC_SECTIONS

RULES = all_rules()


def test_codes_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for r in RULES:
        assert re.fullmatch(r"(DOC|PRE|OPR|CIT|TRM|SUP)\d{3}", r.code), r.code
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", r.name), r.name
        assert r.summary and not r.summary.endswith(".")


def test_names_are_unique():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_doc_has_every_section(rule):
    sections = rule.doc_sections()
    missing = [s for s in DOC_SECTIONS if s not in sections]
    assert not missing, f"{rule.code} doc lacks {missing}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_example_triggers_the_rule(rule):
    examples = list(rule.doc_examples("Example"))
    assert examples, f"{rule.code} has no Example draft"
    for text in examples:
        codes = {f.code for f in lint_example(rule, text).findings}
        assert rule.code in codes, f"{rule.code}: its Example does not trigger it"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_use_instead_does_not_trigger_the_rule(rule):
    examples = list(rule.doc_examples("Use instead"))
    assert examples, f"{rule.code} has no Use instead draft"
    for text in examples:
        codes = {f.code for f in lint_example(rule, text).findings}
        assert rule.code not in codes, f"{rule.code}: its Use instead triggers it"


FIX_SAFETY_WORD = {"no": None, "safe": "safe", "unsafe": "unsafe"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_declared_fix_is_the_one_the_rule_gives(rule):
    """`resolint rules`, the rules page and SARIF show ``fix_applicability``: it must be
    what the rule's Fix safety section says first and the strongest fix its Example gets
    (DOC002 fixed the opening's mark safely while listed with no fix)."""
    declared = rule.fix_applicability.value if rule.fix_applicability else None
    word = rule.doc_sections()["Fix safety"].split()[0].lower().strip(":.,")
    assert FIX_SAFETY_WORD.get(word, "?") == declared, f"{rule.code}: Fix safety says {word!r}, declared {declared}"
    ranks = ["display-only", "unsafe", "safe"]
    given = {f.fix.applicability.value for text in rule.doc_examples("Example")
             for f in lint_example(rule, text).findings if f.code == rule.code and f.fix}
    assert max(given, key=ranks.index, default=None) == declared, f"{rule.code}: its Example gets {given}"
