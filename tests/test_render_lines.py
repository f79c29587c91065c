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
