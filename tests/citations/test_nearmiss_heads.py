"""near_misses looks only at the head words that start with a capital (the only ones it
examines), where scans of the text find them: the scans must find every word near_misses
would examine, and skipping the other paragraphs and words must not change what it finds."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.citations import nearmiss
from resolint.citations.nearmiss import HEAD_WORDS, WORD, _heads_by_range, near_misses
from resolint.citations.refdata import builtin_instruments
from resolint.source import Span

HEADS = tuple(sorted(HEAD_WORDS))
PIECES = st.sampled_from(
    ["Convention", "CONVENTION", "CoNvEnTiOn", "convention", "conven", "tion", "Charter", "İ", "ΣΑΣ ", " ", "\n\n", "the ",
     "Treaty", "x", "United Nations ", "UN ", "against Corruption", "on the Rights of a Child", "Covenant",
     # Whole near-misses, so that skipping a head word shows.
     "UN Convention against Corruption ", "Convention on the Rights of a Child ", "Charter of the UN "]
)


def _ranges(text, cuts):
    """Ranges cut at thousandths of the text's length."""
    cuts = sorted(c * len(text) // 1000 for c in cuts)
    return list(zip(cuts[::2], cuts[1::2], strict=False))


def _examined(text, ranges):
    """(range, start) of every word near_misses examines: a head word with a capital."""
    return {
        (n, w.start())
        for n, (s, e) in enumerate(ranges)
        for w in WORD.finditer(text, s, e)
        if w.group(0).lower() in HEAD_WORDS and w.group(0)[0].isupper()
    }


def _found(text, ranges):
    return {(n, h) for n, hits in _heads_by_range(text, ranges, HEADS).items() for h in hits}


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(st.integers(0, 1000), max_size=12))
@example("a Convention b", [0, 215, 215, 1000])  # a head word across a paragraph's end
@example("İ Convention", [0, 1000])  # lowering lengthens the text
@example("CoNvEnTiOn x", [0, 1000])
def test_every_capitalized_head_word_is_found(text, cuts):
    ranges = _ranges(text, cuts)
    assert _examined(text, ranges) <= _found(text, ranges)
    # Out of order, each range is searched on its own.
    assert _examined(text, ranges[::-1]) <= _found(text, ranges[::-1])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(st.integers(0, 1000), max_size=12))
def test_skipping_the_other_paragraphs_and_words_changes_no_near_miss(text, cuts):
    ranges, instruments = _ranges(text, cuts), builtin_instruments()
    found = near_misses(text, ranges, instruments, [])
    hits = nearmiss._heads_by_range
    # Every word of every paragraph examined, as the full path reads them.
    nearmiss._heads_by_range = lambda text, ranges, heads, spans_of=None: dict.fromkeys(range(len(ranges)))
    try:
        assert near_misses(text, ranges, instruments, []) == found
    finally:
        nearmiss._heads_by_range = hits


def test_lower_case_head_words_are_not_looked_at():
    text = "the convention x Convention y CONVENTION z"
    assert _heads_by_range(text, [(0, 14), (15, 27), (28, 40)], HEADS) == {1: [17], 2: [30]}


def test_ranges_out_of_order_are_still_read():
    text = "Convention x Charter"
    assert _heads_by_range(text, [(13, 20), (0, 10)], HEADS) == {0: [13], 1: [0]}


def test_a_capitalized_head_word_is_still_examined():
    text = "Recalling the UN Convention against Corruption,\n\nnoting the CONVENTION ON THE RIGHTS OF A CHILD,"
    ranges = [(0, 47), (49, len(text))]
    # The case of a name does not count ("a Child" for "the Child" does). The alias
    # "Convention against Corruption" is recognized, as the name matcher would: an
    # accepted name left unrecognized stops the search around its head word.
    alias = text.index("Convention against Corruption")
    taken = [Span(alias, alias + len("Convention against Corruption"))]
    found = [nm.text for nm in near_misses(text, ranges, builtin_instruments(), taken)]
    assert found == ["UN Convention against Corruption", "CONVENTION ON THE RIGHTS OF A CHILD"]


