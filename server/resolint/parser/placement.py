"""Place each paragraph: title, opening, preamble, operative, sub-paragraph, closing, annex.

Placement walks the paragraphs once, in order, with a small state (:class:`Placement`).
For each paragraph it tries the steps of :data:`LEAD_STEPS` and then :data:`BODY_STEPS`
in order; the first step that recognizes the paragraph sets its kind (and whatever else
it knows: parent, depth, part) and stops the walk. A step that does not recognize the
paragraph returns ``False`` and may still update the state (the end of a quoted text,
the end of the title block). The order is the reading order of the rules: what is
certain from the text alone (an annex, a comment, the closing lines) comes before what
is read from the opener's shape and the final mark.

To add a rule of placement, write a step named for what it recognizes and put it in
the list where it belongs; nothing else needs to change.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from dataclasses import field

from resolint.invisible import readable, readable_start
from resolint.model import Kind, Label, LabelScheme, Paragraph, Resolution
from resolint.nlp import known_forms
from resolint.parser import patterns as P
from resolint.parser.blocks import RawParagraph
from resolint.parser.groups import (
    FOOTNOTE_LEADS,
    FOOTNOTE_RULE,
    NUMBERED_FOOTNOTE,
    is_footnote,
    is_furniture_paragraph,
    itu_operative_verbs,
    looks_like_group_opener,
    opens_items,
)
from resolint.parser.labels import REFERENCE_ENDS_OR_COMMENT, alpha_value, decimal_path, note_reference_numbers
from resolint.parser.lexicon import listed_opener
from resolint.parser.openings import as_one_line, is_opening, is_transmittal, opening_name
from resolint.parser.wordshape import first_words, has_participle_ending, opener_shape
from resolint.records import record
from resolint.source import SourceText, Span

#: A section heading ("I. General provisions") is at most this long; a longer
#: paragraph that starts with "I." is a clause.
SECTION_HEADING_MAX_CHARS = 320
#: A section heading with a final full stop is a short one ("II. Scope.").
SHORT_SECTION_HEADING_MAX_CHARS = 60
#: A title-case line without final mark ("Sustainable development") is a heading up to this length.
TOPIC_HEADING_MAX_CHARS = 120
#: An unnumbered line between numbered operative paragraphs ("Financing of the
#: appropriation") is a heading up to this length.
INTERLUDE_HEADING_MAX_CHARS = 250


class Phase(enum.Enum):
    """Where in the resolution the walk is."""

    TITLE = "title"  # before the opening (or the first clause)
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    CLOSING = "closing"  # after "Adopted …" / "38th plenary meeting" / a date line
    #: In a signature block after the operative part ("Signatories:" and the names after
    #: it), or in amendments appended after it.
    SIGNATURES = "signatures"
    #: In a voting record a closing line opened ("[Adopted by a recorded vote …", "In
    #: favour:", the names …), up to the paragraph that closes its bracket.
    RECORD = "record"
    #: After the title line of the next resolution of a compilation, which followed the
    #: operative part / the closing lines (where the walk goes back to without an opening).
    NEXT_TITLE = "next title"
    NEXT_TITLE_CLOSED = "next title after closing"


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ANNEX = Kind.ANNEX
_ARABIC = LabelScheme.ARABIC
_IN_OPERATIVE = Phase.OPERATIVE
_IN_PREAMBLE = Phase.PREAMBLE
_IN_TITLE = Phase.TITLE
_LOWER_ALPHA = LabelScheme.LOWER_ALPHA
_LOWER_ROMAN = LabelScheme.LOWER_ROMAN
_OPERATIVE = Kind.OPERATIVE
_PREAMBLE = Kind.PREAMBLE
_SUBPARAGRAPH = Kind.SUBPARAGRAPH
_UPPER_ALPHA = LabelScheme.UPPER_ALPHA
_UPPER_ROMAN = LabelScheme.UPPER_ROMAN


def ahead_label(p: Paragraph) -> Label | None:
    """The label a look-ahead reads of a paragraph the walk has not placed yet: its label,
    but none for a decimal sub-item's number ("2.1 establish …"), which the walk keeps only
    under the paragraph it names (:func:`decimal_item`): until then it is read as text,
    as it was before such numbers were read (an adopted text's "1.1 The purpose …" after
    "…the following guidelines:" is still that text)."""
    label = p.label
    return None if label is not None and label.form[:1].isdigit() else label


def _starts_lower(content: str) -> bool:
    for ch in content:
        if ch.isalpha():
            return ch.islower()
        if ch not in "*_\"“'‘":
            return False
    return False


#: ASCII letters, and those that cannot start a fixed line: every pattern of a step below
#: is anchored at the paragraph's start, after emphasis ("*_") or Markdown marks at most,
#: so a paragraph that starts with a letter its pattern cannot start with is passed over
#: without running it (most paragraphs start with a letter: "Recalling", "Decides").
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NOT_T = _LETTERS - set("tT")  # OPENING: "The …" (case-insensitive; only t and T fold to t)
_NOT_A = _LETTERS - set("aA")  # ANNEX…, ADOPTED: "Annex", "Adopted"
_NOT_CLOSING = _LETTERS - set("aApPfFrR")  # ADOPTED, VOTE_RESULT: "Adopted", "Passed", "Failed", "Rejected"
_NOT_A_OR_C = _LETTERS - set("aAcCtT")  # "Article", "Chapter", "Contents", "Table of contents"
_NOT_W = _LETTERS - set("wW")  # DECLARATION_START: "We, the Heads of State …"
_DIGITS = frozenset("0123456789")
#: Where the operative part has begun: a closing line or an annex may come.
_AFTER_BODY = (Phase.OPERATIVE, Phase.CLOSING, Phase.SIGNATURES, Phase.RECORD)
#: Where the closing lines have begun (an adoption line, a signature block).
_CLOSED = (Phase.CLOSING, Phase.SIGNATURES, Phase.RECORD)


@record(slots=True)
class Clause:
    """The paragraph being placed, with the text the steps look at."""

    p: Paragraph
    raw: RawParagraph
    body: str  # the whole paragraph
    content: str  # after bullet and label
    term: str  # the final mark, or ""
    lead: str = ""  # the first character of ``body``
    _shape: str | None = None

    @property
    def shape(self) -> str:
        """"preamble", "operative" or "" (see wordshape.opener_shape); read from the
        words on first use: most numbered paragraphs are placed without it."""
        if self._shape is None:
            self._shape = opener_shape(self.content)
        return self._shape


@record(slots=True)
class Placement:
    """What the walk knows so far, and the document it walks."""

    source: SourceText
    res: Resolution
    paragraphs: list[Paragraph]
    opening_line: int | None
    phase: Phase = Phase.TITLE
    part: int = 0
    in_annex: bool = False
    #: An unnumbered operative paragraph ending ":" whose items follow (INTERPOL).
    list_intro: Paragraph | None = None
    #: Open sub-paragraphs, shallowest first.
    sub_stack: list[Paragraph] = field(default_factory=list)
    #: The latest preambular or operative paragraph: sub-paragraphs attach to it.
    last_clause: Paragraph | None = None
    #: Inside a text the resolution adopts ("Adopts the following declaration:").
    quoting: bool = False
    #: That text is a quotation ("…replaced by the following text: “…”;"): it ends with
    #: the paragraph that closes the quote, and the operative part goes on after it.
    quote_ends: bool = False
    #: The open group opener ("recalling", "resolves") whose items follow.
    group: Paragraph | None = None
    #: Who speaks in the last opening (:func:`opening_name`): the same opening in an
    #: annex starts the next resolution of a compilation.
    organ: str = ""
    #: The last paragraph was a section's bare number or letter ("I", "B."): the line
    #: after it is the section's title (:func:`section_heading`).
    after_marker: bool = False
    #: The last paragraph placed is the latest clause: an item typed "1." right after it
    #: is its first item (:func:`numbered_subitem`). Part of the state, not read from the
    #: paragraphs' indices: a resumed walk compares states, and a heading put between the
    #: clause and the item changes no index the state holds (``resolint.parser.resume``).
    after_clause: bool = False
    #: The last paragraphs placed were footnotes under a rule of underscores: one that
    #: starts with a number is the next footnote (:func:`footnote_text`).
    in_footnotes: bool = False
    #: The numbers of the footnote references the paragraphs placed so far end with
    #: ("…Member States:2"): a paragraph "2 And, where applicable, …" is that footnote's
    #: text, copied from a page without its rule of underscores (:func:`footnote_text`).
    note_numbers: frozenset[int] = frozenset()
    #: Whether a list intro's children hold a sub-paragraph, as counted so far: (the
    #: children list, how many of them were looked at, the answer). Not part of the
    #: walk's state (it follows from the paragraphs); see :meth:`has_lettered_child`.
    lettered_count: tuple[list[Paragraph] | None, int, bool] = (None, 0, False)
    #: The farthest paragraph a look-ahead has read (:meth:`ahead`), by index; the number
    #: of paragraphs when one read past the last. A resumed walk sets it before each
    #: paragraph and keeps what it reached: an edit there may change that paragraph's
    #: placement (``resolint.parser.resume``). Not part of the walk's state.
    reach: int = -1

    @property
    def text(self) -> str:
        return self.source.text

    def close_lists(self) -> None:
        """A heading or a new clause ends the open list, group and sub-paragraphs."""
        self.list_intro, self.sub_stack, self.group = None, [], None

    def begin_clause(self, p: Paragraph, kind: Kind) -> bool:
        """Place ``p`` as a preambular clause that sub-paragraphs may attach to."""
        p.kind = kind
        self.last_clause = p
        self.sub_stack = []
        return True

    def attach(self, p: Paragraph, parent: Paragraph) -> bool:
        """Place ``p`` as a sub-paragraph of ``parent``."""
        p.kind = Kind.SUBPARAGRAPH
        p.parent = parent
        p.depth = parent.depth + 1
        parent.children.append(p)
        return True

    def has_lettered_child(self, intro: Paragraph) -> bool:
        """Whether one of ``intro``'s children is a sub-paragraph ("Decides:" / "(a) …").
        Asked at every item of a list: the children after those counted at the last
        question are looked at (a walk only appends to a list's children; counted from
        the first at every item, it was quadratic in the list's length)."""
        children = intro.children
        counted, seen, lettered = self.lettered_count
        if counted is not children or seen > len(children):
            seen, lettered = 0, False
        if not lettered:
            lettered = any(children[i].kind is Kind.SUBPARAGRAPH for i in range(seen, len(children)))
        self.lettered_count = (children, len(children), lettered)
        return lettered

    # -- looking ahead -----------------------------------------------------------
    def ahead(self, index: int) -> Iterator[Paragraph]:
        """The paragraphs after ``paragraphs[index]``, in order, read in place; every
        look-ahead reads through here, so :attr:`reach` says how far it read (a group
        opener looks for the next one up to the next resolution: the edit of a paragraph
        far below it changes its kind, and a resumed walk must know)."""
        paragraphs = self.paragraphs
        n = len(paragraphs)
        for k in range(index + 1, n):
            if k > self.reach:
                self.reach = k
            yield paragraphs[k]
        self.reach = n  # read past the last: a paragraph added at the end is read too

    def next_is_operative(self, index: int) -> bool:
        """Whether the next clause is an unnumbered operative one ("CALLING UPON …;" then "REQUESTS …")."""
        nxt = self._next_past_comments(index)
        if nxt is None:
            return False
        if ahead_label(nxt) is not None:
            # Numbered operative paragraphs follow: an unnumbered clause before them
            # is the last preambular paragraph with a wrong mark, not an operative one.
            return False
        return opener_shape(self.text[nxt.content.start : nxt.content.end]) == "operative"

    def next_substantive(self, index: int) -> Paragraph | None:
        """The next paragraph that is not a directive comment or a footnote."""
        for nxt in self.ahead(index):
            body = self.text[nxt.span.start : nxt.span.end]
            if nxt.kind is Kind.DIRECTIVE or P.HTML_COMMENT.match(body) or is_footnote(body):
                continue
            return nxt
        return None

    def next_is_numbered(self, index: int) -> bool:
        return self.next_number(index) is not None

    def next_number(self, index: int) -> int | None:
        """The number of the paragraph after ``index``, past comments, when it is numbered
        (arabic), else None. (A ``resolint: ignore`` comment between a heading and its
        paragraph, as the language server's "disable" action writes it, made the heading
        an unnumbered operative paragraph: four errors, and the finding not hidden.)"""
        nxt = self._next_past_comments(index)
        label = None if nxt is None else ahead_label(nxt)
        if label is None or label.scheme is not LabelScheme.ARABIC:
            return None
        return label.value

    def _next_past_comments(self, index: int) -> Paragraph | None:
        """The first paragraph after ``index`` that is not a comment alone."""
        for nxt in self.ahead(index):
            if nxt.kind is not Kind.DIRECTIVE and not P.HTML_COMMENT.match(self.text[nxt.span.start : nxt.span.end]):
                return nxt
        return None

    def next_is_unlabelled_text(self, index: int) -> bool:
        """After "…the following declaration:", is what follows adopted text (not a list)?
        Read past comments (one before "(a) …" made the list adopted text)."""
        nxt = self._next_past_comments(index)
        if nxt is None:
            return False
        content = self.text[nxt.content.start : nxt.content.end]
        return ahead_label(nxt) is None and nxt.bullet is None and not _starts_lower(content) and not is_opening(content)

    def next_opens_long_quote(self, index: int) -> bool:
        """Whether the paragraph after ``index`` opens a quotation it does not close: text
        that another resolution's paragraph is to become ("…replace paragraph 2 … with:" /
        "“2. Decides that … apply to:" / "(a) the provision …;" / "(b) … needs,”;"), read
        as it is up to its closing quote mark (:func:`adopted_text`). Read as the
        paragraph's sub-paragraphs, the quoted words had OPR010's capitals "fixed". One
        quoted paragraph that closes itself stays the paragraph's own
        (:func:`quoted_after_colon`)."""
        nxt = self._next_past_comments(index)
        if nxt is None:
            return False
        body = self.text[nxt.span.start : nxt.span.end]
        return body.lstrip("*_")[:1] in OPEN_QUOTES and not closes_quote(body)

    def next_opens_quote(self, index: int) -> bool:
        """Whether the paragraph after ``index``, past comments, starts with a quote mark."""
        nxt = self._next_past_comments(index)
        return nxt is not None and self.text[nxt.span.start : nxt.span.end].lstrip("*_")[:1] in OPEN_QUOTES


#: Marks that open a quotation at a paragraph's start; the curly and angle ones and the
#: straight double quote that close one (:func:`closes_quote`).
OPEN_QUOTES = "“\"«"
_CURLY_OPEN, _CURLY_CLOSE = "“«", "”»"


def closes_quote(body: str) -> bool:
    """Whether paragraph ``body`` of a quotation closes it: it has more closing curly
    marks than opening ones, its own first mark left out (each paragraph of a quotation
    may open with one, and only the last closes it: "“(a) …;" / "“(b) …”;"), or an odd
    number of straight double quotes after that first mark ("(b) …,";"; a quoted title
    inside, "entitled "X"", has two)."""
    text = body.lstrip("*_")
    own = 1 if text[:1] in OPEN_QUOTES else 0
    rest = text[own:]
    if text[:1] == '"' or '"' in rest:
        return rest.count('"') % 2 == 1
    return sum(map(rest.count, _CURLY_CLOSE)) > sum(map(rest.count, _CURLY_OPEN))


Step = Callable[[Placement, Clause], bool]


# -- lead steps: before the part is known ------------------------------------------
def annex_continues(st: Placement, c: Clause) -> bool:
    """Everything after an annex heading belongs to the annex, up to an opening of the
    same speaker as the last one: the next resolution of a compilation (the annex of an
    ITU or Security Council resolution is followed by the next one's title and opening;
    read as annex, every later resolution went unchecked). Another speaker's opening
    ("The General Assembly," in a draft an ECOSOC resolution annexes) is annex text."""
    if not st.in_annex:
        return False
    if st.organ and c.p.label is None and c.lead not in _NOT_T and is_opening(c.body) and opening_name(c.body) == st.organ:
        st.in_annex = False  # the body steps place it as a repeated opening
        return False
    c.p.kind = _ANNEX
    return True


def directive_comment(st: Placement, c: Clause) -> bool:
    """A ``<!-- … -->`` comment on a paragraph of its own."""
    if c.lead == "<" and P.HTML_COMMENT.match(c.body):
        c.p.kind = Kind.DIRECTIVE
        return True
    return False


def title_block(st: Placement, c: Clause) -> bool:
    """Title lines, then the opening; without an opening, the first clause starts the body."""
    if st.phase is not _IN_TITLE:
        return False
    p = c.p
    if st.opening_line is not None and c.raw.first_line < st.opening_line:
        p.kind = Kind.TITLE
        return True
    if st.opening_line is not None or is_opening(c.body):
        p.kind = Kind.OPENING
        st.res.openings.append(p)
        st.organ = opening_name(c.body)
        st.phase = Phase.PREAMBLE
        return True
    if not _looks_like_clause(st, c):
        p.kind = Kind.TITLE
        # "Amendments to draft resolution A/C.3/80/L.21": the rest is instructions and
        # the clauses they quote, read as annexed text (the ambiguous form read the
        # conservative way): as a draft, "Replace operative paragraph 3 with …" and
        # "“3. Calls upon …;”" were unnumbered operative paragraphs with unknown openers.
        st.in_annex = st.in_annex or st.opening_line is None and P.AMENDMENTS_TO_DRAFT.match(c.body) is not None
        return True
    st.phase = Phase.PREAMBLE  # no opening: the first clause starts the body
    return False


def _looks_like_clause(st: Placement, c: Clause) -> bool:
    if c.p.label is not None and c.p.label.scheme is LabelScheme.ARABIC:
        return True
    return c.term in (",", ";") and c.shape != ""


# -- body steps -------------------------------------------------------------------
def repeated_opening(st: Placement, c: Clause) -> bool:
    """A further opening starts a new part of a multi-part resolution."""
    if c.p.label is not None or c.lead in _NOT_T or not is_opening(c.body):
        return False
    return _start_part(st, c)


def _start_part(st: Placement, c: Clause) -> bool:
    st.part += 1
    c.p.part = st.part
    c.p.kind = Kind.OPENING
    st.res.openings.append(c.p)
    st.organ = opening_name(c.body)
    st.phase = Phase.PREAMBLE
    st.close_lists()
    st.last_clause = None
    return True


def next_resolution_title(st: Placement, c: Clause) -> bool:
    """"RESOLUTION 102 (REV. DUBAI, 2018)" or "79/2. …" after the operative part or the closing lines,
    and the subject lines after it up to the opening (:func:`repeated_opening`): the title
    of the next resolution of a compilation, not operative paragraphs of the one before
    (ITU resolutions end without a closing line, so each subject was reported as a wrong
    operative opener). A clause instead of a subject (a labelled paragraph, one ending
    with a comma or a semicolon) goes on where the walk was, the title read as a heading
    there."""
    p = c.p
    back = _BEFORE_TITLE.get(st.phase)
    if back is not None:
        if p.label is None and (p.terminal is None or c.term in ":."):  # "… resources ...", "ITU Journal:"
            p.kind = Kind.HEADING
            return True
        st.phase = back
        return False
    after = _AFTER_TITLE.get(st.phase)
    if after is None or not (_next_title_line(c) if p.label is None else _numbered_transmittal(c.content)):
        return False
    p.kind = Kind.HEADING
    st.phase = after
    st.close_lists()
    return True


_AFTER_TITLE = {Phase.OPERATIVE: Phase.NEXT_TITLE, Phase.CLOSING: Phase.NEXT_TITLE_CLOSED}
_BEFORE_TITLE = {after: before for before, after in _AFTER_TITLE.items()}
# (Added after the inverse is taken: a title after a signature block goes back to CLOSING.)
_AFTER_TITLE[Phase.SIGNATURES] = _AFTER_TITLE[Phase.RECORD] = Phase.NEXT_TITLE_CLOSED
_TITLE_LEADS = frozenset("R*_# \t")
_UN_TITLE_LEADS = frozenset("0123456789SE*_")
_WHO_TITLE_LEADS = frozenset("WE*_")
_DRAFT_LEADS = frozenset("Dd*_# \t")
_MASTHEAD_LEADS = frozenset("U*_")


def _numbered_transmittal(content: str) -> bool:
    """A transmittal formula a commission's report numbers as its own paragraph ("2. The
    Commission … recommends to the Economic and Social Council the adoption of the
    following draft resolution:"): it starts with the body's name, as no operative
    paragraph does (``content``: the clause's own, not sliced again)."""
    # (Asked of every numbered paragraph: a formula starts as an opening, "The …", and
    # ends with a colon, a footnote's reference or emphasis at most after it.)
    return content[:1] not in _NOT_T and ":" in content[-8:] and is_transmittal(content)


def _next_title_line(c: Clause) -> bool:
    """An ITU resolution's title line, or a UN one's ("79/2. Oceans and the law of the
    sea", as a compilation of a session's resolutions gives each after the last one's
    closing lines), or a transmittal formula (:func:`is_transmittal`: "The Third Committee
    also recommends … the following draft resolution:", as a committee's report passes its
    drafts on, each above its opening), or a World Health Assembly's or its Executive
    Board's ("WHA62.1 Prevention of …", "EB144.R1 …"), or the heading a committee's
    report puts over each of its drafts ("Draft resolution II": the subject after it,
    "Strengthening the rule of law", read as an operative paragraph with a wrong opener),
    or a masthead's first line ("United Nations    S/RES/2810 (2026)": it and the lines
    after it were operative paragraphs, numbered by the safe fixes)."""
    if c.lead in _TITLE_LEADS and P.CONFERENCE_TITLE.match(c.body):
        return True
    if c.lead not in _NOT_T and is_transmittal(c.body):
        return True
    if c.lead in _WHO_TITLE_LEADS and P.WHO_TITLE.match(c.body):
        return True
    if c.lead in _DRAFT_LEADS and P.DRAFT_HEADING.match(c.body):
        return True
    if c.lead in _MASTHEAD_LEADS and P.MASTHEAD.match(c.body.partition("\n")[0].rstrip()):
        return True
    return c.lead in _UN_TITLE_LEADS and P.UN_TITLE.match(c.body) is not None


def page_furniture(st: Placement, c: Clause) -> bool:
    """Job numbers, page numbers, barcodes and the symbol in a page's running header, left
    by a PDF conversion between paragraphs (DOC016 offers to remove them); longer text of
    digits and marks only is left unplaced (DOC004). Neither changes the state."""
    if is_furniture_paragraph(st.source.text, c.raw):  # the merge's judgement: what it joins across is furniture here
        c.p.kind = Kind.FURNITURE
        return True
    if c.lead not in _LETTERS and P.JUNK.match(c.body):
        c.p.kind = Kind.UNPLACED
        return True
    return False


def footnote_text(st: Placement, c: Clause) -> bool:
    """Footnote text between paragraphs: what a conversion left ("____ 1 These include
    …"), or typed ("¹ Resolution 79/243, annex.", "[1] …", "[^1]: …"); a rule of
    underscores alone, and after it each paragraph that starts with a footnote's number
    ("1 See A/81/123.", a page's footnotes copied from a PDF with blank lines between
    them) but for a numbered clause whose point was lost ("6 Decides …")."""
    if c.lead in FOOTNOTE_LEADS and (is_footnote(c.body) or FOOTNOTE_RULE.match(c.body)):
        c.p.kind = Kind.NOTE  # the group or list goes on
        st.in_footnotes = True
        return True
    if (st.in_footnotes or c.lead in _DIGITS and st.note_numbers) and (number := NUMBERED_FOOTNOTE.match(c.body)) \
            and (st.in_footnotes or _referred_to(st, number.group())) and not listed_opener(c.body[number.end() :]):
        c.p.kind = Kind.NOTE
        st.in_footnotes = True
        return True
    st.in_footnotes = False
    return False


def _referred_to(st: Placement, number: str) -> bool:
    """Whether a footnote's number ("2 " at a paragraph's start) is that of a reference
    the text before has: the World Health Assembly's texts, copied from a PDF, keep their
    page's footnotes ("2 And, where applicable, regional economic integration
    organizations.") with no rule above them, and only the reference ("URGES Member
    States:2") tells them from a paragraph whose number lost its point."""
    digits = number.rstrip()
    return digits.isdigit() and int(digits) in st.note_numbers


def annex_heading(st: Placement, c: Clause) -> bool:
    """"Annex", or after the operative part "Annex <title>": the annex starts."""
    if c.lead in _NOT_A:
        return False
    after_body = st.phase in _AFTER_BODY
    if P.ANNEX.match(c.body) or P.ANNEX_TO_RESOLUTION.match(c.body) or (after_body and P.ANNEX_TITLED.match(c.body)):
        st.in_annex = True
        c.p.kind = Kind.ANNEX
        return True
    return False


def adopted_text(st: Placement, c: Clause) -> bool:
    """Inside a text the resolution adopts, until the closing lines; a quoted one ("…shall
    be replaced by the following text: “…”;") until its closing quote mark."""
    if not st.quoting:
        return False
    if P.ADOPTED.match(c.body) or P.PLENARY.match(c.body):
        st.quoting = st.quote_ends = False
        return False
    if st.quote_ends:
        st.quoting = st.quote_ends = not closes_quote(c.body)
    c.p.kind = Kind.ANNEX
    return True


def closing_line(st: Placement, c: Clause) -> bool:
    """"Adopted …", "38th plenary meeting", and a date line or a vote's result ("PASSED
    (23-5-2)") after the operative part."""
    if c.lead in _NOT_CLOSING:
        return False
    after_body = st.phase in _AFTER_BODY
    body = readable(c.body)  # "1 Decem\u00adber 2025" is a date line
    if P.ADOPTED.match(body) or P.PLENARY.match(body) or (after_body and (P.DATE_LINE.match(body) or P.VOTE_RESULT.match(body))):
        c.p.kind = Kind.CLOSING
        st.phase = Phase.RECORD if P.OPEN_RECORD.match(c.body) else Phase.CLOSING
        return True
    return False


#: Letters a signature block's first line can start with (``P.SIGNATURE_HEADING``,
#: ``P.SIGNATORY``, ``P.SIGN_OFF``).
_NOT_SIGNATURE = _LETTERS - set("sScCdDrRaAhHtTpPkKbBwWmMyYfF")


def signature_block(st: Placement, c: Clause) -> bool:
    """A signature block after the operative part ("Signed,", "Signatories:", "Delegate
    of Canada"), as Model UN resolutions end: closing lines, not a preambular clause out
    of place (it ends with a comma) nor text outside the resolution. What follows it (the
    names) is the block's too, up to a section mark (:func:`after_closing`). Amendments
    appended after the text ("AMENDMENT 2 (submitted by Germany): …") are read so too:
    they quote clauses, which are not the resolution's. So is the sign-off of the message
    a draft was pasted from ("Kind regards," / "Maria"): read as one operative paragraph
    more, it had its number and final mark "fixed", and the real last paragraph's full
    stop turned into a semicolon."""
    if c.p.label is not None or c.lead in _NOT_SIGNATURE or st.phase not in _AFTER_BODY:
        return False
    if not (P.SIGNATURE_HEADING.match(c.body) or P.AMENDMENTS.match(c.body) or P.SIGN_OFF.match(c.body)
            or (P.SIGNATORY.match(c.body) and c.body.rstrip()[-1:] not in ".;")):
        return False
    c.p.kind = Kind.CLOSING
    st.phase = Phase.SIGNATURES
    st.close_lists()
    return True


def text_after_the_final_paragraph(st: Placement, c: Clause) -> bool:
    """After the final full stop of the operative part, an article heading or a table of
    contents is an annexed text whose "Annex" heading is missing (a statute, rules of
    procedure: a conversion dropped the heading, or the drafter forgot it). Its articles
    are not operative paragraphs: the rest is text the parser cannot place (DOC004 says
    so once), not a clause-by-clause list of wrong openers and numbers."""
    if st.phase is not _IN_OPERATIVE or c.p.label is not None:
        return False
    headed = c.lead not in _NOT_A_OR_C and bool(P.ARTICLE_HEADING.match(c.body) or P.CONTENTS_HEADING.match(c.body))
    if not headed and not (c.term == "" and c.lead.isupper() and c.p.bullet is None):
        return False
    if not _after_final_full_stop(st):
        return False
    if not headed and not _heads_a_text_numbered_anew(st, c):
        return False
    c.p.kind = Kind.UNPLACED
    st.phase = Phase.CLOSING
    st.close_lists()
    return True


#: The most paragraphs between an annexed text's first heading and its first numbered
#: paragraph ("Conclusions concerning …" / "Guiding principles" / "1. …"), and the
#: longest such heading.
_HEADINGS_BEFORE_ANEW = 4
_HEADING_MAX_CHARS = 150


def _heads_a_text_numbered_anew(st: Placement, c: Clause) -> bool:
    """Whether ``c``, a line with no final mark after the final full stop, heads a text
    the resolution annexes without an "Annex" heading: an ILO resolution's "Conclusions
    concerning decent work and the care economy" / "Guiding principles" / "1. Care work
    is …". It is no listed opener, and what follows it is headings of that kind up to a
    paragraph numbered 1 (numbered anew), with no opening among them (the next resolution
    of a compilation, whose title line this would be)."""
    if not may_head_a_text(c.body) or listed_opener(c.content) or P.SECTION_HEADING.match(c.body) or P.is_closing_line(c.body):
        return False
    count = 0
    for nxt in st.ahead(c.p.index):
        if nxt.kind is Kind.DIRECTIVE or P.HTML_COMMENT.match(st.text[nxt.span.start : nxt.span.end]):
            continue
        label = ahead_label(nxt)
        if label is not None:
            # "1." or "1)", not a footnote's bare "1 Document A77/10." under its rule
            return label.value == 1 and label.scheme is LabelScheme.ARABIC and label.form != "#"
        body = st.text[nxt.span.start : nxt.span.end]
        count += 1
        if count > _HEADINGS_BEFORE_ANEW or not may_head_a_text(body) or is_opening(body) or P.THEMATIC_BREAK.match(body):
            return False  # (a rule of underscores: a page's footnotes follow)
    return False


def may_head_a_text(body: str) -> bool:
    """Whether a paragraph may be a heading over an annexed text: short, no final mark.
    :func:`_heads_a_text_numbered_anew` looks ahead past such paragraphs, and so must a
    resumed walk (``resolint.parser.resume``: an edit after them may change the placement
    of the heading before them)."""
    return len(body) <= _HEADING_MAX_CHARS and body[-1:] not in ",;:."


def _after_final_full_stop(st: Placement) -> bool:
    """Whether the latest clause (the open sub-paragraph, else the latest operative
    paragraph) ends with a full stop. Read from the walk's state, not from the paragraph
    before: a resumed walk (``resolint.parser.resume``) compares the paragraphs its state
    holds, so what a step reads there is never stale."""
    latest = st.sub_stack[-1] if st.sub_stack else st.last_clause
    return latest is not None and latest.kind in (Kind.OPERATIVE, Kind.SUBPARAGRAPH) and latest.terminal_char(st.source) == "."


def markdown_heading(st: Placement, c: Clause) -> bool:
    """A Markdown heading ("# Part") or thematic break ("---")."""
    if c.lead in _LETTERS or c.lead in _DIGITS:
        return False
    if P.MD_HEADING.match(c.body) or P.THEMATIC_BREAK.match(c.body):
        c.p.kind = Kind.HEADING
        st.close_lists()
        return True
    return False


def after_closing(st: Placement, c: Clause) -> bool:
    """After the closing lines only a real section mark ("B", "II.") starts a new part;
    the rest is outside the resolution, or the names of a signature block, or a voting
    record: up to the paragraph that closes its bracket, or its lines ("Recorded vote:
    78 in favour, …", "In favour: …", "Against: …"; they were text outside the
    resolution, DOC004, which blocks --fix)."""
    if st.phase not in _CLOSED:
        return False
    if st.phase is Phase.RECORD:
        c.p.kind = Kind.CLOSING
        if "]" in c.body:
            st.phase = Phase.CLOSING
        return True
    if P.VOTE_RECORD.match(c.body):  # "Recorded vote: 78 in favour, …", "In favour: Albania, …"
        c.p.kind = Kind.CLOSING
        return True
    if (P.SECTION_HEADING.match(c.body) and len(c.body) < SECTION_HEADING_MAX_CHARS) or P.SECTION_MARK_AND_TITLE.match(c.body):
        # "B" / "Transparency in armaments": the next part of a multi-part resolution,
        # whose title lines come before its opening (see next_resolution_title).
        c.p.kind = Kind.HEADING
        st.phase = Phase.NEXT_TITLE_CLOSED
    else:
        c.p.kind = Kind.CLOSING if st.phase is Phase.SIGNATURES else Kind.UNPLACED
    return True


def quoted_after_colon(st: Placement, c: Clause) -> bool:
    """Quoted text introduced by "…as follows:" belongs to the paragraph before."""
    last = st.last_clause
    if c.content[:1] in "“\"«" and last is not None and last.terminal_char(st.source) == ":":
        return st.attach(c.p, last)
    return False


def charter_lead_in(st: Placement, c: Clause) -> bool:
    """"Acting under Chapter VII of the Charter of the United Nations," alone between
    operative paragraphs: the Security Council says under which powers it takes the
    paragraphs after it (a mandate partly under Chapter VII), as a heading heads them. Read
    as a preambular paragraph, it was reported out of place (DOC003, an error); ending
    with a colon, it became an unnumbered operative paragraph whose items were the
    numbered paragraphs after it. A lead-in followed by its clause ("…, decides that …")
    is a paragraph, and in the preamble the lead-in is its last clause."""
    p = c.p
    if p.label is not None or p.bullet is not None or st.phase is not _IN_OPERATIVE or c.lead in _NOT_A:
        return False
    if not P.CHARTER_LEAD_IN_LINE.match(as_one_line(c.body)):  # (wrapped at "United" / "Nations,")
        return False
    p.kind = Kind.HEADING
    st.close_lists()
    return True


def group_opener(st: Placement, c: Clause) -> bool:
    """An opener alone on its line heading a group of items: "recalling", "resolves".

    The group is preambular or operative by its opener's shape ("considering" /
    "instructs the Secretary-General"); an opener of neither shape ("aware") takes the
    part its items show (lettered: preamble; numbered: operative), else the current one."""
    p = c.p
    if p.label is not None or p.bullet is not None or st.phase not in (_IN_PREAMBLE, _IN_OPERATIVE):
        return False
    if not looks_like_group_opener(c.body, listed_opener):
        return False
    nxt = st.next_substantive(p.index)
    if nxt is None or not opens_items(st.text[nxt.span.start : nxt.span.end], listed_opener):
        return False
    kind = _group_kind(st, c, nxt)
    p.kind = kind
    p.heads_group = True
    if kind is Kind.OPERATIVE:
        st.phase = Phase.OPERATIVE
    st.close_lists()
    st.group = p
    st.last_clause = p
    return True


def _group_kind(st: Placement, c: Clause, nxt: Paragraph) -> Kind:
    if c.shape == "operative":
        numbered = nxt.label is not None and nxt.label.scheme is LabelScheme.ARABIC  # "resolves" / "1 to …"
        if st.phase is _IN_PREAMBLE and not numbered and _preamble_goes_on(st, c):
            return Kind.PREAMBLE  # "recalls" before "noting", "notes" before "resolves": a verb for a participle (PRE001)
        return Kind.OPERATIVE
    if c.shape == "preamble":
        return Kind.PREAMBLE
    label = ahead_label(nxt)
    if label is not None:
        return Kind.OPERATIVE if label.scheme is LabelScheme.ARABIC else Kind.PREAMBLE
    return Kind.OPERATIVE if st.phase is Phase.OPERATIVE else Kind.PREAMBLE


def _preamble_goes_on(st: Placement, c: Clause) -> bool:
    """Whether the group opener ``c``, of a finite verb's shape ("recalls", "notes") in the
    preamble, heads a group of the preamble by a slip (its items not numbered as operative
    ones are: "1 to …"):

    - the next group opener is preambular ("considering", "noting"). Read as the first
      operative group, the slip went unreported and the preambular groups after it were
      each "after the operative part" (DOC003);
    - or the next is operative ("resolves") and the verb is the preamble's participle
      written finite ("notes" for "noting", "takes into account"), not one that opens an
      ITU operative part (:func:`itu_operative_verbs`: "encourages", "invites" have
      participles listed too). Read as the first operative group, nothing was said.

    No group opener after it (up to the next resolution): left operative."""
    shape = _next_group_shape(st, c.p.index)
    if shape == "preamble":
        return True
    head = first_words(c.content, 1)
    if shape != "operative" or not head or head[0] in itu_operative_verbs():
        return False
    return _participle_written_finite(c.content) is True


def _next_group_shape(st: Placement, index: int) -> str | None:
    """The shape (:func:`opener_shape`) of the next group opener after ``index``; None
    when there is none before the next resolution's title or opening (its groups are its
    own)."""
    for q in st.ahead(index):
        body = st.text[q.span.start : q.span.end]
        if P.CONFERENCE_TITLE.match(body) or is_opening(body):
            return None
        if q.label is not None or not looks_like_group_opener(body, listed_opener):
            continue
        return opener_shape(body)
    return None


def group_item(st: Placement, c: Clause) -> bool:
    """An item of the open group: lettered in the preamble, numbered in the operative
    part, or (the first item of a group of one) unlabelled in lower case. A lettered or
    roman label of another family is a sub-item (the next steps place it); anything
    else ends the group."""
    head = st.group
    if head is None:
        return False
    last = _last_item(head)
    if c.p.label is None:
        placed = _unlabelled_group_item(st, c, head, last)
    else:
        placed = _labelled_group_item(st, c, head, last)
    if placed is None:
        st.group = None
        return False
    return placed


def _last_item(head: Paragraph) -> Paragraph | None:
    """The group's last item (a child of its kind), None before the first. Asked at every
    paragraph of a group: the children are read from the last (an item, but for the
    paragraph that introduces the items), not listed in full each time (quadratic in the
    group's length: 22,000 items took 5.8 s)."""
    kind, children = head.kind, head.children
    for i in range(len(children) - 1, -1, -1):
        if children[i].kind is kind:
            return children[i]
    return None


def _labelled_group_item(st: Placement, c: Clause, head: Paragraph, last: Paragraph | None) -> bool | None:
    """:func:`group_item` for a labelled paragraph; None when it ends the group."""
    p, label = c.p, c.p.label
    item_scheme = _ARABIC if head.kind is _OPERATIVE else _LOWER_ALPHA
    if label.scheme is _LOWER_ROMAN and item_scheme is _LOWER_ALPHA:
        _settle_letter(label, last)
    if label.scheme is item_scheme:
        return _add_item(st, head, p)
    if label.scheme in (LabelScheme.LOWER_ALPHA, LabelScheme.LOWER_ROMAN) and last is not None:
        return False  # a sub-item of the last item: lettered_subparagraph places it
    return None


def _unlabelled_group_item(st: Placement, c: Clause, head: Paragraph, last: Paragraph | None) -> bool | None:
    """:func:`group_item` for a paragraph without label; None when it ends the group."""
    p = c.p
    if last is not None and P.DECIMAL_ITEM.match(c.content):
        return st.attach(p, last)  # "8.1 an open bidding process;" under item 8
    if p.bullet is not None or last is not None:
        return None
    if c.term == ":" and st.next_is_numbered(p.index):
        return st.attach(p, head)  # "pursuant to his initiative on this matter:" introduces the items
    if opens_items(c.content):
        return _add_item(st, head, p)  # the one item of its group
    return None


def _settle_letter(label, last_item: Paragraph | None) -> None:
    """"i)" after "h)" (and "v)" after "u)", "x)" after "w)") is a letter, not a numeral."""
    letters = label.text.strip("().")
    if len(letters) != 1 or last_item is None or last_item.label is None:
        return
    last = last_item.label
    if last.scheme is LabelScheme.LOWER_ALPHA and last.value == alpha_value(letters) - 1:
        label.scheme = LabelScheme.LOWER_ALPHA
        label.value = alpha_value(letters)


def _add_item(st: Placement, head: Paragraph, p: Paragraph) -> bool:
    p.kind = head.kind
    p.parent = head
    p.depth = head.depth + 1
    head.children.append(p)
    st.last_clause = p
    st.sub_stack = []
    return True


def decimal_parent(st: Placement, p: Paragraph) -> Paragraph | None:
    """The paragraph a decimal sub-item's number names, where the walk stands in it:
    operative paragraph 2 for "2.1" (the latest clause, numbered 2), the open item "2.1"
    for "2.1.3". The first item of a list is numbered 1 or follows a colon ("2. Encourages
    Member States to:" / "2.2 …" skipped one); a later one follows an open item of its
    list. Items that name another paragraph than theirs ("2.1" after "3. Requests …:",
    copied) are its items too where they start a list after its colon. None elsewhere:
    the number is read as text, as before (a figure's "1.5 …" after paragraph 1, "3.2"
    under paragraph 2, an adopted text's "1.1 The purpose …")."""
    label = p.label
    path = None if label is None else decimal_path(label)
    parent = None if path is None else _numbered_clause(st)
    if parent is None:
        return None
    if len(path) == 1 and parent.label.value != path[0]:
        # "3. Requests …:" / "2.1 …" (items copied from paragraph 2): its items all the same,
        # when they start a list after its colon; OPR008 reports their numbers. ("2.1.1"
        # under that "2.1" is found below, as any item under an open one.)
        return parent if _starts_or_goes_on(st, parent, label, after_colon=True) else None
    for depth in range(2, len(path) + 1):
        parent = next((q for q in st.sub_stack if q.parent is parent and _decimal_numbers(q) == path[:depth]), None)
        if parent is None:
            return None
    return parent if _starts_or_goes_on(st, parent, label) else None


def _starts_or_goes_on(st: Placement, parent: Paragraph, label: Label, after_colon: bool = False) -> bool:
    """Whether a decimal item labelled ``label`` goes on with an open item of its list
    under ``parent``, or starts one: numbered 1 or after the parent's colon (both with
    ``after_colon``)."""
    if any(q.parent is parent and q.label is not None and q.label.form == label.form for q in st.sub_stack):
        return True
    colon = parent.terminal_char(st.source) == ":"
    return (label.value == 1 and colon) if after_colon else (label.value == 1 or colon)


def _numbered_clause(st: Placement) -> Paragraph | None:
    """The latest clause when it is an operative paragraph (or list item) with an arabic
    number, in the operative part of the resolution (not in an annex or an adopted text);
    None otherwise."""
    clause = st.last_clause
    if st.phase is not _IN_OPERATIVE or st.in_annex or st.quoting or clause is None or clause.kind is not _OPERATIVE:
        return None
    label = clause.label
    return clause if label is not None and label.scheme is _ARABIC else None


def _decimal_numbers(p: Paragraph) -> tuple[int, ...] | None:
    """All the numbers of a decimal sub-item's label ("2.1.3": (2, 1, 3)), None for another."""
    path = None if p.label is None else decimal_path(p.label)
    return None if path is None else (*path, p.label.value)


def drop_decimal_label(st: Placement, p: Paragraph) -> None:
    """Read a decimal number that names no paragraph (:func:`decimal_parent`) as the
    paragraph's text: no label, its content from the number on."""
    label = p.label
    if label is not None and label.form[:1].isdigit() and decimal_parent(st, p) is None:
        p.content = Span(label.span.start, p.content.end)
        p.label = None


def decimal_item(st: Placement, c: Clause) -> bool:
    """"2.1 establish …;" under "2. Encourages Member States to:": an item of paragraph 2
    numbered by decimals, as Model UN and many national drafts write them ("2.1.1" under
    "2.1"), placed as "(a)" is, out of the operative paragraphs' numbering; OPR008 checks
    its list. (:func:`drop_decimal_label` has read the others as text.)"""
    p = c.p
    label = p.label
    if label is None or not label.form[:1].isdigit():
        return False
    parent = decimal_parent(st, p)
    if parent is None:
        return False
    stack = st.sub_stack
    del stack[next((i + 1 for i, q in enumerate(stack) if q is parent), 0) :]
    st.attach(p, parent)
    stack.append(p)
    return True


def section_label(st: Placement, c: Clause) -> bool:
    """"A." / "IV." head a section of the body."""
    label = c.p.label
    if label is not None and label.scheme in (_UPPER_ALPHA, _UPPER_ROMAN):
        c.p.kind = Kind.HEADING
        st.close_lists()
        return True
    return False


def numbered_subitem(st: Placement, c: Clause) -> bool:
    """"1." right after "7. … on the steps taken towards the following:", and the
    numbers after it: the items of paragraph 7, numbered anew (a draft's nested list),
    not operative paragraphs 1, 2, … out of sequence. The list goes on while each item's
    number follows the last one's; at the number after paragraph 7's (8), an operative
    verb ("8. Urges …") ends it. OPR009 then names the labels the style gives that level."""
    label = c.p.label
    last = st.last_clause
    if label is None or label.scheme is not _ARABIC or last is None or last.kind is not _OPERATIVE:
        return False
    parent_label = last.label
    if parent_label is None or parent_label.scheme is not _ARABIC:
        return False
    if not st.sub_stack:
        if not (label.value == 1 and st.after_clause and last.terminal_char(st.source) == ":"):
            return False
    elif not (_goes_on_with_the_list(st, c, last) or _opens_a_list_under(st, c)):
        return False
    _place_subparagraph(c.p, st.sub_stack, last, st.source)
    return True


def _opens_a_list_under(st: Placement, c: Clause) -> bool:
    """Whether ``c`` is "1." under the open sub-paragraph that ends with a colon and has
    no items yet: a fourth level numbered anew, as Model UN drafts write it ("a. … broken
    down by:" / "i. … deployed, in:" / "1. conflict zones,"). It was an operative paragraph
    numbered out of turn, and the safe fix wrote "1. conflict zones;"."""
    label = c.p.label
    assert label is not None
    if label.value != 1 or any(q.label is not None and q.label.scheme is LabelScheme.ARABIC for q in st.sub_stack):
        return False
    return _awaits_its_items(st.sub_stack[-1], st.source)


def _goes_on_with_the_list(st: Placement, c: Clause, parent: Paragraph) -> bool:
    """Whether ``c``'s number goes on with the open list of items numbered anew under
    ``parent`` (see :func:`numbered_subitem`)."""
    label, parent_label = c.p.label, parent.label
    assert label is not None and parent_label is not None
    open_item = next((q for q in st.sub_stack if q.label is not None and q.label.scheme is LabelScheme.ARABIC), None)
    if open_item is None or open_item.label.form != label.form:
        return False
    # Each number follows the last; or, in a list indented under its paragraph, every
    # item is typed "1.", as a Markdown list numbered by its renderer is.
    text = st.source.text
    if label.value != open_item.label.value + 1 and not (
        label.value == 1 and _typed_one(open_item) and starts_indented(text, c.p.span.start) and not starts_indented(text, parent.span.start)
    ):
        # A number out of turn in the items' own form ("(1) to …;" / "(3) to …;" under
        # "1. URGES Member States:", the World Health Assembly's items): an item whose
        # number skips or repeats (OPR008's finding), unless a verb opens it. It became
        # an operative paragraph "(3)", and its break, form and opener were reported
        # with the paragraph numbers after it.
        return label.form != parent_label.form and not (listed_opener(c.content) == "operative" or _verb_with_object(c))
    # The next item's number and the next paragraph's: its verb says which.
    return not (label.value == parent_label.value + 1 and (listed_opener(c.content) == "operative" or _verb_with_object(c)))


def starts_indented(text: str, start: int) -> bool:
    """Whether the paragraph starting at ``start`` is indented (white space before it on
    its line). Placement reads it of an item typed "1." (:func:`numbered_subitem`); the
    resumed walk keys every paragraph by it (``resume.input_key``), as it is no part of
    the paragraph's text."""
    if start <= 0:
        return False
    ch = text[start - 1]
    return ch != "\n" and ch != "\r" and ch.isspace()


def _typed_one(item: Paragraph) -> bool:
    """Whether an item was typed "1." (its number as typed: a list numbered automatically
    has its rendered one in ``value``)."""
    label = item.label
    return label is not None and label.as_typed == 1


def lettered_subparagraph(st: Placement, c: Clause) -> bool:
    """"(a)", "(i)", "a." …: a sub-paragraph, nested by its label family."""
    label = c.p.label
    if label is None or label.scheme is _ARABIC or _lettered_operative(st, c):
        return False
    _place_subparagraph(c.p, st.sub_stack, st.last_clause, st.source)
    return True


def _lettered_operative(st: Placement, c: Clause) -> bool:
    """Whether a lettered paragraph is an operative paragraph lettered where it should be
    numbered: "(a) Urges Member States …;" right after a preambular clause that ends with a
    comma (nothing introduces items there), or "(b) Decides …" after such a paragraph
    "(a)". It opens with a listed operative verb, capitalized, as no item under a lead-in
    does ("(a) To ensure …"). Read as items of the last preambular clause, the draft had
    no operative part and no finding at all."""
    last, label = st.last_clause, c.p.label
    if last is None or label is None or st.sub_stack or not c.content[:1].isupper():
        return False  # (an open sub-paragraph: this one is of its list)
    text = st.text
    if text[last.span.end - 1] == ":" or listed_opener(c.content) != "operative":
        return False
    if last.kind is Kind.PREAMBLE:
        return st.phase is Phase.PREAMBLE and label.value == 1
    prev = last.label
    return (
        last.kind is Kind.OPERATIVE and last.depth == 0 and prev is not None and prev.scheme is label.scheme
        and prev.form == label.form and label.value == prev.value + 1
    )


def heading_between_numbered(st: Placement, c: Clause) -> bool:
    """"Financing of the appropriation" between numbered operative paragraphs, and
    "Arms embargo" between the preamble and paragraph 1 (see :func:`_heads_first_numbered`)."""
    p = c.p
    if p.label is not None or p.terminal is not None:
        return False
    if st.phase is Phase.OPERATIVE:
        heading = len(c.body) < INTERLUDE_HEADING_MAX_CHARS and st.next_is_numbered(p.index) and not _opens_sections_preamble(st, c)
    else:
        heading = st.phase is Phase.PREAMBLE and _heads_first_numbered(st, c)
    if heading:
        p.kind = Kind.HEADING
        st.close_lists()
    return heading


def _heads_first_numbered(st: Placement, c: Clause) -> bool:
    """Whether an unpunctuated line of the preamble is the heading of the operative
    part's first section: "Arms embargo" or "Measures" between the last preambular clause
    and "1. Decides …", as Security Council drafts head their sections. Its first word
    reads as a verb, so :func:`section_heading` takes it for an unnumbered operative
    paragraph, which made "1." the second paragraph of the sequence. The paragraph after
    it is number 1 (an unnumbered operative paragraph would be followed by 2); the line
    is short and capitalized, and no participle or adjective starts it, so a preambular
    clause that lost its comma ("Acting under Chapter VII …", "Mindful of …") stays one;
    nor does a verb with its object ("Emphasises the need …", an opener in another
    spelling): a heading names a subject. (A listed operative opener without its mark
    introduces the numbered paragraphs after it: :func:`group_opener`, an earlier step.)"""
    if st.next_number(c.p.index) != 1:
        return False
    body = c.body
    if len(body) >= SHORT_SECTION_HEADING_MAX_CHARS or not body[:1].isupper() or c.shape == "preamble":
        return False
    return not _verb_with_object(c)


def _verb_with_object(c: Clause) -> bool:
    """Whether the paragraph opens with a verb and the start of its object or clause
    ("Emphasises the need", "Stresses that"), where a heading or a list item names a subject
    ("Arms embargo", "Steps taken by …")."""
    if c.shape != "operative":
        return False
    words = c.content.split(None, 2)
    return len(words) > 1 and words[1] in _VERB_OBJECT_STARTS


#: Words after a verb that start its object or clause (:func:`_verb_with_object`).
_VERB_OBJECT_STARTS = frozenset(
    ["the", "a", "an", "that", "all", "its", "their", "this", "these", "those", "each", "every", "any", "upon", "further", "also"]
)


def section_heading(st: Placement, c: Clause) -> bool:
    """An unlabelled section heading: "A", "II. Scope", or a short title-case line."""
    if c.p.label is None and _is_section_heading(st, c):
        c.p.kind = Kind.HEADING
        st.close_lists()
        return True
    return False


def _is_section_heading(st: Placement, c: Clause) -> bool:
    p, body = c.p, c.body
    if p.terminal is not None and c.term != ".":
        return False
    if len(body) > SECTION_HEADING_MAX_CHARS:
        return False
    if st.after_marker and p.terminal is None and len(body) < TOPIC_HEADING_MAX_CHARS and body[:1].isupper():
        # The title under "I" or "B.", whatever its first word ("Oceans and the law of
        # the sea" reads as a verb's shape: an unnumbered operative paragraph before).
        return True
    if P.SECTION_HEADING.match(as_one_line(body)):  # (a long heading an editor wrapped: one line)
        return p.terminal is None or len(body) < SHORT_SECTION_HEADING_MAX_CHARS
    # A short title-case line with no final punctuation: "Sustainable development".
    return p.terminal is None and opener_shape(body) == "" and len(body) < TOPIC_HEADING_MAX_CHARS and body[:1].isupper()


def adopted_declaration(st: Placement, c: Clause) -> bool:
    """"We, the Heads of State and Government, …": a declaration the resolution adopts."""
    if c.lead not in _NOT_W and P.DECLARATION_START.match(c.body):
        st.quoting = True
        c.p.kind = Kind.ANNEX
        return True
    return False


def negotiation_preamble(st: Placement, c: Clause) -> bool:
    """A paragraph a negotiation draft labels "PP" ("PP3 Expressing concern …;") is
    preambular whatever its opener and final mark: the label names its part (PRE002 and
    PRE004 report the rest)."""
    label = c.p.label
    if label is not None and st.phase is _IN_PREAMBLE and label.negotiation_part == "PP":
        return st.begin_clause(c.p, Kind.PREAMBLE)
    return False


def numbered_preamble(st: Placement, c: Clause) -> bool:
    """A numbered preambular paragraph (PRE005 reports the number); never one a
    negotiation draft labels "OP" (an operative paragraph, whatever its opener)."""
    label = c.p.label
    if label is not None and st.phase is _IN_PREAMBLE and c.term == "," and c.shape == "preamble" and label.negotiation_part != "OP":
        return st.begin_clause(c.p, Kind.PREAMBLE)
    return False


def bulleted_preamble_item(st: Placement, c: Clause) -> bool:
    """"- GA-2019-88-RES-01 on …," under "RECALLING the following resolutions:": an item of
    the preambular paragraph, as a lettered one is (each bullet was a preambular paragraph
    of its own: a stray bullet, an unknown opener 'GA-', and the colon to replace)."""
    p = c.p
    if p.label is not None or p.bullet is None or st.phase is not Phase.PREAMBLE:
        return False
    intro = st.last_clause
    if intro is None or intro.kind is not Kind.PREAMBLE or intro.terminal_char(st.source) != ":":
        return False
    return st.attach(p, intro)


def unnumbered_preamble(st: Placement, c: Clause) -> bool:
    """An unnumbered clause in the preamble, unless it is the first of unnumbered operative ones.

    The opener decides before the final mark: a listed preambular phrase keeps the
    paragraph in the preamble even when it ends with ";" or "." (PRE004 reports the mark)."""
    if c.p.label is not None or st.phase is not _IN_PREAMBLE:
        return False
    shape, term = c.shape, c.term
    # "CALLING UPON …;" before "REQUESTS …" starts an unnumbered operative part; a listed
    # preambular opener ("AWARE of …;") stays in the preamble whatever its mark (PRE004).
    starts_operative = (
        shape == "preamble" and term in (";", ".") and listed_opener(c.content) != "preamble" and st.next_is_operative(c.p.index)
    ) or _operative_despite_comma(st, c) or _unlisted_participle_over_items(st, c)
    if not starts_operative and (term == "," or shape == "preamble" or (shape == "" and term not in ";.:")):
        return st.begin_clause(c.p, _PREAMBLE)
    return False


#: The first word of a clause, past emphasis.
_FIRST_WORD = re.compile(r"[*_]*([A-Za-z]+)\b")


def _operative_despite_comma(st: Placement, c: Clause) -> bool:
    """"ESTABLISHES a working group …," before "INVITES member countries …;": the first
    of unnumbered operative clauses, ended with a comma by a slip (OPR007 reports it). Read
    as a preambular one, it got PRE001's "use 'ESTABLISHING'", an opener no style lists.
    Only where the verb's "-ing" form opens no listed preambular phrase: "NOTES …," before
    the operative part may be the preamble's "NOTING" written as a verb (PRE001 says so)."""
    if c.term != "," or _opens_with_participle(c):
        return False
    if listed_opener(c.content) != "operative" or not st.next_is_operative(c.p.index):
        return False
    return _participle_written_finite(c.content) is False  # (None: not a verb's form, "ALSO ESTABLISHES …": left as it was)


def _opens_with_participle(c: Clause) -> bool:
    """Whether ``c`` opens with a participle ("Recalling", "Concerned"): then no listed
    operative phrase can open it (none starts with one, and a participle is not a qualifier
    the lookup skips: tests/test_placement_cost.py), and the phrase lookup is spared. Every
    preambular clause ends with a comma: the lookup for each was about 2 % of a corpus run."""
    if c.shape != "preamble":
        return False
    m = _FIRST_WORD.match(c.content)
    return m is not None and has_participle_ending(m.group(1).lower())


def _participle_written_finite(content: str) -> bool | None:
    """Whether the verb opening ``content`` in its third-person form ("NOTES …", "takes
    into account") has an "-ing" form that opens a listed preambular phrase ("NOTING",
    "taking into account"): the preamble's participle written as a verb. None when the
    first word is no verb's third-person form."""
    content = readable_start(content)  # as the reader sees it ("EST\u00adABLISHES", a comment inside)
    m = _FIRST_WORD.match(content)
    forms = known_forms(m.group(1).lower()) if m else None
    if forms is None or forms[2] != m.group(1).lower() or not forms[1]:
        return None
    return listed_opener(forms[1] + content[m.end() :]) == "preamble"


def _unlisted_participle_over_items(st: Placement, c: Clause) -> bool:
    """"DECIDING:" over "1. to make Silver Notices available …;" (INTERPOL's numbered
    items): an operative verb written as a participle, heading items that go on with its
    sentence. No listed preambular phrase opens it, so it starts the operative part
    (OPR004: "use DECIDES"); read as preambular, the slip got PRE002, PRE004 and the
    items OPR001 and OPR005. A listed opener over items ("RECALLING:" / "(a) …") stays
    in the preamble."""
    if c.term != ":" or c.shape != "preamble" or listed_opener(c.content) == "preamble":
        return False
    nxt = st.next_substantive(c.p.index)
    if nxt is None or nxt.label is None or nxt.label.scheme is not LabelScheme.ARABIC:
        return False
    return st.text[nxt.content.start : nxt.content.start + 1].islower()


def preamble_after_operative(st: Placement, c: Clause) -> bool:
    """A preambular paragraph among operative ones (DOC rules report its place). Right
    after a section's heading, before its paragraphs numbered anew from 1, a clause
    ending with a comma is the section's preamble whatever its opener: "Part II" / "Recalls its
    resolution …," / "1. Decides …" is a finite verb in that preamble (PRE001, once), not
    an unnumbered operative paragraph (OPR001, OPR002 and OPR007 for the one slip); so is
    a listed preambular opener there without its comma (PRE004, once; see
    :func:`_opens_sections_preamble`)."""
    p = c.p
    if p.label is not None or st.phase is not Phase.OPERATIVE or st.list_intro is not None:
        return False
    if (c.term == "," and c.shape == "preamble") or _opens_sections_preamble(st, c):
        return st.begin_clause(p, Kind.PREAMBLE)
    return False


def _opens_sections_preamble(st: Placement, c: Clause) -> bool:
    """Whether ``c``, before paragraphs numbered anew from 1, is the section's preamble by
    a slip. Right after the section's heading: a finite verb ending with a comma
    ("Recalls its resolution …,"). Right after its heading or a paragraph of its preamble:
    a listed preambular opener without its comma ("Recalling its resolution … 2025",
    which was a third heading line: no finding) or ending with a semicolon or a full stop
    ("Recalling its resolution 13 (I) …;" before "1. Reaffirms …": read as an unnumbered
    operative paragraph, the one slip was OPR001, OPR002 and OPR004), as one before a
    resolution's first operative paragraph is."""
    if st.next_number(c.p.index) != 1:
        return False
    before = _kind_before(st, c.p)
    if before is _HEADING and c.term == "," and c.shape == "operative":
        return True
    return before in (_HEADING, Kind.PREAMBLE) and c.term in ("", ";", ".") and listed_opener(c.content) == "preamble"


def _kind_before(st: Placement, p: Paragraph) -> Kind | None:
    """The kind of the paragraph before ``p`` (past comments)."""
    for q in reversed(st.paragraphs[: p.index]):
        if q.kind is not Kind.DIRECTIVE:
            return q.kind
    return None


def bulleted_subitem(st: Placement, c: Clause) -> bool:
    """"• a summary of actions taken…;" under "…report on the following:" (a numbered paragraph)."""
    p = c.p
    if p.label is None and p.bullet is not None and st.list_intro is None and st.last_clause is not None and st.phase is Phase.OPERATIVE:
        return st.attach(p, st.last_clause)
    return False


def operative_or_list_item(st: Placement, c: Clause) -> bool:
    """What is left is an operative paragraph, or an item of an INTERPOL list."""
    p = c.p
    p.kind = _OPERATIVE
    st.phase = _IN_OPERATIVE
    st.sub_stack = []
    intro = st.list_intro
    if intro is not None and _is_list_item(st, intro, c):
        p.parent = intro
        p.depth = 1
        intro.children.append(p)
    else:
        st.list_intro = p if c.term == ":" and p.label is None else None
        if c.term == ":" and P.ADOPTS_TEXT.search(c.body):
            st.quoting = st.next_is_unlabelled_text(p.index)
            st.quote_ends = st.quoting and st.next_opens_quote(p.index)
        elif c.term == ":" and st.next_opens_long_quote(p.index):
            st.quoting = st.quote_ends = True
    st.last_clause = p
    return True


def _is_list_item(st: Placement, intro: Paragraph, c: Clause) -> bool:
    """After an unnumbered intro ("ENCOURAGES … to:"), numbered, bulleted and lower-case
    paragraphs are its items. A numbered paragraph after an intro whose list was lettered
    ("Decides:" / "(a) …" / "(b) …") is the intro's sibling, not one more item."""
    numbered_item = c.p.label is not None and intro.label is None and not st.has_lettered_child(intro)
    return numbered_item or c.p.bullet is not None or _starts_lower(c.content)


def _awaits_its_items(p: Paragraph, source: SourceText) -> bool:
    """Whether ``p`` introduces items of its own ("(h) …, including:") and has none yet."""
    return not p.children and p.terminal_char(source) == ":"


def _same_list(stack: list[Paragraph], label: Label, source: SourceText) -> int | None:
    """Where in ``stack`` the list ``label`` goes on: the open sub-paragraph of its family
    (scheme and form), else one of its scheme in another form that introduces no items
    of its own, when the label is not one that starts a list ("a) …;" then "(b) …;",
    "(b) …;" then "d) …;": one list, one label in the wrong form, which OPR009 reports
    once; read as a new list under "a)", "(b)" was also out of sequence and in the wrong
    form for its level). None: a new, deeper list."""
    family = (label.scheme, label.form)
    for i, open_sub in enumerate(stack):
        ol = open_sub.label
        if ol and ((ol.scheme, ol.form) == family or _list_family(open_sub) == family):
            return i
    for i in range(len(stack) - 1, -1, -1):
        ol = stack[i].label
        if ol and ol.scheme is label.scheme and label.value > 1 and stack[i].terminal_char(source) != ":":
            return i
    return None


def _list_family(p: Paragraph) -> tuple[LabelScheme, str] | None:
    """The scheme and form of the first label of ``p``'s list (its parent's first
    labelled child): "(a)" for "b)" in "(a) …;" / "b) …;", so that "(c)" goes on that list."""
    parent = p.parent
    for q in parent.children if parent is not None else ():
        if q.label is not None and q.kind is p.kind:
            return (q.label.scheme, q.label.form)
    return None


def _place_subparagraph(p: Paragraph, stack: list[Paragraph], parent_clause: Paragraph | None, source: SourceText) -> None:
    """Attach a lettered or roman sub-paragraph under the open one of another family."""
    p.kind = _SUBPARAGRAPH
    label = p.label
    assert label is not None
    # Settle "(i)", "(v)", "(x)": a letter when it continues an open lettered list
    # ("(h)" then "(i)"), a roman numeral otherwise: the first of the items "(h) …,
    # including:" introduces (it has none yet).
    if label.scheme is _LOWER_ROMAN:
        letters = label.text.strip("().")
        if len(letters) == 1:
            as_letter = alpha_value(letters)
            for open_sub in stack:
                ol = open_sub.label
                if (ol and ol.scheme is LabelScheme.LOWER_ALPHA and ol.form == label.form and ol.value == as_letter - 1
                        and not _awaits_its_items(open_sub, source)):
                    label.scheme = LabelScheme.LOWER_ALPHA
                    label.value = as_letter
                    break
    at = _same_list(stack, label, source)
    if at is not None:
        del stack[at:]
    parent = stack[-1] if stack else parent_clause
    p.parent = parent
    p.depth = (parent.depth + 1) if parent is not None else 1
    if parent is not None:
        parent.children.append(p)
    stack.append(p)


#: Steps tried before the paragraph's part is known (they leave ``part`` at 0). A comment
#: on a paragraph of its own is one wherever it stands, in an annex too: read as annex
#: text, a disable comment before the next resolution's opening hid nothing.
LEAD_STEPS: tuple[Step, ...] = (directive_comment, annex_continues, title_block)
#: Steps tried in the body, in order; the last one always places the paragraph.
BODY_STEPS: tuple[Step, ...] = (
    repeated_opening,
    next_resolution_title,
    page_furniture,
    footnote_text,
    annex_heading,
    adopted_text,
    closing_line,
    signature_block,
    text_after_the_final_paragraph,
    markdown_heading,
    after_closing,
    quoted_after_colon,
    charter_lead_in,
    decimal_item,
    group_opener,
    group_item,
    section_label,
    numbered_subitem,
    lettered_subparagraph,
    heading_between_numbered,
    section_heading,
    adopted_declaration,
    negotiation_preamble,
    numbered_preamble,
    bulleted_preamble_item,
    unnumbered_preamble,
    preamble_after_operative,
    bulleted_subitem,
    operative_or_list_item,
)


def place(source: SourceText, res: Resolution, raws: list[RawParagraph], opening_line: int | None) -> None:
    """Set the kind, part, parent and depth of every paragraph of ``res``."""
    st = Placement(source, res, res.paragraphs, opening_line)
    for p, raw in zip(res.paragraphs, raws, strict=False):
        place_paragraph(st, p, raw)


def place_paragraph(st: Placement, p: Paragraph, raw: RawParagraph) -> bool:
    """One step of the walk: place ``p`` (the paragraphs before it are placed). Return
    whether a lead step placed it (its ``part`` is then 0, whatever the walk's part)."""
    text = st.source.text
    start = p.span.start
    term = p.terminal
    if p.label is not None and p.label.form[:1].isdigit():
        drop_decimal_label(st, p)  # "1.5 …" that names no paragraph: text, as before
    c = Clause(p, raw, text[start : p.span.end], text[p.content.start : p.content.end],
               "" if term is None else text[term.start], text[start : start + 1])
    lead = False
    for step in LEAD_STEPS:
        if step(st, c):
            lead = True
            break
    else:
        p.part = st.part
        for step in BODY_STEPS:
            if step(st, c):
                break
    if p.kind is _DIRECTIVE:
        return lead  # a comment leaves the walk as it was: the paragraph after it follows the one before
    st.after_marker = p.kind is _HEADING and len(c.body) <= _MARKER_MAX_CHARS and P.SECTION_MARKER.match(c.body) is not None
    if c.body[-1:] in REFERENCE_ENDS_OR_COMMENT and p.kind is not Kind.NOTE:  # (most paragraphs end with a mark or a letter)
        numbers = note_reference_numbers(text, start, p.span.end)
        if numbers and not numbers <= st.note_numbers:
            st.note_numbers = st.note_numbers | numbers
    st.after_clause = st.last_clause is p
    return lead


#: A section's bare number or letter is short ("VIII.", "**IV**", "**Section VIII**").
_MARKER_MAX_CHARS = 20
_HEADING, _DIRECTIVE = Kind.HEADING, Kind.DIRECTIVE  # read for every paragraph: module names, not the enum's attributes
