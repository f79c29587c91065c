"""Run the rules over one document and turn their violations into findings.

The engine is the only place that knows about codes, severities, selection and
suppression. Rules just describe problems; the CLI and the language server just show
findings. Both call :func:`lint`, so the editor and CI always agree.
"""

from __future__ import annotations

import bisect
import functools
import traceback
from collections.abc import Iterable
from dataclasses import field
from typing import TYPE_CHECKING

from resolint import commentguard, listguard, markguard, quoteguard, suppression
from resolint.codes import first_unknown, longest_prefix
from resolint.custom_rules import effective_specs, with_custom_rules
from resolint.facts import Analysis
from resolint.formatting import Formatting
from resolint.invisible import as_read
from resolint.lazylog import get_logger
from resolint.lazyre import lazy
from resolint.model import Directive, Paragraph, Resolution
from resolint.parser import parse
from resolint.parser.blocks import is_lone_label
from resolint.parser.title import title_head
from resolint.records import record
from resolint.registry import all_rules
from resolint.rule import Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.settings import Settings
from resolint.source import SourceText, Span, slot_setters
from resolint.styles import UNKNOWN_BODY, Style, detect_style, load_style

if TYPE_CHECKING:
    from resolint.incremental import LintCache

log = get_logger(__name__)

#: Internal diagnostics the engine itself emits.
INTERNAL_CODE = "DOC000"
INTERNAL_NAME = "rule-crashed"
UNUSED_DIRECTIVE = ("SUP001", "unused-suppression")
MALFORMED_DIRECTIVE = ("SUP002", "malformed-directive")
#: The rule that reports a draft not in English (:mod:`resolint.language`); where it
#: reports, only the findings of rules that read any language are kept.
NOT_ENGLISH = "DOC005"
#: The rule that reports a draft pasted with line numbers (:mod:`resolint.linenumbers`);
#: where it reports, its finding alone is kept (and the engine's own).
LINE_NUMBERED = "DOC006"


