"""House styles: data files that say how a body writes its resolutions.

A style is a TOML file (built-in ones live in ``resolint_rules/styles``; an organization
adds its own in ``resolint.toml`` with ``extends``). Lists of phrases may name a data
file with ``@file.txt``: a house style's file is looked for first in the folder of the
configuration that defines the style (and must stay inside it), then among the built-in
data files (``resolint_rules/data``). Styles are merged key by key: a table in the child
updates the parent's table; a value replaces it, except that ``extend-KEY = [...]`` adds
its items to the list ``KEY`` inherited from the parent (a house keeps the built-in
phrases and adds its own). See docs/styles.md.
"""

from __future__ import annotations

import copy
import functools
import re
import tomllib
from dataclasses import field
from pathlib import Path
from typing import Any

from resolint import userregex
from resolint.entrypoints import entry_points
from resolint.includes import inside
from resolint.records import record

STYLE_GROUP = "resolint.styles"
#: Prefix of a key that adds to an inherited list instead of replacing it.
EXTEND_PREFIX = "extend-"
#: Key the configuration loader sets on a house style: the folder of its config file.
FOLDER_KEY = "_folder"


class StyleError(Exception):
    """A style that cannot be loaded; ``style_key``: the dotted key inside the style at
    fault, when one is ("citations.conferences"), for the configuration error to name."""

    def __init__(self, message: str, style_key: str = "") -> None:
        super().__init__(message)
        self.style_key = style_key


#: Markers of :meth:`Style.get`'s memo: not looked up yet; looked up and absent.
_UNSET = object()
_MISSING = object()


@record(slots=True)
class Style:
    """A resolved style. ``raw`` keeps every key, for rules reading their own tables."""

    name: str
    description: str
    raw: dict[str, Any]
    preambular: tuple[str, ...] = ()
    operative: tuple[str, ...] = ()
    detected_because: str = ""  # set by auto-detection: why this style was chosen
    #: What :meth:`get` found, by dotted key (``raw`` is never changed once the style is
    #: built). Shared with the style's copies (:func:`load_style` hands out one per lint):
    #: rules ask the same few keys for every paragraph of every file, 100,000 lookups in a
    #: corpus run.
    _found: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def get(self, dotted: str, default: Any = None) -> Any:
        found = self._found.get(dotted, _UNSET)
        if found is _UNSET:
            found = self._found[dotted] = self._lookup(dotted)
        return default if found is _MISSING else found

    def _lookup(self, dotted: str) -> Any:
        node: Any = self.raw
        for key in dotted.split("."):
            if not isinstance(node, dict) or key not in node:
                return _MISSING
            node = node[key]
        return node

    @property
    def opener_case(self) -> str:
        """``"upper"`` (INTERPOL: RECALLING ALSO) or ``"sentence"`` (UN: Recalling also)."""
        return self.get("openers.case", "sentence")

    def opener_case_in(self, part: str) -> str:
        """How the openers of ``part`` (``"preambular"`` or ``"operative"``) are written:
        the style's ``openers.<part>-case`` where it sets one, else ``openers.case``. A
        World Health Assembly writes "Recalling" in its preamble but "URGES" in its
        operative part. (Asked for every paragraph: kept with the style's lookups.)"""
        memo = _RESOLVED_CASE_KEYS.get(part) or f"openers.{part}-case@resolved"
        case = self._found.get(memo)
        if case is None:
            case = self._found[memo] = self.get(f"openers.{part}-case") or self.opener_case
        return case

    @property
    def capital_openers(self) -> bool:
        """Whether either part's openers are written in capitals (the opener reader then
        takes a run of capitals as one unlisted opener: "ENCOURAGES STRONGLY")."""
        return self.opener_case_in("preambular") == "upper" or self.opener_case_in("operative") == "upper"


#: Where :meth:`Style.opener_case_in` keeps each part's answer among the style's lookups.
_RESOLVED_CASE_KEYS = {"preambular": "openers.preambular-case@resolved", "operative": "openers.operative-case@resolved"}


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


def builtin_raw(name: str) -> dict[str, Any]:
    """A built-in style's own table as its file writes it (its parent's keys not merged)."""
    return _builtin_raw(name)[0]


@functools.lru_cache(maxsize=1)
def _builtin_names() -> tuple[str, ...]:
    names: set[str] = set()
    for d in builtin_style_dirs():
        names.update(p.stem for p in d.glob("*.toml") if not p.stem.startswith("_"))
    return tuple(sorted(names))


