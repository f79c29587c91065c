"""Conferences as reference data: which body met where and when (``data/itu_conferences.csv``).

A style names its conference file in ``[citations] conferences``; rows give the body, the
place, the year, a confidence and other spellings of the place. Kept apart from the rule
so that hover or other rules can ask the same question.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from pathlib import Path

from resolint.citations.refdata import csv_rows, data_rows
from resolint.records import record


@record(frozen=True, slots=True)
class Conference:
    """A conference of a body (an ITU Plenipotentiary, a World Radiocommunication Conference …)
    from the shipped table: where and when it met, how sure the row is, and the folded names
    of its place, so a resolution's "(Place, Year)" can be checked against it."""

    body: str
    place: str
    year: int
    confidence: str
    names: tuple[str, ...]  # the place and its aliases, folded


@functools.lru_cache(maxsize=4096)
def fold(place: str) -> str:
    """A place as compared: no accents, no case, single spaces ("Montréal" = "montreal").
    Kept per place: a compilation of ITU resolutions cites the same few hundred times."""
    text = unicodedata.normalize("NFKD", place)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.replace("‑", "-").lower().split())


def _house_rows(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return csv_rows(text)


def conferences(filename: str) -> tuple[Conference, ...]:
    """The rows of a built-in data file ("itu_conferences.csv") or of a house file beside
    its configuration ("@conferences.csv", made absolute when the style was loaded)."""
    return _index(filename).rows


@record(frozen=True, slots=True)
class _Index:
    """A file's conferences, and the same found by place (each folded name) and by year
    and place: a check is then a lookup, not a pass over every row for every citation
    (a third of a keystroke's CIT013 in a compilation of ITU resolutions)."""

    rows: tuple[Conference, ...]
    by_place: dict[str, list[Conference]]
    by_year_place: dict[tuple[int, str], list[Conference]]
    #: The latest year the data holds, by body ("" for any body).
    last_year: dict[str, int]

    @classmethod
    def of(cls, rows: tuple[Conference, ...]) -> _Index:
        by_place: dict[str, list[Conference]] = {}
        by_year_place: dict[tuple[int, str], list[Conference]] = {}
        last_year: dict[str, int] = {}
        for c in rows:
            for name in dict.fromkeys(c.names):  # a row listed once under each of its names
                by_place.setdefault(name, []).append(c)
                by_year_place.setdefault((c.year, name), []).append(c)
            for body in (c.body, ""):
                last_year[body] = max(last_year.get(body, c.year), c.year)
        return cls(rows, by_place, by_year_place, last_year)


def _where(filename: str) -> tuple[str, bool]:
    """(the file's name, whether it is a house's own): "@/…/sessions.csv", as the
    configuration resolves a house's file, or a name of the built-in data."""
    name = filename[1:] if filename.startswith("@") else filename
    return name, os.path.isabs(name)  # (asked for every citation: no Path object)


def _index(filename: str) -> _Index:
    name, house = _where(filename)
    if not house:
        return _builtin(name)
    try:
        st = os.stat(name)
    except OSError:
        return _house_index(Path(name), None)
    return _house_index(Path(name), (st.st_mtime_ns, st.st_size))  # read again once the house edits it


@functools.lru_cache(maxsize=8)
def _house_index(path: Path, version: tuple[int, int] | None) -> _Index:
    return _Index.of(_parse(_house_rows(path)))


@functools.cache
def _builtin(filename: str) -> _Index:
    return _Index.of(_parse(data_rows(filename)))


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
    found = _index(filename).by_year_place.get((year, fold(place)), [])
    return [c for c in found if body is None or c.body == body]


def after_the_data(filename: str, year: int, body: str | None) -> bool:
    """Whether ``year`` is after the latest conference of ``body`` (any body when None)
    the built-in data holds: a snapshot cannot say where such a conference met (a draft
    at this year's conference cites it, "Resolution 71 (Rev. Doha, 2026)"). A house's own
    file (``@sessions.csv``) is its list of every session: a year it lacks is reported."""
    if _where(filename)[1]:
        return False
    last = _index(filename).last_year.get(body or "")
    return last is None or year > last


def at_place(filename: str, place: str, body: str | None) -> list[Conference]:
    found = _index(filename).by_place.get(fold(place), [])
    return [c for c in found if body is None or c.body == body]
