"""Fresh ``w:id`` values for the comments and tracked changes resolint writes.

In WordprocessingML, comments, tracked changes (``w:ins``, ``w:del``, ``w:rPrChange`` …)
and bookmarks are all *annotations*, and an annotation's id should be unique among all of
them in the document (ECMA-376 part 1, 17.13.1): Word repairs or rejects a file where a
comment and a revision share one, and a comment added with the id of another reviewer's
bookmark or revision may attach its range to the wrong markers. So resolint never numbers
comments and revisions each on its own: one :class:`AnnotationIds` per document hands out
every id it writes, none used anywhere in the package before (the body, headers, footers,
notes, comments: every WordprocessingML part), none twice.
"""

from __future__ import annotations

from docx.oxml.ns import nsmap, qn
from lxml import etree

W_ID = qn("w:id")
#: Every ``w:id`` attribute's value (lxml's own XPath: python-docx's elements take no namespaces).
_ID_VALUES = etree.XPath("//@w:id", namespaces={"w": nsmap["w"]})
#: The largest id Word reads (a signed 32-bit number, ST_DecimalNumber as Word stores it).
MAX_ID = 2**31 - 1


def used_ids(document) -> set[int]:
    """Every numeric ``w:id`` attribute in the package's WordprocessingML parts."""
    used: set[int] = set()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            if "wordprocessingml" not in part.content_type:
                continue
            try:  # a part python-docx keeps as bytes (footnotes, endnotes …)
                element = etree.fromstring(part.blob, parser)
            except (etree.XMLSyntaxError, ValueError):
                continue
        for value in _ID_VALUES(element):
            value = value.strip()
            if value.lstrip("-").isdigit():
                used.add(int(value))
    return used


class AnnotationIds:
    """Hands out ids unused in the document, from just above the largest one used (below
    it, in the gaps, once that would pass :data:`MAX_ID`). Looks at the package only
    when the first id is asked for."""

    def __init__(self, document) -> None:
        self._document = document
        self._used: set[int] | None = None
        self._next = 0

    def take(self) -> str:
        if self._used is None:
            self._used = used_ids(self._document)
            self._next = max(self._used, default=-1) + 1
        if self._next > MAX_ID:
            self._next = 0
        while self._next in self._used:
            self._next += 1
        n = self._next
        self._used.add(n)
        self._next += 1
        return str(n)
