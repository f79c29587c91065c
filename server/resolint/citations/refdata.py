"""Reference data the citation checks compare against: sessions, numbers, instruments.

The data files live with the built-in rule pack (``resolint_rules/data``), found through
the same ``resolint.styles`` entry point the styles use, so ``resolint`` never imports the
rule pack by name. Every file carries its source and confidence in a ``#`` header; this
module reads them once per process. An organization adds its own instruments through
``[terms.instruments]`` in ``resolint.toml`` (see :func:`instruments_for`).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path
from typing import Any

from resolint.records import record
from resolint.styles import builtin_style_dirs


class RefDataError(Exception):
    pass


@functools.cache
def data_dir() -> Path | None:
    for d in builtin_style_dirs():
        cand = d.parent / "data"
        if cand.is_dir():
            return cand
    return None


def data_rows(filename: str) -> list[dict[str, str]]:
    """The rows of the package's data file ``filename`` (no folder: a name in the data
    folder), by column name; none when it is not there. Read afresh at each call: each
    reader keeps what it builds from them (a table of sessions, a spelling list)."""
    folder = data_dir()
    if folder is None or not (folder / filename).is_file():
        return []
    return csv_rows((folder / filename).read_text(encoding="utf-8"))


def csv_rows(text: str) -> list[dict[str, str]]:
    """The rows of a data file's text, as :func:`data_rows` reads them: a CSV whose first
    line read is its header, after the ``#`` lines that say where the data comes from
    (blank lines skipped). A house's own table (``conferences = "@ours.csv"``) is read
    with it too, so that both are read alike."""
    return list(csv.DictReader(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")))


# -- INTERPOL General Assembly ------------------------------------------------------------


@record(frozen=True, slots=True)
class InterpolSession:
    """One session of the INTERPOL General Assembly as the shipped table lists it (year, number,
    host city and country, dates, how sure the row is): what a resolution's symbol, session and
    place are checked against."""

    year: int
    session: int
    city: str
    country: str
    start: dt.date | None
    end: dt.date | None
    status: str
    aliases: tuple[str, ...]
    source: str

    def names(self) -> tuple[str, ...]:
        return (self.city, self.country, *self.aliases)


@functools.lru_cache(maxsize=1)
def _interpol_offsets() -> tuple[tuple[int, int, int], ...]:
    """(first year, first session, year - session) of each run of sessions held one a
    year, from the rows of ``interpol_sessions.csv`` in year order (kb §3.3: year - 1931
    to 2019, year - 1932 from 2021)."""
    runs: list[tuple[int, int, int]] = []
    for row in sorted(interpol_sessions().values(), key=lambda r: r.year):
        offset = row.year - row.session
        if not runs or runs[-1][2] != offset:
            runs.append((row.year, row.session, offset))
    return tuple(runs)


@functools.lru_cache(maxsize=1)
def interpol_no_session_years() -> frozenset[int]:
    """Years without an INTERPOL General Assembly session (2020: the 89th was postponed
    to 2021), read from the data: a year between two rows one year apart on each side
    whose session numbers follow each other."""
    rows = interpol_sessions()
    return frozenset(
        year + 1
        for year, row in rows.items()
        if year + 1 not in rows and (after := rows.get(year + 2)) is not None and after.session == row.session + 1
    )


def _offset(value: int, field: int) -> int | None:
    """year - session of the run that ``value`` (a year: ``field`` 0, a session: 1)
    falls in; the first run's before the data starts; None without data."""
    runs = _interpol_offsets()
    if not runs:
        return None
    return next((run[2] for run in reversed(runs) if run[field] <= value), runs[0][2])


def interpol_table_holds(year: int) -> bool:
    """Whether ``year`` lies within the years of the session table (its first row to its
    last). Its rule (session = year - 1931 to 2019, year - 1932 from 2021) is derived from
    its rows: after the last, a session may be postponed, as 2020's was, and before the
    first the numbering is not in the data. Outside, the session of a year is not known,
    and checks must not say it (:func:`interpol_session_for_year` still extrapolates, for
    what only describes)."""
    rows = interpol_sessions()
    return bool(rows) and min(rows) <= year <= max(rows)


def interpol_session_for_year(year: int) -> int | None:
    """The session held in ``year`` (None for a year without one, or without data)."""
    offset = _offset(year, 0)
    return None if offset is None or year in interpol_no_session_years() else year - offset


