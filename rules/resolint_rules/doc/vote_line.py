from __future__ import annotations

import re

from resolint.lazyre import lazy
from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation

#: kb §3.1 IP-FOOT-01: "Adopted" or "Adopted: 134 votes in favour, 0 against, 5 abstentions".
WELL_FORMED = lazy(
    r"^Adopted(?:\.|\s+(?:by\s+consensus|without\s+a\s+vote|by\s+acclamation)\.?"
    r"|:\s*(?P<yes>\d+) votes? in favour, (?P<no>\d+) against, (?P<abst>\d+) abstentions?\.?)?$"
)
#: What drafters write instead: "Adopted: 134 votes for; 0 against and 5 abstentions".
LENIENT = lazy(
    r"^Adopted\s*[:,.-]?\s*(?:by\s+)?(?P<yes>\d+)\s+(?:votes?\s+)?(?:in\s+)?(?:favou?r|for)\s*[,;]?\s*"
    r"(?P<no>\d+)\s+(?:votes?\s+)?against\s*[,;]?\s*(?:and\s+|with\s+)?(?P<abst>\d+)\s+abstentions?\s*\.?$",
    re.IGNORECASE,
)


_NO_BREAK_AS_SPACE = str.maketrans("\u00a0\u202f\u2007", "   ")


def canonical(yes: int, no: int, abst: int) -> str:
    votes = "vote" if yes == 1 else "votes"
    abstentions = "abstention" if abst == 1 else "abstentions"
    return f"Adopted: {yes} {votes} in favour, {no} against, {abst} {abstentions}"


class VoteLine(Rule):
    """
    ## What it does
    Checks the adoption line of an INTERPOL resolution: "Adopted", or with the vote
    "Adopted: 134 votes in favour, 0 against, 5 abstentions" — British "favour", commas
    between the counts, singular for one vote or one abstention.

    ## Why is this bad?
    The vote line is read and quoted as it stands; "favor", a missing count or "1
    abstentions" make the published text look unedited, and an unreadable line loses
    the vote.

    ## Example
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING its previous resolutions,

    CALLS UPON all member countries to:

    1. support the programme.

    Adopted: 134 votes in favor; 0 against; 5 abstentions
    ```

    ## Use instead
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING its previous resolutions,

    CALLS UPON all member countries to:

    1. support the programme.

    Adopted: 134 votes in favour, 0 against, 5 abstentions
    ```

    ## Fix safety
    Safe when the three counts can be read: they are kept and only the wording changes.

    ## Options
    The style's `closing.vote-line`: on in the INTERPOL style only. The United Nations
    styles close otherwise ("Adopted by a recorded vote of 165 to 3, with 8 abstentions.",
    "Adopted unanimously at the 9840th meeting."), and the rule checks nothing there.

    ## References
    - INTERPOL General Assembly resolution GA-2025-93-RES-03 (93rd session, Marrakech, 2025)

    Repository note: the project knowledge base (`../shared/kb`) §3.1 IP-FOOT-01 (format attested by GA-2025-93-RES-03 only: UNVERIFIED beyond it, hence a warning).
    """

    code = "DOC014"
    name = "vote-line"
    summary = "Adoption line not in the form 'Adopted: N votes in favour, N against, N abstentions'"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE
    kinds = (Kind.CLOSING,)

    def check(self, ctx: RuleContext):
        if not ctx.style.get("closing.vote-line", False):
            return  # the house form is INTERPOL's: a United Nations closing line is no vote line of that form
        for p in ctx.resolution.closing:
            line = ctx.slice(p.span)
            if not line.startswith("Adopted") or "\n" in line:
                continue
            # A no-break space between a number and its word is the same house form.
            body = line.strip("*_ ").translate(_NO_BREAK_AS_SPACE)
            if WELL_FORMED.match(body):
                m = WELL_FORMED.match(body)
                if m.group("yes") is None:
                    continue
                want = canonical(int(m.group("yes")), int(m.group("no")), int(m.group("abst")))
                if body.rstrip(".") == want:
                    continue
                yield Violation(p.span, f"Write the vote as '{want}'", Fix.safe("Use the house form of the vote", Edit(p.span, want)))
                continue
            m = LENIENT.match(body)
            if m:
                want = canonical(int(m.group("yes")), int(m.group("no")), int(m.group("abst")))
                yield Violation(p.span, f"Write the vote as '{want}'", Fix.safe("Use the house form of the vote", Edit(p.span, want)))
            elif body.startswith("Adopted:") or re.search(r"\d", body):
                yield Violation(p.span, "The vote line should read 'Adopted: N votes in favour, N against, N abstentions'")
