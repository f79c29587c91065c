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
#: The overrides: they show even Latin letters in the order they force, which no
#: right-to-left name in a paragraph needs.
_OVERRIDES = frozenset("\u202d\u202e")
_CONTROL = re.compile("[" + "".join(BIDI_CONTROLS) + "]")
#: Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …, and
#: their presentation forms): a paragraph holding one (a name, a quotation) may need
#: embeddings and isolates to show it right.
_RIGHT_TO_LEFT = lazy("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

#: How the documentation writes the characters (they print nothing):
#: ``‹U+202E›`` in an example is the right-to-left override.
_WRITTEN = re.compile(r"‹U\+(20[26][0-9A-Fa-f])›")


class BidiControl(Rule):
    """
    ## What it does
    Finds an invisible character that changes the order in which the text is shown: a
    right-to-left override or embedding, a directional isolate (written ‹U+202E› and
    so on in the examples below; in a draft they print nothing).

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
    embeddings and isolates may be what shows that text right.

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
        line_end, other_script = -1, False  # the line of the last run, by its end
        for start, end in _runs(ctx.facts.non_ascii_pattern_spans(_CONTROL, 1)):
            if start > line_end:  # a new line: does it hold right-to-left letters?
                newline = text.rfind("\n", line_end + 1, start)
                line_start = (newline if newline >= 0 else line_end) + 1
                line_end = text.find("\n", start)
                if line_end < 0:
                    line_end = len(text)
                other_script = _RIGHT_TO_LEFT.search(text, line_start, line_end) is not None
            run = text[start:end]
            if other_script and not _OVERRIDES.intersection(run):
                continue
            span = Span(start, end)
            names = list(dict.fromkeys(BIDI_CONTROLS[ch] for ch in run))
            if len(run) == 1:
                message = f"An invisible {names[0]} sets the order in which the text is shown: remove it and read the text again"
            else:
                message = f"Invisible characters ({', '.join(names)}) set the order in which the text is shown: remove them and read the text again"
            yield Violation(span, message, Fix.unsafe("Remove the invisible character" + ("s" if len(run) > 1 else ""), Edit(span, "")))


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
