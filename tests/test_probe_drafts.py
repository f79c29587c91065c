"""Drafts written for an accuracy probe (round 36), in every house style and in the hard
but legitimate forms: two- and three-word openers, adverbs before the verb, lettered and
roman sub-paragraphs, parts A/B and sections I/II, annexes, footnotes, quoted text, ITU
groups, INTERPOL's "meeting in …:", Model UN headers and underlined openers, Windows line
endings, a byte order mark, tabs, non-breaking spaces and Markdown.

``clean-drafts/``: correct drafts, which must give no finding at all. ``mistake-drafts/``:
the same kinds of draft with slips made on purpose; each slip must be reported once, on
its line. The expected findings below are the slips as they were written into each
draft, not read off the linter's output.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from resolint.engine import lint

HERE = FIXTURES / "accuracy"
CLEAN = sorted((HERE / "clean-drafts").iterdir())


def _read(path) -> str:
    # Bytes as written: a CRLF draft keeps its line endings, a BOM draft its mark.
    return path.read_bytes().decode("utf-8")


def _found(path) -> list[tuple[str, int]]:
    result = lint(_read(path), path=str(path))
    return sorted((f.code, result.source.position(f.span.start).line + 1) for f in result.findings)


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_a_clean_draft_gives_no_finding(path):
    assert _found(path) == []


#: The slips written into each draft: (code, line) of each.
SLIPS = {
    # comma left out (preamble); ';' left out; participle; 3 then 5; final ','
    "ga-five-slips.txt": [("OPR002", 17), ("OPR004", 15), ("OPR007", 13), ("OPR007", 19), ("PRE004", 7)],
    # symbol's year; opener not in capitals; 'Secretary-General'; participle; (a) then (c);
    # 'Member States'; final ','
    "interpol-seven-slips.txt": [("CIT003", 9), ("OPR004", 17), ("OPR007", 21), ("OPR008", 19), ("PRE003", 11), ("TRM005", 13), ("TRM006", 21)],
    # 2767 (2021); 'Charter of the United Nation'; 31 June; (a) then (c); (i) then (iii);
    # 'Secretary General'; 5 twice
    "sc-seven-slips.txt": [("CIT002", 7), ("CIT006", 13), ("OPR002", 33), ("OPR008", 21), ("OPR008", 29), ("TRM001", 11), ("TRM005", 31)],
    "crlf-slips.txt": [("OPR002", 9), ("OPR007", 9), ("PRE004", 3)],
    "bom-tabs-slips.txt": [("OPR006", 9), ("OPR007", 7)],
    "nbsp-slips.txt": [("OPR002", 9), ("PRE004", 5)],
    "markdown-slips.md": [("OPR002", 11), ("OPR004", 10), ("PRE004", 7)],
    "parts-slips.txt": [("OPR002", 11), ("OPR007", 21)],
    "opener-case-slips.txt": [("OPR006", 7), ("PRE003", 5)],
    "itu-slips.txt": [("OPR002", 17), ("OPR007", 17), ("PRE008", 11)],
    # WHA69.1 (2017); (1) then (3); 'Requests' not in capitals; 'Director General'
    "wha-slips.txt": [("CIT014", 5), ("OPR006", 15), ("OPR008", 13), ("TRM005", 15)],
    "interpol-item-slips.txt": [("OPR007", 21), ("OPR008", 19)],
    # 'Recalling' twice; 'Notes' in the preamble; 'recognizing'; final '.'; starts at 2;
    # 'Secretary-general'; 'this resolution'; 'September 25, 2029'; 'in2030'; 'a)' and two
    # sub-paragraphs in lower case; final ';'
    "ga-many-slips.txt": [
        ("CIT007", 17), ("OPR002", 13), ("OPR007", 25), ("OPR009", 21), ("OPR010", 21), ("OPR010", 23), ("PRE001", 7),
        ("PRE003", 9), ("PRE004", 11), ("PRE006", 5), ("TRM005", 13), ("TRM007", 15), ("TRM011", 19),
    ],
    "markdown-bold-slips.md": [("OPR002", 10), ("OPR004", 8), ("OPR006", 9), ("PRE004", 3), ("PRE007", 3)],
    "sc-section-slips.txt": [("OPR004", 21), ("OPR007", 19), ("PRE004", 3)],
    # 'Universal Declaration of Human Right'; 'Calls upon' in the preamble; 'Deeply
    # disturbed' opening an operative paragraph
    "mun-underlined-slips.md": [("OPR005", 12), ("PRE001", 10), ("TRM001", 8)],
    # Round two. A Model UN committee named after a programme: final ',' left out;
    # 'Recalls' in the preamble; 1 then 3; no '.' after the last clause
    "mun-programme-slips.txt": [("OPR002", 14), ("OPR007", 16), ("PRE001", 10), ("PRE004", 8)],
    # (a) then (c) among sub-clauses; 'Secretary General'
    "mun-disec-slips.txt": [("OPR008", 14), ("TRM005", 20)],
    # 'Acting under Chapter VII …;'; 'requests' in lower case
    "sc-chapter-vii-slips.txt": [("OPR006", 15), ("PRE004", 9)],
    # ',' ending an operative paragraph; 'Inviting' opening one
    "ga-third-committee-slips.txt": [("OPR004", 21), ("OPR007", 19)],
    # opening's ',' left out after a two-body name; '.' ending the first clause; 'calles';
    # a clause left unnumbered; ';' after the last clause
    "mun-forum-slips.txt": [("DOC002", 6), ("OPR001", 18), ("OPR005", 16), ("OPR007", 14), ("OPR007", 22)],
    # the last but one preambular paragraph ending with ','; (1) then (3); 'Requests' not in
    # capitals
    "wha-climate-slips.txt": [("OPR006", 17), ("OPR008", 15), ("PRE004", 5)],
    # 'Recognizes' in the preamble; ';' after the last paragraph
    "ga-non-native-slips.txt": [("OPR007", 15), ("PRE001", 5)],
    # a) then c) under "considering"; no final '.'
    "itu-considering-slips.txt": [("OPR007", 25), ("PRE008", 11)],
    # ';' ending a preambular paragraph; 'Observes' in the preamble; 'Remind'; i. then iii.
    # under b.; no '.' after the last clause
    "mun-specpol-slips.txt": [("OPR005", 29), ("OPR007", 37), ("OPR008", 35), ("PRE001", 17), ("PRE004", 13)],
    # Round three. An ECOSOC resolution: '70/1 of 25 September 2017'; 'Recalls also' in the
    # preamble; the last preambular paragraph without its comma; ',' ending paragraph 1
    "ecosoc-slips.txt": [("CIT001", 5), ("OPR007", 13), ("PRE001", 7), ("PRE004", 11)],
    # An omnibus in sections I-III: '79/144 of 17 December 2023'; 3 then 5; 'Request'; no
    # final '.'
    "ga-omnibus-slips.txt": [("CIT001", 3), ("OPR002", 19), ("OPR004", 24), ("OPR007", 26)],
    # A Human Rights Council resolution under its masthead: 'Universal Declaration of Human
    # Right'; '76/300 of 28 July 2021'; 'Recalling' twice; 2 then 4; no final '.'
    "hrc-slips.txt": [("CIT001", 21), ("OPR002", 31), ("OPR007", 33), ("PRE006", 23), ("TRM001", 19)],
    # ITU groups 'recalling' / 'resolves' / 'instructs' / 'invites': a) then c); 'Secretary
    # General'; no final '.'
    "itu-resolves-slips.txt": [("OPR007", 27), ("PRE008", 11), ("TRM005", 21)],
    # Markdown with headings and an indented list: no ',' after 'Alarmed …'; 'Recognizes';
    # (a) then (c); no final '.'
    "markdown-headings-slips.md": [("OPR007", 18), ("OPR008", 17), ("PRE001", 11), ("PRE004", 9)],
    # A Model UN draft by a non-native writer: 'Convention on the Right of the Child';
    # 'Aware that' twice; 'Takes into consideration'; 3 twice
    "mun-non-native-slips.txt": [("OPR002", 26), ("PRE001", 16), ("PRE006", 12), ("TRM001", 8)],
    # A Security Council resolution with its title and adoption line: '1612 (2006)'; ';'
    # ending the preamble; 'Calling for'; ',' ending the last paragraph
    "sc-slips.txt": [("CIT002", 7), ("OPR004", 15), ("OPR007", 17), ("PRE004", 11)],
    # Sponsors in the title block, footnotes after the text: 'Charter of the United
    # Nation'; 'Noting' twice; ',' ending paragraph 2
    "sponsors-footnotes-slips.txt": [("OPR007", 23), ("PRE006", 19), ("TRM001", 15)],
    # A UNESCO General Conference resolution (default style): 'Recognizes' in the
    # preamble; ',' ending paragraph 2; no final '.'
    "unesco-slips.txt": [("OPR007", 11), ("OPR007", 13), ("PRE001", 7)],
    # Pasted from Word (smart quotes, tabs, non-breaking hyphens): '75/1 of 21 September
    # 2022'; no ',' after 'Noting with concern …'; '1)' and '3)' for '1.' and '3.'; ','
    # ending the last item of paragraph 1; 1 then 3
    # INTERPOL with 'HAVING REGARD TO' and an annex: GA-2016-86-RES-06 (2016 held the 85th);
    # 'NOTES' in the preamble; ',' ending the first operative clause; no final '.'
    "interpol-instructs-slips.txt": [("CIT003", 12), ("OPR007", 18), ("OPR007", 24), ("PRE001", 14)],
    # INTERPOL budget with an annex: '90th' where symbol, year, city and dates say the
    # 89th; 'Taking into account' not in capitals
    "interpol-budget-slips.txt": [("DOC011", 5), ("PRE003", 11)],
    # A resolution of an emergency special session with its vote line: '78/3 of 13 October
    # 2025' (once: the date against the number); 'Expressing concern' twice; 'Demand'
    "ga-emergency-session-slips.txt": [("CIT001", 3), ("OPR004", 9), ("PRE006", 7)],
    # Parts A and B, each with its own opening: 'Reaffirms' in B's preamble; B goes 1, 3
    "ga-parts-own-openings-slips.txt": [("OPR002", 25), ("PRE001", 21)],
    # A Human Rights Council L. draft with sponsors marked '*' and their footnote: 'Notes'
    # in the preamble; 1 then 3; no final '.'
    "hrc-draft-sponsors-slips.txt": [("OPR002", 25), ("OPR007", 27), ("PRE001", 21)],
    # INTERPOL 'DECIDES:' over numbered items: GA-2023-92-RES-06 (2023 held the 91st); 1
    # then 3; 'Encourages' not in capitals
    "interpol-decides-items-slips.txt": [("CIT003", 7), ("OPR002", 15), ("OPR006", 17)],
    # Model UN in Markdown with '###' header lines and dash items: 'Acknowledges' in the
    # preamble; ',' ending paragraph 1; no final '.'
    "mun-markdown-h3-slips.md": [("OPR007", 11), ("OPR007", 15), ("PRE001", 9)],
    # World Health Assembly: WHA74.5 (2022); (1) then (3); ';' after the last item
    "wha-oral-health-slips.txt": [("CIT014", 5), ("OPR007", 19), ("OPR008", 13)],
    "word-paste-slips.txt": [("CIT001", 3), ("OPR002", 13), ("OPR003", 9), ("OPR003", 13), ("OPR007", 11), ("PRE004", 5)],
    # Round five. A sanctions regime under Chapter VII: '1989 (2012)'; 'Stresses' in the
    # preamble; (i) then (iii); no final '.'
    "sc-sanctions-slips.txt": [("CIT002", 7), ("OPR007", 33), ("OPR008", 21), ("PRE001", 11)],
    # A Human Rights Council resolution opening 'Guided by': 'Reaffirming' twice; '60/251
    # of 15 March 2007'; 'Welcomes further'; 1 then 3
    "hrc-guided-by-slips.txt": [("CIT001", 14), ("OPR002", 28), ("PRE001", 18), ("PRE006", 12)],
    # A World Health Assembly resolution with footnote marks: WHA72.6 (2020); 'Urges' not
    # in capitals; (1) then (3); 'Director General'
    "wha-strategy-slips.txt": [("CIT014", 5), ("OPR006", 11), ("OPR008", 15), ("TRM005", 19)],
    # Footnotes written '[1]': '74/299 of 31 August 2021'; ',' ending paragraph 1;
    # 'Secretary-general'
    "ga-footnote-brackets-slips.txt": [("CIT001", 7), ("OPR007", 15), ("TRM005", 19)],
    # A Model UN draft in capitals: 'Recalling' among capitals; 'ENCOURAGING'; i. then
    # iii.; no final '.'
    "mun-capitals-slips.txt": [("OPR004", 16), ("OPR007", 28), ("OPR008", 24), ("PRE003", 10)],
    # Security Council resolutions cited in a list: '1325 (2001)'; 'Recalling' twice;
    # 'Recognizes' in the preamble
    "ga-sc-list-slips.txt": [("CIT002", 3), ("PRE001", 7), ("PRE006", 5)],
    # The Environment Assembly under its own '6/5.': ';' ending the last preambular
    # paragraph; 2 then 4; ';' after the last paragraph
    "unea-slips.txt": [("OPR002", 15), ("OPR007", 15), ("PRE004", 7)],
    # An ECOSOC resolution: '46/182 of 19 December 1992'; 'Taking note with appreciation'
    # twice; no final '.'
    "ecosoc-humanitarian-slips.txt": [("CIT001", 5), ("OPR007", 15), ("PRE006", 9)],
    # INTERPOL with a table in its appendix: '92nd' for the session of 2025; 'Having
    # considered' not in capitals; 'Secretary-General'
    "interpol-table-slips.txt": [("DOC011", 5), ("PRE003", 9), ("TRM005", 15)],
    # Pasted from a PDF: ',' ending paragraph 1 before the page header, which is left in
    "pdf-page-header-slips.txt": [("DOC016", 11), ("OPR007", 9)],
    # Financing with a table of figures: 'Decide'; '79/250 of 24 December 2025'
    "ga-budget-table-slips.txt": [("CIT001", 16), ("OPR004", 9)],
    # The Commission on the Status of Women: 'Bears in mind'; 'invites' in lower case
    "csw-slips.txt": [("OPR006", 13), ("PRE001", 9)],
    # Markdown with footnotes '[^1]': 'Notes' in the preamble; ',' ending paragraph 1; no
    # final '.'
    "ga-markdown-footnotes-slips.md": [("OPR007", 9), ("OPR007", 13), ("PRE001", 7)],
    # A revised Human Rights Council L. draft: '55/11 of 3 April 2025'; 1 then 3
    "hrc-revised-draft-slips.txt": [("CIT016", 19), ("OPR002", 25)],
    # INTERPOL items in lower case: 'Mindful' not in capitals; one item ending with ',';
    # 'Secretary-General'
    "interpol-biometric-slips.txt": [("OPR007", 15), ("PRE003", 11), ("TRM005", 18)],
    # World Health Assembly items under items: WHA69.3 (2017); (a) then (c); (1) then (3)
    "wha-nested-items-slips.txt": [("CIT014", 5), ("OPR008", 15), ("OPR008", 17)],
}


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_each_slip_is_reported_once(name):
    assert _found(HERE / "mistake-drafts" / name) == sorted(SLIPS[name])


def test_every_mistake_draft_is_listed():
    assert sorted(p.name for p in (HERE / "mistake-drafts").iterdir()) == sorted(SLIPS)
