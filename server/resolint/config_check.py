"""Check what a configuration refers to: styles it defines or names, and rule options.

:mod:`resolint.config` checks the shape of each key; this module checks the parts that
only make sense against the rule pack and the built-in styles: that ``style`` names a
style that exists, that a custom style extends a real style without a loop and gives
its keys the types the built-in styles use, and that ``[rules.CODE]`` names a rule and
its declared options with the right types. Without it a typo would surface later, at
lint time, as an internal error (or not at all); with it, the user gets one
:class:`~resolint.config.ConfigError` naming the file and the key.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from resolint import userregex
from resolint.codes import house_codes, unknown_selector
from resolint.custom_rules.check import check_custom_rules
from resolint.registry import rule_by_code
from resolint.settings import ConfigError
from resolint.styles import EXTEND_PREFIX, FOLDER_KEY, StyleError, _builtin_raw, builtin_style_names, load_style

#: Tables of a style whose keys are free (phrases, patterns, per-rule options, terms).
FREE_TABLES = frozenset({"rules", "terms", "detect", "conference-names"})
#: Keys of a style checked by their own module (house rules: resolint.custom_rules).
OWN_CHECK_KEYS = frozenset({"custom-rules"})
#: Keys any style may carry besides those the built-in styles use.
EXTRA_KEYS = frozenset({"extends", "name", "description"})


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _same_type(expected: Any, value: Any) -> bool:
    if isinstance(expected, bool) or isinstance(value, bool):
        return isinstance(expected, bool) and isinstance(value, bool)
    if isinstance(expected, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(expected, list):
        if not isinstance(value, list):
            return False
        kinds = {type(v) for v in expected} or {str}  # the styles' empty lists hold codes
        return all(type(v) in kinds for v in value)
    return isinstance(value, type(expected))


@functools.lru_cache(maxsize=1)
def style_schema() -> dict[str, Any]:
    """Every key the built-in styles use, with an example value of its type."""
    schema: dict[str, Any] = {}

    def walk(prefix: str, table: dict[str, Any]) -> None:
        for key, value in table.items():
            dotted = f"{prefix}{key}"
            if isinstance(value, dict) and key not in FREE_TABLES:
                walk(dotted + ".", value)
            schema.setdefault(dotted, value)

    for name in ["_base", *builtin_style_names()]:
        walk("", _builtin_raw(name)[0])
    return schema


def check_style_table(name: str, body: dict[str, Any]) -> tuple[str, str] | None:
    """The first (key, problem) in a custom style's own table, or None."""
    schema = style_schema()

    def walk(prefix: str, table: dict[str, Any]) -> tuple[str, str] | None:
        for key, value in table.items():
            dotted = f"{prefix}{key}"
            if dotted in OWN_CHECK_KEYS:
                continue
            if dotted == FOLDER_KEY:
                continue  # set by the configuration loader, not by the user
            if key.startswith(EXTEND_PREFIX) and isinstance(schema.get(f"{prefix}{key[len(EXTEND_PREFIX):]}"), list):
                dotted = f"{prefix}{key[len(EXTEND_PREFIX):]}"  # "extend-preambular" is typed as "preambular"
            if dotted in EXTRA_KEYS:
                if not isinstance(value, str):
                    return dotted, f"expected a string, got {_type_name(value)}"
                continue
            if dotted not in schema:
                return dotted, "unknown style key (see the built-in styles in resolint_rules/styles)"
            expected = schema[dotted]
            if not _same_type(expected, value):
                return dotted, f"expected {_type_name(expected)}" + (
                    " of strings" if isinstance(expected, list) else ""
                ) + f", got {_type_name(value)}"
            if isinstance(value, dict) and key not in FREE_TABLES:
                found = walk(dotted + ".", value)
                if found:
                    return found
        return None

    return walk("", body)


def _check_detect_entry(path: Path | str | None, where: str, entry: Any) -> None:
    """A ``[detect]`` pattern: a regular expression, or a table of one (``pattern``) and
    the ``priority`` its match counts with (:func:`resolint.styles.detect_pattern`)."""
    pattern = entry
    if isinstance(entry, dict):
        unknown = sorted(set(entry) - {"pattern", "priority"})
        if unknown:
            raise ConfigError(path, where, f"unknown key '{unknown[0]}' in a pattern table (it takes 'pattern' and 'priority')")
        if not isinstance(entry.get("priority", 0), int) or isinstance(entry.get("priority", 0), bool):
            raise ConfigError(path, where, f"'priority' must be a whole number, not {entry.get('priority')!r}")
        pattern = entry.get("pattern")
    try:
        userregex.compiled(pattern)  # as detection runs it (resolint.userregex)
    except userregex.PatternError as exc:
        raise ConfigError(path, where, f"not a regular expression: {pattern!r} ({exc})") from None


def check_settings(settings: Any, path: Path | str | None) -> None:
    """Raise :class:`~resolint.config.ConfigError` for the first dangling reference."""
    for name, body in settings.styles.items():
        problem = check_style_table(name, body)
        if problem:
            raise ConfigError(path, f"styles.{name}.{problem[0]}", problem[1])
    for name, body in settings.styles.items():
        for where, patterns in (body.get("detect") or {}).items():
            for entry in patterns if isinstance(patterns, list) else []:
                _check_detect_entry(path, f"styles.{name}.detect.{where}", entry)
    for name in settings.styles:
        try:
            load_style(name, settings.styles)
        except StyleError as exc:
            raise ConfigError(path, f"styles.{name}", str(exc)) from None
    if settings.style != "auto" and settings.style not in settings.styles and settings.style not in builtin_style_names():
        known = ", ".join(["auto", *builtin_style_names(), *settings.styles])
        raise ConfigError(path, "style", f"no style '{settings.style}' (known: {known})")
    check_rule_options(settings.rules, path)

    check_custom_rules(settings, path)


def check_rule_options(rules: dict[str, dict[str, Any]], path: Path | str | None) -> None:
    for code, options in rules.items():
        rule = rule_by_code(code)
        if rule is None:
            raise ConfigError(path, f"rules.{code}", "no rule with this code (see 'resolint rules')")
        declared = rule.default_options
        for key, value in options.items():
            if key not in declared:
                known = ", ".join(sorted(declared)) or "none"
                raise ConfigError(path, f"rules.{code}.{key}", f"{code} has no option '{key}' (its options: {known})")
            if not _same_type(declared[key], value):
                raise ConfigError(
                    path, f"rules.{code}.{key}", f"expected {_type_name(declared[key])}, got {_type_name(value)}"
                )


def check_selectors(changes: dict[str, Any], path: Path | str | None, settings: Any = None) -> None:
    """Every rule code or prefix in select, extend-select, ignore, [severity] and
    per-file-ignores must name a rule: a typo would silently turn checks off."""
    house = house_codes(settings) if settings is not None else ()

    keyed: list[tuple[str, str]] = []
    for attr, key in (("select", "select"), ("extend_select", "extend-select"), ("ignore", "ignore")):
        keyed += [(key, code) for code in changes.get(attr, ())]
    keyed += [(f"severity.{code}", code) for code in changes.get("severity", {})]
    for pattern, codes in changes.get("per_file_ignores", ()):
        keyed += [(f"per-file-ignores.{pattern}", code) for code in codes]
    for key, code in keyed:
        problem = unknown_selector(code, house)
        if problem:
            raise ConfigError(path, key, problem)
