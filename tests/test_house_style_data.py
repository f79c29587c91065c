"""A body defined from data alone: a style in resolint.toml, its phrase files beside it.

No Python describes the body below: the test writes a configuration and phrase files,
then lints a draft in that body's shape (grouped clauses, its own openers)."""

from __future__ import annotations

import textwrap

import pytest

from resolint.config import ConfigError, load_settings
from resolint.engine import lint
from resolint.styles import load_style

CONFIG = textwrap.dedent(
    """
    style = "auto"

    [styles.rivers]
    extends = "_base"
    description = "Northern Rivers Commission (invented for this test)"

    [styles.rivers.detect]
    priority = 40
    opening = ['^\\W*The Northern Rivers Commission\\b']

    [styles.rivers.openers]
    case = "lower"
    preambular = ["@phrases/rivers-preamble.txt"]
    operative = ["@phrases/rivers-operative.txt"]

    [styles.rivers.groups]
    used = true
    item-terminal = ";"
    last-item-terminal = ","
    final-terminal = "."

    [styles.rivers.numbering]
    operative = "optional"
    form = "#."

    [styles.rivers.terms]
    chief = "Secretary of the Commission"
    members = "Riparian States"
    """
)

DRAFT = """The Northern Rivers Commission,

having regard to

a) the flood reports of the basins;

c) the drought survey of the upper valleys,

whereupon

a) the survey was delayed,

decides

1. to publish the flood maps;

3. to review the survey every year;

2. to report to the next session.
"""


@pytest.fixture()
def house(tmp_path):
    (tmp_path / "phrases").mkdir()
    (tmp_path / "phrases" / "rivers-preamble.txt").write_text("# openers of the preamble\nhaving regard to\nnoting\n", encoding="utf-8")
    (tmp_path / "phrases" / "rivers-operative.txt").write_text("decides\nrequests\n", encoding="utf-8")
    config = tmp_path / "resolint.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return tmp_path


def _line(result, f):
    return result.source.position(f.span.start).line + 1


def test_a_body_from_data_alone_is_detected_and_linted(house):
    settings = load_settings(house / "resolint.toml")
    result = lint(DRAFT, settings, path=str(house / "draft.txt"))
    assert result.style.name == "rivers"
    assert "Northern Rivers Commission" in result.style.detected_because
    found = sorted((f.code, _line(result, f)) for f in result.findings if f.severity.value in ("warning", "error"))
    # The skipped letter, the opener its own file does not list, the numbering break; the
    # groups, their marks and the house's own openers are all accepted.
    assert found == [("OPR002", 17), ("OPR002", 19), ("PRE002", 9), ("PRE008", 7)]
    assert not result.resolution.unplaced


def test_a_house_style_detected_from_the_opening_is_fixed(house, capsys):
    """--fix refused every draft of an auto-detected house style: the check that the style
    came from the opening, not from prose, detected again without the house styles."""
    from resolint.cli.main import main

    draft = house / "draft.txt"
    draft.write_text(DRAFT.replace("decides", "Decides"), encoding="utf-8")  # a house opener in the wrong case
    main(["check", "--fix", "--config", str(house / "resolint.toml"), str(draft)])
    assert "not fixed" not in capsys.readouterr().err
    assert "\ndecides\n" in draft.read_text(encoding="utf-8")


