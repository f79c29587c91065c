"""Output formats of ``resolint check``: text, json, sarif, github, junit.

JSON is a contract (DESIGN §6, ``version`` 1): other tools parse it, so its keys never
change meaning. SARIF follows 2.1.0; GitHub output is workflow commands; JUnit is one
test case per file.
"""

from __future__ import annotations

import json
from typing import Callable
from xml.sax.saxutils import escape, quoteattr

from resolint import __version__
from resolint.cli.report import FileReport, finding_dict, paragraph_of
from resolint.registry import all_rules

JSON_VERSION = 1
DOCS_URL = "https://github.com/resolint/resolint/blob/main/README.md#{code}"

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}


def summary(reports: list[FileReport]) -> dict:
    diags = sum(len(r.findings) for r in reports)
    fixable = sum(1 for r in reports for f in r.findings if f.fix is not None)
    return {"files": len(reports), "diagnostics": diags, "fixable": fixable}


def render_json(reports: list[FileReport], color: bool = False) -> str:
    files = []
    for r in reports:
        entry = {"path": r.path, "style": r.style, "diagnostics": [_json_finding(r, f) for f in r.findings] if r.source else []}
        if r.error:
            entry["error"] = r.error
        files.append(entry)
    # Compact: archives produce large reports, and tools (jq) indent them when people read.
    return json.dumps({"version": JSON_VERSION, "files": files, "summary": summary(reports)}, ensure_ascii=False)


def _json_finding(r: FileReport, f) -> dict:
    d = finding_dict(r.source, f)
    where = paragraph_of(r, f)
    if where is not None:  # Word documents: the paragraph, since lines mean nothing there
        d["paragraph"] = where.as_dict()
    return d


def render_text(reports: list[FileReport], color: bool = False) -> str:
    def c(name: str, s: str) -> str:
        return f"{_COLORS[name]}{s}{_COLORS['reset']}" if color else s

    out: list[str] = []
    for r in reports:
        if r.error:
            out.append(f"{c('bold', r.path)}: {c('error', 'error')}: {r.error}")
            continue
        if r.diff:
            out.append(r.diff.rstrip("\n"))
        for f in r.findings:
            pos = r.source.position(f.span.start)
            fixable = " [*]" if f.fix is not None else ""
            where = paragraph_of(r, f)
            loc = where.human() if where is not None else f"{pos.line + 1}:{pos.character + 1}"
            out.append(f"{c('bold', r.path)}:{loc}: {c(f.severity.value, f.code)} {f.message}{fixable}")
            line = r.source.line_text(pos.line)
            shown = line.expandtabs(1)
            if len(shown) > 160:
                lo = max(0, pos.character - 60)
                shown = ("…" if lo else "") + shown[lo : lo + 140] + "…"
                caret_at = pos.character - lo + (1 if lo else 0)
            else:
                caret_at = pos.character
            end_pos = r.source.position(f.span.end)
            width = max(1, (end_pos.character - pos.character) if end_pos.line == pos.line else len(line) - pos.character)
            width = min(width, max(1, len(shown) - caret_at))
            out.append(f"  {c('dim', '|')} {shown}")
            out.append(f"  {c('dim', '|')} {' ' * caret_at}{c(f.severity.value, '^' * width)}")
        for note in r.notes:
            out.append(f"{c('bold', r.path)}: {c('dim', 'note')}: {note}")
    s = summary(reports)
    counts: dict[str, int] = {}
    for r in reports:
        for f in r.findings:
            counts[f.severity.value] = counts.get(f.severity.value, 0) + 1
    fixed = sum(r.fixed for r in reports)
    parts = [f"{s['diagnostics']} finding{'s' if s['diagnostics'] != 1 else ''} in {s['files']} file{'s' if s['files'] != 1 else ''}"]
    if counts:
        parts.append(", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    if s["fixable"]:
        parts.append(f"{s['fixable']} fixable with --fix (or --unsafe-fixes)")
    if fixed:
        parts.append(f"{fixed} fixed")
    styles = {(r.style, r.style_reason) for r in reports if r.style}
    if len(styles) == 1:
        style, reason = styles.pop()
        parts.append(f"style {style}" + (f" ({reason})" if reason else ""))
    errors = sum(1 for r in reports if r.error)
    if errors:
        parts.append(f"{errors} file{'s' if errors != 1 else ''} not checked (error above)")
    lead = "Found " if s["diagnostics"] or errors else "All checks passed: "
    out.append(lead + "; ".join(parts) + ".")
    return "\n".join(out)


def render_github(reports: list[FileReport], color: bool = False) -> str:
    def esc_data(s: str) -> str:
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def esc_prop(s: str) -> str:
        return esc_data(s).replace(":", "%3A").replace(",", "%2C")

    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for r in reports:
        if r.error:
            out.append(f"::error file={esc_prop(r.path)}::{esc_data(r.error)}")
            continue
        for f in r.findings:
            where = paragraph_of(r, f)
            if where is not None:  # a Word document: no lines to point at
                props = f"file={esc_prop(r.path)},title={esc_prop(f.code + ' ' + f.name)}"
                out.append(f"::{level[f.severity.value]} {props}::{esc_data(f'{f.code} {f.message} ({where.human()}: {where.excerpt})')}")
                continue
            s = r.source.position(f.span.start)
            e = r.source.position(f.span.end)
            props = f"file={esc_prop(r.path)},line={s.line + 1},col={s.character + 1},endLine={e.line + 1},endColumn={e.character + 1},title={esc_prop(f.code + ' ' + f.name)}"
            out.append(f"::{level[f.severity.value]} {props}::{esc_data(f'{f.code} {f.message}')}")
    return "\n".join(out)


def _rule_entries(reports: list[FileReport]) -> list[dict]:
    """SARIF ``tool.driver.rules``: the registered rules, then each house rule found."""
    from resolint.custom_rules.rule import KNOWN

    sarif_level = {"error": "error", "warning": "warning", "info": "note"}
    entries = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "helpUri": DOCS_URL.format(code=r.code.lower()),
            "defaultConfiguration": {"level": sarif_level[r.default_severity.value]},
        }
        for r in all_rules()
    ]
    seen = {e["id"] for e in entries}
    for r in reports:
        for f in r.findings if not r.error else ():
            if f.code in seen:
                continue
            seen.add(f.code)
            house = KNOWN.get(f.code)
            summary = house.summary if house is not None else f.name
            help_text = house.doc() if house is not None else f"A house rule of the project's configuration: run 'resolint rule {f.code}'."
            entries.append({
                "id": f.code,
                "name": f.name,
                "shortDescription": {"text": summary},
                "help": {"text": help_text, "markdown": help_text},
                "defaultConfiguration": {"level": sarif_level[(house.default_severity if house else f.severity).value]},
            })
    return entries


