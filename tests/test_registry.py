"""Rule identity (ruff's convention) and where rule modules may import from.

A rule's kebab ``name`` (part of the JSON output), its class name and its file name say
the same thing: ``unknown-preambular-opener`` is ``UnknownPreambularOpener`` in
``pre/unknown_preambular_opener.py``. One rule per module, in the folder of its code's
family. A rule module imports shared code from helper modules, never from another rule
module, and never from another family's folder, so a rule can be moved or deleted alone.
"""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

from resolint.registry import all_rules

RULES = all_rules()


def pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def test_pascal_and_snake_forms():
    assert pascal("unknown-preambular-opener") == "UnknownPreambularOpener"
    assert "ga-resolution-outside-session".replace("-", "_") == "ga_resolution_outside_session"


def _builtin(rule) -> bool:
    return type(rule).__module__.startswith("resolint_rules.")


BUILTIN = [r for r in RULES if _builtin(r)]


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_file_class_and_name_agree(rule):
    cls = type(rule)
    package, family, module = cls.__module__.split(".")
    assert package == "resolint_rules"
    assert family == rule.code[:3].lower(), f"{rule.code} lives in {family}/"
    assert module == rule.name.replace("-", "_"), f"{rule.code}: file {module}.py, name {rule.name}"
    assert cls.__name__ == pascal(rule.name), f"{rule.code}: class {cls.__name__}, name {rule.name}"


def test_one_rule_per_module():
    modules = [type(r).__module__ for r in BUILTIN]
    assert len(modules) == len(set(modules))


def _imported_modules(module_name: str) -> set[str]:
    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


RULE_MODULES = {type(r).__module__ for r in BUILTIN}


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_rule_module_imports_no_rule_module_and_no_other_family(rule):
    own = type(rule).__module__
    family = own.split(".")[1]
    imported = {m for m in _imported_modules(own) if m.startswith("resolint_rules.")}
    assert not (imported & RULE_MODULES) - {own}, f"{own} imports a rule module: move the shared code to a helper"
    families = {type(r).__module__.split(".")[1] for r in BUILTIN}
    other_family = {m for m in imported if m.split(".")[1] in families - {family}}
    assert not other_family, f"{own} imports another family's module: {sorted(other_family)}"
