"""Grouped clauses: an opener alone on its line heading a list of items.

Some bodies (the ITU among them) write the preamble and the operative part as groups::

    recalling
    a) Resolution 101 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference;
    b) …,
    resolves
    1 to explore ways and means …;
    2 that …

The opener ("recalling", "instructs the Secretary-General") has no label and no final
mark; the items after it carry labels (lettered in the preamble, numbered in the
operative part) or, for a group of one item, start in lower case. This module only
recognizes the shape from the text; placement (``parser.placement``) builds the
groups, and the house style says whether a body is expected to write them.
"""

from __future__ import annotations

import functools
import re

from resolint.invisible import readable
from resolint.lazyre import lazy
from resolint.parser import patterns as P
from resolint.parser.blocks import RawParagraph, following_past_comments
from resolint.parser.labels import TERMINALS, read_label, read_terminal, to_roman
from resolint.parser.lexicon import QUALIFIERS, may_start_opener
from resolint.parser.openings import is_opening
from resolint.source import SUPERSCRIPT_DIGITS, Span
from resolint.styles import StyleError, builtin_added_openers

#: An opener heading a group is a phrase, not a sentence ("instructs the Director of the
#: Telecommunication Standardization Bureau", or with its qualifier, "instructs the
#: Secretary-General, in consultation with the Directors of the three Bureaux").
GROUP_OPENER_MAX_CHARS = 220
#: Words no group opener ends with ("considering", "instructs the Secretary-General",
#: "invites Member States" end with an opener or a name): an article, a determiner, a
#: conjunction. A line that ends with one was broken mid-sentence ("Recalling the
#: importance of …, which includes the"). Not a preposition: "having regard to" and
#: "mindful of" head items in house styles.
_ENDS_MID_SENTENCE = frozenset({"the", "a", "an", "and", "or", "which", "its", "their", "whose"})
#: The UN list's verbs that ITU texts write as group openers too ("decides", "requests",
#: "calls upon"): with the ITU style's own, :func:`itu_operative_verbs`. (Not the whole UN
#: list: "notes" there is the preamble's "noting" written finite in an ITU text.)
_UN_VERBS_OF_ITU_GROUPS = frozenset({"decides", "requests", "calls"})
_OPENER_WORDS = re.compile(r"^[*_]*[A-Za-z][\w\-’' ,.()]*[*_]*$")  # "… Recommendation ITU-T A.5"
#: Footnote text: a rule of underscores a conversion left, then the footnote's number and
#: text ("____________________ 1 These include …", "_____ [1] Resolution 217 A (III)."); a
#: superscript number ("¹ Resolution 79/243, annex."); a number in brackets, as a word
#: processor's plain-text copy writes it ("[1] Resolution 217 A (III)."); a Markdown
#: footnote ("[^1]: Resolution 79/243, annex.").
FOOTNOTE = re.compile(
    rf"^(?:_{{5,}}\s*(?:\d{{1,3}}\b|\*|[{SUPERSCRIPT_DIGITS}]+|\[\d{{1,3}}\])|[{SUPERSCRIPT_DIGITS}]+[ \t\u00a0]+\S"
    rf"|\[\d{{1,3}}\][ \t\u00a0]+\S|\[\^[^\]\s]{{1,20}}\]:)"
)
#: The rule of underscores over a page's footnotes, alone on its line: the paragraphs
#: after it that start with a footnote's number are its footnotes ("1 See A/81/123.").
FOOTNOTE_RULE = lazy(r"^_{5,}$")
#: A footnote's number (or asterisks) and the space after it, after a footnote rule; not
#: before a lower-case word (an ITU group's items: "1 to explore …").
NUMBERED_FOOTNOTE = re.compile(r"^(?:\d{1,3}|\*{1,3})[ \t\u00a0]+(?=[^\sa-z])")
#: The first characters a footnote's text may start with (see :data:`FOOTNOTE`).
FOOTNOTE_LEADS = frozenset("_[" + SUPERSCRIPT_DIGITS)


_ENDS_CLAUSE = frozenset(TERMINALS)


