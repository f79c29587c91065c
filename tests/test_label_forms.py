"""read_label tries only the label forms its first character can start; it must read
exactly what trying every form in order reads."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.parser import labels
from resolint.parser.labels import read_label

#: Characters labels are made of, and what follows them.
ALPHABET = "()0123456789٣abcivxyzABCIVXZ.,; \t\u00a0*_-é"


def _read_every_form(text: str, pos: int, end: int, prefer: int | None):
    """read_label as it was: every form of _LABELS tried in order."""
    saved = labels._forms_for
    labels._forms_for = lambda ch: tuple(labels._LABELS)
    try:
        return read_label(text, pos, end, prefer)
    finally:
        labels._forms_for = saved


@settings(max_examples=600, deadline=None)
@given(st.text(ALPHABET, max_size=12), st.integers(0, 4), st.integers(0, 14), st.one_of(st.none(), st.integers(1, 30)))
@example("٣. Decides", 0, 10, None)  # \d is any Unicode decimal digit
@example(" (iv) x", 1, 7, 4)
def test_dispatch_reads_what_every_form_reads(text, pos, end, prefer):
    assert read_label(text, pos, end, prefer) == _read_every_form(text, pos, end, prefer)


def test_common_labels():
    for text, value in (("1. Decides", 1), ("(a) the", 1), ("iv) x", 4), ("B. Part", 2), ("12 Urges", 12), ("(IV) x", 4)):
        label, _ = read_label(text, 0, len(text))
        assert label is not None and label.value == value, text
    assert read_label("Recalling its", 0, 13)[0] is None
