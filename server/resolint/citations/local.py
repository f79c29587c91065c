"""What one paragraph cites, read from its own text: the half of extraction that a
language server keeps between edits.

:func:`read_paragraph` finds a paragraph's dates, cited resolutions and symbols,
instrument names, articles, references to the text's own paragraphs and the bodies it
names. Offsets are relative to the paragraph and nothing links back to the paragraph
object, so a :class:`Local` depends only on the paragraph's text, its :class:`Setting`
and — for a bare "Council resolution 5/1", whose body may have been named paragraphs
before — on :class:`~resolint.citations.organs.Named`, which the result records when it
read it. :mod:`resolint.citations.extract` then walks the document in order and settles
what crosses paragraphs: which convention "the Convention" means, the instrument of an
article that does not name one, the target of "paragraph 5 above", the document's date.

A paragraph is read from its text alone (a citation never runs over a paragraph break),
so a paragraph reads the same wherever it stands. :class:`Hints` serve a whole document:
one ``str.find`` per literal over the whole text, bucketed by paragraph, instead of one
per paragraph. They only say where literals (month names, the first words of instrument
names, the words a citation needs) stand; every match is decided on the paragraph's own
text, so a paragraph read with hints gives exactly what it gives read alone
(``tests/citations/test_local.py`` checks both ways on the corpus).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from typing import NamedTuple

from resolint.citations.articles import ArticleCandidate, article_candidates
from resolint.citations.dates import find_dates
from resolint.citations.instruments import _name_matches, _NameMatcher, mentions_in, unknown_conventions
from resolint.citations.internal import InternalCandidate, internal_candidates
from resolint.citations.organs import Named, _Context, organ_notes
from resolint.citations.read_through import placed_back, symbol_in_view
from resolint.citations.resolutions import _loose_symbols, _Par, _resolution_lists
from resolint.citations.scan import _paragraphs_with
from resolint.citations.types import MONTH_NAMES, DateMention, InstrumentMention, Organ, ResolutionCitation
from resolint.invisible import INVISIBLE, document_has_comment, document_may_hide, reader_view
from resolint.literals import first_of
from resolint.model import Paragraph
from resolint.records import record
from resolint.source import Span

#: A line break inside a paragraph is a space to what it cites ("United\nNations Convention
#: against Corruption", a date "25\nSeptember 2015" in a draft an editor wrapped), and so
#: are a tab and the no-break spaces a word processor or a web page puts between words
#: ("United\u00a0Nations"): read as one, offsets unchanged (one character for one; "\r\n" is
#: two spaces).
_AS_SPACES = "\r\n\t\u00a0\u2007\u2009\u202f"
_BREAKS_AS_SPACES = str.maketrans(_AS_SPACES, " " * len(_AS_SPACES))
_NO_BREAK = _AS_SPACES[3:]
#: A paragraph without any of these (and without a date or an instrument's name) cites
#: nothing: no resolution, symbol, article, internal reference or body name.
NEEDLES = ("esolution", "ecision", "/", "-RES-", "rticle", "aragraph", "Council", "Assembly", "Convention")

#: The needle every keyword of a cited resolution holds ("resolution", "Resolutions").
WORD = NEEDLES[0]


@record(frozen=True, slots=True)
class Setting:
    """What a paragraph's citations depend on besides its text (a cache key's part)."""

    matcher: _NameMatcher  # the instrument names of the document's terms
    organ: Organ  # the document's own organ
    annex: bool
    title: bool
    own_symbol: Span | None  # the document's own symbol, when it starts in this paragraph (relative)


class Local(NamedTuple):
    """What one paragraph cites, offsets relative to it (see the module docstring). A
    named tuple: a whole lint makes one per paragraph that cites anything."""

    dates: tuple[DateMention, ...] = ()
    #: Cited resolutions and symbols, in the order they were found.
    resolutions: tuple[ResolutionCitation, ...] = ()
    #: The bodies named before the paragraph, when they decided an organ here: the
    #: result holds only where they are the same.
    named: Named | None = None
    #: The bodies the paragraph names (:func:`~resolint.citations.organs.organ_notes`).
    organs: tuple = ()
    mentions: tuple[InstrumentMention, ...] = ()
    unknown_conventions: tuple[int, ...] = ()
    articles: tuple[ArticleCandidate, ...] = ()
    internal: tuple[InternalCandidate, ...] = ()

    def fits(self, named: Named) -> bool:
        """Whether this reading holds with ``named`` bodies before the paragraph."""
        return self.named is None or self.named == named


#: A paragraph that cites nothing.
NOTHING = Local()


def read_paragraph(
    ptext: str,
    setting: Setting,
    named: Named,
    months: list[int] | None = None,
    heads: list[tuple[int, str]] | None = None,
    busy: bool | None = None,
    plain: bool = False,
) -> Local:
    """What ``ptext`` cites. ``months``, ``heads`` and ``busy`` are what :class:`Hints`
    know of it (where month names and instrument heads start, whether a needle may occur);
    each is found in ``ptext`` when not given. A paragraph with a comment or an invisible
    character inside a word is read without them (:mod:`resolint.citations.read_through`);
    ``plain``: the caller knows the text has neither."""
    if not plain and (view := reader_view(ptext)).runs:
        seen = dataclasses.replace(setting, own_symbol=symbol_in_view(setting.own_symbol, view))
        return placed_back(read_paragraph(view.text, seen, named, plain=True), view)
    if "\n" in ptext or "\r" in ptext or "\t" in ptext or (not ptext.isascii() and any(c in ptext for c in _NO_BREAK)):
        ptext = ptext.translate(_BREAKS_AS_SPACES)  # (searches at memory speed; most paragraphs have none of them)
    dates = tuple(find_dates(ptext, months)) if months is None or months else ()
    hits = _name_matches(setting.matcher, ptext, heads) if heads is None or heads else []
    if not dates and not hits and not (any(n in ptext for n in NEEDLES) if busy is None else busy):
        return NOTHING
    return _read_busy(ptext, setting, named, dates, hits)


def _read_busy(ptext: str, setting: Setting, named: Named, dates: tuple[DateMention, ...], hits: list) -> Local:
    """:func:`read_paragraph` once its dates and instrument names are known."""
    par = _Par(None, ptext, 0, setting.annex, {d.span.start: d for d in dates}, setting.own_symbol)
    ctx = _Context(setting.organ, named)
    found: list[ResolutionCitation] = []
    _loose_symbols(par, _resolution_lists(ctx, par, found), found)
    mentions = mentions_in(ptext, hits, setting.annex)
    organs = organ_notes(ptext) if "Council" in ptext or "Assembly" in ptext else ()
    unknown = unknown_conventions(ptext, mentions)
    articles = article_candidates(ptext, setting.annex, mentions) if "rticle" in ptext else ()
    internal = internal_candidates(ptext) if not (setting.annex or setting.title) and "aragraph" in ptext else ()
    if not (dates or found or organs or mentions or unknown or articles or internal):
        return NOTHING
    return Local(dates, tuple(found), named if ctx.read else None, organs, mentions, unknown, articles, internal)


def _bucket(offsets: list[int], body: list[Paragraph], starts: list[int], size: int) -> dict[int, list[int]]:
    """``offsets`` of literals ``size`` long by the index of the paragraph they lie
    within, as offsets relative to it."""
    out: dict[int, list[int]] = {}
    for pos in offsets:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos + size <= body[i].span.end:
            out.setdefault(body[i].index, []).append(pos - starts[i])
    return out


def _bucket_heads(heads: list[tuple[int, str]], body: list[Paragraph], starts: list[int]) -> dict[int, list[tuple[int, str]]]:
    """:func:`_bucket` of (offset, first word) pairs."""
    out: dict[int, list[tuple[int, str]]] = {}
    for pos, w in heads:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos + len(w) <= body[i].span.end:
            out.setdefault(body[i].index, []).append((pos - starts[i], w))
    return out


@functools.lru_cache(maxsize=16)
def _needles_apart(matcher: _NameMatcher) -> tuple[dict[str, list[tuple[str, int]]], tuple[str, ...]]:
    """The :data:`NEEDLES` that contain an instrument's first word ("Council",
    "Convention"), by that word with where it stands in them, and the others.

    A needle of the first kind is found where the heads' scan found its word (see
    :meth:`Hints.read`); only the others are searched for. Worked out once per set of
    instruments: it tries every first word in every needle, which cost as much as
    reading a short draft's citations."""
    in_needles: dict[str, list[tuple[str, int]]] = {}
    for n in NEEDLES:
        w = next((w for w in matcher.first_words if w in n), None)
        if w is not None:
            in_needles.setdefault(w, []).append((n, n.index(w)))
    return in_needles, tuple(n for n in NEEDLES if not any(w in n for w in matcher.first_words))


