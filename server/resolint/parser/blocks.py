"""Split a text into raw paragraphs: runs of lines that belong together.

Drafts come with one paragraph a line (as exported from Word), or wrapped over several
lines (as typed in an editor), with or without blank lines between paragraphs. A new
paragraph starts at a blank line, at a line that begins with a label or bullet, after a
line that ends a clause (``, ; : .``) when the next line starts with a capital, and at
every line of a title block or a Markdown heading. But a line an editor wrapped at a
margin goes on with the sentence whatever it ends with ("… held in Gandhinagar," /
"Gujarat, India, …"): the first word of the next line would not have fitted on it, and
it starts with no listed opener (:func:`_wrapped_at`).
"""

from __future__ import annotations

import re

from resolint.invisible import readable_start
from resolint.lazyre import lazy
from resolint.parser import patterns as P
from resolint.parser.lexicon import listed_opener
from resolint.parser.wordshape import opener_shape
from resolint.records import record
from resolint.source import SourceText, Span

# Every Unicode space the drafts we have seen carry, plus the BOM and zero-width space.
SPACE_CHARS = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff\f\v"
#: Characters that print nothing and stand at a line's edge in copied text: direction
#: marks, embeddings and isolates (a word processor set to Arabic or Hebrew puts them
#: before each line), joiners, the word joiner and the soft hyphen. Before "The General
#: Assembly," one hid the opening: the draft was read without one, or skipped as no draft.
EDGE_MARKS = "\u00ad\u061c\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
#: The separators Python's ``str.splitlines`` breaks lines at besides CR and LF: the line
#: and paragraph separators (U+2028, U+2029), NEL and the information separators. LSP and
#: the line index break at CR and LF only, so they stay inside a paragraph; at its edge
#: they print as white space. Kept there, "… of the matter.\u2028" ended in no mark, and
#: OPR007's safe fix wrote "… of the matter.\u2028." (a second full stop, after the break).
LINE_SEPARATORS = "\u2028\u2029\x85\x1c\x1d\x1e"
#: What a paragraph's edges are stripped of.
EDGE_CHARS = SPACE_CHARS + EDGE_MARKS + LINE_SEPARATORS

