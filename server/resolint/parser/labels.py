"""Read the front and back of a paragraph: stray bullet, label, and final punctuation."""

from __future__ import annotations

import functools
import re

from resolint import numerals
from resolint.lazyre import lazy
from resolint.model import INSERTED_FORM, OPERATIVE_NEGOTIATION_FORM, PREAMBLE_NEGOTIATION_FORM, Label, LabelScheme
from resolint.numerals import to_roman as to_roman
from resolint.parser.patterns import BULLETS, DECIMAL_LABEL
from resolint.source import SUPERSCRIPT_DIGITS, Span

#: A bullet and the white space after it, all of it (possessive: given back, the space let
#: the third bullet of "- - - decides" pass the look-ahead below, and the paragraph's
#: words started at a space: OPR003's safe fix removed "- -" and left the space, one
#: more a pass, until the paragraph was indented into a Markdown code block).
_ONE_BULLET = rf"[{re.escape(BULLETS)}](?=[ \t\u00a0])[ \t\u00a0]*+"
#: A bullet, or two typed one after the other ("- - 2. …", "- — the …": a list pasted into
#: a list), read as one so that the label or words after them are read. Not three or more:
#: "* * *" is a row of asterisks between two sections (and the words glued after it in a
#: conversion are no list item); only its first is read, as of any row of bullets.
_BULLET = lazy(rf"{_ONE_BULLET}(?:{_ONE_BULLET}(?!{_ONE_BULLET}))?")
# Label forms, tried in order. Group "v" is the label's value text.
_LABEL_FORMS: tuple[tuple[str, str], ...] = (
    (r"\((?P<v>\d{1,3})\)", "(#)"),
    (r"\((?P<v>[a-z]{1,2}|[ivxlc]{1,6})\)", "(#)"),
    (r"\((?P<v>[A-Z]{1,2}|[IVXLC]{1,6})\)", "(#)"),
    # A paragraph inserted in negotiation: "2 bis.", "2bis", "5 ter." (before the bare
    # number forms, which would read "2" and leave "bis" as the first word).
    (r"(?P<v>\d{1,3})[ \t\u00a0]?(?:bis|ter|quater|quinquies|sexies|septies|octies)\.?", INSERTED_FORM),
    # A negotiation draft's labels: "PP3 Recalling …", "OP2. Urges …", "OP 4bis Invites …"
    # (preambular and operative paragraph numbers; model.Label.negotiation_part).
    (r"(?:PP|OP)[ \t\u00a0]?(?P<v>\d{1,3})[ \t\u00a0]?(?:bis|ter|quater|quinquies|sexies|septies|octies)\.?", INSERTED_FORM),
    (r"PP[ \t\u00a0]?(?P<v>\d{1,3})\.?", PREAMBLE_NEGOTIATION_FORM),
    (r"OP[ \t\u00a0]?(?P<v>\d{1,3})\.?", OPERATIVE_NEGOTIATION_FORM),
    (r"(?P<v>\d{1,3})\.(?!\d)", "#."),
    # A number Markdown editors and pandoc escape so that it stays text, not a list: "1\.".
    (r"(?P<v>\d{1,3})\\\.(?!\d)", "#."),
    (r"(?P<v>\d{1,3})\)", "#)"),
    (r"(?P<v>[a-z]{1,2}|[ivxlc]{1,6})[.)](?=\s)", "#"),
    (r"(?P<v>[IVXLC]{1,6}|[A-Z])\.(?=\s)", "#."),
    # A bare number before a capitalized word: "2 Urges …", "2 DECIDES …" (number without
    # its point; the all-capitals verb of an INTERPOL clause too: OPR006 writes it so).
    (r"(?P<v>\d{1,3})(?=[ \t\u00a0]+[*_]*[A-Z][a-zA-Z])", "#"),
    # A bare number before a lower-case word: "1 to explore …", the items of an ITU
    # operative group (numbers without a full stop).
    (r"(?P<v>\d{1,3})(?=[ \t\u00a0]+[*_]*[a-z])", "#"),
    # … or before an acronym and a comma: "1 RAG, TSAG and TDAG to continue …".
    (r"(?P<v>\d{1,3})(?=[ \t\u00a0]+[A-Z]{2,6},)", "#"),
)


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ARABIC = LabelScheme.ARABIC


