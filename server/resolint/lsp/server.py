"""The resolint language server: pygls wiring over the pure modules of this package.

Handlers stay thin: they find the document's state for its current version (linting in
the worker thread when needed) and hand it to :mod:`.actions`, :mod:`.outline`,
:mod:`.hover` and friends. Diagnostics are pulled by clients that support
``textDocument/diagnostic`` and pushed to the others, never both. Every handler is
guarded: a bug answers one request with an error, it never stops the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import json as _json
import logging
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import FeatureRequestError
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer

from resolint import __version__, nlp
from resolint.engine import lint, prepare_house_rules
from resolint.incremental import IncrementalLinter
from resolint.lsp import actions, carry, completion, definition, export_command, formatting, hover, outline
from resolint.lsp.collector import IDLE_AFTER, Collector
from resolint.lsp.diagnostics import lsp_range, text_edits
from resolint.lsp.documents import Document, DocumentStore
from resolint.lsp.positions import LineIndex
from resolint.lsp.protocol import ResolintProtocol
from resolint.lsp.scheduler import Scheduler
from resolint.lsp.settings import EditorSettings, ProjectConfig, parse_editor_settings, uri_to_path
from resolint.lsp.state import KEPT_MEMOS, LintState, build_state, notice_state, too_slow_message
from resolint.lsp.transport import FdSource, StreamSource, serve
from resolint.records import record
from resolint.settings import CONFIG_NAMES

log = logging.getLogger("resolint.lsp")

STATUS = "resolint/status"
#: How much of a document the warm-up before its first lint reads (opening and title block).
PREPARE_CHARS = 4000
WATCHED = tuple(f"**/{name}" for name in CONFIG_NAMES)


@record(frozen=True, slots=True)
class Snapshot:
    uri: str
    version: int
    text: str
    index: LineIndex | None
    editor: EditorSettings
    path: Path | None
    root: Path | None
    encoding: str
    linter: IncrementalLinter | None = None  # the document's, reused between versions


class ResolintServer(LanguageServer):
    def report_server_error(self, error: Exception, source) -> None:
        """A message that is not JSON-RPC gets a JSON-RPC error reply (id null), as the
        spec asks: -32700 for a body that is not JSON, -32600 for JSON that is not a
        message. pygls's default only shows "Error in server" to the user."""
        if isinstance(error, _json.JSONDecodeError):
            code, message = -32700, f"Parse error: {error}"
        elif isinstance(error, (AttributeError, TypeError, KeyError, ValueError)) and source is not FeatureRequestError:
            code, message = -32600, f"Invalid request: {error}"
        else:
            super().report_server_error(error, source)
            return
        try:
            self.protocol.error_reply(None, code, message)
        except Exception:  # replying must never take the server down
            log.exception("could not send the JSON-RPC error reply")

    # -- transport: our read loop instead of pygls's (see resolint.lsp.framing) ------
    def start_io(self, stdin=None, stdout=None) -> None:
        """Serve over stdio until ``exit`` or end of input."""
        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        source = FdSource((stdin or sys.stdin.buffer).fileno())
        try:
            asyncio.run(serve(source, self.protocol, self._stop_event, self._report_server_error))
        except BrokenPipeError:
            log.error("the connection to the client is lost; shutting down")
        except SystemExit as exc:  # `exit`: 0 after shutdown, 1 without
            self.exit_code = exc.code if isinstance(exc.code, int) else 1
        except KeyboardInterrupt:
            pass
        finally:
            self.shutdown()

    def start_tcp(self, host: str, port: int) -> None:
        """Serve one client at a time over TCP (for debugging), with the same read loop."""
        self._stop_event = stop_event = threading.Event()

        async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.protocol.set_writer(writer)  # type: ignore[arg-type]
            try:
                await serve(StreamSource(reader), self.protocol, stop_event, self._report_server_error)
            except SystemExit as exc:  # `exit`: end the server, not just this connection
                self.exit_code = exc.code if isinstance(exc.code, int) else 1
                if serving:
                    serving[0].cancel()
            finally:
                self.shutdown()

        serving: list[asyncio.Task] = []

        async def main() -> None:
            self._server = await asyncio.start_server(connection, host, port)
            async with self._server:
                serving.append(asyncio.ensure_future(self._server.serve_forever()))
                await serving[0]

        try:
            asyncio.run(main())
        except (asyncio.CancelledError, KeyboardInterrupt):
            pass
        except SystemExit as exc:
            self.exit_code = exc.code if isinstance(exc.code, int) else 1

    def __init__(self) -> None:
        super().__init__("resolint", __version__, protocol_cls=ResolintProtocol)
        self.exit_code = 0
        self.docs = DocumentStore()
        self.project = ProjectConfig()
        self.editor = EditorSettings()
        self.encoding = "utf-16"
        self.pull = False
        self.hierarchical_symbols = True
        self.client_ctx = actions.ClientContext()
        self.refresh_support = False
        self.root: Path | None = None
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="resolint-lint")
        self.collector = Collector()
        self.scheduler: Scheduler[LintState] = Scheduler(
            self._snapshot,
            self._build,
            self._version_of,
            self._on_result,
            self.executor,
            slow_state=self._slow_state,
            size_of=lambda snap: len(snap.text),
            budget=self.editor.budget_ms / 1000,
            prepare=self._prepare,
            before=self.collector.before_lint,
            after=self.collector.after_lint,
        )
        self._idle: asyncio.TimerHandle | None = None
        self._shown: set[str] = set()
        self._prepared: set[tuple[int, int]] = set()
        #: The documents whose outline was asked for last, the most recent last: only
        #: these keep their paragraph symbols (see :meth:`kept_symbols`).
        self._outlined: dict[str, None] = {}

    def kept_symbols(self, doc: Document) -> outline.KeptSymbols:
        """``doc``'s paragraph symbols of its last versions, now the most recent; those
        of the document asked least recently beyond ``KEPT_MEMOS`` go, as its keystroke
        caches do (:mod:`resolint.lsp.state`): kept for every document whose outline was
        ever shown, they were 23 kB for a draft of 40 paragraphs, megabytes for 1 MB. Its
        next outline is written afresh, the same."""
        self._outlined.pop(doc.uri, None)
        self._outlined[doc.uri] = None
        while len(self._outlined) > KEPT_MEMOS:
            uri = next(iter(self._outlined))
            del self._outlined[uri]
            other = self.docs.get(uri)
            if other is not None:
                other.symbols = outline.KeptSymbols()  # (a call running with the old ones keeps them)
        return doc.symbols

    # -- state ---------------------------------------------------------------------
    def _build(self, snap: Snapshot) -> LintState:
        """In the worker thread: project settings (cached by mtime), lint, convert."""
        project = self.project.for_path(snap.path, snap.root)
        return build_state(
            snap.uri, snap.version, snap.text, snap.index, project, snap.editor, snap.path, snap.encoding, snap.linter
        )

    def _prepare(self, snap: Snapshot) -> None:
        """In the worker, outside the time budget: the first lint under a configuration
        imports and compiles what later lints reuse (spaCy and the matchers of house rules:
        a second or more on a busy machine). Linting the head of the document, where the
        opening and title that choose the style are, does that once per configuration."""
        project = self.project.for_path(snap.path, snap.root)
        key = (id(project.settings), id(snap.editor))
        if key in self._prepared:
            return
        state = build_state(snap.uri, snap.version, snap.text[:PREPARE_CHARS], None, project, snap.editor, snap.path, snap.encoding)
        # The head may give spaCy nothing to match: load it all the same (a lint that
        # needs it later is timed and may be stopped). A pattern spaCy refuses is the
        # lint's to report, as before.
        try:
            prepare_house_rules(state.settings, state.result.style)
        except Exception:  # noqa: BLE001 - reported by the lint that runs the rule
            log.warning("house rules not prepared", exc_info=True)
        self._prepared.add(key)

    def _slow_state(self, snap: Snapshot, seconds: float) -> LintState:
        """On the loop: the notice for a document whose lint ran out of time."""
        project = self.project.for_path(snap.path, snap.root)
        return notice_state(snap.uri, snap.version, too_slow_message(seconds), project.settings, snap.encoding, snap.path)

    def _version_of(self, uri: str) -> int | None:
        doc = self.docs.get(uri)
        return doc.version if doc else None

    def _snapshot(self, uri: str) -> Snapshot | None:
        doc = self.docs.get(uri)
        if doc is None:
            return None
        index = doc._index if doc._index is not None and doc._index.text is doc.text else None
        return Snapshot(uri, doc.version, doc.text, index, self.editor, uri_to_path(uri), self.root, self.encoding, doc.linter)

    def _on_result(self, state: LintState) -> None:
        doc = self.docs.get(state.uri)
        if doc is not None and doc._index is None and state.index.text is doc.text:
            doc._index = state.index  # the next change reuses it instead of rebuilding
        for problem in state.problems:
            if problem not in self._shown:
                self._shown.add(problem)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=problem))
        if not state.problems:
            self._shown.clear()
        if not self.pull:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=state.uri, version=state.version, diagnostics=state.diagnostics)
            )
        elif self.refresh_support and self._pulls_do_not_wait(state.uri):
            self.workspace_diagnostic_refresh(None)
        res = state.result
        status = {"uri": state.uri, "style": res.style.name, "reason": res.style.detected_because}
        if state.notice is None:  # every finding, also those past maxDiagnostics; a notice: not linted
            status["count"] = len(res.findings)
        self.protocol.notify(STATUS, status)
        self._collect_when_idle()

    def _pulls_do_not_wait(self, uri: str) -> bool:
        """Whether a pull of ``uri``'s diagnostics is answered from the last lint kept
        rather than waiting for the current version's (``run: "onSave"``, or a document
        linted only on save): the client then has its answer before this lint, and does
        not ask again until the text changes, so it is told to (a refresh) or shows the
        lint before the save until the next keystroke."""
        return self.editor.run == "onSave" or uri in self.scheduler.slow

    def _collect_when_idle(self) -> None:
        """Collect the garbage the last lints left once nothing has been linted for
        :data:`~resolint.lsp.collector.IDLE_AFTER` seconds (the drafter paused)."""
        if self._idle is not None:
            self._idle.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a result shown outside the loop (tests): no timer
            return
        self._idle = loop.call_later(IDLE_AFTER, self._collect_now)

    def _collect_now(self) -> None:
        with contextlib.suppress(RuntimeError):  # the server is shutting down
            self.executor.submit(self.collector.collect)  # in the worker: never beside a lint

    async def state(self, uri: str) -> LintState | None:
        """The lint of ``uri``'s current version for a feature; None when there is none
        (a notice instead of a lint, or only an older version's lint on save)."""
        state = await self.scheduler.current(uri)
        if state is None or state.notice is not None or state.version != self._version_of(uri):
            return None
        return state

    def relint_all(self) -> None:
        """Settings changed: forget every lint (same versions, new settings) and lint again."""
        self.scheduler.invalidate_all()
        for uri in self.docs.uris():
            self.scheduler.schedule(uri, 0)
        if self.pull and self.refresh_support:
            self.workspace_diagnostic_refresh(None)

    def set_editor_settings(self, raw: Any) -> None:
        editor, problems = parse_editor_settings(raw)
        self.editor = editor
        self.scheduler.budget = editor.budget_ms / 1000
        for p in problems:
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=f"resolint: {p}"))


