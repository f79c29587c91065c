"""The fix that ends a paragraph with the mark its style wants, shared by PRE004 and OPR007."""

from __future__ import annotations

from resolint.lazyre import lazy
from resolint.parser.labels import before_note_reference, bracketed, inside_brackets, note_reference_before_mark, read_bullet
from resolint.rule import Edit, Fix, RuleContext
from resolint.source import Span


def terminal_fix(ctx: RuleContext, p, want: str) -> tuple[Span, Fix, str] | None:
    """The span to point at, the fix and the mark found, when ``p`` does not end with ``want``."""
    have = p.terminal_char(ctx.source)
    if have == want:
        return None
    if p.terminal is not None and have == "." and _abbreviation_ends_at(ctx.text, p.content.start, p.terminal.start):
        # "… and the U.S." / "… regional organizations, etc.": the full stop is the
        # abbreviation's, which keeps it ("U.S.,"); replaced, it wrote "the U.S,".
        after = Span(p.terminal.end, p.terminal.end)
        return p.terminal, Fix.safe(f"Add '{want}' after the abbreviation", Edit(after, want)), have
    if p.terminal is not None:
        # A colon announces what follows (a list, a quotation) that the paragraph does not
        # hold as read: "1. Calls upon States to:" over items labelled "A.", "B." read as
        # headings. Replaced, it cut the sentence off ("to;"): a guess to review.
        # A full stop inside closing quotes ('… the motto "Leave no one behind."') may be
        # the quoted sentence's own: replaced, the quotation was changed. A guess too.
        make = Fix.unsafe if have == ":" or (have == "." and _quote_closes_after(ctx.text, p.terminal.end, p.content.end)) else Fix.safe
        notes = note_reference_before_mark(ctx.text, p.content.start, p.terminal.start)
        if notes < p.terminal.start:
            # "…session⁵.": the mark is written before the footnote's reference ("session;⁵"),
            # where the parser reads it and United Nations texts put it.
            moved = Edit(Span(notes, p.terminal.end), want + ctx.text[notes : p.terminal.start])
            return p.terminal, make(f"Replace '{have}' with '{want}' before the footnote reference", moved), have
        return p.terminal, make(f"Replace '{have}' with '{want}'", Edit(p.terminal, want)), have
    end = _before_closing_markup(ctx.text, p.span.start, p.span.end, p.content.start)
    if end <= p.content.start:
        # Nothing but a label before a comment ("2. <!-- note -->"): no sentence to end,
        # and a mark added there made the label "2.;" (no label), renumbering the rest.
        return None
    # A clause never ends with "the", "of" or "and": the paragraph was broken (a page
    # break of a PDF's text, a stray blank line: "… report of the" / "Secretary-General
    # on …,"), and a mark added there is a guess the drafter must review.
    make = Fix.unsafe if _last_word(ctx.text, p.content.start, end).lower() in _NEVER_LAST or _guess_at_end(ctx.text, p.content.start, end) else Fix.safe
    return Span(max(p.span.start, end - 1), end), make(f"Add '{want}'", Edit(Span(end, end), want)), ""


#: Quotation marks that close a quotation after its full stop.
_CLOSING_QUOTES = "\"”’'»"


def _quote_closes_after(text: str, start: int, end: int) -> bool:
    """Whether a closing quotation mark follows ``start`` (through emphasis), before ``end``."""
    i = start
    while i < end and text[i] in "*_":
        i += 1
    return i < end and text[i] in _CLOSING_QUOTES


#: Words an English clause does not end with: articles, prepositions, conjunctions and
#: possessives (the next word is missing).
_NEVER_LAST = frozenset({
    "the", "a", "an",
    "of", "to", "for", "with", "by", "on", "in", "at", "from", "into", "under", "between", "among", "against",
    "and", "or", "nor",
    "its", "their", "his", "her", "whose",
})


