"""Project configuration: ``resolint.toml``, ``.resolint.toml`` or ``[tool.resolint]``.

The nearest file walking up from the document wins; ``extend = "path"`` layers another
file beneath it. Every key is checked: an unknown key or a value of the wrong type is one
:class:`ConfigError` naming the file, the key and what was expected, so a typo never
silently turns a rule off. The CLI and the language server read configuration through
this module alone, so the editor and CI cannot disagree.
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
import json
import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from resolint.includes import check_values, resolve_style_includes
from resolint.styles import FOLDER_KEY, data_file

CONFIG_NAMES = ("resolint.toml", ".resolint.toml", "pyproject.toml")
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
_SIZE = re.compile(r"^\s*+(\d++(?:\.\d++)?+)\s*+([kmg]?+)i?+b?+\s*+$", re.IGNORECASE)  # possessive: no backtracking over a long run of digits
_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
#: No size limit above a petabyte means anything: read as unreadable (0 means no limit).
MAX_SIZE = 10**15
#: ``extend`` chains longer than this are refused (a loop is caught on its own).
MAX_EXTEND_DEPTH = 32


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
        where = f"{self.path}: " + (f"key '{key}': " if key else "")
        super().__init__(where + problem)


@dataclass(frozen=True, slots=True)
class Settings:
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
    custom_rules: tuple[Any, ...] = ()  # house rules ([[custom-rules]]): resolint.custom_rules.RuleSpec
    nlp_pipeline: str | None = None  # [nlp] pipeline: a trained spaCy pipeline for house rules
    path: str | None = None  # the file these settings came from
    root: str | None = None  # the folder relative to which per-file patterns match

    def ignored_for(self, file_path: str | None) -> tuple[str, ...]:
        """Codes ignored for ``file_path`` by ``per-file-ignores``."""
        if not file_path or not self.per_file_ignores:
            return ()
        rel = _relative(file_path, self.root)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(rel).name, pattern):
                out.extend(codes)
        return tuple(out)

    def with_overrides(self, **kwargs: Any) -> "Settings":
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})


def _relative(file_path: str, root: str | None) -> str:
    p = Path(file_path)
    if root:
        try:
            return p.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return p.as_posix()


# key -> (attribute, checker description, converter)
def _codes(path: Any, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, key, f"expected a list of rule codes or prefixes (strings), got {_type(value)}")
    return tuple(v.strip().upper() for v in value)


def _type(value: Any) -> str:
    return {str: "a string", bool: "a boolean", int: "an integer", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _string(path: Any, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(path, key, f"expected a string, got {_type(value)}")
    return value


def _bool(path: Any, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(path, key, f"expected true or false, got {_type(value)}")
    return value


def _table(path: Any, key: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(path, key, f"expected a table, got {_type(value)}")
    return value


def _globs(path: Any, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, key, f"expected a list of glob patterns (strings), got {_type(value)}")
    return tuple(value)


#: ``[terms]``: house terms that override the style's, an organization's preferred words,
#: and its own instruments (see README "Terms and instruments").
TERM_STRINGS = ("chief", "members", "self-reference", "article-case")
INSTRUMENT_KEYS = ("short", "aliases", "kind", "adopted_by", "adopted_on", "articles", "variants", "status")
VARIANT_KEYS = ("text", "fix", "safe", "why")


def _terms(path: Any, key: str, value: Any) -> dict[str, Any]:
    table = _table(path, key, value)
    for name, v in table.items():
        where = f"{key}.{name}"
        if name in TERM_STRINGS:
            _string(path, where, v)
            if name == "article-case" and v not in ("lower", "upper", "any"):
                raise ConfigError(path, where, f"expected one of lower, upper, any, got {v!r}")
        elif name == "prefer":
            for wrong, right in _table(path, where, v).items():
                _string(path, f"{where}.{wrong}", right)
        elif name == "instruments":
            for title, body in _table(path, where, v).items():
                _instrument(path, f"{where}.{title}", body)
        else:
            raise ConfigError(path, where, f"unknown key (known: {', '.join(TERM_STRINGS + ('prefer', 'instruments'))})")
    return table


def _instrument(path: Any, where: str, body: Any) -> None:
    body = _table(path, where, body)
    for k, v in body.items():
        w = f"{where}.{k}"
        if k not in INSTRUMENT_KEYS:
            raise ConfigError(path, w, f"unknown key (known: {', '.join(INSTRUMENT_KEYS)})")
        if k in ("short", "kind", "adopted_by", "status"):
            _string(path, w, v)
        elif k == "adopted_on":
            _string(path, w, v)
            try:
                import datetime

                datetime.date.fromisoformat(v)
            except ValueError:
                raise ConfigError(path, w, f"expected an ISO date (YYYY-MM-DD), got {v!r}") from None
        elif k == "articles":
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                raise ConfigError(path, w, f"expected a positive integer, got {_type(v)}")
        elif k == "aliases":
            if not isinstance(v, list) or not all(isinstance(a, str) for a in v):
                raise ConfigError(path, w, f"expected a list of strings, got {_type(v)}")
        elif k == "variants":
            if not isinstance(v, list):
                raise ConfigError(path, w, f"expected a list of tables, got {_type(v)}")
            for i, item in enumerate(v):
                item = _table(path, f"{w}[{i}]", item)
                for vk, vv in item.items():
                    if vk not in VARIANT_KEYS:
                        raise ConfigError(path, f"{w}[{i}].{vk}", f"unknown key (known: {', '.join(VARIANT_KEYS)})")
                    (_bool if vk == "safe" else _string)(path, f"{w}[{i}].{vk}", vv)
                if "text" not in item:
                    raise ConfigError(path, f"{w}[{i}]", "a variant needs 'text' (the wrong name)")


def settings_from_table(table: dict[str, Any], path: Path | str | None = None, base: Settings | None = None) -> Settings:
    """Validate a parsed table (from a file or from editor settings) into Settings."""
    s = base or Settings()
    changes: dict[str, Any] = {}
    check_values(table, lambda key, problem: ConfigError(path, key, problem))
    for key, value in table.items():
        if key == "extend":
            continue
        if key == "style":
            changes["style"] = _string(path, key, value)
        elif key == "select":
            changes["select"] = _codes(path, key, value)
        elif key in ("extend-select", "extend_select"):
            changes["extend_select"] = _codes(path, key, value)
        elif key == "ignore":
            changes["ignore"] = _codes(path, key, value)
        elif key in ("unsafe-fixes", "unsafe_fixes"):
            changes["unsafe_fixes"] = _bool(path, key, value)
        elif key in ("track-changes", "track_changes"):
            changes["track_changes"] = _bool(path, key, value)
        elif key in ("revision-author", "revision_author"):
            author = _string(path, key, value).strip()
            if not author:
                raise ConfigError(path, key, "expected a name to sign tracked changes with, got an empty string")
            changes["revision_author"] = author
        elif key in ("per-file-ignores", "per_file_ignores"):
            table_ = _table(path, key, value)
            changes["per_file_ignores"] = tuple((pat, _codes(path, f"{key}.{pat}", codes)) for pat, codes in table_.items())
        elif key == "rules":
            rules = dict(s.rules)
            for code, opts in _table(path, key, value).items():
                rules[code.upper()] = {**rules.get(code.upper(), {}), **_table(path, f"rules.{code}", opts)}
            changes["rules"] = rules
        elif key == "severity":
            sev = dict(s.severity)
            for code, level in _table(path, key, value).items():
                if level not in SEVERITIES:
                    raise ConfigError(path, f"severity.{code}", f"expected one of {', '.join(SEVERITIES)}, got {level!r}")
                sev[code.upper()] = level
            changes["severity"] = sev
        elif key == "terms":
            changes["terms"] = {**s.terms, **_terms(path, key, value)}
        elif key == "styles":
            styles = dict(s.styles)
            folder = Path(path).parent if path is not None and Path(path).is_file() else None
            for name, body in _table(path, key, value).items():
                body = dict(resolve_style_includes(
                    _table(path, f"styles.{name}", body), folder, lambda n: data_file(n) is not None,
                    lambda k, problem, name=name: ConfigError(path, f"styles.{name}{k}", problem),
                ))
                body.pop(FOLDER_KEY, None)
                if folder is not None:
                    body[FOLDER_KEY] = str(folder.resolve())  # "@file" values (a house data file) resolve beside it
                styles[name] = body
            changes["styles"] = styles
        elif key == "include":
            changes["include"] = _globs(path, key, value)
        elif key == "exclude":
            changes["exclude"] = _globs(path, key, value)
        elif key in ("fail-on", "fail_on"):
            level = _string(path, key, value)
            if level not in SEVERITIES:
                raise ConfigError(path, key, f"expected one of {', '.join(SEVERITIES)}, got {level!r}")
            changes["fail_on"] = level
        elif key in ("custom-rules", "nlp"):
            from resolint.custom_rules.config import read_key

            changes.update(read_key(path, key, value, s))
        elif key in ("max-file-size", "max_file_size"):
            size = parse_size(value)
            if size is None:
                shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
                raise ConfigError(path, key, f"expected a size such as 10MB, 500kB or 0 (no limit), up to 1000 TB; got {shown}")
            changes["max_file_size"] = size
        elif key in ("docs-url", "docs_url"):
            changes["docs_url"] = _string(path, key, value)
        else:
            raise ConfigError(path, key, _unknown_key(key))
    result = replace(s, **changes)
    if {"style", "styles", "rules", "custom_rules", "nlp_pipeline"} & changes.keys():
        from resolint.config_check import check_settings

        check_settings(result, path)
    if {"select", "extend_select", "ignore", "severity", "per_file_ignores"} & changes.keys():
        from resolint.config_check import check_selectors

        check_selectors(changes, path, result)
    return result


@functools.lru_cache(maxsize=1)
def schema_keys() -> tuple[str, ...]:
    """The top-level keys of the published schema: the one list of what a file may say."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return tuple(k for k, v in schema["properties"].items() if "$ref" not in v)


