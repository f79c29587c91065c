"""``@dataclass`` with one ``__repr__`` shared by every class instead of one compiled per class.

On Python 3.11 ``dataclasses`` writes each method it generates as source text and
executes it: about 0.6 M instructions a method, and a check of a small draft creates some
70 dataclasses, each with its own ``__repr__`` that nothing on the check path calls
(about 40 M instructions, 4% of the whole process for a 6 KB draft). This decorator is
``dataclasses.dataclass`` with ``repr=False``, then sets :func:`_repr`, which returns what
the generated method would ("Span(start=3, end=7)": the class's qualified name, the
fields that have ``repr=True``, recursion shown as "..."), on a class that asks for a
repr and writes none of its own. Everything else (``__init__``, ``__eq__``, ``__hash__``,
frozen, slots, ``fields``, ``replace``) is the standard library's, unchanged.
"""

from __future__ import annotations

import dataclasses
import reprlib
from typing import Any, dataclass_transform

#: dataclasses' own name for its fields table (``dataclasses._FIELDS``).
_FIELDS = "__dataclass_fields__"


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    """The repr dataclasses would generate for ``self``'s class."""
    shown = (f for f in getattr(self, _FIELDS).values() if f._field_type is dataclasses._FIELD and f.repr)
    return f"{self.__class__.__qualname__}({', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in shown)})"


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: type | None = None, /, *, repr: bool = True, **options: Any) -> Any:
    """``dataclasses.dataclass(cls, **options)`` with the shared ``__repr__`` (see the module)."""

    def wrap(c: type) -> type:
        made = dataclasses.dataclass(c, repr=False, **options)
        if repr and "__repr__" not in c.__dict__:
            made.__repr__ = _repr
        return made

    return wrap if cls is None else wrap(cls)
