"""LazyPattern: compiled on first use, then the same answers as ``re.compile``."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys

import pytest

from resolint.lazyregex import LazyPattern, lazy_compile

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


def test_the_defining_module_gets_the_compiled_pattern():
    """Later reads of the module's name cost what a compiled pattern's do."""
    home: dict = {}
    home["YEAR"] = lazy = LazyPattern(r"\d{4}", 0, home)
    kept = home["YEAR"]  # a copy taken before ("from … import YEAR") keeps the stand-in
    assert lazy.search(TEXT).group() == "2023"
    assert home["YEAR"] is re.compile(r"\d{4}") and kept is lazy and kept.findall(TEXT) == ["2023", "2018"]


MODULES = ["resolint.parser.patterns", "resolint.citations.patterns", "resolint.parser.blocks", "resolint.parser.groups",
           "resolint.parser.labels", "resolint.directives", "resolint_rules.common", "resolint_rules.trm.spelling"]


def test_shared_pattern_modules_compile_nothing_at_import():
    """What every ``resolint check`` process imports and most runs use a few of (in a
    fresh interpreter: a lint in this one has compiled what it used)."""
    probe = (
        "import importlib, re, sys\n"
        "for name in sys.argv[1:]:\n"
        "    print(name, [k for k, v in vars(importlib.import_module(name)).items() if isinstance(v, re.Pattern)])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *MODULES], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [f"{name} []" for name in MODULES]
