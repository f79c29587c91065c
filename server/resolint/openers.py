"""Find the opener of a paragraph: the phrase its drafting rules are about.

The style lists the phrases ("Recalling", "Deeply concerned", "Calls upon"); the phrase
matcher of :mod:`resolint.nlp` (which matches as spaCy's PhraseMatcher does) finds the
longest listed phrase at the start of the paragraph. Around it
we accept the modifiers drafters add rather than listing every combination: "also" or
"further" after a participle ("Recalling also") or before a verb ("Also requests"),
"Further" before a participle (the Model UN form), and an adverb before either
("Deeply regretting", "Strongly condemns"). When no listed phrase matches, the opener
is the leading word (or, in an all-capitals style, the leading run of capitals), so
that casing and form can still be checked.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Protocol

from resolint.invisible import (
    BROKEN_AT_LINE_END,
    DIRECTION_MARKS,
    INLINE_TAG,
    INLINE_TAG_START,
    TO_HYPHEN_MINUS,
    ReaderView,
    document_has_comment,
    document_may_hide,
    inside_word_runs,
    readable,
)
from resolint.model import Kind, Paragraph
from resolint.nlp import HEAD_CHARS, known_forms
from resolint.records import record
from resolint.source import Span

if TYPE_CHECKING:
    from resolint.nlp import Nlp, PhraseMatch
    from resolint.styles import Style


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_PREAMBLE = Kind.PREAMBLE


class OpenerContext(Protocol):
    """What finding an opener reads: the text, the house style and the phrase matcher
    (a :class:`resolint.facts.Analysis`, which also keeps each opener found)."""

    @property
    def text(self) -> str: ...
    @property
    def style(self) -> Style: ...
    @property
    def nlp(self) -> Nlp: ...

MODIFIER_WORDS = ("also", "further")
#: How far past a paragraph's start its opener's words are read.
_WORDS_REACH = HEAD_CHARS + 40
ADVERBS = frozenset(
    ["deeply", "fully", "firmly", "gravely", "strongly", "solemnly", "seriously", "keenly", "profoundly", "once", "again", "further", "also", "equally", "urgently", "earnestly", "formally", "hereby", "therefore", "respectfully", "most", "ever"]
)


#: Participles that carry the adjective after them as an adverb would: the Security
#: Council's "Remaining deeply concerned", "Remaining convinced" (read as "Deeply
#: concerned", "Convinced" qualified; PRE002 took "Remaining" for a misspelt "Reminding").
LINKING_PARTICIPLES = frozenset(["remaining"])


def _is_adverb(word: str) -> bool:
    """A word that may qualify the opener after it ("Particularly concerned")."""
    w = word.lower()
    return w in ADVERBS or (len(w) > 4 and w.endswith("ly") and w not in ("apply", "supply", "rely", "reply", "comply", "multiply"))
#: Words that may stay lower case after an all-capitals opener ("SHOCKED by").
TRAILING_PREPOSITIONS = frozenset({"by", "of", "with", "that", "at", "to", "for", "about", "in", "on"})

#: What may stand between two words of one run: spaces, and the marks of direction that
#: print nothing beside them (:data:`resolint.invisible.DIRECTION_MARKS`), and a byte order
#: mark left inside the text (two files joined), which the parser reads as a space too
#: (``parser.blocks.SPACE_CHARS``): read as a letter, "Deeply\ufeff concerned" was the
#: opener 'Deeply' (PRE002).
WORD_GAP = "[ \t\u00a0\ufeff" + DIRECTION_MARKS + "]"
#: A word after spaces (group 1: the word); any other mark between two words ends a run.
_SPACED_WORD = re.compile(WORD_GAP + r"*([A-Za-z][A-Za-z'’\-\u2010\u2011]*)")
_EMPHASIS = "*_"
#: The word after a listed phrase, on its line or at the start of the next one: a
#: paragraph wrapped after its phrase ("1. Requests" / "also the Secretary-General …")
#: has its "also" there (read on its line only, OPR011 missed it; "Further" /
#: "recalling" was read, by the phrase matcher).
_WORD_AFTER_PHRASE = re.compile(WORD_GAP + r"*(?:\r?\n" + WORD_GAP + r"*)?([A-Za-z][A-Za-z'’\-\u2010\u2011]*)")


@record(frozen=True, slots=True, init=False)
class Opener:
    """The words a clause opens with ("Further recalling", "Also requests") as the drafting
    rules see them: the whole opener, its participle or verb, the listed phrase it matched
    and the modifiers around it, so rules can check and fix its form without reparsing."""

    span: Span  # the whole opener, modifiers included
    head: Span  # the participle or verb that carries the form ("Recalling", "requests")
    phrase: str | None  # the listed phrase it matched, as the list writes it
    before: Span | None = None  # "Further" in "Further recalling", "Also" in "Also requests"
    after: Span | None = None  # "also" in "Recalling also"
    emphasis: str = ""  # Markdown markers around the opener ("*")

    def __init__(self, span: Span, head: Span, phrase: str | None, before: Span | None = None,
                 after: Span | None = None, emphasis: str = "") -> None:
        # Written out (init=False, as Span's): a frozen dataclass's own
        # __init__ goes through object.__setattr__ for each field, and a lint finds the
        # opener of every clause.
        _SET_SPAN(self, span)
        _SET_HEAD(self, head)
        _SET_PHRASE(self, phrase)
        _SET_BEFORE(self, before)
        _SET_AFTER(self, after)
        _SET_EMPHASIS(self, emphasis)

    @property
    def listed(self) -> bool:
        return self.phrase is not None


_SET_SPAN, _SET_HEAD, _SET_PHRASE, _SET_BEFORE, _SET_AFTER, _SET_EMPHASIS = (
    vars(Opener)[name].__set__ for name in ("span", "head", "phrase", "before", "after", "emphasis")
)


def phrases_for(ctx: OpenerContext, paragraph: Paragraph) -> tuple[str, ...]:
    return ctx.style.preambular if paragraph.kind is _PREAMBLE else ctx.style.operative


def find_opener(ctx: OpenerContext, paragraph: Paragraph) -> Opener | None:
    """The opener of ``paragraph``, found afresh (:meth:`Analysis.opener` keeps it)."""
    return _find(ctx, paragraph)


def _words(text: str, start: int, end: int, count: int) -> list[re.Match[str]]:
    """Up to ``count`` words from ``start``, separated by spaces only (a comma or any
    other mark ends the run: "Recalling, also" has one)."""
    out: list[re.Match[str]] = []
    pos = start
    while len(out) < count:
        m = _SPACED_WORD.match(text, pos, end)
        if not m:
            break
        out.append(m)
        pos = m.end()
    return out


def _leading_adverbs(words: list[re.Match[str]], linking: bool = False) -> int:
    """How many of the first words (at most two, never all) qualify the opener after them;
    with ``linking``, a linking participle may be the first (before a listed phrase only:
    "Remaining the …" is no qualified opener)."""
    k = 1 if linking and len(words) > 1 and words[0].group(1).lower() in LINKING_PARTICIPLES else 0
    while k < min(2, len(words) - 1) and _is_adverb(words[k].group(1)):
        k += 1
    return k


def _find(ctx: OpenerContext, paragraph: Paragraph) -> Opener | None:
    start, end = paragraph.content.start, paragraph.content.end
    runs: list[tuple[int, int]] = []
    window_end = min(end, start + _WORDS_REACH + _WINDOW_SLACK)
    if document_may_hide(ctx.text) or document_has_comment(ctx.text):
        hidden = inside_word_runs(ctx.text, start, window_end)
        if hidden:
            # as long a window as the reader sees, however long a comment left out
            window_end = min(end, window_end + sum(j - i for i, j in hidden))
            runs = inside_word_runs(ctx.text, start, window_end)
    if _INLINE_TAG_START.match(ctx.text, start, end):
        runs = sorted(runs + [m.span() for m in _INLINE_TAG.finditer(ctx.text, start, window_end)])
    phrases = phrases_for(ctx, paragraph)
    op = _find_through(ctx, phrases, start, window_end, runs) if runs else _find_at(ctx, start, end, phrases)
    if op is not None and op.listed:
        return op
    return _read_across_line_end(ctx, phrases, start, window_end, runs, op)


def _read_across_line_end(ctx: OpenerContext, phrases: tuple[str, ...], start: int, end: int,
                          runs: list[tuple[int, int]], op: Opener | None) -> Opener | None:
    """``op`` (no listed phrase), or the listed phrase a reader sees when a word of the
    paragraph's start is broken at a line's end ("Recog-" / "nizing the importance …"):
    read without the hyphen and the line break, as a soft hyphen is. Only a listed phrase
    read so counts, or a verb's form ("Recog-" / "nizes", which PRE001 reports): a
    compound broken at its own hyphen ("Self-" / "reliant") stays as written; and only a
    break inside the opener it gives."""
    broken = BROKEN_AT_LINE_END.search(ctx.text, start, min(end, start + HEAD_CHARS))
    if broken is None:
        return op
    joined = _find_through(ctx, phrases, start, end, sorted([*runs, broken.span()]))
    if joined is None or joined.span.end < broken.end():
        return op
    if joined.listed or known_forms(_joined_word(ctx.text, joined.head).lower()) is not None:
        return joined
    return op


def _joined_word(text: str, span: Span) -> str:
    """The word at ``span`` as a reader sees it, whole across a line's end."""
    return BROKEN_AT_LINE_END.sub("", readable(text[span.start : span.end]))


