from __future__ import annotations

import bisect

from resolint.lazyre import lazy
from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import SourceText, Span
from resolint_rules.refs import TextMatch, in_spans, instrument_spans, own_matches
from resolint_rules.trm.others_words import not_the_drafters

#: The spaces a number may stand apart from its "%" by: "50 %", as French typing puts it,
#: with a no-break space or a narrow one.
_SPACES = " \u00a0\u202f"
#: A Markdown table's row: "|" first on its line.
_TABLE_ROW = lazy(r"[ \t]*\|")
#: The spellings of the word the style's form may replace (the style's own is left alone).
_WORDS = ("percent", "Percent", "per cent", "Per cent")
#: Clauses with an opener, whose italics are the style's, not a title's.
_CLAUSES = (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)
#: Hyphens that join a word into a compound: "-", U+2010 hyphen, U+2011 non-breaking hyphen.
_HYPHENS = ("-", "\u2010", "\u2011")
#: Spaces on the same line before a letter (a capital one: the name a percentage stands
#: in goes on, :func:`_name_goes_on`).
_SPACES_BEFORE_LETTER = lazy(r"[ \t\u00a0\u202f]+(?=[^\W\d_])")


class PerCent(Rule):
    """
    ## What it does
    Finds a percentage written with the sign ("50%", "50 %") or with the word in another
    spelling ("50 percent") in a style that writes "per cent" out, and offers the style's
    form ("50 per cent").

    ## Why is this bad?
    The United Nations writes "per cent" in running text; the sign belongs to tables.
    A draft that mixes "%", "percent" and "per cent" reads as pieced together, and every
    form but the house's is changed by the editors before the text is issued.

    ## Example
    ```
    The General Assembly,

    Noting that 60% of the world's population lives in urban areas,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Noting that 60 per cent of the world's population lives in urban areas,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: only the way the same percentage is written changes. Unsafe for a word joined by
    a hyphen ("a 5-percent increase" would read "5-per cent": reword it), for a capital
    inside a sentence ("the Percent for Art programme", a name's own spelling) and before
    a capitalized word ("the 30% Club", "the 1 Percent Pledge": a name goes on). Unsafe,
    and worth a look only (info), among words of another language ("sobre el 50% de
    los hogares", a foreign law's or programme's words) or inside a longer stretch in
    italics than the opener's (a publication's title), in a title after "entitled" or
    "titled", in a web address, a Markdown code span or an HTML comment.

    ## Options
    The style's `numbers.percent` names the form ("per cent" in the built-in United
    Nations styles); empty, the rule checks nothing (INTERPOL, ITU and Model UN styles,
    whose usage the knowledge base does not record). A "%" that is not after a number
    (a web address's "%20") and one joined to a hyphen of any kind ("50%-owned"), a plus
    or a slash ("50%+1") are left alone, as are quotations, official titles and the rows
    of a Markdown table.

    ## References
    - UN Editorial Manual, "Numbers, dates and time" (percentages in figures, with "per cent" written out; "%" only in tables): <https://www.un.org/dgacm/en/content/editorial-manual/numbers-dates-time>

    Repository note: the project knowledge base (`../shared/kb`) §1.7 UN-NUM-04.
    """

    code = "TRM016"
    name = "per-cent"
    summary = "Percentage not written as the style writes it"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        form = ctx.style.get("numbers.percent", "") or ""
        if not form:
            return
        hits = sorted(_signs(ctx, form) + _words(ctx, form), key=TextMatch.start)
        if not hits:
            return  # most drafts: no percentage at all (two searches of the text)
        titles = instrument_spans(ctx)
        text = ctx.text
        for p, hit in own_matches(ctx, hits):
            if in_spans(hit.start(), titles) or _in_table_row(ctx.source, hit.start()):
                continue
            written = text[hit.start() : hit.end()]
            edit = hit.data
            wanted = text[hit.start() : edit.span.start] + edit.new_text + text[edit.span.end : hit.end()]
            span = Span(hit.start(), hit.end())
            op = ctx.opener(p) if p.kind in _CLAUSES else None
            unless = not_the_drafters(ctx, p, span, op.head.start if op is not None else p.content.start)
            title = f"Write '{wanted}'" + (f" ({unless})" if unless else "")
            fix = Fix.unsafe(title, edit) if unless or _word_needs_review(text, hit) else Fix.safe(title, edit)
            # (Among another language's words or in an italic title, "%" may be theirs: worth a look only.)
            yield Violation(span, f"Write '{wanted}', not '{written}'", fix, severity=Severity.INFO if unless else None)