@functools.cache
def itu_operative_verbs() -> frozenset[str]:
    """The verbs that head an ITU resolution's operative groups, the first of them
    included ("resolves", "instructs the Secretary-General", "invites Member States"): the
    first word (past "further", "also") of each operative phrase the ITU style adds to the
    UN list (its ``extend-operative``: ``data/itu_operative_phrases.txt``, from the Final
    Acts of the Plenipotentiary Conference), and :data:`_UN_VERBS_OF_ITU_GROUPS`. A group
    headed by one is operative even where the preamble had not ended (placement). Read
    from the style, not written here again, so that a verb added to its list counts here
    too; the UN three alone when the style cannot be read (the parser never raises)."""
    try:
        phrases = builtin_added_openers("itu", "operative")
    except StyleError:
        phrases = ()
    heads = (next((w for w in p.lower().split() if w not in QUALIFIERS), "") for p in phrases)
    return _UN_VERBS_OF_ITU_GROUPS | {w for w in heads if w}


def is_footnote(text: str) -> bool:
    return bool(FOOTNOTE.match(text))


#: The longest line read as page furniture (a job number with its dates: "24-18765 (E)
#: 161024 171024").
FURNITURE_MAX_CHARS = 60
#: The most lines of page furniture read together, and the most paragraphs of them a
#: broken paragraph is joined across (a footer, a barcode, a page number and a running
#: header: four at a page break).
MAX_FURNITURE_LINES = 4
#: The longest text of furniture lines, with the white space around them.
FURNITURE_MAX_SPAN = MAX_FURNITURE_LINES * 2 * FURNITURE_MAX_CHARS


def is_page_furniture(text: str) -> bool:
    """Whether ``text`` is lines (one to :data:`MAX_FURNITURE_LINES`) that a PDF conversion
    left from a page's header or footer, each a job number, page number or barcode (digits
    and marks, with at most one short code: "24-18765 (E) 161024", "2/3", "*2418765*"), the
    document's symbol alone on its line ("A/C.3/79/L.15"), or the like
    (:data:`~resolint.parser.patterns.FURNITURE_WORDS`)."""
    if not text or len(text) > FURNITURE_MAX_SPAN:
        return False
    if "\n" not in text and "\r" not in text:  # one line: the usual case
        line = text.strip()
        return bool(line) and _furniture_line(line)
    lines = [line.strip() for line in P.LINE_BREAK.split(text)]
    lines = [line for line in lines if line]
    return 0 < len(lines) <= MAX_FURNITURE_LINES and all(map(_furniture_line, lines))


#: The gap between a footer's pieces that a PDF's layout-keeping conversion spreads
#: across the page ("25-18432" … "3/4"): three spaces or more.
_COLUMN_GAP = re.compile(r"[ \t\u00a0]{3,}")
#: The most pieces of furniture on one such line (job number, symbol, page number).
_MAX_COLUMNS = 3


def _furniture_line(line: str) -> bool:
    # Pieces spread across the line, however long it is: a page's header pasted with
    # fewer spaces ("A/RES/80/214      Page 3", 50 characters) is as much one.
    if len(line) <= FURNITURE_MAX_CHARS and _furniture_piece(line):
        return True
    columns = _COLUMN_GAP.split(line)
    return 1 < len(columns) <= _MAX_COLUMNS and all(len(c) <= FURNITURE_MAX_CHARS and _furniture_piece(c) for c in columns)


def _furniture_piece(line: str) -> bool:
    if line[0].isalpha():
        return bool(P.FURNITURE_WORDS.match(line))
    return bool(P.JUNK.match(line))


def is_furniture_paragraph(text: str, raw: RawParagraph) -> bool:
    """Whether ``raw`` is lines of page furniture (:func:`is_page_furniture`); a long
    paragraph is not sliced to find out."""
    span = raw.span
    n = span.end - span.start
    if raw.last_line - raw.first_line >= MAX_FURNITURE_LINES or n > FURNITURE_MAX_SPAN:
        return False
    if (n > FURNITURE_MAX_CHARS and raw.first_line == raw.last_line and not text[span.start].isspace()
            and not text[span.end - 1].isspace() and text.find("   ", span.start, span.end) < 0):
        return False  # one line too long, with no white space around it or in it: asked of most paragraphs
    return is_page_furniture(text[span.start : span.end])


