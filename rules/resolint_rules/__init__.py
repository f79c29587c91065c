"""resolint's built-in rule pack, house styles and reference data.

Registered through the ``resolint.rules`` and ``resolint.styles`` entry points, the same
way a third-party pack would be, so ``resolint`` never imports this package by name.
"""

from __future__ import annotations

from pathlib import Path


def builtin_rules() -> list[type]:
    """Every built-in rule class (the registry instantiates and checks them)."""
    from resolint_rules import cit, doc, opr, pre, sup, trm

    return [*doc.RULES, *pre.RULES, *opr.RULES, *cit.RULES, *trm.RULES, *sup.RULES]


def styles_dir() -> str:
    return str(Path(__file__).parent / "styles")
