from __future__ import annotations

from resolint.citations import Organ
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations, is_own

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_UNKNOWN = Organ.UNKNOWN


class InconsistentCitation(Rule):
    """
    ## What it does
    Checks that a resolution cited more than once in a text is cited with the same date
    (or, for the Security Council, the same year, and the same date where two citations
    give one) each time.

    ## Why is this bad?
    One resolution has one date. Two dates for the same number mean one of the
    citations is wrong, and the text contradicts itself.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 71/19 of 21 November 2016,

    Recalling also its resolution 71/19 of 12 November 2016,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 71/19 of 21 November 2016,

    Recalling also its resolution 73/11 of 26 November 2018,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix: either date may be the right one.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", I. System of identification: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-sys-ident>

    Repository note: the project knowledge base (`../shared/kb`) §1.6 (full dates with resolution references).
    """

    code = "CIT005"
    name = "inconsistent-citation"
    summary = "One resolution cited with two different dates or years"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        first_date: dict[tuple, object] = {}
        first_year: dict[tuple, object] = {}
        for c in citations(ctx).resolutions:
            if not is_own(c) or c.organ is _UNKNOWN or c.number is None:
                continue
            if c.form == "sc":
                key = (c.organ, "sc", c.number)
                prev = first_year.setdefault(key, c)
                if prev is not c and prev.year != c.year:
                    yield Violation(c.span, f"Resolution {c.number} is cited here as of {c.year} and above as of {prev.year}")
                elif c.date is not None and c.date.date is not None:
                    yield from _council_dates(first_date, key, c)
                continue
            if c.date is None or c.date.date is None:
                continue
            key = (c.organ, c.organ_name, c.form, _number_as_cited(c), c.decision)
            prev = first_date.setdefault(key, c)
            if prev is not c and prev.date.date != c.date.date:
                what = "Decision" if c.decision else "Resolution"
                sev = None if (c.basis.certain and prev.basis.certain) else Severity.INFO
                yield Violation(
                    c.date.span,
                    f"{what} {c.text} is cited here as of {c.date.canonical} and above as of {prev.date.canonical}",
                    severity=sev,
                )


def _council_dates(first_date: dict[tuple, object], key: tuple, c):
    """ "resolution 2231 (2015) of 20 July 2015" above, "2231 (2015) of 21 July 2015"
    here: one year in brackets both times, but two days of adoption."""
    prev = first_date.setdefault(key, c)
    if prev is not c and prev.date.date != c.date.date:
        yield Violation(
            c.date.span,
            f"Resolution {' '.join(c.text.split())} is cited here as of {c.date.canonical} and above as of {prev.date.canonical}",
        )


def _number_as_cited(c) -> str:
    """The number of ``c`` as written, without the document symbol's series ("A/RES/70/1"
    is resolution 70/1, "A/RES/ES-10/19" ES-10/19) and with single spaces: a text citing
    both forms cites one resolution. The letters stay ("31/16 A" and "31/16 B" are two)."""
    text = " ".join(c.text.split())
    return text.split("RES/", 1)[1] if c.symbol and "RES/" in text else text
