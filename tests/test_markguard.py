"""No finding or fix edge falls between a letter and the combining marks written after it
(resolint.markguard)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.engine import lint
from resolint.fixes import fix_text

_DRAFT = (
    "The General Assembly,\n\nRecalling the Yaoundé Declaration and the work done in Lomé and Côte d’Ivoire,\n\n"
    "Deeply concerné by the crisis in the région,\n\nNoting with concern the rise in cybercrime\n\n"
    "1. Urges Member States to cooperate with the Comité, the Sécretariat and the organisations concerned;\n\n"
    "2. Requests the Secretary-General to report on the Convention on Cybercrime at its eightieth session;\n"
)


def _edges(result):
    for f in result.findings:
        yield f.span.start
        yield f.span.end
        for e in f.fix.edits if f.fix else ():
            yield e.span.start
            yield e.span.end


def test_a_word_replaced_takes_the_accent_written_after_it():
    """PRE002's unsafe fix replaced "Deeply concerne" and left U+0301 on what it wrote
    ("Deeply concerned\u0301 by"): found by a probe of the language server."""
    text = "The General Assembly,\n\nDeeply concerne\u0301 by the crisis,\n\n1. Urges Member States to act;\n\n2. Decides to remain seized of the matter.\n"
    found = [f for f in lint(text).findings if f.code == "PRE002"]
    assert text[found[0].span.start : found[0].span.end] == "Deeply concerne\u0301"
    assert fix_text(text, lint, unsafe=True).text == text.replace("Deeply concerne\u0301", "Deeply concerned")


def test_a_text_without_combining_marks_keeps_its_findings_as_they_are():
    text = unicodedata.normalize("NFC", _DRAFT)
    assert [(f.code, f.span, f.fix) for f in lint(text).findings]
    assert all(not unicodedata.combining(text[i]) for i in _edges(lint(text)) if i < len(text))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.booleans(), min_size=40, max_size=40))
def test_no_edge_between_a_letter_and_its_marks(decompose):
    """Any words of a draft written decomposed (NFD, as macOS writes them): no finding,
    and no edit of a fix, starts or ends on a combining mark."""
    words = _DRAFT.split(" ")
    text = " ".join(unicodedata.normalize("NFD", w) if decompose[i % len(decompose)] else w for i, w in enumerate(words))
    result = lint(text)
    assert result.findings
    assert [i for i in _edges(result) if i < len(text) and unicodedata.combining(text[i])] == []
