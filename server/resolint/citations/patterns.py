"""The regular expressions of citation extraction, compiled once.

Each is linear in practice: bounded quantifiers, no nested unbounded repeats, so a
megabyte of text costs a few passes and no more.
"""

from __future__ import annotations

import re

from resolint.citations.types import MONTH_NAMES
from resolint.lazyre import lazy
from resolint.source import word_before

#: A World Health Assembly resolution's symbol: "WHA77.6" (session 77, resolution 6).
#: Special sessions ("WHASS1.1") are not matched. Read by CIT014, DOC011 and the Akoma
#: Ntoso export's document number, not by the extraction.
WHA_SYMBOL = lazy(r"WHA(\d{1,2})\.(\d{1,3})")

MONTHS = "|".join(MONTH_NAMES)
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTH_NAMES)}

#: 24 December 2024 / 24th December 2024 / 24 December, 2024 / December 24, 2024 / December 24th, 2024
DATE = re.compile(
    rf"(?<![\w/.])(?:(?P<d1>\d{{1,2}})(?P<o1>st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTHS})(?P<c1>,)?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{MONTHS})\s+(?P<d2>\d{{1,2}})(?P<o2>st|nd|rd|th)?(?P<c2>,)?\s+(?P<y2>\d{{4}}))(?![\w/])"
)

#: A month name: where a date search starts (a literal alternation the engine scans fast).
MONTH = re.compile(rf"(?:{MONTHS})(?![a-z])")
#: Before a month: "24 ", "24th ", "24 of ".
DAY_BEFORE = re.compile(r"(?<![\w/.])(?P<d>\d{1,2})(?P<o>st|nd|rd|th)?\s{1,3}(?:of\s+)?$")
#: After a month: ", 2024" / " 2024" (day before) or " 24, 2024" / " 24th 2024" (month first).
YEAR_AFTER = re.compile(r"(?P<c>,)?\s{1,3}(?P<y>\d{4})(?![\w/])")
DAY_YEAR_AFTER = re.compile(r"\s{1,3}(?P<d>\d{1,2})(?P<o>st|nd|rd|th)?(?P<c>,)?\s{1,3}(?P<y>\d{4})(?![\w/])")

#: "resolution", "resolutions", "decision", "decisions" before a number or a list of them
#: (no leading ``\b``: it would stop the engine's fast scan; the caller checks the boundary).
KEYWORD = re.compile(r"(?P<kw>[Rr]esolutions?|[Dd]ecisions?)\s+(?:[Nn]o\.?\s*)?(?=[\dSEAG])")

_YEAR = r"(?:19[4-9]|20\d)\d"
_LETTERS = r"(?:\s[A-Z](?:\s(?:and|to)\s[A-Z])?(?![\w/]))?"

#: One cited number after "resolution(s)" (anchored with ``match``).
#: (A number and its year or session in brackets may stand apart by a line break and the
#: next line's indentation, read as spaces: ``citations.local``; a dozen at most.)
ITEM = re.compile(
    rf"(?:(?P<sp_kind>ES|S)-(?P<sp_s>\d{{1,2}})/(?P<sp_n>\d{{1,3}}){_LETTERS}"
    rf"|(?P<ec_y>{_YEAR})/(?P<ec_n>\d{{1,3}})(?![\d/])"
    rf"|(?P<sl_s>\d{{1,3}})/(?P<sl_n>\d{{1,4}})(?![\d/]){_LETTERS}"
    rf"|(?P<sc_n>\d{{1,4}})\s{{0,12}}\((?P<sc_y>{_YEAR})\)"
    rf"|(?P<old_n>\d{{1,4}}){_LETTERS}\s{{1,12}}\((?P<old_s>(?:ES-|S-)?[IVXL]{{1,8}})\))"
)

#: Document and INTERPOL symbols, wherever they stand. No lookbehind at the start (it
#: would stop the engine's fast scan): callers check the character before with
#: :func:`symbol_boundary`.
SYMBOL = re.compile(
    r"(?:"
    r"A/RES/(?:(?P<a_kind>ES|S)-)?(?P<a_s>\d{1,3})/(?P<a_n>\d{1,4})(?:\s{0,12}\((?P<a_rom>[IVXL]{1,8})\))?"
    r"|A/HRC/RES/(?:(?P<h_kind>S)-)?(?P<h_s>\d{1,2})/(?P<h_n>\d{1,3})"
    r"|S/RES/(?P<s_n>\d{1,4})\s{0,12}\((?P<s_y>\d{4})\)"
    r"|E/RES/(?P<e_y>\d{4})/(?P<e_n>\d{1,3})"
    r"|A/(?:C\.\d/)?(?P<d_s>\d{1,3})/L\.(?P<d_n>\d{1,4})(?:/Rev\.\d{1,2})?"
    r"|S/PRST/(?P<p_y>\d{4})/(?P<p_n>\d{1,3})"
    r"|AGN/(?P<agn_s>\d{1,3})/RES/(?P<agn_n>\d{1,3})"
    r"|(?P<ip_pfx>AG|GA)-(?P<ip_y>\d{4})-(?:(?P<ip_s>\d{1,3})-)?RES-(?P<ip_n>\d{1,3})"
    r")(?![\w/])"
)

