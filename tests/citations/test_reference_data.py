"""The reference data shipped with the rules: loadable, consistent, and carrying its source."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import SHARED

from resolint.citations.refdata import (
    builtin_instruments,
    csv_rows,
    data_dir,
    data_rows,
    ga_anchors,
    ga_session_window,
    ga_sessions_for_date,
    interpol_no_session_years,
    interpol_session_for_year,
    interpol_sessions,
    interpol_year_for_session,
    sc_first_numbers,
    sc_years_for_number,
)


def test_every_data_file_names_its_source():
    folder = data_dir()
    assert folder is not None
    for path in list(folder.glob("*.csv")) + list(folder.glob("*.toml")):
        head = path.read_text(encoding="utf-8").splitlines()[:6]
        assert any(line.startswith("#") and "ource" in line for line in head), f"{path.name} has no source line"


def test_data_rows_read_the_package_file_and_csv_rows_its_text():
    text = "# Source: written for this test\n# Confidence: none\n\nbody,year\nPP,2018\n\nWTSA,2020\n"
    assert csv_rows(text) == [{"body": "PP", "year": "2018"}, {"body": "WTSA", "year": "2020"}]
    rows = data_rows("un_programme_names.csv")
    assert rows and all(r["name"] for r in rows)
    assert data_rows("no_such_table.csv") == []


def test_no_module_imports_a_private_name_of_the_reference_data():
    """The rules read the data files through ``data_rows``/``csv_rows``: a private name
    imported elsewhere (``_rows`` was, by three rule modules) ties them to its internals."""
    root = Path(__file__).resolve().parents[2]
    found = [
        f"{path.relative_to(root)}: {line.strip()}"
        for folder in ("server", "rules")
        for path in sorted((root / folder).rglob("*.py"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*from resolint\.citations\.refdata import .*\b_\w", line)
    ]
    assert found == []


def test_interpol_rule_matches_every_row_of_the_table():
    rows = interpol_sessions()
    assert 2020 not in rows and interpol_session_for_year(2020) is None
    assert len(rows) >= 30
    for year, row in rows.items():
        assert interpol_session_for_year(year) == row.session, year
        assert interpol_year_for_session(row.session) == year, row.session


def test_the_year_without_a_session_comes_from_the_table():
    # kb §3.3: none in 2020 (the 89th was postponed to 2021); the table has 2019 (88th)
    # and 2021 (89th) and no row for 2020, which is all the code reads.
    assert interpol_no_session_years() == frozenset({2020})
    # Outside the table the offsets of its first and last runs continue.
    assert interpol_session_for_year(1950) == 19 and interpol_session_for_year(2030) == 98
    assert interpol_year_for_session(19) == 1950 and interpol_year_for_session(98) == 2030


def test_security_council_table_is_increasing_and_places_numbers():
    table = sc_first_numbers()
    years = sorted(table)
    assert years[0] == 2000 and years[-1] == 2025
    assert all(table[a].first < table[b].first for a, b in zip(years, years[1:], strict=False))
    assert sc_years_for_number(2178)[0] == 2014  # kb §4.2 anchor: 2178 (2014) of 24 September 2014
    assert sc_years_for_number(2504)[0] == 2020  # VERIFIED first of 2020
    assert sc_years_for_number(1000)[0] is None  # before the table


def test_ga_session_windows_hold_the_kb_anchors():
    anchors = ga_anchors()
    assert len(anchors) >= 5
    for resolution, date in anchors:
        session = int(resolution.split("/")[0])
        lo, hi = ga_session_window(session)
        assert lo <= date <= hi, resolution
        assert session in ga_sessions_for_date(date)
    # and the window is not so wide that it accepts the neighbouring sessions' dates
    assert not ga_session_window(71)[0] <= dt.date(2015, 12, 1) <= ga_session_window(71)[1]


def test_instruments_and_article_tables():
    by_key = {i.key: i for i in builtin_instruments()}
    assert {"un-cybercrime", "budapest", "untoc", "uncac", "crc", "charter"} <= set(by_key)
    un, bud = by_key["un-cybercrime"], by_key["budapest"]
    assert un.articles == 68 and len(un.article_titles) == 68
    assert bud.articles == 48 and len(bud.article_titles) == 48
    assert un.article_titles[41] == "24/7 network" and bud.article_titles[35] == "24/7 Network"
    assert un.adopted_by == "79/243" and un.adopted_on == dt.date(2024, 12, 24)
    assert by_key["charter"].article_case == "upper"


@pytest.mark.parametrize("name", ["cybercrime_convention_articles.csv", "budapest_convention_articles.csv"])
def test_article_titles_agree_with_the_shared_kb(name):
    kb = SHARED / "kb" / name
    if not kb.is_file():
        pytest.skip("../shared/kb is not present")
    ours = {int(r["article"]): r["title"] for r in csv.DictReader(l for l in (data_dir() / name).read_text(encoding="utf-8").splitlines() if not l.startswith("#"))}
    theirs = {int(r["article"]): r["title"] for r in csv.DictReader(kb.read_text(encoding="utf-8").splitlines())}
    assert ours == theirs


def test_conference_lookups_answer_as_a_pass_over_every_row():
    """The conference index (by place, by year and place) gives what a pass over every
    row gives, for every place and alias written as the data has it, folded otherwise,
    in the years around each meeting, with and without a body."""
    from resolint_rules.cit.conference_data import at_place, conferences, fold, matching

    rows = conferences("itu_conferences.csv")
    assert rows
    bodies = sorted({c.body for c in rows}) + ["No such body", None]
    places = {n for c in rows for n in c.names} | {c.place for c in rows} | {c.place.upper() for c in rows}
    for place in sorted(places):
        folded = fold(place)
        for body in bodies:
            expect = [c for c in rows if folded in c.names and (body is None or c.body == body)]
            assert at_place("itu_conferences.csv", place, body) == expect
            for year in {c.year + d for c in expect for d in (-1, 0, 1)} or {2000}:
                assert matching("itu_conferences.csv", place, year, body) == [c for c in expect if c.year == year]
