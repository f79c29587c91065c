"""The glob patterns of a configuration (``include``, ``exclude``, ``per-file-ignores``).

One meaning for all three keys, as ruff's and git's users expect:

- a pattern is matched against the file's path **relative to the folder of the
  configuration file** that says it (not the path as typed on the command line: ``resolint
  check proj`` from the parent folder and ``resolint check .`` inside ``proj`` must read the
  same files), and against each folder above the file up to that folder: ``archive/*``
  and ``archive`` both take in ``archive/2020/old.txt``;
- it is matched against the file's name and each of those folders' names too, so
  ``*.txt``, ``~$*`` and ``archive`` apply at any depth;
- a trailing ``/`` (``archive/``) matches folders only; a leading ``/`` (``/archive``)
  anchors the pattern at the configuration's folder; ``**/`` matches any number of
  folders, none included (``**/old.txt`` matches ``old.txt`` too);
- ``*`` also matches ``/`` (Python's ``fnmatch``, as before).

A file outside the configuration's folder (``--config`` elsewhere) is matched by its path
as typed and relative to that folder (``../drafts/x.txt``). Patterns of a file pulled in by
``extend`` stay relative to *that* file's folder: :func:`rebase` rewrites them when the
files are layered.
"""

from __future__ import annotations

import fnmatch
import functools
import glob
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path


def _parts_of(rel: str) -> list[str]:
    return [p for p in rel.split("/") if p not in ("", ".")]


def _candidates(file_path: str | Path, root: str | None) -> list[list[str]]:
    """The file's paths to match, as lists of parts: relative to ``root`` (as written, then
    with symbolic links resolved), else by the way from ``root`` and as typed."""
    # As written: a POSIX path's own text (``Path(…).as_posix()`` parsed it into a new
    # Path for each pattern test, a third of the test's cost); ``_parts_of`` drops what
    # Path would normalize away ("", ".").
    typed = _parts_of(os.fspath(file_path) if os.sep == "/" and os.altsep is None else Path(file_path).as_posix())
    if not root:
        return [typed]
    for absolute in (os.path.abspath(file_path), os.path.realpath(file_path)):
        try:
            return [_parts_of(Path(absolute).relative_to(root).as_posix())]
        except ValueError:
            continue
    try:
        outside = _parts_of(Path(os.path.relpath(os.path.realpath(file_path), root)).as_posix())
    except ValueError:  # another drive (Windows)
        return [typed]
    return [outside, typed]


@functools.lru_cache(maxsize=256)
def _variants(pattern: str) -> tuple[list[str], bool, bool]:
    """(the pattern's forms to try, folders only, anchored at the root)."""
    folders_only = pattern.endswith("/")
    body = pattern.rstrip("/")
    anchored = body.startswith("/")
    body = body.lstrip("/")
    forms = [body]
    if body.startswith("**/"):
        forms.append(body[3:])
    if "/**/" in body:
        forms += [f.replace("/**/", "/") for f in list(forms)]
    return forms, folders_only, anchored


def path_matches(file_path: str | Path, patterns: Iterable[str], root: str | None) -> bool:
    """Whether any of ``patterns`` matches the file (see the module's docstring)."""
    return bool(matching(file_path, patterns, root))


def matching(file_path: str | Path, patterns: Iterable[str], root: str | None) -> tuple[str, ...]:
    """The patterns that match the file, in their order."""
    patterns = tuple(patterns)
    if not patterns:
        return ()
    return _matching(tuple(map(tuple, _candidates(file_path, root))), patterns)


@functools.lru_cache(maxsize=64)
def _matching(candidates: tuple[tuple[str, ...], ...], patterns: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`matching` for the file's paths ``candidates`` (as parts), kept for the last
    files: the engine asks once per rule whether ``per-file-ignores`` ignores it, each
    time for the same file and patterns. A configuration of 10,000 patterns took minutes
    on one draft: 70 rules times 10,000 patterns, each translated and compiled again,
    since the compiled forms' cache (256) held fewer than the patterns."""
    compiled = _compiled(patterns)
    tried: dict[tuple[int, bool, bool], list[str]] = {}
    out = []
    for pattern, matchers, folders_only, anchored in compiled:
        for k, parts in enumerate(candidates):
            key = (k, folders_only, anchored)
            names = tried.get(key)
            if names is None:
                names = tried[key] = _tried(parts, folders_only, anchored)
            if any(match(c) for match in matchers for c in names):
                out.append(pattern)
                break
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _compiled(patterns: tuple[str, ...]) -> tuple[tuple[str, tuple[Callable[[str], re.Match[str] | None], ...], bool, bool], ...]:
    """Each of ``patterns`` with its forms' matchers, folders only, anchored: compiled once
    per configuration, however many patterns it has."""
    out = []
    for pattern in patterns:
        forms, folders_only, anchored = _variants(pattern)
        out.append((pattern, tuple(_matcher(form) for form in forms), folders_only, anchored))
    return tuple(out)


def _tried(parts: tuple[str, ...], folders_only: bool, anchored: bool) -> list[str]:
    """What a pattern is matched against: the path's prefixes, and (not anchored) the
    names in it; a pattern for folders only leaves out the file's own name."""
    if not parts:
        return []
    end = len(parts) - 1 if folders_only else len(parts)
    tried = ["/".join(parts[: i + 1]) for i in range(end)]  # the path's prefixes
    if not anchored:
        tried += [p for p in parts[:end] if p != ".."]  # the names in it
    return [os.path.normcase(c) for c in tried]


@functools.lru_cache(maxsize=256)
def _matcher(form: str) -> Callable[[str], re.Match[str] | None]:
    """What ``fnmatch.fnmatch(name, form)`` asks, as one compiled pattern's ``match`` of
    the name (``os.path.normcase``'d by the caller, as ``fnmatch`` does): every file a
    folder holds is tested against ``exclude`` when the folder is walked and again when
    it is read, and ``fnmatch`` went through three Python calls per name tried (8 names
    of a file four folders deep: 3% of a corpus run)."""
    return re.compile(fnmatch.translate(os.path.normcase(form))).match


def rebase(pattern: str, source: str | Path, target: str | Path) -> str:
    """``pattern``, written in a file in folder ``source``, as seen from a file in folder
    ``target`` that extends it: a pattern with a folder in it is prefixed with the way from
    ``target`` to ``source``; a bare name (``*.txt``) applies at any depth and is kept."""
    body = pattern.rstrip("/")
    if "/" not in body:
        return pattern
    try:
        way = Path(os.path.relpath(source, target)).as_posix()
    except ValueError:  # another drive (Windows): anchor at the absolute folder
        way = Path(source).as_posix()
    if way == ".":
        return pattern
    return glob.escape(way) + "/" + pattern.lstrip("/")
