"""Whether a Word document's paragraphs are a PDF's lines: text pasted from a PDF.

A drafter who copies a resolution out of its PDF and pastes it into Word gets one Word
paragraph per line of the PDF ("… by which it decided to establish an" / "open-ended ad
hoc intergovernmental committee …"). Read as Word's own paragraphs (none joined to the
one before: :func:`resolint.docx.lint.lint_docx`), every wrapped sentence broke into
clauses: a page of wrong findings (22 on a six-paragraph draft: "'technical' is not an
operative opener", unnumbered operative paragraphs, every number out of sequence). Such a
document is parsed as a plain-text copy's lines (:func:`resolint.docx.lint.text_to_lint`):
one block, whose lines the parser joins where a sentence goes on and keeps apart at a
final mark, a label or an opener, as in a draft an editor wrapped at a margin.

The sign is the text itself: paragraphs that end with no mark and are followed by one
that starts with a lower-case word (not an item's label such as "a)", not a listed
opener such as "recalling", which ITU drafts write in lower case on their own lines, nor
the unlabelled item after one: "considering" / "that the work goes on").
A Word draft typed in Word has almost none; a pasted PDF has one at most line breaks.
"""

from __future__ import annotations

import re

from resolint.docx.reader import DocxText
from resolint.parser.labels import read_label
from resolint.parser.lexicon import listed_opener

#: A document is a PDF's lines when at least this many paragraphs ...
MIN_BROKEN = 3
#: ... and this share of its paragraphs are followed by the rest of their sentence.
MIN_SHARE = 0.15
#: A paragraph's last character when it stops mid-sentence: a letter or a digit.
_MID_SENTENCE = re.compile(r"[^\W_]$")
#: An ITU group's opener alone on its line is short ("considering", "resolves further"),
#: and its items need not be labelled ("that the work goes on"): no sentence broken.
_GROUP_OPENER_CHARS = 40
#: What starts the rest of a sentence: a lower-case word and a space or a mark after it.
_GOES_ON = re.compile(r"[a-z][a-z'’-]*[ ,;:.]")


def pasted_from_pdf(doc: DocxText) -> bool:
    """Whether ``doc``'s paragraphs read as the lines of a PDF (see the module docstring)."""
    text = doc.text
    paragraphs = doc.paragraphs
    if len(paragraphs) < MIN_BROKEN + 1:
        return False
    broken = 0
    for before, after in zip(paragraphs, paragraphs[1:], strict=False):
        end = text[before.start : before.end].rstrip()
        start = after.start
        line = text[start : after.end]
        if (
            _MID_SENTENCE.search(end)
            and _GOES_ON.match(line)
            and read_label(text, start, after.end)[0] is None
            and not listed_opener(line)
            and not (len(end) <= _GROUP_OPENER_CHARS and listed_opener(end))
        ):
            broken += 1
    return broken >= MIN_BROKEN and broken >= MIN_SHARE * len(paragraphs)