@functools.cache
def label_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each form's own pattern and its form, in order. Compiled on first use: only
    :func:`read_label_in_order` reads with them (:func:`read_label` has one pattern per
    first character), and compiling is a cost of every start."""
    return tuple((re.compile(src), form) for src, form in _LABEL_FORMS)


def _lead(src: str) -> str:
    """What a label form's first character is: "(", a digit, a lower or an upper letter."""
    if src.startswith("\\("):
        return "("
    return "digit" if src.startswith("(?P<v>\\d") else "lower" if src.startswith("(?P<v>[a-z]") else "upper"


#: What may follow a label: white space of these kinds (and a zero-width space, which a
#: web page leaves as the gap: "1.\u200bRequests …"), or the end of the paragraph.
_AFTER_LABEL = " \t\u00a0\u2000\u2001\u2002\u2003\u2009\u200b\u202f\n\r"
#: The spaces between a label and the content (skipped to find where the content starts).
_SPACE_RUN = "[ \t\u00a0\u2000-\u200b\u202f\u3000\n\r]*"
_SPACES = lazy(_SPACE_RUN)


def _one_pass(forms: tuple[int, ...]) -> re.Pattern[str]:
    """One pattern trying the forms numbered ``forms`` in order, a form only where white
    space or the end of the paragraph follows it, then the spaces after the label.

    Form ``k`` of ``forms`` is alternative ``k``: group ``2k + 1`` is the label, ``2k + 2``
    its value text, so ``(lastindex - 1) // 2`` tells which form matched (the label's
    group closes last). When what follows a form's match is not white space the pattern
    backtracks to the next form, as the loop over the forms goes on to it; no other
    match of the same form can end elsewhere, since every form ends at a fixed mark or
    at the end of a run.
    """
    alternatives = ["(" + _LABEL_FORMS[i][0].replace("(?P<v>", "(", 1) + ")" for i in forms]
    return re.compile("(?:" + "|".join(alternatives) + f")(?=[{_AFTER_LABEL}]|\\Z)" + _SPACE_RUN)


#: By first character: the numbers of the forms a label may take (in the order of
#: :data:`_LABEL_FORMS`) and the one pattern that tries them all. Most paragraphs start
#: with a word, for which one form of ten can match, and read_label runs for every one.
_BY_LEAD: dict[str, tuple[tuple[int, ...], re.Pattern[str]]] = {}
for _name in ("(", "digit", "lower", "upper"):
    _forms = tuple(i for i, (src, _) in enumerate(_LABEL_FORMS) if _lead(src) == _name)
    _BY_LEAD[_name] = (_forms, _one_pass(_forms))
_NO_FORMS: tuple[tuple[int, ...], None] = ((), None)
#: The lead of every ASCII character (others: a decimal digit or nothing).
_LEAD_OF: dict[str, tuple] = {
    chr(c): _BY_LEAD["("] if c == 40 else _BY_LEAD["lower"] if 97 <= c <= 122 else _BY_LEAD["upper"] if 65 <= c <= 90
    else _BY_LEAD["digit"] if 48 <= c <= 57 else _NO_FORMS
    for c in range(128)
}


def _forms_for(ch: str) -> tuple:
    """(numbers of the forms, their one pattern) a label starting with ``ch`` may take."""
    found = _LEAD_OF.get(ch)
    if found is not None:
        return found
    return _BY_LEAD["digit"] if ch.isdecimal() else _NO_FORMS  # what \d matches: any Unicode decimal digit


TERMINALS = ",;:.!?"
_CLOSERS = "\"”’'*_)]»"


def roman_value(text: str) -> int | None:
    """The value of a roman numeral label "iv" (digits up to c: "(d)" is a letter), or
    None if it is not a canonical one."""
    return numerals.roman_value(text, "ivxlc")


def alpha_value(text: str) -> int:
    """a=1 … z=26, aa=27 (the UN's doubled letters after z)."""
    text = text.lower()
    if len(text) == 2 and text[0] == text[1]:
        return 26 + ord(text[0]) - ord("a") + 1
    return ord(text[0]) - ord("a") + 1


def read_bullet(text: str, pos: int, end: int) -> tuple[Span | None, int]:
    if 0 <= pos < end and pos < len(text) and text[pos] not in BULLETS:
        return None, pos  # most paragraphs: no bullet, and no pattern to run
    m = _BULLET.match(text, pos, end)
    if not m:
        return None, pos
    return Span(m.start(), m.start() + 1), m.end()


