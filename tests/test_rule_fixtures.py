"""Each fixture in fixtures/rules/ names the rule it exercises and, in its first line,
the findings of that rule a reader expects: ``<!-- expect: CODE:LINE ... -->``.

The expectations were written by hand from the drafting rules, not copied from output.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

from resolint.engine import lint

RULE_FIXTURES = sorted((FIXTURES / "rules").glob("*.txt"))
EXPECT = re.compile(r"<!--\s*expect:(?P<body>[^>]*)-->")


def expected(text: str) -> set[tuple[str, int]]:
    m = EXPECT.search(text.splitlines()[0])
    assert m, "fixture must start with an expect comment"
    out = set()
    for item in m.group("body").split():
        code, line = item.split(":")
        out.add((code, int(line)))
    return out


@pytest.mark.parametrize("path", RULE_FIXTURES, ids=lambda p: p.stem)
def test_fixture_findings(path):
    text = path.read_text(encoding="utf-8")
    code = path.stem.split("-")[0]
    result = lint(text, path=str(path))
    got = {(f.code, result.source.position(f.span.start).line + 1) for f in result.findings if f.code == code}
    assert got == expected(text)


def test_every_rule_has_a_fixture():
    from resolint.registry import all_rules

    codes = {p.stem.split("-")[0] for p in RULE_FIXTURES}
    missing = [r.code for r in all_rules() if r.code not in codes and r.code[:3] in {"DOC", "PRE", "OPR", "SUP"} and int(r.code[3:]) < 10]
    assert not missing, f"rules without a fixture: {missing}"