def builtin_style_names() -> list[str]:
    return list(_builtin_names())


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """``child`` over ``base``: tables merge, values replace, ``extend-KEY`` lists append."""
    out = copy.deepcopy(base)
    extensions = []
    for key, value in child.items():
        if key.startswith(EXTEND_PREFIX) and isinstance(value, list):
            extensions.append((key[len(EXTEND_PREFIX) :], value))
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif key == "custom-rules" and isinstance(value, list) and isinstance(out.get(key), list):
            # House rules accumulate: a child style adds its own and replaces a parent's of the same code.
            codes = {t.get("code") for t in value if isinstance(t, dict)}
            kept = [t for t in out[key] if not (isinstance(t, dict) and t.get("code") in codes)]
            out[key] = kept + copy.deepcopy(value)
        else:
            out[key] = copy.deepcopy(value)
    for key, value in extensions:  # after the child's own KEY, whatever the order written
        inherited = out.get(key, [])
        if not isinstance(inherited, list):
            raise StyleError(f"'{EXTEND_PREFIX}{key}' extends '{key}', which is not a list")
        out[key] = inherited + [v for v in copy.deepcopy(value) if v not in inherited]
    return out


def _localize(table: dict[str, Any], folder: Path, prefix: str = "") -> dict[str, Any]:
    """A house style's ``@file`` values (``conferences = "@ours.csv"``) made absolute when
    the file is in ``folder``, the configuration's own.

    A name that leaves the folder ("@../x.csv", "@/etc/x") is an error: a configuration
    reads data beside itself, nowhere else. A name not found there is left for the
    built-in data files. (``@file`` items of phrase lists were already read when the
    configuration was loaded: :func:`resolint.includes.resolve_style_includes`.)"""
    out: dict[str, Any] = {}
    root = folder.resolve()
    for key, value in table.items():
        if isinstance(value, dict):
            out[key] = _localize(value, folder, f"{prefix}{key}.")
        elif key in DATA_FILE_KEYS and isinstance(value, str) and value:
            try:
                out[key] = _data_file_value(value, root)
            except StyleError as exc:
                raise StyleError(str(exc), f"{prefix}{key}") from None
        elif isinstance(value, str) and value.startswith("@"):
            out[key] = _beside(value, root) or value  # (not there: left for the built-in data files)
        else:
            out[key] = value
    return out


def _beside(value: str, root: Path) -> str | None:
    """``@name`` as ``@`` and the absolute path of ``name`` when it is a file in ``root``
    (the configuration's folder), None when it is not there; a name that leaves ``root``
    is an error."""
    path = (root / value[1:]).resolve()
    if not path.is_relative_to(root):
        raise StyleError(f"'{value}' is outside the folder of the configuration ({root})")
    return "@" + str(path) if path.is_file() else None


#: Keys whose value names a data file (``conferences = "@ours.csv"`` or a built-in name).
DATA_FILE_KEYS = frozenset({"conferences"})


def _data_file_value(value: str, root: Path) -> str:
    """A data file's name as the rules read it: ``@`` and the absolute path of a file in
    the configuration's folder, or the name of a built-in data file. A name that is
    neither is an error: the check that reads it found no file and checked nothing."""
    if value.startswith("@") and (local := _beside(value, root)) is not None:
        return local
    name = value[1:] if value.startswith("@") else value
    if data_file(name) is None:
        raise StyleError(f"'{value}': no such file in the configuration's folder ({root}) or the package's data")
    return value


