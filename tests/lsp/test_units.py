"""Unit tests of the pure parts of resolint.lsp (no pygls, no subprocess)."""

from __future__ import annotations

import copy
import random
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from resolint.config import Settings
from resolint.engine import lint
from resolint.lsp import actions, completion, definition, formatting, hover, outline
from resolint.lsp.documents import DocumentStore
from resolint.lsp.positions import LineIndex
from resolint.lsp.settings import EditorSettings, ProjectConfig, ProjectSettings, effective_style, parse_editor_settings
from resolint.lsp.state import build_state
from resolint.source import SourceText
from tests.lsp import drafts
from tests.lsp.helpers import apply_text_edits, pos_at, range_of, symbols_of, workspace_edits

ENCODINGS = ["utf-8", "utf-16", "utf-32"]
TEXT_CHARS = st.sampled_from(list("ab ,;.\n\r\t") + ["é", "e\u0301", "𝔸", "😀", "\u2028", "\x0c", "中", "\r\n"])


def state_of(text: str, encoding: str = "utf-16", editor: EditorSettings | None = None, project: ProjectSettings | None = None):
    return build_state(
        "file:///d.txt", 1, text, None, project or ProjectSettings(Settings(), None), editor or EditorSettings(), None, encoding
    )


# -- positions -----------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT_CHARS, max_size=40).map("".join), st.sampled_from(ENCODINGS))
def test_positions_round_trip_against_independent_conversion(text, encoding):
    index = LineIndex(text, encoding)
    for off in range(len(text) + 1):
        if 0 < off < len(text) and text[off - 1] == "\r" and text[off] == "\n":
            continue  # inside a CRLF: no position names it
        expected = pos_at(text, off, encoding)
        assert index.position(off) == (expected.line, expected.character)
        assert index.offset(expected.line, expected.character) == off


def test_non_bmp_and_combining_columns():
    line = "e\u0301 𝔸😀;"
    index16 = LineIndex(line, "utf-16")
    semi = line.index(";")
    assert index16.position(semi) == (0, 2 + 1 + 2 + 2)
    assert LineIndex(line, "utf-8").position(semi) == (0, 3 + 1 + 4 + 4)
    assert LineIndex(line, "utf-32").position(semi) == (0, semi)
    # A column inside a surrogate pair moves back to the character's start.
    assert index16.offset(0, 4) == line.index("𝔸")  # second half of 𝔸's surrogate pair
    assert index16.offset(0, 5) == line.index("😀")
    assert LineIndex(line, "utf-8").offset(0, 5) == line.index("𝔸")  # a byte inside 𝔸
    assert index16.offset(0, 99) == len(line)


def test_form_feed_and_line_separator_are_not_line_breaks():
    text = "a\x0cb\u2028c\nd"
    index = LineIndex(text, "utf-16")
    assert index.line_count == 2
    assert index.position(text.index("d")) == (1, 0)
    assert index.position(text.index("c")) == (0, 4)


# -- documents -----------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(
    st.lists(TEXT_CHARS, max_size=30).map("".join),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.lists(TEXT_CHARS, max_size=5).map("".join)), max_size=6),
    st.sampled_from(ENCODINGS),
)
def test_incremental_changes_match_direct_splices(text, edits, encoding):
    store = DocumentStore(encoding)
    store.open("u", 1, text)
    expected = text
    for i, (a, b, new) in enumerate(edits):
        a, b = sorted((min(a, len(expected)), min(b, len(expected))))
        # Never start or end a change inside a CRLF pair: no LSP position names that point.
        if 0 < a < len(expected) and expected[a - 1] == "\r" and expected[a] == "\n":
            a -= 1
        if 0 < b < len(expected) and expected[b - 1] == "\r" and expected[b] == "\n":
            b += 1
        rng = range_of(expected, a, b, encoding)
        store.change("u", i + 2, [types.TextDocumentContentChangePartial(range=rng, text=new)])
        expected = expected[:a] + new + expected[b:]
        assert store.get("u").text == expected
        # The index moved from the last version's (what the lint then uses) is a fresh one's.
        assert store.get("u").index.source.line_starts == SourceText(expected).line_starts


def test_bad_change_leaves_text_unchanged():
    store = DocumentStore()
    store.open("u", 1, "abc")
    bad = types.TextDocumentContentChangePartial(range=types.Range(types.Position(0, 2), types.Position(0, 1)), text="x")
    with pytest.raises(ValueError):
        store.change("u", 2, [types.TextDocumentContentChangeWholeDocument(text="zzz"), bad])
    assert store.get("u").text == "abc" and store.get("u").version == 1


# -- settings ------------------------------------------------------------------------
def test_editor_settings_validation():
    s, problems = parse_editor_settings(
        {"resolint": {"style": "interpol", "run": "onSave", "severityOverrides": {"pre004": "hint", "OPR": "loud"}, "formatting": True}}
    )
    assert s.style == "interpol" and s.run == "onSave" and s.formatting
    assert s.severity_overrides == {"PRE004": "hint"}
    assert len(problems) == 1 and "OPR" in problems[0]
    s2, problems2 = parse_editor_settings({"run": "always"})
    assert s2.run == "onType" and problems2


def test_project_style_wins_over_editor_style():
    assert effective_style(Settings(style="un-sc"), EditorSettings(style="interpol")) is None
    assert effective_style(Settings(), EditorSettings(style="interpol")) == "interpol"
    assert effective_style(Settings(), EditorSettings(style="auto")) is None


