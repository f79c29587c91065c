from __future__ import annotations

import bisect
import re

from resolint.invisible import as_read, document_has_comment, document_may_hide
from resolint.lazyre import lazy
from resolint.model import Kind
from resolint.openers import MODIFIER_WORDS, WORD_GAP, auxiliary_phrase
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.common import expected_case, opener_case


class RepeatedPreambularOpener(Rule):
    """
    ## What it does
    Reports a preambular opener that repeats the opener of the paragraph just before it
    without "also" or "further", and offers the form the style prefers ("Recalling
    also" in UN and INTERPOL style). Openers repeated further apart are left alone:
    adopted UN texts do that routinely. So is a repeated opener that "in particular" or
    "in this regard" (or "in that respect", "in this context") marks as "also" would:
    "Recalling in particular …", "Welcoming in this regard also …". A participle with how
    it is felt ("Noting with great concern", "Recalling with appreciation") is another
    opener than the bare one, as adopted General Assembly resolutions write them, and
    the same again takes "also" after the participle or after the whole ("Noting with
    grave concern also …"). An opener formed with "Being" or "Having been" and a listed
    phrase or a participle repeats that phrase ("Being aware that" after "Aware that" or
    itself; "Having been informed" twice), as does one formed with "Being" and the words
    up to their preposition ("Being a party to" twice), and takes "also" after its first
    word ("Being also aware that", "Having also been informed", "Being also a party to"). The first preambular paragraph after operative ones (a
    resolution in sections, each with its own preamble) repeats nothing.

    ## Why is this bad?
    UN usage marks a repeated opener: "Recalling …, Recalling also …, Recalling further
    …". Without the modifier the second paragraph reads as a duplicate.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    Recalling its resolution 76/3 of 4 November 2021,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    Recalling also its resolution 76/3 of 4 November 2021,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Unsafe: it adds a word ("also"), and the drafter may prefer "further".

    ## Options
    None; where the modifier goes comes from the style (`[openers] preamble-modifier`).

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>

    Repository note: the project knowledge base (`../shared/kb`) §1.2 UN-PRE-05.
    """

    code = "PRE006"
    name = "repeated-preambular-opener"
    summary = "Preambular opener repeated without also/further"
    default_severity = Severity.INFO
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.UNSAFE

    #: A clause's finding depends on its own opener and on the clause just before it in
    #: the preamble (its opener, and whether it is in the same resolution of a
    #: compilation): the language server keeps it per clause, keyed by the text of the one
    #: before (:meth:`paragraph_keys`), and looks no opener up for a clause it kept.
    local = True

    def document_key(self, ctx: RuleContext):
        # The case a Model UN draft's openers are held to depends on its other openers.
        return opener_case(ctx, "preambular")

    def paragraphs(self, ctx: RuleContext):
        return ctx.facts.preamble

    def paragraph_keys(self, ctx: RuleContext):
        return ctx.facts.derived(_previous_clause_keys)

    def check_paragraph(self, ctx: RuleContext, p):
        q = ctx.facts.derived(_previous_clause).get(p.index)
        if q is None:
            return
        op, before = _unmodified_phrase(ctx, p), _unmodified_phrase(ctx, q)
        if op is None or before is None or before[1] != op[1]:
            return
        span, also_at = op[0], op[2]
        written = ctx.read(span)
        case = opener_case(ctx, "preambular")
        if also_at is not None:
            # "Being aware that" / "Having been informed": "also" after the auxiliary's
            # first word ("Being also aware that", "Having also been informed"), in
            # every style ("Further being aware" is no English).
            word = "ALSO" if case == "upper" else "also"
            at = also_at - span.start
            new = f"{written[:at]} {word}{written[at:]}"
            edit = Edit(Span(also_at, also_at), f" {word}")
        elif ctx.style.get("openers.preamble-modifier", "after") == "before":
            word = expected_case(ctx, "Further", case)
            new = f"{word} {written[:1].lower() + written[1:] if case != 'upper' else written}"
            edit = Edit(span, new)
        else:
            word = "ALSO" if case == "upper" else "also"
            # Before the phrase's last word when it is "that", "of" … ("Aware also of",
            # not "Aware of also": the word belongs to what follows).
            tail = _FUNCTION_WORD_LAST.search(written)
            at = len(written) if tail is None else tail.start()
            new = f"{written[:at]} {word}{written[at:]}"
            edit = Edit(Span(span.start + at, span.start + at), f" {word}")
        # The message names the opener as the style writes it ("Recalling also" for a
        # "RECALLING" in a UN style); the fix adds the word only (PRE003 fixes the case).
        shown = expected_case(ctx, new, case)
        yield Violation(span, f"'{written}' repeats an earlier opener; write '{shown}'", Fix.unsafe(f"Change to '{new}'", edit))


