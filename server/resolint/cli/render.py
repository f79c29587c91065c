"""Output formats of ``resolint check``: text, json, sarif, github, junit.

JSON is a contract (DESIGN §6, ``version`` 1): other tools parse it, so its keys never
change meaning. SARIF follows 2.1.0; GitHub output is workflow commands; JUnit is one
test case per file.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

from resolint import __version__
from resolint.cli.cells import cells
from resolint.cli.report import FileReport, finding_dict, paragraph_of
from resolint.custom_rules.known import KNOWN
from resolint.docs import REPOSITORY, house_rule_url, portable_rule_url
from resolint.lazyre import lazy
from resolint.records import record
from resolint.registry import all_rules

JSON_VERSION = 1
SEVERITY_ORDER = ("error", "warning", "info")
_RANK = {name: i for i, name in enumerate(reversed(SEVERITY_ORDER))}  # info 0 < warning 1 < error 2

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}
#: C0 and C1 control characters (ESC sequences can clear a terminal or set its title) and
#: DEL; tab is kept. XML 1.0 cannot carry most of them even as character references.
#: And lone surrogates: a byte of a file's name that is not UTF-8 (Latin-1 "r\xe9solution.txt")
#: reaches Python as U+DC80-U+DCFF, which no UTF-8 report (JSON, XML, SARIF) can carry.
_CONTROL = lazy("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def visible(s: str) -> str:
    """``s`` with control characters shown as ``\\xNN`` (safe for terminals, logs and XML),
    and each undecodable byte of a file name as ``\\xNN`` too (see :func:`shown_name`)."""
    return _CONTROL.sub(_shown, s)


#: The same, and the line feed: a file's name may hold one, and a report line that
#: breaks there lets the name forge the next line ("new⏎line.res.txt:9:1: error: …").
_CONTROL_OR_LINE_FEED = lazy("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")


def visible_path(path: str) -> str:
    """:func:`visible` for a file's name: its line feeds shown as ``\\x0a`` too."""
    return _CONTROL_OR_LINE_FEED.sub(_shown, path)


def say(message: str, prefix: str = "resolint: ") -> None:
    """One line to standard error, its control characters and line feeds shown as
    ``\\xNN``: a file's name (or a code) from the command line may hold them, and an
    escape sequence would drive the terminal, a line feed forge a line of its own."""
    print(prefix + visible_path(message), file=sys.stderr)


_SURROGATE = re.compile("[\ud800-\udfff]")


def shown_name(path: str) -> str:
    """A file's name as the JSON report gives it: as it is, except that each byte that is
    not UTF-8 (which Python holds as a lone surrogate, U+DC80-U+DCFF) is written ``\\xNN``
    (``r\\xe9solution.txt``), as the other formats show it: a name that is valid UTF-8 is
    unchanged, and the report is always valid UTF-8 (control characters are left to JSON's
    own escapes)."""
    return _SURROGATE.sub(_shown, path)


def path_bytes(path: str) -> str:
    """The exact bytes of a file's name, percent-encoded (RFC 3986, ``/`` kept), as SARIF's
    artifact URI writes them: the JSON report's ``pathBytes``, given only beside a ``path``
    that is not the name (one not valid UTF-8), since ``path``'s ``r\\xe9solution.txt`` is
    also the name of a file that holds a backslash (which gets no ``pathBytes``). Decoded
    (``unquote_to_bytes``) it opens the file. Lone surrogates in JSON (``\\udce9``) would
    be exact too, but many parsers refuse the whole report for them (RFC 8259 leaves
    them undefined)."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate no POSIX name decodes to (not U+DC80-U+DCFF)
        raw = path.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")


def _shown(m: re.Match[str]) -> str:
    n = ord(m.group())
    if 0xDC80 <= n <= 0xDCFF:  # a byte os.fsdecode could not decode: the byte itself
        return f"\\x{n - 0xDC00:02x}"
    if 0xD800 <= n <= 0xDFFF:  # any other lone surrogate (not from a POSIX file name)
        return f"\\u{n:04x}"
    return f"\\x{n:02x}"


@record(slots=True)
class RenderOptions:
    """What the renderers need besides the reports: colour, the severity that fails the run,
    whether fixes were applied (and unsafe ones), and where the rules' documentation lives."""

    color: bool = False
    fail_on: str = "warning"  # the lowest severity that fails the run (JUnit failures)
    fixing: bool = False  # --fix was given: the summary says what was fixed and what remains
    unsafe: bool = False  # unsafe fixes were applied too
    docs_base: str = ""  # root of a published docs site for rule links ("": the installed pages)