def _resolve_raw(name: str, custom: dict[str, dict[str, Any]], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    if name in seen:
        raise StyleError(f"style '{name}' extends itself ({' -> '.join(seen + (name,))})")
    if name in custom:
        own = dict(custom[name])
        folder = own.pop(FOLDER_KEY, None)
        if folder:
            own = _localize(own, Path(folder))
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


def _data_lines(filename: str) -> tuple[str, ...]:
    """The phrases of a file of the package's data. A house's own phrase files were read
    when its configuration was loaded (:func:`resolint.includes.resolve_style_includes`,
    inside the configuration's folder only): no other file is ever read here."""
    return _builtin_data_lines(filename)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#"))


def data_file(filename: str) -> Path | None:
    """The package data file ``filename``, only if it lies inside a data folder (an
    absolute name or a ``..`` would otherwise reach any file on the machine)."""
    if not filename or "\x00" in filename or Path(filename).is_absolute():
        return None
    for d in builtin_style_dirs():
        folder = d.parent / "data"
        path = folder / filename
        if inside(path, folder) and path.is_file():
            return path
    return None


@functools.cache
def _builtin_data_lines(filename: str) -> tuple[str, ...]:
    path = data_file(filename)
    if path is None:
        raise StyleError(f"style data file '{filename}' not found in the package's data")
    try:
        return _lines(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise StyleError(f"style data file '{filename}' cannot be read: {exc}") from None


class Phrases(tuple):
    """A style's list of opener phrases: a tuple that keeps its hash.

    The rules key their caches by the list (``functools.lru_cache`` on the nearest-phrase
    suggestion, the respelled openers, the listed heads…), and a tuple works its hash out
    afresh at every lookup: 160 strings, a microsecond, some six times per unknown opener
    (3% of the lint of a draft of one-letter paragraphs).
    Equal to and hashed as the plain tuple of the same phrases."""

    _hash: int

    def __new__(cls, items) -> Phrases:
        self = super().__new__(cls, items)
        self._hash = tuple.__hash__(self)
        return self

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        return (Phrases, (tuple(self),))


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
    return Phrases(seen.values())


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


def builtin_openers(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The (preambular, operative) phrases of the built-in style ``name``, as
    :func:`load_style` lists them, from its ``[openers]`` table merged over its parents'
    alone. The parser's lexicon asks every built-in style for its phrases before a style
    is chosen (:mod:`resolint.parser.lexicon`): merging each style's every table (a deep
    copy of each parent's) is paid only for the style a draft is checked in."""
    openers = _builtin_table(name, "openers") or {}
    return _phrases(openers.get("preambular", [])), _phrases(openers.get("operative", []))


def builtin_added_openers(name: str, part: str) -> tuple[str, ...]:
    """The opener phrases the built-in style ``name`` adds to its parent's ``part`` list
    (``"preambular"`` or ``"operative"``: its own ``extend-PART``, ``@file`` items read),
    without the parent's: what sets the style's drafts apart (the parser reads the ITU
    style's own operative verbs, :func:`resolint.parser.groups.itu_operative_verbs`)."""
    openers = builtin_raw(name).get("openers", {})
    return _phrases(openers.get(EXTEND_PREFIX + part, []))


def _builtin_table(name: str, key: str, seen: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The table ``key`` of the built-in style ``name`` with its parents' merged under it
    as :func:`_resolve_raw` merges it (``None`` when neither it nor a parent has one; a
    table over none is taken as written, as there). Not a copy: not to be changed."""
    if name in seen:
        raise StyleError(f"style '{name}' extends itself ({' -> '.join(seen + (name,))})")
    raw, _ = _builtin_raw(name)
    own = raw.get(key)
    parent = raw.get("extends")
    base = _builtin_table(parent, key, seen + (name,)) if parent else None
    if own is not None and not isinstance(own, dict):
        raise StyleError(f"style '{name}': [{key}] must be a table", key)
    if own is None or base is None:
        return own if own is not None else base
    return _merge(base, own)


def detect_pattern(entry: Any, style_priority: int) -> tuple[Any, int]:
    """A ``[detect]`` list entry's pattern and the priority its match counts with: a
    string counts with the style's ``priority``; a table ``{pattern = '…', priority = N}``
    with its own (the style's when it names none). The pattern is whatever the entry holds:
    the configuration check (:mod:`resolint.config_check`) makes sure it is a pattern."""
    if isinstance(entry, dict):
        return entry.get("pattern"), int(entry.get("priority", style_priority))
    return entry, style_priority


def detect_style(
    opening_text: str, title_text: str, candidates: list[str] | None = None, custom: dict[str, dict[str, Any]] | None = None
) -> tuple[str, str]:
    """Choose a style from the opening and title block; return (name, reason).

    A house style (``custom``) takes part with its own ``[detect]`` table (not one it
    inherits) and wins a tie with a built-in style. A pattern written as a table
    (``{pattern = '…', priority = 16}``) counts with its own priority: one style may say
    more by its title block's symbol than by its opening (:func:`detect_pattern`)."""
    names = tuple(candidates or builtin_style_names())
    # The built-in styles' patterns come first: the best of them, as the loop below would
    # leave it (the first pattern of the highest priority), from the opening's best and
    # the title's (each kept for its text: :func:`_builtin_best`).
    halves = [b for b in (_builtin_best(opening_text, "opening", names), _builtin_best(title_text, "title", names)) if b]
    top = min(halves, key=lambda b: (-b[0], b[1]), default=None)
    best: tuple[int, str, str] | None = None if top is None else (top[0], top[2], top[3])
    tables = [(name, body.get("detect", {}), True) for name, body in (custom or {}).items()]
    given_up: list[str] = []
    for name, detect, is_custom in tables:
        if not isinstance(detect, dict):
            continue
        style_priority = int(detect.get("priority", 0))
        for where, text in (("opening", opening_text), ("title", title_text)):
            for entry in detect.get(where, []):
                pattern, priority = detect_pattern(entry, style_priority)
                m = _detect_search(name, where, pattern, text, is_custom, given_up)
                if m and (best is None or priority > best[0] or (is_custom and priority == best[0])):
                    best = (priority, name, f"the {where} says '{m.group(0).strip('*_# ')}'")
    note = "".join(f"; {g}" for g in given_up)
    if best is None:
        return DEFAULT_STYLE, _default_reason(opening_text) + note
    return best[1], best[2] + note


@functools.lru_cache(maxsize=8)
def _builtin_patterns(names: tuple[str, ...]) -> dict[str, tuple[tuple[int, int, str, re.Pattern[str]], ...]]:
    """For the opening and for the title, (priority, order, style, compiled pattern) of the
    built-in styles ``names``' ``[detect]`` patterns, in the order :func:`detect_style`
    tries them (by style, the opening's before the title's). Compiled once: each
    detection went through every style's table and the ``re`` module's cache for each of
    two dozen patterns, several times a text (the detection, the opening's choice,
    ``--fix``'s refusal)."""
    out: dict[str, list[tuple[int, int, str, re.Pattern[str]]]] = {"opening": [], "title": []}
    for name in names:
        detect = _builtin_raw(name)[0].get("detect", {})
        if not isinstance(detect, dict):
            continue
        style_priority = int(detect.get("priority", 0))
        for where in ("opening", "title"):
            for entry in detect.get(where, []):
                pattern, priority = detect_pattern(entry, style_priority)
                try:
                    compiled = re.compile(pattern)
                except (re.error, TypeError) as exc:
                    raise StyleError(f"style '{name}': [detect] {where} pattern {pattern!r} is not a regular expression: {exc}") from None
                out[where].append((priority, sum(map(len, out.values())), name, compiled))
    return {where: tuple(entries) for where, entries in out.items()}


@functools.lru_cache(maxsize=256)
def _builtin_best(text: str, where: str, names: tuple[str, ...]) -> tuple[int, int, str, str] | None:
    """(priority, order, style, reason) of the first of the built-in patterns for ``where``
    (:func:`_builtin_patterns`) with the highest priority that matches ``text``; None when
    none does. A pattern that cannot outrank the best so far is not tried. Kept for the
    last texts: ``--fix``'s refusal asks again about the opening the lint read."""
    best: tuple[int, int, str, str] | None = None
    for priority, order, name, rx in _builtin_patterns(names)[where]:
        if best is not None and priority <= best[0]:
            continue
        m = rx.search(text)
        if m:
            best = (priority, order, name, f"the {where} says '{m.group(0).strip('*_# ')}'")
    return best


#: The style of a draft whose opening and title name no body a style knows.
DEFAULT_STYLE = "un-ga"


def _default_reason(opening_text: str) -> str:
    """Why the default style was chosen. An opening that names a body with no style of
    its own ("The General Conference,") is quoted: that body's drafts follow their own
    house rules, and the drafter reads here why a General Assembly rule reports."""
    opening = " ".join(opening_text.split()).strip("*_ ")
    if not opening:
        return "no opening or title names a known body; using the default"
    if len(opening) > 80:
        opening = opening[:79] + "…"
    return f"the opening '{opening}' {UNKNOWN_BODY}; using the default"


#: What the default style's reason says when the opening names a body no style knows.
UNKNOWN_BODY = "names no body with a built-in style"


def _detect_search(name: str, where: str, pattern: Any, text: str, is_custom: bool, given_up: list[str]):
    """``pattern``'s match in ``text``. A house style's pattern comes from a configuration
    file, which any repository may carry: it runs with a time limit
    (:mod:`resolint.userregex`), and one that gives up counts as no match and is named in
    ``given_up``; the built-in styles' patterns are the project's own."""
    try:
        if not is_custom:
            return re.search(pattern, text)
        try:
            return userregex.search(pattern, text)
        except userregex.GaveUp:
            given_up.append(f"style '{name}': its [detect] {where} pattern {pattern!r} took too long and was not used (simplify it)")
            return None
    except (re.error, userregex.PatternError, TypeError) as exc:
        raise StyleError(f"style '{name}': [detect] {where} pattern {pattern!r} is not a regular expression: {exc}") from None
