"""The outline written as JSON text (resolint.lsp.json_text), with each paragraph's symbol
kept between versions of a document (resolint.lsp.outline): what an editor receives is
what building every symbol afresh gives, after any edit, and a keystroke builds again
only what it changed."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pygls.protocol import default_converter

from resolint.config import Settings
from resolint.incremental import IncrementalLinter
from resolint.lsp import outline
from resolint.lsp.json_text import JsonText, response_text
from resolint.lsp.positions import LineIndex
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state
from resolint.source import SourceText
from tests.lsp import drafts
from tests.lsp.helpers import symbols_of

_BREAK = re.compile(r"\r\n|\n|\r")
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
COMPILATION = "".join(
    f"79/{n}. Subject {n}\n\nThe General Assembly,\n\nRecalling its resolution 78/{n},\n\n"
    f"1. Requests the Secretary-General:\n\n(a) To report;\n\n(b) To act;\n\n2. Decides to remain seized of the matter.\n\n"
    for n in (1, 2, 3)
)
BASES = [
    drafts.PLAIN,
    drafts.NONBMP,
    drafts.INTERPOL,
    COMPILATION,
    (FIXTURES / "groups" / "grouped-clauses.txt").read_text(encoding="utf-8"),
]
# Edits that change a paragraph's text, its lines (and every line after it), how it is
# read (an opener, a label, a sub-paragraph, a heading) and its columns in UTF-16 and UTF-8.
INSERTS = st.sampled_from([
    "x", "", "\n", "\r\n", "\n\n", "\r", "Urges ", "Recalling ", "1. ", "(a) ", "(c) To act;\n\n", ";", ",",
    "😀", "é", "\u00ad", "\n\nThe General Assembly,\n\n", "\n\nresolves\n\n", "<!-- resolint: ignore -->\n\n",
])
EDITS = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12), INSERTS), min_size=1, max_size=8)


def _linted(text: str, version: int, index: LineIndex, linter: IncrementalLinter, project: ProjectSettings, style: str | None):
    return build_state("file:///d.txt", version, text, index, project, EditorSettings(style=style), None, index.encoding, linter)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(range(len(BASES))), EDITS, st.sampled_from(["utf-16", "utf-8"]), st.sampled_from([None, "itu", "interpol"]))
def test_kept_symbols_are_the_symbols_built_afresh(base, edits, encoding, style):
    """At every step of a run of edits (and a change of house style half-way), the outline
    put together from kept symbols is the one built from nothing, byte for byte."""
    text = BASES[base]
    project, linter, kept = ProjectSettings(Settings(), None), IncrementalLinter(), outline.KeptSymbols()
    index = LineIndex(SourceText(text), encoding)
    for version, (where, cut, new) in enumerate(edits, start=1):
        at = int(where * len(text))
        index = LineIndex(index.source.edited(at, min(len(text), at + cut), new), encoding)
        text = index.text
        state = _linted(text, version, index, linter, project, style if version > len(edits) // 2 else None)
        assert outline.document_symbols(state, kept) == outline.document_symbols(state)


def test_a_keystroke_builds_again_only_the_symbol_it_changed(monkeypatch):
    """Typing a letter in one paragraph of a compilation writes that paragraph's symbol
    again and takes every other from what was kept; a line break added above them all
    moves every kept symbol down a line and writes none again."""
    text = COMPILATION * 4
    project, linter, kept = ProjectSettings(Settings(), None), IncrementalLinter(), outline.KeptSymbols()
    index = LineIndex(SourceText(text), "utf-16")
    outline.document_symbols(_linted(text, 1, index, linter, project, None), kept)
    built: list[int] = []
    real = outline._symbol
    monkeypatch.setattr(outline, "_symbol", lambda state, p: built.append(p.span.start) or real(state, p))

    at = text.index("Recalling its resolution 78/2") + len("Recalling")
    index = LineIndex(index.source.edited(at, at, "x"), "utf-16")
    state = _linted(index.text, 2, index, linter, project, None)
    typed = outline.document_symbols(state, kept)
    edited = next(p for p in state.result.resolution.body if p.span.start <= at < p.span.end)
    assert built == [edited.span.start]
    assert typed == outline.document_symbols(state)

    built.clear()
    index = LineIndex(index.source.edited(0, 0, "\n"), "utf-16")
    state = _linted(index.text, 3, index, linter, project, None)
    moved = outline.document_symbols(state, kept)
    assert built == [] and moved == outline.document_symbols(state) and moved != typed


def test_the_outline_text_is_what_a_client_reads():
    """ASCII JSON (its length in characters is its length in bytes) that lsprotocol reads
    as DocumentSymbols, names with characters outside ASCII kept."""
    text = drafts.NONBMP
    state = _linted(text, 1, LineIndex(SourceText(text), "utf-16"), IncrementalLinter(), ProjectSettings(Settings(), None), None)
    written = outline.document_symbols(state, outline.KeptSymbols())
    assert isinstance(written, JsonText) and written.isascii()
    names = [s.name for s in symbols_of(written)]
    assert names[0] == "Title block" and "Operative part" in names


def test_a_response_carries_the_result_as_written():
    for msg_id in (7, "req-7"):
        body = response_text(msg_id, JsonText('[{"a":1}]'))
        assert json.loads(body) == {"id": msg_id, "jsonrpc": "2.0", "result": [{"a": 1}]}


def _in_place(text: str, old: str, new: str) -> tuple[int, int, str]:
    at = text.index(old)
    return at, at + len(old), new


SAME_PLACE_CASES = {
    # The first opening of a compilation blanked out, every line where it was: the
    # paragraphs after it keep their text and place but are read otherwise.
    "placement": (COMPILATION, None, None, lambda t: _in_place(t, "The General Assembly,", "x" * len("The General Assembly,"))),
    # A paragraph cut from a run-on line starts mid-line: a letter typed before it moves
    # its columns alone.
    "column": (
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Decides to act; 2. Requests the Secretary-General to report;\n\n"
        "3. Decides to remain seized of the matter.\n",
        None, None, lambda t: _in_place(t, "to act;", "to actx;"),
    ),
    # The house style decides the opener ("Resolves to instruct" is one in ITU's lists).
    "style": (
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Resolves to instruct the Secretary-General to act;\n\n"
        "2. Decides to remain seized of the matter.\n",
        None, "itu", None,
    ),
}


def test_a_symbol_read_otherwise_in_the_same_place_is_written_again():
    """A kept symbol is taken only for the same text, read the same way, in the same place:
    three ways the outline changes while a paragraph's text stays as it was."""
    for name, (text, style, later_style, edit) in SAME_PLACE_CASES.items():
        project, linter, kept = ProjectSettings(Settings(), None), IncrementalLinter(), outline.KeptSymbols()
        index = LineIndex(SourceText(text), "utf-16")
        before = outline.document_symbols(_linted(text, 1, index, linter, project, style), kept)
        if edit is not None:
            index = LineIndex(index.source.edited(*edit(text)), "utf-16")
        state = _linted(index.text, 2, index, linter, project, later_style)
        after = outline.document_symbols(state, kept)
        assert after == outline.document_symbols(state), name
        assert after != before, name


