"""LazyPattern: compiled on first use, then the same answers as ``re.compile``."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

from resolint import directives
from resolint.citations import patterns as citation_patterns
from resolint.lazyregex import LazyPattern, lazy_compile
from resolint.parser import blocks, groups, labels
from resolint.parser import patterns as parser_patterns

TEXT = "Recalling its resolution 78/10 of 21 November 2023, and RESOLUTION 5 (Rev. Dubai, 2018)"


def test_not_compiled_until_used():
    lazy = lazy_compile(r"(?P<n>\d+)/(\d+)")
    assert "search" not in vars(lazy)
    assert lazy.pattern == r"(?P<n>\d+)/(\d+)"  # no compiling to read the source
    assert "search" not in vars(lazy)
    assert lazy.search(TEXT).group("n") == "78"
    assert "search" in vars(lazy)


@pytest.mark.parametrize(("source", "flags"), [(r"(?P<n>\d+)/(\d+)", 0), (r"resolution\s+(\d+)", re.IGNORECASE), (r"\b\w", 0)])
def test_same_answers_as_compiled(source, flags):
    lazy, real = lazy_compile(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in real.finditer(TEXT)]
    assert lazy.findall(TEXT) == real.findall(TEXT) and lazy.split(TEXT) == real.split(TEXT)
    assert lazy.sub("#", TEXT) == real.sub("#", TEXT) and lazy.subn("#", TEXT) == real.subn("#", TEXT)
    assert (lazy.match(TEXT, 10, 40) is None) == (real.match(TEXT, 10, 40) is None)
    assert lazy.fullmatch(TEXT) == real.fullmatch(TEXT)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (real.flags, real.groups, real.groupindex)
    assert lazy.compiled() is real  # re's cache: one compiled pattern for both


def test_copies_stay_lazy_patterns():
    lazy = lazy_compile(r"\d+")
    for twin in (copy.copy(lazy), copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        assert isinstance(twin, LazyPattern) and twin.search(TEXT).group() == "78"
    lazy.search(TEXT)  # compiled: the bound methods on it must copy as well
    for twin in (copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        assert twin.findall(TEXT) == re.findall(r"\d+", TEXT)
    with pytest.raises(AttributeError):
        lazy.no_such_method  # noqa: B018


def test_equal_as_compiled_patterns_are():
    """Frozen dataclasses holding one (instrument name variants) stay equal across reads."""
    assert lazy_compile(r"\d+") == lazy_compile(r"\d+") and hash(lazy_compile(r"\d+")) == hash(lazy_compile(r"\d+"))
    assert lazy_compile(r"\d+") != lazy_compile(r"\d+", re.IGNORECASE) and lazy_compile(r"\d+") != lazy_compile(r"\d*")
    assert lazy_compile(r"\d+") != re.compile(r"\d+")


@pytest.mark.parametrize("module", [parser_patterns, citation_patterns, blocks, groups, labels, directives])
def test_shared_pattern_modules_compile_nothing_at_import(module):
    """What every ``resolint check`` process imports and most runs use a few of."""
    eager = [name for name, value in vars(module).items() if isinstance(value, re.Pattern)]
    assert eager == []