@record(frozen=True, slots=True, init=False)
class Finding:
    """One problem the lint reports: the rule's code and name, the severity that applies (the
    configuration's override or the rule's), the message, where, and the fix if there is
    one. A rule's :class:`~resolint.rule.Violation` becomes this once the engine has
    filtered and ranked it; every output (CLI, language server, Word) reads these."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None

    def __init__(self, code: str, name: str, severity: Severity, message: str, span: Span, fix: Fix | None = None) -> None:
        # Written out, as Span's is (see there): one per finding, and a hostile draft has
        # tens of thousands.
        _FINDING_SET[0](self, code)
        _FINDING_SET[1](self, name)
        _FINDING_SET[2](self, severity)
        _FINDING_SET[3](self, message)
        _FINDING_SET[4](self, span)
        _FINDING_SET[5](self, fix)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)


_FINDING_SET = slot_setters(Finding)


@record(slots=True)
class LintResult:
    """One lint of a text: the source, its parsed resolution, the style applied, the findings,
    and the derived facts the rules read (which the server, Word and exports reuse)."""

    source: SourceText
    resolution: Resolution
    style: Style
    findings: list[Finding] = field(default_factory=list)
    #: The document's derived facts, the same the rules read: the server, Word and the
    #: exports read openers, citations and title facts here instead of recomputing them.
    facts: Analysis = field(default=None, repr=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.facts is None:
            self.facts = Analysis(self.resolution, self.style)


def matches(code: str, selectors: Iterable[str]) -> bool:
    """Whether ``code`` is named by any selector (a code, a prefix, or ALL)."""
    return any(sel == "ALL" or code.startswith(sel) for sel in selectors)


def rule_enabled(rule: Rule, settings: Settings, style: Style, file_path: str | None = None) -> bool:
    code = rule.code
    select = settings.select or ("ALL",)
    if not (matches(code, select) or matches(code, settings.extend_select)):
        return False
    explicitly_selected = matches(code, [s for s in settings.select + settings.extend_select if s != "ALL"])
    if matches(code, style.get("lint.ignore", [])) and not explicitly_selected:
        return False
    if matches(code, style.get("lint.opt-in", [])) and not explicitly_selected:
        return False
    return not (matches(code, settings.ignore) or matches(code, settings.ignored_for(file_path)))


def prepare_house_rules(settings: Settings, style: Style) -> None:
    """Import spaCy and compile the matchers of the house rules that run under these
    settings and style, now. A lint gives spaCy only the paragraphs a pattern may match
    (:mod:`resolint.custom_rules.candidates`), so it may not load it at all; the language
    server calls this before its first lint of a document under a configuration, where a
    second's load does no harm, so that the first word typed that a house rule looks for
    does not import spaCy inside a lint the next keystroke may stop."""
    from resolint.custom_rules.rule import PatternRule  # lazy: the house rule machinery, only under a configuration

    for rule in with_custom_rules(all_rules(), settings, style):
        if isinstance(rule, PatternRule) and rule_enabled(rule, settings, style):
            rule.ruleset.prepare(rule.spec)


def severity_for(code: str, default: Severity, settings: Settings) -> Severity:
    best = longest_prefix(code, settings.severity)
    return Severity(settings.severity[best]) if best else default


def opening_text(resolution: Resolution, custom: dict | None = None) -> str:
    """The opening's text as style detection reads it: one line, an opening wrapped
    over several read as the line it stands for ("" without an opening), through the
    comments and invisible characters inside its words (a directive typed inside
    "Telecom…munication" hid the ITU style until the safe fix removing it brought it in).

    The first opening's; but when it names no body a style knows (built in, or the
    configuration's ``custom`` styles) and a later one does, that one's. An organ that
    recommends a text to another body writes in that body's form: "The Executive Board,
    … RECOMMENDS to the Seventy-ninth World Health Assembly the adoption of the following
    resolution: The Seventy-ninth World Health Assembly, …" is WHO's Board, whose
    resolutions keep the Assembly's form (``styles/wha.toml``); read by its first opening
    alone, it was held to the General Assembly's style (the default)."""
    first = _one_line(resolution, resolution.openings[:1])
    if len(resolution.openings) < 2 or UNKNOWN_BODY not in detect_style(first, "", custom=custom)[1]:
        return first
    for later in resolution.openings[1:3]:
        line = _one_line(resolution, [later])
        if "default" not in detect_style(line, "", custom=custom)[1]:
            return line
    return first


def _one_line(resolution: Resolution, paragraphs: list[Paragraph]) -> str:
    text = resolution.source.text
    return as_read(" ".join(word for p in paragraphs for word in text[p.span.start : p.span.end].split()))


def title_text(resolution: Resolution) -> str:
    """The title block as style detection reads it: its paragraphs one a line, as written.
    A pattern anchored at a line's start (a Model UN header's "FORUM:", ``(?m)^``) finds
    its line under a title line ("Draft Resolution 1.1", a conference's name, a Markdown
    heading): joined with spaces, only the block's first line started one. The block ends
    at the opening, so the resolution's own paragraphs never count. Each paragraph's head
    (:func:`resolint.parser.title.title_head`): a draft with no opening is all title."""
    text = resolution.source.text
    return as_read("\n".join(text[h.start : h.end] for h in map(title_head, resolution.title.paragraphs)))


def resolve_style(resolution: Resolution, settings: Settings, override: str | None = None) -> Style:
    name = override or settings.style
    if name == "auto":
        name, reason = detect_style(opening_text(resolution, settings.styles), title_text(resolution), custom=settings.styles)
        style = load_style(name, settings.styles)
        style.detected_because = reason
        return style
    return load_style(name, settings.styles)


def rule_options(rule: Rule, style: Style, settings: Settings) -> dict:
    opts = dict(rule.default_options)
    opts.update(style.get(f"rules.{rule.code}", {}) or {})
    opts.update(settings.rules.get(rule.code, {}))
    return opts


