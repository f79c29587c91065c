"""What parsing one document keeps for parsing its next version (the language server's).

After a keystroke the document is parsed again, and almost every paragraph is one the
last parse read: the same text, perhaps somewhere else. Reading a paragraph's parts
(bullet, label, content, final mark) and looking for paragraphs run together in it
depend on its text alone, so they are kept by text, with positions relative to the
paragraph's start, in :class:`~resolint.generations.Generations` (a version keeps only
what it used). Placement depends on the paragraphs around too: it is resumed
(:mod:`resolint.parser.resume`). The parse is the same with or without a memo;
``tests/test_parse_resume.py`` compares them.
"""

from __future__ import annotations

from collections.abc import Callable

from resolint.generations import MISSING, Generations
from resolint.model import Kind, Label, Paragraph
from resolint.parser.blocks import RawParagraph
from resolint.parser.groups import Cut, cut_run_on
from resolint.parser.resume import PlacementMemo
from resolint.source import Span

_NOT_CUT = object()  # the usual answer: a paragraph with nothing run together in it


def _rel(span: Span | None, base: int) -> tuple[int, int] | None:
    return None if span is None else (span.start - base, span.end - base)


def _abs(rel: tuple[int, int] | None, base: int) -> Span | None:
    return None if rel is None else Span(rel[0] + base, rel[1] + base)


class ParseMemo:
    """Per-paragraph parsing results of one document's last versions."""

    def __init__(self) -> None:
        self.placement = PlacementMemo()
        self._read = Generations()  # paragraph text -> its parts, relative
        self._cut = Generations()  # paragraph text -> how it is cut, relative

    def next_round(self) -> None:
        """A parse is over: drop what neither it nor the one before it used."""
        self._read.next_round()
        self._cut.next_round()

    def read(self, text: str, raw: RawParagraph, read: Callable[[str, RawParagraph], Paragraph]) -> Paragraph:
        """``read(text, raw)`` (a new, unplaced paragraph), from the memo when its text was read before."""
        base, end = raw.span.start, raw.span.end
        key = text[base:end]
        hit = self._read.get(key)
        if hit is MISSING:
            p = read(text, raw)
            label = p.label
            self._read.put(key, (
                _rel(p.bullet, base),
                None if label is None else (_rel(label.span, base), label.text, label.scheme, label.value, label.form),
                p.content.start - base,
                _rel(p.terminal, base),
            ))
            return p
        bullet, label_parts, content_start, terminal = hit
        label = None
        if label_parts is not None:
            span, label_text, scheme, value, form = label_parts
            label = Label(Span(span[0] + base, span[1] + base), label_text, scheme, value, form)
        return Paragraph(Kind.UNPLACED, raw.span, Span(content_start + base, end), bullet=_abs(bullet, base),
                         label=label, terminal=_abs(terminal, base))

    def cut(self, text: str, raw: RawParagraph, is_opener) -> Cut:
        """:func:`~resolint.parser.groups.cut_run_on`, from the memo when the text was cut before."""
        base, first = raw.span.start, raw.first_line
        key = text[raw.span.start : raw.span.end]
        hit = self._cut.get(key)
        if hit is MISSING:
            pieces, gaps, glued = found = cut_run_on(text, raw, is_opener)
            if len(pieces) == 1 and not gaps and glued is None:
                self._cut.put(key, _NOT_CUT)
            else:
                self._cut.put(key, (
                    [(q.span.start - base, q.span.end - base, q.first_line - first, q.last_line - first) for q in pieces],
                    [_rel(g, base) for g in gaps],
                    None if glued is None else (glued[0] - base, glued[1] - base),
                ))
            return found
        if hit is _NOT_CUT:
            return [raw], [], None
        rel_pieces, rel_gaps, rel_glued = hit
        pieces = [RawParagraph(Span(s + base, e + base), fl + first, ll + first) for s, e, fl, ll in rel_pieces]
        gaps = [Span(s + base, e + base) for s, e in rel_gaps]
        return pieces, gaps, None if rel_glued is None else (rel_glued[0] + base, rel_glued[1] + base)
