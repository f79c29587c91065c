"""Regular expressions for the fixed parts of a resolution: opening, closing, annex, title.

Kept apart from the state machine so that the two can be read (and tested) separately.
"""

from __future__ import annotations

import re

from resolint.invisible import readable
from resolint.lazyre import lazy

ORGANS = (
    r"General Assembly|Security Council|Economic and Social Council|Human Rights Council|"
    r"Plenipotentiary Conference|Conference of the Parties|Conference|Assembly|Council|"
    r"Commission|Committee|Board|Summit|"
    # A Model UN committee named after a specialized agency, fund or programme ("The World
    # Health Organization,", "The United Nations Environment Programme,", "The United
    # Nations Children's Fund,", "The International Atomic Energy Agency,"): without them
    # such a draft was not read as one, and its opening was a paragraph of the preamble.
    r"Organization|Organisation|Programme|Fund|Agency|"
    # A treaty's meeting ("The Meeting of the Parties,", "The Fifth Meeting of the States
    # Parties,"); leaders meeting as such ("The Heads of State and Government,", "The
    # Commonwealth Heads of Government,"): never "meeting" alone ("The meeting was …").
    r"Meeting of the (?:States )?Parties|Heads of State and Government|Heads of Government"
)

#: The characters a list's bullet is written with: a dash, an asterisk, Unicode's bullets
#: and squares and arrows, and the private-use characters a Symbol or Wingdings bullet is
#: (U+F0B7 "•", U+F0A7 "▪", U+F076 "❖", U+F0D8 "➢", U+F0FC "✓", U+F06E "■"), which a
#: Word list pasted as text and a PDF's copy keep.
BULLETS = "-*•‣◦·–—▪■□●○◆◇❖➢➤►✓\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e"
#: A UN document's barcode (its job number between asterisks) that a conversion glued to
#: the start of the next paragraph: "*2325931* Reaffirming further …". The paragraph is
#: read after it (its label, its opener), and DOC016 removes it.
GLUED_BARCODE = re.compile(r"\*\d{7,8}\*[ \t\u00a0]+")

#: A line break, as the source reads them (:data:`resolint.source.LINE_BREAKS`): a test
#: for "\n" alone took a draft with CR line breaks for one long line. (A vertical tab,
#: which Word writes for a line break within a paragraph, is not one.)
LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: "The General Assembly," / "The ICPO-INTERPOL General Assembly, meeting in …:" /
#: "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"
#: "The" with its capital ("THE GENERAL ASSEMBLY," too): "the Commission on …," starting a
#: line an editor wrapped is the middle of a sentence.
#: A word of the name before the body may end with a comma when the name goes on with a
#: capital ("The Social, Humanitarian and Cultural Committee,", "The Economic, Social and
#: Cultural Committee,": Model UN committees); "The States, the Council and …" is a list.
_NAME_WORD = r"(?:[^\s,:;]+|(?-i:[A-Z])[^\s,:;]*,(?=\s+(?-i:[A-Z])))\s+"
OPENING = re.compile(
    rf"^(?:#{{1,6}}[ \t]+)?[*_]*(?-i:T)he\s+(?:{_NAME_WORD}){{0,8}}?(?P<organ>{ORGANS})\b(?P<rest>[^\n]{{0,400}})$",
    re.IGNORECASE,
)
#: The body's name going on after its first body word to another, in capitals word by word:
#: " Third Committee" after "The General Assembly" ("The General Assembly Third Committee"
#: with its comma left out, which a rule reports), read in the rest of an :data:`OPENING`
#: that ends with no mark. A verb is no word of a name ("The Council notes the Committee").
NAME_GOES_ON = lazy(rf"^\s+(?:[A-Z][^\s,:;]*\s+){{0,6}}?(?:{ORGANS})\b(?P<rest>.*)$")
#: What a transmittal formula announces, after the body's name and its verb: "The Third
#: Committee recommends to the General Assembly the adoption of the following draft
#: resolution:", "The Human Rights Council adopts the following resolution:" (a commission
#: or a Main Committee passes a draft on; the draft's own opening follows). Read in the
#: rest of an opening-shaped line (:func:`resolint.parser.placement.is_transmittal`).
TRANSMITTAL_END = lazy(r"\b(?:the\s+following\b[^:]*|as\s+follows\s*):$", re.IGNORECASE)
#: "(Dubai, 2018)", "(Rev. Dubai, 2018)" ending an ITU opening (where its comma is missing).
PLACE_YEAR_END = lazy(r"\((?:Rev\.\s*)?[^()\n]{1,60},\s*\d{4}\)$")
#: The body of an opening is short; a preambular paragraph that happens to begin with
#: "The Council" is long and ends with a comma after a verb.
OPENING_MAX_CHARS = 450

