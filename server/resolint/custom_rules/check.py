"""The configuration check of house rules: each one must be able to run as written.

Called by :func:`resolint.config_check.check_settings` after the shape of every key is
known good. For every custom rule the configuration defines or selects (its own
``[[custom-rules]]``, its styles', and the rules of the style it names), it checks that:

- the code does not clash with a registered rule's code or family;
- attributes that need a trained pipeline (POS, TAG, DEP, ...) have one configured
  (``[nlp] pipeline = ...``) that loads and sets them;
- spaCy accepts the pattern, and it does not match every word of any text
  (``[{}]``, ``[{ OP = "*" }]``, a ``REGEX`` of ``.*``: a finding on every word);
- the rule fires on its ``example`` draft and stays silent on its ``use-instead`` draft;
- its fix, applied to the example, removes the finding and writes nothing the style's
  own rules flag (:func:`_check_fix_agrees`) nor another house rule of the
  configuration does (:func:`_check_house_rules_agree`).

Each problem is one :class:`~resolint.config.ConfigError` whose key names the rule.
Nothing here runs, and spaCy is not imported, when there are no house rules and no
pipeline.
"""

from __future__ import annotations

import functools
import re
import weakref
from dataclasses import replace
from pathlib import Path
from typing import Any

from resolint.custom_rules import effective_specs, ruleset_for, style_specs
from resolint.custom_rules.config import config_error
from resolint.custom_rules.rule import rule_class
from resolint.custom_rules.spec import TRAINED_ATTRS, RuleSpec, SpecError
from resolint.engine import lint, resolve_style, rule_enabled
from resolint.fixes import apply_edits
from resolint.parser import parse
from resolint.registry import all_rules
from resolint.settings import ConfigError
from resolint.styles import builtin_style_names, load_style

INSTALL_HINT = (
    "name an installed pipeline in the configuration ([nlp] pipeline = \"en_core_web_sm\") and install it "
    "(python -m spacy download en_core_web_sm)"
)


def _groups(settings: Any) -> list[tuple[str, str, tuple[RuleSpec, ...]]]:
    """(style for the examples, key prefix for errors, rules) for each lint setup."""
    out = []
    for name in settings.styles:
        style = load_style(name, settings.styles)
        try:
            out.append((name, f"styles.{name}.", effective_specs(settings, style)))
        except SpecError as exc:
            raise SpecErrorAt(f"styles.{name}.", exc) from None
    if settings.style != "auto" and settings.style not in settings.styles:
        style = load_style(settings.style, settings.styles)
        try:
            out.append((settings.style, "", effective_specs(settings, style)))
        except SpecError as exc:
            raise SpecErrorAt(f"style {settings.style}: ", exc) from None
    elif settings.custom_rules:
        out.append(("auto", "", tuple(settings.custom_rules)))
    return [g for g in out if g[2]]


@functools.lru_cache(maxsize=1)
def _shipped_specs() -> frozenset[RuleSpec]:
    """The house rules the built-in styles ship, as shipped: their examples are linted by
    the project's own tests (tests/custom_rules), not by every run whose configuration
    names the style. Checked there, they imported spaCy and filled lemmas (MUN002's, a
    rule off unless selected) for a draft the lint itself gives spaCy nothing of."""
    return frozenset(spec for name in builtin_style_names() for spec in style_specs(load_style(name)))


class SpecErrorAt(Exception):
    def __init__(self, prefix: str, exc: SpecError) -> None:
        self.prefix = prefix
        self.exc = exc


