from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations


class InstrumentFirstMention(Rule):
    """
    ## What it does
    Checks that the first mention of a known instrument gives its title (or its short
    title, as the style allows), not an abbreviation or an informal name: "the United
    Nations Convention against Transnational Organized Crime" before "UNTOC" or "the
    Palermo Convention". "The UN Convention against Corruption" is left to TRM001 (a
    wrong name for the title), not reported again for the alias inside it.

    ## Why is this bad?
    Instruments are identified by their titles; an abbreviation or a nickname at first
    mention leaves the reader to guess which text is meant (several conventions are
    "the Budapest Convention" to someone).

    ## Example
    ```
    The General Assembly,

    Recalling that UNCAC is the only universal anti-corruption instrument,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling that the United Nations Convention against Corruption (UNCAC) is the only universal anti-corruption instrument,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix (the sentence may need rewording around the title).

    ## Options
    The style's `[citations] first-mention`: `"short"` (default) accepts the short
    title ("United Nations Convention against Cybercrime") at first mention; `"title"`
    requires the full official title.

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", I. System of identification: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-sys-ident>
    - American Model United Nations, "Document format and style" (abbreviations spelled out at first use, then used alone): <https://amun.org/handbooks/2018/amun-rules-and-procedures-2018/document-format-and-style>

    Repository note: the project knowledge base (`../shared/kb`) §1.6 (identified by name), §1.10 (spell out at first use), §5.
    """

    code = "TRM002"
    name = "instrument-first-mention"
    summary = "Instrument first named by an abbreviation or informal name"
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        need = ctx.style.get("citations.first-mention", "short")
        seen: set[str] = set()
        for m in citations(ctx).instruments:
            key = m.instrument.key
            if key in seen or m.in_annex:
                continue
            seen.add(key)
            if m.in_quote or m.form == "variant":
                continue  # a quotation is someone else's wording; a variant is TRM001's
            if m.paragraph is not None and m.paragraph.kind is Kind.TITLE:
                continue  # titles are set by the agenda, not the drafter
            inst = m.instrument
            ok = {"title"} if need == "title" else {"title", "short"}
            if m.form in ok:
                continue
            if m.form == "short" and inst.short == inst.title:
                continue
            if _after_un(ctx.text, m.span.start, m.text, inst):
                continue  # "UN Convention against Corruption": the title with "UN" for
                # "United Nations", which TRM001 (and the house's term) report as one name
            want = inst.title if need == "title" else inst.short
            if want in m.text:
                continue  # "Council of Europe Convention on Cybercrime": the title, with who made it
            yield Violation(m.span, f"First mention of the {inst.short}: give its title ('{want}') before '{m.text}'")


def _after_un(text: str, start: int, written: str, inst) -> bool:
    """Whether the mention ``written`` at ``start`` is the rest of "UN <title>" ("UN" or
    "U.N." standing for the "United Nations" the title starts with)."""
    for un in ("UN ", "U.N. "):
        if text.startswith(un, max(0, start - len(un))) and "United Nations " + written in (inst.title, inst.short):
            return True
    return False
