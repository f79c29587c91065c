"""A ``[[custom-rules]]`` table, read and checked without importing spaCy.

This module turns one table of a style or of ``resolint.toml`` into a :class:`RuleSpec`
and reports the first problem as a :class:`SpecError` naming the rule and the key. It
checks everything that can be checked from the table alone — key names and types, the
code's house prefix, message and replacement placeholders, the shape of the pattern and
the attribute names it uses — so that a typo is caught when the configuration is read,
not when a draft is linted. Whether spaCy accepts the pattern's values, and whether a
configured pipeline sets the attributes a rule needs, is checked later by
:mod:`resolint.custom_rules.check`, which may import spaCy.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from resolint.custom_rules.bounds import over_bound, pattern_size
from resolint.custom_rules.spacing import composed
from resolint.lazyre import lazy
from resolint.records import record
from resolint.styles import StyleError

#: Parts of a resolution a rule may look at (``any``: all of them).
PARTS = ("title", "opening", "preamble", "operative", "subparagraph")
SEVERITIES = ("error", "warning", "info")
FIXES = ("safe", "unsafe")
#: The families of the built-in rules: a house rule's code must use another prefix, so
#: that ``--select OPR`` or a directive for ``TRM`` never catches a house rule.
BUILTIN_FAMILIES = frozenset({"DOC", "PRE", "OPR", "CIT", "TRM", "SUP"})
CODE = lazy(r"^[A-Z]{3}\d{3}$")
NAME = lazy(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

#: Token attributes that tokenization alone sets (spaCy's Matcher names).
TEXT_ATTRS = frozenset(
    ["ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "LENGTH", "SPACY", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY", "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"]
)
#: Set by resolint itself from lemminflect when no trained pipeline sets it.
LEMMA_ATTRS = frozenset({"LEMMA"})
#: Attributes only a trained pipeline sets, with what in the pipeline sets them.
TRAINED_ATTRS = {
    "POS": "a tagger with an attribute ruler, or a morphologizer",
    "TAG": "a tagger",
    "MORPH": "a morphologizer",
    "DEP": "a parser",
    "ENT_TYPE": "an entity recognizer (ner)",
    "ENT_IOB": "an entity recognizer (ner)",
    "ENT_ID": "an entity recognizer or entity ruler",
    "ENT_KB_ID": "an entity linker",
    "IS_SENT_START": "a parser or senter",
    "SENT_START": "a parser or senter",
}
OPERATOR = "OP"
ALL_ATTRS = TEXT_ATTRS | LEMMA_ATTRS | frozenset(TRAINED_ATTRS) | {OPERATOR}
#: Keys of one node of a DependencyMatcher pattern.
DEP_NODE_KEYS = frozenset({"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"})
#: Attributes a PhraseMatcher may compare (``attr = ...``).
PHRASE_ATTRS = ("LOWER", "ORTH", "TEXT", "NORM", "LEMMA", "SHAPE", "POS", "TAG", "MORPH")

#: Every key a rule table may have; the first five are required.
KEYS = (
    "code", "message", "pattern", "severity", "part", "opener-only", "attr", "replace", "fix", "fix-title",
    "name", "description", "why", "example", "use-instead", "exceptions",
)
PLACEHOLDER = lazy(r"\{([^{}]*)\}")
PLACEHOLDER_BODY = lazy(r"^(?P<what>match|[1-9]\d*)(?::(?P<case>lower|upper|capitalize|title))?$")
PLACEHOLDER_HELP = "{match} or {1}, {2}, … (the match's tokens), optionally with :lower, :upper, :capitalize or :title"


class SpecError(StyleError):
    """A problem in one custom rule's table: which rule, which key, what is wrong.

    A StyleError, so a broken rule in a style is reported as the style's problem by
    every caller (the CLI's exit 2, the language server's message)."""

    def __init__(self, rule: str, key: str, problem: str) -> None:
        self.rule = rule
        self.key = key
        self.problem = problem
        super().__init__(f"custom rule {rule}: {key + ': ' if key else ''}{problem}")


@record(frozen=True, slots=True)
class RuleSpec:
    """One custom rule as written, checked. Hashable: compiled matchers are cached by it."""

    code: str
    name: str
    message: str
    severity: str
    parts: tuple[str, ...]
    opener_only: bool
    kind: str  # "token" (Matcher), "phrase" (PhraseMatcher) or "dependency" (DependencyMatcher)
    pattern: Any  # frozen: tuples of tuples of (key, value) pairs, or a tuple of strings
    attr: str  # for phrase lists: the token attribute compared
    replace: str | None
    fix: str | None
    fix_title: str
    description: str
    why: str
    example: str
    use_instead: str
    source: str  # where it was defined ("style mun", "resolint.toml")
    #: Names the pattern's words may stand in ("UN Women" for "UN"): a match inside one,
    #: written as given (case and whole words), is not reported.
    exceptions: tuple[str, ...] = ()

    @property
    def attributes(self) -> frozenset[str]:
        """Every token attribute the rule compares."""
        return pattern_attributes(self.kind, thaw(self.pattern), self.attr)

    @property
    def trained_attributes(self) -> list[str]:
        """The attributes that need a trained pipeline, in a stable order."""
        return sorted(a for a in self.attributes if a in TRAINED_ATTRS)

    @property
    def needs_lemmas(self) -> bool:
        return "LEMMA" in self.attributes

    def patterns(self) -> list:
        """The pattern(s) as spaCy takes them: a list of token patterns, of phrases, or
        one dependency pattern; their words composed, as the text they are matched
        against is (:mod:`resolint.custom_rules.spacing`)."""
        raw = composed(thaw(self.pattern))
        if self.kind == "token" and raw and isinstance(raw[0], dict):
            return [raw]
        return raw


def upper_keys(obj: Any) -> Any:
    """``obj`` with every table's keys in capitals: spaCy names attributes so, and a
    house may write ``lower = "urges"`` (the matcher and the candidate test read it so)."""
    if isinstance(obj, dict):
        return {(k.upper() if isinstance(k, str) else k): upper_keys(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [upper_keys(v) for v in obj]
    return obj


def freeze(obj: Any) -> Any:
    if isinstance(obj, dict):
        return ("__dict__", tuple((k, freeze(v)) for k, v in obj.items()))
    if isinstance(obj, list):
        return tuple(freeze(v) for v in obj)
    return obj


def thaw(obj: Any) -> Any:
    if isinstance(obj, tuple) and len(obj) == 2 and obj[0] == "__dict__":
        return {k: thaw(v) for k, v in obj[1]}
    if isinstance(obj, tuple):
        return [thaw(v) for v in obj]
    return obj


def _type(value: Any) -> str:
    return {str: "a string", bool: "a boolean", int: "an integer", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def _str(rule: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise SpecError(rule, key, f"expected a string, got {_type(value)}")
    return value


#: What :func:`fill` reads in a template: an escaped brace, or a placeholder.
_TEMPLATE_PART = lazy(r"\{\{|\}\}|\{[^{}]*\}")
#: A quantifier operator of spaCy's Matcher: ``{2}``, ``{1,3}``, ``{2,}``, ``{,3}``.
_QUANTIFIER = lazy(r"^\{(\d*)(,?)(\d*)\}$")


def check_template(rule: str, key: str, template: str, max_tokens: int | None = None) -> None:
    """Placeholders in a message or replacement must be ones :func:`fill` knows, name a
    token the match can have (``max_tokens``: the most a match has, None when unbounded),
    and braces must pair up: a ``{3}`` past a two-token pattern, or a ``{match`` left
    open, would otherwise render empty or as written, and a safe fix would delete the
    match or write the brace into the draft."""
    pos = 0
    for m in _TEMPLATE_PART.finditer(template):
        _check_literal(rule, key, template[pos : m.start()])
        pos = m.end()
        if m.group(0) in ("{{", "}}"):
            continue
        inner = m.group(0)[1:-1]
        body = PLACEHOLDER_BODY.match(inner.strip())
        if not body:
            raise SpecError(rule, key, f"unknown placeholder '{{{inner}}}' (use {PLACEHOLDER_HELP})")
        what = body.group("what")
        if what != "match" and max_tokens is not None and int(what) > max_tokens:
            raise SpecError(rule, key, f"placeholder '{{{inner}}}' names token {what}, but a match of the pattern has "
                            f"at most {max_tokens} token{'s' if max_tokens != 1 else ''}")
    _check_literal(rule, key, template[pos:])


def _check_literal(rule: str, key: str, text: str) -> None:
    for brace in "{}":
        if brace in text:
            raise SpecError(rule, key, f"a '{brace}' that opens or closes no placeholder (write '{brace * 2}' for a brace)")


def max_tokens(kind: str, pattern: list) -> int | None:
    """The most tokens a match of a token pattern can have (of its longest alternative),
    None when that is not fixed: an operator ``*``, ``+`` or ``{2,}``, or a phrase list or
    dependency pattern, whose tokens spaCy's tokenizer or parser decide."""
    if kind != "token":
        return None
    most = 0
    for tokens in pattern if isinstance(pattern[0], list) else [pattern]:
        count = 0
        for token in tokens:
            op = next((v for k, v in token.items() if k.upper() == OPERATOR), None)
            at_most = _op_max(op)
            if at_most is None:
                return None
            count += at_most
        most = max(most, count)
    return most


def _op_max(op: Any) -> int | None:
    """How many tokens one token table with operator ``op`` matches at most (None: no limit)."""
    if op is None or op in ("1", "?"):
        return 1
    if op == "!":
        return 0
    m = _QUANTIFIER.match(op) if isinstance(op, str) else None
    if m is None:
        return None  # "*", "+", or a value spaCy refuses later
    low, comma, high = m.groups()
    bound = high if comma else low
    return int(bound) if bound else None


def references_past(template: str, count: int) -> bool:
    """Whether ``template`` names a token past the ``count`` a match has (``{2}`` of a
    one-token match): that placeholder is filled with nothing, which is right for an
    optional token and would delete the match where the whole replacement is such tokens."""
    for m in PLACEHOLDER.finditer(template):
        body = PLACEHOLDER_BODY.match(m.group(1).strip())
        if body is not None and body.group("what") != "match" and int(body.group("what")) > count:
            return True
    return False


def fill(template: str, match: str, tokens: list[str]) -> str:
    """Replace the placeholders of a checked template with the match's text."""

    def one(m: re.Match[str]) -> str:
        body = PLACEHOLDER_BODY.match(m.group(1).strip())
        if body is None:  # checked when read; keep the text as written if not
            return m.group(0)
        what = body.group("what")
        if what == "match":
            value = match
        else:
            i = int(what) - 1
            value = tokens[i] if i < len(tokens) else ""
        case = body.group("case")
        if case == "lower":
            value = value.lower()
        elif case == "upper":
            value = value.upper()
        elif case == "capitalize":
            value = value[:1].upper() + value[1:]
        elif case == "title":
            value = value.title()
        return value

    out = []
    pos = 0
    for m in re.finditer(r"\{\{|\}\}|\{[^{}]*\}", template):
        out.append(template[pos : m.start()])
        tok = m.group(0)
        out.append(tok[0] if tok in ("{{", "}}") else one(PLACEHOLDER.match(tok)))
        pos = m.end()
    out.append(template[pos:])
    return "".join(out)


def _token_attrs(rule: str, where: str, token: Any, allow: frozenset[str]) -> set[str]:
    if not isinstance(token, dict):
        raise SpecError(rule, where, f"expected a token table such as {{ LOWER = \"urges\" }}, got {_type(token)}")
    found: set[str] = set()
    for key in token:
        attr = key.upper() if isinstance(key, str) else key
        if attr == "_":
            raise SpecError(rule, f"{where}.{key}", "custom extension attributes (_) are not available to house rules")
        if attr not in allow:
            known = ", ".join(sorted(allow - {OPERATOR}))
            near = difflib.get_close_matches(str(attr), sorted(allow), n=1)
            hint = f"did you mean {near[0]}? " if near else ""
            raise SpecError(rule, f"{where}.{key}", f"unknown token attribute '{key}' ({hint}known: {known})")
        if isinstance(token[key], list) and attr != OPERATOR:  # { LOWER = ["a", "b"] }: spaCy's message is a schema's
            choices = ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in token[key][:3])
            raise SpecError(rule, f"{where}.{key}", f"takes one value, not a list: for any of several write "
                            f"{{ {key} = {{ IN = [{choices}] }} }}")
        found.add(attr)
    return found