def check_custom_rules(settings: Any, path: Path | str | None) -> None:
    """Raise ConfigError for the first house rule that cannot run as written."""
    try:
        groups = _groups(settings)
    except SpecErrorAt as err:
        e = config_error(path, err.exc)
        raise ConfigError(path, err.prefix + e.key, e.problem) from None
    pipeline = getattr(settings, "nlp_pipeline", None)
    if not groups and not pipeline:
        return
    nlp = None
    if pipeline:
        from resolint.custom_rules.pipeline import PipelineError, load_pipeline  # lazy: spaCy loads only when house rules exist

        try:
            nlp = load_pipeline(pipeline)
        except PipelineError as exc:
            users = sorted({s.code for _, _, specs in groups for s in specs if s.trained_attributes})
            needed = f" (needed by {', '.join(users)})" if users else ""
            raise ConfigError(path, "nlp.pipeline", f"{exc}{needed}") from None
    checked: set[RuleSpec] = set(_shipped_specs())
    for style_name, prefix, specs in groups:
        # Found once per group: looked up per rule, its cache hashed all the group's
        # rules each time (5,000 house rules: 50 s, quadratic).
        ruleset = ruleset_for(specs, pipeline) if any(spec not in checked for spec in specs) else None
        for spec in specs:
            if spec in checked:
                continue
            checked.add(spec)
            try:
                _check_one(spec, ruleset, style_name, settings, pipeline, nlp)
            except SpecError as exc:
                # The rule the error names: checking one rule compiles its group's shared
                # matchers, so a bad pattern of another rule (the configuration's, checked
                # with a style's) is found then, and its key is that rule's.
                failing = next((s for s in specs if s.code == exc.rule), spec)
                e = config_error(path, exc)
                raise ConfigError(path, (prefix if failing.source.startswith("style") else "") + e.key, e.problem) from None


def _check_one(spec: RuleSpec, ruleset, style_name: str, settings: Any, pipeline: str | None, nlp) -> None:
    for rule in all_rules():
        if rule.code == spec.code:
            raise SpecError(spec.code, "code", f"{spec.code} is the code of a built-in rule ({rule.name})")
        if rule.code[:3] == spec.code[:3]:
            raise SpecError(spec.code, "code", f"the prefix {spec.code[:3]} belongs to built-in rules such as {rule.code}; "
                            "choose a house prefix of your own")
    trained = spec.trained_attributes
    if trained and nlp is None:
        attrs = ", ".join(trained)
        raise SpecError(spec.code, "pattern", f"uses {attrs}, which only a trained pipeline sets; {INSTALL_HINT}")
    if trained:
        from resolint.custom_rules.pipeline import NEEDS, assigned  # lazy: spaCy loads only when house rules exist

        sets = assigned(nlp)
        for attr in trained:
            if not NEEDS[attr] & sets:
                raise SpecError(
                    spec.code, "pattern",
                    f"uses {attr}, which the pipeline '{pipeline}' does not set (it needs {TRAINED_ATTRS[attr]}; "
                    f"the pipeline has: {', '.join(nlp.pipe_names) or 'no components'})",
                )
    ruleset.matcher(spec)
    _check_not_everything(spec, ruleset)
    _check_examples(spec, ruleset, style_name, settings, pipeline)


def _check_fix_clears(spec: RuleSpec, draft: str, found: list, lint_text) -> None:
    """Fixing one finding of the example must leave one finding fewer: a replacement the
    pattern matches again ("Secretary general" for "Secretary General", a typo of the
    secretary's) would be offered, and applied by --fix, for ever."""
    first = next((f for f in found if f.fix is not None), None)
    if first is None:
        return
    fixed = apply_edits(draft, first.fix.edits)
    again = [f for f in lint_text(fixed).findings if f.code == spec.code]
    if len(again) >= len(found):
        at = first.fix.edits[0].span.start
        where = fixed[at : at + len(first.fix.edits[0].new_text) + 20].split("\n")[0]
        raise SpecError(spec.code, "replace", f"the fix does not remove the finding: on the example it writes "
                        f"'{where}', which the pattern matches again; check the replacement for a typo")


