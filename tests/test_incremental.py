"""Incremental linting gives exactly the findings of a full lint, edit after edit.

The language server lints each version of a document with the document's
:class:`~resolint.incremental.IncrementalLinter`, which reuses openers and the violations
of paragraph-local rules from earlier versions. These tests drive it through random edit
sequences over the project's own fixture drafts (every rule's fixtures, several house
styles) and compare every step with a fresh :func:`resolint.engine.lint`, and the LSP
diagnostics with a fresh conversion. A second test shows the comparison catches a rule
that claims to be paragraph-local but reads other paragraphs.
"""

from __future__ import annotations

import dataclasses
import importlib
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resolint import incremental
from resolint.citations.local import NOTHING
from resolint.engine import lint
from resolint.generations import MISSING
from resolint.incremental import IncrementalLinter, LintCache, shift_opener, shift_violation
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state
from resolint.model import Kind
from resolint.openers import Opener
from resolint.registry import all_rules
from resolint.rule import Edit, Fix, Rule, Violation
from resolint.settings import Settings
from resolint.source import Span
from resolint.textdiff import changed_ends, common_prefix, common_suffix

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [
    p.read_text(encoding="utf-8")
    for p in sorted(
        [
            *ROOT.glob("fixtures/rules/*.txt"), *ROOT.glob("fixtures/*.txt"), *ROOT.glob("fixtures/groups/*.txt"),
            *ROOT.glob("fixtures/accuracy/*.txt"), *ROOT.glob("fixtures/citations/*.txt"),
        ]
    )
]
OPENINGS = [
    "The General Assembly,",
    "The Security Council,",
    "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November 2027 at its 95th session:",
    "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),",
    "The Plenipotentiary Conference of the International Telecommunication\nUnion (Busan, 2014),",  # wrapped
    "The General Assembly Third Committee,",
    "THE GENERAL ASSEMBLY,",
]
WORDS = [
    "Recalling", "recalling also", "Requests", "requests", "Calls upon", "CALLS UPON", "Urging", "Decides", "Notes",
    "organise", "programme", "program", "resolution 78/10 of 21 November 2023", "Security Council resolution 2345 (2017)",
    "GA-2025-93-RES-03", "the 3th session", "2 bis.", "3 ter", "paragraph 2 bis below", "\u201cquoted organise\u201d", "(a)", "(i)", "1.", "2.", "7.", ";", ",", ".", ":",
    "Member States", "member countries", "Secretary General", "\u00e9t\u00e9", "\U0001d538", "*Recalling*", "\u2014",
    # Terminology (TRM010, TRM011): words a quotation or a title keeps, years run into words.
    "favor", "Favor", "co-operation", "computer program", '"the organise of"', "in2019", "2011and", "\u201c", '"',
    "United Nations Convention Against Corruption", "Convention on the Rights of a Child",
    # Names of organs in the wrong case (TRM018), also in a quotation and in a title.
    "Security council", "the general Assembly", "United nations", "\u201cEconomic and social Council\u201d", "Charter of the United nations",
]
DIRECTIVES = [
    "<!-- resolint: ignore[OPR004] -->",
    "<!-- resolint: disable TRM -->",
    "<!-- resolint: enable TRM -->",
    "<!-- resolint: disable -->",
    "<!-- resolint: enable -->",
    "<!-- resolint: file-ignore[CIT003] -->",
    "<!-- resolint: ignore[OPR999] -->",
    "<!-- resolint: nonsense -->",
    "<!-- resolint: ignore[OPR002] -- renumbered later -->",
]
#: Citations to type in (each kind the extractor reads, and what changes how others resolve:
#: a body named before "Council resolution", a convention before "the Convention").
CITES = [
    "resolution 71/19 of 21 November 2016", "Security Council resolution 2178 (2014)", "Council resolution 53/12",
    "Assembly resolution 70/1", "its resolution 74/247", "decision 3/4 of the Conference of the Parties",
    "Human Rights Council", "Security Council", "General Assembly", "A/RES/79/243", "AG-2001-RES-05",
    "GA-2025-93-RES-03", "article 5 of the Convention", "Article 41", "article 3", "the Convention",
    "the Convention on the Law of the Sea", "the United Nations Convention against Corruption",
    "Budapest Convention on Cybercrime", "UNCAC", "Charter of the United Nations", "paragraph 3 above",
    "subparagraph (b) above", "paragraph 2 of the present resolution", "24 December 2024", "December 24, 2024",
    "31 November 2016", "\u201cthe Convention on Cybercrime\u201d",
]
#: What the "uncite" edit deletes and the "year" edit changes.
CITATION = re.compile(
    r"(?:[Rr]esolutions?|[Dd]ecisions?|[Aa]rticles?|[Pp]aragraphs?) \(?[\d/A-Z.-]+\)?(?: \(\d{4}\))?"
    r"|\d{1,2} (?:January|March|May|June|September|November|December) \d{4}|[A-Z]/RES/[\d/]+|AG-\d{4}-RES-\d+"
)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
INSTRUMENT = re.compile(
    r"(?:the )?(?:United Nations Convention against (?:Corruption|Transnational Organized Crime|Cybercrime)"
    r"|Convention on (?:Cybercrime|the Rights of the Child)|Charter of the United Nations|UNCAC|UNTOC|Palermo Convention)"
)
BODY = re.compile(r"Human Rights Council|Security Council|General Assembly|Economic and Social Council")
OPENING_LINE = re.compile(r"^(?:The|THE) [^\n]*(?:Assembly|Council|Conference|Committee|ASSEMBLY|COUNCIL)[^\n]*[,:]$", re.MULTILINE)
CHARS = list("ab .,;:\n") + ["\n\n", "x", "1", "(", ")", "\u00e9", "-"]


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of text between blank lines."""
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        out.append((pos, pos + len(chunk)))
        pos += len(chunk) + 2
    return out


def apply_edit(text: str, edit: tuple[str, float, int, int]) -> str:
    """One edit of the kind an editor session makes (see EDITS)."""
    kind, where, pick, size = edit
    at = int(where * len(text))
    paras = _paragraph_bounds(text)
    a, b = paras[min(len(paras) - 1, int(where * len(paras)))]
    if kind == "type":
        return text[:at] + CHARS[pick % len(CHARS)] + text[at:]
    if kind == "delete":
        return text[:at] + text[at + size :]
    if kind == "word":
        return text[:at] + " " + WORDS[pick % len(WORDS)] + " " + text[at:]
    if kind == "paragraph-delete":
        return text[:a] + text[min(len(text), b + 2) :]
    if kind == "paragraph-copy":
        return text[:b] + "\n\n" + text[a:b] + text[b:]
    if kind == "paragraph-join":
        return text[:b] + " " + text[b + 2 :] if b + 2 <= len(text) else text
    if kind == "renumber":
        body = text[a:b]
        head = body.lstrip("- ")
        digits = len(head) - len(head.lstrip("0123456789"))
        if digits:
            cut = a + (len(body) - len(head))
            return text[:cut] + str(pick % 12) + text[cut + digits :]
        return text[:a] + f"{pick % 12}. " + text[a:]
    if kind == "directive":
        return text[:a] + DIRECTIVES[pick % len(DIRECTIVES)] + ("\n" if size % 2 else "\n\n") + text[a:]
    if kind == "new-part":  # an opening before a paragraph: every later paragraph's part moves
        return text[:a] + OPENINGS[pick % len(OPENINGS)] + "\n\n" + text[a:]
    if kind == "opening":
        m = OPENING_LINE.search(text)
        if m:
            return text[: m.start()] + OPENINGS[pick % len(OPENINGS)] + text[m.end() :]
        return OPENINGS[pick % len(OPENINGS)] + "\n\n" + text
    if kind in ("cite", "uncite", "year", "first-mention", "body"):
        return _citation_edit(text, edit, at)
    if kind == "start":
        return WORDS[pick % len(WORDS)] + "\n\n" + text if size % 2 else text[size:]
    if kind == "end":
        return text + "\n\n" + WORDS[pick % len(WORDS)] if size % 2 else text[: max(0, len(text) - size)]
    raise AssertionError(kind)


def _citation_edit(text: str, edit: tuple[str, float, int, int], at: int) -> str:
    """Edits that change what the text cites: type a citation in, delete one, change a
    year, move an instrument's first mention to another paragraph, name another body."""
    kind, _where, pick, size = edit
    if kind == "cite":
        return text[:at] + " " + CITES[pick % len(CITES)] + " " + text[at:]
    pattern = {"uncite": CITATION, "year": YEAR, "first-mention": INSTRUMENT, "body": BODY}[kind]
    found = list(pattern.finditer(text))
    if not found:
        return text[:at] + " " + CITES[pick % len(CITES)] + " " + text[at:]
    m = found[0] if kind == "first-mention" else found[pick % len(found)]
    if kind == "year":
        new = str(int(m.group(0)) + size - 20)
    elif kind == "body":
        names = ["Human Rights Council", "Security Council", "General Assembly", "Economic and Social Council"]
        new = names[(names.index(m.group(0)) + 1 + size) % len(names)]
    else:
        new = ""
    out = text[: m.start()] + new + text[m.end() :]
    if kind == "first-mention":  # to the start of a paragraph, before or after
        a = _paragraph_bounds(out)[size % len(_paragraph_bounds(out))][0]
        out = out[:a] + m.group(0) + " " + out[a:]
    return out


