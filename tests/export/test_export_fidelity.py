"""Exports lose nothing and are valid documents (:mod:`tests.export.fidelity`), for every
draft of the shared corpus and for drafts generated here with hostile content: XML's
special characters, characters XML cannot carry, very long paragraphs, deep nesting,
bracketed negotiation text, footnotes, annexes, compilations, no opening, nothing.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_or_skip
from tests.export.fidelity import check_draft

#: Words and characters a draft's text is made of, hostile ones included.
PIECES = [
    "the", "Member States", "Secretary-General", "resolution 74/1", "of 5 December 2023", "A/RES/78/140",
    "& < > \" ' ]]>", "<![CDATA[x]]>", "<script>alert(1)</script>", "&amp;", "&#x41;", "<u>noted</u>", "<b>",
    "*inter alia*", "_mutatis mutandis_", "**strongly**", "[and]", "[welcomes/notes]", "[[alt 1]]",
    "<!-- check -->", "1", "¹", "[1]", "(a)", "—", "\u00ad", "\u200b", "\u00a0", "é", "🙂", "\U0001d400",
    "\x7f", "\x85", "\t",
]
#: Characters XML 1.0 cannot carry: a draft holding one is refused.
NOT_XML = ["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"]

LABELS = [["1.", "2.", "3."], ["(a)", "(b)", "(c)"], ["(i)", "(ii)", "(iii)"], ["(A)", "(B)"], ["a.", "b."], ["-", "•"]]
PRE = ["Recalling", "Noting with concern", "Bearing in mind", "Reaffirming", "[Welcoming"]
OPS = ["Decides", "Requests", "[Urges", "Calls upon", "Encourages"]


@st.composite
def sentence(draw, hostile: bool = True) -> str:
    words = draw(st.lists(st.sampled_from(PIECES) if hostile else st.sampled_from(PIECES[:6]), min_size=1, max_size=12))
    if hostile and draw(st.integers(0, 9)) == 0:
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(NOT_XML)))
    if draw(st.integers(0, 19)) == 0:
        words *= 60  # a very long paragraph
    return " ".join(words)


@st.composite
def operative_part(draw, depth: int = 0) -> list[str]:
    out = []
    labels = draw(st.sampled_from(LABELS[depth:] or LABELS[-1:]))
    for label in labels[: draw(st.integers(1, len(labels)))]:
        bullet = draw(st.sampled_from(["", "", "", "- ", "• "]))  # a stray bullet before the label
        out.append(f"{bullet}{label} {draw(st.sampled_from(OPS))} {draw(sentence())};")
        if depth < 4 and draw(st.integers(0, 2)) == 0:
            out += draw(operative_part(depth + 1))
    return out


@st.composite
def resolution(draw) -> list[str]:
    out = []
    if draw(st.booleans()):
        out += [f"{draw(st.integers(1, 99))}/{draw(st.integers(1, 400))}. {draw(sentence())}"]
    if draw(st.integers(0, 3)):
        out.append(draw(st.sampled_from(["The General Assembly,", "The Security Council,", "The ICPO-INTERPOL General Assembly, meeting in Lyon:"])))
    out += [f"{draw(st.sampled_from(PRE))} {draw(sentence())}," for _ in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):  # a group, as the ITU writes them: an opener alone, then items
        out += ["recognizing"] + [f"{x}) that {draw(sentence())};" for x in "abc"[: draw(st.integers(1, 3))]]
    out += draw(operative_part())
    if draw(st.booleans()):
        out.append("____________________\n1 " + draw(sentence()))
        out.insert(draw(st.integers(0, len(out))), out.pop())  # a footnote anywhere
    if draw(st.booleans()):
        out += ["71st plenary meeting\n10 December 2025"]
    if draw(st.booleans()):
        out += ["Annex", draw(sentence())]
    return out


@st.composite
def drafts(draw) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 3))):  # none: an empty draft; several: a compilation
        parts += draw(resolution())
    return draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n"])).join(parts)


#: A bullet typed before a label ("- 2."): the bullet was in neither the <num> nor the text.
BULLET_AND_LABEL = """The ICPO-INTERPOL General Assembly, meeting in Lyon:

- 1. encourages member countries to share data;

- 2. invites the Secretariat to report on the results;
"""

#: A conversion's footnote between two items of a group: the item after it hangs under
#: the group's opener, the footnote is a paragraph of its own; written as the tree says,
#: the footnote went after the whole group.
FOOTNOTE_IN_A_GROUP = """The Plenipotentiary Conference of the International Telecommunication Union (Geneva, 2030),

