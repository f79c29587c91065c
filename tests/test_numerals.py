"""Roman numerals (resolint.numerals): labels, Word list numbers and old session numbers."""

from resolint.numerals import roman_sum, roman_value, to_roman


def test_to_roman_writes_canonical_numerals():
    assert [to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == ["i", "iv", "ix", "xiv", "xl", "xc", "cd", "mcmxciv"]
    assert to_roman(0) == ""


def test_roman_value_accepts_only_canonical_numerals_of_the_given_digits():
    assert roman_value("xiv") == 14 and roman_value("XIV") == 14
    assert roman_value("iiii") is None  # not canonical
    assert roman_value("d", "ivxlc") is None  # a letter label, not 500
    assert roman_value("d") == 500
    assert roman_value("") is None and roman_value("a") is None


def test_roman_sum_reads_leniently_and_ignores_other_characters():
    assert roman_sum("XXX", "IVXL") == 30
    assert roman_sum("IIII", "IVXL") == 4
    assert roman_sum("xxx", "IVXL") == 0  # lower case is not a session number
    assert roman_sum("XLIX", "IVXL") == 49
