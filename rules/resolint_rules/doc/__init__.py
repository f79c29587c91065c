"""DOC: document structure, title block, opening and closing."""

from resolint_rules.doc.missing_opening import MissingOpening
from resolint_rules.doc.opener_italics import ItalicBeyondOpener, OpenerNotItalic
from resolint_rules.doc.opening_punctuation import OpeningPunctuation
from resolint_rules.doc.preamble_after_operative import PreambleAfterOperative
from resolint_rules.doc.unplaced_text import UnplacedText

RULES = [MissingOpening, OpeningPunctuation, PreambleAfterOperative, UnplacedText, OpenerNotItalic, ItalicBeyondOpener]
