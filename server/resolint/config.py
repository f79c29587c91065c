"""Project configuration: ``resolint.toml``, ``.resolint.toml`` or ``[tool.resolint]``.

The nearest file walking up from the document wins; ``extend = "path"`` layers another
file beneath it. Every key is checked: an unknown key or a value of the wrong type is one
:class:`ConfigError` naming the file, the key and what was expected, so a typo never
silently turns a rule off. The CLI and the language server read configuration through
this module alone, so the editor and CI cannot disagree.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import json
import os
import stat
import tomllib
import urllib.parse
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from resolint import globs
from resolint.codes import house_codes
from resolint.config_check import check_selectors, check_settings
from resolint.includes import LINK_LOOP, check_values, link_loop, resolve_style_includes

# The settings types live in resolint.settings (no imports of ours); callers import them here too.
from resolint.settings import (  # noqa: F401 (MAX_SIZE: re-exported)
    CONFIG_NAMES,
    MAX_EXTEND_DEPTH,
    MAX_SIZE,
    PYPROJECT,
    SCHEMA_PATH,
    SEVERITIES,
)
from resolint.settings import (
    DEFAULT_EXCLUDE as DEFAULT_EXCLUDE,
)
from resolint.settings import (
    DEFAULT_FAIL_ON as DEFAULT_FAIL_ON,
)
from resolint.settings import (
    DEFAULT_INCLUDE as DEFAULT_INCLUDE,
)
from resolint.settings import (
    DEFAULT_MAX_FILE_SIZE as DEFAULT_MAX_FILE_SIZE,
)
from resolint.settings import (
    ConfigError as ConfigError,
)
from resolint.settings import (
    Settings as Settings,
)
from resolint.settings import (
    parse_size as parse_size,
)
from resolint.styles import FOLDER_KEY, data_file


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
VARIANT_KEYS = ("text", "fix", "safe", "why")


def _iso_date(path: Any, key: str, value: Any) -> None:
    _string(path, key, value)
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(path, key, f"expected an ISO date (YYYY-MM-DD), got {value!r}") from None


def _positive_int(path: Any, key: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(path, key, f"expected a positive integer, got {_type(value)}")


def _strings(path: Any, key: str, value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise ConfigError(path, key, f"expected a list of strings, got {_type(value)}")


def _variants(path: Any, key: str, value: Any) -> None:
    """An instrument's ``variants``: wrong names, each with its fix and whether it is safe."""
    if not isinstance(value, list):
        raise ConfigError(path, key, f"expected a list of tables, got {_type(value)}")
    for i, item in enumerate(value):
        where = f"{key}[{i}]"
        item = _table(path, where, item)
        for vk, vv in item.items():
            if vk not in VARIANT_KEYS:
                raise ConfigError(path, f"{where}.{vk}", f"unknown key (known: {', '.join(VARIANT_KEYS)})")
            (_bool if vk == "safe" else _string)(path, f"{where}.{vk}", vv)
        if "text" not in item:
            raise ConfigError(path, where, "a variant needs 'text' (the wrong name)")


#: The keys of an instrument in ``[terms.instruments]``, each with the check of its value.
_INSTRUMENT_VALUES = {
    "short": _string,
    "aliases": _strings,
    "kind": _string,
    "adopted_by": _string,
    "adopted_on": _iso_date,
    "articles": _positive_int,
    "variants": _variants,
    "status": _string,
}
INSTRUMENT_KEYS = tuple(_INSTRUMENT_VALUES)


def _terms(path: Any, key: str, value: Any) -> dict[str, Any]:
    table = _table(path, key, value)
    for name, v in table.items():
        where = f"{key}.{name}"
        if name in TERM_STRINGS:
            _string(path, where, v)
            if name == "article-case" and v not in ("lower", "upper", "any"):
                raise ConfigError(path, where, f"expected one of lower, upper, any, got {v!r}")
        elif name == "organization":
            _strings(path, where, v)  # the names the chief's title may give the body (TRM005)
        elif name == "prefer":
            for wrong, right in _table(path, where, v).items():
                _string(path, f"{where}.{wrong}", right)
        elif name == "instruments":
            for title, body in _table(path, where, v).items():
                _instrument(path, f"{where}.{title}", body)
        else:
            raise ConfigError(path, where, f"unknown key (known: {', '.join(TERM_STRINGS + ('organization', 'prefer', 'instruments'))})")
    return table


def _instrument(path: Any, where: str, body: Any) -> None:
    for k, v in _table(path, where, body).items():
        if k not in INSTRUMENT_KEYS:
            raise ConfigError(path, f"{where}.{k}", f"unknown key (known: {', '.join(INSTRUMENT_KEYS)})")
        _INSTRUMENT_VALUES[k](path, f"{where}.{k}", v)


