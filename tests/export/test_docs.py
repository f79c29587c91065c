"""docs/export.md shows what the command really prints."""

from __future__ import annotations

import re

from resolint.export import export
from tests.export.conftest import FIXTURES, ROOT, linted


def block(lang: str, after: str) -> str:
    doc = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    m = re.search(re.escape(after) + r".*?```" + lang + r"\n(.*?)\n```", doc, re.S)
    assert m, f"no ```{lang} block after {after!r}"
    return m.group(1)


def test_sample_is_the_export_of_the_fixture():
    # The pinned export date (conftest) is the one the docs state.
    assert block("xml", "SOURCE_DATE_EPOCH") == export(linted("ga-adopted.txt")).decode("utf-8").rstrip("\n")


def test_sample_draft_is_the_fixture():
    assert block("text", "The draft `fixtures/export/ga-adopted.txt`") == (FIXTURES / "ga-adopted.txt").read_text(encoding="utf-8").rstrip("\n")