def render_sarif(reports: list[FileReport], color: bool = False) -> str:
    rule_entries = _rule_entries(reports)
    index = {e["id"]: i for i, e in enumerate(rule_entries)}
    sarif_level = {"error": "error", "warning": "warning", "info": "note"}
    results = []
    for r in reports:
        if r.error or r.source is None:
            continue
        for f in r.findings:
            s = r.source.position(f.span.start)
            e = r.source.position(f.span.end)
            result = {
                "ruleId": f.code,
                "level": sarif_level[f.severity.value],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": r.path.replace("\\", "/")},
                            "region": {"startLine": s.line + 1, "startColumn": s.character + 1, "endLine": e.line + 1, "endColumn": e.character + 1},
                        }
                    }
                ],
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            where = paragraph_of(r, f)
            if where is not None:
                # A Word document has no lines: name the paragraph; fixes are not
                # expressible as regions of a binary artifact.
                del result["locations"][0]["physicalLocation"]["region"]
                result["locations"][0]["logicalLocations"] = [{"name": where.human(), "kind": "paragraph"}]
                result["message"]["text"] = f"{f.message} ({where.human()}: {where.excerpt})"
                result["properties"] = {"paragraph": where.as_dict()}
            elif f.fix is not None:
                result["fixes"] = [
                    {
                        "description": {"text": f.fix.title},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": r.path.replace("\\", "/")},
                                "replacements": [
                                    {
                                        "deletedRegion": _region(r, ed.span.start, ed.span.end),
                                        "insertedContent": {"text": ed.new_text},
                                    }
                                    for ed in f.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            results.append(result)
    invocations = [{"executionSuccessful": not any(r.error for r in reports)}]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "resolint",
                        "version": __version__,
                        "informationUri": "https://github.com/resolint/resolint",
                        "rules": rule_entries,
                    }
                },
                "invocations": invocations,
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _region(r: FileReport, start: int, end: int) -> dict:
    s = r.source.position(start)
    e = r.source.position(end)
    return {"startLine": s.line + 1, "startColumn": s.character + 1, "endLine": e.line + 1, "endColumn": e.character + 1}


def render_junit(reports: list[FileReport], color: bool = False) -> str:
    failures = sum(1 for r in reports if r.findings or r.error)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="resolint" tests="{len(reports)}" failures="{failures}">']
    out.append(f'  <testsuite name="resolint" tests="{len(reports)}" failures="{failures}">')
    for r in reports:
        out.append(f"    <testcase name={quoteattr(r.path)} classname=\"resolint\">")
        if r.error:
            out.append(f"      <error message={quoteattr(r.error)}/>")
        elif r.findings:
            lines = []
            for f in r.findings:
                pos = r.source.position(f.span.start)
                where = paragraph_of(r, f)
                loc = where.human() if where is not None else f"{pos.line + 1}:{pos.character + 1}"
                lines.append(f"{r.path}:{loc}: {f.code} {f.message}")
            msg = f"{len(r.findings)} finding{'s' if len(r.findings) != 1 else ''}"
            out.append(f"      <failure message={quoteattr(msg)}>{escape(chr(10).join(lines))}</failure>")
        out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out)


RENDERERS: dict[str, Callable[[list[FileReport], bool], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
}