EDIT_KINDS = [
    "type", "delete", "word", "paragraph-delete", "paragraph-copy", "paragraph-join", "renumber", "directive", "opening",
    "start", "end", "cite", "uncite", "year", "first-mention", "body", "new-part",
]
EDITS = st.tuples(st.sampled_from(EDIT_KINDS), st.floats(0, 1), st.integers(0, 1000), st.integers(0, 40))
CONFIGS = [(Settings(), None), (Settings(), "interpol"), (Settings().with_overrides(style="un-sc"), None)]


def _findings(result) -> list[tuple]:
    return [(f.code, f.name, f.severity, f.message, f.span, f.fix) for f in result.findings]


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.sampled_from(range(len(CONFIGS))), st.lists(EDITS, min_size=1, max_size=10))
def test_incremental_lint_equals_full_lint_after_every_edit(seed, config, edits):
    settings_, style = CONFIGS[config]
    linter = IncrementalLinter()
    text = seed
    for edit in [None, *edits]:
        if edit is not None:
            text = apply_edit(text, edit)
        got = linter.lint(text, settings_, style=style)
        assert _findings(got) == _findings(lint(text, settings_, style=style)), edit


class _Stopped(BaseException):
    """A lint stopped half-way, as the server stops one (:class:`~resolint.lsp.interrupt.LintInterrupted`
    in its thread: a BaseException, which the engine does not take for a broken rule)."""


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.lists(st.tuples(EDITS, st.integers(0, 30), EDITS), min_size=1, max_size=5))
def test_a_lint_stopped_half_way_leaves_nothing_wrong_for_the_next(seed, steps):
    """Some local rules ran on the stopped version, the others last ran on the one before:
    the next lint compares each rule's keys with its own last run (rules that read the same
    paragraphs share one comparison only when their last runs were the same too)."""
    linter, plain = IncrementalLinter(), Settings()
    text = seed
    linter.lint(text, plain)
    real = LintCache.local_violations
    for edit, stop_after, then in steps:
        text = apply_edit(text, edit)
        calls = 0

        def stopping(self, rule, ctx, _stop=stop_after):
            nonlocal calls
            calls += 1
            if calls > _stop:
                raise _Stopped
            return real(self, rule, ctx)

        LintCache.local_violations = stopping  # type: ignore[method-assign]
        try:
            linter.lint(text, plain)
        except _Stopped:
            pass
        finally:
            LintCache.local_violations = real  # type: ignore[method-assign]
        text = apply_edit(text, then)
        assert _findings(linter.lint(text, plain)) == _findings(lint(text, plain)), (edit, then)


#: Compilations: several drafts one after the other, each opening a resolution of its own.
COMPILATIONS = st.lists(st.sampled_from(SEEDS), min_size=2, max_size=4).map(
    lambda drafts: "\n\n".join(d if OPENING_LINE.search(d) else f"{OPENINGS[0]}\n\n{d}" for d in drafts)
)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(COMPILATIONS, st.sampled_from(range(len(CONFIGS))), st.lists(EDITS, min_size=1, max_size=8))
def test_incremental_lint_of_a_compilation_equals_full_lint(text, config, edits):
    """The resolutions before an edit keep their paragraphs (the parse) and the findings
    of the rules over whole lists (kept_in_unedited_part): the same findings as a full lint."""
    settings_, style = CONFIGS[config]
    linter = IncrementalLinter()
    for edit in [None, *edits]:
        if edit is not None:
            text = apply_edit(text, edit)
        got = linter.lint(text, settings_, style=style)
        assert _findings(got) == _findings(lint(text, settings_, style=style)), edit


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(COMPILATIONS, st.lists(EDITS, min_size=1, max_size=8))
def test_incremental_lint_of_a_crlf_compilation_equals_full_lint(text, edits):
    """The same with CRLF line ends (a draft saved on Windows): each edit's line breaks
    are made CRLF too, so the lines around it and every offset after it count two
    characters a break, as the moved paragraphs, placements and findings must."""
    linter, plain = IncrementalLinter(), Settings()
    text = _crlf(text)
    for edit in [None, *edits]:
        if edit is not None:
            text = _crlf(apply_edit(text, edit))
        assert _findings(linter.lint(text, plain)) == _findings(lint(text, plain)), edit


def _typed_near_the_end(text: str, times: int, back: int):
    """``text`` after each of ``times`` keystrokes ``back`` characters before its end (in
    the last resolution of a compilation)."""
    for _ in range(times):
        at = len(text) - back
        text = text[:at] + "x" + text[at:]
        yield text


def _citations(result) -> list[tuple]:
    return [(type(c).__name__, c.span, c.describe()) for c in result.facts.citations]


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(COMPILATIONS, st.lists(EDITS, min_size=1, max_size=8))
def test_the_citation_walk_taken_up_after_kept_resolutions_is_a_full_extraction(text, edits):
    """The walk starts after the resolutions the parse kept, from the last walk's state
    there (resolint.citations.resume): every citation, its organ, instrument and target
    are a full extraction's."""
    linter, settings_ = IncrementalLinter(), Settings()
    for edit in [None, *edits]:
        if edit is not None:
            text = apply_edit(text, edit)
        assert _citations(linter.lint(text, settings_)) == _citations(lint(text, settings_)), edit


