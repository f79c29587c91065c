"""Code actions built from the server's own lint of the current version.

The client's diagnostics only say *which* findings the user means: each is matched to a
server finding by its code and the finding id in ``data`` (or, for a client that drops
``data``, by code and start line, which no encoding can garble). Every edit comes from
the server's spans and line index, never from a range the client echoes back.

Actions: a quick fix per fixable finding (``resolint (CODE): title``, unsafe ones say so),
"Disable CODE for this paragraph" (inserts or extends an ``ignore`` directive on the line
before the paragraph), and ``source.fixAll.resolint`` (safe fixes to a fixed point).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from lsprotocol import types

from resolint.cli.fixable import fix_refusal
from resolint.engine import Finding
from resolint.fixes import allowed, fix_text
from resolint.lsp.diagnostics import text_edits
from resolint.lsp.outline import subtree_end
from resolint.lsp.state import LintState
from resolint.model import Kind, Paragraph, Resolution
from resolint.parser.quoting import QUOTE_MARKERS
from resolint.records import record
from resolint.rule import Applicability, Edit
from resolint.source import Span

FIX_ALL_KIND = "source.fixAll.resolint"
QUICKFIX = types.CodeActionKind.QuickFix.value
#: Codes a "disable" action makes no sense for: the directives themselves and crashes.
NO_DISABLE = ("SUP", "DOC000")
#: Whole-text lints one request may run to place "disable" comments (a finding in a
#: sub-paragraph or list item: :func:`disable_edit`). A request that covers many findings
#: (the whole draft selected: VS Code asks for the actions of every diagnostic in the
#: selection, up to 1,000) ran one per such finding, in the lint worker, holding up every
#: document's diagnostics: 83 lints, 4.6 s, for 1,000 items of 17 kB. Past the budget
#: those findings get their quick fix but no "disable" action in that request; each
#: answer is kept for the version, so asking again (the cursor on one squiggle) places it.
LINTS_PER_REQUEST = 8


class LintBudget:
    """How many more whole-text lints one code action request may run."""

    __slots__ = ("left",)

    def __init__(self, left: int = LINTS_PER_REQUEST) -> None:
        self.left = left

    def spend(self) -> bool:
        """Take one lint if any is left."""
        if self.left <= 0:
            return False
        self.left -= 1
        return True


@record(frozen=True, slots=True)
class ClientContext:
    """What the client can take: versioned edits, lazily resolved edits, actions shown
    disabled with the reason (``CodeAction.disabled``)."""

    document_changes: bool = False
    resolve_edit: bool = False
    disabled: bool = False


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Whether ``kind`` is asked for (LSP kinds are hierarchical: ``source`` covers ``source.fixAll``)."""
    if not only:
        return True
    return any(kind == k or kind.startswith(k + ".") for k in only)


def workspace_edit(uri: str, version: int, edits: list[types.TextEdit], ctx: ClientContext) -> types.WorkspaceEdit:
    if ctx.document_changes:
        return types.WorkspaceEdit(
            document_changes=[
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits=edits
                )
            ]
        )
    return types.WorkspaceEdit(changes={uri: edits})


def match(state: LintState, diagnostics: Iterable[types.Diagnostic]) -> list[tuple[types.Diagnostic, Finding, str]]:
    """Pair the client's diagnostics with the server's findings (see module doc)."""
    out: list[tuple[types.Diagnostic, Finding, str]] = []
    seen: set[str] = set()
    for d in diagnostics:
        if d.source not in (None, "resolint"):
            continue
        data = d.data if isinstance(d.data, dict) else None
        fid = data.get("id") if data else None
        pairs: list[tuple[Finding, str]] = []
        if isinstance(fid, str):
            pairs = _by_id(state, d, fid)
        elif d.code is not None:
            pairs = _by_line(state, d)
        for f, i in pairs:
            if i not in seen:
                seen.add(i)
                out.append((d, f, i))
    return out


def _client_span(state: LintState, d: types.Diagnostic) -> tuple[int, int]:
    """The diagnostic's range as offsets in the current text."""
    r = d.range
    return state.index.offset(r.start.line, r.start.character), state.index.offset(r.end.line, r.end.character)


def _overlaps(f: Finding, span: tuple[int, int]) -> bool:
    lo, hi = span
    return f.span.start <= hi and lo <= f.span.end