#: The inline HTML a Markdown draft marks its openers with: one definition, in
#: :mod:`resolint.invisible`, which the parser's word readers share.
_INLINE_TAG, _INLINE_TAG_START = INLINE_TAG, INLINE_TAG_START


#: How far past the opener's words the reading window of a paragraph with an invisible
#: character goes: the word after a phrase ("also") is read there.
_WINDOW_SLACK = 80


@record(frozen=True, slots=True)
class _Window:
    """The start of a paragraph as a reader sees it (:func:`resolint.invisible.readable`),
    for the opener reader: the same style and phrase matcher."""

    text: str
    style: Style
    nlp: Nlp


def _find_through(ctx: OpenerContext, phrases: tuple[str, ...], start: int, end: int, hidden: list[tuple[int, int]]) -> Opener | None:
    """The opener of a paragraph whose first words hold an invisible character
    ("Recog\u00adnizing") or a comment typed inside a word: read in a window of its start without them, its spans then
    placed back in the text. Only that window is copied (a draft with a soft hyphen in
    every paragraph would otherwise copy the whole text for each)."""
    view = ReaderView(ctx.text[start:end], [(i - start, j - start) for i, j in hidden])
    op = _find_at(_Window(view.text, ctx.style, ctx.nlp), 0, len(view.text), phrases)
    if op is None:
        return None

    def span(sp: Span) -> Span:
        return view.span(sp).moved(start)

    def maybe(sp: Span | None) -> Span | None:
        return None if sp is None else span(sp)

    return Opener(span(op.span), span(op.head), op.phrase, maybe(op.before), maybe(op.after), op.emphasis)