recognizing

a) that networks grow in every region;

b) that their costs weigh on developing countries1;

____________________
1 These include the least developed countries and small island States.

c) that the costs fall when the studies are shared,

resolves

1 to continue the studies;

2 to report to the next conference.
"""

#: An "(iii)" that hangs under "(a)" across the dashed items of the paragraph above it:
#: written as the tree says, "(iii)" went before the dashes.
LATE_CHILD = """The Security Council,

1. Decides that the mandate shall include the following tasks:

(a) Protection of civilians

(i) To protect civilians under threat;

(ii) To implement its strategy;

– to ensure effective protection;

– to enhance its interaction with civilians;

(iii) To provide specific protection to children;

2. Decides to remain seized of the matter.
"""

#: Paragraphs and items proposed in brackets: the "[" stands before the number, which
#: AKN puts in <num>; the "[" was written after it, in the text.
BRACKETED_NUMBERS = """The General Assembly,

1. Calls upon States:

[(a) To share their data;]

(b) To report on progress;

[2. Requests the Secretary-General to submit a report;]

- [3. Decides to remain seized of the matter.]
"""

#: A draft quoted line by line (an e-mail reply): the parser reads it without its quote
#: markers, and the export left the markers of a wrapped paragraph's later lines in its
#: words ("that the > Secretary-General").
QUOTED = """> The General Assembly,
>
> Recalling its resolution 78/1,
>
> 1. Requests that the
> Secretary-General report on it;
>
> (a) To share their
> > data;
"""

#: A PDF page's barcode glued before the next paragraph's words is page furniture, left
#: out of the preambular and operative paragraphs; the title block, the adoption lines
#: and the annex kept it.
GLUED_BARCODES = """*2412345* Oceans and the law of the sea

The General Assembly,

Recalling its resolution 78/69,

*2412346* 1. Decides to continue the work;

*2412347* 71st plenary meeting
10 December 2025

Annex

*2412348* Declaration on the oceans
"""

#: A subject wrapped over two lines, and a group opener a PDF wrapped: read through "\n"
#: alone, the parse of the draft with CR line breaks found another subject (the export's
#: <docTitle>) and no group.
WRAPPED_LINES = """Countering the use of information and communications
technologies for criminal purposes

The Plenipotentiary Conference of the International Telecommunication Union (Geneva, 2030),

instructs the Director of the Telecommunication Standardization
Bureau

1 to continue the studies;

2 to report to the next conference.
"""

#: Comments outside a paragraph's own text: over two lines of the title block (one
#: paragraph a line) and between a label and the words. Both were exported as words.
COMMENTS = """<!--
Draft v2: check the numbers
-->
80/1. Cooperation on <!-- working
title --> data

The General Assembly,

Recalling its resolution 78/1,

1. <!-- agreed ad ref --> Decides to continue the work;

(a) <!-- new -->To share data;

<!-- agreed -->(b) To report;

[<!-- proposed by A -->(c) To consult;]
"""


@pytest.mark.parametrize("text", [BULLET_AND_LABEL, FOOTNOTE_IN_A_GROUP, LATE_CHILD, BRACKETED_NUMBERS, QUOTED, GLUED_BARCODES,
                                  WRAPPED_LINES, COMMENTS],
                         ids=["bullet-and-label", "footnote-in-a-group", "late-child", "bracketed-numbers", "quoted", "barcodes",
                              "wrapped-lines", "comments"])
def test_the_export_keeps_the_text_in_its_order(text, schema_errors):
    check_draft(text, schema_errors)


@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(text=drafts())
def test_generated_drafts_export_everything_validly_and_deterministically(text, schema_errors):
    check_draft(text, schema_errors)


@pytest.mark.corpus
def test_corpus_drafts_export_everything_validly_and_deterministically(schema_errors):
    corpus = corpus_or_skip()
    t0 = time.perf_counter()
    names = sorted(p.name for p in corpus.glob("*.txt"))
    failed = {}
    for name in names:
        try:
            check_draft((corpus / name).read_text(encoding="utf-8"), schema_errors, breaks=("\r\n",))
        except AssertionError as exc:
            failed[name] = str(exc)[:300]
    print(f"\n{len(names)} corpus drafts checked in {time.perf_counter() - t0:.1f} s")
    assert failed == {}
