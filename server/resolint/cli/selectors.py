"""The ``--select`` / ``--ignore`` option type of ``check`` and ``annotate``."""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from resolint.codes import first_unknown
from resolint.config import find_config, house_codes_here


@functools.lru_cache(maxsize=4)
def _house_codes_in(folder: Path, config: Path | None, mtime_ns: int) -> tuple[str, ...]:
    """The house rule codes of the working folder's configuration, read once per run and
    file version (``--select`` and ``--ignore`` both ask; reading them means loading the
    configuration and building its rules)."""
    return house_codes_here()


def _house_codes() -> tuple[str, ...]:
    folder = Path.cwd()
    config = find_config(folder)
    try:
        mtime_ns = config.stat().st_mtime_ns if config else 0
    except OSError:
        mtime_ns = -1
    return _house_codes_in(folder, config, mtime_ns)


def codes_option(value: str) -> tuple[str, ...]:
    """Comma-separated codes or prefixes, each naming a rule (a house rule of the working
    folder's configuration counts): a typo would silently turn checks off.

    A stray comma or space between codes is ignored ("PRE,OPR001," as a comment
    directive's list reads it), but a value that names no code at all ("", " ", ",") is
    refused like an unknown code: ``--select ''`` checked every rule and ``--ignore ''``
    none without a word, whatever the user meant by it."""
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    if not codes:
        raise argparse.ArgumentTypeError(f"no rule code in {value!r} (write codes or prefixes separated by commas, "
                                         "e.g. PRE,OPR001, or ALL for every rule)")
    # The house rules are read only when a code names no built-in rule.
    problem = first_unknown(codes) and first_unknown(codes, _house_codes())
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return codes
