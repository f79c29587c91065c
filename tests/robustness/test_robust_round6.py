"""Robustness, round six: hostile or unlucky inputs of classes the earlier rounds did not
try (links that loop, a user without rights, ...). Each test builds its input in code."""

from __future__ import annotations

import contextlib
import math

import pytest

from resolint.cli.main import main
from resolint.config import ConfigError, load_settings
from resolint.engine import lint
from resolint.fixes import fix_text

_DRAFT = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n"
_STYLE = 'style = "house"\n[styles.house]\nextends = "un-ga"\n[styles.house.openers]\nextend-preambular = ["@{}"]\n'


def _loops(folder):
    """Two links naming each other, and a link naming itself (a folder that never ends)."""
    (folder / "loop1").symlink_to("loop2")
    (folder / "loop2").symlink_to("loop1")
    (folder / "self").symlink_to("self")


@pytest.mark.parametrize("name", ["loop1", "self/phrases.txt"])
def test_an_include_through_a_link_loop_says_it_is_a_loop(tmp_path, name):
    """It said "'@loop1' is outside the configuration's folder": resolve() raises for a
    loop, which read as outside, and the user looked for a path leaving the folder."""
    _loops(tmp_path)
    (tmp_path / "resolint.toml").write_text(_STYLE.format(name), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path / "resolint.toml")
    assert "loop of symbolic links" in caught.value.problem and "outside" not in caught.value.problem
    assert caught.value.key.endswith("extend-preambular")


