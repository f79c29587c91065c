from __future__ import annotations

from resolint.invisible import INVISIBLE, document_may_hide, hidden_runs, in_word
from resolint.model import Paragraph
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint.wordsets import writes


def _positions(text: str):
    """Where each invisible character stands (str.find: no loop per character)."""
    for ch in INVISIBLE:
        at = text.find(ch)
        while at != -1:
            yield at
            at = text.find(ch, at + 1)


class InvisibleCharacter(Rule):
    """
    ## What it does
    Finds a character that prints nothing inside a word or a number: a soft hyphen ("Recal­ling",
    left by a web page or a PDF's hyphenation) or a word joiner, between two letters or
    digits (inside a resolution's number); a zero-width space, joiner or non-joiner between
    two Latin letters ("Secre​tary-General", left by a web page) or two digits (Arabic,
    Persian and the scripts of India need the joiners: there they are left alone). Also
    one of these beside the hyphen of a compound ("Secretary-‍General"), except the word
    joiner, which there keeps the compound on one line. And one between a word and a
    space ("Deeply­ concerned", "Decides​ to": the word joiner only before a space,
    where it holds nothing; the zero-width space and the joiners beside a Latin letter
    or a digit).

    ## Why is this bad?
    The word looks right but is not: a search for it fails, a spell-checker skips it,
    and a reader cannot see why. (resolint's opener, citation and name checks read
    through it — "Recal­ling" is the opener 'Recalling', "reso­lution 71/19" a citation,
    "The Gen­eral Assembly," the General Assembly's opening —; its other checks may read
    the word in two halves.)

    ## Example
    ```
    The General Assembly,

    Recal­ling its resolution 78/230 of 22 December 2023,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 78/230 of 22 December 2023,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: only the invisible character is removed (beside a space it printed nothing
    and joined nothing). Unsafe where a soft hyphen stands
    inside a word the draft writes elsewhere with a hyphen there, and never without
    ("self" and "determination" with a soft hyphen between them, in a draft that writes
    "self-determination"): it printed a hyphen (a PDF's copy of a compound broken at its
    hyphen), and the fix writes one.

    ## Options
    None.

    ## References
    The Unicode Standard, chapter 23 ("Special Areas and Format Characters": the soft
    hyphen, the word joiner, the zero-width space and the zero-width joiner and non-joiner): <https://www.unicode.org/versions/latest/ch23.pdf>
    """

    code = "TRM014"
    name = "invisible-character"
    summary = "A character that prints nothing inside a word"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    #: Its findings in a paragraph come from that paragraph's text alone: the language
    #: server keeps them between edits.
    local = True
    own_paragraphs_only = True

    def check(self, ctx: RuleContext):
        """One search of the text for each character (most drafts hold none of them, which
        the opener reader has asked already): only the paragraphs holding one are read."""
        if not document_may_hide(ctx.text):
            return
        for p in ctx.facts.own_paragraphs_at(_positions(ctx.text)):
            yield from self.check_paragraph(ctx, p)

    def check_paragraph(self, ctx: RuleContext, paragraph: Paragraph):
        text, lo, hi = ctx.text, paragraph.span.start, paragraph.span.end
        word_end, word = -1, ""
        for i, j in hidden_runs(text, lo, hi):  # a run of them: one finding
            if text[i - 1].isspace() or text[j].isspace():  # at a word's edge, beside a space
                yield _beside_a_space(text, i, j, lo, hi)
                continue
            # The whole word, past any other invisible character in it: "Re­cal­ling"
            # is 'Recalling' at each of its soft hyphens, not 'Recal' and 'calling'. Read
            # once per word, not once per character in it (a "word" of 10,000 soft
            # hyphens was read 10,000 times).
            if i >= word_end:
                word_start, word_end = i - 1, j + 1
                while word_start > lo and in_word(text[word_start - 1]):
                    word_start -= 1
                while word_end < hi and in_word(text[word_end]):
                    word_end += 1
                word = _quoted("".join(c for c in text[word_start:word_end] if c not in INVISIBLE))
            name = INVISIBLE[text[i]]
            forms = _hyphen_forms(text, i, j, lo, hi)
            if forms is not None and _draft_hyphenates(text, *forms):
                # A soft hyphen where the draft writes a hyphen: it printed one (a PDF's copy
                # of a compound broken at its hyphen), and removing it would join the words.
                fix = Fix.unsafe(f"Write a hyphen: '{forms[0]}', as the draft writes it elsewhere", Edit(Span(i, j), "-"))
                yield Violation(Span(i, j), f"A {name} inside '{word}', where the draft writes '{forms[0]}': write a hyphen", fix)
                continue
            yield Violation(
                Span(i, j),
                f"A {name} (invisible) inside '{word}': remove it",
                Fix.safe(f"Remove the {name}", Edit(Span(i, j), "")),
            )

    def paragraph_keys(self, ctx: RuleContext):
        """Beyond a paragraph's text, the rule reads whether the draft writes each of its
        words with a soft hyphen hyphenated (:func:`_draft_hyphenates`): that, for the few
        paragraphs where it does."""
        text = ctx.text
        out: dict[int, tuple[bool, ...]] = {}
        if not document_may_hide(text):
            return out
        for p in ctx.facts.own_paragraphs_at(_positions(text)):
            lo, hi = p.span.start, p.span.end
            key = tuple(forms is not None and _draft_hyphenates(text, *forms) for i, j in hidden_runs(text, lo, hi) for forms in [_hyphen_forms(text, i, j, lo, hi)])
            if any(key):
                out[p.index] = key
        return out


