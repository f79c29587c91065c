"""Real resolutions, typed into Word documents: read back exactly, comments on the right words.

Each sampled corpus text becomes a .docx with one Word paragraph per paragraph of the
text (its wrapped lines joined), runs split at every word so that findings fall across
run boundaries. The reader must give back the same paragraphs, and ``annotate`` must
anchor each comment on exactly the characters of its finding. Skipped without
``../shared/corpus``.
"""

from __future__ import annotations

import csv

import docx_factory as F
import pytest
from conftest import corpus_or_skip

from resolint.docx.annotate import annotate, to_bytes
from resolint.docx.lint import lint_docx
from resolint.docx.package import open_docx
from resolint.docx.reader import build

pytestmark = pytest.mark.corpus
SAMPLE = 8


def sample():
    corpus = corpus_or_skip()
    with (corpus / "index.csv").open(encoding="utf-8") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: r["file"])
    step = max(1, len(rows) // SAMPLE)
    return [corpus / r["file"] for r in rows[::step][:SAMPLE]]


def paragraphs(text: str) -> list[str]:
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if joined:
            out.append(joined)
    return out


def test_corpus_texts_typed_into_word_read_back_and_annotate_exactly(tmp_path):
    for path in sample():
        paras = paragraphs(path.read_text(encoding="utf-8"))
        d = F.new()
        for p in paras:
            words = p.split(" ")
            F.para(d, *[w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)])
        src = F.save(d, tmp_path / (path.stem + ".docx"))
        doc = build(open_docx(src))
        assert doc.text == "\n\n".join(paras), path.name
        result = lint_docx(doc)
        outcome = annotate(doc, result.findings)
        out = tmp_path / (path.stem + ".reviewed.docx")
        out.write_bytes(to_bytes(doc))
        anchored = sorted(text for _, text in F.comment_ranges(out).values())
        expected = []
        for f in result.findings:
            piece = doc.text[f.span.start : f.span.end]
            if piece and "\n" not in piece:
                expected.append(piece)
        # Every finding on stored text of one paragraph is anchored on exactly that text.
        for piece in expected:
            assert piece in anchored, (path.name, piece)
        assert outcome.added + outcome.already + len(outcome.unanchored) == len(result.findings)
        assert not outcome.unanchored
        assert [p.text for p in open_docx(out).paragraphs] == [p.text for p in open_docx(src).paragraphs]
