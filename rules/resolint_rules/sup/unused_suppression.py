"""SUP001: a suppression directive that suppresses nothing (the engine emits it)."""

from __future__ import annotations

from resolint.rule import Applicability, Rule, RuleContext, Severity


class UnusedSuppression(Rule):
    """
    ## What it does
    Reports a `<!-- resolint: ignore[…] -->`, `disable` or `file-ignore` directive that
    suppresses no finding. A directive is judged only when every rule it names ran: one
    whose rule is switched off for this run (`--ignore OPR006`, `--select PRE`, `ignore`
    or `per-file-ignores` in the configuration, an opt-in rule not selected) is not
    reported, since it may suppress findings in an ordinary run. A prefix or a directive
    without codes names the rules the style runs by default.

    ## Why is this bad?
    A directive that suppresses nothing is noise, and it hides the next real finding of
    that code in its scope. They pile up as drafts are edited.

    ## Example
    ```
    The General Assembly,

    <!-- resolint: ignore[PRE004] -->
    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: the fix deletes the directive (and its line when it stands alone). Unsafe
    where the removal changes how the text around it is read: a directive typed inside
    a word or number (`3<!-- … -->0 December` becomes a date) or right after a line's
    first token (`2<!-- … --> Requests …`: `2` becomes the paragraph's number). None for one
    right after a label alone on its line (`(a) <!-- … -->`), whose removal moves the
    paragraph's end.

    ## Options
    None.

    ## References
    DESIGN §5.
    """

    code = "SUP001"
    name = "unused-suppression"
    summary = "Directive that suppresses nothing"
    default_severity = Severity.WARNING
    any_language = True  # (about the suppression comments, in any language)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        return ()  # the engine emits SUP001 after suppression