def test_typing_in_the_last_resolution_walks_only_its_citations(monkeypatch):
    """Keystrokes in the last resolution: the citation walk starts at it (fails if the
    walk is not taken up), and "paragraph 2 (b) above" in an earlier resolution, whose
    target is looked for after it, is resolved again."""
    resume_module = importlib.import_module("resolint.citations.resume")  # (extract imports it where it resumes)
    starts = []
    real = resume_module.resume
    monkeypatch.setattr(resume_module, "resume", lambda *a: starts.append((got := real(*a)).start) or got)
    one = (
        "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015 and Security Council resolution 2178 (2014),"
        "\n\nNoting article 5 of the Convention on the Rights of the Child,\n\nBearing in mind its earlier work,"
        "\n\nWelcoming the report of the Secretary-General,\n\n1. Decides to act;\n\n"
        "2. Requests a report on paragraph 1 above and on paragraph 2 (b) above;"
    )
    compilation = "\n\n".join([one] * 3)
    linter, settings_ = IncrementalLinter(), Settings()
    linter.lint(compilation, settings_)
    for text in _typed_near_the_end(compilation, 4, 5):
        got = linter.lint(text, settings_)
        assert _citations(got) == _citations(lint(text, settings_))
    assert starts[-1] == got.resolution.openings[-1].index + 1
    # "paragraph 2 (b)" is looked for after paragraph 2 until the next operative paragraph:
    # past the kept resolutions, into the preamble of the one edited. Worked out again.
    at = text.rindex("1. Decides")
    text = text[:at] + "(b) the follow-up,\n\n" + text[at:]
    got = linter.lint(text, settings_)
    assert starts[-1] == got.resolution.openings[-1].index + 1  # the second resolution kept
    assert _citations(got) == _citations(lint(text, settings_))
    second = got.resolution.openings[1].index
    targets = [c.target for c in got.facts.citations if type(c).__name__ == "InternalReference" and c.sub == "b"
               and second < c.paragraph.index < got.resolution.openings[-1].index]
    assert targets and targets[0] is not None and targets[0].index > got.resolution.openings[-1].index


def test_the_walk_taken_up_carries_what_crosses_resolutions():
    """What the walk settled in the resolutions the parse kept reaches the one edited: the
    date of adoption on the first one's closing line (CIT004 compares citations with it),
    the convention the text names most ("the Convention" far from any), the council named
    before a bare "Council resolution". Typing in the last resolution gives a full lint's
    findings and citations; each of the three fails if the walk does not carry it over."""
    first = (
        "The General Assembly,\n\nRecalling the Convention on the Rights of the Child and the Convention on the Rights "
        "of the Child,\n\nNoting the work of the Human Rights Council,\n\n1. Decides to act.\n\n"
        "38th plenary meeting\n21 November 2023"
    )
    other = (
        "The General Assembly,\n\nRecalling its resolution 79/136 of 6 December 2024 and Council resolution 53/12,"
        "\n\nNoting that the Convention applies,\n\nBearing in mind article 5 of the Convention,\n\n1. Decides to act."
    )
    compilation = "\n\n".join([first, other, other])
    linter, settings_ = IncrementalLinter(), Settings()
    linter.lint(compilation, settings_)
    for text in _typed_near_the_end(compilation, 4, 3):
        got = linter.lint(text, settings_)
        full = lint(text, settings_)
        assert _findings(got) == _findings(full)
        assert _citations(got) == _citations(full)
    last = got.resolution.openings[-1].index
    cited = [c for c in got.facts.citations if getattr(c, "paragraph", None) is not None and c.paragraph.index > last]
    assert any(f.code == "CIT004" and f.span.start > got.resolution.openings[-1].span.start for f in got.findings)
    assert any(type(c).__name__ == "ArticleCitation" and c.instrument is not None for c in cited)
    assert any(type(c).__name__ == "ResolutionCitation" and c.organ.name == "HRC" for c in cited)


#: Four resolutions, each with findings of the five rules that keep them per resolution
#: (an unnumbered paragraph, missing marks, a skipped number, "4)").
FOUR_WITH_FINDINGS = "\n\n".join([
    "The General Assembly,\n\nRecalling its resolution 70/1,\n\nNoting the report\n\n1. Decides to act\n\nRequests a report;\n\n"
    "4) Invites States to act;\n\n5. Decides to remain seized of the matter;"
] * 4)


def test_typing_in_the_last_resolution_keeps_the_findings_of_the_others():
    """Keystrokes in the last resolution of a compilation: the lists and preambles of the
    others keep their findings (unnumbered paragraphs, marks, numbering) from the lint before, and
    the findings are a full lint's. Fails if nothing is kept."""
    compilation = FOUR_WITH_FINDINGS
    linter, settings_ = IncrementalLinter(), Settings()
    linter.lint(compilation, settings_)
    for text in _typed_near_the_end(compilation, 6, 12):
        got = linter.lint(text, settings_)
        assert _findings(got) == _findings(lint(text, settings_))
    codes = {f.code for f in got.findings}
    assert {"OPR001", "OPR002", "OPR003", "OPR007", "PRE004"} <= codes  # the rules that keep them have findings here
    assert linter.cache.earlier_parts_reused >= 6 * 5 * 3  # per keystroke: 5 rules, 3 earlier resolutions


def test_typing_in_the_first_resolution_moves_the_findings_of_the_others():
    """Keystrokes (and a line typed) in the first resolution of a compilation: the lists and
    preambles of the later ones keep the last lint's findings, moved with their text, and
    the findings are a full lint's. A resolution whose text changed too is checked again.
    Fails if nothing is moved."""
    text = FOUR_WITH_FINDINGS
    linter, settings_ = IncrementalLinter(), Settings()
    linter.lint(text, settings_)
    at = text.index("Decides to act") + 3  # in the first resolution
    for step, insert in enumerate(["x", "y", "\n\n2. Decides to add;", "z", "\n", "w"]):
        text = text[:at] + insert + text[at:]
        got = linter.lint(text, settings_)
        assert _findings(got) == _findings(lint(text, settings_)), step
    assert linter.cache.later_parts_reused >= 6 * 5 * 3  # per keystroke: 5 rules, 3 later resolutions
    assert linter.cache.numbers_moved >= 3 * 7  # their paragraphs' numbers too (keys not built again)
    # One change from the first resolution into the third that leaves every paragraph's
    # text as it was but a blank line more in the third: its findings after that line
    # move one further than the rest; it is checked again, not moved.
    third = text.index("4) Invites", text.index("The General Assembly", text.index("The General Assembly", 1) + 1))
    text = text[:at] + "v" + text[at:third] + "\n" + text[third:]
    assert _findings(linter.lint(text, settings_)) == _findings(lint(text, settings_))


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.lists(EDITS, min_size=1, max_size=5), st.sampled_from(["utf-16", "utf-8"]))
def test_incremental_diagnostics_equal_a_fresh_conversion(seed, edits, encoding):
    project, editor = ProjectSettings(Settings(), None), EditorSettings()
    linter = IncrementalLinter()
    text = seed
    for version, edit in enumerate([None, *edits], start=1):
        if edit is not None:
            text = apply_edit(text, edit)
        got = build_state("file:///d.txt", version, text, None, project, editor, None, encoding, linter)
        fresh = build_state("file:///d.txt", version, text, None, project, editor, None, encoding)
        assert got.diagnostics == fresh.diagnostics
        assert got.ids == fresh.ids and got.result_id == fresh.result_id



