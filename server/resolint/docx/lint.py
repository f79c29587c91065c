"""Lint a Word document read by :mod:`resolint.docx.reader` with the engine.

The engine lints the document's visible text; it also gets the document itself as the
formatting rules' source (italics) and is told the paragraphs are Word's own, so none is
joined to the one before — unless they are a PDF's lines pasted into Word
(:mod:`resolint.docx.pasted`), which are read as plain text is.
"""

from __future__ import annotations

from resolint.config import Settings
from resolint.docx.pasted import pasted_from_pdf
from resolint.docx.reader import PARAGRAPH_SEPARATOR, DocxText
from resolint.engine import LintResult, lint


def lint_docx(doc: DocxText, settings: Settings | None = None, *, path: str | None = None, style: str | None = None) -> LintResult:
    text, given = text_to_lint(doc)
    return lint(text, settings, path=path, style=style, formatting=doc, paragraphs_given=given)


def text_to_lint(doc: DocxText) -> tuple[str, bool]:
    """The document's text as the engine reads it, and whether its paragraphs are given
    (Word's own, each one a paragraph of the draft). A PDF's lines pasted into Word
    (:mod:`resolint.docx.pasted`) are read as a plain-text copy of the PDF is, lines of
    one block: each blank line between two Word paragraphs is a line break and a space
    (the same length: every offset is the document's), and the parser tells the
    paragraphs apart by their marks, labels and the margin the lines were wrapped at."""
    if not pasted_from_pdf(doc):
        return doc.text, True
    chars = list(doc.text)
    for para in doc.paragraphs[1:]:
        sep = para.start - len(PARAGRAPH_SEPARATOR)
        if doc.text.startswith(PARAGRAPH_SEPARATOR, sep):
            chars[sep + 1] = " "
    return "".join(chars), False
