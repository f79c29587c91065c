"""Where two versions of a text (or of a list) differ: how much they share at each end.

After a keystroke the parse (:mod:`resolint.parser.segments`), the incremental linter's
searches, the conversion to LSP diagnostics and the whole-document scans of
:mod:`resolint.invisible` each ask where the new version differs from the last; the
comparisons run a chunk at a time in C. A module of its own, importing nothing of
resolint, so that any module may ask (the parser imports ``invisible``, which asks too).
"""

from __future__ import annotations

from typing import TypeVar

_CHUNK = 2048
#: Two texts, or two lists (a local rule's keys against its last run's: resolint.incremental).
S = TypeVar("S", str, list)


def common_prefix(a: S, b: S, known: int = 0) -> int:
    """How many leading characters (or items: two lists) ``a`` and ``b`` share, given
    that they share the first ``known``.

    Compared a chunk at a time, each twice the last (a keystroke near the start of a
    1 MB draft is a dozen comparisons, not five hundred), then halved down to the
    first character that differs."""
    n = min(len(a), len(b))
    i, chunk = min(known, n), _CHUNK
    while i < n and a[i : i + chunk] == b[i : i + chunk]:
        i += chunk
        chunk *= 2
    if i >= n:
        return n
    lo, hi = i, min(n, i + chunk)  # a[:lo] == b[:lo]; they differ before hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo if a[lo] != b[lo] else hi


def common_suffix(a: S, b: S, limit: int, known: int = 0) -> int:
    """How many trailing characters (or items) ``a`` and ``b`` share, at most ``limit``,
    given that they share the last ``known`` (as :func:`common_prefix`, from the end)."""
    la, lb = len(a), len(b)
    k, chunk = min(known, limit), _CHUNK
    while k < limit and a[la - min(limit, k + chunk) : la - k] == b[lb - min(limit, k + chunk) : lb - k]:
        k = min(limit, k + chunk)
        chunk *= 2
    if k >= limit:
        return limit
    lo, hi = k, min(limit, k + chunk)  # the last lo characters agree; not the last hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid
    return lo if a[la - lo - 1] != b[lb - lo - 1] else hi


#: The last :func:`changed_ends` asked: (old, new, prefix, suffix).
_LAST: tuple[str, str, int, int] | None = None


def changed_ends(old: str, new: str, known: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    """How many leading and then trailing characters ``old`` and ``new`` share (the
    trailing ones counted only after the leading ones, so the two never overlap), given
    that they share at least ``known`` (:meth:`~resolint.source.SourceText.shared_ends`:
    the comparison starts at the edit, not at both ends of the text).

    After a keystroke the parse and the conversion to LSP diagnostics both ask this of
    the same two versions; the answer for the last pair asked is kept (with the texts,
    so that it is theirs): comparing two 1 MB texts that hold a character outside the
    Basic Multilingual Plane copies 4 MB, a millisecond here."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is old and last[1] is new:
        return last[2], last[3]
    a = common_prefix(old, new, known[0])
    b = common_suffix(old, new, min(len(old), len(new)) - a, known[1])
    _LAST = (old, new, a, b)
    return a, b
