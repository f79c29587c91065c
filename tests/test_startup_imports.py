"""What a plain ``resolint check`` of a small draft imports (issue 13: start-up is most of
the whole process for a 6 KB draft). The fix loop (:mod:`resolint.fixes`) and the checks
of house rules written as data (:mod:`resolint.custom_rules.check`) load only when a run
fixes or diffs, or when a configuration defines rules to check; a run that needs them
still finds them. The citation walk's resumption (:mod:`resolint.citations.resume`) loads
only with a language server's memo; the house rule machinery (the rule classes, the tables'
reader, the candidate tests, the configuration keys' reader) only when the configuration
or the style has house rules."""

from __future__ import annotations

import json
import subprocess
import sys

#: Modules a check without --fix, --diff or a configuration does not need.
_NOT_NEEDED = (
    "resolint.fixes",
    "resolint.custom_rules.check",
    "resolint.citations.resume",
    "resolint.custom_rules.rule",
    "resolint.custom_rules.spec",
    "resolint.custom_rules.candidates",
    "resolint.custom_rules.config",
)

_PROBE = """
import json, sys
from resolint.cli.main import main
try:
    main(['check', *sys.argv[2:], sys.argv[1]])
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(m for m in json.loads({names!r}) if m in sys.modules)))
"""

_DRAFT = """The General Assembly,

Recalling its resolution 74/299 of 31 August 2020,

1. invites Member States to share their experience.
"""


def _imported(tmp_path, *args: str, text: str = _DRAFT) -> tuple[list[str], str]:
    draft = tmp_path / "draft.res.txt"
    draft.write_text(text, encoding="utf-8")
    probe = _PROBE.format(names=json.dumps(_NOT_NEEDED))
    out = subprocess.run([sys.executable, "-c", probe, str(draft), *args], capture_output=True, text=True, timeout=120)
    return json.loads(out.stderr.strip().splitlines()[-1]), out.stdout


def test_a_plain_check_does_not_import_the_fix_loop_or_the_rule_checks(tmp_path):
    imported, _ = _imported(tmp_path, "--format", "json", "--exit-zero")
    assert imported == []


def test_a_diff_still_loads_the_fix_loop_and_fixes(tmp_path):
    imported, out = _imported(tmp_path, "--diff", "--exit-zero")
    assert "resolint.fixes" in imported
    assert "+1. Invites Member States" in out


def test_a_style_with_house_rules_still_loads_and_runs_them(tmp_path):
    """The built-in ``mun`` style defines house rules: they are built and they fire."""
    text = "The General Assembly,\n\n1. Asks the UN to report on its work.\n"
    imported, out = _imported(tmp_path, "--style", "mun", "--format", "json", "--exit-zero", "--select", "MUN001", text=text)
    assert {"resolint.custom_rules.rule", "resolint.custom_rules.spec"} <= set(imported)
    assert [d["code"] for d in json.loads(out)["files"][0]["diagnostics"]] == ["MUN001"]
