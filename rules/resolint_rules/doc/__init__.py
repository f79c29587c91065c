"""DOC: document structure, title block, opening and closing."""

from resolint_rules.doc.empty_list_item import EmptyListItem
from resolint_rules.doc.italic_beyond_opener import ItalicBeyondOpener
from resolint_rules.doc.line_numbered_draft import LineNumberedDraft
from resolint_rules.doc.meeting_place_date import MeetingPlaceDate
from resolint_rules.doc.missing_opening import MissingOpening
from resolint_rules.doc.not_english import NotEnglish
from resolint_rules.doc.opener_not_italic import OpenerNotItalic
from resolint_rules.doc.opening_punctuation import OpeningPunctuation
from resolint_rules.doc.ordinal_suffix import OrdinalSuffix
from resolint_rules.doc.page_furniture import PageFurniture
from resolint_rules.doc.paragraphs_run_together import ParagraphsRunTogether
from resolint_rules.doc.preamble_after_operative import PreambleAfterOperative
from resolint_rules.doc.session_mismatch import SessionMismatch
from resolint_rules.doc.title_number_mismatch import TitleNumberMismatch
from resolint_rules.doc.typed_number_after_automatic import TypedNumberAfterAutomatic
from resolint_rules.doc.unplaced_text import UnplacedText
from resolint_rules.doc.vote_line import VoteLine

RULES = [
    MissingOpening, OpeningPunctuation, PreambleAfterOperative, UnplacedText, OpenerNotItalic, ItalicBeyondOpener,
    TitleNumberMismatch, SessionMismatch, MeetingPlaceDate, OrdinalSuffix, VoteLine, ParagraphsRunTogether,
    PageFurniture, NotEnglish, LineNumberedDraft, EmptyListItem,
    TypedNumberAfterAutomatic,
]
