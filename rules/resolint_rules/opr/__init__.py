"""OPR: operative paragraphs and their sub-paragraphs."""

from resolint_rules.opr.label_written_twice import LabelWrittenTwice
from resolint_rules.opr.operative_modifier_position import OperativeModifierPosition
from resolint_rules.opr.operative_number_format import OperativeNumberFormat
from resolint_rules.opr.operative_numbering_sequence import OperativeNumberingSequence
from resolint_rules.opr.operative_opener_case import OperativeOpenerCase
from resolint_rules.opr.operative_opener_form import OperativeOpenerForm
from resolint_rules.opr.operative_terminal_punctuation import OperativeTerminalPunctuation
from resolint_rules.opr.subparagraph_case import SubparagraphCase
from resolint_rules.opr.subparagraph_label_form import SubparagraphLabelForm
from resolint_rules.opr.subparagraph_label_sequence import SubparagraphLabelSequence
from resolint_rules.opr.unknown_operative_opener import UnknownOperativeOpener
from resolint_rules.opr.unnumbered_operative_paragraph import UnnumberedOperativeParagraph

RULES = [
    UnnumberedOperativeParagraph,
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
    LabelWrittenTwice,
]
