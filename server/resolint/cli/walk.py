"""Finding the files to check in the paths a user names.

Folders are walked in sorted order. Skipped: version-control and tool folders, hidden
folders, what the repository's ``.gitignore`` files ignore (read with ``pathspec``, the
library pre-commit and black use, so the patterns mean what git means), and anything
that is not a regular file (a FIFO would block the read for ever). A sub-folder that
cannot be read is reported, not silently passed over. Whether a regular file is a draft
is decided later, from its text (see :mod:`resolint.cli.drafts`).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from resolint import userregex
from resolint.cli.drafts import is_candidate, matches

if TYPE_CHECKING:  # imported where a .gitignore is read: most runs have none
    import pathspec

#: Folders never searched for drafts.
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"})


@dataclass(slots=True)
class Found:
    """What the walk found: files to check (with whether they were named) and problems."""

    files: list[tuple[Path, bool]] = field(default_factory=list)  # (path, named on the command line)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, what is wrong): exit 2


class _Ignores:
    """The ``.gitignore`` files that apply to a folder, from the repository root down."""

    def __init__(self, specs: tuple[tuple[Path, pathspec.GitIgnoreSpec], ...] = ()) -> None:
        self.specs = specs

    def below(self, folder: Path) -> _Ignores:
        spec = _read_spec(folder / ".gitignore")
        return _Ignores(self.specs + ((folder, spec),)) if spec is not None else self

    def ignored(self, path: Path, is_dir: bool) -> bool:
        verdict = False
        for base, spec in self.specs:  # deeper files override shallower ones, as in git
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                verdict = result.include
        return verdict


def _read_spec(path: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec  # lazy: only where there is a .gitignore: it costs tens of ms to import

    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    # A repository's .gitignore is anyone's: its patterns run with a time limit. pathspec
    # turns "*a*a*a*a*a*a*a*a*b" into a regular expression that took Python's re minutes
    # on a long file name (resolint.userregex).
    for pattern in spec.patterns:
        compiled = getattr(pattern, "regex", None)
        if compiled is not None and isinstance(getattr(compiled, "pattern", None), str):
            pattern.regex = userregex.Timed(compiled.pattern, compiled.flags & ~re.UNICODE)
    return spec


def _ignores_above(folder: Path) -> _Ignores:
    """The ignore files from the repository root (the folder holding ``.git``) to ``folder``."""
    folder = folder.resolve()
    chain = [folder, *folder.parents]
    root = next((d for d in chain if (d / ".git").exists()), None)
    if root is None:
        return _Ignores().below(folder)
    ignores = _Ignores()
    for d in reversed(chain[: chain.index(root) + 1]):
        ignores = ignores.below(d)
    return ignores


@dataclass(frozen=True, slots=True)
class _Patterns:
    """A configuration's ``include`` and ``exclude``, relative to its folder ``root``."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]
    root: str | None


def discover(paths: Iterable[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = (),
             root: str | None = None) -> Found:
    """Files named directly (whatever they are; the caller refuses what it cannot read)
    plus candidate drafts found in named folders (``include`` and ``exclude`` are relative
    to ``root``, the configuration's folder)."""
    found = Found()
    patterns = _Patterns(include, exclude, root)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            _walk(p, _ignores_above(p), patterns, found)
        else:
            found.files.append((p, True))
    return found


def _walk(folder: Path, ignores: _Ignores, patterns: _Patterns, found: Found) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        found.problems.append((str(folder), f"cannot read this folder: {exc.strerror or exc}; its drafts were not checked"))
        return
    for entry in entries:
        path = folder / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            mode = entry.stat(follow_symlinks=True).st_mode if not is_dir else 0
        except OSError:
            continue  # a dangling symlink: nothing to read
        if is_dir:
            if entry.name in SKIP_DIRS or entry.name.startswith(".") or ignores.ignored(path.resolve(), True):
                continue
            _walk(path, ignores.below(path.resolve()), patterns, found)
            continue
        if (not stat.S_ISREG(mode) or not (is_candidate(path) or matches(path, patterns.include, patterns.root))
                or matches(path, patterns.exclude, patterns.root)):
            continue  # FIFOs, sockets, devices, images, code: never opened
        # Resolving a path costs system calls: only where an ignore file could match it.
        if ignores.specs and ignores.ignored(path.resolve().parent / entry.name, False):
            continue
        found.files.append((path, False))
