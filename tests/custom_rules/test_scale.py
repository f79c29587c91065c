"""A configuration's house rules at scale: compiled once a run, and bounded.

A repository's ``resolint.toml`` is read by CI and by the editor when a draft is opened;
a rule of 100,000 phrases cost 21 s and 900 MB a run, its patterns compiled twice (once
by the configuration check, once for the lint), token patterns four times. Counted here,
not timed."""

from __future__ import annotations

import pytest

from resolint.config import ConfigError
from resolint.custom_rules import bounds, matching
from resolint.engine import lint
from tests.custom_rules.helpers import DRAFT, settings


def _toml(phrases: list[str], tokens: list[str]) -> str:
    return (
        '[[custom-rules]]\ncode = "HSE001"\nmessage = "m"\npattern = ['
        + ", ".join(f'"{p}"' for p in phrases) + "]\n"
        '[[custom-rules]]\ncode = "HSE002"\nmessage = "m"\npattern = ['
        + ", ".join(tokens) + "]\n"
    )


def test_each_rule_is_compiled_once_for_the_check_and_the_lint(monkeypatch):
    added: list[str] = []
    real_add = matching.RuleMatchers._add

    def counting(self, spec, docs):
        added.append(spec.code)
        return real_add(self, spec, docs)

    monkeypatch.setattr(matching.RuleMatchers, "_add", counting)
    token_added = []
    real_token_add = matching.Matcher.add
    monkeypatch.setattr(matching, "Matcher", type("CountingMatcher", (matching.Matcher,), {
        "add": lambda self, key, patterns, **kw: (token_added.append(key), real_token_add(self, key, patterns, **kw))[1],
    }))
    toml = _toml(["strongly urges", "in order"], [
        '[{ LOWER = "member" }, { LOWER = "states", OP = "?" }]', '[{ LOWER = "civilians" }, { IS_PUNCT = true }]'])
    cfg = settings(toml)  # the configuration check: examples none, but compiled and probed
    found = {f.code for f in lint(DRAFT, cfg).findings}
    assert {"HSE001", "HSE002"} <= found
    assert sorted(added) == ["HSE001", "HSE002"]
    assert token_added.count("HSE002") == 1


def test_pattern_items_are_counted_as_written():
    assert bounds.pattern_size(["a b", "c"]) == 2
    assert bounds.pattern_size([{"LOWER": "a"}, {"LOWER": {"IN": ["b", "c", "d"]}}]) == 1 + 1 + 1 + 3
    assert bounds.pattern_size([[{"LOWER": "a"}], [{"LOWER": "b"}, {"IS_PUNCT": True}]]) == 3


@pytest.mark.parametrize("kind", ["phrases", "tokens"])
def test_house_rules_above_the_bound_are_a_configuration_error(monkeypatch, kind):
    monkeypatch.setattr(bounds, "MAX_PATTERN_ITEMS", 4)
    words = [f"zorbl{i}" for i in range(4)]  # and one item in the other rule: 5
    phrases = [f"{w} wug" for w in words] if kind == "phrases" else ["wug"]
    tokens = [f'[{{ LOWER = "{w}" }}]' for w in words] if kind == "tokens" else ['[{ LOWER = "wug" }]']
    with pytest.raises(ConfigError) as err:
        settings(_toml(phrases, tokens))
    assert err.value.key == "custom-rules[HSE002].pattern"
    assert "at least 5 pattern items" in err.value.problem and "limit of 4" in err.value.problem
    settings(_toml(phrases[:3], tokens[:3]))  # 4 items: accepted


def test_the_bound_counts_the_files_an_extend_layers(monkeypatch, tmp_path):
    from resolint.config import load_settings

    monkeypatch.setattr(bounds, "MAX_PATTERN_ITEMS", 3)
    (tmp_path / "base.toml").write_text('[[custom-rules]]\ncode = "HSE001"\nmessage = "m"\npattern = ["a b", "c d"]\n')
    (tmp_path / "resolint.toml").write_text('extend = "base.toml"\n[[custom-rules]]\ncode = "HSE002"\nmessage = "m"\npattern = ["e f", "g h"]\n')
    with pytest.raises(ConfigError) as err:
        load_settings(tmp_path / "resolint.toml")
    assert "at least 4 pattern items" in err.value.problem


def test_the_built_in_styles_are_far_below_the_bound():
    from resolint.custom_rules import style_specs
    from resolint.styles import builtin_style_names, load_style

    for name in builtin_style_names():
        total = sum(bounds.pattern_size(s.pattern) for s in style_specs(load_style(name)))
        assert total * 100 < bounds.MAX_PATTERN_ITEMS, name
