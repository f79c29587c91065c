"""The outline of a draft (document symbols) and its folding ranges.

Symbols follow the structure drafters think in: the title block, the opening, the
preamble with one entry per paragraph named by its opener, the operative paragraphs
"1. Urges" … with their sub-paragraphs, the closing and any annex. Consecutive
paragraphs of one kind form a group, so a multi-part resolution (A, B) gets one
preamble and one operative group per part and group ranges never overlap.

The outline is written as JSON text (:mod:`resolint.lsp.json_text`), each top-level
paragraph's symbol kept between versions of the document (:class:`KeptSymbols`): VS Code
asks for it after every change while the outline or the breadcrumbs are shown, and a
long compilation has some 11,000 paragraphs per megabyte.

That is the nested form, ``DocumentSymbol[]``, for a client that declares
``hierarchicalDocumentSymbolSupport`` (VS Code, Neovim). Any other gets the flat form the
spec requires of a server then, ``SymbolInformation[]`` (:func:`flat_symbols`): the same
symbols, read back from the nested text, every one in document order with its parent's
name as ``containerName``.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from itertools import groupby
from typing import Any

from lsprotocol import types

from resolint.generations import MISSING, Generations
from resolint.lsp.json_text import JsonText, MovableText, list_text, range_text, symbol_text
from resolint.lsp.state import LintState
from resolint.model import Kind, Paragraph, Resolution
from resolint.openers import Opener
from resolint.parser import patterns as P
from resolint.source import Span

GROUPS = {
    Kind.TITLE: ("Title block", types.SymbolKind.Namespace),
    Kind.OPENING: ("Opening", types.SymbolKind.Module),
    Kind.PREAMBLE: ("Preamble", types.SymbolKind.Namespace),
    Kind.OPERATIVE: ("Operative part", types.SymbolKind.Namespace),
    Kind.HEADING: ("Heading", types.SymbolKind.Module),
    Kind.CLOSING: ("Closing", types.SymbolKind.Namespace),
    Kind.ANNEX: ("Annex", types.SymbolKind.Namespace),
    Kind.UNPLACED: ("Unplaced text", types.SymbolKind.Null),
    Kind.NOTE: ("Footnote", types.SymbolKind.String),
    Kind.FURNITURE: ("Page header or footer", types.SymbolKind.Null),
}
NAME_CHARS = 60


def opener_of(state: LintState, p: Paragraph) -> Opener | None:
    if p.kind not in (Kind.PREAMBLE, Kind.OPERATIVE):
        return None
    try:
        return state.result.facts.opener(p)
    except Exception:  # an opener is a nicety here: never fail the outline for it
        return None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NAME_CHARS else text[: NAME_CHARS - 1].rstrip() + "…"


def subtree_end(p: Paragraph) -> int:
    """Where ``p`` and its sub-paragraphs end (asked of every paragraph: most have none)."""
    end = p.span.end
    if not p.children:
        return end
    stack = list(p.children)
    while stack:
        c = stack.pop()
        end = max(end, c.span.end)
        stack.extend(c.children)
    return end


def paragraph_name(state: LintState, p: Paragraph) -> tuple[str, Span]:
    """The symbol name of a paragraph and the span to select for it."""
    text = state.text
    label = p.label.text + " " if p.label else ""
    if p.heads_group:  # "instructs the Secretary-General": the whole opener line names the group
        return _short(text[p.content.start : p.content.end]), p.content
    op = opener_of(state, p)
    if op is not None:
        return label + text[op.span.start : op.span.end], op.span
    content = text[p.content.start : p.content.end]
    if p.kind not in (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH):
        return _short(text[p.span.start : p.span.end]), Span(p.span.start, p.span.start)
    words = " ".join(content.split()[:4])
    sel = p.label.span if p.label else Span(p.content.start, min(p.content.end, p.content.start + len(content.split(" ")[0])))
    return _short(label + words) if (label or words) else _short(text[p.span.start : p.span.end]), sel


def _range(state: LintState, start: int, end: int) -> str:
    return range_text(state.index.position(start), state.index.position(end))


def _symbol(state: LintState, p: Paragraph) -> str:
    """The symbol of ``p`` and its sub-paragraphs, as JSON text."""
    name, sel = paragraph_name(state, p)
    full = Span(p.span.start, subtree_end(p))
    if not (full.start <= sel.start and sel.end <= full.end):
        sel = Span(full.start, full.start)
    kind = types.SymbolKind.Field if p.kind is Kind.SUBPARAGRAPH else types.SymbolKind.String
    if p.kind is Kind.OPERATIVE:
        kind = types.SymbolKind.Method
    return symbol_text(
        name or "(empty)", kind, _range(state, full.start, full.end), _range(state, sel.start, sel.end),
        [_symbol(state, c) for c in p.children],
    )


class KeptSymbols:
    """A document's paragraph symbols of its last versions, as JSON text by key (see
    :func:`_kept_symbols`), under one configuration: a house style of the project's may
    name other openers under the same name once its file changes, and the server then
    lints with a new settings object."""

    __slots__ = ("_settings", "_kept")

    def __init__(self) -> None:
        self._settings: object = None
        self._kept = Generations()

    def next_round(self, state: LintState) -> Generations:
        """The symbols kept for ``state``'s configuration, a round begun (what the last
        two rounds did not use is dropped: :class:`~resolint.generations.Generations`)."""
        if state.settings is not self._settings:
            self._settings, self._kept = state.settings, Generations()
        self._kept.next_round()
        return self._kept


def _kept_symbols(state: LintState, items: list[Paragraph], kept: Generations | None) -> list[str]:
    """:func:`_symbol` of each of ``items``, from ``kept`` (the document's symbols of its
    last versions) where one of the same key is there.

    The key is what a symbol's text depends on but its line: its column (the rest of
    its positions follow from its text, and the character after its end tells whether
    a "\\r" there ends its line), its text, the style (which, with a paragraph's text
    and kind, decides its opener: as :meth:`resolint.incremental.LintCache.opener`
    keeps it) and how it was read (:func:`_shape`); a symbol kept from another line is
    moved there (:class:`~resolint.lsp.json_text.MovableText`). Run for every paragraph
    after every keystroke while the outline is shown: written out."""
    if kept is None:
        return [_symbol(state, p) for p in items]
    text, starts, position = state.text, state.index.source.line_starts, state.index.position
    style = state.result.facts.style.name
    keys: list[tuple] = []
    lines: list[int] = []
    add, add_line = keys.append, lines.append
    for p in items:
        start = p.span.start
        line = bisect_right(starts, start) - 1
        add_line(line)
        column = 0 if starts[line] == start else position(start)[1]
        add((column, style, text[start : subtree_end(p) + 1], _shape(p, start)))
    found = kept.get_all(keys)
    out: list[str] = []
    for i, hit in enumerate(found):
        if hit is MISSING:
            hit = MovableText(lines[i], _symbol(state, items[i]))
            kept.put(keys[i], hit)
        out.append(hit.at(lines[i]))
    return out


def _shape(p: Paragraph, base: int) -> tuple:
    """How ``p`` and its sub-paragraphs were placed, counted from ``base``: with their
    texts (which decide a paragraph's label and content: the parser reads them from its
    text alone, :mod:`resolint.parser.memo`) and the style, all :func:`paragraph_name`
    and :func:`_symbol` look at."""
    return (
        p.kind, p.heads_group, p.span.start - base, p.span.end - base,
        tuple(_shape(c, base) for c in p.children) if p.children else (),
    )


def _root_groups(res: Resolution) -> list[tuple[Kind, list[Paragraph]]]:
    """The top-level paragraphs (directive comments left out), in runs of one kind: the
    outline's groups and the folding ranges of title block, preamble, operative part…"""
    roots = [p for p in res.body if p.parent is None]
    return [(kind, list(run)) for kind, run in groupby(roots, key=lambda p: p.kind)]


