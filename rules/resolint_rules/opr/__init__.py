"""OPR: operative paragraphs and their sub-paragraphs."""

from resolint_rules.opr.modifier_position import OperativeModifierPosition
from resolint_rules.opr.number_format import OperativeNumberFormat
from resolint_rules.opr.numbering_sequence import OperativeNumberingSequence
from resolint_rules.opr.opener_case import OperativeOpenerCase
from resolint_rules.opr.opener_form import OperativeOpenerForm
from resolint_rules.opr.subparagraph_case import SubparagraphCase
from resolint_rules.opr.subparagraph_labels import SubparagraphLabelForm, SubparagraphLabelSequence
from resolint_rules.opr.terminal_punctuation import OperativeTerminalPunctuation
from resolint_rules.opr.unknown_opener import UnknownOperativeOpener
from resolint_rules.opr.unnumbered import UnnumberedOperative

RULES = [
    UnnumberedOperative,
    OperativeNumberingSequence,
    OperativeNumberFormat,
    OperativeOpenerForm,
    UnknownOperativeOpener,
    OperativeOpenerCase,
    OperativeTerminalPunctuation,
    SubparagraphLabelSequence,
    SubparagraphLabelForm,
    SubparagraphCase,
    OperativeModifierPosition,
]
