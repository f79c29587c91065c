"""resolint.records.dataclass: the standard dataclass, with one shared ``__repr__`` that
returns what the generated one would (issue 13: a compiled ``__repr__`` per class cost
about 0.6 M instructions at start-up, for some 70 classes)."""

from __future__ import annotations

import dataclasses
from dataclasses import field

import pytest

from resolint.records import dataclass


def _pair(decorator, **options):
    """The same classes made by ``decorator``."""

    @decorator(**options)
    class Point:
        """A test class."""

        x: int
        label: str = "a"
        hidden: list = field(default_factory=list, repr=False)

    @decorator(**options)
    class Node:
        """A test class that can hold itself."""

        name: str
        children: list = field(default_factory=list)

    return Point, Node


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"slots": True}, {"frozen": True, "slots": True}, {"eq": False}])
def test_the_repr_is_the_generated_one(options):
    ours, theirs = _pair(dataclass, **options), _pair(dataclasses.dataclass, **options)
    for mine, std in zip(ours, theirs, strict=True):
        assert mine.__qualname__ == std.__qualname__
    p, q = ours[0](3, "b\n'", [1]), theirs[0](3, "b\n'", [1])
    assert repr(p) == repr(q) == "_pair.<locals>.Point(x=3, label=\"b\\n'\")"
    n, m = ours[1]("n"), theirs[1]("n")
    n.children.append(n)  # the list is mutable in a frozen class too
    m.children.append(m)
    n.children.append(ours[1]("leaf"))
    m.children.append(theirs[1]("leaf"))
    assert repr(n) == repr(m)  # a node that holds itself: "..." where it recurs


def test_a_class_that_writes_its_own_repr_or_asks_for_none_keeps_it():
    @dataclass
    class Own:
        """A test class."""

        x: int

        def __repr__(self) -> str:
            return "own"

    @dataclass(repr=False)
    class NoRepr:
        """A test class."""

        x: int

    assert repr(Own(1)) == "own"
    plain = NoRepr(1)
    assert repr(plain) == object.__repr__(plain)


def test_everything_else_is_the_standard_dataclass():
    @dataclass(frozen=True, slots=True)
    class Frozen:
        """A test class."""

        x: int
        y: int = 2

    f = Frozen(1)
    assert dataclasses.is_dataclass(f) and [x.name for x in dataclasses.fields(f)] == ["x", "y"]
    assert dataclasses.replace(f, y=5) == Frozen(1, 5) and hash(Frozen(1)) == hash(Frozen(1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.x = 3  # type: ignore[misc]
    assert not hasattr(f, "__dict__")
