"""Regenerate the verb forms the opener fixes need: ``server/resolint/verbforms.py`` and
``server/resolint/verbforms-all.txt``.

The fixes of PRE001 ("Recalls" -> "Recalling") and OPR004 ("Calling upon" -> "Calls
upon") inflect the head word of an opener. lemminflect answers that, but loading it costs
0.25-0.4 s and about 28 MB (numpy and its tables) — more than linting a 6 KB draft. Nearly
every word those fixes meet is a form of a verb that heads a listed opener, so the answers
for those verbs are computed here, once, with lemminflect itself, and shipped as a table
that is imported with the fixes. The answers for every other verb lemminflect knows
("including", "strengthening") go to a second, larger table read only when a word misses
the first; lemminflect is loaded only for a word that is in neither.

    python scripts/gen_verbforms.py            # print the module
    python scripts/gen_verbforms.py --write    # rewrite both tables

``tests/test_verbforms.py`` fails when the table and lemminflect disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from resolint import nlp
from resolint.parser.wordshape import MODIFIERS
from resolint.styles import builtin_style_names, load_style

OUT = Path(__file__).resolve().parent.parent / "server" / "resolint" / "verbforms.py"
OUT_ALL = nlp.ALL_FORMS_FILE
#: The Penn tags the fixes ask for.
TAGS = ("VBG", "VBZ")


def head_words() -> set[str]:
    """The first word (after also/further) of every listed opener of every built-in style."""
    from resolint_rules.opr._verbs import BARE_VERBS

    words = set(BARE_VERBS)
    for name in builtin_style_names():
        style = load_style(name)
        for phrase in style.preambular + style.operative:
            tokens = [t for t in phrase.lower().replace("*", "").split() if t not in MODIFIERS]
            if tokens and tokens[0].isalpha():
                words.add(tokens[0])
    return words


def domain() -> list[str]:
    """The head words, and every inflection of each head word's lemma."""
    lm = nlp._lemminflect()
    out: set[str] = set()
    for word in head_words():
        out.add(word)
        for forms in lm.getAllInflections(nlp.lemma_by_lemminflect(word), upos="VERB").values():
            out.update(f.lower() for f in forms if f.isalpha())
    return sorted(out)


def answer(word: str) -> tuple[str, ...]:
    """(lemma, VBG form, VBZ form) as lemminflect gives them, "" for a form it has none of."""
    return (nlp.lemma_by_lemminflect(word),) + tuple(nlp.inflect_by_lemminflect(word, t) or "" for t in TAGS)


def table() -> dict[str, tuple[str, ...]]:
    return {w: answer(w) for w in domain()}


def all_domain(exclude: set[str]) -> list[str]:
    """Every lower-case, alphabetic inflected form of every verb lemminflect knows, but
    those of the first table."""
    from lemminflect.core.Inflections import Inflections

    out: set[str] = set()
    for forms in Inflections()._getInflDict().values():
        if any(tag.startswith("VB") for tag in forms):
            for values in forms.values():
                out.update(v.lower() for v in values if v.isalpha())
    return sorted(out - exclude)


def render_all(first: dict[str, tuple[str, ...]]) -> str:
    """The second table, grouped by answer: ``lemma VBG VBZ word word ...``."""
    by_answer: dict[tuple[str, ...], list[str]] = {}
    for word in all_domain(set(first)):
        by_answer.setdefault(answer(word), []).append(word)
    lines = [" ".join([*(f or "-" for f in key), *words]) for key, words in sorted(by_answer.items())]
    return "\n".join(lines) + "\n"


def render(first: dict[str, tuple[str, ...]] | None = None) -> str:
    lines = [
        '"""Verb forms for the opener fixes, precomputed from lemminflect (generated: do not edit).',
        "",
        "Regenerate with ``python scripts/gen_verbforms.py --write``; see that script for why.",
        "Each entry: word -> (lemma, VBG form, VBZ form); an empty form means lemminflect has none.",
        '"""',
        "",
        f"TAGS = {TAGS!r}",
        "",
        "FORMS: dict[str, tuple[str, str, str]] = {",
    ]
    lines += [f"    {w!r}: {v!r}," for w, v in (first if first is not None else table()).items()]
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> int:
    first = table()
    text = render(first)
    if "--write" in sys.argv:
        OUT.write_text(text, encoding="utf-8")
        OUT_ALL.write_text(render_all(first), encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
