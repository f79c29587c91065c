"""Style.get keeps what it found (a memo shared by the copies a lint hands out): it must
answer as a walk of ``raw`` does, defaults included."""

from __future__ import annotations

import copy
import dataclasses

from resolint.styles import Style


def _walk(raw, dotted, default=None):
    node = raw
    for key in dotted.split("."):
        if not isinstance(node, dict) or key not in node:
            return default
        node = node[key]
    return node


RAW = {"openers": {"case": "upper", "empty": None, "list": [1]}, "flag": False, "n": 0}
KEYS = ["openers.case", "openers.empty", "openers.list", "openers", "flag", "n", "nope", "openers.nope", "openers.case.x", "flag.x", ""]


def test_get_answers_as_a_walk_of_raw_every_time():
    style = Style("s", "", RAW)
    for _ in range(2):  # the second time from the memo
        for key in KEYS:
            for default in (None, "d", 0):
                assert style.get(key, default) == _walk(RAW, key, default), (key, default)


def test_copies_share_the_memo_and_a_replaced_raw_does_not():
    style = Style("s", "", RAW)
    assert style.get("openers.case") == "upper"
    assert copy.copy(style).get("openers.case") == "upper"
    other = dataclasses.replace(style, raw={"openers": {"case": "sentence"}})
    assert other.get("openers.case") == "sentence"
    assert style.get("openers.case") == "upper"
