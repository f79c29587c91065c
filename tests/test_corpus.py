"""The shared corpus of real resolutions: no crash, and a reviewed summary of findings.

Skipped where ../shared/corpus is absent (a user's clone).
"""

from __future__ import annotations

import json
import sys

from conftest import ROOT, corpus_or_skip

sys.path.insert(0, str(ROOT / "tests" / "corpus"))


def test_corpus_lints_without_crash_and_matches_the_reviewed_summary():
    corpus = corpus_or_skip()
    from summary import SUMMARY, summarize

    data, crashes = summarize(corpus)
    assert not crashes, crashes
    reviewed = json.loads(SUMMARY.read_text(encoding="utf-8"))
    assert data == reviewed, (
        "Findings over ../shared/corpus changed. Review the difference, then run "
        "`python tests/corpus/summary.py --write` and commit summary.json."
    )


def test_unga_precision_bar():
    """At most 1 PRE/OPR/DOC warning or error per 10 adopted UNGA resolutions."""
    corpus_or_skip()
    from summary import SUMMARY

    unga = json.loads(SUMMARY.read_text(encoding="utf-8"))["UNGA"]
    serious = sum(n for key, n in unga.items() if key[:3] in ("PRE", "OPR", "DOC") and key.split()[1] in ("warning", "error"))
    assert serious * 10 <= unga["documents"], serious
