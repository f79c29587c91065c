from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.common import first_line_span


class NotEnglish(Rule):
    """
    ## What it does
    Reports a draft that is not written in English — one that reads as French, Spanish,
    Portuguese, German or Italian, or whose letters are mostly in another script (Arabic,
    Cyrillic, Chinese, …) — and keeps only this finding: resolint's checks are written
    for English drafts, so their findings are left out. An organization's own pattern
    rules (`[[custom-rules]]`) and the checks of suppression comments still report.

    The language is told from the draft's first 12,000 characters: the share of each
    language's commonest short words ("the", "of", "and"; "de", "la", "les"), and of
    letters in scripts other than Latin. A draft is reported only when the difference is
    clear; a short text, or one that mixes English with another language, is checked as
    English.

    ## Why is this bad?
    Every check reads English: operative openers are English verbs, preambular openers
    English participles, the house terms, dates, ordinals and instruments' titles are
    English. A French draft checked as English gets "'Exhorte' is not an operative
    opener" on every paragraph and no finding that helps; saying once that it was not
    checked is the honest answer.

    ## Example
    ```
    L'Assemblée générale,

    Rappelant sa résolution 78/123 du 18 décembre 2023 et les résolutions antérieures sur la question,

    Profondément préoccupée par la hausse de la criminalité transnationale organisée dans toutes les régions du monde,

    1. Exhorte les États Membres qui ne l'ont pas encore fait à ratifier la Convention des Nations Unies contre la corruption ;

    2. Prie le Secrétaire général de lui présenter, à sa quatre-vingt-deuxième session, un rapport sur l'application de la présente résolution.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 78/123 of 18 December 2023 and its earlier resolutions on the question,

    Deeply concerned by the rise of transnational organized crime in every region of the world,

    1. Urges Member States that have not yet done so to ratify the United Nations Convention against Corruption;

    2. Requests the Secretary-General to submit to it at its eighty-second session a report on the implementation of the present resolution.
    ```

    ## Fix safety
    No fix.

    ## Options
    None. A draft in English taken for another language (please report it) is checked
    as usual when this rule is turned off (`ignore = ["DOC005"]`, or a
    `<!-- resolint: file-ignore[DOC005] -->` comment in the draft).

    ## References
    - United Nations, official languages (Arabic, Chinese, English, French, Russian and Spanish): <https://www.un.org/en/our-work/official-languages>

    Repository note: the checks' English is the UN Editorial Manual's (the project knowledge base, `../shared/kb`, §1).
    """

    code = "DOC005"
    name = "not-english"
    summary = "Draft not in English: the findings of checks written for English are left out"
    default_severity = Severity.WARNING
    any_language = True

    def check(self, ctx: RuleContext):
        language = ctx.facts.language
        if language is None:
            return
        first = next((p for p in ctx.resolution.paragraphs if p.kind is not Kind.DIRECTIVE), None)
        if first is None:
            return
        yield Violation(
            first_line_span(ctx, first),
            f"This draft {language.described()} ({language.reason}); resolint's checks are written for "
            "drafts in English, so their findings are left out (turn DOC005 off to see them)",
        )