def test_diagnostics_of_a_compilation_equal_a_fresh_conversion_after_edits():
    """Edits at random places of a compilation (parts kept before the edit, moved after
    it and made anew around it; lists after a colon; the document's symbol): the
    diagnostics sent, their ids and the report id are a fresh conversion's of a full lint."""
    one = CITATION_DRAFT + "\n4. Urges States to act:\n\n- sharing data;\n\n\u2022 training staff;\n\n5. Decides to act.\n"
    text = "\n\n".join([one] * 3)
    project, editor = ProjectSettings(Settings(), None), EditorSettings()
    linter = IncrementalLinter()
    rnd = random.Random(7)
    for version in range(1, 9):
        if version > 1:
            at = rnd.randrange(len(text))
            text = text[:at] + rnd.choice(["x", "\n", ":", "; ", "\n\n- a", "\u00ad"]) + text[at:]
        got = build_state("file:///c.txt", version, text, None, project, editor, None, "utf-16", linter)
        fresh = build_state("file:///c.txt", version, text, None, project, editor, None, "utf-16")
        assert got.diagnostics == fresh.diagnostics
        assert got.ids == fresh.ids and got.result_id == fresh.result_id


# -- citations ----------------------------------------------------------------------------
#: A draft whose citations resolve across paragraphs: "Council resolution" after a council
#: named before it, "its resolution" of the document's organ, an article whose instrument
#: is named in the previous paragraph or is "the Convention", "paragraph 1 above".
CITATION_DRAFT = """A/RES/79/200

The General Assembly,

Recalling Security Council resolution 2170 (2014),

Recalling also Council resolution 2178 (2009) and its resolution 78/10 of 21 November 2019,

Recalling further its resolution 2249 (2010),

Noting the United Nations Convention against Corruption,

Stressing that article 60 applies,

Noting also article 60 of the Convention,

1. Decides that the Convention on Cybercrime is open, in accordance with article 3;

2. Requests the Secretary-General to report on paragraph 1 above;

3. Decides to remain seized of the matter.
"""
#: Edits, one after the other, each changing what a paragraph it does not touch cites.
CITATION_STEPS = [
    ("Recalling Security Council resolution", "Recalling Human Rights Council resolution"),  # the council named before
    ("Recalling Human Rights Council resolution", "Recalling Security Council resolution"),
    ("The General Assembly,", "The Security Council,"),  # the document's organ ("its resolution")
    ("The Security Council,", "The General Assembly,"),
    ("Noting the United Nations Convention against Corruption", "Noting the Convention on the Rights of the Child"),
    ("2178 (2009)", "2178 (2014)"),  # a year
    ("The General Assembly,\n\n", "The General Assembly,\n\nRecalling the Convention against Corruption,\n\n"),
    ("Noting the Convention on the Rights of the Child,\n\n", ""),  # first mention now the one above
    ("1. Decides that", "4. Decides that"),  # the target of "paragraph 1 above"
    (" and its resolution 78/10 of 21 November 2019", ""),
    ("Stressing that article 60 applies,", "Stressing that article 60 of the Convention applies,"),
]


def _steps_differ(draft: str, steps: list[tuple[str, str]]) -> list[int]:
    """The ``steps`` (replacements made one after the other in ``draft``) after which
    incremental findings differ from a full lint."""
    settings_, linter, text, out = Settings(), IncrementalLinter(), draft, []
    for i, (old, new) in enumerate([("", ""), *steps]):
        assert old in text
        text = text.replace(old, new, 1)
        if _findings(linter.lint(text, settings_)) != _findings(lint(text, settings_)):
            out.append(i)
    return out


def _citation_steps_differ() -> list[int]:
    return _steps_differ(CITATION_DRAFT, CITATION_STEPS)


def _distinct_findings(draft: str, steps: list[tuple[str, str]], code: str = "") -> int:
    """How many different sets of findings (of ``code``'s rule, or all) a full lint gives
    after each of ``steps``: the steps must change them, or they test nothing."""
    text, seen = draft, set()
    for old, new in steps:
        text = text.replace(old, new, 1)
        seen.add(tuple(f for f in _findings(lint(text, Settings())) if f[0].startswith(code)))
    return len(seen)


def test_citation_edits_relint_like_a_full_lint():
    assert _citation_steps_differ() == []
    assert _distinct_findings(CITATION_DRAFT, CITATION_STEPS) >= 6


class _ForgetsWhatWasNamedBefore(LintCache):
    """Keeps a paragraph's citations even when the bodies named before it changed."""

    def paragraph_facts(self, keys):
        kept = super().paragraph_facts(keys)
        # A kept reading that says it holds whatever was named before it.
        return [k if k is MISSING or k is NOTHING else k._replace(named=None) for k in kept]


class _IgnoresTheDocument(LintCache):
    """Keeps a paragraph's citations whatever the document's organ and terms."""

    def paragraph_facts(self, keys):
        return super().paragraph_facts([(k[0], None) for k in keys])

    def keep_paragraph_fact(self, key, fact):
        return super().keep_paragraph_fact((key[0], None), fact)


@pytest.mark.parametrize("broken", [_ForgetsWhatWasNamedBefore, _IgnoresTheDocument], ids=lambda c: c.__name__)
def test_citation_edits_catch_a_cache_that_keeps_too_much(monkeypatch, broken):
    monkeypatch.setattr(incremental, "LintCache", broken)
    assert _citation_steps_differ() != []


#: Names close to an instrument's title (TRM001's near misses), for edits at their head words.
NEAR_MISS_DRAFT = """The General Assembly,

Recalling the UN Convention against Corruption,

Noting the Convention on the Rights of a Child and the Charter of the UN,

1. Calls upon States to ratify the United Nations Convention against Corruption;

2. Decides to remain seized of the matter.
"""
#: Each step types into, next to or over a head word ("Convention", "Charter"), where the
#: search for head words is redone only around the edit.
NEAR_MISS_STEPS = [
    ("the UN Convention against", "the UN Conv ention against"),  # a head word broken
    ("the UN Conv ention against", "the UN Convention against"),  # and typed back
    ("Charter of the UN", "CHARTER of the UN"),  # the same head in capitals
    ("Noting the Convention", "Noting theConvention"),  # the edit ends where a head word starts
    ("Recalling the UN Convention", "Recalling the UN Covenant"),  # another head word over it
    ("1. Calls upon", "1. Welcoming the Convention on the Rights of a Child, calls upon"),
    ("Recalling the UN Covenant against Corruption,\n\n", ""),
    ("a Child and", "the Child and"),
]


class _SearchesOnce(LintCache):
    """Answers where a pattern matches from the first text it was asked about."""

    def pattern_spans(self, text, pattern, width):
        first = self.__dict__.setdefault("_first", {})
        if pattern not in first:
            first[pattern] = super().pattern_spans(text, pattern, width)
        return first[pattern]


