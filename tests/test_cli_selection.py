"""``--select`` / ``--ignore`` values that name no rule, on the command line and in a
configuration: a usage error (exit 2), as an unknown code is, never a silent choice of
every rule or none."""

from __future__ import annotations

import pytest

from resolint.cli.main import main

DRAFT = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019;\n\n1. Decides to act;\n"


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.txt").write_text(DRAFT, encoding="utf-8")
    return "d.txt"


@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("value", ["", " ", ",", " , ,"])
def test_a_selection_without_a_code_is_a_usage_error(draft, capsys, option, value):
    with pytest.raises(SystemExit) as exc:
        main(["check", option, value, draft])
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert f"argument {option}: no rule code in {value!r}" in err


def test_an_unknown_code_is_refused_the_same_way(draft, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--select", "PRE,XYZ", draft])
    assert exc.value.code == 2 and "argument --select: no rule code or prefix 'XYZ'" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["PRE004,", ",PRE004", "PRE004,,", " PRE004 , "])
def test_a_stray_comma_beside_a_code_is_ignored(draft, capsys, value):
    """As in a comment directive's list (``ignore[PRE004,]``): the code is still selected."""
    assert main(["check", "--format", "json", "--select", value, draft]) == 1
    out = capsys.readouterr().out
    assert '"code": "PRE004"' in out and '"code": "OPR007"' not in out


@pytest.mark.parametrize("key", ["select", "ignore", "extend-select"])
def test_an_empty_code_in_the_configuration_is_an_error(draft, tmp_path, capsys, key):
    """Every code starts with "": ``ignore = [""]`` turned every rule off, silently (the
    built-in styles' house rules made the empty prefix "name" a rule)."""
    (tmp_path / "resolint.toml").write_text(f'{key} = ["PRE004", " "]\n', encoding="utf-8")
    assert main(["check", draft]) == 2
    assert f"key '{key}': an empty code" in capsys.readouterr().err
