"""Every adopted UN General Assembly text of the shared corpus exports schema-valid, and
the export read back as text parses to the same structure. Also the INTERPOL seed and
Security Council drafts. Skipped where ../shared/corpus is absent.
"""

from __future__ import annotations

import csv
import time

import pytest

from resolint.engine import lint
from resolint.export import ExportRefused, export
from resolint.export.checks import STRUCTURAL
from resolint.export.text import to_text
from resolint.model import Kind
from resolint.parser import parse
from tests.conftest import corpus_or_skip

pytestmark = pytest.mark.corpus


def rows(body: str | None = None, prefix: str = "") -> list[str]:
    corpus = corpus_or_skip()
    with open(corpus / "index.csv", newline="", encoding="utf-8") as fh:
        return [r["file"] for r in csv.DictReader(fh) if (body is None or r["body"] == body) and r["file"].startswith(prefix)]


def structure(res) -> list[tuple]:
    """Kind, depth and label of every paragraph but directives and a PDF page's header and
    footer lines (which the export leaves out: they are not the text's)."""
    return [(p.kind.value, p.depth, p.label.text if p.label else None) for p in res.paragraphs if p.kind not in (Kind.DIRECTIVE, Kind.FURNITURE)]


def export_checked(name: str) -> tuple[bytes, list[str]]:
    """The export, forced only when refused; the refusal reasons (each a structural rule)."""
    result = lint((corpus_or_skip() / name).read_text(encoding="utf-8"))
    try:
        return export(result), []
    except ExportRefused as exc:
        assert exc.reasons and all(r.split(": ")[1].split()[0] in STRUCTURAL for r in exc.reasons), exc.reasons
        return export(result, force=True), exc.reasons


def test_all_adopted_ga_texts_export_schema_valid_and_round_trip(schema_errors):
    names = rows("UNGA")
    assert len(names) == 190
    invalid, refused, differ = {}, {}, []
    t0 = time.perf_counter()
    for name in names:
        data, why = export_checked(name)
        if why:
            refused[name] = why
        errs = schema_errors(data)
        if errs:
            invalid[name] = errs[:3]
        original = parse((corpus_or_skip() / name).read_text(encoding="utf-8"))
        if structure(parse(to_text(data))) != structure(original):
            differ.append(name)
    elapsed = time.perf_counter() - t0
    print(f"\n{len(names)} GA texts exported and validated in {elapsed:.1f} s; refused without --force: {sorted(refused)}")
    assert invalid == {}
    assert differ == []
    # Refusals are the texts with real defects (numbering skips, a job number line).
    assert len(refused) <= 5, refused


def test_interpol_seed_exports_schema_valid_without_force(schema_errors):
    name = "interpol-GA-2025-93-RES-03.txt"
    if name not in rows():
        pytest.skip("the INTERPOL seed is not in this corpus")
    data, why = export_checked(name)
    assert why == []
    assert schema_errors(data) == []
    assert b'/akn/interpol/statement/deliberation/interpol-ga/2025-11-27/ga-2025-93-res-03/!main' in data


def test_security_council_drafts_export_schema_valid(schema_errors):
    names = rows("UNSC (draft)")
    assert names
    for name in names:
        data, _ = export_checked(name)
        assert schema_errors(data) == [], name
        assert b"/akn/un/statement/deliberation/unsc/" in data
