"""Shortcuts taken for speed (issue 13) must answer exactly what the plain way answers.

Each test sets a shortcut against the computation it replaces: the nearest configuration
file found once per folder against :func:`resolint.config.find_config`, the head lines of
a file read from a prefix against ``str.splitlines``, the first-letter tests of the
placement steps against the patterns they guard, and the written-out ``__init__`` of the
frozen classes against the dataclass behaviour callers rely on.
"""

from __future__ import annotations

import dataclasses
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.cli.drafts import _head_lines
from resolint.config import ConfigFinder, find_config
from resolint.openers import Opener
from resolint.parser import patterns as P
from resolint.parser import placement
from resolint.source import Span


def _tree(tmp_path):
    """Folders with a configuration at several depths, a pyproject without a resolint
    section (not a configuration) and one with it."""
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / "resolint.toml").write_text("")
    (tmp_path / "a" / "b" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "d" / "e").mkdir(parents=True)
    (tmp_path / "d" / "pyproject.toml").write_text("[tool.resolint]\n")
    (tmp_path / "d" / "e" / ".resolint.toml").write_text("")
    (tmp_path / "f").mkdir()
    files = []
    for folder in ("a", "a/b", "a/b/c", "d", "d/e", "f", "."):
        f = tmp_path / folder / "draft.txt"
        f.write_text("x")
        files.append(f)
    return files


def test_config_finder_finds_what_find_config_finds(tmp_path):
    files = _tree(tmp_path)
    nearest = ConfigFinder()
    starts = [*files, *files, *(f.parent for f in files), tmp_path / "a" / "b" / "c" / ".." / "draft.txt"]
    for start in starts:
        assert nearest(start) == find_config(start), start


def test_config_finder_reads_a_folder_once(tmp_path, monkeypatch):
    files = _tree(tmp_path)
    nearest = ConfigFinder()
    nearest(files[2])  # a/b/c: looks in c, b, a
    looked: list = []
    import resolint.config as config

    real = config._config_in
    monkeypatch.setattr(config, "_config_in", lambda folder: looked.append(folder) or real(folder))
    assert nearest(files[1]) == tmp_path / "a" / "resolint.toml"  # a/b: known from a/b/c
    assert looked == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "bb ", "\n", "\r", "\r\n", "\x0b", "\x1c", "\u2028", "\x85", "x" * 700, ""]), max_size=400),
       st.sampled_from([0, 1, 3, 200, 5000]))
def test_head_lines_are_the_first_lines(pieces, count):
    """The lines the parser reads (breaks at CR, LF and CRLF only: a vertical tab or a
    line separator is inside a line)."""
    from resolint.source import SourceText

    text = "".join(pieces)
    source = SourceText(text)
    assert list(_head_lines(text, count)) == [source.line_text(i) for i in range(min(count, source.line_count))]


def test_head_lines_stop_where_the_reader_stops():
    text = "The General Assembly,\n" + "x" * 10_000_000
    lines = _head_lines(text, 200)
    assert next(lines) == "The General Assembly,"  # from the first 4 KB, not 10 MB of splitting


#: Each placement step's first-letter test and the patterns it guards: a paragraph the
#: test passes over is one none of the patterns matches.
GUARDS = [
    (placement._NOT_T, [P.OPENING]),
    (placement._NOT_A, [P.ANNEX, P.ANNEX_TO_RESOLUTION, P.ANNEX_TITLED, P.ADOPTED, P.PLENARY, P.DATE_LINE]),
    (placement._NOT_W, [P.DECLARATION_START]),
    (placement._LETTERS, [P.JUNK, P.MD_HEADING, P.THEMATIC_BREAK, P.HTML_COMMENT]),
    (placement._DIGITS, [P.MD_HEADING, P.THEMATIC_BREAK]),
]


@pytest.mark.parametrize(("passed_over", "patterns"), GUARDS)
@settings(max_examples=300, deadline=None)
@given(rest=st.text("The GeneralAssembly,Anex12 .:-*_#()\n\u00a0weWtTaA0", max_size=30))
def test_placement_guards_pass_over_only_what_cannot_match(passed_over, patterns, rest):
    for lead in passed_over:
        body = lead + rest
        assert not any(p.match(body) for p in patterns), (lead, body)


def test_placement_guards_let_the_patterns_match():
    assert P.OPENING.match("The General Assembly,") and "T" not in placement._NOT_T
    assert P.ANNEX.match("annex") and P.ADOPTED.match("Adopted") and "a" not in placement._NOT_A and "A" not in placement._NOT_A
    assert P.DECLARATION_START.match("We, the Heads") and "W" not in placement._NOT_W


def test_span_is_still_a_frozen_checked_dataclass():
    s = Span(2, 5)
    assert (s.start, s.end, len(s)) == (2, 5, 3)
    assert s == Span(2, 5) and hash(s) == hash(Span(2, 5)) and s != Span(2, 6)
    assert dataclasses.replace(s, end=9) == Span(2, 9)
    assert pickle.loads(pickle.dumps(s)) == s
    assert repr(s) == "Span(start=2, end=5)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 3  # type: ignore[misc]
    for bad in ((-1, 2), (3, 2)):
        with pytest.raises(ValueError, match=re.escape(f"bad span {bad[0]}..{bad[1]}")):
            Span(*bad)


def test_opener_is_still_a_frozen_dataclass():
    s = Span(0, 9)
    op = Opener(span=s, head=s, phrase="Recalling")
    assert (op.before, op.after, op.emphasis, op.listed) == (None, None, "", True)
    assert op == Opener(s, s, "Recalling", None, None, "") and hash(op) == hash(Opener(s, s, "Recalling"))
    assert dataclasses.replace(op, phrase=None).listed is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        op.phrase = "x"  # type: ignore[misc]


def test_label_reads_share_one_answer_once():
    from resolint.parser import _LabelReads
    from resolint.parser.labels import read_label

    text = "3. Decides to remain seized of the matter."
    reads = _LabelReads()
    first = reads(text, 0, len(text))
    assert first == read_label(text, 0, len(text))
    assert reads(text, 0, len(text)) is first  # the paragraph takes what the cut read
    third = reads(text, 0, len(text))
    assert third == first and third[0] is not first[0]  # read afresh: never a third holder
    assert reads(text, 0, 2) == read_label(text, 0, 2)  # another end, another answer


def test_parse_reads_as_without_shared_label_reads(monkeypatch):
    """The parse with label reads shared between the cut and the paragraph equals the
    parse where each reads its own."""
    import resolint.parser as parser_module
    from resolint.parser import parse

    text = (
        "The Council,\n\n1 resolves that a); 2 that b;\n\n- 3. Decides (a) x;\n\n"
        "(iv) Also; 5 that y, 6 to z\n\nrecalling\n\na) one;\n"
    )
    shared = parse(text)
    monkeypatch.setattr(parser_module, "_LabelReads", lambda: parser_module.read_label)
    alone = parse(text)
    assert [(p.kind, p.span, p.content, p.label, p.bullet, p.terminal) for p in shared.paragraphs] == [
        (p.kind, p.span, p.content, p.label, p.bullet, p.terminal) for p in alone.paragraphs
    ]
    assert shared.run_on == alone.run_on


def test_a_program_calling_main_keeps_its_garbage_collector(tmp_path):
    """Only the command's own process freezes its heap and raises the collection
    thresholds (cli.main._batch_collector); a caller of main() keeps its settings."""
    import gc

    from resolint.cli.main import main

    draft = tmp_path / "d.txt"
    draft.write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
    before = (gc.get_threshold(), gc.get_freeze_count())
    main(["check", str(draft)])
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
