"""Writing a list label, shared by OPR008 (sequence), OPR009 (form) and PRE008 (items)."""

from __future__ import annotations

from resolint.model import LabelScheme
from resolint.parser.labels import read_label, to_roman


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