def test_near_miss_edits_relint_like_a_full_lint():
    assert _steps_differ(NEAR_MISS_DRAFT, NEAR_MISS_STEPS) == []
    assert _distinct_findings(NEAR_MISS_DRAFT, NEAR_MISS_STEPS, "TRM001") >= 5


def test_near_miss_edits_catch_a_search_that_is_not_redone(monkeypatch):
    monkeypatch.setattr(incremental, "LintCache", _SearchesOnce)
    assert _steps_differ(NEAR_MISS_DRAFT, NEAR_MISS_STEPS) != []


def test_citations_are_read_again_only_where_the_text_changed(monkeypatch):
    """What a paragraph cites depends on its text, not on where the parse placed it: an
    edit that ends a list item ("c)" no longer a label) changes the list's opener and the
    item before it (their children, their place), not their words. Numbered by place,
    their citations were read again."""
    extract_module = importlib.import_module("resolint.citations.extract")
    read = []
    real = extract_module._Reader._read
    monkeypatch.setattr(extract_module._Reader, "_read", lambda self, p, *a: read.append(p.index) or real(self, p, *a))
    items = "\n\n".join(f"{chr(97 + i)}) that resolution {i + 10} (Rev. Dubai, 2018) applies;" for i in range(6))
    text = f"The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\nrecalling\n\n{items}\n\nresolves\n\n1 to act.\n"
    linter, settings_ = IncrementalLinter(), Settings()
    linter.lint(text, settings_)
    read.clear()
    edited = text.replace("c) that", "xc) that", 1)
    got = linter.lint(edited, settings_)
    assert _findings(got) == _findings(lint(edited, settings_))
    assert read == [got.facts.paragraph_at(edited.index("xc) that")).index]


def test_kept_paragraphs_keep_their_numbers_through_later_edits_above():
    """In a compilation the parse keeps the resolutions before an edit (the same objects)
    and their numbers are not worked out again. Typing in the last resolution for a while,
    then above: the resolutions between keep their numbers, so the caches keyed by them
    (local rules, citations) still hold. Fails if the kept numbers are left to age out."""
    one = "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n\n" + "\n\n".join(
        f"{i}. Decides to act on matter {i};" for i in range(1, 6)
    )
    text = "\n\n".join([one] * 4)
    linter, settings_ = IncrementalLinter(), Settings()
    linter.lint(text, settings_)
    for k in range(4):  # keystrokes in the last resolution
        at = text.rindex("matter 3")
        text = text[:at] + "xyzw"[k] + text[at:]
        got = linter.lint(text, settings_)
    third = got.resolution.openings[2].index
    fourth = got.resolution.openings[3].index
    before = got.facts.paragraph_numbers()[third:fourth]
    at = text.index("matter 2")  # a keystroke in the first resolution
    text = text[:at] + "x" + text[at:]
    got = linter.lint(text, settings_)
    assert _findings(got) == _findings(lint(text, settings_))
    assert got.facts.paragraph_numbers()[third:fourth] == before


def test_near_misses_are_scored_again_only_in_the_edited_paragraph(monkeypatch):
    """TRM001 compares every head word's windows with the registered names; after an edit
    the ranges whose paragraph and recognized names are as before keep their results."""
    from resolint.citations import nearmiss

    scored = []
    real = nearmiss._best_window
    monkeypatch.setattr(nearmiss, "_best_window", lambda text, words, i, *a: scored.append(words[i].start()) or real(text, words, i, *a))
    paras = [f"Noting the UN Convention against Corruption and the Charter of the UN, item {i}," for i in range(8)]
    text = "The General Assembly,\n\n" + "\n\n".join(paras) + "\n\n1. Decides to act.\n"
    linter, settings_ = IncrementalLinter(), Settings()
    first = linter.lint(text, settings_)
    assert len([f for f in first.findings if f.code == "TRM001"]) == 16
    scored.clear()
    edited = text.replace("item 5", "item 55", 1)
    got = linter.lint(edited, settings_)
    paragraph = got.facts.paragraph_at(edited.index("item 55"))
    assert scored and all(paragraph.span.start <= pos < paragraph.span.end for pos in scored)
    assert _findings(got) == _findings(lint(edited, settings_))


def test_near_misses_past_the_head_word_budget_relint_like_a_full_lint(monkeypatch):
    """Only the first MAX_HEADS head words of a document are examined: which those are
    depends on the paragraphs before, so the ranges that reach the budget are not kept."""
    from resolint.citations import nearmiss

    monkeypatch.setattr(nearmiss, "MAX_HEADS", 7)
    paras = [f"Noting the UN Convention against Corruption and the Charter of the UN, item {i}," for i in range(6)]
    draft = "The General Assembly,\n\n" + "\n\n".join(paras) + "\n\n1. Decides to act.\n"
    steps = [
        ("item 1,", "item 1, the Convention on the Rights of a Child,"),  # one more head word early on
        ("item 0,", "item 0, the UN Convention against Corruption,"),
        ("Noting the UN Convention against Corruption and the Charter of the UN, item 1", "Noting item 1"),  # two fewer
        ("item 4,", "item 4, the Charter of the UN,"),
    ]
    assert _steps_differ(draft, steps) == []
    assert _distinct_findings(draft, steps, "TRM001") >= 3


def test_a_paragraph_of_many_head_words_is_not_scored_past_the_budget(monkeypatch):
    """The budget bounds the work of a pathological draft with the server's memo too: a
    range that may reach it is scored only up to it, not whole for keeping."""
    from resolint.citations import nearmiss

    monkeypatch.setattr(nearmiss, "MAX_HEADS", 5)
    scored = []
    real = nearmiss._best_window
    monkeypatch.setattr(nearmiss, "_best_window", lambda *a: scored.append(1) or real(*a))
    text = "The General Assembly,\n\nNoting " + " and ".join(["the Charter of the UN"] * 30) + ",\n\n1. Decides to act.\n"
    IncrementalLinter().lint(text, Settings())
    assert 0 < len(scored) <= 6


# -- locality ---------------------------------------------------------------------------
def locality_breaks(rule: Rule, texts: list[str]) -> list[str]:
    """Where linting with ``rule`` alone incrementally differs from a full lint, after
    each edit that changes another paragraph than the ones compared (delete, renumber,
    copy a paragraph, an opening that starts a new part): what a rule declared local
    wrongly would get wrong."""
    out = []
    settings_ = Settings().with_overrides(select=(rule.code,))
    for n, text in enumerate(texts):
        linter = IncrementalLinter()
        linter.lint(text, settings_, rules=[rule])
        for i in range(len(_paragraph_bounds(text))):
            where = (i + 0.5) / len(_paragraph_bounds(text))
            for kind in ("paragraph-delete", "renumber", "paragraph-copy", "new-part"):
                edited = apply_edit(text, (kind, where, i + 3, 0))
                got = linter.lint(edited, settings_, rules=[rule])
                want = lint(edited, settings_, rules=[rule])
                if _findings(got) != _findings(want):
                    out.append(f"text {n}, {kind} of paragraph {i}")
                linter.lint(text, settings_, rules=[rule])
    return out


LOCAL_RULES = [r for r in all_rules() if r.local]