server = ResolintServer()


def guarded(default=None):
    """Answer a request with ``default`` (and a log line) if its handler has a bug.

    Bad params never reach a handler (the protocol answers them); what is left is our
    own bugs, which must cost one answer, not the session.
    """

    def wrap(fn):
        if asyncio.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def run(ls, params):
                try:
                    return await fn(ls, params)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("%s failed", fn.__name__)
                    return default

        else:

            @functools.wraps(fn)
            def run(ls, params):
                try:
                    return fn(ls, params)
                except Exception:
                    log.exception("%s failed", fn.__name__)
                    return default

        return run

    return wrap


def _encoding_name(enc: Any) -> str:
    value = getattr(enc, "value", enc) or "utf-16"
    return str(value)


# -- lifecycle --------------------------------------------------------------------------
@server.feature(types.INITIALIZE)
def initialize(ls: ResolintServer, params: types.InitializeParams) -> None:
    caps = params.capabilities
    ls.encoding = _encoding_name(ls.workspace.position_encoding)
    ls.docs.encoding = ls.encoding
    td = caps.text_document
    ls.pull = bool(td and td.diagnostic is not None)
    # The nested outline only for a client that says it reads one (LSP): the flat one otherwise.
    ls.hierarchical_symbols = bool(td and td.document_symbol and td.document_symbol.hierarchical_document_symbol_support)
    ws = caps.workspace
    ls.client_ctx = actions.ClientContext(
        document_changes=bool(ws and ws.workspace_edit and ws.workspace_edit.document_changes),
        resolve_edit=bool(
            td and td.code_action and td.code_action.resolve_support and "edit" in (td.code_action.resolve_support.properties or [])
        ),
        disabled=bool(td and td.code_action and td.code_action.disabled_support),
    )
    ls.refresh_support = bool(ws and ws.diagnostics and ws.diagnostics.refresh_support)
    root_uri = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    ls.root = uri_to_path(root_uri) if root_uri else (Path(params.root_path) if params.root_path else None)
    ls.set_editor_settings(params.initialization_options)
    log.info("initialized: encoding %s, %s diagnostics", ls.encoding, "pull" if ls.pull else "push")


