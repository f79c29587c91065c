"""One custom rule as a first-class :class:`~resolint.rule.Rule`.

:func:`rule_class` makes a Rule subclass per table, with the code, name, severity and
documentation the table gives, so the engine, the CLI (``rules``, ``rule CODE``, every
output format, ``--fix``), the language server and Word treat it exactly as a built-in
rule. Its documentation is written from the table in the sections every rule has; the
Example and Use instead drafts are linted by the configuration check and the tests.

Matching needs spaCy; this module does not import it: the shared :class:`RuleSet`
compiles the matchers on first use (see :mod:`resolint.custom_rules.matching`).
"""

from __future__ import annotations

import functools
import json
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from resolint.custom_rules.candidates import Candidate, candidate_test
from resolint.custom_rules.known import KNOWN
from resolint.custom_rules.spacing import Spacing
from resolint.custom_rules.spec import RuleSpec, fill, references_past, thaw
from resolint.model import Kind, Paragraph
from resolint.rule import (
    Applicability,
    Edit,
    Fix,
    Rule,
    RuleContext,
    Severity,
    Violation,
)
from resolint.settings import Settings
from resolint.source import Span

if TYPE_CHECKING:
    from resolint.custom_rules.pipeline import DocCache

#: Paragraph texts whose matches a rule set keeps (a long resolution has a few hundred).
RESULTS_KEPT = 4096
PART_KINDS = {
    "title": Kind.TITLE,
    "opening": Kind.OPENING,
    "preamble": Kind.PREAMBLE,
    "operative": Kind.OPERATIVE,
    "subparagraph": Kind.SUBPARAGRAPH,
}


class RuleSet:
    """The custom rules that run together: one pipeline, one Doc per paragraph text,
    and each rule's matcher compiled once (on first use, which imports spaCy).

    With no trained pipeline, the rules that compare lemmas are matched apart from the
    others, on Docs of their own: filling a Doc's lemmas loads lemminflect's tables
    (0.3 s and 35 MB a process), which every Model UN draft with something to match paid
    for the style's MUN002, a rule that is off unless selected. Each rule's matches are
    the same either way (a rule's matches never depend on the other rules)."""

    def __init__(self, specs: tuple[RuleSpec, ...], pipeline: str | None) -> None:
        self.specs = specs
        self.pipeline = pipeline
        self._nlp: Any = None
        self._docs: dict[bool, DocCache] = {}
        self._matchers: dict[str, Any] = {}
        self._combined: dict[bool, Any] = {}
        self._apart: dict[str, bool] = {}
        self._probes: dict[tuple[bool, str], dict] = {}
        self._results: dict[bool, OrderedDict[str, dict]] = {False: OrderedDict(), True: OrderedDict()}
        self._lock = threading.RLock()

    def apart(self, spec: RuleSpec) -> bool:
        """Whether ``spec`` is matched with the rules that need lemmas filled (see the class
        docstring). Kept by code: a rule's attributes are read from its whole pattern, and
        each paragraph asks (100,000 phrases took 3 s a paragraph)."""
        apart = self._apart.get(spec.code)
        if apart is None:
            apart = self._apart[spec.code] = spec.needs_lemmas and not self.pipeline
        return apart

    @property
    def docs(self) -> DocCache:
        """The Docs of the rules that need no lemmas filled (all of them with a trained pipeline)."""
        return self._docs_for(False)

    def _docs_for(self, apart: bool) -> DocCache:
        with self._lock:
            docs = self._docs.get(apart)
            if docs is None:
                from resolint.custom_rules.pipeline import (  # lazy: spaCy loads only when a house rule runs
                    DocCache,
                    blank,
                    load_pipeline,
                )

                if self._nlp is None:
                    self._nlp = load_pipeline(self.pipeline) if self.pipeline else blank()
                lemmas = apart or (bool(self.pipeline) and any(s.needs_lemmas for s in self.specs))
                docs = self._docs[apart] = DocCache(self._nlp, trained=bool(self.pipeline), lemmas=lemmas)
            return docs

    def matcher(self, spec: RuleSpec):
        """The compiled matchers ``spec`` runs with: those of its whole group, which the
        lint uses too. The configuration check once compiled each rule alone as well, so
        a configuration's patterns were compiled twice on every run (a rule of 100,000
        phrases: 20 s of a 21 s run); an error still names its rule (:class:`SpecError`)."""
        with self._lock:
            return self._matchers_for(self.apart(spec))

    def probe(self, text: str, spec: RuleSpec) -> list[tuple[int, int, list[str]]]:
        """The matches of ``spec`` in ``text`` (single-spaced), tokenized apart from the
        paragraphs' cache: the configuration check tries each rule on text that is no
        draft's. One pass per group and text serves every rule of the group (a rule's
        matches never depend on the others)."""
        apart = self.apart(spec)
        with self._lock:
            found = self._probes.get((apart, text))
            if found is None:
                found = self._probes[(apart, text)] = self.matcher(spec)(self._docs_for(apart).make(text))
            return found.get(spec.code, [])

    def prepare(self, spec: RuleSpec) -> None:
        """Load spaCy and compile the matchers ``spec`` runs with, now (see
        :func:`resolint.engine.prepare_house_rules`)."""
        apart = self.apart(spec)
        with self._lock:
            self._matchers_for(apart)
            docs = self._docs_for(apart)
            if docs.lemmas:
                docs.make("urges")  # (lemminflect reads its tables on the first lemma)

    def _matchers_for(self, apart: bool):
        combined = self._combined.get(apart)
        if combined is None:
            from resolint.custom_rules.matching import RuleMatchers  # lazy: spaCy loads only when a house rule runs

            specs = tuple(s for s in self.specs if self.apart(s) == apart)
            combined = self._combined[apart] = RuleMatchers(specs, self._docs_for(apart))
        return combined

    def matches(self, text: str, spec: RuleSpec) -> dict[str, list[tuple[int, int, list[str]]]]:
        """The matches in one paragraph text of ``spec`` and of every rule matched with
        it: one Doc, one pass of the shared matchers, kept by text (an unchanged
        paragraph is not matched again)."""
        apart = self.apart(spec)
        with self._lock:
            kept = self._results[apart]
            hit = kept.get(text)
            if hit is not None:
                kept.move_to_end(text)
                return hit
            combined = self._matchers_for(apart)
            spacing = Spacing(text)
            result = combined(self._docs_for(apart).doc(spacing.text))
            if spacing.text is not text:  # back to the offsets of the paragraph as written
                result = {
                    code: [(spacing.original(s), spacing.original(e), toks) for s, e, toks in found]
                    for code, found in result.items()
                }
            kept[text] = result
            if len(kept) > RESULTS_KEPT:
                kept.popitem(last=False)
            return result

    def rules(self) -> tuple[PatternRule, ...]:
        out = tuple(rule_class(spec)(self) for spec in self.specs)
        for r in out:
            KNOWN[r.code] = r
        return out