def test_some_rules_are_local():
    assert {"OPR004", "OPR005", "OPR006", "OPR010", "OPR011", "PRE001", "PRE002", "PRE003", "PRE007"} <= {r.code for r in LOCAL_RULES}


@pytest.mark.parametrize("rule", LOCAL_RULES, ids=lambda r: r.code)
def test_declared_local_rules_do_not_read_other_paragraphs(rule):
    texts = [t for t in SEEDS if rule.code in t.split("\n", 1)[0]] + SEEDS[:6]
    assert locality_breaks(rule, texts) == []


class _LocalOperativeRule(Rule):
    """A test rule that says it is local and looks at the operative paragraphs."""

    summary = "test only"
    local = True

    def paragraphs(self, ctx):
        return ctx.resolution.of_kind(Kind.OPERATIVE)


class _NumberedNth(_LocalOperativeRule):
    """A rule that says it is local but reports a paragraph by its place in the document."""

    code = "OPR998"
    name = "numbered-nth"

    def check_paragraph(self, ctx, p):
        nth = ctx.resolution.of_kind(Kind.OPERATIVE).index(p) + 1
        if p.number is not None and p.number != nth:
            yield Violation(p.label.span, f"number {p.number}, place {nth}")


def test_locality_check_catches_a_rule_that_reads_other_paragraphs():
    texts = [t for t in SEEDS if t.startswith("<!-- expect: OPR002")]
    assert texts and locality_breaks(_NumberedNth(), texts) != []


class _NamesItsPart(_LocalOperativeRule):
    """A rule that says it is local but reports which resolution of a compilation a
    paragraph is in: its part moves when an opening is added above it."""

    code = "OPR996"
    name = "names-its-part"

    def check_paragraph(self, ctx, p):
        if p.label is not None:
            yield Violation(p.label.span, f"in part {p.part}")


def test_locality_check_catches_a_rule_that_reads_the_part():
    texts = [t for t in SEEDS if t.startswith("<!-- expect: OPR002")]
    assert texts and locality_breaks(_NamesItsPart(), texts) != []


class _PointsAtTheTitle(_LocalOperativeRule):
    """A rule that says it is local but reports each operative paragraph at the start of
    the document: such a violation is never kept, or it would move with its paragraph."""

    code = "OPR997"
    name = "points-at-the-title"

    def check_paragraph(self, ctx, p):
        yield Violation(Span(0, 1), f"paragraph {p.number}")


def test_a_violation_outside_its_paragraph_is_not_kept():
    rule = _PointsAtTheTitle()
    settings_ = Settings().with_overrides(select=(rule.code,))
    text = "The General Assembly,\n\nRecalling its work,\n\n1. Decides to act;\n\n2. Requests a report."
    linter = IncrementalLinter()
    linter.lint(text, settings_, rules=[rule])
    moved = "Draft resolution\n\n" + text
    assert _findings(linter.lint(moved, settings_, rules=[rule])) == _findings(lint(moved, settings_, rules=[rule]))



class _AfterAShortOne(_LocalOperativeRule):
    """A rule that reads one thing outside a paragraph, for a few paragraphs only: whether
    the paragraph before it is short. Its keys are a plain dict holding those few."""

    code = "OPR995"
    name = "after-a-short-one"

    def _after_short(self, ctx):
        ops = ctx.resolution.of_kind(Kind.OPERATIVE)
        return {p.index: True for q, p in zip(ops, ops[1:], strict=False) if len(q.span) < 20}

    def paragraph_keys(self, ctx):
        return self._after_short(ctx)

    def check_paragraph(self, ctx, p):
        if p.label is not None and p.index in self._after_short(ctx):
            yield Violation(p.label.span, "after a short one")


def test_a_plain_dict_of_keys_reads_a_missing_index_as_none():
    """``Rule.paragraph_keys`` may be a plain dict of the few paragraphs that need a key
    part: the others read as None (the server reads it with ``dict.get``), and the
    findings after each edit are a full lint's."""
    rule = _AfterAShortOne()
    settings_ = Settings().with_overrides(select=(rule.code,))
    text = "The General Assembly,\n\nRecalling its work,\n\n1. Decides to act;\n\n2. Requests a report on all of it;\n\n3. Decides to go on."
    linter = IncrementalLinter()
    at = text.index("Decides to act") + 6
    for edited in (text, text[:at] + " now and later and again" + text[at:], text):
        got = _findings(linter.lint(edited, settings_, rules=[rule]))
        assert got == _findings(lint(edited, settings_, rules=[rule]))
    assert got  # (the rule reports something: the test is about its keys)


def _short_operative_draft(lengths: list[int]) -> str:
    """A draft whose operative paragraph ``i`` has about ``lengths[i]`` words."""
    ops = [f"{i}. Decides " + " ".join(["to act"] * n) + ";" for i, n in enumerate(lengths, start=1)]
    return "The General Assembly,\n\nRecalling its work,\n\n" + "\n\n".join(ops)


def test_a_sparse_dict_of_keys_keys_a_paragraph_again_when_its_part_changes():
    """A dict of key parts holding few of the rule's paragraphs is keyed by the bare
    number elsewhere (``incremental._sparse_keys``): a paragraph whose text stays but whose
    part appears, changes or goes (the one before it made short, then long again, far
    from the others) is checked again, as a full lint does."""
    rule = _AfterAShortOne()
    settings_ = Settings().with_overrides(select=(rule.code,))
    lengths = [8] * 30
    linter = IncrementalLinter()
    for short in (None, 11, 20, None, 11):
        text = _short_operative_draft([1 if i == short else n for i, n in enumerate(lengths)])
        got = _findings(linter.lint(text, settings_, rules=[rule]))
        assert got == _findings(lint(text, settings_, rules=[rule]))
        assert len(got) == (short is not None)


class _AfterAShortOneListed(_AfterAShortOne):
    """:class:`_AfterAShortOne` over every paragraph, its key parts a list by index."""

    code = "OPR994"
    name = "after-a-short-one-listed"

    def paragraphs(self, ctx):
        return ctx.resolution.paragraphs

    def paragraph_keys(self, ctx):
        marked = self._after_short(ctx)
        return [i in marked for i in range(len(ctx.resolution.paragraphs))]


def test_a_list_of_keys_by_index_keys_a_paragraph_again_when_its_part_changes():
    """``Rule.paragraph_keys`` may be a list over every paragraph (paired with the
    paragraphs' numbers in one zip when the rule reads them all)."""
    rule = _AfterAShortOneListed()
    settings_ = Settings().with_overrides(select=(rule.code,))
    linter = IncrementalLinter()
    for short in (None, 11, 20, None, 11):
        text = _short_operative_draft([1 if i == short else 8 for i in range(30)])
        got = _findings(linter.lint(text, settings_, rules=[rule]))
        assert got == _findings(lint(text, settings_, rules=[rule]))
        assert len(got) == (short is not None)


_parts = st.dictionaries(st.integers(0, 11), st.sampled_from([None, True, False, 0, 1, "x"]), max_size=4)


@given(st.lists(st.integers(0, 3), min_size=12, max_size=12), _parts, st.lists(st.integers(0, 3), min_size=12, max_size=12), _parts,
       st.sampled_from([range(12), list(range(0, 24, 2))]))