def test_project_config_reload_and_broken_file(tmp_path: Path):
    cfg = tmp_path / "resolint.toml"
    cfg.write_text('ignore = ["PRE004"]\n')
    draft = tmp_path / "d.txt"
    pc = ProjectConfig()
    assert pc.for_path(draft).settings.ignore == ("PRE004",)
    cfg.write_text('ignore = ["OPR"]\n')
    import os

    st_ = cfg.stat()
    os.utime(cfg, ns=(st_.st_atime_ns, st_.st_mtime_ns + 10_000_000))
    assert pc.for_path(draft).settings.ignore == ("OPR",)
    cfg.write_text("ignore = [\n")
    os.utime(cfg, ns=(st_.st_atime_ns, st_.st_mtime_ns + 20_000_000))
    broken = pc.for_path(draft)
    assert broken.error and "resolint.toml" in broken.error and broken.settings == Settings()
    state = build_state("file:///d", 1, drafts.PLAIN, None, broken, EditorSettings(), draft, "utf-16")
    assert state.problems and "configuration error" in state.problems[0]


def test_a_document_without_configuration_keeps_its_incremental_cache(tmp_path: Path):
    """Without a configuration file every lint got new default settings, and a settings
    object that changes empties the document's incremental cache: nothing was ever
    reused between keystrokes for the many drafters who have no resolint.toml."""
    from resolint.incremental import IncrementalLinter

    draft = tmp_path / "nested" / "d.txt"
    pc, linter = ProjectConfig(), IncrementalLinter()
    assert pc.for_path(draft) is pc.for_path(tmp_path / "other.txt")
    build_state("file:///d", 1, drafts.PLAIN, None, pc.for_path(draft), EditorSettings(), draft, "utf-16", linter)
    cache = linter.cache
    assert len(cache) > 0
    edited = drafts.PLAIN + "\n\n4. Decides to remain seized of the matter."
    build_state("file:///d", 2, edited, None, pc.for_path(draft), EditorSettings(), draft, "utf-16", linter)
    assert linter.cache is cache


# -- diagnostics ---------------------------------------------------------------------
def test_severity_overrides_and_data():
    st_ = state_of(drafts.NONBMP, editor=EditorSettings(severity_overrides={"PRE": "hint", "PRE004": "error"}))
    by = {d.code: d for d in st_.diagnostics}
    assert by["PRE004"].severity == types.DiagnosticSeverity.Error
    assert by["OPR004"].severity == types.DiagnosticSeverity.Error
    assert by["PRE004"].data["id"] == st_.ids[[f.code for f in st_.findings].index("PRE004")]
    assert by["PRE004"].code_description.href.endswith("/rules/PRE004.md")


def test_rule_links_follow_docs_url_project_first():
    editor, problems = parse_editor_settings({"docsUrl": "https://editor.example/docs/"})
    assert problems == [] and editor.docs_url == "https://editor.example/docs/"
    by = {d.code: d for d in state_of(drafts.NONBMP, editor=editor).diagnostics}
    assert by["PRE004"].code_description.href == "https://editor.example/docs/rules/PRE004.html"
    project = ProjectSettings(Settings(docs_url="https://project.example/r"), None)
    st_ = state_of(drafts.NONBMP, editor=editor, project=project)
    by = {d.code: d for d in st_.diagnostics}
    assert by["PRE004"].code_description.href == "https://project.example/r/rules/PRE004.html"
    offset = st_.findings[[f.code for f in st_.findings].index("PRE004")].span.start
    hover_text = hover.hover(st_, offset).contents.value
    assert "https://project.example/r/rules/PRE004.html" in hover_text
    assert parse_editor_settings({"docsUrl": 3})[1] == ["resolint.docsUrl must be a URL (a string), got 3"]


def test_finding_ids_survive_edits_elsewhere():
    a = state_of(drafts.NONBMP)
    b = state_of("Draft note added above.\n\n" + drafts.NONBMP)
    ids_a = {i for i, f in zip(a.ids, a.findings, strict=False) if f.code != "DOC004"}
    assert ids_a <= set(b.ids)


# -- code actions --------------------------------------------------------------------
def _diag(state, code):
    return next(d for d in state.diagnostics if d.code == code)


def test_quick_fix_uses_server_spans_not_client_range():
    st_ = state_of(drafts.NONBMP)
    d = _diag(st_, "PRE004")
    line = d.range.start.line  # (a client may echo columns in other units: never other lines)
    d.range = types.Range(types.Position(line, 0), types.Position(line, 3))  # garbage echoed columns
    acts = actions.code_actions(st_, [d], (0, 0), None, actions.ClientContext())
    fix = next(a for a in acts if a.title.startswith("resolint (PRE004)"))
    new = apply_text_edits(drafts.NONBMP, workspace_edits(fix.edit, st_.uri), "utf-16")
    semi = drafts.NONBMP.index("😀;") + 1
    assert new == drafts.NONBMP[:semi] + "," + drafts.NONBMP[semi + 1 :]


def test_a_stale_diagnostic_gets_no_fix_for_another_paragraph():
    """Three paragraphs end with ";" (PRE004 -0, -1, -2); the drafter corrects the first by
    hand. The squiggle left on it (a lint on save) sent id -0, which now named the next
    finding, and its quick fix and "Disable" edited that other paragraph."""
    three = "The General Assembly,\n\nRecalling A;\n\nRecalling also B;\n\nNoting C;\n\n1. Decides to remain seized of the matter.\n"
    old = state_of(three)
    stale = [copy.copy(d) for d in old.diagnostics if d.code == "PRE004"]
    assert len(stale) == 3
    now = state_of(three.replace("Recalling A;", "Recalling A,"))
    assert actions.match(now, stale[:1]) == []
    matched = actions.match(now, stale[1:])
    assert [now.index.position(f.span.start)[0] for _, f, _ in matched] == [4, 6]


def test_match_without_data_takes_the_finding_under_the_diagnostic():
    """Without ``data``, every finding of the code on the line was offered: the "20%"
    squiggle got "Write '50 per cent'" too."""
    text = "The General Assembly,\n\nNoting that 50% and 20% of States reported,\n\n1. Decides to remain seized of the matter.\n"
    st_ = state_of(text)
    diags = [copy.copy(d) for d in st_.diagnostics if d.code == "TRM016"]
    assert len(diags) == 2
    for d in diags:
        d.data = None
        [(_, f, _)] = actions.match(st_, [d])
        assert st_.index.position(f.span.start) == (d.range.start.line, d.range.start.character)