#: (settings, rules, style name, path or None) -> enabled rules with their options.
#: The cache holds its keys' objects, so their ids cannot be reused while cached.
_ACTIVE_CACHE: dict[tuple, tuple[Settings, tuple[Rule, ...], dict, list[tuple[Rule, dict]]]] = {}


def _active_rules(rules: tuple[Rule, ...], settings: Settings, style: Style, path: str | None) -> list[tuple[Rule, dict]]:
    """The enabled rules with their options, worked out once per settings and style.

    Only ``per-file-ignores`` depends on the file, so the path is part of the key only
    when the settings have some. (Linting an archive otherwise repeated this for every
    rule of every file.)
    """
    key = (id(settings), id(rules), style.name, path if settings.per_file_ignores else None)
    hit = _ACTIVE_CACHE.get(key)
    if hit is not None and hit[0] is settings and hit[1] is rules and hit[2] is style.raw:
        return hit[3]
    active = [(r, rule_options(r, style, settings)) for r in rules if rule_enabled(r, settings, style, path)]
    if len(_ACTIVE_CACHE) > 256:
        _ACTIVE_CACHE.clear()
    _ACTIVE_CACHE[key] = (settings, rules, style.raw, active)
    return active


def lint(
    text: str | SourceText,
    settings: Settings | None = None,
    *,
    path: str | None = None,
    style: str | None = None,
    rules: Iterable[Rule] | None = None,
    formatting: Formatting | None = None,
    paragraphs_given: bool = False,
    cache: LintCache | None = None,
    parsed: Resolution | None = None,
) -> LintResult:
    """Lint ``text``; never raises for a problem in the text or in a rule.

    ``formatting`` describes the input's character formatting when it has any (a Word
    document read by :mod:`resolint.docx`); rules about formatting need it.
    ``paragraphs_given``: the input's paragraphs are known, one per line with blank lines
    between (see :func:`resolint.parser.parse`).
    ``cache``: per-paragraph results kept from earlier lints of the same document (the
    language server's :class:`resolint.incremental.IncrementalLinter`); the findings
    are the same with or without it. ``parsed``: the text's parse, if made (see :func:`_parse`).
    """
    settings = settings or Settings()
    source = text if isinstance(text, SourceText) else SourceText(text)
    resolution = _parse(source, paragraphs_given, cache, parsed)
    # The text as the parser read it: a draft quoted line by line ("> The General
    # Assembly,") without its quote markers (the same offsets); the result keeps the
    # text as written.
    read = resolution.source
    resolution.terms = settings.terms
    style_obj = resolve_style(resolution, settings, style)
    if formatting is not None:
        cache = None  # formatting is not part of the cache keys
    if cache is not None:
        cache.start(resolution)
    facts = Analysis(resolution, style_obj, memo=cache)
    ctx = RuleContext(read, resolution, style_obj, {}, facts=facts, formatting=formatting)
    if rules is None:
        # House rules of the style and the configuration (none: all_rules() itself, no spaCy).
        rule_set = with_custom_rules(all_rules(), settings, style_obj)
    else:
        rule_set = tuple(rules)
    active = _active_rules(rule_set, settings, style_obj, path)
    raw = _run_rules(ctx, active, settings, cache)
    failure = facts.citation_failure()
    if failure is not None:
        raw.append(Finding(INTERNAL_CODE, INTERNAL_NAME, Severity.ERROR,
                           one_line(f"internal error in citation extraction: {failure!r}; citations were not checked"), Span(0, 0)))
    protected = facts.derived(listguard.document_protected_spans)
    if protected:
        raw = listguard.guard_findings(raw, protected, read.text)
    raw = commentguard.guard_findings(raw, read.text)
    raw = markguard.guard_findings(raw, read.text)
    if read is not source:
        raw = quoteguard.guard_findings(raw, source.text)
    ran = _Ran(rule_set, active, style_obj)
    findings = _apply_directives(raw, resolution, settings, path, style_obj, ran)
    findings = _gated(findings, rule_set, style_obj, read.text)
    findings.sort(key=Finding.sort_key)
    return LintResult(source, resolution, style_obj, findings, facts)


