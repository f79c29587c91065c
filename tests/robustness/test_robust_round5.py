"""Robustness, round five: attacks written for this round (invisible marks inside openers
and citations, repository hazards, hostile Word files, the language server under odd
messages). Every draft here is invented."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.invisible import DIRECTION_MARKS

_FELT = "The General Assembly,\n\nRecalling its resolution 70/1,\n\nNoting with grave concern the situation,\n\n{second},\n\n1. Decides to act.\n"


def _pre006(second: str) -> list:
    return [f for f in lint(_FELT.format(second=second)).findings if f.code == "PRE006"]


@pytest.mark.parametrize("mark", [*DIRECTION_MARKS, "<!-- note -->"], ids=lambda m: f"U+{ord(m):04X}" if len(m) == 1 else "comment")
@pytest.mark.parametrize("where", ["Noting with grave{m} concern", "Noting{m} with grave concern", "Noting with{m} deep{m} concern"])
def test_a_mark_between_the_words_of_a_felt_opener_makes_no_other_opener(mark, where):
    """"Noting with grave\\u2069 concern" is the opener "Noting with grave concern" as
    printed: the key of how the participle is felt was joined with ``str.split()``, which
    does not split at a mark of direction, so the two read as different openers and the
    repetition was not reported. A comment between the words is not printed either."""
    second = where.format(m=mark) + " the report"
    expected = len(_pre006(where.format(m="") + " the report"))
    assert expected == (0 if "deep" in where else 1)
    assert len(_pre006(second)) == expected


@pytest.mark.parametrize("mark", ["\u00ad", "\u2060", "\u200b", "<!-- note -->"], ids=["shy", "wj", "zwsp", "comment"])
def test_a_mark_inside_a_word_of_a_felt_opener_makes_no_other_opener(mark):
    """An invisible character or a comment inside a word of the feeling ("gra\\u00adve")
    is read through, as TRM014's and SUP001's fixes leave it."""
    assert len(_pre006(f"Noting with gra{mark}ve concern the report")) == 1


_CITED = "The Security Council,\n\nRecalling its resolution {cited},\n\nRecalling also its resolution 2000 (2011),\n\n1. Decides to act;\n\n2. Decides to remain seized of the matter.\n"


@pytest.mark.parametrize("mark", ["\u200f", "\u061c"], ids=["RLM", "ALM"])
@pytest.mark.parametrize("cited", ["2231{m} (2015)", "22{m}31 (2015)", "70{m}/1", "70/1 {m}(2015)"])
def test_a_right_to_left_mark_before_a_number_is_reported(mark, cited):
    """A right-to-left mark (or the Arabic letter mark) in an English line shows the
    digits after it, and the brackets between, right to left ("2231\\u200f (2015)" is
    shown "2015) 2231)"): nothing reported it (TRM017 left the marks alone). It is now
    reported where a number follows, and removed by an unsafe fix."""
    text = _CITED.format(cited=cited.format(m=mark))
    found = [f for f in lint(text).findings if f.code == "TRM017"]
    assert [text[f.span.start : f.span.end] for f in found] == [mark]
    assert found[0].fix.applicability.value == "unsafe"
    assert fix_text(text, lint, unsafe=True).text == _CITED.format(cited=cited.format(m=""))


@pytest.mark.parametrize("cited", ["2231 (2015) of 20 July 2015\u200f", "2231 (2015)\u200f of 20 July", "\u0627\u0644\u0642\u0631\u0627\u0631 2231\u200f (2015)"])
def test_a_right_to_left_mark_that_shows_no_number_in_another_order_is_left_alone(cited):
    """No digit after it before a letter, or Arabic letters on the line (where the mark may
    be what shows the text right): nothing to report."""
    assert "TRM017" not in {f.code for f in lint(_CITED.format(cited=cited)).findings}


def test_marks_before_spaces_are_read_in_linear_time():
    """Each mark looks a bounded way ahead for a digit: thousands of them before a long
    row of spaces are one pass."""
    import time

    text = _CITED.format(cited="2231" + "\u200f " * 50_000 + "(2015)")
    t0 = time.perf_counter()
    lint(text)
    assert time.perf_counter() - t0 < 20


@pytest.mark.parametrize("mark", ["\u200f", "\u061c"], ids=["RLM", "ALM"])
def test_a_right_to_left_mark_before_a_line_is_its_direction_not_reported(mark):
    """A word processor set to Arabic puts a mark before each line ("\\u200f1. Decides"):
    it sets the line's direction, and the parser reads through it."""
    text = _CITED.format(cited="2231 (2015)").replace("1. Decides", f"{mark}1. Decides").replace("2. Decides", f" {mark}{mark}2. Decides")
    assert "TRM017" not in {f.code for f in lint(text).findings}


_COMPOUND = "The General Assembly,\n\nRecalling the report of the {word},\n\n1. Decides to act;\n\n2. Decides to remain seized of the matter.\n"


