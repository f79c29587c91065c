from __future__ import annotations

import re

from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations, in_spans, quote_spans, term
from resolint_rules.trm.others_words import guarded


class ArticleCapitalization(Rule):
    """
    ## What it does
    Checks the case of "Article": Articles of the Charter of the United Nations take a
    capital ("Article 27 of the Charter"); other articles follow the style — lower case
    in United Nations style ("article 4 of the Convention"), as written in INTERPOL and
    Model UN styles.

    ## Why is this bad?
    The UN Editorial Manual capitalizes Articles of the Charter (and of the Statute of
    the International Court of Justice) only; a mixed text looks unedited.

    ## Example
    ```
    The General Assembly,

    Recalling article 27 of the Charter of the United Nations,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling Article 27 of the Charter of the United Nations,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: only the case of one letter changes ("articles 41 and 42 of the Charter"
    becomes "Articles 41 and 42", one finding for the list). Unsafe where the article is cited in the
    title of a work (after "entitled" or "titled", or in italics: "*A life under article
    27 of the Charter*"), which keeps its words; none in a quotation.

    ## Options
    The style's (or `[terms]`'s) `article-case`: `"lower"`, `"upper"` or `"any"` for
    articles of other instruments; the Charter is always "Article". A lower-case
    finding for another instrument is information only: the Statute of the Court and
    some treaty bodies capitalize too.

    ## References
    - UN Editorial Manual, "Capitalization": <https://www.un.org/dgacm/en/content/editorial-manual/capitalization>

    Repository note: the project knowledge base (`../shared/kb`) §1.9 (UN Editorial Manual "Capitalization").
    """

    code = "TRM004"
    name = "article-capitalization"
    summary = "'Article' in the wrong case"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        """The findings of :meth:`_articles`, each fix unsafe where the article is cited
        in a work's title or other words not the drafter's (a quotation keeps its case:
        no finding)."""
        quotes = quote_spans(ctx)
        for v in self._articles(ctx):
            if in_spans(v.span.start, quotes):
                continue
            fix, _ = guarded(ctx, v.span, v.fix)
            yield Violation(v.span, v.message, fix, severity=v.severity)

    def _articles(self, ctx: RuleContext):
        case = term(ctx, "article-case", "any")
        other_charter: dict[int, bool] = {}  # paragraph start -> it names another charter
        words: set[int] = set()  # the words seen: a list's items share theirs ("articles 41 and 42")
        for a in citations(ctx).articles:
            if a.in_annex or a.word.start in words:
                continue
            words.add(a.word.start)
            word = ctx.slice(a.word)
            upper = _cased(word, upper=True)
            charter = a.instrument is not None and a.instrument.article_case == "upper"
            if charter:
                if a.paragraph is not None and _names_another_charter(ctx.text, a.paragraph, other_charter):
                    continue  # "the African Charter …, in particular article 9 of the Charter"
                if not a.capitalized:
                    yield Violation(a.word, f"Articles of the Charter take a capital: '{upper}'", Fix.safe(f"Write '{upper}'", Edit(a.word, upper)))
                continue
            if a.instrument is None or a.basis not in ("of", "convention"):
                continue  # only articles whose instrument is known and named
            if case == "lower" and a.capitalized and (a.paragraph is None or ctx.text[a.paragraph.content.start:a.word.start].strip()):
                lower = _cased(word, upper=False)
                yield Violation(a.word, f"Articles other than the Charter's are written '{lower}' in this style",
                                Fix.safe(f"Write '{lower}'", Edit(a.word, lower)), severity=Severity.INFO)
            elif case == "upper" and not a.capitalized:
                yield Violation(a.word, f"This style writes '{upper}'", Fix.safe(f"Write '{upper}'", Edit(a.word, upper)), severity=Severity.INFO)


def _cased(word: str, upper: bool) -> str:
    """``word`` ("article", "articles") with its first letter's case changed, the rest as
    written: a list's "articles" stays plural (the fix wrote "Article" over it)."""
    return (word[:1].upper() if upper else word[:1].lower()) + word[1:]


#: A charter other than the Charter of the United Nations: "African Charter on Human and
#: Peoples' Rights", "Olympic Charter", "Charter of the Organization of American States",
#: "Charter of the United Nations University".
_ANOTHER_CHARTER = re.compile(
    r"\b(?!(?:United|Nations|The|This|That|Its|Our|Their)\b)[A-Z][\w'’-]*\s+Charter\b"
    r"|\bCharter\s+of\s+the\s+(?!United\s+Nations\b(?!\s+[A-Z]))[A-Z]"
)


def _names_another_charter(text: str, p, known: dict[int, bool]) -> bool:
    """Whether paragraph ``p`` names another charter, which its "the Charter" may mean (the
    capital is the United Nations Charter's only, kb §1.9): once per paragraph."""
    start = p.span.start
    if start not in known:
        known[start] = _ANOTHER_CHARTER.search(text, start, p.span.end) is not None
    return known[start]