def at_or_above(severity: str, threshold: str) -> bool:
    return _RANK[severity] >= _RANK[threshold]


def summary(reports: list[FileReport]) -> dict:
    diags = sum(len(r.findings) for r in reports)
    fixable = sum(1 for r in reports for f in r.findings if f.fix is not None)
    return {"files": len(reports), "diagnostics": diags, "fixable": fixable}


def render_json(reports: list[FileReport], opts: RenderOptions | None = None) -> str:
    files = [json_entry(r) for r in reports]
    # Compact: archives produce large reports, and tools (jq) indent them when people read.
    return json.dumps({"version": JSON_VERSION, "files": files, "summary": summary(reports)}, ensure_ascii=False)


def json_entry(r: FileReport, diagnostics: object = None) -> dict:
    """One file's object in the ``files`` array of the JSON report (``diagnostics``: what
    to put in their place, for :func:`json_entry_pieces`)."""
    if diagnostics is None:
        diagnostics = [_json_finding(r, f) for f in r.findings] if r.source else []
    entry: dict = {"path": shown_name(r.path)}
    if _SURROGATE.search(r.path):
        entry["pathBytes"] = path_bytes(r.path)
    entry |= {"style": r.style, "diagnostics": diagnostics}
    if r.error:
        entry["error"] = r.error
    if r.diff:
        entry["diff"] = r.diff  # only with --diff, and only when there is something to change
    return entry


#: Findings rendered per piece by :func:`json_entry_pieces`.
_JSON_BATCH = 1000
_DIAGNOSTICS_HERE = "\x00diagnostics\x00"


def json_entry_pieces(r: FileReport) -> Iterator[str]:
    """``json.dumps(json_entry(r), ensure_ascii=False)`` in pieces, a thousand findings
    at a time: a file with a hundred thousand findings held every finding's dict and the
    whole string at once (500 MB for a 300 KB draft of soft hyphens)."""
    if not r.source or len(r.findings) <= _JSON_BATCH:
        yield json.dumps(json_entry(r), ensure_ascii=False)
        return
    # The entry as json_entry writes it, the diagnostics' place marked (a NUL, which no
    # path, style, error or diff holds, is written escaped: the marker is found once).
    head, tail = json.dumps(json_entry(r, _DIAGNOSTICS_HERE), ensure_ascii=False).split(json.dumps(_DIAGNOSTICS_HERE), 1)
    yield head + "["
    for at in range(0, len(r.findings), _JSON_BATCH):
        batch = ", ".join(json.dumps(_json_finding(r, f), ensure_ascii=False) for f in r.findings[at : at + _JSON_BATCH])
        yield batch if at == 0 else ", " + batch
    yield "]" + tail


def _json_finding(r: FileReport, f) -> dict:
    d = finding_dict(r.source, f)
    where = paragraph_of(r, f)
    if where is not None:  # Word documents: the paragraph, since lines mean nothing there
        d["paragraph"] = where.as_dict()
    return d


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _shown_line(line: str, col: int, width: int, view: LineView | None = None) -> tuple[str, int, int]:
    """The source line as shown (tabs as one space, controls escaped, long lines cut)
    and the caret's column and width in it, in terminal cells (:mod:`.cells`: a wide
    character takes two, a combining mark none). ``view``: the line's :func:`_line_view`,
    when the caller keeps it for several findings on one line."""
    shown, starts = view if view is not None else _line_view(line)
    if starts is None:
        at, end = min(col, len(line)), min(col + width, len(line))
    else:
        at = starts[min(col, len(line))]
        end = starts[min(col + width, len(line))]
    w = max(1, end - at)
    if len(shown) > 160:
        lo = max(0, at - 60)
        shown = ("…" if lo else "") + shown[lo : lo + 140] + "…"
        at = at - lo + (1 if lo else 0)
    w = min(w, max(1, len(shown) - at))
    return shown, cells(shown[:at]), max(1, cells(shown[at : at + w]))


