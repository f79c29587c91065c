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


def test_no_renumbering_is_offered_past_the_numbers_a_label_holds():
    """A list of over 999 paragraphs cannot be renumbered: "1000." is no label, so the fix
    would turn the last paragraphs into text. It was offered, failed its check at every
    pass, and --fix --unsafe-fixes linted the draft thirteen times before giving up."""

    def numbered(count: int) -> str:  # ``count`` paragraphs numbered 1 to count + 1, 500 left out
        numbers = [n for n in range(1, count + 2) if n != 500]
        return "The General Assembly,\n\n" + "\n\n".join(f"{n}. Decides to act;" for n in numbers[:-1]) + f"\n\n{numbers[-1]}. Decides to act.\n"

    text = numbered(1000)
    breaks = [f for f in lint(text).findings if f.code == "OPR002"]
    assert breaks and all(f.fix is None for f in breaks)
    outcome = fix_text(text, _lint, unsafe=True)
    assert outcome.passes <= 1 and outcome.text == text
    assert any(f.fix is not None for f in lint(numbered(999)).findings if f.code == "OPR002")  # up to "999."


def test_renumbering_updates_references_to_moved_paragraphs():
    text = "The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report;\n\n4. Decides to review paragraph 3 above and paragraphs 3 and 4 of the present resolution.\n"
    fixed = fix_text(text, _lint, unsafe=True).text
    assert "2. Requests a report;" in fixed and "3. Decides to review paragraph 2 above and paragraphs 2 and 3 of the present resolution." in fixed


@pytest.mark.parametrize(
    ("reference", "renumbered"),
    [
        ("paragraph 3 (a) above", "paragraph 2 (a) above"),
        ("paragraph 3(b) above", "paragraph 2(b) above"),
        ("paragraph 3 (a) and (b) of the present resolution", "paragraph 2 (a) and (b) of the present resolution"),
        ("paragraphs 3 (ii) and 4 above", "paragraphs 2 (ii) and 3 above"),
        ("paragraph 3 (a) of resolution 79/1", "paragraph 3 (a) of resolution 79/1"),  # another text's paragraph
    ],
)
def test_renumbering_follows_references_that_name_subparagraphs(reference, renumbered):
    """"paragraph 3 (a) above" names paragraph 3: the renumbering left it while it
    renumbered "paragraph 3 above" in the same sentence."""
    text = f"The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report:\n\n(a) On costs;\n\n(b) On staff;\n\n4. Decides to review {reference}.\n"
    fixed = fix_text(text, _lint, unsafe=True).text
    assert f"3. Decides to review {renumbered}." in fixed


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


@pytest.mark.parametrize(
    ("paragraph", "fixed"),
    [
        # A comment prints nothing: the mark before it is the paragraph's.
        ("Noting the report, <!-- TODO: check the date -->", "Noting the report, <!-- TODO: check the date -->"),
        # A missing mark goes before the comment, not after it.
        ("Noting the report <!-- TODO -->", "Noting the report, <!-- TODO -->"),
        ("Noting the report <!-- one --> <!-- two -->", "Noting the report, <!-- one --> <!-- two -->"),
        # A directive that suppresses nothing goes with the space before it.
        ("Noting the report, <!-- resolint: ignore[OPR005] -->", "Noting the report,"),
        ("Noting the report <!-- resolint: ignore[OPR005] -->,", "Noting the report,"),
        ("Noting <!-- resolint: ignore[OPR005] --> the report,", "Noting the report,"),
    ],
)
def test_a_comment_at_a_paragraphs_end_is_read_through(paragraph, fixed):
    """The paragraph's final mark is read, and added, before comments at its end: a safe
    fix wrote "…report, <!-- TODO -->," and "…act; <!-- … --> ;"; removing an unused
    directive left a space before the comma."""
    text = f"The General Assembly,\n\n{paragraph}\n\n1. Decides to remain seized of the matter.\n"
    assert fix_text(text, lint).text == text.replace(paragraph, fixed)


