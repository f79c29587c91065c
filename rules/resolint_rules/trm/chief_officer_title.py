from __future__ import annotations

import re

from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import own_literals, term

#: Another organization's chief keeps its own title ("the Secretary General of INTERPOL",
#: "the United Nations Secretary-General").
_OTHER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:ICPO-)?(?:INTERPOL|Interpol|International Criminal Police Organization|United Nations|UN)\b")
_OTHER_BEFORE = re.compile(r"(?:INTERPOL|Interpol|United Nations|UN)(?:’s|'s)?\s+$")


class ChiefOfficerTitle(Rule):
    """
    ## What it does
    Checks the title of the organization's chief officer against the style:
    "Secretary-General" (hyphen) in United Nations texts, "Secretary General" (no
    hyphen) in INTERPOL texts. Another organization's officer keeps its own form
    ("the Secretary General of INTERPOL" in a UN text).

    ## Why is this bad?
    The title is part of the office's name; each organization writes its own one way.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary General to report on the implementation of the present resolution.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General to report on the implementation of the present resolution.
    ```

    ## Fix safety
    Safe: the same office, spelt the house way.

    ## Options
    `chief` in the style's or the configuration's `[terms]`.

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>
    - INTERPOL's own usage on <https://www.interpol.int> ("Secretary General", "member countries", "INTERPOL")

    Repository note: the project knowledge base (`../shared/kb`) §1.9 (UN vs INTERPOL house terms), §3.1 IP-TERM-01.
    """

    code = "TRM005"
    name = "chief-officer-title"
    summary = "Chief officer's title not in the house form"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        want = term(ctx, "chief")
        if not want:
            return
        text = ctx.text
        wrong = tuple(f for f in ("Secretary General", "Secretary-General") if f != want)
        for _p, start, end, _lit in own_literals(ctx, wrong):
            if _OTHER_AFTER.match(text, end) or _OTHER_BEFORE.search(text[max(0, start - 30) : start]):
                continue
            span = Span(start, end)
            yield Violation(span, f"This style writes '{want}'", Fix.safe(f"Write '{want}'", Edit(span, want)))
