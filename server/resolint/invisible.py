"""Characters that print nothing inside a word, and reading a word through them.

Web pages, PDF copies and word processors leave them inside words: the soft hyphen (a
hyphenation point Word calls an optional hyphen), the word joiner, and the zero-width
space (a line-break point). TRM014 reports each one; the opener reader reads through
them (:func:`readable`), so that "Recog­nizing" is the opener 'Recognizing' before the fix
removes the character as after it: read in two halves, the checks said "'Recog' is not a
preambular opener", and a safe fix then brought in the findings the whole word has.

A reader of the printed draft does not see comments either. :class:`ReaderView` is a
stretch of text without both, with the way back to the text's own offsets: the citation
readers, the title facts and the rules that match several words at once read through
it (``Analysis.seen``), so that neither a soft hyphen nor a comment typed inside a
citation hides it until a safe fix (TRM014's, SUP001's) removes the character or the
comment.
"""

from __future__ import annotations

import bisect
import re

from resolint.lazyre import lazy
from resolint.source import Span
from resolint.textdiff import changed_ends

#: The characters and their names. Each counts inside a word or a number: between two
#: letters, two digits ("7\u00ad8/1" is the resolution 78/1 printed), or a letter and a
#: digit ("WHA\u00ad78.4"). The zero-width space, joiner and non-joiner count between two
#: Latin letters only, the second in lower case, or two ASCII digits: no Latin word needs
#: them, while Thai and Khmer text mark word boundaries with the space, and Arabic,
#: Persian and the scripts of India shape letters with the joiners (a copy from a web
#: page leaves them in English words: "Conven\u200dtion"); before a capital the space is
#: the gap between two words ("Member\u200bStates"), the joiners are not.
#: (Direction marks are left alone; so is a stray byte order mark, which the parser reads
#: as a space.)
INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u2060": "word joiner",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
}
#: The characters that set or mark the direction of text (UAX #9: the Arabic letter mark,
#: the left-to-right and right-to-left marks, embeddings, overrides and isolates). They
#: print nothing; between two words a reader sees only the space beside them, so the
#: word readers take them as part of the gap ("\u2067Recalling\u2069 also" is "Recalling
#: also": read as no gap, PRE006's fix wrote "Recalling also also"). TRM017 reports those
#: that change the order of the text.
DIRECTION_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LATIN_ONLY = frozenset("\u200b\u200c\u200d")
ZERO_WIDTH_SPACE = "\u200b"
WORD_JOINER = "\u2060"


def in_word(ch: str) -> bool:
    return ch.isalnum() or ch in INVISIBLE


def inside_a_word(ch: str, before: str, after: str) -> bool:
    """Whether ``ch`` stands between two letters or digits that make one word or number
    ("Recal\u00adling", "7\u00ad8/1", "WHA\u00ad78"), or between a digit and the slash or
    point of a number ("70/\u00ad1"). For a zero-width space, two Latin
    letters, the second in lower case ("Secre\u200btary"), or two ASCII digits: before a
    capital it is the gap between two words ("Member\u200bStates", read as a space). For
    a zero-width joiner or non-joiner, two Latin letters in any case, or two ASCII digits.
    Any of them but the word joiner beside the hyphen of a compound and a Latin letter
    ("Secretary-\u200dGeneral")."""
    if not (before.isalnum() and after.isalnum()):
        if ch != WORD_JOINER and ((before in _HYPHENS and _latin_letter(after)) or (_latin_letter(before) and after in _HYPHENS)):
            # Beside the hyphen of a compound ("Secretary-\u200dGeneral", "follow-\u00adup"):
            # the word printed whole, which a search for it does not find. (Not the word
            # joiner: beside a hyphen it keeps the compound on one line, on purpose.)
            return True
        # A hyphenation point beside the slash or point inside a number ("70/\u00ad1",
        # "WHA78.\u00ad4"): the number printed whole, which the citation checks read.
        return ch not in _LATIN_ONLY and ((before in _NUMBER_JOINTS and after.isdigit()) or (before.isdigit() and after in _NUMBER_JOINTS))
    if ch not in _LATIN_ONLY:
        return True
    if before.isalpha() and after.isalpha():
        # (The joiners break no line: before a capital too they stand inside a word.)
        return before < "\u0250" and after < "\u0250" and (after.islower() or ch != ZERO_WIDTH_SPACE)
    return before in _ASCII_DIGITS and after in _ASCII_DIGITS


