"""The house rules this process has built, by code.

Kept apart from :mod:`.rule`, which fills it: renderers that see only findings (SARIF's
rule metadata, hover) look a house rule's documentation up here, and a run without house
rules then does not load the rule machinery (:mod:`.rule`, :mod:`.spec`,
:mod:`.candidates`) only to find the table empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resolint.custom_rules.rule import PatternRule

#: Code -> the rule :meth:`resolint.custom_rules.rule.RuleSet.rules` built for it.
KNOWN: dict[str, PatternRule] = {}
