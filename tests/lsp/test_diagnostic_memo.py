"""Diagnostics reused between versions (:mod:`resolint.lsp.diagnostic_memo`) are the ones a
fresh conversion gives, edit after edit."""

from __future__ import annotations

import random

import pytest

from resolint.engine import lint
from resolint.lsp.diagnostic_memo import DiagnosticMemo
from resolint.lsp.diagnostics import finding_ids, result_id, to_diagnostic
from resolint.lsp.positions import LineIndex

#: An invented draft with a finding in nearly every paragraph (lower-case sub-paragraphs,
#: unlisted openers, missing marks), non-ASCII text and fixes.
_DRAFT = "\n\n".join(
    ["The General Assembly,", "Recalling its resolution 70/1 of 25 September 2015,", "Noting “the report” of the Secretary‑General"]
    + [
        f"{n}. Requests the Secretary-General to act as follows:\n\n(a) to report on item {n} é;\n\n(b) to consult 📄 States"
        for n in range(1, 9)
    ]
    + ["9. decides to remain seized of the matter"]
)

_INSERTS = ["x", "\n", "\r\n", "\n\n", "é", "📄", "1. ", ";", ""]


def _edit(text: str, rnd: random.Random) -> str:
    at = rnd.randrange(len(text) + 1)
    cut = rnd.choice([0, 0, 0, 1, 2, 5])
    return text[:at] + rnd.choice(_INSERTS) + text[at + cut :]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
def test_reused_diagnostics_are_a_fresh_conversion(newline, encoding):
    rnd = random.Random(f"{newline}{encoding}")
    text = _DRAFT.replace("\n", newline)
    memo = DiagnosticMemo()
    reused = same_objects = 0
    last: list = []
    for version in range(40):
        index = LineIndex(text, encoding)
        findings = lint(text).findings
        ids = finding_ids(findings, text)
        assert memo.ids(findings, text) == ids, f"version {version}"
        overrides = {"OPR": "hint"} if version % 7 == 6 else {}
        got = memo.convert(findings, ids, index, overrides, "")
        want = [to_diagnostic(f, i, index, overrides, "") for f, i in zip(findings, ids, strict=True)]
        assert got == want, f"version {version}"
        assert memo.result_id("style") == result_id(want, "style"), f"version {version}"
        reused += memo.reused
        same_objects += len({id(d) for d in got} & {id(d) for d in last})
        last = got
        text = _edit(text, rnd)
    assert reused > 100, "the memo reused next to nothing: the comparison proves little"
    assert same_objects > 100, "an unmoved finding's diagnostic is the last one's object"


def test_a_line_break_replaced_in_place_moves_the_lines_after_it():
    """Same length, same offsets after the edit, other lines: nothing after it is reused."""
    text = _DRAFT
    memo = DiagnosticMemo()
    findings = lint(text).findings
    memo.convert(findings, finding_ids(findings, text), LineIndex(text), {}, "")
    at = text.index("\n\n", len(text) // 2)
    edited = text[:at] + "x\n" + text[at + 2 :]  # one blank line fewer, same length
    index = LineIndex(edited)
    findings = lint(edited).findings
    ids = finding_ids(findings, edited)
    got = memo.convert(findings, ids, index, {}, "")
    assert got == [to_diagnostic(f, i, index, {}, "") for f, i in zip(findings, ids, strict=True)]


@pytest.mark.parametrize(
    ("old", "new", "span"),
    [
        ("abcdef\nghi", "ab\ndef\nghi", (1, 4)),  # a break put inside the finding: its end moves a line
        ("abcdef\nghi", "abcdef\nghi", (1, 4)),  # nothing changed: reused as is
        ("ab\r\ncd\nef", "ab\rXcd\nef", (5, 7)),  # a CRLF split behind the finding's line
        ("ab\ncdef", "abX\ncdef", (4, 6)),  # on the line after the edit: the same line
        ("ab\ncdef", "ab\n\ncdef", (4, 6)),  # a line inserted before it: one line further
    ],
)
def test_the_boundaries_of_what_an_edit_leaves_alone(old, new, span):
    """Hand-made findings at the edges: the part before the first changed character and
    the lines after the last one."""
    from resolint.engine import Finding
    from resolint.rule import Severity
    from resolint.source import Span

    memo = DiagnosticMemo()
    shift = len(new) - len(old)
    before = Finding("TST001", "test", Severity.WARNING, "m", Span(*span))
    memo.convert([before], ["a"], LineIndex(old), {}, "")
    for moved in (0, shift):
        after = Finding("TST001", "test", Severity.WARNING, "m", Span(span[0] + moved, span[1] + moved))
        index = LineIndex(new)
        assert memo.convert([after], ["a"], index, {}, "") == [to_diagnostic(after, "a", index, {}, "")]
        memo.convert([before], ["a"], LineIndex(old), {}, "")  # back to the old version
