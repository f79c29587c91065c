"""Conferences as reference data: which body met where and when (``data/itu_conferences.csv``).

A style names its conference file in ``[citations] conferences``; rows give the body, the
place, the year, a confidence and other spellings of the place. Kept apart from the rule
so that hover or other rules can ask the same question.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from resolint.citations.refdata import _rows


@dataclass(frozen=True, slots=True)
class Conference:
    body: str
    place: str
    year: int
    confidence: str
    names: tuple[str, ...]  # the place and its aliases, folded


def fold(place: str) -> str:
    """A place as compared: no accents, no case, single spaces ("Montréal" = "montreal")."""
    text = unicodedata.normalize("NFKD", place)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.replace("‑", "-").lower().split())


def _house_rows(path: Path) -> list[dict[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return list(csv.DictReader(ln for ln in lines if ln.strip() and not ln.startswith("#")))


def conferences(filename: str) -> tuple[Conference, ...]:
    """The rows of a built-in data file ("itu_conferences.csv") or of a house file beside
    its configuration ("@conferences.csv", made absolute when the style was loaded)."""
    name = filename[1:] if filename.startswith("@") else filename
    if Path(name).is_absolute():
        return _parse(_house_rows(Path(name)))  # read afresh: the house may edit it
    return _builtin(name)


@functools.cache
def _builtin(filename: str) -> tuple[Conference, ...]:
    return _parse(_rows(filename))


def _parse(rows: list[dict[str, str]]) -> tuple[Conference, ...]:
    out = []
    for row in rows:
        if not (row.get("body") and row.get("place")):
            continue
        try:
            year = int(row["year"])
        except (KeyError, TypeError, ValueError):
            continue
        aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
        names = tuple(fold(n) for n in [row["place"], *aliases])
        out.append(Conference(row["body"].strip(), row["place"].strip(), year, (row.get("confidence") or "").strip(), names))
    return tuple(out)


def matching(filename: str, place: str, year: int, body: str | None) -> list[Conference]:
    """Conferences of ``body`` (any body when None) that met at ``place`` in ``year``."""
    folded = fold(place)
    return [c for c in conferences(filename) if c.year == year and folded in c.names and (body is None or c.body == body)]


def at_place(filename: str, place: str, body: str | None) -> list[Conference]:
    folded = fold(place)
    return [c for c in conferences(filename) if folded in c.names and (body is None or c.body == body)]