def document_symbols(state: LintState, symbols: KeptSymbols | None = None) -> JsonText:
    """The outline, as JSON text: the groups of :func:`_group_symbols`; in a compilation
    (two openings or more), those of each resolution under one symbol for it
    ("Resolution 2"): 25 resolutions gave 127 symbols side by side, each "Preamble" like
    the others. ``symbols``: the document's paragraph symbols of its last versions (the
    language server's, :attr:`resolint.lsp.documents.Document.symbols`); after a
    keystroke almost all are the same, and writing each again was most of the answer."""
    res = state.result.resolution
    groups = _root_groups(res)
    kept = None if symbols is None else symbols.next_round(state)
    if len(res.openings) < 2:
        return list_text(_group_symbols(state, groups, kept))
    out: list[str] = []
    n = 0
    for part in _by_resolution(res, groups):
        lead = _lead(part)
        children = _group_symbols(state, part[len(lead) :], kept)
        heads = [p for _, items in lead for p in items]
        if heads:
            children.insert(0, _title_block(state, heads, kept))
        start, end = part[0][1][0].span.start, max(subtree_end(p) for _, items in part for p in items)
        titled, mark = _title_line(state.text, heads), _part_mark(state.text, heads)
        n += titled is not None or mark is None  # a part ("B" over its opening) goes on its resolution
        named = titled or (heads[0] if heads else None) or next((p for kind, items in part if kind is Kind.OPENING for p in items), None)
        out.append(symbol_text(
            f"Part {mark}" if mark else f"Resolution {n}", types.SymbolKind.Module,
            _range(state, start, end), _range(state, start, start), children,
            detail=_short(state.text[named.span.start : named.span.end]) if named is not None else None,
        ))
    return list_text(out)