#: Up to how many characters a paragraph's answers to :func:`opens_items` and
#: :func:`looks_like_group_opener` are kept (the parse asks each twice of a paragraph):
#: a long one is not worth hashing, nor holding.
_KEPT_CHARS = 200


def looks_like_group_opener(text: str, is_opener=None) -> bool:
    """A short line without label or final mark: "considering further". One that starts
    with a capital ("Considering", a wrong case for PRE003 to report) counts only when
    ``is_opener`` (a phrase lookup, which must depend on the text alone) knows it."""
    if text and text[-1] in _ENDS_CLAUSE:
        return False  # most paragraphs: a final mark, which no opener has (read_terminal below)
    if len(text) > _KEPT_CHARS:
        return _looks_like_group_opener(text, is_opener)
    return _looks_like_group_opener_kept(text, is_opener)


def _looks_like_group_opener(text: str, is_opener) -> bool:
    text = text.strip()
    # Cheapest test first (most paragraphs end with a mark); the phrase lookup last.
    if not text or len(text) > GROUP_OPENER_MAX_CHARS:
        return False
    breaks = len(P.LINE_BREAK.findall(text))
    if breaks:
        # An opener a PDF's text wrapped ("instructs the Director of the Telecommunication
        # Standardization" / "Bureau"): two lines, and a phrase the style lists opens them.
        # Not taken for one, it was joined to the item before as its last words.
        if breaks > 1 or is_opener is None:
            return False
        text = " ".join(text.split())
    text = readable(text)  # "con\u00adsidering" heads a group as "considering" does
    if read_terminal(text, 0, len(text)) is not None or read_label(text, 0, len(text))[0] is not None:
        return False
    if not _OPENER_WORDS.match(text):
        return False
    if text.rsplit(None, 1)[-1] in _ENDS_MID_SENTENCE:
        return False  # "…, which includes the": a line broken mid-sentence, not a heading
    first = text.lstrip("*_")[:1]
    if breaks:
        return bool(is_opener(text))
    return not first.isupper() or (is_opener is not None and bool(is_opener(text)))


#: :func:`looks_like_group_opener` past its first test, kept by text (short ones: see
#: :data:`_KEPT_CHARS`): the parse asks it twice of each paragraph without a final mark
#: (grouping the lines, then placing the paragraph), and a draft of short unmarked
#: paragraphs ("x" a hundred thousand times) asks it of every one.
_looks_like_group_opener_kept = functools.lru_cache(maxsize=1024)(_looks_like_group_opener)


def opens_items(next_text: str, is_opener=None) -> bool:
    """Whether a paragraph can be the first item of a group: labelled, in lower case, or
    a clause ended by ",", ";" or "." ("Resolution 37 (Rev. Buenos Aires, 2017) …,").

    A capitalized clause that ``is_opener`` (a phrase lookup on the text alone) knows
    ("Bearing in mind …,") is a clause of its own: after a preambular paragraph that
    lost its comma ("Deeply concerned that … care"), it was read as that paragraph's
    item, and the paragraph as a group's head that wanted a colon."""
    if len(next_text) > _KEPT_CHARS:
        return _opens_items(next_text, is_opener)
    return _opens_items_kept(next_text, is_opener)


def _opens_items(next_text: str, is_opener) -> bool:
    next_text = next_text.strip().lstrip("*_ ")
    if not next_text:
        return False
    if read_label(next_text, 0, len(next_text))[0] is not None:
        return True
    if next_text[0].islower():
        return True
    if not (next_text[0].isalpha() and next_text[-1] in ",;."):
        return False
    return is_opener is None or not is_opener(next_text)


_opens_items_kept = functools.lru_cache(maxsize=1024)(_opens_items)