def test_no_head_word_starts_inside_another():
    """What lets each capital's scan find every head word (``_heads_by_range``): a match
    of "Treaty" cannot hide a "Treaty" that starts inside it, in any case (heads of
    different capitals are scanned apart)."""
    for h1 in HEADS:
        for h2 in HEADS:
            for k in range(1, len(h1) if h1[0] == h2[0] else 0):
                inside = h1[k:]
                assert not (h2.startswith(inside) or inside.startswith(h2)), (h1, k, h2)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=12), st.integers(0, 70), st.integers(0, 20))
def test_the_names_overlapping_a_paragraph_are_all_found(spans, start, length):
    taken = [Span(s, s + n) for s, n in spans]
    end = start + length
    expected = sorted((t.start, t.end) for t in taken if t.start < end and t.end > start)
    assert sorted(nearmiss._Taken(taken).overlapping(start, end)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["UN", "U.N.", "U.N", "UNESCO", " ", "’", "Convention", "the", ".", "\n", "un"]), max_size=12).map("".join))
def test_normalize_reads_un_as_the_regex_does(text):
    expected = " ".join(nearmiss._UN.sub("United Nations", text.replace("’", "'")).lower().rstrip(".,;:").split())
    assert nearmiss.normalize(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(st.integers(0, 1000), max_size=12))
def test_head_words_from_a_kept_search_are_those_of_a_scan(text, cuts):
    """The language server passes where the head-word patterns match (kept between edits,
    searched again only near the last one); it must be told a width no match exceeds."""
    ranges, asked = _ranges(text, cuts), []

    def spans_of(pattern, width):
        spans = [m.span() for m in pattern.finditer(text)]
        asked.append(width >= max((e - s for s, e in spans), default=0))
        return spans

    assert _heads_by_range(text, ranges, HEADS, spans_of) == _heads_by_range(text, ranges, HEADS)
    assert all(asked)


#: Names the matcher recognizes, and near misses around them, for the test below.
NAMED = st.sampled_from([
    "the Treaty on the Non-Proliferation of Nuclear Weapons ", "Treaty on the Prohibition of Nuclear Weapons ",
    "UN Convention against Corruption ", "Convention against Corruption ", "the International Covenant on Civil and Political Rights ",
    "Treaty on the Prohibition of Nuclear Weapon ", "x ", "Recalling ", "The ", "UN ", "\n\n", "Treaty ", ", ",
])


def _taken(text):
    """The accepted names in ``text``, as spans (longest first, not overlapping), as the
    name matcher recognizes them."""
    names = sorted({n for i in builtin_instruments() for n in i.names()}, key=len, reverse=True)
    spans: list[Span] = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            span = Span(at, at + len(name))
            if not any(span.overlaps(s) for s in spans):
                spans.append(span)
            at = text.find(name, at + 1)
    return spans


@settings(max_examples=200, deadline=None)
@given(st.lists(NAMED, max_size=14).map("".join))
@example("Recalling the Treaty on the Non-Proliferation of Nuclear Weapons and the UN Convention against Corruption ")
def test_a_head_word_inside_a_recognized_name_is_skipped_only_when_no_window_could_hold_it(text):
    """_within_a_name skips the windows of a head word inside a recognized name when none
    may start before the name: what near_misses finds is what it finds without the skip."""
    ranges, instruments, taken = [(0, len(text))], builtin_instruments(), _taken(text)
    found = near_misses(text, ranges, instruments, taken)
    skip = nearmiss._within_a_name
    nearmiss._within_a_name = lambda *args: False
    try:
        assert near_misses(text, ranges, instruments, taken) == found
    finally:
        nearmiss._within_a_name = skip


def test_the_head_words_of_recognized_names_cut_no_windows(monkeypatch):
    text = "Recalling the Treaty on the Non-Proliferation of Nuclear Weapons, " * 20
    cut = []
    real = nearmiss._window
    monkeypatch.setattr(nearmiss, "_window", lambda *args: cut.append(1) or real(*args))
    assert near_misses(text, [(0, len(text))], builtin_instruments(), _taken(text)) == []
    assert cut == []