def inside_brackets(text: str, start: int, closed: int) -> int:
    """Where the words of a bracketed paragraph end (``closed``: just after its "]"):
    before the bracket and the white space before it. "[Decides …,\r\n]" ends with its
    comma: the mark read there, and added there, not after the line break (a fix put
    it on the bracket's line, and its finding inside the CRLF pair)."""
    end = closed - 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def bracketed(text: str, pos: int, end: int) -> bool:
    """Whether ``text[pos:end]`` is one bracketed stretch, "[Deeply concerned by …,]": a
    paragraph proposed in negotiation (the UN Editorial Manual puts negotiated text in
    square brackets), words in brackets inside it too ("[… that [millions of] children
    …,]"). Its opener, label and final mark are read inside the brackets. Not a paragraph
    of brackets side by side ("[Encourages][Requests] the …"), nor a Markdown footnote
    ("[^1]: …")."""
    if not (end - pos > 2 and text[pos] == "[" and text[end - 1] == "]" and text[pos + 1] != "^"):
        return False
    if text.find("]", pos, end) == end - 1 and text.find("[", pos + 1, end) < 0:
        return True  # (most: no bracket inside)
    # Brackets inside, balanced ("[Deeply concerned that [millions of] children …,]"): the
    # first must close at the end, not before ("[Encourages][Requests] the …").
    depth = 0
    for m in _BRACKETS.finditer(text, pos, end):
        depth += 1 if m.group() == "[" else -1
        if depth == 0:
            return m.end() == end
    return False


_BRACKETS = lazy(r"[\[\]]")


def read_label(text: str, pos: int, end: int, prefer_alpha_for: int | None = None) -> tuple[Label | None, int]:
    """Read a label at ``pos``; return it and the offset where the content starts.

    ``prefer_alpha_for`` settles "(i)"/"(v)"/"(x)": when the previous alphabetic label
    had value ``prefer_alpha_for - 1`` the letter continues that sequence.
    """
    first = max(pos, 0)  # where re.match starts for a negative pos
    end = min(end, len(text))  # as re.match reads an end past the text
    if first >= end:
        return None, pos
    forms, one_pass = _forms_for(text[first])
    if one_pass is None:
        return None, pos
    m = one_pass.match(text, pos, end)
    if m is None:
        return None, pos
    k = (m.lastindex - 1) // 2
    raw = m.group(2 * k + 2)
    if raw.isdigit():
        scheme, value = _ARABIC, int(raw)
    else:
        scheme, value = _scheme_and_value(raw, prefer_alpha_for)
        if value is None:  # not a canonical numeral ("(iiii)"): the later forms may read it
            later = label_patterns()
            return read_label_in_order(text, pos, end, prefer_alpha_for, [later[i] for i in forms[k + 1 :]])
    label_text = m.group(2 * k + 1)
    form = _LABEL_FORMS[forms[k]][1]
    if form == "#" and scheme is not _ARABIC:
        form = "#" + label_text[-1]
    return Label(Span(m.start(), m.end(2 * k + 1)), label_text, scheme, value, form), m.end()


def read_decimal_label(text: str, pos: int, end: int) -> tuple[Label | None, int]:
    """A decimal sub-item's number at ``pos`` ("2.1 establish …", "2.1.1 to …":
    :data:`~resolint.parser.patterns.DECIMAL_LABEL`) as a label: arabic, its value the
    last number, its form the numbers before it with "#" for the last ("2.#", "2.1.#"),
    so that one list's labels share a form and a label rendered for the value 3 reads
    "2.3". ``(None, pos)`` otherwise. Read apart from :func:`read_label`, which cuts
    paragraphs run together and joins lines: a figure may start a wrapped line, and
    placement keeps such a label only under the paragraph its numbers name."""
    m = DECIMAL_LABEL.match(text, pos, end)
    if m is None:
        return None, pos
    numbers = m.group("v")
    head, _, last = numbers.rpartition(".")
    label_text = m.group(0)
    form = head + ".#" + label_text[len(numbers) :]
    sp = _SPACES.match(text, m.end(), end)
    return Label(Span(m.start(), m.end()), label_text, _ARABIC, int(last), form), sp.end() if sp else m.end()


def decimal_path(label: Label) -> tuple[int, ...] | None:
    """The numbers before a decimal label's own ("2.1.3": (2, 1)), None for any other
    label (its form starts with no figure: "#.", "(#)")."""
    form = label.form
    if not form[:1].isdigit():
        return None
    return tuple(int(n) for n in form[: form.index("#") - 1].split("."))


