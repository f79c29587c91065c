"""SUP: suppression hygiene. The engine emits these; the classes document and register them."""

from resolint_rules.sup.malformed_directive import MalformedDirective
from resolint_rules.sup.unused_suppression import UnusedSuppression

RULES = [UnusedSuppression, MalformedDirective]
