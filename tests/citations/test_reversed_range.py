"""CIT015: a range of resolutions that runs backwards ("resolutions 70/300 to 70/1",
"2300 (2016) to 2231 (2015)") used to pass, each end being a right citation."""

from __future__ import annotations

import pytest

from resolint.engine import lint

ASSEMBLY = "The General Assembly,\n\nRecalling {cited},\n\n1. Decides to keep the matter under review.\n"
INTERPOL = (
    "The ICPO-INTERPOL General Assembly, meeting in Santiago, Chile, from 15 to 18 October 2019 at its 88th session:\n\n"
    "RECALLING {cited},\n\nADOPTS the present resolution.\n"
)
COUNCIL = "The Security Council,\n\nRecalling {cited},\n\n1. Decides to remain seized of the matter.\n"


def _found(text: str) -> list[str]:
    return [text[f.span.start : f.span.end] for f in lint(text).findings if f.code == "CIT015"]


@pytest.mark.parametrize("template, cited, span", [
    (ASSEMBLY, "its resolutions 70/300 to 70/1", "70/300 to 70/1"),
    (ASSEMBLY, "its resolutions 71/2 to 70/9", "71/2 to 70/9"),  # a later session first
    (ASSEMBLY, "its resolutions 71/5 of 5 December 2016 through 70/10 of 3 November 2015",
     "71/5 of 5 December 2016 through 70/10"),
    (ASSEMBLY, "its decisions 70/550–70/401", "70/550–70/401"),
    (ASSEMBLY, "its resolutions ES-10/20 to ES-10/3", "ES-10/20 to ES-10/3"),
    (ASSEMBLY, "its resolutions 3379 (XXX) to 3200 (XXIX)", "3379 (XXX) to 3200 (XXIX)"),
    (ASSEMBLY, "Economic and Social Council resolutions 2016/3 to 2015/20", "2016/3 to 2015/20"),
    (COUNCIL, "its resolutions 2300 (2016) to 2231 (2015)", "2300 (2016) to 2231 (2015)"),
    (COUNCIL, "its resolutions 2300 (2016) – 2299 (2016)", "2300 (2016) – 2299 (2016)"),
    (INTERPOL, "resolutions GA-2019-88-RES-05 to GA-2019-88-RES-02", "GA-2019-88-RES-05 to GA-2019-88-RES-02"),
    (INTERPOL, "resolutions AG-2003-RES-01 to AG-2001-RES-07", "AG-2003-RES-01 to AG-2001-RES-07"),
])
def test_a_range_that_runs_backwards_is_reported(template, cited, span):
    assert _found(template.format(cited=cited)) == [span]


@pytest.mark.parametrize("template, cited", [
    (ASSEMBLY, "its resolutions 70/1 to 70/300"),
    (ASSEMBLY, "its resolutions 70/9 to 71/2"),
    (ASSEMBLY, "its resolutions 70/5 and 70/1"),  # a list, in any order
    (ASSEMBLY, "its resolutions 70/5, 70/1 and 69/3"),
    (ASSEMBLY, "its resolution 70/5 to 2231 (2015)"),  # two kinds of number: nothing to compare
    (ASSEMBLY, "its resolution 70/5 to 70/5"),
    (ASSEMBLY, "the Conference resolutions 12 (2019) to 5 (2020)"),  # another body may number each year from 1
    (COUNCIL, "its resolutions 2231 (2015) through 2300 (2016)"),
    (INTERPOL, "resolutions GA-2018-87-RES-05 to GA-2019-88-RES-02"),
    (COUNCIL, "its resolution 2300 (2016) to resolution 2231 (2015) in the annex"),  # two lists, not a range
])
def test_a_range_in_order_or_no_range_passes(template, cited):
    assert _found(template.format(cited=cited)) == []


# ------------------------------------------------------------------ ranges of articles

CONVENTION = "the United Nations Convention against Corruption"


@pytest.mark.parametrize("cited, span", [
    (f"articles 50 to 40 of {CONVENTION}", "50 to 40"),
    (f"articles 50-40 of {CONVENTION}", "50-40"),
    (f"articles 3, 50 through 40 and 60 of {CONVENTION}", "50 through 40"),
    (f"articles 12-12 of {CONVENTION}", "12-12"),
    (f"articles 12 (Private sector) to 12 (Private sector) of {CONVENTION}", "12 (Private sector) to 12"),
])
def test_a_range_of_articles_that_runs_backwards_or_nowhere_is_reported(cited, span):
    assert _found(ASSEMBLY.format(cited=cited)) == [span]


def test_the_messages_say_which_article_comes_first():
    text = ASSEMBLY.format(cited=f"articles 50 to 40 and 12-12 of {CONVENTION}")
    assert [f.message for f in lint(text).findings if f.code == "CIT015"] == [
        "This range runs backwards: article 40 comes before article 50; name the lower end first, or check the numbers",
        "This range starts and ends at article 12: cite the one article, or check the numbers",
    ]


@pytest.mark.parametrize("cited", [
    f"articles 40 to 50 of {CONVENTION}",
    f"articles 50 and 40 of {CONVENTION}",  # a list, not a range
    f"articles 12 to 12 bis of {CONVENTION}",  # an inserted article is after 12
    f"article 50 of {CONVENTION} to article 40 of the same Convention",  # two citations, no list
])
def test_an_upward_range_or_a_list_of_articles_passes(cited):
    assert _found(ASSEMBLY.format(cited=cited)) == []


@pytest.mark.parametrize("cited, message", [
    (f"articles 14 bis to 14 of {CONVENTION}", "runs backwards: article 14 comes before article 14 bis"),
    (f"articles 14 ter to 14 bis of {CONVENTION}", "runs backwards: article 14 bis comes before article 14 ter"),
    (f"articles 14 quater-14 bis of {CONVENTION}", "runs backwards: article 14 bis comes before article 14 quater"),
    (f"articles 14 bis to 13 of {CONVENTION}", "runs backwards: article 13 comes before article 14 bis"),
    (f"articles 14 bis to 14 bis of {CONVENTION}", "starts and ends at article 14 bis"),
])
def test_an_inserted_article_comes_after_its_number_and_before_the_next(cited, message):
    """14 < 14 bis < 14 ter < 15: "articles 14 bis to 14" ran backwards unreported, as the
    numbers alone were compared when they differed."""
    text = ASSEMBLY.format(cited=cited)
    found = [f.message for f in lint(text).findings if f.code == "CIT015"]
    assert len(found) == 1 and message in found[0]


@pytest.mark.parametrize("cited", [
    f"articles 14 to 14 bis of {CONVENTION}",
    f"articles 14 bis to 14 ter of {CONVENTION}",
    f"articles 14 bis to 15 of {CONVENTION}",
    f"articles 13 to 14 bis of {CONVENTION}",
])
def test_an_upward_range_with_inserted_articles_passes(cited):
    assert _found(ASSEMBLY.format(cited=cited)) == []
