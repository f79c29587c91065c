"""The title block's readers look at a title paragraph's head, not all of it.

A draft with no opening is one title block (the parser places everything above the
opening there): a 4.9 MB paragraph was searched whole by the title reader, style
detection, the title facts and the DOC rules reading symbols and session lines, about
a dozen scans (7 s a check on a shared machine). Counted here, never timed: each
pattern those readers use is wrapped to record how many characters each call could
look at, and style detection records the title text it is given.
"""

from __future__ import annotations

import pytest

import resolint.engine as engine
import resolint.facts.titles as facts_titles
import resolint.parser.patterns as parser_patterns
import resolint.parser.title as parser_title
import resolint_rules.doc.session_mismatch as session_mismatch
import resolint_rules.doc.wha_session as wha_session
from resolint.engine import lint
from resolint.parser.title import TITLE_HEAD

#: Longer than any title head by far, short enough for a quick lint.
LONG = 60 * TITLE_HEAD

#: (module, attribute) of every pattern a title reader applies to a title paragraph.
READERS = [
    (parser_patterns, "TITLE_NUMBER"),
    (parser_patterns, "UN_TITLE"),
    (parser_patterns, "SYMBOL"),
    (parser_patterns, "SUBJECT"),
    (parser_title, "_NOT_A_SUBJECT"),
    (facts_titles, "TITLE_NUMBER"),
    (facts_titles, "UN_TITLE"),
    (facts_titles, "SYMBOL"),
    (session_mismatch, "_DRAFT_SYMBOL"),
    (session_mismatch, "_SESSION_LINE"),
    (wha_session, "WHA_SYMBOL"),
]


class _Counted:
    """A compiled pattern that records, for each call, the characters it may look at."""

    def __init__(self, rx, name: str, seen: dict[str, int]) -> None:
        self._rx, self._name, self._seen = rx, name, seen

    def _note(self, string: str, pos: int = 0, endpos: int | None = None) -> None:
        reach = min(len(string), len(string) if endpos is None else endpos) - pos
        self._seen[self._name] = max(self._seen.get(self._name, 0), reach)

    def _counted(method: str):  # noqa: N805 (a decorator factory in the class body)
        def call(self, string, *args, **kwargs):
            self._note(string, *args[:2])
            return getattr(self._rx, method)(string, *args, **kwargs)

        return call

    search = _counted("search")
    match = _counted("match")
    fullmatch = _counted("fullmatch")
    finditer = _counted("finditer")
    findall = _counted("findall")

    def __getattr__(self, name: str):
        return getattr(self._rx, name)


@pytest.fixture
def seen(monkeypatch) -> dict[str, int]:
    out: dict[str, int] = {}
    for module, attr in READERS:
        name = f"{module.__name__}.{attr}"
        monkeypatch.setattr(module, attr, _Counted(getattr(module, attr), name, out))
    detect = engine.detect_style

    def recorded(opening: str, title: str, *args, **kwargs):
        out["detect_style title"] = max(out.get("detect_style title", 0), len(title))
        return detect(opening, title, *args, **kwargs)

    monkeypatch.setattr(engine, "detect_style", recorded)
    return out


@pytest.mark.parametrize(
    "opening",
    ["", "The General Assembly,\n\n", "The Seventy-eighth World Health Assembly,\n\n"],
    ids=["no opening", "General Assembly", "World Health Assembly"],
)
@pytest.mark.parametrize("filler", ["x", "word ", "a, "], ids=["one word", "words", "commas"])
def test_a_long_title_paragraph_is_read_by_its_head(seen, opening, filler):
    body = "Recalling its resolution 1,\n\nRequests the Secretary-General to report.\n"
    title = (filler * (LONG // len(filler))).strip()
    lint(f"{title}\n\n{opening}{body}" if opening else title)
    assert "detect_style title" in seen, "style detection was not reached"
    read = {name for name in seen if name != "detect_style title"}
    assert {"resolint.parser.patterns.TITLE_NUMBER", "resolint.facts.titles.TITLE_NUMBER"} <= read
    if "General Assembly" in opening:
        assert "resolint_rules.doc.session_mismatch._DRAFT_SYMBOL" in read
    too_long = {name: n for name, n in seen.items() if n > TITLE_HEAD}
    assert not too_long, f"read past a title paragraph's head ({TITLE_HEAD}): {too_long}"


def test_a_title_of_a_real_length_is_read_whole():
    """The head is all of any real title: the subject of a long UN title is read to its end."""
    subject = "Promotion of " + "a democratic and equitable international order, " * 12 + "and related matters"
    assert len(subject) < TITLE_HEAD
    draft = f"79/123. {subject}\n\nThe General Assembly,\n\nRecalling its resolution 1,\n\nRequests a report.\n"
    res = engine.parse(draft)
    span = res.title.subject
    assert draft[span.start : span.end] == subject
