"""PRE: preambular paragraphs."""

from resolint_rules.pre.finite_verb_in_preamble import FiniteVerbInPreamble
from resolint_rules.pre.numbered_preambular_paragraph import NumberedPreambularParagraph
from resolint_rules.pre.preambular_item_sequence import PreambularItemSequence
from resolint_rules.pre.preambular_modifier_position import PreambularModifierPosition
from resolint_rules.pre.preambular_opener_case import PreambularOpenerCase
from resolint_rules.pre.preambular_terminal_punctuation import PreambularTerminalPunctuation
from resolint_rules.pre.repeated_preambular_opener import RepeatedPreambularOpener
from resolint_rules.pre.unknown_preambular_opener import UnknownPreambularOpener

RULES = [
    FiniteVerbInPreamble,
    UnknownPreambularOpener,
    PreambularOpenerCase,
    PreambularTerminalPunctuation,
    NumberedPreambularParagraph,
    RepeatedPreambularOpener,
    PreambularModifierPosition,
    PreambularItemSequence,
]
