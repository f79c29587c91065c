"""The documentation of each CIT, TRM and DOC010+ rule: sections present, examples honest."""

from __future__ import annotations

import pytest

from resolint.engine import lint_example
from resolint.registry import all_rules
from resolint.rule import DOC_SECTIONS

#: The rules of issue 3: CIT, TRM and the title-block checks DOC010-DOC019.
OURS = [r for r in all_rules() if r.code.startswith(("CIT", "TRM", "DOC01"))]


@pytest.mark.parametrize("rule", OURS, ids=lambda r: r.code)
def test_doc_has_every_section(rule):
    assert list(rule.doc_sections()) == list(DOC_SECTIONS)


@pytest.mark.parametrize("rule", OURS, ids=lambda r: r.code)
def test_example_triggers_and_use_instead_does_not(rule):
    examples = list(rule.doc_examples("Example"))
    assert examples, "an Example draft is required"
    for draft in examples:
        assert rule.code in [f.code for f in lint_example(rule, draft).findings]
    fixed = [d for d in rule.doc_examples("Use instead") if not d.lstrip().startswith("[")]  # skip TOML snippets
    assert fixed
    for draft in fixed:
        assert rule.code not in [f.code for f in lint_example(rule, draft).findings]