#: A line as shown, and where each of its characters starts in it (None: where it stood).
LineView = tuple[str, "list[int] | None"]


def _line_view(line: str) -> LineView:
    """``line`` with tabs as one space and control characters escaped, and the column of
    each character in it.

    A line without control characters keeps its columns (a tab becomes one space), so
    only a line with one is rebuilt a character at a time: a paragraph is one line, often
    thousands of characters, and the per-character path was a tenth of a text report of
    the corpus."""
    if _CONTROL.search(line) is None:
        return line.replace("\t", " "), None
    pieces = [visible(ch) if ch != "\t" else " " for ch in line]
    starts = [0]
    for piece in pieces:
        starts.append(starts[-1] + len(piece))
    return "".join(pieces), starts


def render_text(reports: list[FileReport], opts: RenderOptions | None = None) -> str:
    opts = opts or RenderOptions()
    out: list[str] = []
    for r in reports:
        out.extend(text_lines(r, opts))
    out.append(text_summary(reports, opts))
    return "\n".join(out)


def text_lines(r: FileReport, opts: RenderOptions) -> Iterator[str]:
    """One file's lines of the text report (its findings, or its error, and its notes), one
    at a time: a file with a hundred thousand findings is written as they are rendered."""

    def c(name: str, s: str) -> str:
        return f"{_COLORS[name]}{s}{_COLORS['reset']}" if opts.color else s

    path = visible_path(r.path)
    if r.error:
        yield f"{c('bold', path)}: {c('error', 'error')}: {visible(r.error)}"
        return
    # A line read and escaped once for the findings on it, which follow one another (in
    # text order): per finding, the 20,000 findings of a 200 KB paragraph each read all of
    # it (17 s). Only the last line is kept: a 50 MB file's lines are not held twice.
    kept: tuple[int, str, LineView] | None = None
    for f in r.findings:
        sev = f.severity.value
        pos = r.source.position(f.span.start)
        fixable = " [*]" if _applies(f, opts) and not r.unfixable else ""  # what --fix (with these options) would apply
        where = paragraph_of(r, f)
        loc = where.human() if where is not None else f"{pos.line + 1}:{pos.character + 1}"
        yield f"{c('bold', path)}:{visible(loc)}: {c(sev, sev + ':')} {c(sev, f.code)} {visible(f.message)}{fixable}"
        if kept is None or kept[0] != pos.line:
            text = r.source.line_text(pos.line)
            kept = (pos.line, text, _line_view(text))
        _, line, view = kept
        end_pos = r.source.position(f.span.end)
        width = (end_pos.character - pos.character) if end_pos.line == pos.line else len(line) - pos.character
        shown, at, w = _shown_line(line, pos.character, max(1, width), view)
        yield f"  {c('dim', '|')} {shown}"
        yield f"  {c('dim', '|')} {' ' * at}{c(sev, '^' * w)}"
    for note in r.notes:
        yield f"{c('bold', path)}: {c('dim', 'note')}: {visible(note)}"


def _applies(f, opts: RenderOptions) -> bool:
    if f.fix is None:
        return False
    kind = f.fix.applicability.value
    return kind == "safe" or (kind == "unsafe" and opts.unsafe)


def _tally(reports: list[FileReport]) -> tuple[dict[str, int], int, int]:
    """Findings by severity, and how many carry a safe and an unsafe fix."""
    counts = {k: 0 for k in SEVERITY_ORDER}
    safe = unsafe = 0
    for r in reports:
        for f in r.findings:
            counts[f.severity.value] += 1
            if f.fix is not None and not r.unfixable:  # --fix leaves that file: nothing to offer
                kind = f.fix.applicability.value
                safe += kind == "safe"
                unsafe += kind == "unsafe"
    return counts, safe, unsafe