#: The longest emphasis run around a label ("***1.***").
_EMPHASIS_RUN = 3


def read_emphasized_label(text: str, pos: int, end: int) -> tuple[Label | None, int]:
    """A label in emphasis, as a converter from Google Docs or Word writes a bold number:
    "**1.** **Calls upon** …", "**a)** development …" (read between the marks); the
    content starts after the closing marks. ``(None, pos)`` otherwise: the number was
    read as no label, and the fix numbering it wrote "1. **1.** …"."""
    mark = text[pos : pos + 1]
    if mark not in ("*", "_"):
        return None, pos
    run = 1
    while run < _EMPHASIS_RUN and text[pos + run : pos + run + 1] == mark:
        run += 1
    inner = pos + run
    close = text.find(mark * run, inner, min(end, inner + 16))
    if close <= inner or text[close + run : close + run + 1] == mark:
        return None, pos
    # Read with a space after it, as a label is written ("a)" takes one: "(?=\s)"), and
    # not through the parse's cache of reads, which is keyed by offsets in the text.
    piece = text[inner:close] + " "
    label, _ = read_label(piece, 0, len(piece))
    if label is not None:
        label.span = label.span.moved(inner)
    if label is None or label.span.end != close:
        return None, pos
    sp = _SPACES.match(text, close + run, end)
    return label, sp.end() if sp else close + run


def read_label_in_order(
    text: str, pos: int, end: int, prefer_alpha_for: int | None = None, forms: list | None = None
) -> tuple[Label | None, int]:
    """:func:`read_label` the plain way: each of ``forms`` (every form by default) tried
    in order, one pattern at a time. The reference its one pattern per lead must match
    (tests/test_label_forms.py), and the rare case where a form's value is no numeral."""
    first = max(pos, 0)
    end = min(end, len(text))
    if first >= end:
        return None, pos
    for pattern, form in label_patterns() if forms is None else forms:
        m = pattern.match(text, pos, end)
        if not m:
            continue
        after = m.end()
        # A label must be followed by white space (or end the paragraph).
        if after < end and text[after] not in _AFTER_LABEL:
            continue
        raw = m.group("v")
        label_text = m.group(0)
        scheme, value = _scheme_and_value(raw, prefer_alpha_for)
        if value is None:
            continue
        if form == "#" and scheme is not LabelScheme.ARABIC:
            form = "#" + label_text[-1]
        sp = _SPACES.match(text, after, end)
        content = sp.end() if sp else after
        return Label(Span(m.start(), m.end()), label_text, scheme, value, form), content
    return None, pos


@functools.lru_cache(maxsize=1024)
def _scheme_and_value(raw: str, prefer_alpha_for: int | None) -> tuple[LabelScheme, int | None]:
    """The scheme and value of a label's text ("iv" -> lower roman 4). Cached: the same few
    labels come back on every page, and this is pure."""
    if raw.isdigit():
        return LabelScheme.ARABIC, int(raw)
    lower = raw.islower()
    alpha_scheme = LabelScheme.LOWER_ALPHA if lower else LabelScheme.UPPER_ALPHA
    roman_scheme = LabelScheme.LOWER_ROMAN if lower else LabelScheme.UPPER_ROMAN
    alpha_shape = len(raw) == 1 or (len(raw) == 2 and raw[0] == raw[1])
    r = roman_value(raw)
    if alpha_shape:
        a = alpha_value(raw)
        # "i", "v", "x", "ii" are roman unless they continue a lettered sequence.
        if r is not None and raw.lower() in ("i", "v", "x", "ii", "xx") and prefer_alpha_for != a:
            return roman_scheme, r
        return alpha_scheme, a
    return roman_scheme, r