@pytest.mark.parametrize("mark", ["\u200d", "\u200c", "\u200b", "\u00ad"], ids=["zwj", "zwnj", "zwsp", "shy"])
@pytest.mark.parametrize("word", ["Secretary-{m}General", "Secretary{m}-General", "follow-{m}up", "Secretary\u2011{m}General"])
def test_an_invisible_character_beside_a_compounds_hyphen_is_reported_and_removed(mark, word):
    """"Secretary-\\u200dGeneral" (a joiner after the hyphen, from a web page) prints as
    "Secretary-General" but no search finds it: TRM014 looked between two letters or
    digits only and said nothing, and its safe fix left the character."""
    text = _COMPOUND.format(word=word.format(m=mark))
    found = [f for f in lint(text).findings if f.code == "TRM014"]
    assert [text[f.span.start : f.span.end] for f in found] == [mark]
    assert fix_text(text, lint).text == _COMPOUND.format(word=word.format(m=""))


@pytest.mark.parametrize("word", ["Secretary-\u2060General", "\u0627-\u200d\u0644", "item -\u200d see"])
def test_a_word_joiner_beside_a_hyphen_or_a_joiner_beside_other_scripts_is_left_alone(word):
    """The word joiner keeps a compound on one line; Arabic shapes with the joiners; a
    dash between spaces joins no word."""
    assert "TRM014" not in {f.code for f in lint(_COMPOUND.format(word=word)).findings}


_DRAFT = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to act.\n"


def _refused_names(tmp_path):
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    return {"nul": "x\\u0000y", "too-long": "a" * 5000, "link-loop": "loop1"}


@pytest.mark.parametrize("which", ["nul", "too-long", "link-loop"])
def test_an_extend_the_system_refuses_is_a_configuration_error(which, tmp_path, monkeypatch, capsys):
    """``extend`` naming a file with a NUL byte, a name too long for the system or a loop
    of links: "internal error: ValueError: embedded null byte (please report this)" and
    the like. Now a configuration error naming the key, exit 2."""
    from resolint.cli.main import main
    from resolint.config import ConfigError, load_settings

    name = _refused_names(tmp_path)[which]
    (tmp_path / "resolint.toml").write_text(f'extend = "{name}"\n', encoding="utf-8")
    (tmp_path / "d.res.txt").write_text(_DRAFT, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path / "resolint.toml")
    assert caught.value.key == "extend"
    monkeypatch.chdir(tmp_path)
    assert main(["check", "d.res.txt"]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err and "internal error" not in err, err


def test_a_phrase_list_include_whose_name_is_too_long_is_a_configuration_error(tmp_path, monkeypatch, capsys):
    """``@name`` in a style's phrase list with a name too long for the system: an
    internal error (OSError from exists()). Now the configuration error of any
    unreadable include."""
    from resolint.cli.main import main

    body = f'style = "house"\n[styles.house]\nextends = "un-ga"\n[styles.house.openers]\npreambular = ["@{"a" * 5000}"]\n'
    (tmp_path / "resolint.toml").write_text(body, encoding="utf-8")
    (tmp_path / "d.res.txt").write_text(_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "d.res.txt"]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err and "internal error" not in err, err


#: A draft on which each pattern of :func:`_slow_house_rules` backtracks without end.
_SLOW_DRAFT = "The General Assembly,\n\n1. Decides " + "a" * 60 + "b to act.\n"


def _slow_house_rules(first: int, count: int, tag: str) -> str:
    """``count`` house rules, codes HSE``first`` on, each a distinct pattern that
    backtracks without end on :data:`_SLOW_DRAFT` (distinct by ``tag`` and its number)."""
    return "".join(
        f'[[custom-rules]]\ncode = "HSE{first + i}"\nmessage = "m"\npattern = [{{ TEXT = {{ REGEX = "^(a|aa)+$|{tag}{i}" }} }}]\n'
        for i in range(count)
    )


def _fresh_slow_budget(monkeypatch) -> None:
    """No pattern counted slow yet, for this test only (the counts are the process's)."""
    from resolint import userregex
    from resolint.custom_rules import timed_regex

    monkeypatch.setattr(userregex, "_slow", set(), raising=False)
    monkeypatch.setattr(timed_regex, "_gave_up", {})


def test_thousands_of_distinct_slow_house_patterns_cost_a_few_time_limits(monkeypatch):
    """A repository's resolint.toml may give 20,000 pattern items; each REGEX that
    backtracks without end gives up after the time limit, and a pattern after three of
    its own give-ups. But distinct slow patterns each cost the limit: 400 of them held
    the lint of a one-line draft for 100 s (20,000: over an hour, in CI and in the
    editor). Once a few distinct patterns have given up, the configured patterns are
    given up for the run (logged once)."""
    from resolint import userregex
    from resolint.custom_rules import timed_regex
    from tests.custom_rules.helpers import matched

    _fresh_slow_budget(monkeypatch)
    assert matched(_SLOW_DRAFT, _slow_house_rules(100, 40, "q"), "HSE100") == []
    assert len(timed_regex._gave_up) == userregex.MAX_SLOW_PATTERNS


def test_mended_house_rules_get_a_fresh_budget_of_slow_patterns(monkeypatch):
    """The budget of slow patterns was the process's: in the editor's server, once eight
    distinct patterns had given up, every house rule stayed off until a restart, even after
    the user mended resolint.toml. A configuration whose house rules are new starts the
    count again: its harmless pattern matches."""
    from resolint import userregex
    from tests.custom_rules.helpers import matched

    _fresh_slow_budget(monkeypatch)
    assert matched(_SLOW_DRAFT, _slow_house_rules(200, 12, "r"), "HSE200") == []
    assert len(userregex._slow) == userregex.MAX_SLOW_PATTERNS  # the budget is spent
    mended = '[[custom-rules]]\ncode = "HSE300"\nmessage = "m"\npattern = [{ TEXT = { REGEX = "^Decides$" } }]\n'
    assert matched(_SLOW_DRAFT, mended, "HSE300") == ["Decides"]


def test_fix_of_a_read_only_word_document_says_not_fixed_as_for_a_text(tmp_path, monkeypatch, capsys):
    """``--fix`` of a read-only .docx said "error: cannot write the fixed document",
    exited 2 and counted the file as not checked; a read-only text draft is "not fixed:
    the file is read-only (pass --fix-read-only …)", its findings reported (exit 1). The
    Word document now gets the same, and is left as it was."""
    import os
    import stat

    import docx_factory as F

    from resolint.cli.main import main

    d = F.new()
    for line in ("The General Assembly,", "Recalling its resolution 70/1", "1. Decides to act."):
        F.para(d, line)
    path = F.save(d, tmp_path / "draft.docx")
    before = path.read_bytes()
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fix", "draft.docx"]) == 1
    captured = capsys.readouterr()
    assert "not fixed: the file is read-only (pass --fix-read-only" in captured.err
    assert "not checked" not in captured.out + captured.err
    assert path.read_bytes() == before


def test_a_draft_named_in_a_folder_the_user_may_not_search_finds_the_configuration_above(tmp_path, monkeypatch, capsys):
    """``check - --stdin-filename /root/x.res.txt`` by a user who may not search /root:
    looking for a configuration there, pathlib's is_dir() raised "Permission denied" and
    the run was an internal error. The folder is passed over (it holds nothing this user
    could read) and the configuration above it applies. (The tests run as root, whom
    permissions do not stop: the refusal is the system's answer, given here by os.stat.)"""
    import errno
    import io
    import os

    from resolint.cli.main import main

    (tmp_path / "resolint.toml").write_text('ignore = ["PRE003"]\n', encoding="utf-8")
    secret = str(tmp_path / "secret")
    real_stat = os.stat

    def stat(p, *args, **kwargs):
        if os.fspath(p).startswith(secret):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(p))
        return real_stat(p, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"The General Assembly,\n\nrecalling its resolution 70/1,\n\n1. Decides to act.\n")))
    code = main(["check", "-", "--stdin-filename", f"{secret}/sub/x.res.txt"])
    captured = capsys.readouterr()
    assert "internal error" not in captured.err, captured.err
    assert code == 0 and "PRE003" not in captured.out


