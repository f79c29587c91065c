"""Fix properties over every fixture draft: edits sorted and non-overlapping; fixing
removes the fixed findings and adds no error; fixing twice equals fixing once."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from resolint.engine import lint
from resolint.fixes import apply_edits, fix_text
from resolint.rule import Applicability, Severity

DRAFTS = sorted((FIXTURES / "rules").glob("*.txt")) + [FIXTURES / "sample-draft.txt"]


def _lint(text):
    return lint(text)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_edits_are_sorted_non_overlapping_and_inside_the_text(path):
    text = path.read_text(encoding="utf-8")
    for f in lint(text).findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        if f.fix is None:
            continue
        spans = [e.span for e in f.fix.edits]
        assert spans == sorted(spans, key=lambda s: (s.start, s.end))
        for a, b in zip(spans, spans[1:], strict=False):
            assert a.end <= b.start
        for s in spans:
            assert 0 <= s.start <= s.end <= len(text)


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_fixing_reaches_a_fixed_point(path, unsafe):
    text = path.read_text(encoding="utf-8")
    before = lint(text)
    once = fix_text(text, _lint, unsafe=unsafe)
    twice = fix_text(once.text, _lint, unsafe=unsafe)
    assert twice.text == once.text, "fixing twice changed the text again"
    after = once.result
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    left = [f for f in after.findings if f.fix is not None and f.fix.applicability in allowed]
    assert not left, f"fixable findings remain after fixing: {[(f.code, f.message) for f in left]}"
    errors_before = {f.code for f in before.findings if f.severity is Severity.ERROR}
    new_errors = {f.code for f in after.findings if f.severity is Severity.ERROR} - errors_before
    assert not new_errors, f"fixing introduced errors {new_errors}"


def test_safe_fixes_of_the_sample_give_the_expected_text():
    text = (FIXTURES / "sample-draft.txt").read_text(encoding="utf-8")
    fixed = fix_text(text, _lint, unsafe=False).text
    assert "Deeply concerned by the growing trafficking in cultural property,\n" in fixed
    assert "5. Decides to remain seized of the matter.\n" in fixed
    # Unsafe fixes are not applied without --unsafe-fixes.
    assert "Recalls the importance" in fixed and "2. Calling upon" in fixed


def test_unsafe_renumbering_follows_internal_references():
    text = (FIXTURES / "sample-draft.txt").read_text(encoding="utf-8")
    fixed = fix_text(text, _lint, unsafe=True).text
    assert "3. Requests the Secretary-General" in fixed
    assert "4. Decides to remain seized of the matter." in fixed
    # Recalls -> Recalling, which then repeats the opener before it: "Recalling also".
    assert "Recalling also the importance of international cooperation" in fixed
    assert "2. Calls upon Member States" in fixed
    assert "implementation of paragraph 2 above" in fixed  # paragraph 2 kept its number


def test_renumbering_updates_references_to_moved_paragraphs():
    text = "The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report;\n\n4. Decides to review paragraph 3 above and paragraphs 3 and 4 of the present resolution.\n"
    fixed = fix_text(text, _lint, unsafe=True).text
    assert "2. Requests a report;" in fixed and "3. Decides to review paragraph 2 above and paragraphs 2 and 3 of the present resolution." in fixed


def test_text_outside_edits_is_unchanged_with_crlf():
    text = "The General Assembly,\r\n\r\nRecalling its resolution 74/1;\r\n\r\n1. Decides to act;\r\n"
    fixed = fix_text(text, _lint).text
    assert fixed == "The General Assembly,\r\n\r\nRecalling its resolution 74/1,\r\n\r\n1. Decides to act.\r\n"


def test_apply_edits_rejects_overlaps():
    from resolint.rule import Edit
    from resolint.source import Span

    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(Span(0, 3), "x"), Edit(Span(2, 4), "y")])


def test_renumbering_keeps_to_its_own_part():
    text = (
        "A\n\nThe General Assembly,\n\n1. Decides to act;\n\n3. Recalls paragraph 3 above.\n\n5th plenary meeting\n\n"
        "B\n\nThe General Assembly,\n\n1. Decides to act;\n\n2. Recalls paragraph 3 above;\n\n3. Decides to review.\n"
    )
    fixed = fix_text(text, _lint, unsafe=True).text
    first, second = fixed.split("5th plenary meeting")
    assert "2. Recalls paragraph 2 above." in first
    assert "2. Recalls paragraph 3 above;" in second  # part B's own numbering was right


@pytest.mark.parametrize("comment_at", ["end", "second part", "between"])
def test_renumbering_keeps_to_its_own_part_past_comments(comment_at):
    """A comment stands in no part of its own (the parser gives it part 0 wherever it
    is): it must not stretch the first part over the others' references."""
    note = "<!-- a drafting note -->\n\n"
    first = "The General Assembly,\n\n1. Decides to act;\n\n3. Recalls paragraph 3 above.\n\n"
    second = "The General Assembly,\n\n1. Decides to act;\n\n2. Recalls paragraph 3 above;\n\n" + (note if comment_at == "second part" else "") + "3. Decides to review.\n"
    text = first + (note if comment_at == "between" else "") + second + ("\n" + note if comment_at == "end" else "")
    fixed = fix_text(text, _lint, unsafe=True).text
    assert "2. Recalls paragraph 2 above." in fixed
    assert "2. Recalls paragraph 3 above;" in fixed  # the second part's own numbering was right


def _reference_part_bounds(res, part):
    """Each part's bounds as a pass over every paragraph finds them: the reference for
    ``part_bounds``, which reads only the paragraphs between the part's opening and the next."""
    from resolint.model import Kind

    spans = [q.span for q in res.paragraphs if q.part == part and q.kind not in (Kind.ANNEX, Kind.DIRECTIVE)]
    return (min(s.start for s in spans), max(s.end for s in spans)) if spans else None


def test_part_bounds_read_between_openings_are_those_of_every_paragraph():
    import random

    from resolint.parser import parse
    from resolint_rules.opr.operative_numbering_sequence import part_bounds

    pieces = [
        "The General Assembly,", "The Security Council,", "Recalling its resolutions,", "1. Decides to act;",
        "2. Recalls paragraph 1 above.", "Annex", "Text of the annex.", "<!-- a note -->", "Adopted at the 9th meeting",
        "RESOLUTION 4 (REV. DUBAI, 2018)\n\nSubject of it", "(a) on the measures;", "Draft resolution A/1",
    ]
    rnd = random.Random(5)
    for _ in range(300):
        res = parse("\n\n".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 25))))
        for part in range(max([p.part for p in res.paragraphs], default=0) + 2):
            assert part_bounds(res, part) == _reference_part_bounds(res, part)
