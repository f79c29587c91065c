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
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolint.engine import lint
from resolint.incremental import IncrementalLinter, shift_opener, shift_violation
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state
from resolint.model import Kind
from resolint.openers import Opener
from resolint.registry import all_rules
from resolint.rule import Edit, Fix, Rule, Violation
from resolint.settings import Settings
from resolint.source import Span

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [
    p.read_text(encoding="utf-8")
    for p in sorted(
        [*ROOT.glob("fixtures/rules/*.txt"), *ROOT.glob("fixtures/*.txt"), *ROOT.glob("fixtures/groups/*.txt"), *ROOT.glob("fixtures/accuracy/*.txt")]
    )
]
OPENINGS = [
    "The General Assembly,",
    "The Security Council,",
    "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November 2027 at its 95th session:",
    "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),",
    "The General Assembly Third Committee,",
    "THE GENERAL ASSEMBLY,",
]
WORDS = [
    "Recalling", "recalling also", "Requests", "requests", "Calls upon", "CALLS UPON", "Urging", "Decides", "Notes",
    "organise", "programme", "program", "resolution 78/10 of 21 November 2023", "Security Council resolution 2345 (2017)",
    "GA-2025-93-RES-03", "the 3th session", "\u201cquoted organise\u201d", "(a)", "(i)", "1.", "2.", "7.", ";", ",", ".", ":",
    "Member States", "member countries", "Secretary General", "\u00e9t\u00e9", "\U0001d538", "*Recalling*", "\u2014",
    # Terminology (TRM010, TRM011): words a quotation or a title keeps, years run into words.
    "favor", "Favor", "co-operation", "computer program", '"the organise of"', "in2019", "2011and", "\u201c", '"',
    "United Nations Convention Against Corruption", "Convention on the Rights of a Child",
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
    if kind == "opening":
        m = OPENING_LINE.search(text)
        if m:
            return text[: m.start()] + OPENINGS[pick % len(OPENINGS)] + text[m.end() :]
        return OPENINGS[pick % len(OPENINGS)] + "\n\n" + text
    if kind == "start":
        return WORDS[pick % len(WORDS)] + "\n\n" + text if size % 2 else text[size:]
    if kind == "end":
        return text + "\n\n" + WORDS[pick % len(WORDS)] if size % 2 else text[: max(0, len(text) - size)]
    raise AssertionError(kind)


EDIT_KINDS = [
    "type", "delete", "word", "paragraph-delete", "paragraph-copy", "paragraph-join", "renumber", "directive", "opening",
    "start", "end",
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


# -- locality ---------------------------------------------------------------------------
def locality_breaks(rule: Rule, texts: list[str]) -> list[str]:
    """Where linting with ``rule`` alone incrementally differs from a full lint, after
    each edit that changes another paragraph than the ones compared (delete, renumber,
    copy a paragraph): what a rule declared local wrongly would get wrong."""
    out = []
    settings_ = Settings().with_overrides(select=(rule.code,))
    for n, text in enumerate(texts):
        linter = IncrementalLinter()
        linter.lint(text, settings_, rules=[rule])
        for i in range(len(_paragraph_bounds(text))):
            where = (i + 0.5) / len(_paragraph_bounds(text))
            for kind in ("paragraph-delete", "renumber", "paragraph-copy"):
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


class _NumberedNth(Rule):
    """A rule that says it is local but reports a paragraph by its place in the document."""

    code = "OPR998"
    name = "numbered-nth"
    summary = "test only"
    local = True

    def paragraphs(self, ctx):
        return ctx.resolution.of_kind(Kind.OPERATIVE)

    def check_paragraph(self, ctx, p):
        nth = ctx.resolution.of_kind(Kind.OPERATIVE).index(p) + 1
        if p.number is not None and p.number != nth:
            yield Violation(p.label.span, f"number {p.number}, place {nth}")


def test_locality_check_catches_a_rule_that_reads_other_paragraphs():
    texts = [t for t in SEEDS if t.startswith("<!-- expect: OPR002")]
    assert texts and locality_breaks(_NumberedNth(), texts) != []


class _PointsAtTheTitle(Rule):
    """A rule that says it is local but reports each operative paragraph at the start of
    the document: such a violation is never kept, or it would move with its paragraph."""

    code = "OPR997"
    name = "points-at-the-title"
    summary = "test only"
    local = True

    def paragraphs(self, ctx):
        return ctx.resolution.of_kind(Kind.OPERATIVE)

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
    """The caches keep what the last two lints used, not every version ever seen."""
    linter = IncrementalLinter()
    settings_ = Settings()
    sizes = []
    for k in range(0, 60, 10):
        linter.lint("\n\n".join(SEEDS[k : k + 10]), settings_)
        sizes.append(len(linter.cache))
    small = SEEDS[0]
    linter.lint(small, settings_)
    linter.lint(small, settings_)
    assert max(sizes) <= 3 * min(sizes)
    assert len(linter.cache) < min(sizes) / 3


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
