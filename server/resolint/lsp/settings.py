"""What configures a lint in the editor: the project file first, editor settings second.

Project configuration is read exactly as the CLI reads it (:func:`resolint.config.find_config`
and :func:`~resolint.config.load_settings`), so the editor and CI agree. It is cached by
file and modification time, so an edited ``resolint.toml`` is picked up on the next lint
even when the client does not report file changes; ``workspace/didChangeWatchedFiles``
clears the cache at once. A broken file gives an error for the client to show and the
defaults, never a dead server.

Editor settings (``initializationOptions`` and the ``resolint`` section of
``workspace/didChangeConfiguration``) only say how the editor shows things: ``style``
(used when the project does not name one, as the VS Code extension documents), ``run``
(``onType`` or ``onSave``), ``severityOverrides``, ``formatting``, ``debounce``, ``docsUrl`` (the root of a published
copy of the documentation for rule links; the project's ``docs-url`` wins), ``lintTimeBudget``
and ``maxDiagnostics`` (how many diagnostics a document's list may hold). A bad value is
reported and that key keeps its default.
"""

from __future__ import annotations

import os
import threading
from dataclasses import field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from resolint.config import ConfigError, Settings, find_config, load_settings
from resolint.records import record

RUN_MODES = ("onType", "onSave")
EDITOR_SEVERITIES = ("error", "warning", "information", "hint")
DEFAULT_DEBOUNCE_MS = 150
DEFAULT_BUDGET_MS = 5000
#: What the VS Code extension host shows of one file's diagnostics; the server sends no
#: more by default (see :mod:`resolint.lsp.diagnostic_limit`).
DEFAULT_MAX_DIAGNOSTICS = 1000


@record(frozen=True, slots=True)
class EditorSettings:
    style: str | None = None  # None or "auto": the project's (or detected) style
    run: str = "onType"
    severity_overrides: dict[str, str] = field(default_factory=dict)
    formatting: bool = False
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    docs_url: str = ""  # "": the project's docs-url, else the installed rule pages
    budget_ms: int = DEFAULT_BUDGET_MS  # a lint as you type stops after this; 0: never
    max_diagnostics: int = DEFAULT_MAX_DIAGNOSTICS  # sent per document, a notice last; 0: all


class _Bad(ValueError):
    """An editor setting's value that cannot be used (the message says what is expected)."""


def _ms(value: Any, limit: int) -> int | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit
    return value if ok else None


def _style(v: Any, problems: list[str]) -> str:
    if isinstance(v, str) and v.strip():
        return v.strip()
    raise _Bad(f"resolint.style must be a style name, got {v!r}")


def _run(v: Any, problems: list[str]) -> str:
    if v in RUN_MODES:
        return v
    raise _Bad(f"resolint.run must be one of {', '.join(RUN_MODES)}, got {v!r}")


def _severity_overrides(v: Any, problems: list[str]) -> dict[str, str]:
    """The usable overrides; each bad one is a problem and is left out."""
    if not isinstance(v, dict):
        raise _Bad("resolint.severityOverrides must be an object")
    good = {}
    for code, level in v.items():
        level_n = "information" if level == "info" else level
        if isinstance(code, str) and level_n in EDITOR_SEVERITIES:
            good[code.strip().upper()] = level_n
        else:
            problems.append(f"resolint.severityOverrides.{code} must be one of {', '.join(EDITOR_SEVERITIES)}, got {level!r}")
    return good


def _formatting(v: Any, problems: list[str]) -> bool:
    if isinstance(v, dict):  # {"formatting": {"enable": true}}
        v = v.get("enable")
    if isinstance(v, bool):
        return v
    raise _Bad(f"resolint.formatting must be true or false, got {v!r}")


def _debounce(v: Any, problems: list[str]) -> int:
    ms = _ms(v, 10_000)
    if ms is None:
        raise _Bad(f"resolint.debounce must be milliseconds (0-10000), got {v!r}")
    return ms


def _docs_url(v: Any, problems: list[str]) -> str:
    if isinstance(v, str):
        return v.strip()
    raise _Bad(f"resolint.docsUrl must be a URL (a string), got {v!r}")


def _budget(v: Any, problems: list[str]) -> int:
    ms = _ms(v, 600_000)
    if ms is None:
        raise _Bad(f"resolint.lintTimeBudget must be milliseconds (0-600000, 0: no limit), got {v!r}")
    return ms