#: The place runs to the first "from"/"on" and the dates to the first "at its", each
#: within a bound: two open lazy runs tried every way against each other were cubic on a
#: long paragraph of repeated near-misses. Either may be wrapped onto the next line (it is
#: searched in the opening alone, which holds no blank line).
INTERPOL_MEETING = re.compile(
    r"meeting\s+in\s+(?P<place>(?:(?!\s+(?:from|on)\s).){1,200}?)\s+(?:from|on)\s+"
    r"(?P<dates>(?:(?!\s+at\s+its\s).){1,120}?)\s+at\s+its\s+(?P<session>\d+)(?P<suffix>[a-z]{2})?\s+session",
    re.IGNORECASE | re.DOTALL,
)

#: "Adopted …" / "ADOPTED": a capital first, as every closing line has; "adopted on 7 July
#: 2017, and noting …" starting a line an editor wrapped goes on with the sentence. In
#: brackets too: the Human Rights Council's "[Adopted without a vote.]", "[Adopted by a
#: recorded vote of 31 to 11, …" (its voting record may go on over paragraphs).
ADOPTED = re.compile(r"^[*_]*[\[(]?(?=[A-Z])(?i:adopted|adoptée|adoptada)\b")
#: The bracket a closing line opens and leaves open ("[Adopted by a recorded vote …"):
#: the paragraphs up to the one that closes it are the voting record.
OPEN_RECORD = re.compile(r"^[*_]*\[(?![^\]]*\])")
#: A voting record's lines after the closing lines, as a press release or the Journal
#: gives them: "Recorded vote: 78 in favour, 14 against, …", "In favour: Albania, …",
#: "Against: …", "Abstaining: …" (each names its side, then a colon).
VOTE_RECORD = lazy(
    r"^[*_]*(?:Recorded\s+vote|Non-recorded\s+vote|In\s+favour|In\s+favor|Against|Abstaining|Abstentions|Absent|Not\s+voting)[*_]*\s*:",
    re.IGNORECASE,
)
#: "38th plenary meeting", "57th (resumed) plenary meeting"; in brackets with the ordinal
#: in words, as the World Health Assembly closes a resolution: "(Ninth plenary meeting,
#: 27 May 2025 – Committee A, third report)".
PLENARY = re.compile(
    r"^[*_]*(?:\(?\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting\b"
    r"|\((?:[a-z]+-)?[a-z]+(?:st|nd|rd|th)\s+plenary\s+meeting\b)",
    re.IGNORECASE,
)
MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
DATE_LINE = re.compile(rf"^\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}\.?$")
#: The heading of a signature block after the operative part ("Signed,", "Signatories:",
#: "Sponsors:", "Submitted by:"): Model UN conferences end a resolution with one.
SIGNATURE_HEADING = re.compile(
    r"^[*_]*(?:Signed|(?:(?:Chair|Chairperson|President|Director)['’]s\s+)?Signatures?|Signatories|(?:Co-?)?sponsors"
    r"|(?:Co-?)?sponsored\s+by|(?:Co-?)?submitted\s+by)"
    r"(?:\s+by)?[*_]*\s*(?:[,:]|$)",
    re.IGNORECASE,
)
#: A letter's or an e-mail's sign-off, its first line alone ("Kind regards,", "Best
#: regards", "Thanks,", "Yours sincerely,"), and the names under it: a draft pasted from a
#: message keeps them after the final paragraph, where they are closing lines, not a
#: paragraph more of the resolution (:func:`resolint.parser.placement.signature_block`).
SIGN_OFF = re.compile(
    r"^[*_]*(?=[A-Z])(?i:(?:(?:kind|kindest|best|warm|warmest|with\s+(?:kind|best|warm)|many)\s+)?(?:regards|wishes|thanks)"
    r"|(?:thanks|thank\s+you)(?:\s+(?:so|very)\s+much|\s+again|\s+in\s+advance)?|best|cheers"
    r"|(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully)(?:\s+yours)?)"
    r"[*_]*[ \t]*[,.!]?[*_]*[ \t]*(?:[\r\n]|$)"
)
#: "Acting under Chapter VII of the Charter of the United Nations", "Acting under Article
#: 41 …": the Security Council says under which powers it acts, in the preamble or as a
#: lead-in of operative paragraphs (a mandate partly under Chapter VII: S/RES/1769 (2007),
#: paragraph 15, "Acting under Chapter VII of the Charter of the United Nations:" /
#: "(a) decides …"). ``CHARTER_LEAD_IN_LINE``: the lead-in alone, with no clause after it.
_CHARTER_LEAD_IN = r"^[*_]*(?i:acting)\s+(?:also\s+|further\s+)?under\s+(?:Chapter\s+[IVXL]{1,5}|Articles?\s+\d{1,3})\b"
CHARTER_LEAD_IN = re.compile(_CHARTER_LEAD_IN)
CHARTER_LEAD_IN_LINE = lazy(_CHARTER_LEAD_IN + r"[^,;:.\n]{0,120}?[*_]*[,:]?[*_]*$")
#: A Model UN vote's result after the operative part: "PASSED (23-5-2)", "Passed: 23 for,
#: 5 against", "FAILED", "Approved by the Chair" ("Approves …" is an operative opener).
VOTE_RESULT = re.compile(
    r"^[*_]*(?=[A-Z])(?i:passed|failed|approved|rejected)(?=[*_]*(?:\s*$|\s*[:(,.\-–—]|\s+\d|(?i:\s+(?:by|with|unanimously)\b)))"
)
#: Amendments appended after the text: "AMENDMENT 2 (submitted by Germany): …",
#: "Amendments:", "Amendment proposed by …".
AMENDMENTS = re.compile(
    r"^[*_#\s]*(?=[A-Z])(?i:amendments?)(?=[*_]*(?:\s*$|\s*[:(]|\s+(?i:no\.?\s*)?\d|(?i:\s+(?:submitted|proposed|by)\b)))"
)
#: The title of a document of amendments to a draft, not a draft: "Amendments to draft
#: resolution A/C.3/80/L.21", "Egypt and Iraq: amendment to draft decision A/79/L.5",
#: "Proposed amendments to the draft resolution". What follows it is instructions
#: ("Replace operative paragraph 3 with …") and quoted clauses, none the resolution's.
AMENDMENTS_TO_DRAFT = lazy(
    r"^[*_#\s]*(?:[^:\n]{1,300}:\s*)?(?:(?:Proposed|Draft)\s+)?amendments?\s+(?:to|of)\s+(?:the\s+)?(?:revised\s+)?draft\s+(?:resolution|decision)\b",
    re.IGNORECASE,
)
#: A line of a signature block: "Delegate of Canada", "The Delegation of the Republic of Korea".
SIGNATORY = re.compile(
    r"^[*_]*(?:The\s+)?(?:Delegates?|Delegations?|(?:Permanent\s+)?Representatives?|Ambassadors?|Head\s+of\s+(?:the\s+)?delegation)"
    r"\s+of\s+\S",
    re.IGNORECASE,
)
#: "ANNEX 1 TO RESOLUTION 48 (REV. DUBAI, 2018) Matters for reporting …": an ITU annex
#: heading, possibly with its title on the same line.
ANNEX_TO_RESOLUTION = re.compile(r"^[*_#\s]*ANNEX(?:\s+\d{1,2}|\s+[IVX]{1,4})?\s+TO\s+RESOLUTION\b", re.IGNORECASE)
#: A decimal sub-item under a numbered item: "8.1 an open and transparent bidding process".
DECIMAL_ITEM = lazy(r"^\d{1,3}\.\d{1,3}\s")
#: The words a figure goes on with ("1.5 million", "2.5 per cent", "3.5 times", "1.5
#: degrees", "2.5 tonnes") and a reference to a section ("2.1 of the report", "2.1
#: above"): a paragraph or line that starts so starts with a number in a sentence, not
#: with a decimal sub-item's.
_QUANTITY_WORDS = (
    r"(?i:of|above|below|thousands?|millions?|billions?|trillions?|hundreds?|mn|bn|per|percent|pc|times|fold|degrees?|°"
    r"|metres?|meters?|kilo\w*|km|kg|g|t|tonnes?|tons?|hectares?|ha|litres?|liters?|years?|months?|weeks?|days?|hours?"
    r"|dollars?|euros?|USD|EUR|US\$|points?|parts?|ppm|GW|MW|kW|kWh|Gt|Mt)\b"
)
#: A decimal sub-item's number at a paragraph's or a line's start: "2.1", "2.1.1" (and
#: "2.1." with a point after it), as Model UN and many national drafts number the items of
#: operative paragraph 2; white space and a word follow it (not a figure's "1.5 million",
#: a table's "2.1" alone, a date's "1.1.2020" nor "2.1 3.4"). Group "v" is the whole
#: number. Placement takes it for a label only under the paragraph its first numbers name
#: (``placement.decimal_item``).
DECIMAL_LABEL = re.compile(
    rf"(?P<v>\d{{1,3}}(?:\.\d{{1,3}}){{1,2}})\.?(?=[ \t\u00a0]+[*_\"“‘']*[^\W\d_])(?![ \t\u00a0]+{_QUANTITY_WORDS})"
)
#: "Annex", "ANNEX II", "Annex 1 to the present resolution", "APPENDIX", "Appendix A" (as
#: INTERPOL heads what a resolution adopts) alone on a line.
ANNEX = re.compile(r"^[*_#\s]*(?:Annex(?:es)?|Appendix|Appendices)(?:\s+(?:[IVX]+|\d{1,2}|[A-Z]))?(?:\s+to\s+.*)?[*_]*$", re.IGNORECASE)
#: "Annex United Nations Convention against Cybercrime": an annex title on the same line.
ANNEX_TITLED = re.compile(r"^[*_#\s]*(?:Annex(?:es)?|Appendix)(?:\s+[IVX]+)?\s+[A-Z“\"]")
#: The heading of an article or chapter of an annexed text ("Article 1: Competence",
#: "CHAPTER II"), not a reference to one ("Article 5 of the Convention …").
ARTICLE_HEADING = re.compile(
    r"^[*_#\s]*(?:Article|ARTICLE|Chapter|CHAPTER)\s+(?:\d{1,3}|[IVXLC]{1,7})\b(?![ \t]*(?:of|to|and|or|,|above|below)\b)"
)
#: A table of contents ("Contents", "Table of contents Preamble . . . . 3").
CONTENTS_HEADING = re.compile(r"^[*_#\s]*(?:Table\s+of\s+)?Contents\b(?![ \t]+(?:of|the)\b)", re.IGNORECASE)
#: An adopted declaration in the first person plural.
DECLARATION_START = re.compile(r"^[*_]*We,?\s+(?:the\s+)?(?:Heads|Ministers|representatives|Member|States|peoples)", re.IGNORECASE)
#: An operative paragraph introducing a text it adopts.
ADOPTS_TEXT = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^:]*:\W*$", re.IGNORECASE)
#: Page furniture: only digits, punctuation and at most one short parenthesized code.
#: Possessive runs, the code recognized by the "(" just eaten: no way to split a long run
#: of punctuation between two quantifiers (that was quadratic: 171 s on 100 KB).
#: The digit is looked for up to the first one (possessive), not from the line's end back.
JUNK = re.compile(r"^(?=[^\d\n]*+\d)[\d\W_]*+(?:(?<=\()[A-Z]{1,2}\)[\d\W_]*+)?$")
#: A PDF page's header or footer line that starts with a letter: the document's symbol
#: ("A/C.3/79/L.15", "S/2024/123", "E/CN.15/2024/L.3"), a Geneva job number ("GE.24-12345
#: (E)"), "Page 2 of 5", the UN's "Please recycle", an ITU running head ("Res. 123").
FURNITURE_WORDS = re.compile(
    r"^(?:[A-Z]{1,6}(?:/[A-Za-z0-9.\-]{1,12}){2,6}"
    r"|GE\.\d{2}-\d{4,6}[\d\W_]*+(?:(?<=\()[A-Z]{1,2}\)[\d\W_]*+)?"
    r"|(?i:page)[ \t]\d{1,4}(?:[ \t](?i:of)[ \t]\d{1,4})?"
    r"|Res\.[ \t]\d{1,3}[A-Z]?"  # an ITU Final Acts page's running head ("Res. 123"); a citation has more words
    r"|(?i:please[ \t]recycle)\W*)$"
)
#: A line of a PDF page's marks alone, which no sentence's line is: a job number
#: ("26-04512", "24-18765 (E) 161024", "GE.24-12345 (E)"), a page's "2/3", a barcode
#: ("*2418765*"), one or more of them, with the page's "2/3" beside one (alone, "75/1"
#: is as much a resolution's number wrapped onto a line of its own). Such a line is a
#: paragraph of its own even with no blank line around it (a PDF copied page by page).
_PAGE_MARK = r"(?:\d{2}-\d{5}(?:[ \t]*+\([A-Z]{1,2}\))?+(?:[ \t]++\d{6})?+|GE\.\d{2}-\d{4,6}(?:[ \t]*+\([A-Z]{1,2}\))?+|\*\d{7,8}\*)"
#: (Possessive: a line of marks and thousands of spaces fails at once.)
PAGE_MARKS = lazy(
    rf"^(?:\d{{1,3}}/\d{{1,3}}[ \t\u00a0]++)?+{_PAGE_MARK}(?:[ \t\u00a0]++(?:{_PAGE_MARK}|\d{{1,3}}/\d{{1,3}}))*+[ \t\u00a0]*+$"
)
MD_HEADING = re.compile(r"^#{1,6}\s")
HTML_COMMENT = re.compile(r"^<!--(?P<body>.*?)-->$", re.DOTALL)
THEMATIC_BREAK = re.compile(r"^[\W_]+$")
#: A section's number or letter: "A", "IV", or named with the word a drafter writes
#: before it ("Part I", "PART B", "Section II"), as some General Assembly and Model UN
#: drafts head their parts; without the word's reading, "Part II" over a part's own
#: preamble was an unnumbered operative paragraph, and its preamble came "after the
#: operative part". (Arabic numbers stay out: "Part 2 of the report" is a sentence's start.)
_SECTION_WORD = r"(?:Part|PART|Section|SECTION|Chapter|CHAPTER)[ \t\u00a0]+"
_SECTION_ID = r"(?:[A-Z]|[IVXL]{1,6})"
_SECTION_NUMBER = rf"(?:{_SECTION_WORD})?{_SECTION_ID}"
#: A section's bare number or letter on a line of its own: "I", "IV.", "B", "**II**",
#: "Part II" (``mark``: the number or letter alone).
SECTION_MARKER = re.compile(rf"^[*_]*(?:{_SECTION_WORD})?(?P<mark>{_SECTION_ID})\.?[*_]*$")
#: A section heading inside the body: "A", "B", "II", "I. General provisions", "Part I:
#: Regular budget".
SECTION_HEADING = lazy(
    rf"^[*_]*(?:{_SECTION_NUMBER}\.?[*_]*$"  # "A", "II", "B.", "Part II"
    rf"|{_SECTION_NUMBER}\.\s+\S[^\n]{{0,300}}$"  # "I. General provisions"
    rf"|{_SECTION_WORD}{_SECTION_ID}[*_]*\s*[:\u2013\u2014]\s+\S[^\n]{{0,300}}$"  # "Part I: Regular budget"
    r"|[IVXL]{2,6}\s+[A-Z][^\n]{0,300}$)"  # "II Implementation of …"
)