def _lead(part: list[tuple[Kind, list[Paragraph]]]) -> list[tuple[Kind, list[Paragraph]]]:
    """The groups of title lines and headings a resolution of a compilation starts with.
    The parser reads the first resolution's as its title block and a later one's as
    headings ("79/2. Oceans and the law of the sea" after the closing lines of 79/1): in
    the outline, each resolution's are its "Title block", as the first's."""
    k = 0
    while k < len(part) and part[k][0] in (Kind.TITLE, Kind.HEADING):
        k += 1
    return part[:k]


def _title_block(state: LintState, heads: list[Paragraph], kept: Generations | None) -> str:
    label, kind = GROUPS[Kind.TITLE]
    start, end = heads[0].span.start, max(subtree_end(p) for p in heads)
    return symbol_text(label, kind, _range(state, start, end), _range(state, start, start), _kept_symbols(state, heads, kept))


#: A resolution's own title line: "79/2. Oceans …", "RESOLUTION 101 (REV. DUBAI, 2018)",
#: "WHA62.1 …", "Draft resolution II" (and "Resolution No. 3": :data:`P.TITLE_NUMBER`).
_TITLE_LINES = (P.UN_TITLE, P.CONFERENCE_TITLE, P.WHO_TITLE, P.DRAFT_HEADING)


def _title_line(text: str, heads: list[Paragraph]) -> Paragraph | None:
    """Of a resolution's title lines, the one that names it: the last such before its
    opening (a compilation's first resolution comes under the compilation's own heading,
    "Resolutions adopted by the General Assembly")."""
    for p in reversed(heads):
        line = text[p.span.start : p.span.end]
        if any(pattern.match(line) for pattern in _TITLE_LINES) or P.TITLE_NUMBER.search(line):
            return p
    return None


def _part_mark(text: str, heads: list[Paragraph]) -> str | None:
    """The letter or number of the part of a multi-part resolution (A, B …) whose
    heading ("B" / "United Nations public information policies") comes before its
    opening: the last line of ``heads`` that is a section's mark alone."""
    for p in reversed(heads):
        line = P.LINE_BREAK.split(text[p.span.start : p.span.end], 1)[0].strip()
        m = P.SECTION_MARKER.match(line)
        if m:
            return m.group("mark")  # "B", or "II" of "Part II"
    return None


