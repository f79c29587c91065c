"""TRM: names of instruments, house terms, abbreviations, spelling."""

from resolint_rules.trm.abbreviation_before_definition import AbbreviationBeforeDefinition
from resolint_rules.trm.abbreviation_defined_twice import AbbreviationDefinedTwice
from resolint_rules.trm.article_capitalization import ArticleCapitalization
from resolint_rules.trm.bidi_control import BidiControl
from resolint_rules.trm.body_name_case import BodyNameCase
from resolint_rules.trm.chief_officer_title import ChiefOfficerTitle
from resolint_rules.trm.convention_before_named import ConventionBeforeNamed
from resolint_rules.trm.inconsistent_instrument_short_form import InconsistentInstrumentShortForm
from resolint_rules.trm.instrument_first_mention import InstrumentFirstMention
from resolint_rules.trm.instrument_name_variant import InstrumentNameVariant
from resolint_rules.trm.invisible_character import InvisibleCharacter
from resolint_rules.trm.look_alike_letter import LookAlikeLetter
from resolint_rules.trm.member_term import MemberTerm
from resolint_rules.trm.number_glued_to_word import NumberGluedToWord
from resolint_rules.trm.organization_term import OrganizationTerm
from resolint_rules.trm.per_cent import PerCent
from resolint_rules.trm.self_reference import SelfReference
from resolint_rules.trm.spelling import Spelling

RULES = [
    InstrumentNameVariant, InstrumentFirstMention, ConventionBeforeNamed, ArticleCapitalization, ChiefOfficerTitle,
    MemberTerm, SelfReference, AbbreviationBeforeDefinition, AbbreviationDefinedTwice, Spelling, NumberGluedToWord,
    OrganizationTerm, InconsistentInstrumentShortForm, InvisibleCharacter, LookAlikeLetter, PerCent,
    BidiControl, BodyNameCase,
]
