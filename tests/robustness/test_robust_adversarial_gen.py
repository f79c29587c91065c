"""The adversarial generator itself: it must produce the inputs that made patterns slow.

If the generator lost its shapes, the timing test would pass on anything; these tests
fail if the known slow patterns of issue 18 (the old forms, kept here) stop being found.
"""

from __future__ import annotations

import re

from adversarial import Found, alphabet, audit, shapes

OLD_JUNK = r"^(?=.*\d)[\d\W_]*(?:\([A-Z]{1,2}\))?[\d\W_]*$"
OLD_DIRECTIVE = r"<!--\s*resolint\s*:\s*(?P<body>.*?)\s*-->"


def test_alphabet_reads_literals_classes_and_samples():
    literals, chars, samples = alphabet(re.compile(r"<!--\s*resolint\s*:(?P<b>[a-z]+)-->"))
    assert "<!--" in literals and "resolint" in literals and "-->" in literals
    assert " " in chars and "a" in chars
    assert any(s.startswith("<!-- resolint :") for s in samples)


def test_shapes_end_in_a_mismatch_and_have_the_size_asked():
    for name, build in list(shapes(re.compile(r"article\s+\d+")))[:20]:
        text = build(1000)
        assert len(text) == 1001, name


def test_the_old_quadratic_patterns_are_caught():
    small = dict(sizes=(4_000, 16_000), screen=(1_000, 4_000), floor=0.002, repeat=3)
    assert audit(Found(OLD_JUNK, 0, "old JUNK", "match"), **small) is not None
    assert audit(Found(OLD_DIRECTIVE, re.DOTALL | re.IGNORECASE, "old directive"), **small) is not None


def test_a_linear_pattern_is_not_flagged():
    assert audit(Found(r"\bResolution\s+No\.?\s*(?P<n>\d+)\b", re.IGNORECASE, "title"), sizes=(10_000, 50_000), floor=0.01) is None
