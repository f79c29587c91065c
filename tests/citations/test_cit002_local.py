"""CIT002 reads one paragraph at a time, and the language server keeps its findings.

CIT002 once read the whole document's Council citations (and searched the whole text
for unbracketed and shared-year numbers) at every keystroke: in a compilation of Council
resolutions, every citation of every resolution was checked again after each edit.
It is a local rule now: what it finds in a paragraph comes from that paragraph, from
the document's organ and the way it breaks lines (its ``document_key``) and, outside a
Council text, from the organ the extraction gave each number of the Council's form (its
``paragraph_keys``). These tests count what an edit checks again, and show that the
findings after edits that change only those outside things are a full lint's.
"""

from __future__ import annotations

from types import SimpleNamespace

from resolint.engine import lint
from resolint.incremental import IncrementalLinter
from resolint.settings import Settings
from resolint_rules.cit import sc_resolution_year_mismatch as cit002

ONLY = Settings().with_overrides(select=("CIT002",))

RESOLUTION = """The Security Council,

Recalling its resolution 2178 (2017) and resolution 2231 (2015) of 20 July 2014,

Recalling also its resolution 2396 of 21 December 2016 and resolutions 2712, 2720 (2022),

1. Decides to remain seized of the matter.

"""


def _findings(result) -> list[tuple]:
    return [(f.code, f.message, f.span, f.severity) for f in result.findings]


def test_an_edit_checks_again_only_the_citations_of_its_paragraph(monkeypatch):
    text = RESOLUTION * 12
    checked = []
    real = cit002._year_check
    monkeypatch.setattr(cit002, "_year_check", lambda c, council: (checked.append(c.number), *real(c, council))[1:])
    linter = IncrementalLinter()
    first = linter.lint(text, ONLY)
    per_resolution = len(checked) // 12
    assert per_resolution >= 5 and len(first.findings) == 12 * 5  # 2178, 2231 twice, 2396, 2712
    checked.clear()
    at = text.rindex("Recalling also")
    edited = text[:at] + "Recalling further its resolution 2100 (2013),\n\n" + text[at:]
    result = linter.lint(edited, ONLY)
    assert checked == [2100]  # the new paragraph's only: the others' findings are kept
    assert _findings(result) == _findings(lint(edited, ONLY))


def _differ(steps: list[tuple[str, str]], draft: str) -> list[int]:
    """The steps after which the incremental findings are not a full lint's (in one house
    style: another style is another table of findings in the server's cache)."""
    linter, text, out = IncrementalLinter(), draft, []
    for i, (old, new) in enumerate([("", ""), *steps]):
        assert old in text
        text = text.replace(old, new, 1)
        if _findings(linter.lint(text, ONLY, style="mun")) != _findings(lint(text, ONLY, style="mun")):
            out.append(i)
    return out


def _distinct(steps: list[tuple[str, str]], draft: str) -> int:
    text, seen = draft, set()
    for old, new in steps:
        text = text.replace(old, new, 1)
        seen.add(tuple(_findings(lint(text, ONLY, style="mun"))))
    return len(seen)


#: The opening decides whether "its resolution 2396 of 2016" is the Council's, and whether
#: a number of the Council's form with an old year may be the Assembly's.
ORGAN_DRAFT = """The Security Council,

Recalling its resolution 2396 of 21 December 2016,

Recalling also resolution 1514 (1960),

1. Decides to remain seized of the matter.
"""
ORGAN_STEPS = [
    ("The Security Council,", "The General Assembly,"),
    ("The General Assembly,", "The Security Council,"),
]


def test_the_documents_organ_changes_the_findings_of_unedited_paragraphs():
    assert _distinct(ORGAN_STEPS, ORGAN_DRAFT) == 2
    assert _differ(ORGAN_STEPS, ORGAN_DRAFT) == []


def test_the_documents_organ_is_in_the_key_of_every_paragraph():
    """(The server's paragraph numbers also change with the opening here, so a key blind
    to the organ is not caught by the edits above: the rule names the organ itself.)"""
    keys = []
    for opening in ("The Security Council,", "The General Assembly,"):
        result = lint(ORGAN_DRAFT.replace("The Security Council,", opening), ONLY, style="mun")
        ctx = SimpleNamespace(facts=result.facts)  # (all the key reads of a rule's context)
        keys.append(cit002.ScResolutionYearMismatch().document_key(ctx))
    assert keys[0] != keys[1]


