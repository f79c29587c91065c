"""Hypothesis strategies that write plausible drafts of resolutions, and their bytes.

A generated draft looks like what drafters hand in, mistakes included: a title block or
none, an opening (UN, Security Council, INTERPOL, Model UN, with or without emphasis),
preambular and operative paragraphs whose openers come from the style lists or are
invented, in sentence, upper or lower case, with any final punctuation or none, labels
right, wrong or missing, stray bullets, sub-paragraphs nested several levels deep,
suppression comments, a closing; lines joined by LF, CRLF or CR (or a mix), a BOM or
none, Unicode spaces and dashes, right-to-left and astral characters. Every word is
invented here; nothing comes from the real corpus.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: Examples per property test. CI keeps the default small; long local runs raise it:
#: ``RESOLINT_ROBUST_EXAMPLES=5000 pytest tests/robustness``.
EXAMPLES = int(os.environ.get("RESOLINT_ROBUST_EXAMPLES", "100"))

ROBUST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    derandomize=os.environ.get("RESOLINT_ROBUST_RANDOM") is None,
)

PREAMBULAR = [
    "Recalling", "Recalling also", "Recalling further", "Bearing in mind", "Noting with concern",
    "Deeply concerned", "Reaffirming", "Welcoming", "Taking note", "Aware of", "Convinced",
    "Emphasizing", "Guided by", "Having considered", "Mindful", "Considering",
]
OPERATIVE = [
    "Decides", "Requests", "Urges", "Calls upon", "Encourages", "Invites", "Also requests",
    "Welcomes", "Emphasizes", "Recommends", "Further decides", "Takes note", "Demands",
    "Condemns", "Decides to remain seized of the matter", "Instructs", "Notes",
]
#: Mistakes drafters make: a finite verb in the preamble, a participle in the body.
WRONG_FORMS = ["Recalls", "Notes", "Calling upon", "Urging", "Requesting", "Reaffirms"]
INVENTED_OPENERS = ["Ponders", "Zorbling", "Having regard", "Tenders", "Furthermore notes"]
WORDS = ["the", "coop\u00aderation", "Se\u2060cretariat", "Member", "States", "member", "countries", "Secretary-General", "General", "Secretariat", "cooperation", "invented", "convention", "on", "lakes", "report", "session", "data", "exchange", "of", "its", "resolution", "12/34", "of", "1", "May", "2031", "all", "regional", "bodies", "and", "to", "with", "a", "in", "further", "implementation", "capacity", "(ABC)", "[sic]", "“quoted”", "'single'", "etc.", "paragraph", "3", "above", "No.", "7", "Article", "5", "—", "–", "‑", "…", "50", "%", "“draft”"]
RTL = ["العربية", "עברית", "\u200f", "\u200e", "\u202e", "\u2067x\u2069"]
SPACES = [" ", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\u3000", "\u200b", "\t", "\u1680", "\u205f"]
DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe58", "\ufe63", "\uff0d"]
ODD = ["😀", "𝔘𝔑", "e\u0301", "\u0000", "\ufeff", "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "<!--", "-->", "**", "_", "#"]

#: A PDF page's footer and header lines: job number, barcode, page number, symbol.
CAPITALIZED = ["New Zealand", "United Nations", "Member States", "The", "Recalling", "Decides", "Annex", "II"]
FURNITURE = ["24-18765 (E) 161024", "*2418765*", "2/3", "A/C.3/79/L.15", "24-18765", "S/2031/12"]
OPENINGS = [
    "The General Assembly,", "The Security Council,", "The Human Rights Council,", "**The General Assembly,**",
    "_The Security Council_,", "THE GENERAL ASSEMBLY,", "The General Assembly",
    "The ICPO-INTERPOL General Assembly, meeting in Lyon from 3 to 6 May 2031 at its 99th session:",
    "The Invented Committee,", "The Model United Nations Assembly:",
    # Wrapped by an editor at a margin: one opening over two lines.
    "The ICPO-INTERPOL General Assembly, meeting in Lyon from\n3 to 6 May 2031 at its 99th session:",
    "The Plenipotentiary Conference of the International Telecommunication\nUnion (Dubai, 2018),",
]
TITLES = [
    "Resolution No. 7", "GA-2031-99-RES-07", "Subject: Exchange of invented data", "78/10. Cooperation on lakes",
    "Draft resolution A/81/L.99", "Strengthening cooperation on invented lakes", "# Invented heading",
]
CLOSINGS = ["Adopted", "12th plenary meeting", "1 May 2031", "Annex", "Adopted by consensus.",
            # Footnote texts after the paragraphs, typed or left by a conversion.
            "¹ Invented note.", "[^1]: Invented note.", "____________ 2 Invented note.", "²³ note",
            "[1] Invented note.", "____________\n\n1 Invented note.\n\n2 Invented note.", "____________\n[3] Invented note.",
            # A Model UN signature block, with the names after it or on its lines.
            "Signed,\nDelegate of Peru", "Signatories:\n\nPeru, Chile", "Delegate of Peru", "**Sponsors:** Peru",
            # A voting record in brackets, over paragraphs or on one line.
            "[Adopted without a vote.]", "[Adopted by a recorded vote of 3 to 2. The voting was as follows:\n\nIn favour:\nPeru]",
            "[Adopted by a recorded vote\n\nAgainst:", "]"]
#: Final marks, with footnote references after some (what a fix must add or replace
#: before the reference, never between two of them).
TERMINALS = [",", ";", ".", ":", "", "", "!", ",,", " ;", ";*", ".”", ",¹", "¹", ";1,2", ",1", "[^1]", ".[^2]", ",¹,²", "12", ",]", "]", ",[1]", ",[1][2]"]


def _case(draw, phrase: str) -> str:
    how = draw(st.sampled_from(["same", "same", "same", "upper", "lower", "title"]))
    return {"same": phrase, "upper": phrase.upper(), "lower": phrase.lower(), "title": phrase.title()}[how]


def _emph(draw, phrase: str) -> str:
    return draw(st.sampled_from([phrase, phrase, phrase, f"*{phrase}*", f"_{phrase}_", f"**{phrase}**"]))


@st.composite
def body_text(draw, min_words: int = 1, max_words: int = 14) -> str:
    pieces = draw(st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words))
    if draw(st.integers(0, 9)) == 0:
        pieces.insert(draw(st.integers(0, len(pieces))), draw(st.sampled_from(RTL + ODD + DASHES)))
    sep = draw(st.sampled_from([" ", " ", " ", "SPACE"]))
    if sep == "SPACE":
        out = ""
        for p in pieces:
            out += p + draw(st.sampled_from(SPACES))
        return out.rstrip(" ")
    return sep.join(pieces)


@st.composite
def clause(draw, openers: list[str]) -> str:
    opener = draw(st.sampled_from(openers + WRONG_FORMS + INVENTED_OPENERS))
    # Sometimes opened with a bracket, as negotiated text is ("[Recalling …,]"; the
    # terminals "]" and ",]" close it, or not).
    bracket = draw(st.sampled_from(["", "", "", "", "", "["]))
    text = f"{bracket}{_emph(draw, _case(draw, opener))} {draw(body_text())}"
    return text + draw(st.sampled_from(TERMINALS))


def _label(draw, n: int, scheme: str) -> str:
    if scheme == "arabic":
        shown = draw(st.sampled_from([n, n, n, n, n + 1, max(1, n - 1), 0, 999]))
        form = draw(st.sampled_from(["{}. ", "{}. ", "{}) ", "({}) ", "{} ", "{}.\t", "{}.\u00a0", "{}.", "", "**{}.** ", "{}\\. ", "*{}.*"]))
        return form.format(shown)
    if scheme == "alpha":
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * (1 + (n - 1) // 26)
        form = draw(st.sampled_from(["({}) ", "({}) ", "{}) ", "{}. ", "({})", ""]))
        return form.format(letter)
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    form = draw(st.sampled_from(["({}) ", "{}. ", "{}) ", "({}) "]))
    return form.format(romans[(n - 1) % 10])


@st.composite
def subparagraphs(draw, depth: int) -> list[tuple[int, str]]:
    """Sub-paragraph lines with their nesting depth (alpha, then roman, then alpha again)."""
    out: list[tuple[int, str]] = []
    for k in range(1, draw(st.integers(1, 3)) + 1):
        scheme = ("alpha", "roman")[(depth - 1) % 2]
        bullet = draw(st.sampled_from(["", "", "", "- ", "• ", "* "]))
        text = draw(body_text(max_words=6)) + draw(st.sampled_from([";", ",", ".", "", "; and", ":"]))
        out.append((depth, f"{bullet}{_label(draw, k, scheme)}{text}"))
        if depth < 8 and draw(st.integers(0, 3)) == 0:
            out.extend(draw(subparagraphs(depth + 1)))
    return out


@st.composite
def draft_lines(draw) -> list[str]:
    """The lines of a draft, without line terminators."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines.extend(draw(st.lists(st.sampled_from(TITLES), max_size=3)))
        lines.append("")
    if draw(st.integers(0, 7)):
        lines.append(draw(st.sampled_from(OPENINGS)))
    gap = draw(st.sampled_from([[""], [""], [], ["", ""]]))
    for _ in range(draw(st.integers(0, 6))):
        lines.extend(gap)
        if draw(st.integers(0, 12)) == 0:
            lines.append(draw(st.sampled_from(DIRECTIVES)))
        bullet = draw(st.sampled_from(["", "", "", "", "- ", "• "]))
        lines.append(bullet + draw(clause(PREAMBULAR)))
    # Now and then the operative paragraphs are lettered where they should be numbered
    # ("(a) Urges …;"), as some drafters write them.
    lettered = draw(st.integers(0, 9)) == 0
    for n in range(1, draw(st.integers(0, 8)) + 1):
        lines.extend(gap)
        if draw(st.integers(0, 12)) == 0:
            lines.append(draw(st.sampled_from(DIRECTIVES)))
        label = _label(draw, n, "arabic") if draw(st.integers(0, 5)) else ""
        if lettered and n <= 26:
            label = f"({chr(96 + n)}) "
        lines.append(label + draw(clause(OPERATIVE)))
        if label and draw(st.integers(0, 11)) == 0:
            # The next paragraph run on after a semicolon, on the same line ("…; 3. Decides …").
            lines[-1] += "; " + _label(draw, n + 1, "arabic") + draw(clause(OPERATIVE))
        if draw(st.integers(0, 9)) == 0:
            # A page break of a PDF copy: the page's footer and header, then the rest of
            # the paragraph (or the next one).
            lines.extend(gap)
            lines.extend(draw(st.lists(st.sampled_from(FURNITURE), min_size=1, max_size=3)))
            lines.extend(gap)
            lines.append(draw(body_text(max_words=5)) + draw(st.sampled_from(TERMINALS)))
        elif draw(st.integers(0, 9)) == 0:
            # A page break whose furniture the copy lost, before a capital ("… the
            # administering Power," / "New Zealand, …;"): the rest of the paragraph when
            # the next number follows.
            lines.extend(gap)
            lines.append(draw(st.sampled_from(CAPITALIZED)) + " " + draw(body_text(max_words=5)) + draw(st.sampled_from(TERMINALS)))
        if draw(st.integers(0, 7)) == 0:
            # Its items numbered anew, as a draft's nested list is ("… the following:"
            # then "1. …", "2. …").
            lines[-1] += ":"
            for k in range(1, draw(st.integers(1, 3)) + 1):
                lines.extend(gap)
                lines.append(f"{k}. {draw(body_text(max_words=6))}{draw(st.sampled_from([';', ',', '', '.']))}")
        if draw(st.integers(0, 3)) == 0:
            indent = draw(st.sampled_from(["", "    ", "\t", "  "]))
            for depth, sub in draw(subparagraphs(1)):
                lines.extend(gap if draw(st.booleans()) else [])
                lines.append(indent * depth + sub)
    if draw(st.booleans()):
        lines.extend(gap)
        lines.append(draw(st.sampled_from(CLOSINGS)))
    return lines


