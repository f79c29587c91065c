"""Helpers shared by several built-in rules: casing, inflection, suggestions, spans."""

from __future__ import annotations

import functools
import re

from resolint.invisible import readable
from resolint.model import Kind, Paragraph
from resolint.nlp import inflect, is_known_form, match_case
from resolint.openers import TRAILING_PREPOSITIONS, Opener
from resolint.parser.wordshape import OPERATIVE_SPECIAL, is_finite_verb
from resolint.rule import Edit, Fix, RuleContext, Severity, Violation
from resolint.source import Span

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_OPERATIVE = Kind.OPERATIVE


def recased_in_place(ctx: RuleContext, span: Span, want: str) -> str:
    """What replaces ``span`` to make it read ``want``, its letters recased: the text as
    written, each letter in ``want``'s case, when the span holds a line break inside a
    word ("recog-" / "nizing", read whole by :meth:`RuleContext.read`): the case fix
    changes the case, and leaves the hyphen and the line break to the drafter. ``want``
    itself when the letters do not pair up."""
    raw = ctx.text[span.start : span.end]
    if "\n" not in raw:
        return want
    wanted = iter([ch for ch in want if ch.isalpha()])
    out = []
    for ch in raw:
        if ch.isalpha():
            new = next(wanted, "")
            if new.lower() != ch.lower():
                return want
            ch = new
        out.append(ch)
    return want if next(wanted, None) is not None else "".join(out)


def first_line_span(ctx: RuleContext, p: Paragraph) -> Span:
    """The paragraph's first line: a diagnostic range that does not swallow a page."""
    text = ctx.text
    nl = text.find("\n", p.span.start, p.span.end)
    end = p.span.end if nl < 0 else nl
    while end > p.span.start and text[end - 1] in "\r ":
        end -= 1
    return Span(p.span.start, max(end, p.span.start))


def head_span(ctx: RuleContext, p: Paragraph) -> Span:
    """Where to point for a paragraph-level problem: its opener, else its first line."""
    if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE):
        op = ctx.opener(p)
        if op is not None:
            return op.span
    return first_line_span(ctx, p)


def expected_case(ctx: RuleContext, opener_text: str, case: str, capitalize_first: bool = True) -> str:
    """The opener as the style writes it.

    ``upper``: every word in capitals, except a trailing preposition, which may keep
    its case ("SHOCKED by"). ``sentence``: first word capitalized, the rest lower case
    ("Recalling also", "Takes note with appreciation"). ``lower``: every word in lower
    case ("recalling further", the openers of ITU groups).
    """
    return _in_case(opener_text, case, capitalize_first)


def opener_case(ctx: RuleContext, part: str) -> str:
    """The case the openers of ``part`` (``"preambular"`` or ``"operative"``) are held
    to in this draft: the style's (``openers.<part>-case``), except in a style that lets
    a draft write its openers in capitals (``openers.capitals-if-most``: Model UN, whose
    conferences differ). There a part whose listed openers are mostly in capitals
    ("DEEPLY CONCERNED", "CALLS UPON") is held to capitals, so that only the odd one out
    is reported, not every clause of a draft written to its conference's rule."""
    case = ctx.style.opener_case_in(part)
    if case != "sentence" or not ctx.style.get("openers.capitals-if-most", False):
        return case
    return "upper" if part in ctx.facts.derived(_parts_in_capitals) else case


def _parts_in_capitals(facts) -> frozenset[str]:
    """The parts most of whose listed openers (two at least) are written in capitals."""
    text = facts.resolution.source.text
    out = set()
    for part, paragraphs in (("preambular", facts.preamble), ("operative", facts.of_kinds((_OPERATIVE,)))):
        upper = other = 0
        for p in paragraphs:
            op = facts.opener(p)
            if op is None or op.phrase is None:
                continue
            if readable(text[op.span.start : op.span.end]).isupper():  # as the case rules read it: "DEEP<!-- -->LY"
                upper += 1
            else:
                other += 1
        if upper >= 2 and upper > other:
            out.add(part)
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def _in_case(opener_text: str, case: str, capitalize_first: bool) -> str:
    """:func:`expected_case`, kept: the case rules ask it of every clause, and a draft
    repeats a few dozen openers."""
    words = list(_WORD.finditer(opener_text))
    out = list(opener_text)
    for i, m in enumerate(words):
        w = m.group(0)
        if case == "upper":
            is_trailing_prep = i == len(words) - 1 and i > 0 and w.lower() in TRAILING_PREPOSITIONS
            new = w if is_trailing_prep and w.islower() else w.upper()
        else:
            new = w.lower()
            if i == 0 and capitalize_first and case != "lower":
                new = w[:1].upper() + w[1:].lower()
        out[m.start() : m.end()] = list(new)
    return "".join(out)