#: After a cited number: ", of 21 November 2016" / " of 21 November 2016" / ", adopted
#: 21 November 2016" (DATE follows).
OF_DATE = re.compile(r",?\s+(?:of|adopted(?:\s+on)?|dated)\s+(?=\d|[A-Z])")
#: Between the two ends of a range in words: " to ", " through " (of resolutions and of
#: articles, which take a hyphen too: ``article_lists``).
RANGE_WORDS = r"\s+(?:to|through)\s+"
#: Between the two ends of a range of resolutions ("resolutions 70/1 to 70/5", "2231
#: (2015) through 2300 (2016)", "1325 (2000)–2467 (2019)"): the words or an en dash. One
#: definition for the extraction (:data:`SEPARATOR`), the lists that share a year
#: (``shared_year``) and the rule that orders a range's ends (CIT015).
RANGE_JOINT = rf"{RANGE_WORDS}|\s?–\s?"
#: Between the numbers of a list, and between the two ends of a range: the second end is
#: a citation too, checked as any other.
SEPARATOR = re.compile(rf"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|{RANGE_JOINT})")

#: The phrase before "resolution": capitalised words and the connectors of a body's name.
NAME_WORD = re.compile(r"(?:[A-Z][\w’'\-.]*|of|and|the|on|for|to|against|in|de|des)$")
#: A body named in that phrase (its head noun may come before "on …": "Commission on
#: Narcotic Drugs"); the last one counts.
ORGAN_END = re.compile(
    r"(?P<organ>Security Council|Economic and Social Council|Human Rights Council|General Assembly|"
    r"Council|Assembly|Commission|Conference|Committee|Board|Parties|Summit|Forum|Meeting|INTERPOL|Interpol|"
    r"Sub-Commission|Congress|Organization|Court|Secretariat)(?![\w-])"
)
#: Any body named in running text (for "its resolution" after "X … as well as its").
ORGAN_ANY = re.compile(
    r"(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council"
    r"|Environment Assembly|Health Assembly)\b"
)
#: "…, in its resolution" / "… by its decision": the body is named just before.
#: A start inside a run of spaces is never the leftmost match (the run's start is), so it
#: is skipped, and runs are taken whole: linear on any tail, not just the 160 characters
#: the caller passes (same matches as the plain form on every tail of the corpus).
IN_ITS = re.compile(r"(?:,|(?<!\s))\s*+(?:in|by|through|under|with|and)\s++(?P<pron>its|their)\s++$")
ITS_ONLY = re.compile(r"\b(?P<pron>[Ii]ts|[Tt]heir)\s+$")

#: "paragraph 5 above", "paragraph 3 (b) of the present resolution", "subparagraph (c)".
INTERNAL = re.compile(
    r"(?P<word>[Ss]ub-?paragraphs?|[Pp]aragraphs?)\s+"
    r"(?:(?P<num>\d{1,3})(?![\d/.])(?:\s?\((?P<sub1>[a-z]{1,4})\))?|\((?P<sub2>[a-z]{1,4})\))"
    r"(?P<tail>\s+(?:above|below|of\s+(?:the\s+present|this)\s+resolution|hereof))?"
)
#: What makes a bare "paragraph 5" point elsewhere ("paragraph 5 of resolution 71/19").
EXTERNAL_TAIL = re.compile(r"\s*,?\s+(?:of|in|to)\s+(?!the\s+present\b|this\s+resolution)")
EXTERNAL_HEAD = re.compile(r"(?:preambular|preambulary|annex|its|that|which|whose)\s+$", re.IGNORECASE)

#: After an article's number, an article inserted after it: "article 5 bis".
INSERTED_ARTICLE = r"(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)\b)?"
#: "Article 41", "article 4 (4)", "article 5 bis" (whose "of" follows the "bis").
ARTICLE = re.compile(r"(?P<word>[Aa]rticle)\s+(?P<num>\d{1,3})(?![\d/.]\d)" + INSERTED_ARTICLE + r"(?:\s?\(\d{1,2}\)(?:\s?\([a-z]\))?)?")
#: "… on the 24/7 network" after an article number.
ARTICLE_TITLE = re.compile(
    r"\s+(?:on|concerning|regarding|entitled)\s+(?:the\s+)?[“\"]?(?P<title>[^,;:()“”\"\n]{2,120}?)[”\"]?"
    r"(?=\s*(?:[,;:()]|$|\.\s|\.$|\s+and\s+[Aa]rticles?\b|\s+of\s+the\b|\s+under\b))"
)
#: A title in brackets after the number, as treaties print it: "article 5 (Jurisdiction)".
#: It starts with a capital, or with a figure a word follows ("article 41 (24/7 network)"):
#: "article 5 (a)", "article 5 (1)" cite a part of the article.
ARTICLE_TITLE_IN_BRACKETS = re.compile(r"\s*\((?P<title>(?:[A-Z]|\d[\d/]*\s+[A-Za-z])[^()\n;:,]{1,119})\)")
ARTICLE_OF = re.compile(r"(?:,?\s+paragraphs?\s+\d{1,3}(?:\s?\([a-z]{1,4}\))?,?)?\s+(?:of|to|under)\s+(?:the\s+)?(?:said\s+|that\s+|this\s+|present\s+)?")

