"""Patterns compiled on first use (:mod:`resolint.lazyre`): the same answers as
``re.compile``, and not compiled by a check of a draft that does not need them (issue 13:
compiling every pattern at import was a third of the whole process for a 6 KB draft)."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resolint
import resolint_rules
from resolint.lazyre import LazyPattern, lazy

ROOT = Path(__file__).resolve().parents[1]


def _lazy_patterns() -> dict[str, LazyPattern]:
    """Every lazy pattern at the top level of a module of the two packages, by name."""
    found: dict[str, LazyPattern] = {}
    for package in (resolint, resolint_rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".lsp" in info.name or ".docx" in info.name or info.name.endswith("__main__"):
                continue  # optional parts (pygls, python-docx): none holds a lazy pattern
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, LazyPattern):
                    found[f"{info.name}.{name}"] = value
    return found


def test_the_package_has_lazy_patterns_and_each_compiles_as_re_does():
    patterns = _lazy_patterns()
    assert len(patterns) > 40
    for name, lp in patterns.items():
        compiled = re.compile(lp.pattern, lp._flags)
        assert lp.compiled() is lp.compiled(), name
        assert (lp.pattern, lp.flags, lp.groups, lp.groupindex) == (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex), name


_SAMPLE = r"(?P<n>\d{1,3})\s*(?:bis|ter)?|[A-Z][a-z]+"


@given(st.text(alphabet="0123 bister Abc\n,", max_size=40), st.integers(0, 5))
def test_every_method_answers_as_the_compiled_pattern(text, pos):
    compiled = re.compile(_SAMPLE)
    for first in ("match", "search", "finditer", "findall", "sub", "split", "fullmatch", "subn"):
        lp = lazy(_SAMPLE)  # a fresh one: the method read first is the one that compiles it

        def spans(p, method):
            if method in ("sub", "subn"):
                return getattr(p, method)("<\\g<0>>", text)
            if method in ("split", "findall"):
                return getattr(p, method)(text)
            if method == "finditer":
                return [m.span() for m in p.finditer(text, pos)]
            m = getattr(p, method)(text, pos)
            return None if m is None else (m.span(), m.groupdict())

        assert spans(lp, first) == spans(compiled, first)
        for method in ("match", "search", "finditer", "findall", "sub", "split"):
            assert spans(lp, method) == spans(compiled, method)


def test_a_lazy_pattern_is_compiled_once_and_then_called_directly():
    lp = lazy(r"ab+")
    assert "_compiled" not in vars(lp) and lp.pattern == "ab+"
    assert lp.search("xabb").span() == (1, 4)
    assert vars(lp)["search"] == lp.compiled().search  # found in the instance: no Python frame in between
    with pytest.raises(AttributeError):
        lp.__wrapped__  # noqa: B018 (a dunder is never the compiled pattern's)


#: A draft of the commonest shape: no INTERPOL session after a symbol, no vote line, no
#: page furniture, no text wrapped over lines.
_PLAIN = """Strengthening cooperation on road safety

The General Assembly,

Recalling its resolution 74/299 of 31 August 2020,

1. Invites Member States to share their experience;

2. Requests the Secretary-General to report on the matter at its eightieth session.
"""

#: Patterns the plain draft does not need (each serves a rarer input).
_RARE = (
    "resolint.citations.interpol_after._ADOPTED",
    "resolint.parser.patterns.PAGE_MARKS",
    "resolint.parser.blocks._REFERENCE_BEFORE",
    "resolint_rules.doc.vote_line.LENIENT",
    "resolint_rules.trm.number_glued_to_word.GLUED",
    # Made lazy in r38: none is needed by a twentieth of the corpus's drafts (counted by
    # wrapping re.compile and linting each corpus file), about 34 M instructions at start-up.
    "resolint_rules.doc.empty_list_item._LONE_LABEL_LINE",
    "resolint_rules.refs._INDENTED_BREAK",
    "resolint.parser.blocks._ITEM_LABEL",
    "resolint.parser.patterns.AMENDMENTS_TO_DRAFT",
    "resolint.invisible.COMMENT",
    "resolint.settings._SIZE",
    "resolint.custom_rules.spec.PLACEHOLDER",
    "resolint_rules.opr.operative_terminal_punctuation.INTRODUCES_TEXT",
)

_PROBE = """
import importlib, json, sys
from resolint.cli.main import main
from resolint.lazyre import LazyPattern
main(['check', '--format', 'json', '--exit-zero', sys.argv[1]])
out = {}
for name in json.loads(sys.argv[2]):
    module, attr = name.rsplit('.', 1)
    found = getattr(importlib.import_module(module), attr)
    out[name] = not isinstance(found, LazyPattern) or '_compiled' in vars(found)  # re.compile's: compiled at import
sys.stderr.write(json.dumps(out))
"""


def _compiled_after_check(tmp_path, text: str) -> dict[str, bool]:
    draft = tmp_path / "draft.res.txt"
    draft.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _PROBE, str(draft), json.dumps(_RARE)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stderr.strip().splitlines()[-1])


def test_a_check_of_a_plain_draft_compiles_none_of_the_rare_patterns(tmp_path):
    assert _compiled_after_check(tmp_path, _PLAIN) == dict.fromkeys(_RARE, False)


def test_a_draft_that_needs_one_compiles_it(tmp_path):
    glued = _PLAIN.replace("of 31 August 2020,", "adopted in 2020and amended since,")
    assert _compiled_after_check(tmp_path, glued)["resolint_rules.trm.number_glued_to_word.GLUED"] is True
