"""Converting findings to diagnostics after an edit, reusing what the edit did not move.

After a keystroke most findings are the ones the last version had: before the edit at the
same offsets, after it moved by the edit's length. Their LSP ranges and fix edits are the
same too, up to a shift of lines after the edit, and working them out again (a binary
search and, on a line with non-ASCII text, an encode per position, four positions per
finding, and the range objects) was a third of a keystroke's answer on a draft with 2,000
findings. :class:`DiagnosticMemo` keeps each finding's range and fix data from the last
conversion of the document, by what the finding is and where it stands, and reuses them
when the text that decides the positions is unchanged:

- a finding that ends before the first changed character: every position depends only on
  the text before it, which did not change;
- a finding on a line that starts after the last changed character: the text from that
  line's start is the old text moved, so only the line numbers move, by the change in the
  number of lines.

Anything else is converted afresh. The result is the one :func:`to_diagnostic` gives for
every finding (``tests/lsp/test_diagnostic_memo.py`` compares them over random edits). A
finding whose range, fix and id are all the last conversion's is the last conversion's
diagnostic object itself (a diagnostic carries nothing of the document's version): making
the same object again for each of the 733 findings of 0.9 MB of Security Council
resolutions was 3% of a keystroke.

The same holds for each finding's id (:meth:`DiagnosticMemo.ids`: the fingerprint of its
code, message and flagged text is kept by those three) and for what the report id reads
of each diagnostic (:meth:`DiagnosticMemo.result_id`): hashing them afresh for every
finding took 4 ms of a keystroke beside the conversion's 12 ms in 1 MB of resolutions with
1,209 findings.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from typing import Any

from lsprotocol import types

from resolint.engine import Finding
from resolint.generations import MISSING, Generations
from resolint.lsp.diagnostics import (
    diagnostic,
    finding_digest,
    fix_data,
    lsp_range,
    numbered_ids,
    range_json,
    result_id_of_lines,
    result_line,
)
from resolint.lsp.positions import LineIndex
from resolint.textdiff import changed_ends

#: What a finding's last diagnostic kept: its LSP range, fix data, id,
#: :func:`result_line` and the diagnostic.
Parts = tuple[types.Range, Any, str, str, types.Diagnostic]


def _key(f: Finding, shift: int = 0) -> tuple:
    """What a finding is and where it stands (offsets moved by ``shift``). Flat tuples:
    this runs for every finding after every edit. (The rule's name follows from its code.)"""
    span, fix = f.span, f.fix
    if fix is None:
        edits: tuple | None = None
    else:
        edits = (fix.title, fix.applicability)
        for e in fix.edits:
            edits += (e.span.start + shift, e.span.end + shift, e.new_text)
    return (f.code, f.message, f.severity, span.start + shift, span.end + shift, edits)


def _extent(f: Finding) -> tuple[int, int]:
    """The first and last offset a finding's diagnostic converts (its span and fix edits)."""
    lo, hi = f.span.start, f.span.end
    if f.fix is not None:
        for e in f.fix.edits:
            lo, hi = min(lo, e.span.start), max(hi, e.span.end)
    return lo, hi


def _moved_range(r: types.Range, lines: int) -> types.Range:
    return types.Range(types.Position(r.start.line + lines, r.start.character), types.Position(r.end.line + lines, r.end.character))


def _moved_fix(fix: Any, lines: int) -> Any:
    if fix is None:
        return None
    moved = []
    for e in fix["edits"]:
        start, end = e["range"]["start"], e["range"]["end"]
        rng = range_json(start["line"] + lines, start["character"], end["line"] + lines, end["character"])
        moved.append({"range": rng, "newText": e["newText"]})
    return {**fix, "edits": moved}


class DiagnosticMemo:
    """The ranges and fix data of one document's last conversion (see the module docstring)."""

    def __init__(self) -> None:
        self._text: str | None = None
        self._line_count = 0
        self._setting: tuple | None = None
        self._parts: dict[tuple, Parts] = {}  # by the finding's key (_key)
        #: Findings whose parts were reused by the last conversion (for tests and benchmarks).
        self.reused = 0
        self._digests = Generations()  # (code, message, flagged text) -> finding_digest
        self._last_lines: list[str] = []  # the last conversion's, in order

    def ids(self, findings: list[Finding], text: str) -> list[str]:
        """:func:`~resolint.lsp.diagnostics.finding_ids`, each fingerprint kept by what it is of."""
        digests = self._digests
        out: list[str] = []
        for f in findings:
            flagged = text[f.span.start : f.span.end]
            key = (f.code, f.message, flagged)
            digest = digests.get(key)
            if digest is MISSING:
                digest = finding_digest(f.code, f.message, flagged)
                digests.put(key, digest)
            out.append(digest)
        digests.next_round()
        return numbered_ids(findings, out)

    def result_id(self, salt: str = "") -> str:
        """:func:`~resolint.lsp.diagnostics.result_id` of the last :meth:`convert`'s diagnostics."""
        return result_id_of_lines(self._last_lines, salt)

    def convert(
        self,
        findings: Sequence[Finding],
        ids: Sequence[str],
        index: LineIndex,
        overrides: Mapping[str, str],
        docs_base: str = "",
    ) -> list[types.Diagnostic]:
        """What ``to_diagnostic`` gives for each finding, reusing the last version's parts."""
        text = index.text
        setting = (index.encoding, tuple(sorted(overrides.items())), docs_base)
        old = self._text if self._setting == setting else None
        prefix, changed_end, shift, line_shift = -1, len(text) + 1, 0, 0
        if old is not None:
            prefix, suffix = changed_ends(old, text, index.source.shared_ends(old))
            changed_end = len(text) - suffix  # where the unchanged end of the new text starts
            shift, line_shift = len(text) - len(old), index.line_count - self._line_count
        line_starts = index.source.line_starts
        last = self._parts
        parts: dict[tuple, Parts] = {}
        out: list[types.Diagnostic] = []
        in_order: list[str] = []
        reused = 0
        for f, fid in zip(findings, ids, strict=False):
            key = _key(f)
            hit: Parts | None = None
            lines_moved = 0
            if old is not None:
                lo, hi = _extent(f)
                if hi < prefix:
                    hit = last.get(key)
                elif lo > changed_end and line_starts[bisect.bisect_right(line_starts, lo) - 1] > changed_end:
                    hit, lines_moved = last.get(_key(f, -shift)), line_shift
            if hit is None:
                rng, fix = lsp_range(index, f.span), fix_data(index, f)
            else:
                reused += 1
                rng, fix = hit[:2] if lines_moved == 0 else (_moved_range(hit[0], lines_moved), _moved_fix(hit[1], lines_moved))
            if hit is not None and rng is hit[0] and hit[2] == fid:
                d, line = hit[4], hit[3]  # the same diagnostic, and what the report id reads of it
            else:
                d = diagnostic(f, fid, rng, fix, overrides, docs_base)
                line = result_line(d)
            out.append(d)
            parts[key] = (rng, fix, fid, line, d)
            in_order.append(line)
        self._text, self._line_count, self._setting, self._parts, self.reused = text, index.line_count, setting, parts, reused
        self._last_lines = in_order
        return out
