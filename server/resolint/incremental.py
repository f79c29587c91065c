"""Lint one document again after each edit, reusing the work the edit did not touch.

The language server lints a document after every keystroke. Most of a lint's work is
about one paragraph at a time and its result depends on that paragraph's text alone:
the opener of a paragraph, and the violations of the rules that declare themselves
paragraph-local (:attr:`resolint.rule.Rule.local`). :class:`LintCache` keeps these
results *content-addressed* — keyed by the paragraph's text and every other input they
may read — with their spans stored relative to the paragraph, so a paragraph that moved
(text inserted above it) is a hit and its results are shifted into place. Everything
else (the parse, document-level rules, directives, sorting) runs as in a full lint, so
the findings are those of :func:`resolint.engine.lint` by construction;
``tests/test_incremental.py`` checks it on random edit sequences.

The caches are *generational*: a lint reads from what the last lint used and keeps only
what it uses itself, so they never hold more than about two versions' worth of entries
and shrink with the document. :class:`IncrementalLinter` is what the server keeps per
open document (and drops when it is closed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from resolint.engine import LintResult, lint
from resolint.model import Label, Paragraph
from resolint.openers import Opener
from resolint.rule import Edit, Fix, Rule, RuleContext, Violation
from resolint.source import SourceText, Span

if TYPE_CHECKING:
    from resolint.facts import Analysis
    from resolint.settings import Settings

#: A cached result that may not be reused: a violation outside its paragraph.
_UNCACHEABLE = object()
_MISSING = object()


class _Generations:
    """A dict that keeps what the current round uses and what the previous round used."""

    __slots__ = ("current", "previous")

    def __init__(self) -> None:
        self.current: dict = {}
        self.previous: dict = {}

    def get(self, key: Any) -> Any:
        hit = self.current.get(key, _MISSING)
        if hit is _MISSING:
            # Moved, not copied: the previous round's key (and the paragraph text in it)
            # is not kept beside this round's equal one.
            hit = self.previous.pop(key, _MISSING)
            if hit is not _MISSING:
                self.current[key] = hit
        return hit

    def put(self, key: Any, value: Any) -> None:
        self.current[key] = value

    def next_round(self) -> None:
        self.previous, self.current = self.current, {}

    def __len__(self) -> int:
        return len(self.current) + len(self.previous)


def _moved(s: Span, d: int) -> Span:
    return Span(s.start + d, s.end + d)


def _span(s: Span | None, d: int) -> Span | None:
    return None if s is None else Span(s.start + d, s.end + d)


# The shifters below name every field of the types they move; tests/test_incremental.py
# fails when one of these types gains a field, so a new span cannot be left unmoved.
def shift_opener(o: Opener | None, d: int) -> Opener | None:
    """``o`` moved by ``d`` characters."""
    if o is None or d == 0:
        return o
    return Opener(_moved(o.span, d), _moved(o.head, d), o.phrase, _span(o.before, d), _span(o.after, d), o.emphasis)


def _shift_fix(f: Fix | None, d: int) -> Fix | None:
    if f is None:
        return None
    return Fix(f.title, f.applicability, tuple(Edit(_moved(e.span, d), e.new_text) for e in f.edits))


def shift_violation(v: Violation, d: int) -> Violation:
    """``v`` (its span and its fix's edits) moved by ``d`` characters."""
    if d == 0:
        return v
    return Violation(_moved(v.span, d), v.message, _shift_fix(v.fix, d), v.severity)


def _inside(v: Violation, lo: int, hi: int) -> bool:
    spans = [v.span, *(e.span for e in (v.fix.edits if v.fix else ()))]
    return all(lo <= s.start and s.end <= hi for s in spans)


def _rel(span: Span | None, base: int) -> tuple[int, int] | None:
    return None if span is None else (span.start - base, span.end - base)


def _label_key(label: Label | None, base: int) -> tuple | None:
    if label is None:
        return None
    return (_rel(label.span, base), label.text, label.scheme, label.value, label.form, label.typed)


def paragraph_key(text: str, p: Paragraph) -> tuple:
    """Everything about ``p`` a paragraph-local rule may read, relative to its start."""
    base, end = p.span.start, p.span.end
    q = p.parent
    ancestors: tuple = ()
    while q is not None:  # most paragraphs have none
        ancestors += ((q.kind, q.depth, q.heads_group, _label_key(q.label, q.span.start)),)
        q = q.parent
    content, bullet, terminal, label = p.content, p.bullet, p.terminal, p.label
    return (
        text[base:end],
        p.kind,
        p.part,
        p.depth,
        p.heads_group,
        len(p.children),
        content.start - base,
        content.end - base,
        None if bullet is None else (bullet.start - base, bullet.end - base),
        None if terminal is None else terminal.start - base,
        None if terminal is None else terminal.end - base,
        None if label is None else _label_key(label, base),
        ancestors,
    )


def _freeze(options: dict) -> str:
    return repr(sorted(options.items()))


class LintCache:
    """Per-paragraph results of one document's last lints (see the module docstring)."""

    def __init__(self) -> None:
        self._openers = _Generations()
        self._violations = _Generations()
        self._facts = _Generations()
        # A number per distinct paragraph key (so the per-rule lookups hash two small
        # values, not the paragraph's text), and id(paragraph) -> (paragraph, its number)
        # for this lint only.
        self._numbers = _Generations()
        self._count = 0
        self._keys: dict[int, tuple[Paragraph, int]] = {}

    def next_round(self) -> None:
        """A lint is over: drop what neither it nor the one before it used."""
        self._openers.next_round()
        self._violations.next_round()
        self._facts.next_round()
        self._numbers.next_round()
        self._keys = {}

    def __len__(self) -> int:
        return len(self._openers) + len(self._violations) + len(self._facts)

    # -- facts ---------------------------------------------------------------------
    def opener(self, facts: Analysis, p: Paragraph, find: Callable[[Analysis, Paragraph], Opener | None]) -> Opener | None:
        """The opener of ``p``: it depends on the content's text, the paragraph's kind and the style."""
        base = p.content.start
        key = (facts.style.name, p.kind, facts.text[base : p.content.end])
        hit = self._openers.get(key)
        if hit is _MISSING:
            found = find(facts, p)
            self._openers.put(key, (base, found))
            return found
        was, found = hit
        if was != base:
            # One store of a new pair: a lint stopped half-way leaves no half-moved entry.
            found = shift_opener(found, base - was)
            self._openers.put(key, (base, found))
        return found

    def paragraph_fact(self, text: str, p: Paragraph, extra: Any, compute: Callable[[], Any], valid: Callable[[Any], bool]) -> Any:
        """A fact about ``p`` read from its :func:`paragraph_key` and ``extra`` (hashable)
        alone — offsets relative to the paragraph, no link to the paragraph object — that
        holds while ``valid(fact)`` says so: ``compute()`` when not kept or no longer valid.
        (The citations a paragraph holds, :mod:`resolint.citations.local`.)"""
        key = (self._number(text, p), extra)
        hit = self._facts.get(key)
        if hit is _MISSING or not valid(hit):
            hit = compute()
            self._facts.put(key, hit)
        return hit

    # -- rules ---------------------------------------------------------------------
    def _number(self, text: str, p: Paragraph) -> int:
        """The number of ``p``'s :func:`paragraph_key`: equal numbers, equal keys."""
        known = self._keys.get(id(p))
        if known is not None and known[0] is p:
            return known[1]
        key = paragraph_key(text, p)
        n = self._numbers.get(key)
        if n is _MISSING:
            self._count += 1
            n = self._count
            self._numbers.put(key, n)
        self._keys[id(p)] = (p, n)
        return n

    def local_violations(self, rule: Rule, ctx: RuleContext) -> list[Violation]:
        """What ``rule.check(ctx)`` yields, from the cache for paragraphs seen before."""
        prefix = (rule.code, _freeze(ctx.options), ctx.style.name)
        text = ctx.text
        out: list[Violation] = []
        for p in rule.paragraphs(ctx):
            key = (prefix, self._number(text, p), rule.paragraph_key(ctx, p))
            hit = self._violations.get(key)
            if hit is _MISSING or hit is _UNCACHEABLE:
                found = list(rule.check_paragraph(ctx, p))
                out.extend(found)
                if hit is _MISSING:
                    inside = all(_inside(v, p.span.start, p.span.end) for v in found)
                    self._violations.put(key, (p.span.start, tuple(found)) if inside else _UNCACHEABLE)
                continue
            was, cached = hit
            if was != p.span.start:
                cached = tuple(shift_violation(v, p.span.start - was) for v in cached)
                self._violations.put(key, (p.span.start, cached))
            out.extend(cached)
        return out


class IncrementalLinter:
    """Lints successive versions of one document with a :class:`LintCache`.

    Its results are those of :func:`resolint.engine.lint` with the same arguments. The
    cache is emptied when the settings object changes (new configuration).
    """

    def __init__(self) -> None:
        self.cache = LintCache()
        self._settings: Settings | None = None

    def lint(
        self,
        text: str | SourceText,
        settings: Settings,
        *,
        path: str | None = None,
        style: str | None = None,
        rules: Iterable[Rule] | None = None,
    ) -> LintResult:
        """What :func:`resolint.engine.lint` returns for these arguments."""
        if settings is not self._settings:
            self.cache = LintCache()
            self._settings = settings
        try:
            return lint(text, settings, path=path, style=style, rules=rules, cache=self.cache)
        finally:
            self.cache.next_round()