def pattern_kind(rule: str, pattern: Any) -> str:
    """``token``, ``phrase`` or ``dependency``, from the pattern's shape."""
    if not isinstance(pattern, list) or not pattern:
        raise SpecError(
            rule, "pattern", "expected a non-empty list: token tables ([{ LOWER = \"urges\" }]), phrases ([\"in order to\"]) "
            "or a dependency pattern"
        )
    if all(isinstance(p, str) for p in pattern):
        return "phrase"
    if all(isinstance(p, dict) for p in pattern):
        if any("RIGHT_ID" in p for p in pattern):
            return "dependency"
        return "token"
    if all(isinstance(p, list) for p in pattern):
        return "token"
    raise SpecError(rule, "pattern", "mixes token tables, phrases and lists: use one kind of pattern per rule")


def pattern_attributes(kind: str, pattern: Any, attr: str = "LOWER") -> frozenset[str]:
    if kind == "phrase":
        return frozenset({attr})
    found: set[str] = set()
    if kind == "dependency":
        for node in pattern:
            found.update(k.upper() for k in (node.get("RIGHT_ATTRS") or {}))
        found.add("DEP")
        return frozenset(found - {OPERATOR})
    for tokens in pattern if pattern and isinstance(pattern[0], list) else [pattern]:
        for token in tokens:
            found.update(k.upper() for k in token)
    return frozenset(found - {OPERATOR})


