"""Lint a Word document read by :mod:`resolint.docx.reader` with the engine.

The engine lints the document's visible text; it also gets the document itself as the
formatting rules' source (italics) and is told the paragraphs are Word's own, so none is
joined to the one before.
"""

from __future__ import annotations

from resolint.config import Settings
from resolint.docx.reader import DocxText
from resolint.engine import LintResult, lint


def lint_docx(doc: DocxText, settings: Settings | None = None, *, path: str | None = None, style: str | None = None) -> LintResult:
    return lint(doc.text, settings, path=path, style=style, formatting=doc, paragraphs_given=True)
