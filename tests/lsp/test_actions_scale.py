"""Quick fixes asked over a long stretch of a long draft are answered in time.

A client asks for the quick fixes of a range (``textDocument/codeAction`` with ``only:
["quickfix"]``); over the last sixth of a draft of 40,000 paragraphs whose numbering
had gone wrong, no answer came in minutes (the LSP sequence driver's "no answer for 60 s",
seed 126): each finding's paragraph was looked for from the top of the draft, and the
findings a "disable" comment would also hide were counted over every finding."""

from __future__ import annotations

import math
import time
from pathlib import Path

import pytest

from resolint.config import Settings
from resolint.lsp import actions
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state
from resolint.model import Kind

ROOT = Path(__file__).resolve().parents[2]


def _state(text: str):
    return build_state("untitled:x", 1, text, None, ProjectSettings(Settings(), None), EditorSettings(), None, "utf-16")


def _linear_paragraph_at(res, offset):
    """The reference: every paragraph from the top (the answer before the search)."""
    best = None
    for p in res.paragraphs:
        if p.kind is Kind.DIRECTIVE:
            continue
        if p.span.start <= offset < max(p.span.end, p.span.start + 1):
            if best is None or len(p.span) <= len(best.span):
                best = p
        elif p.span.start > offset:
            break
    return best


DRAFTS = [
    "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides:\n\n(a) To act;\n\n(i) at once;\n\n(b) To report;\n\n"
    "<!-- resolint: ignore[OPR007] -->\n<!-- resolint: ignore[OPR006] -->\n2. requests a report\n\n> 3. Decides\n> to remain seized.\n",
    "78/1. Title\n\nThe General Assembly,\n\nnoting the report, recalling its resolution 70/1, 1. decides; 2. requests\n"
    "(a) one; (b) two\n\n<!-- resolint: disable OPR -->\n\n3. Decides.\n<!-- resolint: enable OPR -->\n",
    *(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))[:12]),
]


@pytest.mark.parametrize("text", DRAFTS, ids=range(len(DRAFTS)))
def test_the_paragraph_found_is_the_one_read_from_the_top(text):
    res = _state(text).result.resolution
    starts = [p.span.start for p in res.paragraphs]
    for offset in range(len(text) + 1):
        assert actions.paragraph_at(res, offset, starts) is _linear_paragraph_at(res, offset), offset


def _quick_fixes_time(n: int) -> float:
    # Lists whose opener is in lower case, numbered 1 throughout after a 2: a finding
    # (or more) in every paragraph, each with a quick fix and a "disable" comment.
    text = "The General Assembly,\n\n" + "1. decides:\n\n(a) To act;\n\n" * 50 + "2. Requests a report.\n\n" + "1. decides:\n\n(a) To act;\n\n" * n
    state = _state(text)
    lines = text.count("\n")
    t0 = time.process_time()
    found = actions.code_actions(state, [], (lines - lines // 6, 2**31 - 1), ["quickfix"], actions.ClientContext())
    took = time.process_time() - t0
    assert found
    return took


def test_quick_fixes_over_a_long_stretch_grow_linearly():
    # Small enough that the quadratic search took seconds (4.6 s), not minutes: the test cannot hang.
    small, large = 400, 3200
    t_small, t_large = _quick_fixes_time(small), _quick_fixes_time(large)
    exponent = math.log(max(t_large, 1e-4) / max(t_small, 1e-4)) / math.log(large / small)
    assert not (t_large > 0.3 and exponent > 1.3), f"{small}: {t_small:.2f} s, {large}: {t_large:.2f} s (growth ~n^{exponent:.1f})"