class Hints:
    """Whole-text scans for reading every paragraph of a document (see the module docstring)."""

    def __init__(self, text: str, body: list[Paragraph], matcher: _NameMatcher) -> None:
        starts = [p.span.start for p in body]
        self.in_needles, needles = _needles_apart(matcher)
        #: The paragraphs (indices) where "esolution" stands: every keyword of a cited
        #: resolution holds it, and so do the words a rule looks for before a number the
        #: extraction does not read ("its resolution 2231 of 2015", "resolutions 2712,
        #: 2720 (2023)"): the same scan tells the rule where to look (``CitationSet.worded``).
        self.worded = _paragraphs_with(text, (WORD,), starts, body) if WORD in needles else None
        others = tuple(n for n in needles if n != WORD) if self.worded is not None else needles
        self.busy = _paragraphs_with(text, others, starts, body) | (self.worded or set())
        #: Whether the text has no comment and no invisible character (most have neither).
        self.plain = not (document_has_comment(text) or document_may_hide(text))
        if not self.plain:
            # A paragraph with a comment or a character hidden inside a word is read whole,
            # through them (:func:`read_paragraph`): the literals' scans did not see its words.
            self.busy |= _paragraphs_with(text, (*INVISIBLE, "<!--"), starts, body)
        # Where a month name starts (:func:`find_dates` checks the match there).
        self.months = _bucket([pos for pos, _ in first_of(text, MONTH_NAMES)], body, starts, 1)
        self.heads = _bucket_heads(matcher.heads(text), body, starts)

        #: The paragraphs (indices) that may cite anything: :meth:`read` gives :data:`NOTHING` for the others.
        self.may_cite = self.busy | self.months.keys() | self.heads.keys()

    def read(self, text: str, p: Paragraph, setting: Setting, named: Named) -> Local:
        """What ``p`` cites (its text is read only when a hint says it may cite anything)."""
        i = p.index
        months, heads = self.months.get(i, []), self.heads.get(i, [])
        if not (months or heads or i in self.busy):
            return NOTHING
        ptext = text[p.span.start : p.span.end]
        busy = i in self.busy or any(
            pos >= k and ptext.startswith(n, pos - k) for pos, w in heads for n, k in self.in_needles.get(w, ())
        )
        return read_paragraph(ptext, setting, named, months, heads, busy, self.plain)