class PatternRule(Rule):
    """Base of the classes :func:`rule_class` makes; ``spec`` is the rule's table."""

    spec: RuleSpec
    default_options: dict[str, Any] = {}
    any_language = True  # (an organization's patterns are written for its own drafts)

    def __init__(self, ruleset: RuleSet | None = None) -> None:
        self.ruleset = ruleset if ruleset is not None else RuleSet((self.spec,), None)

    def check(self, ctx: RuleContext) -> Iterable[Violation]:
        spec = self.spec
        kinds = {PART_KINDS[p] for p in spec.parts}
        # (A configured pipeline may merge tokens across spaces: no test then.)
        may_match = None if self.ruleset.pipeline else candidate_test(spec)
        for p in ctx.resolution.paragraphs:
            if p.kind in kinds:
                yield from self._paragraph_violations(ctx, p, may_match)

    def _paragraph_violations(self, ctx: RuleContext, p: Paragraph, may_match) -> Iterable[Violation]:
        spec, text = self.spec, ctx.text
        start, end = p.content.start, p.content.end
        chunk = text[start:end]
        if not chunk.strip():
            return
        if may_match is not None and not may_match(Candidate(chunk)):
            return  # no word of it can match: spaCy is not asked (see .candidates)
        opener_span = None
        if spec.opener_only:
            op = ctx.opener(p) if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE) else None
            if op is None:
                return
            opener_span = op.span
        found = self.ruleset.matches(chunk, spec).get(spec.code, ())
        names = _exception_spans(spec.exceptions, chunk) if found and spec.exceptions else ()
        for s, e, tokens in found:
            span = Span(start + s, start + e)
            if opener_span is not None and not (opener_span.start <= span.start and span.end <= opener_span.end):
                continue
            if any(ns <= s and e <= ne for ns, ne in names):
                continue  # "UN" in "UN Women": a name's own word, not the pattern's
            if _quoted(ctx, span):
                continue
            yield self._violation(ctx, span, tokens, _sentence_start(text, start, span.start))

    def _violation(self, ctx: RuleContext, span: Span, tokens: list[str], sentence_start: bool) -> Violation:
        spec = self.spec
        matched = ctx.slice(span)
        message = fill(spec.message, " ".join(matched.split()), tokens)
        if spec.replace is None or spec.fix is None:
            return Violation(span, message)
        new = fill(spec.replace, matched, tokens)
        if not new.strip() and spec.replace.strip() and references_past(spec.replace, len(tokens)):
            return Violation(span, message)  # '{2}' of a one-token match: deleting it was not asked for
        if sentence_start and matched[:1].isupper() and new[:1].islower():  # "The UN" -> "The United Nations"
            new = new[:1].upper() + new[1:]
        if new == matched:
            return Violation(span, message)
        edit_span = span
        text = ctx.text
        if not new:  # removing a word: take one neighbouring space with it
            if span.end < len(text) and text[span.end] == " ":
                edit_span = Span(span.start, span.end + 1)
            elif span.start > 0 and text[span.start - 1] == " ":
                edit_span = Span(span.start - 1, span.end)
        if spec.fix_title:
            title = fill(spec.fix_title, matched, tokens)
        else:
            title = f"Replace with '{new}'" if new else f"Remove '{matched}'"
        make = Fix.safe if spec.fix == "safe" else Fix.unsafe
        return Violation(span, message, make(title, Edit(edit_span, new)))

    @classmethod
    def example_input(cls, text: str):
        """A draft from this rule's documentation is linted with this rule and its style."""
        return text, {"settings": Settings(select=(cls.code,)), "style": _example_style(cls.spec), "rules": [cls()]}


