"""Writing a sub-paragraph label, shared by OPR008 (sequence) and OPR009 (form)."""

from __future__ import annotations

from resolint.model import LabelScheme
from resolint.parser.labels import to_roman


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
