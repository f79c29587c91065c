"""Completion of openers at the start of a paragraph, from the style's own lists.

In the preamble (after the opening, before the first operative paragraph) the style's
preambular phrases are offered; in the operative part, or on a numbered line, its
operative phrases. Each is cased as the style writes openers (``RECALLING`` for
INTERPOL, ``Recalling`` for the UN) and replaces the word typed so far together with the
rest of the word under the cursor (and of the phrase, when the line already goes on with
it): completing "D" in "3. D|ecides to" gave "Decidesecides to". Inside a directive comment,
rule codes are offered, replacing a code the same way.
"""

from __future__ import annotations

import re

from lsprotocol import types

from resolint.custom_rules.rule import KNOWN
from resolint.lsp.outline import opener_of
from resolint.lsp.state import LintState
from resolint.model import Kind, Paragraph
from resolint.registry import all_rules

#: What may stand before the opener on its line: indentation, a bullet, a label, emphasis.
_LEAD = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?(?P<label>\(?(?:\d{1,3}|[a-z]{1,4}|[A-Z]{1,4})[.)][ \t]*)?[*_]{0,2}")
_PREFIX = re.compile(r"^[A-Za-z][A-Za-z ]{0,40}$")
MAX_ITEMS = 400
#: The rest of the word after the cursor, which a completion replaces too.
_WORD_REST = re.compile(r"[A-Za-z0-9]*")


def cased(phrase: str, case: str) -> str:
    if case == "upper":
        return phrase.upper()
    if case == "lower":  # ITU group openers: "recalling", "instructs the Secretary-General"
        return phrase[:1].lower() + phrase[1:]
    return phrase[:1].upper() + phrase[1:]


def _typed_after_preamble(state: LintState, p: Paragraph, before: Paragraph | None) -> bool:
    """An unnumbered paragraph right after the opening or preamble, in a style that numbers
    its operative paragraphs, is a preambular one being written unless its opener is a
    listed one ("Decides:" over a list): the parser reads a half-typed "*rec" or "alar"
    (no comma yet) as an unnumbered operative paragraph, and completion offered operative
    openers there."""
    opener = opener_of(state, p)
    return (
        p.label is None
        and (opener is None or opener.phrase is None)
        and before is not None
        and before.kind in (Kind.OPENING, Kind.PREAMBLE)
        and state.result.style.get("numbering.operative", "required") == "required"
    )


def section_at(state: LintState, offset: int, numbered: bool) -> str | None:
    """``"preambular"``, ``"operative"`` or None (not where openers go)."""
    res = state.result.resolution
    if numbered:
        return "operative"
    containing = None
    before = None
    for p in res.paragraphs:
        if p.kind is Kind.DIRECTIVE:
            continue
        if p.span.start <= offset <= p.span.end:
            containing = p
            break
        if p.span.end < offset:
            before = p
        else:
            break
    if containing is not None and containing.kind is Kind.OPERATIVE and _typed_after_preamble(state, containing, before):
        return "preambular"
    if containing is not None and containing.kind in (Kind.PREAMBLE, Kind.OPERATIVE):
        return "preambular" if containing.kind is Kind.PREAMBLE else "operative"
    if containing is not None and containing.kind is Kind.SUBPARAGRAPH:
        return None
    ref = before
    if ref is None:
        return None
    if ref.kind in (Kind.OPENING, Kind.PREAMBLE):
        return "preambular"
    if ref.kind in (Kind.OPERATIVE, Kind.SUBPARAGRAPH):
        return "operative"
    return None


#: A directive comment up to the cursor, in a list of codes: "<!-- resolint: ignore[PRE004, TR".
_DIRECTIVE_CODES = re.compile(
    r"<!--[ \t]*resolint:[ \t]*(?:ignore|file-ignore|disable|enable)(?:\[|[ \t]+)(?:[A-Za-z0-9]+[ \t]*,[ \t]*)*(?P<prefix>[A-Za-z]{0,4}\d{0,3})$"
)


def code_completions(state: LintState, before: str, offset: int) -> list[types.CompletionItem] | None:
    """Rule codes inside a directive comment (``<!-- resolint: ignore[PR`` offers PRE001 …
    and the configuration's house rules), or None when the cursor is not in one."""
    m = _DIRECTIVE_CODES.search(before)
    if m is None:
        return None
    prefix = m.group("prefix").upper()
    start = offset - len(m.group("prefix"))
    end = _WORD_REST.match(state.text, offset).end()
    rng = types.Range(types.Position(*state.index.position(start)), types.Position(*state.index.position(end)))
    rules = {r.code: r for r in (*all_rules(), *KNOWN.values())}
    return [
        types.CompletionItem(label=code, kind=types.CompletionItemKind.Constant, detail=f"{rules[code].name}: {rules[code].summary}",
                             sort_text=code, text_edit=types.TextEdit(range=rng, new_text=code))
        for code in sorted(rules) if code.startswith(prefix)
    ][:MAX_ITEMS]


def completions(state: LintState, line: int, offset: int) -> list[types.CompletionItem]:
    src = state.result.source
    if line >= src.line_count:
        return []
    line_start = src.line_starts[line]
    before = src.text[line_start:offset]
    codes = code_completions(state, before, offset)
    return codes if codes is not None else opener_completions(state, line, offset, before)


def _replaced_end(text: str, start: int, word_end: int, phrase: str) -> int:
    """Where a completion of ``phrase`` typed from ``start`` stops replacing: after the
    word under the cursor (``word_end``), or after the phrase itself when the text
    already has it there ("Noting with| appreciation" completed as "Noting with appreciation")."""
    end = start + len(phrase)
    if text[start:end].lower() == phrase.lower() and not (end < len(text) and text[end].isalnum()):
        return max(word_end, end)
    return word_end


def opener_completions(state: LintState, line: int, offset: int, before: str) -> list[types.CompletionItem]:
    """The style's openers for the paragraph starting on ``line`` (``before``: its text up
    to the cursor), when the cursor is at its start or in its first words."""
    src = state.result.source
    m = _LEAD.match(before)
    prefix = before[m.end():] if m else before
    if not (prefix == "" or _PREFIX.match(prefix)):
        return []
    # Only at the start of a paragraph: the line before is blank (or there is none).
    if line > 0 and src.line_text(line - 1).strip() and not (m and m.group("label")):
        return []
    style = state.result.style
    if m and m.group("label") and style.get("groups.used", False):
        return []  # an item of a group ("a) that …", "1 to …") does not start with an opener
    section = section_at(state, offset, numbered=bool(m and m.group("label") and m.group("label")[0].isdigit()))
    if section is None:
        return []
    phrases = style.preambular if section == "preambular" else style.operative
    start = offset - len(prefix)
    word_end = _WORD_REST.match(src.text, offset).end()
    low = prefix.lower()
    items = []
    for i, phrase in enumerate(phrases):
        if low and not phrase.lower().startswith(low):
            continue
        text = cased(phrase, style.opener_case_in(section))
        rng = types.Range(types.Position(*state.index.position(start)), types.Position(*state.index.position(_replaced_end(src.text, start, word_end, phrase))))
        items.append(
            types.CompletionItem(
                label=text,
                kind=types.CompletionItemKind.Keyword,
                detail=f"{section} opener ({style.name})",
                sort_text=f"{i:04d}",
                filter_text=text,
                text_edit=types.TextEdit(range=rng, new_text=text),
            )
        )
        if len(items) >= MAX_ITEMS:
            break
    return items



