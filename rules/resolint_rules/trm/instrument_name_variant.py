from __future__ import annotations

from resolint.citations.nearmiss import WORD, NearMiss, near_misses, normalize
from resolint.citations.refdata import instruments_for
from resolint.invisible import ReaderView
from resolint.lazyre import lazy
from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, in_spans, quote_spans
from resolint_rules.trm.others_words import guarded

#: Paragraphs whose words are the resolution's own (a title or an annex may quote).
_OWN_TEXT = (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)


class InstrumentNameVariant(Rule):
    """
    ## What it does
    Finds wrong names of known instruments and offers the official one: "United
    Nations Convention Against Corruption" (capital "Against"), "United Nations
    Convention on Cybercrime" (which names the Budapest treaty), "UN Charter". Besides
    the wrong names listed for an instrument, any name that comes close to a registered
    title, short title or alias, anywhere in the text, is reported with the official
    title as the fix: "the UN Convention against Corruption", "Charter of the UN",
    "Convention on the Rights of a Child" (a similarity of 90 of 100 or more, with "UN"
    read as "United Nations"; "Convention against Cybercrime" and "Convention against
    Corruption", at 86, stay two treaties). A close name followed by "in", "for",
    "between" or "among" and a capitalized word may head another instrument's longer
    name ("Treaty for the Prohibition of Nuclear Weapons in Latin America", the Treaty
    of Tlatelolco's old title) and is left alone. The message quotes the title in full.

    ## Why is this bad?
    Instruments are identified by their exact titles. A wrong preposition or capital
    reads as careless; a title borrowed from another treaty names the wrong
    instrument — the Council of Europe's "Convention on Cybercrime" is not the United
    Nations Convention against Cybercrime.

    ## Example
    ```
    The General Assembly,

    Welcoming the entry into force of the United Nations Convention Against Corruption,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Welcoming the entry into force of the United Nations Convention against Corruption,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe when only case or punctuation changes ("Against" → "against", ":" → ";"), unless
    a capitalized word follows, which may make it part of another name ("… Children Born
    Abroad"), or the name stands in the title of a work, after "entitled" or "titled" (up
    to the next comma, semicolon, bracket or full stop) or inside a
    longer stretch in italics ("*The United Nations Convention Against Corruption: A
    Commentary*", a book, whose title is its own);
    unsafe when the words change ("Convention on Cybercrime" → "Convention against
    Cybercrime"), since the drafter may have meant the other treaty. A near-miss is
    always unsafe, and has no fix when the words before it are the start of the title
    it lacks ("Unite Nations Convention Against Corruption", read from "Convention"): the
    title written there would repeat them. A name that opens a clause and differs only in the case the style
    gives openers ("CONVENTION on Cybercrime" in an INTERPOL clause) is not a near miss.

    ## Options
    None. An organization lists its own wrong names under
    `[[terms.instruments."Title".variants]]` (`text`, `fix`, `safe`).

    ## References
    - United Nations Convention against Cybercrime, annexed to General Assembly resolution 79/243 of 24 December 2024 (A/RES/79/243): <https://undocs.org/A/RES/79/243>
    - United Nations Convention against Transnational Organized Crime, adopted by General Assembly resolution 55/25 of 15 November 2000 (A/RES/55/25): <https://undocs.org/A/RES/55/25>
    - United Nations Convention against Corruption, adopted by General Assembly resolution 58/4 of 31 October 2003: <https://legal.un.org/avl/ha/uncc/uncc.html>

    Repository note: the project knowledge base (`../shared/kb`) §5.1 CYB-03, §5.3 (official titles with lower-case "against").
    """

    code = "TRM001"
    name = "instrument-name-variant"
    summary = "Instrument called by a wrong name"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        taken = []
        for m in citations(ctx).instruments:
            taken.append(m.span)
            if m.form != "variant" or m.in_annex or m.in_quote:
                continue
            edit = Edit(m.span, m.variant_fix)
            title = f"Write '{m.variant_fix}'"
            safe = m.variant_safe and not _name_goes_on(ctx.text, m.span.end)
            # In the title of a work that names it (after "entitled", in italics) the name
            # is the work's: unsafe there, as for every TRM rule (others_words.guarded).
            fix, _ = guarded(ctx, m.span, Fix.safe(title, edit) if safe else Fix.unsafe(title, edit))
            yield Violation(m.span, f"'{m.text}' is not the title of the {m.instrument.short}: {m.variant_why}", fix)
        yield from self._near_misses(ctx, taken)

    def _near_misses(self, ctx: RuleContext, taken):
        instruments = instruments_for(ctx.resolution.terms)
        quotes = quote_spans(ctx)
        own = [p for p in ctx.resolution.paragraphs if p.kind in _OWN_TEXT]
        ranges = [(p.content.start, p.content.end) for p in own]
        numbers = ctx.facts.paragraph_numbers()  # with the language server's memo only

        def kept(n: int, start: int, names: list[tuple[int, int]], compute):
            # A range's results follow from its paragraph (text and place: its number),
            # the names recognized in it and the instruments known.
            names_in = tuple((s - start, e - start) for s, e in names)
            return ctx.facts.kept((self.code, numbers[own[n].index], names_in, id(instruments)), compute)  # type: ignore[index]

        seen = ctx.facts.seen
        if not seen.runs:
            found = near_misses(ctx.text, ranges, instruments, taken, ctx.facts.pattern_spans, None if numbers is None else kept)
        else:
            found = _near_misses_seen(seen, ranges, instruments, taken)
        for nm in found:
            if in_spans(nm.span.start, quotes):
                continue
            official = nm.instrument.short
            if _only_the_openers_case(ctx, nm.span, nm.text, official):
                continue
            fix = None if _writes_again_the_words_before(ctx.text, nm.span.start, nm.text, official) else (
                Fix.unsafe(f"Write '{official}'", Edit(nm.span, official))
            )
            # (As written, but on one line: a name an editor wrapped, perhaps indented.)
            yield Violation(nm.span, f"'{' '.join(nm.text.split())}' is not the title of the {official}", fix)