_LABEL_START = lazy(
    "(?:[" + re.escape(P.BULLETS) + r"""]\s+)?          # a stray bullet
        (?:\(?\d{1,3}[.)]\s          # 1.  1)  (1)
          |[*_]{1,3}(?:\(?\d{1,3}|\(?[a-z]{1,3})[.)][*_]{1,3}\s  # **1.** **a)** (bold: labels.read_emphasized_label)
          |\d{1,3}\\\.\s               # 1\.  (a number Markdown escapes)
          |\([a-z]{1,3}\)\s          # (a) (ii)
          |\(\d{1,3}\)\s
          |[a-z]{1,3}[.)]\s          # a.  a)  ii.
        )""",
    re.VERBOSE,
)
_BULLET_START = lazy(rf"[{re.escape(P.BULLETS)}]\s+\S")
_HEADING = lazy(r"#{1,6}\s")
_COMMENT_LINE = lazy(r"<!--.*-->\s*$")
#: A line of underscores alone: the rule a document draws above its footnotes (no line
#: of a paragraph's text is one).
_RULE_LINE = lazy(r"_{3,}\s*$")
_CLAUSE_END = lazy(r"[,;:.][\"”’'*_)\]]*$")
#: Starts only where a run of openers starts, and takes the run whole: linear even if
#: scanned (a long run of quotes was rescanned from each of its characters).
#: An opener in capitals (one word or more: "CALLS UPON") and a word not in capitals.
_CAPITALS_OPENER = lazy(r"[*_]*([A-Z]{4,}(?:[ \t]+[A-Z]{2,}){0,3})[*_]*,?[ \t]+[A-Za-z]?[a-z]")
_CAPITAL_START = lazy(r"(?<![*_\"“‘'(\[])[*_\"“‘'(\[]*+[A-Z]")
#: A group opener alone on its line ("considering further", "instructs the Secretary-General").
_GROUP_OPENER_LINE = lazy(r"[*_]*[a-z][a-zA-Z\-’' ]{0,80}[*_]*$")
#: What an opening line may start with (``patterns.OPENING``: emphasis, then "The").
_OPENING_LEADS = "*_Tt"
#: A numbered paragraph, article or rule ("paragraph 4", "article 8"): what a label after
#: it is an item of, in both patterns below.
_NUMBERED_REFERENCE = r"\b(?:(?:sub)?paragraphs?|[Aa]rticles?|sections?|rules?|regulations?)\s\d{1,3}"
#: A word a reference to a paragraph or an article's item follows ("paragraph" / "(g)"),
#: or a numbered article or paragraph whose item it is ("Article 8" / "(j) and Other
#: Provisions", "article 4" / "(4) of the said agreement").
_REFERENCE_BEFORE = lazy(
    r"(?:\b(?:(?:sub)?paragraphs?|[Aa]rticles?|sections?|items?|rules?|regulations?|annex(?:es)?|chapters?|parts?|footnotes?"
    r"|and|or|to|through|of|in|Nos?\.)|\(\w{1,4}\),|\b\d{1,3},"  # … or a list of them: "(a), (b), (c)," / "(e) and (f)"
    rf"|{_NUMBERED_REFERENCE})$"
)
#: A reference a bracketed label goes on whether or not the line was wrapped: a numbered
#: paragraph or article ("… paragraph 4" / "(a) of resolution 79/1"), or a label and a
#: word that joins it to the next ("… 17 (a) and" / "(b) of …"). A list's item comes after
#: a colon or an item's end ("…; and", "…, and": see _ITEM_END_CONJUNCTION).
_REFERENCE_TO_ITEM = lazy(rf"(?:{_NUMBERED_REFERENCE}" r"|\(\w{1,4}\)(?:,|,?\s(?:and|or|to|through)))$")
_BRACKETED_LABEL = lazy(r"\(\w{1,4}\)")
#: An item's end before the list's last item: "a) … on the matter, and" / "b) …". On a
#: line that itself starts with a label, the next label starts the next item; in running
#: text ("… in order to (i) stabilize …, and" / "(ii) to create …") it is the sentence's.
_ITEM_END_CONJUNCTION = lazy(r"[,;]\s+(?:and|or|and/or)$")
#: The dashes that also punctuate a sentence ("– in a balanced manner –"): at the start of
#: a wrapped line, the sentence's, not a bullet (see :func:`starts_new_paragraph`).
_SENTENCE_DASHES = "–—"
#: Margins editors wrap at, in characters; a block whose longest line is outside them
#: holds paragraphs typed one a line (see :func:`_wrapped_at`).
_MIN_MARGIN, _MAX_MARGIN = 40, 120
#: The longest line after a wrap that may be a heading ("II. Cooperation") when it ends
#: with no clause mark.
_HEADING_CHARS = 40
#: The most lines a resolution's title is wrapped over (see :func:`_wraps_title`).
_TITLE_MAX_LINES = 4
#: The characters a title's first line (``P.UN_TITLE``, ``P.SUBJECT``) can start with.
_TITLE_FIRST_CHARS = frozenset("0123456789*_SsOoAa<")
#: A label alone on its line ("1.", "(a)", "2)"), as a copy from a word processor's list
#: may leave it: the paragraph it numbers goes on on the next line.
_LONE_LABEL = lazy(r"(?:\(?\d{1,3}[.)]|\([a-z]{1,3}\)|[a-z]{1,3}[.)])$")


def is_lone_label(line: str) -> bool:
    """Whether ``line`` (without its spaces) is a label alone, whose paragraph goes on on
    the next line of its block."""
    return _LONE_LABEL.match(line.strip()) is not None
#: A number without its point before a capital: "26 Condemns …".
_NUMBER_BEFORE_CAPITAL = lazy(r"\d{1,3}[ \t]+(?=[A-Z])")
#: An ITU item number without its point: "1 to explore …".
_BARE_NUMBER_START = lazy(r"\d{1,3}[ \t]+[a-z]")


@record(slots=True)
class RawParagraph:
    """A paragraph's span (first to last non-space character) and its line numbers."""

    span: Span
    first_line: int
    last_line: int


def is_comment_paragraph(text: str, raw: RawParagraph) -> bool:
    """Whether ``raw`` is a comment alone (``<!-- … -->``, a ``resolint:`` directive too):
    reading ahead passes over it (what a paragraph continues, whether a group's items
    follow its opener, the number after a heading)."""
    return text.startswith("<!--", raw.span.start) and P.HTML_COMMENT.match(text[raw.span.start : raw.span.end]) is not None