#: Footnote references at the end of a paragraph: superscript numbers, Markdown
#: references or numbers in brackets (a word processor's plain-text copy), one or more
#: ("…Crimes,¹", "…,¹,²", "…,[^1][^2]", "…Rights,[1]"). Each repeat starts with "," or
#: "[", so a run of superscripts is read one way only (no backtracking through the ways
#: to cut it when the match fails).
_NOTE_REFERENCES = re.compile(
    rf"(?:[{SUPERSCRIPT_DIGITS}]+|\[\^[^\]\s]{{1,20}}\]|\[\d{{1,3}}\])"
    rf"(?:,[{SUPERSCRIPT_DIGITS}]+|,?\[\^[^\]\s]{{1,20}}\]|,?\[\d{{1,3}}\])*$"
)
#: … or plain numbers of one or two digits, each after a comma or semicolon, as a
#: conversion leaves them ("…UNISPACE+50,1", "…purposes;1,2"); "1,000" is a number. After a
#: colon too where a word ends before it, as the World Health Assembly's texts put a
#: footnote on "URGES Member States:1"; not after a number ("at 10:30" is a time). After a
#: full stop that ends a word in small letters too, as a PDF's text leaves a reference
#: after the sentence's stop ("…at its seventieth session.5"): not after a number
#: ("paragraph 5.1"), nor after the capitals of a symbol ("A/CN.9"), nor after the
#: abbreviations a symbol or a reference writes before a number (:data:`_NUMBERED_ABBREVIATIONS`);
#: and after a full stop after a closing quotation mark or bracket ("…Development”.5",
#: "…(A/79/123).5").
_NUMBERED_ABBREVIATIONS = ("rev", "add", "corr", "amend", "conf", "sub", "res", "dec", "misc", "suppl", "vol", "no", "nos",
                           "para", "paras", "art", "arts", "sect", "chap", "pp", "op", "fig", "ser", "sess")
_AFTER_A_WORDS_STOP = "(?<=[a-z]{2}\\.)" + "".join(f"(?<!(?i:\\b{a})\\.)" for a in _NUMBERED_ABBREVIATIONS)
_PLAIN_NOTE_REFERENCES = re.compile(r"(?:(?<=[,;])|(?<=[^\W\d_]:))\d{1,2}(?:[,;]\d{1,2})*$|(?:" + _AFTER_A_WORDS_STOP
                                    + r"|(?<=[”\"’)]\.))\d{1,3}(?:,\d{1,3})*$")
#: What a paragraph's last character is when it may end with a reference.
_REFERENCE_ENDS = frozenset("0123456789])" + SUPERSCRIPT_DIGITS)
#: The same, and the end of a comment (:func:`before_trailing_comments`).
REFERENCE_ENDS_OR_COMMENT = _REFERENCE_ENDS | {">"}


#: A negotiator's note after a paragraph's mark: "[Proposed: EU; opposed: Group X]",
#: "[Agreed ad ref]", "(agreed ad ref)", "(facilitator's proposal)", after a space, the
#: mark (or the bracket closing the proposed text, or the note before it) before it. Not
#: a footnote's number ("[1]") nor a label ("(a)", "(ii)", "(1)").
_NEGOTIATION_TAG = re.compile(
    r"(?<=[,;:.\])])[ \t]+(?:\[(?!\d+\]|\^)[^\[\]\n]{2,120}\]|\((?!\d+\)|[ivxlc]+\))[^()\[\]\n]{2,120}\))$"
)


def note_reference_before_mark(text: str, start: int, end: int) -> int:
    """Where the footnote references glued to a word just before ``end`` start ("…
    session⁵" of "…session⁵.", "…Crimes[^1]"), or ``end`` when there are none: a mark
    written after its references, which United Nations texts put after the mark
    ("session.⁵"). Superscripts and bracketed references only: plain digits glued to a
    word ("Change2", "m2") may be the word's own."""
    if end <= start or text[end - 1] not in _REFERENCE_ENDS:
        return end
    lo = end - len(text[max(start, end - 40):end].rsplit(None, 1)[-1])
    m = _NOTE_REFERENCES.search(text, lo, end)
    if m is None or m.start() <= start or not text[m.start() - 1].isalpha() or _UNIT_POWER.fullmatch(text, lo, end):
        return end
    return m.start()


#: A unit of length or area raised to a power ("500 km²", "20 m³"): the superscript is
#: the unit's, not a footnote's reference; the mark goes after it ("km²,"). Read as a
#: reference, the fix wrote "500 km,²".
_UNIT_POWER = re.compile(r"(?:.*[^\w])?(?:[0-9]*(?:[kcdmnµμ]?m|ft|yd|mi|in))[²³][.,;:]?")


def _words_before(text: str, start: int, at: int) -> bool:
    """Whether a clause's words stand before ``at``, not a label alone ("1. [Decides …]":
    the bracket is the paragraph's, not a note after its mark)."""
    return len(text[start:at].split(None, 2)) > 2


