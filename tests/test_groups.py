"""Grouped clauses: an opener alone on its line heading lettered or numbered items."""

from pathlib import Path

from resolint.model import Kind, LabelScheme
from resolint.parser import parse

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "groups"


def _res():
    return parse((FIXTURES / "grouped-clauses.txt").read_text(encoding="utf-8"))


def _text(res, p):
    return res.source.text[p.span.start : p.span.end]


def test_group_openers_head_their_items():
    res = _res()
    heads = [(_text(res, g), g.kind) for g in res.groups]
    assert heads == [
        ("recalling", Kind.PREAMBLE),
        ("considering", Kind.PREAMBLE),
        ("resolves", Kind.OPERATIVE),
        ("instructs the Secretary-General", Kind.OPERATIVE),
    ]
    recalling, considering, resolves, instructs = res.groups
    assert [i.label.text for i in res.group_items(recalling)] == ["a)", "b)"]
    assert [i.label.text for i in res.group_items(considering)] == ["a)", "b)", "c)"]
    assert [i.number for i in res.group_items(resolves)] == [1, 2]
    # A group of one unlabelled item.
    (only,) = res.group_items(instructs)
    assert _text(res, only).startswith("to report to the Council")
    assert only.label is None and only.depth == 1


def test_sub_items_nest_under_their_item():
    res = _res()
    considering = res.groups[1]
    b = res.group_items(considering)[1]
    assert [(c.label.text, c.kind, c.depth) for c in b.children] == [("i)", Kind.SUBPARAGRAPH, 2), ("ii)", Kind.SUBPARAGRAPH, 2)]
    item2 = res.group_items(res.groups[2])[1]
    assert [c.label.scheme for c in item2.children] == [LabelScheme.LOWER_ALPHA, LabelScheme.LOWER_ALPHA]


def test_every_paragraph_placed_and_clauses_are_the_openers():
    res = _res()
    assert res.unplaced == []
    assert [p.kind for p in res.paragraphs if p.kind is Kind.NOTE] == [Kind.NOTE]
    # The preamble's clauses are the group openers; items are reached through them.
    assert [_text(res, p) for p in res.preamble] == ["recalling", "considering"]
    assert [_text(res, p) for p in res.operative] == ["resolves", "instructs the Secretary-General"]


def test_letter_i_after_h_is_an_item_not_a_numeral():
    letters = "abcdefghi"
    items = "\n\n".join(f"{ch}) that point {ch} holds;" for ch in letters)
    text = f"The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),\n\nnoting\n\n{items}\n\nresolves\n\n1 to act.\n"
    res = parse(text)
    noting = res.groups[0]
    values = [(i.label.scheme, i.label.value) for i in res.group_items(noting)]
    assert values == [(LabelScheme.LOWER_ALPHA, n) for n in range(1, 10)]


def test_un_text_has_no_groups():
    text = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to remain seized of the matter.\n"
    res = parse(text)
    assert res.groups == []
    assert [p.kind for p in res.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.OPERATIVE]


def test_a_capitalized_listed_opener_still_heads_its_group():
    text = "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),\n\nrecalling\n\na) the outcomes,\n\nResolves\n\n1 to act;\n\n2 to report.\n"
    res = parse(text)
    resolves = res.groups[1]
    assert _text(res, resolves) == "Resolves" and resolves.kind is Kind.OPERATIVE
    assert [i.number for i in res.group_items(resolves)] == [1, 2]


OPENING = "The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),\n\n"


def test_run_on_items_and_a_glued_opener_are_split():
    text = OPENING + (
        "recalling\n\na) the outcomes,\n\nresolves\n\n1 to study the matter; 2 to report on it, "
        "instructs the Secretary-General, in consultation with the Directors of the three Bureaux\n\n"
        "1 to publish the results.\n"
    )
    res = parse(text)
    assert [_text(res, g) for g in res.groups] == [
        "recalling",
        "resolves",
        "instructs the Secretary-General, in consultation with the Directors of the three Bureaux",
    ]
    assert [i.number for i in res.group_items(res.groups[1])] == [1, 2]
    assert [text[s.start : s.end] for s in res.run_on] == [" ", " "]


def test_an_inline_lettered_list_is_not_split():
    text = OPENING + (
        "considering\n\na) that States undertook to prevent a) the coercion of a child; b) the exploitation of children;\n\n"
        "b) that more is needed,\n\nresolves\n\n1 to act.\n"
    )
    res = parse(text)
    assert [i.label.text for i in res.group_items(res.groups[0])] == ["a)", "b)"]
    assert res.run_on == []


def test_references_to_several_numbers_are_not_split():
    text = OPENING + "recalling\n\na) the outcomes,\n\nresolves\n\n1 to do what resolves 1, 2 and 3 above describe;\n\n2 to report.\n"
    res = parse(text)
    assert [i.number for i in res.group_items(res.groups[1])] == [1, 2] and res.run_on == []
