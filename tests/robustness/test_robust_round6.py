"""Robustness, round six: hostile or unlucky inputs of classes the earlier rounds did not
try (links that loop, a user without rights, ...). Each test builds its input in code."""

from __future__ import annotations

import pytest

from resolint.cli.main import main
from resolint.config import ConfigError, load_settings

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
