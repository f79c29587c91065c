"""Open documents and incremental text sync, owned by resolint rather than pygls.

pygls splits lines with ``str.splitlines``, which also breaks at form feeds, U+2028 and
other characters that LSP does not count as line breaks (drafts converted from PDF are
full of form feeds), so its positions drift on such text. We keep the text ourselves and
apply each change through a :class:`~resolint.lsp.positions.LineIndex` whose line
breaks are exactly LSP's. The index of the current text is kept, so a change costs one
index build of the text it applies to, and linting reuses the last one.

A notification's changes apply one after the other, each to the text the one before left
(LSP's rule). An editor's "Replace All" or a multi-cursor edit sends many in one
notification, VS Code each *before* the one it follows: such a run is applied in one pass
(:meth:`Document.apply_all`), for the same text (a copy of a 1 MB text per change made
10,000 changes 8 s on the event loop). Many changes in another order (first place first)
are applied to the text's lines (:mod:`resolint.lsp.line_edits`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import field
from typing import Protocol

from resolint.incremental import IncrementalLinter
from resolint.lsp.line_edits import LineEditor
from resolint.lsp.outline import KeptSymbols
from resolint.lsp.positions import LineIndex
from resolint.records import record
from resolint.source import SourceText

#: Changes in a run (see :meth:`Document.apply_all`) from which one pass pays: it finds the
#: whole text's line starts again, where a change on its own moves them.
RUN_AT_ONCE = 4


class ChangeLike(Protocol):
    """A ``TextDocumentContentChangeEvent``: ``text`` and, when partial, ``range``."""

    text: str


@record(slots=True)
class Document:
    uri: str
    version: int
    text: str
    language_id: str = ""
    encoding: str = "utf-16"
    _index: LineIndex | None = field(default=None, repr=False)
    #: Keeps per-paragraph lint results between versions; goes with the document on close.
    linter: IncrementalLinter = field(default_factory=IncrementalLinter, repr=False)
    #: The outline's paragraph symbols of the last versions (:func:`resolint.lsp.outline.document_symbols`).
    symbols: KeptSymbols = field(default_factory=KeptSymbols, repr=False)

    @property
    def index(self) -> LineIndex:
        """The line index of the current text (built once per version)."""
        if self._index is None or self._index.text is not self.text:
            self._index = LineIndex(SourceText(self.text), self.encoding)
        return self._index

    def apply(self, change) -> None:
        """Apply one content change (partial with ``range``, or the full text)."""
        rng = getattr(change, "range", None)
        if rng is None:
            self.text = change.text
            self._index = None
            return
        index = self.index
        start = index.offset(rng.start.line, rng.start.character)
        end = index.offset(rng.end.line, rng.end.character)
        if end < start:
            raise ValueError(f"change range ends before it starts: {rng}")
        # The new version's index, its line starts moved from this one's (the lint and the
        # next change of the notification use it): not found again in the whole text.
        self._index = LineIndex(index.source.edited(start, end, change.text), self.encoding)
        self.text = self._index.text

    def apply_all(self, changes: Sequence) -> None:
        """Apply ``changes`` in order, a run of them (:meth:`_run_from`) in one pass, and
        many in another order to the text's lines (:class:`~resolint.lsp.line_edits.LineEditor`)."""
        i = 0
        while i < len(changes):
            run = self._run_from(changes, i)
            if len(run) >= RUN_AT_ONCE:
                self._index = LineIndex(self.index.source.edited_many(run[::-1]), self.encoding)
                self.text = self._index.text
                i += len(run)
            elif len(changes) - i >= RUN_AT_ONCE:
                editor = LineEditor(self.text, self.encoding)
                editor.apply_all(changes[i:])
                self.text, self._index = editor.text, None
                return
            else:
                self.apply(changes[i])
                i += 1

    def _run_from(self, changes: Sequence, i: int) -> list[tuple[int, int, str]]:
        """The offsets into the current text and new texts of the changes from ``i`` on
        that leave the same text applied at once as one by one: each with a range that
        names exact places (nothing clamped: a position past a line's end, or past the
        last line, names another place once the text before it has changed) and ending
        strictly before the one it follows starts (the text and line breaks before that
        start are the same before and after it; at the start itself, an inserted line
        feed after a carriage return would join it and move the next line's start)."""
        index = self.index
        run: list[tuple[int, int, str]] = []
        before: tuple[int, int] | None = None
        for k in range(i, len(changes)):
            rng = getattr(changes[k], "range", None)
            if rng is None:
                break
            start, end = (rng.start.line, rng.start.character), (rng.end.line, rng.end.character)
            if before is not None and not end < before:
                break
            lo, hi = index.exact_offset(*start), index.exact_offset(*end)
            if lo is None or hi is None or hi < lo:
                break
            run.append((lo, hi, changes[k].text))
            before = start
        return run


class DocumentStore:
    """The documents the client has open, by URI."""

    def __init__(self, encoding: str = "utf-16") -> None:
        self.encoding = encoding
        self._docs: dict[str, Document] = {}

    def open(self, uri: str, version: int, text: str, language_id: str = "") -> Document:
        doc = Document(uri, version, text, language_id, self.encoding)
        self._docs[uri] = doc
        return doc

    def change(self, uri: str, version: int, changes: Iterable[ChangeLike]) -> Document:
        """Apply ``changes`` in order. All or nothing: a bad change leaves the text as it was."""
        doc = self._docs[uri]
        scratch = Document(uri, doc.version, doc.text, doc.language_id, doc.encoding, doc._index, doc.linter)
        scratch.apply_all(changes if isinstance(changes, Sequence) else list(changes))
        doc.text, doc._index, doc.version = scratch.text, scratch._index, version
        return doc

    def close(self, uri: str) -> Document | None:
        return self._docs.pop(uri, None)

    def get(self, uri: str) -> Document | None:
        return self._docs.get(uri)

    def __contains__(self, uri: str) -> bool:
        return uri in self._docs

    def uris(self) -> list[str]:
        return list(self._docs)
