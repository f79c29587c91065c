"""``@record``: a dataclass whose ``__repr__``, ``__eq__`` and ``__hash__`` are made without compiling source.

Named apart from ``dataclasses.dataclass`` on purpose: a reader who sees ``@record``
knows the class is not made by the standard decorator alone (earlier rounds kept the
name ``dataclass``, which read as the standard library's).

Why: on Python 3.11 ``dataclasses`` writes each method it generates as source text and
executes it: about 0.6 M instructions a method, and a check of a small draft creates some
70 dataclasses (the whole process of a 6 KB draft executed about 300 such snippets, 18%
of its instructions). This decorator is ``dataclasses.dataclass`` without the three
methods that need no code of their own per class, then sets them as closures over the
class's field names, shared by every class, answering as the generated ones would:

- ``__repr__``: "Span(start=3, end=7)": the class's qualified name and the fields with
  ``repr=True``; recursion shown as "...";
- ``__eq__``: for an instance of the same class, the tuples of the fields with
  ``compare=True`` compared; NotImplemented otherwise;
- ``__hash__``: the hash of the tuple of the fields that hash (``hash=True``, or
  ``compare=True`` when ``hash`` is unset), on a frozen class; None on an unfrozen one,
  which makes its instances unhashable, as ``dataclasses`` does.

A class that writes one of them keeps its own, as with ``dataclasses``; ``order=True`` or
``unsafe_hash=True`` leave equality and hashing to ``dataclasses``. ``__init__``, frozen,
slots, ``fields`` and ``replace`` are the standard library's, unchanged.

What differs from the standard decorator, for code that inspects a class:

- ``__dataclass_params__.repr`` and ``.eq`` read False (the standard decorator was asked
  for neither: the methods were set afterwards), whatever the class asked for; ``.eq``
  reads as asked with ``order=True`` or ``unsafe_hash=True`` (left to ``dataclasses``);
- the three methods are shared functions (``__eq__``/``__hash__`` closures per class, one
  ``__repr__`` for all), not source compiled per class (``co_filename`` is this file's);
- it reads a private name of ``dataclasses``, ``_FIELD`` (with ``Field._field_type``), to
  tell fields from ClassVar and InitVar pseudo-fields as the generated methods do:
  ``tests/test_records.py`` fails with a clear message if a Python release removes it.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, dataclass_transform


def _fields(cls: type) -> list[dataclasses.Field]:
    """The fields that are fields (not ClassVar or InitVar pseudo-fields), in order."""
    return [f for f in cls.__dataclass_fields__.values() if f._field_type is dataclasses._FIELD]  # type: ignore[attr-defined]


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    """The repr dataclasses would generate for ``self``'s class."""
    shown = (f for f in _fields(self.__class__) if f.repr)
    return f"{self.__class__.__qualname__}({', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in shown)})"


def _key(names: list[str]) -> Callable[[Any], tuple]:
    """``self`` -> the tuple of its ``names`` attributes (as the generated methods build it)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return lambda self: ()


def _eq_and_hash(fields: list[dataclasses.Field]) -> tuple[Callable, Callable]:
    compared = _key([f.name for f in fields if f.compare])
    hashed = _key([f.name for f in fields if (f.compare if f.hash is None else f.hash)])

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    return __eq__, __hash__


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type | None = None, /, *, repr: bool = True, eq: bool = True, **options: Any) -> Any:
    """``dataclasses.dataclass(cls, **options)`` with the shared methods (see the module:
    what differs from the standard decorator)."""

    def wrap(c: type) -> type:
        if options.get("order") or options.get("unsafe_hash"):
            made = dataclasses.dataclass(c, repr=False, eq=eq, **options)
        else:
            own_hash = c.__dict__.get("__hash__", dataclasses.MISSING)
            explicit_hash = not (own_hash is dataclasses.MISSING or (own_hash is None and "__eq__" in c.__dict__))
            made = dataclasses.dataclass(c, repr=False, eq=False, **options)
            if eq:
                equal, hashed = _eq_and_hash(_fields(made))
                if "__eq__" not in c.__dict__:
                    equal.__qualname__ = f"{made.__qualname__}.__eq__"
                    made.__eq__ = equal
                if not explicit_hash:
                    hashed.__qualname__ = f"{made.__qualname__}.__hash__"
                    made.__hash__ = hashed if options.get("frozen") else None
        if repr and "__repr__" not in c.__dict__:
            made.__repr__ = _repr
        return made

    return wrap if cls is None else wrap(cls)
