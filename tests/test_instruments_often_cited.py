"""Instruments the corpus's resolutions cite often but the reference data lacked (the two
Covenants, the Treaty on the Prohibition of Nuclear Weapons, the Non-Proliferation Treaty,
the United Nations Convention on the Law of the Sea): a misnamed one passed unreported, and
so did a wrong adoption date. Now they behave as the instruments already known do. The
drafts are written for these tests."""

from __future__ import annotations

import pytest

from resolint.engine import lint

OPEN = "The General Assembly,\n\n{}\n\n1. Decides to remain seized of the matter.\n"


def _found(paragraph: str, code: str) -> list[tuple[str, str, str | None]]:
    """(the words reported, the message, the fix's text) of each finding of ``code``."""
    text = OPEN.format(paragraph)
    return [
        (text[f.span.start : f.span.end], f.message, None if f.fix is None else f.fix.edits[0].new_text)
        for f in lint(text, style="un-ga").findings
        if f.code == code
    ]


RIGHT = [
    "International Covenant on Economic, Social and Cultural Rights",
    "International Covenant on Civil and Political Rights",
    "Treaty on the Prohibition of Nuclear Weapons",
    "Treaty on the Non-Proliferation of Nuclear Weapons",
    "United Nations Convention on the Law of the Sea",
]


@pytest.mark.parametrize("title", RIGHT)
def test_the_official_title_is_not_reported(title):
    paragraph = f"Recalling the {title},"
    assert _found(paragraph, "TRM001") == []
    assert _found(paragraph, "CIT012") == []


@pytest.mark.parametrize("wrong, title", [
    ("International Covenant on Economic, Social, and Cultural Rights", RIGHT[0]),
    ("International Covenant of Civil and Political Rights", RIGHT[1]),
    ("Treaty on the Prohibition of Nuclear Weapon", RIGHT[2]),
    ("Treaty on the Non-Proliferation of the Nuclear Weapons", RIGHT[3]),
    ("United Nations Convention on the Laws of the Sea", RIGHT[4]),
])
def test_a_misnamed_title_is_reported_with_the_official_one(wrong, title):
    assert [(w, fix) for w, _, fix in _found(f"Recalling the {wrong},", "TRM001")] == [(wrong, title)]


def test_the_two_nuclear_treaties_stay_two():
    """Each is the other's near miss in letters: both are known, so neither is corrected."""
    assert _found(f"Recalling the {RIGHT[2]} and the {RIGHT[3]},", "TRM001") == []


@pytest.mark.parametrize("paragraph, said, want", [
    (f"Recalling the {RIGHT[0]}, adopted on 16 December 1965,", "16 December 1965", "16 December 1966"),
    (f"Recalling the {RIGHT[1]}, adopted by the General Assembly in its resolution 2200 A (XXI) of 16 December 1967,",
     "16 December 1967", "16 December 1966"),
    (f"Recalling the {RIGHT[2]}, adopted on 7 July 2018,", "7 July 2018", "7 July 2017"),
    # Its opening for signature is not its adoption.
    (f"Recalling the {RIGHT[2]}, adopted on 20 September 2017,", "20 September 2017", "7 July 2017"),
])
def test_a_wrong_adoption_date_is_a_warning(paragraph, said, want):
    found = _found(paragraph, "CIT012")
    assert [(w, want in m) for w, m, _ in found] == [(said, True)]
    assert all(f.severity.value == "warning" for f in lint(OPEN.format(paragraph)).findings if f.code == "CIT012")


def test_the_right_adoption_is_not_reported():
    for paragraph in (
        f"Recalling the {RIGHT[0]}, adopted by the General Assembly in its resolution 2200 A (XXI) of 16 December 1966,",
        f"Recalling the {RIGHT[1]}, adopted by the General Assembly in its resolution 2200A (XXI) of 16 December 1966,",
        f"Recalling the {RIGHT[2]}, adopted on 7 July 2017,",
    ):
        assert _found(paragraph, "CIT012") == [], paragraph


def test_a_resolution_in_roman_figures_is_compared():
    paragraph = f"Recalling the {RIGHT[0]}, adopted by the General Assembly in its resolution 2106 A (XX) of 16 December 1966,"
    assert [(w, "2200 A (XXI)" in m) for w, m, _ in _found(paragraph, "CIT012")] == [("2106 A (XX)", True)]


def test_a_treaty_done_on_its_date_is_not_told_another_day():
    """The Convention on the Law of the Sea's date is the day it was done at Montego Bay
    (10 December 1982); the conference adopted it earlier that year: a day said for its
    adoption may be right, as for the Budapest Convention."""
    assert _found(f"Recalling the {RIGHT[4]}, adopted on 30 April 1982,", "CIT012") == []


@pytest.mark.parametrize("article, title, count", [(340, RIGHT[4], 320), (25, RIGHT[2], 20), (32, RIGHT[0], 31)])
def test_an_article_past_the_last_is_reported(article, title, count):
    found = _found(f"Noting article {article} of the {title},", "CIT009")
    assert [(w, f"{count} articles" in m) for w, m, _ in found] == [(f"article {article}", True)]


def test_a_treaty_one_letter_from_a_known_one_is_its_own():
    """The Treaty of Tlatelolco's name is a near miss, in letters, of the Treaty on the
    Prohibition of Nuclear Weapons': a real treaty's, not a slip."""
    paragraph = ("Recalling the Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean "
                 "(Treaty of Tlatelolco),")
    assert _found(paragraph, "TRM001") == []


def test_a_name_typeset_with_a_non_breaking_hyphen_is_the_name():
    assert _found("Recalling the Treaty on the Non\u2011Proliferation of Nuclear Weapons,", "TRM001") == []
    assert _found("Recalling the Treaty on the Non\u2010Proliferation of Nuclear Weapons,", "TRM001") == []
    # A letter dropped still is a slip.
    assert len(_found("Recalling the Treaty on the Non-Proliferaton of Nuclear Weapons,", "TRM001")) == 1


@pytest.mark.parametrize("paragraph", [
    f"Recalling the {RIGHT[1]}, and calls for the repeal of article 499 bis and article 500 bis of the Penal Code,",
    f"Recalling the {RIGHT[1]}, and calls for the repeal of article 75 or article 76 of the Criminal Code,",
])
def test_an_article_before_another_of_a_named_law_is_that_law_s(paragraph):
    """"article 499 bis and article 500 bis of the Penal Code": the "of" after the second
    names both articles' instrument, not the treaty named before them."""
    assert _found(paragraph, "CIT009") == []
    named = paragraph.replace("the Penal Code", f"the {RIGHT[1]}").replace("the Criminal Code", f"the {RIGHT[1]}")
    found = _found(named, "CIT009")  # both past the Covenant's last article, both named
    assert len(found) == 2 and not any("context" in m for _, m, _ in found)


@pytest.mark.parametrize("paragraph", [
    # The Treaty of Tlatelolco's title before 1990, one word from the TPNW's.
    "Recalling the Treaty for the Prohibition of Nuclear Weapons in Latin America, signed in 1967,",
    "Recalling the International Covenant of Civil and Political Rights for the Americas,",
])
def test_a_near_miss_that_goes_on_into_a_longer_name_is_left_alone(paragraph):
    """A preposition and a capitalized word after it may make it the head of another
    instrument's name, which a fix would rename."""
    assert _found(paragraph, "TRM001") == []


def test_a_near_miss_that_ends_its_name_is_still_reported():
    found = _found("Recalling the Treaty for the Prohibition of Nuclear Weapons in its entirety,", "TRM001")
    assert [fix for _, _, fix in found] == [RIGHT[2]]
