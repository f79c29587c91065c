from __future__ import annotations

import functools
import re

from resolint.literals import find_all, matches_at
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import in_spans, instrument_spans, own_matches, term
from resolint_rules.trm.others_words import guarded


@functools.lru_cache(maxsize=16)
def _compiled(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    if not pairs:
        return None
    alt = "|".join(re.escape(w) for w, _ in sorted(pairs, key=lambda p: -len(p[0])))
    # A hyphen of any kind joins the term into a name: "UN-Women" is also written with
    # a hyphen (U+2010) or a non-breaking hyphen (U+2011), which keeps the name on one line.
    return re.compile(rf"(?<![\w\-\u2010\u2011])(?:{alt})(?![\w\-\u2010\u2011])")


def _starts(ctx: RuleContext, pairs: tuple[tuple[str, str], ...]) -> list[int]:
    """Where a wrong term starts (every match of :func:`_compiled`'s pattern starts there).
    The pattern opens with a lookbehind, so ``re`` would try it at every position of the
    text (30 ms a keystroke in a 1 MB INTERPOL compilation); the terms are found by
    ``str.find`` instead (``Analysis.literal_starts``: the server searches only near the
    last edit) and the pattern is tried there, which finds the same matches."""
    return sorted({pos for wrong, _ in pairs for pos in ctx.facts.literal_starts(wrong)})


def _defines(text: str, start: int, end: int, right: str) -> bool:
    """Whether the wrong term at ``start:end`` stands in brackets right after the house
    term, as an abbreviation's definition: "the United Nations (UN)"."""
    return text.startswith(")", end) and text.endswith(right + " (", 0, start)


class OrganizationTerm(Rule):
    """
    ## What it does
    Applies an organization's own term list: each `wrong = "right"` pair of
    `[terms.prefer]` in `resolint.toml` is flagged where the wrong form appears in the
    drafter's own words (not in quotations or official titles).

    ## Why is this bad?
    Organizations have names for their own bodies and programmes ("INTERPOL", not
    "Interpol"; "National Central Bureau", not "national central office"); the house
    term makes texts consistent and searchable.

    ## Example
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING the role of Interpol in police cooperation,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    ## Use instead
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING the role of INTERPOL in police cooperation,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    The INTERPOL style carries this pair, and the un-ga style `"UN" = "United Nations"`
    (kb §1.9: resolutions write the United Nations in full; a name with a hyphen,
    "UN-Women", is not the word "UN", nor is the abbreviation defined in brackets after
    the house term, "the United Nations (UN)"); an organization adds its own in
    `resolint.toml`:

    ```toml
    [terms.prefer]
    "national central office" = "National Central Bureau"
    ```

    ## Fix safety
    Safe when only the case differs; unsafe otherwise (the words change), and in the
    title of a work (after "entitled" or "titled", or in italics) or an address, which
    keep their words.

    ## Options
    `[terms.prefer]` in the configuration or the style (matched case-sensitively, as
    whole words); the configuration's table replaces the style's.

    ## References
    - INTERPOL's own usage on <https://www.interpol.int> ("Secretary General", "member countries", "INTERPOL")
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>

    Repository note: the project knowledge base (`../shared/kb`) §3.1 IP-TERM-02 (INTERPOL / Interpol).
    """

    code = "TRM012"
    name = "organization-term"
    summary = "Term the organization's configuration replaces"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        prefer = term(ctx, "prefer") or {}
        if not isinstance(prefer, dict):
            return
        pairs = tuple(sorted((str(k), str(v)) for k, v in prefer.items() if k and k != v))
        regex = _compiled(pairs)
        if regex is None:
            return
        table = dict(pairs)
        titles = instrument_spans(ctx)
        # Read as the printed draft reads: "Inter\u00adpol" with a soft hyphen (a web page's
        # hyphenation point) or a comment inside it is the term, and TRM014's safe fix
        # that removes the character must not bring in a finding.
        seen = ctx.facts.seen
        text = seen.text
        starts = _starts(ctx, pairs) if not seen.runs else sorted({pos for wrong, _ in pairs for pos in find_all(text, wrong)})
        found = matches_at(regex, text, starts)
        for p, m in own_matches(ctx, [_Found(seen.span(Span(m.start(), m.end())), m) for m in found]):
            if in_spans(m.start(), titles):
                continue
            right = table[m.group(0)]
            if _defines(text, m.read.start(), m.read.end(), right):
                continue  # "the United Nations (UN)": the fix would write the name twice
            if _joined_to_a_name(text, m.read.end()):
                continue  # "UN/CEFACT", "UN.GIFT": a name of its own, not the term
            span = m.span
            edit = Edit(span, right)
            fix = Fix.safe(f"Write '{right}'", edit) if right.lower() == m.group(0).lower() else Fix.unsafe(f"Write '{right}'", edit)
            fix, _ = guarded(ctx, span, fix, p)  # not in a work's title or an address
            yield Violation(span, f"The house term is '{right}'", fix)


class _Found:
    """A wrong term: where it stands in the draft (``span``, what :func:`own_matches`
    reads) and its match in the text as read (``read``)."""

    __slots__ = ("span", "read")

    def __init__(self, span: Span, read: re.Match[str]) -> None:
        self.span, self.read = span, read

    def start(self) -> int:
        return self.span.start

    def end(self) -> int:
        return self.span.end

    def group(self, n: int) -> str:
        return self.read.group(n)


def _joined_to_a_name(text: str, end: int) -> bool:
    """Whether the term ending at ``end`` is joined to a name by "/" or "." ("UN/CEFACT",
    "UN/LOCODE", "UN.GIFT"): those names are written so, and "United Nations/CEFACT" is
    none."""
    return text[end : end + 1] in ("/", ".") and text[end + 1 : end + 2].isalpha() and text[end + 1 : end + 2].isupper()
