"""Every opener that stands in an adopted text of the corpus is known to its style.

An adopted resolution is the best evidence of what a body writes: an opener found there
and called unknown (PRE002, OPR005) is a gap in the style's phrase list, not a defect of
the text. The list of unknown openers per style must stay empty, or each entry must be
explained below. Adopted texts here: the General Assembly and INTERPOL ones. (The
Security Council texts of the corpus are drafts; the ITU ones follow a style resolint
does not have yet, with grouped lower-case clauses.) Skipped where ../shared/corpus is absent.
"""

from __future__ import annotations

import csv
from collections import defaultdict

from conftest import corpus_or_skip

ADOPTED_BODIES = ("UNGA", "INTERPOL General Assembly")

#: style -> flagged opener -> why it stays unknown.
EXPLAINED: dict[str, dict[str, str]] = {
    "un-ga": {
        # "Also, in this regard, requests …": the verb comes after an inserted phrase.
        "Also": "'Also, in this regard, <verb>': the opener is after the inserted phrase",
    },
}


def test_adopted_openers_are_known_to_their_style():
    corpus = corpus_or_skip()
    from resolint.engine import lint

    unknown: dict[str, set[str]] = defaultdict(set)
    with (corpus / "index.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["body"] in ADOPTED_BODIES]
    assert rows, "no adopted texts in the corpus index"
    for row in rows:
        result = lint((corpus / row["file"]).read_text(encoding="utf-8"), path=row["file"])
        for f in result.findings:
            # A letter-spaced opener ("I n v i t e s", from a PDF conversion) is reported as
            # such: its word is listed.
            if f.code in ("PRE002", "OPR005") and "letter-spaced" not in f.message:
                unknown[result.style.name].add(result.source.text[f.span.start : f.span.end])
    unexplained = {style: sorted(o for o in found if o not in EXPLAINED.get(style, {})) for style, found in unknown.items()}
    assert not any(unexplained.values()), f"openers of adopted texts unknown to their style: {unexplained}"
    stale = {style: sorted(set(EXPLAINED[style]) - unknown.get(style, set())) for style in EXPLAINED}
    assert not any(stale.values()), f"explained openers no longer reported (remove them): {stale}"
