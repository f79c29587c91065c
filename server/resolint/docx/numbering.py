"""Automatic numbering: the label a reader sees in front of a Word paragraph.

Word does not store "3." in the text of an automatically numbered paragraph; it stores a
reference (``w:numPr``: a list instance ``numId`` and a level ``ilvl``) and computes the
label when it lays the document out, from ``numbering.xml``:

- ``w:num`` (a list instance) points to a ``w:abstractNum`` (the definition) and may
  override a level's start value (``w:startOverride``) or the whole level;
- ``w:lvl`` gives the start value, the number format (``decimal``, ``lowerLetter``,
  ``lowerRoman``, ``bullet``, …), the label template (``%1.``, ``(%2)``, ``%1.%2``) and
  when the level restarts (``w:lvlRestart``; by default after any higher level).

A paragraph gets its ``numPr`` directly or from its paragraph style (``List Number``),
possibly through ``basedOn``; a level may also be tied to a style (``w:pStyle`` in the
level). Counting follows what Word and LibreOffice do in practice: instances of the same
abstract definition share their counters (so a list split by other paragraphs goes on
counting), except an instance that overrides a start value, which counts on its own from
that value — that is how "restart numbering" is stored.

A package is untrusted input: a level that is not a number (``w:ilvl="x"``) is read as
level 0 and a start value is held to Word's own range (0 to :data:`MAX_START`), each with
a note, so a list "starting" at 10^15 costs nothing (its letter label would otherwise be
a string of 10^13 characters). A level text longer than :data:`MAX_LEVEL_TEXT` is read
cut to that length, with a note, and the level text rendered is counted
(:attr:`Numbering.work`) so the reader's size limit covers it: a label template of two
million ``%1`` in a ``none`` format rendered "" for each numbered paragraph, for minutes.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from resolint.numerals import ordinal, to_roman
from resolint.records import record

MAX_LEVELS = 9
BULLET = "•"
#: The largest start value Word accepts for a list ("Set Numbering Value" stops there).
MAX_START = 32767
#: Letter labels repeat the letter (aa, aaa, …); past this many repeats we show digits.
MAX_LETTER_REPEAT = 10
#: The longest level text (``w:lvlText``: "%1.", "(%2)", "Article %1 -") read. Word's
#: dialog box for a number format takes a few dozen characters; a longer one is damage or
#: an attack, and is read cut to this length.
MAX_LEVEL_TEXT = 255
#: A reference to a level's counter in a level text.
_PLACEHOLDER = re.compile(r"%([0-9])")

_W_VAL = qn("w:val")


def on_off(el) -> bool:
    """The value of an OOXML on/off property element (``<w:i/>``, ``<w:i w:val="0"/>``)."""
    val = el.get(_W_VAL)
    return val is None or val.lower() not in ("0", "false", "off", "none")


def _int(el, default: int | None = None) -> int | None:
    if el is None:
        return default
    return _parse_int(el.get(_W_VAL), default)


def _parse_int(value: str | None, default: int | None = None) -> int | None:
    """An OOXML decimal number, or ``default`` for anything else (never raises)."""
    if value is None:
        return default
    value = value.strip()
    if not (value.isascii() and value.lstrip("+-").isdigit()) or len(value) > 20:
        return default
    return int(value)


def _start(value: int | None, default: int | None, notes: list[str] | None) -> int | None:
    if value is None:
        return default
    if 0 <= value <= MAX_START:
        return value
    held = max(0, min(MAX_START, value))
    if notes is not None:
        notes.append(f"list start value {value} is out of range; read as {held}")
    return held


@record(frozen=True, slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # 1-based level after which this one restarts; 0: never; None: default
    legal: bool = False  # w:isLgl: every referenced level shown in decimal
    style: str | None = None  # paragraph style tied to this level


def _level(el, notes: list[str] | None = None) -> Level:
    def child(name: str):
        return el.find(qn(name))

    text_el = child("w:lvlText")
    fmt_el = child("w:numFmt")
    style_el = child("w:pStyle")
    return Level(
        start=_start(_int(child("w:start"), 1), 1, notes) or 0,
        fmt=fmt_el.get(_W_VAL, "decimal") if fmt_el is not None else "decimal",
        text=_level_text(text_el.get(_W_VAL, "") if text_el is not None else "", notes),
        restart=_int(child("w:lvlRestart")),
        legal=child("w:isLgl") is not None and on_off(child("w:isLgl")),
        style=style_el.get(_W_VAL) if style_el is not None else None,
    )


def _level_text(text: str, notes: list[str] | None) -> str:
    if len(text) <= MAX_LEVEL_TEXT:
        return text
    if notes is not None:
        notes.append(f"a list's number format of {len(text):,} characters is read as its first {MAX_LEVEL_TEXT}")
    return text[:MAX_LEVEL_TEXT]


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    return to_roman(n)


def _letter(n: int) -> str:
    # Word's lowerLetter goes a…z, aa…zz, aaa…: the letter repeated, not base 26.
    if n <= 0 or (n - 1) // 26 >= MAX_LETTER_REPEAT:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        return ordinal(n)
    if fmt == "none":
        return ""
    return str(n)  # decimal and every format we do not render specially


class Numbering:
    """Resolves ``w:numPr`` references to labels, paragraph by paragraph, in order.

    Call :meth:`label` once per body paragraph in document order: counting is stateful,
    exactly as in Word's layout.
    """

    def __init__(self, numbering_el, styles: StyleSheet) -> None:  # noqa: F821 - see runprops
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._abstract_link: dict[str, str] = {}  # abstractNumId -> numbering style it links to
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._counters: dict[tuple[str, str], list[int | None]] = {}
        self.notes: list[str] = []  # what was read differently from what the file says
        #: Characters of level text rendered so far: the reader counts them against its
        #: size limit, as a label's work even when the label is "" (format ``none``).
        self.work = 0
        if numbering_el is not None:
            self._read(numbering_el)

    def _read(self, root) -> None:
        for a in root.iterfind(qn("w:abstractNum")):
            aid = a.get(qn("w:abstractNumId"))
            self._abstract[aid] = {self._ilvl(lvl): _level(lvl, self.notes) for lvl in a.iterfind(qn("w:lvl"))}
            link = a.find(qn("w:numStyleLink"))
            if link is not None and link.get(_W_VAL):
                self._abstract_link[aid] = link.get(_W_VAL)
        for n in root.iterfind(qn("w:num")):
            nid = n.get(qn("w:numId"))
            abs_el = n.find(qn("w:abstractNumId"))
            aid = abs_el.get(_W_VAL) if abs_el is not None else None
            levels: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for ov in n.iterfind(qn("w:lvlOverride")):
                ilvl = self._ilvl(ov)
                lvl = ov.find(qn("w:lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl, self.notes)
                so = _start(_int(ov.find(qn("w:startOverride"))), None, self.notes)
                if so is not None:
                    starts[ilvl] = so
            if aid is not None:
                self._nums[nid] = (aid, levels, starts)

    def _ilvl(self, el) -> int:
        """The ``w:ilvl`` attribute of a level definition or override: 0 to 8, else 0."""
        raw = el.get(qn("w:ilvl"), "0")
        value = _parse_int(raw)
        if value is None or not 0 <= value < MAX_LEVELS:
            self.notes.append(f"numbering level {raw!r} is not a level from 0 to {MAX_LEVELS - 1}; read as level 0")
            return 0
        return value

    def _abstract_for(self, num_id: str) -> str | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        # A definition that only links to a numbering style: follow the style's numId once.
        style_id = self._abstract_link.get(aid)
        if style_id:
            linked = self._styles.num_pr(style_id)
            if linked and linked[0] and linked[0] in self._nums and self._nums[linked[0]][0] != aid:
                return self._nums[linked[0]][0]
        return aid

    def level(self, num_id: str, ilvl: int) -> Level | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        override = entry[1].get(ilvl)
        if override is not None:
            return override
        aid = self._abstract_for(num_id)
        return self._abstract.get(aid, {}).get(ilvl) if aid is not None else None

    def num_pr(self, p_pr, style_id: str | None) -> tuple[str, int] | None:
        """The (numId, ilvl) a paragraph is numbered with, or None."""
        num_id: str | None = None
        ilvl: int | None = None
        if p_pr is not None:
            np = p_pr.find(qn("w:numPr"))
            if np is not None:
                nid_el = np.find(qn("w:numId"))
                if nid_el is not None:
                    num_id = nid_el.get(_W_VAL)
                ilvl_el = np.find(qn("w:ilvl"))
                ilvl = _int(ilvl_el)
                if ilvl_el is not None and ilvl is None:
                    self.notes.append(f"numbering level {ilvl_el.get(_W_VAL)!r} is not a number; read as level 0")
        if num_id is None and style_id:
            from_style = self._styles.num_pr(style_id)
            if from_style:
                num_id, style_ilvl = from_style
                if ilvl is None:
                    ilvl = style_ilvl
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        if ilvl is None:
            ilvl = self._level_for_style(num_id, style_id)
        return num_id, max(0, min(MAX_LEVELS - 1, ilvl))

    def _level_for_style(self, num_id: str, style_id: str | None) -> int:
        aid = self._abstract_for(num_id)
        if style_id and aid is not None:
            for ilvl, lvl in self._abstract[aid].items():
                if lvl.style == style_id:
                    return ilvl
        return 0

    def list_of(self, p_pr, style_id: str | None, *, numbered: bool = False) -> tuple[str, str] | None:
        """Which list a paragraph is counted in (the key of its counters: an instance
        that restarts its numbering counts alone, the others with their definition), or
        None for a paragraph Word does not number (``numbered``: nor one it bullets).
        Counts nothing; notes nothing."""
        notes = len(self.notes)
        ref = self.num_pr(p_pr, style_id)
        del self.notes[notes:]
        lvl = self.level(*ref) if ref is not None else None
        if lvl is None or (numbered and lvl.fmt == "bullet"):
            return None
        return self._list_key(ref[0])

    def _list_key(self, num_id: str) -> tuple[str, str]:
        aid, _, starts = self._nums[num_id]
        return ("num", num_id) if starts else ("abstract", self._abstract_for(num_id) or aid)

    def label(self, p_pr, style_id: str | None) -> str:
        """Advance the counters for this paragraph and return its label ("" if none)."""
        ref = self.num_pr(p_pr, style_id)
        if ref is None:
            return ""
        num_id, ilvl = ref
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return ""
        counters = self._advance(num_id, ilvl)
        self.work += len(lvl.text)
        if lvl.fmt == "bullet":
            return BULLET
        if lvl.fmt == "none" and "%" not in lvl.text:
            return lvl.text.strip()
        return self._render(lvl, num_id, ilvl, counters)

    def _counters_of(self, num_id: str) -> list[int | None]:
        """The counters ``num_id`` advances: its own when it overrides a start value, else
        those of its abstract list, which every instance without overrides continues."""
        key = self._list_key(num_id)
        counters = self._counters.get(key)
        if counters is None:
            counters = [None] * MAX_LEVELS
            self._counters[key] = counters
        return counters

    def _start_of(self, num_id: str, i: int) -> int:
        """Level ``i``'s first value: the instance's override, else the level's start."""
        starts = self._nums[num_id][2]
        if i in starts:
            return starts[i]
        lv = self.level(num_id, i)
        return lv.start if lv else 1

    def _advance(self, num_id: str, ilvl: int) -> list[int | None]:
        """Count one more paragraph at ``ilvl`` and reset the deeper levels that restart
        after it; return the counters."""
        counters = self._counters_of(num_id)
        counters[ilvl] = self._start_of(num_id, ilvl) if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            dl = self.level(num_id, deeper)
            restart = dl.restart if dl and dl.restart is not None else deeper
            # lvlRestart counts levels from 1: "restart after level k" resets when a level
            # with ilvl < k is used; 0 means never.
            if restart and ilvl < restart:
                counters[deeper] = None
        return counters

    def _render(self, lvl, num_id: str, ilvl: int, counters: list[int | None]) -> str:
        """The level's text with each ``%N`` replaced by level N's counter in its format
        (decimal throughout in a legal-style list: "1.1.1")."""
        def number(match: re.Match) -> str:
            ref_lvl = int(match.group(1)) - 1
            in_range = 0 <= ref_lvl < MAX_LEVELS and counters[ref_lvl] is not None
            value = counters[ref_lvl] if in_range else self._start_of(num_id, ref_lvl)
            ref_def = self.level(num_id, ref_lvl) if ref_lvl != ilvl else lvl
            fmt = "decimal" if lvl.legal else (ref_def.fmt if ref_def else "decimal")
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(number, lvl.text).strip()