def opener_to_rewrite(ctx: RuleContext, op: Opener) -> bool:
    """Whether the rules that rewrite an opener (its case: PRE003, OPR006; where its
    "also" or "further" stands: PRE007, OPR011) may rewrite ``op``: a listed phrase, or an
    unlisted one whose head is a verb form ("REGISTERING", an opener the list lacks). Not
    an acronym or a name an unplaced paragraph starts with: "UNODC and UNICEF have …" is
    no opener to write 'Unodc', nor "New Zealand …" 'NEW' in an all-capitals style, nor
    "Further to its resolution …" one to write 'To further'."""
    if op.phrase is not None:
        return True
    return _is_verb_form(ctx.read(op.head).lower())


@functools.lru_cache(maxsize=4096)
def _is_verb_form(word: str) -> bool:
    """Whether the lower-case ``word`` is a verb's "-ing" or third-person form; kept per
    word: four rules ask it of every unlisted opener."""
    return is_known_form(word, "VBG") or is_known_form(word, "VBZ")


@functools.lru_cache(maxsize=64)
def _compared_forms(phrases: tuple[str, ...]) -> list[str]:
    """``phrases`` as :func:`suggest` compares them (rapidfuzz's default processing: lower
    case, no punctuation), worked out once per list rather than at every unknown opener
    (half of each suggestion's time)."""
    from rapidfuzz import utils

    return [utils.default_process(p) for p in phrases]


@functools.lru_cache(maxsize=4096)
def suggest(word_or_phrase: str, phrases: tuple[str, ...], n: int = 1) -> tuple[str, ...]:
    """The listed phrases nearest to what the drafter wrote (similarity of at least 80%).
    Kept per word: a draft that repeats an unknown opener (or a hostile one of a hundred
    thousand one-letter paragraphs) asks once."""
    from rapidfuzz import fuzz, process, utils

    hits = process.extract(utils.default_process(word_or_phrase), _compared_forms(phrases), scorer=fuzz.ratio, processor=None,
                           limit=n, score_cutoff=80)
    return tuple(phrases[h[2]] for h in hits)


def suggestion_fix(ctx: RuleContext, op: Opener, phrases: tuple[str, ...], part: str):
    """For an unlisted opener: an unsafe fix to the nearest listed phrase and a hint.

    The whole opener is replaced when it resembles a phrase ("Recaling also"), else only
    its head word ("Requsts the" -> "Requests the"). (None, "") when nothing is close.
    """
    written = ctx.read(op.span)
    whole = suggest(written, phrases)
    hits = whole or suggest(ctx.read(op.head), phrases)
    if not hits:
        return None, ""
    replacement = expected_case(ctx, hits[0], opener_case(ctx, part))
    target = op.span if whole else op.head
    if replacement.lower() == ctx.slice(target).lower():
        # The same word, at most in another case ("Also welcomes78/330", "Recalling\x01":
        # the word is listed, what is glued to it is not). The case rules own case; a
        # fix here would undo theirs pass after pass, or change nothing at all.
        return None, ""
    return Fix.unsafe(f"Replace with '{replacement}'", Edit(target, replacement)), f"; did you mean '{replacement}'?"


def reported_otherwise(ctx: RuleContext, op: Opener, phrases: tuple[str, ...]) -> list[Violation] | None:
    """What PRE002 and OPR005 report instead of "not a listed opener" for an opener they
    do not find in ``phrases``: nothing for one listed in another spelling (TRM010's) or
    with a look-alike letter (TRM015's), the letter-spaced finding for one spelt out by a
    PDF copy; None when it is an unknown opener after all."""
    if listed_in_another_spelling(ctx, op, phrases) or opener_has_look_alike(ctx, op):
        return []
    spaced = letter_spaced_opener(ctx, op, phrases)
    return None if spaced is None else [spaced]


def listed_in_another_spelling(ctx: RuleContext, op: Opener, phrases: tuple[str, ...]) -> bool:
    """Whether an opener the style does not list is one of ``phrases`` in another
    spelling ("Emphasising", "Recognising also", "Authorises"), after the adverbs before
    it ("Further authorises"): not an unknown opener. Where the style prescribes a
    spelling, TRM010 reports the word (reporting it again as an unknown opener said the
    same thing twice, and suggested another verb); where it does not (Model UN: delegates
    keep their national spelling), there is nothing to report."""
    written = ctx.read(op.span)
    if _respelled_is_listed(written, phrases):
        return True
    return op.before is not None and _respelled_is_listed(ctx.read(Span(op.head.start, op.span.end)), phrases)


def opener_has_look_alike(ctx: RuleContext, op: Opener) -> bool:
    """Whether the opener's first word runs on into a Cyrillic or Greek letter drawn like
    a Latin one ("Rеcalling": the opener read stops at "R"): TRM015 reports the word, and
    an unknown opener 'R' said nothing true."""
    look_alike = _look_alike_letters()
    text, at = ctx.text, op.head.start
    end = min(len(text), at + 40)
    while at < end and text[at].isalpha():
        if text[at] in look_alike:
            return True
        at += 1
    return False


