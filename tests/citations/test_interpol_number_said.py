"""CIT003: "resolution No. 5 (GA-2019-88-RES-06)" passed: the number said before an
INTERPOL symbol was not compared with the symbol's last part, which is the resolution's
number ("Resolution No. 3" / "GA-2025-93-RES-03", as DOC010 reads a title block)."""

from __future__ import annotations

import pytest

from resolint.engine import lint

TEXT = (
    "The ICPO-INTERPOL General Assembly, meeting in Santiago, Chile, from 15 to 18 October 2019 at its 88th session:\n\n"
    "RECALLING {cited},\n\nADOPTS the present resolution.\n"
)


def _cit003(cited: str) -> list[str]:
    text = TEXT.format(cited=cited)
    return [text[f.span.start : f.span.end] for f in lint(text).findings if f.code == "CIT003"]


@pytest.mark.parametrize("cited, span", [
    ("resolution No. 5 (GA-2019-88-RES-06)", "resolution No. 5 (GA-2019-88-RES-06"),
    ("Resolution No 12, GA-2018-87-RES-02", "Resolution No 12, GA-2018-87-RES-02"),
    ("resolution No. 4 (AG-2005-RES-05) of the 74th session", "resolution No. 4 (AG-2005-RES-05"),
])
def test_a_number_said_that_is_not_the_symbols_is_reported(cited, span):
    assert _cit003(cited) == [span]


@pytest.mark.parametrize("cited", [
    "resolution No. 5 (GA-2019-88-RES-05)",
    "Resolution No. 7, GA-2018-87-RES-07",
    "resolution GA-2019-88-RES-06 and resolution No. 5 of the 70th session",  # no symbol after "No. 5"
])
def test_the_symbols_own_number_or_none_passes(cited):
    assert _cit003(cited) == []