DIRECTIVES = [
    "<!-- resolint: ignore[PRE004] -->", "<!-- resolint: ignore[OPR001] -- the drafter knows -->",
    "<!-- resolint: disable OPR -->", "<!-- resolint: enable OPR -->", "<!-- resolint: file-ignore[PRE] -->",
    "<!-- resolint: ignore[XYZ9] -->", "<!-- resolint: frobnicate -->", "<!-- a plain comment -->",
]


@st.composite
def drafts(draw) -> str:
    """A draft as text: lines joined by LF, CRLF or CR, or a mix of them."""
    lines = draw(draft_lines())
    if draw(st.integers(0, 9)) == 0:
        # A mark that prints nothing at the edges of every line, as a word processor set
        # to a right-to-left language writes them.
        mark = draw(st.sampled_from(["\u200f", "\u200e", "\u202b", "\u2066", "\u00ad", "\u200b"]))
        lines = [f"{mark}{line}{mark}" if line and draw(st.integers(0, 3)) else line for line in lines]
    mode = draw(st.sampled_from(["\n", "\n", "\r\n", "\r\n", "\r", "mixed"]))
    out = []
    for line in lines:
        nl = draw(st.sampled_from(["\n", "\r\n", "\r"])) if mode == "mixed" else mode
        out.append(line + nl)
    text = "".join(out)
    if out and draw(st.booleans()):
        text = text[: -len(out[-1]) + len(lines[-1])]  # no final line break
    return text


@st.composite
def draft_bytes(draw) -> tuple[bytes, str]:
    """A draft as a file's bytes (UTF-8 with or without BOM, UTF-16 with BOM), and its text."""
    text = draw(drafts())
    enc = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-bom", "utf-16-le", "utf-16-be"]))
    if enc == "utf-8":
        return text.encode("utf-8"), text
    if enc == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8"), text
    bom = b"\xff\xfe" if enc == "utf-16-le" else b"\xfe\xff"
    return bom + text.encode(enc), text


#: Arbitrary text, weighted towards the characters the parser treats specially.
SPECIAL = "\r\n\t ,;:.()[]*_#-–—•<>!\"“”'‘’0123456789aivxAIVX" + "".join(SPACES + DASHES + RTL + ODD)
arbitrary_text = st.text(alphabet=st.one_of(st.sampled_from(list(SPECIAL)), st.characters()), max_size=400)