def beside_a_space(ch: str, before: str, after: str) -> bool:
    """Whether ``ch`` stands at a word's edge, between it and white space: "Deeply\u00ad
    concerned", "Decides\u200b to", "the \u00adSecretary-General". It prints nothing
    there and joins or breaks nothing, so a reader sees the word without it: read with
    it, "Deeply\u00ad" was no adverb and "Deeply concerned" no opener (PRE002), while TRM014
    said nothing. The joiners and the zero-width space count beside a Latin letter or an
    ASCII digit only, as inside a word (an Arabic word's last letter takes its shape
    from a joiner after it); the word joiner not after a space, where it keeps the space
    from breaking the line (before one it holds nothing: no line breaks before a space)."""
    if before.isspace():
        if ch == WORD_JOINER:
            return False
        word = after
    elif after.isspace():
        word = before
    else:
        return False
    if not word.isalnum():
        return False
    return ch not in _LATIN_ONLY or _latin_letter(word) or word in _ASCII_DIGITS


_ASCII_DIGITS = frozenset("0123456789")
#: The hyphens of a compound word (hyphen-minus, hyphen, non-breaking hyphen).
_HYPHENS = frozenset("-\u2010\u2011")


def _latin_letter(ch: str) -> bool:
    """A letter of the Latin alphabets (below U+0250), where no joiner shapes anything."""
    return ch < "\u0250" and ch.isalpha()
#: What joins the parts of a number or symbol ("70/1", "WHA78.4"), beside which a soft
#: hyphen or word joiner still stands inside it.
_NUMBER_JOINTS = frozenset("/.")


def hidden_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of characters of :data:`INVISIBLE` that stand inside a word in
    ``text[start:end]``, each as (first, past the last), in order: between two letters of
    that stretch. Empty for almost every stretch of a draft: one ``str.find`` per
    character kind, no loop per character."""
    found = []
    for ch in INVISIBLE:
        at = text.find(ch, start, end)
        while at != -1:
            found.append(at)
            at = text.find(ch, at + 1, end)
    if not found:
        return []
    found.sort()
    out = []
    k = 0
    while k < len(found):
        i = j = found[k]
        while k < len(found) and found[k] == j:
            j += 1  # a run of them
            k += 1
        if _counts(text, i, j, start, end):
            out.append((i, j))
    return out


def _counts(text: str, i: int, j: int, start: int, end: int) -> bool:
    """Whether the run ``text[i:j]`` is one :func:`hidden_runs` gives: inside a word of the
    stretch, or between a word and white space. At an end of the stretch, the character
    beyond it counts if it is white space (or the text ends there): a paragraph's first
    word ("\u00adNoting …") or last ("… the matter\u00ad")."""
    if i > start and j < end:
        return inside_a_word(text[i], text[i - 1], text[j]) or beside_a_space(text[i], text[i - 1], text[j])
    before = text[i - 1] if i > 0 else "\n"
    after = text[j] if j < len(text) else "\n"
    if (i == start and not before.isspace()) or (j == end and not after.isspace()) or i == j:
        return False
    return beside_a_space(text[i], before, after)


def comments_inside_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comments of ``text[start:end]`` typed inside a word, each as (first, past the
    last), in order: between two letters of that stretch ("Recal<!-- check -->ling"; a
    run of comments glued together counts as one). The printed draft shows the word
    whole, and removing the comment (SUP001's fix) leaves it so: read in two halves, the
    opener checks said "'Recal' is not a preambular opener" and offered "Recalling" for
    the half, which left "Recalling<!-- check -->ling" (fuzz/mutate.py). Between two
    digits a comment still reads as a space ("3<!-- … -->0 December" is no date)."""
    if text.find("<!--", start, end) == -1:
        return []
    out: list[tuple[int, int]] = []
    run: tuple[int, int] | None = None
    for m in COMMENT.finditer(text, start, end):
        if run is not None and m.start() == run[1]:
            run = (run[0], m.end())
            continue
        if run is not None and _between_letters(text, run, start, end):
            out.append(run)
        run = m.span()
    if run is not None and _between_letters(text, run, start, end):
        out.append(run)
    return out


def _between_letters(text: str, run: tuple[int, int], start: int, end: int) -> bool:
    i, j = run
    return start < i and j < end and text[i - 1].isalpha() and text[j].isalpha()


def inside_word_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """What a reader of ``text[start:end]`` does not see inside its words: the invisible
    characters (:func:`hidden_runs`) and the comments (:func:`comments_inside_words`)
    there, in order, those that touch made one."""
    hidden = hidden_runs(text, start, end)
    comments = comments_inside_words(text, start, end)
    if not comments:
        return hidden
    return _merged(hidden + comments) if hidden else comments