def _parse(source: SourceText, paragraphs_given: bool, cache: LintCache | None, parsed: Resolution | None) -> Resolution:
    """``source`` parsed, or ``parsed`` when it is that parse: never linted, made of this very
    ``source`` (with the same ``paragraphs_given``), and no ``cache`` to keep up to date.
    The fix loop parses each text a pass writes to check its structure, then lints it
    (:class:`resolint.fixes.Parses`): a tenth of an adversarial draft's parses were
    the same text again."""
    if parsed is not None and parsed.source is source and cache is None:
        return parsed
    return parse(source, paragraphs_given=paragraphs_given, memo=None if cache is None else cache.parse)


def _gated(findings: list[Finding], rules: tuple[Rule, ...], style: Style, text: str) -> list[Finding]:
    """``findings``, or only those that still hold when the draft has line numbers
    (DOC006: every other finding reads the numbers as the draft's) or is not in English
    (DOC005), less those of the default style's house conventions under an opening that
    names a body no style knows (:func:`_without_house_conventions`). Decided once the
    directives are applied, so a draft that turns the gate's rule off is checked as usual."""
    if any(f.code == LINE_NUMBERED for f in findings):
        return [f for f in findings if f.code in (LINE_NUMBERED, INTERNAL_CODE)]
    if any(f.code == NOT_ENGLISH for f in findings):
        findings = _any_language_only(findings, rules)
    if UNKNOWN_BODY in style.detected_because:
        findings = _without_house_conventions(findings, rules, text)
    return findings


def _any_language_only(findings: list[Finding], rules: tuple[Rule, ...]) -> list[Finding]:
    """``findings`` less those of rules written for English drafts (see
    :attr:`resolint.rule.Rule.any_language`); the engine's own (DOC000) are kept.

    Decided on the findings left once the directives are applied, so a draft that turns
    DOC005 off, by the configuration or by a comment, is checked as usual."""
    by_code = {r.code: r for r in (*all_rules(), *rules)}
    return [f for f in findings if (rule := by_code.get(f.code)) is None or rule.any_language]


def _without_house_conventions(findings: list[Finding], rules: tuple[Rule, ...], text: str) -> list[Finding]:
    """``findings`` less those that report only the default style's house conventions
    (:meth:`resolint.rule.Rule.reports_house_convention`): the opening names a body with
    no style of its own, whose conventions the default style does not describe."""
    by_code = {r.code: r for r in (*all_rules(), *rules)}
    return [f for f in findings if (rule := by_code.get(f.code)) is None or not rule.reports_house_convention(f.span, text)]


def _run_rules(ctx: RuleContext, active: list[tuple[Rule, dict]], settings: Settings, cache: LintCache | None) -> list[Finding]:
    """Every active rule's violations as findings; a crashing rule becomes one DOC000."""
    raw: list[Finding] = []
    length = len(ctx.text)
    for rule, options in active:
        ctx.options = options
        try:
            if cache is not None and rule.local:
                violations = cache.local_violations(rule, ctx)
            else:
                violations = list(rule.check(ctx))
        except Exception as exc:  # a broken rule must not take the others down
            log.error("rule %s crashed: %s", rule.code, traceback.format_exc())
            raw.append(
                Finding(INTERNAL_CODE, INTERNAL_NAME, Severity.ERROR, one_line(f"internal error in rule {rule.code}: {exc!r}"), Span(0, 0))
            )
            continue
        if violations:
            severity = _SeverityOf(rule, settings)
            raw.extend(_finding(v, rule, severity(v.severity), length) for v in violations)
    return raw


class _SeverityOf:
    """The severity of a rule's findings (a violation may name its own default), looked
    up in ``[severity]`` once per rule and default, not once per finding."""

    __slots__ = ("rule", "settings", "known")

    def __init__(self, rule: Rule, settings: Settings) -> None:
        self.rule, self.settings = rule, settings
        self.known: dict[Severity | None, Severity] = {}

    def __call__(self, own: Severity | None) -> Severity:
        sev = self.known.get(own)
        if sev is None:
            sev = self.known[own] = severity_for(self.rule.code, own or self.rule.default_severity, self.settings)
        return sev


