"""Only the documents linted last keep their keystroke caches (resolint.lsp.state.KEPT_MEMOS).

A document's incremental caches (per-rule tables, the parse memo, the citation walk)
cost about 100 kB for a short draft whether it is edited again or not. A document that
lost them is linted in full on its next change, with the findings of a full lint, and
keeps caches again from then on. Its last lint keeps its findings, and converts them
to diagnostics again when they are asked for.
"""

from __future__ import annotations

import gc
import json
import random
import weakref

import pytest
from lsprotocol import types
from pygls.protocol import default_converter

from resolint.config import Settings
from resolint.engine import lint
from resolint.incremental import IncrementalLinter
from resolint.lsp import state as lsp_state
from resolint.lsp.publish import PublishedText
from resolint.lsp.server import ResolintServer, did_open, document_symbol, pull_diagnostics
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state

DRAFT = (
    "The General Assembly,\n\nrecalling its resolution {n}/1\n\nNoting with concern the report of "
    "the Secretary General,\n\n1. decides to act {n}\n\n2. Requests the Secretary-General to report;\n"
)


def _settings() -> tuple[ProjectSettings, EditorSettings]:
    return ProjectSettings(Settings(), None), EditorSettings()


def _holding(linters: list[IncrementalLinter]) -> int:
    return sum(linter.cache is not None for linter in linters)


@pytest.fixture(autouse=True)
def _no_memos_of_other_tests():
    lsp_state._MEMOS.clear()
    yield
    lsp_state._MEMOS.clear()


def test_documents_holding_caches_never_exceed_the_bound():
    project, editor = _settings()
    linters = [IncrementalLinter() for _ in range(lsp_state.KEPT_MEMOS + 5)]
    for n, linter in enumerate(linters):
        build_state(f"file:///w{n}.txt", 1, DRAFT.format(n=n), None, project, editor, None, "utf-16", linter)
        assert _holding(linters) <= lsp_state.KEPT_MEMOS
    assert all(linter.cache is not None for linter in linters[-lsp_state.KEPT_MEMOS :])
    assert all(linter.cache is None for linter in linters[: -lsp_state.KEPT_MEMOS])


def test_dropped_caches_are_freed_while_the_last_lint_is_kept():
    """The server keeps each document's last lint (hover, code actions, pulls), and its
    facts read from the cache: the linter dropping it alone freed nothing."""
    project, editor = _settings()
    first = IncrementalLinter()
    state = build_state("file:///first.txt", 1, DRAFT.format(n=0), None, project, editor, None, "utf-16", first)
    cache = weakref.ref(first.cache)
    others = [IncrementalLinter() for _ in range(lsp_state.KEPT_MEMOS)]  # (open: kept)
    for n, other in enumerate(others):
        build_state(f"file:///o{n}.txt", 1, DRAFT.format(n=n), None, project, editor, None, "utf-16", other)
    gc.collect()
    assert cache() is None
    # and the kept lint still answers what it is asked, as a full lint would
    full = lint(DRAFT.format(n=0), Settings())
    assert [state.result.facts.opener(p) for p in state.result.resolution.paragraphs] == [
        full.facts.opener(p) for p in full.resolution.paragraphs
    ]


def test_an_evicted_document_is_linted_in_full_and_caches_again():
    project, editor = _settings()
    linters = [IncrementalLinter() for _ in range(lsp_state.KEPT_MEMOS + 2)]
    for n, linter in enumerate(linters):
        build_state(f"file:///e{n}.txt", 1, DRAFT.format(n=n), None, project, editor, None, "utf-16", linter)
    assert linters[0].cache is None
    text = DRAFT.format(n=0).replace("decides to act", "Decides to act further")
    got = build_state("file:///e0.txt", 2, text, None, project, editor, None, "utf-16", linters[0])
    fresh = build_state("file:///e0.txt", 2, text, None, project, editor, None, "utf-16")
    assert got.findings == lint(text, Settings()).findings
    assert got.diagnostics == fresh.diagnostics and got.result_id == fresh.result_id
    assert linters[0].cache is not None and len(linters[0].cache) > 0  # caching again


def test_edits_across_more_documents_than_the_bound_give_full_lint_findings(monkeypatch):
    """Random one-place edits in turn across five documents, two kept warm: every lint,
    from a kept cache or after losing it, gives a full lint's findings."""
    monkeypatch.setattr(lsp_state, "KEPT_MEMOS", 2)
    project, editor = _settings()
    rng = random.Random(7)
    texts = [DRAFT.format(n=n) for n in range(5)]
    linters = [IncrementalLinter() for _ in texts]
    pieces = ["recalling ", "\n\n", "3. Decides ", "resolution 7/2", ";", "Noting ", "x"]
    for step in range(40):
        n = rng.randrange(len(texts))
        at = rng.randrange(len(texts[n]) + 1)
        end = min(len(texts[n]), at + rng.randrange(4))
        texts[n] = texts[n][:at] + rng.choice(pieces) + texts[n][end:]
        got = build_state(f"file:///r{n}.txt", step + 2, texts[n], None, project, editor, None, "utf-16", linters[n])
        assert got.findings == lint(texts[n], Settings()).findings, (step, n)
        assert _holding(linters) <= 2


