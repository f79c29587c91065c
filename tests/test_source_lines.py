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
