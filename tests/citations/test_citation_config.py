"""An organization's own instruments and terms from ``[terms]`` in resolint.toml."""

from __future__ import annotations

import pytest

from resolint.config import ConfigError, settings_from_table
from resolint.engine import lint

TABLE = {
    "terms": {
        "chief": "Director-General",
        "prefer": {"national central office": "National Central Bureau"},
        "instruments": {
            "Convention on Police Cooperation": {
                "short": "Police Cooperation Convention",
                "aliases": ["CPC"],
                "articles": 30,
                "variants": [{"text": "Convention for Police Cooperation", "fix": "Convention on Police Cooperation", "safe": True}],
            }
        },
    }
}

DRAFT = """The General Assembly,

Welcoming the Convention for Police Cooperation,

Recalling article 31 of the Convention on Police Cooperation,

1. Requests the Director General to inform each national central office, and the Secretary-General of the United Nations.
"""


def test_custom_instrument_and_terms_are_checked():
    settings = settings_from_table(TABLE, "resolint.toml")
    found = {(f.code, f.message) for f in lint(DRAFT, settings).findings if f.code.startswith(("CIT", "TRM"))}
    codes = sorted(c for c, _ in found)
    # TRM005: the configuration's chief in another form ("Director General"); another
    # body's title ("Secretary-General") is not a form of it.
    assert codes == ["CIT009", "TRM001", "TRM005", "TRM012"]
    assert ("TRM005", "This style writes 'Director-General'") in found
    (cit009,) = [m for c, m in found if c == "CIT009"]
    assert "30 articles" in cit009
    # Without the configuration none of these is known.
    assert not [f for f in lint(DRAFT).findings if f.code in ("CIT009", "TRM001", "TRM012")]


def test_custom_instrument_articles_are_warnings_by_default():
    settings = settings_from_table(TABLE, "resolint.toml")
    (f,) = [f for f in lint(DRAFT, settings).findings if f.code == "CIT009"]
    assert f.severity.value == "warning"  # status defaults to "unverified"


@pytest.mark.parametrize(
    "bad, key",
    [
        ({"terms": {"chef": "x"}}, "terms.chef"),
        ({"terms": {"article-case": "title"}}, "terms.article-case"),
        ({"terms": {"prefer": {"a": 1}}}, "terms.prefer.a"),
        ({"terms": {"instruments": {"T": {"articles": "4"}}}}, "terms.instruments.T.articles"),
        ({"terms": {"instruments": {"T": {"adopted_on": "24 December 2024"}}}}, "terms.instruments.T.adopted_on"),
        ({"terms": {"instruments": {"T": {"variants": [{"fix": "x"}]}}}}, "terms.instruments.T.variants[0]"),
    ],
)
def test_bad_terms_are_one_clear_error(bad, key):
    with pytest.raises(ConfigError) as exc:
        settings_from_table(bad, "resolint.toml")
    assert exc.value.key == key and exc.value.path == "resolint.toml"