def _by_id(state: LintState, d: types.Diagnostic, fid: str) -> list[tuple[Finding, str]]:
    """The finding a diagnostic's id names, on the diagnostic's lines. An id numbers
    findings that read the same (code, message, flagged text): once the drafter has
    corrected the first of three, a squiggle left from before (a lint on save) named the
    next one, and its quick fix edited another paragraph. So the finding must start on the
    lines the diagnostic covers (a client may echo columns in other units, never other
    lines); else the one of the same reading that does, or none."""
    if not fid.startswith(f"{d.code}-"):
        return []
    f = state.finding_by_id(fid)
    lines = range(d.range.start.line, max(d.range.start.line, d.range.end.line) + 1)
    if f is not None and state.index.position(f.span.start)[0] in lines:
        return [(f, fid)]
    reading = fid.rsplit("-", 1)[0] + "-"
    return [(g, i) for g, i in zip(state.findings, state.ids, strict=False)
            if i.startswith(reading) and state.index.position(g.span.start)[0] in lines][:1]


def _by_line(state: LintState, d: types.Diagnostic) -> list[tuple[Finding, str]]:
    """For a client that sends no ``data`` back: the finding of the diagnostic's code on its
    line under its range, else the nearest on that line (every one of the line's findings
    of that code was offered: "Write '50 per cent'" for the "20%" squiggle)."""
    line = d.range.start.line
    on_line = [(f, i) for f, i in zip(state.findings, state.ids, strict=False)
               if f.code == d.code and state.index.position(f.span.start)[0] == line]
    span = _client_span(state, d)
    under = [(f, i) for f, i in on_line if _overlaps(f, span)]
    if under or not on_line:
        return under[:1]
    return [min(on_line, key=lambda fi: abs(fi[0].span.start - span[0]))]


def findings_on_lines(state: LintState, first: int, last: int) -> list[tuple[Finding, str]]:
    """Server findings touching lines ``first..last`` (when the client sent no diagnostics)."""
    out = []
    for f, i in zip(state.findings, state.ids, strict=False):
        sl = state.index.position(f.span.start)[0]
        el = state.index.position(f.span.end)[0]
        if sl <= last and el >= first:
            out.append((f, i))
    return out


def quick_fix(state: LintState, finding: Finding, diag: types.Diagnostic | None, ctx: ClientContext) -> types.CodeAction | None:
    fix = finding.fix
    if fix is None or not fix.edits or fix.applicability is Applicability.DISPLAY_ONLY:
        return None
    unsafe = fix.applicability is Applicability.UNSAFE
    title = f"resolint ({finding.code}): {fix.title}" + (" (unsafe)" if unsafe else "")
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag] if diag is not None else None,
        is_preferred=not unsafe,
        edit=workspace_edit(state.uri, state.version, text_edits(state.index, fix.edits), ctx),
    )


# -- disable for this paragraph ----------------------------------------------------
def paragraph_at(res: Resolution, offset: int, starts: Sequence[int] | None = None) -> Paragraph | None:
    """The innermost non-directive paragraph whose span holds ``offset``.

    Found from the last paragraph starting at or before ``offset`` (a search of
    ``starts``, the paragraphs' starts: :func:`paragraph_starts`), then its parents: a
    paragraph's span lies inside its parent's or apart from it. Read from the top, a
    quick-fix request over a long stretch of a long draft went over every paragraph
    for each finding in it (40,000 paragraphs: no answer in minutes)."""
    paras = res.paragraphs
    i = bisect.bisect_right(starts if starts is not None else [p.span.start for p in paras], offset) - 1
    while i >= 0 and paras[i].kind is Kind.DIRECTIVE:
        i -= 1
    p = paras[i] if i >= 0 else None
    while p is not None and not (p.span.start <= offset < max(p.span.end, p.span.start + 1)):
        p = p.parent
    return p


def paragraph_starts(state: LintState) -> list[int]:
    """The starts of the version's paragraphs, in order, for :func:`paragraph_at` (kept for the version)."""
    starts = state.cache.get("paragraph-starts")
    if starts is None:
        starts = state.cache["paragraph-starts"] = [p.span.start for p in state.result.resolution.paragraphs]
    return starts


