from __future__ import annotations

from resolint.lazyre import lazy
from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import own_literals, term

_MEMBER_COUNTRIES = ("member countries", "Member countries", "Member Countries")
_MEMBER_STATES = ("Member States", "member States", "member states", "Member states")
#: "member countries of INTERPOL", "its member countries", "INTERPOL member countries".
_QUALIFIED_AFTER = lazy(r"\s+of\s+(?:the\s+)?[A-Z]")
_QUALIFIED_BEFORE = lazy(r"(?:\b(?:its|their|whose)|[A-Z]{2,}|United Nations|UN|European Union|Union|Organization)(?:’s|'s)?\s+$")


class MemberTerm(Rule):
    """
    ## What it does
    Checks the word for the organization's members against the style: "Member States"
    in United Nations texts, "member countries" in INTERPOL texts. A qualified phrase
    that names another organization's members ("member countries of INTERPOL", "United
    Nations Member States", "its member countries") is left alone. In a United Nations
    text "member states" and "Member states" are reported too ("States" takes its
    capital); "member States" is how such a text names another body's members.

    ## Why is this bad?
    Each organization names its members one way; INTERPOL's members are police bodies
    of countries, the United Nations' are States.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Urges member countries to strengthen their cooperation.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Urges Member States to strengthen their cooperation.
    ```

    ## Fix safety
    Unsafe: the two words do not always name the same members.

    ## Options
    `members` in the style's or the configuration's `[terms]`.

    ## References
    - UN Editorial Manual, "Capitalization": <https://www.un.org/dgacm/en/content/editorial-manual/capitalization>
    - INTERPOL's own usage on <https://www.interpol.int> ("Secretary General", "member countries", "INTERPOL")

    Repository note: the project knowledge base (`../shared/kb`) §1.9 (UN vs INTERPOL house terms), §3.1 IP-TERM-01.
    """

    code = "TRM006"
    name = "member-term"
    summary = "Members not named with the house term"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    fix_applicability = Applicability.UNSAFE

    def check(self, ctx: RuleContext):
        want = term(ctx, "members")
        if not want:
            return
        wrong = _MEMBER_COUNTRIES if want.lower() == "member states" else _MEMBER_STATES if want.lower() == "member countries" else None
        if wrong is not None and want == "Member States":
            # "States" takes its capital in a United Nations text whoever's members they
            # are ("member states", "Member states" are the house's members in the wrong
            # case); "member States" is how it writes another body's ("the member States
            # of the Central European Initiative", "58 member States" of the IAEA).
            wrong = wrong + ("member states", "Member states")
        if wrong is None:
            return
        text = ctx.text
        for _p, start, end, _lit in own_literals(ctx, wrong):
            if _QUALIFIED_AFTER.match(text, end) or _qualified_before(ctx, _p, start):
                continue
            if start and text[start - 1] in "-\u2010\u2011":
                continue  # "non-member States"
            span = Span(start, end)
            new = want
            if want[0].islower() and _p.content.start == start:
                new = want[0].upper() + want[1:]  # the paragraph starts with it
            yield Violation(span, f"This style names the members '{want}'", Fix.unsafe(f"Write '{new}'", Edit(span, new)))


def _qualified_before(ctx: RuleContext, p, start: int) -> bool:
    """Whether a word before ``start`` names whose members they are ("INTERPOL member
    countries", "its member countries"). The paragraph's own opener never does: in
    capitals ("INVITES Member States", the INTERPOL house case) it looked like an
    acronym, and no opener in capitals was followed by a reported term."""
    m = _QUALIFIED_BEFORE.search(text := ctx.text[max(0, start - 30) : start])
    if m is None:
        return False
    opener = ctx.opener(p) if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE) else None
    return opener is None or opener.span.end < start - len(text) + m.start() + 1
