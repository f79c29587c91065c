"""SUP: suppression hygiene. The engine emits these; the classes document and register them."""

from resolint_rules.sup.directives import MalformedDirective, UnusedSuppression

RULES = [UnusedSuppression, MalformedDirective]
