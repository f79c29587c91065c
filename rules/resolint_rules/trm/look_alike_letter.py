from __future__ import annotations

import re

from resolint.lazyre import lazy
from resolint.model import Kind, Paragraph
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint.wordsets import writes
from resolint_rules.common import listed_heads
from resolint_rules.trm.others_words import outside_prose

#: Cyrillic and Greek letters drawn like a Latin letter in the fonts drafts are written
#: in, and that letter: the pairs of Unicode's confusables table (Unicode Technical
#: Standard #39, <https://www.unicode.org/Public/security/latest/confusables.txt>) for
#: these scripts, kept to those with the same shape in upper and lower case where both
#: are listed. A keyboard switched to Russian, Ukrainian, Serbian, Bulgarian or Greek
#: types them in the middle of an English word.
LATIN_LOOK_ALIKE = {
    # Cyrillic, lower case
    "\u0430": "a", "\u0435": "e", "\u0456": "i", "\u0458": "j", "\u043e": "o", "\u0440": "p", "\u0441": "c",
    "\u0455": "s", "\u0443": "y", "\u0445": "x", "\u04bb": "h", "\u0501": "d", "\u051b": "q", "\u051d": "w",
    "\u04cf": "l",
    # Cyrillic, upper case
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H", "\u041e": "O",
    "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0406": "I", "\u0408": "J", "\u0405": "S",
    "\u04ae": "Y", "\u051a": "Q", "\u051c": "W", "\u04c0": "I",
    # Greek, upper case, and the lower-case omicron and nu
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I", "\u039a": "K",
    "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T", "\u03a5": "Y", "\u03a7": "X",
    "\u03bf": "o", "\u03bd": "v",
}
#: Where a look-alike letter stands: one search of the text, most of which holds none.
_CANDIDATE = re.compile("[" + "".join(LATIN_LOOK_ALIKE) + "]")
_LETTERS = lazy(r"[^\W\d_]+")
_NAMES = {ch: ("Greek" if "\u0370" <= ch <= "\u03ff" else "Cyrillic") for ch in LATIN_LOOK_ALIKE}


def _is_latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


class LookAlikeLetter(Rule):
    """
    ## What it does
    Finds a Cyrillic or Greek letter drawn like a Latin one inside an English word:
    "Rеcalling" with a Cyrillic "е", "СALLS UPON" with a Cyrillic "С".

    ## Why is this bad?
    The word looks right and is not: a search for it fails, a spell-checker and a
    translation memory miss it, and a reader cannot see why. resolint's opener checks
    cannot read it either (they leave such an opener to this rule). A keyboard switched
    to another alphabet, or a copy from a document typed with one, leaves such letters.

    ## Example
    ```
    The Security Council,

    Rеcalling its resolution 2719 (2023),

    1. Dеcides to remain seized of the matter.
    ```

    ## Use instead
    ```
    The Security Council,

    Recalling its resolution 2719 (2023),

    1. Decides to remain seized of the matter.
    ```

    ## Fix safety
    Safe: each look-alike is replaced by the Latin letter it is drawn like, so the word
    reads as it looks. At the opener of a preambular or operative paragraph the fix is
    unsafe unless the word then opens one of the part's listed phrases ("Rеcalling"
    opening an operative paragraph would become an error of its own, OPR004). A word written mostly in the other alphabet (a name in Russian or
    Greek) is left alone, as is one with a letter that has no Latin look-alike; a word of
    look-alikes only ("ОТТ" for "OTT"), or of as many look-alikes as Latin letters ("SΕΑT"
    with a Greek "Ε" and "Α"), is reported between two English words. The fix of a word
    of look-alikes only is unsafe unless the draft also writes it in Latin letters: the
    Russian "сор" is drawn like "cop", the Greek acronym "ΕΚΑΒ" like "EKAB", and only the
    drafter knows which alphabet was meant. Unsafe inside a web or e-mail address, a
    Markdown code span or an HTML comment: an address's or a name's letters are its own
    (an internationalized domain name is written in Cyrillic or Greek letters).

    ## Options
    None.

    ## References
    Unicode Technical Standard #39, "Unicode Security Mechanisms", and its confusables
    table: <https://www.unicode.org/reports/tr39/>
    """

    code = "TRM015"
    name = "look-alike-letter"
    summary = "A Cyrillic or Greek letter inside an English word"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    #: Its findings in a paragraph come from that paragraph's text alone: the language
    #: server keeps them between edits.
    local = True
    own_paragraphs_only = True

    def check(self, ctx: RuleContext):
        """One search for the look-alikes (of the text's characters beyond ASCII; with the
        language server's memo, of the text around an edit): only the paragraphs holding
        one are read."""
        starts = (start for start, _ in ctx.facts.non_ascii_pattern_spans(_CANDIDATE, 1))
        for p in ctx.facts.own_paragraphs_at(starts):
            yield from self.check_paragraph(ctx, p)

    def paragraph_keys(self, ctx: RuleContext):
        """Beyond a paragraph's text, the rule reads whether the draft writes each of its
        words of look-alikes only in Latin letters too (:func:`written_in_latin`): that,
        for the few paragraphs holding a look-alike."""
        text = ctx.text
        starts = (start for start, _ in ctx.facts.non_ascii_pattern_spans(_CANDIDATE, 1))
        out: dict[int, tuple] = {}
        for p in ctx.facts.own_paragraphs_at(starts):
            words = _look_alike_words(text, p)
            if words:
                out[p.index] = tuple(written_in_latin(text, w) for w in words)
        return out

    def check_paragraph(self, ctx: RuleContext, paragraph: Paragraph):
        text, lo, hi = ctx.text, paragraph.span.start, paragraph.span.end
        word_end = lo
        for m in _CANDIDATE.finditer(text, lo, hi):
            if m.start() < word_end:
                continue  # in the word just read
            start, word_end = _word_around(text, m.start(), lo, hi)
            word = text[start:word_end]
            foreign = [ch for ch in word if not ch.isascii()]
            if any(ch not in LATIN_LOOK_ALIKE for ch in foreign):
                continue  # a letter no Latin one looks like: no word to offer
            latin = len(word) - len(foreign)
            if 0 < latin < len(foreign):
                continue  # mostly the other alphabet: a word of it with a Latin slip
            if latin <= len(foreign) and not _between_latin_words(text, start, word_end, lo, hi):
                continue  # look-alikes only, or as many as Latin letters ("SΕΑT"): English words around decide
            right = "".join(LATIN_LOOK_ALIKE.get(ch, ch) for ch in word)
            span = Span(start, word_end)
            title, edit = f"Write '{right}' in Latin letters", Edit(span, right)
            safe = _safe_to_respell(ctx, paragraph, start, right) and (latin > 0 or written_in_latin(text, right))
            unless = outside_prose(text, span, paragraph.content.start, paragraph.content.end) if safe else ""
            # (In an address or code, the letters may be the address's or the name's own.)
            fix = Fix.safe(title, edit) if safe and not unless else Fix.unsafe(f"{title} ({unless})" if unless else title, edit)
            yield Violation(span, _message(word, right, foreign), fix)


