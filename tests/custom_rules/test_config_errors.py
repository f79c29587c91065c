"""Every problem in a house rule is one configuration error that names the rule."""

from __future__ import annotations

import pytest

from resolint.config import ConfigError, load_settings
from tests.custom_rules.helpers import settings

OK_EXAMPLE = '''
example = """
The General Assembly,

1. Requests the UN to act;
"""
'''


def rule(body: str) -> str:
    return '[[custom-rules]]\ncode = "HSE001"\nmessage = "m"\n' + body


def said(message_and_body: str) -> str:
    return '[[custom-rules]]\ncode = "HSE001"\nmessage = ' + message_and_body


#: A pattern whose matches have two tokens.
TWO = '[{ LOWER = "strongly" }, { LOWER = "urges" }]'


@pytest.mark.parametrize(
    ("toml", "key", "words"),
    [
        (rule('pattern = [{ LOWR = "un" }]'), "custom-rules[HSE001].pattern[0].LOWR", ["unknown token attribute 'LOWR'", "did you mean LOWER?"]),
        (rule('pattern = [{ TEXT = "UN" }, { LEMMAS = "urge" }]'), "custom-rules[HSE001].pattern[1].LEMMAS", ["did you mean LEMMA?"]),
        (rule('pattern = [{ LOWER = "un", OP = "!!" }]'), "custom-rules[HSE001].pattern", ["spaCy does not accept it", "OP"]),
        (rule('pattern = [{ TEXT = { REGEX = "(unclosed" } }]'), "custom-rules[HSE001].pattern", ["REGEX", "regular expression"]),
        # What the regex module that runs a REGEX reads, and Python's re (the syntax the
        # documentation promises) does not, or reads otherwise: each was accepted and ran.
        (rule(r'pattern = [{ TEXT = { REGEX = "^\\p{Lu}+$" } }]'), "custom-rules[HSE001].pattern", ["Python's re", "bad escape \\p"]),
        (rule('pattern = [{ TEXT = { REGEX = "^[[:upper:]]+$" } }]'), "custom-rules[HSE001].pattern", ["nested set", "'\\['"]),
        (rule('pattern = [{ LOWER = { REGEX = "^colour{e<=1}$" } }]'), "custom-rules[HSE001].pattern", ["'{e<=1}'", "fuzzy", "'\\{'"]),
        (rule('pattern = [{ TEXT = { REGEX = "(?<=-[a-z]+)UN$" } }]'), "custom-rules[HSE001].pattern", ["look-behind"]),
        (rule('pattern = [{ LOWER = { INN = ["a"] } }]'), "custom-rules[HSE001].pattern", ["spaCy does not accept it"]),
        (rule('pattern = [{ LOWER = ["utilize", "utilise"] }]'), "custom-rules[HSE001].pattern[0].LOWER",
         ["not a list", '{ LOWER = { IN = ["utilize", "utilise"] } }']),
        (rule('pattern = [{ LOWER = "a" }]\n[[custom-rules]]\ncode = "HSE002"\nmessage = "m"\npattern = [{ RIGHT_ID = "v", RIGHT_ATTRS = { lower = ["a"] } }]'),
         "custom-rules[HSE002].pattern[0].RIGHT_ATTRS.lower", ["not a list", "{ lower = { IN = [\"a\"] } }"]),
        (rule("pattern = []"), "custom-rules[HSE001].pattern", ["non-empty list"]),
        (rule('pattern = ["a", { LOWER = "b" }]'), "custom-rules[HSE001].pattern", ["mixes"]),
        (rule('pattern = [{ _ = { x = 1 } }]'), "custom-rules[HSE001].pattern[0]._", ["extension"]),
        (rule('pattern = [{ POS = "VERB" }]'), "custom-rules[HSE001].pattern", ["POS", "trained pipeline", "[nlp] pipeline", "spacy download"]),
        (rule('pattern = [{ LOWER = "un" }, { DEP = "nsubj" }]'), "custom-rules[HSE001].pattern", ["DEP", "trained pipeline"]),
        (rule('pattern = [{ RIGHT_ID = "v", RIGHT_ATTRS = { LOWER = "urges" } }]'), "custom-rules[HSE001].pattern", ["DEP", "trained pipeline"]),
        (rule('pattern = ["un"]\npart = "annex"'), "custom-rules[HSE001].part", ["unknown part 'annex'"]),
        (rule('pattern = ["un"]\npart = "title"\nopener-only = true'), "custom-rules[HSE001].opener-only", ["preamble or operative"]),
        (rule('pattern = ["un"]\nseverity = "fatal"'), "custom-rules[HSE001].severity", ["error, warning, info"]),
        (rule('pattern = ["un"]\nreplace = "x"'), "custom-rules[HSE001].fix", ["both 'replace'", "safe or unsafe"]),
        (rule('pattern = ["un"]\nreplace = "x"\nfix = "maybe"'), "custom-rules[HSE001].fix", ["safe or unsafe"]),
        (rule('pattern = ["un"]\nreplace = "{whole}"\nfix = "safe"'), "custom-rules[HSE001].replace", ["unknown placeholder '{whole}'"]),
        (rule('pattern = ["un"]\nattr = "DEPTH"'), "custom-rules[HSE001].attr", ["LOWER"]),
        (rule('pattern = ["un"]\ncolour = "red"'), "custom-rules[HSE001].colour", ["unknown key"]),
        (rule('pattern = ["un"]\nuse_instead = "x"'), "custom-rules[HSE001].use_instead", ["unknown key", "did you mean 'use-instead'?"]),
        ('[[custom-rules]]\ncode = "HSE001"\nmesage = "m"\npattern = ["un"]', "custom-rules[HSE001].mesage", ["did you mean 'message'?"]),
        (rule('pattern = ["un"]\nname = "Not Kebab"'), "custom-rules[HSE001].name", ["kebab-case"]),
        (rule('pattern = ["un"]\nexceptions = "UN Women"'), "custom-rules[HSE001].exceptions", ["list of names"]),
        (rule('pattern = ["un"]\nexceptions = ["UN Women", " "]'), "custom-rules[HSE001].exceptions", ["list of names"]),
        ('[[custom-rules]]\ncode = "OPR099"\nmessage = "m"\npattern = ["un"]', "custom-rules[OPR099].code", ["built-in", "house prefix"]),
        ('[[custom-rules]]\ncode = "house1"\nmessage = "m"\npattern = ["un"]', "custom-rules[house1].code", ["three capital letters"]),
        ('[[custom-rules]]\nmessage = "m"\npattern = ["un"]', "custom-rules[#1].code", ["needs a code"]),
        (rule('pattern = ["un"]') + '\n' + rule('pattern = ["x"]'), "custom-rules[HSE001].code", ["used twice"]),
        (rule('pattern = ["in order to"]') + OK_EXAMPLE, "custom-rules[HSE001].example", ["does not fire on its example"]),
        # (the matched text is quoted, not the rule's message: "m")
        (rule('pattern = ["UN"]') + OK_EXAMPLE.replace("example", "use-instead"), "custom-rules[HSE001].use-instead", ["fires on its use-instead draft (on 'UN')"]),
        ('[nlp]\npipeline = "no_such_pipeline_xyz"\n' + rule('pattern = [{ POS = "VERB" }]'), "nlp.pipeline",
         ["cannot load the spaCy pipeline 'no_such_pipeline_xyz'", "install it", "needed by HSE001"]),
        ('[nlp]\nmodel = "x"', "nlp.model", ["unknown key"]),
        # A replacement the pattern matches again (a typo): --fix offered it for ever.
        (rule('pattern = [{ LOWER = "secretary" }, { LOWER = "general" }]\nreplace = "Secretary general"\nfix = "safe"\n'
              'example = """\nThe General Assembly,\n\n1. Requests the Secretary General to act;\n"""'),
         "custom-rules[HSE001].replace", ["does not remove the finding", "'Secretary general to act;'", "typo"]),
        # A pattern that matches each word: one finding per word of every draft.
        (rule("pattern = [{}]"), "custom-rules[HSE001].pattern", ["matches every word", 'LOWER = "utilize"']),
        (rule('pattern = [{ OP = "+" }]'), "custom-rules[HSE001].pattern", ["matches every word"]),
        (rule('pattern = [{ TEXT = { REGEX = "." } }]'), "custom-rules[HSE001].pattern", ["matches every word"]),
        (rule('pattern = [{ IS_ALPHA = true }]'), "custom-rules[HSE001].pattern", ["matches every word"]),
        # A placeholder past the pattern's tokens rendered empty: the safe fix deleted the match.
        (rule(f'pattern = {TWO}\nreplace = "{{3}}"\nfix = "safe"'), "custom-rules[HSE001].replace", ["'{3}'", "at most 2 tokens"]),
        (said(f'"Not {{3:lower}}"\npattern = {TWO}'), "custom-rules[HSE001].message", ["'{3:lower}'", "at most 2 tokens"]),
        (said('"Not {match"\npattern = ["un"]'), "custom-rules[HSE001].message", ["'{' that opens or closes no placeholder", "'{{'"]),
        (rule('pattern = ["un"]\nreplace = "x}"\nfix = "safe"'), "custom-rules[HSE001].replace", ["'}' that opens", "'}}'"]),
    ],
)
def test_config_error_names_rule_key_and_remedy(toml: str, key: str, words: list[str]):
    with pytest.raises(ConfigError) as info:
        settings(toml)
    assert info.value.key == key, str(info.value)
    for w in words:
        assert w in info.value.problem, info.value.problem


