"""The parsed shape of a resolution: what the parser produces and every rule reads.

The model is plain data. It records spans into the original text (never copies that
lose their place), so that a rule can point at exactly the characters it means and a
fix can replace exactly those.
"""

from __future__ import annotations

import enum
import weakref
from collections.abc import Iterator
from dataclasses import field
from typing import Any

from resolint.records import record
from resolint.source import SourceText, Span


class Kind(str, enum.Enum):
    """What a paragraph is, as far as the parser could tell."""

    TITLE = "title"  # title block lines: "Resolution No. 3", symbol, subject, heading
    OPENING = "opening"  # "The General Assembly," / "The ICPO-INTERPOL General Assembly, meeting in …:"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"  # a top-level operative paragraph, or an item of INTERPOL's list
    SUBPARAGRAPH = "subparagraph"  # (a), (i), a., i. under an operative paragraph
    HEADING = "heading"  # a section heading inside the body ("A", "I. General", "# Part")
    CLOSING = "closing"  # "Adopted: …", "38th plenary meeting", a date line
    ANNEX = "annex"  # everything from "Annex" on: not a clause of the resolution
    DIRECTIVE = "directive"  # a resolint comment on a line of its own
    NOTE = "note"  # a footnote left in the text by a conversion ("____ 1 These include …")
    FURNITURE = "furniture"  # a PDF page's header or footer line ("24-18765 (E)", "2/3", "A/C.3/79/L.15")
    UNPLACED = "unplaced"  # text the parser could not place


class LabelScheme(str, enum.Enum):
    """How a paragraph label is written, as far as sequence checking cares."""

    ARABIC = "arabic"  # 1 2 3
    LOWER_ALPHA = "lower-alpha"  # a b c
    LOWER_ROMAN = "lower-roman"  # i ii iii
    UPPER_ALPHA = "upper-alpha"
    UPPER_ROMAN = "upper-roman"


@record(slots=True)
class Label:
    """A paragraph label as written, e.g. ``"1."``, ``"(a)"``, ``"1)"``, ``"ii."``.

    ``value`` is the label's ordinal (1 for "a", "i" and "1"; for an automatically
    numbered list, the rendered number: see ``resolint.parser.numbering``); ``form`` is the label
    with its characters replaced by a placeholder ("(#)", "#.", "#)", "#"), which is
    what number-format rules compare against the style.
    """

    span: Span
    text: str
    scheme: LabelScheme
    value: int
    form: str
    #: The number as typed when it is not ``value``: a list whose items all carry the same
    #: number is numbered automatically, and ``value`` is the rendered number.
    typed: int | None = None

    @property
    def as_typed(self) -> int:
        """The number as the drafter typed it (``typed``, where automatic numbering gave
        ``value`` another)."""
        return self.typed if self.typed is not None else self.value

    @property
    def inserted(self) -> bool:
        """A paragraph inserted in negotiation after the one numbered ``value``: "2 bis.",
        "5 ter" (UN Editorial Manual: negotiated additions are numbered bis, ter, …). It
        keeps its place outside the list's count of 1, 2, 3."""
        return self.form == INSERTED_FORM

    @property
    def negotiation_part(self) -> str | None:
        """"PP" or "OP" for the label of a negotiation draft ("PP3", "OP 2.", "OP4bis":
        preambular and operative paragraph 3, 2, 4 bis), which names the part the
        paragraph is in; None for any other label. Such labels stand in for the numbers
        the adopted text will have (operative) or not have (preambular)."""
        lead = self.text[:2]
        return lead if lead in NEGOTIATION_PARTS else None


#: The form of an inserted paragraph's label ("2 bis.", "2bis", "3 ter."): see :attr:`Label.inserted`.
INSERTED_FORM = "# bis"
#: The leads of a negotiation draft's labels (:attr:`Label.negotiation_part`).
NEGOTIATION_PARTS = ("PP", "OP")
#: The forms of a negotiation draft's labels: "PP3", "OP 2." (the point and the space are
#: the drafter's: the number is all a fix rewrites).
PREAMBLE_NEGOTIATION_FORM, OPERATIVE_NEGOTIATION_FORM = "PP#", "OP#"