def before_note_reference(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` ends before the footnote references after its last mark or
    word: superscript numbers ("…Crimes,¹"), Markdown references ("…Crimes,[^1]"), or the
    plain numbers a conversion leaves after a comma or semicolon ("…UNISPACE+50,1",
    "…purposes;1,2": the mark is the first one; not after a full stop, where "paragraph
    5.1" is a number). ``end`` when there is none. A paragraph's final mark stands before
    its references: it is read, added and replaced there."""
    if end > start and text[end - 1] == ">":
        end = before_trailing_comments(text, start, end)
    if end <= start or text[end - 1] not in _REFERENCE_ENDS:
        return end  # most paragraphs: a mark or a letter last
    if text[end - 1] in "])":
        # "…conflict,] [Proposed: EU]", "…matter. [Agreed ad ref]", "…Action, (agreed ad
        # ref)", "…women,] [US: delete] [G77: retain]": notes on the text, after its mark.
        noted = end
        while (tag := _NEGOTIATION_TAG.search(text, max(start, noted - 160), noted)) is not None and _words_before(text, start, tag.start()):
            noted = tag.start()
        if noted < end or text[end - 1] == ")":
            return noted
    lo = max(start, end - 80)
    # References hold no white space: they are in the last word, and searched for there
    # (tried from every one of 80 characters, the patterns' alternations and lookbehinds
    # cost seven times as much). A lookbehind still reads the characters before it.
    lo = end - len(text[lo:end].rsplit(None, 1)[-1])
    m = _NOTE_REFERENCES.search(text, lo, end) or _PLAIN_NOTE_REFERENCES.search(text, lo, end)
    if m is not None and _UNIT_POWER.fullmatch(text, lo, end):
        return end  # "… 500 km²": the unit's power
    return m.start() if m is not None and m.start() > start else end


#: One footnote reference's number in a run of them (superscript or plain digits).
_REFERENCE_NUMBER = lazy(rf"[0-9{SUPERSCRIPT_DIGITS}]{{1,3}}")
#: A run of references and nothing else (not a negotiator's note "[Agreed 2 May]").
_REFERENCE_RUN = lazy(rf"[\[\]^,;0-9{SUPERSCRIPT_DIGITS}]+")
_SUPERSCRIPT_VALUES = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def note_reference_numbers(text: str, start: int, end: int) -> frozenset[int]:
    """The numbers of the footnote references at the end of ``text[start:end]``
    (:func:`before_note_reference`: "…Member States:2" gives {2}, "…Assembly,¹,²" {1, 2}),
    empty when there are none. What a footnote copied without its rule of underscores is
    recognised by: its number is one the text refers to (placement.footnote_text)."""
    if end <= start or text[end - 1] not in REFERENCE_ENDS_OR_COMMENT:
        return frozenset()  # most paragraphs
    if text[end - 1] == ">":
        end = before_trailing_comments(text, start, end)
    at = before_note_reference(text, start, end)
    if at >= end or _REFERENCE_RUN.fullmatch(text, at, end) is None:
        return frozenset()
    return frozenset(int(n.translate(_SUPERSCRIPT_VALUES)) for n in _REFERENCE_NUMBER.findall(text, at, end))


def before_trailing_comments(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` ends before the ``<!-- … -->`` comments (and the spaces
    before them) at its end: a comment prints nothing, so "Noting the report, <!-- TODO
    -->" ends with its comma, and a mark the paragraph lacks goes before the comment (a
    fix added one after it: "…report, <!-- TODO -->,")."""
    while text.endswith("-->", start, end):
        opened = text.rfind("<!--", start, end - 3)
        if opened <= start:
            break  # a comment alone is the paragraph (a directive's own line)
        end = opened
        while end > start and text[end - 1] in " \t":
            end -= 1
    return end


def read_terminal(text: str, start: int, end: int) -> Span | None:
    """The final punctuation mark, looking through closing quotes and emphasis and a
    footnote reference after them (:func:`before_note_reference`), and comments after
    them (:func:`before_trailing_comments`)."""
    if end > start and text[end - 1] in REFERENCE_ENDS_OR_COMMENT:  # (most paragraphs end with a mark or a letter)
        end = before_note_reference(text, start, end)
    i = end - 1
    while i >= start and text[i] in _CLOSERS:
        i -= 1
    if i >= start and text[i] in TERMINALS:
        # "…etc.)" keeps the full stop inside brackets; the clause itself has none.
        if i + 1 < end and any(text[j] in ")]" for j in range(i + 1, end)):
            return None
        return Span(i, i + 1)
    return None
