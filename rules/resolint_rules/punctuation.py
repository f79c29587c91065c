"""The fix that ends a paragraph with the mark its style wants, shared by PRE004 and OPR007."""

from __future__ import annotations

from resolint.parser.labels import before_note_reference, bracketed, inside_brackets, read_bullet
from resolint.rule import Edit, Fix, RuleContext
from resolint.source import Span


def terminal_fix(ctx: RuleContext, p, want: str) -> tuple[Span, Fix, str] | None:
    """The span to point at, the fix and the mark found, when ``p`` does not end with ``want``."""
    have = p.terminal_char(ctx.source)
    if have == want:
        return None
    if p.terminal is not None:
        return p.terminal, Fix.safe(f"Replace '{have}' with '{want}'", Edit(p.terminal, want)), have
    end = _before_closing_markup(ctx.text, p.span.start, p.span.end, p.content.start)
    if end <= p.content.start:
        # Nothing but a label before a comment ("2. <!-- note -->"): no sentence to end,
        # and a mark added there made the label "2.;" (no label), renumbering the rest.
        return None
    return Span(max(p.span.start, end - 1), end), Fix.safe(f"Add '{want}'", Edit(Span(end, end), want)), ""


def _before_closing_markup(text: str, start: int, end: int, content_start: int | None = None) -> int:
    """Where the mark goes: before closing emphasis (``*``, ``_``) that follows the last word,
    where the parser looks for it (``read_terminal`` looks through such markup, not through
    spaces or line breaks).

    Markup that stands apart from the words (on a line of its own, after a space) keeps the
    mark after it: stepping back over it put the mark at the start of the markup's line, which
    the parser does not read as the paragraph's end (the fix never converged), and pointed the
    finding at the ``\\n`` of a CRLF pair (found by the fuzzer).
    """
    end = before_note_reference(text, start, end)  # "…Crimes¹": the mark goes before the reference
    opened = read_bullet(text, start, end)[1]
    if bracketed(text, opened, end) or (content_start is not None and bracketed(text, opened := content_start, end)):
        end = inside_brackets(text, opened, end)  # "[Deeply concerned by …]", "PP2 [Deeply …]": inside the brackets, where the parser reads it
    cut = end
    while cut > start and text[cut - 1] in "*_":
        cut -= 1
    if cut in (end, start) or text[cut - 1].isspace():
        return end
    return cut
