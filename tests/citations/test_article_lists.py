"""Lists and ranges of articles ("articles 60 to 70 of the United Nations Convention against
Cybercrime", "articles 41 and 99 of the Convention on Cybercrime") are checked item by item,
as the single "article N of …" is: only the singular form was read, so a number beyond an
instrument's last article passed as soon as two were cited. TRM004's fix wrote "Article"
over a list's "articles".

Drafts written for these tests."""

from __future__ import annotations

import math

import pytest

from resolint.config import settings_from_table
from resolint.engine import lint
from resolint.fixes import fix_text

ASSEMBLY = "The General Assembly,\n\nRecalling {cited},\n\n1. Decides to keep the matter under review.\n"
CYBER = "the United Nations Convention against Cybercrime"  # 68 articles
BUDAPEST = "the Convention on Cybercrime"  # 48 articles
UNCAC = "the United Nations Convention against Corruption"  # 71 articles


def _found(text: str, code: str) -> list:
    return [f for f in lint(text).findings if f.code == code]


def _spans(text: str, code: str) -> list[str]:
    return [text[f.span.start : f.span.end] for f in _found(text, code)]


def _single(number: str, instrument: str):
    """The finding of the single form "article N of <instrument>": what a list's item gives."""
    text = ASSEMBLY.format(cited=f"article {number} of {instrument}")
    (f,) = _found(text, "CIT009")
    return f


@pytest.mark.parametrize("cited, wrong, instrument", [
    ("articles 60 to 70 of {i}", "70", CYBER),
    ("articles 41 and 99 of {i}", "99", BUDAPEST),
    ("articles 3, 5 and 99 of {i}", "99", UNCAC),
    ("articles 3, 5, and 99 of {i}", "99", UNCAC),
    ("articles 3 or 99 of {i}", "99", UNCAC),
    ("articles 3-99 of {i}", "99", UNCAC),
    ("articles 3 – 99 of {i}", "99", UNCAC),
    ("articles 3 through 99 of {i}", "99", UNCAC),
    ("articles 5 bis and 99 of {i}", "99", UNCAC),
    ("articles 3 (4) (a) and 99 of {i}", "99", UNCAC),
    ("articles 46, paragraph 4, and 99 of {i}", "99", UNCAC),
    ("articles 57, paragraph 5 (g), 61 and 99 of {i}", "99", UNCAC),
    ("articles 3 and 99, paragraph 2, of {i}", "99", UNCAC),
    ("articles 99 and 3 of {i}", "99", UNCAC),
    ("Articles 41 and 99 of {i}", "99", BUDAPEST),
])
def test_the_wrong_item_of_a_list_is_reported_as_a_single_article_is(cited, wrong, instrument):
    text = ASSEMBLY.format(cited=cited.format(i=instrument))
    found = _found(text, "CIT009")
    assert [text[f.span.start : f.span.end] for f in found] == [wrong]
    single = _single(wrong, instrument)
    assert (found[0].message, found[0].severity) == (single.message, single.severity)


@pytest.mark.parametrize("cited, span", [
    (f"article 72 bis of {UNCAC}", "article 72"),
    (f"Article 72 ter (Confiscation) of {UNCAC}", "Article 72"),
    (f"articles 3 and 72 bis of {UNCAC}", "72"),
])
def test_an_inserted_article_takes_the_instrument_after_its_bis(cited, span):
    """ "article 72 bis of …": the "of" after "bis" was not read, so the instrument was not
    found and nothing was reported (a list read it)."""
    text = ASSEMBLY.format(cited=cited)
    found = _found(text, "CIT009")
    assert [text[f.span.start : f.span.end] for f in found] == [span]
    assert found[0].message == _single("72", UNCAC).message


def test_each_wrong_item_is_reported():
    text = ASSEMBLY.format(cited=f"articles 69, 3 and 70 to 72 of {CYBER}")
    assert _spans(text, "CIT009") == ["69", "70", "72"]


def test_a_list_after_the_instrument_takes_it_as_a_single_article_does():
    """Without "of", the instrument named before: a warning, as for "article 99"."""
    named = "the United Nations Convention against Corruption, in particular {}"
    text = ASSEMBLY.format(cited=named.format("articles 3 and 99"))
    found = _found(text, "CIT009")
    single = _found(ASSEMBLY.format(cited=named.format("article 99")), "CIT009")
    assert [text[f.span.start : f.span.end] for f in found] == ["99"]
    assert [(f.message, f.severity) for f in found] == [(f.message, f.severity) for f in single]


