"""Loggers that import :mod:`logging` when something is first logged.

resolint logs only when something goes wrong: a rule crashes, the parser or the citation
extraction fails, a house rule's pattern takes too long. Importing :mod:`logging` (and
:mod:`string`, whose ``Template`` compiles a pattern) at every start cost about 12.5 M
instructions, 1% of checking a 6 KB draft, for messages almost no run writes. A module
keeps ``log = get_logger(__name__)`` as it kept ``logging.getLogger(__name__)``; each call
goes to that logger, looked up when made (``log.exception`` inside an ``except`` block
still sees the exception, and the record names the caller's line).
"""

from __future__ import annotations

from typing import Any


class LazyLogger:
    """``logging.getLogger(name)``, imported and looked up when a method is called."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attr: str) -> Any:
        import logging  # lazy: only a failure logs (see the module docstring)

        return getattr(logging.getLogger(self.name), attr)


def get_logger(name: str) -> LazyLogger:
    return LazyLogger(name)
