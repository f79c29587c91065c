"""Why ``--fix`` leaves a whole file as it is, whatever its findings' fixes say.

Two things make any fix a guess: text the parser could not place (DOC004: a fix may
land in what it misread), and a house style that no opening or title block named (the
style was guessed from a mention in running text, or is only the default for a body no
style knows, whose own conventions its safe fixes would rewrite). Text files and Word
documents are fixed by different code; both ask here, so a Word document is refused for
the same reasons as the same text (it was fixed in the default style while its text was
refused).

A third makes fixing too slow to wait for: a file with more findings with a fix than
:data:`MAX_FIXES`. Each pass of ``--fix`` lints the text again and parses it a few times
more to check that its fixes keep the structure; a 322 KB adversarial draft of 183,000
fixable findings ran for over two minutes. Below the cap nothing changes: the cap says
so and leaves the file, where it would otherwise have run for minutes.
"""

from __future__ import annotations

from resolint.cli.drafts import draft_signal
from resolint.config import Settings
from resolint.engine import opening_text
from resolint.model import Kind
from resolint.styles import UNKNOWN_BODY, detect_style

UNPLACED = "it has text the parser could not place (DOC004)"

#: Findings with a fix in one file beyond which ``--fix`` leaves it (see the module
#: docstring). The drafts of the corpus have at most a hundred; a 1 MB compilation of
#: real resolutions a few hundred.
MAX_FIXES = 10_000


def fix_refusal(result, settings: Settings, forced: str | None) -> str:
    """Why ``--fix`` must not rewrite the file ``result`` was linted from ("" when it may)."""
    if result.resolution.of_kind(Kind.UNPLACED):
        return UNPLACED
    return too_many_fixes(result.findings) or style_from_prose(result, settings, forced)


def too_many_fixes(findings) -> str:
    """Why fixing is refused because ``findings`` offer more fixes than :data:`MAX_FIXES`
    ("" when they do not)."""
    n = sum(1 for f in findings if f.fix is not None)
    if n <= MAX_FIXES:
        return ""
    return (f"it has {n:,} findings with a fix, more than --fix takes on in one file ({MAX_FIXES:,}): fixing "
            "would take minutes; fix a part of it first, or fewer rules at a time (--select)")


def refuse_fixes(report, refused: str) -> None:
    """Without --fix: say that --fix would leave the file, and offer none of its fixes
    ("[*] 1 fixable with --fix" over a file --fix then refused)."""
    if refused:
        report.unfixable = refused
        report.notes.append(f"--fix leaves this file as it is: {refused}")


def style_from_prose(result, settings: Settings, forced: str | None) -> str:
    """Why fixing is refused because the style was guessed from prose ("" when it was not).

    An auto-detected style is trusted for fixes only when the opening itself, or a short
    title-block line, names the body; a mention in a sentence is not a house style, and
    the default style is not the house style of a body the opening names but no style
    knows.
    """
    if (forced or settings.style) != "auto":  # "--style auto" names no style: it asks for the detection
        return ""
    res = result.resolution
    text = res.source.text
    house = settings.styles  # the configuration's own styles take part, as in the detection itself
    opening = opening_text(res, house)
    if opening:
        name, reason = detect_style(opening, "", custom=house)
        if name == result.style.name and "default" not in reason:
            return ""
    lines = [line.strip() for p in res.title.paragraphs for line in text[p.span.start : p.span.end].splitlines()]
    # A title-block line ("GA-2025-93-RES-03", "Resolution No. 3", "78/10. Subject") or a
    # heading-length line; a sentence that mentions a body is prose.
    short = "\n".join(line for line in lines if draft_signal(line) or len(line.split()) <= 8)
    name, reason = detect_style("", short, custom=house)
    if name == result.style.name and "default" not in reason:
        return ""
    if UNKNOWN_BODY in result.style.detected_because:
        # "The General Conference,": a body with house rules of its own, which the
        # default style's safe fixes rewrote ("URGES" to "Urges", ";" to ",").
        return (f"the opening names a body with no style of its own, and {result.style.name} (the default) is not "
                "its house style; name a style with --style or style = in resolint.toml")
    if "default" in result.style.detected_because:
        return ""  # nothing named a body: the default style, not a guess
    return (f"the style ({result.style.name}) was guessed from a mention in the text, not from an opening or "
            "title block; name it with --style or style = in resolint.toml")