def following_past_comments(text: str, raws: list[RawParagraph], i: int) -> RawParagraph | None:
    """The first of ``raws`` after ``raws[i]`` that is not a comment alone (None: none).

    A comment there (a note; the language server's "disable" action writes one) hid what
    the paragraph after shows: the label "5." that says ``raws[i]`` continues the paragraph
    before it (the join was undone), the first item "1 to …" under a group's opener
    "resolves" (the opener was read as a clause of its own), the items that cut an opener
    glued to the end of an ITU paragraph off it."""
    if i + 1 < len(raws) and not text.startswith("<!--", raws[i + 1].span.start):
        return raws[i + 1]  # most: no comment next (is_comment_paragraph's first test), asked twice of every paragraph
    for k in range(i + 1, len(raws)):
        if not is_comment_paragraph(text, raws[k]):
            return raws[k]
    return None


def last_before_comments(text: str, raws: list[RawParagraph], i: int) -> int:
    """``i``, or the paragraph before the comments alone that end at ``raws[i]``: the one
    whose :func:`following_past_comments` is past them."""
    while i > 0 and is_comment_paragraph(text, raws[i]):
        i -= 1
    return i


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def is_blank(line: str) -> bool:
    return not line.strip(EDGE_CHARS)


def starts_new_paragraph(prev: str, line: str, width: int = 0, following: str = "") -> bool:
    """Whether ``line`` opens a paragraph of its own, given the line before it, the
    longest line of their block (the run of lines between blank ones: see
    :func:`_wrapped_at`) and the line after it in the block ("" when it is the last)."""
    if _LONE_LABEL.match(prev) and not (_LABEL_START.match(line) or _BULLET_START.match(line)):
        return False  # "1." / "Urges …": the label's paragraph goes on on the next line
    marked = True if _decimal_item_line(prev, line) else _marked_start(prev, line, width)
    if marked is not None:
        return marked
    ended = _CLAUSE_END.search(prev) is not None
    if ended and (number := _NUMBER_BEFORE_CAPITAL.match(line)) and listed_opener(line[number.end() :]):
        return True  # "25. Recalls …;" / "26 Condemns …": a paragraph whose number lost its point
    if (ended or _bare_opening(prev)) and _CAPITAL_START.match(line):
        return _capital_starts_paragraph(prev, line, width, ended)
    if _opener_after_a_full_line(prev, line, width, ended):
        return True
    grouped = _grouped_start(prev, line, width, ended, following)
    if grouped is not None:
        return grouped
    # Closing lines carry no punctuation: "38th plenary meeting" / "21 November 2023";
    # but a date ends a sentence an editor wrapped before it ("… from 1 July 2023 to" /
    # "30 June 2024").
    if P.PLENARY.match(line) or P.DATE_LINE.match(line):
        return ended or not _wrapped_at(prev, line, width, alone=False)
    if P.PLENARY.match(prev) and _closes_what_it_left_open(prev, line):
        return False  # "(Eighth plenary meeting, 24 May 2025 –" / "Committee A, first report)"
    return bool(P.ADOPTED.match(line) or P.PLENARY.match(prev))


def _closes_what_it_left_open(prev: str, line: str) -> bool:
    """Whether ``line`` ends the parenthesis ``prev`` left open, and nothing more: the
    rest of a meeting line wrapped by a PDF conversion, as the World Health Assembly
    prints its own in parentheses ("(Eighth plenary meeting, 24 May 2025 – Committee A,
    first report)"). The line after a meeting line is otherwise a paragraph of its own
    (the date, the next resolution's title)."""
    close = line.find(")")
    return prev.count("(") > prev.count(")") and close >= 0 and "(" not in line[:close] and line[close + 1 :].strip() in ("", ".")


def _opener_after_a_full_line(prev: str, line: str, width: int, ended: bool) -> bool:
    """Whether ``line`` starts with a listed opener after a line that was not wrapped
    before it (paragraphs typed one a line, no blank line between): in capitals after
    anything ("Current situation" / "Welcoming …": a heading, then a clause), in lower
    case after a clause's end and no label ("…," / "also recalling …": a clause whose
    opener's case is wrong, for PRE003)."""
    capital = _CAPITAL_START.match(line) is not None
    if not (capital or line[:1].islower()) or not listed_opener(line) or _wrapped_at(prev, line, width):
        return False
    return capital or (ended and not _LABEL_START.match(prev))


