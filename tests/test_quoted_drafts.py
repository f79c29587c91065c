"""Drafts quoted line by line ("> The General Assembly,"): an e-mail reply, a Markdown
blockquote. Read without their quote markers, they have the findings of the same draft
unquoted, on the same lines; before, the whole draft was one title paragraph and the
report said "All checks passed"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from resolint.engine import Finding, lint
from resolint.fixes import fix_text
from resolint.parser import parse
from resolint.parser.quoting import QUOTE_MARKERS, covers_a_marker, unquoted
from resolint.quoteguard import guard_findings
from resolint.rule import Applicability, Edit, Fix, Severity
from resolint.source import Span

CORPUS = FIXTURES.parent.parent / "shared" / "corpus"
DRAFTS = sorted(p for p in (FIXTURES / "accuracy").glob("*.txt") if ">" not in p.read_text(encoding="utf-8"))


def quoted(text: str, marker: str = "> ") -> str:
    """``text`` as an e-mail reply quotes it: every line behind ``marker`` (a blank line
    behind the marker alone)."""
    return "".join(marker + line if line.strip() else marker.rstrip() + line for line in text.splitlines(True))


def seen(text: str) -> list[tuple[str, int, str]]:
    result = lint(text)
    return sorted((f.code, result.source.position(f.span.start).line, f.message) for f in result.findings)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("marker", ["> ", "> > ", ">"])
def test_a_quoted_draft_has_the_findings_of_the_draft(path: Path, marker: str):
    text = path.read_text(encoding="utf-8")
    assert seen(quoted(text, marker)) == seen(text)


def test_quoted_real_resolutions_have_their_findings():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here (a user's clone)")
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[::8]]
    differ = [i for i, t in enumerate(texts) if ">" not in t and seen(quoted(t)) != seen(t)]
    assert differ == []


def test_a_quoted_draft_was_read_as_one_title_paragraph_and_is_now_a_resolution():
    text = quoted("The General Assembly,\n\nRecalling its resolution 78/10;\n\n1. decides to act.\n")
    res = parse(text)
    assert [p.kind.name for p in res.paragraphs] == ["OPENING", "PREAMBLE", "OPERATIVE"]
    assert [f.code for f in lint(text).findings] == ["PRE004", "OPR006"]


def test_safe_fixes_keep_the_quote_markers():
    plain = "The General Assembly,\n\nRecalling its resolution 78/10;\n\n1. decides to act;\n\n2. Requests a report.\n"
    fixed = fix_text(quoted(plain), lambda t: lint(t), unsafe=False).text
    assert fixed == quoted(fix_text(plain, lambda t: lint(t), unsafe=False).text)
    assert "> Recalling its resolution 78/10,\n" in fixed and "> 1. Decides to act;\n" in fixed


def test_a_quotation_inside_a_draft_does_not_make_it_a_quoted_draft():
    """A Markdown draft quoting a passage keeps its blockquote: the opening is not quoted."""
    text = "The General Assembly,\n\nRecalling its resolution 78/10, which reads:\n\n> Decides to act.\n\n1. Decides to act again.\n"
    assert unquoted(text) is None
    assert parse(text).source.text == text


def test_the_markers_are_spaces_of_the_same_length():
    text = quoted("Title\n\nThe General Assembly,\n\n1. Decides to act.\n", "> > ")
    read = unquoted(text)
    spans = [m.span() for m in QUOTE_MARKERS.finditer(text)]
    assert len(read) == len(text) and ">" not in read
    assert [text[s:e] for s, e in spans] == ["> > ", "> >", "> > ", "> >", "> > "]
    assert all(text[i] == read[i] for i in range(len(text)) if not any(s <= i < e for s, e in spans))


@pytest.mark.parametrize(("start", "end", "covers"), [
    (3, 5, True),    # "a\n>": the next line's marker
    (2, 3, False),   # "a": the words after the marker
    (4, 4, False),   # an insertion before a marker replaces nothing
    (3, 4, False),   # the line break alone
    (1, 3, True),    # from inside this line's marker
    (0, 9, True),
])
def test_an_edit_covers_a_marker(start, end, covers):
    assert covers_a_marker("> a\n> b\n", start, end) is covers


def _finding(start: int, end: int) -> Finding:
    return Finding("OPR007", "operative-terminal-punctuation", Severity.WARNING, "m", Span(start, end),
                   Fix("t", Applicability.SAFE, [Edit(Span(start, end), "x")]))


def test_a_safe_fix_that_would_write_over_a_marker_is_made_unsafe():
    text = "> a\n> b\n"
    over, inside, insertion, line_end = _finding(3, 5), _finding(2, 3), _finding(4, 4), _finding(3, 4)
    guarded = guard_findings([over, inside, insertion, line_end], text)
    assert [f.fix.applicability for f in guarded] == [Applicability.UNSAFE, Applicability.SAFE, Applicability.SAFE, Applicability.SAFE]


def test_a_fix_across_a_quoted_line_break_is_offered_unsafe():
    """"Secretary" / "> General": the fix is worked out without the marker; applied
    safely it would take the marker with it, so it is offered for review instead."""
    plain = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Requests the Secretary\nGeneral to report.\n"
    (f,) = lint(plain).findings
    (g,) = lint(quoted(plain)).findings
    assert (f.code, f.fix.applicability) == ("TRM005", Applicability.SAFE)
    assert (g.code, g.fix.applicability) == ("TRM005", Applicability.UNSAFE)
