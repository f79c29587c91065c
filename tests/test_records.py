"""resolint.records.record: the standard dataclass, with ``__repr__``, ``__eq__`` and
``__hash__`` that answer as the generated ones would but are not compiled per class
(issue 13: each compiled method cost about 0.6 M instructions at start-up, for some 70
classes)."""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import ClassVar

import pytest

from resolint.records import record


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
    ours, theirs = _pair(record, **options), _pair(dataclasses.dataclass, **options)
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
    @record
    class Own:
        """A test class."""

        x: int

        def __repr__(self) -> str:
            return "own"

    @record(repr=False)
    class NoRepr:
        """A test class."""

        x: int

    assert repr(Own(1)) == "own"
    plain = NoRepr(1)
    assert repr(plain) == object.__repr__(plain)


def test_everything_else_is_the_standard_dataclass():
    @record(frozen=True, slots=True)
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


def _equality_classes(decorator, **options):
    @decorator(**options)
    class Item:
        """A test class: a field left out of comparison, one left out of the hash only."""

        x: int
        y: str = "a"
        note: str = field(default="", compare=False)
        cache: tuple = field(default=(), hash=False)

    @decorator(**options)
    class One:
        """A test class with one field."""

        x: object

    @decorator(**options)
    class Empty:
        """A test class without fields."""

    return Item, One, Empty


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"slots": True}, {"frozen": True, "slots": True}, {"eq": False}, {"order": True}, {"unsafe_hash": True}])
def test_equality_and_hashing_are_the_generated_ones(options):
    nan = float("nan")
    ours, theirs = _equality_classes(record, **options), _equality_classes(dataclasses.dataclass, **options)
    samples = [
        lambda c: c[0](1, "b", "note", (1,)), lambda c: c[0](1, "b", "other", (2,)), lambda c: c[0](2),
        lambda c: c[1](nan), lambda c: c[1](1), lambda c: c[1](1.0), lambda c: c[2](),
    ]
    mine, std = [make(ours) for make in samples], [make(theirs) for make in samples]
    for i, (a, b) in enumerate(zip(mine, std, strict=True)):
        for j, (c, d) in enumerate(zip(mine, std, strict=True)):
            assert (a == c) == (b == d), (i, j)
            assert (a != c) == (b != d), (i, j)
        assert (a == a) == (b == b)  # a NaN field: the same object is equal (the tuple's identity check)
        assert (a == object()) is False and a.__eq__(object()) is NotImplemented or options.get("eq") is False
        if type(b).__hash__ is None:
            assert type(a).__hash__ is None
        elif options.get("eq") is not False:
            assert hash(a) == hash(b)  # the same hash: sets and dicts of them iterate in the same order


def test_a_class_that_writes_its_own_eq_or_hash_keeps_them():
    @record(frozen=True)
    class OwnEq:
        """A test class."""

        x: int

        def __eq__(self, other):
            return "own"

    @record(frozen=True)
    class OwnHash:
        """A test class."""

        x: int

        def __hash__(self):
            return 7

    assert (OwnEq(1) == OwnEq(2)) == "own" and hash(OwnEq(1)) == hash((1,))
    assert hash(OwnHash(1)) == 7 and OwnHash(1) == OwnHash(1) and OwnHash(1) != OwnHash(2)


def test_an_unfrozen_dataclass_is_unhashable_as_with_dataclasses():
    @record
    class Mutable:
        """A test class."""

        x: int

    with pytest.raises(TypeError):
        hash(Mutable(1))
    assert Mutable(1) == Mutable(1) and Mutable(1) != Mutable(2)


def test_the_private_name_of_dataclasses_it_reads_is_still_there():
    """``records`` tells fields from ClassVar and InitVar pseudo-fields by
    ``dataclasses._FIELD`` and ``Field._field_type``, as the generated methods do. If a
    Python release renames them, this says so before the repr or equality goes wrong."""
    assert hasattr(dataclasses, "_FIELD"), (
        "this Python's dataclasses has no _FIELD: resolint.records._fields reads it to tell "
        "fields from ClassVar/InitVar pseudo-fields; rewrite _fields for this version"
    )

    @record(frozen=True)
    class Mixed:
        """A test class with a ClassVar and an InitVar beside its fields."""

        shared: ClassVar[int] = 0
        x: int
        seed: dataclasses.InitVar[int] = 0
        y: int = 1

    kinds = {f.name: f._field_type for f in Mixed.__dataclass_fields__.values()}  # type: ignore[attr-defined]
    assert kinds == {"shared": dataclasses._FIELD_CLASSVAR, "x": dataclasses._FIELD, "seed": dataclasses._FIELD_INITVAR, "y": dataclasses._FIELD}  # type: ignore[attr-defined]
    assert repr(Mixed(3, 4, 5)) == "test_the_private_name_of_dataclasses_it_reads_is_still_there.<locals>.Mixed(x=3, y=5)"
    assert Mixed(3, 4, 5) == Mixed(3, 0, 5) and hash(Mixed(3)) == hash((3, 1))


@pytest.mark.parametrize(("options", "eq"), [({}, False), ({"eq": False}, False), ({"frozen": True}, False), ({"order": True}, True), ({"unsafe_hash": True}, True)])
def test_the_params_say_the_standard_decorator_made_no_repr_or_eq(options, eq):
    """What differs from ``dataclasses.dataclass`` for code that inspects a class (the
    module says so): the standard decorator was asked for no repr, and for no eq but where
    ``order`` or ``unsafe_hash`` leave equality to it; the methods are there all the same."""

    @record(**options)
    class Point:
        """A test class."""

        x: int

    params = Point.__dataclass_params__  # type: ignore[attr-defined]
    assert (params.repr, params.eq) == (False, eq)
    assert repr(Point(1)).endswith("Point(x=1)")
    assert (Point(1) == Point(1)) is (options.get("eq", True))