@pytest.mark.parametrize("most", [0, 3])
def test_an_evicted_documents_diagnostics_are_converted_again_when_asked(most: int):
    """Its last lint keeps the findings, not the diagnostic objects (1.5 kB a finding with
    their fixes' JSON): asked for, they are those a lint from scratch sends, the notice
    of findings not shown included (``most``: maxDiagnostics)."""
    project, editor = ProjectSettings(Settings(), None), EditorSettings(max_diagnostics=most)
    linters = [IncrementalLinter() for _ in range(lsp_state.KEPT_MEMOS + 1)]
    states = [
        build_state(f"file:///c{n}.txt", 1, DRAFT.format(n=n), None, project, editor, None, "utf-16", linter)
        for n, linter in enumerate(linters)
    ]
    assert states[0].converted is None and states[-1].converted is not None
    fresh = build_state("file:///c0.txt", 1, DRAFT.format(n=0), None, project, editor, None, "utf-16")
    assert states[0].diagnostics == fresh.diagnostics and states[0].result_id == fresh.result_id
    assert len(fresh.findings) > most and len(fresh.diagnostics) == (most or len(fresh.findings))


async def test_a_pull_for_an_evicted_document_answers_as_before():
    ls = ResolintServer()
    ls.pull = True
    uris = [f"file:///tmp/warm/p{n}.txt" for n in range(lsp_state.KEPT_MEMOS + 2)]
    for n, uri in enumerate(uris):
        did_open(ls, types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", 1, DRAFT.format(n=n))))
        await ls.scheduler.current(uri)
    first = await ls.scheduler.current(uris[0])
    assert first.converted is None
    params = types.DocumentDiagnosticParams(types.TextDocumentIdentifier(uris[0]))
    report = json.loads(await pull_diagnostics(ls, params))
    fresh = build_state(uris[0], 1, DRAFT.format(n=0), None, ProjectSettings(Settings(), None), EditorSettings(), None, "utf-16")
    assert report["resultId"] == fresh.result_id
    assert report["items"] == default_converter().unstructure(fresh.diagnostics, list[types.Diagnostic])
    params.previous_result_id = fresh.result_id
    unchanged = await pull_diagnostics(ls, params)
    assert isinstance(unchanged, types.RelatedUnchangedDocumentDiagnosticReport) and first.converted is None
    ls.executor.shutdown()


async def test_paragraph_symbols_kept_for_the_documents_outlined_last():
    """Each document whose outline was shown kept its paragraph symbols for as long as it
    was open: only the last KEPT_MEMOS do, and an outline written afresh is the same."""
    ls = ResolintServer()
    ls.pull = True
    uris = [f"file:///tmp/warm/s{n}.txt" for n in range(lsp_state.KEPT_MEMOS + 3)]
    outlines = []
    for n, uri in enumerate(uris):
        did_open(ls, types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "plaintext", 1, DRAFT.format(n=n))))
        outlines.append(await document_symbol(ls, types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))))
        assert sum(len(ls.docs.get(u).symbols._kept) > 0 for u in uris[: n + 1]) <= lsp_state.KEPT_MEMOS
    assert len(ls.docs.get(uris[0]).symbols._kept) == 0 and len(ls.docs.get(uris[-1]).symbols._kept) > 0
    assert await document_symbol(ls, types.DocumentSymbolParams(types.TextDocumentIdentifier(uris[0]))) == outlines[0]
    ls.executor.shutdown()


def test_diagnostic_texts_kept_for_as_many_documents_as_keep_their_diagnostics():
    """A published text is reused only for the same diagnostic object, which only the
    documents linted last keep: texts of more documents could never be reused."""
    project, editor = _settings()
    linters = [IncrementalLinter() for _ in range(lsp_state.KEPT_MEMOS + 4)]
    published = PublishedText()
    unstructure = default_converter().unstructure
    for n, linter in enumerate(linters):
        state = build_state(f"file:///t{n}.txt", 1, DRAFT.format(n=n), None, project, editor, None, "utf-16", linter)
        published.report(state.uri, state.result_id, state.diagnostics, unstructure)
    assert len(published._documents) <= lsp_state.KEPT_MEMOS
