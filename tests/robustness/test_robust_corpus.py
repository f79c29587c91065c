"""Every invariant over the real resolutions in ../shared/corpus (skipped when absent).

The corpus text is read in place, never copied into the repository. Each draft is
checked in the style it is detected as; ``RESOLINT_ROBUST_CORPUS_STYLES=all`` checks
every built-in style as well (about four times longer).
"""

from __future__ import annotations

import os

import pytest
from conftest import corpus_or_skip
from invariants import check_text

pytestmark = pytest.mark.corpus

STYLES = [None, "interpol", "un-ga", "un-sc", "mun"] if os.environ.get("RESOLINT_ROBUST_CORPUS_STYLES") == "all" else [None]


def test_every_corpus_draft_keeps_every_property():
    corpus = corpus_or_skip()
    failures = []
    files = sorted(corpus.glob("*.txt")) + sorted(corpus.glob("*.md"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        for style in STYLES:
            try:
                check_text(text, style=style)
            except AssertionError as exc:
                failures.append(f"{path.name} [{style or 'auto'}]: {str(exc)[:200]}")
    assert not failures, "\n".join(failures[:10])