def test_sparse_keys_are_equal_exactly_when_number_and_part_are(numbers, parts, numbers2, parts2, indexes):
    """Two sparse keys, of one lint or of two, are equal exactly when the dense keys
    ``(number, part)`` are (a missing part reads as None); and the numbers' list is
    shared, never written, while no paragraph has a part."""
    parts = {indexes[i]: v for i, v in parts.items()}
    parts2 = {indexes[i]: v for i, v in parts2.items()}
    one = incremental._sparse_keys(numbers, indexes, parts)
    two = incremental._sparse_keys(numbers2, indexes, parts2)
    dense = [(n, parts.get(i)) for n, i in zip(numbers, indexes, strict=True)]
    dense2 = [(n, parts2.get(i)) for n, i in zip(numbers2, indexes, strict=True)]
    for a, da in zip(one, dense, strict=True):
        for b, db in zip(one + two, dense + dense2, strict=True):
            assert (a == b) == (da == db)
    assert (one is numbers) == all(v is None for v in parts.values())
    assert numbers == [n for n, _ in dense]


def test_own_paragraphs_are_the_resolutions_list_when_all_are_own():
    """With no annex and no directive the drafter's own paragraphs are the resolution's
    list itself (the server then keys them without a pass), else a list without them."""
    text = _short_operative_draft([3, 3])
    facts = lint(text).facts
    assert facts.own_paragraphs is facts.resolution.paragraphs
    facts = lint(text + "\n\n<!-- resolint: ignore[OPR001] -->\n\n3. Decides to stop.").facts
    kinds = [p.kind for p in facts.own_paragraphs]
    assert Kind.DIRECTIVE not in kinds and len(kinds) == len(facts.resolution.paragraphs) - 1


@settings(max_examples=500, deadline=None)
@given(st.text("ab", max_size=30), st.integers(0, 30), st.integers(0, 3), st.text("ab", max_size=3),
       st.integers(0, 34), st.integers(1, 34), st.integers(-4, 4))
@example("abab", 0, 0, "b", 2, 2, -1)  # "ba" and "ab": both in the shared end, not as far from it
def test_same_stretch_is_a_comparison_of_the_two_stretches(old, at, cut, new, start, length, moved):
    """``incremental._same_stretch`` says two stretches of two versions are equal exactly
    when they are, read or not (the shortcut: both in the end the texts share, as far
    from it), for stretches before, across and after an edit."""
    at = min(at, len(old))
    text = old[:at] + new + old[at + cut :]
    suffix = changed_ends(old, text)[1]
    start, end = min(start, len(text)), min(start + length, len(text))
    # (as far from the end as in the new text, give or take ``moved``)
    old_start = max(0, min(start - len(text) + len(old) + moved, len(old)))
    old_end = min(old_start + end - start, len(old))
    got = incremental._same_stretch(text, old, suffix, start, end, old_start, old_end)
    assert got == (text[start:end] == old[old_start:old_end])


# -- shifting --------------------------------------------------------------------------
def test_shifters_move_every_field_of_their_types():
    """The shifters name the fields they move: a new field fails here until handled."""
    assert [f.name for f in dataclasses.fields(Opener)] == ["span", "head", "phrase", "before", "after", "emphasis"]
    assert [f.name for f in dataclasses.fields(Violation)] == ["span", "message", "fix", "severity"]
    assert [f.name for f in dataclasses.fields(Fix)] == ["title", "applicability", "edits"]
    assert [f.name for f in dataclasses.fields(Edit)] == ["span", "new_text"]
    op = Opener(Span(1, 9), Span(1, 4), "x", Span(0, 1), Span(5, 9), "*")
    assert shift_opener(op, 10) == Opener(Span(11, 19), Span(11, 14), "x", Span(10, 11), Span(15, 19), "*")
    v = Violation(Span(2, 3), "m", Fix.safe("t", Edit(Span(2, 3), "y")))
    assert shift_violation(v, 5) == Violation(Span(7, 8), "m", Fix.safe("t", Edit(Span(7, 8), "y")))


def test_caches_stay_bounded_and_follow_the_document():
    """The caches keep what the last two lints used, not every version ever seen: at most
    an entry per paragraph of those two lints in each of them (openers, citations, each
    local rule's table; a list's findings count once per paragraph too)."""
    linter = IncrementalLinter()
    settings_ = Settings()
    per_paragraph = 3 + len(LOCAL_RULES)
    counts: list[int] = []
    for k in range(0, 60, 10):
        result = linter.lint("\n\n".join(SEEDS[k : k + 10]), settings_)
        counts.append(len(result.resolution.paragraphs))
        assert len(linter.cache) <= per_paragraph * sum(counts[-2:])
    small = SEEDS[0]
    result = linter.lint(small, settings_)
    linter.lint(small, settings_)
    assert len(linter.cache) <= per_paragraph * len(result.resolution.paragraphs)


def test_each_open_document_keeps_its_linter_until_closed():
    from lsprotocol import types

    from resolint.lsp.documents import DocumentStore

    store = DocumentStore()
    doc = store.open("file:///a.txt", 1, SEEDS[0])
    linter = doc.linter
    edit = types.TextDocumentContentChangePartial(range=types.Range(types.Position(0, 0), types.Position(0, 0)), text="x")
    assert store.change("file:///a.txt", 2, [edit]).linter is linter
    assert store.open("file:///b.txt", 1, SEEDS[0]).linter is not linter
    assert store.close("file:///a.txt") is doc and store.get("file:///a.txt") is None


# -- lists kept whole (OPR002) --------------------------------------------------------------
LIST_DRAFT = """The General Assembly,

Recalling its resolution 70/1,

1. Decides to act;

2. Requests a report on paragraph 1 above;

4. Invites States to apply paragraphs 2 and 4 of the present resolution;

5. Decides to remain seized of the matter.

The General Assembly,

Recalling its resolution 71/2,

1. Welcomes the report;

3. Requests a follow-up to paragraph 1 above;

4. Decides to continue.
"""
#: Edits, one after the other, each changing what a list's findings or fix read.
LIST_STEPS = [
    ("Recalling its resolution 70/1,", "Recalling its resolution 70/1 of 25 September 2015,"),  # both lists move
    ("paragraphs 2 and 4 of", "paragraphs 2 and 5 of"),  # a reference the fix renumbers
    ("4. Invites", "3. Invites"),  # the first list mended ...
    ("3. Invites", "4. Invites"),  # ... and broken again
    ("1. Welcomes", "1.  Welcomes"),  # a label's place in the second list
    ("on paragraph 1 above", "on paragraph 2 above"),
    ("3. Requests a follow-up", "2. Requests a follow-up"),  # the second list mended
    ("5. Decides to remain", "6. Decides to remain"),
]


def _list_steps_differ() -> list[int]:
    return _steps_differ(LIST_DRAFT, LIST_STEPS)


def test_list_edits_relint_like_a_full_lint():
    assert _list_steps_differ() == []
    assert _distinct_findings(LIST_DRAFT, LIST_STEPS, "OPR002") >= 5


def _without_labels(seq, base):
    return ()


def _without_references(keep):
    def kept(self, key, base, compute):
        return keep(self, lambda: key()[:2], base, compute)

    return kept


