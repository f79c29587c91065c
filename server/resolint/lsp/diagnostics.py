"""Turn engine findings into LSP diagnostics.

Each diagnostic carries its code, a link to the rule's section of the README
(``codeDescription.href``) and, in ``data``, a finding id and the fix. The id is what a
code action request is matched by: it is a fingerprint of the code, the message and the
flagged text plus an occurrence number, so it survives edits elsewhere in the document,
and the server rebuilds every fix from its own state for the current version rather than
trusting ranges a client echoes back (Neovim 0.7 echoes byte columns in a UTF-16 session).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping

from lsprotocol import types

from resolint.codes import longest_prefix
from resolint.docs import rule_url
from resolint.engine import Finding
from resolint.lsp.positions import LineIndex
from resolint.rule import Edit, Severity
from resolint.source import Span

SOURCE = "resolint"

_ENGINE_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_EDITOR_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "information": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
}


def lsp_severity(finding: Finding, overrides: Mapping[str, str]) -> types.DiagnosticSeverity:
    """The engine's severity, unless an editor override names the code or a prefix of it."""
    best = longest_prefix(finding.code, overrides)
    if best:
        return _EDITOR_SEVERITY[overrides[best]]
    return _ENGINE_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning)


def finding_digest(code: str, message: str, flagged: str) -> str:
    """The fingerprint in a finding's id: of its code, message and flagged text."""
    return hashlib.blake2b(f"{code}\0{message}\0{flagged}".encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def numbered_ids(findings: Iterable[Finding], digests: Iterable[str]) -> list[str]:
    """Each finding's id from its digest: numbered by how often the digest came before."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for f, digest in zip(findings, digests, strict=True):
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        ids.append(f"{f.code}-{digest}-{n}")
    return ids


def finding_ids(findings: list[Finding], text: str) -> list[str]:
    """A stable id per finding: code, message and flagged text, numbered if repeated."""
    return numbered_ids(findings, [finding_digest(f.code, f.message, text[f.span.start : f.span.end]) for f in findings])


def lsp_range(index: LineIndex, span: Span) -> types.Range:
    sl, sc = index.position(span.start)
    el, ec = index.position(span.end)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def text_edits(index: LineIndex, edits: Iterable[Edit]) -> list[types.TextEdit]:
    return [types.TextEdit(range=lsp_range(index, e.span), new_text=e.new_text) for e in edits]


def fix_data(index: LineIndex, finding: Finding) -> dict | None:
    """The fix a diagnostic carries in ``data`` (edits with JSON ranges), or None."""
    fix = finding.fix
    if fix is None:
        return None
    return {
        "title": fix.title,
        "applicability": fix.applicability.value,
        "edits": [
            {"range": range_json(*index.position(e.span.start), *index.position(e.span.end)), "newText": e.new_text}
            for e in fix.edits
        ],
    }


def range_json(start_line: int, start_character: int, end_line: int, end_character: int) -> dict:
    return {"start": {"line": start_line, "character": start_character}, "end": {"line": end_line, "character": end_character}}


@functools.lru_cache(maxsize=1024)
def _code_description(code: str, docs_base: str) -> types.CodeDescription:
    """The link to a rule's page, worked out once per code (building a ``file:`` URI is
    most of what converting a finding cost: 18 ms for 200 findings on a 1 MB draft)."""
    return types.CodeDescription(href=rule_url(code, docs_base))


def to_diagnostic(
    finding: Finding,
    finding_id: str,
    index: LineIndex,
    overrides: Mapping[str, str],
    docs_base: str = "",
) -> types.Diagnostic:
    return diagnostic(finding, finding_id, lsp_range(index, finding.span), fix_data(index, finding), overrides, docs_base)


def diagnostic(
    finding: Finding,
    finding_id: str,
    rng: types.Range,
    fix: dict | None,
    overrides: Mapping[str, str],
    docs_base: str = "",
) -> types.Diagnostic:
    """:func:`to_diagnostic` with the range and fix data worked out (the language server
    reuses them between versions: :mod:`resolint.lsp.diagnostic_memo`).

    Its ``data`` names the finding and carries its fix, nothing of the document's
    version: a finding an edit did not move is then the same diagnostic in the next
    version, kept as it was (the server's own state decides what a quick fix does, by
    the finding's id)."""
    return types.Diagnostic(
        range=rng,
        message=finding.message,
        severity=lsp_severity(finding, overrides),
        code=finding.code,
        code_description=_code_description(finding.code, docs_base),
        source=SOURCE,
        data={"id": finding_id, "name": finding.name, "fix": fix},
    )


def result_line(d: types.Diagnostic) -> str:
    """What a report id reads of one diagnostic (all the client shows of it)."""
    r = d.range
    return (
        f"{d.code}|{d.severity}|{r.start.line}:{r.start.character}-{r.end.line}:{r.end.character}|{d.message}|"
        f"{d.data.get('id') if isinstance(d.data, dict) else ''}\n"
    )


def result_id_of_lines(lines: list[str], salt: str = "") -> str:
    """The report id of diagnostics whose :func:`result_line` are ``lines``."""
    h = hashlib.blake2b(salt.encode(), digest_size=8)
    h.update("".join(lines).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def result_id(diagnostics: list[types.Diagnostic], salt: str = "") -> str:
    """A report id that changes exactly when what the client would show changes."""
    return result_id_of_lines([result_line(d) for d in diagnostics], salt)