@functools.cache
def _look_alike_letters() -> frozenset[str]:
    """TRM015's letters, imported on first use (its module imports this one): an import
    statement at every unknown opener was 3% of the lint of a draft of one-letter
    paragraphs."""
    from resolint_rules.trm.look_alike_letter import LATIN_LOOK_ALIKE

    return frozenset(LATIN_LOOK_ALIKE)


#: An opener letter-spaced by a PDF copy ("I n v i t e s", "R E C A L L I N G"): four
#: letters or more, each followed by one space, the last ending the word.
_LETTER_SPACED = re.compile(r"(?:[A-Za-z] ){3,}[A-Za-z](?![A-Za-z])")


def letter_spaced_opener(ctx: RuleContext, op: Opener, phrases: tuple[str, ...]) -> Violation | None:
    """The opener written letter by letter, when its letters joined are the first word of
    one of ``phrases``: "'I n v i t e s' is letter-spaced: write 'Invites'", with the fix
    (safe: the word is what it shows). An unknown opener 'I' said nothing true. None
    otherwise."""
    start = op.head.start
    m = _LETTER_SPACED.match(ctx.text, start, min(len(ctx.text), start + 160))
    if m is None:
        return None
    joined = m.group(0).replace(" ", "")
    if joined.lower() not in listed_heads(phrases):
        return None
    span = Span(m.start(), m.end())
    fix = Fix.safe(f"Write '{joined}'", Edit(span, joined))
    return Violation(span, f"'{m.group(0)}' is letter-spaced: write '{joined}'", fix, Severity.WARNING)


@functools.lru_cache(maxsize=4096)
def _respelled_is_listed(written: str, phrases: tuple[str, ...]) -> bool:
    """Whether ``written`` respelled (each word by one of the spelling tables) is one of
    ``phrases``. Kept per opener: every unknown opener of a draft asks, and a draft
    repeats its unknown openers."""
    from resolint_rules.trm.spelling import FILES, spelling_table

    words = written.split()
    for variant in FILES:
        table, _ = spelling_table(variant)
        respelled = [table.get(w.lower(), w) for w in words]
        if respelled != words and " ".join(respelled).lower() in _lowered(phrases):
            return True
    return False


@functools.lru_cache(maxsize=16)
def listed_heads(phrases: tuple[str, ...]) -> frozenset[str]:
    """The first word of each of ``phrases``, in lower case: the participles (and
    adjectives, adverbs) the list opens with."""
    return frozenset(p.split()[0].lower() for p in phrases if p.split())


@functools.lru_cache(maxsize=16)
def _lowered(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(p.lower() for p in phrases)


def inflect_like(word: str, tag: str) -> str | None:
    """``word`` inflected to ``tag`` with its casing kept ("Recalls" -> "Recalling")."""
    form = inflect(word, tag)
    if not form or form.lower() == word.lower():
        return None
    return match_case(word, form)


#: Third-person verb forms that open a paragraph of a resolution as nouns: "States
#: parties to the Convention", "States Members of the United Nations". No style lists
#: "States" as an operative opener; read as the verb, PRE001 offered "Stating".
NOUN_FIRST = frozenset({"states"})


@functools.lru_cache(maxsize=4096)
def reads_as_operative_verb(word: str) -> bool:
    """Whether a lower-case opener head is an operative verb written where a preambular
    opener belongs (PRE001 reports it; PRE002 leaves it to PRE001). The parser's shape
    test (any word ending in "s") is enough to place a paragraph, not to tell a drafter
    "Its" is a verb to put in the "-ing" form: the word must be a verb's third-person
    form the dictionary knows, and not one that drafts use as a noun (:data:`NOUN_FIRST`);
    other words are openers the style does not list."""
    return is_finite_verb(word) and word not in NOUN_FIRST and (word in OPERATIVE_SPECIAL or is_known_form(word, "VBZ"))


def opener_text(ctx: RuleContext, op: Opener) -> str:
    return ctx.read(op.span)


def unlisted_opener(ctx: RuleContext, p: Paragraph) -> tuple[Opener, str] | None:
    """The opener of ``p`` and its head word, when the opener is not a phrase the style
    lists: what the opener rules of both parts examine (the wrong form of a verb, an
    unknown opener)."""
    op = ctx.opener(p)
    if op is None or op.listed:
        return None
    return op, ctx.read(op.head)


def is_list_item(p: Paragraph) -> bool:
    """An item of an INTERPOL list ("CALLS UPON … to:" then "1. encourage …;")."""
    return p.kind is _OPERATIVE and p.parent is not None