def test_a_style_sets_rule_options_and_the_top_level_overrides_them(tmp_path):
    """`[styles.NAME.rules.CODE]`, listed among a style's keys, was refused as an unknown
    style key."""
    config = tmp_path / "resolint.toml"
    style = 'style = "house"\n[styles.house]\nextends = "un-ga"\n[styles.house.rules.CIT008]\nmax-year = 1990\n'
    config.write_text(style, encoding="utf-8")
    text = "The General Assembly,\n\nRecalling the Charter of 26 June 2019,\n\n1. Decides to act.\n"
    assert "CIT008" in [f.code for f in lint(text, load_settings(config)).findings]
    config.write_text(style + "[rules.CIT008]\nmax-year = 2050\n", encoding="utf-8")
    assert "CIT008" not in [f.code for f in lint(text, load_settings(config)).findings]
    config.write_text(style.replace("max-year = 1990", "max-yaer = 1990"), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(config)
    assert info.value.key == "styles.house.rules.CIT008.max-yaer" and "max-year" in info.value.problem


def test_house_phrase_files_resolve_beside_the_config(house):
    settings = load_settings(house / "resolint.toml")
    style = load_style("rivers", settings.styles)
    assert style.preambular == ("having regard to", "noting")
    assert style.operative == ("decides", "requests")


def test_an_include_outside_the_config_folder_is_refused(tmp_path):
    (tmp_path / "secret.txt").write_text("recalling\n", encoding="utf-8")
    inner = tmp_path / "org"
    inner.mkdir()
    (inner / "resolint.toml").write_text(
        '[styles.house]\nextends = "un-ga"\n[styles.house.openers]\npreambular = ["@../secret.txt"]\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="outside the configuration's folder"):
        load_settings(inner / "resolint.toml")


def test_extend_adds_to_the_inherited_list(tmp_path):
    (tmp_path / "resolint.toml").write_text(
        '[styles.house]\nextends = "un-ga"\n[styles.house.openers]\nextend-preambular = ["Having listened to"]\n', encoding="utf-8"
    )
    settings = load_settings(tmp_path / "resolint.toml")
    house, base = load_style("house", settings.styles), load_style("un-ga")
    assert house.preambular[: len(base.preambular)] == base.preambular
    assert house.preambular[-1] == "Having listened to"
    # A list given without extend- replaces the inherited one.
    (tmp_path / "resolint.toml").write_text(
        '[styles.house]\nextends = "un-ga"\n[styles.house.openers]\npreambular = ["Having listened to"]\n', encoding="utf-8"
    )
    assert load_style("house", load_settings(tmp_path / "resolint.toml").styles).preambular == ("Having listened to",)


def test_extend_of_a_key_that_is_not_a_list_is_an_error(tmp_path):
    (tmp_path / "resolint.toml").write_text('[styles.house]\nextends = "un-ga"\n[styles.house.openers]\nextend-case = ["upper"]\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(tmp_path / "resolint.toml")


def test_a_house_conference_file_beside_the_config(house):
    (house / "sessions.csv").write_text("# our sessions\nbody,place,year,confidence,attested,aliases\nNRC,Tromsø,2019,high,,Tromso\n", encoding="utf-8")
    config = (house / "resolint.toml").read_text(encoding="utf-8")
    config += '\n[styles.rivers.citations]\nconferences = "@sessions.csv"\n[styles.rivers.citations.conference-names]\n"the Commission" = "NRC"\n'
    (house / "resolint.toml").write_text(config, encoding="utf-8")
    settings = load_settings(house / "resolint.toml")
    draft = DRAFT.replace("the drought survey of the upper valleys", "Resolution 4 (Rev. Tromso, 2020) of the Commission")
    result = lint(draft, settings, path=str(house / "draft.txt"))
    (cit,) = [f for f in result.findings if f.code == "CIT013"]
    assert "No NRC met in Tromso in 2020" in cit.message and "NRC 2019" in cit.message
    # The house adds the meeting: the next lint (the same process, as the language
    # server's) reads the file again.
    with (house / "sessions.csv").open("a", encoding="utf-8") as f:
        f.write("NRC,Tromsø,2020,high,,Tromso\n")
    assert [f for f in lint(draft, settings, path=str(house / "draft.txt")).findings if f.code == "CIT013"] == []


def test_a_detect_pattern_with_its_own_priority_outranks_its_styles(tmp_path):
    """A house style whose symbol says more than its opening: its opening alone loses to
    the Security Council's (20), its symbol wins over it."""
    (tmp_path / "resolint.toml").write_text(
        "[styles.house]\nextends = \"un-ga\"\n[styles.house.detect]\npriority = 5\n"
        "opening = ['^The Security Council']\ntitle = [{pattern = '\\bHC/\\d+/', priority = 25}]\n",
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "resolint.toml")
    body = "The Security Council,\n\nRecalling its resolution 2000 (2011),\n\n1. Decides to remain seized of the matter.\n"
    assert lint(body, settings).style.name == "un-sc"
    assert lint("HC/12/3\n\n" + body, settings).style.name == "house"


@pytest.mark.parametrize(("entry", "says"), [
    ("{pattern = '(unclosed', priority = 25}", "not a regular expression"),
    ("{pattern = 'HC/', priority = 'high'}", "'priority' must be a whole number"),
    ("{pattern = 'HC/', weight = 3}", "unknown key 'weight'"),
    ("{priority = 3}", "not a regular expression: None"),
    # Read by the regex module that runs it, but not Python's re, whose syntax is promised.
    (r"{pattern = '\p{Lu}/\d+', priority = 25}", r"bad escape \\p"),
    ("{pattern = 'HC{e<=1}/', priority = 25}", "fuzzy matching"),
])
def test_a_broken_detect_pattern_table_is_a_configuration_error(tmp_path, entry, says):
    (tmp_path / "resolint.toml").write_text(f"[styles.house]\nextends = \"un-ga\"\n[styles.house.detect]\ntitle = [{entry}]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=says) as caught:
        load_settings(tmp_path / "resolint.toml")
    assert "styles.house.detect.title" in str(caught.value)


def test_a_detect_pattern_that_backtracks_without_end_is_given_up_and_named(tmp_path):
    """A repository's resolint.toml is read when the repository is opened: a [detect]
    pattern of exponential time on one title line hung the CLI and the language server.
    It runs with a time limit, counts as no match, and the style's reason names it."""
    import time

    (tmp_path / "resolint.toml").write_text(
        "[styles.house]\nextends = \"un-ga\"\n[styles.house.detect]\npriority = 40\ntitle = ['^(a|aa)+$', '^HC/']\n",
        encoding="utf-8",
    )
    settings = load_settings(tmp_path / "resolint.toml")
    body = "The General Assembly,\n\nRecalling its work,\n\n1. Decides to remain seized of the matter.\n"
    started = time.process_time()
    result = lint("a" * 60 + "b\n\n" + body, settings)
    assert time.process_time() - started < 20
    assert result.style.name == "un-ga"
    assert "'^(a|aa)+$' took too long" in result.style.detected_because
    assert lint("HC/12\n\n" + body, settings).style.name == "house"  # its other pattern still counts


def test_an_opening_no_style_knows_is_named_in_the_reason_for_the_default():
    """A General Conference's draft is checked with the default style: the reason quotes
    its opening, so the drafter sees why a General Assembly rule reports (it said that no
    opening named a known body)."""
    other = lint("The General Conference,\n\nRecalling resolution GC(68)/RES/3;\n\n1. URGES Member States to act.\n")
    assert other.style.name == "un-ga"
    assert "'The General Conference,' names no body with a built-in style" in other.style.detected_because
    bare = lint("Recalling its resolution 74/1,\n\n1. Decides to act.\n")
    assert bare.style.detected_because.startswith("no opening or title names a known body")


@pytest.mark.parametrize("value", ["@nofile.csv", "itu_conference.csv"])
def test_a_conferences_file_that_is_nowhere_is_a_configuration_error(tmp_path, value):
    """`conferences = "@nofile.csv"` (or a misspelt built-in name) was accepted, and CIT013
    then found no data and checked nothing, silently."""
    (tmp_path / "resolint.toml").write_text(
        f'[styles.house]\nextends = "itu"\n[styles.house.citations]\nconferences = "{value}"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path / "resolint.toml")
    assert info.value.key == "styles.house.citations.conferences" and value in info.value.problem


@pytest.mark.parametrize("value", ["@ours.csv", "itu_conferences.csv"])
def test_a_conferences_file_beside_the_config_or_built_in_is_read(tmp_path, value):
    (tmp_path / "ours.csv").write_text("body,place,year,confidence,attested,aliases\nPP,Atlantis,2001,high,,\n", encoding="utf-8")
    (tmp_path / "resolint.toml").write_text(
        f'[styles.house]\nextends = "itu"\n[styles.house.citations]\nconferences = "{value}"\n', encoding="utf-8"
    )
    style = load_style("house", load_settings(tmp_path / "resolint.toml").styles)
    expected = "@" + str((tmp_path / "ours.csv").resolve()) if value.startswith("@") else value
    assert style.get("citations.conferences") == expected