@pytest.mark.parametrize("body", [
    f'pattern = {TWO}\nreplace = "{{2}} {{{{sic}}}}"\nfix = "unsafe"',  # the last token, braces escaped
    'pattern = [[{ LOWER = "un" }], [{ LOWER = "un" }, { ORTH = "," }]]\nreplace = "United Nations{2}"\nfix = "safe"',
    'pattern = [{ LOWER = "very" }, { LOWER = "much", OP = "*" }]\nreplace = "{5}"\nfix = "unsafe"',  # no fixed count
    'pattern = [{ LOWER = "a" }, { LOWER = "b", OP = "{2,3}" }]\nreplace = "{4}"\nfix = "unsafe"',
])
def test_placeholders_a_match_can_fill_are_accepted(body: str):
    settings(rule(body))


def test_error_in_a_configured_style_names_the_style(tmp_path):
    cfg = tmp_path / "resolint.toml"
    cfg.write_text('[styles.house]\nextends = "un-ga"\n[[styles.house.custom-rules]]\ncode = "HSE001"\nmessage = "m"\npattern = [{ LOWR = "x" }]\n')
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert info.value.key.startswith("styles.house.custom-rules[HSE001]")
    assert info.value.path == str(cfg)


def test_a_bad_pattern_beside_a_styles_rule_keeps_its_own_key():
    """Checking a style's rule compiles the matchers it shares with the configuration's
    rules, so the configuration's bad pattern is found then: its key is its own
    (``custom-rules[HSE002]``), not under the style whose rule was being checked."""
    toml = ('style = "house"\n[styles.house]\nextends = "un-ga"\n[[styles.house.custom-rules]]\ncode = "HSE001"\n'
            'message = "m"\npattern = ["in order to"]\n' + rule('code = "HSE002"\npattern = [{ LOWER = "un", OP = "!!" }]\n')
            .replace('code = "HSE001"\nmessage = "m"\n', 'message = "m"\n'))
    with pytest.raises(ConfigError) as info:
        settings(toml)
    assert info.value.key == "custom-rules[HSE002].pattern"


