"""One lint of one document version, with everything the features need from it.

A :class:`LintState` is built off the event loop (:func:`build_state`) and never changes
afterwards: the findings, the line index they were converted with, the diagnostics sent
and an id per finding. Features that answer for a version (code actions, hover, symbols)
read the state whose ``version`` is the document's current one, never an older one.

A document over ``max-file-size`` is not linted at all (the CLI refuses it too): its
state is a *notice*, one diagnostic saying so and no findings, as is the state of a
document whose lint ran out of time (:func:`notice_state`). Features see no state for a
notice (nothing to hover, fix or outline).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import Any

from lsprotocol import types

from resolint.config import Settings, skipped_message
from resolint.engine import Finding, LintResult, lint
from resolint.incremental import IncrementalLinter
from resolint.lsp.diagnostic_limit import not_shown_diagnostic, shown_findings
from resolint.lsp.diagnostic_memo import DiagnosticMemo
from resolint.lsp.diagnostics import finding_ids, result_id, to_diagnostic
from resolint.lsp.positions import LineIndex
from resolint.lsp.settings import EditorSettings, ProjectSettings, effective_style
from resolint.records import record
from resolint.source import SourceText
from resolint.styles import StyleError


@record(slots=True, weakref_slot=True)
class LintState:
    uri: str
    version: int
    result: LintResult
    index: LineIndex
    ids: list[str]
    #: The diagnostics sent; None once the document is no longer among those linted last
    #: (:data:`KEPT_MEMOS`): :attr:`diagnostics` converts them again when asked.
    converted: list[types.Diagnostic] | None
    result_id: str
    settings: Settings
    style_override: str | None
    path: str | None
    problems: list[str] = field(default_factory=list)  # configuration problems to show
    cache: dict[str, Any] = field(default_factory=dict)  # per-version memo (symbols, openers)
    docs_base: str = ""  # root of the published docs for rule links; "": the installed pages
    notice: str | None = None  # not linted: why (too large, too slow); diagnostics say so
    editor: EditorSettings | None = None  # the settings the diagnostics were converted with

    @property
    def diagnostics(self) -> list[types.Diagnostic]:
        """The diagnostics sent for this lint: those kept, or the same converted again."""
        diags = self.converted  # (read once: another thread may drop them meanwhile)
        if diags is None:
            diags = _converted(self.result, self.index, self.editor or EditorSettings(), self.docs_base, self.ids, None)[0]
        return diags

    def drop_diagnostics(self) -> None:
        """Keep the findings only (:attr:`diagnostics` converts them again when asked):
        the diagnostic objects, with their fixes' edits as JSON dictionaries, were about
        1.5 kB a finding, more than the findings themselves."""
        if self.editor is not None:  # (a notice's own diagnostic is no finding's)
            self.converted = None

    @property
    def text(self) -> str:
        return self.result.source.text

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings

    def finding_by_id(self, finding_id: str) -> Finding | None:
        try:
            return self.result.findings[self.ids.index(finding_id)]
        except ValueError:
            return None

    def lint_fn(self) -> Callable[[str], LintResult]:
        """Lint another text exactly as this one was linted (for fix-all and formatting)."""
        settings, path, style = self.settings, self.path, self.style_override
        return lambda text: lint(text, settings, path=path, style=style)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} kB"


def notice_state(uri: str, version: int, message: str, settings: Settings, encoding: str, path: Path | None) -> LintState:
    """A state with no findings and one diagnostic at the top of the document."""
    empty = LineIndex(SourceText(""), encoding)
    result = lint(empty.source, settings)
    diag = types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Warning,
        code="resolint",
        source="resolint",
    )
    return LintState(
        uri=uri,
        version=version,
        result=result,
        index=empty,
        ids=[],
        converted=[diag],
        result_id=result_id([diag], salt=message),
        settings=settings,
        style_override=None,
        path=str(path) if path else None,
        notice=message,
    )


def too_large_message(size: int, limit: int) -> str:
    """The command line refuses the file at the same limit: the advice names how to lift it
    there too (it said "lint it from the CLI", which refused it as well)."""
    return (
        f"resolint: too large to lint in the editor ({_size(size)}; max-file-size is {_size(limit)}) — "
        "raise max-file-size in resolint.toml (0: no limit), or lint it from the command line "
        "with resolint check --max-file-size 0"
    )


def too_slow_message(seconds: float) -> str:
    return (
        f"resolint: too large/slow to lint as you type (stopped after {seconds:g} s) — "
        "it is linted on save; or lint it from the CLI (resolint check)"
    )


class _Warm:
    """What a document linted last keeps: its diagnostic memo, and its last lint, whose
    diagnostics are dropped when the document is no longer among those."""

    __slots__ = ("memo", "state")

    def __init__(self) -> None:
        self.memo = DiagnosticMemo()
        self.state: weakref.ref[LintState] | None = None


#: The documents linted last, by their linter, the most recent last (one goes when its
#: document is closed: a weak key).
_MEMOS: weakref.WeakKeyDictionary[IncrementalLinter, _Warm] = weakref.WeakKeyDictionary()
#: How many documents keep what speeds up their next keystroke: the diagnostic memo
#: (about 400 bytes a finding: 49 kB for a draft with 120 findings) and the linter's
#: per-paragraph caches (:class:`~resolint.incremental.LintCache`, with the parse memo and
#: the citation walk: 131 kB for a draft of 1.3 kB, 40 paragraphs). Kept for every open
#: document, 1,000 of them held 180 MB for keystrokes that mostly never come. A document
#: linted again after this many others is linted in full once (the same findings, the
#: diagnostics converted afresh) and keeps its caches again.
KEPT_MEMOS = 8


def _warm(linter: IncrementalLinter) -> _Warm:
    """``linter``'s entry (a new one if it had none or it went), now the most recent; the
    document linted least recently beyond :data:`KEPT_MEMOS` loses its memo, its linter's
    caches (:meth:`~resolint.incremental.IncrementalLinter.forget`) and its last lint's
    diagnostics (:meth:`LintState.drop_diagnostics`)."""
    warm = _MEMOS.pop(linter, None)
    if warm is None:
        warm = _Warm()
    _MEMOS[linter] = warm
    while len(_MEMOS) > KEPT_MEMOS:
        oldest, gone = next(iter(_MEMOS.items()))
        del _MEMOS[oldest]
        oldest.forget()
        state = None if gone.state is None else gone.state()
        if state is not None:
            state.drop_diagnostics()
    return warm


def _diagnostics(result: LintResult, index: LineIndex, editor: EditorSettings,
                 docs_base: str, memo: DiagnosticMemo | None) -> tuple[list[str], list[types.Diagnostic], str]:
    """The findings' ids, the diagnostics to send (at most ``editor.max_diagnostics``: see
    :mod:`resolint.lsp.diagnostic_limit`), and the report id; for a document's successive
    versions (their ``memo``), reusing what the edit did not change."""
    findings, text = result.findings, index.text
    ids = finding_ids(findings, text) if memo is None else memo.ids(findings, text)
    return (ids, *_converted(result, index, editor, docs_base, ids, memo))


def _converted(result: LintResult, index: LineIndex, editor: EditorSettings, docs_base: str,
               ids: list[str], memo: DiagnosticMemo | None) -> tuple[list[types.Diagnostic], str]:
    """The diagnostics to send for findings with these ``ids``, and the report id."""
    findings, salt = result.findings, result.style.name
    overrides = editor.severity_overrides
    sent, sent_ids, notice = findings, ids, None
    shown = shown_findings(findings, editor.max_diagnostics, overrides)
    if shown is not None:
        sent, sent_ids = [findings[i] for i in shown], [ids[i] for i in shown]
        notice = not_shown_diagnostic(len(findings), len(shown))
        salt += "\0" + notice.message  # the report changes with the number not shown
    if memo is None:
        diags = [to_diagnostic(f, i, index, overrides, docs_base) for f, i in zip(sent, sent_ids, strict=True)]
        report_id = result_id(diags, salt=salt)
    else:
        diags = memo.convert(sent, sent_ids, index, overrides, docs_base)
        report_id = memo.result_id(salt)
    if notice is not None:
        diags.append(notice)
    return diags, report_id


def _config_problems(project: ProjectSettings) -> list[str]:
    """What to tell of the project's configuration (an error, keys skipped)."""
    problems: list[str] = []
    if project.error:
        problems.append(f"resolint: configuration error, using the defaults: {project.error}")
    problems.extend(f"resolint: warning: {skipped_message(name)}" for name in project.skipped)
    return problems


