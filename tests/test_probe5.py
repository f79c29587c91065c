"""Round five of the accuracy probe: drafts in forms the earlier rounds did not write
(a United Nations Environment Assembly resolution under its own "6/5." symbol, a Model UN
draft whose conference writes openers in capitals, ...). Each test is built from a draft
written for it; the expected findings are read off the drafting rules, not off the
linter's output.
"""

from __future__ import annotations

import pytest

from resolint.engine import lint


def _codes(text: str, *prefixes: str) -> list[tuple[str, int]]:
    result = lint(text, path="draft.txt")
    return sorted((f.code, result.source.position(f.span.start).line + 1) for f in result.findings if f.code.startswith(prefixes))


# -- a body other than the General Assembly numbering its resolutions "6/5" -------------
_OWN_BODY = """{symbol}. Sound management of chemicals and waste

The {body},

Recalling its resolution 5/7 of 2 March 2022 on the sound management of chemicals and waste,

1. Encourages Member States to implement the Global Framework on Chemicals.
"""


@pytest.mark.parametrize("body", ["United Nations Environment Assembly", "Commission on Narcotic Drugs", "Conference of the Parties"])
def test_a_bodys_own_symbol_does_not_make_its_resolutions_the_general_assemblys(body):
    """"6/5." over "The United Nations Environment Assembly," was read as the General
    Assembly's resolution of its sixth session (1951-52), so "its resolution 5/7 of 2
    March 2022" was "after this text (session 6, which ends by 30 September 1952)"."""
    assert _codes(_OWN_BODY.format(symbol="6/5", body=body), "CIT") == []


def test_a_general_assembly_symbol_still_dates_the_text():
    """The same slip under the General Assembly's own opening is still one: its
    resolution 79/7 is of a later session than 78/5."""
    text = _OWN_BODY.format(symbol="78/5", body="General Assembly").replace("5/7 of 2 March 2022", "79/7 of 4 November 2024")
    assert _codes(text, "CIT") == [("CIT004", 5)]


def test_a_bare_symbol_without_an_opening_is_still_the_general_assemblys():
    text = "78/5. Sound management of chemicals\n\nRecalling its resolution 79/7 of 4 November 2024,\n\n1. Encourages Member States to act.\n"
    assert _codes(text, "CIT") == [("CIT004", 3)]

