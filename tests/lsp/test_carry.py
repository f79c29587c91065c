"""Diagnostics of an older text carried to the current one (resolint.lsp.carry): each
kept one flags the same text, with the same character on each side, as when computed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from resolint.lsp.carry import carried, common_ends
from resolint.lsp.positions import LineIndex
from resolint.source import SourceText
from tests.lsp.helpers import offset_at, range_of

TEXT = "The General Assembly,\r\n\r\nRecalling 😀 its resolution;\n\n1. Urges 𝔸 States;\r2. Calling upon all;\n"


def diag(text: str, start: int, end: int, enc: str, fix: tuple[int, int] | None = None) -> types.Diagnostic:
    data = {"id": f"X-{start}"}
    if fix is not None:
        r = range_of(text, fix[0], fix[1], enc)
        data["fix"] = {"title": "t", "edits": [{"range": {"start": {"line": r.start.line, "character": r.start.character},
                                                          "end": {"line": r.end.line, "character": r.end.character}},
                                                "newText": "!"}]}
    return types.Diagnostic(range=range_of(text, start, end, enc), message=str(start), data=data)


def index(text: str, enc: str) -> LineIndex:
    return LineIndex(SourceText(text), enc)


def flagged(text: str, r: types.Range, enc: str) -> tuple[int, int]:
    return offset_at(text, r.start, enc), offset_at(text, r.end, enc)


def test_common_ends():
    assert common_ends("abcXdef", "abcYYdef") == (3, 3)
    assert common_ends("aaa", "aaaa") == (3, 0)
    assert common_ends("", "x") == (0, 0)
    assert common_ends("same", "same") == (4, 0)


def test_lines_typed_above_move_what_follows_and_a_touched_one_is_dropped():
    enc = "utf-16"
    new = "Draft\n\n" + TEXT.replace("Calling", "Calls")
    ds = [diag(TEXT, TEXT.index("😀"), TEXT.index("😀") + 1, enc), diag(TEXT, TEXT.index("Calling"), TEXT.index("Calling") + 7, enc),
          diag(TEXT, TEXT.index("Urges"), TEXT.index("Urges") + 5, enc, fix=(TEXT.index("𝔸"), TEXT.index("𝔸") + 1))]
    out = carried(index(TEXT, enc), index(new, enc), ds)
    # Two changes (top, "Calling") in one step: what lies between is dropped too.
    assert out == []
    step = "Draft\n\n" + TEXT
    out = carried(index(TEXT, enc), index(step, enc), ds)
    assert [new_text(step, d, enc) for d in out] == ["😀", "Calling", "Urges"]
    fix = out[2].data["fix"]["edits"][0]["range"]
    r = types.Range(types.Position(**fix["start"]), types.Position(**fix["end"]))
    assert new_text(step, types.Diagnostic(range=r, message=""), enc) == "𝔸"
    final = carried(index(step, enc), index(new, enc), out)
    assert [new_text(new, d, enc) for d in final] == ["😀", "Urges"]
    assert final[0] is out[0]  # before the change: the same object


def test_a_fix_that_cannot_move_is_left_out():
    enc = "utf-8"
    at = TEXT.index("Urges")
    d = diag(TEXT, at, at + 5, enc, fix=(TEXT.index("Calling"), TEXT.index("Calling") + 7))
    new = TEXT.replace("Calling", "Calls")
    (out,) = carried(index(TEXT, enc), index(new, enc), [d])
    assert out.range == d.range and out.data["fix"] is None and d.data["fix"] is not None


def new_text(text: str, d: types.Diagnostic, enc: str) -> str:
    a, b = flagged(text, d.range, enc)
    return text[a:b]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["utf-16", "utf-8", "utf-32"]),
    st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, 8)), min_size=1, max_size=6),
    st.integers(0, len(TEXT)), st.integers(0, 5), st.sampled_from(["", "\n", "\r", "\n\r\n", "😀", "x", "Recalling"]),
)
def test_a_kept_diagnostic_flags_the_same_text_with_the_same_neighbours(enc, spans, at, cut, insert):
    old = TEXT
    ds = []
    for start, length in spans:
        end = min(len(old), start + length)
        if old[start - 1 : start + 1] == "\r\n" or old[end - 1 : end + 1] == "\r\n":
            continue  # no place inside a line break
        ds.append(diag(old, start, end, enc))
    new = old[:at] + insert + old[at + cut :]
    for d in carried(index(old, enc), index(new, enc), ds):
        a, b = flagged(new, d.range, enc)
        oa, ob = int(d.message), int(d.message) + (b - a)
        assert new[a:b] == old[oa:ob]
        assert new[max(a - 1, 0) : a] == old[max(oa - 1, 0) : oa] and new[b : b + 1] == old[ob : ob + 1]
