"""The parser's lexicon reads every built-in style's opener phrases before a style is
chosen (:mod:`resolint.parser.lexicon`), from their ``[openers]`` tables alone
(:func:`resolint.styles.builtin_openers`): the same phrases as the whole style
(:func:`resolint.styles.load_style`) lists, without merging every table of every style
in each check (issue 13: start-up)."""

from __future__ import annotations

import pytest

from resolint import styles
from resolint.parser import lexicon


def _clear() -> None:
    for cached in (styles._builtin_raw, styles._builtin_names, styles._load_cached, lexicon.phrases,
                   lexicon._phrase_words, lexicon._first_words):
        cached.cache_clear()


@pytest.fixture
def fresh():
    _clear()
    yield
    _clear()


def test_the_openers_of_every_built_in_style_are_its_whole_styles():
    for name in styles.builtin_style_names():
        style = styles.load_style(name)
        assert styles.builtin_openers(name) == (style.preambular, style.operative), name


_TREE = {
    "_root": '[openers]\ncase = "sentence"\npreambular = ["Recalling", "Noting"]\noperative = ["Decides"]\n',
    "child": 'extends = "_root"\n[openers]\nextend-preambular = ["Welcoming", "recalling"]\noperative = ["Requests"]\n',
    "grandchild": 'extends = "child"\n[detect]\nopening = ["x"]\n',
    "alone": '[openers]\npreambular = ["Bearing in mind"]\nextend-operative = ["Urges"]\n',
    "none": 'description = "no openers"\n',
    "above-none": 'extends = "none"\n[openers]\nextend-preambular = ["Noting"]\n',
}


def test_inherited_extended_and_missing_openers_are_read_as_the_whole_style_reads_them(tmp_path, monkeypatch, fresh):
    for name, text in _TREE.items():
        (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(styles, "builtin_style_dirs", lambda: (tmp_path,))
    for name in _TREE:
        style = styles.load_style(name)
        assert styles.builtin_openers(name) == (style.preambular, style.operative), name
    assert styles.builtin_openers("grandchild")[0] == ("Recalling", "Noting", "Welcoming")


def test_the_lexicon_does_not_merge_whole_styles(monkeypatch, fresh):
    """Fails when :func:`lexicon.phrases` builds each style with :func:`load_style`."""
    resolved = []
    real = styles._resolve_raw
    monkeypatch.setattr(styles, "_resolve_raw", lambda name, *a: resolved.append(name) or real(name, *a))
    pre, opr = lexicon.phrases()
    assert resolved == []
    assert "recalling" in pre and "decides" in opr
