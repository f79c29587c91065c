"""Rule fixtures as ruff keeps them: per rule, fixtures linted with only that rule selected.

Each fixture's first line holds the findings a reader expects, written by hand from the
drafting rules (see ``rule_snapshots``); the snapshot in ``tests/snapshots/`` records the
full findings (range, message, fix diff and its safety) and was reviewed when written.
"""

from __future__ import annotations

import pytest
import rule_snapshots as rs

from resolint.registry import all_rules

FIXTURES = rs.fixtures()
GROUPS = rs.by_code(FIXTURES)


@pytest.mark.parametrize("fx", FIXTURES, ids=lambda fx: fx.path.stem)
def test_fixture_findings(fx):
    result = rs.run(fx)
    got = {(f.code, result.source.position(f.span.start).line + 1) for f in result.findings if f.code == fx.code}
    assert got == set(fx.expected)


@pytest.mark.parametrize("fx", FIXTURES, ids=lambda fx: fx.path.stem)
def test_fixture_expects_only_its_rule(fx):
    assert {code for code, _ in fx.expected} <= {fx.code}, "a fixture states findings of the rule it is named for"


def test_every_rule_has_a_fixture():
    missing = [r.code for r in all_rules() if r.code not in GROUPS]
    assert not missing, f"rules without a fixture in fixtures/rules/: {missing}"


def test_every_fixture_names_a_rule():
    codes = {r.code for r in all_rules()}
    assert not [fx.name for fx in FIXTURES if fx.code not in codes]


@pytest.mark.parametrize("code", sorted(GROUPS))
def test_snapshot(code):
    path = rs.SNAPSHOT_DIR / f"{code}.snap"
    assert path.exists(), f"no snapshot for {code}: run python tests/rule_snapshots.py --update and review it"
    assert rs.snapshot(code, GROUPS[code]) == path.read_text(encoding="utf-8"), (
        f"{code} findings changed: run python tests/rule_snapshots.py (shows the diff), then --update after review"
    )