#: The last word of a listed phrase that goes with what follows it: "Aware of", "Aware
#: that", "Deeply concerned by" take "also" before it ("Aware also that", as the phrase
#: list itself writes it).
_FUNCTION_WORD_LAST = re.compile(r"[ \t\u00a0]+(?:that|of|by|to|with|in|at|on|for|about|from)$", re.IGNORECASE)

#: A listed phrase that starts with a modifier ("also welcoming").
_MODIFIER_FIRST = tuple(f"{w} " for w in MODIFIER_WORDS)

#: What marks a repeated opener as "also" does when it follows the phrase: "Recalling in
#: particular …", "Noting in this regard …", "Welcoming in this regard also …" (adopted
#: General Assembly resolutions write these after the same participle, without "also").
_MARKS_REPETITION = re.compile(rf"{WORD_GAP}+in{WORD_GAP}+(?:particular|(?:this|that){WORD_GAP}+(?:regard|respect|context))\b", re.IGNORECASE)


#: How the participle is felt, after it: "Noting with great concern", "Recalling with
#: appreciation". The phrase so qualified is another opener than the bare participle
#: (adopted General Assembly resolutions write "Noting …," then "Noting with grave concern
#: …," without "also"), and "also" may follow it ("Noting with grave concern also …").
_QUALIFIED = re.compile(
    rf"{WORD_GAP}+with{WORD_GAP}+((?:[a-z]+{WORD_GAP}+){{0,3}}?"
    r"(?:concern|appreciation|satisfaction|regret|alarm|interest|gratitude|approval|dismay|disappointment|sadness|pride))\b"
    rf"(?:{WORD_GAP}+(also|further)\b)?",
    re.IGNORECASE,
)


#: The gap between two words of an opener (spaces and marks of direction).
_GAPS = re.compile(f"{WORD_GAP}+")


#: "also" or "further" after the phrase (past the emphasis that closed on it).
_MODIFIER_AFTER = lazy(rf"{WORD_GAP}+(?:also|further)\b", re.IGNORECASE)


def _past_emphasis(text: str, pos: int, end: int) -> int:
    """Past the Markdown emphasis that closes at ``pos`` ("*Recalling* also …")."""
    while pos < end and text[pos] in "*_":
        pos += 1
    return pos


def _unmodified_phrase(ctx: RuleContext, p) -> tuple[Span, str, int | None] | None:
    """The span and phrase (lower case, with how it is felt: :data:`_QUALIFIED`) of the
    listed opener of ``p`` when it carries no "also"/"further" (nor another modifier),
    and where "also" goes when the opener is formed with an auxiliary ("Being aware
    that": :func:`_auxiliary`; None for a listed one); None otherwise."""
    op = ctx.opener(p)
    if op is None:
        return None
    if not op.listed:
        return _auxiliary(ctx, p, op)
    phrase = op.phrase.lower()
    if op.before is not None or op.after is not None or phrase.endswith(MODIFIER_WORDS) or phrase.startswith(_MODIFIER_FIRST):
        return None
    end = _past_emphasis(ctx.text, op.span.end, p.content.end) if op.emphasis else op.span.end
    if end != op.span.end and _MODIFIER_AFTER.match(ctx.text, end, p.content.end):
        return None  # "*Recalling* also …": the emphasis closes before the modifier
    felt = _felt(ctx, p, end)
    return None if felt is None else (op.span, phrase + felt, None)