def written_in_latin(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` in Latin letters, as a whole word.

    A word of look-alike letters only may be a slip ("ОТТ" typed in Cyrillic for "OTT")
    or a word of that alphabet: the Russian "сор" (litter) is drawn like "cop", the Greek
    acronym "ΕΚΑΒ" like "EKAB", a Cyrillic "ООО" (a Russian company's form) like "OOO".
    Only the draft can tell: where it writes the word in Latin letters too, the drafter
    meant those; elsewhere rewriting it would change a word, not its letters."""
    return writes(text, word)


def _look_alike_words(text: str, p: Paragraph) -> list[str]:
    """The Latin spelling of every word of ``p`` written in look-alike letters only."""
    out = []
    for m in _LETTERS.finditer(text, p.span.start, p.span.end):
        if all(ch in LATIN_LOOK_ALIKE for ch in m.group(0)):
            out.append("".join(LATIN_LOOK_ALIKE[ch] for ch in m.group(0)))
    return out


def _safe_to_respell(ctx: RuleContext, p: Paragraph, start: int, right: str) -> bool:
    """Whether writing the word in Latin letters is a safe fix: not at the opener of a
    preambular or operative paragraph unless the word then opens a listed phrase of that
    part, and not as the first word of a line otherwise. Elsewhere the opener's rules
    read the word for the first time: "Rеcalling" opening an operative paragraph becomes
    OPR004's error, and a safe fix never adds an error. The parser reads a line's first
    words to tell paragraphs, their numbers and their kinds apart, and reads them as
    written: "11 Dеcides" is no numbered paragraph, "11 Decides" is one, the eleventh
    (OPR002 then reports the numbering)."""
    text = ctx.text
    if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE) and start <= p.content.start + 2 and not text[p.content.start : start].strip("*_ "):
        phrases = ctx.style.preambular if p.kind is Kind.PREAMBLE else ctx.style.operative
        return right.lower() in listed_heads(phrases)
    return not _first_on_its_line(text, p, start)


#: What may stand before a line's first word: a number or a label ("11", "(b)", "PP3").
_LINE_LEAD_CHARS = 6


def _first_on_its_line(text: str, p: Paragraph, start: int) -> bool:
    """Whether the word at ``start`` is the first word of its line in ``p``, after at
    most a number or a label. Read backwards over the spaces and the one short token
    only: a search for the line's start from every word of a long line was quadratic."""
    lo = p.span.start
    i = _past_spaces_back(text, lo, start)
    if i == lo or text[i - 1] in "\r\n":
        return True
    j = i
    while j > lo and not text[j - 1].isspace() and i - j <= _LINE_LEAD_CHARS:
        j -= 1
    if i - j > _LINE_LEAD_CHARS or text[j:i].isalpha():
        return False  # a word before it, not a number or a label
    j = _past_spaces_back(text, lo, j)
    return j == lo or text[j - 1] in "\r\n"


def _past_spaces_back(text: str, lo: int, i: int) -> int:
    while i > lo and text[i - 1] in " \t\u00a0":
        i -= 1
    return i


def _word_around(text: str, at: int, lo: int, hi: int) -> tuple[int, int]:
    """The run of letters holding ``at``, inside [lo, hi)."""
    start, end = at, at + 1
    while start > lo and text[start - 1].isalpha():
        start -= 1
    while end < hi and text[end].isalpha():
        end += 1
    return start, end


def _between_latin_words(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the words before and after [start, end) in the paragraph [lo, hi) are
    Latin: a word all of whose letters are look-alikes ("ОТТ" typed in Cyrillic for
    "OTT") inside an English sentence, not a word of a Russian or Greek name or title."""
    before = _LETTERS.findall(text, max(lo, start - 40), start)
    after = _LETTERS.findall(text, end, min(hi, end + 40))
    # (At the paragraph's end, the word before decides: the paragraph's text is all a
    # local rule reads, and an ITU paragraph ends at ", invites …".)
    return bool(before) and before[-1].isascii() and (not after or after[0].isascii())


def _message(word: str, right: str, foreign: list[str]) -> str:
    letters = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in dict.fromkeys(foreign))
    scripts = " and ".join(sorted({_NAMES[ch] for ch in foreign}))
    one = len(dict.fromkeys(foreign)) == 1
    return f"'{word}' has the {scripts} letter{'' if one else 's'} {letters}, drawn like Latin: write '{right}'"