def _unknown_key(key: str) -> str:
    known = schema_keys()
    near = difflib.get_close_matches(key.replace("_", "-"), known, n=1, cutoff=0.6)
    hint = f"did you mean '{near[0]}'? " if near else ""
    return f"unknown key ({hint}known: {', '.join(known)})"


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "", f"not UTF-8: {exc}") from None
    except RecursionError:
        raise ConfigError(path, "", "arrays or tables nested too deeply to read") from None
    except OSError as exc:
        raise ConfigError(path, "", f"cannot read: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("resolint") if isinstance(tool, dict) else None
        if section is None:
            return {}
        if not isinstance(section, dict):
            raise ConfigError(path, "tool.resolint", "expected a table")
        return section
    return data


def load_settings(path: Path, _seen: tuple[Path, ...] = ()) -> Settings:
    """Settings from one configuration file, with its ``extend`` chain beneath it."""
    path = path.resolve()
    if path in _seen:
        raise ConfigError(path, "extend", "configuration files extend each other in a loop")
    if len(_seen) >= MAX_EXTEND_DEPTH:
        raise ConfigError(path, "extend", f"more than {MAX_EXTEND_DEPTH} configuration files extend one another")
    table = _read_toml(path)
    base = Settings()
    extend = table.get("extend")
    if extend is not None:
        if not isinstance(extend, str):
            raise ConfigError(path, "extend", f"expected a path (string), got {_type(extend)}")
        target = (path.parent / extend).resolve()
        if not target.is_file():
            raise ConfigError(path, "extend", f"file not found: {target}")
        base = load_settings(target, _seen + (path,))
    settings = settings_from_table(table, path, base)
    return replace(settings, path=str(path), root=str(path.parent))


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or a folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_section(candidate):
                    continue
                return candidate
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return b"[tool.resolint" in path.read_bytes()
    except OSError:
        return False


def settings_for(start: Path) -> Settings:
    path = find_config(start)
    return load_settings(path) if path else Settings()
