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


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 60), st.integers(0, 5), TEXTS), min_size=1, max_size=6))
def test_an_edited_text_knows_what_it_shares_with_those_it_was_edited_from(text, edits):
    """``shared_ends`` never claims more than two versions share (the parse starts its
    comparison there: a bound too long would hide an edit), and it answers for the last
    three versions an edit chain went through, the nearest exactly at the edit."""
    from resolint.textdiff import changed_ends, common_prefix, common_suffix

    versions = [SourceText(text)]
    for at, cut, put in edits:
        last = versions[-1]
        at = min(at, len(last.text))
        end = min(len(last.text), at + cut)
        versions.append(last.edited(at, end, put))
        new = versions[-1]
        assert new.shared_ends(last.text) == (at, len(last.text) - end)
        for back, older in enumerate(reversed(versions[:-1]), start=1):
            a, b = new.shared_ends(older.text)
            if back > 3 and all(o.text is not older.text for o in versions[-4:-1]):
                assert (a, b) == (0, 0)
            assert new.text[:a] == older.text[:a]
            assert b <= min(len(new.text), len(older.text)) and new.text[len(new.text) - b :] == older.text[len(older.text) - b :]
            full = common_prefix(older.text, new.text)
            want = (full, common_suffix(older.text, new.text, min(len(older.text), len(new.text)) - full))
            assert changed_ends(older.text, new.text, (a, b)) == want
    assert SourceText("abc").shared_ends("abc") == (0, 0)  # another text: nothing known


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
