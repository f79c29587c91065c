"""References to sub-paragraphs, which relabelling a list must follow (OPR008's fix).

A resolution names its own sub-paragraphs by their labels: "paragraph 4 (c) above",
"paragraphs 2 (a) and (b) and 3 (c) below" name sub-paragraphs of paragraphs 4, 2 and
3; "subparagraph (c) above" names one of the list it stands in, and "subparagraph (c)
of paragraph 4 below" one of paragraph 4's. Relabelling a list without them left each
pointing at another sub-paragraph, or at none. OPR002's renumbering follows the
paragraph numbers of the same references (:func:`internal_refs`); this module, the
letters after them.

As there, only a reference that says it is to this text ("above", "below", "of the
present resolution") is followed, and only inside the list's own resolution (a part of
a compilation); a label the list carries twice is left as it is in references, which
cannot tell which of the two they meant.
"""

from __future__ import annotations

from collections import Counter

from resolint.facts import Analysis
from resolint.lazyre import lazy
from resolint.literals import matches_at
from resolint.model import Kind, LabelScheme, Paragraph
from resolint.parser.labels import alpha_value, roman_value
from resolint.records import record
from resolint.rule import Edit
from resolint.source import Span
from resolint_rules.labels import render_label
from resolint_rules.opr.operative_numbering_sequence import REF_HEAD, internal_refs, part_bounds

_TAIL = r"\s+(?:above|below|of\s+the\s+present\s+resolution|of\s+this\s+resolution)"
_LETTERS = r"\([a-z]{1,5}\)"
_LIST = rf"{_LETTERS}(?:\s*(?:,|and|or|to|-|–)\s*{_LETTERS})*"
#: "subparagraph (c) above", "subparagraphs (a) and (b) of paragraph 4 below", from the
#: "aragraph" on (see :func:`sub_references`; "[Ss]ub-?p" stands before it).
_SUBPARAGRAPH_TAIL = lazy(
    rf"aragraphs?\s+(?P<labels>{_LIST})(?:\s+of\s+paragraph\s+(?P<num>\d{{1,3}}))?(?={_TAIL})"
)
_SUB_HEAD = lazy(r"(?<![\w-])[Ss]ub-?p\Z")
#: In the numbers of an INTERNAL_REF: a paragraph's number, or a sub-paragraph's letters.
_TOKEN = lazy(r"(?P<num>\d{1,3})|\((?P<x>[a-z]{1,5})\)")
_IN_PARENS = lazy(r"\((?P<x>[a-z]{1,5})\)")


@record(frozen=True, slots=True)
class SubReference:
    """One sub-paragraph label inside a reference: of paragraph ``number``'s list, or
    (None) of the list the reference stands in; ``span``: its letters, brackets left out."""

    number: int | None
    letters: str
    span: Span


def sub_references(text: str, starts: list[int]) -> list[SubReference]:
    """Every sub-paragraph label named in a reference to the text's own paragraphs;
    ``starts``: where "aragraph" stands in ``text`` (both kinds of reference are looked
    for there only, as OPR002 looks for its references)."""
    out: list[SubReference] = []
    for m in internal_refs(text, starts):
        number = None
        base = m.start("nums")
        for t in _TOKEN.finditer(m.group("nums")):
            if t.group("num") is not None:
                number = int(t.group("num"))
            elif number is not None:
                out.append(SubReference(number, t.group("x"), Span(base + t.start("x"), base + t.end("x"))))
    for m in matches_at(_SUBPARAGRAPH_TAIL, text, starts):
        if _SUB_HEAD.search(text, max(0, m.start() - 6), m.start()) is None:
            continue
        number = None if m.group("num") is None else int(m.group("num"))
        base = m.start("labels")
        for t in _IN_PARENS.finditer(m.group("labels")):
            out.append(SubReference(number, t.group("x"), Span(base + t.start("x"), base + t.end("x"))))
    return out


def _document_sub_references(facts: Analysis) -> list[SubReference]:
    return sub_references(facts.text, facts.literal_starts(REF_HEAD))


def _value(letters: str, scheme: LabelScheme) -> int | None:
    """What ``letters`` count in a list labelled in ``scheme``, read as the parser reads a
    label's letters ("c" 3, "cc" 29; "iv" 4), or None."""
    if scheme is LabelScheme.LOWER_ROMAN:
        return roman_value(letters)
    if scheme is LabelScheme.LOWER_ALPHA and len(set(letters)) == 1 and len(letters) <= 2:
        return alpha_value(letters)
    return None


def reference_edits(facts: Analysis, group: list[Paragraph], mapping: dict[int, int], scheme: LabelScheme) -> list[Edit]:
    """Edits that relabel the references to the sub-paragraphs of ``group`` (one list:
    siblings under one paragraph) by ``mapping`` (old value -> new)."""
    parent = group[0].parent
    if parent is None or not mapping:
        return []
    refs = facts.derived(_document_sub_references)
    if not refs:
        return []
    edits = []
    own = Span(parent.span.start, parent.last_descendant().span.end)
    number = _unique_number(facts, parent)
    bounds = part_bounds(facts.resolution, parent.part)
    for ref in refs:
        if ref.number is None:
            if not (own.start <= ref.span.start and ref.span.end <= own.end):
                continue  # "subparagraph (c) above" in another list names one of that list
        elif ref.number != number or bounds is None or not (bounds[0] <= ref.span.start and ref.span.end <= bounds[1]):
            continue
        old = _value(ref.letters, scheme)
        new = None if old is None else mapping.get(old)
        if new is not None and new != old:
            edits.append(Edit(ref.span, render_label(scheme, new, "#")))
    return edits


def _unique_number(facts: Analysis, parent: Paragraph) -> int | None:
    """``parent``'s number when it is an operative paragraph's and no other operative
    paragraph of its resolution carries it (references by number are then to it)."""
    label = parent.label
    if parent.kind is not Kind.OPERATIVE or label is None or label.scheme is not LabelScheme.ARABIC:
        return None
    same = Counter(
        p.label.value for p in facts.of_kinds((Kind.OPERATIVE,))
        if p.part == parent.part and p.label is not None and p.label.scheme is LabelScheme.ARABIC
    )
    return label.value if same[label.value] == 1 else None