@pytest.mark.parametrize("broken", ["labels", "references"])
def test_list_edits_catch_a_key_that_leaves_out_what_a_list_reads(monkeypatch, broken):
    from resolint_rules.opr import operative_numbering_sequence as opr002

    if broken == "labels":
        monkeypatch.setattr(opr002, "_labels_key", _without_labels)
    else:
        monkeypatch.setattr(LintCache, "kept_violations", _without_references(LintCache.kept_violations))
    assert _list_steps_differ() != []


def test_equal_placed_keys_are_equal_paragraph_keys():
    """The server keys paragraphs by placed_keys (text numbers instead of texts): two
    paragraphs with the same placed key must be alike for every local rule, as their
    paragraph_key says; and the same text placed elsewhere must not share a key."""
    from resolint.incremental import paragraph_key, placed_keys

    one = (
        "The General Assembly,\n\nRecalling\n\na) its resolution 1;\n\nb) others;\n\n1. Urges:\n\n"
        "a) its resolution 1;\n\nb) others;\n\n2. Decides:\n\na) its resolution 1;\n\nb) others;\n\n3. Decides."
    )
    text = one + "\n\n" + one  # two resolutions: the same lists in the same places
    res = lint(text, Settings()).resolution
    ps = res.paragraphs
    bodies = [text[p.span.start : p.span.end] for p in ps]
    ids = [bodies.index(b) for b in bodies]  # equal numbers, equal texts
    keys = placed_keys(ids, ps)
    pairs = [(i, j) for i in range(len(ps)) for j in range(i + 1, len(ps)) if bodies[i] == bodies[j]]
    shared = [(i, j) for i, j in pairs if keys[i] == keys[j]]
    assert shared and len(shared) < len(pairs)  # some texts repeat in alike places, some not
    for i, j in shared:
        assert paragraph_key(text, ps[i]) == paragraph_key(text, ps[j])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 3), max_size=300), st.lists(st.integers(0, 3), max_size=300))
def test_common_prefix_of_lists(a, b):
    """The chunked search finds the first position where two lists differ too (a local
    rule's keys against its last run's: what it found before it is not looked up again)."""
    b = a[: len(b)] + b  # usually a long shared start
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    assert common_prefix(a, b) == n


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 3), max_size=300), st.lists(st.integers(0, 3), max_size=300), st.integers(0, 400))
def test_common_suffix_of_lists(a, b, limit):
    """As the prefix, from the end, and never past ``limit`` (the keys after the edit)."""
    b = b + a[len(a) - len(b) :]  # usually a long shared end
    limit = min(limit, len(a), len(b))
    n = 0
    while n < limit and a[len(a) - 1 - n] == b[len(b) - 1 - n]:
        n += 1
    assert common_suffix(a, b, limit) == n


def test_an_inserted_paragraphs_number_changed_alone_changes_the_renumbering_fix():
    """The renumbering fix of a list moves "3 bis." with 3 (OPR002); the list's findings are
    kept by its labels, so the inserted ones are part of that key: with "3 bis." made "4
    bis." and nothing else changed, a kept fix would still edit it."""
    linter, plain = IncrementalLinter(), Settings()
    before = "The General Assembly,\n\nRecalling its resolution 78/230,\n\n1. Urges States to act;\n\n3. Decides to act;\n\n3 bis. Invites all to act.\n"
    after = before.replace("3 bis.", "4 bis.")
    linter.lint(before, plain)
    assert _findings(linter.lint(after, plain)) == _findings(lint(after, plain))


def test_blank_lines_typed_after_a_last_furniture_line_reach_its_fix():
    """A line of page furniture as the draft's last paragraph: its fix removed the line
    alone; blank lines typed after it then belong to the removal, and the kept fix removed
    too little (the incremental property test at 1,500 examples found this draft)."""
    from resolint.engine import lint
    from resolint.settings import Settings

    text = (
        "\nRecalling العربية the,\n\n<!-- resolint: ignore[PRE004] -->\n(a) Decides العربية the,; 2. Decides العربية the,\n\n"
        "24-18765 (E) 161024\n\nthe,:\n\n1. the;\n\n<!-- resolint: ignore[PRE004] -->\n(b) Decides the;1,2"
    )
    linter, settings = incremental.IncrementalLinter(), Settings()  # (one settings object, as the server keeps)
    cut = text.index(";1,2")  # ";1,2" becomes a paragraph of its own (page furniture), then blank lines follow it
    for version in (text, text[:cut] + "\n\n" + text[cut:], text[:cut] + "\n\n" + text[cut:] + "\n\n"):
        got = [(f.code, f.span, f.fix) for f in linter.lint(version, settings).findings]
        assert got == [(f.code, f.span, f.fix) for f in lint(version, settings).findings]


# -- reading ahead past a comment ----------------------------------------------------------
_BROKEN_BEFORE_A_COMMENT = (
    "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n"
    "1. Welcomes the progress made in the Territory;\n\n"
    "2. Recognizes the close cooperation of the Territory with the administering Power,\n\n"
    "New Zealand and the World Health Organization;\n\n{comment}{n}. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize("comment", ["<!-- to check -->\n\n", "<!-- one -->\n\n<!-- two -->\n\n", "<!-- resolint: ignore[OPR010] -->\n"])
@pytest.mark.parametrize(("before", "after"), [("3", "4"), ("4", "3"), ("3", "3 ")])
def test_a_number_edited_past_a_comment_rejoins_or_parts_the_paragraph_before(comment, before, after):
    """Whether "New Zealand …;" goes on with paragraph 2 depends on the number after the
    comment (3: it does). The parse read again from the comment, as from any paragraph
    after a blank line, and kept the old answer: the lint of the edited text disagreed with
    a full lint (OPR001, OPR005, OPR007 missing or left over)."""
    linter, settings = IncrementalLinter(), Settings()  # one settings object: the cache is kept
    linter.lint(_BROKEN_BEFORE_A_COMMENT.format(comment=comment, n=before), settings)
    text = _BROKEN_BEFORE_A_COMMENT.format(comment=comment, n=after)
    full = lint(text, settings)
    assert [(f.code, f.span, f.message) for f in linter.lint(text, settings).findings] == [
        (f.code, f.span, f.message) for f in full.findings
    ]


def test_a_keystroke_reads_names_of_organs_only_in_the_edited_paragraph(monkeypatch):
    """TRM018 searched the whole text for the names' last words after every keystroke (18 %
    of a keystroke's cost at 71 KB); local, it reads the edited paragraph only, and its
    findings elsewhere are kept."""
    from resolint_rules.trm.body_name_case import BodyNameCase

    text = "The General Assembly,\n\n" + "".join(f"Recalling Security council resolution {i} (2001),\n\n" for i in range(1, 30)) + "1. Decides to act.\n"
    settings_ = Settings()
    linter = IncrementalLinter()
    first = linter.lint(text, settings_)
    edited = text.replace("resolution 5 (2001)", "resolution 5 (2002)")
    want = [v for v in _findings(lint(edited, settings_)) if v[0] == "TRM018"]
    whole = []
    monkeypatch.setattr(BodyNameCase, "check", lambda self, ctx: whole.append(1) or iter(()))
    got = linter.lint(edited, settings_)
    assert whole == []
    assert [v for v in _findings(got) if v[0] == "TRM018"] == want
    assert len(want) == sum(v[0] == "TRM018" for v in _findings(first)) == 29
