"""Build settings from TOML text written in a test, and lint with them."""

from __future__ import annotations

import tomllib

from resolint.config import Settings, settings_from_table
from resolint.engine import lint

#: A short draft with every part a house rule may look at.
DRAFT = """\
Resolution No. 7

The General Assembly,

Recalling the work of the UN in this field,

1. Strongly urges Member States to act in order to protect civilians;

2. Requests the UN to report, in order to inform States:

(a) On the UN budget;

(b) On progress.
"""


def settings(toml: str, path: str | None = None) -> Settings:
    return settings_from_table(tomllib.loads(toml), path)


def findings(text: str, toml: str, code: str | None = None, **kwargs):
    out = lint(text, settings(toml), **kwargs).findings
    return [f for f in out if code is None or f.code == code]


def matched(text: str, toml: str, code: str, **kwargs) -> list[str]:
    return [text[f.span.start : f.span.end] for f in findings(text, toml, code, **kwargs)]