def _capital_starts_paragraph(prev: str, line: str, width: int, ended: bool) -> bool:
    """Whether ``line``, which starts with a capital after a clause's end (or a bare
    opening), starts a paragraph: unless an editor wrapped ``prev`` before it, and it
    starts with no opener (listed, or in capitals: :func:`_opener_in_capitals`)."""
    return not _wrapped_at(prev, line, width) or bool(listed_opener(line)) or (ended and _opener_in_capitals(line))


def _opener_in_capitals(line: str) -> bool:
    """Whether ``line`` starts as an INTERPOL clause does, with an opener in capitals
    that has a verb's or a participle's shape and the clause's words not in capitals
    after it ("THANKS the host country …", "ELECTS Ms …", "SHOCKED by …"), listed or
    not. After a clause's end it is the next paragraph, typed on the next line, not the
    rest of a sentence an editor wrapped (an unlisted one was read into the longest
    line of its block, and OPR007 asked the two to end as one)."""
    m = _CAPITALS_OPENER.match(line)
    return m is not None and opener_shape(m.group(1)) != ""


def _bare_opening(line: str) -> bool:
    """Whether ``line`` is an opening with nothing after the body's name ("The General
    Assembly" without its comma): it ends there, and a capital after it starts the next
    paragraph as after a comma (the preamble's first paragraph was read into it when no
    blank line followed)."""
    m = P.OPENING.match(line) if line[:1] in _OPENING_LEADS else None
    return m is not None and not m.group("rest").strip("*_ ")


def _decimal_item_line(prev: str, line: str) -> bool:
    """Whether ``line`` starts with a decimal item's number after a line that ends a
    clause ("2. Encourages …:" / "2.1 To establish …;": an item typed on the next line;
    placement keeps its number where it names a paragraph), or after an item's line that
    lacks its mark ("2.1 To establish targets" / "2.2 To share …;": two items, as two
    lines that start with labels of one form are). After any other line the number is
    the sentence's ("… in section" / "2.1 of …", "… a rise of" / "1.5 …")."""
    if not line[:1].isdigit() or P.DECIMAL_LABEL.match(line) is None:
        return False
    return _CLAUSE_END.search(prev) is not None or (prev[:1].isdigit() and P.DECIMAL_LABEL.match(prev) is not None)


def _marked_start(prev: str, line: str, width: int) -> bool | None:
    """What a label, a bullet, a Markdown heading or a comment on either line decides
    (None: neither line has one)."""
    if _LABEL_START.match(line):
        # A number or letter a wrapped line starts with after "paragraph", "article",
        # "and" … is the reference's ("… in subparagraph" / "(g) above"); after anything
        # else it is a label, even where the paragraph before lacks its final mark.
        tail = max(0, len(prev) - 24)
        if _BRACKETED_LABEL.match(line) and _REFERENCE_TO_ITEM.search(prev, tail):
            return False
        if _ITEM_END_CONJUNCTION.search(prev, tail) and _same_label_form(prev, line):
            return True
        return not (_wrapped_at(prev, line, width) and _REFERENCE_BEFORE.search(prev, tail))
    if _BULLET_START.match(line):
        # A dash starting a line an editor wrapped is the sentence's ("… social and
        # environmental" / "– in a balanced …"), not a list's bullet, when nothing ended.
        return not (line[0] in _SENTENCE_DASHES and not _CLAUSE_END.search(prev) and _wrapped_at(prev, line, width))
    if _HEADING.match(line) or _HEADING.match(prev) or _COMMENT_LINE.match(line) or _COMMENT_LINE.match(prev):
        return True
    if _RULE_LINE.match(line) or _RULE_LINE.match(prev):
        return True  # "Seventh plenary meeting, 1 June 2024" / "__________" / "1 Document A77/10."
    if P.PAGE_MARKS.match(prev) or P.FURNITURE_WORDS.match(prev):
        # A page's marks, and the page's other furniture that goes on with them
        # ("A/C.2/81/L.20"): the text after them is the next paragraph's.
        return not (P.JUNK.match(line) or P.FURNITURE_WORDS.match(line))
    if P.PAGE_MARKS.match(line):
        return True  # "… commitments;" / "26-04512    2/3": a page's footer, even with no blank line before it
    return None


