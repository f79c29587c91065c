from __future__ import annotations

import functools

from resolint.lazyre import lazy
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import own_literals, term
from resolint_rules.trm.others_words import guarded

#: A title that names its body: "the Secretary General of [the] Organization of American
#: States" (after it), "the OAS Secretary General", "the United Nations Secretary-General"
#: (an acronym or a known name before it).
_OF_BODY = lazy(r"\s+of\s+(?:the\s+)?(?=[A-Z])")
_BODY_BEFORE = lazy(r"(?:\b[A-Z][A-Z-]{1,15}|\bUnited Nations|\bInterpol)(?=(?:’s|'s)?\s+$)")
#: A United Nations document's symbol soon after the title, in the same clause: "the
#: report of the Secretary-General (A/78/123)", "the Secretary-General's report
#: S/2023/1". General Assembly, Security Council and Economic and Social Council symbols.
_UN_DOCUMENT_AFTER = lazy(r"(?:’s|'s)?[^,;.\n]{0,40}?(?<![\w/])(?:A|S|E)/(?:[A-Z]+\.?\d*/)*\d{1,4}/")

#: The United Nations' chief officer's title, as the United Nations writes it.
_UN_CHIEF = "Secretary-General"

#: What goes on after a name, making it part of a longer one ("Organization" in
#: "Organization of American States").
_NAME_GOES_ON = lazy(r"[\w-]|\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]")


@functools.lru_cache(maxsize=16)
def title_forms(title: str) -> tuple[str, ...]:
    """The chief officer's title as drafters write it: with or without the hyphen, in
    either case ("Secretary General", "secretary-general", "Director-general", …).

    Worked out from the style's own title, so that a body whose chief is a
    "Director-General" has that title checked, and another body's "Secretary-General"
    in its text is not taken for a misspelling of it."""
    words = title.replace("-", " ").split()
    if len(words) != 2:  # "Chair", "Secretary of the Commission": no hyphen to forget
        return (title,)
    first, rest = words[0], words[1:]
    cased = (
        [first[:1].upper() + first[1:].lower()] + [w[:1].upper() + w[1:].lower() for w in rest],
        [w.lower() for w in words],
        [first[:1].upper() + first[1:].lower()] + [w.lower() for w in rest],
    )
    return tuple(dict.fromkeys(sep.join(ws) for ws in cased for sep in (" ", "-")))


def _names_other_body(text: str, start: int, end: int, own: tuple[str, ...]) -> bool:
    """Whether the title at ``start:end`` names a body other than the style's own
    (``[terms] organization``): that body's chief keeps its own title ("the Secretary
    General of INTERPOL", "of the Organization of American States", "the OAS Secretary
    General" in a United Nations text). A title that names no body is the style's own."""
    m = _OF_BODY.match(text, end)
    if m is not None:
        at = m.end()
        return not any(text.startswith(name, at) and not _NAME_GOES_ON.match(text, at + len(name)) for name in own)
    before = _BODY_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(0) not in own


class ChiefOfficerTitle(Rule):
    """
    ## What it does
    Checks the title of the organization's chief officer against the style:
    "Secretary-General" (hyphen) in United Nations texts, "Secretary General" (no
    hyphen) in INTERPOL texts, in capitals as a person's title ("the secretary-general"
    is reported too). Another organization's officer keeps its own form: a title
    that names a body other than the style's own (`[terms] organization`: "the Secretary
    General of INTERPOL", "of the Organization of American States", "the OAS Secretary
    General" in a UN text) is left as written.

    ## Why is this bad?
    The title is part of the office's name; each organization writes its own one way.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary General to report on the implementation of the present resolution.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General to report on the implementation of the present resolution.
    ```

    ## Fix safety
    Safe: the same office, spelt the house way. Unsafe where the title stands in the
    title of a work (after "entitled" or "titled", or in italics: 'the report entitled
    Report of the Secretary General on housing'), among another language's words or in
    an address, a code span or a comment: those words are someone else's. Unsafe for
    "Secretary-General" (the United Nations' form, in a style that writes another) where
    a United Nations document symbol follows in the clause ("the report of the Secretary-General (A/78/123)" in an
    INTERPOL draft): the title may be the United Nations' chief's, which keeps its hyphen.

    ## Options
    `chief` in the style's or the configuration's `[terms]`; `organization`, the names the
    title may give the style's own body ("United Nations", "UN", "Organization").

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>
    - INTERPOL's own usage on <https://www.interpol.int> ("Secretary General", "member countries", "INTERPOL")

    Repository note: the project knowledge base (`../shared/kb`) §1.9 (UN vs INTERPOL house terms), §3.1 IP-TERM-01.
    """

    code = "TRM005"
    name = "chief-officer-title"
    summary = "Chief officer's title not in the house form"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        want = term(ctx, "chief")
        if not want:
            return
        text = ctx.text
        # A title of a person takes capitals (kb §1.9): "the secretary-general" is the
        # same title in the wrong case.
        wrong = tuple(f for f in title_forms(want) if f != want)
        own = tuple(term(ctx, "organization") or ())  # (a list of strings: the configuration check)
        for p, start, end, _lit in own_literals(ctx, wrong):
            if _names_other_body(text, start, end, own):
                continue
            span = Span(start, end)
            if text[start:end] == _UN_CHIEF and _UN_DOCUMENT_AFTER.match(text, end):
                # "the report of the Secretary-General (A/78/123)" in another body's draft:
                # the symbol is a United Nations document, its author the United Nations'
                # chief, whose title keeps its hyphen; the drafter may have meant either.
                yield Violation(span, f"This style writes '{want}' (unless the title is the United Nations' officer's)",
                                Fix.unsafe(f"Write '{want}' (unless it is the United Nations' officer)", Edit(span, want)))
                continue
            # In a work's title ("the report entitled Report of the Secretary General …"),
            # the title is the work's own: unsafe there.
            fix, _ = guarded(ctx, span, Fix.safe(f"Write '{want}'", Edit(span, want)), p)
            yield Violation(span, f"This style writes '{want}'", fix)