#: A word around a soft hyphen longer than this on either side is no compound a drafter
#: hyphenates (and walking it for each of its soft hyphens would cost the word's length
#: each time: a "word" of 10,000 soft hyphens).
LONGEST_HALF = 64


def _hyphen_forms(text: str, i: int, j: int, lo: int, hi: int) -> tuple[str, str] | None:
    """The word around a lone soft hyphen at ``i`` (between letters) hyphenated there and
    joined ("self-determination", "selfdetermination"); None for any other run, or for a
    half longer than :data:`LONGEST_HALF`."""
    if j != i + 1 or text[i] != "\u00ad" or not (text[i - 1].isalpha() and text[j].isalpha()):
        return None
    a, b = i, j
    floor, ceiling = max(lo, i - LONGEST_HALF - 1), min(hi, j + LONGEST_HALF + 1)
    while a > floor and in_word(text[a - 1]):
        a -= 1
    while b < ceiling and in_word(text[b]):
        b += 1
    if (a == floor > lo and in_word(text[a - 1])) or (b == ceiling < hi and in_word(text[b])):
        return None
    left = "".join(c for c in text[a:i] if c not in INVISIBLE)
    right = "".join(c for c in text[j:b] if c not in INVISIBLE)
    return f"{left}-{right}", left + right


def _draft_hyphenates(text: str, hyphenated: str, joined: str) -> bool:
    """Whether the draft writes ``hyphenated`` as a word and never ``joined``: the soft
    hyphen then stands where the drafter's hyphen stood, and only the drafter can say
    whether the word is hyphenated there (an unsafe fix writes the hyphen)."""
    return writes(text, hyphenated, lower=True) and not writes(text, joined, lower=True)


def _beside_a_space(text: str, i: int, j: int, lo: int, hi: int) -> Violation:
    """The finding of a run between a word and a space ("Deeply\u00ad concerned"): it
    prints nothing there, and removing it leaves what a reader sees (safe)."""
    name = INVISIBLE[text[i]]
    if text[j].isspace():
        start = i
        while start > lo and in_word(text[start - 1]):
            start -= 1
        where = f"after '{_quoted(''.join(c for c in text[start:i] if c not in INVISIBLE))}'"
    else:
        end = j
        while end < hi and in_word(text[end]):
            end += 1
        where = f"before '{_quoted(''.join(c for c in text[j:end] if c not in INVISIBLE))}'"
    return Violation(Span(i, j), f"A {name} (invisible) {where}, beside a space: remove it",
                     Fix.safe(f"Remove the {name}", Edit(Span(i, j), "")))


def _quoted(word: str) -> str:
    """``word`` as a message quotes it: a very long one by its ends."""
    return word if len(word) <= 60 else f"{word[:40]}…{word[-15:]}"