def flat_symbols(nested: str, uri: str) -> JsonText:
    """The outline :func:`document_symbols` wrote (``nested``), flat: a
    ``SymbolInformation`` per symbol, parents before their children in document order,
    each located by its whole range, its parent's name as ``containerName``. For a
    client without ``hierarchicalDocumentSymbolSupport``: LSP lets a server send the
    nested form only to a client that declares it (a client that does not reads each
    entry as ``SymbolInformation`` and finds no location)."""
    out: list[dict[str, Any]] = []

    def walk(symbols: list[dict[str, Any]], container: str | None) -> None:
        for s in symbols:
            info: dict[str, Any] = {"name": s["name"], "kind": s["kind"], "location": {"uri": uri, "range": s["range"]}}
            if container is not None:
                info["containerName"] = container
            out.append(info)
            walk(s.get("children") or [], s["name"])

    walk(json.loads(nested), None)
    return JsonText(json.dumps(out, separators=(",", ":")))


def _by_resolution(res: Resolution, groups: list[tuple[Kind, list[Paragraph]]]) -> list[list[tuple[Kind, list[Paragraph]]]]:
    """``groups`` cut into resolutions: each starts at its opening, with the title lines
    and headings right before it ("79/2. Oceans …" above "The General Assembly,")."""
    starts = {o.index for o in res.openings[1:]}
    out: list[list[tuple[Kind, list[Paragraph]]]] = [[]]
    for kind, items in groups:
        if kind is Kind.OPENING and items[0].index in starts:
            # the title lines and headings just before the opening go with it
            lead: list[tuple[Kind, list[Paragraph]]] = []
            while out[-1] and out[-1][-1][0] in (Kind.TITLE, Kind.HEADING):
                lead.insert(0, out[-1].pop())
            out.append(lead)
        out[-1].append((kind, items))
    return [part for part in out if part]


def _group_symbols(state: LintState, groups: list[tuple[Kind, list[Paragraph]]], kept: Generations | None) -> list[str]:
    out: list[str] = []
    for kind, items in groups:
        label, skind = GROUPS.get(kind, (kind.value.title(), types.SymbolKind.Namespace))
        if kind in (Kind.OPENING, Kind.HEADING) and len(items) == 1:
            p = items[0]
            whole = _range(state, p.span.start, p.span.end)
            out.append(symbol_text(_short(state.text[p.span.start : p.span.end]), skind, whole, whole, detail=label.lower()))
            continue
        start, end = items[0].span.start, max(subtree_end(p) for p in items)
        out.append(symbol_text(
            label, skind, _range(state, start, end), _range(state, start, start), _kept_symbols(state, items, kept),
        ))
    return out


def folding_ranges(state: LintState) -> list[types.FoldingRange]:
    """Groups (title block, preamble, operative part …) and multi-line paragraphs."""
    starts = state.result.source.line_starts
    last_line = len(starts) - 1
    res = state.result.resolution
    out: list[types.FoldingRange] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int) -> None:
        # Lines only (no column, no Position), and one search for the usual paragraph of
        # one line: run for every paragraph after every edit, on the event loop.
        sl = bisect_right(starts, start) - 1
        if sl == last_line or starts[sl + 1] > end - 1:
            return
        el = bisect_right(starts, end - 1) - 1
        if (sl, el) not in seen:
            seen.add((sl, el))
            out.append(types.FoldingRange(start_line=sl, end_line=el, kind=types.FoldingRangeKind.Region))

    for _, items in _root_groups(res):
        add(items[0].span.start, max(subtree_end(p) for p in items))
    for p in res.body:
        add(p.span.start, subtree_end(p))
    out.sort(key=lambda r: (r.start_line, -r.end_line))
    return out
