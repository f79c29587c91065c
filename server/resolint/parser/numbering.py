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
    return _sequences(res.paragraphs)[0]


def _sequences(paragraphs: list[Paragraph]) -> tuple[list[list[Paragraph]], int]:
    """:func:`operative_sequences` of ``paragraphs``, and how many of them are parts'
    (they come first; the rest are lists of items)."""
    by_part: dict[int, list[list[Paragraph]]] = {}
    lists: list[list[Paragraph]] = []
    _walk(paragraphs, 0, by_part, lists)
    parts = [seq for k in sorted(by_part) for seq in by_part[k]]
    return parts + lists, len(parts)


def _walk(paragraphs: list[Paragraph], start: int, by_part: dict[int, list[list[Paragraph]]], lists: list[list[Paragraph]]) -> None:
    """Add the sequences of ``paragraphs[start:]`` to ``by_part`` (part -> its sections'
    top-level operative paragraphs) and ``lists`` (the items under one paragraph)."""
    heading = False  # a heading since the last top-level operative paragraph
    # (The kinds and the weak parent read directly, as Resolution's lists do: the parse
    # runs this over every paragraph after every keystroke.)
    for p in paragraphs[start:] if start else paragraphs:
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


#: What :func:`operative_sequences_again` keeps of one parse for the next: its
#: paragraphs, its sequences, and how many of them are parts' (the rest are lists of items).
Sequences = tuple[list[Paragraph], list[list[Paragraph]], int]


def operative_sequences_again(res: Resolution, kept: int, last: Sequences | None) -> Sequences:
    """:func:`operative_sequences` of ``res`` (with what to keep for the next parse),
    the sequences of its first ``kept`` paragraphs taken from the ``last`` parse's.

    The language server's parse keeps a leading run of the last parse's paragraphs,
    placed as they were and never written (:mod:`resolint.parser.memo`), up to the
    opening of a part: the operative paragraphs numbered together are all on one side of
    it (:func:`resolint.parser.resume._kept_until`), so the last parse's sequences of
    those paragraphs are theirs still, and only the paragraphs after them are walked
    (the walk over a 1 MB draft was 2.9 M instructions of each keystroke's parse). Where
    that does not hold (a sequence across the boundary, a part after it numbered as one
    before it), every paragraph is walked. ``tests/test_parse_resume.py`` compares the
    sequences with a full parse's after every edit."""
    paragraphs = res.paragraphs
    head = None if last is None else _kept_sequences(paragraphs, kept, last)
    if head is not None:
        head_parts, head_lists, last_part = head
        by_part: dict[int, list[list[Paragraph]]] = {}
        lists: list[list[Paragraph]] = []
        _walk(paragraphs, kept, by_part, lists)
        if not by_part or min(by_part) > last_part:
            parts = head_parts + [seq for k in sorted(by_part) for seq in by_part[k]]
            return paragraphs, parts + head_lists + lists, len(parts)
    found, n_parts = _sequences(paragraphs)
    return paragraphs, found, n_parts


def _kept_sequences(paragraphs: list[Paragraph], kept: int, last: Sequences) -> tuple[list, list, int] | None:
    """The ``last`` parse's parts' sequences and lists of items that lie in the first
    ``kept`` paragraphs, and the highest part among them (-1: none); None when they are
    not that parse's paragraphs or a sequence lies on both sides of ``kept``."""
    last_paragraphs, sequences, n_parts = last
    if not 0 < kept <= len(last_paragraphs) or last_paragraphs[kept - 1] is not paragraphs[kept - 1]:
        return None
    if any(seq[0].index < kept <= seq[-1].index for seq in sequences):
        return None
    head_parts = [seq for seq in sequences[:n_parts] if seq[-1].index < kept]
    head_lists = [seq for seq in sequences[n_parts:] if seq[-1].index < kept]
    return head_parts, head_lists, max((seq[0].part for seq in head_parts), default=-1)


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
    for seq in res.sequences:
        # (Those of the kept paragraphs skipped before their items are counted: a
        # sequence is in the document's order, so its last paragraph is its last kept.)
        if not seq or seq[-1].index < kept:
            continue
        seq = counted(seq)
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
