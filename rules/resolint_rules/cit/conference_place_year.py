from __future__ import annotations

import re

from resolint.invisible import as_read
from resolint.literals import matches_at
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.cit.conference_data import after_the_data, at_place, conferences, matching
from resolint_rules.refs import in_spans, quote_spans

#: "Resolution 101 (Rev. Guadalajara, 2010)", "Resolutions 102, 130 and 133 (Rev. Dubai,
#: 2018)", then optionally "of WTSA" / "of the World Telecommunication Development Conference".
CONFERENCE_CITATION = re.compile(
    r"\bResolutions?\s+(?:\d{1,3}[A-Z]?(?:\s*,\s*|\s+and\s+))*\d{1,3}[A-Z]?\s*"
    r"\((?P<rev>Rev\.\s*)?(?P<place>[A-Z][^\W\d_]*(?:[ \-‑][A-Za-zÀ-ÿ][^\W\d_]*){0,3}),\s*(?P<year>\d{4})\)"
    r"(?P<of>\s+of\s+(?P<body>(?:the\s+|this\s+)?[A-Z]?[\w\- ]{1,80}))?"
)


class ConferencePlaceYear(Rule):
    """
    ## What it does
    Checks the place and year in a citation of a conference's resolution, "Resolution 101
    (Rev. Guadalajara, 2010)" or "Resolution 64 (Rev. Hammamet, 2016) of WTSA", against
    the conferences the style's reference data lists: the named conference (or, when
    none is named, any of them) must have met at that place in that year. A year after
    the latest conference of that body in the built-in data is not checked: this year's
    conference cites itself ("(Rev. Doha, 2026)") before the data knows it. A house's
    own conference file is taken as complete.

    ## Why is this bad?
    Bodies such as the ITU cite their resolutions by the place and year of the
    conference that adopted or last revised them. A place and year at which no such
    conference met points at no version of the resolution.

    ## Example
    ```
    The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
    recalling
    a) Resolution 101 (Rev. Dubai, 2017) of the Plenipotentiary Conference,
    resolves
    1 to continue the work.
    ```

    ## Use instead
    ```
    The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
    recalling
    a) Resolution 101 (Rev. Dubai, 2018) of the Plenipotentiary Conference,
    resolves
    1 to continue the work.
    ```

    ## Fix safety
    No fix: the place or the year may be the wrong part.

    ## Options
    None; the data come from the style: `[citations] conferences` names the data file and
    `[citations.conference-names]` maps the names written after "of" to its bodies
    (`"@opening"`: the body the resolution's opening names — "of this conference" in a
    resolution of the World Telecommunication Development Conference is the WTDC). A
    style without them (the UN and INTERPOL styles) is not checked.

    ## References
    `data/itu_conferences.csv` (ITU Plenipotentiary Conferences, WTSA, WTDC, WRC, RA and
    WCIT, with the confidence of each row). Without a body after "of", a place at which no
    conference of the data ever met ("Resolution 5 (Tampere, 1998)") is not checked.
    """

    code = "CIT013"
    name = "conference-place-year"
    summary = "No conference of that body met at the cited place in the cited year"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        filename = ctx.style.get("citations.conferences", "")
        if not filename or not conferences(filename):
            return
        names = {k.lower(): v for k, v in (ctx.style.get("citations.conference-names", {}) or {}).items()}
        longest_first = sorted(names, key=len, reverse=True)
        bodies: dict[str, str] = {}  # the name after "of" -> its body (a few names, cited again and again)
        quotes = quote_spans(ctx)
        # Read as the printed draft reads (a comment or a soft hyphen inside a citation
        # hides nothing: removing it is a safe fix, which must not bring in a finding).
        seen = ctx.facts.seen
        # Every citation starts with "Resolution": the regex (whose leading \b stops the
        # engine's fast scan) is tried only there.
        starts = ctx.facts.literal_starts("Resolution") if not seen.runs else None
        found = CONFERENCE_CITATION.finditer(seen.text) if starts is None else matches_at(CONFERENCE_CITATION, seen.text, starts)
        for m in found:
            if in_spans(seen.back(m.start()), quotes):
                continue
            body = None
            if m.group("of"):
                written = m.group("body")
                body = bodies.get(written)
                if body is None:
                    body = bodies[written] = _body(written, names, longest_first)
                if body == OWN_BODY:
                    body = _own_body(ctx, seen.back(m.start()), names, longest_first)
            if body == "":
                continue  # named, but not a body of the data ("of the Council", "of the UNGA")
            place, year = m.group("place"), int(m.group("year"))
            if matching(filename, place, year, body) or after_the_data(filename, year, body):
                continue
            if body is None and not at_place(filename, place, None):
                continue  # no conference of the data ever met there: a citation of another kind
            span = seen.span(Span(m.start("place"), m.end("year")))
            yield Violation(span, _message(filename, place, year, body))


#: The body a name stands for when it names the text's own conference ("this conference",
#: "this assembly"): the one its opening names.
OWN_BODY = "@opening"


def _own_body(ctx: RuleContext, at: int, names: dict[str, str], longest_first: list[str]) -> str | None:
    """The body the opening of the resolution holding offset ``at`` names ("The World
    Telecommunication Development Conference (Kigali, 2022)," -> WTDC); None (any body)
    when it names none of ``names``."""
    res, text = ctx.resolution, ctx.text
    opening = next((o for o in reversed(res.openings) if o.span.start <= at), None)
    if opening is None:
        return None
    words = " ".join(as_read(text[opening.span.start : opening.span.end]).split()).lower()  # as printed: no comment, no soft hyphen
    found = next((name for name in longest_first if names[name] not in ("", OWN_BODY) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words)), None)
    return None if found is None else names[found]


def _body(written: str, names: dict[str, str], longest_first: list[str]) -> str:
    """The data's body for the name after "of", longest name (``longest_first``: the
    names sorted once per check) first; "" when unknown."""
    lowered = written.lower()
    bare = lowered[4:] if lowered.startswith("the ") else lowered
    for name in longest_first:
        for candidate in (lowered, bare):
            if candidate.startswith(name) and (len(candidate) == len(name) or not candidate[len(name)].isalnum()):
                return names[name]
    return ""


def _message(filename: str, place: str, year: int, body: str | None) -> str:
    where = at_place(filename, place, body)
    who = body or "ITU conference"
    if where:
        met = ", ".join(f"{c.body} {c.year}" for c in sorted(where, key=lambda c: c.year))
        return f"No {who} met in {place} in {year} (in {place}: {met})"
    return f"No {who} met in {place}"
