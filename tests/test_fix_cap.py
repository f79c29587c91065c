"""``--fix`` leaves a file with more findings with a fix than it takes on in one file
(:data:`resolint.cli.fixable.MAX_FIXES`), and says so; below that, it fixes as before.
Counted in fix passes, not timed: the cap is lowered to a handful for the test."""

from __future__ import annotations

import pytest

import resolint.cli.fixable as fixable
import resolint.fixes as fixes_mod
from resolint.cli.main import main
from resolint.engine import lint
from resolint.fixes import fix_text


def _draft(paragraphs: int) -> str:
    """Operative paragraphs without final punctuation: one safe fix each (OPR007)."""
    return "The General Assembly,\n\n" + "".join(f"{k}. Decides to act on item {k}\n\n" for k in range(1, paragraphs + 1))


@pytest.fixture
def passes(monkeypatch):
    """How often the CLI ran the fix loop's passes."""
    count = [0]
    real = fixes_mod.next_pass
    monkeypatch.setattr(fixes_mod, "next_pass", lambda *a, **k: count.__setitem__(0, count[0] + 1) or real(*a, **k))
    return count


@pytest.mark.parametrize("cap", [3, 4])
def test_a_file_with_more_fixes_than_the_cap_is_left_with_a_message(tmp_path, monkeypatch, capsys, passes, cap):
    """A 322 KB adversarial draft of 94,201 findings with a fix ran --fix --unsafe-fixes
    for over two minutes (a lint and several parses of the whole text a pass)."""
    text = _draft(5)
    fixable_now = sum(1 for f in lint(text, style="un-ga").findings if f.fix is not None)
    assert fixable_now == 5
    monkeypatch.setattr(fixable, "MAX_FIXES", cap, raising=False)
    path = tmp_path / "d.res.txt"
    path.write_text(text, encoding="utf-8")
    main(["check", "--style", "un-ga", "--fix", "--unsafe-fixes", str(path)])
    err = capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == text and passes[0] == 0
    assert f"not fixed: it has 5 findings with a fix, more than --fix takes on in one file ({cap})" in err


def test_a_file_at_the_cap_is_fixed_as_without_it(tmp_path, monkeypatch, capsys, passes):
    text = _draft(5)
    expected = fix_text(text, lambda t: lint(t, style="un-ga"), unsafe=True).text
    assert expected != text
    monkeypatch.setattr(fixable, "MAX_FIXES", 5)
    path = tmp_path / "d.res.txt"
    path.write_text(text, encoding="utf-8")
    main(["check", "--style", "un-ga", "--fix", "--unsafe-fixes", str(path)])
    assert "not fixed" not in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == expected and passes[0] > 0
