"""A paragraph broken by a page break whose second half starts with a capital.

A PDF conversion leaves a blank line (and perhaps the page's header and footer) where a
page broke a paragraph. When the second half starts in lower case the parser joins it
back (``resolint.parser._continues``). When it starts with a capital, a name ("… the
close cooperation with the administering Power," / "New Zealand, neighbouring countries
and the World Health Organization …;"), it reads as a paragraph of its own, unless the
numbering says nothing stands there: the paragraph before is labelled and stopped
mid-sentence, and the one after carries the next label. Then it was an unnumbered
operative paragraph with an unknown opener, and every number after it out of sequence.

The incremental parse starts and stops reading again only at paragraphs no edit
elsewhere could join onto the one before (``resolint.parser.segments``): it asks
:func:`may_continue_in_capitals` and :func:`stopped_mid_sentence` to keep such
paragraphs inside what it reads.
"""

from __future__ import annotations

from resolint.model import Label
from resolint.parser import patterns as P
from resolint.parser.blocks import RawParagraph
from resolint.parser.groups import is_furniture_paragraph
from resolint.parser.labels import read_bullet, read_label
from resolint.parser.lexicon import listed_opener


def may_continue_in_capitals(text: str, raw: RawParagraph) -> bool:
    """Whether ``raw`` could be the rest of the paragraph before it although it starts
    with a capital (:func:`continues_in_capitals`, given the right neighbours): no label,
    no bullet, no opener a style lists, and no line of page furniture: a PDF's page header
    between "1. … mix," and "2. …" ("A/RES/80/214  Page 3") is a leftover for DOC016, not
    the rest of the sentence (read as such, the header took the fix "Page 3;"). What the
    incremental parse asks of a paragraph before it starts or stops reading again there
    (:mod:`resolint.parser.segments`)."""
    start, end = raw.span.start, raw.span.end
    return (
        text[start].isupper()
        and read_label(text, start, end)[0] is None
        and read_bullet(text, start, end)[0] is None
        and not listed_opener(text[start:end])
        and not is_furniture_paragraph(text, raw)
    )


def stopped_mid_sentence(text: str, raw: RawParagraph) -> bool:
    """Whether a labelled paragraph ends with a comma or a word: a paragraph after it
    may go on with its sentence (:func:`continues_in_capitals`). Not a date or meeting
    line ("1 May 2031" reads as labelled 1) nor a line of page furniture."""
    last = text[raw.span.end - 1]
    return (last == "," or last.isalnum()) and _labelled_clause(text, raw) is not None


def _labelled_clause(text: str, raw: RawParagraph) -> Label | None:
    """The label of ``raw`` when it is a labelled clause (see :func:`stopped_mid_sentence`)."""
    label = read_label(text, raw.span.start, raw.span.end)[0]
    if label is None:
        return None
    body = text[raw.span.start : raw.span.end]
    if P.is_closing_line(body) or is_furniture_paragraph(text, raw):
        return None
    return label


def _may_lead_label(ch: str) -> bool:
    """Whether a label this join reads may start with ``ch``: a number ("4."), a bracket
    ("(b)") or a negotiation label ("OP4"). A preambular paragraph ("Recalling …,") is
    answered without reading a label."""
    return ch.isdigit() or ch == "(" or ch == "O"


def continues_in_capitals(text: str, prev: RawParagraph, raw: RawParagraph, following: RawParagraph | None) -> bool:
    """Whether ``raw``, which starts with a capital (a name: "New Zealand, neighbouring
    countries and …;"), is the rest of ``prev``: ``prev`` is labelled and stopped
    mid-sentence, and ``following`` carries the label after ``prev``'s ("4. … the close
    cooperation with the administering Power," / "New Zealand, …;" / "5. …", a page break
    of a PDF conversion). The numbering says nothing stands between the two. Without that
    evidence a capitalized paragraph is one of its own (a heading, a clause whose opener
    is not listed), as before."""
    last = text[prev.span.end - 1]
    if (
        following is None
        or not text[raw.span.start].isupper()
        or not (last == "," or last.isalnum())
        or not _may_lead_label(text[prev.span.start])
        or not _may_lead_label(text[following.span.start])
    ):
        return False  # (the usual answers, asked of every paragraph first: no label read)
    after = read_label(text, following.span.start, following.span.end)[0]
    before = None if after is None else _labelled_clause(text, prev)
    if before is None or after is None or after.scheme is not before.scheme or after.value != before.value + 1:
        return False
    return may_continue_in_capitals(text, raw)