@pytest.mark.parametrize("name", ["loop1", "self/base.toml"])
def test_an_extend_through_a_link_loop_says_it_is_a_loop(tmp_path, name):
    """It said "cannot use 'loop1' as a file name: Symlink loop from '/…/loop1'" (Python's
    words), or on a newer Python "file not found"."""
    _loops(tmp_path)
    (tmp_path / "resolint.toml").write_text(f'extend = "{name}"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path / "resolint.toml")
    assert caught.value.key == "extend" and "loop of symbolic links" in caught.value.problem


def test_a_config_option_naming_a_link_loop_is_a_configuration_error(tmp_path, monkeypatch, capsys):
    """``--config loop1``: "internal error: RuntimeError: Symlink loop from …"."""
    _loops(tmp_path)
    (tmp_path / "d.res.txt").write_text(_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--config", "loop1", "d.res.txt"]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err and "loop of symbolic links" in err and "internal error" not in err, err


def test_a_configuration_name_that_is_a_link_loop_is_named_not_passed_over_silently(tmp_path, monkeypatch, capsys):
    """A ``resolint.toml`` that is a link to itself was passed over without a word (exists()
    is False for a loop) and the defaults applied: now the warning any configuration name
    that is no regular file gets, saying it is a loop."""
    (tmp_path / "resolint.toml").symlink_to("resolint.toml")
    (tmp_path / "d.res.txt").write_text(_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "d.res.txt"])
    err = capsys.readouterr().err
    assert "resolint.toml" in err and "loop of symbolic links" in err, err


# -- An invisible character between a word and a space ----------------------------------------

#: Every paragraph kind's first words, and a word inside a paragraph; {m} marks where the
#: character goes (the text without it is the draft as printed, with no finding).
_EDGES = ("The General Assembly,\n\nRecalling{m} its resolution 70/1 of 25 September 2015,\n\n"
          "Deeply{m} concerned by the situation,\n\nNoting with appreciation the {m}report,\n\n"
          "1. Requests the Secretary-General to report{m} on the matter;\n\n2. Decides{m} to remain seized of the matter.\n")
_BESIDE_SPACE = {"shy": "\u00ad", "zwsp": "\u200b", "zwj": "\u200d", "zwnj": "\u200c", "wj": "\u2060"}


@pytest.mark.parametrize("mark", _BESIDE_SPACE.values(), ids=_BESIDE_SPACE.keys())
def test_an_invisible_character_between_a_word_and_a_space_is_read_through_and_removed(mark):
    """"Deeply\u00ad concerned" prints as "Deeply concerned": PRE002 said "'Deeply' is not a
    preambular opener" (the opener reader took "Deeply\u00ad" for the word) and TRM014 said
    nothing, nor removed it. Now read as printed, reported once where each stands, and
    removed by a safe fix that leaves the text as printed."""
    if mark == "\u2060":  # (the word joiner after a space holds the line: see the next test)
        text = _EDGES.replace("{m}report", "report").format(m=mark)
    else:
        text = _EDGES.format(m=mark)
    printed = _EDGES.format(m="")
    found = lint(text).findings
    assert {f.code for f in found} == {"TRM014"}, [(f.code, f.message) for f in found]
    assert [text[f.span.start : f.span.end] for f in found] == [mark] * text.count(mark)
    assert all(f.fix is not None and f.fix.applicability.value == "safe" for f in found)
    assert fix_text(text, lint).text == printed


@pytest.mark.parametrize("text", [
    "Recalling the report of the \u0645\u062c\u0644\u0633\u200d committee,",  # an Arabic word's last letter takes its shape from the joiner
    "Recalling the report of the \u2060Secretary-General,",  # the word joiner after a space keeps the line from breaking there
    "Recalling the report \u00ad of the Secretary-General,",  # between two spaces: beside no word
])
def test_a_mark_beside_a_space_that_shapes_or_holds_something_is_left_alone(text):
    draft = f"The General Assembly,\n\n{text}\n\n1. Decides to act.\n"
    assert "TRM014" not in {f.code for f in lint(draft).findings}



def test_standard_input_named_inside_a_link_loop_finds_the_configuration_above(tmp_path, monkeypatch, capsys):
    """``check - --stdin-filename self/x.res.txt`` where ``self`` links to itself: the search
    for its configuration resolved the folder and Python raised "Symlink loop from …", an
    internal error. The loop holds no configuration; the one above applies, and the
    names inside the loop are not called loops themselves."""
    import io

    _loops(tmp_path)
    (tmp_path / "resolint.toml").write_text('ignore = ["PRE003"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(_DRAFT.replace("Recalling", "recalling").encode())))
    code = main(["check", "-", "--stdin-filename", "self/x.res.txt"])
    captured = capsys.readouterr()
    assert "internal error" not in captured.err and "loop" not in captured.err, captured.err
    assert code == 0 and "PRE003" not in captured.out


@pytest.mark.parametrize("command", ["export", "annotate"])
@pytest.mark.parametrize("name, why", [("loop1", "loop of symbolic links"), ("folder", "a folder, not a file"), ("absent", "no such file")])
def test_export_and_annotate_say_why_a_name_is_no_file(tmp_path, monkeypatch, capsys, command, name, why):
    """Both said "no such file" of a loop of links or a folder that is there."""
    _loops(tmp_path)
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main([command, name]) == 2
    err = capsys.readouterr().err
    assert f"{name}: " in err and why in err, err


# -- Permissions, refused by the system itself (see unprivileged.py) ---------------------------

_LOWER = "The General Assembly,\n\nrecalling its resolution 70/1,\n\n1. Decides to act.\n"  # one safe fix


@pytest.fixture
def shared():
    """A folder the unprivileged user may enter, after a run as the user the tests are that
    imports what ``check --fix`` imports lazily (the child may not read the interpreter's
    own library when it lies in root's home)."""
    from unprivileged import cli, shared_folder

    with shared_folder() as folder:
        (folder / "warm.res.txt").write_text(_LOWER, encoding="utf-8")
        cli(["check", "--fix", "--format", "json", "warm.res.txt"], folder)
        (folder / "warm.res.txt").unlink()
        yield folder


def test_a_folder_that_may_be_listed_but_not_searched_reports_its_drafts(shared):
    """Mode r-- for the user: its names can be listed but not looked at. ``check FOLDER``
    said "No draft checked: no file was linted." and exited 0 (the walk took the refused
    ``stat`` for a dangling link); the faked test (os.stat replaced) never saw it."""
    from unprivileged import cli, unprivileged

    secret = shared / "secret"
    secret.mkdir()
    (secret / "x.res.txt").write_text(_LOWER, encoding="utf-8")
    (secret / "picture.png").write_bytes(b"\x89PNG")
    secret.chmod(0o744)  # others: r--
    code, out, err = unprivileged(lambda: cli(["check", "secret"], shared))
    assert code == 2 and "secret/x.res.txt: error: cannot read: Permission denied" in out, out + err
    assert "picture.png" not in out + err and "internal error" not in err


def test_fix_of_a_draft_this_user_may_not_write_keeps_its_findings(shared):
    """Another user's draft (mode 644): "error: cannot write the fixed text: Permission
    denied", its findings left out, "1 file not checked", exit 2. A read-only draft is
    "not fixed: the file is read-only", its findings reported (exit 1): now this one too."""
    from unprivileged import cli, unprivileged

    draft = shared / "theirs.res.txt"
    draft.write_text(_LOWER, encoding="utf-8")
    draft.chmod(0o644)
    code, out, err = unprivileged(lambda: cli(["check", "--fix", "theirs.res.txt"], shared))
    assert code == 1, out + err
    assert "theirs.res.txt: not fixed: this user may not write it (Permission denied)" in err
    assert "PRE003" in out and "not checked" not in out + err
    assert draft.read_text(encoding="utf-8") == _LOWER


def test_fix_of_a_word_document_this_user_may_not_write_keeps_its_findings(shared):
    import docx_factory as F
    from unprivileged import cli, unprivileged

    d = F.new()
    for line in _LOWER.strip().split("\n\n"):
        F.para(d, line)
    path = F.save(d, shared / "theirs.docx")
    warm = shared / "warm.docx"  # (what a Word document's fix imports, imported here)
    warm.write_bytes(path.read_bytes())
    cli(["check", "--fix", "warm.docx"], shared)
    path.chmod(0o644)
    before = path.read_bytes()
    code, out, err = unprivileged(lambda: cli(["check", "--fix", "theirs.docx"], shared))
    assert code == 1 and "theirs.docx: not fixed: this user may not write it" in err, out + err
    assert "PRE003" in out and "not checked" not in out + err
    assert path.read_bytes() == before


def test_fix_in_a_folder_this_user_may_not_write_writes_the_file_in_place(shared):
    """No temporary file can be made beside the draft: the draft itself, writable, is
    rewritten in place (its text complete)."""
    from unprivileged import cli, unprivileged

    folder = shared / "closed"
    folder.mkdir()
    draft = folder / "d.res.txt"
    draft.write_text(_LOWER, encoding="utf-8")
    draft.chmod(0o666)
    code, out, err = unprivileged(lambda: cli(["check", "--fix", "closed/d.res.txt"], shared))
    assert code == 0, out + err
    assert draft.read_text(encoding="utf-8") == _LOWER.replace("recalling", "Recalling")
    assert sorted(p.name for p in folder.iterdir()) == ["d.res.txt"]


def test_names_in_a_folder_this_user_may_not_search(shared):
    """The real refusals behind the faked tests of round five: a named draft there is
    "cannot look at it" (not "no such file"), and standard input named as if there finds
    the configuration above."""
    from unprivileged import cli, unprivileged

    (shared / "resolint.toml").write_text('ignore = ["PRE003"]\n', encoding="utf-8")
    hidden = shared / "hidden"
    hidden.mkdir()
    (hidden / "x.res.txt").write_text(_LOWER, encoding="utf-8")
    hidden.chmod(0o700)
    code, out, err = unprivileged(lambda: cli(["check", "hidden/x.res.txt"], shared))
    assert code == 2 and "hidden/x.res.txt: cannot look at it: Permission denied" in err, out + err

    def from_stdin():
        import io
        import sys

        sys.stdin = io.TextIOWrapper(io.BytesIO(_LOWER.encode()))
        return cli(["check", "-", "--stdin-filename", "hidden/sub/x.res.txt"], shared)

    code, out, err = unprivileged(from_stdin)
    assert code == 0 and "internal error" not in err, out + err



@pytest.mark.parametrize("mark", ["\u00ad", "\u200b"])
def test_a_word_read_alone_is_read_without_a_mark_at_its_edge(mark):
    """The word readers read a word on its own ("Welcoming\u00ad", as the tokenizer cuts it:
    invisible characters count as part of a word); the end of the stretch is its edge."""
    from resolint.invisible import readable

    assert readable(f"Welcoming{mark}") == "Welcoming"
    assert readable(f"{mark}Welcoming") == "Welcoming"
    assert readable(f"Wel{mark}coming") == "Welcoming"


# -- Line separators other than CR and LF ---------------------------------------------------------


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e"], ids=["ls", "ps", "nel", "fs", "gs", "rs"])
def test_a_line_separator_at_a_paragraphs_end_is_no_missing_full_stop(sep):
    """A separator ``str.splitlines`` breaks at but the line index does not (LSP breaks at
    CR and LF only) after a paragraph's full stop: OPR007 said it had no final mark, and
    its safe fix wrote a second full stop after the separator ("matter.\\u2028.")."""
    text = f"The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to remain seized of the matter.{sep}{sep}\n"
    assert not lint(text).findings
    assert fix_text(text, lint).text == text


# -- A configuration of thousands of entries ------------------------------------------------------


def test_thousands_of_per_file_ignores_are_compiled_once_a_lint(tmp_path, monkeypatch):
    """10,000 ``per-file-ignores`` patterns: one draft took minutes. The engine asks for each
    rule whether the file's patterns ignore it, and each ask translated and compiled every
    pattern again (the compiled forms' cache held 256). Now each pattern is translated
    once, and the last pattern still applies."""
    import fnmatch

    from resolint import globs
    from resolint.settings import Settings

    for cached in (globs._matching, globs._compiled, globs._matcher, globs._variants):
        cached.cache_clear()
    calls = []
    real = fnmatch.translate
    monkeypatch.setattr(fnmatch, "translate", lambda pat: calls.append(pat) or real(pat))
    count = 2000
    patterns = tuple((f"other-{i}.res.txt", ("OPR007",)) for i in range(count - 1)) + (("d.res.txt", ("PRE003",)),)
    settings = Settings(per_file_ignores=patterns, root=str(tmp_path))
    text = "The General Assembly,\n\nrecalling its resolution 70/1,\n\n1. Decides to act\n"
    codes = {f.code for f in lint(text, settings, path=str(tmp_path / "d.res.txt")).findings}
    assert "PRE003" not in codes and "OPR007" in codes  # (the draft lacks both: only the last pattern names it)
    assert len(calls) <= count + 10  # (and a few of its own: "*.toml")


def _reference_first_words(starts):
    heads = sorted({h.split()[0] if h.split() else h for h in starts if h}, key=len)
    return tuple(h for i, h in enumerate(heads) if not any(h.startswith(o) for o in heads[:i]))


def test_the_instruments_first_words_and_their_overlaps_are_those_of_every_pair():
    """The lookups that replaced comparing every pair give what every pair gives."""
    import random

    from resolint.citations.instruments import _all_overlaps, _first_words

    rng = random.Random(3)
    for _ in range(200):
        starts = ["".join(rng.choice("abC") for _ in range(rng.randint(1, 6))) + (" x" if rng.random() < 0.3 else "")
                  for _ in range(rng.randint(0, 30))]
        words = _first_words(starts)
        assert words == _reference_first_words(starts)
        overlaps = _all_overlaps(words)
        for w in words:
            expected = tuple((k, v) for k in range(1, len(w)) for v in words if w[k:].startswith(v) or v.startswith(w[k:]))
            assert overlaps[w] == expected


def test_thousands_of_instruments_are_indexed_in_linear_time():
    """``[terms.instruments]`` with 10,000 names of distinct first words: one draft ran past
    120 s (every first word compared with every other, and each of a word's suffixes with
    every word). The index now grows with the number of names."""
    import random
    import string

    from adversarial import best_time

    from resolint.citations.instruments import _all_overlaps, _first_words

    rng = random.Random(1)
    words: set[str] = set()
    while len(words) < 4000:
        words.add("".join(rng.choice(string.ascii_lowercase) for _ in range(8)).capitalize())
    names = [f"{w} Convention on things" for w in sorted(words)]
    small, large = (best_time(lambda n=n: _all_overlaps(_first_words(names[:n])), cpu=True) for n in (1000, 4000))
    exponent = math.log(max(large, 1e-3) / max(small, 1e-3)) / math.log(4)
    assert exponent < 1.5, (small, large)


# -- A byte order mark in the middle of the text --------------------------------------------------

_OPENERS = ("The General Assembly,\n\nRecalling its resolution 70/1,\n\nDeeply{a}concerned by the situation,\n\n"
            "Recalling{b}its resolution 71/1,\n\n1. Requests{c}the Secretary-General to report;\n\n2. Decides to remain seized.\n")


@pytest.mark.parametrize("gap", ["\ufeff ", " \ufeff", "\ufeff"], ids=["before-space", "after-space", "alone"])
def test_a_byte_order_mark_between_words_reads_as_the_space_the_parser_reads(gap):
    """Two files joined leave a byte order mark inside the text. The parser reads it as a
    space, but the opener reader took it for part of a word: "Deeply\\ufeff concerned" was
    the opener 'Deeply' (PRE002). Now the findings are those of the text with a space
    there, and the mark is kept by every fix."""
    text = _OPENERS.format(a=gap, b=gap, c=gap)
    spaced = _OPENERS.format(a=" ", b=" ", c=" ")
    assert sorted(f.code for f in lint(text).findings) == sorted(f.code for f in lint(spaced).findings)
    assert fix_text(text, lint, unsafe=True).text.count("\ufeff") == 3


# -- Word documents nested too deep -----------------------------------------------------------------


@pytest.mark.parametrize("wrapper", [("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"), ('<w:smartTag w:uri="u" w:element="e">', "</w:smartTag>")],
                         ids=["content-controls", "smart-tags"])
def test_a_word_document_nested_thousands_deep_is_refused_in_words_for_its_reader(tmp_path, monkeypatch, capsys, wrapper):
    """Content controls (or smart tags) nested 5,000 deep: "the .docx is damaged: its XML
    cannot be parsed (Excessive depth in document: 256, use XML_PARSE_HUGE option …)",
    libxml2's advice to its programmers. Now a refusal that says what is wrong."""
    import zipfile

    import docx_factory as F

    d = F.new()
    for line in ("The General Assembly,", "Recalling its resolution 70/1,", "1. Decides to act."):
        F.para(d, line)
    path = F.save(d, tmp_path / "plain.docx")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    at = xml.index("<w:body>") + len("<w:body>")
    opening, closing = wrapper
    deep = xml[:at] + "<w:p>" + opening * 5000 + "<w:r><w:t>deep</w:t></w:r>" + closing * 5000 + "</w:p>" + xml[at:]
    with zipfile.ZipFile(tmp_path / "deep.docx", "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, deep if name == "word/document.xml" else data)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "deep.docx"]) == 2
    out = capsys.readouterr().out
    assert "more than 256 levels deep" in out and "XML_PARSE_HUGE" not in out, out


# -- A draft saved by another program while --fix writes it ---------------------------------------


def _editor_saves(path, text: bytes) -> None:
    """What an editor does on save: a new file renamed over the name."""
    import os

    new = path.with_name(path.name + ".saving")
    new.write_bytes(text)
    os.replace(new, path)


def test_a_draft_saved_just_after_the_last_check_keeps_what_was_saved(tmp_path, monkeypatch):
    """--fix compared the file with what it had read, then renamed the fixed text over it:
    an editor's save in between (after the comparison, before the rename) was replaced
    and lost. Where names can be exchanged atomically, the fixed file is exchanged in and
    what stood there checked afterwards; a save after that lands on the fixed file."""
    from resolint.cli import files

    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"as read\n")
    real = files._check_unchanged

    def check_then_save(target, expect):
        real(target, expect)
        if not (tmp_path / "saved").exists():
            (tmp_path / "saved").touch()
            _editor_saves(draft, b"saved meanwhile\n")

    monkeypatch.setattr(files, "_check_unchanged", check_then_save)
    with contextlib.suppress(files.Changed):  # (refused or written: either way the save is kept)
        files.write_file(draft, b"fixed\n", expect=files.fingerprint(b"as read\n"))
    assert draft.read_bytes() == b"saved meanwhile\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "saved"]


def test_a_draft_saved_just_before_the_exchange_is_put_back(tmp_path, monkeypatch):
    from resolint.cli import files

    if files._renameat2() is None:
        pytest.skip("this system cannot exchange two names atomically")
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"as read\n")
    real = files._exchange
    saved = []

    def save_then_exchange(a, b):
        if not saved:
            saved.append(1)
            _editor_saves(draft, b"saved meanwhile\n")
        return real(a, b)

    monkeypatch.setattr(files, "_exchange", save_then_exchange)
    with pytest.raises(files.Changed):
        files.write_file(draft, b"fixed\n", expect=files.fingerprint(b"as read\n"))
    assert draft.read_bytes() == b"saved meanwhile\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


@pytest.mark.parametrize("second", ["word/document.xml", "WORD/Document.xml"])
def test_a_word_package_with_two_parts_of_one_name_is_refused(tmp_path, monkeypatch, capsys, second):
    """Two members named word/document.xml: the linter read the last, a reviewer's reader
    may show the first, and --fix wrote back only the one it read. Part names match
    without regard to case (OPC)."""
    import warnings
    import zipfile

    import docx_factory as F

    d = F.new()
    for line in ("The General Assembly,", "Recalling its resolution 70/1,", "1. Decides to act."):
        F.para(d, line)
    path = F.save(d, tmp_path / "plain.docx")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    with warnings.catch_warnings(), zipfile.ZipFile(tmp_path / "twice.docx", "w", zipfile.ZIP_DEFLATED) as out:
        warnings.simplefilter("ignore")  # (zipfile warns of the duplicate name it is asked to write)
        for name, data in parts.items():
            out.writestr(name, data)
        out.writestr(second, parts["word/document.xml"].replace(b"Decides to act.", b"decides to act"))
    before = (tmp_path / "twice.docx").read_bytes()
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "twice.docx"]) == 2
    assert "two parts named" in capsys.readouterr().out
    assert (tmp_path / "twice.docx").read_bytes() == before