def interpol_year_for_session(session: int) -> int | None:
    """The year ``session`` was held (None without data)."""
    offset = _offset(session, 1)
    return None if offset is None else session + offset


def _date(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def interpol_sessions() -> dict[int, InterpolSession]:
    out = {}
    for r in data_rows("interpol_sessions.csv"):
        s = InterpolSession(
            int(r["year"]), int(r["session"]), r["city"], r["country"], _date(r["start_date"]), _date(r["end_date"]),
            r["status"], tuple(a for a in r.get("aliases", "").split("|") if a), r["source"],
        )
        out[s.year] = s
    return out


# -- United Nations General Assembly and Security Council ---------------------------------


@functools.lru_cache(maxsize=1)
def ga_window_rule() -> tuple[int, tuple[int, int], tuple[int, int]]:
    """(year offset, (month, day) the window opens, (month, day) it closes), from
    ``un_ga_sessions.toml``; the kb §4.1 values when the file is absent."""
    folder = data_dir()
    offset, start, end = 1945, (9, 1), (9, 30)
    if folder is not None and (folder / "un_ga_sessions.toml").is_file():
        with (folder / "un_ga_sessions.toml").open("rb") as fh:
            w = tomllib.load(fh).get("window", {})
        offset = int(w.get("first-year-offset", offset))
        start = tuple(int(x) for x in str(w.get("start", "09-01")).split("-"))  # type: ignore[assignment]
        end = tuple(int(x) for x in str(w.get("end", "09-30")).split("-"))  # type: ignore[assignment]
    return offset, start, end


@functools.lru_cache(maxsize=1)
def ga_anchors() -> tuple[tuple[str, dt.date], ...]:
    folder = data_dir()
    if folder is None or not (folder / "un_ga_sessions.toml").is_file():
        return ()
    with (folder / "un_ga_sessions.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    return tuple((a["resolution"], dt.date.fromisoformat(a["date"])) for a in raw.get("anchors", []))


#: The Human Rights Council's first regular session met in June 2006; it has held three
#: regular sessions a year since (kb §4: the sessions of year Y are 3(Y-2007)+4 to +6;
#: A/RES/60/251, para. 10: "no fewer than three sessions per year").
HRC_FIRST_YEAR = 2006
HRC_SESSIONS_A_YEAR = 3


def hrc_session_year(session: int) -> int:
    """The year regular session ``session`` of the Human Rights Council met in."""
    return HRC_FIRST_YEAR + (session - 1) // HRC_SESSIONS_A_YEAR


def ga_session_window(session: int) -> tuple[dt.date, dt.date]:
    """Dates a resolution of regular session ``session`` may bear (kb §4.1).

    Session N opens in September of 1945+N and runs until session N+1 opens; the exact
    opening day varies (UNVERIFIED for most sessions), so the window is generous:
    1 September of 1945+N to 30 September of 1946+N (``un_ga_sessions.toml``).
    """
    offset, (sm, sd), (em, ed) = ga_window_rule()
    return dt.date(offset + session, sm, sd), dt.date(offset + 1 + session, em, ed)


def ga_sessions_for_date(date: dt.date) -> tuple[int, ...]:
    """The regular sessions whose window contains ``date`` (one or two near September)."""
    return tuple(s for s in (date.year - 1946, date.year - 1945) if s >= 1 and ga_session_window(s)[0] <= date <= ga_session_window(s)[1])


@record(frozen=True, slots=True)
class ScYear:
    """The first Security Council resolution number of a year, as the shipped table has it (with
    bounds where only bounds are known): what a cited resolution's year is checked against."""

    year: int
    first: int
    status: str
    #: The bounds of the first number where the evidence gives only bounds (``first_low``,
    #: ``first_high`` in the file); both ``first`` where it is known.
    low: int = 0
    high: int = 0


def _bound(row: dict[str, str], key: str, first: int) -> int:
    value = (row.get(key) or "").strip()
    return int(value) if value.isdigit() else first


@functools.lru_cache(maxsize=1)
def sc_first_numbers() -> dict[int, ScYear]:
    out = {}
    for r in data_rows("unsc_first_resolution_by_year.csv"):
        year, first = int(r["year"]), int(r["first_number"])
        out[year] = ScYear(year, first, r["status"], _bound(r, "first_low", first), _bound(r, "first_high", first))
    return out


@functools.lru_cache(maxsize=4096)
def sc_possible_years(number: int) -> tuple[int, ...]:
    """The years of the table ``number`` may be of, given the bounds of each first number:
    year Y when Y's first may be at most ``number`` and Y+1's may be above it. One year
    where the first numbers are known; two near a first number known only by its bounds
    ("2760": 2024 or 2025, as the first of 2025 lies between 2751 and 2772). The table's
    last year stands for "that year or later"; empty before the table."""
    table = sc_first_numbers()
    return tuple(
        y for y, row in sorted(table.items())
        if row.low <= number and (y + 1 not in table or number < table[y + 1].high)
    )


@functools.lru_cache(maxsize=4096)
def sc_years_for_number(number: int) -> tuple[int | None, int | None, bool]:
    """(year the table puts ``number`` in, or None outside the table; tolerance needed?).

    Returns (year, nearest boundary distance, certain). ``certain`` is False when the
    number sits within 3 of a boundary set by a 'recall' row (kb §4.2). Kept per number:
    the table is built in, and a compilation of Council resolutions cites the same
    numbers after every keystroke (3% of one, a pass over the table's years each time).
    """
    table = sc_first_numbers()
    if not table:
        return None, None, False
    years = sorted(table)
    if number < table[years[0]].first:
        return None, None, True
    year = years[0]
    for y in years:
        if table[y].first <= number:
            year = y
    lo = table[year].first
    hi = table[year + 1].first if year + 1 in table else None
    dist = min(number - lo, (hi - number) if hi is not None else 10**6)
    soft = {table[year].status}
    if year + 1 in table:
        soft.add(table[year + 1].status)
    certain = not (dist < 3 and any(s.startswith("recall") for s in soft))
    return year, dist, certain


# -- Instruments --------------------------------------------------------------------------


@record(frozen=True, slots=True)
class Variant:
    """A wrong name drafters write for an instrument, with its correction."""

    pattern: re.Pattern[str]
    fix: str
    safe: bool
    why: str


@record(frozen=True, slots=True)
class Instrument:
    """A convention, declaration or charter that drafts cite, as the shipped list (or a
    style's ``terms``) registers it: its title, short form and aliases, who adopted it and
    when, its articles and their titles, and the wrong names a drafter may write for it."""

    key: str
    title: str
    short: str
    aliases: tuple[str, ...] = ()
    kind: str = "convention"
    adopted_by: str = ""
    adopted_on: dt.date | None = None
    #: "adopted" when ``adopted_on`` is the day a conference adopted a treaty that no
    #: resolution adopted (the Treaty on the Prohibition of Nuclear Weapons: 7 July 2017),
    #: so a day said for its adoption is compared with it; otherwise such a date may be the
    #: day the treaty was done or opened for signature, which differs from its adoption.
    date_kind: str = ""
    articles: int | None = None
    article_titles: dict[int, str] = field(default_factory=dict, hash=False, compare=False)
    article_case: str = ""
    status: str = "unverified"
    articles_status: str = ""
    related: str = ""
    variants: tuple[Variant, ...] = ()
    custom: bool = False  # from an organization's configuration

    @property
    def articles_verified(self) -> bool:
        return (self.articles_status or self.status) == "verified"

    def __hash__(self) -> int:
        """The key and title only (equal instruments have equal ones): tuples of
        instruments key the caches of their matchers, and hashing every field of every
        instrument, compiled variants included, was a per-document cost."""
        return hash((self.key, self.title))

    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.title, self.short, *self.aliases)))

    def describe(self) -> str:
        """One line for hover: short title, adoption, size, then the full title if longer."""
        desc = self.short
        if self.adopted_by:
            desc += f", adopted by General Assembly resolution {self.adopted_by}"
            if self.adopted_on:
                desc += f" of {format_date(self.adopted_on)}"
        elif self.adopted_on:
            desc += f", of {format_date(self.adopted_on)}"
        if self.articles:
            desc += f"; {self.articles} articles"
        if self.status != "verified":
            desc += f" (reference data {self.status})"
        if self.title != self.short:
            desc += f". Full title: {self.title}"
        return desc


