"""What the CLI knows about each file it checked, handed to the renderers."""

from __future__ import annotations

from dataclasses import field
from typing import Any, Protocol

from resolint.engine import Finding
from resolint.records import record
from resolint.source import SourceText


@record(slots=True)
class FileReport:
    """What ``resolint check`` has to say about one input file: its findings, the style used and
    why, fixes applied, the diff, or why it could not be read. The renderers (text, JSON,
    SARIF, …) print a list of these."""

    path: str
    source: SourceText | None
    style: str = ""
    style_reason: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: str = ""  # a file that could not be read or decoded
    fixed: int = 0  # fixes applied with --fix
    diff: str = ""  # unified diff with --diff
    #: The diff as standard output gets it: the file's bytes, which ``patch`` applies
    #: (cli.patch); b"" when no tool could apply it (UTF-16); None: ``diff`` in UTF-8.
    patch: bytes | None = None
    #: For inputs without lines of their own (Word documents): names the paragraph of a
    #: finding. None for text files, whose locations are line and column.
    locator: Locator | None = None
    notes: list[str] = field(default_factory=list)  # what was read but not linted
    #: Why the file was not linted because it is not a draft ("" when it was linted).
    skipped: str = ""
    named: bool = True  # named on the command line (a skip is then said, not silent)
    #: Why --fix leaves the whole file as it is ("" when it fixes it): its fixes are then
    #: not offered as "[*] fixable with --fix" (resolint.cli.fixable).
    unfixable: str = ""


class Locator(Protocol):
    def where(self, source: SourceText, span: Any) -> Any:
        """A ``Where`` (index, label, excerpt, ``human()``, ``as_dict()``) or None."""
        ...


def paragraph_of(report: FileReport, f: Finding):
    """Where a finding is, as a paragraph, when the input is located by paragraphs."""
    if report.locator is None or report.source is None:
        return None
    return report.locator.where(report.source, f.span)


def range_dict(source: SourceText, start: int, end: int) -> dict:
    s = source.position(start)
    e = source.position(end)
    return {"start": {"line": s.line, "character": s.character}, "end": {"line": e.line, "character": e.character}}


def finding_dict(source: SourceText, f: Finding) -> dict:
    """One diagnostic in the JSON contract of DESIGN §6."""
    fix = None
    if f.fix is not None:
        fix = {
            "title": f.fix.title,
            "applicability": f.fix.applicability.value,
            "edits": [{"range": range_dict(source, e.span.start, e.span.end), "newText": e.new_text} for e in f.fix.edits],
        }
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "range": range_dict(source, f.span.start, f.span.end),
        "fix": fix,
    }
