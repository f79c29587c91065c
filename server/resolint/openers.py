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

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from resolint.model import Kind, Paragraph
from resolint.nlp import HEAD_CHARS
from resolint.source import Span

if TYPE_CHECKING:
    from resolint.nlp import Nlp
    from resolint.styles import Style


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

#: A word after spaces (group 1: the word); any other mark between two words ends a run.
_SPACED_WORD = re.compile(r"[ \t\u00a0]*([A-Za-z][A-Za-z'’\-]*)")
_EMPHASIS = "*_"


@dataclass(frozen=True, slots=True)
class Opener:
    span: Span  # the whole opener, modifiers included
    head: Span  # the participle or verb that carries the form ("Recalling", "requests")
    phrase: str | None  # the listed phrase it matched, as the list writes it
    before: Span | None = None  # "Further" in "Further recalling", "Also" in "Also requests"
    after: Span | None = None  # "also" in "Recalling also"
    emphasis: str = ""  # Markdown markers around the opener ("*")

    def __init__(self, span: Span, head: Span, phrase: str | None, before: Span | None = None,
                 after: Span | None = None, emphasis: str = "") -> None:
        # Written out (the dataclass keeps it), as Span's: a frozen dataclass's own
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
    return ctx.style.preambular if paragraph.kind is Kind.PREAMBLE else ctx.style.operative


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
    text = ctx.text
    start, end = paragraph.content.start, paragraph.content.end
    emphasis = ""
    while start < end and text[start] in _EMPHASIS:
        emphasis += text[start]
        start += 1
    # Three words settle the adverbs before a phrase (at most two); the run of capitals
    # of an all-capitals style reads up to six (_unlisted reads them when it needs them).
    words = _words(text, start, min(end, start + _WORDS_REACH), 3)
    if not words:
        return None
    return _listed(ctx, paragraph, start, end, words, emphasis) or _unlisted(ctx, words, start, end, emphasis)


def _listed(ctx: OpenerContext, paragraph: Paragraph, start: int, end: int, words: list[re.Match[str]], emphasis: str) -> Opener | None:
    """The opener when a listed phrase starts the paragraph, after at most two adverbs
    ("Further recalling", "Also requests", "Once again urges")."""
    text = ctx.text
    phrases = phrases_for(ctx, paragraph)
    head_end = min(end, start + HEAD_CHARS)
    before: Span | None = None
    phrase_start = start
    k = 0  # words[k] starts the phrase
    m = ctx.nlp.longest_leading_phrase(_clean_head(text[start:head_end]), phrases)
    if m is None:
        k = _leading_adverbs(words, linking=True)
        if not k:
            return None
        phrase_start = words[k].start(1)
        m = ctx.nlp.longest_leading_phrase(_clean_head(text[phrase_start:head_end]), phrases)
        if m is None:
            return None
        before = Span(words[0].start(1), words[k - 1].end())
    phrase_end = phrase_start + m.end
    after = None
    nxt = _words(text, phrase_end, end, 1)
    if nxt and nxt[0].group(1).lower() in MODIFIER_WORDS and not m.phrase.lower().endswith(MODIFIER_WORDS):
        after = Span(nxt[0].start(1), nxt[0].end())
    # The phrase's first word, read no further than the phrase: the word already read
    # when it ends inside the phrase ("Recalling-also" does not: the phrase is "Recalling").
    first = words[k] if words[k].end() <= phrase_end else _words(text, phrase_start, phrase_end, 1)[0]
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
    if ctx.style.opener_case == "upper" and head.group(1).isupper():
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


def _clean_head(head: str) -> str:
    """Drop Markdown emphasis so "Recalling*" still tokenizes as "Recalling"."""
    return head.replace("*", " ").replace("_", " ")