def test_match_without_data_uses_code_and_line():
    st_ = state_of(drafts.NONBMP)
    d = _diag(st_, "PRE004")
    d.data = None
    assert [f.code for _, f, _ in actions.match(st_, [d])] == ["PRE004"]
    d.code = "OPR004"
    assert actions.match(st_, [d]) == []


def test_unknown_finding_id_gives_no_fix():
    st_ = state_of(drafts.NONBMP)
    d = _diag(st_, "PRE004")
    d.data = {"id": "PRE004-000000000000-0"}
    assert actions.code_actions(st_, [d], (0, 0), ["quickfix"], actions.ClientContext()) == []


QUOTED = (
    "Dear colleagues, the draft as it stands:\n\n"
    "> The General Assembly,\n>\n> Recalling its resolutions\n>\n> 1. Decides to act\n>\n"
    "> > (a) by sharing data\n> >\n> 2. Requests the Secretary-General to report.\n"
)

# A paragraph a run-on cut starts in the middle of a line ("…, instructs the Secretary-General"
# then its items): a comment on the line above covers the paragraph that starts that line.
RUN_ON = """the Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),

resolves

1 to continue the work of the Union on the matter;

2 to raise awareness of the work worldwide, instructs the Director of the Bureau to lead the work on the matter, instructs the Secretary-General

1 to contribute to the work;

2 to report to the Council on the matter.
"""


@pytest.mark.parametrize(
    "text", [drafts.NONBMP, drafts.PLAIN.replace("earlier resolutions,", "earlier resolutions;"), RUN_ON, QUOTED],
)
def test_disable_removes_each_finding_and_adds_none(text):
    st_ = state_of(text)
    before = [f.code for f in st_.findings]
    offered = 0
    for f in st_.findings:
        edit = actions.disable_edit(st_, f)
        if edit is None:
            continue
        from resolint.fixes import apply_edits

        offered += 1
        after = [g.code for g in lint(apply_edits(text, [edit])).findings]
        assert after.count(f.code) < before.count(f.code), (f, edit)
        assert "SUP001" not in after and "SUP002" not in after, (f, edit)
    assert offered >= 1


@pytest.mark.parametrize(
    "text",
    [
        # Two sub-paragraphs with the same finding: disabling one leaves the other.
        "The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Urges Member States:\n\n"
        "(a) sharing information;\n\n(b) sharing data;\n\n2. Decides to remain seized of the matter.\n",
        # INTERPOL list items with a wrong mark each.
        "The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2025:\n\n"
        "RECALLING resolution AGN/1/RES/1,\n\nURGES member countries to:\n\n1. share data,\n\n2. report yearly,\n\n3. cooperate.\n",
    ],
)
def test_disable_on_a_sub_paragraph_hides_its_finding_only(text):
    """"Disable OPR010 for this paragraph" on (a) put the comment before paragraph 1, which
    hid (b)'s finding too."""
    from resolint.fixes import apply_edits

    st_ = state_of(text)
    subs = [f for f in st_.findings if (p := actions.paragraph_at(st_.result.resolution, f.span.start)) is not None and p.parent is not None]
    assert len(subs) >= 2, [f.code for f in st_.findings]
    first = subs[0]
    after = lint(apply_edits(text, [actions.disable_edit(st_, first)])).findings
    assert sorted((f.code, f.message) for f in after) == sorted((f.code, f.message) for f in st_.findings if f is not first)


@pytest.mark.parametrize("text", [
    "The Disarmament and International Security Committee,\n\nNoting the threat,\n\nalar\n\n1. Calls upon States to act;\n\n2. enc\n",
    "The General Assembly,\n\nRecalling its work,\n\nDecides:\n\n(a) to act;\n\n(b) to report.\n",
])
def test_disable_title_says_when_the_comment_also_hides_the_paragraphs_under_it(text):
    """A comment before a paragraph covers the paragraphs under it: the action said
    "for this paragraph" and hid their findings of the code too."""
    st_ = state_of(text)
    for f in st_.findings:
        action = actions.disable_action(st_, f, None, actions.ClientContext())
        if action is None:
            continue
        after = lint(apply_text_edits(text, workspace_edits(action.edit, st_.uri), "utf-16")).findings
        hidden = sum(g.code == f.code for g in st_.findings) - sum(g.code == f.code for g in after)
        m = re.search(r"\((\d+) more\)", action.title)
        assert hidden == 1 + (int(m.group(1)) if m else 0), action.title
        assert (hidden > 1) == ("the ones under it" in action.title)


def test_disable_extends_existing_directive():
    text = drafts.PLAIN.replace("Recalling its earlier resolutions,", "<!-- resolint: ignore[PRE002] -- why -->\nRecalling its earlier resolutions;")
    st_ = state_of(text)
    f = next(f for f in st_.findings if f.code == "PRE004")
    edit = actions.disable_edit(st_, f)
    from resolint.fixes import apply_edits

    new = apply_edits(text, [edit])
    assert "<!-- resolint: ignore[PRE002, PRE004] -- why -->\nRecalling" in new
    assert "PRE004" not in [g.code for g in lint(new).findings]


def test_fix_all_and_kinds():
    st_ = state_of(drafts.NONBMP)
    only_fix_all = actions.code_actions(st_, [], (0, 0), ["source"], actions.ClientContext())
    assert [a.kind for a in only_fix_all] == [actions.FIX_ALL_KIND]
    assert actions.code_actions(st_, [], (0, 0), ["refactor"], actions.ClientContext()) == []
    lazy = actions.code_actions(st_, [], (0, 0), ["source.fixAll"], actions.ClientContext(resolve_edit=True))
    assert lazy[0].edit is None and lazy[0].data["action"] == "fixAll"