def _quoted(ctx: RuleContext, span: Span) -> bool:
    """Whether ``span`` lies between the marks of a quotation ("…" or “…”): quoted words
    are someone else's, and a fix must not rewrite them (the built-in term rules leave
    quotations alone too). A match of the marks themselves is not inside."""
    quotes = ctx.facts.quotes
    return span.start > 0 and quotes.holds(span.start - 1) and quotes.holds(span.start) and quotes.holds(span.end)


@functools.lru_cache(maxsize=64)
def _exception_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    """The names of a rule's ``exceptions``, as whole words, any run of whitespace between."""
    alt = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)")


def _exception_spans(names: tuple[str, ...], chunk: str) -> list[tuple[int, int]]:
    """Where the names stand in ``chunk``, found as the patterns are (letters composed:
    :class:`~resolint.custom_rules.spacing.Spacing`)."""
    seen = Spacing(chunk)
    found = _exception_regex(tuple(unicodedata.normalize("NFC", n) for n in names)).finditer(seen.text)
    return [(seen.original(m.start()), seen.original(m.end())) for m in found]


def _sentence_start(text: str, para_start: int, pos: int) -> bool:
    """Whether ``pos`` starts the paragraph or a sentence, where a capital is only position."""
    before = text[para_start:pos].rstrip(" *_\u00a0")
    return not before or before[-1] in ".!?"


def _example_style(spec: RuleSpec) -> str:
    return spec.source.split(" ", 1)[1] if spec.source.startswith("style ") else "auto"


def _summary(spec: RuleSpec) -> str:
    if spec.description:
        return spec.description.strip().splitlines()[0].rstrip(".")
    return fill(spec.message, "…", ["…"] * 99).rstrip(".")


def _pattern_text(spec: RuleSpec) -> str:
    return json.dumps(thaw(spec.pattern), ensure_ascii=False)


def render_doc(spec: RuleSpec) -> str:
    """The rule's documentation, in the sections of every rule (see :mod:`resolint.rule`)."""
    where = {"title": "the title block", "opening": "the opening", "preamble": "preambular paragraphs",
             "operative": "operative paragraphs", "subparagraph": "sub-paragraphs"}
    parts = ", ".join(where[p] for p in spec.parts)
    scope = f"the opener of {parts}" if spec.opener_only else parts
    kind = {"token": "a spaCy Matcher token pattern", "phrase": f"a phrase list (compared by {spec.attr})",
            "dependency": "a spaCy DependencyMatcher pattern"}[spec.kind]
    what = spec.description.strip() or fill(spec.message, "…", ["…"] * 99)
    names = "; not in the names " + ", ".join(f"'{n}'" for n in spec.exceptions) if spec.exceptions else ""
    out = [
        _summary(spec) + ".",
        "",
        "## What it does",
        "",
        f"{what}",
        "",
        f"A house rule from {spec.source}: {kind}, looked for in {scope}, outside quotations{names}.",
        "",
        "## Why is this bad?",
        "",
        spec.why.strip() or "The house style says so.",
        "",
    ]
    for section, draft in (("Example", spec.example), ("Use instead", spec.use_instead)):
        if draft.strip():
            out += [f"## {section}", "", "```text", draft.strip("\n"), "```", ""]
    if spec.fix:
        fix = (
            f"Replaces the match with `{spec.replace}`. "
            + ("Safe: the replacement cannot change the meaning." if spec.fix == "safe"
               else "Unsafe: review the replacement; `--fix` applies it only with `--unsafe-fixes`.")
        )
    else:
        fix = "No fix."
    out += ["## Fix safety", "", fix, "", "## Options", "", "None.", "", "## References", "",
            f"Pattern: `{_pattern_text(spec)}`", ""]
    return "\n".join(out)


def rule_class(spec: RuleSpec) -> type[PatternRule]:
    """A Rule subclass for one custom rule (class attributes, so every classmethod of
    :class:`~resolint.rule.Rule` — ``doc()``, ``family()`` — works as for built-ins)."""
    kinds = tuple(PART_KINDS[p] for p in spec.parts)
    attrs = {
        "__doc__": render_doc(spec),
        "__module__": __name__,
        "spec": spec,
        "code": spec.code,
        "name": spec.name,
        "summary": _summary(spec),
        "default_severity": Severity(spec.severity),
        "kinds": kinds,
        "fix_applicability": Applicability(spec.fix) if spec.fix else None,
        "source": spec.source,
    }
    return type(f"Custom{spec.code}", (PatternRule,), attrs)