def test_checking_a_folder_that_may_be_listed_but_not_searched_is_no_internal_error(tmp_path, monkeypatch, capsys):
    """A folder of mode r-- (listed, not searched): asking whether it holds ``.git``
    raised "Permission denied" from ``Path.exists`` and ``check FOLDER`` was an internal
    error. Now its drafts are reported as not readable (exit 2, no traceback)."""
    import errno
    import os

    from resolint.cli.main import main

    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "x.res.txt").write_text(_DRAFT, encoding="utf-8")
    inside = str(secret) + os.sep
    real_stat = os.stat

    def stat(p, *args, **kwargs):
        if os.path.abspath(os.fspath(p)).startswith(inside):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(p))
        return real_stat(p, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "secret"]) == 2
    captured = capsys.readouterr()
    assert "internal error" not in captured.err, captured.err
    assert "x.res.txt: error: cannot read: Permission denied" in captured.out


def test_a_named_file_in_a_folder_the_user_may_not_search_is_not_called_missing(tmp_path, monkeypatch, capsys):
    """``check /root/x.res.txt`` by a user who may not search /root said "no such file or
    folder" (``os.path.lexists`` is False on any error): the file may well be there. The
    system's reason is given; a name that is not there is still "no such file"."""
    import errno
    import os

    from resolint.cli.main import main

    real_lstat = os.lstat

    def lstat(p, *args, **kwargs):
        if "secret" in os.fspath(p):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(p))
        return real_lstat(p, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", lstat)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "secret/x.res.txt", "absent.res.txt"]) == 2
    err = capsys.readouterr().err
    assert "secret/x.res.txt: cannot look at it: Permission denied" in err
    assert "absent.res.txt: no such file or folder" in err
