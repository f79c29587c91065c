"""What the CLI knows about each file it checked, handed to the renderers."""

from __future__ import annotations

from dataclasses import dataclass, field

from resolint.engine import Finding
from resolint.source import SourceText


@dataclass(slots=True)
class FileReport:
    path: str
    source: SourceText | None
    style: str = ""
    style_reason: str = ""
    findings: list[Finding] = field(default_factory=list)
    error: str = ""  # a file that could not be read or decoded
    fixed: int = 0  # fixes applied with --fix
    diff: str = ""  # unified diff with --diff


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
