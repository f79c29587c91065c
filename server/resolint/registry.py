"""The one list of rules: everything registered under the ``resolint.rules`` entry point.

Built-in rules use the same entry point as any third-party pack, so the engine never
imports ``resolint_rules`` by name and dependencies point one way.
"""

from __future__ import annotations

import functools

from resolint.entrypoints import entry_points
from resolint.lazylog import get_logger
from resolint.rule import Rule

log = get_logger(__name__)
GROUP = "resolint.rules"


class RegistryError(Exception):
    pass


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """One instance of every registered rule, sorted by code; codes checked unique."""
    rules: dict[str, Rule] = {}
    for ep in entry_points(group=GROUP):
        provider = ep.load()
        for cls in provider():
            rule = cls() if isinstance(cls, type) else cls
            if rule.code in rules:
                raise RegistryError(f"rule code {rule.code} registered twice ({ep.name})")
            rules[rule.code] = rule
    return tuple(rules[c] for c in sorted(rules))


def rule_by_code(code: str) -> Rule | None:
    code = code.upper()
    for rule in all_rules():
        if rule.code == code or rule.name == code.lower():
            return rule
    return None
