from __future__ import annotations

import functools
import re

from resolint.citations.refdata import Instrument, instrument_by_key
from resolint.invisible import ReaderView
from resolint.lazyre import lazy
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations

#: What an article citation governs, up to the end of its clause: "article 35 of the
#: Convention provides for a 24/7 network", "article 41, which establishes the 24/7 network".
_GOVERNS = lazy(
    r"(?:\s+of\s+the\s+[^,;.:()]{1,120}?)?,?\s+(?:which\s+|that\s+)?"
    r"(?:provides\s+for|provide\s+for|establishes|establish|sets\s+out|set\s+out|deals\s+with|deal\s+with"
    r"|relates\s+to|relating\s+to|concerns|concerning|regarding|governs|covers|on)\s+"
    r"(?P<subject>[^,;.:()]{3,100})"
)
#: Leading words of a subject that are not part of a title.
_ARTICLES = lazy(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: A subject that is the clause's own, not an article's title: "report under article 57 on
#: their implementation of the Convention" ("on" a plain preposition).
_NOT_A_TITLE = lazy(r"^(?:their|its|his|her|our|your|such|this|these|those|all|any|each|every)\b", re.IGNORECASE)


def clause_subject(seen: ReaderView, a) -> str:
    """The subject of the clause an article citation governs, or "" (no governing verb),
    read as the printed draft reads ("which deals with the 24/7 netwo\u00adrk")."""
    end = seen.forward(a.paragraph.span.end) if a.paragraph is not None else len(seen.text)
    m = _GOVERNS.match(seen.text, seen.forward(a.span.end), end)
    if not m:
        return ""
    return _ARTICLES.sub("", m.group("subject").strip())


_STOP = {"the", "of", "on", "and", "for", "in", "to", "a", "an", "with", "by", "its", "their", "or"}


@functools.lru_cache(maxsize=4096)
def title_words(title: str) -> frozenset[str]:
    """A title's significant words, lower case, singular, 'co-operation' as 'cooperation'.
    Kept per title: every cited title is compared with every article title of its
    instrument (a paragraph citing 3,000 articles by title read them 170,000 times)."""
    t = title.lower().replace("co-operation", "cooperation").replace("‑", "-")
    out = set()
    for w in re.findall(r"[a-z0-9/]+(?:-[a-z0-9]+)*", t):
        if w in _STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def matches(given: frozenset[str], title: str) -> bool:
    t = title_words(title)
    return bool(given) and (given == t or (given <= t and len(given) * 2 >= len(t)) or (t <= given and len(t) * 2 >= len(given)))


def articles_titled(inst: Instrument, given: frozenset[str]) -> list[int]:
    return [n for n, title in sorted(inst.article_titles.items()) if matches(given, title)]


class ArticleTitleMismatch(Rule):
    """
    ## What it does
    Checks an article cited with its title ("Article 41 on the 24/7 network", "article 3
    (Illegal access)") against the instrument's article titles, and says which article
    the title belongs to. The
    title may also stand further on, as the subject of the clause the article governs:
    "article 35 of the Convention provides for a 24/7 network", "article 41, which
    establishes the 24/7 network" (a governing verb — provides for, establishes, sets
    out, deals with, relates to, concerns, on — then the words up to the clause's end).
    In a list, each item's title in brackets is checked ("articles 7 (Illegal access)
    and 8 (Illegal interception)"); a clause after a list ("articles 35 and 41, which establish …")
    does not say which item it is about, and is not read.

    ## Why is this bad?
    Drafters often carry article numbers over from another treaty: the 24/7 network is
    article 41 of the UN Convention against Cybercrime but article 35 of the Budapest
    Convention. A reader who follows the number lands on another provision.

    ## Example
    ```
    The General Assembly,

    Welcoming the United Nations Convention against Cybercrime, in particular Article 35 on the 24/7 network,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Welcoming the United Nations Convention against Cybercrime, in particular Article 41 on the 24/7 network,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No automatic fix is offered: the title or the number may be the wrong part.

    ## Options
    None.

    ## References
    - United Nations Convention against Cybercrime, annexed to General Assembly resolution 79/243 of 24 December 2024 (A/RES/79/243): <https://undocs.org/A/RES/79/243>
    - Council of Europe, Convention on Cybercrime (ETS No. 185), Budapest, 23 November 2001, 48 articles: <https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=185>

    Repository note: the project knowledge base (`../shared/kb`) §5.1 (article titles VERIFIED against the annex of A/RES/79/243; CYB-01) and §5.2 (Budapest articles from the treaty text).
    """

    code = "CIT010"
    name = "article-title-mismatch"
    summary = "Article number and title do not match"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        for a in citations(ctx).articles:
            inst = a.instrument
            if inst is None or a.in_annex or not inst.article_titles:
                continue
            # A list's clause is all its items' ("articles 35 and 41, which establish …"):
            # only a title in brackets is an item's own.
            subject = a.title or ("" if a.listed else clause_subject(ctx.facts.seen, a))
            if not subject or _NOT_A_TITLE.match(subject):
                continue
            given = title_words(subject)
            own = inst.article_titles.get(a.number)
            if own is not None and (matches(given, own) or given <= title_words(own)):
                continue  # its title, or words of it ("article 40 on mutual legal assistance")
            hits = articles_titled(inst, given)
            if len(hits) != 1:
                continue
            right = hits[0]
            msg = f"'{subject}' is article {right} of the {inst.short}"
            if own:
                msg += f"; article {a.number} is '{own}'"
            related = instrument_by_key(inst.related) if inst.related else None
            if related is not None:
                theirs = related.article_titles.get(a.number)
                if theirs and matches(given, theirs):
                    msg += f" ({a.number} is its number in the {related.aliases[0] if related.aliases else related.short})"
            sev = None if inst.articles_verified else Severity.WARNING
            yield Violation(a.span, msg, severity=sev)
