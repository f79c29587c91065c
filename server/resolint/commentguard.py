"""Comments kept out of reach of safe fixes that rewrite the words around them.

Citations and instruments' names are read through a comment typed inside them
(:func:`resolint.invisible.reader_view`: "the UN Convention against <!-- check
-->Corruption" is a wrong name of the United Nations Convention against Corruption), so a
fix that writes the name right replaces a stretch that holds the comment. Applied, it
would delete the drafter's note or directive along with the wrong words. The engine makes
such a fix unsafe (the editor's quick fix shows what it replaces), for every rule, as
:mod:`resolint.listguard` does for lists. A fix that deletes a comment and nothing else
(SUP001's removal of a directive that suppresses nothing) does what it says.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from resolint.invisible import COMMENT, document_has_comment
from resolint.rule import Applicability, Fix

#: A finding (anything with a ``fix`` a dataclass copy can replace).
F = TypeVar("F", bound=Any)


def drops_a_comment(fix: Fix, text: str) -> bool:
    """Whether an edit of ``fix`` replaces a stretch of ``text`` holding a comment (or the
    start of one) that its new text does not keep, other than by deleting the comment alone."""
    for e in fix.edits:
        old = text[e.span.start : e.span.end]
        if "<!--" not in old:
            continue
        comments = [m.group(0) for m in COMMENT.finditer(old)]
        if not e.new_text.strip() and len(comments) == 1 and old.strip() == comments[0]:
            continue  # the comment deleted, and nothing else
        if old.count("<!--") != len(comments) or any(c not in e.new_text for c in comments):
            return True
    return False


def guard_findings(findings: list[F], text: str) -> list[F]:
    """``findings`` with each safe fix that drops a comment made unsafe; the others kept,
    not copied (a text without a comment is returned as it came)."""
    if not document_has_comment(text):
        return findings
    out = list(findings)
    for i, f in enumerate(out):
        fix = f.fix
        if fix is not None and fix.applicability is Applicability.SAFE and drops_a_comment(fix, text):
            out[i] = replace(f, fix=Fix(fix.title, Applicability.UNSAFE, fix.edits))
    return out