def _find_at(ctx: OpenerContext, start: int, end: int, phrases: tuple[str, ...]) -> Opener | None:
    text = ctx.text
    emphasis = ""
    while start < end and text[start] in _EMPHASIS:
        emphasis += text[start]
        start += 1
    reach = min(end, start + _WORDS_REACH)
    first = _SPACED_WORD.match(text, start, reach)
    if first is None:
        return None
    head_end = min(end, start + HEAD_CHARS)
    m = ctx.nlp.longest_leading_phrase(_clean_head(text[start:head_end]), phrases)
    if m is not None:  # most clauses: a listed phrase opens the paragraph
        return _opener(text, start, end, m, first, None, emphasis)
    # Three words settle the adverbs before a phrase (at most two); the run of capitals
    # of an all-capitals style reads up to six (_unlisted reads them when it needs them).
    words = _words(text, start, reach, 3)
    return _after_adverbs(ctx, phrases, end, head_end, words, emphasis) or _unlisted(ctx, words, start, end, emphasis)


def _after_adverbs(ctx: OpenerContext, phrases: tuple[str, ...], end: int, head_end: int,
                   words: list[re.Match[str]], emphasis: str) -> Opener | None:
    """The opener when a listed phrase follows at most two adverbs ("Further recalling",
    "Also requests", "Once again urges")."""
    k = _leading_adverbs(words, linking=True)
    if not k:
        return None
    phrase_start = words[k].start(1)
    m = ctx.nlp.longest_leading_phrase(_clean_head(ctx.text[phrase_start:head_end]), phrases)
    if m is None:
        return None
    return _opener(ctx.text, phrase_start, end, m, words[k], Span(words[0].start(1), words[k - 1].end()), emphasis)