# -- paragraphs run together on one line (a conversion's artefact) --------------------
#: A group opener run onto the end of the item before: "…of this resolution, instructs
#: the Director of the Telecommunication Development Bureau" (no final mark).
#: An annex heading run onto the end of the last paragraph: "… above. ANNEX 1 TO RESOLUTION 48".
_GLUED_ANNEX = lazy(r"(?<=[.;,:])\s+(?=ANNEX(?:\s+\d{1,2}|\s+[IVX]{1,4})?\s+TO\s+RESOLUTION\b)")
#: A lettered list inside the paragraph ("…to prevent a) the inducement …; b) the
#: exploitative use …"): its labels are the text's own, not items run together.
_INLINE_LIST = re.compile(r"\s[a-z]{1,4}\)\s")
_AFTER_COMMA = re.compile(r"[,;][ \t]+(?=[a-z])")
#: A glued opener with its qualifier ("instructs the Secretary-General, in consultation
#: with the Directors of the three Bureaux") is at most this long.
GLUED_OPENER_MAX_CHARS = 220


def _starts_sequence(text: str) -> bool:
    """The first item of a new group: unlabelled, or labelled "1" or "a)"."""
    if not opens_items(text):
        return False
    label, _ = read_label(text, 0, len(text))
    return label is None or label.value == 1


def _glued_opener_start(text: str, start: int, end: int, is_opener) -> int | None:
    """Where a group opener run onto the end of a paragraph begins, or None.

    The paragraph has no final mark (a clause would end with one); the opener is the
    last stretch after ", " that starts with a listed phrase and has no ";" or "."."""
    if start < end and text[end - 1] in _ENDS_CLAUSE:
        return None  # most paragraphs: a final mark (what read_terminal would find)
    if read_terminal(text, start, end) is not None or P.LINE_BREAK.search(text, start, end) is not None:
        return None
    lo = max(start, end - GLUED_OPENER_MAX_CHARS)
    for m in reversed(list(_AFTER_COMMA.finditer(text, lo, end))):
        tail = text[m.end() : end]
        if ";" in tail or ". " in tail:
            return None
        if is_opener(tail):
            # The latest stretch that starts with an opener: "instructs X, in consultation
            # with Y" is one opener (", in consultation …" starts with none).
            return m.end()
    return None


def _next_label_texts(label_text: str, value: int, scheme: str) -> list[str]:
    """How the label after ``label_text`` is written ("3" after "2", "c)" after "b)")."""
    if scheme == "arabic":
        return [label_text.replace(str(value), str(value + 1), 1)]
    if scheme == "lower-alpha" and value < 26:
        return [label_text.replace(chr(ord("a") + value - 1), chr(ord("a") + value), 1)]
    if scheme == "lower-roman":
        return [label_text.replace(to_roman(value), to_roman(value + 1), 1)]
    return []


#: A footnote's reference a PDF's text leaves after a clause's mark, before the next
#: clause run on after it: plain or superscript digits, or "[^5]", "[5]" ("…session,5
#: Recalling also …", "…session;⁶ 2. Requests …").
_NOTE_AFTER_MARK = rf"(?:[0-9]{{1,3}}|[{SUPERSCRIPT_DIGITS}]{{1,3}}|\[\^?[0-9]{{1,3}}\])?"


@functools.lru_cache(maxsize=512)
def _next_item(nxt: str) -> re.Pattern[str]:
    """The next item run on after ``nxt``'s predecessor: "…; 10 that …", "…; 3. Decides …"
    (not "resolves 1, 2 and 3 above"): after ";" (and a footnote's reference after it:
    :data:`_NOTE_AFTER_MARK`), or after "," when the next item starts as
    items do ("to", "that"). Cached: labels repeat from draft to draft, and compiling is
    most of the cost."""
    return re.compile(r"(?:;" + _NOTE_AFTER_MARK + r"(\s+)" + re.escape(nxt) + r"\s+[A-Za-z]|,(\s+)" + re.escape(nxt) + r"\s+(?:to|that)\b)")


#: How one raw paragraph is cut: its pieces, the gaps cut at, and a group opener glued
#: to its end as (gap start, opener start), cut off only if a new group follows.
Cut = tuple[list[RawParagraph], list[Span], tuple[int, int] | None]


