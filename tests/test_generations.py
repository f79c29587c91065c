"""The language server's two-round caches: ``get_all`` in bulk is ``get`` key by key;
a :class:`RoundTable` answers what was put, keeps what the last round used and stays
within a few rounds' worth."""

from __future__ import annotations

import random

from resolint.generations import MISSING, Generations, RoundTable
from resolint.incremental import IncrementalLinter
from resolint.settings import Settings


def _state(g: Generations) -> dict:
    """What a cache answers for each key it holds (a stored MISSING is no entry)."""
    return {k: v for d in (g.previous, g.current) for k, v in d.items() if v is not MISSING}


def test_get_all_answers_and_keeps_what_get_key_by_key_does():
    rnd = random.Random(1)
    for _ in range(400):
        one, bulk = Generations(), Generations()
        for _round in range(rnd.randrange(1, 5)):
            keys = [rnd.randrange(12) for _ in range(rnd.randrange(15))]  # repeats, new and kept keys
            if rnd.random() < 0.3:  # something already used in this round
                k = rnd.randrange(12)
                one.get(k), bulk.get(k)
                keys.append(k)
            want = [one.get(k) for k in keys]
            assert bulk.get_all(keys) == want
            for k, hit in zip(keys, want, strict=True):  # what a caller computes, it puts
                if hit is MISSING:
                    value = rnd.randrange(100)
                    one.put(k, value)
                    bulk.put(k, value)
                    want = [one.get(k) for k in keys]  # (a repeated key has it now)
            assert [bulk.get(k) for k in keys] == [one.get(k) for k in keys]
            one.next_round()
            bulk.next_round()
            # Kept for the next round: exactly what this round used, with the same values.
            assert _state(bulk) == _state(one)


def test_a_round_table_answers_what_was_put_and_keeps_what_the_last_round_used():
    """Random rounds of bulk and single asks, puts of what was missing and bulk puts of
    what a round uses without asking: every answer is the last value put for the key (or
    MISSING for one never put or forgotten), nothing the last round used is forgotten,
    and the table never holds more than twice what the last round asked about."""
    rnd = random.Random(2)
    for _ in range(300):
        table, truth = RoundTable(), {}
        used_last: set = set()
        for _round in range(rnd.randrange(1, 8)):
            keys = [rnd.randrange(40) for _ in range(rnd.randrange(20))]
            for k, hit in zip(keys, table.get_all(keys), strict=True):
                assert hit is MISSING and k not in used_last or hit == truth[k]
                if hit is MISSING:
                    truth[k] = rnd.randrange(100)
                    table.put(k, truth[k])
            single = rnd.randrange(40)
            hit = table.get(single)
            assert hit is MISSING and single not in used_last or hit == truth[single]
            bulk = [k for k in used_last if rnd.random() < 0.5]
            table.put_all(bulk, [truth[k] for k in bulk])
            used_last = {*keys, *bulk, *([] if hit is MISSING else [single])}
            table.next_round()
            assert len(table) <= 2 * (len(keys) + 1 + len(bulk))
            assert all(table.entries[k] == truth[k] for k in used_last)


def test_a_round_table_is_not_rebuilt_while_it_is_within_twice_what_a_round_asks():
    """A round that asks about the same keys as the last reads the one dict: no entry
    moved, no dict made (what Generations did every round: a pop and an insert per key).
    An edited key's old entry stays until the table has grown past twice the round."""
    table = RoundTable()
    keys = list(range(100))
    table.get_all(keys)
    table.put_all(keys, [k * 2 for k in keys])
    table.next_round()
    entries = table.entries
    for edit in range(100):
        keys = [*keys[:50], 1000 + edit, *keys[51:]]  # one key replaced by a new one, each round
        hits = table.get_all(keys)
        assert hits[50] is MISSING and hits[:50] == [k * 2 for k in keys[:50]]
        table.put(keys[50], edit)
        table.next_round()
        if len(table) <= 200:
            assert table.entries is entries
    assert 100 <= len(table) <= 201


def test_the_linters_per_paragraph_tables_are_read_in_place_after_an_edit():
    """The paragraphs' numbers and what each cites are asked about for every paragraph
    after every keystroke: their tables stay the same dicts while the edits are few
    (with Generations every entry asked was moved to a new dict each lint)."""
    text = "The General Assembly,\n\n" + "\n\n".join(
        f"{i}. Recalls its resolution 70/{i} of 25 September 2015;" for i in range(1, 60))
    linter, settings_ = IncrementalLinter(), Settings()
    linter.lint(text, settings_)
    tables = linter.cache._numbers.entries, linter.cache._facts.entries
    assert all(tables)
    for k in range(5):
        at = text.index("September", text.index("70/30 "))  # (a word typed into paragraph 30)
        text = text[:at] + "x" + text[at:]
        linter.lint(text, settings_)
        assert linter.cache._numbers.entries is tables[0] and linter.cache._facts.entries is tables[1], k