def _opener(text: str, phrase_start: int, end: int, m: PhraseMatch, word: re.Match[str], before: Span | None, emphasis: str) -> Opener:
    """The opener of listed phrase ``m`` at ``phrase_start``, whose first word ``word``
    was read; with "also" or "further" after it when the phrase does not end with one."""
    phrase_end = phrase_start + m.end
    after = None
    nxt = _WORD_AFTER_PHRASE.match(text, phrase_end, end)
    if nxt and nxt.group(1).lower() in MODIFIER_WORDS and not m.phrase.lower().endswith(MODIFIER_WORDS):
        after = Span(nxt.start(1), nxt.end())
    # The phrase's first word, read no further than the phrase: the word already read
    # when it ends inside the phrase ("Recalling-also" does not: the phrase is "Recalling").
    first = word if word.end() <= phrase_end else _words(text, phrase_start, phrase_end, 1)[0]
    return Opener(
        span=Span(before.start if before else phrase_start, after.end if after else phrase_end),
        head=Span(first.start(1), first.end()),
        phrase=m.phrase,
        before=before,
        after=after,
        emphasis=emphasis,
    )


def _unlisted(ctx: OpenerContext, words: list[re.Match[str]], start: int, end: int, emphasis: str) -> Opener:
    """Not listed: the leading word (after adverbs), or the leading run of capitals in
    an all-capitals style."""
    k = _leading_adverbs(words)
    head = words[k]
    before = Span(words[0].start(1), words[k - 1].end()) if k else None
    last = head
    if head.group(1).lower() == _PERFECT:
        last = _perfect_participle(ctx, _words(ctx.text, start, min(end, start + _WORDS_REACH), 6)[k:])
    elif ctx.style.capital_openers and head.group(1).isupper():
        for w in _words(ctx.text, start, min(end, start + _WORDS_REACH), 6)[k + 1 :]:
            if w.group(1).isupper() and len(w.group(1)) > 1:
                last = w
            else:
                break
    return Opener(
        span=Span(before.start if before else head.start(1), last.end()),
        head=Span(head.start(1), head.end()),
        phrase=None,
        before=before,
        emphasis=emphasis,
    )


#: The auxiliary of a perfect participle ("Having seen"): the participle after it is the
#: opener's, listed or not.
_PERFECT = "having"


def _perfect_participle(ctx: OpenerContext, words: list[re.Match[str]]) -> re.Match[str]:
    """The last word of an unlisted opener that starts with "Having" (``words[0]``): the
    word after it ("Having seen"), and in capitals, the capitals after that which are words
    of the style's preambular phrases ("HAVING TAKEN NOTE of": a case fix that wrote
    "Having SEEN" left the opener half done), not a name ("HAVING SEEN UNODC …")."""
    if len(words) < 2 or not words[1].group(1).isalpha():
        return words[0]
    last = words[1]
    if words[0].group(1).isupper() and last.group(1).isupper():
        vocabulary = _phrase_words(ctx.style.preambular)
        for w in words[2:]:
            if not (w.group(1).isupper() and w.group(1).lower() in vocabulary):
                break
            last = w
    return last


