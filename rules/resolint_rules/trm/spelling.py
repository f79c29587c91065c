from __future__ import annotations

import functools
import re

from resolint.citations.refdata import _rows
from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import in_spans, instrument_spans, own_paragraphs, quote_spans

#: Spelling lists by the style's ``[spelling] variant``.
FILES = {"oxford": "spelling_oxford.csv"}


@functools.lru_cache(maxsize=4)
def spelling_table(variant: str) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """wrong -> right (lower case) and one case-insensitive regex of every wrong form."""
    filename = FILES.get(variant)
    if not filename:
        return {}, None
    table = {r["wrong"].lower(): r["right"] for r in _rows(filename) if r.get("wrong")}
    if not table:
        return {}, None
    from resolint.citations.extract import trie_regex

    body = trie_regex(sorted(table))
    return table, re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _recase(found: str, right: str) -> str | None:
    if found.islower():
        return right
    if found.isupper():
        return right.upper()
    if found[0].isupper() and found[1:].islower():
        return right[0].upper() + right[1:]
    return None


class Spelling(Rule):
    """
    ## What it does
    Checks spelling against the style's dictionary: Oxford spelling in United Nations
    and INTERPOL styles — "-ize" (organize, recognize, criminalize), "-yse" (analyse),
    British "-our", "-re", "-ence" (favour, centre, defence), "programme", "ageing".
    Quotations, official titles of instruments, and capitalized words inside a sentence
    (proper names such as "Organisation for Economic Co-operation and Development") keep
    their own spelling.

    ## Why is this bad?
    The UN Editorial Manual follows the first spelling of the Concise Oxford Dictionary;
    a text that mixes "organise" and "organize" looks unedited.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Encourages Member States to criminalise the conduct and to share a programme of work.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Encourages Member States to criminalize the conduct and to share a programme of work.
    ```

    ## Fix safety
    Safe: the same word in the house spelling.

    ## Options
    The style's `[spelling] variant` (`"oxford"`; empty turns the rule off, as in the
    Model UN style).

    ## References
    kb §1.8 (UN Editorial Guide: Concise Oxford, -ize, -yse, programme; quoted text
    keeps its own spelling).
    """

    code = "TRM010"
    name = "spelling"
    summary = "Word not in the style's spelling"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        table, regex = spelling_table(ctx.style.get("spelling.variant", "") or "")
        if regex is None:
            return
        text = ctx.text
        quotes = quote_spans(ctx)
        titles = instrument_spans(ctx)
        for p in own_paragraphs(ctx):
            if p.kind is Kind.TITLE:
                continue  # the title is the agenda item's, set elsewhere
            for m in regex.finditer(text, p.span.start, p.span.end):
                found = m.group(0)
                at_start = m.start() == p.content.start or (p.opener is not None and p.opener.start == m.start())
                if found[0].isupper() and not found.isupper() and not at_start:
                    continue  # a proper name
                if in_spans(m.start(), quotes) or in_spans(m.start(), titles):
                    continue
                right = _recase(found, table[found.lower()])
                if right is None or right == found:
                    continue
                if found.lower() == "program" and text[max(0, m.start() - 9) : m.start()].lower().endswith("computer "):
                    continue  # "computer program" keeps its spelling
                span = Span(m.start(), m.end())
                # "program" is also the computing word, which keeps its spelling: worth a look only.
                sev = Severity.INFO if found.lower() in ("program", "programs") else None
                yield Violation(span, f"This style spells it '{right}'", Fix.safe(f"Write '{right}'", Edit(span, right)), severity=sev)
