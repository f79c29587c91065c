"""The characters around each paragraph, taken from the last lint where an edit did not
reach them (resolint.facts.ends), are those a fresh reading of the text gives.

The language server keys TRM010 and TRM011 by the nine characters before each paragraph
and the eight after it; after a keystroke it keeps the last lint's for the paragraphs the
parse kept before the edit and moved after it. These tests edit the characters just
around paragraphs far from the start, add and remove blank lines, and type into drafts
with CRLF line ends, and compare every answer with :func:`paragraph_ends` of the new
text, and the findings with a full lint.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolint.engine import lint
from resolint.facts import ends
from resolint.facts.ends import paragraph_ends
from resolint.incremental import IncrementalLinter, LintCache
from resolint.settings import Settings
from resolint.source import Span
from resolint.textdiff import changed_ends
from resolint_rules.trm.paragraph_facts import continues_word

OPENING = "The General Assembly,"
LINES = [
    "Recalling its resolution 70/1 of 25 September 2015,",
    "Noting with concern the 2019report of the Secretary-General,",
    "1. Decides to organise a meeting in 2027;",
    "2. Requests the Secretary General to report in2028;",
    "3. Calls upon \u201cthe organise of\u201d Member States to act;",
    "(a) To favor co-operation;",
]
CHARS = ["x", "1", " ", ".", "\n", "\n\n", "\r\n", "\r\n\r\n", "\u00e9", "-", ""]


def _draft(picks: list[int], crlf: bool) -> str:
    parts = [OPENING if k % 7 == 0 else LINES[k % len(LINES)] for k in picks]
    text = "\n\n".join([OPENING, *parts])
    return text.replace("\n", "\r\n") if crlf else text


def _punctuation(c: str) -> bool:
    """A ``continues`` that holds for characters a paragraph often has just before it."""
    return c in "\n\r.;"


@st.composite
def _edit(draw):
    """(kind, where, what): where is a fraction of the text or of its paragraphs."""
    kind = draw(st.sampled_from(["around", "around", "blank-add", "blank-remove", "type", "delete"]))
    return kind, draw(st.floats(0, 1)), draw(st.integers(0, 1000))


def _apply(text: str, paras: list[tuple[int, int]], edit) -> str:
    kind, where, pick = edit
    if kind == "around" and paras:  # a character just before or just after a paragraph, mostly far below
        lo, hi = paras[min(len(paras) - 1, int((0.5 + where / 2) * len(paras)))]
        at = lo - 1 - pick % 10 if pick % 2 else hi + pick % 9
        at = max(0, min(len(text), at))
        return text[:at] + CHARS[pick % len(CHARS)] + text[at + (pick // 7) % 2 :]
    if kind == "blank-add":
        at = text.find("\n", int(where * len(text)))
        return text if at < 0 else text[:at] + ("\r\n" if "\r\n" in text else "\n") + text[at:]
    if kind == "blank-remove":
        for gap in ("\r\n\r\n", "\n\n"):
            at = text.find(gap, int(where * len(text)))
            if at >= 0:
                return text[:at] + text[at + len(gap) // 2 :]
        return text
    at = int(where * len(text))
    if kind == "type":
        return text[:at] + CHARS[pick % len(CHARS)] + text[at:]
    return text[:at] + text[at + 1 + pick % 3 :]


def _checked(monkeypatch) -> list[int]:
    """Compare every answer of the memo with a fresh reading, for TRM010/TRM011's ends
    and for other widths and another ``continues``; return how many paragraphs were
    sliced afresh by each answer after the first."""
    sliced: list[int] = []
    fresh = ends.paragraph_ends
    real = LintCache.paragraph_ends

    def counted(text, paras, *args):
        sliced.append(len(paras))
        return fresh(text, paras, *args)

    def both(self, res, before, after, continues):
        answers = [real(self, res, b, a, c) for b, a, c in ((before, after, continues), (3, 0, _punctuation), (0, 5, continues_word))]
        for got, (b, a, c) in zip(answers, ((before, after, continues), (3, 0, _punctuation), (0, 5, continues_word)), strict=True):
            want = fresh(res.source.text, res.paragraphs, b, a, c)
            assert got.pairs == want.pairs, (b, a)
            assert got.going_on == want.going_on, (b, a)
        return answers[0]

    monkeypatch.setattr(ends, "paragraph_ends", counted)
    monkeypatch.setattr(LintCache, "paragraph_ends", both)
    return sliced


def _bounds(res) -> list[tuple[int, int]]:
    return [(p.span.start, p.span.end) for p in res.paragraphs]


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # (monkeypatch.context: undone per input)
@given(st.lists(st.integers(0, 60), min_size=3, max_size=40), st.booleans(), st.data())
def test_kept_ends_are_those_of_the_new_text(monkeypatch, picks, crlf, data):
    with monkeypatch.context() as m:
        _checked(m)
        linter, settings_ = IncrementalLinter(), Settings()
        text = _draft(picks, crlf)
        got = linter.lint(text, settings_)
        for _ in range(data.draw(st.integers(1, 6))):
            text = _apply(text, _bounds(got.resolution), data.draw(_edit()))
            got = linter.lint(text, settings_)
            assert [f.span for f in got.findings] == [f.span for f in lint(text, settings_).findings]
            assert got.findings == lint(text, settings_).findings


def test_a_keystroke_slices_only_the_paragraphs_around_it(monkeypatch):
    """After a character typed inside one paragraph of a long draft (300 paragraphs), only
    the paragraphs between those the parse kept before the edit and moved after it are
    sliced again: here the edited resolution, at most seven paragraphs (an opening every
    seventh). Fails when every paragraph's ends are read again after every edit."""
    sliced = _checked(monkeypatch)
    text = _draft(list(range(1, 300)), crlf=False)
    linter, settings_ = IncrementalLinter(), Settings()
    linter.lint(text, settings_)
    for where in (0.2, 0.5, 0.9, 0.5):
        at = text.index("Decides", int(where * len(text)))
        text = text[:at] + "x" + text[at:]
        del sliced[:]
        got = linter.lint(text, settings_)
        assert got.findings == lint(text, settings_).findings
        assert sliced and max(sliced) <= 7, sliced