@record(slots=True, weakref_slot=True)
class Paragraph:
    """One paragraph of the document, with the parts rules look at.

    - ``span``: the paragraph's text from its first to its last non-space character,
      possibly over several wrapped lines.
    - ``bullet``: a stray list marker before the label or text ("- ", "* ", "• ").
    - ``label``: the number or letter label, if any.
    - ``content``: the span after bullet and label: where the opener starts (the
      opener itself depends on the house style's phrases: rules ask ``ctx.opener(p)``).
    - ``terminal``: the span of the final punctuation mark, if the paragraph ends with one.
    """

    kind: Kind
    span: Span
    content: Span
    bullet: Span | None = None
    label: Label | None = None
    terminal: Span | None = None
    depth: int = 0
    index: int = 0  # position in Resolution.paragraphs
    part: int = 0  # which part (A, B, …) of a multi-part resolution
    #: The paragraph this one hangs under, held weakly (read it as :attr:`parent`): the
    #: children lists hold the tree downwards, and a parent held strongly made every
    #: sub-paragraph and its parent a reference cycle, which only Python's cyclic
    #: collector frees — the language server left the previous version's tree behind
    #: after every keystroke (15,000 objects per edit of a 200 KB draft with lettered
    #: sub-paragraphs). The resolution's paragraph list keeps every paragraph alive:
    #: keep the resolution (or the lint result) while reading a paragraph's parent —
    #: ``lint(t).resolution.paragraphs[3].parent`` is None once the temporaries are gone.
    _parent: weakref.ref | None = field(default=None, repr=False, compare=False)
    children: list[Paragraph] = field(default_factory=list, repr=False)
    #: A group opener: an opener alone on its line ("recalling", "instructs the
    #: Secretary-General") heading the items that follow ("a) …;", "1 to …;"). The items
    #: are its children, of the same kind; see :meth:`Resolution.groups`.
    heads_group: bool = False

    @property
    def parent(self) -> Paragraph | None:
        ref = self._parent
        return None if ref is None else ref()

    @parent.setter
    def parent(self, p: Paragraph | None) -> None:
        self._parent = None if p is None else weakref.ref(p)

    def text(self, source: SourceText) -> str:
        return source.text[self.span.start : self.span.end]

    def content_text(self, source: SourceText) -> str:
        return source.text[self.content.start : self.content.end]

    def terminal_char(self, source: SourceText) -> str:
        return source.text[self.terminal.start] if self.terminal else ""

    @property
    def number(self) -> int | None:
        return self.label.value if self.label and self.label.scheme is _ARABIC else None

    def last_descendant(self) -> Paragraph:
        """The last of its sub-paragraphs at any depth (itself when it has none): where the
        paragraph and its list end, and the one that ends it."""
        p = self
        while p.children:
            p = p.children[-1]
        return p

    @property
    def own(self) -> bool:
        """Whether the paragraph is in the drafter's own words: not an annex (often a
        treaty) and not a directive comment (see ``Analysis.own_paragraphs``)."""
        return self.kind is not _ANNEX and self.kind is not _DIRECTIVE


@record(slots=True)
class Directive:
    """A ``<!-- resolint: … -->`` comment, parsed.

    ``action`` is one of ``ignore`` (next paragraph), ``disable``, ``enable``,
    ``file-ignore``; ``codes`` are code prefixes ("PRE002", "TRM"); an empty tuple
    means every code.
    """

    span: Span
    action: str
    codes: tuple[str, ...]
    reason: str = ""
    malformed: str = ""  # why it could not be understood, if it could not