def _headline(reports: list[FileReport], opts: RenderOptions, counts: dict[str, int], errors: int) -> str:
    """ "Found …", "Fixed …" or "All checks passed …", with the findings by severity."""
    s = summary(reports)
    n, files = s["diagnostics"], _plural(s["files"], "file")
    by_sev = f" ({', '.join(_plural(counts[k], k) for k in SEVERITY_ORDER if counts[k])})" if n else ""
    if opts.fixing:
        return f"Fixed {_plural(sum(r.fixed for r in reports), 'finding')}; {n} remaining{by_sev} in {files}."
    if n or errors:
        return f"Found {_plural(n, 'finding')}{by_sev} in {files}."
    if not s["files"]:
        # "All checks passed" over no file read as a pass: a draft the CLI took for no
        # draft ("skipped, not a draft" above) was never checked.
        return "No draft checked: no file was linted."
    return f"All checks passed: no findings in {files}."


def _fix_advice(opts: RenderOptions, safe: int, unsafe: int) -> str | None:
    """What --fix (and --unsafe-fixes) would do, if anything."""
    if opts.unsafe:  # --unsafe-fixes given: --fix would apply both kinds
        safe, unsafe = safe + unsafe, 0
    more = ""
    if unsafe:
        more = f"{unsafe} more {'fix' if unsafe == 1 else 'fixes'} with --unsafe-fixes (they may change meaning: review them)"
    if safe and not opts.fixing:
        return f"[*] {safe} fixable with --fix" + (f"; {more}" if more else "") + "."
    if safe:
        # After --fix, a safe fix left is one the run would not write: it changes how the
        # paragraphs are read (a clause split or joined, fixes.py), it writes its own
        # finding again (fixes.Lineage), or its file was not
        # rewritten (read-only, unplaced text: said above). The [*] alone looked like a bug.
        kind = "" if opts.unsafe else "safe "  # (with --unsafe-fixes, both kinds are counted)
        left = (f"{safe} {kind}{'fix was' if safe == 1 else 'fixes were'} not applied: each would change how the paragraphs "
                "are read, undo another fix or write its own finding again, or the file was not rewritten (see above); "
                "review them one at a time")
        return left + (f"; {more}" if more else "") + "."
    if more:
        return f"No safe fixes {'left' if opts.fixing else 'available'}; {more}."
    return None


def text_summary(reports: list[FileReport], opts: RenderOptions) -> str:
    """The closing lines: counts by severity, what --fix did and what remains, the style."""
    counts, safe, unsafe = _tally(reports)
    errors = sum(1 for r in reports if r.error)
    lines = [_headline(reports, opts, counts, errors)]
    if any(counts.values()) and not any(at_or_above(k, opts.fail_on) for k in SEVERITY_ORDER if counts[k]):
        lines.append(f"None is at or above --fail-on {opts.fail_on}: the check passes.")
    advice = _fix_advice(opts, safe, unsafe)
    if advice:
        lines.append(advice)
    styles = {(r.style, r.style_reason) for r in reports if r.style}
    if len(styles) == 1:
        style, reason = styles.pop()
        lines.append(f"Style: {style}" + (f" ({visible(reason)})" if reason else "") + ".")
    if errors:
        lines.append(f"{_plural(errors, 'file')} not checked (see the errors above).")
    return "\n".join(lines)


def render_statistics(reports: list[FileReport], opts: RenderOptions | None = None, as_json: bool = False) -> str:
    """Counts per rule, most frequent first (``--statistics``). In the table, ``[*]`` means
    what it means after a finding: ``--fix`` (with these options) fixes some of them; a
    rule whose fixes are all unsafe had it, and --fix then fixed none. The JSON's
    ``fixable`` counts every fix, safe or unsafe, as ``summary.fixable`` does."""
    opts = opts or RenderOptions()
    table: dict[str, dict] = {}
    applied: set[str] = set()
    for r in reports:
        for f in r.findings:
            row = table.setdefault(f.code, {"code": f.code, "name": f.name, "severity": f.severity.value, "count": 0, "fixable": 0})
            row["count"] += 1
            row["fixable"] += f.fix is not None
            if _applies(f, opts) and not r.unfixable:
                applied.add(f.code)
    rows = sorted(table.values(), key=lambda row: (-row["count"], row["code"]))
    if as_json:
        return json.dumps(rows, ensure_ascii=False)
    width = max((len(str(row["count"])) for row in rows), default=1)
    return "\n".join(
        f"{row['count']:>{width}}\t{row['code']}\t{row['severity']:<7}\t{'[*] ' if row['code'] in applied else '    '}{row['name']}" for row in rows
    )


