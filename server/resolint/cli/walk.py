"""Finding the files to check in the paths a user names.

Folders are walked in sorted order. Skipped: version-control and tool folders, hidden
folders, what the repository's ``.gitignore`` files ignore (read with ``pathspec``, the
library pre-commit and black use, so the patterns mean what git means), and anything
that is not a regular file (a FIFO would block the read for ever). A sub-folder that
cannot be read is reported, not silently passed over. Whether a regular file is a draft
is decided later, from its text (see :mod:`resolint.cli.drafts`).

Each file is checked once, however often it is reached: named twice, named and found in
a named folder, or reached through a symbolic or hard link (the same device and inode).
Checked twice, it was counted twice, and ``--diff`` printed its patch twice, which
``git apply`` refuses (the second copy no longer applies).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from resolint import userregex
from resolint.cli.drafts import is_candidate, matches
from resolint.records import record

if TYPE_CHECKING:  # imported where a .gitignore is read: most runs have none
    import pathspec

#: Folders never searched for drafts.
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"})


@record(slots=True)
class Found:
    """What the walk found: files to check (with whether they were named) and problems."""

    files: list[tuple[Path, bool]] = field(default_factory=list)  # (path, named on the command line)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, what is wrong): exit 2
    seen: dict[tuple, int] = field(default_factory=dict)  # a file's identity -> its place in files

    def add(self, path: Path, named: bool, st: os.stat_result | None = None) -> None:
        """Add ``path`` unless the same file is there already (then it counts as named if
        either was). A path that cannot be stat'ed (missing, dangling) is told apart by
        its absolute spelling: its error is reported once too."""
        key = _identity(path, st)
        place = self.seen.get(key)
        if place is None:
            self.seen[key] = len(self.files)
            self.files.append((path, named))
        elif named and not self.files[place][1]:
            self.files[place] = (self.files[place][0], True)


def _identity(path: Path, st: os.stat_result | None) -> tuple:
    if st is None:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return ("path", os.path.abspath(path))
    if not st.st_ino:  # a file system with no inode numbers
        return ("path", os.path.realpath(path))
    return ("inode", st.st_dev, st.st_ino)


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
    root = next((d for d in chain if _has_git(d)), None)
    if root is None:
        return _Ignores().below(folder)
    ignores = _Ignores()
    for d in reversed(chain[: chain.index(root) + 1]):
        ignores = ignores.below(d)
    return ignores


def _has_git(folder: Path) -> bool:
    """Whether ``folder`` holds ``.git``; False when the system will not say. A folder
    that may be listed but not searched (mode r--, a slip of chmod) answers "Permission
    denied" for any name in it, which ``Path.exists`` raises: ``check FOLDER`` was an
    internal error. Its listing is then refused with the usual problem (:func:`_walk`)."""
    try:
        return (folder / ".git").exists()
    except OSError:
        return False


@record(frozen=True, slots=True)
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
            found.add(p, True)
    return found


def _refused_candidate(exc: OSError, path: Path, patterns: _Patterns) -> bool:
    """Whether a file the system would not ``stat`` is one to report. In a folder that may
    be listed but not searched (mode r--, for a user who is not its owner) every name is
    refused so ("Permission denied"), and its drafts were passed over without a word:
    ``check FOLDER`` said "No draft checked" and exited 0. Such a name, if it could be a
    draft, is reported as a file that cannot be read; a dangling link or a loop of links
    (nothing to read) is still passed over."""
    if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):
        return False
    return (is_candidate(path) or matches(path, patterns.include, patterns.root)) and not matches(path, patterns.exclude, patterns.root)


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
            st = entry.stat(follow_symlinks=True) if not is_dir else None
        except OSError as exc:
            if _refused_candidate(exc, path, patterns):
                found.add(path, False)  # the reader says why ("cannot read: Permission denied")
            continue  # a dangling symlink or a loop of links: nothing to read
        if is_dir:
            if entry.name in SKIP_DIRS or entry.name.startswith(".") or ignores.ignored(path.resolve(), True):
                continue
            _walk(path, ignores.below(path.resolve()), patterns, found)
            continue
        if (st is None or not stat.S_ISREG(st.st_mode) or not (is_candidate(path) or matches(path, patterns.include, patterns.root))
                or matches(path, patterns.exclude, patterns.root)):
            continue  # FIFOs, sockets, devices, images, code: never opened
        # Resolving a path costs system calls: only where an ignore file could match it.
        if ignores.specs and ignores.ignored(path.resolve().parent / entry.name, False):
            continue
        found.add(path, False, st)