#: Where a first clause may start on the opening's line: after the opening's mark (", "
#: or ": "), with a capital ("The General Assembly, Recalling …", "… at its 94th session:
#: RECALLING …"). In lower case it is one sentence ("The General Assembly, recalling …,
#: decides:"), as some decisions are written.
_AFTER_OPENING_MARK = re.compile(r"[,:][ \t]+(?=[*_]*[A-Z])")
#: The leads an opening may start with (``patterns.OPENING``: Markdown, emphasis, "The").
_OPENING_LEADS = frozenset("#*_T")


def _glued_to_opening(text: str, start: int, end: int, is_opener) -> Span | None:
    """The gap between an opening and a clause run onto its line ("The General Assembly,
    Recalling its resolution 78/10,", "… at its 94th session: RECALLING …"), or None. The
    opening is read to its mark, the clause starts with an opener a style lists, with a
    capital: read as one opening, the clause went unchecked and DOC002's fix put the
    opening's ":" at the clause's end."""
    if text[start : start + 1] not in _OPENING_LEADS:
        return None
    head_end = min(end, start + P.OPENING_MAX_CHARS)
    for m in _AFTER_OPENING_MARK.finditer(text, start, head_end):
        if is_opener(text[m.end() : min(end, m.end() + _OPENER_CHARS)]) and is_opening(text[start : m.start() + 1]):
            return Span(m.start() + 1, m.end())
    return None


#: Where a preambular clause run onto the one before it on its line may start: after
#: ", ", with a capital ("…, Welcoming the efforts …", "…, NOTING …"), a footnote's
#: reference perhaps between (:data:`_NOTE_AFTER_MARK`). The gap starts after the
#: reference, which stays with its clause.
_AFTER_COMMA_CAPITAL = re.compile(r",(?P<note>" + _NOTE_AFTER_MARK + r")[ \t]+(?=[*_]*([A-Z][A-Za-z'’\-\u00ad\u200b-\u200d\u2060]*))")


def _glued_clauses(text: str, start: int, end: int, is_opener) -> list[Span]:
    """The gaps between preambular clauses run together in the paragraph ``start``-``end``
    (a conversion that lost their paragraph breaks: "Noting the report …, Welcoming the
    progress made,"): the paragraph starts with a preambular opener a style lists, and
    after a comma, outside brackets and quotation marks, another starts with a capital
    (in the middle of a clause a participle is in lower case: "…, welcoming …"). Linear
    in the paragraph's length: the marks are counted once, on from the last comma, and
    each opener is read from a bounded slice. (Run on every paragraph of every parse: a
    capital after a comma is looked at only when its word may start a listed phrase.)"""
    candidates = [m for m in _AFTER_COMMA_CAPITAL.finditer(text, start, end) if may_start_opener(m.group(2))]
    if not candidates or is_opener(text[start : min(end, start + _OPENER_CHARS)]) != "preamble":
        return []
    gaps = []
    counts = dict.fromkeys(_PAIRED_MARKS, 0)
    pos = start
    for m in candidates:
        for mark in counts:
            counts[mark] += text.count(mark, pos, m.start())
        pos = m.start()
        if is_opener(text[m.end() : min(end, m.end() + _OPENER_CHARS)]) == "preamble" and _outside_brackets_and_quotes(counts):
            gaps.append(Span(m.end("note"), m.end()))
    return gaps


#: Enough of a clause to read its opener from (``lexicon.MAX_PHRASE_WORDS`` words and
#: the emphasis, qualifiers and invisible characters around them).
_OPENER_CHARS = 400
_PAIRED_MARKS = ("(", ")", "[", "]", "“", "”", '"')


def _outside_brackets_and_quotes(counts: dict[str, int]) -> bool:
    """Whether, with ``counts`` of the marks before it, a place is outside the brackets
    and quotation marks they opened."""
    return counts["("] == counts[")"] and counts["["] == counts["]"] and counts["“"] == counts["”"] and counts['"'] % 2 == 0