@pytest.mark.parametrize(
    "text",
    [
        "The Executive Board,\n\nrecalling its resolution 74/1,\n\n1. Decides to act.\n",  # a body with no style of its own
        "The General Assembly,\n\nrecalling its resolution 74/1,\n\n1. Decides to act.\n\n38th plenary meeting\n21 November 2023"
        "\n\nA note that belongs nowhere\n",  # unplaced text
    ],
)
def test_fix_all_is_not_offered_where_check_fix_leaves_the_file(text):
    """Fix-all (on save, in VS Code) rewrote drafts that ``resolint check --fix`` leaves
    alone (a style only guessed, text the parser could not place); each quick fix is
    still offered, one at a time."""
    from resolint.cli.fixable import fix_refusal

    st_ = state_of(text)
    why = fix_refusal(st_.result, st_.settings, None)
    assert why and actions.has_safe_fix(st_)
    assert actions.code_actions(st_, [], (0, 0), ["source.fixAll"], actions.ClientContext()) == []
    assert actions.fix_all_edits(st_) == []
    # A client that shows disabled actions (VS Code) is told why, and gets no edit.
    (shown,) = actions.code_actions(st_, [], (0, 0), ["source.fixAll"], actions.ClientContext(disabled=True))
    assert shown.disabled is not None and why in shown.disabled.reason and shown.edit is None and shown.data is None
    fixable = next(f for f in st_.findings if f.fix is not None)
    assert actions.quick_fix(st_, fixable, None, actions.ClientContext()) is not None


def test_fix_all_for_a_client_that_cannot_resolve_is_worked_out_once_per_version(monkeypatch):
    """An editor without codeAction/resolve gets the fix-all edit with every code action
    request, sent at every move of the cursor: the fixed point is worked out once."""
    calls = []
    real = actions.fix_text
    monkeypatch.setattr(actions, "fix_text", lambda *a, **k: calls.append(1) or real(*a, **k))
    st_ = state_of(drafts.NONBMP)
    first = actions.code_actions(st_, [], (0, 0), ["source.fixAll"], actions.ClientContext())
    again = actions.code_actions(st_, [], (0, 0), ["source.fixAll"], actions.ClientContext())
    assert len(calls) == 1
    assert first[0].edit == again[0].edit and first[0].edit is not None
    assert actions.fix_all_edits(st_, unsafe=True) != actions.fix_all_edits(st_) and len(calls) == 2


def test_fix_all_starts_from_the_versions_lint(monkeypatch):
    """Fix-all's first pass takes the findings the version was linted with: the text as it
    stands is not linted again (a whole lint of a long draft for nothing); only the texts
    the passes write are, and the edit is the one a fresh lint would give."""
    from resolint.lsp import state as state_module

    st_ = state_of(drafts.NONBMP)
    linted = []
    real = state_module.lint
    monkeypatch.setattr(state_module, "lint", lambda text, *a, **k: linted.append(str(text)) or real(text, *a, **k))
    (edit,) = actions.fix_all_edits(st_)
    assert linted and st_.text not in linted
    fresh = actions.fix_text(st_.text, lambda t: real(t, st_.settings, path=st_.path, style=st_.style_override))
    assert apply_text_edits_plain(st_.text, edit) == fresh.text


def apply_text_edits_plain(text: str, edit) -> str:
    return text[: edit.span.start] + edit.new_text + text[edit.span.end :]


def test_code_actions_are_worked_out_off_the_event_loop(monkeypatch):
    """Fix-all and the "disable" check lint the whole text: on a big draft that takes
    seconds, which on the event loop would stall every other request and notification."""
    import asyncio
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from resolint.lsp import server as server_module

    threads = []
    real = actions.fix_text
    monkeypatch.setattr(actions, "fix_text", lambda *a, **k: threads.append(threading.current_thread()) or real(*a, **k))
    st_ = state_of(drafts.NONBMP)

    async def current(uri):
        return st_

    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=st_.uri),
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
    )
    with ThreadPoolExecutor(max_workers=1) as pool:
        ls = SimpleNamespace(state=current, executor=pool, client_ctx=actions.ClientContext())
        got = asyncio.run(server_module.code_action(ls, params))
    assert [a.kind for a in got] == [actions.FIX_ALL_KIND] and got[0].edit is not None
    assert threads and threading.main_thread() not in threads


def test_minimal_edit():
    e = actions.minimal_edit("abcXdef", "abcYYdef")
    assert (e.span.start, e.span.end, e.new_text) == (3, 4, "YY")
    assert actions.minimal_edit("same", "same") is None


# -- outline, hover, completion, definition, formatting -----------------------------
def test_outline():
    st_ = state_of(drafts.NONBMP)
    syms = symbols_of(outline.document_symbols(st_))
    names = [s.name for s in syms]
    assert names[0] == "Title block" and "Preamble" in names and "Operative part" in names
    pre = next(s for s in syms if s.name == "Preamble")
    assert [c.name for c in pre.children] == ["Recalling", "Noting"]
    op = next(s for s in syms if s.name == "Operative part")
    assert [c.name for c in op.children] == ["1. Urges", "2. Calling", "4. Requests", "5. Decides"]
    for s in syms:
        for c in s.children or []:
            assert (s.range.start.line, s.range.start.character) <= (c.range.start.line, c.range.start.character)
            assert (c.range.end.line, c.range.end.character) <= (s.range.end.line, s.range.end.character)
    folds = outline.folding_ranges(st_)
    assert any(f.start_line == 10 and f.end_line == 16 for f in folds)


def test_outline_subparagraphs():
    text = drafts.PLAIN.replace("1. Requests the Secretary-General to report;", "1. Requests the Secretary-General:\n\n(a) To report;\n\n(b) To act;")
    st_ = state_of(text)
    op = next(s for s in symbols_of(outline.document_symbols(st_)) if s.name == "Operative part")
    first = op.children[0]
    assert first.name == "1. Requests" and [c.name.split()[0] for c in first.children] == ["(a)", "(b)"]