@pytest.mark.parametrize("draft", [
    "The General Assembly,\n\nWelcoming {u},\n\nNoting {cited} of the Convention,\n\n1. Decides to act.\n",
    "The General Assembly,\n\nWelcoming {u},\n\nNoting {cited},\n\n1. Decides to act.\n",  # the paragraph before
    "The General Assembly,\n\nWelcoming {u},\n\nNoting the work done.\n\nNoting also that the Convention is open, and {cited},\n\n1. Decides to act.\n",
    "The General Assembly,\n\nNoting {cited},\n\n1. Decides to act.\n",  # no instrument
])
def test_a_list_finds_its_instrument_wherever_a_single_article_does(draft):
    """The same findings, message and severity as "article 99" in the same place."""
    listed = draft.format(u=UNCAC, cited="articles 3 and 99")
    single = draft.format(u=UNCAC, cited="article 99")
    got = [(listed[f.span.start : f.span.end], f.message, f.severity) for f in _found(listed, "CIT009")]
    want = [(single[f.span.start : f.span.end].removeprefix("article "), f.message, f.severity) for f in _found(single, "CIT009")]
    assert got == want


@pytest.mark.parametrize("cited", [
    f"articles 60 to 68 of {CYBER}",
    f"articles 41 and 48 of {BUDAPEST}",
    f"articles 3 and 5 December 2019 of {BUDAPEST}",  # a day, not an article
    "articles 3 and 99 of the Vienna Convention on the Law of Treaties",  # not in the data
    f"articles 3 and 99.5 of {BUDAPEST}",
])
def test_a_list_within_the_instrument_passes(cited):
    assert _found(ASSEMBLY.format(cited=cited), "CIT009") == []


def test_a_list_in_the_extraction_has_an_article_per_item_spanning_its_number():
    text = ASSEMBLY.format(cited=f"articles 3, 5 (Protection of sovereignty) and 7 to 9 of {CYBER}")
    arts = lint(text).facts.citations.articles
    assert [(a.number, text[a.span.start : a.span.end]) for a in arts] == [(3, "3"), (5, "5"), (7, "7"), (9, "9")]
    assert {text[a.word.start : a.word.end] for a in arts} == {"articles"}
    assert all(a.listed and a.basis == "of" and a.instrument.short == CYBER[4:] for a in arts)
    assert [a.title for a in arts] == ["", "Protection of sovereignty", "", ""]


# ------------------------------------------------------------------ titles (CIT010)


def test_a_wrong_title_in_brackets_is_reported_on_its_item():
    text = ASSEMBLY.format(cited=f"articles 35 (Extradition) and 37 (Extradition) of {CYBER}")
    found = _found(text, "CIT010")
    assert [text[f.span.start : f.span.end] for f in found] == ["35"]
    single = _found(ASSEMBLY.format(cited=f"article 35 (Extradition) of {CYBER}"), "CIT010")
    assert [f.message for f in found] == [f.message for f in single]


def test_the_clause_after_a_list_is_no_item_s_title():
    """ "articles 35 and 37 …, which establish the 24/7 network": which item is meant is not said."""
    text = ASSEMBLY.format(cited=f"articles 35 and 37 of {CYBER}, which establish the 24/7 network")
    assert _found(text, "CIT010") == []


@pytest.mark.parametrize("cited, span", [
    (f"article 35 (24/7 network) of {CYBER}", "article 35"),
    (f"articles 35 (24/7 network) and 37 (Extradition) of {CYBER}", "35"),
])
def test_a_title_in_brackets_that_starts_with_a_figure_is_read(cited, span):
    """ "(24/7 network)" was not read as a title: a bracketed title had to start with a capital."""
    text = ASSEMBLY.format(cited=cited)
    found = _found(text, "CIT010")
    assert [text[f.span.start : f.span.end] for f in found] == [span]
    assert found[0].message.startswith("'24/7 network' is article 41 of ")


@pytest.mark.parametrize("cited", [
    f"article 41 (24/7 network) of {CYBER}",
    f"article 4 (4) of {CYBER}",  # a part of the article, not a title
    f"articles 4 (4) and 35 (2) of {CYBER}",
])
def test_a_right_title_or_a_part_in_brackets_passes(cited):
    assert _found(ASSEMBLY.format(cited=cited), "CIT010") == []


# ------------------------------------------------------------------ case of the word (TRM004)