@functools.lru_cache(maxsize=8)
def _phrase_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """The words of ``phrases``, in lower case."""
    return frozenset(w.lower() for phrase in phrases for w in phrase.split())


def _clean_head(head: str) -> str:
    """Drop Markdown emphasis so "Recalling*" still tokenizes as "Recalling"; a typeset
    hyphen ("Re\u2011emphasizes", as a word processor keeps a non-breaking one) is the
    lists' "-" (one character for one: the match's end is the text's)."""
    head = head.replace("*", " ").replace("_", " ")
    return head if head.isascii() else head.translate(TO_HYPHEN_MINUS)


@record(frozen=True, slots=True)
class AuxiliaryPhrase:
    """A preambular opener formed with an auxiliary before a listed phrase or a
    participle: "Being aware that" (the listed "Aware that"), "Having been informed"."""

    span: Span  # the auxiliary and the phrase: "Being aware that"
    auxiliary: Span  # "Being", "Having been"
    phrase: str  # the phrase after the auxiliary, in lower case: "aware that", "informed"
    modified: bool  # "also" or "further" after the auxiliary's first word ("Being also aware")


def auxiliary_phrase(ctx: OpenerContext, paragraph: Paragraph, op: Opener) -> AuxiliaryPhrase | None:
    """The phrase an unlisted opener starting with "Being" or "Having been" is formed
    with: a listed phrase after the auxiliary ("Being aware that", "Being convinced"),
    after "Having been" a verb's past form ("Having been informed"), or after "Being" the
    words up to their preposition ("Being a party to": :data:`_PREDICATE`). Such an opener says
    what the bare phrase says, so a rule that compares openers (repetition) may read it
    as that phrase; which openers are accepted is not this reader's to say."""
    if op.listed or op.before is not None:
        return None
    end = paragraph.content.end
    words = _words(ctx.text, op.head.start, min(end, op.head.start + _WORDS_REACH), 4)
    n = _auxiliary_words(words)
    if not n:
        return None
    modified = words[n].group(1).lower() in MODIFIER_WORDS and len(words) > n + 1
    k = n + 1 if modified else n
    start = words[k].start(1)
    m = ctx.nlp.longest_leading_phrase(_clean_head(ctx.text[start : min(end, start + HEAD_CHARS)]), phrases_for(ctx, paragraph))
    if m is not None:
        phrase, phrase_end = m.phrase.lower(), start + m.end
    elif n == 2 and _past_form(words[k].group(1).lower()):
        phrase, phrase_end = words[k].group(1).lower(), words[k].end()
    elif n == 1 and (said := _PREDICATE.match(ctx.text, start, end)) is not None:
        phrase, phrase_end = " ".join(said.group(0).lower().split()), said.end()
    else:
        return None
    return AuxiliaryPhrase(Span(op.head.start, phrase_end), Span(op.head.start, words[n - 1].end()), phrase, modified)


#: After "Being", what it says of the body up to the preposition that governs what
#: follows: "a party to", "a State party to", "members of", "committed to" (one or two
#: words, an article before them). The same words twice are the same opener.
_PREDICATE = re.compile(
    rf"(?:(?:a|an|the){WORD_GAP}+)?[A-Za-z][A-Za-z'’\-]*(?:{WORD_GAP}+[A-Za-z][A-Za-z'’\-]*)?"
    rf"{WORD_GAP}+(?:to|of|in|on|at|for|with|among)\b",
    re.IGNORECASE,
)


def _auxiliary_words(words: list[re.Match[str]]) -> int:
    """How many of ``words`` are an auxiliary ("Being": 1, "Having been": 2; 0 if none),
    with a word after them."""
    first = [w.group(1).lower() for w in words[:2]]
    if first[:1] == ["being"] and len(words) > 1:
        return 1
    if first == ["having", "been"] and len(words) > 2:
        return 2
    return 0


def _past_form(word: str) -> bool:
    """Whether ``word`` is a verb's past form ("informed", "seen"), not its base, -ing or
    -s form."""
    known = known_forms(word)
    return known is not None and word not in known