def test_hover_on_a_rule_code_in_a_directive_shows_the_rule():
    """Hovering "PRE004" in ``<!-- resolint: ignore[PRE004, TRM005] -->`` showed nothing."""
    text = "The General Assembly,\n\n<!-- resolint: ignore[pre004, TRM005] -- quoted -->\nRecalling its resolution 79/1;\n\n1. Decides to act.\n"
    st_ = state_of(text)
    for code in ("pre004", "TRM005"):
        at = text.index(code) + 2
        h = hover.hover(st_, at)
        assert h is not None and f"**{code.upper()} " in h.contents.value, code
    assert hover.directive_code_hover(st_, text.index("quoted")) is None  # the reason is no code


def test_hover_opener_rule_and_citations():
    st_ = state_of(drafts.NONBMP)
    text = drafts.NONBMP
    h = hover.hover(st_, text.index("Recalling") + 2)
    assert "preambular opener" in h.contents.value and "Listed in the **un-ga** style" in h.contents.value
    h2 = hover.hover(st_, text.index("Calling") + 1)
    assert "OPR004" in h2.contents.value and "/rules/OPR004.md" in h2.contents.value
    # The citations contract (LintResult.facts.citations items with span and describe()/hover),
    # checked on a stand-in until the citations engine lands.
    start = text.index("78/10")
    fake = SimpleNamespace(
        result=SimpleNamespace(
            facts=SimpleNamespace(
                citations=[
                    SimpleNamespace(span=SimpleNamespace(start=start, end=start + 5), describe=lambda: "GA resolution 78/10"),
                    SimpleNamespace(span=SimpleNamespace(start=0, end=3), hover="elsewhere"),
                ]
            )
        )
    )
    assert [t for _, t in hover.citation_hovers(fake, start + 1)] == ["GA resolution 78/10"]


@pytest.mark.parametrize(("typed", "expect"), [
    ("<!-- resolint: ignore[PR", "PRE004"),
    ("<!-- resolint: ignore[PRE001, tr", "TRM005"),
    ("<!-- resolint: disable OPR00", "OPR007"),
])
def test_completion_offers_rule_codes_inside_a_directive(typed, expect):
    """Inside ``ignore[`` nothing was offered."""
    text = f"The General Assembly,\n\n{typed}\nRecalling its resolution 79/1,\n\n1. Decides to act.\n"
    off = text.index(typed) + len(typed)
    items = completion.completions(state_of(text), pos_at(text, off, "utf-16").line, off)
    labels = [i.label for i in items]
    assert expect in labels and all(label.startswith(typed.rsplit("[", 1)[-1].rsplit(" ", 1)[-1].strip(", ").upper()) for label in labels)
    assert items[0].text_edit.range.end.character == len(typed)


def test_completion_sections_and_case():
    text = drafts.PLAIN.replace("Welcoming the report", "Reaf")
    st_ = state_of(text)
    off = text.index("Reaf") + 4
    line = pos_at(text, off, "utf-16").line
    items = completion.completions(st_, line, off)
    labels = [i.label for i in items]
    assert "Reaffirming" in labels and all(l.lower().startswith("reaf") for l in labels)
    assert items[0].text_edit.range.start.character == 0
    text2 = drafts.PLAIN.replace("2. Decides", "2. Req")
    st2 = state_of(text2)
    off2 = text2.index("2. Req") + 6
    labels2 = [i.label for i in completion.completions(st2, pos_at(text2, off2, "utf-16").line, off2)]
    assert "Requests" in labels2 and "Reaffirming" not in labels2
    ip = drafts.INTERPOL + "REC"
    st3 = state_of(ip)
    labels3 = [i.label for i in completion.completions(st3, pos_at(ip, len(ip), "utf-16").line, len(ip))]
    assert "RECALLING" in labels3
    # Not in the middle of a sentence.
    mid = text.index("Secretary-General to report")
    assert completion.completions(st_, pos_at(text, mid, "utf-16").line, mid) == []


def test_completion_writes_each_parts_openers_in_that_parts_case():
    """The World Health Assembly writes "Recalling" but "URGES": each part's own case."""
    head = "The Seventy-ninth World Health Assembly,\n\nHaving considered the report;\n\n"
    pre = head + "Reca"
    labels = [i.label for i in completion.completions(state_of(pre), pos_at(pre, len(pre), "utf-16").line, len(pre))]
    assert "Recalling" in labels and "RECALLING" not in labels
    op = head + "1. WELCOMES the report;\n\n2. Req"
    labels = [i.label for i in completion.completions(state_of(op), pos_at(op, len(op), "utf-16").line, len(op))]
    assert "REQUESTS" in labels and "Requests" not in labels


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize("typed, rest, pick, expect", [
    ("3. D", "ecides to remain seized.", "Decides", "3. Decides to remain seized."),
    ("3. Dec", "ides to remain seized.", "Declares", "3. Declares to remain seized."),
    ("Noting with", " appreciation the report,", "Noting with appreciation", "Noting with appreciation the report,"),
    ("<!-- resolint: ignore[OPR001, PR", "E004] -->", "PRE004", "<!-- resolint: ignore[OPR001, PRE004] -->"),
])
def test_completion_inside_a_word_replaces_the_rest_of_it(encoding, typed, rest, pick, expect):
    """Completing in the middle of a word gave "Decidesecides" (the edit stopped at the cursor)."""
    head = "The General Assembly,\n\nRecalling 😀 its work,\n\n"
    if not typed.startswith("Noting"):
        head += "1. Decides to act;\n\n2. Requests a report;\n\n"
    tail = "\n\n1. Decides to act;\n" if typed.startswith("Noting") else "\n"
    text = head + typed + rest + tail
    offset = len(head) + len(typed)
    state = state_of(text, encoding)
    items = {i.label: i for i in completion.completions(state, pos_at(text, offset, encoding).line, offset)}
    assert apply_text_edits(text, [items[pick].text_edit], encoding) == head + expect + tail