@server.feature(types.INITIALIZED)
async def initialized(ls: ResolintServer, params: types.InitializedParams) -> None:
    ws = ls.client_capabilities.workspace
    if ws and ws.did_change_watched_files and ws.did_change_watched_files.dynamic_registration:
        try:
            await ls.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="resolint-config-watch",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
                            ),
                        )
                    ]
                )
            )
        except Exception:  # the mtime check still picks up changes
            log.warning("client refused file watching; configuration changes are noticed by mtime")


@server.feature(types.SHUTDOWN)
def shutdown(ls: ResolintServer, params: Any) -> None:
    ls.scheduler.stop_all()
    ls.executor.shutdown(wait=False, cancel_futures=True)


# -- document sync ----------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ResolintServer, params: types.DidOpenTextDocumentParams) -> None:
    d = params.text_document
    if "%00" in d.uri or "\x00" in d.uri:
        message = f"resolint: the document's URI contains a NUL character (%00), which no file name can hold: {d.uri!r} is linted as an unsaved document (the workspace's configuration, if any)"
        log.warning("%s", message)
        ls.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=message))
    if d.uri in ls.docs:
        # Opened again without a close (some clients do on reload): the lint kept for the
        # old text may carry the new one's version, and would answer for it.
        ls.scheduler.forget(d.uri)
    ls.docs.open(d.uri, d.version, d.text, d.language_id)
    ls.scheduler.schedule(d.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ResolintServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri not in ls.docs:
        log.warning("didChange for a document that is not open: %s", uri)
        return
    held = ls.docs.get(uri).version
    try:
        ls.docs.change(uri, params.text_document.version, params.content_changes)
        if params.text_document.version <= held:
            # No newer version: a lint kept under this one may be of the old text.
            ls.scheduler.forget(uri)
    except Exception as exc:
        # The client and server texts may now differ: say so rather than guess.
        log.error("could not apply a change to %s: %s", uri, exc)
        ls.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=f"resolint: bad change ignored: {exc}"))
        return
    if ls.editor.run == "onType":
        ls.scheduler.schedule(uri, ls.editor.debounce_ms / 1000)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ResolintServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri in ls.docs:
        ls.scheduler.schedule(params.text_document.uri, 0, save=True)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ResolintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.docs.close(uri)
    ls.scheduler.forget(uri)
    ls._outlined.pop(uri, None)
    if not ls.pull:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    ls.protocol.published.forget(uri)  # after the empty list: it keeps nothing