def disable_edit(state: LintState, finding: Finding, budget: LintBudget | None = None) -> Edit | None:
    """The edit that makes ``<!-- resolint: ignore[CODE] -->`` cover the finding's paragraph,
    or None when no such comment does.

    The comment goes right before that paragraph, a sub-paragraph or list item too: before
    its parent, it covered every sibling ("Disable OPR010" on (a) hid (b)'s finding as
    well). Where a comment there would change how the list is read (the finding stays, or
    others come or go), it goes before the parent, as a last resort, kept only if it hides
    the finding. A comment covers the paragraph that starts the line after it, so one for a
    paragraph that starts in the middle of a line (a run-on cut: "…, instructs the
    Director …") or right under another line (it may join that line's block) is kept only
    if it hides the finding too. Finding these out is a lint of the whole text, taken from
    ``budget`` (None: no limit); when none is left the answer is None. (A comment that hid
    nothing was offered, and written, in both cases: found by a search over mutated
    drafts.)"""
    code = finding.code
    if code.startswith(NO_DISABLE):
        return None
    own = p = paragraph_at(state.result.resolution, finding.span.start, paragraph_starts(state))
    while p is not None:
        edit = _directive_before(state, p, code)
        if edit is None:
            return None
        if p.parent is None:
            if p is own and _stands_apart(state, p):
                return edit  # the usual case: a comment line of its own before the paragraph
            return edit if _checked(state, "hides", finding, edit, budget, _lint_hides) else None
        hides = _checked(state, "only-hides", finding, edit, budget, _lint_only_hides)
        if hides is None:
            return None
        if hides:
            return edit
        p = p.parent
    return None


def _stands_apart(state: LintState, p: Paragraph) -> bool:
    """Whether ``p`` starts its line (nothing but spaces or a quotation's markers before
    it) and a blank line, or the top of the text, is above it: a comment line put there
    stands apart, and covers ``p``. Otherwise it may join the block above (a title line
    and the opening under it) or govern another paragraph (one a run-on cut starts in the
    middle of a line)."""
    read = state.result.resolution.source  # a quoted draft's markers blanked
    line = read.position(p.span.start).line
    if read.text[read.line_starts[line] : p.span.start].strip():
        return False
    return line == 0 or not read.line_text(line - 1).strip()


def _checked(state: LintState, what: str, finding: Finding, edit: Edit, budget: LintBudget | None,
             check: Callable[[LintState, Finding, Edit], bool]) -> bool | None:
    """``check(state, finding, edit)``, a lint of the whole text: kept in the version's
    memo, since an editor asks for code actions again at every move of the cursor over
    the squiggle. None: not known, and ``budget`` has no lint left."""
    memo = f"disable-{what}:{finding.code}:{finding.span.start}:{finding.span.end}:{edit.span.start}"
    known = state.cache.get(memo)
    if known is None:
        if budget is not None and not budget.spend():
            return None
        known = state.cache[memo] = check(state, finding, edit)
    return known


def _edited_findings(state: LintState, edit: Edit) -> tuple[list[Finding], Callable[[Finding], int]]:
    """The findings of the text with ``edit``, and where a current finding's start moves to."""
    text = state.text
    shift = len(edit.new_text) - len(edit.span)
    after = state.lint_fn()(text[: edit.span.start] + edit.new_text + text[edit.span.end :]).findings
    return after, lambda f: f.span.start + shift if f.span.start >= edit.span.start else f.span.start


def _lint_only_hides(state: LintState, finding: Finding, edit: Edit) -> bool:
    """Whether the text with ``edit`` has the findings of the current one but ``finding``
    (and the same others: the comment changed nothing else)."""
    after, moved = _edited_findings(state, edit)
    before = sorted((f.code, f.message, moved(f)) for f in state.findings if f is not finding)
    return before == sorted((f.code, f.message, f.span.start) for f in after)


def _lint_hides(state: LintState, finding: Finding, edit: Edit) -> bool:
    """Whether the text with ``edit`` no longer has ``finding`` and has no more findings of
    the directives (a comment that suppresses nothing is one)."""
    after, moved = _edited_findings(state, edit)
    gone = (finding.code, moved(finding)) not in {(f.code, f.span.start) for f in after}

    def directives(findings: Iterable[Finding]) -> int:
        return sum(f.code.startswith("SUP") for f in findings)

    return gone and directives(after) <= directives(state.findings)


