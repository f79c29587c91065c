"""Checking rule selectors (codes, prefixes, ``ALL``) against the registered rules.

A selector that names no rule is almost always a typo, and a typo in ``--select`` or
``ignore`` silently turns checks off ("All checks passed"). Every place that takes
selectors (command line, configuration, ``[severity]``, ``per-file-ignores``,
directives) asks :func:`unknown_selector` and reports the nearest real code.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable

from resolint.custom_rules import visible_rules
from resolint.lazylog import get_logger
from resolint.registry import all_rules
from resolint.settings import Settings


@functools.lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], tuple[str, ...]]:
    codes = tuple(r.code for r in all_rules())
    prefixes = {c[:n] for c in codes for n in range(1, len(c) + 1)}
    return frozenset(prefixes) | {"ALL"}, codes


def unknown_selector(selector: str, extra: Iterable[str] = ()) -> str:
    """"" when ``selector`` names at least one rule; else the problem, with the nearest code.

    ``extra``: codes of house rules (``[[custom-rules]]``) that also count as rules.
    """
    selector = selector.strip().upper()
    if not selector:  # (every code starts with "": ignore = [""] turned every rule off)
        return "an empty code (write a code or prefix such as PRE or OPR001, or ALL)"
    known, codes = _known()
    extra = tuple(extra)
    if selector in known or any(c.startswith(selector) for c in extra):
        return ""
    codes = codes + extra
    names = {r.name: r.code for r in all_rules()}
    if selector.lower() in names:
        return f"'{selector}' is a rule name; use its code {names[selector.lower()]}"
    near = difflib.get_close_matches(selector, codes, n=1, cutoff=0.5)
    hint = f" (did you mean {near[0]}?)" if near else " (see 'resolint rules')"
    return f"no rule code or prefix '{selector}'{hint}"


def first_unknown(selectors: Iterable[str], extra: Iterable[str] = ()) -> str:
    """The problem with the first selector that names no rule, or ""."""
    extra = tuple(extra)
    for s in selectors:
        problem = unknown_selector(s, extra)
        if problem:
            return problem
    return ""


def house_codes(settings: Settings) -> tuple[str, ...]:
    """Codes of the house rules defined by ``settings`` and by the built-in styles; () if
    they cannot be read (the configuration check reports that itself). For the
    configuration of the working folder see :func:`resolint.config.house_codes_here`."""
    try:
        return tuple(r.code for r in visible_rules(settings))
    except Exception as exc:  # a broken configuration is reported where it is loaded
        get_logger(__name__).debug("house rule codes unavailable: %s", exc)
        return ()


def longest_prefix(code: str, keys: Iterable[str]) -> str:
    """The most specific key naming ``code`` ("PRE001" over "PRE"), or "" if none does:
    how ``[severity]`` and the editor's severity overrides pick their entry."""
    best = ""
    for key in keys:
        if code.startswith(key) and len(key) > len(best):
            best = key
    return best