def readable(words: str) -> str:
    """``words`` without the invisible characters and the comments inside them: what a
    reader sees."""
    if "<!--" not in words and (words.isascii() or not any(ch in words for ch in INVISIBLE)):  # (isascii: a flag, no scan)
        return words
    runs = inside_word_runs(words, 0, len(words))
    return ReaderView(words, runs).text if runs else words


#: How much of a paragraph the parser's word readers see through (:func:`readable_start`):
#: they read its first few words only.
START_CHARS = 200


#: A word broken at a line's end by a hyphen, as a PDF's text keeps it ("Recog-" /
#: "nizing", "CONSID-" / "ERING"): the hyphen, the line break and the spaces around it,
#: between two small letters or two capitals. The parser's word readers read the start of
#: a paragraph through it (:func:`readable_start`), and so does the opener reader when
#: what it reads so is a listed phrase or a verb (:mod:`resolint.openers`).
BROKEN_AT_LINE_END = re.compile(r"(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])|(?<=[A-Z])-[ \t]*\r?\n[ \t]*(?=[A-Z])")


#: The typeset hyphens (U+2010 hyphen, U+2011 non-breaking hyphen) as the hyphen-minus
#: the phrase lists write: one character for one, so offsets keep.
TO_HYPHEN_MINUS = str.maketrans("\u2010\u2011", "--")


def readable_start(text: str) -> str:
    """The start of ``text`` (what the parser's word readers read: a few words) as a
    reader sees it, for classifying a paragraph by its opener ("Dee\u00adply concerned …;" is a
    preambular clause, as "Deeply concerned" is). The inline tags a Markdown draft marks
    its opener with are left out too, as the opener reader leaves them
    (:data:`INLINE_TAG_START`): "<u>Deeply disturbed</u> by …" without its comma before
    "1. …" was an unnumbered operative paragraph (four findings), where "Deeply disturbed
    by …" is a preambular one without its mark (one). A word broken by a hyphen at a
    line's end is read whole (:data:`BROKEN_AT_LINE_END`): "Recog-" / "nizing …" after
    the operative part began was an unnumbered operative paragraph. A typeset hyphen is
    read as "-" (:data:`TO_HYPHEN_MINUS`)."""
    start = text[:START_CHARS] if len(text) > START_CHARS else text
    if "<" in start[:12] and INLINE_TAG_START.match(start):
        start = INLINE_TAG.sub("", start)
    if not start.isascii():
        start = start.translate(TO_HYPHEN_MINUS)  # "Re\u2011emphasizes" is the listed "Re-emphasizes"
    if "\n" in start and "-" in start:
        start = BROKEN_AT_LINE_END.sub("", start)
    return readable(start)


#: The inline HTML a Markdown draft marks its openers with, as Word underlines or
#: italicizes them ("<u>Recalling</u> …", "1. <u>Deeply concerned</u> by …": Model UN
#: drafts underline their openers). The reader does not see the tags: read with them,
#: no opener was found and neither its form nor its case checked (PRE001 and OPR004
#: said nothing of "<u>Notes</u> …," in the preamble). Only a paragraph that starts with
#: one is read so.
INLINE_TAG = lazy(r"</?(?:u|i|b|em|strong|ins)>", re.IGNORECASE)
INLINE_TAG_START = re.compile(r"[*_]*</?(?:u|i|b|em|strong|ins)>", re.IGNORECASE)


class ReaderView:
    """A stretch of text as the reader of the printed draft sees it — without its comments
    and the invisible characters inside its words — and the way from its offsets back to
    the stretch's own.

    For readers that match several words at once (a citation's "reso\u00adlution 71/19", an
    article's "Art\u00adicle 35", an instrument's name, "(Rev<!-- … -->. Dubai, 2017)"):
    they read :attr:`text`, and their spans are placed back with :meth:`span`. What they
    read is then what a fix removing the character or the comment leaves (TRM014's and
    SUP001's safe fixes), so such a fix brings in no finding. Offsets are relative to the
    stretch; the stretches left out are kept as runs (a comment may be long).
    """

    __slots__ = ("text", "runs", "_starts", "_seen_at", "_before")

    def __init__(self, text: str, runs: list[tuple[int, int]]) -> None:
        #: The stretches left out, (first, past the last), in order, none empty or overlapping.
        self.runs = runs
        if not runs:
            self.text, self._starts, self._seen_at, self._before = text, [], [], [0]
            return
        pieces, last = [], 0
        #: For each run: where it starts, where it would stand in :attr:`text`, and how
        #: many characters the runs before it (``_before[k]``) and up to it (``_before[k + 1]``) leave out.
        self._starts, self._seen_at, self._before = [], [], [0]
        for i, j in runs:
            pieces.append(text[last:i])
            self._starts.append(i)
            self._seen_at.append(i - self._before[-1])
            self._before.append(self._before[-1] + j - i)
            last = j
        pieces.append(text[last:])
        self.text = "".join(pieces)

    def back(self, at: int) -> int:
        """The stretch's offset of the readable text's character ``at``."""
        return at + self._before[bisect.bisect_right(self._seen_at, at)]

    def span(self, sp: Span) -> Span:
        """``sp`` of the readable text as a span of the stretch: from its first character to
        past its last, so a word read through a soft hyphen covers the hyphen too."""
        start = self.back(sp.start)
        return Span(start, self.back(sp.end - 1) + 1) if sp.end > sp.start else Span(start, start)

    def forward(self, at: int) -> int:
        """The readable offset of the stretch's offset ``at`` (a character left out reads
        as the one after it)."""
        k = bisect.bisect_right(self._starts, at) - 1
        if k < 0:
            return at
        i, j = self.runs[k]
        return i - self._before[k] if at < j else at - self._before[k + 1]


