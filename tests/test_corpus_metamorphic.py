"""The corpus, typed another way, reads as the corpus does: metamorphic tests.

Wrapped at a margin:

Drafts typed in a text editor are often wrapped at a margin, so a line may end with a
comma and the next start with a name, a dash or a number in the middle of a sentence, an
opening or an instrument's name may be cut in two. Each General Assembly, Security
Council and INTERPOL text of ../shared/corpus is wrapped at 72 columns (whole words, as
editors wrap) and linted; its findings must be those of the text as it is, but for the
line numbers in them. Before the parser read wrapped lines (December 2026), 120 of these
259 texts read differently wrapped (179 of all 320), and 21 with the openers emphasized.

With each opener in italics or in bold (Markdown emphasis on the listed phrase and its
"also"), the findings must be the same but for the openers they quote.

Skipped where ../shared/corpus is absent (a user's clone).
"""

from __future__ import annotations

import collections
import re
import textwrap

from conftest import corpus_or_skip

from resolint.engine import lint
from resolint.parser.lexicon import phrases

WIDTH = 72
FAMILIES = ("unga-", "unsc-", "interpol-")

#: The texts still read differently once wrapped, and why: what wrapping makes of text
#: that was already broken, or a layout it makes ambiguous.
KNOWN = {
    "unga-79-172.txt": "paragraphs run together in the source ('…; 46. Invites …') cut at a line's end",
    "unsc-draft-unbench-t3-07.txt": "preambular clauses run together in the source ('…, Welcoming …'): once wrapped, one falls at a line's start",
    "unsc-draft-unbench-t3-08.txt": "a long heading with a comma wrapped: its second line reads as a heading of its own",
    "unsc-draft-unbench-t3-10.txt": "paragraphs run together in the source, cut differently once wrapped",
    "unsc-draft-unbench-t3-29.txt": "paragraphs run together in the source, cut differently once wrapped",
}


def wrapped(text: str) -> str:
    """``text`` with each line longer than :data:`WIDTH` wrapped at spaces (words and
    hyphenated words kept whole); Markdown tables, headings and comments left alone."""
    out = []
    for line in text.split("\n"):
        if len(line) > WIDTH and not line.startswith(("|", "#", "<!--")):
            out.append("\n".join(textwrap.wrap(line, WIDTH, break_long_words=False, break_on_hyphens=False)))
        else:
            out.append(line)
    return "\n".join(out)


def _findings(text: str) -> collections.Counter:
    """Each finding's code and message, without the line numbers and excerpts it quotes
    (a run-on paragraph's excerpt ends at its line)."""
    result = lint(text)
    return collections.Counter((f.code, re.sub(r"\(line \d+\)|\('[^']*'\)", "", f.message)) for f in result.findings)


def test_texts_wrapped_at_a_margin_read_as_they_were():
    corpus = corpus_or_skip()
    differ = {}
    for path in sorted(corpus.glob("*.txt")):
        if not path.name.startswith(FAMILIES):
            continue
        text = path.read_text(encoding="utf-8")
        as_is, as_wrapped = _findings(text), _findings(wrapped(text))
        if as_is != as_wrapped:
            differ[path.name] = (sorted((as_is - as_wrapped).elements())[:3], sorted((as_wrapped - as_is).elements())[:3])
    unexpected = {name: d for name, d in differ.items() if name not in KNOWN}
    assert not unexpected, f"read differently once wrapped at {WIDTH} columns (only unwrapped, only wrapped): {unexpected}"


_OPENER = re.compile(r"((?:\d{1,3}\.\s+)?)([A-Z][A-Za-z'’-]*(?: [a-z][A-Za-z'’-]*){0,5})")


def emphasized(text: str, mark: str) -> str:
    """``text`` with the listed opener that starts each line (after its number), and the
    "also" or "further" after it, between ``mark``s: "*Recalling also* its resolution"."""
    preambular, operative = phrases()
    listed = preambular | operative
    out = []
    for line in text.split("\n"):
        m = _OPENER.match(line)
        if m:
            words = m.group(2).split(" ")
            for n in range(len(words), 0, -1):
                if " ".join(words[:n]).lower() in listed:
                    n += n < len(words) and words[n] in ("also", "further")
                    phrase, at = " ".join(words[:n]), len(m.group(1))
                    line = line[:at] + mark + phrase + mark + line[at + len(phrase) :]
                    break
        out.append(line)
    return "\n".join(out)


def _unquoted(text: str) -> collections.Counter:
    """Each finding's code and message without what it quotes (the opener as written)."""
    return collections.Counter((f.code, re.sub(r"'[^']*'", "", f.message)) for f in lint(text).findings)


def test_openers_in_italics_or_bold_read_as_in_plain_text():
    corpus = corpus_or_skip()
    differ = []
    for path in sorted(corpus.glob("*.txt")):
        if not path.name.startswith(FAMILIES):
            continue
        text = path.read_text(encoding="utf-8")
        plain = _unquoted(text)
        differ += [(path.name, mark) for mark in ("*", "**") if _unquoted(emphasized(text, mark)) != plain]
    assert not differ, f"read differently with the openers emphasized: {differ}"
