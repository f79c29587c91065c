"""The text report's source line and caret (``render._shown_line``).

The shown line is checked against a reference written here a character at a time: each
character is shown as ``visible`` shows it (a tab as one space), and the caret stands
under the characters it marked in the source."""

from __future__ import annotations

import random

import pytest

from resolint.cli.render import _shown_line, visible


def reference(line: str, col: int, width: int) -> tuple[str, int, int]:
    pieces = [" " if ch == "\t" else visible(ch) for ch in line]
    shown = "".join(pieces)
    at = sum(len(p) for p in pieces[:col])
    end = sum(len(p) for p in pieces[: col + width])
    w = max(1, end - at)
    if len(shown) > 160:
        lo = max(0, at - 60)
        shown = ("…" if lo else "") + shown[lo : lo + 140] + "…"
        at = at - lo + (1 if lo else 0)
    return shown, at, min(w, max(1, len(shown) - at))


@pytest.mark.parametrize("seed", range(200))
def test_shown_line_matches_the_character_reference(seed):
    rnd = random.Random(seed)
    alphabet = "abc DEF,;\t" + ("\x01\x1b\x7f\x85" if seed % 2 else "")
    line = "".join(rnd.choice(alphabet) for _ in range(rnd.choice([0, 5, 80, 170, 900])))
    col = rnd.randrange(len(line) + 2)
    width = rnd.randrange(1, 30)
    assert _shown_line(line, col, width) == reference(line, col, width)


def test_a_control_character_moves_the_caret_by_its_escape():
    shown, at, w = _shown_line("a\x1bb Recalls", 4, 7)
    assert shown == "a\\x1bb Recalls" and shown[at : at + w] == "Recalls"


def test_a_tab_is_one_column():
    shown, at, w = _shown_line("\tRecalls its", 1, 7)
    assert shown == " Recalls its" and (at, w) == (1, 7)


# -- the caret by terminal cells, not code points ---------------------------------------
# Expected columns are counted here by hand: an ideograph, a fullwidth letter or an emoji
# is two cells, a combining mark or a zero-width character none, any other character one.


@pytest.mark.parametrize(
    ("line", "col", "cells_before"),
    [
        ("決議 Recalls its", 3, 5),  # two ideographs: 4 cells, and the space
        ("🌍 Recalls its", 2, 3),  # an emoji (one code point, two code units): 2 cells
        ("ＡＢ Recalls its", 3, 5),  # fullwidth Latin letters
        ("Re\u0301sume\u0301 Recalls its", 9, 7),  # "Résumé" decomposed: 8 code points, 6 cells
        ("a\u200bb\u2060c Recalls its", 6, 4),  # a zero-width space and a word joiner
        ("\t決 Recalls its", 3, 4),  # a tab is shown as one space: one cell
    ],
)
def test_the_caret_stands_under_the_finding_by_display_width(line, col, cells_before):
    shown, at, w = _shown_line(line, col, 7)
    assert shown == line.replace("\t", " ")
    assert (at, w) == (cells_before, 7)


def test_the_caret_is_as_wide_as_the_characters_it_marks():
    shown, at, w = _shown_line("Recalls 決議案 and", 8, 3)
    assert (at, w) == (8, 6)
    shown, at, w = _shown_line("Recalls Re\u0301sume\u0301.", 8, 8)
    assert (at, w) == (8, 6)


def test_a_finding_on_a_zero_width_character_still_has_a_caret():
    shown, at, w = _shown_line("Member\u200bStates", 6, 1)
    assert (at, w) == (6, 1)


def test_the_text_report_puts_the_caret_under_the_finding_after_wide_characters(tmp_path, monkeypatch, capsys):
    """End to end: the '^' of PRE004 (a preambular paragraph ending with ';') stands
    under the ';' on the screen, after four wide characters."""
    from resolint.cli.main import main

    monkeypatch.chdir(tmp_path)
    draft = "The General Assembly,\n\nRecalling its resolution 「決議」 of 1 October 2019;\n\n1. Decides to act.\n"
    (tmp_path / "d.res.txt").write_text(draft, encoding="utf-8")
    main(["check", "--color", "never", "--select", "PRE004", "d.res.txt"])
    lines = capsys.readouterr().out.splitlines()
    source, caret = next((a, b) for a, b in zip(lines, lines[1:], strict=False) if a.endswith("2019;"))
    # 「決議」 is four wide characters: the ';' is 4 cells right of its code point index.
    assert caret.index("^") == source.index(";") + 4 and caret.endswith(" ^")