@pytest.mark.parametrize("comment", ["<!-- to be agreed -->", "<!-- resolint: ignore[PRE002] -->"])
def test_a_label_with_only_a_comment_gets_no_mark(comment):
    """"2. <!-- … -->" has no sentence to end: the final-mark fix went before the comment,
    right after the label, and "2.;" is no label, so the paragraphs after it lost their
    places (the fuzzer saw a safe fix add an "unnumbered item" error)."""
    text = (
        "The General Assembly,\n\nRecalling its work,\n\n1. Decides to act;\n\n"
        f"2. {comment}\n\n3. Requests the Council to act.\n"
    )
    result = lint(text)
    assert [f.code for f in result.findings if f.code in ("OPR001", "OPR002", "OPR007")] == []
    assert "2.;" not in fix_text(text, lint).text


@pytest.mark.parametrize(
    ("paragraph", "fixed"),
    [
        # Negotiated text in brackets, with words in brackets inside it: the mark is read,
        # and added, inside the outer brackets.
        ("[Deeply concerned that [millions of] children are affected,]", None),
        ("[Deeply concerned that [millions of] children are affected]", "[Deeply concerned that [millions of] children are affected,]"),
        ("PP2 [Deeply concerned that children are affected,]", None),
        ("PP2 [Deeply concerned that [millions of] children are affected]", "PP2 [Deeply concerned that [millions of] children are affected,]"),
        # A label, then the bracket: the bracket is the paragraph's, not a note after a mark ("1." ends with one).
        ("1. [Decides to act]", "1. [Decides to act;]"),
        # A negotiator's note after the mark is not the paragraph's end.
        ("PP2bis [Deeply concerned that children are affected,] [Proposed: EU; opposed: Group X]", None),
        ("Deeply concerned that children are affected, [Agreed ad ref]", None),
        # The closing bracket on a line of its own: the mark goes before the line break.
        ("[Deeply concerned that children are affected\n]", "[Deeply concerned that children are affected,\n]"),
        ("[Deeply concerned that children are affected,\n]", None),
        # Brackets inside a paragraph that is not bracketed as a whole.
        ("Deeply concerned that [millions of] children are [affected]", "Deeply concerned that [millions of] children are [affected],"),
    ],
)
def test_negotiated_text_in_brackets_keeps_its_mark_inside(paragraph, fixed):
    """"PP2bis [Deeply concerned that [millions of] children …,] [Proposed: EU]": the
    mark inside the brackets was not read (a bracket inside them), nor the one before a
    negotiator's note, and the safe fix added another after the last bracket."""
    text = f"The General Assembly,\n\n{paragraph}\n\n1. Decides to remain seized of the matter.\n"
    assert fix_text(text, lint).text == text.replace(paragraph, fixed or paragraph)


