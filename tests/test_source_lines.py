"""SourceText's line index against a character-by-character reference."""

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.source import SourceText


def reference(text: str) -> list[int]:
    starts, i = [0], 0
    while i < len(text):
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            i += 2
        elif text[i] in "\r\n":
            i += 1
        else:
            i += 1
            continue
        starts.append(i)
    return starts


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "\r", "\n", "\r\n", "\x0c", "\u2028"]), max_size=40).map("".join))
def test_line_starts(text):
    assert SourceText(text).line_starts == reference(text)


PIECES = st.sampled_from(["a", "é", "😀", "\r", "\n", "\r\n", "ab\n"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 5), TEXTS), min_size=1, max_size=5))
def test_an_edited_text_has_the_line_starts_of_a_fresh_one(text, edits):
    """``SourceText.edited`` (how the language server applies each change) moves the line
    starts it keeps and finds the others around the edit: the result is the reference's,
    edit after edit, breaks inserted next to breaks ("\\r" + "\\n") and cut in two included."""
    source = SourceText(text)
    for at, cut, put in edits:
        at = min(at, len(source.text))
        end = min(len(source.text), at + cut)
        source = source.edited(at, end, put)
        assert source.text == text[:at] + put + text[end:]
        assert source.line_starts == reference(source.text)
        text = source.text


def reference_newline(text: str) -> str:
    """The line ending written most often, counted one break at a time (a tie goes to
    ``\\r\\n``, then ``\\r``, then ``\\n``); ``\\n`` when the text has none."""
    counts = {"\n": 0, "\r": 0, "\r\n": 0}
    i = 0
    while i < len(text):
        if text.startswith("\r\n", i):
            counts["\r\n"] += 1
            i += 2
            continue
        if text[i] in counts:
            counts[text[i]] += 1
        i += 1
    if not any(counts.values()):
        return "\n"
    most = max(counts.values())
    return next(nl for nl in ("\r\n", "\r", "\n") if counts[nl] == most)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "\r", "\n", "\r\n", "\n\r"]), max_size=30).map("".join))
def test_dominant_newline(text):
    """The quick answer for a text without carriage returns agrees with counting them all."""
    assert SourceText(text).dominant_newline() == reference_newline(text)
