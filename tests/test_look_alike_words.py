"""TRM015 on a word written in look-alike letters only: it may be a slip ("ОТТ" typed in
Cyrillic for "OTT") or a word of that alphabet ("сор", Russian for litter, drawn like
"cop"). Its fix is safe only where the draft also writes the word in Latin letters.

Drafts written for these tests."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.incremental import IncrementalLinter
from resolint.settings import Settings

DRAFT = "The General Assembly,\n\nRecalling its resolution 78/230,\n\n1. Notes {one};\n\n2. Decides {two}.\n"


def _fixes(text: str) -> list[str]:
    return [f.fix.applicability.value for f in lint(text, style="un-ga").findings if f.code == "TRM015"]


@pytest.mark.parametrize(
    "word",
    [
        "\u0441\u043e\u0440",  # Cyrillic "сор", drawn like "cop"
        "\u041e\u041e\u041e",  # Cyrillic "ООО", a Russian company's form
        "\u0395\u039a\u0391\u0392",  # Greek "ΕΚΑΒ", drawn like "EKAB"
        "\u039f",  # a Greek capital omicron, drawn like "O"
    ],
)
def test_a_word_of_look_alikes_only_is_no_safe_fix(word):
    text = DRAFT.format(one=f"the work of the {word} service in the region", two="to remain seized of the matter")
    assert _fixes(text) == ["unsafe"]


def test_it_is_a_safe_fix_where_the_draft_writes_it_in_latin_letters():
    slip = "the studies related to \u041e\u0422\u0422 in the region"  # "ОТТ"
    assert _fixes(DRAFT.format(one=slip, two="to remain seized of the matter")) == ["unsafe"]
    assert _fixes(DRAFT.format(one=slip, two="to study OTT services")) == ["safe"]
    assert _fixes(DRAFT.format(one=slip, two="to study OTTs and lOTT services")) == ["unsafe"]  # not as a whole word


def test_a_word_with_a_latin_letter_keeps_its_safe_fix():
    assert _fixes(DRAFT.format(one="the R\u0435port of the region", two="to remain seized of the matter")) == ["safe"]


def test_the_language_server_reads_the_other_paragraph_too():
    """The fix of paragraph 1 depends on paragraph 2: an edit there changes it, and the
    language server's lint (which keeps paragraph 1's findings) says what a full lint says."""
    slip = "the studies related to \u041e\u0422\u0422 in the region"
    texts = [DRAFT.format(one=slip, two=two) for two in ("to remain seized of the matter", "to study OTT services", "to remain seized of the matter")]
    linter, settings = IncrementalLinter(), Settings()  # (a new Settings object empties the cache)
    seen = []
    for text in texts:
        got = linter.lint(text, settings, style="un-ga")
        want = lint(text, style="un-ga")
        assert [(f.code, f.span, f.fix and f.fix.applicability) for f in got.findings] == [(f.code, f.span, f.fix and f.fix.applicability) for f in want.findings]
        seen.append([f.fix.applicability.value for f in got.findings if f.code == "TRM015"])
    assert seen == [["unsafe"], ["safe"], ["unsafe"]]
