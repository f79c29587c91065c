"""The outline of a draft (document symbols) and its folding ranges.

Symbols follow the structure drafters think in: the title block, the opening, the
preamble with one entry per paragraph named by its opener, the operative paragraphs
"1. Urges" … with their sub-paragraphs, the closing and any annex. Consecutive
paragraphs of one kind form a group, so a multi-part resolution (A, B) gets one
preamble and one operative group per part and group ranges never overlap.
"""

from __future__ import annotations

from itertools import groupby

from lsprotocol import types

from resolint.lsp.diagnostics import lsp_range
from resolint.lsp.state import LintState
from resolint.model import Kind, Paragraph, Resolution
from resolint.openers import Opener
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


def _subtree_end(p: Paragraph) -> int:
    end = p.span.end
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


def _symbol(state: LintState, p: Paragraph) -> types.DocumentSymbol:
    name, sel = paragraph_name(state, p)
    full = Span(p.span.start, _subtree_end(p))
    if not (full.start <= sel.start and sel.end <= full.end):
        sel = Span(full.start, full.start)
    kind = types.SymbolKind.Field if p.kind is Kind.SUBPARAGRAPH else types.SymbolKind.String
    if p.kind is Kind.OPERATIVE:
        kind = types.SymbolKind.Method
    return types.DocumentSymbol(
        name=name or "(empty)",
        kind=kind,
        range=lsp_range(state.index, full),
        selection_range=lsp_range(state.index, sel),
        children=[_symbol(state, c) for c in p.children] or None,
    )


def _root_groups(res: Resolution) -> list[tuple[Kind, list[Paragraph]]]:
    """The top-level paragraphs (directive comments left out), in runs of one kind: the
    outline's groups and the folding ranges of title block, preamble, operative part…"""
    roots = [p for p in res.body if p.parent is None]
    return [(kind, list(run)) for kind, run in groupby(roots, key=lambda p: p.kind)]


def document_symbols(state: LintState) -> list[types.DocumentSymbol]:
    """The outline: the groups of :func:`_group_symbols`; in a compilation (two openings
    or more), those of each resolution under one symbol for it ("Resolution 2"): 25
    resolutions gave 127 symbols side by side, each "Preamble" like the others."""
    res = state.result.resolution
    groups = _root_groups(res)
    if len(res.openings) < 2:
        return _group_symbols(state, groups)
    out: list[types.DocumentSymbol] = []
    for n, part in enumerate(_by_resolution(res, groups), start=1):
        children = _group_symbols(state, part)
        if not children:
            continue
        # Named by its title line ("79/100. Question of Anguilla") when it has one, else by its opening.
        named = next((p for kind, items in part if kind in (Kind.TITLE, Kind.HEADING, Kind.OPENING) for p in items), None)
        start, end = part[0][1][0].span.start, max(_subtree_end(p) for _, items in part for p in items)
        out.append(types.DocumentSymbol(
            name=f"Resolution {n}",
            detail=_short(state.text[named.span.start : named.span.end]) if named is not None else None,
            kind=types.SymbolKind.Module,
            range=lsp_range(state.index, Span(start, end)),
            selection_range=lsp_range(state.index, Span(start, start)),
            children=children,
        ))
    return out


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


def _group_symbols(state: LintState, groups: list[tuple[Kind, list[Paragraph]]]) -> list[types.DocumentSymbol]:
    out: list[types.DocumentSymbol] = []
    for kind, items in groups:
        label, skind = GROUPS.get(kind, (kind.value.title(), types.SymbolKind.Namespace))
        start, end = items[0].span.start, max(_subtree_end(p) for p in items)
        if kind in (Kind.OPENING, Kind.HEADING) and len(items) == 1:
            p = items[0]
            out.append(
                types.DocumentSymbol(
                    name=_short(state.text[p.span.start : p.span.end]),
                    kind=skind,
                    range=lsp_range(state.index, p.span),
                    selection_range=lsp_range(state.index, p.span),
                    detail=label.lower(),
                )
            )
            continue
        out.append(
            types.DocumentSymbol(
                name=label,
                kind=skind,
                range=lsp_range(state.index, Span(start, end)),
                selection_range=lsp_range(state.index, Span(start, start)),
                children=[_symbol(state, p) for p in items],
            )
        )
    return out


def folding_ranges(state: LintState) -> list[types.FoldingRange]:
    """Groups (title block, preamble, operative part …) and multi-line paragraphs."""
    src = state.result.source
    res = state.result.resolution
    out: list[types.FoldingRange] = []
    seen: set[tuple[int, int]] = set()

    def add(start: int, end: int) -> None:
        sl = src.position(start).line
        el = src.position(max(start, end - 1)).line
        if el > sl and (sl, el) not in seen:
            seen.add((sl, el))
            out.append(types.FoldingRange(start_line=sl, end_line=el, kind=types.FoldingRangeKind.Region))

    for _, items in _root_groups(res):
        add(items[0].span.start, max(_subtree_end(p) for p in items))
    for p in res.body:
        add(p.span.start, _subtree_end(p))
    out.sort(key=lambda r: (r.start_line, -r.end_line))
    return out