def render_github(reports: list[FileReport], opts: RenderOptions | None = None) -> str:
    def esc_data(s: str) -> str:
        return visible(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))

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


#: SARIF's name for each severity ("note" is its lowest level).
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_location(path: str, root: Path | None = None) -> dict:
    """A SARIF ``artifactLocation``: a percent-encoded URI relative to ``%SRCROOT%`` (the
    folder resolint ran in) when the file is under it, else an absolute ``file:`` URI."""
    root = (root or Path.cwd()).resolve()
    full = Path(path).resolve() if path != "-" else root / "-"
    try:
        rel = full.relative_to(root).as_posix()
    except ValueError:
        return {"uri": full.as_uri()}  # (as_uri percent-encodes the name's bytes)
    # The name's bytes, percent-encoded: a byte that is not UTF-8 is "%E9" (quote() of the
    # str raised UnicodeEncodeError on it, and the whole report was lost).
    return {"uri": quote(os.fsencode(rel), safe="/"), "uriBaseId": "%SRCROOT%"}


def _folder_uri(folder: Path) -> str:
    """A folder's ``file:`` URI ending in one slash, as SARIF's base URIs must ("file:///",
    not "file:////", for the root)."""
    uri = folder.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _rule_descriptor(rule, level: dict, docs_base: str = "") -> dict:
    doc = rule.doc().strip()
    url = portable_rule_url(rule.code, docs_base)
    what = _section(doc, "What it does") or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(what.split())},
        "help": {"text": f"{' '.join(what.split())}\nDocumentation: {url}", "markdown": doc},
        "helpUri": url,
        "defaultConfiguration": {"level": level[rule.default_severity.value]},
        "properties": {"tags": [rule.code[:3]]},
    }


def _section(doc: str, title: str) -> str:
    m = re.search(rf"^#+\s*{re.escape(title)}\s*\n(.*?)(?=^#+\s|\Z)", doc, re.MULTILINE | re.DOTALL)
    return m.group(1).strip() if m else ""


def _rule_entries(reports: list[FileReport], docs_base: str = "") -> list[dict]:
    """SARIF ``tool.driver.rules``: the registered rules, then each house rule found."""
    entries = [_rule_descriptor(r, _SARIF_LEVEL, docs_base) for r in all_rules()]
    seen = {e["id"] for e in entries}
    for r in reports:
        for f in r.findings if not r.error else ():
            if f.code in seen:
                continue
            seen.add(f.code)
            entries.append(_house_rule_descriptor(f, docs_base))
    return entries


def _house_rule_descriptor(f, docs_base: str) -> dict:
    """A house rule's entry: its documentation as help, and a ``helpUri`` only when a page
    of the site documents it (the built-in ``mun`` style's rules); a project's own rules
    are documented in its configuration, which has no address to link to."""
    house = KNOWN.get(f.code)
    summary = house.summary if house is not None else f.name
    source = getattr(house, "source", "") if house is not None else ""
    url = house_rule_url(source, docs_base) if source else None
    if house is not None:
        help_text = house.doc()
    else:
        help_text = f"A house rule of the project's configuration: run 'resolint rule {f.code}'."
    entry: dict = {
        "id": f.code,
        "name": f.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": help_text + (f"\nDocumentation: {url}" if url else ""), "markdown": help_text},
    }
    if url:
        entry["helpUri"] = url
    entry["defaultConfiguration"] = {"level": _SARIF_LEVEL[(house.default_severity if house else f.severity).value]}
    return entry


def render_sarif(reports: list[FileReport], opts: RenderOptions | None = None) -> str:
    """SARIF 2.1.0: one run, the rules as ``tool.driver.rules``, a result per finding and
    a tool notification per file that could not be checked."""
    opts = opts or RenderOptions()
    rule_entries = _rule_entries(reports, opts.docs_base)
    index = {e["id"]: i for i, e in enumerate(rule_entries)}
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "resolint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": REPOSITORY,
                        "rules": rule_entries,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _folder_uri(Path.cwd())}},
                "columnKind": "unicodeCodePoints",
                "invocations": [_sarif_invocation(reports)],
                "results": _sarif_results(reports, index),
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _sarif_results(reports: list[FileReport], index: dict[str, int]) -> list[dict]:
    results = []
    for r in reports:
        if r.error or r.source is None:
            continue
        location = artifact_location(r.path)
        results.extend(_sarif_result(r, f, location, index) for f in r.findings)
    return results