@pytest.mark.parametrize("opening, typed, expect", [
    ("# Draft\n\n**The General Assembly**,\n\n*Recalling* its work,\n\n", "*rec", "Recalling"),
    ("The Disarmament and International Security Committee,\n\nNoting the threat,\n\n", "alar", "Alarmed by"),
    ("The General Assembly,\n\n", "Reaff", "Reaffirming"),
])
def test_completion_of_a_half_typed_paragraph_after_the_preamble_offers_preambular_openers(opening, typed, expect):
    """The parser reads an unfinished unnumbered paragraph before "1. ..." as an operative
    paragraph over a list; in a style that numbers operative paragraphs it is preambular."""
    text = opening + typed + "\n\n1. Decides to act;\n\n2. Requests a report.\n"
    offset = len(opening) + len(typed)
    items = completion.completions(state_of(text), pos_at(text, offset, "utf-16").line, offset)
    labels = [i.label for i in items]
    assert expect in labels and all(i.detail.startswith("preambular") for i in items)


def test_completion_keeps_an_unnumbered_listed_operative_opener_operative():
    text = "The General Assembly,\n\nRecalling its work,\n\nDecides:\n\n1. To convene a meeting;\n\n2. To report.\n"
    offset = text.index("Decides") + 3
    items = completion.completions(state_of(text), pos_at(text, offset, "utf-16").line, offset)
    assert "Decides" in [i.label for i in items]


def test_definition():
    st_ = state_of(drafts.NONBMP)
    text = drafts.NONBMP
    target = definition.target(st_, text.index("paragraph 2 above") + len("paragraph "))
    assert target is not None and text[target.span.start:].startswith("2. Calling")
    assert definition.target(st_, text.index("Urges")) is None


@pytest.mark.parametrize("ref", [
    "paragraph 3 of its resolution 2250 (2015)",
    "paragraph 3 (a) of resolution 70/1",
    "paragraphs 2 and 3 of the annex to decision 5/2",
    "its resolution 66/233, in particular paragraph 3 thereof",
    "its resolution 66/233, in particular paragraph 3 of section II thereof",
])
def test_definition_does_not_jump_from_another_texts_paragraph(ref):
    text = f"The Security Council,\n\nRecalling {ref},\n\n1. Decides to act;\n\n2. Requests a report;\n\n3. Decides to remain seized.\n"
    st_ = state_of(text)
    assert definition.target(st_, text.index("paragraph", text.index(ref)) + len("paragraph ")) is None
    own = text.replace(f"Recalling {ref},", "Recalling paragraph 3 of the present resolution,")
    target = definition.target(state_of(own), own.index("paragraph 3") + len("paragraph "))
    assert target is not None and own[target.span.start:].startswith("3. Decides")


OMNIBUS = (
    "The General Assembly,\n\nRecalling its resolution 70/1,\n\nI\n\nGeneral provisions\n\n"
    "1. Takes note of the report;\n\n2. Requests a study;\n\n3. Decides to act;\n\n"
    "II. Capital master plan\n\nA\n\nA new approach\n\n1. Notes progress:\n\n(a) On the roof;\n\n(b) On the walls;\n\n"
    "2. Welcomes the report;\n\nB\n\n1. Stresses the need for care;\n\n"
    "III\n\n1. Recalls paragraph 2 of section I, paragraph 1 (b) of section II of the present resolution, "
    "paragraph 1 of section IV, paragraph 2 of section II of resolution 72/266, paragraph 1 of part B and paragraph 1 of section A;\n\n"
    "2 bis. Recalls its resolution 66/233, in particular paragraph 3 of section I thereof;\n\n"
    "2. Decides to review paragraph 1 above and paragraph 2 of section I.\n"
)


def test_definition_of_a_paragraph_of_a_part_is_in_that_part():
    """A multi-part resolution's first part is marked in its title block ("A" over its
    subject, before the opening), the others by headings."""
    text = (
        "79/5. Questions relating to information\n\nA\nInformation in the service of humanity\n\n"
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Urges all countries to cooperate;\n\n"
        "B\nUnited Nations public information policies\n\nThe General Assembly,\n\nRecalling paragraph 1 of part A,\n\n"
        "1. Requests the Department to continue, in line with paragraph 1 of part B.\n"
    )
    st_ = state_of(text)
    for ref, start in (("paragraph 1 of part A", "1. Urges"), ("paragraph 1 of part B", "1. Requests")):
        target = definition.target(st_, text.index(ref) + len("paragraph "))
        assert target is not None and text[target.span.start:].startswith(start), ref


@pytest.mark.parametrize("ref, start", [
    ("paragraph 2 of section I,", "2. Requests a study"),
    ("paragraph 1 (b) of section II", "(b) On the walls"),
    ("paragraph 1 of section IV", None),  # no such section here
    ("paragraph 2 of section II of resolution", None),  # another text's section
    ("paragraph 1 of part B", "1. Stresses"),  # lettered sub-section inside section II
    ("paragraph 1 of section A", "1. Notes progress"),  # "A new approach" is a title, no section
    ("paragraph 1 above", "1. Recalls"),  # this section's own paragraph 1, not section I's
    ("paragraph 2 of section I.", "2. Requests a study"),
    ("paragraph 3 of section I thereof", None),  # of resolution 66/233
])
def test_definition_of_a_paragraph_of_a_section_is_in_that_section(ref, start):
    target = definition.target(state_of(OMNIBUS), OMNIBUS.index(ref) + len("paragraph "))
    if start is None:
        assert target is None
    else:
        assert target is not None and OMNIBUS[target.span.start:].startswith(start)


SUBS = (
    "The General Assembly,\n\nRecalling its work,\n\n1. Encourages States:\n\n(a) To act;\n\n(b) To report:\n\n"
    "(i) First;\n\n(ii) Second;\n\n2. Requests a report on paragraph 1 (b) (ii) above, paragraph 1 (c) and paragraph 1(a);\n"
)


