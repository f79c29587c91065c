"""Export a parsed draft as Akoma Ntoso 3.0 (AKN4UN) XML or as HTML.

:func:`export` takes a linted draft (text, Markdown or Word: the engine's
:class:`~resolint.engine.LintResult`) and returns the bytes of the chosen format. It
refuses, with :class:`ExportRefused` and the reasons, a draft whose structure is uncertain
(see :mod:`resolint.export.checks`) unless ``force`` is set.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from resolint.engine import LintResult
from resolint.export.akn import to_bytes, to_tree
from resolint.export.checks import reasons
from resolint.export.html import to_html
from resolint.source import Span

FORMATS = ("akn", "html")

#: Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class ExportError(ValueError):
    """The draft holds something an export cannot represent; the message says where."""


class ExportRefused(Exception):
    """The draft's structure is too uncertain to export; ``reasons`` says where and why."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__(
            "not exported: the structure of the draft is uncertain ("
            + "; ".join(reasons)
            + "); fix these or export anyway with --force"
        )


def export(result: LintResult, fmt: str = "akn", *, force: bool = False, where: Callable[[Span], str] | None = None) -> bytes:
    """The draft of ``result`` as AKN XML (``fmt="akn"``) or HTML (``fmt="html"``).
    ``where`` names a span's place in a refusal's reasons and errors (a Word document's
    paragraph); line:column by default."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    bad = _NOT_XML.search(result.source.text)
    if bad is not None:
        if where is None:
            pos = result.source.position(bad.start())
            at = f"{pos.line + 1}:{pos.character + 1}"
        else:
            at = where(Span(bad.start(), bad.end()))
        raise ExportError(
            f"{at}: character U+{ord(bad.group()):04X} cannot be written in XML; "
            "remove it from the draft (a page break or control character left by a conversion)"
        )
    if not force:
        why = reasons(result, where)
        if why:
            raise ExportRefused(why)
    tree = to_tree(result)
    if fmt == "html":
        return to_html(tree)
    return to_bytes(tree)


__all__ = ["FORMATS", "ExportError", "ExportRefused", "export"]
