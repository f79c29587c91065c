"""Shared test helpers: fixture paths and the optional ../shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("RESOLINT_SHARED") or ROOT.parent / "shared")  # override: a worktree elsewhere
CORPUS = SHARED / "corpus"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def corpus_or_skip() -> Path:
    if not (CORPUS / "index.csv").is_file():
        pytest.skip("../shared/corpus is not present (it is only in the team's checkouts and CI)")
    return CORPUS
