"""Diagnostics of an older version of a document, carried to its current text.

With ``run: "onSave"`` the server lints a document when it is saved (and when a feature
needs the current version's lint), not after each change; a document found too slow to
lint as you type is linted on save too. A client that pulls diagnostics
(``textDocument/diagnostic``, VS Code after every change) then asks for a version that
was not linted. Sending the last lint's diagnostics as they are put each one at its old
line and column: after lines typed above, on text it was never computed for.

So they are carried to the current text, and never onto text they were not computed for:
the texts of the two versions are compared from both ends, which leaves the one stretch
the changes since the lint lie in. A diagnostic wholly before that stretch keeps its
place, one wholly after it moves with the text, and one that touches or lies in it is
dropped until the next lint (the text it flagged, or the text just beside it, changed).
The server carries them from the version it last carried them to
(:func:`resolint.lsp.server._for_current_text`), so for a client that pulls after each
change (VS Code) the stretch is that one change. Changes at two places between two pulls
drop what lies between them too: a single stretch is cheap to find (two comparisons of
the texts, no history of changes kept) and never wrong. The fix in a diagnostic's
``data`` moves with it, or is left out when one of its edits cannot move.
"""

from __future__ import annotations

import copy
from typing import Any

from lsprotocol import types

from resolint.lsp.positions import LineIndex


def common_ends(old: str, new: str) -> tuple[int, int]:
    """The length of the common prefix of ``old`` and ``new`` and of their common suffix
    in what is left after it (each halving step compares only the part not yet known)."""
    lo, hi = 0, min(len(old), len(new))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[lo:mid] == new[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, min(len(old), len(new)) - prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if old[len(old) - mid : len(old) - lo] == new[len(new) - mid : len(new) - lo]:
            lo = mid
        else:
            hi = mid - 1
    return prefix, lo


class Carrier:
    """Moves ranges of ``old``'s text to ``new``'s (both line indexes in the client's
    encoding): ranges before the changed stretch stay, ranges after it move, the others
    have no place (None)."""

    def __init__(self, old: LineIndex, new: LineIndex) -> None:
        self.old, self.new = old, new
        self.prefix, suffix = common_ends(old.text, new.text)
        self.tail = len(old.text) - suffix  # the changed stretch of old is [prefix, tail)
        self.delta = len(new.text) - len(old.text)
        self.same = self.prefix == len(old.text) == len(new.text)

    def offsets(self, start: types.Position, end: types.Position) -> tuple[int, int] | None:
        """The offsets in the new text of a range of the old one; None when it touches
        the changed stretch."""
        a = self.old.offset(start.line, start.character)
        b = self.old.offset(end.line, end.character)
        if self.same or b < self.prefix:
            return a, b
        if a > self.tail:
            return a + self.delta, b + self.delta
        return None

    def range(self, r: types.Range) -> types.Range | None:
        moved = self.offsets(r.start, r.end)
        if moved is None:
            return None
        return types.Range(types.Position(*self.new.position(moved[0])), types.Position(*self.new.position(moved[1])))

    def range_json(self, r: dict[str, Any]) -> dict[str, Any] | None:
        s, e = r["start"], r["end"]
        got = self.range(types.Range(types.Position(s["line"], s["character"]), types.Position(e["line"], e["character"])))
        if got is None:
            return None
        return {"start": {"line": got.start.line, "character": got.start.character},
                "end": {"line": got.end.line, "character": got.end.character}}


def carried(old: LineIndex, new: LineIndex, diagnostics: list[types.Diagnostic]) -> list[types.Diagnostic]:
    """``diagnostics`` of the text of ``old``, carried to the text of ``new`` (see the
    module's docstring): a diagnostic whose place did not change is the same object."""
    carrier = Carrier(old, new)
    if carrier.same:
        return list(diagnostics)
    out: list[types.Diagnostic] = []
    for d in diagnostics:
        rng = carrier.range(d.range)
        if rng is None:
            continue
        data = _carried_data(carrier, d.data)
        if rng == d.range and data is d.data:
            out.append(d)
        else:
            moved = copy.copy(d)  # a new object: a diagnostic is never changed once made
            moved.range, moved.data = rng, data
            out.append(moved)
    return out


def _carried_data(carrier: Carrier, data: Any) -> Any:
    """``data`` with its fix's edits carried, or without the fix when one cannot be."""
    fix = data.get("fix") if isinstance(data, dict) else None
    if not isinstance(fix, dict) or not fix.get("edits"):
        return data
    edits = []
    for e in fix["edits"]:
        rng = carrier.range_json(e["range"])
        if rng is None:
            return {**data, "fix": None}
        edits.append({**e, "range": rng})
    if all(e["range"] == old["range"] for e, old in zip(edits, fix["edits"], strict=True)):
        return data
    return {**data, "fix": {**fix, "edits": edits}}