def test_a_list_of_charter_articles_is_capitalized_once_and_stays_plural():
    text = ASSEMBLY.format(cited="articles 41 and 42 of the Charter of the United Nations")
    found = _found(text, "TRM004")
    assert len(found) == 1 and text[found[0].span.start : found[0].span.end] == "articles"
    assert "'Articles'" in found[0].message
    fixed = fix_text(text, lint).text
    assert "Recalling Articles 41 and 42 of the Charter of the United Nations," in fixed
    assert _found(fixed, "TRM004") == []


def test_a_capitalized_list_of_another_instrument_is_lowered_and_stays_plural():
    text = ASSEMBLY.format(cited=f"also Articles 3 and 5 of {UNCAC}")
    found = _found(text, "TRM004")
    assert len(found) == 1 and "'articles'" in found[0].message
    assert f"Recalling also articles 3 and 5 of {UNCAC}," in fix_text(text, lint).text


def test_a_style_that_capitalizes_writes_articles():
    text = ASSEMBLY.format(cited=f"articles 3 and 5 of {UNCAC}")
    settings = settings_from_table({"terms": {"article-case": "upper"}}, "resolint.toml")
    found = [f for f in lint(text, settings).findings if f.code == "TRM004"]
    assert len(found) == 1 and "'Articles'" in found[0].message
    assert f"Recalling Articles 3 and 5 of {UNCAC}," in fix_text(text, lambda t: lint(t, settings)).text


# ------------------------------------------------------------------ growth


def _time(text: str) -> float:
    from adversarial import best_time  # lazy: the robustness helpers' folder is on the path in the suite only

    return best_time(lambda: lint(text), 3, cpu=True)


@pytest.mark.parametrize("unit", [
    "articles 5, 6 and 70 to 99 of the Charter, ",  # many lists in one paragraph
    "articles 5 articles ",  # heads without a list
    "5, 6 and 7 to 8, ",  # one long list (after its head)
])
def test_lists_of_articles_grow_linearly(unit):
    def build(n: int) -> str:
        return ASSEMBLY.format(cited="articles 1 and " + (unit * (n // len(unit) + 1))[:n] + "2 of the Charter")

    sizes = (20_000, 100_000)
    lint(build(1000))
    times = [_time(build(n)) for n in sizes]
    exponent = math.log(max(times[1], 1e-4) / max(times[0], 1e-4)) / math.log(sizes[1] / sizes[0])
    assert not (times[1] > 0.3 and exponent > 1.5), f"{times} (growth ~n^{exponent:.1f})"


# ------------------------------------------------------------------ titles in words between items


def test_a_title_in_words_between_two_items_is_the_first_s_and_the_second_is_read():
    """ "articles 35 on the 24/7 network and 37": the list went no further than 35 (the
    title stopped it), so 37, and a wrong 99, were never checked."""
    text = ASSEMBLY.format(cited=f"articles 35 on the 24/7 network and 99 of {CYBER}")
    arts = lint(text).facts.citations.articles
    assert [(a.number, a.title) for a in arts] == [(35, "24/7 network"), (99, "")]
    assert _spans(text, "CIT009") == ["99"]
    # 35 is not the 24/7 network (41 is): reported on 35, as for "article 35 on the 24/7 network".
    assert _spans(text, "CIT010") == ["35"]
    single = _found(ASSEMBLY.format(cited=f"article 35 on the 24/7 network of {CYBER}"), "CIT010")
    assert [f.message for f in _found(text, "CIT010")] == [f.message for f in single]


def test_a_title_in_words_after_the_last_item_is_no_item_s():
    """ "articles 35 and 41 on the 24/7 network": either could be meant; only the numbers
    are checked."""
    text = ASSEMBLY.format(cited=f"articles 35 and 41 on the 24/7 network of {CYBER}")
    assert [a.title for a in lint(text).facts.citations.articles] == ["", ""]
    assert _found(text, "CIT010") == []


def test_the_second_end_of_a_range_says_so_where_it_is_placed():
    """``ranged`` survives resolving an article's instrument (articles.resolve_article)
    and moving a paragraph's citations (read_through)."""
    text = ASSEMBLY.format(cited=f"articles 3, 7 to 9 of {CYBER}")
    assert [(a.number, a.ranged) for a in lint(text).facts.citations.articles] == [(3, False), (7, False), (9, True)]


def test_a_figure_after_a_title_is_no_item():
    text = ASSEMBLY.format(cited=f"articles 12 on the period 2010 to 2015 of {CYBER}")
    assert [a.number for a in lint(text).facts.citations.articles] == [12]