def format_date(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _article_titles(filename: str) -> dict[int, str]:
    out = {}
    for r in data_rows(filename):
        try:
            out[int(r["article"])] = r["title"]
        except (KeyError, ValueError):
            continue
    return out


def _instrument(key: str, body: dict[str, Any], custom: bool) -> Instrument:
    variants = []
    for v in body.get("variants", []) or []:
        text = v.get("text", "")
        if not text:
            continue
        # Literal first (the regex engine then scans for it fast); the word boundary before
        # the match is checked by the extractor.
        pattern = re.compile(rf"{text if not custom else re.escape(text)}(?![\w-])")
        variants.append(Variant(pattern, v.get("fix", body.get("title", key)), bool(v.get("safe", False)), v.get("why", "")))
    title = body.get("title", key)
    articles = body.get("articles")
    return Instrument(
        key=key,
        title=title,
        short=body.get("short", title),
        aliases=tuple(body.get("aliases", []) or []),
        kind=body.get("kind", "convention"),
        adopted_by=str(body.get("adopted_by", "")),
        adopted_on=_date(str(body.get("adopted_on", ""))),
        date_kind=str(body.get("date_kind", "")) if not custom else "",
        articles=int(articles) if isinstance(articles, int) else None,
        article_titles=_article_titles(body["article_file"]) if body.get("article_file") else {},
        article_case=body.get("article_case", ""),
        status=body.get("status", "unverified" if custom else "verified"),
        articles_status=body.get("articles_status", ""),
        related=body.get("related", ""),
        variants=tuple(variants),
        custom=custom,
    )


@functools.lru_cache(maxsize=1)
def builtin_instruments() -> tuple[Instrument, ...]:
    folder = data_dir()
    if folder is None or not (folder / "instruments.toml").is_file():
        return ()
    with (folder / "instruments.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    return tuple(_instrument(k, v, False) for k, v in raw.get("instruments", {}).items())


def custom_instruments(terms: dict[str, Any]) -> tuple[Instrument, ...]:
    """Instruments an organization declares in ``[terms.instruments."Title"]``.

    The table's key is the exact official title; ``status`` defaults to ``unverified``
    (so article counts give warnings, not errors) unless the organization says otherwise.
    """
    table = terms.get("instruments") if isinstance(terms, dict) else None
    if not isinstance(table, dict):
        return ()
    out = []
    for title, body in table.items():
        if not isinstance(body, dict):
            continue
        out.append(_instrument(f"custom:{title}", {"title": title, **body}, True))
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _instruments_cached(frozen: tuple) -> tuple[Instrument, ...]:
    custom = custom_instruments({"instruments": _thaw(frozen)})
    titles = {i.title for i in custom}
    return tuple(i for i in builtin_instruments() if i.title not in titles) + custom


def instruments_for(terms: dict[str, Any] | None) -> tuple[Instrument, ...]:
    """Built-in instruments plus the organization's own (its entry wins on the same title)."""
    if not terms or "instruments" not in terms:
        return builtin_instruments()
    return _instruments_cached(_freeze(terms.get("instruments")))


def instrument_by_key(key: str, terms: dict[str, Any] | None = None) -> Instrument | None:
    return next((i for i in instruments_for(terms) if i.key == key), None)


def _freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return ("__d", tuple(sorted((k, _freeze(v)) for k, v in obj.items())))
    if isinstance(obj, list):
        return ("__l", tuple(_freeze(v) for v in obj))
    return obj


def _thaw(obj: Any) -> Any:
    if isinstance(obj, tuple) and obj and obj[0] == "__d":
        return {k: _thaw(v) for k, v in obj[1]}
    if isinstance(obj, tuple) and obj and obj[0] == "__l":
        return [_thaw(v) for v in obj[1]]
    return obj


def iter_sorted_names(instruments: Iterable[Instrument]) -> list[tuple[str, Instrument, str]]:
    """(name, instrument, form) for every name, longest first (longest match wins)."""
    out = []
    for inst in instruments:
        for name, form in ((inst.title, "title"), (inst.short, "short"), *((a, "alias") for a in inst.aliases)):
            out.append((name, inst, form))
    seen = set()
    uniq = []
    for name, inst, form in sorted(out, key=lambda t: -len(t[0])):
        if (name, inst.key) in seen:
            continue
        seen.add((name, inst.key))
        uniq.append((name, inst, form))
    return uniq