@pytest.mark.parametrize("ref, start", [
    ("paragraph 1 (b) (ii)", "(ii) Second"),
    ("paragraph 1 (c)", "1. Encourages"),  # no (c): the paragraph itself
    ("paragraph 1(a)", "(a) To act"),
])
def test_definition_of_a_sub_paragraph_reference_is_that_sub_paragraph(ref, start):
    target = definition.target(state_of(SUBS), SUBS.index(ref) + len("paragraph "))
    assert target is not None and SUBS[target.span.start:].startswith(start)


ANNEXED = (
    "The General Assembly,\n\nRecalling the annex to its resolution 70/1,\n\n"
    "1. Adopts the principles set out in the annex to the present resolution;\n\n"
    "2. Requests a report, see annex II;\n\nAnnex I\n\nPrinciples\n\n1. First principle.\n\nAnnex II\n\nOther text.\n"
)


@pytest.mark.parametrize("ref, heading", [
    ("annex to the present", "Annex I\n"),
    ("annex II;", "Annex II\n"),
    ("annex to its resolution", None),
    ("Annex I\n", None),
])
def test_definition_of_an_annex_reference_is_its_heading(ref, heading):
    st_ = state_of(ANNEXED)
    target = definition.target(st_, ANNEXED.index(ref) + 2)
    if heading is None:
        assert target is None
    else:
        assert target is not None and ANNEXED[target.span.start:].startswith(heading)


def test_formatting_renumbers_and_applies_safe_fixes():
    st_ = state_of(drafts.NONBMP)
    from resolint.fixes import apply_edits

    out = apply_edits(drafts.NONBMP, formatting.formatting_edits(st_))
    codes = [f.code for f in lint(out).findings]
    assert "OPR002" not in codes and "PRE004" not in codes
    assert "3. Requests" in out and "Calling" in out  # the unsafe opener fix is not applied


@pytest.mark.parametrize("reference", ["", " (see subparagraph (c) above)", " (paragraph 1 (d) above)"])
def test_formatting_relabels_sub_paragraphs_only_where_no_reference_names_a_label(reference):
    """Formatting relabelled "(c)" as "(b)" and left "subparagraph (c) above" pointing at
    another item: the relabelling follows no reference."""
    from resolint.fixes import apply_edits

    text = ("The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Requests the Secretary-General:\n\n"
            "(a) To report;\n\n(c) To consult;\n\n(d) To inform" + reference + ";\n\n2. Decides to remain seized of the matter.\n")
    out = apply_edits(text, formatting.formatting_edits(state_of(text)))
    assert ("(b) To consult" in out) is (reference == "")


# -- property: incremental sync then lint == fresh lint ------------------------------
EDIT_TEXT = st.lists(
    st.sampled_from(["Recalls ", "Recalling ", "1. ", "2. ", "Urges ", ";", ",", ".", "\n\n", "\n", "𝔸", "😀", "e\u0301", "x", " "]),
    max_size=4,
).map("".join)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 1), st.floats(0, 0.05), EDIT_TEXT), min_size=1, max_size=8),
    st.sampled_from(ENCODINGS),
)
def test_random_incremental_edits_give_fresh_lint_diagnostics(edits, encoding):
    store = DocumentStore(encoding)
    store.open("file:///d.txt", 1, drafts.NONBMP)
    text = drafts.NONBMP
    for i, (where, length, new) in enumerate(edits):
        a = int(where * len(text))
        b = min(len(text), a + int(length * len(text)))
        if 0 < a < len(text) and text[a - 1] == "\r" and text[a] == "\n":
            a -= 1
        rng = range_of(text, a, b, encoding)
        store.change("file:///d.txt", i + 2, [types.TextDocumentContentChangePartial(range=rng, text=new)])
        text = text[:a] + new + text[b:]
    doc = store.get("file:///d.txt")
    incremental = build_state(doc.uri, doc.version, doc.text, doc.index, ProjectSettings(Settings(), None), EditorSettings(), None, encoding)
    fresh = state_of(text, encoding)
    assert [(d.code, d.range, d.message, d.data) for d in incremental.diagnostics] == [
        (d.code, d.range, d.message, d.data) for d in fresh.diagnostics
    ]


def test_notification_futures_are_not_kept():
    from resolint.lsp.server import server

    proto = server.protocol

    def handler(params):
        yield from ()

    proto._execute_handler("note-1", handler, proto._check_handler_result, args=(None,))
    assert "note-1" not in proto._request_futures


def test_unknown_style_is_reported_and_detection_used(tmp_path: Path):
    st_ = state_of(drafts.PLAIN, editor=EditorSettings(style="no-such-style"))
    assert st_.problems and "no-such-style" in st_.problems[0]
    assert st_.result.style.name == "un-ga"
    (tmp_path / "resolint.toml").write_text('style = "also-missing"\n')
    project = ProjectConfig().for_path(tmp_path / "d.txt")
    st2 = state_of(drafts.PLAIN, project=project)
    assert st2.problems and "also-missing" in st2.problems[0] and st2.result.style.name == "un-ga"


def test_shutdown_with_pending_notification_futures():
    """pygls cancels every pending future at shutdown while iterating over them."""
    import asyncio

    from resolint.lsp.server import server

    proto = server.protocol

    async def forever(params):
        await asyncio.Event().wait()

    def handler(params):
        yield forever, (params,), None  # a notification whose work never finishes

    async def scenario():
        for i in range(3):
            proto._execute_handler(f"pending-{i}", handler, proto._check_handler_result, args=(None,))
        assert "pending-0" in proto._request_futures
        for _id, fut in proto._request_futures.items():  # what lsp_shutdown does
            fut.cancel()
        await asyncio.sleep(0)
        proto._request_futures.clear()

    asyncio.run(scenario())