def build_state(
    uri: str,
    version: int,
    text: str,
    index: LineIndex | None,
    project: ProjectSettings,
    editor: EditorSettings,
    path: Path | None,
    encoding: str,
    linter: IncrementalLinter | None = None,
) -> LintState:
    """Lint ``text`` and convert the findings; never raises for a style or config problem.

    ``linter``: the document's :class:`~resolint.incremental.IncrementalLinter`, which
    reuses the per-paragraph work of its earlier lints (same findings as a full lint), and
    the diagnostics of findings an edit did not move (same diagnostics: ``_diagnostics``).
    """
    problems = _config_problems(project)
    settings = project.settings
    limit = settings.max_file_size
    if limit and len(text) > limit // 4:  # a character is at most 4 bytes: count only then
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > limit:
            state = notice_state(uri, version, too_large_message(size, limit), settings, encoding, path)
            state.problems.extend(problems)  # a broken configuration is told of a large draft too
            return state
    style = effective_style(settings, editor)
    if index is None or index.text is not text or index.encoding != encoding:
        index = LineIndex(SourceText(text), encoding)
    path_s = str(path) if path else None
    run = lint if linter is None else linter.lint
    warm = None if linter is None else _warm(linter)  # (before the lint: at most KEPT_MEMOS keep caches)
    try:
        result = run(index.source, settings, path=path_s, style=style)
    except StyleError as exc:
        problems.append(f"resolint: {exc}; detecting the style instead")
        settings = settings.with_overrides(style="auto")
        style = None
        result = run(index.source, settings, path=path_s, style=None)
    docs_base = settings.docs_url or editor.docs_url
    ids, diags, report_id = _diagnostics(result, index, editor, docs_base, None if warm is None else warm.memo)
    state = LintState(
        uri=uri,
        version=version,
        result=result,
        index=index,
        ids=ids,
        converted=diags,
        result_id=report_id,
        settings=settings,
        style_override=style,
        path=path_s,
        problems=problems,
        docs_base=docs_base,
        editor=editor,
    )
    if warm is not None:
        warm.state = weakref.ref(state)
    return state