def _near_misses_seen(seen: ReaderView, ranges, instruments, taken) -> list[NearMiss]:
    """The near-misses of a text with a comment or an invisible character in it, read as a
    reader sees it ("UN Convention against Corrup\u00adtion"): what a safe fix that
    removes the character or the comment leaves is then what was checked. Worked out
    afresh (the language server's memo keeps a paragraph's results by its own text, and a
    comment may run from one paragraph into the next)."""
    fwd = seen.forward
    found = near_misses(
        seen.text, [(fwd(a), fwd(b)) for a, b in ranges], instruments, [Span(fwd(t.start), fwd(t.end)) for t in taken]
    )
    return [NearMiss(seen.span(nm.span), nm.text, nm.instrument, nm.name, nm.score) for nm in found]


def _only_the_openers_case(ctx: RuleContext, span, written: str, official: str) -> bool:
    """Whether ``written`` is ``official`` but for the case of the words that open the
    clause: "CONVENTION on Cybercrime" opening an INTERPOL clause. The opener's case is
    the style's (OPR006, PRE003); fixing the name back undid that fix, and the two never
    converged (found by the fuzzer)."""
    p = ctx.facts.paragraph_at(span.start)
    op = None if p is None else ctx.opener(p)
    if op is None or op.span.start != span.start:
        return False
    k = min(op.span.end, span.end) - span.start
    return written[:k].lower() == official[:k].lower() and official[:k] + written[k:] == official


#: The word just before a stretch of text (a word as the near-miss search cuts them), and
#: the spaces or line break after it.
_WORD_BEFORE = lazy(rf"({WORD.pattern})[ \t\u00a0]*(?:\r\n|\n|\r)?[ \t\u00a0]*$")


def _writes_again_the_words_before(text: str, start: int, written: str, official: str) -> bool:
    """Whether the title a near-miss's fix writes starts with words the near-miss lacks,
    the last of which (or its end) already stands just before it: "Nations Convention
    Against Corruption" is close to the alias "Convention against Corruption", and the
    title written over it made "Nations United Nations Convention against Corruption";
    "Unite\nd Nations …", a word split by a line break, left "d" there (fuzz/mutate.py).
    The name starts before the near-miss, mistyped: no fix can know where, so none is
    offered (the finding stays)."""
    have, want = normalize(written).split(), normalize(official).split()
    if not have or not want or have[0] == want[0] or have[0] not in want:
        return False
    missing_end = want[want.index(have[0]) - 1]
    m = _WORD_BEFORE.search(text, max(0, start - 80), start)
    return m is not None and missing_end.endswith(normalize(m.group(1)))


def _name_goes_on(text: str, end: int) -> bool:
    """Whether a capitalized word follows the wrong name ("the Convention on the Rights of
    Children Born Abroad", "the United Nations Convention Against Corruption Prevention
    Network"): the words may be another document's or body's name that holds them, which the
    safe fix would rename; the finding stays, with an unsafe fix."""
    i = end
    while i < len(text) and text[i] in " \u00a0":
        i += 1
    return i > end and i < len(text) and text[i].isupper()