#: A section's mark and its title on the next line, one paragraph: "B" / "Transparency in
#: armaments", as the parts of a General Assembly resolution start.
SECTION_MARK_AND_TITLE = lazy(rf"^[*_]*{_SECTION_NUMBER}\.?[*_]*[ \t]*\r?\n[^\n]{{1,300}}$")

#: "RESOLUTION 102 (REV. DUBAI, 2018)": an ITU resolution's title line, upper case (the
#: same words in mixed case followed by text are a citation: "Resolution 34 (Rev. Dubai,
#: 2018) of this conference, on …").
CONFERENCE_TITLE = re.compile(r"^[*_#\s]*RESOLUTION\s+\d{1,3}[A-Z]?\s+\((?:REV\.\s*)?[^()\n]{1,60},\s*\d{4}\)[*_]*$")
TITLE_NUMBER = re.compile(r"\bResolution\s+No\.?\s*(?P<n>\d+)\b", re.IGNORECASE)
#: "79/136. Cooperation between …" (the subject may go on over lines an editor wrapped).
UN_TITLE = re.compile(r"^[*_]*(?P<sym>(?:S-|ES-)?\d{1,3}/(?P<n>\d{1,3}))\.\s+(?P<subject>\S.*)$", re.DOTALL)
#: "United Nations        S/RES/2810 (2026)": the first line of a United Nations
#: document's masthead, the organization's name and the document's symbol on one line, as
#: the text of a PDF gives it (each resolution of a compilation starts with its own).
MASTHEAD = re.compile(r"^[*_]*United\s+Nations[ \t\u00a0]+(?:[ASE]|ST)/[A-Z0-9./()\- ]{2,40}[*_]*$")
#: "Draft resolution II", "Draft decision A", "Draft resolution A/C.3/80/L.12": the heading
#: a committee's report or a compilation of drafts puts over each draft, on a line of its own.
DRAFT_HEADING = re.compile(
    r"^[*_#\s]*Draft\s+(?:resolution|decision)(?:\s+(?:[IVXLC]{1,6}|[A-Z]|[A-Z]{1,2}/\S{1,40}))?[*_]*$", re.IGNORECASE
)
#: "WHA62.1 Prevention of avoidable blindness" or the symbol alone on its line (the subject
#: on the next), as the World Health Assembly's volumes of resolutions print each one; and
#: the Executive Board's "EB144.R1 Appointment of …".
WHO_TITLE = re.compile(r"^[*_]*(?:WHA\d{1,2}\.\d{1,3}|EB\d{2,3}\.R\d{1,2})\b[*_]*(?:[ \t]+\S.*)?$", re.DOTALL)
SYMBOL = re.compile(
    r"\b(?:(?:GA|AG)-\d{4}(?:-\d{1,3})?-RES-\d{1,3}|AGN/\d{1,3}/RES/\d{1,3}|A/RES/(?:(?:S|ES)-)?\d{1,3}/\d{1,4}"
    r"|S/RES/\d{1,4}\s*\(\d{4}\)|A/\d{1,3}/L\.\d+(?:/Rev\.\d+)?|S/\d{4}/\d+)"
)
SUBJECT = re.compile(r"^(?:<[^>]+>|[*_])*(?:Subject|Objet|Asunto)\s*:(?:</[^>]+>|[*_])*\s*(?P<subject>.*)$", re.IGNORECASE | re.DOTALL)


def is_closing_line(text: str) -> bool:
    """An adoption, meeting or date line ("Adopted …", "38th plenary meeting", "1 May
    2031"): no clause, so no paragraph goes on with its sentence (the continuation joins
    in ``resolint.parser`` and ``resolint.parser.continuations``). Read through the
    invisible characters inside its words ("1 Decem\u00adber 2025")."""
    text = readable(text)
    return bool(PLENARY.match(text) or ADOPTED.match(text) or DATE_LINE.match(text))