#: Outside a Council text, "Council resolution 1305 (2009)" is the Security Council's only
#: once that Council was named, paragraphs before.
NAMED_DRAFT = """The General Assembly,

Noting the work of the Security Council,

Recalling Council resolution 1305 (2013),

1. Decides to remain seized of the matter.
"""
NAMED_STEPS = [
    ("Noting the work of the Security Council,", "Noting the work of the Council,"),
    ("Noting the work of the Council,", "Noting the work of the Security Council,"),
]


def test_a_body_named_paragraphs_before_changes_the_findings_of_an_unedited_paragraph():
    assert _distinct(NAMED_STEPS, NAMED_DRAFT) == 2
    assert _differ(NAMED_STEPS, NAMED_DRAFT) == []


def test_a_cache_blind_to_the_organ_read_from_the_context_is_caught(monkeypatch):
    monkeypatch.setattr(cit002.ScResolutionYearMismatch, "paragraph_keys", lambda self, ctx: None)
    assert _differ(NAMED_STEPS, NAMED_DRAFT) != []


def test_a_whole_lint_takes_the_paragraphs_to_read_from_the_extractions_scan(monkeypatch):
    """Every word CIT002 looks for holds "esolution", which the extraction's scan of the
    whole text found: CIT002 makes no search of the whole text of its own."""
    from resolint.facts import Analysis

    asked = []
    real = Analysis.literals_starts
    monkeypatch.setattr(Analysis, "literals_starts", lambda self, literals: (asked.extend(literals), real(self, literals))[1])
    result = lint(RESOLUTION, ONLY)
    assert len(result.findings) == 5
    assert not {"its resolution", "resolutions"} & set(asked)


def test_the_paragraphs_the_extraction_says_hold_the_word_are_those_that_do():
    from resolint.citations import extract
    from resolint.parser import parse

    text = RESOLUTION + "2. Takes note of the Resolutions Committee;\n\n3. Notes the resolution;\n\n4. Decides to act.\n"
    res = parse(text)
    worded = extract(res).worded
    assert worded == {p.index for p in res.body if "esolution" in text[p.span.start : p.span.end]}


def test_without_the_extractions_scan_a_whole_lint_searches_and_finds_the_same(monkeypatch):
    from resolint.citations import CitationSet

    text = RESOLUTION + ORGAN_DRAFT.replace("The Security Council,\n\n", "") + NAMED_DRAFT
    with_scan = _findings(lint(text, ONLY))
    monkeypatch.setattr(CitationSet, "worded", property(lambda self: None, lambda self, v: None))
    assert _findings(lint(text, ONLY)) == with_scan and len(with_scan) >= 6


def test_a_paragraph_without_the_word_is_not_searched_for_the_words(monkeypatch):
    """The language server's first lint asks every paragraph: those without "esolution"
    (most) hold none of CIT002's words, each of which holds it."""
    from resolint.citations.local import WORD

    assert all(WORD in w for w in cit002._WORDS)
    searched = []
    real = cit002.paragraph_literals
    monkeypatch.setattr(cit002, "paragraph_literals", lambda ctx, p, words: (searched.append(p.index), real(ctx, p, words))[1])
    text = RESOLUTION.replace("1. Decides", "1. Welcomes the report;\n\n2. Notes the efforts;\n\n3. Decides")
    result = IncrementalLinter().lint(text, ONLY)
    assert len(result.findings) == 5
    assert len(searched) == 2  # the two paragraphs of "Recalling …"


def test_a_date_that_ends_its_paragraph_is_read_whatever_paragraph_follows():
    """Read no further than its paragraph, "… (2015) of 2014" at a paragraph's end is a
    date: the next paragraph's first word ("Decides") no longer stands for "of 2014
    World Summit …" (a year that begins a name), as it did when the text after the
    paragraph was read. The same with a comma, which never hid it."""
    for end in ("", ","):
        text = f"The Security Council,\n\nRecalling its resolution 2231 (2015) of 2014{end}\n\nDecides to remain seized of the matter.\n"
        found = [f.message for f in lint(text, ONLY).findings]
        assert len(found) == 1 and "dated 2014" in found[0], end
