"""Builders of pathological drafts: huge, long-lined, deep, punctuation-only, NULs, …

Each builder takes a scale (1.0 = the size the robustness issue names) and returns the
file's bytes, so that CI can run small versions and ``bench_pathological.py`` the full
ones. Every text is generated here; none comes from the corpus.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from collections.abc import Callable

_OPENERS = ["Requests", "Urges", "Decides", "calls upon", "ENCOURAGES", "Notes", "Welcoming"]


def _draft_block(n: int, rng: random.Random) -> str:
    if n % 7 == 0:
        return f"Recalling its resolution {n} of 1 May 2031,\n\n"
    s = f"{n}. {rng.choice(_OPENERS)} the invented body to act on item {n} with care;\n\n"
    if n % 11 == 0:
        s += "(a) To report;\n\n(b) to review,\n\n"
    return s


def big_file(scale: float = 1.0) -> bytes:
    """A realistic draft repeated to 50 MB (at scale 1)."""
    target = int(50_000_000 * scale)
    rng = random.Random(1)
    parts = ["The General Assembly,\n\n"]
    size = len(parts[0])
    n = 1
    while size < target:
        block = _draft_block(n, rng)
        parts.append(block)
        size += len(block)
        n += 1
    return "".join(parts).encode("utf-8")


def long_line(scale: float = 1.0) -> bytes:
    """One line of 200,000 characters: a paragraph without a single line break."""
    n = int(200_000 * scale)
    words = ["1.", "Decides", "that", "the", "invented", "body,", "(a)", "shall", "act;", "(b)", "report,", "2.", "Requests"]
    rng = random.Random(2)
    out = []
    size = 0
    while size < n:
        w = rng.choice(words)
        out.append(w)
        size += len(w) + 1
    return ("The General Assembly, " + " ".join(out))[:n].encode("utf-8")


def many_operative(scale: float = 1.0) -> bytes:
    """10,000 operative paragraphs (some numbered wrongly, some not at all)."""
    n = int(10_000 * scale)
    lines = ["The General Assembly,", "", "Recalling its work,", ""]
    for k in range(1, n + 1):
        label = f"{k}. " if k % 13 else ("" if k % 2 else f"{k + 1}. ")
        lines += [f"{label}Requests the invented body number {k} to act;", ""]
    return "\n".join(lines).encode("utf-8")


def deep_nesting(scale: float = 1.0) -> bytes:
    """Sub-paragraphs nested 1,000 levels deep, alternating label schemes."""
    depth = max(2, int(1000 * scale))
    lines = ["The General Assembly,", "", "1. Requests the invented body:", ""]
    romans = ["i", "ii", "iii", "iv", "v"]
    for d in range(depth):
        label = f"({'abcde'[d % 5]})" if d % 2 == 0 else f"({romans[d % 5]})"
        lines += ["  " * (d % 40) + f"{label} to act at level {d}:", ""]
    return "\n".join(lines).encode("utf-8")


def only_punctuation(scale: float = 1.0) -> bytes:
    """100,000 characters of punctuation, brackets, emphasis marks and line breaks."""
    rng = random.Random(3)
    alphabet = ",;:.!?()[]{}*_#-–—•<>\"“”'‘’/\\|@&%$^~`=+ \n\n\r\n"
    return "".join(rng.choice(alphabet) for _ in range(int(100_000 * scale))).encode("utf-8")


def nul_bytes(scale: float = 1.0) -> bytes:
    """A draft with NUL bytes inside words, between paragraphs, and a run of them."""
    base = "The General Assembly,\n\nRecall\x00ing its work,\n\n1. Dec\x00ides to act;\x00\n\n\x00\x00\x00\n\n2. Notes\x00;\n"
    reps = max(1, int(2_000 * scale))
    return (base * reps + "\x00" * int(10_000 * scale)).encode("utf-8")


def mixed_line_endings(scale: float = 1.0) -> bytes:
    """Paragraphs joined by LF, CRLF, CR, LF CR (not a pair) and Unicode separators."""
    rng = random.Random(4)
    breaks = ["\n", "\r\n", "\r", "\n\r", "\r\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
    parts = ["The General Assembly,"]
    for k in range(1, int(5_000 * scale) + 1):
        parts.append(rng.choice(breaks) + rng.choice(breaks) + f"{k}. Requests the body to act;")
    return "".join(parts).encode("utf-8")


def right_to_left(scale: float = 1.0) -> bytes:
    """Arabic and Hebrew paragraphs with bidi marks, embeddings and overrides."""
    paras = [
        "الجمعية العامة،",
        "\u200fإذ تشير إلى قرارها 12/34،",
        "1. \u202eتطلب\u202c إلى الأمين العام تقديم تقرير؛",
        "2. עברית \u2067מבקשת\u2069 לדווח;",
        "\u200e(a) mixed \u200fערבית\u200e text,",
        "3.\u00a0\u202bيقرر\u202c أن يبقي المسألة قيد نظره.",
    ]
    reps = max(1, int(2_000 * scale))
    return ("\n\n".join(paras * reps) + "\n").encode("utf-8")


def unicode_spaces_and_dashes(scale: float = 1.0) -> bytes:
    """Every Unicode space separator and dash punctuation, as separators and bullets."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"]
    dashes = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Pd"]
    extra = ["\u200b", "\u2060", "\ufeff", "\t", "\u180e"]
    lines = ["The General Assembly,", ""]
    reps = max(1, int(200 * scale))
    k = 0
    for _ in range(reps):
        for sp in spaces + extra:
            for dash in dashes[: 1 + k % len(dashes)][-1:]:
                k += 1
                lines += [f"{dash}{sp}{k}.{sp}Requests{sp}the{sp}body{dash}to{sp}act{sp};", ""]
    return "\n".join(lines).encode("utf-8")


BUILDERS: dict[str, Callable[[float], bytes]] = {
    "big-file": big_file,
    "long-line": long_line,
    "many-operative": many_operative,
    "deep-nesting": deep_nesting,
    "only-punctuation": only_punctuation,
    "nul-bytes": nul_bytes,
    "mixed-line-endings": mixed_line_endings,
    "right-to-left": right_to_left,
    "unicode-spaces-dashes": unicode_spaces_and_dashes,
}