#: A comment, as the directive reader finds one (it never runs past another "<!--").
COMMENT = lazy(r"<!--(?:(?!-->|<!--).)*+-->", re.DOTALL)


def reader_view(text: str) -> ReaderView:
    """``text`` as the reader of the printed draft sees it (:class:`ReaderView`): ``text``
    itself, with no run, for nearly every text (``"<!--" in text`` and, beyond ASCII, a
    ``str.find`` per invisible character)."""
    runs = [m.span() for m in COMMENT.finditer(text)] if "<!--" in text else []
    if not text.isascii():
        hidden = hidden_runs(text, 0, len(text))
        if hidden:
            runs = _merged(runs + hidden) if runs else hidden
    return ReaderView(text, runs)


def as_read(words: str) -> str:
    """``words`` as the printed draft shows them: without their comments and the invisible
    characters inside their words (:func:`reader_view`); ``words`` themselves when they
    hold neither."""
    return reader_view(words).text


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``runs`` in order, those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for i, j in sorted(runs):
        if out and i <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], j))
        else:
            out.append((i, j))
    return out


#: The document text last asked about, whether it holds a comment and whether it holds an
#: invisible character: one tuple, replaced whole, so that two threads linting two texts
#: never read each other's answer.
_last_document: tuple[str | None, bool, bool] = (None, False, False)


def _document(text: str) -> tuple[bool, bool]:
    global _last_document
    last = _last_document
    if last[0] is not text:
        last = _last_document = (text, *_answers(text, last))
    return last[1], last[2]


def _hides(text: str) -> bool:
    return not text.isascii() and any(ch in text for ch in INVISIBLE)


def _answers(text: str, last: tuple[str | None, bool, bool]) -> tuple[bool, bool]:
    """Whether ``text`` holds a comment and an invisible character, given the answers for
    the text asked about before it. In the language server that is the last version, and
    an answer that was no holds for what the two share (:func:`changed_ends`): only what
    the edit changed is searched, where a scan of the whole text for each invisible
    character was a pass over the document after every keystroke (a millisecond at 1 MB
    with a character outside the Basic Multilingual Plane). For unrelated texts the
    shared ends are empty and the whole text is searched, as before."""
    old, comment, hidden = last
    if old is None or (comment and hidden):
        return "<!--" in text, _hides(text)
    prefix, suffix = changed_ends(old, text)
    lo, hi = prefix, len(text) - suffix  # text[lo:hi] replaced old[prefix:len(old) - suffix]
    # "<!--" not in the old text: one in the new text reaches into what changed.
    comment = "<!--" in text if comment else "<!--" in text[max(0, lo - 3) : hi + 3]
    hidden = _hides(text) if hidden else _hides(text[lo:hi])
    return comment, hidden


def document_has_comment(text: str) -> bool:
    """Whether a document's ``text`` holds "<!--". For a whole document's text only: its
    readers ask once per paragraph, and one slot keeps the answer (asking about a
    paragraph's text in between would make each of those a scan of the whole text)."""
    return _document(text)[0]


def document_may_hide(text: str) -> bool:
    """Whether a document's ``text`` holds any character of :data:`INVISIBLE` (see
    :func:`document_has_comment`)."""
    return _document(text)[1]


def document_view(text: str) -> ReaderView:
    """:func:`reader_view` of a whole document's text: the text itself, without a scan,
    when :func:`document_has_comment` and :func:`document_may_hide` say there is nothing
    to leave out (one keystroke's lint asks this and they share their answers)."""
    comment, hidden = _document(text)
    return reader_view(text) if comment or hidden else ReaderView(text, [])
