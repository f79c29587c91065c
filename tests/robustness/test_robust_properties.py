"""Property tests: on any draft and any text, linting and fixing keep their promises.

The properties themselves live in ``invariants.py`` (shared with the atheris fuzzer);
these tests feed them generated drafts (``drafts.py``), arbitrary text and arbitrary
bytes, and check the CLI's file path keeps every byte it does not edit.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from drafts import ROBUST, arbitrary_text, draft_bytes, drafts
from hypothesis import example, given
from hypothesis import strategies as st
from invariants import check_text, fix_and_check, kept_regions

from resolint.cli.files import DecodeError, decode, encode
from resolint.cli.main import main, style_from_prose
from resolint.engine import lint
from resolint.model import Kind
from resolint.settings import Settings

STYLES = st.sampled_from([None, "interpol", "un-ga", "un-sc", "mun", "itu"])


@ROBUST
@given(drafts(), STYLES)
def test_generated_drafts_keep_every_property(text, style):
    check_text(text, style=style)


@ROBUST
@given(arbitrary_text, STYLES)
@example("\r\n\r\n1.\r\n", None)
@example("The General Assembly,\r1. a\r\n(a)\u2028b", "un-ga")
def test_arbitrary_text_keeps_every_property(text, style):
    check_text(text, style=style)


@ROBUST
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_fail_clearly(data):
    try:
        doc = decode(data, "x.txt")
    except DecodeError as exc:
        assert "x.txt" in str(exc) and "offset" in str(exc)
        return
    assert encode(doc, doc.text) == data  # reading then writing unchanged is the identity
    check_text(doc.text)


def _utf8_offsets(text: str) -> list[int]:
    """Byte offset (in the encoded body) of every code-point offset of ``text``."""
    out = [0]
    for ch in text:
        out.append(out[-1] + len(ch.encode("utf-8")))
    return out


@ROBUST
@given(draft_bytes())
def test_fix_through_cli_keeps_bytes_outside_edits(pair):
    """``resolint check --fix`` on a file: BOM, encoding, and every unedited byte kept.

    The expected kept regions are computed from the fixes the engine reports; the file
    is written by the CLI's own fix loop and atomic writer. Comparing the two catches a
    writer that normalizes line endings, drops a BOM or re-encodes.
    """
    data, text = pair
    doc = decode(data, "d.res.txt")
    assert doc.text == text
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.res.txt"  # named as a draft: generated texts may lack an opening
        path.write_bytes(data)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(["check", "--fix", "--no-progress", str(path)])
        assert code in (0, 1)
        out = path.read_bytes()
        leftovers = [p.name for p in Path(tmp).iterdir() if p.name != "d.res.txt"]
        assert leftovers == []
    assert out.startswith(doc.bom)
    new = decode(out, "d.res.txt")
    assert new.encoding == doc.encoding and new.bom == doc.bom
    result = lint(text)
    if result.resolution.of_kind(Kind.UNPLACED) or style_from_prose(result, Settings(), None):
        assert out == data  # the CLI refuses to fix what it could not place, or under a style it guessed
        return
    trace = fix_and_check(text, lambda t: lint(t, path=str(path)))
    assert new.text == trace.text
    body_old = data[len(doc.bom) :]
    body_new = out[len(doc.bom) :]
    if doc.encoding == "utf-8":
        old_at, new_at = _utf8_offsets(text), _utf8_offsets(new.text)
        for fs, fe, os_ in kept_regions(text, trace):
            assert body_new[new_at[fs] : new_at[fe]] == body_old[old_at[os_] : old_at[os_ + fe - fs]]
    else:
        for fs, fe, os_ in kept_regions(text, trace):
            assert new.text[fs:fe] == text[os_ : os_ + fe - fs]


def _reference_select(findings, unsafe):
    """The fix selection as first written: every span against every span taken."""
    from resolint.fixes import _clash, allowed

    chosen, taken = [], []
    for f in sorted(findings, key=lambda f: f.fix.edits[0].span.start if f.fix and f.fix.edits else 0):
        if not allowed(f.fix, unsafe):
            continue
        spans = [e.span for e in f.fix.edits]
        if any(_clash(s, t) for s in spans for t in taken) or any(
            _clash(a, b) for k, a in enumerate(spans) for b in spans[k + 1 :]
        ):
            continue
        chosen.append(f)
        taken.extend(spans)
    return chosen


_spans = st.tuples(st.integers(0, 60), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1]))


@ROBUST
@given(st.lists(st.tuples(st.lists(_spans, min_size=1, max_size=3), st.booleans()), max_size=30), st.booleans())
def test_fix_selection_equals_pairwise_reference(specs, unsafe):
    """select_fixes (bisection over taken spans) chooses what the pairwise check chose."""
    from resolint.engine import Finding
    from resolint.fixes import select_fixes
    from resolint.rule import Edit, Fix, Severity
    from resolint.source import Span

    findings = []
    for k, (spans, safe) in enumerate(specs):
        edits = [Edit(Span(a, b), "x") for a, b in spans]
        fix = Fix.safe("t", *edits) if safe else Fix.unsafe("t", *edits)
        findings.append(Finding(f"T{k:03d}", "t", Severity.INFO, "m", Span(0, 0), fix))
    assert select_fixes(findings, unsafe) == _reference_select(findings, unsafe)


@ROBUST
@given(st.text(alphabet="ab\r\n\u2028", max_size=60))
def test_line_index_matches_a_reference_split(text):
    from resolint.source import SourceText

    starts, i = [0], 0
    while i < len(text):
        if text.startswith("\r\n", i):
            i += 2
        elif text[i] in "\r\n":
            i += 1
        else:
            i += 1
            continue
        starts.append(i)
    assert SourceText(text).line_starts == starts