def cut_run_on(text: str, raw: RawParagraph, is_opener, read=read_label) -> Cut:
    """How :func:`split_run_on` cuts ``raw``, as far as ``raw``'s own text decides.
    ``read`` reads a label as :func:`~resolint.parser.labels.read_label` does (the
    parser passes one that keeps the answer for the paragraph to take)."""
    pieces = [raw]
    gaps: list[Span] = []
    first = _glued_to_opening(text, raw.span.start, raw.span.end, is_opener)
    for gap in ([] if first is None else [first]) + _glued_clauses(text, raw.span.start if first is None else first.end, raw.span.end, is_opener):
        gaps.append(gap)
        cur = pieces.pop()
        at = cur.first_line + len(P.LINE_BREAK.findall(text, cur.span.start, gap.start))  # (wrapped: the line it is cut on)
        pieces += [RawParagraph(Span(cur.span.start, gap.start), cur.first_line, at), RawParagraph(Span(gap.end, cur.span.end), at, cur.last_line)]
    while True:
        cur = pieces[-1]
        label, _ = read(text, cur.span.start, cur.span.end)
        if label is None:
            break
        found = None
        for nxt in _next_label_texts(label.text, label.value, label.scheme):  # a str enum: == "arabic" holds
            if text.find(nxt, label.span.end, cur.span.end) < 0:
                continue  # the next label is not in the paragraph: nothing to split
            m = _next_item(nxt).search(text, label.span.end, cur.span.end)
            if m and not _INLINE_LIST.search(text, label.span.end, m.start()):
                found = m
                break
        if found is None:
            break
        g = 1 if found.group(1) is not None else 2
        gaps.append(Span(found.start(g), found.end(g)))
        pieces[-1] = RawParagraph(Span(cur.span.start, found.start(g)), cur.first_line, cur.last_line)
        pieces.append(RawParagraph(Span(found.end(g), cur.span.end), cur.first_line, cur.last_line))
    last = pieces[-1]
    # The pattern has no literal head to scan for: look for "ANNEX" first.
    m = _GLUED_ANNEX.search(text, last.span.start, last.span.end) if text.find("ANNEX", last.span.start, last.span.end) >= 0 else None
    if m:
        gaps.append(Span(m.start(), m.end()))
        pieces[-1] = RawParagraph(Span(last.span.start, m.start()), last.first_line, last.last_line)
        pieces.append(RawParagraph(Span(m.end(), last.span.end), last.last_line, last.last_line))
        return pieces, gaps, None
    start = _glued_opener_start(text, last.span.start, last.span.end, is_opener)
    if start is None:
        return pieces, gaps, None
    gap_start = start
    while gap_start > last.span.start and text[gap_start - 1] in " \t":
        gap_start -= 1
    return pieces, gaps, (gap_start, start)


def split_run_on(text: str, raws: list, is_opener, cut=cut_run_on) -> tuple[list, list]:
    """Split paragraphs a conversion ran together; return (paragraphs, the gaps split at).

    Two shapes are split, both exact: a labelled item followed on its line by the next
    label of its sequence after ";" or "," ("9 that …; 10 that …"), and a group opener
    ending a paragraph ("…, instructs the Secretary-General") when items follow it.
    ``is_opener(phrase)`` says whether a phrase is an opener a style lists. The gaps
    (the white space at each split) let a rule report the run-on text with its fix.
    ``cut`` is :func:`cut_run_on` or a memo of it (the language server's)."""
    out: list = []
    gaps: list[Span] = []
    for n, raw in enumerate(raws):
        pieces, found = cut_one(text, raw, following_past_comments(text, raws, n), is_opener, cut)
        out.extend(pieces)
        gaps.extend(found)
    return out, gaps


def cut_one(text: str, raw: RawParagraph, following: RawParagraph | None, is_opener, cut=cut_run_on) -> tuple[list, list[Span]]:
    """:func:`split_run_on` for one paragraph: its pieces and the gaps cut at, given the
    paragraph after it, past comments (a glued group opener is cut off only before a new
    group; a comment before its first item hid the group)."""
    pieces, gaps, glued = cut(text, raw, is_opener)
    if glued is None or following is None or not _starts_sequence(text[following.span.start : following.span.end]):
        return pieces, gaps
    last = pieces[-1]
    return [
        *pieces[:-1],
        RawParagraph(Span(last.span.start, glued[0]), last.first_line, last.last_line),
        RawParagraph(Span(glued[1], last.span.end), last.last_line, last.last_line),
    ], [*gaps, Span(glued[0], glued[1])]
