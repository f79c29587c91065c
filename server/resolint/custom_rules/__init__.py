"""House rules written as data: ``[[custom-rules]]`` in a style or in ``resolint.toml``.

Each table is a spaCy pattern (token pattern, phrase list or dependency pattern) with a
code, a message, a severity, the part of the resolution it looks at and an optional fix.
The pieces, each with one job:

- :mod:`.spec` reads and checks a table (no spaCy);
- :mod:`.rule` makes a :class:`~resolint.rule.Rule` subclass per table (no spaCy);
- :mod:`.pipeline` and :mod:`.matching` tokenize paragraphs and run the matchers
  (spaCy, imported only when a pattern rule runs or is checked);
- :mod:`.config` reads the ``custom-rules`` and ``nlp`` keys of a configuration file;
- :mod:`.check` proves each rule compiles, has the pipeline it needs and fires on its
  example but not on its use-instead draft.

This module is what the engine and the CLI call: :func:`with_custom_rules` adds the
rules that apply to one lint (the style's, then the configuration's, which replace a
style rule of the same code); :func:`visible_rules` lists every custom rule that the
configuration and the styles define, for ``resolint rules`` and ``resolint rule``.

The engine, the configuration loader and the CLI import this module in every run, and
most runs have no house rules (a plain check of a UN draft): the rule machinery
(:mod:`.rule`, :mod:`.spec`, :mod:`.candidates`) is imported where a table is read or a
rule built, not here. So :class:`~.spec.RuleSpec` and :class:`~.spec.SpecError` are
imported from :mod:`.spec` by the modules that need them (the checks, the tests), not
from this package: exporting them here meant either importing the machinery at every
start or a module ``__getattr__`` that no caller used.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING, Any

from resolint import userregex
from resolint.lazylog import get_logger
from resolint.styles import builtin_raw, builtin_style_names, load_style

if TYPE_CHECKING:
    from resolint.custom_rules.rule import RuleSet
    from resolint.custom_rules.spec import RuleSpec
    from resolint.rule import Rule
    from resolint.settings import Settings
    from resolint.styles import Style

__all__ = ["style_specs", "effective_specs", "with_custom_rules", "visible_rules", "ruleset_for"]

log = get_logger(__name__)
STYLE_KEY = "custom-rules"


@functools.lru_cache(maxsize=128)
def _style_specs(name: str, frozen: Any) -> tuple[RuleSpec, ...]:
    from resolint.custom_rules.spec import parse_specs, thaw  # lazy: only a style with house rules

    tables = thaw(frozen)
    specs = parse_specs(tables, f"style {name}")
    return tuple(_with_origin(spec, table, name) for spec, table in zip(specs, tables, strict=True))


def _with_origin(spec: RuleSpec, table: Any, name: str) -> RuleSpec:
    """``spec`` with the built-in style that defines its table as its source: a style
    that ``extends = "mun"`` inherits mun's house rules, which were credited to it ("style
    mine") and so lost the page that documents them (SARIF's ``helpUri``) and the style
    their examples are written in. A table the style changed is its own."""
    for origin in (name, *builtin_style_names()):
        if table in _builtin_tables(origin):
            return spec if origin == name else dataclasses.replace(spec, source=f"style {origin}")
    return spec


@functools.cache
def _builtin_tables(name: str) -> tuple[Any, ...]:
    """The ``custom-rules`` tables a built-in style writes itself (not its parents')."""
    if name not in builtin_style_names():
        return ()
    tables = builtin_raw(name).get(STYLE_KEY)
    return tuple(tables) if isinstance(tables, list) else ()


def style_specs(style: Style) -> tuple[RuleSpec, ...]:
    """The custom rules a style defines (its parents' included); raises SpecError."""
    tables = style.raw.get(STYLE_KEY)
    if not tables:
        return ()
    from resolint.custom_rules.spec import freeze  # lazy: only a style with house rules

    return _style_specs(style.name, freeze(tables))


def merge_specs(*groups: tuple[RuleSpec, ...]) -> tuple[RuleSpec, ...]:
    """Later groups replace earlier rules of the same code; order of first appearance kept."""
    out: dict[str, RuleSpec] = {}
    for group in groups:
        for spec in group:
            out[spec.code] = spec
    return tuple(out.values())


def effective_specs(settings: Settings, style: Style) -> tuple[RuleSpec, ...]:
    return merge_specs(style_specs(style), getattr(settings, "custom_rules", ()))


@functools.lru_cache(maxsize=64)
def ruleset_for(specs: tuple[RuleSpec, ...], pipeline: str | None) -> RuleSet:
    """One shared :class:`~.rule.RuleSet` (Doc cache, matchers) per rules and pipeline.
    Built only for rules not seen before (cached): a new configuration, whose patterns get
    a fresh budget of slow ones (:func:`resolint.userregex.new_configuration`)."""
    from resolint.custom_rules.rule import RuleSet  # lazy: only with house rules

    userregex.new_configuration()
    return RuleSet(specs, pipeline)


#: (id(settings), id(style.raw), id(base)) -> (settings, raw, base, rules): identity-checked.
_COMBINED: dict[tuple[int, int, int], tuple[Any, Any, Any, tuple]] = {}


def with_custom_rules(base: tuple[Rule, ...], settings: Settings, style: Style) -> tuple[Rule, ...]:
    """``base`` plus the custom rules for this settings and style (``base`` itself when
    there are none, so a plain lint does no more work than before)."""
    if not style.raw.get(STYLE_KEY) and not getattr(settings, "custom_rules", ()):
        return base
    key = (id(settings), id(style.raw), id(base))
    hit = _COMBINED.get(key)
    if hit is not None and hit[0] is settings and hit[1] is style.raw and hit[2] is base:
        return hit[3]
    taken = {r.code for r in base}
    specs = tuple(s for s in effective_specs(settings, style) if s.code not in taken)
    rules = base + ruleset_for(specs, getattr(settings, "nlp_pipeline", None)).rules() if specs else base
    if len(_COMBINED) > 64:
        _COMBINED.clear()
    _COMBINED[key] = (settings, style.raw, base, rules)
    return rules


def visible_rules(settings: Settings) -> list[Rule]:
    """Every custom rule the configuration and the styles define, one per code: the
    configuration's own first, then its styles', then the built-in styles'."""
    found: dict[str, RuleSpec] = {}
    groups: list[tuple[RuleSpec, ...]] = [tuple(getattr(settings, "custom_rules", ()))]
    for name in [*settings.styles, *builtin_style_names()]:
        try:
            groups.append(style_specs(load_style(name, settings.styles)))
        except Exception as exc:  # listing must not fail on one broken style;
            log.debug("custom rules of style %s: %s", name, exc)  # the configuration check reports it, with its file and key
    for group in groups:
        for spec in group:
            found.setdefault(spec.code, spec)
    if not found:
        return []
    from resolint.custom_rules.rule import rule_class  # lazy: only when there are house rules

    return [rule_class(s)() for s in sorted(found.values(), key=lambda s: s.code)]