def _check_pattern(rule: str, kind: str, pattern: list) -> None:
    """Refuse a pattern spaCy would accept but that matches nothing or fails at match
    time, naming the rule and the pattern's element."""
    if kind == "phrase":
        for i, phrase in enumerate(pattern):
            if not phrase.strip():
                raise SpecError(rule, f"pattern[{i}]", "an empty phrase matches nothing")
    elif kind == "dependency":
        ids: set[str] = set()
        for i, node in enumerate(pattern):
            _check_node(rule, i, node, ids)
            ids.add(node["RIGHT_ID"])
    else:
        _check_tokens(rule, pattern)


def _check_node(rule: str, i: int, node: dict, ids: set[str]) -> None:
    """Node ``i`` of a dependency pattern: known keys, its own id and attributes, and
    (after the first) a link to a node before it (``ids``)."""
    where = f"pattern[{i}]"
    for key in node:
        if key not in DEP_NODE_KEYS:
            raise SpecError(rule, f"{where}.{key}", f"unknown key in a dependency pattern (known: {', '.join(sorted(DEP_NODE_KEYS))})")
    if "RIGHT_ID" not in node or "RIGHT_ATTRS" not in node:
        raise SpecError(rule, where, "each node of a dependency pattern needs RIGHT_ID and RIGHT_ATTRS")
    if i > 0 and not ("LEFT_ID" in node and "REL_OP" in node):
        raise SpecError(rule, where, "every node after the first needs LEFT_ID and REL_OP")
    if i > 0 and node["LEFT_ID"] not in ids:
        raise SpecError(rule, f"{where}.LEFT_ID", f"'{node['LEFT_ID']}' is not the RIGHT_ID of an earlier node")
    _token_attrs(rule, f"{where}.RIGHT_ATTRS", node["RIGHT_ATTRS"], ALL_ATTRS - {OPERATOR})


