"""PRE: preambular paragraphs."""

from resolint_rules.pre.finite_verb_in_preamble import FiniteVerbInPreamble
from resolint_rules.pre.item_sequence import PreambularItemSequence
from resolint_rules.pre.modifier_position import PreambleModifierPosition
from resolint_rules.pre.numbered_preamble import NumberedPreamble
from resolint_rules.pre.opener_case import PreambleOpenerCase
from resolint_rules.pre.repeated_opener import RepeatedPreambleOpener
from resolint_rules.pre.terminal_punctuation import PreambleTerminalPunctuation
from resolint_rules.pre.unknown_opener import UnknownPreambleOpener

RULES = [
    FiniteVerbInPreamble,
    UnknownPreambleOpener,
    PreambleOpenerCase,
    PreambleTerminalPunctuation,
    NumberedPreamble,
    RepeatedPreambleOpener,
    PreambleModifierPosition,
    PreambularItemSequence,
]