def test_fixes_that_undo_each_other_end_at_the_text_and_count_they_started_from(tmp_path):
    """A house rule writing "member countries" and the style's term rule writing "Member
    States" turned the text round until the passes ran out: "Fixed 44 findings" for a
    file left as it was."""
    from resolint.config import load_settings

    (tmp_path / "resolint.toml").write_text(
        '[[custom-rules]]\ncode = "HSE001"\nmessage = "m"\npattern = ["Member States"]\nreplace = "member countries"\nfix = "unsafe"\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "resolint.toml")
    text = "The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Urges Member States to act;\n\n2. Invites member countries to report.\n"
    outcome = fix_text(text, lambda t: lint(t, settings), unsafe=True)
    assert outcome.text == text and outcome.applied == 0 and outcome.applied_codes == []
    assert outcome.passes < 5
    assert {f.code for f in outcome.result.findings} == {"HSE001", "TRM006"}


@pytest.mark.parametrize(("pattern", "replace"), [
    ("in order to", "in order to in order to"),  # doubles every pass
    ("ECOSOC", "Economic and Social Council (ECOSOC)"),  # the match kept in brackets
    ("Member States", "{match}, all {match}"),  # placeholders
    ("urges", "strongly urges"),  # the match at the end, at a paragraph's head (capitalized)
])
@pytest.mark.parametrize("unsafe", [False, True])
def test_a_fix_that_writes_its_own_finding_again_is_not_applied(tmp_path, pattern, replace, unsafe):
    """A house rule whose replacement holds its own match doubled its matches each pass:
    131,071 fixes and 1.5 MB written into one paragraph by --fix and the fix-all on save.
    The other fixes of the pass are still applied."""
    from resolint.config import load_settings

    (tmp_path / "resolint.toml").write_text(
        f'[[custom-rules]]\ncode = "HSE001"\nmessage = "m"\npattern = ["{pattern}"]\nreplace = "{replace}"\nfix = "safe"\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "resolint.toml")
    text = ("The General Assembly,\n\nRecalling its resolution 79/1;\n\n"
            "1. urges Member States and ECOSOC to act in order to help;\n\n2. Decides to remain seized of the matter.\n")
    outcome = fix_text(text, lambda t: lint(t, settings), unsafe=unsafe)
    assert "HSE001" not in outcome.applied_codes and outcome.passes < 10
    assert outcome.text.lower().count(pattern.lower()) == text.lower().count(pattern.lower())
    assert "79/1," in outcome.text  # the preambular mark, fixed in the same passes
    assert [f.code for f in outcome.result.findings].count("HSE001") == 1


@pytest.mark.parametrize("rules", [
    [("in order to", "so as to, so as to"), ("so as to", "in order to")],  # each writes the other's match, twice
    [("in order to", "so as to"), ("so as to", "in order, in order to")],
    [("in order to", "with a view to"), ("with a view", "so as"), ("so as to", "in order to help in order to")],
])
def test_fixes_that_write_each_others_findings_without_end_are_not_applied(tmp_path, rules):
    """Two house rules each writing the other's match grew the text in turns until the
    passes ran out (1,024 copies). Neither is applied; the other fixes are."""
    from resolint.config import load_settings

    toml = "".join(f'[[custom-rules]]\ncode = "HSE00{i}"\nmessage = "m"\npattern = ["{p}"]\nreplace = "{r}"\nfix = "safe"\n'
                   for i, (p, r) in enumerate(rules, 1))
    (tmp_path / "resolint.toml").write_text(toml, encoding="utf-8")
    settings = load_settings(tmp_path / "resolint.toml")
    text = ("The General Assembly,\n\nRecalling its resolution 79/1;\n\n"
            "1. Urges Member States to act in order to help;\n\n2. Decides to remain seized of the matter.\n")
    outcome = fix_text(text, lambda t: lint(t, settings), unsafe=True)
    assert not [c for c in outcome.applied_codes if c.startswith("HSE")]
    assert outcome.text == text.replace("79/1;", "79/1,")
    assert len(outcome.result.findings) == 1


def test_fixes_that_chain_through_the_same_rule_still_apply():
    """A renumbering that moves a number a second time writes another text: not refused."""
    text = "The General Assembly,\n\n1. Decides to act;\n\n3. Requests a report;\n\n5. Decides to remain seized.\n"
    outcome = fix_text(text, lint, unsafe=True)
    assert "2. Requests" in outcome.text and "3. Decides to remain" in outcome.text


@pytest.mark.parametrize("numbers", ["2. 2. ", "2. 3) ", "(2) 2. "])
def test_removing_a_preambular_number_removes_one_typed_again(numbers):
    """"2. 2. Recalling …,": the fix removed the first number and left the paragraph
    numbered, with its finding (found by a mutation search)."""
    text = f"The General Assembly,\n\n{numbers}Recalling its work,\n\n1. Decides to act.\n"
    (finding,) = [f for f in lint(text).findings if f.code == "PRE005"]
    fixed = apply_edits(text, finding.fix.edits)
    assert fixed == text.replace(numbers, "")
    assert "PRE005" not in {f.code for f in lint(fixed).findings}


def test_a_bullet_beside_another_paragraphs_line_is_removed_only_as_an_unsafe_fix():
    """A Markdown list of clauses typed line under line ("- *Recalling* …," / "- *Noting*
    …,") is one paragraph on screen once the bullets are gone: PRE005's removal is safe
    only where blank lines stand around the paragraph (found by the drafts probe)."""
    tight = "## The General Assembly,\n\n- *Recalling* its work,\n- *Noting* the report,\n\n1. *Decides* to act.\n"
    found = [f for f in lint(tight).findings if f.code == "PRE005"]
    assert len(found) == 2 and all(f.fix.applicability is Applicability.UNSAFE for f in found)
    assert fix_text(tight, lint).text == tight
    loose = tight.replace("work,\n- ", "work,\n\n- ")
    found = [f for f in lint(loose).findings if f.code == "PRE005"]
    assert len(found) == 2 and all(f.fix.applicability is Applicability.SAFE for f in found)
    assert fix_text(loose, lint).text == loose.replace("- *", "*")
