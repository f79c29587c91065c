"""Lists and ranges of articles ("articles 3 and 5", "articles 3, 5 and 99", "articles 60 to
70", "articles 3-5", "articles 46, paragraph 4, and 56", "articles 3 (Illegal access) and
5 (…)"), read item by item.

The single form ("article 70 of the Convention") was the only one read, so a number beyond
an instrument's last article went unreported as soon as the drafter cited two: "articles 60
to 70 of the United Nations Convention against Cybercrime" (68 articles) said nothing. Each
item here becomes an article of its own (see :func:`resolint.citations.articles.article_candidates`),
its span its number alone: the word "articles" is the whole list's, shared by its items.

A range gives its two ends, not the numbers between: an end beyond the last article is
what the drafter wrote wrong, and an end is all the text has a place for; the second end
says it ends a range (``ranged``: CIT015 reports one that runs backwards). A bracketed
title is its item's, and so is a title in words between two items ("articles 35 on the
24/7 network and 37": 35's, and 37 is read too); one after the last item is not read:
"articles 35 and 41 on the 24/7 network" says which of the two is the network no better
than the reader can guess, and only the numbers are checked.

The list is read by a loop of small anchored matches, one item and one separator at a
time: each step moves forward, so a long list costs its length.
"""

from __future__ import annotations

import re
from dataclasses import replace

from resolint.citations.patterns import ARTICLE_TITLE_IN_BRACKETS, INSERTED_ARTICLE, MONTHS, RANGE_WORDS
from resolint.lazyre import lazy
from resolint.records import record
from resolint.source import Span, word_before

#: The word that opens a list: "articles", "Articles", with a number after it.
_HEAD = re.compile(r"[Aa]rticles\s+(?=\d)")
#: One item: its number ("5"), "bis"/"ter"… of an inserted article, and a part of it in
#: brackets as the single form reads it ("4 (4)", "4 (4) (a)"). Not a date's day
#: ("articles 3 and 5 December"), a decimal or a symbol ("5.1", "5/2").
_ITEM = lazy(
    r"(?P<num>\d{1,3})(?!\d)(?![/.]\d)"
    rf"(?!\s+(?:{MONTHS})\b)"
    + INSERTED_ARTICLE
    + r"(?:\s?\(\d{1,2}\)(?:\s?\([a-z]\))?)?"
)
#: Between two items: a range ("to", "through", a hyphen or dash) or a list ("," "and"
#: "or"), after the paragraph of the item before if it names one ("46, paragraph 4, and
#: 56", "57, paragraph 5 (g), 61 and 62").
_SEP = lazy(
    r"(?:,\s+paragraphs?\s+\d{1,3}(?:\s?\([a-z]{1,4}\))?)?"
    rf"(?:(?P<range>\s*[-‐‑–]\s*|{RANGE_WORDS})|,?\s+(?:and|or)\s+|\s*,\s*)"
    r"(?=\d)"
)
#: A title in words between an item and the separator before the next ("35 on the 24/7
#: network and 37"), as ``patterns.ARTICLE_TITLE`` reads one after a single article.
_TITLE_BETWEEN = re.compile(
    r"\s+(?:on|concerning|regarding|entitled)\s+(?:the\s+)?[“\"]?(?P<title>[^,;:()“”\"\n]{2,120}?)[”\"]?"
    rf"(?={_SEP.pattern})"
)


@record(frozen=True, slots=True)
class ListedArticle:
    """One item of a list: its number, where it stands, its bracketed title if any."""

    number: int
    span: Span  # the number
    title: str = ""
    title_span: Span | None = None
    #: The second end of a range ("to", "through" or a dash before it: "articles 60 to 70").
    ranged: bool = False


@record(frozen=True, slots=True)
class ArticleList:
    """ "articles 3, 5 and 99": the word, the items in order, and where the list ends (where
    "of <instrument>" is looked for)."""

    word: Span
    items: tuple[ListedArticle, ...]
    end: int


def _item_at(ptext: str, pos: int) -> tuple[ListedArticle, int] | None:
    """The item starting at ``pos`` and where it ends (after its bracketed title)."""
    m = _ITEM.match(ptext, pos)
    if m is None:
        return None
    num = Span(m.start("num"), m.end("num"))
    tm = ARTICLE_TITLE_IN_BRACKETS.match(ptext, m.end())
    if tm is None:
        return ListedArticle(int(m.group("num")), num), m.end()
    title = tm.group("title").strip()
    start = tm.start("title")
    return ListedArticle(int(m.group("num")), num, title, Span(start, start + len(title))), tm.end()


def _read_list(ptext: str, head: re.Match[str]) -> ArticleList | None:
    """The list ``head`` opens, or None (no item after it)."""
    first = _item_at(ptext, head.end())
    if first is None:
        return None
    items, end = [first[0]], first[1]
    while True:
        titled, at = _title_between(ptext, items[-1], end)
        sep = _SEP.match(ptext, at)
        nxt = None if sep is None else _item_at(ptext, sep.end())
        if sep is None or nxt is None:
            break
        items[-1] = titled
        items.append(replace(nxt[0], ranged=True) if sep.group("range") else nxt[0])
        end = nxt[1]
    return ArticleList(Span(head.start(), head.start() + len("articles")), tuple(items), end)


def _title_between(ptext: str, item: ListedArticle, end: int) -> tuple[ListedArticle, int]:
    """``item`` with the title in words after it ("35 on the 24/7 network", when another
    item follows: see :data:`_TITLE_BETWEEN`) and where the separator is looked for; the
    item and ``end`` when it has a bracketed title or none in words."""
    tm = None if item.title else _TITLE_BETWEEN.match(ptext, end)
    if tm is None:
        return item, end
    title = tm.group("title").strip()
    start = tm.start("title")
    return replace(item, title=title, title_span=Span(start, start + len(title))), tm.end()


def article_lists(ptext: str) -> list[ArticleList]:
    """Every list of articles in ``ptext`` (a paragraph), in text order."""
    out = []
    pos = ptext.find("rticles")
    while pos >= 0:
        head = _HEAD.match(ptext, pos - 1) if pos else None
        if head is not None and not word_before(ptext, pos - 1):
            found = _read_list(ptext, head)
            if found is not None:
                out.append(found)
                pos = ptext.find("rticles", found.end)
                continue
        pos = ptext.find("rticles", pos + 1)
    return out