#: A list item's label, to compare two lines' labels by form: "(a)" / "a)" / "a.", letters
#: or figures.
_ITEM_LABEL = lazy(r"(\(?)([a-z]{1,4}|[A-Z]{1,4}|\d{1,3})([.)])\s")


def _same_label_form(prev: str, line: str) -> bool:
    """Whether both lines start with labels of one form ("a) …" and "b) …"; not "1. …"
    and "(ii) …"): two items of one list."""
    a, b = _ITEM_LABEL.match(prev), _ITEM_LABEL.match(line)
    if a is None or b is None:
        return False
    return (a[1], a[2].isdigit(), a[2].islower(), a[3]) == (b[1], b[2].isdigit(), b[2].islower(), b[3])


def _grouped_start(prev: str, line: str, width: int, ended: bool, following: str) -> bool | None:
    """What grouped clauses typed one a line decide ("…," / "considering" / "a) …" /
    "resolves" / "1 to …"); None: ``line`` is neither a group's opener nor its item.

    After a line an editor wrapped, a line that starts with a listed opener in lower
    case heads a group only where an item follows it, or the block's end: otherwise it is
    the rest of the sentence ("…," / "reaffirming the ambition to get back on track …")."""
    if ended and _GROUP_OPENER_LINE.match(readable_start(line)) and listed_opener(line):
        if not _wrapped_at(prev, line, width):
            return True
        if (following == "" and not _CLAUSE_END.search(line)) or _opens_item(following):
            return True
    if not _BARE_NUMBER_START.match(line):
        return None
    if _GROUP_OPENER_LINE.match(readable_start(prev)) is not None and listed_opener(prev):
        return True  # the group's first item
    # An item ends with ";" or ":" ("1 to …;" / "2 to …"); after a comma a wrapped line's
    # number is the sentence's ("… paragraphs 129," / "130 and 132 …").
    return None if not ended else not (prev.endswith(",") and _wrapped_at(prev, line, width))


def _opens_item(line: str) -> bool:
    """Whether ``line`` starts with a label, a bullet or an item's bare number."""
    return bool(_LABEL_START.match(line) or _BULLET_START.match(line) or _BARE_NUMBER_START.match(line))


def _wrapped_at(prev: str, line: str, width: int, alone: bool = True) -> bool:
    """Whether an editor wrapped ``prev`` before ``line``'s first word: the word would
    not have fitted on it within ``width``, the longest line of their block, and that is
    a margin (40 to 120 characters, as editors wrap), not the length of a paragraph typed
    on one line. A short line after it that ends with no clause mark ("II", "Annex") is
    a heading, not the rest of a sentence; so is a closing or signature line (see
    :func:`_structural`). ``alone=False`` leaves that to the caller, which knows the line's
    kind ("… from 1 July 2023 to" / "30 June 2024": a date, and the sentence's end)."""
    if not _MIN_MARGIN <= width <= _MAX_MARGIN or len(prev) < _MIN_MARGIN:
        return False
    if alone and len(line) <= _HEADING_CHARS and not _CLAUSE_END.search(line):
        return False
    first = line.split(None, 1)[0]
    return len(prev) + 1 + len(first) > width and not (alone and _structural(line))


def _structural(line: str) -> bool:
    """Whether ``line`` is one the parser reads as a part of its own whatever precedes it:
    a closing line ("Adopted by consensus."), a signature block's ("Signed,", "Delegate of
    Peru", a message's "Kind regards,"), an annex's or a section's heading. (Not an article's: "Article 22), not
    exceeding …" goes on with "… (Statute,"; an article's heading is short and ends with
    no clause mark, as :func:`_wrapped_at` asks.)"""
    return bool(
        P.is_closing_line(line) or P.SIGNATURE_HEADING.match(line) or P.SIGNATORY.match(line) or P.SIGN_OFF.match(line) or P.ANNEX.match(line)
        or P.ANNEX_TITLED.match(line) or P.SECTION_HEADING.match(line)
    )


def _stripped_line(source: SourceText, line_no: int) -> tuple[int, int]:
    return _strip(source.text, source.line_starts[line_no], source.line_end(line_no))


#: A line of a block: its number, where its text starts and ends (edges stripped), and
#: how far its text stands from the line's start (its indentation).
BlockLine = tuple[int, int, int, int]


