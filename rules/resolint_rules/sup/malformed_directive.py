"""SUP002: a suppression directive that cannot be read (the engine emits it)."""

from __future__ import annotations

from resolint.rule import Applicability, Rule, RuleContext, Severity


class MalformedDirective(Rule):
    """
    ## What it does
    Reports a `<!-- resolint: … -->` comment that cannot be read: an unknown action, or
    a code or prefix that names no rule (the message gives the nearest real code).

    ## Why is this bad?
    A directive that cannot be read suppresses nothing, silently.

    ## Example
    ```
    The General Assembly,

    <!-- resolint: ignroe[PRE004] -->
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
    Unsafe: the fix deletes the directive, but a directive that cannot be read is a
    typo in what the drafter meant (`disable=OPR006 -- quoted from the treaty` for
    `disable OPR006 -- …`): deleting it erases their intent and their reason, and the
    findings it was meant to suppress come back. Correct it instead; `--fix` leaves it,
    and only `--unsafe-fixes` or the editor's quick fix deletes it. A directive whose
    only fault is an unknown code, or that runs over several lines, has no fix at all.

    ## Options
    None.

    ## References
    DESIGN §5.
    """

    code = "SUP002"
    name = "malformed-directive"
    summary = "Directive that cannot be read"
    default_severity = Severity.WARNING
    any_language = True  # (about the suppression comments, in any language)
    fix_applicability = Applicability.UNSAFE

    def check(self, ctx: RuleContext):
        return ()