def test_a_missing_pipeline_folder_is_relative_to_the_config_file(tmp_path):
    cfg = tmp_path / "resolint.toml"
    cfg.write_text('[nlp]\npipeline = "./models/house"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert str(tmp_path / "models" / "house") in info.value.problem and "no folder" in info.value.problem


def test_cli_reports_a_bad_house_rule_with_exit_2(tmp_path, capsys):
    from resolint.cli.main import main

    (tmp_path / "resolint.toml").write_text(rule('pattern = [{ LOWR = "un" }]'))
    draft = tmp_path / "d.res.txt"
    draft.write_text("The General Assembly,\n\n1. Requests the UN to act.\n")
    assert main(["check", "--config", str(tmp_path / "resolint.toml"), str(draft)]) == 2
    err = capsys.readouterr().err
    assert "configuration error" in err and "custom-rules[HSE001].pattern[0].LOWR" in err


def test_settings_from_editor_tables_get_the_same_check():
    with pytest.raises(ConfigError):
        settings(rule('pattern = [{ POS = "VERB" }]'))


def test_a_bad_rule_in_a_style_is_said_once_with_its_file(tmp_path):
    """The error in a style's house rule came twice on stderr: first a bare log line
    without the file ('custom rules of style house: …', from listing the known codes),
    then the configuration error. Run as a process: pytest's log capture hides the first."""
    import os
    import subprocess
    import sys

    cfg = tmp_path / "resolint.toml"
    cfg.write_text('[styles.house]\nextends = "un-ga"\n[[styles.house.custom-rules]]\ncode = "HSE001"\nmessage = "m"\npattern = [{ LOWR = "x" }]\n')
    draft = tmp_path / "d.res.txt"
    draft.write_text("The General Assembly,\n\n1. Requests the UN to act.\n")
    proc = subprocess.run([sys.executable, "-m", "resolint", "check", "--config", str(cfg), str(draft)],
                          capture_output=True, text=True, env=dict(os.environ), timeout=120)
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(cfg) in lines[0] and "Traceback" not in proc.stderr


#: A house rule writing "member countries", with an example in a UN draft.
MEMBER_COUNTRIES = '''
[[custom-rules]]
code = "HSE001"
message = "Write 'member countries'"
pattern = [{ LOWER = "member" }, { LOWER = "states" }]
replace = "member countries"
fix = "safe"
example = """
The General Assembly,

1. Calls upon Member States to act.
"""
'''


def test_a_replacement_the_styles_own_rules_flag_is_refused():
    # Accepted before: --fix wrote "member countries" and TRM006 flagged each one (its
    # fix writing "Member States" back).
    with pytest.raises(ConfigError) as info:
        settings('style = "un-ga"\n' + MEMBER_COUNTRIES)
    assert info.value.key == "custom-rules[HSE001].replace"
    for words in ("'member countries'", "TRM006", 'ignore = ["TRM006"]'):
        assert words in info.value.problem, info.value.problem


@pytest.mark.parametrize("toml", [
    'style = "un-ga"\nignore = ["TRM006"]\n' + MEMBER_COUNTRIES,  # the house chose its term over the style's
    'style = "interpol"\n' + MEMBER_COUNTRIES.replace("The General Assembly,", "The ICPO-INTERPOL General Assembly,"),
    # A typo the pattern does not match again and no rule flags: nothing says it is one.
    'style = "un-ga"\nignore = ["TRM006"]\n' + MEMBER_COUNTRIES.replace('replace = "member countries"', 'replace = "member countires"'),
])
def test_a_replacement_the_style_agrees_with_is_accepted(toml: str):
    settings(toml)


def _swap(code: str, word: str, other: str, part: str = "operative", fix: bool = True) -> str:
    """A house rule flagging ``word`` in ``part`` (and, with ``fix``, replacing it with
    ``other``), its example a paragraph of that part holding ``word``."""
    replace = f'replace = "{other}"\nfix = "safe"\n' if fix else ""
    example = ("Recalling the will of States to {w} one another," if part == "preamble" else
               "Recalling its resolution 75/1,\n\n1. Requests States to {w} one another;").format(w=word)
    return f'''
[[custom-rules]]
code = "{code}"
message = "Write '{other}', not '{{match}}'"
pattern = ["{word}"]
part = ["{part}"]
{replace}example = """
The General Assembly,

{example}
"""
'''


def test_two_house_rules_whose_fixes_undo_each_other_are_refused():
    # Accepted before: the check linted a fix's text with the style's rules only, and
    # --fix then refused both fixes ("each would undo another fix") on every draft.
    with pytest.raises(ConfigError) as info:
        settings(_swap("HSE001", "help", "assist") + _swap("HSE002", "assist", "help"))
    assert info.value.key == "custom-rules[HSE001].replace"
    for words in ("'assist'", "house rule HSE002", "each fix undoes the other's"):
        assert words in info.value.problem, info.value.problem


def test_a_replacement_another_house_rule_flags_is_refused():
    with pytest.raises(ConfigError) as info:
        settings(_swap("HSE001", "help", "assist") + _swap("HSE002", "assist", "help", fix=False))
    assert info.value.key == "custom-rules[HSE001].replace"
    assert "--fix leaves a HSE002 finding on every replacement" in info.value.problem, info.value.problem


@pytest.mark.parametrize("toml", [
    _swap("HSE001", "help", "assist") + _swap("HSE002", "assist", "help", part="preamble"),  # never in the same part
    'ignore = ["HSE002"]\n' + _swap("HSE001", "help", "assist") + _swap("HSE002", "assist", "help"),  # one of them off
    _swap("HSE001", "help", "assist") + _swap("HSE002", "aid", "assist"),  # no rule flags the other's replacement
    # HSE002 writes "help", which HSE001 replaces with "assist": one fix after the other.
    _swap("HSE001", "help", "assist") + _swap("HSE002", "aid", "help"),
])
def test_house_rules_that_do_not_meet_are_accepted(toml: str):
    settings(toml)


def test_three_house_rules_whose_fixes_go_round_are_refused():
    # help -> assist -> aid -> help: no two undo each other, and --fix never settles.
    with pytest.raises(ConfigError) as info:
        settings(_swap("HSE001", "help", "assist") + _swap("HSE002", "assist", "aid") + _swap("HSE003", "aid", "help"))
    assert info.value.key == "custom-rules[HSE001].replace"
    for words in ("'assist'", "house rule HSE002", "go round in a circle (HSE001, HSE002, HSE003, HSE001, …)"):
        assert words in info.value.problem, info.value.problem


def _bare(code: str, word: str, other: str, part: str = "operative", fix: bool = True) -> str:
    """:func:`_swap` without an example."""
    return _swap(code, word, other, part, fix).split("example = ")[0]


def test_house_rules_without_examples_whose_fixes_undo_each_other_are_refused():
    # Accepted before: the undo check followed fixes from an example's fixed text only,
    # and a house rule need not have one. Its plain replacement is probed instead.
    with pytest.raises(ConfigError) as info:
        settings(_bare("HSE001", "help", "assist") + _bare("HSE002", "assist", "help"))
    assert info.value.key == "custom-rules[HSE001].replace"
    for words in ("'assist'", "house rule HSE002", "each fix undoes the other's"):
        assert words in info.value.problem, info.value.problem
    with pytest.raises(ConfigError) as info:  # the same with one example: the bare rule is probed
        settings(_swap("HSE001", "help", "assist", part="preamble") + _bare("HSE002", "assist", "help", part="preamble"))
    assert "each fix undoes the other's" in info.value.problem, info.value.problem
    with pytest.raises(ConfigError) as info:  # three going round
        settings(_bare("HSE001", "help", "assist") + _bare("HSE002", "assist", "aid") + _bare("HSE003", "aid", "help"))
    assert "go round in a circle" in info.value.problem, info.value.problem


@pytest.mark.parametrize("toml", [
    _bare("HSE001", "help", "assist") + _bare("HSE002", "assist", "help", part="preamble"),  # never in the same part
    'ignore = ["HSE002"]\n' + _bare("HSE001", "help", "assist") + _bare("HSE002", "assist", "help"),  # one of them off
    'ignore = ["HSE001"]\n' + _bare("HSE001", "help", "assist") + _bare("HSE002", "assist", "help"),
    _bare("HSE001", "help", "assist") + _bare("HSE002", "aid", "help"),  # one fix after the other settles
    # A template writes what the match says: nothing to probe.
    _bare("HSE001", "help", "assist").replace('replace = "assist"', 'replace = "{match} and assist"') + _bare("HSE002", "assist", "help"),
])
def test_house_rules_without_examples_that_do_not_meet_are_accepted(toml: str):
    settings(toml)