def _check_tokens(rule: str, pattern: list) -> None:
    """A token pattern, or a list of alternative ones: none empty, each token's attributes
    known (errors name ``pattern[a][i]`` when there are alternatives)."""
    alternatives = pattern if isinstance(pattern[0], list) else [pattern]
    for a, tokens in enumerate(alternatives):
        if not tokens:
            raise SpecError(rule, f"pattern[{a}]", "an empty token pattern matches nothing")
        for i, token in enumerate(tokens):
            where = f"pattern[{a}][{i}]" if len(alternatives) > 1 or pattern is not tokens else f"pattern[{i}]"
            _token_attrs(rule, where, token, ALL_ATTRS)


def _spec_code(table: Any, label: str) -> str:
    """The rule's code, checked: a house prefix, three letters and three digits."""
    if not isinstance(table, dict):
        raise SpecError(label, "", f"expected a table, got {_type(table)}")
    code = table.get("code")
    if not isinstance(code, str):
        raise SpecError(label, "code", "every custom rule needs a code such as \"HSE001\" (three letters, three digits)")
    code = code.strip()
    if not CODE.match(code):
        raise SpecError(code, "code", "expected three capital letters and three digits, such as HSE001")
    if code[:3] in BUILTIN_FAMILIES:
        raise SpecError(code, "code", f"the prefix {code[:3]} belongs to the built-in rules; choose a house prefix "
                        f"(not {', '.join(sorted(BUILTIN_FAMILIES))})")
    return code


def _spec_parts(code: str, table: dict[str, Any]) -> tuple[tuple[str, ...], bool]:
    """The parts the rule looks in, and whether it looks at openers only."""
    part = table.get("part", "any")
    parts_in = [part] if isinstance(part, str) else part
    if not isinstance(parts_in, list) or not parts_in or not all(isinstance(p, str) for p in parts_in):
        raise SpecError(code, "part", f"expected a part or a list of parts ({', '.join(PARTS)}, any), got {_type(part)}")
    for p in parts_in:
        if p not in PARTS + ("any",):
            raise SpecError(code, "part", f"unknown part {p!r} (known: {', '.join(PARTS)}, any)")
    parts = PARTS if "any" in parts_in else tuple(p for p in PARTS if p in parts_in)
    opener_only = table.get("opener-only", False)
    if not isinstance(opener_only, bool):
        raise SpecError(code, "opener-only", f"expected true or false, got {_type(opener_only)}")
    if opener_only and not {"preamble", "operative"} & set(parts):
        raise SpecError(code, "opener-only", "only preambular and operative paragraphs have openers: set part to preamble or operative")
    return parts, opener_only


