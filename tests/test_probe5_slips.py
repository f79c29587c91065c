"""Each of this round's clean drafts with one slip at a time (tests/probe_slips.py): the
slip gives exactly one new finding, with a code that names it, and no finding goes.

The drafts are the round's own (fixtures/accuracy/clean-drafts/, written for the probe);
the slips are made by the script, not read off the linter's output.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from probe_slips import misses, slips

CLEAN = FIXTURES / "accuracy" / "clean-drafts"
#: The drafts of round five (the earlier rounds' have their slips written by hand).
ROUND_FIVE = [
    "csw-agreed-conclusions-resolution.txt", "ecosoc-commission-recommends.txt", "exec-board-decision.txt",
    "ga-budget-table.txt", "ga-footnote-brackets.txt", "ga-political-declaration-annex.txt",
    "ga-proclaims-international-day.txt", "ga-sc-resolutions-list.txt", "ga-subitems-roman.txt",
    "ga-superscript-footnotes.txt", "hrc-guided-by-further.txt", "ilo-conference-resolution.txt",
    "interpol-annex-table.txt", "mun-main-submitter-lettered.txt", "mun-position-decimal-markdown.md",
    "mun-submitted-by-caps.txt", "pdf-paste-job-number-footer.txt", "sc-condemning-demands.txt",
    "sc-presidential-dates-extension.txt", "sc-sanctions-regime-nested.txt", "unea-environment-assembly.txt",
    "wha-adopts-strategy-footnotes.txt",
]


@pytest.mark.parametrize("name", ROUND_FIVE)
def test_each_slip_is_reported_once(name):
    assert misses(CLEAN / name) == []


def test_the_slips_cover_every_kind():
    """The script is no test if it makes no slip: every kind is made in some draft."""
    kinds = {kind for name in ROUND_FIVE for kind, _, _ in slips((CLEAN / name).read_text(encoding="utf-8"))}
    assert kinds == {
        "finite-verb-in-preamble", "preamble-semicolon", "repeated-opener", "operative-comma", "number-skipped",
        "no-final-full-stop", "operative-opener-lower-case", "ga-year", "sc-year", "instrument-misnamed", "chief-miscased",
    }
