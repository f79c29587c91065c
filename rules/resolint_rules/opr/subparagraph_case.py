from __future__ import annotations

import re
from typing import NamedTuple

from resolint.model import Kind
from resolint.nlp import known_forms
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.common import is_list_item

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_PREAMBLE, _SUBPARAGRAPH = Kind.PREAMBLE, Kind.SUBPARAGRAPH


class SubparagraphCase(Rule):
    """
    ## What it does
    Checks the first letter of a sub-paragraph and of an item of an operative list
    against the style: UN sub-paragraphs start with a capital ("(a) To develop …");
    items that continue an INTERPOL verb ("… member countries to:" / "1. encourage …")
    start in lower case, and so do its lettered items ("… to:" / "(a) connect …") and
    the sub-items of such an item ("3. designate …, who will:" / "(a) take part …"),
    which go on with the same sentence. An item that starts with a capitalized word that
    is neither a verb nor a word that carries the sentence on ("to", "that", "the" …)
    starts with a name, which keeps its capital ("1. Member States …", "2. Palestinian
    operating agencies …"). An item of a group of the ITU's kind ("considering" / "a) that
    …") goes on with its opener's sentence too: "That …", and "The", "Its" … before a
    lower-case word, are reported (a word processor capitalizes them); an item that starts
    with a name or reference ("Article 19 of the Convention", "No. 484") is left as it is.

    ## Why is this bad?
    The UN Editorial Manual's specimen begins sub-items with a capital; INTERPOL's items
    continue the sentence of the verb above them. Mixed forms in one list read as
    unfinished editing.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General:

    (a) to report at its next session;

    (b) To circulate the report.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General:

    (a) To report at its next session;

    (b) To circulate the report.
    ```

    ## Fix safety
    Safe: only the case of one letter changes.

    ## Options
    None; the case comes from the style (`[subparagraphs] case`, `[list-items] case`).

    ## References
    - UN Editorial Manual, "Paragraphs and subparagraphs" (operative paragraphs numbered 1., 2.; sub-paragraphs (a), (i), a., i.): <http://dd.dgacm.org/editorialmanual/ed-guidelines/format/para_subpara.htm>
    - INTERPOL General Assembly resolution GA-2025-93-RES-03 (93rd session, Marrakech, 2025)

    Repository note: the project knowledge base (`../shared/kb`) §1.4; §3.1 IP-OP-02.
    """

    code = "OPR010"
    name = "subparagraph-case"
    summary = "Sub-paragraph or list item starts in the wrong case"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    kinds = (Kind.SUBPARAGRAPH, Kind.OPERATIVE, Kind.PREAMBLE)
    fix_applicability = Applicability.SAFE

    local = True

    def check_paragraph(self, ctx: RuleContext, p):
        wanted = _wanted_case(ctx, p)
        if wanted is None:
            return
        want, what = wanted
        word = _first_word(ctx.text, p)
        if word is None or _keeps_case(word.text, want):
            return
        i, ch = word.start, word.text[0]
        new = ch.upper() if want == "upper" else ch.lower()
        yield Violation(
            Span(i, i + len(word.text)),
            f"{what} should start with {'a capital' if want == 'upper' else 'a lower-case letter'}",
            Fix.safe(f"Change to '{new}{word.text[1:]}'", Edit(Span(i, i + 1), new)),
        )


class _Word(NamedTuple):
    start: int
    text: str


def _wanted_case(ctx: RuleContext, p) -> tuple[str, str] | None:
    """The case ``p`` should start with and what to call it, or None if the rule skips it."""
    if p.kind is _SUBPARAGRAPH and p.label is not None and _under_list_item(p):
        # "3. designate …, who will:" / "(a) take part …": the sentence goes on.
        return ctx.style.get("list-items.case", "lower"), "Sub-item of a list item"
    if p.kind is _SUBPARAGRAPH and p.label is not None and p.parent is not None and p.parent.kind is not _PREAMBLE:
        case = ctx.style.get("subparagraphs.case", "upper")
        return None if case == "any" else (case, "Sub-paragraph")
    if is_list_item(p):
        return ctx.style.get("list-items.case", "lower"), "List item"
    if p.kind is _PREAMBLE and p.label is not None and p.parent is not None and p.parent.heads_group:
        # "considering" / "a) that …": an item of a group goes on with its opener's sentence
        # (a word processor's AutoCorrect capitalized it: "a) That IP-based networks …").
        # Many start with a name ("Article 19 of the Convention", "No. 484", "United
        # Nations …"): only a word that carries the sentence on, before a lower-case one.
        return (ctx.style.get("list-items.case", "lower"), "Group item") if _carries_on(ctx.text, p) else None
    return None


#: Words that start a group item carrying its opener's sentence on: "that" (a name may
#: follow it: "That IP-based networks …"), or "the" and the like before a lower-case word
#: ("The relevant outcomes …"; not "The Hague …").
_CARRYING_WORDS = re.compile(r"[*_\"“']*(?:That\s+\S|(?:The|Its|Their|Which|Whether|How)\s+[a-z])")


def _carries_on(text: str, p) -> bool:
    """Whether ``p`` starts as :data:`_CARRYING_WORDS` says."""
    return _CARRYING_WORDS.match(text, p.content.start, p.content.end) is not None


def _first_word(text: str, p) -> _Word | None:
    """The first word of the content after emphasis and quotes, if it starts with a cased letter."""
    i = p.content.start
    while i < p.content.end and text[i] in "*_\"“'‘":
        i += 1
    if i >= p.content.end or not text[i].isalpha():
        return None
    if text[i].upper() == text[i].lower():
        return None  # a letter without case (Arabic, Hebrew, CJK): nothing to change
    end = i
    while end < p.content.end and text[end].isalpha():
        end += 1
    return _Word(i, text[i:end])


#: Words that carry the sentence of the verb above into an item, besides verb forms: an
#: item in lower case starts with one of these or with a verb ("1. encourage …", "2. to
#: share …", "3. that …"). A capitalized word that is neither is a name, which keeps its
#: capital ("1. Member States …", "4. Palestinian operating agencies …").
CONTINUING_WORDS = frozenset(
    ["to", "that", "the", "a", "an", "and", "or", "nor", "but", "in", "on", "at", "by", "for", "with", "as", "of", "from", "into", "upon", "through", "within", "without", "its", "their", "his", "her", "all", "any", "each", "every", "both", "either", "neither", "such", "this", "these", "those", "where", "when", "which", "who", "whose", "whom", "whether", "if", "not", "no", "also", "further", "including"]
)


def _keeps_case(word: str, want: str) -> bool:
    """Whether ``word`` may stay as it is: already in case, or a proper name or acronym
    that keeps its capital ("(b) INTERPOL's …", "1. Member States …")."""
    ch = word[0]
    if want == "upper":
        return ch.isupper()
    if want == "lower":
        if (word.isupper() and len(word) > 1) or ch.islower() or word[1:] != word[1:].lower():
            return True
        lower = word.lower()
        return lower not in CONTINUING_WORDS and known_forms(lower) is None
    return False


def _under_list_item(p) -> bool:
    """Whether a sub-paragraph hangs (at any depth) under an item of an INTERPOL list."""
    parent = p.parent
    while parent is not None and parent.kind is _SUBPARAGRAPH:
        parent = parent.parent
    return parent is not None and is_list_item(parent)