def _auxiliary(ctx: RuleContext, p, op) -> tuple[Span, str, int | None] | None:
    """An unlisted opener formed with "Being" or "Having been" and a listed phrase or a
    participle (:func:`resolint.openers.auxiliary_phrase`) read as that phrase: "Being
    aware that" repeats "Aware that" as "Aware that" would. PRE001 and PRE002 still
    read the opener as written."""
    aux = auxiliary_phrase(ctx, p, op)
    if aux is None or aux.modified or any(w in MODIFIER_WORDS for w in aux.phrase.split()):
        return None
    end = _past_emphasis(ctx.text, aux.span.end, p.content.end) if op.emphasis else aux.span.end
    if _MODIFIER_AFTER.match(ctx.text, end, p.content.end):
        return None  # "Being convinced also that …"
    felt = _felt(ctx, p, end)
    return None if felt is None else (aux.span, aux.phrase + felt, op.head.end)


def _felt(ctx: RuleContext, p, end: int) -> str | None:
    """What follows the phrase at ``end`` and belongs to the opener: " with great
    concern" (:data:`_QUALIFIED`), "" for nothing; None when it marks the repetition
    ("in particular", "with concern also")."""
    text, stop = ctx.text, p.content.end
    if document_may_hide(text) or document_has_comment(text):
        # Read as the printed draft shows it: "with gra\u00adve concern" is "with grave
        # concern" (its comments, and the invisible characters inside its words, left out).
        text = as_read(text[end:stop])
        end, stop = 0, len(text)
    if _MARKS_REPETITION.match(text, end, stop):
        return None
    qualified = _QUALIFIED.match(text, end, stop)
    if qualified is None:
        return ""
    if qualified.group(2) is not None:
        return None  # "Noting with grave concern also …"
    # The words of the key joined by one space, whatever gap the draft has between them:
    # a mark of direction is part of the gap (WORD_GAP), and "with grave\u2069 concern" is
    # the same opener as "with grave concern" (split() kept the mark in the key).
    return f" with {_GAPS.sub(' ', qualified.group(1).lower())}"


def _previous_clause(facts) -> dict[int, object]:
    """Clause index -> the clause just before it in the preamble, in the same part, with
    no operative paragraph between: each section of a resolution in sections may have a
    preamble of its own ("I" / "American Samoa" / "Taking note of the working paper …" /
    "1. Welcomes …" / "II" / "Anguilla" / "Taking note of the working paper …"), which
    opens as the one before did without repeating it."""
    clauses = facts.preamble
    operative = [p.index for p in facts.of_kinds((Kind.OPERATIVE,))]
    return {p.index: q for q, p in zip(clauses, clauses[1:], strict=False) if q.part == p.part and not _any_between(operative, q.index, p.index)}


def _any_between(indexes: list[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted ``indexes`` lies strictly between ``lo`` and ``hi``."""
    i = bisect.bisect_right(indexes, lo)
    return i < len(indexes) and indexes[i] < hi


def _previous_clause_keys(facts) -> dict[int, object]:
    """Clause index -> what stands for the clause before it (its opener follows from its
    text): its paragraph number in the server's memo (``Analysis.paragraph_numbers``: a
    small int instead of a clause's text to hash after every edit), else its text; None
    for the first clause of a part."""
    before = facts.derived(_previous_clause)
    numbers = facts.paragraph_numbers()
    if numbers is not None:
        return {p.index: None if (q := before.get(p.index)) is None else numbers[q.index] for p in facts.preamble}
    text = facts.text
    return {p.index: None if (q := before.get(p.index)) is None else text[q.span.start : q.span.end] for p in facts.preamble}