def _line_of(text: str, offset: int) -> int:
    """The LSP line of ``offset``, counted on the text itself (a test's own count)."""
    return len(_BREAK.findall(text[:offset]))


def _folds_counted(state) -> list[tuple[int, int]]:
    """Folding ranges as the outline defines them (each group of top-level paragraphs and
    each paragraph with its sub-paragraphs, when it spans lines), counted independently."""
    text, body = state.text, state.result.resolution.body

    def end_of(p):
        return max([p.span.end] + [end_of(c) for c in p.children])

    roots = [p for p in body if p.parent is None]
    groups: list[list] = []
    for p in roots:
        if groups and groups[-1][-1].kind is p.kind:
            groups[-1].append(p)
        else:
            groups.append([p])
    spans = [(g[0].span.start, max(map(end_of, g))) for g in groups] + [(p.span.start, end_of(p)) for p in body]
    lines = {(_line_of(text, s), _line_of(text, max(s, e - 1))) for s, e in spans}
    return sorted(((a, b) for a, b in lines if b > a), key=lambda r: (r[0], -r[1]))


def test_folding_ranges_are_the_lines_of_groups_and_long_paragraphs():
    """On drafts with paragraphs of one line and of several, sub-paragraphs, and every
    kind of line break."""
    long = drafts.PLAIN.replace("Requests the Secretary-General to report;", "Requests the Secretary-General\nto report\non this;")
    last_line_of_one = drafts.PLAIN.replace("Requests the Secretary-General to report;", "Requests the Secretary-General to report\n;")
    for text in [*BASES, long, last_line_of_one]:
        for newline in ("\n", "\r\n", "\r"):
            t = text.replace("\r\n", "\n").replace("\n", newline)
            state = _linted(t, 1, LineIndex(SourceText(t), "utf-16"), None, ProjectSettings(Settings(), None), None)
            assert [(f.start_line, f.end_line) for f in outline.folding_ranges(state)] == _folds_counted(state)


def test_a_new_configuration_writes_the_symbols_again(tmp_path):
    """A project's own house style keeps its name when its file changes (another opener
    listed): the outline then follows the new lists, not what was kept under the old."""
    from resolint.config import load_settings

    text = (
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n"
        "1. Resolves to instruct the Secretary-General to act;\n\n2. Decides to remain seized of the matter.\n"
    )
    config = tmp_path / "resolint.toml"

    def configured(extra: str) -> ProjectSettings:
        config.write_text(f'style = "house"\n\n[styles.house]\nextends = "un-ga"\n{extra}', encoding="utf-8")
        return ProjectSettings(load_settings(config), None)

    symbols, index = outline.KeptSymbols(), LineIndex(SourceText(text), "utf-16")
    names = []
    for version, project in enumerate([configured(""), configured('\n[styles.house.openers]\nextend-operative = ["resolves to instruct"]\n')]):
        state = _linted(text, version, index, IncrementalLinter(), project, None)
        assert state.result.facts.style.name == "house"
        written = outline.document_symbols(state, symbols)
        assert written == outline.document_symbols(state)
        names.append([c.name for s in symbols_of(written) for c in s.children or []])
    assert "1. Resolves" in names[0] and "1. Resolves to instruct" in names[1]


def test_the_flat_outline_is_the_nested_one_in_document_order():
    """For a client without hierarchicalDocumentSymbolSupport: each symbol once, parents
    before children, the parent's name as containerName, read back as SymbolInformation."""
    def walk(symbols, container):
        for s in symbols:
            yield s.name, s.kind, s.range, container
            yield from walk(s.children or [], s.name)

    project = ProjectSettings(Settings(), None)
    for text in BASES:
        state = _linted(text, 1, LineIndex(SourceText(text), "utf-16"), IncrementalLinter(), project, None)
        nested = outline.document_symbols(state, outline.KeptSymbols())
        flat = outline.flat_symbols(nested, "file:///d.txt")
        assert isinstance(flat, JsonText) and flat.isascii()
        infos = default_converter().structure(json.loads(flat), list[types.SymbolInformation])
        assert [(s.name, s.kind, s.location.range, s.container_name) for s in infos] == list(walk(symbols_of(nested), None))
        assert {s.location.uri for s in infos} == {"file:///d.txt"}
