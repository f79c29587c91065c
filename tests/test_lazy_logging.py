"""Loggers that import :mod:`logging` only when something is logged
(:mod:`resolint.lazylog`): a check that logs nothing does not import it (issue 13), and
a message logged is the same record a plain logger writes."""

from __future__ import annotations

import logging
import subprocess
import sys

from resolint.lazylog import get_logger

_PROBE = """
import sys
from resolint.cli.main import main
main(['check', '--format', 'json', '--exit-zero', sys.argv[1]])
sys.stderr.write(str('logging' in sys.modules))
"""

_DRAFT = """The General Assembly,

Recalling its resolution 74/299 of 31 August 2020,

1. Invites Member States to share their experience.
"""


def test_a_check_that_logs_nothing_does_not_import_logging(tmp_path):
    draft = tmp_path / "draft.res.txt"
    draft.write_text(_DRAFT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _PROBE, str(draft)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().splitlines()[-1] == "False"


def test_an_exception_logged_is_the_plain_loggers_record(caplog):
    log = get_logger("resolint.test_lazy")
    with caplog.at_level(logging.ERROR, logger="resolint.test_lazy"):
        try:
            raise ValueError("broken")
        except ValueError:
            log.exception("it failed: %s", "here")
    (record,) = caplog.records
    assert record.name == "resolint.test_lazy"
    assert record.getMessage() == "it failed: here"
    assert record.exc_info[0] is ValueError
    assert record.funcName == "test_an_exception_logged_is_the_plain_loggers_record"  # the caller, not the wrapper
