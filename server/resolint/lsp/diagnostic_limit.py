"""At most ``maxDiagnostics`` diagnostics per document, and one that says how many more.

Why a limit: a document can have tens of thousands of findings (100 kB of one-letter
paragraphs: 66,666), and every one was sent after every keystroke: 31 MB of JSON that the
client parses again each time, for a list no editor shows. VS Code's extension host keeps
1,000 diagnostics per file (errors first, then warnings, information, hints) and drops
the rest. So the server sends at most ``limit``: the most severe findings in that order,
in document order among equals and in the list, the last place taken by an information
diagnostic at the top of the document that says how many are not shown and where they
all are. ``limit`` 0 sends every finding.

Only what is *sent* is cut: the server keeps every finding, so "Fix all" and the quick
fixes on a line still see them all, and the status notification counts them all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lsprotocol import types

from resolint.engine import Finding
from resolint.lsp.diagnostics import SOURCE, lsp_severity


def shown_findings(findings: Sequence[Finding], limit: int, overrides: Mapping[str, str]) -> list[int] | None:
    """The positions in ``findings`` of those to send, in document order, when they are
    more than ``limit`` (one place is kept for the notice); None: send them all."""
    if not limit or len(findings) <= limit:
        return None
    room = limit - 1
    if room <= 0:
        return []
    severity_of: dict[tuple, int] = {}  # by (code, engine severity): an override names a code
    by_severity: dict[int, list[int]] = {}
    for i, f in enumerate(findings):
        key = (f.code, f.severity)
        level = severity_of.get(key)
        if level is None:
            level = severity_of[key] = int(lsp_severity(f, overrides))
        by_severity.setdefault(level, []).append(i)
    chosen: list[int] = []
    for level in sorted(by_severity):
        chosen.extend(by_severity[level][: room - len(chosen)])
        if len(chosen) == room:
            break
    chosen.sort()
    return chosen


def not_shown_message(total: int, shown: int) -> str:
    hidden = total - shown
    return (
        f"resolint: {hidden:,} more findings are not shown here ({total:,} in all; "
        f"the {shown:,} shown are the most severe) — `resolint check` lists them all, "
        "and Fix all fixes every one that has a safe fix; see the maxDiagnostics setting"
    )


def not_shown_diagnostic(total: int, shown: int) -> types.Diagnostic:
    """The notice that takes the last place: at the top, where it is seen first."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=not_shown_message(total, shown),
        severity=types.DiagnosticSeverity.Information,
        code="resolint",
        source=SOURCE,
    )