def test_paragraph_ends_read_the_text_around_each_paragraph():
    text = "Ab.\n\nCd;\n\nEfg."
    res = lint(text, Settings()).resolution
    assert [(p.span.start, p.span.end) for p in res.paragraphs] == [(0, 3), (5, 8), (10, 14)]
    got = paragraph_ends(text, res.paragraphs, 3, 2, _punctuation)
    assert got.pairs == [("", "\n\n"), (".\n\n", "\n\n"), (";\n\n", "")]
    assert got.going_on == frozenset({1, 2})


def _runs(text: str) -> list[SimpleNamespace]:
    """Paragraph stand-ins (all the functions read is ``span``): the runs of non-space text."""
    out, pos = [], 0
    for word in text.split():
        lo = text.index(word, pos)
        pos = lo + len(word)
        out.append(SimpleNamespace(span=Span(lo, pos)))
    return out


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text("ab .\n", max_size=40), st.integers(0, 40), st.integers(0, 4), st.text("ab .\n", max_size=4),
       st.integers(0, 10), st.integers(0, 10))
def test_ends_again_are_the_ends_of_the_new_text(old, at, cut, new, before, after):
    """Whatever kept and moved paragraphs the parse hands over (here: every run wholly
    before the edit, and every one wholly after it), the answer is a fresh reading.
    Fails when a kept or moved paragraph whose characters reach the edit keeps its old ones."""
    at = min(at, len(old))
    text = old[:at] + new + old[at + cut :]
    last = paragraph_ends(old, _runs(old), before, after, _punctuation)
    paras = _runs(text)
    kept = 0
    while kept < min(len(paras), len(last.paragraphs)) and paras[kept].span.end <= at and last.paragraphs[kept].span == paras[kept].span:
        paras[kept] = last.paragraphs[kept]  # (the same objects, as the parse keeps them)
        kept += 1
    d, moved = len(text) - len(old), 0
    while (moved < min(len(paras), len(last.paragraphs)) - kept and paras[-1 - moved].span.start >= at + len(new)
           and paras[-1 - moved].span.start - d == last.paragraphs[-1 - moved].span.start):
        moved += 1
    got = ends.paragraph_ends_again(last, text, paras, kept, moved, changed_ends(old, text), before, after, _punctuation)
    want = paragraph_ends(text, paras, before, after, _punctuation)
    assert got.pairs == want.pairs
    assert got.going_on == want.going_on
