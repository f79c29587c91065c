"""Numerals, in one place: roman numerals (sub-paragraph labels "(iv)", Word's list
numbering and old General Assembly session numbers, "resolution 3363 (XXX)", all read or
write them) and English ordinals ("93rd session", Word's ordinal list numbering)."""

from __future__ import annotations

#: Values and their numerals, largest first (subtractive pairs included).
_NUMERALS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)
_VALUE = {s: v for v, s in _NUMERALS if len(s) == 1}


def to_roman(value: int) -> str:
    """``value`` in lower-case roman numerals ("" for 0 or less)."""
    parts = []
    for v, s in _NUMERALS:
        while value >= v:
            parts.append(s)
            value -= v
    return "".join(parts)


def roman_sum(text: str, digits: str = "IVXLCDMivxlcdm") -> int:
    """The value of ``text`` read leniently: a smaller digit before a larger one is
    subtracted, a character outside ``digits`` counts nothing ("IIII" is 4)."""
    total, prev = 0, 0
    for ch in reversed(text):
        v = _VALUE.get(ch.lower(), 0) if ch in digits else 0
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def roman_value(text: str, digits: str = "ivxlcdm") -> int | None:
    """The value of a canonical roman numeral written with ``digits`` ("iv", not "iiii"),
    or None: a label "(d)" is a letter when ``digits`` leaves d out."""
    low = text.lower()
    if not low or any(ch not in digits for ch in low):
        return None
    total = roman_sum(low, digits)
    return total if total > 0 and to_roman(total) == low else None


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 93rd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


#: Ordinal words below twenty, and the tens, as a session's name spells them
#: ("the Seventy-ninth World Health Assembly", "its eightieth session").
_UNIT_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TENS_ORDINALS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
                  "eightieth": 80, "ninetieth": 90}


def ordinal_words_value(words: str) -> int | None:
    """The number an ordinal in words names, 1 to 99 ("Seventy-ninth" is 79, "Eightieth"
    80, "first" 1), in any case; None for anything else."""
    low = words.strip().lower()
    if low in _UNIT_ORDINALS:
        return _UNIT_ORDINALS[low]
    if low in _TENS_ORDINALS:
        return _TENS_ORDINALS[low]
    tens, _, unit = low.partition("-")
    if tens in _TENS and unit in _UNIT_ORDINALS and _UNIT_ORDINALS[unit] < 10:
        return _TENS[tens] + _UNIT_ORDINALS[unit]
    return None
