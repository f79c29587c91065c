"""Where a phrase list's ``@file`` include may read from, and the checks on configuration
values that every layer gets (nesting depth, finite numbers).

A configuration is data from the project, and the editor shows what it reads (completion
items list a phrase file's lines). So an include is read only from inside the
configuration's own folder (a house may keep its phrase file beside its
``resolint.toml``) or from the package's own data; an absolute path, a ``..`` that leaves
the folder, a symbolic link pointing out of it, a file that is not UTF-8 text or is
unreasonably large is a configuration error naming the file and the key.
"""

from __future__ import annotations

import errno
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: A phrase file is a list of openers or terms: far below this.
MAX_INCLUDE_BYTES = 1_000_000
#: TOML tables and arrays nested deeper than this are refused (a style is 3 deep).
MAX_DEPTH = 32


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link and ``..`` resolved, lies in ``folder``."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def link_loop(path: Path) -> bool:
    """Whether following ``path``'s symbolic links never reaches a file (a loop, or more
    links in a row than the system follows: ELOOP). Told apart so that the error says so:
    ``resolve()`` raises RuntimeError for a loop on Python 3.11, which read as a name
    "outside the configuration's folder", and keeps the loop on 3.13 (then "no such file")."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    except ValueError:  # a NUL byte: said elsewhere
        return False
    return False


#: What a loop of links is called in a configuration error (an include's or an extend's).
LINK_LOOP = "leads into a loop of symbolic links (each names another, none a file)"


def read_include(name: str, folder: Path) -> tuple[str, ...] | None:
    """The phrases of ``@name`` read from ``folder``, or None if no such file is there.

    Raises ValueError (with the reason) for a name that leaves the folder or a file that
    cannot be read as phrases.
    """
    if not name or "\x00" in name or Path(name).is_absolute() or Path(name).drive:
        raise ValueError(f"'@{name}': an include must name a file inside the configuration's folder, not an absolute path")
    target = folder / name
    if link_loop(target):
        raise ValueError(f"'@{name}' {LINK_LOOP}")
    if not inside(target, folder):
        raise ValueError(f"'@{name}' is outside the configuration's folder ({folder})")
    try:
        # (exists() and is_file() raise for a name the system refuses: one too long)
        if not target.exists():
            return None
        if not target.is_file():
            raise ValueError(f"'@{name}' is not a regular file")
        if target.stat().st_size > MAX_INCLUDE_BYTES:
            raise ValueError(f"'@{name}' is over {MAX_INCLUDE_BYTES // 1_000_000} MB: not a phrase list")
        text = target.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"'@{name}' is not UTF-8 text") from None
    except OSError as exc:
        raise ValueError(f"'@{name}' cannot be read: {exc.strerror or exc}") from None
    return tuple(s.strip() for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#"))


def resolve_style_includes(
    body: dict[str, Any], folder: Path | None, in_package: Callable[[str], bool], error: Callable[[str, str], Exception]
) -> dict[str, Any]:
    """``body`` (a style table) with each ``@name`` in its lists resolved.

    A file in the configuration's folder is read and its lines put in its place; a name
    of the package's data (``in_package``) is kept for the style loader; anything else
    raises ``error(key, problem)``.
    """

    def walk(value: Any, key: str) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, f"{key}.{k}") for k, v in value.items()}
        if isinstance(value, list):
            out: list[Any] = []
            for item in value:
                if isinstance(item, str) and item.startswith("@"):
                    name = item[1:]
                    try:
                        lines = read_include(name, folder) if folder is not None else None
                    except ValueError as exc:
                        raise error(key, str(exc)) from None
                    if lines is not None:
                        out.extend(lines)
                    elif in_package(name):
                        out.append(item)
                    else:
                        where = f"the configuration's folder ({folder}) or " if folder is not None else ""
                        raise error(key, f"'{item}': no such file in {where}the package's data")
                else:
                    out.append(walk(item, key))
            return out
        return value

    return walk(body, "")


def check_values(table: Any, error: Callable[[str, str], Exception]) -> None:
    """Refuse nesting deeper than MAX_DEPTH and numbers that are not finite, anywhere.

    Iterative, so a hostile file cannot exhaust the stack here.
    """
    stack: list[tuple[Any, str, int]] = [(table, "", 0)]
    while stack:
        value, key, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise error(key, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, float) and not math.isfinite(value):
            raise error(key, f"expected a finite number, got {value!r}")
        if isinstance(value, dict):
            stack.extend((v, f"{key}.{k}" if depth else str(k), depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, key, depth + 1) for v in value)
