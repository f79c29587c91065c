"""The language server's two-round cache: ``get_all`` in bulk is ``get`` key by key."""

from __future__ import annotations

import random

from resolint.generations import MISSING, Generations


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
