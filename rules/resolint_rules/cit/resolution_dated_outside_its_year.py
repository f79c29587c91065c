from __future__ import annotations

from resolint.citations import Organ
from resolint.citations.refdata import format_date, hrc_session_year
from resolint.numerals import ordinal
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, is_own

_HRC, _ECOSOC = Organ.HRC, Organ.ECOSOC


class ResolutionDatedOutsideItsYear(Rule):
    """
    ## What it does
    Checks that a resolution of a council whose number says its year bears a date in
    that year. An Economic and Social Council resolution "2024/12" is of 2024 (an error
    otherwise). A Human Rights Council resolution "N/x" is of the year its regular
    session N met: the Council has met in three regular sessions a year since 2006
    (sessions 1-3 in 2006, 52-54 in 2023, 58-60 in 2025), each within its year (a
    warning: the rule is the knowledge base's, unverified there). The Council's special
    sessions ("S-30/1") are left alone. Only a citation whose organ is known (named, or
    "its resolution" in the council's own text) is checked: a bare "resolution 48/3" may
    be the General Assembly's (CIT001's).

    ## Why is this bad?
    The first part of such a number is the year or the session, so the date and the
    number must agree; when they do not, one of them is wrong and the reader cannot tell
    which resolution is meant.

    ## Example
    ```
    The General Assembly,

    Recalling Human Rights Council resolution 48/13 of 8 October 2023 and Economic and
    Social Council resolution 2023/5 of 7 June 2022,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling Human Rights Council resolution 48/13 of 8 October 2021 and Economic and
    Social Council resolution 2023/5 of 7 June 2023,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix: either the number or the date may be the wrong part.

    ## Options
    None.

    ## References
    - United Nations Human Rights Council, "Sessions" (three regular sessions a year, since June 2006): <https://www.ohchr.org/en/hr-bodies/hrc/sessions>
    - Human Rights Council resolution 48/13 of 8 October 2021 (A/HRC/RES/48/13), a specimen: <https://undocs.org/A/HRC/RES/48/13>
    - Economic and Social Council, "Resolutions" (numbered year/number: E/RES/2023/5): <https://www.un.org/ecosoc/en/documents/resolutions>

    Repository note: the project knowledge base (`../shared/kb`) §4, "ECOSOC: year/number" (VERIFIED pattern) and "Human Rights Council: session/number; three regular sessions a year" (marked UNVERIFIED there: a warning, not an error).
    """

    code = "CIT016"
    name = "resolution-dated-outside-its-year"
    summary = "Economic and Social Council or Human Rights Council resolution dated outside its year"
    # The kb marks the Council's rule of three sessions a year UNVERIFIED: a warning; the
    # Economic and Social Council's year is in its number (VERIFIED): an error.
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        for c in citations(ctx).resolutions:
            if c.date is None or c.organ not in (_HRC, _ECOSOC) or not c.basis.certain or not is_own(c):
                continue
            d = c.date.date
            if d is None or not 1900 <= d.year <= 2100:
                continue  # an implausible year is CIT008's
            if c.organ is _ECOSOC and c.form == "ecosoc" and c.year is not None and d.year != c.year:
                msg = f"Economic and Social Council {_what(c)} {c.text} is of {c.year}, but dated {format_date(d)}"
                yield Violation(Span(c.span.start, c.date.span.end), msg, severity=Severity.ERROR)
            elif c.organ is _HRC and c.form == "session" and c.session is not None and d.year != hrc_session_year(c.session):
                msg = (f"Human Rights Council {_what(c)} {c.text} is of the Council's {ordinal(c.session)} session, "
                       f"held in {hrc_session_year(c.session)}, but dated {format_date(d)}")
                yield Violation(Span(c.span.start, c.date.span.end), msg)


def _what(c) -> str:
    """ "decision" or "resolution", as the text cites it ("decision 2024/250")."""
    return "decision" if c.decision else "resolution"