def _max_diagnostics(v: Any, problems: list[str]) -> int:
    n = _ms(v, 1_000_000)  # a count, read as _ms reads milliseconds
    if n is None:
        raise _Bad(f"resolint.maxDiagnostics must be a number of diagnostics (0-1000000, 0: no limit), got {v!r}")
    return n


#: The client's key, the EditorSettings field it sets and its reader, in reporting order.
_KEYS = (
    ("style", "style", _style),
    ("run", "run", _run),
    ("severityOverrides", "severity_overrides", _severity_overrides),
    ("formatting", "formatting", _formatting),
    ("debounce", "debounce_ms", _debounce),
    ("docsUrl", "docs_url", _docs_url),
    ("lintTimeBudget", "budget_ms", _budget),
    ("maxDiagnostics", "max_diagnostics", _max_diagnostics),
)
#: The settings the server reads, by the client's names (the VS Code extension declares
#: them, with the client's own, in its package.json: tests/lsp/test_settings_contract.py).
EDITOR_KEYS = tuple(key for key, _attr, _read in _KEYS)


def parse_editor_settings(raw: Any) -> tuple[EditorSettings, list[str]]:
    """Typed editor settings and the problems found (each bad key keeps its default)."""
    problems: list[str] = []
    if raw is None:
        return EditorSettings(), problems
    if not isinstance(raw, dict):
        return EditorSettings(), [f"resolint settings must be an object, got {type(raw).__name__}"]
    if isinstance(raw.get("resolint"), dict):  # {"resolint": {...}} as some clients send it
        raw = raw["resolint"]
    out: dict[str, Any] = {}
    for key, attr, read in _KEYS:
        value = raw.get(key)
        if value is None:
            continue
        try:
            out[attr] = read(value, problems)
        except _Bad as bad:
            problems.append(str(bad))
    return EditorSettings(**out), problems


def uri_to_path(uri: str) -> Path | None:
    """The file path of a ``file:`` URI, or None for other schemes (untitled: …) and for
    a path no file can have (a NUL character, ``%00``): such a document is linted like an
    unsaved one, with the workspace's configuration (the server logs why)."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if "\x00" in path:
        return None
    if os.name == "nt" and len(path) > 2 and path[0] == "/" and path[2] == ":":  # pragma: no cover
        path = path[1:]
    return Path(path)


@record(frozen=True, slots=True)
class ProjectSettings:
    settings: Settings
    config_path: str | None
    error: str | None = None  # why the file could not be used (defaults are in force)
    #: Configuration names passed over on the way up (a FIFO, a device, a folder): the
    #: CLI warns of them on stderr, the editor shows the same words (see ``build_state``).
    skipped: tuple[str, ...] = ()


class ProjectConfig:
    """Project settings per document, cached by configuration file and mtime."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[int, ProjectSettings]] = {}
        #: The settings of every document without a configuration file: one object, so
        #: that what is cached per settings object (a document's incremental lint, the
        #: engine's enabled rules) lasts from one keystroke to the next.
        self._defaults = ProjectSettings(Settings(), None)

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()

    def for_path(self, path: Path | None, fallback_dir: Path | None = None) -> ProjectSettings:
        start = path if path is not None else (fallback_dir or Path.cwd())
        passed: list[Path] = []
        try:
            cfg = find_config(start, passed)
        except OSError:
            cfg = None
        # the one defaults object when there is no file: its identity keeps the caches warm
        result = self._defaults if cfg is None else self._load(cfg)
        skipped = tuple(dict.fromkeys(map(str, passed)))
        return replace(result, skipped=skipped) if skipped else result

    def _load(self, cfg: Path) -> ProjectSettings:
        """The settings of ``cfg``, read again only when its mtime changed."""
        key = str(cfg)
        try:
            mtime = cfg.stat().st_mtime_ns
        except OSError:
            mtime = -1
        with self._lock:
            hit = self._cache.get(key)
            if hit and hit[0] == mtime:
                return hit[1]
        try:
            result = ProjectSettings(load_settings(cfg), key)
        except ConfigError as exc:
            result = ProjectSettings(Settings(), key, str(exc))
        except Exception as exc:  # anything else about the file: report it, keep going
            result = ProjectSettings(Settings(), key, f"{cfg}: {exc}")
        with self._lock:
            self._cache[key] = (mtime, result)
        return result


def effective_style(project: Settings, editor: EditorSettings) -> str | None:
    """The style override to lint with: the editor's, unless the project names one."""
    if project.style != "auto":
        return None
    if editor.style and editor.style != "auto":
        return editor.style
    return None
