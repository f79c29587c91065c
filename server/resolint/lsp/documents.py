"""Open documents and incremental text sync, owned by resolint rather than pygls.

pygls splits lines with ``str.splitlines``, which also breaks at form feeds, U+2028 and
other characters that LSP does not count as line breaks (drafts converted from PDF are
full of form feeds), so its positions drift on such text. We keep the text ourselves and
apply each change through a :class:`~resolint.lsp.positions.LineIndex` whose line
breaks are exactly LSP's. The index of the current text is kept, so a change costs one
index build of the text it applies to, and linting reuses the last one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from resolint.incremental import IncrementalLinter
from resolint.lsp.positions import LineIndex
from resolint.source import SourceText


class ChangeLike(Protocol):
    """A ``TextDocumentContentChangeEvent``: ``text`` and, when partial, ``range``."""

    text: str


@dataclass(slots=True)
class Document:
    uri: str
    version: int
    text: str
    language_id: str = ""
    encoding: str = "utf-16"
    _index: LineIndex | None = field(default=None, repr=False)
    #: Keeps per-paragraph lint results between versions; goes with the document on close.
    linter: IncrementalLinter = field(default_factory=IncrementalLinter, repr=False)

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
        for ch in changes:
            scratch.apply(ch)
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