def _check_fix_agrees(spec: RuleSpec, draft: str, found: list, others: Any, style_name: str) -> None:
    """The fix, applied to the example, must not write what a rule of the style flags
    (selected as the configuration selects): "member countries" for "Member States" in
    a UN style, whose TRM006 asks for "Member States" back — the two fixes undo each
    other, and ``--fix`` leaves a finding on every replacement.

    Whether a replacement is misspelt the check cannot tell (no dictionary says
    "member countires" is no word); it says what the style's rules find in it, and only
    what they did not find in the text it replaces. The configuration's other house
    rules are :func:`_check_house_rules_agree`'s."""
    first = next((f for f in found if f.fix is not None and len(f.fix.edits) == 1), None)
    if first is None:
        return
    (edit,) = first.fix.edits
    lo, hi = edit.span.start, edit.span.start + len(edit.new_text)
    if lo == hi:
        return
    before = lint(draft, others, style=style_name).findings
    known = {f.code for f in before if f.span.start < first.span.end and first.span.start < f.span.end}
    fixed = apply_edits(draft, first.fix.edits)
    for g in lint(fixed, others, style=style_name).findings:
        if g.code != spec.code and g.code not in known and g.span.start < hi and lo < g.span.end:
            raise SpecError(spec.code, "replace", f"on the example the fix writes '{fixed[lo:hi]}', which {g.code} of the "
                            f"style flags ('{g.message}'): the two rules disagree, and each fix undoes the other's; change "
                            f"the replacement, or turn {g.code} off (ignore = [\"{g.code}\"])")


#: Ordinary words of a resolution, none of them a mistake: a pattern that matches each of
#: them matches any text.
PROBE = "Requests the Secretary-General to report to the Assembly at its next session, and calls upon States to act"


def _check_not_everything(spec: RuleSpec, ruleset) -> None:
    found = ruleset.probe(PROBE, spec)
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", PROBE)]
    if all(any(s <= ws and we <= e for s, e, _ in found) for ws, we in words):
        raise SpecError(spec.code, "pattern", "matches every word of any text (it flagged each word of "
                        f"'{PROBE}'): give each token table an attribute to compare, such as "
                        '[{ LOWER = "utilize" }], or a REGEX that only the wrong words fit')


def _check_examples(spec: RuleSpec, ruleset, style_name: str, settings: Any, pipeline: str | None) -> None:
    if not spec.example.strip():
        _check_replacement_alone(spec, ruleset, replace(settings, style=style_name, custom_rules=(), per_file_ignores=()))
    if not spec.example.strip() and not spec.use_instead.strip():
        return

    rule = rule_class(spec)(ruleset)
    # Selected by code: a rule a style makes opt-in (lint.opt-in) still runs on its own examples.
    base = replace(settings, style=style_name, custom_rules=(), select=(spec.code,), ignore=(), extend_select=(), per_file_ignores=())
    for key, draft, should_fire in (("example", spec.example, True), ("use-instead", spec.use_instead, False)):
        if not draft.strip():
            continue
        result = lint(draft, base, style=style_name, rules=[rule])
        found = [f for f in result.findings if f.code == spec.code]
        if should_fire and not found:
            raise SpecError(spec.code, key, "the rule does not fire on its example draft: the pattern, part or "
                            "opener-only setting does not match it (an example is a short draft with the part the rule looks at)")
        if should_fire:
            _check_fix_clears(spec, draft, found, lambda text: lint(text, base, style=style_name, rules=[rule]))
            _check_fix_agrees(spec, draft, found, replace(settings, custom_rules=(), per_file_ignores=()), style_name)
            _check_house_rules_agree(spec, draft, found, ruleset, replace(settings, style=style_name, custom_rules=(), per_file_ignores=()))
        if not should_fire and found:
            matched = result.source.text[found[0].span.start : found[0].span.end]  # (the text, not the rule's message)
            raise SpecError(spec.code, key, f"the rule fires on its use-instead draft (on '{matched}'): "
                            "this draft should show the right way")


