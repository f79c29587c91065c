"""Element identifiers (``eId``) following the Akoma Ntoso naming convention.

AKN-NC 1.0 §5 builds an ``eId`` from the element's abbreviated name and its number,
prefixed by its parent's ``eId`` and ``__``: operative paragraph 3 is ``para_3``, its
sub-paragraph (b) ``para_3__subpara_b``. The number is the label as printed, stripped
of punctuation ("3." → ``3``, "(b)" → ``b``), so an eId does not change when text
elsewhere changes. An element without a label takes its position among its siblings
of the same name; a label already used among those siblings (a numbering error the
export was forced through) gets ``_2``, ``_3`` … so every eId stays unique.
"""

from __future__ import annotations

import re

#: AKN-NC abbreviations for the elements resolint emits; others use their own name.
ABBREVIATIONS = {
    "paragraph": "para",
    "subparagraph": "subpara",
    "attachment": "att",
    "mainBody": "body",
}


#: A decimal item's label ("2.1", "2.1.3."): its own number is the last.
_DECIMAL = re.compile(r"\d+(?:\.\d+)+\.?")


def label_id(label: str) -> str:
    """ "3." → "3", "(b)" → "b", "ii)" → "ii"; what the eId carries for a label. A
    decimal item's own number: "2.1" under paragraph 2 is ``para_2__subpara_1`` (its
    parent's eId names the 2), not ``subpara_21``, which "2.11" would be too."""
    if _DECIMAL.fullmatch(label):
        return label.rstrip(".").rpartition(".")[2]
    return re.sub(r"[^0-9A-Za-z]+", "", label).lower()


class Scope:
    """The eIds given under one parent: hands out unique ids for its children."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self._used: set[str] = set()
        self._count: dict[str, int] = {}
        #: The last suffix given to each base: a label repeated n times is given "_n" at
        #: once (counting up from "_2" every time was quadratic: 6,000 items labelled
        #: "(a)" took 3.6 s). Every suffix below it is taken, as ids are never taken back.
        self._suffix: dict[str, int] = {}

    def make(self, element: str, label: str | None = None) -> str:
        name = ABBREVIATIONS.get(element, element)
        self._count[name] = self._count.get(name, 0) + 1
        num = label_id(label) if label else ""
        base = f"{name}_{num or self._count[name]}"
        k = self._suffix.get(base, 1)
        eid = base if k == 1 else f"{base}_{k}"
        while eid in self._used:
            k += 1
            eid = f"{base}_{k}"
        self._suffix[base] = k
        self._used.add(eid)
        return f"{self.prefix}__{eid}" if self.prefix else eid

    def child(self, eid: str) -> Scope:
        return Scope(eid)