def _directive_before(state: LintState, p: Paragraph, code: str) -> Edit | None:
    """The edit putting ``code`` in an ignore comment right before ``p`` (added to such a
    comment already on the line above). In a draft quoted line by line ("> 1. Decides"),
    the comment's line is quoted too: unquoted, it split the quotation in two (an e-mail
    reply, a Markdown blockquote)."""
    res = state.result.resolution
    src = state.result.source
    text = src.text
    read = res.source.text  # as the parser read it: a quoted draft's markers blanked
    line = src.position(p.span.start).line
    line_start = src.line_starts[line]
    if line > 0:
        prev_start = src.line_starts[line - 1]
        prev_end = src.line_end(line - 1)
        for d in res.directives:
            if d.span.start < prev_start or d.span.end > prev_end:
                continue
            if read[prev_start:prev_end].strip() != text[d.span.start : d.span.end]:
                continue  # the comment shares its line with other text: leave it alone
            if d.action == "ignore" and not d.malformed and d.codes:
                if any(code.startswith(c) for c in d.codes):
                    return None  # already named (the finding is then suppressed anyway)
                reason = f" -- {d.reason}" if d.reason else ""
                return Edit(d.span, f"<!-- resolint: ignore[{', '.join(d.codes + (code,))}]{reason} -->")
    quoted = read is not text and read != text
    marker = QUOTE_MARKERS.match(text, line_start) if quoted else None
    if marker is not None:
        lead = marker.group()  # "> ", "> > ": the quotation's own marker
    else:
        lead = text[line_start : p.span.start]
        if lead.strip():
            lead = ""
    return Edit(Span(line_start, line_start), f"{lead}<!-- resolint: ignore[{code}] -->{src.dominant_newline()}")


def _also_hidden(state: LintState, finding: Finding, edit: Edit) -> int:
    """How many other findings of the code a comment put before the finding's top-level
    paragraph hides too: it covers the paragraphs under it as well ("Disable OPR007 for
    this paragraph" on "Decides:" hid its items' OPR007 without saying so). A comment
    placed lower down was checked to hide the finding only (:func:`disable_edit`)."""
    top = paragraph_at(state.result.resolution, finding.span.start, paragraph_starts(state))
    while top is not None and top.parent is not None:
        top = top.parent
    if top is None or not top.children or edit.span.start > top.span.start:
        return 0
    end = subtree_end(top)
    # Counted in the code's sorted starts: counted over every finding, a request over many
    # findings in lists went over all of them for each.
    starts = _starts_of_code(state, finding.code)
    inside = bisect.bisect_left(starts, end) - bisect.bisect_left(starts, top.span.start)
    return inside - (top.span.start <= finding.span.start < end)


def _starts_of_code(state: LintState, code: str) -> list[int]:
    """The sorted starts of the version's findings of ``code`` (kept for the version)."""
    by_code = state.cache.get("finding-starts")
    if by_code is None:
        by_code = {}
        for f in state.findings:
            by_code.setdefault(f.code, []).append(f.span.start)
        for starts in by_code.values():
            starts.sort()
        state.cache["finding-starts"] = by_code
    return by_code.get(code, [])


def disable_action(
    state: LintState, finding: Finding, diag: types.Diagnostic | None, ctx: ClientContext, edit: Edit | None = None
) -> types.CodeAction | None:
    edit = edit or disable_edit(state, finding)
    if edit is None:
        return None
    more = _also_hidden(state, finding, edit)
    whom = f"this paragraph and the ones under it ({more} more)" if more else "this paragraph"
    return types.CodeAction(
        title=f"Disable {finding.code} for {whom}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag] if diag is not None else None,
        edit=workspace_edit(state.uri, state.version, text_edits(state.index, [edit]), ctx),
    )


# -- fix all ------------------------------------------------------------------------
def minimal_edit(old: str, new: str) -> Edit | None:
    """One edit turning ``old`` into ``new``: the differing middle between common ends."""
    if old == new:
        return None
    n = min(len(old), len(new))
    p = 0
    while p < n and old[p] == new[p]:
        p += 1
    s = 0
    while s < n - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    # Never split a CRLF pair at either end (LSP has no position between the two): widen
    # to the whole pair. The end splits one when the fixes removed a ``\r`` whose ``\n``
    # the fixed text still has.
    if 0 < p < len(old) and old[p - 1] == "\r" and old[p] == "\n":
        p -= 1
    end = len(old) - s
    if 0 < end < len(old) and old[end - 1] == "\r" and old[end] == "\n":
        s -= 1
    return Edit(Span(p, len(old) - s), new[p : len(new) - s])