def _check_house_rules_agree(spec: RuleSpec, draft: str, found: list, ruleset, settings: Any) -> None:
    """The fix, applied to the example, must not write what another house rule of the
    configuration flags (both selected as the configuration selects) unless the fixes
    that follow settle it: "assist" for "help" beside a rule asking for "help" back
    (each undoes the other's), three rules going round (help, assist, aid, help), or a
    rule flagging "assist" with no fix. ``--fix`` refused the fixes that bring a finding
    back ("each would undo another fix"), and the editor offered them in turn for ever;
    the check knew only the style's built-in rules. A chain that settles ("aid" to
    "help" to "assist") is accepted. See :func:`_fix_chain`."""
    first = next((f for f in found if f.fix is not None and len(f.fix.edits) == 1), None)
    if first is None or len(ruleset.specs) < 2:
        return
    if not any(f.code == spec.code for f in lint(draft, settings, rules=[rule_class(spec)(ruleset)]).findings):
        return  # the configuration turns the rule off: its fix is never applied
    (edit,) = first.fix.edits
    lo, hi = edit.span.start, edit.span.start + len(edit.new_text)
    if lo == hi:
        return
    fixed = apply_edits(draft, first.fix.edits)
    problem = _fix_chain(spec.code, draft, first, fixed, ruleset, settings)
    if problem is not None:
        g, why = problem
        raise SpecError(spec.code, "replace", f"on the example the fix writes '{fixed[lo:hi]}', which the house rule "
                        f"{g.code} flags ('{g.message}'): {why}; change the replacement or one of the patterns")


#: A short draft with a paragraph of each part a house rule may look in; ``{}`` is where
#: its replacement goes (as an opener for an opener-only rule: :data:`_OPENER_PROBES`).
_PROBES = {
    "preamble": "The General Assembly,\n\nRecalling {},\n\n1. Decides to act.\n",
    "operative": "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides {}.\n",
    "subparagraph": "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides:\n\n(a) {};\n\n(b) To act.\n",
}
_OPENER_PROBES = {
    "preamble": "The General Assembly,\n\n{} its resolution 70/1,\n\n1. Decides to act.\n",
    "operative": "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. {} to act.\n",
}


def _check_replacement_alone(spec: RuleSpec, ruleset, settings: Any) -> None:
    """A house rule without an example has no draft to apply its fix to, so
    :func:`_check_house_rules_agree` could not follow its fix: two such rules whose fixes
    undo each other ("help" to "assist" and back) were accepted, and ``--fix`` refused
    both fixes on every draft. Its replacement, when it is plain text (no placeholder:
    what a template writes depends on the match), is what its fix always writes: put in
    a short draft where the rule looks (:data:`_PROBES`), the other house rules' fixes
    are followed from it as from an example's fixed text. A rule that flags the
    replacement is blamed only where it flags the replacement itself. Rules that look
    at the title or the opening only are not probed (no short draft places free words
    there)."""
    text = spec.replace
    if text is None or not text.strip() or len(ruleset.specs) < 2 or "{" in text.replace("{{", "").replace("}}", ""):
        return
    text = text.replace("{{", "{").replace("}}", "}")
    probes = _OPENER_PROBES if spec.opener_only else _PROBES
    part = next((p for p in spec.parts if p in probes), None)
    if part is None:
        return
    head, tail = probes[part].split("{}")
    draft = head + text + tail
    if not rule_enabled(rule_class(spec)(ruleset), settings, resolve_style(parse(draft), settings)):
        return  # the configuration turns the rule off: its fix is never applied
    where = (len(head), len(head) + len(text))
    problem = _chain_from(spec.code, draft, where, ruleset, settings, {}, None)
    if problem is not None:
        g, why = problem
        raise SpecError(spec.code, "replace", f"its fix writes '{text}', which the house rule {g.code} flags ('{g.message}'): "
                        f"{why}; change the replacement or one of the patterns")


#: How many fixes in a row :func:`_fix_chain` follows before it stops looking.
MAX_CHAIN = 8


def _fix_chain(code: str, draft: str, first, fixed: str, ruleset, settings: Any):
    """Follow the fixes ``--fix`` would apply after rule ``code``'s on its example: the
    first house rule that flags the text the last fix wrote (and, after the first fix,
    did not flag there before it), its fix, and so on. None when the chain settles (or
    runs past :data:`MAX_CHAIN`); else the first rule's finding and why the rules cannot
    all be kept: a rule with no fix is left, or the fixes come back to a text already
    written (two undoing each other, or more going round)."""
    edit = first.fix.edits[0]
    where = (edit.span.start, edit.span.start + len(edit.new_text))
    return _chain_from(code, fixed, where, ruleset, settings, {draft: code}, (draft, first.span))