# -- configuration ----------------------------------------------------------------------
@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: ResolintServer, params: types.DidChangeConfigurationParams) -> None:
    raw = params.settings
    if not raw:
        ws = ls.client_capabilities.workspace
        if ws and ws.configuration:
            try:
                got = await ls.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(section="resolint")])
                )
                raw = got[0] if got else None
            except Exception:
                log.warning("workspace/configuration failed")
    if raw is not None:
        ls.set_editor_settings(raw)
    ls._shown.clear()
    ls.relint_all()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: ResolintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(c.uri.rsplit("/", 1)[-1] in CONFIG_NAMES for c in params.changes):
        ls.project.invalidate()
        ls._shown.clear()
        ls.relint_all()


# -- diagnostics (pull) -----------------------------------------------------------------
@server.feature(
    types.TEXT_DOCUMENT_DIAGNOSTIC,
    types.DiagnosticOptions(identifier="resolint", inter_file_dependencies=False, workspace_diagnostics=False),
)
async def pull_diagnostics(ls: ResolintServer, params: types.DocumentDiagnosticParams):
    uri = params.text_document.uri
    state = ls.scheduler.latest(uri) if ls.editor.run == "onSave" else None
    if state is None:
        state = await ls.scheduler.current(uri)  # a notice too (too large, too slow)
    if state is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    if params.previous_result_id == _report_id(ls, state):  # (before converting: see LintState.diagnostics)
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=params.previous_result_id)
    report_id, diagnostics = _for_current_text(ls, state)
    try:
        return ls.protocol.full_report(uri, report_id, diagnostics)
    except Exception:  # a bug in writing it must not cost the diagnostics: pygls's way
        log.exception("writing the diagnostic report failed; sending it as pygls does")
        return types.RelatedFullDocumentDiagnosticReport(items=diagnostics, result_id=report_id)


