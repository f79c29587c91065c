"""read_label tries only the label forms its first character can start, all in one
pattern; it must read exactly what trying every form in order, one at a time, reads."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.parser.labels import read_label, read_label_in_order

#: Characters labels are made of, and what follows them (white space a label may and may
#: not be followed by among them).
ALPHABET = "()0123456789٣abcivxyzABCIVXZ.,; \t\n\u00a0\u2000\u200b\u3000*_-é"


def _read_every_form(text: str, pos: int, end: int, prefer: int | None):
    """read_label as it was: every form of _LABEL_FORMS tried in order."""
    return read_label_in_order(text, pos, end, prefer)


@settings(max_examples=600, deadline=None)
@given(st.text(ALPHABET, max_size=12), st.integers(0, 4), st.integers(0, 14), st.one_of(st.none(), st.integers(1, 30)))
@example("٣. Decides", 0, 10, None)  # \d is any Unicode decimal digit
@example(" (iv) x", 1, 7, 4)
@example("(iiii) x", 0, 8, None)  # no canonical numeral: no label
@example("iiii. x", 0, 7, None)
@example("A.\nB", 0, 4, None)  # "\s" after the point, but not a space a label takes
@example("3)\u2000 x", 0, 6, None)
def test_dispatch_reads_what_every_form_reads(text, pos, end, prefer):
    assert read_label(text, pos, end, prefer) == _read_every_form(text, pos, end, prefer)


def test_common_labels():
    for text, value in (("1. Decides", 1), ("(a) the", 1), ("iv) x", 4), ("B. Part", 2), ("12 Urges", 12), ("(IV) x", 4)):
        label, _ = read_label(text, 0, len(text))
        assert label is not None and label.value == value, text
    assert read_label("Recalling its", 0, 13)[0] is None


def test_content_starts_after_the_spaces():
    label, content = read_label("2.\u2000\u3000 Urges", 0, 14)
    assert label is not None and label.span.end == 2 and content == 5
