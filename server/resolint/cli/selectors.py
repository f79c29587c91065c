"""The ``--select`` / ``--ignore`` option type of ``check`` and ``annotate``."""

from __future__ import annotations

import argparse

from resolint.codes import first_unknown
from resolint.config import house_codes_here


def codes_option(value: str) -> tuple[str, ...]:
    """Comma-separated codes or prefixes, each naming a rule (a house rule of the working
    folder's configuration counts): a typo would silently turn checks off."""
    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    problem = first_unknown(codes, house_codes_here())
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return codes
