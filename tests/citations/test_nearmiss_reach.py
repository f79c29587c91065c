"""nearmiss_reach.may_reach drops, before any window is cut, the names no window around a
head word can come within THRESHOLD of (the proof is its module docstring): the scan
must find with it exactly what it finds comparing every name, a window as normalized
must be a subsequence of its written-out reach, and the names it drops must be dropped
(the windows of "the Convention on Biological Diversity" were compared with the Law of
the Sea's name, the rights of the child's, and 33 words of the Convention against
Cybercrime's title)."""

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import LCSseq

from resolint.citations import nearmiss
from resolint.citations.nearmiss import WORD, near_misses, normalize
from resolint.citations.nearmiss_reach import may_reach, written_out
from resolint.citations.refdata import builtin_instruments

INSTRUMENTS = builtin_instruments()
NAMES = sorted({n for inst in INSTRUMENTS for n in inst.names() if len(n.split()) >= 3})
WORDS = ["the", "of", "on", "a", "for", "United", "Nations", "UN", "U.N.", "UNESCO", "Rights", "Convention", "Treaty",
         "Charter", "Covenant", "Child", "against", "Sea", "Law", "People’s", "ΣΟΣ", "Σ", "x", "Biological", "Diversity"]
BLANKS = [" ", " ", " ", "\n", "\u00a0", "  ", ", ", ". "]


@st.composite
def changed_names(draw):
    """A registered name with words dropped, doubled or added and letters changed or
    dropped, or words drawn at random: near-misses, names and neither."""
    if draw(st.booleans()):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    else:
        words = draw(st.sampled_from(NAMES)).split()
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(words) - 1))
        change = draw(st.sampled_from(["drop", "add", "letter", "cut", "case"]))
        if change == "drop" and len(words) > 1:
            del words[k]
        elif change == "add":
            words.insert(k, draw(st.sampled_from(WORDS)))
        elif change == "letter":
            j = draw(st.integers(0, len(words[k]) - 1))
            words[k] = words[k][:j] + draw(st.sampled_from("aeiouxsΣ")) + words[k][j + 1 :]
        elif change == "cut" and len(words[k]) > 1:
            words[k] = words[k][:-1]
        elif change == "case":
            words[k] = words[k].upper()
    blanks = draw(st.lists(st.sampled_from(BLANKS), min_size=len(words), max_size=len(words)))
    return "".join(w + b for w, b in zip(words, blanks, strict=True)).strip()


def _all(text, words, i, candidates, threshold):
    return list(candidates)


def _scan(text, ranges, every_name: bool):
    kept = nearmiss.may_reach
    nearmiss.may_reach = _all if every_name else kept
    try:
        return near_misses(text, ranges, INSTRUMENTS, [])
    finally:
        nearmiss.may_reach = kept


@settings(max_examples=300, deadline=None)
@given(st.lists(changed_names(), min_size=1, max_size=4), st.sampled_from(["Recalling the ", "Noting ", "", "the ", "UN "]))
@example(["UN Convention against Corruption", "Convention on the Rights of a Child"], "Recalling the ")
@example(["Convention on the Law of the Sea of the U.N."], "the ")
def test_the_scan_finds_what_comparing_every_name_finds(names, lead):
    text = "".join(f"{lead}{n}, and\n\n" for n in names)
    ranges, start = [], 0
    for part in text.split("\n\n")[:-1]:
        ranges.append((start, start + len(part)))
        start += len(part) + 2
    assert _scan(text, ranges, every_name=False) == _scan(text, ranges, every_name=True)


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


@settings(max_examples=500, deadline=None)
@given(changed_names(), st.data())
@example("the UN, U.N. and UNESCO", None)
def test_a_window_is_a_subsequence_of_its_written_out_reach(stretch, data):
    words = list(WORD.finditer(stretch))
    if not words:
        return
    first, last = 0, len(words) - 1
    if data is not None:
        first = data.draw(st.integers(0, len(words) - 1))
        last = data.draw(st.integers(first, len(words) - 1))
    reach = written_out(stretch[words[0].start() : words[-1].end()])
    window = normalize(stretch[words[first].start() : words[last].end()].rstrip("."))
    if reach is None:
        assert "\u03a3" in stretch
        return
    assert _is_subsequence(window, reach)
    # Hence no more of any name in common with the window than with the reach.
    for name in NAMES[:5]:
        assert LCSseq.similarity(window, normalize(name)) <= LCSseq.similarity(reach, normalize(name))


def _candidates(text, head):
    """The names the scan compares around head word ``head`` of ``text`` (as _range_results
    picks them) and the words."""
    words = list(WORD.finditer(text))
    i = next(k for k, w in enumerate(words) if w.group(0) == head)
    near = {words[j].group(0).lower() for j in (i - 1, i + 1) if 0 <= j < len(words)}
    targets = nearmiss._targets(INSTRUMENTS)[head.lower()]
    return words, i, [t for t in targets if near & t[5]]


def test_names_far_from_every_window_are_not_compared():
    text = "Recalling the Convention on Biological Diversity and its protocols,"
    words, i, candidates = _candidates(text, "Convention")
    assert len(candidates) > 3  # "the" and "on": the Rights of the Child, the Law of the Sea, …
    assert may_reach(text, words, i, candidates, nearmiss.THRESHOLD) == []


def test_a_name_close_to_a_window_is_compared():
    text = "Recalling the Convention on the Rights of a Child and its protocols,"
    words, i, candidates = _candidates(text, "Convention")
    kept = [t[1] for t in may_reach(text, words, i, candidates, nearmiss.THRESHOLD)]
    assert "Convention on the Rights of the Child" in kept
    found = near_misses(text, [(0, len(text))], INSTRUMENTS, [])
    assert [(m.text, m.name) for m in found] == [("Convention on the Rights of a Child", "Convention on the Rights of the Child")]
