"""Writing a list label, and the form the style writes at a level, shared by OPR008
(sequence), OPR009 (form) and PRE008 (items)."""

from __future__ import annotations

from resolint.model import Kind, LabelScheme, Paragraph
from resolint.parser.labels import read_label, to_roman
from resolint.rule import RuleContext

#: Enum members as module names (read per sub-paragraph: see OPR009's module).
_PREAMBLE, _SUBPARAGRAPH = Kind.PREAMBLE, Kind.SUBPARAGRAPH


def render_label(scheme: LabelScheme, value: int, form: str) -> str:
    if scheme is LabelScheme.LOWER_ALPHA:
        body = chr(ord("a") + value - 1) if value <= 26 else chr(ord("a") + value - 27) * 2
    elif scheme is LabelScheme.LOWER_ROMAN:
        body = to_roman(value)
    elif scheme is LabelScheme.UPPER_ALPHA:
        body = chr(ord("A") + value - 1) if value <= 26 else chr(ord("A") + value - 27) * 2
    elif scheme is LabelScheme.UPPER_ROMAN:
        body = to_roman(value).upper()
    else:
        body = str(value)
    return form.replace("#", body)


def reads_back(scheme: LabelScheme, value: int, form: str) -> bool:
    """Whether the label for ``value`` reads back as that value: a letter past "zz" or a
    numeral too long for the reader is no label at all, and a fix that wrote it would
    turn a list item into text (past "zz" it once wrote "({{)")."""
    text = render_label(scheme, value, form) + " x"
    label, _ = read_label(text, 0, len(text), prefer_alpha_for=value)
    return label is not None and label.value == value and label.scheme is scheme


def subparagraph_level(p: Paragraph) -> int:
    """Sub-paragraph level below the operative paragraph (1 for (a))."""
    level = 0
    node = p
    while node is not None and node.kind is _SUBPARAGRAPH:
        level += 1
        node = node.parent
    return level


def style_form(ctx: RuleContext, p: Paragraph) -> str | None:
    """The one label form the style writes at ``p``'s level, when OPR009 checks it
    there (an operative paragraph's sub-paragraph, a level the style lists, no choice of
    forms): a label of another form is then OPR009's finding. None otherwise."""
    forms = ctx.style.get("subparagraphs.forms", [])
    if p.parent is None or p.parent.kind is _PREAMBLE:
        return None
    level = subparagraph_level(p)
    if level < 1 or level > len(forms) or "|" in forms[level - 1]:
        return None
    return forms[level - 1]
