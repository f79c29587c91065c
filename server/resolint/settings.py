"""The settings a lint runs with, and the error a bad configuration raises.

Plain data with no dependency on the rest of resolint, so that the engine, the rules and
house rules can take settings without importing the configuration loader
(:mod:`resolint.config`), which itself validates against the rules.
"""

from __future__ import annotations

import math
import re
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from resolint.globs import matching
from resolint.lazyre import lazy
from resolint.records import record

#: A ``pyproject.toml`` is a configuration file only with a ``[tool.resolint]`` table.
PYPROJECT = "pyproject.toml"
#: The configuration files looked for in each folder, in order (CLI, editor, file watcher).
CONFIG_NAMES = ("resolint.toml", ".resolint.toml", PYPROJECT)
#: The same names as a phrase, for help texts: "resolint.toml, .resolint.toml or pyproject.toml".
CONFIG_NAMES_TEXT = ", ".join(CONFIG_NAMES[:-1]) + " or " + CONFIG_NAMES[-1]
#: Files that are drafts whatever their text says, beyond the built-in names (see
#: ``resolint.cli.drafts``); empty by default: drafts are recognised by name or text.
DEFAULT_INCLUDE: tuple[str, ...] = ()
#: Word's lock files ("~$draft.docx") are not documents.
DEFAULT_EXCLUDE = ("~$*",)
SEVERITIES = ("error", "warning", "info")
#: The lowest severity that fails ``resolint check`` unless configured (``fail-on``).
DEFAULT_FAIL_ON = "warning"
#: The published JSON Schema of this configuration (also used by editors through taplo).
SCHEMA_PATH = Path(__file__).parent / "schema" / "resolint.schema.json"
#: Files above this many bytes are refused with a clear error (exit 2) rather than linted
#: for minutes: real drafts are under 1 MB; linting runs at roughly 2 s per MB.
DEFAULT_MAX_FILE_SIZE = 5_000_000
_SIZE = lazy(r"^\s*+(\d++(?:\.\d++)?+)\s*+([kmg]?+)i?+b?+\s*+$", re.IGNORECASE)  # possessive: no backtracking over a long run of digits
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
#: No size limit above a petabyte means anything: read as unreadable (0 means no limit).
MAX_SIZE = 10**15
#: ``extend`` chains longer than this are refused (a loop is caught on its own).
MAX_EXTEND_DEPTH = 32


#: Every top-level key of a configuration file: (JSON type, default, what it does). The
#: unknown-key error and the documentation's configuration page are made from this table.


def parse_size(value: object) -> int | None:
    """``10MB``, ``512kB``, ``2000000`` or ``0`` (no limit) as bytes; None if unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= MAX_SIZE else None
    if isinstance(value, str):
        m = _SIZE.match(value)
        if m:
            size = float(m.group(1)) * _UNITS[m.group(2).lower()]
            # A run of digits overflows to inf (int() of it raised OverflowError).
            return int(size) if math.isfinite(size) and size <= MAX_SIZE else None
    return None


class ConfigError(Exception):
    """A configuration problem, with where it is."""

    def __init__(self, path: Path | str | None, key: str, problem: str) -> None:
        self.path = str(path) if path else "<settings>"
        self.key = key
        self.problem = problem
        shown = key
        if key and Path(self.path).name == "pyproject.toml" and not key.startswith("tool."):
            shown = f"tool.resolint.{key}"  # as the file writes it: [tool.resolint] holds the settings
        where = f"{self.path}: " + (f"key '{shown}': " if key else "")
        super().__init__(where + problem)


@record(frozen=True, slots=True)
class Settings:
    """What a run is configured to do: the style, the rules selected and ignored, rule options,
    severities, terms, an organization's own styles and which files are drafts. Read from
    ``resolint.toml`` or ``[tool.resolint]``, then the command line's overrides; frozen: one
    is shared by every file of a run."""

    style: str = "auto"
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    unsafe_fixes: bool = False
    track_changes: bool = False  # annotate a .docx: fixes as tracked changes
    revision_author: str = "resolint"  # the author of those tracked changes and comments
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # options by code
    severity: dict[str, str] = field(default_factory=dict)  # overrides by code or prefix
    terms: dict[str, Any] = field(default_factory=dict)
    styles: dict[str, dict[str, Any]] = field(default_factory=dict)  # an organization's own styles
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; 0: no limit
    docs_url: str = ""  # root of a published copy of the docs site; "": the installed pages
    fail_on: str = DEFAULT_FAIL_ON  # the lowest severity that makes check exit 1
    custom_rules: tuple[Any, ...] = ()  # house rules ([[custom-rules]]): resolint.custom_rules.spec.RuleSpec
    nlp_pipeline: str | None = None  # [nlp] pipeline: a trained spaCy pipeline for house rules
    path: str | None = None  # the file these settings came from
    root: str | None = None  # the folder relative to which per-file patterns match

    def ignored_for(self, file_path: str | None) -> tuple[str, ...]:
        """Codes ignored for ``file_path`` by ``per-file-ignores``."""
        if not file_path or not self.per_file_ignores:
            return ()
        by_pattern = dict(self.per_file_ignores)
        matched = matching(file_path, (pattern for pattern, _ in self.per_file_ignores), self.root)
        return tuple(code for pattern in matched for code in by_pattern[pattern])

    def with_overrides(self, **kwargs: Any) -> Settings:
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})

