"""House styles: data files that say how a body writes its resolutions.

A style is a TOML file (built-in ones live in ``resolint_rules/styles``; an organization
adds its own in ``resolint.toml`` with ``extends``). Lists of phrases may name a data
file with ``@file.txt``, resolved next to the style's folder ``../data``. Styles are
merged key by key: a table in the child updates the parent's table; a value replaces it.
"""

from __future__ import annotations

import copy
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

STYLE_GROUP = "resolint.styles"


class StyleError(Exception):
    pass


@dataclass(slots=True)
class Style:
    """A resolved style. ``raw`` keeps every key, for rules reading their own tables."""

    name: str
    description: str
    raw: dict[str, Any]
    preambular: tuple[str, ...] = ()
    operative: tuple[str, ...] = ()
    detected_because: str = ""  # set by auto-detection: why this style was chosen

    def get(self, dotted: str, default: Any = None) -> Any:
        node: Any = self.raw
        for key in dotted.split("."):
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node

    @property
    def opener_case(self) -> str:
        """``"upper"`` (INTERPOL: RECALLING ALSO) or ``"sentence"`` (UN: Recalling also)."""
        return self.get("openers.case", "sentence")


@functools.lru_cache(maxsize=1)
def builtin_style_dirs() -> tuple[Path, ...]:
    """Folders of the installed style packs (entry points are slow to scan: once only)."""
    dirs = []
    for ep in entry_points(group=STYLE_GROUP):
        dirs.append(Path(ep.load()()))
    return tuple(dirs)


@functools.cache
def _builtin_raw(name: str) -> tuple[dict[str, Any], Path]:
    for d in builtin_style_dirs():
        path = d / f"{name}.toml"
        if path.is_file():
            with path.open("rb") as fh:
                return tomllib.load(fh), path
    raise StyleError(f"unknown style '{name}' (built in: {', '.join(builtin_style_names())})")


@functools.lru_cache(maxsize=1)
def _builtin_names() -> tuple[str, ...]:
    names = set()
    for d in builtin_style_dirs():
        names.update(p.stem for p in d.glob("*.toml") if not p.stem.startswith("_"))
    return tuple(sorted(names))


def builtin_style_names() -> list[str]:
    return list(_builtin_names())


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif key == "custom-rules" and isinstance(value, list) and isinstance(out.get(key), list):
            # House rules accumulate: a child style adds its own and replaces a parent's of the same code.
            codes = {t.get("code") for t in value if isinstance(t, dict)}
            kept = [t for t in out[key] if not (isinstance(t, dict) and t.get("code") in codes)]
            out[key] = kept + copy.deepcopy(value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _resolve_raw(name: str, custom: dict[str, dict[str, Any]], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    if name in seen:
        raise StyleError(f"style '{name}' extends itself ({' -> '.join(seen + (name,))})")
    if name in custom:
        own = custom[name]
        parent = own.get("extends")
        base = _resolve_raw(parent, custom, seen + (name,)) if parent else {}
        merged = _merge(base, {k: v for k, v in own.items() if k != "extends"})
        merged["name"] = name
        return merged
    raw, _ = _builtin_raw(name)
    parent = raw.get("extends")
    if parent:
        merged = _merge(_resolve_raw(parent, custom, seen + (name,)), {k: v for k, v in raw.items() if k != "extends"})
        merged["name"] = name
        return merged
    return copy.deepcopy(raw)


@functools.cache
def _data_lines(filename: str) -> tuple[str, ...]:
    for d in builtin_style_dirs():
        path = d.parent / "data" / filename
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            return tuple(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))
    raise StyleError(f"style data file '{filename}' not found")


def _phrases(items: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        if item.startswith("@"):
            out.extend(_data_lines(item[1:]))
        else:
            out.append(item)
    seen: dict[str, str] = {}
    for phrase in out:
        seen.setdefault(phrase.lower(), phrase)
    return tuple(seen.values())


def load_style(name: str, custom: dict[str, dict[str, Any]] | None = None) -> Style:
    """The style ``name``, built in or defined in configuration, with its parents merged."""
    custom = custom or {}
    key = (name, _freeze(custom))
    return copy.copy(_load_cached(*key))


def _freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in obj.items()))
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


def _thaw(obj: Any) -> Any:
    if isinstance(obj, tuple) and all(isinstance(i, tuple) and len(i) == 2 and isinstance(i[0], str) for i in obj):
        return {k: _thaw(v) for k, v in obj}
    if isinstance(obj, tuple):
        return [_thaw(v) for v in obj]
    return obj


@functools.lru_cache(maxsize=64)
def _load_cached(name: str, frozen_custom: Any) -> Style:
    custom = _thaw(frozen_custom) if frozen_custom else {}
    raw = _resolve_raw(name, custom)
    openers = raw.get("openers", {})
    return Style(
        name=raw.get("name", name),
        description=raw.get("description", ""),
        raw=raw,
        preambular=_phrases(openers.get("preambular", [])),
        operative=_phrases(openers.get("operative", [])),
    )


def detect_style(opening_text: str, title_text: str, candidates: list[str] | None = None) -> tuple[str, str]:
    """Choose a style from the opening and title block; return (name, reason)."""
    best: tuple[int, str, str] | None = None
    for name in candidates or builtin_style_names():
        raw, _ = _builtin_raw(name)
        detect = raw.get("detect", {})
        priority = int(detect.get("priority", 0))
        for where, text in (("opening", opening_text), ("title", title_text)):
            for pattern in detect.get(where, []):
                m = re.search(pattern, text)
                if m and (best is None or priority > best[0]):
                    best = (priority, name, f"the {where} says '{m.group(0).strip('*_ ')}'")
    if best is None:
        fallback = "un-ga"
        return fallback, "no opening or title names a known body; using the default"
    return best[1], best[2]