def _author(path: Any, key: str, value: Any) -> str:
    author = _string(path, key, value).strip()
    if not author:
        raise ConfigError(path, key, "expected a name to sign tracked changes with, got an empty string")
    return author


def _level(path: Any, key: str, value: Any) -> str:
    if value not in SEVERITIES:
        raise ConfigError(path, key, f"expected one of {', '.join(SEVERITIES)}, got {value!r}")
    return value


def _fail_on(path: Any, key: str, value: Any) -> str:
    return _level(path, key, _string(path, key, value))


def _size_value(path: Any, key: str, value: Any) -> int:
    size = parse_size(value)
    if size is None:
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        raise ConfigError(path, key, f"expected a size such as 10MB, 500kB or 0 (no limit), up to 1000 TB; got {shown}")
    return size


def _url(path: Any, key: str, value: Any) -> str:
    """``docs-url``: empty, or an absolute http(s) or file URL (the SARIF report's rule
    links are made from it, and SARIF wants URIs there)."""
    url = _string(path, key, value).strip()
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https", "file") or (parts.scheme != "file" and not parts.netloc) or " " in url:
        raise ConfigError(path, key, f"expected an http(s) address such as https://example.org/resolint/, got {value!r}")
    return url


def _per_file_ignores(path: Any, key: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((pat, _codes(path, f"{key}.{pat}", codes)) for pat, codes in _table(path, key, value).items())


def _rules(path: Any, key: str, value: Any, s: Settings) -> dict[str, Any]:
    rules = dict(s.rules)
    for code, opts in _table(path, key, value).items():
        rules[code.upper()] = {**rules.get(code.upper(), {}), **_table(path, f"rules.{code}", opts)}
    return {"rules": rules}


def _severity(path: Any, key: str, value: Any, s: Settings) -> dict[str, Any]:
    sev = dict(s.severity)
    for code, level in _table(path, key, value).items():
        sev[code.upper()] = _level(path, f"severity.{code}", level)
    return {"severity": sev}


def _styles(path: Any, key: str, value: Any, s: Settings) -> dict[str, Any]:
    """A house's own styles: ``@file`` phrase lists are read now, inside the configuration's
    folder only; the folder is kept so that ``@file`` values resolve beside it too."""
    styles = dict(s.styles)
    folder = Path(path).parent if path is not None and Path(path).is_file() else None
    for name, body in _table(path, key, value).items():
        body = dict(resolve_style_includes(
            _table(path, f"styles.{name}", body), folder, lambda n: data_file(n) is not None,
            lambda k, problem, name=name: ConfigError(path, f"styles.{name}{k}", problem),
        ))
        body.pop(FOLDER_KEY, None)
        if folder is not None:
            body[FOLDER_KEY] = str(folder.resolve())
        styles[name] = body
    return {"styles": styles}


def _merged_terms(path: Any, key: str, value: Any, s: Settings) -> dict[str, Any]:
    return {"terms": {**s.terms, **_terms(path, key, value)}}


#: Keys whose value replaces one attribute: key -> (attribute, reader of the value).
_SIMPLE_KEYS: dict[str, tuple[str, Any]] = {
    "style": ("style", _string),
    "select": ("select", _codes),
    "extend-select": ("extend_select", _codes),
    "ignore": ("ignore", _codes),
    "unsafe-fixes": ("unsafe_fixes", _bool),
    "track-changes": ("track_changes", _bool),
    "revision-author": ("revision_author", _author),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "fail-on": ("fail_on", _fail_on),
    "max-file-size": ("max_file_size", _size_value),
    "docs-url": ("docs_url", _url),
}
def _house_key(path: Path | str | None, key: str, value: Any, base: Settings) -> dict[str, Any]:
    """``custom-rules`` and ``nlp``, read by :func:`resolint.custom_rules.config.read_key`."""
    from resolint.custom_rules.config import read_key  # lazy: the house rule machinery, only when a configuration has house rules

    return read_key(path, key, value, base)


#: Keys merged with the base settings (or read by their own module): key -> reader of changes.
_MERGED_KEYS: dict[str, Any] = {
    "rules": _rules,
    "severity": _severity,
    "terms": _merged_terms,
    "styles": _styles,
    "custom-rules": _house_key,
    "nlp": _house_key,
}
#: Keys written with underscores, as Python users do, are accepted too.
_ALIASES = {k.replace("-", "_"): k for k in _SIMPLE_KEYS if "-" in k}


def settings_from_table(table: dict[str, Any], path: Path | str | None = None, base: Settings | None = None) -> Settings:
    """Validate a parsed table (from a file or from editor settings) into Settings."""
    s = base or Settings()
    changes: dict[str, Any] = {}
    check_values(table, lambda key, problem: ConfigError(path, key, problem))
    for key, value in table.items():
        if key == "extend":
            continue
        canonical = _ALIASES.get(key, key)
        if canonical in _SIMPLE_KEYS:
            attr, read = _SIMPLE_KEYS[canonical]
            changes[attr] = read(path, key, value)
        elif canonical in _MERGED_KEYS:
            changes.update(_MERGED_KEYS[canonical](path, key, value, s))
        else:
            raise ConfigError(path, key, _unknown_key(key))
    result = replace(s, **changes)
    if {"style", "styles", "rules", "custom_rules", "nlp_pipeline"} & changes.keys():
        check_settings(result, path)
    if {"select", "extend_select", "ignore", "severity", "per_file_ignores"} & changes.keys():
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


#: A configuration file larger than this is refused unread: no configuration is that
#: large, and ``tomllib`` would hold all of it (a 6 MB file took 12 s to refuse).
MAX_CONFIG_BYTES = 16 * 1024 * 1024


def _config_bytes(path: Path) -> bytes:
    """The bytes of a configuration file that is a regular file. ``--config`` naming a
    FIFO blocked on open, and ``/dev/zero`` was read for ever: the file is opened without
    blocking and checked before a byte is read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ConfigError(path, "", "not a regular file (a FIFO, a device or a folder): nothing to read")
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(path, "", f"larger than {MAX_CONFIG_BYTES // 2**20} MiB: no configuration is that large")
    return data


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(_config_bytes(path).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "", f"not UTF-8: {exc}") from None
    except RecursionError:
        raise ConfigError(path, "", "arrays or tables nested too deeply to read") from None
    except OSError as exc:
        raise ConfigError(path, "", f"cannot read: {exc.strerror or exc}") from None
    if path.name == PYPROJECT:
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
    if link_loop(path):  # (--config naming one: resolve() raised RuntimeError, an internal error)
        raise ConfigError(path, "", f"the name {LINK_LOOP}")
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
        base = _rebased(load_settings(_extended(path, extend), _seen + (path,)), path.parent)
    settings = settings_from_table(table, path, base)
    return replace(settings, path=str(path), root=str(path.parent))


def _extended(path: Path, extend: str) -> Path:
    """The file that ``extend`` in the configuration ``path`` names, checked. A name the
    system refuses (a NUL byte in it, a name too long) is a configuration error like a
    missing file: it was an internal error ("embedded null byte", "File name too long").
    A loop of symbolic links is named as one (it read "Symlink loop from …", or, on a
    newer Python, "file not found")."""
    if link_loop(path.parent / extend):
        raise ConfigError(path, "extend", f"{extend[:80]!r}{'…' if len(extend) > 80 else ''} {LINK_LOOP}")
    try:
        target = (path.parent / extend).resolve()
        repository = _repository_of(path.parent)
        if repository is not None and not target.is_relative_to(repository):
            raise ConfigError(path, "extend", f"'{extend}' is outside the repository ({repository}): a configuration in a "
                              "repository extends only files in it (give a file from elsewhere with --config)")
        if not target.is_file():
            # (a FIFO or a folder is there, but is no file to read: "file not found" misled)
            what = "not a regular file" if target.exists() else "file not found"
            raise ConfigError(path, "extend", f"{what}: {target}")
    except (OSError, RuntimeError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(path, "extend", f"cannot use {extend[:80]!r}{'…' if len(extend) > 80 else ''} as a file name: {reason}") from None
    return target


def _repository_of(folder: Path) -> Path | None:
    """The git repository holding ``folder`` (the nearest folder above it with ``.git``),
    or None. A repository's configuration is someone else's when it is cloned: its
    ``extend`` may not reach out of it (``extend = "/etc/…"``, ``"../../secrets.toml"``),
    as a phrase list's ``@file`` may not leave the configuration's folder: what it read
    there would be echoed in errors, and in a CI log."""
    for d in (folder, *folder.parents):
        if (d / ".git").exists():
            return d
    return None


def _rebased(base: Settings, folder: Path) -> Settings:
    """``base`` (from a file that ``extend`` pulls in) with its glob patterns rewritten to
    mean, from ``folder``, what they meant from that file's own folder: the patterns of
    every file of the chain are relative to the folder of the file that says them."""
    if base.root is None:
        return base
    def moved(pattern: str) -> str:
        return globs.rebase(pattern, base.root or "", folder)

    return replace(
        base, include=tuple(map(moved, base.include)), exclude=tuple(map(moved, base.exclude)),
        per_file_ignores=tuple((moved(p), codes) for p, codes in base.per_file_ignores), root=str(folder),
    )


def skipped_message(name: Path | str) -> str:
    """What the CLI (on stderr) and the editor (a message) say of a configuration name
    passed over by :func:`find_config`: the same words in both."""
    if link_loop(Path(name)):  # (exists() says False of one: it was passed over without a word)
        return f"{name}: the name {LINK_LOOP}: not read as a configuration"
    return f"{name}: not a regular file (a FIFO, a device or a folder): not read as a configuration"


def real_path(path: Path) -> Path:
    """``path`` with its links and ``..`` resolved, as ``Path.resolve()`` gives it, but
    never an error: through a loop of links (a draft named ``loop/x.res.txt``, standard
    input named so with ``--stdin-filename``) Python 3.11 raises RuntimeError ("Symlink
    loop from …"), and the run was an internal error. The loop's part is then kept as
    written (what ``os.path.realpath`` gives): no configuration is found inside it, and
    the folders above it are searched as for any other folder this user cannot read."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.realpath(path))


def find_config(start: Path, skipped: list[Path] | None = None) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or a folder);
    ``skipped`` gets the names passed over (see :func:`_config_in`)."""
    folder = start if _looked_at(start.is_dir) else start.parent
    folder = real_path(folder)
    for d in (folder, *folder.parents):
        found = _config_in(d, skipped)
        if found is not None:
            return found
    return None


def _config_in(folder: Path, skipped: list[Path] | None = None) -> Path | None:
    """The configuration file of ``folder`` itself, if it has one. A name that is there
    but no regular file (a FIFO, a device, a folder, a loop of links) is passed over unread, so nothing
    blocks, and added to ``skipped``: the command line says so (it was silent, and the
    configuration above it applied without a word)."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if _looked_at(candidate.is_file):
            if name == PYPROJECT and not _has_tool_section(candidate):
                continue
            return candidate
        if skipped is not None and (_looked_at(candidate.exists) or (_looked_at(candidate.is_symlink) and link_loop(candidate))):
            skipped.append(candidate)
    return None


def _looked_at(question: Callable[[], bool]) -> bool:
    """``question()`` (a path's ``is_dir``, ``is_file`` or ``exists``), False when the
    system will not say: in a folder the user may not search (``--stdin-filename
    /root/x.res.txt``, a draft named in another user's folder) ``stat`` fails with
    "Permission denied", which pathlib raises, and the run was an internal error. What
    cannot be looked at holds no configuration for this user; the folders above still do."""
    try:
        return question()
    except OSError:
        return False


class ConfigFinder:
    """:func:`find_config` for the many files of one run, each folder looked at once.

    A run over an archive asks for the nearest configuration of every file; without
    this each ask resolved the file's folder and looked for three names in it and in
    every folder above (over a dozen ``stat`` calls per file). The answers are kept for
    the finder's life: make one per run, so that a configuration file created later is
    seen by the next run.
    """

    def __init__(self) -> None:
        self._by_folder: dict[Path, Path | None] = {}  # as given (not resolved) -> its answer
        self._by_resolved: dict[Path, Path | None] = {}
        self.skipped: list[Path] = []  # names passed over: not regular files (see _config_in)

    def __call__(self, start: Path) -> Path | None:
        folder = start if _looked_at(start.is_dir) else start.parent
        if folder not in self._by_folder:
            self._by_folder[folder] = self._nearest(real_path(folder))
        return self._by_folder[folder]

    def _nearest(self, folder: Path) -> Path | None:
        if folder not in self._by_resolved:
            found = _config_in(folder, self.skipped)
            if found is None and folder.parent != folder:
                found = self._nearest(folder.parent)
            self._by_resolved[folder] = found
        return self._by_resolved[folder]


#: How much of a ``pyproject.toml`` :func:`_has_tool_section` holds at a time.
_SCAN_CHUNK = 1 << 20
_TOOL_SECTION = b"[tool.resolint"


def _has_tool_section(path: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.resolint…]`` table, read a chunk at a
    time: read whole, a repository's pyproject.toml of gigabytes was held in memory by
    every run beneath it (one over :data:`MAX_CONFIG_BYTES` with the table is then
    refused by :func:`load_settings`). Opened without blocking, as a regular file only."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            return False
        tail = b""
        while chunk := fh.read(_SCAN_CHUNK):
            seen = tail + chunk
            if _TOOL_SECTION in seen:
                return True
            tail = seen[-(len(_TOOL_SECTION) - 1):]  # a table name cut by the chunk's end
    return False


def settings_for(start: Path) -> Settings:
    path = find_config(start)
    return load_settings(path) if path else Settings()


def house_codes_here() -> tuple[str, ...]:
    """Codes of the house rules in force in the working folder's configuration (for the
    command line's ``--select``); () when that configuration cannot be read (loading it
    reports the problem itself)."""
    try:
        settings = settings_for(Path.cwd())
    except Exception:  # reported where the configuration is loaded
        return ()
    return house_codes(settings)
