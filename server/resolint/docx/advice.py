"""What a review comment in Word says: the problem and the change, in an editor's words.

A drafter reading a reviewed copy in Word does not run shell commands, so a comment
never names one. It says what is wrong (the rule's message), then what to do about it:

- the change is already proposed as a tracked change: accept or reject it;
- a change resolint could make but did not (``annotate`` without ``--track-changes``,
  or an unsafe one without ``--unsafe-fixes``): the change, to make by hand;
- the number of a paragraph Word numbers automatically: how to set it in Word, since
  resolint never rewrites automatic numbering;
- a change that could not be written into the runs: the change and why.

The rule's code and name come last, on a line of their own, printed small.
"""

from __future__ import annotations

from resolint.docx.reader import DocxText
from resolint.engine import Finding
from resolint.records import record
from resolint.rule import Applicability
from resolint.source import Span

AUTOMATIC_NUMBER = (
    "Word numbers this paragraph automatically, so resolint does not change the number: "
    "right-click the number → Set Numbering Value (or Continue Numbering)."
)
AUTOMATIC_NUMBER_FORMAT = (
    "Word numbers this paragraph automatically, so resolint does not change the number: "
    "change the list's number format (Home → Numbering → Define New Number Format)."
)
#: Rules about the form of a number ("1)" for "1.", "(i)" at a letter level), not its value.
NUMBER_FORMAT_RULES = frozenset({"OPR003", "OPR009"})


@record(frozen=True, slots=True)
class CommentText:
    """A comment's lines as a reader sees them, and the small last line (the rule)."""

    lines: tuple[str, ...]
    rule: str

    @property
    def first_line(self) -> str:
        return self.lines[0]

    def plain(self) -> str:
        return "\n".join((*self.lines, self.rule))


def _sentence(text: str) -> str:
    """``text`` ended as a sentence: a full stop unless it ends with one or with a quotation."""
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…", "'", "’", '"', "”", ")")) else text + "."


def _change(title: str) -> str:
    """A fix title ("Change to 'Requests'") as part of a sentence ("change to 'Requests'")."""
    title = title.strip().rstrip(".")
    return title[:1].lower() + title[1:] if title[:2] != title[:2].upper() else title


def on_automatic_number(doc: DocxText, f: Finding) -> bool:
    """Whether the finding's change (or, without one, the finding) is on a number Word draws."""
    spans = [e.span for e in f.fix.edits] if f.fix is not None and f.fix.edits else [f.span]
    for span in spans:
        p = doc.paragraph_at(span.start)
        if p is None:
            continue
        probe = span if span.end > span.start else Span(span.start, span.start + 1)
        if any(s.run is None for s in p.segments_in(probe)):
            return True
    return False


def comment_for(f: Finding, doc: DocxText | None = None, *, tracked: bool = False, why: str | None = None, unsafe_allowed: bool = False) -> CommentText:
    """The comment for finding ``f``.

    ``tracked``: its fix was written as a tracked change. ``why``: its fix was tried and
    could not be written (the reason). ``unsafe_allowed``: unsafe fixes were asked for,
    so one left undone was refused, not held back.
    """
    lines = [_sentence(f.message)]
    fix = f.fix
    if doc is not None and on_automatic_number(doc, f):
        lines.append(AUTOMATIC_NUMBER_FORMAT if f.code in NUMBER_FORMAT_RULES else AUTOMATIC_NUMBER)
    elif fix is not None and fix.edits:
        change = _change(fix.title)
        if tracked:
            lines.append(f"Proposed as a tracked change: {change} — accept or reject it (Review → Accept / Reject).")
        elif why:
            lines.append(f"Make this change by hand: {change} (resolint could not: {why}).")
        elif fix.applicability is Applicability.UNSAFE and not unsafe_allowed:
            lines.append(f"Suggested change: {change} — check that it keeps the meaning before you make it.")
        elif fix.applicability is Applicability.DISPLAY_ONLY:
            lines.append(_sentence(f"For example: {change}"))
        else:
            lines.append(_sentence(f"Suggested change: {change}"))
    return CommentText(tuple(lines), f"{f.code} {f.name}")
