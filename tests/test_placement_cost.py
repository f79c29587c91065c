"""What placement may skip because another reading already answers it.

``placement._operative_despite_comma`` ("ESTABLISHES …," before "INVITES …;") looks a
clause's first words up in the phrase lists only when it does not open with a participle:
every preambular clause ends with a comma, and the lookup for each of them was about 2 %
of a corpus run. That is only the same answer if no listed operative phrase starts with
a participle; this test holds the lists to it.
"""

from __future__ import annotations

import pytest

from resolint.parser import placement
from resolint.parser.lexicon import listed_opener, phrases


def test_no_listed_operative_phrase_opens_with_a_participle():
    """The lookup skips qualifiers ("also", "further", "strongly") before a phrase, never
    a participle: so a clause opening with one could only be an operative phrase's if a
    phrase started with it."""
    _, operative = phrases()
    assert len(operative) > 50
    for phrase in operative:
        first = phrase.split()[0]
        assert not (len(first) > 4 and first.endswith(("ing", "ed"))), phrase
        assert listed_opener("Recalling " + phrase + " the report,") != "operative"


class _Clause:
    """The two readings _operative_despite_comma starts from."""

    def __init__(self, content: str, shape: str) -> None:
        self.content, self.shape, self.term = content, shape, ","


def test_a_preambular_clause_ending_with_a_comma_is_not_looked_up(monkeypatch):
    looked_up = []
    monkeypatch.setattr(placement, "listed_opener", lambda content: looked_up.append(content) or "")
    clause = _Clause("Recalling its resolution 79/1,", "preamble")
    assert placement._operative_despite_comma(None, clause) is False
    assert looked_up == []


@pytest.mark.parametrize(
    ("content", "shape"),
    [
        ("ESTABLISHES a working group,", "operative"),
        ("ESTABLISHES a working group,", ""),
        ("Strongly also urges States,", "preamble"),  # "strongly" is read as an adjective's shape
        ("<u>Recalling</u> its resolution,", "preamble"),  # not read past a tag: looked up
    ],
)
def test_other_clauses_are_still_looked_up(monkeypatch, content, shape):
    looked_up = []
    monkeypatch.setattr(placement, "listed_opener", lambda content: looked_up.append(content) or "")
    assert placement._operative_despite_comma(None, _Clause(content, shape)) is False
    assert looked_up == [content]