def block_from(source: SourceText, first: int) -> list[BlockLine]:
    """The block (the run of non-blank lines) that starts at line ``first``, as
    :func:`split_paragraphs` reads it."""
    out = []
    for n in range(first, source.line_count):
        s, e = _stripped_line(source, n)
        if s == e:
            break
        out.append((n, s, e, s - source.line_starts[n]))
    return out


def block_width(lines: list[BlockLine]) -> int:
    """The longest of a block's lines with its indentation (an editor's margin counts it:
    a hanging indent shortens the lines it starts); 0 for one line."""
    return max(e - s + indent for _, s, e, indent in lines) if len(lines) > 1 else 0


def starts_new_line_paragraph(text: str, prev: BlockLine, line: BlockLine, width: int, following: BlockLine | None) -> bool:
    """:func:`starts_new_paragraph` of two lines of a block whose longest line is
    ``width`` (the line before measured with its indentation), ``following`` the line
    after them in the block, if any."""
    after = "" if following is None else text[following[1] : following[2]]
    return starts_new_paragraph(text[prev[1] : prev[2]], text[line[1] : line[2]], width - prev[3], after)


def _wraps_title(text: str, first: int, prev: BlockLine, line: BlockLine, width: int) -> bool:
    """Whether ``line``, above the opening, is the rest of a resolution's title an editor
    wrapped ("79/136. Cooperation between the United Nations and the International" /
    "Criminal Police Organization (INTERPOL)"; "Subject: …"): title lines are otherwise one
    paragraph each (they carry no punctuation to join them by)."""
    if text[first] in _TITLE_FIRST_CHARS and (P.UN_TITLE.match(title := text[first : prev[2]]) or P.SUBJECT.match(title)):
        current = text[line[1] : line[2]]
        return _wrapped_at(text[prev[1] : prev[2]], current, width - prev[3], alone=False) and not (
            P.SYMBOL.match(current) or P.OPENING.match(current) or P.UN_TITLE.match(current)
        )
    return False


def split_paragraphs(source: SourceText, one_per_line_until: int = 0, lines: range | None = None) -> list[RawParagraph]:
    """Group the lines of ``source`` into raw paragraphs.

    Lines before ``one_per_line_until`` (a line number) are each a paragraph of their
    own: that is the title block, whose lines carry no punctuation to join them by.
    ``lines``: only these lines (all by default); the first should follow a blank line,
    where a paragraph always starts.
    """
    text = source.text
    out: list[RawParagraph] = []
    block: list[BlockLine] = []  # the non-blank lines since the last blank one
    starts = source.line_starts
    count = len(starts)
    # Without CR a line ends just before the next one starts (at its "\n"): no need to ask
    # line_end, which looks back over "\r\n", for each of tens of thousands of lines.
    lf_only = "\r" not in text
    for line_no in range(count) if lines is None else lines:
        start = starts[line_no]
        if lf_only:
            end = starts[line_no + 1] - 1 if line_no + 1 < count else len(text)
        else:
            end = source.line_end(line_no)
        s, e = _strip(text, start, end)
        if s != e:
            block.append((line_no, s, e, s - start))
        elif block:
            _group(text, block, one_per_line_until, out)
            block = []
    if block:
        _group(text, block, one_per_line_until, out)
    return out


def _group(text: str, block: list[BlockLine], one_per_line_until: int, out: list[RawParagraph]) -> None:
    """Add the paragraphs of one block of lines (no blank line among them) to ``out``."""
    if len(block) == 1:  # most blocks: a paragraph on one line
        line_no, s, e, _ = block[0]
        out.append(RawParagraph(Span(s, e), line_no, line_no))
        return
    width = block_width(block)
    first_no, first_s = block[0][0], block[0][1]
    prev = block[0]
    for k in range(1, len(block)):
        line = block[k]
        if line[0] <= one_per_line_until:
            split = line[0] == one_per_line_until or line[0] - first_no >= _TITLE_MAX_LINES or not _wraps_title(text, first_s, prev, line, width)
        else:
            split = starts_new_line_paragraph(text, prev, line, width, block[k + 1] if k + 1 < len(block) else None)
        if split:
            out.append(RawParagraph(Span(first_s, prev[2]), first_no, prev[0]))
            first_no, first_s = line[0], line[1]
        prev = line
    out.append(RawParagraph(Span(first_s, prev[2]), first_no, prev[0]))
