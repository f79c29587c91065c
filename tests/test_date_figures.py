"""CIT007 and dates not written in words: in figures ("15.12.2022", "2022-12-15") and with
the month in lower case ("1 october 2019"). The rule's documentation names "12/10/2024"
dates as a reason for it; until these, it found only dates with a month name."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.incremental import IncrementalLinter
from resolint.settings import Settings

#: One settings object for every lint of an IncrementalLinter: a new one empties its cache.
SETTINGS = Settings()

DRAFT = "The General Assembly,\n\nRecalling its resolution 77/211 of {date},\n\n1. Decides to remain seized of the matter.\n"


def cit007(text: str) -> list:
    return [f for f in lint(text).findings if f.code == "CIT007"]


@pytest.mark.parametrize(("date", "want"), [
    ("15.12.2022", "15 December 2022"),
    ("15/12/2022", "15 December 2022"),
    ("12/15/2022", "15 December 2022"),  # month first: only one reading is a date
    ("2022-12-15", "15 December 2022"),
    ("06/06/2022", "6 June 2022"),
    ("15 december 2022", "15 December 2022"),
    ("15th of december 2022", "15 December 2022"),
    ("Dec. 15, 2022", "15 December 2022"),
    ("Dec 15 2022", "15 December 2022"),
    ("15 Dec 2022", "15 December 2022"),
    ("15th Dec., 2022", "15 December 2022"),
    ("Sept. 15, 2022", "15 September 2022"),
    ("15 Sep 2022", "15 September 2022"),
    ("Jan. 5th, 2022", "5 January 2022"),
])
def test_a_date_with_one_reading_is_written_in_words(date, want):
    text = DRAFT.format(date=date)
    [finding] = cit007(text)
    assert finding.fix is not None and want in finding.message
    assert fix_text(text, lint).text == DRAFT.format(date=want)


def test_the_article_before_a_lower_case_date_goes_with_the_fix():
    text = DRAFT.format(date="the 15th of december 2022")
    assert fix_text(text, lint).text == DRAFT.format(date="15 December 2022")


def test_a_date_with_two_readings_is_reported_without_a_fix():
    [finding] = cit007(DRAFT.format(date="05/06/2022"))
    assert finding.fix is None and "5 June 2022" in finding.message and "6 May 2022" in finding.message


@pytest.mark.parametrize("words", [
    "resolution 77/211 of 31.02.2022",  # no such day either way
    "the symbol A/RES/1.1.2000",
    "the version 15.12.2022.1",
    "the figure 115.12.2022",
    "resolution GA-2019-88-RES-08",
    "the standard ISO 2022-12-155",
    "its resolution 77/211 of 15 December 2022",
    "“the agreement of 15.12.2022”",
    "its decision of Mar 2022",  # no day
    "resolution 77/211 of 31 Feb 2022",  # no such day
    "the Decembrists of 15 Decemb 2022",
    "section 3 Decides 2022",
])
def test_other_figures_and_quotations_are_left_alone(words):
    text = f"The General Assembly,\n\nRecalling {words},\n\n1. Decides to remain seized of the matter.\n"
    assert cit007(text) == []


def test_the_language_servers_lint_finds_what_a_whole_lint_finds_after_edits_beside_a_date():
    """The dates are searched again only around an edit (``pattern_spans``): a digit typed
    just after or before the date changes whether it stands alone."""
    linter = IncrementalLinter()
    text = DRAFT.format(date="15.12.2022")
    abbreviated = text.replace("15.12.2022", "Dec. 15, 2022")
    for edited in (text, text.replace("2022,", "20221,"), text, text.replace("of 15", "of 115"), text, text.replace("15.12.2022", "1 october 2019"),
                   abbreviated, abbreviated.replace("Dec.", "Decem."), abbreviated, abbreviated.replace("of Dec", "ofDec")):
        got = linter.lint(edited, SETTINGS).findings
        assert [(f.code, f.span, f.message) for f in got] == [(f.code, f.span, f.message) for f in lint(edited).findings]


@pytest.mark.parametrize("seed", range(30))
def test_separated_literals_are_found_as_one_search_per_literal_finds_them(seed):
    """``Analysis.separated_literal_starts`` finds CIT007's anchors in one pass over the
    text: the same places :func:`resolint.literals.find_all` finds literal by literal."""
    import random

    from resolint.facts import Analysis
    from resolint.literals import find_all
    from resolint.parser import parse
    from resolint_rules.cit.date_format import _ANCHORS

    rnd = random.Random(seed)
    # (The literals led by a space are searched without it: also where none stands before
    # them, after a character beyond ASCII, at a line's start.)
    pieces = [" may", " May", "/20", ".19", "-0", "-1", " march", " december", " Dec", " Sept", "2020", "1", " ", "/", ".", "-", "x", " ma",
              "may", "Dec", "\nDec", "é", "’", "\u00a0May", "\u2003Dec"]
    text = "The General Assembly,\n\n" + "".join(rnd.choice(pieces) for _ in range(300))
    got = Analysis(parse(text), None).separated_literal_starts(_ANCHORS)
    assert got == {lit: find_all(text, lit) for lit in _ANCHORS}


def test_literals_led_by_a_space_are_searched_without_it(monkeypatch):
    """A pass for literals led by a space stops at every word; without the space, it skips
    ahead to the letters they start with (``Analysis.separated_literal_starts``)."""
    import resolint.facts as facts
    from resolint.parser import parse
    from resolint_rules.cit.date_format import _ANCHORS

    searched = []
    real = facts.first_of
    monkeypatch.setattr(facts, "first_of", lambda text, literals: searched.append(literals) or real(text, literals))
    text = "The General Assembly,\n\nRecalling its decision of 5 Dec 2024 and 1 may 2023,\n\n1. Decides to act.\n"
    got = facts.Analysis(parse(text), None).separated_literal_starts(_ANCHORS)
    assert got[" Dec"] == [text.index(" Dec 2024"), text.index(" Decides")] and got[" may"] == [text.index(" may 2023")]
    assert searched and not any(lit.startswith(" ") for literals in searched for lit in literals)


@pytest.mark.parametrize(("dates", "want"), [
    ("June 28 to July 2, 2024", "28 June to 2 July 2024"),
    ("Sept. 30 - Oct. 2, 2024", "30 September - 2 October 2024"),
    ("June 28 and 29, 2024", "28 and 29 June 2024"),
    ("September 15-16, 2026", "15-16 September 2026"),
    ("May 3 – 5, 2025", "3 – 5 May 2025"),
])
def test_a_range_of_dates_written_month_first_is_written_whole(dates, want):
    """Two dates, or two days of a month, written month first: the fix writes both in
    the house order ("from June 28 to July 2, 2024" became "June 28 to 2 July 2024", and
    "June 28 and 29, 2024" was not read as a date at all)."""
    text = DRAFT.format(date=dates)
    [finding] = cit007(text)
    assert want in finding.message
    assert fix_text(text, lint).text == DRAFT.format(date=want)


@pytest.mark.parametrize("words", ["the meetings of June 31 and 32, 2025", "the 2024 May Day events", "Mayday 3-4, 2025"])
def test_what_only_looks_like_a_range_of_days_is_left_alone(words):
    assert cit007(f"The General Assembly,\n\nRecalling {words},\n\n1. Decides to remain seized of the matter.\n") == []


#: Month-like words and what may follow them in a date, each part sometimes missing.
_DATE_PARTS = (
    ("Dec", "December", "Declaration", "May", "Sept", "September", "Jun", "June"),
    ("", "."), ("", ","), (" ", "\u00a0 "),
    ("6", "28", "2024", "123"), ("", "th"),
    ("", " and ", "-"), ("", "29"), ("", ", "), ("", "2024"), ("", " x", "/"),
)


def test_the_quick_test_before_an_abbreviated_month_misses_no_date(monkeypatch):
    """``_WORTH_TRYING`` skips the three patterns at most places a month-like word follows a
    space; wherever it does, they find nothing: over every mix of the parts of a date
    (month or another word, marks, day, second day, year, what follows) the dates found are
    those found without it."""
    import itertools
    import re

    from resolint_rules.cit import date_format

    cases = [(head + " " + "".join(tail), len(head)) for head in ("", "6", "On 15th of") for tail in itertools.product(*_DATE_PARTS)]

    def found() -> list:
        return [[m.span() for m in date_format._abbreviated_at(text, q)] for text, q in cases]

    with_test = found()
    monkeypatch.setattr(date_format, "_WORTH_TRYING", re.compile(""))
    assert with_test == found()
    assert sum(map(bool, with_test)) > 1000  # dates among them, of each kind


@pytest.mark.parametrize("date", ["15.12.2022", "2022-12-15", "15 december 2022", "Dec. 15, 2022", "15th Dec 2022", "June 28 and 29, 2024"])
def test_a_date_that_ends_the_text_is_read(date):
    """A draft whose last paragraph has no final mark and ends with a date (a paste, a
    draft being typed): the test that nothing is joined to the date read the text's end
    as something joined to it ("" is in every string), and the date went unreported."""
    text = "The General Assembly,\n\n1. Decides to meet on " + date
    assert len(cit007(text)) == 1
    assert len(cit007(text + ";\n")) == 1