def _report_id(ls: ResolintServer, state: LintState) -> str:
    """The report id of :func:`_for_current_text`, worked out without its diagnostics."""
    doc = ls.docs.get(state.uri)
    if doc is None or doc.version == state.version or state.notice is not None:
        return state.result_id
    return f"{state.result_id}@{doc.version}"


def _for_current_text(ls: ResolintServer, state: LintState) -> tuple[str, list[types.Diagnostic]]:
    """The report id and diagnostics of ``state`` for the document's current version.

    The lint of an older version (``run: "onSave"``, or a document linted only on save)
    has its diagnostics carried to the current text (:func:`resolint.lsp.carry.carried`):
    those on or beside text changed since are left out, the others follow their text.
    Sent as they are, they named the old lines and columns, on text they were not computed
    for. A notice (too large, too slow) names no text and stays as it is."""
    doc = ls.docs.get(state.uri)
    if doc is None or doc.version == state.version or state.notice is not None:
        return state.result_id, state.diagnostics
    # From the version they were last carried to: a client that pulls after each change
    # (VS Code) has them carried one change at a time, and none is lost to a changed
    # stretch that grows from one place to another.
    version, index, diagnostics = state.cache.get("carried") or (state.version, state.index, state.diagnostics)
    if version != doc.version or index.text is not doc.text:
        new_index = doc.index
        version, index, diagnostics = doc.version, new_index, carry.carried(index, new_index, diagnostics)
        state.cache["carried"] = (version, index, diagnostics)
    return _report_id(ls, state), diagnostics


# -- code actions -----------------------------------------------------------------------
@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND], resolve_provider=True
    ),
)
@guarded(default=None)
async def code_action(ls: ResolintServer, params: types.CodeActionParams):
    state = await ls.state(params.text_document.uri)
    if state is None:
        return None
    lines = (params.range.start.line, params.range.end.line)
    # In the lint worker, not on the event loop: the actions may lint the whole text
    # (fix-all to a fixed point for a client that cannot resolve it later, a "disable"
    # action checking what its comment hides), which takes seconds on a big draft.
    found = await asyncio.get_running_loop().run_in_executor(
        ls.executor, actions.code_actions, state, params.context.diagnostics or [], lines, params.context.only, ls.client_ctx
    )
    return found or None


