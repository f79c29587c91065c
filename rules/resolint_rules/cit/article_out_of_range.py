from __future__ import annotations

from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations


class ArticleOutOfRange(Rule):
    """
    ## What it does
    Flags "article N" of a known instrument when the instrument has fewer than N
    articles: the UN Convention against Cybercrime has 68, the Budapest Convention 48,
    UNCAC 71. Each number of a list or a range is checked as a single article is, and
    reported on its own: "articles 60 to 70 of the United Nations Convention against
    Cybercrime" (70), "articles 41 and 99 of the Convention on Cybercrime" (99).

    ## Why is this bad?
    An article that does not exist cannot be what the drafter meant; the number was
    mistyped or taken from another instrument.

    The instrument is the one named right after the number ("article 70 of the United
    Nations Convention against Corruption"), the convention "the Convention" refers
    back to, or the instrument named in the same or the previous paragraph. An
    article count from unverified reference data, or an instrument found only from the
    context, gives a warning instead of an error.

    ## Example
    ```
    The General Assembly,

    Recalling article 72 of the United Nations Convention against Corruption,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling article 71 of the United Nations Convention against Corruption,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix.

    ## Options
    None. An organization's own instruments declare `articles = N` in
    `[terms.instruments."Title"]`.

    ## References
    - United Nations Convention against Cybercrime, annexed to General Assembly resolution 79/243 of 24 December 2024 (A/RES/79/243): <https://undocs.org/A/RES/79/243>
    - Council of Europe, Convention on Cybercrime (ETS No. 185), Budapest, 23 November 2001, 48 articles: <https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=185>
    - United Nations Convention against Corruption, adopted by General Assembly resolution 58/4 of 31 October 2003: <https://legal.un.org/avl/ha/uncc/uncc.html>

    Repository note: the project knowledge base (`../shared/kb`) §5.1 (68 articles), §5.2 (48), §5.3 (UNCAC 71 articles).
    """

    code = "CIT009"
    name = "article-out-of-range"
    summary = "Article number beyond the instrument's last article"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        for a in citations(ctx).articles:
            inst = a.instrument
            if inst is None or a.in_annex or not inst.articles or a.number <= inst.articles:
                continue
            explicit = a.basis in ("of", "convention")
            if explicit:
                sev = None if inst.articles_verified else Severity.WARNING
            else:  # named in this or the previous paragraph ("near"), or only the text's main convention
                sev = Severity.WARNING if a.basis == "near" else Severity.INFO
            msg = f"The {inst.short} has {inst.articles} articles; there is no article {a.number}"
            if not explicit:
                msg += " (the instrument is taken from the context: name it after the number)"
            yield Violation(a.span, msg, severity=sev)