def _word_needs_review(text: str, hit: TextMatch) -> bool:
    """Whether the word's respelling may damage the text, so the fix is unsafe: a word joined
    by a hyphen ("a 5-percent increase", "percent-based") would become "5-per cent", a
    compound the editors reword; a capital inside a sentence ("the Percent for Art
    programme") is a name's, which keeps its own spelling, and so is a percentage a
    capitalized word follows ("the 30% Club", "the 1 Percent Pledge", "Programa 50%
    Mujeres"). (A "%" is no word joined by a hyphen: "50%-owned" is not found.)"""
    start, end = hit.start(), hit.end()
    if _name_goes_on(text, end):
        return True
    if text[start:end] == "%" or text[end - 1 : end] == "%":
        return False
    if text[start - 1 : start] in _HYPHENS or text[end : end + 1] in _HYPHENS:
        return True
    if not text[start].isupper():
        return False
    before = text[:start].rstrip(" \t*_")
    return bool(before) and before[-1] not in ".!?:;\n" and not before[-1].isdecimal()


def _name_goes_on(text: str, end: int) -> bool:
    """Whether a capitalized word follows ``end`` on the same line, after spaces."""
    m = _SPACES_BEFORE_LETTER.match(text, end)
    return m is not None and text[m.end()].isupper()


def _in_table_row(source: SourceText, at: int) -> bool:
    """Whether ``at`` is on a line of a Markdown table ("| Africa | 40% |"): the sign
    belongs to tables. (The line's start from the line index, not searched back for: a
    long line of percentages was quadratic.)"""
    start = source.line_starts[bisect.bisect_right(source.line_starts, at) - 1]
    return _TABLE_ROW.match(source.text, start, at) is not None


def _signs(ctx: RuleContext, form: str) -> list[TextMatch]:
    """Each "%" right after a number (a space between them taken with it), to be written
    as " " + ``form``."""
    text = ctx.text
    out = []
    for pos in ctx.facts.literal_starts("%"):
        after = text[pos + 1 : pos + 2]
        if after and (after.isalnum() or after in "_%+/" or after in _HYPHENS):
            # "%20" of an address; "50%-owned" ("50%\u2011owned") and "50%+1" join the sign
            # into a compound or a formula, which "50 per cent" would break
            continue
        end = pos - 1 if pos and text[pos - 1] in _SPACES else pos
        number = _number_before(text, end)
        if number is not None:
            out.append(TextMatch(number, pos + 1, data=Edit(Span(end, pos + 1), " " + form)))
    return out


def _number_before(text: str, end: int) -> int | None:
    """Where the number ending at ``end`` starts ("50", "2.5", "1,200"); None when no
    digit ends there or the digits end a code or a word ("A/RES/70/1", "x2")."""
    i = end
    while i and (text[i - 1].isdecimal() or (text[i - 1] in ".," and i >= 2 and text[i - 2].isdecimal())):
        i -= 1
    if i == end or (i and (text[i - 1].isalpha() or text[i - 1] in "/_%")):
        return None
    return i


def _words(ctx: RuleContext, form: str) -> list[TextMatch]:
    """Each whole word of :data:`_WORDS` that is not ``form`` (case kept at its start)."""
    text = ctx.text
    out = []
    starts = ctx.facts.literals_starts(_WORDS)
    for word in _WORDS:
        if word.lower() == form.lower():
            continue
        want = form[0].upper() + form[1:] if word[0].isupper() else form
        for pos in starts[word]:
            end = pos + len(word)
            if (pos and text[pos - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue  # "percentage", "percentile"
            out.append(TextMatch(pos, end, data=Edit(Span(pos, end), want)))
    return out
