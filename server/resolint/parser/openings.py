"""Whether a line is a resolution's opening ("The General Assembly,", "The ICPO-INTERPOL
General Assembly, meeting in …:"), and who speaks in it.

Read by the walk that places paragraphs (``parser.placement``), by the cut of a first
clause run onto the opening's line (``parser.groups``) and by the CLI's test of what is a
draft: on its own, so that each can ask without importing the others.
"""

from __future__ import annotations

from resolint.invisible import as_read
from resolint.parser import patterns as P
from resolint.parser.labels import before_note_reference


def is_opening(text: str) -> bool:
    """Whether ``text`` is an opening ("The General Assembly,"), on one line or wrapped
    over several (read as one); a transmittal formula (:func:`is_transmittal`) is not."""
    rest = _opening_rest(text)
    if rest is None or _transmits(rest):
        return False
    if rest == "" and text.lstrip().startswith("#"):
        return False  # "# The General Assembly": a Markdown document's title; its opening has its mark ("### The General Assembly,")
    # An opening ends the line with "," or ":" (or nothing, which a rule reports);
    # a sentence that starts with "The Council" goes on with a verb and other clauses.
    if rest in (".", ";"):
        return True  # "The General Assembly." — an opening with the wrong mark
    if rest == "" or rest[-1] in ",:" or P.INTERPOL_MEETING.search(rest):
        return True
    # "… Union (Dubai, 2018)" without its comma: a rule reports the mark (read as a title
    # line, the whole resolution went unchecked).
    return bool(P.PLACE_YEAR_END.search(rest))


def is_transmittal(text: str) -> bool:
    """Whether ``text`` is a transmittal formula: "The Third Committee recommends to the
    General Assembly the adoption of the following draft resolution:", "The Human Rights
    Council adopts the following resolution:". A commission or a Main Committee passes a
    draft on with it, above the draft's own opening ("The General Assembly,"): it is title
    text, not the opening (read as one, DOC002's safe fix turned its colon into a comma,
    and the real opening started a second part). The body's name goes on with a verb, no
    comma between (INTERPOL's "The ICPO-INTERPOL General Assembly, meeting in …:" is an
    opening), and the line ends announcing the text that follows."""
    rest = _opening_rest(text)
    return rest is not None and _transmits(rest)


def _opening_rest(text: str) -> str | None:
    """What follows the body's name in an opening-shaped ``text`` (read as one line; a
    footnote's reference and emphasis marks at its end left out), or None when ``text``
    does not start as an opening."""
    if len(text) > P.OPENING_MAX_CHARS:
        return None
    line = as_one_line(as_read(text))  # as printed: "The General Assem\u2060bly,"
    m = P.OPENING.match(line)
    if not m:
        return None
    rest = m.group("rest").rstrip("*_ ")
    if rest and rest[-1] not in ",:;.":
        # No mark after the first body word: the name may go on to another ("The General
        # Assembly Third Committee" with its comma left out, which a rule reports).
        goes_on = P.NAME_GOES_ON.match(rest)
        rest = goes_on.group("rest").rstrip("*_ ") if goes_on else rest
    # "The General Assembly,¹": a footnote's reference after the mark is not the line's end.
    return rest[: before_note_reference(rest, 0, len(rest))].rstrip("*_ ")


def _transmits(rest: str) -> bool:
    """Whether the ``rest`` of an opening-shaped line (:func:`_opening_rest`) is a
    transmittal formula's (:func:`is_transmittal`)."""
    return rest[-1:] == ":" and rest.lstrip()[:1] != "," and P.TRANSMITTAL_END.search(rest) is not None


def as_one_line(text: str) -> str:
    """``text`` with its line breaks (and the spaces around them) read as one space: an
    opening an editor wrapped at a margin is matched as the one line it stands for."""
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def starts_wrapped_opening(line: str) -> bool:
    """Whether ``line`` (stripped, not an opening itself) may be the first line of an
    opening wrapped over several: it starts as one ("The Plenipotentiary Conference of the
    International Telecommunication" / "Union (Dubai, 2018),") and ends with no mark."""
    return len(line) <= P.OPENING_MAX_CHARS and line[-1] not in ",:;." and P.OPENING.match(as_read(line)) is not None


def opening_name(text: str) -> str:
    """Who speaks in an opening line, as compared: "the plenipotentiary conference" of
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai,
    2018),"; "" for a text that does not start as one."""
    m = P.OPENING.match(text := as_one_line(as_read(text))) if len(text) <= P.OPENING_MAX_CHARS else None
    if m is None:
        return ""
    return " ".join(m.group(0)[: m.end("organ")].lstrip("*_").casefold().split())