def _chain_from(code: str, text: str, where: tuple[int, int], ruleset, settings: Any, fixer_of: dict[str, str], before):
    """:func:`_fix_chain` from ``text``, where rule ``code``'s fix has just written
    ``where``; ``fixer_of``: the texts met so far and the rule whose fix they gave to;
    ``before``: see :func:`_flagging` (None: any finding there counts)."""
    codes, head = [code], None
    for step in range(MAX_CHAIN):
        g = _flagging(ruleset, settings, text, where, codes[-1], before if step == 0 else None)
        if g is None:
            return None
        head = head or g
        codes.append(g.code)
        if g.fix is None:
            return head, f"the rules disagree, and --fix leaves a {g.code} finding on every replacement"
        fixer_of[text] = g.code
        after = apply_edits(text, g.fix.edits)
        if after in fixer_of:
            how = "each fix undoes the other's" if len(set(codes)) == 2 else "their fixes go round in a circle"
            return head, f"the rules disagree, and {how} ({', '.join([*codes, fixer_of[after]])}, …)"
        where = (g.fix.edits[0].span.start, g.fix.edits[-1].span.end + len(after) - len(text))
        text = after
    return None


def _flagging(ruleset, settings: Any, text: str, where: tuple[int, int], last: str, before):
    """The first finding of a house rule but ``last`` over ``where`` in ``text``; with
    ``before`` (the text before the first fix and that fix's span), not one its rule
    made there already. Candidates come from one pass of the rules' shared matchers
    over the paragraph (:func:`_matching_there`: linting with every house rule would
    cost each rule a pass over all the others); each is linted alone, as the
    configuration runs it."""
    lo, hi = where
    for other in _matching_there(ruleset, text, lo, hi, last):
        rule = rule_class(other)(ruleset)
        if before is not None:
            old, span = before
            if any(f.code == other.code and f.span.start < span.end and span.start < f.span.end
                   for f in lint(old, settings, rules=[rule]).findings):
                continue
        g = next((f for f in lint(text, settings, rules=[rule]).findings
                  if f.code == other.code and f.span.start < hi and lo < f.span.end), None)
        if g is not None:
            return g
    return None


def _matching_there(ruleset, text: str, lo: int, hi: int, code: str) -> list[RuleSpec]:
    """The house rules of ``ruleset`` but ``code`` with a match in ``text`` over
    ``[lo, hi)``, from one pass of each group of shared matchers over its paragraph."""
    para = next((p for p in parse(text).paragraphs if p.content.start <= lo and hi <= p.content.end), None)
    if para is None:
        return []
    start = para.content.start
    chunk = text[start : para.content.end]
    codes: set[str] = set()
    heads, order = _groups_of(ruleset)
    for one in heads:  # a rule of each group of matchers
        for other, spans in ruleset.matches(chunk, one).items():
            if other != code and any(s + start < hi and lo < e + start for s, e, _ in spans):
                codes.add(other)
    return [spec for _, spec in sorted((order[c], ruleset.specs[order[c]]) for c in codes if c in order)]


#: Per rule set: a rule of each group of shared matchers, and each rule's place by code.
_GROUPS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _groups_of(ruleset) -> tuple[list[RuleSpec], dict[str, int]]:
    """What :func:`_matching_there` needs of the whole rule set, found once per set: found
    at each call, every rule checked went over every rule (3,200 rules: 10 s)."""
    got = _GROUPS.get(ruleset)
    if got is None:
        heads = list({ruleset.apart(s): s for s in ruleset.specs}.values())
        got = _GROUPS[ruleset] = (heads, {s.code: i for i, s in enumerate(ruleset.specs)})
    return got