def _spec_fix(code: str, table: dict[str, Any], most: int | None) -> tuple[str | None, str | None]:
    """The replacement text and the fix's safety: both or neither."""
    replace = table.get("replace")
    fix = table.get("fix")
    if replace is not None:
        _str(code, "replace", replace)
        check_template(code, "replace", replace, most)
    if fix is not None:
        _str(code, "fix", fix)
        if fix not in FIXES:
            raise SpecError(code, "fix", f"expected safe or unsafe, got {fix!r}")
    if (replace is None) != (fix is None):
        raise SpecError(code, "fix" if fix is None else "replace",
                        "a fix needs both 'replace' (the new text) and 'fix' (safe or unsafe)")
    return replace, fix


def parse_spec(table: Any, source: str, index: int = 0) -> RuleSpec:
    """Check one ``[[custom-rules]]`` table and return its :class:`RuleSpec`."""
    code = _spec_code(table, f"#{index + 1}")
    for key in table:
        if key not in KEYS:
            near = difflib.get_close_matches(str(key).replace("_", "-").lower(), KEYS, n=1)  # use_instead, Message
            hint = f"did you mean '{near[0]}'? " if near else ""
            raise SpecError(code, key, f"unknown key ({hint}known: {', '.join(KEYS)})")
    for key in ("message", "pattern"):
        if key not in table:
            raise SpecError(code, key, "missing (every custom rule needs code, message and pattern)")
    message = _str(code, "message", table["message"])
    severity = _str(code, "severity", table.get("severity", "warning"))
    if severity not in SEVERITIES:
        raise SpecError(code, "severity", f"expected one of {', '.join(SEVERITIES)}, got {severity!r}")
    parts, opener_only = _spec_parts(code, table)
    pattern = table["pattern"]
    kind = pattern_kind(code, pattern)
    attr = _str(code, "attr", table.get("attr", "LOWER")).upper()
    if "attr" in table and kind != "phrase":
        raise SpecError(code, "attr", "only a phrase list compares one attribute; a token pattern names its own")
    if attr not in PHRASE_ATTRS:
        raise SpecError(code, "attr", f"expected one of {', '.join(PHRASE_ATTRS)}, got {table.get('attr')!r}")
    _check_pattern(code, kind, pattern)
    most = max_tokens(kind, pattern)
    check_template(code, "message", message, most)
    replace, fix = _spec_fix(code, table, most)
    name = _str(code, "name", table.get("name", code.lower()))
    if not NAME.match(name):
        raise SpecError(code, "name", f"expected a kebab-case name such as 'member-states-term', got {name!r}")
    texts = {k: _str(code, k, table.get(k, "")) for k in ("fix-title", "description", "why", "example", "use-instead")}
    if texts["fix-title"]:
        check_template(code, "fix-title", texts["fix-title"], most)
    exceptions = table.get("exceptions", [])
    if not isinstance(exceptions, list) or not all(isinstance(e, str) and e.strip() for e in exceptions):
        raise SpecError(code, "exceptions", f"expected a list of names (non-empty strings), got {_type(exceptions)}")
    return RuleSpec(
        code=code, name=name, message=message, severity=severity, parts=parts, opener_only=opener_only, kind=kind,
        pattern=freeze(pattern), attr=attr, replace=replace, fix=fix, fix_title=texts["fix-title"],
        description=texts["description"], why=texts["why"], example=texts["example"],
        use_instead=texts["use-instead"], source=source, exceptions=tuple(" ".join(e.split()) for e in exceptions),
    )


def parse_specs(tables: Any, source: str) -> tuple[RuleSpec, ...]:
    """Every rule of one ``custom-rules`` list; codes and names unique within it."""
    if not isinstance(tables, list):
        raise SpecError("", "custom-rules", f"expected an array of tables ([[custom-rules]]), got {_type(tables)}")
    total = 0
    for i, t in enumerate(tables):  # counted before anything is checked: the bound is for cost
        total += pattern_size(t.get("pattern", ())) if isinstance(t, dict) else 0
        if (problem := over_bound(total)) is not None:
            raise SpecError(_spec_code(t, f"#{i + 1}"), "pattern", problem)
    specs = [parse_spec(t, source, i) for i, t in enumerate(tables)]
    seen: dict[str, str] = {}
    for s in specs:
        for key in (s.code, "name:" + s.name):
            if key in seen:
                raise SpecError(s.code, "code" if key == s.code else "name", f"used twice in {source}")
            seen[key] = s.code
    return tuple(specs)
