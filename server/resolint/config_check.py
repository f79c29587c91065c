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
from resolint.model import LabelScheme
from resolint.registry import rule_by_code
from resolint.settings import ConfigError
from resolint.styles import EXTEND_PREFIX, FOLDER_KEY, StyleError, _builtin_raw, builtin_style_names, load_style

#: Tables of a style whose keys are free (phrases, patterns, per-rule options, terms).
FREE_TABLES = frozenset({"rules", "terms", "detect", "conference-names"})
#: Keys of a style checked by their own module (house rules: resolint.custom_rules).
OWN_CHECK_KEYS = frozenset({"custom-rules"})
#: Keys any style may carry besides those the built-in styles use.
EXTRA_KEYS = frozenset({"extends", "name", "description"})


#: Style keys with a fixed set of values, as the rules that read them understand them
#: (docs/styles.md): any other value silently turned a check off or misread it.
STYLE_CHOICES: dict[str, tuple[str, ...]] = {
    "openers.case": ("sentence", "upper", "lower"),
    "openers.preambular-case": ("sentence", "upper", "lower"),
    "openers.operative-case": ("sentence", "upper", "lower"),
    "preamble.terminal": (",", ";"),
    "preamble.last-terminal": (",", ";"),
    "openers.preamble-modifier": ("after", "before", "either"),
    "openers.operative-modifier": ("after", "before", "either"),
    "numbering.operative": ("required", "optional"),
    "subparagraphs.case": ("upper", "lower", "any"),
    "list-items.case": ("upper", "lower"),
    "dates.format": ("dmy", ""),
    "spelling.variant": ("oxford", ""),
    "citations.first-mention": ("title", "short"),
    "terms.article-case": ("lower", "upper", "any"),
}


def _form_problem(value: Any) -> str | None:
    if isinstance(value, str) and value.count("#") != 1:
        return f"expected the form of a number with one '#' standing for it (\"#.\", \"#\", \"(#)\"), got {value!r}"
    return None


def _priority_problem(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return f"expected a whole number (higher wins), got {value!r}"
    return None


def _schemes_problem(value: Any) -> str | None:
    schemes = [s.value for s in LabelScheme]
    for level in value if isinstance(value, list) else ():
        wrong = [part for part in str(level).split("|") if part not in schemes]
        if wrong:
            return f"unknown scheme {wrong[0]!r} (known: {', '.join(schemes)}; 'a|b' accepts either)"
    return None


def _prefer_problem(value: Any) -> str | None:
    if not (isinstance(value, dict) and all(isinstance(v, str) for v in value.values())):
        return f'expected a table of "wrong" = "right" names, got {_type_name(value)}'
    return None


#: Style keys whose values have a shape of their own, with the check of it.
_STYLE_VALUE_CHECKS = {
    "numbering.form": _form_problem,
    "detect.priority": _priority_problem,
    "subparagraphs.schemes": _schemes_problem,
    "terms.prefer": _prefer_problem,
}


def style_value_problem(dotted: str, value: Any) -> str | None:
    """What is wrong with the value of a style key whose values are fixed, or None."""
    choices = STYLE_CHOICES.get(dotted)
    if choices is not None and value not in choices:
        shown = ", ".join(f'"{c}"' for c in choices)
        return f"expected one of {shown}, got {value!r}"
    check = _STYLE_VALUE_CHECKS.get(dotted)
    return check(value) if check is not None else None


def _free_table_problem(table: dict[str, Any]) -> tuple[str, str] | None:
    """The first problem in the keys of a style's free tables ([terms], [detect]) whose
    values are fixed; their other keys are the style's own."""
    for section in ("terms", "detect"):
        body = table.get(section)
        for key, value in body.items() if isinstance(body, dict) else ():
            problem = style_value_problem(f"{section}.{key}", value)
            if problem:
                return f"{section}.{key}", problem
    return None


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
            if dotted == "rules":  # options of rules for this style (the top-level [rules.CODE] wins)
                found = rule_options_problem(value)
                if found:
                    return found
                continue
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
            problem = style_value_problem(dotted, value)
            if problem:
                return dotted, problem
            if isinstance(value, dict) and key not in FREE_TABLES:
                found = walk(dotted + ".", value)
                if found:
                    return found
        return None

    return walk("", body) or _free_table_problem(body)


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
    # Each style loads before the house rules are gathered from them all (which logs a
    # style that does not load, and goes on): the error is said once, as an error.
    _check_styles_load(settings, path)
    house = house_codes(settings) if settings.styles else ()
    for name, body in settings.styles.items():
        lint = body.get("lint") if isinstance(body.get("lint"), dict) else {}
        for key in ("ignore", "opt-in", "extend-ignore", "extend-opt-in"):
            for code in lint.get(key) or ():
                problem = unknown_selector(code, house)
                if problem:
                    raise ConfigError(path, f"styles.{name}.lint.{key}", problem)
    for name, body in settings.styles.items():
        for where, patterns in (body.get("detect") or {}).items():
            for entry in patterns if isinstance(patterns, list) else []:
                _check_detect_entry(path, f"styles.{name}.detect.{where}", entry)
    if settings.style != "auto" and settings.style not in settings.styles and settings.style not in builtin_style_names():
        known = ", ".join(["auto", *builtin_style_names(), *settings.styles])
        raise ConfigError(path, "style", f"no style '{settings.style}' (known: {known})")
    check_rule_options(settings.rules, path)

    from resolint.custom_rules.check import check_custom_rules  # lazy: it loads the fix loop, for configurations only

    check_custom_rules(settings, path)


def _check_styles_load(settings: Any, path: Path | str | None) -> None:
    for name in settings.styles:
        try:
            load_style(name, settings.styles)
        except StyleError as exc:
            raise ConfigError(path, f"styles.{name}" + (f".{exc.style_key}" if exc.style_key else ""), str(exc)) from None


def check_rule_options(rules: dict[str, dict[str, Any]], path: Path | str | None) -> None:
    problem = rule_options_problem(rules)
    if problem:
        raise ConfigError(path, *problem)


def rule_options_problem(rules: Any, prefix: str = "rules") -> tuple[str, str] | None:
    """The first (key, problem) in a ``[rules.CODE]`` table of options (the top-level one
    or a style's), or None: each code names a rule, each option one it declares, with
    the type of its default."""
    if not isinstance(rules, dict):
        return prefix, f"expected a table of rule codes, got {_type_name(rules)}"
    for code, options in rules.items():
        rule = rule_by_code(code)
        if rule is None:
            return f"{prefix}.{code}", "no rule with this code (see 'resolint rules')"
        if not isinstance(options, dict):
            return f"{prefix}.{code}", f"expected a table of options, got {_type_name(options)}"
        declared = rule.default_options
        for key, value in options.items():
            if key not in declared:
                known = ", ".join(sorted(declared)) or "none"
                return f"{prefix}.{code}.{key}", f"{code} has no option '{key}' (its options: {known})"
            if not _same_type(declared[key], value):
                return f"{prefix}.{code}.{key}", f"expected {_type_name(declared[key])}, got {_type_name(value)}"
    return None


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
