"""The facts derived from one parsed document, computed once and shared.

Rules, the language server (outline, hover), Word output and the exports all need the
same derived facts: the opener of a paragraph, the citations, what the title block says,
where quotations and abbreviation definitions stand. :class:`Analysis` is their one
typed home: one object per linted document (``LintResult.facts``, ``RuleContext.facts``)
with one cached property per fact, each computed on first use. A fact only one rule
needs goes through :meth:`Analysis.derived`, keyed by the function that computes it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Hashable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from resolint.citations import CitationSet, Organ, safe_extract
from resolint.citations.extract import ParagraphMemo
from resolint.citations.organs import document_organ
from resolint.citations.patterns import QUOTE, QUOTE_OPENERS, QUOTE_WRAPPED
from resolint.facts.abbreviations import Definition, find_definitions
from resolint.facts.ends import Ends, paragraph_ends
from resolint.facts.titles import TitleFacts, find_title_facts
from resolint.invisible import ReaderView, document_view
from resolint.language import Language, draft_language
from resolint.literals import each_starts, find_all, first_of, matches_at, non_ascii
from resolint.model import Kind, Paragraph, Resolution
from resolint.nlp import get_nlp
from resolint.openers import Opener, find_opener
from resolint.source import SourceText, Span, SpanList

if TYPE_CHECKING:
    from resolint.nlp import Nlp
    from resolint.rule import Violation
    from resolint.styles import Style

T = TypeVar("T")
#: What :meth:`Analysis.opener` finds kept for a clause not yet asked about (None is an answer).
_NOT_FOUND: Any = object()


class OpenerMemo(ParagraphMemo, Protocol):
    """Keeps openers and per-paragraph facts (the citations a paragraph holds) between lints
    of one document (:class:`resolint.incremental.LintCache`)."""

    def opener(self, facts: Analysis, p: Paragraph, find: Callable[[Analysis, Paragraph], Opener | None]) -> Opener | None: ...

    def kept_violations(self, key: Callable[[], Hashable], base: int, compute: Callable[[], Iterable[Violation]]) -> list[Violation]: ...

    def literal_starts(self, text: str, literal: str) -> list[int]: ...

    def pattern_spans(self, text: str, pattern: re.Pattern[str], width: int) -> list[tuple[int, int]]: ...

    def kept(self, key: Hashable, compute: Callable[[], T]) -> T: ...

    def paragraph_ends(self, res: Resolution, before: int, after: int, continues: Callable[[str], bool]) -> Ends: ...

    def kept_in_unedited_part(self, key: Hashable, first: Paragraph, last: Paragraph,
                              compute: Callable[[], Iterable[Violation]]) -> list[Violation]: ...


class Analysis:
    """Derived facts of one document in one house style; each computed on first use."""

    def __init__(self, resolution: Resolution, style: Style, memo: OpenerMemo | None = None) -> None:
        self.resolution = resolution
        #: Openers kept from earlier lints of the same document (by content), if any.
        self._memo = memo
        self.style = style
        self.source: SourceText = resolution.source
        self._nlp: Nlp | None = None
        self._openers: dict[int, Opener | None] = {}
        self._derived: dict[Callable, object] = {}
        self._of_kinds: dict[tuple[Kind, ...], list[Paragraph]] = {}
        self._literal_starts: dict[str, list[int]] = {}

    def forget_memo(self) -> None:
        """Compute what is asked from now on without the memo, and let it go (the language
        server drops a document's memo when others were linted since: see
        :meth:`resolint.incremental.IncrementalLinter.forget`). What is asked gets the
        same answer: the memo only saves work. Each method reads ``_memo`` once, so one
        running in another thread meanwhile goes on with the memo it read."""
        self._memo = None

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def nlp(self) -> Nlp:
        if self._nlp is None:
            # Lazy: the NLP layer loads its word lists only when an opener is looked for.
            self._nlp = get_nlp()
        return self._nlp

    def opener(self, paragraph: Paragraph) -> Opener | None:
        """The opener of a preambular or operative paragraph, matched against the style."""
        # Asked some 60,000 times per corpus run (several rules per clause): one lookup.
        # (Not a KeyError caught for the first asking of each clause: raising one cost
        # three times a lookup, and some 13,000 were raised per corpus run.)
        found = self._openers.get(paragraph.index, _NOT_FOUND)
        if found is _NOT_FOUND:
            memo = self._memo
            found = find_opener(self, paragraph) if memo is None else memo.opener(self, paragraph, find_opener)
            self._openers[paragraph.index] = found
        return found

    def kept_violations(self, key: Callable[[], Hashable], base: int, compute: Callable[[], Iterable[Violation]]) -> list[Violation]:
        """``compute()``, for violations in a stretch of the document starting at ``base``
        that depend on ``key()`` alone (hashable, positions in it counted from ``base``;
        worked out only when kept): the language server keeps them between lints and
        moves them with the stretch, so a rule over a whole list (OPR002) redoes only the
        list an edit changed."""
        memo = self._memo
        return list(compute()) if memo is None else memo.kept_violations(key, base, compute)

    def literal_starts(self, literal: str) -> list[int]:
        """Where ``literal`` starts in the text, overlapping occurrences included
        (:func:`resolint.literals.find_all`); with the language server's memo, searched
        again only around the last edit. Read only."""
        memo = self._memo
        if memo is not None:
            return memo.literal_starts(self.text, literal)
        found = self._literal_starts.get(literal)
        if found is None:  # (kept: a rule may ask once per definition or per part)
            found = self._literal_starts[literal] = find_all(self.text, literal)
        return found

    def literals_starts(self, literals: tuple[str, ...]) -> dict[str, list[int]]:
        """:meth:`literal_starts` of each of ``literals``. Without the language server's
        memo, those not asked for yet are found by one pass over the text
        (:func:`resolint.literals.each_starts`), not one search each. Read only."""
        memo = self._memo
        if memo is not None:
            return {lit: memo.literal_starts(self.text, lit) for lit in literals}
        known = self._literal_starts
        missing = tuple(lit for lit in dict.fromkeys(literals) if lit not in known)
        if len(missing) > 1:
            known.update(each_starts(self.text, missing))
        elif missing:
            known[missing[0]] = find_all(self.text, missing[0])
        return {lit: known[lit] for lit in literals}

    def has_literal(self, literal: str) -> bool:
        """Whether ``literal`` stands in the text: one search in C for a whole lint; with
        the language server's memo, :meth:`literal_starts` (searched near the edit only:
        a 1 MB text searched for two spaces took 2 ms a keystroke)."""
        memo = self._memo
        return bool(memo.literal_starts(self.text, literal)) if memo is not None else literal in self.text

    def first_literal_starts(self, literal: str, count: int) -> list[int]:
        """The first ``count`` of :meth:`literal_starts`; for a whole lint, searched no
        further (a text may hold thousands of them: every line of an indented draft)."""
        memo = self._memo
        if memo is not None:
            return memo.literal_starts(self.text, literal)[:count]
        text = self.text
        out: list[int] = []
        pos = text.find(literal)
        while pos >= 0 and len(out) < count:
            out.append(pos)
            pos = text.find(literal, pos + 1)
        return out

    def separated_literal_starts(self, literals: tuple[str, ...]) -> dict[str, list[int]]:
        """Where each of ``literals`` starts, as :meth:`literal_starts` says, for literals
        whose first character stands in none of them but at its start (" may", "/20",
        ".19": no two occurrences can overlap). Without the language server's memo,
        Aho-Corasick passes over the text find them all (:func:`resolint.literals.first_of`),
        not a search per literal: eighteen searches of every text were 3% of a corpus run.

        Those led by a space are searched without it, and kept where a space stands before
        ("may" for " may"): a space stands before every word of a text, and a pass for
        literals that start with one stopped at every word (the search skips ahead only
        to bytes its literals start with that are rare in a text): 13 ms over the corpus
        against 3. The same places: such a literal has no space after its first, so no
        match of another can cover the space before it."""
        memo = self._memo
        if memo is not None:
            return {lit: memo.literal_starts(self.text, lit) for lit in literals}
        text = self.text
        out: dict[str, list[int]] = {lit: [] for lit in literals}
        spaced, rest = _space_led(literals)
        for pos, i in first_of(text, rest):
            out[rest[i]].append(pos)
        for pos, i in first_of(text, tuple(lit[1:] for lit in spaced)):
            if pos and text[pos - 1] == " ":
                out[spaced[i]].append(pos - 1)
        return out

    def pattern_spans(self, pattern: re.Pattern[str], width: int) -> list[tuple[int, int]]:
        """The spans of ``pattern.finditer`` over the text, for a pattern whose matches are
        at most ``width`` long and read nothing outside themselves; with the language
        server's memo, searched again only around the last edit
        (:func:`resolint.literals.find_matches_again`). Read only."""
        memo = self._memo
        if memo is None:
            return [m.span() for m in pattern.finditer(self.text)]
        return memo.pattern_spans(self.text, pattern, width)

    def non_ascii_pattern_spans(self, pattern: re.Pattern[str], width: int) -> list[tuple[int, int]]:
        """:meth:`pattern_spans` for a pattern that matches only characters beyond ASCII
        (a letter of another alphabet): without the language server's memo, a text whose
        characters beyond ASCII hold no match (most) is not searched
        (:func:`resolint.literals.non_ascii`)."""
        if self._memo is None and (self.text.isascii() or pattern.search(non_ascii(self.text)) is None):
            return []
        return self.pattern_spans(pattern, width)

    def kept_in_unedited_part(self, key: Hashable, first: Paragraph, last: Paragraph,
                              compute: Callable[[], Iterable[Violation]]) -> Iterable[Violation]:
        """``compute()``, for violations about the paragraphs ``first`` to ``last`` that
        depend on nothing but the resolution (the part of a compilation) they are in, the
        house style and ``key`` (the rule and its options); with the language server's
        memo, what the last lints found for the same stretch when the edit did not reach
        its resolution: before the edit, the parse kept it untouched
        (:mod:`resolint.parser.memo`); after it, placement copied it from the last walk
        and its text is the same, so the findings are moved with it."""
        memo = self._memo
        if memo is None:
            return compute()  # (a whole lint: nothing to keep, no copy)
        return memo.kept_in_unedited_part((key, self.style.name), first, last, compute)

    def kept(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``; with the language server's memo, what it gave an earlier lint of
        the same document asked with an equal ``key``. The key must name everything the
        value depends on (a paragraph's number, :meth:`paragraph_numbers`, stands for its
        text and place), and the value must not hold offsets in the document (keep them
        relative to the paragraph): it is handed back as it was. Read only."""
        memo = self._memo
        return compute() if memo is None else memo.kept(key, compute)

    def paragraph_numbers(self) -> list[int] | None:
        """With the language server's memo, a number per paragraph (by index) that stands
        for its text and place (equal numbers, equal paragraphs: see
        :meth:`resolint.incremental.LintCache.paragraph_numbers`); None without one. A cache
        key built from it hashes a small int where the paragraph's text would be hashed."""
        memo = self._memo
        return None if memo is None else memo.paragraph_numbers(self.text, self.resolution)

    def paragraph_ends(self, before: int, after: int, continues: Callable[[str], bool]) -> Ends:
        """The ``before`` characters before every paragraph and the ``after`` after it,
        and which paragraphs have a character just before them that ``continues``
        (:mod:`resolint.facts.ends`); with the language server's memo, the last lint's
        where the edit did not reach them. Read only."""
        memo = self._memo
        if memo is None:
            return paragraph_ends(self.text, self.resolution.paragraphs, before, after, continues)
        return memo.paragraph_ends(self.resolution, before, after, continues)

    def derived(self, compute: Callable[[Analysis], T]) -> T:
        """A fact only one rule needs: ``compute(self)``, once per document."""
        if compute not in self._derived:
            self._derived[compute] = compute(self)
        return self._derived[compute]  # type: ignore[return-value]

    @cached_property
    def organ(self) -> Organ:
        """The organ whose text this is (:func:`resolint.citations.organs.document_organ`:
        from its opening, else its symbol), worked out once a lint: the extraction and the
        citation rules all ask (four times a file, last round)."""
        return document_organ(self.resolution)

    @cached_property
    def citations(self) -> CitationSet:
        """Every citation, date, instrument, article and internal reference."""
        return safe_extract(self.resolution, self._memo, self.organ)

    def citation_failure(self) -> Exception | None:
        """What stopped the extraction of :attr:`citations`, when a rule asked for them
        and it failed (None when none asked: nothing was missed)."""
        found = self.__dict__.get("citations")
        return None if found is None else found.failure

    @cached_property
    def seen(self) -> ReaderView:
        """The whole text as a reader of the printed draft sees it: without its comments and
        the invisible characters inside words (:mod:`resolint.invisible`), with the way
        back (``seen.span``). For a rule that matches several words at once with its
        own pattern ("(Rev. Johan\u00adnesburg, 2009)"): what it reads is then what a fix
        that removes the character or the comment leaves. The text itself, nearly always."""
        return document_view(self.text)

    @cached_property
    def language(self) -> Language | None:
        """The draft's language when it is clearly not English (None: English, or too
        short or mixed to tell); see :mod:`resolint.language`. A draft with an opening
        the parser knows ("The General Assembly,": each is English) is English, and its
        words are not counted: most drafts have one."""
        return None if self.resolution.openings else draft_language(self.text)

    @cached_property
    def preamble(self) -> list[Paragraph]:
        """:attr:`Resolution.preamble`, once per lint (several rules walk it). Read only."""
        return self.resolution.preamble

    def of_kinds(self, kinds: tuple[Kind, ...]) -> list[Paragraph]:
        """:meth:`Resolution.of_kind`, once per lint and kinds (the local rules' default
        :meth:`~resolint.rule.Rule.paragraphs`). Read only."""
        found = self._of_kinds.get(kinds)
        if found is None:
            found = self._of_kinds[kinds] = self.resolution.of_kind(*kinds)
        return found

    @cached_property
    def own_paragraphs(self) -> list[Paragraph]:
        """Paragraphs in the drafter's own words: not an annex (often a treaty), not a directive."""
        annex, directive = Kind.ANNEX, Kind.DIRECTIVE  # Paragraph.own, inlined: asked after every keystroke
        every = self.resolution.paragraphs
        own = [p for p in every if p.kind is not annex and p.kind is not directive]
        # Most drafts have neither: the resolution's own list then, which the language
        # server keys without a pass over it (resolint.incremental, LintCache._numbers_of).
        return every if len(own) == len(every) else own

    @cached_property
    def quotes(self) -> SpanList:
        """Quotations in the text ("…" or “…”), where wording is someone else's (the
        regex tried only where a quotation mark stands: see :mod:`resolint.literals`)."""
        starts = sorted(set().union(*map(self.literal_starts, QUOTE_OPENERS)))  # starts_of, kept by the server
        if not self.resolution.wrapped:
            return SpanList(Span(m.start(), m.end()) for m in matches_at(QUOTE, self.text, starts))
        # A paragraph an editor wrapped: a quotation goes on over its line breaks (a title
        # quoted over two lines), never past the paragraph's end.
        text, out, end = self.text, [], -1
        for pos in starts:
            if pos < end:
                continue
            m = QUOTE.match(text, pos)
            if m is None and (p := self.paragraph_at(pos)) is not None:
                m = QUOTE_WRAPPED.match(text, pos, p.span.end)
            if m is not None:
                out.append(Span(m.start(), m.end()))
                end = m.end()
        return SpanList(out)

    @cached_property
    def instrument_spans(self) -> SpanList:
        """Where official titles of instruments stand."""
        return SpanList(m.span for m in self.citations.instruments)

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.span.start for p in self.resolution.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph containing ``offset`` (None between paragraphs)."""
        paras = self.resolution.paragraphs
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i < 0 or offset >= paras[i].span.end:
            return None
        return paras[i]

    def own_paragraphs_at(self, offsets: Iterable[int], where: Callable[[Paragraph, int], bool] | None = None) -> list[Paragraph]:
        """The drafter's own paragraphs holding one of ``offsets`` (and for which
        ``where(paragraph, offset)`` holds, when given), each once, in document order.

        What a local rule whose findings are rare reads in a whole lint: one search of the
        text finds where its mark may stand, and only those paragraphs are checked, not
        every paragraph (``check_paragraph``, which the language server calls per
        paragraph, stays the rule's one reading)."""
        found: dict[int, Paragraph] = {}
        for at in offsets:
            p = self.paragraph_at(at)
            if p is not None and p.own and p.index not in found and (where is None or where(p, at)):
                found[p.index] = p
        return [found[i] for i in sorted(found)]

    @cached_property
    def titles(self) -> TitleFacts:
        """What the title block, the opening and the closing say about the text itself."""
        return find_title_facts(self.resolution)

    @cached_property
    def abbreviations(self) -> list[Definition]:
        """Where abbreviations are defined: "… Office on Drugs and Crime (UNODC)"."""
        return find_definitions(self)

    @cached_property
    def last_operative_of_part(self) -> dict[int, Paragraph]:
        """The last top-level operative paragraph of each part."""
        return {q.part: q for q in self.resolution.operative}


@functools.lru_cache(maxsize=8)
def _space_led(literals: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``literals`` led by a space (and more), and the others
    (:meth:`Analysis.separated_literal_starts`)."""
    spaced = tuple(lit for lit in literals if lit[:1] == " " and len(lit) > 1)
    return spaced, tuple(lit for lit in literals if lit not in spaced)


__all__ = ["Analysis", "Definition", "Ends", "TitleFacts"]