def _sarif_result(r: FileReport, f, location: dict, index: dict[str, int]) -> dict:
    """One finding as a SARIF result. A Word document has no lines: the result names the
    paragraph instead of a region, and carries no fix (edits are not expressible as
    regions of a binary artifact)."""
    where = paragraph_of(r, f)
    physical: dict = {"artifactLocation": dict(location)}
    if where is None:
        physical["region"] = _region(r, f.span.start, f.span.end)
    place: dict = {"physicalLocation": physical}
    message = f.message
    if where is not None:
        place["logicalLocations"] = [{"name": where.human(), "kind": "paragraph"}]
        message = f"{f.message} ({where.human()}: {where.excerpt})"
    result = {"ruleId": f.code, "level": _SARIF_LEVEL[f.severity.value], "message": {"text": message}, "locations": [place]}
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    if where is not None:
        result["properties"] = {"paragraph": where.as_dict()}
    elif f.fix is not None:
        result["fixes"] = [_sarif_fix(r, f.fix, location)]
    return result


def _sarif_fix(r: FileReport, fix, location: dict) -> dict:
    replacements = [
        {"deletedRegion": _region(r, ed.span.start, ed.span.end), "insertedContent": {"text": ed.new_text}} for ed in fix.edits
    ]
    return {
        "description": {"text": fix.title},
        "artifactChanges": [{"artifactLocation": dict(location), "replacements": replacements}],
    }


def _sarif_invocation(reports: list[FileReport]) -> dict:
    """Whether the run succeeded, with a notification per file that could not be checked."""
    invocation: dict = {"executionSuccessful": not any(r.error for r in reports)}
    notes = [
        {"level": "error", "message": {"text": f"{visible_path(r.path)}: {r.error}"}, "locations": [{"physicalLocation": {"artifactLocation": artifact_location(r.path)}}]}
        for r in reports
        if r.error
    ]
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _region(r: FileReport, start: int, end: int) -> dict:
    s = r.source.position(start)
    e = r.source.position(end)
    return {"startLine": s.line + 1, "startColumn": s.character + 1, "endLine": e.line + 1, "endColumn": e.character + 1}


def render_junit(reports: list[FileReport], opts: RenderOptions | None = None) -> str:
    """One test case per file: ``<error>`` when it could not be checked, ``<failure>`` when
    it has findings at or above ``--fail-on``; findings below it go to ``<system-out>``."""
    from xml.sax.saxutils import escape, quoteattr  # lazy: it imports urllib.request, slow for the other formats

    opts = opts or RenderOptions()
    errors = failures = 0
    cases: list[str] = []
    for r in reports:
        name = quoteattr(visible_path(r.path))
        cases.append(f'    <testcase name={name} classname="resolint">')
        if r.error:
            errors += 1
            cases.append(f"      <error message={quoteattr(visible(r.error))}/>")
        elif r.findings:
            lines = []
            for f in r.findings:
                pos = r.source.position(f.span.start)
                where = paragraph_of(r, f)
                loc = where.human() if where is not None else f"{pos.line + 1}:{pos.character + 1}"
                lines.append(visible(f"{visible_path(r.path)}:{loc}: {f.code} {f.message} ({f.severity.value})"))
            failing = sum(1 for f in r.findings if at_or_above(f.severity.value, opts.fail_on))
            body = escape("\n".join(lines))
            if failing:
                failures += 1
                msg = f"{failing} finding{'s' if failing != 1 else ''} at or above {opts.fail_on}"
                cases.append(f"      <failure message={quoteattr(msg)} type=\"resolint\">{body}</failure>")
            else:
                cases.append(f"      <system-out>{body}</system-out>")
        cases.append("    </testcase>")
    n = len(reports)
    counts = f'tests="{n}" failures="{failures}" errors="{errors}" skipped="0"'
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="resolint" {counts}>', f'  <testsuite name="resolint" {counts}>']
    out += cases
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out)


RENDERERS: dict[str, Callable[[list[FileReport], RenderOptions | None], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
}
