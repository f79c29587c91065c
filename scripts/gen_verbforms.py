"""Regenerate ``server/resolint/verbforms.py``: the verb forms the opener fixes need.

The fixes of PRE001 ("Recalls" -> "Recalling") and OPR004 ("Calling upon" -> "Calls
upon") inflect the head word of an opener. lemminflect answers that, but loading it costs
0.25-0.4 s and about 28 MB (numpy and its tables) — more than linting a 6 KB draft. Nearly
every word those fixes meet is a form of a verb that heads a listed opener, so the answers
for those verbs are computed here, once, with lemminflect itself, and shipped as a table;
lemminflect is loaded only for a word outside it.

    python scripts/gen_verbforms.py            # print the module
    python scripts/gen_verbforms.py --write    # rewrite server/resolint/verbforms.py

``tests/test_verbforms.py`` fails when the table and lemminflect disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from resolint import nlp
from resolint.parser.wordshape import MODIFIERS
from resolint.styles import builtin_style_names, load_style

OUT = Path(__file__).resolve().parent.parent / "server" / "resolint" / "verbforms.py"
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
        for forms in lm.getAllInflections(nlp.lemma(word), upos="VERB").values():
            out.update(f.lower() for f in forms if f.isalpha())
    return sorted(out)


def table() -> dict[str, tuple[str, ...]]:
    return {w: (nlp.lemma(w),) + tuple(nlp.inflect(w, t) or "" for t in TAGS) for w in domain()}


def render() -> str:
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
    lines += [f"    {w!r}: {v!r}," for w, v in table().items()]
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> int:
    text = render()
    if "--write" in sys.argv:
        OUT.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