@server.feature(types.CODE_ACTION_RESOLVE)
@guarded(default=None)
async def code_action_resolve(ls: ResolintServer, action: types.CodeAction):
    data = action.data if isinstance(action.data, dict) else {}
    if data.get("action") != "fixAll" or not isinstance(data.get("uri"), str):
        return action
    state = await ls.state(data["uri"])
    if state is None:
        return action
    edits = await asyncio.get_running_loop().run_in_executor(ls.executor, actions.fix_all_edits, state)
    action.edit = actions.workspace_edit(state.uri, state.version, text_edits(state.index, edits), ls.client_ctx)
    return action


# -- navigation and help ----------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@guarded(default=None)
async def document_symbol(ls: ResolintServer, params: types.DocumentSymbolParams):
    state = await ls.state(params.text_document.uri)
    if state is None:
        return None
    doc = ls.docs.get(state.uri)
    symbols = ls.kept_symbols(doc) if doc is not None else None
    nested = await asyncio.get_running_loop().run_in_executor(ls.executor, outline.document_symbols, state, symbols)
    if ls.hierarchical_symbols:
        return nested
    return await asyncio.get_running_loop().run_in_executor(ls.executor, outline.flat_symbols, nested, state.uri)


@server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
@guarded(default=None)
async def folding_range(ls: ResolintServer, params: types.FoldingRangeParams):
    state = await ls.state(params.text_document.uri)
    return outline.folding_ranges(state) if state else None


@server.feature(types.TEXT_DOCUMENT_HOVER)
@guarded(default=None)
async def hover_(ls: ResolintServer, params: types.HoverParams):
    state = await ls.state(params.text_document.uri)
    if state is None:
        return None
    offset = state.index.offset(params.position.line, params.position.character)
    return hover.hover(state, offset)


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[]))
@guarded(default=None)
async def completion_(ls: ResolintServer, params: types.CompletionParams):
    state = await ls.state(params.text_document.uri)
    if state is None:
        return None
    offset = state.index.offset(params.position.line, params.position.character)
    items = completion.completions(state, params.position.line, offset)
    return types.CompletionList(is_incomplete=False, items=items) if items else None


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
@guarded(default=None)
async def definition_(ls: ResolintServer, params: types.DefinitionParams):
    state = await ls.state(params.text_document.uri)
    if state is None:
        return None
    offset = state.index.offset(params.position.line, params.position.character)
    target = definition.target(state, offset)
    if target is None:
        return None
    sel = target.label.span if target.label else target.span
    return types.Location(uri=state.uri, range=lsp_range(state.index, sel))


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
@guarded(default=None)
async def formatting_(ls: ResolintServer, params: types.DocumentFormattingParams):
    if not ls.editor.formatting:
        return None
    state = await ls.state(params.text_document.uri)
    if state is None:
        return None
    edits = await asyncio.get_running_loop().run_in_executor(ls.executor, formatting.formatting_edits, state)
    return text_edits(state.index, edits)


export_command.register(server)  # workspace/executeCommand resolint.exportAkn


# -- entry point ------------------------------------------------------------------------
def _warm_up() -> None:
    """Load what the first lint needs while the client is still shaking hands.

    The lint worker loads the rules, styles and verb-form tables (a tiny lint, then the
    tables), and then moves everything loaded so far out of the garbage collector's sight
    (:func:`_quiet_collector`).
    """
    server.executor.submit(_warm_up_worker)


def _warm_up_worker() -> None:
    lint("The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act.\n")
    nlp.load_forms()
    _quiet_collector()


def _quiet_collector() -> None:
    """Keep the cyclic garbage collector out of the keystroke path.

    A lint allocates hundreds of thousands of short-lived objects; with Python's default
    thresholds that triggers many young collections and, now and then, a full one that
    walks every object the server holds (rules, tables, open documents' caches) - the
    tail of the didChange latency. The objects loaded at start-up live as long as the
    server, so they are frozen (never scanned again), and young collections run less often.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def run_server(tcp: bool = False, host: str = "127.0.0.1", port: int = 2087) -> int:
    """Run until the client says exit. Logs go to stderr: stdout is the protocol."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="resolint-lsp %(levelname)s %(name)s: %(message)s")
    _warm_up()
    if tcp:
        server.start_tcp(host, port)
    else:
        server.start_io()
    return server.exit_code