#: Quotations, where spelling and names are the quoted text's own; guillemets too, as a
#: French, Spanish or Russian title quoted in an English draft is printed («la labor del
#: Estado»), German and Polish quotation marks („…“, „…”), and British single ones
#: (‘…’). A single closing mark is also the apostrophe: one with a letter after it is
#: inside the quotation (‘the Council’s roadmap’), and an opening one right after a
#: letter opens none. The same for straight single marks, which a keyboard types for both
#: ('the Council's roadmap'; "the States' rights" opens none).
_QUOTE_PARTS = (
    "“[^”{nl}]{{0,2000}}”", '"[^"{nl}]{{0,2000}}"', "«[^»{nl}]{{0,2000}}»", "„[^“”{nl}]{{0,2000}}[“”]",
    r"(?<![^\W_])‘(?:[^’{nl}]|’(?=[^\W\d_])){{0,2000}}’(?![^\W\d_])",
    r"(?<![^\W_])'(?:[^'{nl}]|'(?=[^\W\d_])){{0,2000}}'(?![^\W\d_])",
)
QUOTE = re.compile("|".join(part.format(nl=r"\n") for part in _QUOTE_PARTS))
#: … and over the line breaks of a paragraph an editor wrapped (matched no further than
#: its paragraph's end: see ``Analysis.quotes``).
QUOTE_WRAPPED = lazy("|".join(part.format(nl="") for part in _QUOTE_PARTS))
#: Where a match of QUOTE starts.
QUOTE_OPENERS = ("“", '"', "«", "„", "‘", "'")

#: "the Convention", "the Convention's", "the Conventions" (group ``plural``): a reference
#: back to a named convention, as written. A whole word: "the Conventions" was matched as
#: "the Convention", and "the Conventional …" too.
THE_CONVENTION = re.compile(
    r"\b[Tt]he\s+(?:said\s+|present\s+)?Convention(?P<plural>s)?(?!\w)"
    r"(?!\s+(?:on|against|for|of|relating|concerning|to|Against|On)\b)(?:’s|'s)?"
)

#: The instruments' kinds (instruments.toml) that a short reference names ("the Covenant",
#: "the Treaty") when one of that kind was named before, as "the Convention" names a
#: convention (which is resolved its own way, by nearness and by count).
SHORT_KINDS = ("covenant", "treaty")
#: "Covenant" or "Treaty" after "of the" as a short reference (not "the Treaty on …", "the
#: Treaty of Tlatelolco"). Group 1: the kind, capitalized.
SHORT_REFERENCE = re.compile(r"(Covenant|Treaty)(?!\w)(?!\s+(?:on|against|for|of|relating|concerning|between|banning)\b)")
#: A covenant or treaty named by a title ("the Arms Trade Treaty", "the Treaty on Open
#: Skies", "the Covenant of the League of Nations"): where the reference data does not
#: hold it, "the Treaty" after it may mean it. Group ``kind``.
ANY_SHORT_KIND = re.compile(
    r"\b(?!(?:The|This|That|These|Those|Its|Their|Our|Such|Said|Present)\b)[A-Z][\w'’-]*\s+(?P<kind>Covenant|Treaty)\b"
    r"|\b(?P<kind2>Covenant|Treaty)\s+(?:on|for|of|between|banning)\s+(?:the\s+)?[A-Z]"
)

#: After a list cited with "its": "through its resolution 54/18 of …, the Human Rights Council …".
ITS_SUBJECT_AFTER = re.compile(r"\s*,\s+(?:the\s+)?(?P<name>Human Rights Council|Security Council|Economic and Social Council|General Assembly)\b")
#: A convention named by any title ("the United Nations Convention on the Law of the Sea"):
#: "the Convention" after it refers to it, known to the reference data or not.
ANY_CONVENTION = re.compile(r"\bConvention\s+(?:on|against|for|relating\s+to|concerning)\s+(?:the\s+)?[A-Z]|\b[A-Z][a-z]+\s+Convention\b")


def symbol_boundary(text: str, start: int) -> bool:
    """Whether a symbol may start at ``start`` (not inside a longer word or symbol)."""
    return not word_before(text, start, "/-_")

#: Between two citation lists that share their body: " and ", ", as well as ".
LIST_JOIN = re.compile(r"\s*,?\s*(?:and|or|as\s+well\s+as|and\s+also)\s+")

#: After a list: "decision 3/4 of the Conference of the Parties": the body owns the numbers.
OWNER_AFTER = re.compile(
    r"\s+(?:of|by)\s+the\s+(?P<name>(?:[A-Z][\w’'-]*\s+|of\s+|the\s+|and\s+|on\s+){0,8}?"
    r"(?:Conference|Commission|Committee|Board|Council|Assembly|Meeting|Parties|Forum|Summit)(?![\w-]))"
)
