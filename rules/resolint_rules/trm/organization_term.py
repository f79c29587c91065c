from __future__ import annotations

import functools
import re

from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import in_spans, instrument_spans, own_text_matches, term


@functools.lru_cache(maxsize=16)
def _compiled(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    if not pairs:
        return None
    alt = "|".join(re.escape(w) for w, _ in sorted(pairs, key=lambda p: -len(p[0])))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


class OrganizationTerm(Rule):
    """
    ## What it does
    Applies an organization's own term list: each `wrong = "right"` pair of
    `[terms.prefer]` in `resolint.toml` is flagged where the wrong form appears in the
    drafter's own words (not in quotations or official titles).

    ## Why is this bad?
    Organizations have names for their own bodies and programmes ("INTERPOL", not
    "Interpol"; "National Central Bureau", not "national central office"); the house
    term makes texts consistent and searchable.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Invites Interpol to report on the implementation of the present resolution.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Invites INTERPOL to report on the implementation of the present resolution.
    ```

    With, in `resolint.toml`:

    ```toml
    [terms.prefer]
    "Interpol" = "INTERPOL"
    ```

    ## Fix safety
    Safe when only the case differs; unsafe otherwise (the words change).

    ## Options
    `[terms.prefer]` in the configuration (matched case-sensitively, as whole words).
    The built-in styles define none, so the rule reports nothing until configured.

    ## References
    kb §3.1 IP-TERM-02 (INTERPOL / Interpol).
    """

    code = "TRM012"
    name = "organization-term"
    summary = "Term the organization's configuration replaces"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        prefer = term(ctx, "prefer") or {}
        if not isinstance(prefer, dict):
            return
        pairs = tuple(sorted((str(k), str(v)) for k, v in prefer.items() if k and k != v))
        regex = _compiled(pairs)
        if regex is None:
            return
        table = dict(pairs)
        titles = instrument_spans(ctx)
        for _p, m in own_text_matches(ctx, regex):
            if in_spans(m.start(), titles):
                continue
            right = table[m.group(0)]
            span = Span(m.start(), m.end())
            edit = Edit(span, right)
            fix = Fix.safe(f"Write '{right}'", edit) if right.lower() == m.group(0).lower() else Fix.unsafe(f"Write '{right}'", edit)
            yield Violation(span, f"This organization writes '{right}'", fix)
