from __future__ import annotations

import re

from resolint.lazyre import lazy
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span

#: The invisible characters that change the order in which text is shown (Unicode's
#: explicit directional formatting characters, UAX #9 section 2), and their names. The
#: marks (U+200E, U+200F), which change no order of their own, are left alone.
BIDI_CONTROLS = {
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}
#: The right-to-left marks (the right-to-left mark and the Arabic letter mark): they
#: change no order of their own, but in a line without right-to-left letters they
#: have no use, and digits after one (past spaces and punctuation) take its direction:
#: "resolution 2231\u200f (2015)" is shown as "resolution 2015) 2231)". Reported there
#: only (:func:`_reorders_a_number`).
RIGHT_TO_LEFT_MARKS = {"\u200f": "right-to-left mark", "\u061c": "Arabic letter mark"}
_NAMES = {**BIDI_CONTROLS, **RIGHT_TO_LEFT_MARKS}
#: How far after a right-to-left mark a digit is looked for: the gap of a citation's
#: number and year (" (", "/") is a few characters; a bound keeps a row of thousands of
#: marks before spaces a linear search.
_MARK_REACH = 16
#: The overrides: they show even Latin letters in the order they force, which no
#: right-to-left name in a paragraph needs.
_OVERRIDES = frozenset("\u202d\u202e")
_CONTROL = re.compile("[" + "".join(_NAMES) + "]")
#: What may stand before the first word of a line: a word processor set to Arabic or
#: Hebrew puts a mark before each line (the line's direction, which the parser reads
#: through), and a mark there sits inside no citation.
_LINE_OPENING = re.compile("[ \t\u00a0\ufeff" + "".join(_NAMES) + "]*")
#: Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …, and
#: their presentation forms): a paragraph holding one (a name, a quotation) may need
#: embeddings and isolates to show it right.
#: (Not the Arabic letter mark, U+061C, in that block: it is no letter.)
_RIGHT_TO_LEFT = lazy("[\u0590-\u061b\u061d-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

#: How the documentation writes the characters (they print nothing):
#: ``‹U+202E›`` in an example is the right-to-left override.
_WRITTEN = lazy(r"‹U\+(20[26][0-9A-Fa-f])›")


class BidiControl(Rule):
    """
    ## What it does
    Finds an invisible character that changes the order in which the text is shown: a
    right-to-left override or embedding, a directional isolate (written ‹U+202E› and
    so on in the examples below; in a draft they print nothing). Also a right-to-left
    mark or an Arabic letter mark before a number, in a line without Arabic or Hebrew
    letters: "resolution 2231‹U+200F› (2015)" is shown as "resolution 2015) 2231)"
    (not one before a whole line, which sets the line's direction).

    ## Why is this bad?
    The text on the screen is not the text in the file. After a right-to-left override
    "seized" can be shown where "dezies" is written, and a citation, a number or a
    whole clause can be shown in an order that says something else than what a search,
    a translation or the adopted text reads. Such characters come from copies of web
    pages and PDFs and are the means of "Trojan Source" attacks (CVE-2021-42574).

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 78/1 of 5 December 2023,

    1. Decides to remain ‹U+202E›dezies of the matter.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 78/1 of 5 December 2023,

    1. Decides to remain seized of the matter.
    ```

    ## Fix safety
    Unsafe: removing the characters shows the text as it is written, which may read
    differently from what the drafter saw; read it again. In a paragraph that holds
    Arabic or Hebrew letters on the same line (a name, a quotation) only the overrides are reported:
    embeddings, isolates and marks may be what shows that text right. A mark before a
    number is unsafe to remove too, though a search and resolint read the number as
    written: what the drafter saw changes.

    ## Options
    None.

    ## References
    Unicode Standard Annex #9, "Unicode Bidirectional Algorithm", section 2 (explicit
    directional formatting characters): <https://www.unicode.org/reports/tr9/>;
    "Trojan Source: Invisible Vulnerabilities", CVE-2021-42574: <https://trojansource.codes/>
    """

    code = "TRM017"
    name = "bidi-control"
    summary = "An invisible character that changes the order text is shown in"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.UNSAFE

    @classmethod
    def example_input(cls, text: str):
        """The examples write each character as ‹U+XXXX› (see :data:`_WRITTEN`)."""
        return _WRITTEN.sub(lambda m: chr(int(m.group(1), 16)), text), {}

    def check(self, ctx: RuleContext):
        """One search for the characters, of the whole text: not of its paragraphs alone,
        whose edges the parser strips of invisible characters (an override before
        "Recalling" turns the whole paragraph round). Of the text's characters beyond
        ASCII; with the language server's memo, of the text around an edit."""
        text = ctx.text
        line_end, other_script, words_from = -1, False, 0  # the line of the last run, by its end
        for start, end in _runs(ctx.facts.non_ascii_pattern_spans(_CONTROL, 1)):
            if start > line_end:  # a new line: does it hold right-to-left letters?
                newline = text.rfind("\n", line_end + 1, start)
                line_start = (newline if newline >= 0 else line_end) + 1
                line_end = text.find("\n", start)
                if line_end < 0:
                    line_end = len(text)
                other_script = _RIGHT_TO_LEFT.search(text, line_start, line_end) is not None
                words_from = _LINE_OPENING.match(text, line_start, line_end).end()
            run = text[start:end]
            if other_script and not _OVERRIDES.intersection(run):
                continue
            if all(ch in RIGHT_TO_LEFT_MARKS for ch in run) and (start < words_from or not _reorders_a_number(text, end, line_end)):
                continue
            span = Span(start, end)
            names = list(dict.fromkeys(_NAMES[ch] for ch in run))
            if all(ch in RIGHT_TO_LEFT_MARKS for ch in run):
                message = f"An invisible {' and '.join(names)} sets the order in which the number after it is shown: remove it"
            elif len(run) == 1:
                message = f"An invisible {names[0]} sets the order in which the text is shown: remove it and read the text again"
            else:
                message = f"Invisible characters ({', '.join(names)}) set the order in which the text is shown: remove them and read the text again"
            yield Violation(span, message, Fix.unsafe("Remove the invisible character" + ("s" if len(run) > 1 else ""), Edit(span, "")))


def _reorders_a_number(text: str, end: int, line_end: int) -> bool:
    """Whether a digit follows ``text[end]`` on its line, before any letter and within
    :data:`_MARK_REACH` characters: a right-to-left mark before it (in a line without
    right-to-left letters) shows that number, and the spaces and brackets between, in
    right-to-left order ("2231\u200f (2015)", "22\u200f31" shown as "3122")."""
    for ch in text[end : min(line_end, end + _MARK_REACH)]:
        if ch.isdigit():
            return True
        if ch.isalpha():
            return False
    return False


def _runs(spans: list[tuple[int, int]]):
    """Adjacent one-character spans joined: a run of the characters is one finding."""
    run_start = run_end = -1
    for start, end in spans:
        if start == run_end:
            run_end = end
            continue
        if run_end >= 0:
            yield run_start, run_end
        run_start, run_end = start, end
    if run_end >= 0:
        yield run_start, run_end