#: Abbreviations written with a full stop that may end a clause ("etc.", "et al.", a
#: company's "Ltd."), without it: a word before a final full stop that is one of these, or
#: initials ("U.S.", "U.N.", "a.m."), keeps the full stop.
_ABBREVIATIONS = frozenset({"etc", "al", "cf", "viz", "vs", "approx", "inc", "ltd", "co", "corp"})


def _abbreviation_ends_at(text: str, start: int, end: int) -> bool:
    """Whether the full stop at ``end`` closes an abbreviation: the word before it is one
    of :data:`_ABBREVIATIONS`, or a single letter after another initial and its full stop
    ("U.S", "e.g")."""
    word = _last_word(text, start, end)
    if word.lower() in _ABBREVIATIONS:
        return True
    i = end - len(word)
    return len(word) == 1 and i - 2 >= start and text[i - 1] == "." and text[i - 2].isalpha() and (i - 3 < start or not text[i - 3].isalpha())


def _possessive_at(text: str, start: int, end: int) -> bool:
    """Whether the paragraph's last word is a possessive ("… whether and how the
    mission’s"): its noun is missing, as after "its" (:data:`_NEVER_LAST`); a mark added
    there ended a sentence cut off in a copy (found in the corpus, a Security Council
    draft)."""
    return end - start >= 3 and text[end - 1] in "sS" and text[end - 2] in "'’" and text[end - 3].isalpha()


def _guess_at_end(text: str, start: int, end: int) -> bool:
    """Whether where the mark goes is a guess: after a possessive (:func:`_possessive_at`),
    or after a word with digits glued to it ("… on Climate Change2"), which a copy leaves
    of a footnote reference the mark goes before ("Change,2"), or which are the word's own
    ("m2"): added after them, the mark split a reference from its word."""
    return _possessive_at(text, start, end) or _GLUED_DIGITS.search(text, max(start, end - 8), end) is not None


#: A word in lower case with one to three digits glued to its end ("Change2").
_GLUED_DIGITS = lazy(r"[a-z]{2}[0-9]{1,3}$")


#: How far :func:`_last_word` looks back: one letter more than the longest word it is
#: compared with (:data:`_NEVER_LAST`, :data:`_ABBREVIATIONS`), so a longer run (cut
#: there) is still none of them and still not one letter. Walking back over all of a
#: run took 2.5 s on a 4.9 MB paragraph of letters with no space.
_WORD_REACH = 1 + max(map(len, _NEVER_LAST | _ABBREVIATIONS))


def _last_word(text: str, start: int, end: int) -> str:
    """The run of letters that ends at ``end`` (or "" when ``text[end - 1]`` is none),
    its last :data:`_WORD_REACH` letters when it is longer."""
    i, floor = end, max(start, end - _WORD_REACH)
    while i > floor and text[i - 1].isalpha():
        i -= 1
    return text[i:end]


def _before_closing_markup(text: str, start: int, end: int, content_start: int | None = None) -> int:
    """Where the mark goes: before closing emphasis (``*``, ``_``) that follows the last word,
    where the parser looks for it (``read_terminal`` looks through such markup, not through
    spaces or line breaks).

    Markup that stands apart from the words (on a line of its own, after a space) keeps the
    mark after it: stepping back over it put the mark at the start of the markup's line, which
    the parser does not read as the paragraph's end (the fix never converged), and pointed the
    finding at the ``\\n`` of a CRLF pair (found by the fuzzer).
    """
    end = before_note_reference(text, start, end)  # "…Crimes¹": the mark goes before the reference
    opened = read_bullet(text, start, end)[1]
    if bracketed(text, opened, end) or (content_start is not None and bracketed(text, opened := content_start, end)):
        end = inside_brackets(text, opened, end)  # "[Deeply concerned by …]", "PP2 [Deeply …]": inside the brackets, where the parser reads it
    cut = end
    while cut > start and text[cut - 1] in "*_":
        cut -= 1
    if cut in (end, start) or text[cut - 1].isspace():
        return end
    return cut