@record(slots=True)
class TitleBlock:
    """What the lines before the opening say."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    number: Span | None = None  # "3" in "Resolution No. 3", "10" in "78/10. Title"
    symbol: Span | None = None  # "GA-2025-93-RES-03", "A/RES/78/10"
    subject: Span | None = None


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ANNEX, _ARABIC = Kind.ANNEX, LabelScheme.ARABIC
_DIRECTIVE, _PREAMBLE, _OPERATIVE = Kind.DIRECTIVE, Kind.PREAMBLE, Kind.OPERATIVE


def paragraphs_after(paragraphs: list[Paragraph], index: int) -> Iterator[Paragraph]:
    """The paragraphs after ``paragraphs[index]``, in order, read in place: the look-aheads
    that stop at the next paragraph of some kind are asked at every paragraph, and a slice
    (``paragraphs[index + 1 :]``) copied the rest of the list each time, quadratic in
    the number of paragraphs (1,000,000 one-letter paragraphs ran for over ten minutes)."""
    return map(paragraphs.__getitem__, range(index + 1, len(paragraphs)))


@record(slots=True)
class Resolution:
    """The whole parsed document."""

    source: SourceText
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: TitleBlock = field(default_factory=TitleBlock)
    openings: list[Paragraph] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    #: Where the parser split paragraphs that a conversion ran together on one line (the
    #: white space between them): "…; 10 that …", "…, instructs the Secretary-General".
    run_on: list[Span] = field(default_factory=list)
    #: Whether a paragraph goes on over several lines (a draft wrapped at a margin): the
    #: rules that search fixed strings look for them cut by a line break only then.
    wrapped: bool = False
    #: The organization's ``[terms]`` table (custom instruments); set by the engine.
    terms: dict[str, Any] = field(default_factory=dict, repr=False)
    #: Sibling operative paragraphs numbered together (1, 2, 3 …): the top-level ones of
    #: each part, then the items of each list, in order; set by the parser
    #: (:func:`resolint.parser.numbering.operative_sequences`). Read only: rules share them.
    sequences: list[list[Paragraph]] = field(default_factory=list, repr=False)

    def of_kind(self, *kinds: Kind) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind in kinds]

    @property
    def opening(self) -> Paragraph | None:
        return self.openings[0] if self.openings else None

    # The lists below are asked for after every keystroke by the language server, over
    # every paragraph: written with the members and the weak reference (``parent``)
    # read directly, which is five times faster than ``Kind.X`` and the property.
    @property
    def body(self) -> list[Paragraph]:
        """Every paragraph but the directive comments (which a fix may remove): what the
        structure of a draft, the scope of a directive and the citations are read from."""
        return [p for p in self.paragraphs if p.kind is not _DIRECTIVE]

    @property
    def preamble(self) -> list[Paragraph]:
        """Preambular clauses, each with its opener (a group's items are its children)."""
        return [p for p in self.paragraphs if p.kind is _PREAMBLE and (p._parent is None or p._parent() is None)]

    @property
    def operative(self) -> list[Paragraph]:
        """Top-level operative paragraphs (INTERPOL list items are their children)."""
        return [p for p in self.paragraphs if p.kind is _OPERATIVE and (p._parent is None or p._parent() is None)]

    @property
    def closing(self) -> list[Paragraph]:
        return self.of_kind(Kind.CLOSING)

    @property
    def unplaced(self) -> list[Paragraph]:
        return self.of_kind(Kind.UNPLACED)

    @property
    def groups(self) -> list[Paragraph]:
        """Group openers, preambular and operative, in order (their items are children)."""
        return [p for p in self.paragraphs if p.heads_group]

    def group_items(self, head: Paragraph) -> list[Paragraph]:
        """The items of a group: the children of its opener of the opener's kind."""
        return [c for c in head.children if c.kind is head.kind]

    def part_range(self, part: int) -> range:
        """The indices of the paragraphs from part ``part``'s opening to the next opening
        (from the start for the first part): a part is counted at each opening, so its
        paragraphs are among these (with comments and annex text, which count in none)."""
        openings = self.openings
        first = openings[part].index if 0 < part < len(openings) else 0
        return range(first, openings[part + 1].index if part + 1 < len(openings) else len(self.paragraphs))

    def parts(self) -> list[list[Paragraph]]:
        """Paragraphs grouped by part (a multi-part resolution repeats its opening)."""
        groups: dict[int, list[Paragraph]] = {}
        for p in self.paragraphs:
            groups.setdefault(p.part, []).append(p)
        return [groups[k] for k in sorted(groups)]
