from __future__ import annotations

import re

from resolint.citations.patterns import ANY_CONVENTION, THE_CONVENTION
from resolint.lazyre import lazy
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, in_spans, quote_spans

#: A plural instrument named by its title, read from its "Conventions": a capitalized
#: word before it ("the Geneva Conventions of 12 August 1949", "the Hague Conventions") or
#: a subject after it ("Conventions on the Law of the Sea"). "The Conventions" after one
#: refers back to it. (ANY_CONVENTION, shared with the citations, takes the singular only;
#: "The Conventions" at a sentence's head is reported before it could excuse a later one.)
_NAME_BEFORE = lazy(r"(?<![^\W_])[A-Z][a-z]+\s+$")
_SUBJECT_AFTER = lazy(r"Conventions\s+(?:on|against|for|relating\s+to|concerning)\s+(?:the\s+)?[A-Z]")


class ConventionBeforeNamed(Rule):
    """
    ## What it does
    Flags "the Convention" (capital C, referring back) before any convention has been
    named in the text, and "the Conventions" before any convention or plural instrument
    ("the Geneva Conventions") has been.

    ## Why is this bad?
    "The Convention" is a back-reference: the reader must already know which
    convention is meant. Before the title is given it refers to nothing.

    ## Example
    ```
    The General Assembly,

    Noting that the Convention entered into force in 2005,

    1. Welcomes the ratification of the United Nations Convention against Corruption by further States.
    ```

    ## Use instead
    ```
    The General Assembly,

    Noting that the United Nations Convention against Corruption entered into force in 2005,

    1. Welcomes the ratification of the Convention by further States.
    ```

    ## Fix safety
    No fix.

    ## Options
    None; a style whose body has a Convention of its own names it in `[terms] the-convention`
    (ITU: the Convention of the International Telecommunication Union), and the rule is off.
    It is off too under the opening of a treaty's own body ("The Conference of the
    Parties,", "The Meeting of the States Parties,"): "the Convention" is the one that
    set the body up, which its decisions need not name.

    ## References
    - UN Editorial Manual, "Capitalization": <https://www.un.org/dgacm/en/content/editorial-manual/capitalization>
    - American Model United Nations, "Document format and style" (abbreviations spelled out at first use, then used alone): <https://amun.org/handbooks/2018/amun-rules-and-procedures-2018/document-format-and-style>

    Repository note: the project knowledge base (`../shared/kb`) §1.9 (capitalized "Convention" for a specific instrument), §1.10.
    """

    code = "TRM003"
    name = "convention-before-named"
    summary = "'The Convention' before any convention is named"
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        text = ctx.text
        found = ctx.facts.literal_starts("Convention")  # the server searches only near the last edit
        if not found or ctx.style.get("terms.the-convention", "") or _treaty_body(ctx):
            return  # the body's own Convention needs no introduction ("No. 196 of the Convention")
        cs = citations(ctx)
        named = [m.span.start for m in cs.instruments if m.instrument.kind == "convention"]
        first_named = min(named) if named else len(text)
        quotes = quote_spans(ctx)
        for p in _own_paragraphs_at(ctx, found):
            if p.span.start > first_named:
                return
            ptext = text[p.span.start : p.span.end]
            if "Convention" not in ptext:
                continue  # it started in this paragraph and ran past its end
            other = ANY_CONVENTION.search(ptext)
            m = THE_CONVENTION.search(ptext)
            if m is None:
                if other is not None:
                    return  # a convention is named here (one the data does not know)
                continue
            if other is not None and other.start() < m.start():
                return
            start = p.span.start + m.start()
            if start >= first_named or in_spans(start, quotes):
                return
            if _needs_no_title(ctx, ptext, m, start):
                continue
            written = " ".join(m.group(0).split())  # as the drafter wrote it, on one line
            whose = "their titles" if m.group("plural") else "its title"
            yield Violation(Span(start, p.span.start + m.end()), f"'{written}' before any convention is named: give {whose} first")
            return


#: The opening of a treaty's own body: "the Convention" is its treaty.
_TREATY_BODY = lazy(r"\b(?:Conference|Meeting)\s+of\s+the\s+(?:States\s+)?Parties\b")


def _treaty_body(ctx: RuleContext) -> bool:
    """Whether the first opening names a treaty's own body ("The Conference of the
    Parties,", "The Meeting of the States Parties,")."""
    openings = ctx.resolution.openings
    return bool(openings) and _TREATY_BODY.search(ctx.text, openings[0].span.start, openings[0].span.end) is not None


def _needs_no_title(ctx: RuleContext, ptext: str, m: re.Match[str], start: int) -> bool:
    """Whether the match ``m`` of THE_CONVENTION in ``ptext`` (at ``start`` in the text) is
    fine where it stands: the head of a title ("The Convention on …"), or "the Conventions"
    after a plural instrument was named ("the Geneva Conventions …"), which it refers to."""
    if re.match(r"[Tt]he\s+Convention\s+(?:on|against)\b", ptext[m.start() :]):
        return True
    return bool(m.group("plural")) and ctx.facts.derived(_first_plural_named) < start


def _first_plural_named(facts) -> int:
    """Where the text first names a plural instrument (its length if nowhere): tried at
    each "Conventions" only, once per document."""
    text = facts.text
    for pos in facts.literal_starts("Conventions"):
        if _NAME_BEFORE.search(text, max(0, pos - 40), pos) or _SUBJECT_AFTER.match(text, pos):
            return pos
    return len(text)


def _own_paragraphs_at(ctx: RuleContext, offsets: list[int]):
    """The drafter's own paragraphs that hold one of ``offsets`` (in order), each once:
    the only ones the check reads (a paragraph without "Convention" names none)."""
    last = None
    for pos in offsets:
        p = ctx.facts.paragraph_at(pos)
        if p is not None and p is not last and p.own:
            last = p
            yield p
