"""Each clean draft of the accuracy probes with one slip at a time (tests/probe_slips.py):
the slip gives exactly one new finding, with a code that names it, and no finding goes.

The drafts were written for the probes (fixtures/accuracy/clean-drafts/); the slips are
made by the script, not read off the linter's output.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from probe_slips import misses, slips

CLEAN = FIXTURES / "accuracy" / "clean-drafts"
#: Every clean draft of the probes (round five's and the earlier rounds', whose slips were
#: also written by hand in mistake-drafts/).
DRAFTS = sorted(p.name for p in CLEAN.iterdir())


@pytest.mark.parametrize("name", DRAFTS)
def test_each_slip_is_reported_once(name):
    assert misses(CLEAN / name) == []


def test_the_slips_cover_every_kind():
    """The script is no test if it makes no slip: every kind is made in some draft."""
    kinds = {kind for name in DRAFTS for kind, _, _ in slips((CLEAN / name).read_text(encoding="utf-8"))}
    assert kinds == {
        "finite-verb-in-preamble", "preamble-semicolon", "repeated-opener", "operative-comma", "number-skipped",
        "no-final-full-stop", "operative-opener-lower-case", "resolution-year", "sc-year", "instrument-misnamed", "chief-miscased", "organ-miscased",
    }