def lint_example(rule: type[Rule] | Rule, text: str) -> LintResult:
    """Lint a draft from a rule's documentation as the rule says its examples are read
    (:meth:`Rule.example_input`): the docs and their tests call this."""
    clean, kwargs = rule.example_input(text)
    return lint(clean, **kwargs)


def _finding(v: Violation, rule: Rule, severity: Severity, length: int) -> Finding:
    span = v.span
    if span.end > length:  # a rule's span past the end of the text: cut to it
        start = min(span.start, length)
        span = Span(start, length)
    message, fix = v.message, v.fix
    if not message.isprintable() or len(message) > MAX_MESSAGE:  # (C-fast; most messages are short and printable)
        message = one_line(message)
    if fix is not None and (not fix.title.isprintable() or len(fix.title) > MAX_MESSAGE):
        fix = Fix(one_line(fix.title), fix.applicability, fix.edits)
    return Finding(rule.code, rule.name, severity, message, span, fix)


#: Line breaks of any kind (and the vertical tab and form feed) in a message.
_LINE_BREAKS = lazy(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


#: The longest message or fix title a report shows, in characters.
MAX_MESSAGE = 500


def one_line(message: str) -> str:
    """``message`` on one line: text a rule quotes may run over a line break ("'United
    Nations Convention against Cyber-⏎crime' is not the title …"), and a message is one
    line in every report (the terminal's, a GitHub annotation, an editor's hover). At most
    :data:`MAX_MESSAGE` characters, the cut marked "…": a rule, or a house rule's
    message, may quote text of any length (a "word" of 30,000 characters quoted in each
    of its 10,000 findings made a report of 300 MB)."""
    message = _LINE_BREAKS.sub(" ", message)
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


def _house_codes(settings: Settings, style: Style) -> tuple[str, ...]:
    """Codes of the house rules in force, which directives may name like built-in codes."""
    if not style.raw.get("custom-rules") and not settings.custom_rules:
        return ()
    try:
        return tuple(spec.code for spec in effective_specs(settings, style))
    except Exception:  # a broken rule table is reported by the configuration check
        return ()


class _Ran:
    """Which rules this lint ran, to tell a directive that suppresses nothing from one whose
    rules were switched off for this run (``--ignore OPR006``, ``--select HSE``, ``ignore``
    in the configuration): the latter may well suppress findings in an ordinary run, so
    reporting it (and deleting it with SUP001's safe fix) would be wrong."""

    def __init__(self, rules: tuple[Rule, ...], active: list[tuple[Rule, dict]], style: Style) -> None:
        self.rules = rules
        self.active_rules = active
        self.style = style

    @functools.cached_property
    def active(self) -> frozenset[str]:
        """The codes of the rules that ran: asked only of a draft with directives (most
        have none), not gathered for every lint (0.7% of a corpus run)."""
        return frozenset(r.code for r, _ in self.active_rules)

    def all_named(self, d: Directive) -> bool:
        """Whether every rule ``d`` names ran: a rule named by its code, and a rule the style
        runs by default named by a prefix or by a directive without codes (an opt-in rule
        is not counted unless named by its code)."""
        selectors = d.codes or ("ALL",)
        for r in self.rules:
            if r.code in self.active:
                continue
            if r.code in d.codes or matches(r.code, selectors) and rule_enabled(r, _DEFAULT_SETTINGS, self.style):
                return False
        return True


#: The settings of a run that switches no rule on or off (what the style runs by itself).
_DEFAULT_SETTINGS = Settings()


def _apply_directives(
    findings: list[Finding], res: Resolution, settings: Settings, path: str | None, style: Style, ran: _Ran
) -> list[Finding]:
    directives = res.directives
    if not directives:
        return findings
    scopes = _directive_scopes(directives, res)
    house = _house_codes(settings, style)
    hidden, used = suppression.apply([(f.code, f.span.start) for f in findings], directives, scopes, matches)
    kept: list[Finding] = [f for f, h in zip(findings, hidden, strict=False) if not h]
    sup_rules = {r.code: r for r in all_rules() if r.code in ("SUP001", "SUP002")}
    for d, was_used in zip(directives, used, strict=False):
        problem = _directive_problem(d, was_used, house)
        if problem is None:
            continue
        (code, name), msg, unknown = problem
        if (code, name) == UNUSED_DIRECTIVE and not ran.all_named(d):
            continue  # its rules were off for this run: it may suppress findings in another
        rule = sup_rules.get(code)
        if rule is None or not rule_enabled(rule, settings, style, path):
            continue
        fix = _directive_fix(res, d, unknown, malformed=code == MALFORMED_DIRECTIVE[0])
        kept.append(Finding(code, name, severity_for(code, rule.default_severity, settings), one_line(msg), d.span, fix))
    return kept


def _directive_problem(d: Directive, was_used: bool, house: tuple[str, ...]) -> tuple[tuple[str, str], str, str] | None:
    """What is wrong with a directive: ((code, name), message, unknown code or ""), or None."""
    # A code-shaped typo gets the nearest real code; other malformations keep their words.
    unknown = first_unknown(d.codes, house) if not d.malformed or d.malformed.startswith("unknown code") else ""
    if d.malformed or unknown:
        return MALFORMED_DIRECTIVE, f"Malformed resolint directive: {unknown or d.malformed}", unknown
    if d.action in ("ignore", "disable", "file-ignore") and not was_used:
        what = ", ".join(d.codes) if d.codes else "any rule"
        return UNUSED_DIRECTIVE, f"This directive suppresses nothing: no {what} finding in its scope", unknown
    return None


def _directive_fix(res: Resolution, d: Directive, unknown: str, malformed: bool) -> Fix | None:
    """Removing the directive, unless that could lose text or hide a typo to correct.

    Safe for a directive that suppresses nothing (unless typed inside a word, see below);
    unsafe for one that cannot be read
    (``disable=OPR006 -- reason``): that is a typo in what the drafter meant to say, and
    deleting it erases their intent and their reason, so ``--fix`` leaves it to be
    corrected and only ``--unsafe-fixes`` or the editor's quick fix deletes it.
    """
    # A comment that runs over several lines may be one left open by mistake, which
    # swallowed draft text up to the next "-->": deleting it would delete that text.
    body = res.source.text[d.span.start : d.span.end]
    # A directive naming an unknown code is a typo to correct, not noise to delete.
    if "\n" in body or "\r" in body or unknown:
        return None
    text = res.source.text
    if is_lone_label(text[text.rfind("\n", 0, d.span.start) + 1 : d.span.start]):
        # "(a) <!-- … -->": without the comment the label stands alone and its paragraph
        # goes on on the next line, which moves the directives there into another scope.
        return None
    return (Fix.unsafe if malformed or _removal_rereads(text, d) else Fix.safe)("Remove the directive", *_removal_edits(res, d))


def _removal_rereads(text: str, d: Directive) -> bool:
    """Whether removing ``d`` may change how the text around it is read, so that the
    removal is no longer a safe fix that only deletes a comment.

    Typed inside a word or number ("3<!-- … -->0 December"): the lint read the two sides
    apart, and the removal joins them into a date the citation checks read. Typed right
    after the first token of a line, with text after it ("1<!-- … --> requests …"): the
    label reader stopped at the comment, and without it "1" becomes the paragraph's number.
    """
    start, end = d.span.start, d.span.end
    if start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
        return True
    if start == 0 or text[start - 1].isspace():
        return False  # "Noting <!-- … --> the report,": the words stay apart either way
    line_end = text.find("\n", end)
    before = text[text.rfind("\n", 0, start) + 1 : start].strip()
    after = text[end : len(text) if line_end < 0 else line_end].strip()
    return bool(before) and bool(after) and not any(ch.isspace() for ch in before)


def _removal_edits(res: Resolution, d: Directive) -> tuple[Edit]:
    """Delete a directive; when it stands alone on its line, delete the line too."""
    text = res.source.text
    start, end = d.span.start, d.span.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end_nl = text.find("\n", end)
    line_end = len(text) if line_end_nl < 0 else line_end_nl + 1
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return (Edit(Span(line_start, line_end), ""),)
    # Inside a line: with the spaces before it when nothing but a mark or the line's end
    # follows ("…act; <!-- … -->", "…report <!-- … -->,"), else with those after it.
    before = start
    while before > line_start and text[before - 1] in " \t":
        before -= 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after == len(text) or text[after] in "\r\n" or text[after] in _MARKS_AFTER_A_WORD:
        return (Edit(Span(before, end), ""),)
    return (Edit(Span(start, after if before < start or start == line_start else end), ""),)


#: Marks that follow a word without a space: a directive removed before one takes the
#: space before it too.
_MARKS_AFTER_A_WORD = frozenset(",;:.!?)]")


def _directive_scopes(directives: list[Directive], res: Resolution) -> list[Span | None]:
    """The span each directive covers (None for ``enable``, which only ends a scope)."""
    n = len(res.source.text)
    places = _BodyIndex(res.body)
    enables = _enables_by_code(directives)
    reach: dict[int, int] = {}
    scopes: list[Span | None] = []
    for i, d in enumerate(directives):
        if d.action == "file-ignore":
            scopes.append(Span(0, n))
        elif d.action == "ignore":
            # The paragraph the comment sits in (inline at its end) or the one after it.
            target = places.containing(d.span.start) or places.first_after(d.span.end)
            scopes.append(Span(d.span.end, d.span.end) if target is None else Span(target.span.start, _last_end(target, reach)))
        elif d.action == "disable":
            scopes.append(Span(d.span.end, _disable_end(i, d, directives, enables, n)))
        else:
            scopes.append(None)
    return scopes


def _enables_by_code(directives: list[Directive]) -> dict[str, list[int]]:
    """The indexes of the ``enable`` directives by each code they name ("" for none), in order."""
    enables: dict[str, list[int]] = {}
    for i, d in enumerate(directives):
        if d.action == "enable":
            for c in d.codes or ("",):
                enables.setdefault(c, []).append(i)
    return enables


def _disable_end(i: int, d: Directive, directives: list[Directive], enables: dict[str, list[int]], n: int) -> int:
    """Where the ``disable`` at ``i`` ends: at the first later enable naming no code, or
    (for a disable naming none) any, or one sharing a code; else at the end of the text."""
    keys = list(enables) if not d.codes else ["", *d.codes]
    later = [lst[k] for lst in (enables.get(c, []) for c in keys) if (k := bisect.bisect_right(lst, i)) < len(lst)]
    return directives[min(later)].span.start if later else n


class _BodyIndex:
    """The paragraph holding an offset, or the first after it. Paragraphs lie in order and
    apart, so bisection finds them (a scan per directive was quadratic with thousands);
    the scan remains for the case they do not."""

    def __init__(self, body: list[Paragraph]) -> None:
        self.body = body
        self.starts = [p.span.start for p in body]
        self.apart = all(a.span.end <= b.span.start for a, b in zip(body, body[1:], strict=False))

    def containing(self, offset: int) -> Paragraph | None:
        if not self.apart:
            return next((p for p in self.body if p.span.start <= offset < p.span.end), None)
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.body[k] if k >= 0 and offset < self.body[k].span.end else None

    def first_after(self, offset: int) -> Paragraph | None:
        if not self.apart:
            return next((p for p in self.body if p.span.start >= offset), None)
        j = bisect.bisect_left(self.starts, offset)
        return self.body[j] if j < len(self.body) else None


def _last_end(p: Paragraph, memo: dict[int, int]) -> int:
    """Where ``p`` ends with all its sub-paragraphs (they belong to it), memoized."""
    if id(p) not in memo:
        end = p.span.end
        stack = list(p.children)
        while stack:
            c = stack.pop()
            end = max(end, c.span.end)
            stack.extend(c.children)
        memo[id(p)] = end
    return memo[id(p)]
