"""Robustness, round four: attacks written for this round (marks of direction inside
openers, and the other classes listed in the round's notes). Every draft here is invented."""

from __future__ import annotations

import re

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.invisible import DIRECTION_MARKS

_BASE = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n{a}Recalling{b} also its resolution 71/1,\n\n1. Decides to act.\n"
_DOUBLED = re.compile(r"\b([A-Za-z]+)\W+\1\b", re.IGNORECASE)  # "also also"


@pytest.mark.parametrize("mark", list(DIRECTION_MARKS), ids=lambda m: f"U+{ord(m):04X}")
@pytest.mark.parametrize("where", ["after", "both"])
def test_a_mark_of_direction_beside_an_opener_hides_no_also(mark, where):
    """Marks of direction print nothing: "\\u2067Recalling\\u2069 also" reads as "Recalling
    also". The opener reader stopped at the mark, so PRE006 asked for the "also" already
    there and its fix, with TRM017's, wrote "Recalling also also"."""
    text = _BASE.format(a=mark if where == "both" else "", b=mark)
    assert "PRE006" not in {f.code for f in lint(text).findings}
    fixed = fix_text(text, lint, unsafe=True).text
    assert not _DOUBLED.search(fixed), fixed


@pytest.mark.parametrize("bullet", ["-", "•", "–"])
@pytest.mark.parametrize("count", [3, 4, 5, 9, 40])
@pytest.mark.parametrize("path", ["draft.res.txt", "draft.res.md"])
def test_a_row_of_bullets_before_a_paragraph_is_removed_whole(bullet, count, path):
    """Three bullets or more before an operative paragraph ("- - - decides …", a list
    pasted into a list into a list): the bullet reader gave back the space after the
    second bullet, its words started at that space, and OPR003's safe fix removed two
    bullets a pass and left a space each time; in Markdown four spaces made the paragraph
    a code block."""
    text = f"The General Assembly,\n\nRecalling its resolution 70/1,\n\n{(bullet + ' ') * count}decides to act;\n\n2. Decides to remain seized of the matter.\n"
    fixed = fix_text(text, lambda t: lint(t, path=path)).text
    line = next(x for x in fixed.split("\n") if "to act" in x)
    assert line.lstrip(" \t" + bullet) == line, fixed


def test_a_huge_pyproject_is_scanned_not_held(tmp_path):
    """Whether a ``pyproject.toml`` configures resolint was asked of all its bytes at once:
    a repository's file of gigabytes was held in memory by every run beneath it. It is
    now read a chunk at a time (sparse files here: no disk used); one with the table
    past the first chunks is still found, and refused there as too large."""
    import tracemalloc

    from resolint.config import MAX_CONFIG_BYTES, ConfigError, find_config, load_settings

    plain, with_table = tmp_path / "plain", tmp_path / "with-table"
    for folder in (plain, with_table):
        folder.mkdir()
        with (folder / "pyproject.toml").open("wb") as fh:
            fh.truncate(MAX_CONFIG_BYTES + 1)
    with (with_table / "pyproject.toml").open("ab") as fh:
        fh.write(b"\n[tool.resolint]\nstyle = 'un-ga'\n")
    tracemalloc.start()
    try:
        assert find_config(plain / "draft.txt") is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MAX_CONFIG_BYTES // 4, peak
    found = find_config(with_table / "draft.txt")
    assert found == with_table / "pyproject.toml"
    with pytest.raises(ConfigError, match="larger than"):
        load_settings(found)


@pytest.mark.parametrize("lead", range(0, 20))
def test_the_table_is_found_across_chunks(tmp_path, monkeypatch, lead):
    from resolint import config

    monkeypatch.setattr(config, "_SCAN_CHUNK", 8)
    (tmp_path / "pyproject.toml").write_bytes(b"x" * lead + b"\n[tool.resolint]\n")
    assert config.find_config(tmp_path) == tmp_path / "pyproject.toml"
    (tmp_path / "pyproject.toml").write_bytes(b"x" * lead + b"\n[tool.resolin]\n")
    assert config.find_config(tmp_path) is None
