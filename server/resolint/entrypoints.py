"""Entry points of the installed distributions, read without importing importlib.metadata.

Every run needs two groups (``resolint.rules``, ``resolint.styles``). Importing
:mod:`importlib.metadata` costs about 20 ms (it brings ``email``, ``zipfile``, ``csv``)
and each of its ``entry_points()`` calls scans every distribution again: together more
than a tenth of linting a small draft. This reads the same files by the same rules —
each folder on ``sys.path`` in order, its ``*.dist-info`` and ``*.egg-info`` folders'
``entry_points.txt``, the first distribution of a name winning — in about a millisecond.
A ``sys.path`` entry that is not a folder (a zip or an egg file) is left to
importlib.metadata itself, as is anything unreadable. ``tests/test_entrypoints.py``
compares the two.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys

from resolint.lazyre import lazy
from resolint.records import record

#: How importlib.metadata reads an entry point's value: "module.sub:attr.attr [extras]".
_VALUE = lazy(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@record(frozen=True, slots=True)
class EntryPoint:
    """One line of a distribution's ``entry_points.txt`` (name = value, in a group), with
    importlib.metadata's ``load``: how installed packages add rules and styles."""

    name: str
    value: str
    group: str

    def load(self):
        """The object the entry point names, imported as importlib.metadata does."""
        m = _VALUE.match(self.value)
        if m is None:
            raise ValueError(f"malformed entry point value {self.value!r} ({self.group}: {self.name})")
        obj = importlib.import_module(m.group("module"))
        for attr in filter(None, (m.group("attr") or "").split(".")):
            obj = getattr(obj, attr)
        return obj


def entry_points(group: str) -> tuple[EntryPoint, ...]:
    """The entry points of ``group``, in the order importlib.metadata gives them."""
    found = _all()
    if found is None:
        from importlib.metadata import entry_points as std_entry_points  # lazy: ~20 ms, only for a zip on sys.path

        return tuple(EntryPoint(ep.name, ep.value, ep.group) for ep in std_entry_points(group=group))
    return tuple(ep for ep in found if ep.group == group)


@functools.cache
def _all() -> tuple[EntryPoint, ...] | None:
    """Every entry point of every distribution; None when importlib.metadata must read them."""
    try:
        texts = _entry_point_texts()
    except (OSError, UnicodeDecodeError, _NotAFolder):
        return None
    return tuple(ep for text in texts for ep in _parse(text))


class _NotAFolder(Exception):
    """A sys.path entry this reader leaves to importlib.metadata."""


def _normalize(name: str) -> str:
    """A distribution's name as importlib.metadata compares them (PEP 503, "_" joined)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _entry_point_texts() -> list[str]:
    """The ``entry_points.txt`` of each distribution, first of its name on sys.path."""
    seen: set[str] = set()
    texts: list[str] = []
    for entry in sys.path:
        root = entry or "."
        if not os.path.isdir(root):
            if os.path.exists(root):
                raise _NotAFolder(root)
            continue
        infos: list[tuple[str, str]] = []
        with os.scandir(root) as it:
            for child in it:
                low = child.name.lower()
                if low.endswith((".dist-info", ".egg-info")):
                    infos.append((_normalize(low.rpartition(".")[0].partition("-")[0]), child.path))
        for name, path in infos:
            if name in seen:
                continue
            seen.add(name)
            try:
                with open(os.path.join(path, "entry_points.txt"), encoding="utf-8") as fh:
                    texts.append(fh.read())
            except (FileNotFoundError, NotADirectoryError):
                pass
    return texts


def _parse(text: str) -> list[EntryPoint]:
    """``[group]`` sections of ``name = value`` lines; blank lines and comments skipped."""
    out: list[EntryPoint] = []
    group = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1].strip()
            continue
        if group is None or "=" not in line:
            continue
        name, value = line.split("=", 1)
        out.append(EntryPoint(name.strip(), value.strip(), group))
    return out