def test_hover_on_real_citations():
    """The citations engine on main feeds hover through LintResult.facts.citations."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 78/10 of 21 November 2023 and "
        "Security Council resolution 2178 (2014),\n\n1. Decides to act.\n"
    )
    st_ = state_of(text)
    ga = hover.hover(st_, text.index("78/10") + 1).contents.value
    assert "General Assembly resolution 78/10" in ga and "21 November 2023" in ga
    sc = hover.hover(st_, text.index("2178") + 1).contents.value
    assert "Security Council resolution 2178 (2014)" in sc


def test_the_outline_of_a_compilation_has_one_symbol_per_resolution():
    """25 resolutions gave 127 symbols side by side ("Preamble" ×25, "Operative part" ×25…);
    the title line of each after the first went with the one before it."""
    one = "79/{n}. Subject {n}\n\nThe General Assembly,\n\nRecalling its resolution 78/{n},\n\n1. Decides to act;\n\n2. Decides to remain seized of the matter.\n\n"
    text = "".join(one.format(n=n) for n in (1, 2, 3))
    syms = symbols_of(outline.document_symbols(state_of(text)))
    assert [s.name for s in syms] == ["Resolution 1", "Resolution 2", "Resolution 3"]
    assert [s.detail for s in syms] == ["79/1. Subject 1", "79/2. Subject 2", "79/3. Subject 3"]
    for s in syms:
        assert [c.name for c in s.children][-2:] == ["Preamble", "Operative part"]
    single = symbols_of(outline.document_symbols(state_of(one.format(n=1))))
    assert "Preamble" in [s.name for s in single]  # one resolution: its groups at the top, as before


def test_each_resolution_of_a_compilation_has_its_title_block():
    """The parser reads the first resolution's title line as the title block and a later
    one's (after the closing lines before it) as a heading: the outline showed the first
    in a "Title block" and the others as a heading of their own. The compilation's own
    heading does not name its first resolution."""
    one = "79/{n}. Subject {n}\n\nThe General Assembly,\n\nRecalling its resolution 78/{n},\n\n1. Decides to act.\n\n{n}0th plenary meeting\n{n} December 2024\n\n"
    text = "Resolutions adopted by the General Assembly\n\n" + "".join(one.format(n=n) for n in (1, 2, 3))
    syms = symbols_of(outline.document_symbols(state_of(text)))
    assert [s.name for s in syms] == ["Resolution 1", "Resolution 2", "Resolution 3"]
    assert [s.detail for s in syms] == ["79/1. Subject 1", "79/2. Subject 2", "79/3. Subject 3"]
    for n, s in enumerate(syms, start=1):
        assert [c.name for c in s.children] == ["Title block", "The General Assembly,", "Preamble", "Operative part", "Closing"]
        assert s.children[0].children[-1].name == f"79/{n}. Subject {n}"


def test_the_parts_of_a_multi_part_resolution_are_named_by_their_marks():
    text = (
        "79/5. Questions relating to information\n\nA\nInformation in the service of humanity\n\n"
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Urges all countries to cooperate;\n\n"
        "B\nUnited Nations public information policies\n\nThe General Assembly,\n\nRecalling its resolution 78/2,\n\n"
        "1. Requests the Department to continue.\n\n50th plenary meeting\n5 December 2024\n"
    )
    syms = symbols_of(outline.document_symbols(state_of(text)))
    assert [s.name for s in syms] == ["Part A", "Part B"]  # not "Resolution 2": one resolution
    assert [c.name for c in syms[1].children][0] == "Title block"




@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_disable_in_a_draft_quoted_line_by_line_keeps_its_comment_quoted(newline):
    """In an e-mail reply or a Markdown blockquote, the comment's line is quoted as the
    paragraph's is: unquoted, it split the quotation in two."""
    from resolint.fixes import apply_edits

    text = QUOTED.replace("\n", newline)
    st_ = state_of(text)
    assert len(st_.findings) >= 3, [f.code for f in st_.findings]
    for f in st_.findings:
        edit = actions.disable_edit(st_, f)
        assert edit is not None, f
        new = apply_edits(text, [edit])
        line = new[edit.span.start : new.index(newline, edit.span.start)]
        marker = re.match(r"(?:> ?)+", text[edit.span.start :]).group()  # "> " or "> > "
        assert line == f"{marker}<!-- resolint: ignore[{f.code}] -->", line
        # The finding goes, nothing else changes, and the draft is still read as quoted.
        after = lint(new).findings
        assert sorted((g.code, g.message) for g in after) == sorted((g.code, g.message) for g in st_.findings if g is not f)


def test_disable_extends_a_quoted_directive():
    from resolint.fixes import apply_edits

    text = QUOTED.replace("> Recalling its resolutions\n", "> <!-- resolint: ignore[PRE002] -->\n> Recalling its resolutions\n")
    st_ = state_of(text)
    f = next(f for f in st_.findings if f.code == "PRE004")
    new = apply_edits(text, [actions.disable_edit(st_, f)])
    assert "> <!-- resolint: ignore[PRE002, PRE004] -->\n> Recalling" in new
    assert "PRE004" not in [g.code for g in lint(new).findings]


def test_minimal_edit_never_splits_a_crlf_at_either_end():
    """Random texts of CR, LF and letters and random changes of them: the one edit gives
    the new text, and neither of its ends falls between a ``\\r`` and its ``\\n`` (no LSP
    position lies there; the end did when a removed ``\\r``'s ``\\n`` was kept)."""
    rng = random.Random(5)
    for _ in range(3000):
        old = "".join(rng.choice(["\r", "\n", "\r\n", "a", "b"]) for _ in range(rng.randint(0, 8)))
        new = "".join(rng.choice(["\r", "\n", "\r\n", "a", "b"]) for _ in range(rng.randint(0, 8)))
        e = actions.minimal_edit(old, new)
        if e is None:
            assert old == new
            continue
        assert old[: e.span.start] + e.new_text + old[e.span.end :] == new
        for at in (e.span.start, e.span.end):
            assert not (0 < at < len(old) and old[at - 1 : at + 1] == "\r\n"), (old, new, e)
