"""Read a list whose items all carry the same number as automatically numbered.

Markdown drafters often write every item ``1.`` and let the renderer number them
(CommonMark numbers an ordered list from its first item's number on). Read as typed, such
a list says "Number 1 is used twice" at every item and "paragraph 2 above" points nowhere.
Where every numbered paragraph of a sequence carries the same number, each label's
``value`` becomes the rendered number and ``typed`` keeps what was typed, so numbering
checks and internal references see the numbers a reader sees (as with Word's automatic
numbering). A list whose numbers differ is checked as typed.
"""

from __future__ import annotations

from resolint.model import Kind, LabelScheme, Paragraph, Resolution

#: Fewer items than this are not a list the renderer numbers (and "1." alone is right).
MIN_ITEMS = 2


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ARABIC, _HEADING, _OPERATIVE = LabelScheme.ARABIC, Kind.HEADING, Kind.OPERATIVE


def operative_sequences(res: Resolution) -> list[list[Paragraph]]:
    """Sibling operative paragraphs that should be numbered 1, 2, 3 … together.

    Top-level operative paragraphs form one sequence per part of the resolution; the
    items of an INTERPOL list ("CALLS UPON … to:" then "1. …") form one sequence each.
    A paragraph inserted in negotiation ("2 bis.") stands in its list (its final mark is
    checked there) but is not counted (:func:`counted`).
    Found once per parse (:attr:`Resolution.sequences`): the numbering below and the
    numbering rules read the same lists.
    """
    by_part: dict[int, list[list[Paragraph]]] = {}
    lists: list[list[Paragraph]] = []
    heading = False  # a heading since the last top-level operative paragraph
    # (The kinds and the weak parent read directly, as Resolution's lists do: the parse
    # runs this over every paragraph after every keystroke.)
    for p in res.paragraphs:
        kind = p.kind
        if kind is _HEADING:
            heading = True
        elif kind is _OPERATIVE and (p._parent is None or p._parent() is None):
            sections = by_part.setdefault(p.part, [[]])
            if heading and sections[-1] and _restarts(p):
                sections.append([])  # "II" / "Enterprise resource planning" / "1. Takes note …"
            sections[-1].append(p)
            heading = False
            if p.children:
                items = [c for c in p.children if c.kind is _OPERATIVE]
                if items:
                    lists.append(items)
    return [seq for k in sorted(by_part) for seq in by_part[k]] + lists


def _restarts(p: Paragraph) -> bool:
    """Whether ``p``, after a heading, numbers a section of its own: it is numbered 1, as
    each section of an omnibus resolution (the General Assembly's "Questions relating to
    the programme budget": "I" / "Capital master plan" / "1. Takes note …") numbers its
    paragraphs anew. A section whose numbers go on is one sequence with the others."""
    label = p.label
    return label is not None and label.scheme is LabelScheme.ARABIC and label.as_typed == 1


def counted(seq: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs of a list that its numbers count: all but those inserted in
    negotiation ("2 bis." after "2.": :attr:`~resolint.model.Label.inserted`)."""
    return [p for p in seq if p.label is None or not p.label.inserted]


def read_automatic_numbering(res: Resolution, kept: int = 0) -> None:
    """Give the labels of each same-number list (:attr:`Resolution.sequences`) their
    rendered numbers; but not those of the first ``kept`` paragraphs, which the last
    parse numbered (the language server's parse keeps them: :mod:`resolint.parser.memo`):
    a list is all before or all after."""
    for seq in map(counted, res.sequences):
        if not seq or seq[-1].index < kept:
            continue
        labels = [p.label for p in seq if p.label is not None and p.label.scheme is _ARABIC]
        if len(labels) < MIN_ITEMS or len(labels) != len(seq):
            continue
        first = labels[0]
        if any(lb.value != first.value or lb.form != first.form for lb in labels):
            continue
        start = first.value
        for i, lb in enumerate(labels):
            lb.typed = lb.value
            lb.value = start + i
