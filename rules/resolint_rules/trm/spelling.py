from __future__ import annotations

import bisect
import functools
import re

from resolint.citations.refdata import data_rows
from resolint.lazyre import lazy
from resolint.literals import automaton, find_indexes
from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, RuleContext, Severity, Violation
from resolint.source import Span, first_half_start, word_before
from resolint_rules.refs import TextMatch, in_spans, instrument_spans, own_matches, own_text_matches, quote_spans
from resolint_rules.trm.others_words import not_the_drafters, opener_head
from resolint_rules.trm.paragraph_facts import TermKeyedRule, spans_in
from resolint_rules.trm.un_programme_names import US_CAPS, us_spelt_names

#: The ending of the -ise family (organise, organised, organising, organisation…); an
#: underscore after it is Markdown emphasis ("_recognising_"), not part of the word.
_ISE = re.compile(r"is(?:e[ds]?|ing|ations?)(?![^\W_]|-)")

#: Spelling lists by the style's ``[spelling] variant``.
FILES = {"oxford": "spelling_oxford.csv"}


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_OPERATIVE, _PREAMBLE, _SUBPARAGRAPH = Kind.OPERATIVE, Kind.PREAMBLE, Kind.SUBPARAGRAPH


@functools.lru_cache(maxsize=4)
def spelling_table(variant: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """wrong -> right (lower case), and the literals that find the words not of the -ise family.

    The -ise family is found from its ending (``_ISE``, a literal the regex engine scans for
    fast). The few other words (favor, center, analyze…) are found from a small set of
    literals that every one of them contains, all at once (:func:`_literal_hits`): a regex
    alternation of those words has no literal prefix, so ``re`` tried it at every position
    of the text (12% of a corpus run), and one ``str.find`` pass per literal was 4%.
    Capitalized forms are looked for at paragraph starts only (``capitalized_regex``),
    where an opener may carry them.
    """
    filename = FILES.get(variant)
    if not filename:
        return {}, ()
    table = {r["wrong"].lower(): r["right"] for r in data_rows(filename) if r.get("wrong")}
    if not table:
        return {}, ()
    others = sorted(w for w in table if not _ISE.search(w))
    return table, covering_literals(others)


def covering_literals(words: list[str]) -> tuple[str, ...]:
    """The words that contain no other word of ``words``: finding these finds them all."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


#: The rest of a word: letters, digits and hyphens. An underscore ends it: after a word it
#: is Markdown emphasis ("_favor_"), as in ``_ISE``.
_WORD_REST = re.compile(r"(?:[^\W_]|-)*")


def lowercase_word_matches(text: str, table: dict[str, str], literals: tuple[str, ...], lo: int = 0, hi: int | None = None) -> list[TextMatch]:
    """Whole words (maximal runs of word characters and hyphens) of ``text`` that are keys
    of ``table``, found from where a covering literal occurs; in order of position. With
    ``lo``/``hi``, the words that start at ``lo`` or after and end at ``hi`` or before
    (a word that runs on past either edge is not one of them).

    Most places a literal occurs are inside a longer, correct word ("programme",
    "parameter"): the end of the word is found first (one regex call), and the start is
    looked for only when the text from the literal to that end can finish a listed word.
    """
    hi = len(text) if hi is None else hi
    tails = _tails(tuple(table))
    found: dict[int, TextMatch] = {}
    for pos, lit_end in _literal_hits(text, literals, lo, hi):
        end = _WORD_REST.match(text, lit_end).end()
        if text[pos:end] in tails:
            start = pos
            while word_before(text, start, "-"):
                start -= 1
            word = text[start:end]
            if not _joined_before(text, start) and word in table and start not in found and start >= lo and end <= hi:
                found[start] = TextMatch(start, end, word)
    return [found[k] for k in sorted(found)]


def _literal_hits(text: str, literals: tuple[str, ...], lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of the ``literals`` in ``text[lo:hi]``: each occurrence, or one that
    overlaps it (the literals are letters and hyphens, so the two lie in the same word).

    One Aho-Corasick pass finds them all (ahocorasick-rs; ten times faster over the corpus
    than one ``str.find`` pass per literal). It reads the text as UTF-8: a text with a lone
    surrogate (a broken Word file) is searched literal by literal instead."""
    haystack = text if lo == 0 and hi == len(text) else text[lo:hi]
    try:
        hits = find_indexes(automaton(literals, leftmost_first=True), haystack)
    except UnicodeEncodeError:
        return [(m.start() + lo, m.end() + lo) for lit in literals for m in re.finditer(re.escape(lit), haystack)]
    return [(s + lo, e + lo) for _, s, e in hits]


def ise_matches(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The matches of ``_ISE`` a scan of the whole text finds that start at ``lo`` or
    after and end by ``hi``.

    The scan starts where the run of letters before ``lo`` starts (an ending begun before
    ``lo`` would have taken the letters after it) and sees one character past ``hi``, the
    one its lookahead reads."""
    start = lo
    while start and text[start - 1].isalpha():
        start -= 1
    return [m for m in _ISE.finditer(text, start, hi + 1) if m.start() >= lo and m.end() <= hi]


@functools.lru_cache(maxsize=4)
def _tails(words: tuple[str, ...]) -> frozenset[str]:
    """Every ending of every word ("meter", "eter", …): what can follow a word's start."""
    return frozenset(w[i:] for w in words for i in range(len(w)))


def word_at(text: str, pos: int, endpos: int, table: dict[str, str], variant: str) -> TextMatch | re.Match[str] | None:
    """The listed word that starts at ``pos`` (any case) and ends before ``endpos``, if any.

    What ``capitalized_regex(variant).match(text, pos, endpos)`` finds, by a lookup: the
    listed words are lower-case ASCII letters and hyphens, so an ASCII word matches one
    ignoring case exactly when its lower case is a key. Other words go to the regex
    (Unicode case folding: "ſ" matches "s"), which is compiled only then.
    """
    end = _WORD_REST.match(text, pos, endpos).end()
    word = text[pos:end]
    if word.isascii():
        return TextMatch(pos, end, word) if word.lower() in table else None
    caps = capitalized_regex(variant)
    return caps.match(text, pos, endpos) if caps is not None else None


@functools.lru_cache(maxsize=4)
def capitalized_regex(variant: str) -> re.Pattern[str] | None:
    table, _ = spelling_table(variant)
    if not table:
        return None
    from resolint.citations.extract import trie_regex

    return re.compile(rf"(?:{trie_regex(sorted(table))})(?![^\W_]|-)", re.IGNORECASE)


def _recase(found: str, right: str) -> str | None:
    if found.islower():
        return right
    if found.isupper():
        return right.upper()
    if found[0].isupper() and found[1:].islower():
        return right[0].upper() + right[1:]
    return None


#: Where a paragraph's opener word starts (one helper for every TRM rule).
_head_start = opener_head


class Spelling(TermKeyedRule):
    """
    ## What it does
    Checks spelling against the style's dictionary: Oxford spelling in United Nations
    and INTERPOL styles — "-ize" (organize, recognize, criminalize), "-yse" (analyse),
    British "-our", "-re", "-ence" (favour, centre, defence), "programme" (but "computer
    program", "computer programs": the computing word), "ageing". Quotations, official titles of instruments, and capitalized words inside a sentence
    (proper names such as "Organisation for Economic Co-operation and Development") keep
    their own spelling; but the name of a United Nations programme is spelt its own way,
    "Programme", and "United Nations Development Program" is reported (a listed name,
    found whole; not where a capitalized word goes on with it into another body's name:
    "World Food Program USA").

    ## Why is this bad?
    The UN Editorial Manual follows the first spelling of the Concise Oxford Dictionary;
    a text that mixes "organise" and "organize" looks unedited.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Encourages Member States to criminalise the conduct and to share a programme of work.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Encourages Member States to criminalize the conduct and to share a programme of work.
    ```

    ## Fix safety
    Safe: the same word in the house spelling; "Programme" in a United Nations
    programme's name, but unsafe where a capitalized word and "of" stand before the name
    ("Friends of the World Food Program": the name may end another body's). Unsafe where the word follows a
    capitalized "Convention", "Protocol", "Agreement" (and the like) in the same clause
    ("the Second Additional Protocol to the Convention on Cybercrime on enhanced
    co-operation …"): it may be part of the official title of an instrument the reference
    data does not hold, whose spelling is its own. Unsafe, and worth a look only (info),
    where the word stands among words of another language ("welcomes la reforma labor
    social", "*Ley de labor y empleo*", "(consejo nacional de labor)"): it may be that
    language's word, in the name of a foreign programme, law or institution. The same
    inside a longer stretch in italics (Markdown emphasis or a Word document's italic
    type) other than the opener's: United Nations style italicizes the titles of
    publications ("*Reducing labor costs in the region*") and foreign words; the same
    in HTML's ``<i>`` or ``<em>``, in a title after "entitled" or "titled" ('the study
    entitled Reducing labor costs in the region, of 2020': up to the next comma,
    semicolon, bracket, quotation mark or full stop), in a web or e-mail address, a
    Markdown code span (`` `labor_cost` ``) and an HTML comment (a reviewer's note).
    Unsafe too for a capitalized word at a clause's head that a capitalized word follows
    ("(a) Organisation of Islamic Cooperation;", "(b) Labor Party members"): it opens a
    name (an opener's verb, "Recognising Member States' efforts", keeps its safe fix).

    ## Options
    The style's `[spelling] variant` (`"oxford"`; empty turns the rule off, as in the
    Model UN style).

    ## References
    - UN Editorial Manual (its dictionary is the Concise Oxford English Dictionary, first-listed spellings: programme, judgement; -ize, but analyse): <https://www.un.org/dgacm/en/content/editorial-manual>

    Repository note: the project knowledge base (`../shared/kb`) §1.8 (UN Editorial Guide: Concise Oxford, -ize, -yse, programme; quoted text keeps its own spelling).
    """

    code = "TRM010"
    name = "spelling"
    summary = "Word not in the style's spelling"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    # Local (TermKeyedRule): each paragraph's findings depend on its own text, its opener,
    # the quotations and official titles that overlap it and the nine characters before
    # it (one after it), all in ``paragraph_facts.term_keys`` (shared with TRM011, TRM018).

    def paragraphs(self, ctx: RuleContext):
        """The drafter's own paragraphs, the list TRM011 reads (and its keys, built once
        per keystroke for both); the title and the closing lines are skipped when read."""
        if not spelling_table(_variant(ctx))[0]:
            return []
        return ctx.facts.own_paragraphs

    def check(self, ctx: RuleContext):
        """What :meth:`check_paragraph` finds in each of :meth:`paragraphs`, by one scan
        of the whole text (a lint without a cache: cheaper than a scan per paragraph)."""
        variant = _variant(ctx)
        table, literals = spelling_table(variant)
        if not table:
            return
        text = ctx.text
        spans = (quote_spans(ctx), instrument_spans(ctx))
        yield from self._scan(ctx, table, own_matches(ctx, lowercase_word_matches(text, table, literals), skip_quotes=False), spans)
        yield from self._scan(ctx, table, own_text_matches(ctx, _ISE, skip_quotes=False), spans)
        may = _may_head(ctx, text, literals)
        starts = (
            (p, m)
            for p in ctx.resolution.paragraphs
            if (may is None or p.index in may) and (m := _capitalized_head(ctx, p, table, variant)) is not None
        )
        yield from self._scan(ctx, table, starts, spans)
        if _US_PROGRAM in text or US_CAPS in text:  # (most texts: one scan instead of a look per paragraph)
            for p in ctx.facts.own_paragraphs:
                yield from _programme_names(text, p, spans)

    def check_paragraph(self, ctx: RuleContext, p):
        if p.kind in _NOT_CHECKED:
            return
        variant = _variant(ctx)
        table, literals = spelling_table(variant)
        text, lo, hi = ctx.text, p.span.start, p.span.end
        words: list = lowercase_word_matches(text, table, literals, lo, hi)
        words += ise_matches(text, lo, hi)
        head = _capitalized_head(ctx, p, table, variant)
        if head is not None:
            words.append(head)
        if word_before(text, lo):
            # A word may run on from the paragraph before: read the document's lists.
            spans = (quote_spans(ctx), instrument_spans(ctx))
        else:
            spans = (spans_in(ctx, "quotes", p), spans_in(ctx, "titles", p))
        yield from self._scan(ctx, table, ((p, w) for w in words), spans)
        yield from _programme_names(text, p, spans)

    def _scan(self, ctx: RuleContext, table: dict[str, str], matches, spans: tuple[list[Span], list[Span]]):
        text = ctx.text
        quotes, titles = spans
        for p, m in matches:
            m = _whole_word(text, table, m)
            if m is None or p.kind in _NOT_CHECKED:
                continue  # the title is the agenda item's; the vote line is DOC014's
            found = m.group(0)
            at_start = m.start() in (p.content.start, _head_start(ctx, p))
            if found[0].isupper() and not found.isupper() and not at_start:
                continue  # a proper name
            if in_spans(m.start(), quotes) or in_spans(m.start(), titles):
                continue
            right = _recase(found, table[found.lower()])
            if right is None or right == found:
                continue
            if found.lower() in ("program", "programs") and _COMPUTER_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "computer program(s)": the computing word keeps its spelling, plural as singular
            span = Span(m.start(), m.end())
            unless = not_the_drafters(ctx, p, span, _head_start(ctx, p)) or (at_start and _opens_a_name(text, found, right, span.end))
            # "program" is also the computing word, which keeps its spelling, and a word among
            # another language's words or in a title in italics may be theirs: worth a look only.
            sev = Severity.INFO if unless or found.lower() in ("program", "programs") else None
            yield Violation(span, f"This style spells it '{right}'", _respelling(text, p, span, right, unless), severity=sev)


#: The word a United Nations programme's name is misspelt with (:func:`_programme_names`).
_US_PROGRAM = "Program"


def _programme_names(text: str, p, spans: tuple[list[Span], list[Span]]):
    """A United Nations programme's name written "Program" ("United Nations Development
    Program"): the name's own spelling is "Programme", which a proper name otherwise keeps
    (:mod:`resolint_rules.trm.un_programme_names`)."""
    if p.kind in _NOT_CHECKED or (text.find(_US_PROGRAM, p.span.start, p.span.end) < 0 and text.find(US_CAPS, p.span.start, p.span.end) < 0):
        return
    for span, name, safe in us_spelt_names(text, p.span.start, p.span.end):
        if in_spans(span.start, spans[0]) or in_spans(span.start, spans[1]):
            continue
        right = "PROGRAMME" if text[span.start : span.end] == US_CAPS else "Programme"
        fix = (Fix.safe if safe else Fix.unsafe)(
            f"Write '{right}'" if safe else f"Write '{right}' (unless the name is part of another body's)", Edit(span, right)
        )
        yield Violation(span, f"The {name} spells its name 'Programme'", fix)


#: A capitalized word that heads an instrument's name ("Protocol", "Convention"), then at
#: most seven words up to the end of the text searched, with no comma, semicolon, colon,
#: full stop or bracket (line breaks of a wrapped draft are spaces). A word right after
#: may be part of the title of an instrument the reference data does not hold ("Second
#: Additional Protocol to the Convention on Cybercrime on enhanced co-operation and
#: disclosure of electronic evidence"), whose spelling is its own. (Further on, it is
#: the sentence's: "… the Second Cuba Agreement between the Government of Colombia and
#: the ELN and to that end authorises …".) A title may go on after a comma with what the
#: instrument is about: "Additional Protocol to the Convention on Cybercrime, concerning
#: the criminalisation of acts of a racist and xenophobic nature …" (the Council of
#: Europe's, spelled its way).
_TITLE_WORDS = r"(?:\s+[^\s,;:.()\[\]]+){0,7}"
_INSTRUMENT_HEAD_BEFORE = re.compile(
    r"(?<![^\W_])(?:Convention|Protocol|Agreement|Treaty|Covenant|Charter|Statute|Declaration|Arrangement|Accord)s?"
    rf"{_TITLE_WORDS}(?:,\s+(?:concerning|relating\s+to|regarding){_TITLE_WORDS})?\s+$"
)
#: How far back a title's head word is looked for.
_TITLE_REACH = 160


def _respelling(text: str, p, span: Span, right: str, unless: str) -> Fix:
    """The fix that writes ``right`` for ``span``: unsafe when the word may stand inside an
    official title the data does not know (:data:`_INSTRUMENT_HEAD_BEFORE`, looked for in
    the paragraph only), since ``--fix`` would then change the instrument's name, and
    when it may be someone else's word (``unless``: :func:`~resolint_rules.trm.others_words.not_the_drafters`)."""
    lo = max(p.content.start, span.start - _TITLE_REACH)
    if _INSTRUMENT_HEAD_BEFORE.search(text, lo, span.start):
        return Fix.unsafe(f"Write '{right}' (unless it is part of an instrument's title)", Edit(span, right))
    if unless:
        return Fix.unsafe(f"Write '{right}' ({unless})", Edit(span, right))
    return Fix.safe(f"Write '{right}'", Edit(span, right))


#: Spaces, and a linking word of a name ("Organisation for Economic Co-operation", "Labor
#: Party", "Organisation de la Francophonie") before the next word, whose capital is
#: checked by :func:`_opens_a_name`.
_NAME_LINK = lazy(r"[ \t\u00a0]+(?:(?:of|for|on|in|de|des|du|del|la|le|di|da|do)[ \t\u00a0]+)*(?P<next>[^\W\d_]+)")


def _opens_a_name(text: str, found: str, right: str, end: int) -> str:
    """Why a capitalized word at a clause's head may not be respelt safely: a capitalized
    word (not an acronym) follows it, alone or after a name's linking words ("(a)
    Organisation of Islamic Cooperation;", "(b) Labor Party members"), so it opens a name,
    whose spelling is its own. "" otherwise, and for an opener's verb, which no name starts with ("Recognising
    Member States' efforts", "Authorises United Nations bodies": a participle in "-ing" or
    a verb form of :data:`resolint.verbforms.FORMS` in "-s", respelt)."""
    if not found[:1].isupper() or found.isupper():
        return ""
    m = _NAME_LINK.match(text, end)
    if m is None or not m.group("next").istitle():
        return ""  # lower case, or an acronym ("(i) Stabilisation and DDR", a heading's words)
    from resolint.verbforms import FORMS  # lazy: 6 ms, asked only of a capitalized clause head before a capital

    word = right.lower()
    if word.endswith("ing") or FORMS.get(word, ("", "", ""))[2] == word:
        return ""
    return "unless it is no part of a name"


#: "computer" right before a word (any whitespace between, a line break of a wrapped
#: draft too): "computer program" and "computer programs" are the computing word, which
#: Oxford spelling writes "program" (a "programme" is a plan of activities).
_COMPUTER_BEFORE = lazy(r"(?<![^\W_])computer\s+$", re.IGNORECASE)


#: Paragraphs whose spelling is not the drafter's: the title is the agenda item's, the
#: vote line is DOC014's.
_NOT_CHECKED = (Kind.TITLE, Kind.CLOSING)


def _variant(ctx: RuleContext) -> str:
    return ctx.style.get("spelling.variant", "") or ""


def _capitalized_head(ctx: RuleContext, p, table: dict[str, str], variant: str):
    """The listed word, not in lower case, at the head of a clause, if any."""
    if p.kind not in (_PREAMBLE, _OPERATIVE, _SUBPARAGRAPH):
        return None
    head = _head_start(ctx, p)
    m = word_at(ctx.text, head, min(p.content.end, head + 60), table, variant)
    return m if m and not m.group(0).islower() else None


#: Letters beyond ASCII that a case-insensitive regex matches with an ASCII one (dotted
#: and dotless i, long s, the Kelvin sign): ``word_at`` may read a listed word written
#: with one, which :func:`_may_head` does not look for.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
#: What every word of the -ise family holds (``_ISE``: "-ise", "-ising", "-isation").
_ISE_MARKS = ("ise", "isin", "isat")


def _may_head(ctx: RuleContext, text: str, literals: tuple[str, ...]) -> set[int] | None:
    """The indices of the paragraphs that may hold a listed word in any case (None: any
    paragraph may), by one search of the text's ASCII letters in lower case.

    A listed word at a clause's head (:func:`_capitalized_head`) holds, in lower case,
    one of ``literals`` (the words not of the -ise family) or of :data:`_ISE_MARKS`, and
    the search, leftmost-first, reports that occurrence or a match over part of it: the
    paragraphs a match lies in hold every such head. Finding a head means finding the
    clause's opener, which the other rules need for most paragraphs but not for a
    sub-paragraph: about 2,800 openers a corpus run were looked for only here, and
    16,000 heads read for some 400 listed words."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return None
    try:
        hits = find_indexes(automaton(literals + _ISE_MARKS, leftmost_first=True), text, ascii_case=True)
    except UnicodeEncodeError:
        return None
    paragraphs = ctx.resolution.paragraphs
    starts = [p.span.start for p in paragraphs]
    may: set[int] = set()
    for _, s, e in hits:
        i = max(0, bisect.bisect_right(starts, s) - 1)
        while i < len(paragraphs) and paragraphs[i].span.start < e:  # each paragraph the match lies in
            if paragraphs[i].span.end > s:
                may.add(paragraphs[i].index)
            i += 1
    return may


def _whole_word(text: str, table: dict[str, str], m):
    """The listed word a match stands for: the whole word an "-ise" ending ends (over a
    line-end hyphen too), the match itself when it starts a word, None when it is inside
    a longer word."""
    start = m.start()
    if m.group(0).startswith("is") and m.group(0).lower() not in table:
        while start and text[start - 1].isalpha():
            start -= 1
        word = text[start : m.end()]
        if word.lower() not in table and (first := first_half_start(text, start)) is not None:
            # "organ-" / "ise" (a PDF's line-end hyphen): the word is read, and respelt, whole.
            word = text[first : start].split("-", 1)[0] + word
            start = first
        if word.lower() not in table or not word.islower() or _joined_before(text, start):
            return None
        return TextMatch(start, m.end(), word)
    if word_before(text, start, "-") or _joined_before(text, start):
        return None  # inside a longer word
    return m


def _joined_before(text: str, start: int) -> bool:
    """Whether an underscore before ``start`` joins the word to one before it
    ("rule_labor", a name in code). Underscores after a space or punctuation open
    Markdown emphasis ("_labor costs in the region_", "__labor__"): the word starts there, as an
    underscore after a word ends it (``_WORD_REST``), and as "*labor costs*" reads."""
    i = start
    while i and text[i - 1] == "_":
        i -= 1
    return i < start and word_before(text, i, "-")