def fix_all_edits(state: LintState, unsafe: bool = False) -> list[Edit]:
    """The one edit applying every fix (safe ones, or all with ``unsafe``) to a fixed point.

    Up to :data:`resolint.fixes.MAX_PASSES` lints of the whole text, so kept in the
    version's memo: an editor that cannot resolve an action's edit later asks for the
    edit with every code action request, at every move of the cursor. The first pass
    starts from the version's own lint (``state.result``: the findings the editor shows,
    equal to a full lint of the text), not from a second lint of the same text."""
    memo = f"fix-all:{unsafe}"
    known = state.cache.get(memo)
    if known is None and refused(state):
        known = state.cache[memo] = []
    if known is None:
        outcome = fix_text(state.text, state.lint_fn(), unsafe=unsafe, first=state.result)
        e = minimal_edit(state.text, outcome.text)
        known = state.cache[memo] = [e] if e else []
    return list(known)


def has_safe_fix(state: LintState) -> bool:
    return any(allowed(f.fix, False) for f in state.findings)


def refused(state: LintState) -> str:
    """Why fixing everything at once is refused for this version ("" when it is not): what
    makes ``resolint check --fix`` leave the file (:func:`resolint.cli.fixable.fix_refusal`:
    text the parser could not place, a style guessed from a sentence). Fix-all on save
    rewrote such a draft the command line leaves alone; a quick fix, one at a time and
    chosen by the drafter, is still offered."""
    if state.notice is not None:
        return ""
    memo = state.cache.get("fix-all-refused")
    if memo is None:
        memo = state.cache["fix-all-refused"] = fix_refusal(state.result, state.settings, state.style_override)
    return memo


def fix_all_action(state: LintState, ctx: ClientContext, resolve_later: bool) -> types.CodeAction | None:
    """Fix-all for this version; when it is :func:`refused`, none, or one shown disabled
    with the reason to a client that shows those (VS Code: its *Fix All* command then
    says why instead of "nothing to fix", and fix-all on save passes it by)."""
    if not has_safe_fix(state):
        return None
    why = refused(state)
    if why:
        if not ctx.disabled:
            return None
        reason = f"resolint check --fix leaves this draft as it is: {why}"
        return types.CodeAction(title="resolint: fix all safe problems", kind=FIX_ALL_KIND, disabled=types.CodeActionDisabled(reason=reason))
    action = types.CodeAction(title="resolint: fix all safe problems", kind=FIX_ALL_KIND)
    if resolve_later:
        action.data = {"uri": state.uri, "version": state.version, "action": "fixAll"}
    else:
        action.edit = workspace_edit(state.uri, state.version, text_edits(state.index, fix_all_edits(state)), ctx)
    return action


def code_actions(
    state: LintState,
    diagnostics: Sequence[types.Diagnostic],
    lines: tuple[int, int],
    only: Sequence[str] | None,
    ctx: ClientContext,
) -> list[types.CodeAction]:
    """Every action for a request: quick fixes and disables for the matched findings, fix-all."""
    actions: list[types.CodeAction] = []
    if wanted(QUICKFIX, only):
        if diagnostics:
            pairs = [(d, f) for d, f, _ in match(state, diagnostics)]
        else:
            pairs = [(None, f) for f, _ in findings_on_lines(state, *lines)]
        fixes, disables = [], []
        seen: set[tuple[str, int]] = set()
        budget = LintBudget()
        for d, f in pairs:
            a = quick_fix(state, f, d, ctx)
            if a:
                fixes.append(a)
            edit = disable_edit(state, f, budget)
            if edit is not None and (f.code, edit.span.start) not in seen:
                seen.add((f.code, edit.span.start))
                disables.append(disable_action(state, f, d, ctx, edit))
        actions.extend(fixes)
        actions.extend(disables)
    if wanted(FIX_ALL_KIND, only):
        a = fix_all_action(state, ctx, resolve_later=ctx.resolve_edit)
        if a:
            actions.append(a)
    return actions
