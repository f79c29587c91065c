"""How the package declares its dataclasses, for start-up (issue 13).

On Python 3.11 ``@dataclass`` writes each method it generates as source and executes it
(about 0.6 M instructions each), and a class without a docstring gets one made from
``inspect.signature`` of the finished class. A check of a small draft creates some 70
dataclasses, so these were a noticeable part of the whole process."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import resolint
import resolint_rules


def _dataclasses() -> list[type]:
    """Every dataclass at the top level of a module of the two packages."""
    found: dict[str, type] = {}
    for package in (resolint, resolint_rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".lsp" in info.name or ".docx" in info.name or info.name.endswith("__main__"):
                continue  # optional parts (pygls, python-docx)
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == info.name:
                    found[f"{info.name}.{value.__qualname__}"] = value
    assert len(found) > 50
    return list(found.values())


def test_every_dataclass_has_a_docstring_of_its_own():
    # Without one, dataclasses sets "Name(field: type, ...)" from inspect.signature.
    made = [c.__qualname__ for c in _dataclasses() if (c.__doc__ or "").startswith(c.__name__ + "(")]
    assert made == []


def test_a_dataclass_that_writes_its_own_init_asks_for_none():
    # With init=True dataclasses compiles an __init__ and then keeps the class's own.
    def own_init(c: type) -> bool:
        method = vars(c).get("__init__")
        return method is not None and method.__code__.co_filename != "<string>"

    assert [c.__qualname__ for c in _dataclasses() if own_init(c) and c.__dataclass_params__.init] == []


def test_no_dataclass_compiles_its_repr_eq_or_hash():
    # dataclasses' methods are source executed per class ("<string>"); resolint.records
    # sets functions that are not compiled per class instead.
    def compiled(c: type, name: str) -> bool:
        method = vars(c).get(name)
        return method is not None and getattr(method, "__wrapped__", method).__code__.co_filename == "<string>"

    for name in ("__repr__", "__eq__", "__hash__"):
        assert [c.__qualname__ for c in _dataclasses() if compiled(c, name)] == [], name
