from __future__ import annotations

import bisect
import re
from collections import Counter

from resolint.facts import Analysis
from resolint.lazyre import lazy
from resolint.literals import matches_at
from resolint.model import Kind, LabelScheme, Paragraph, Resolution
from resolint.parser.labels import decimal_path
from resolint.parser.numbering import counted
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span, SpanSet, relative
from resolint_rules.labels import reads_back
from resolint_rules.opr.sequences import is_numbered, with_empty_word_items

#: Internal references a renumbering must follow: "paragraph 3 above",
#: "paragraphs 3 and 4 below", "paragraph 5 of the present resolution".
#: A number may carry the mark of a paragraph inserted after it ("paragraph 3 bis below"),
#: which follows that number when it changes.
#: A number may also name sub-paragraphs of it ("paragraph 4 (a) below", "paragraph 4(b)
#: above", "paragraph 4 (a) and (b) below"): the number is still the paragraph's, and a
#: renumbering that left it pointed one sentence at two paragraphs.
_SUBPARAGRAPHS = r"(?:[ \t\u00a0]?\([a-z]{1,5}\)(?:\s*(?:,|and|or|to|-|–)\s*\([a-z]{1,5}\))*)?"
_NUMBER = r"\d{1,3}(?:[ \t\u00a0]?(?:bis|ter|quater|quinquies|sexies|septies|octies)\b)?" + _SUBPARAGRAPHS
INTERNAL_REF = lazy(
    rf"\b[Pp]aragraphs?\s+(?P<nums>{_NUMBER}(?:\s*(?:,|and|to|-|–)\s*{_NUMBER})*)"
    r"(?P<tail>\s+(?:above|below|of\s+the\s+present\s+resolution|of\s+this\s+resolution))"
)


#: The same pattern without its first letter, so that ``re`` can search for a literal
#: ("aragraph") instead of trying the pattern at every position of the text.
_REF_TAIL = re.compile(INTERNAL_REF.pattern.replace(r"\b[Pp]aragraphs?", "aragraphs?", 1))
_WORD_CHAR = re.compile(r"\w")
#: The literal every match of ``_REF_TAIL`` starts with.
REF_HEAD = "aragraph"


def internal_refs(text: str, starts: list[int] | None = None):
    """Internal references in ``text``; ``starts``: where "aragraph" stands in it, when
    the caller has them (every match of the tail pattern starts there)."""
    for m in _REF_TAIL.finditer(text) if starts is None else matches_at(_REF_TAIL, text, starts):
        p = m.start() - 1
        if p < 0 or text[p] not in "Pp" or (p > 0 and _WORD_CHAR.match(text, p - 1)):
            continue
        yield m


def reference_numbers(text: str, starts: list[int] | None = None) -> list[tuple[int, Span]]:
    """Every number inside an internal reference: (value, span); ``starts`` as for
    :func:`internal_refs`."""
    out = []
    for m in internal_refs(text, starts):
        for num in re.finditer(r"\d{1,3}", m.group("nums")):
            start = m.start("nums") + num.start()
            out.append((int(num.group(0)), Span(start, start + len(num.group(0)))))
    return out


def _document_reference_numbers(facts: Analysis) -> list[tuple[int, Span]]:
    """:func:`reference_numbers` of the whole document, kept for every sequence in it.
    The pattern is tried where "aragraph" stands (``Analysis.literal_starts``: after a
    keystroke the language server searches for it only around the edit), not scanned
    over the text: 2-3 ms of every keystroke in a 1 MB compilation."""
    return reference_numbers(facts.text, facts.literal_starts(REF_HEAD))


def reference_edits(
    text: str, mapping: dict[int, int], skip: list[Span], numbers: list[tuple[int, Span]] | None = None
) -> list[Edit]:
    """Edits renumbering internal references by ``mapping`` (old number -> new).

    ``numbers`` is :func:`reference_numbers` of ``text``, when the caller has it already
    (a text with many sequences is then scanned once, not once per sequence).
    """
    edits = []
    skipped = SpanSet(skip)
    for old, span in reference_numbers(text) if numbers is None else numbers:
        new = mapping.get(old)
        if new is None or new == old:
            continue
        if skipped.overlaps(span):
            continue
        edits.append(Edit(span, str(new)))
    return edits


def part_bounds(res: Resolution, part: int) -> tuple[int, int] | None:
    """Where part ``part`` of a multi-part text starts and ends, annexes and comments left
    out (``Paragraph.own``: the parser gives them part 0 wherever they stand, so the first
    part's bounds must not reach them); None when it has no paragraph. Its paragraphs lie
    between its opening and the next (a part is counted at each opening), so only those
    are read: the language server asks this after every keystroke for the lists an edit
    reached, and a pass over the whole document for every part was 3% of a keystroke in a
    compilation."""
    span = res.part_range(part)
    inside = [q for q in res.paragraphs[span.start : span.stop] if q.part == part and q.own]
    return (inside[0].span.start, inside[-1].span.end) if inside else None


def _references_in_part(facts: Analysis, part: int) -> list[tuple[int, Span]]:
    """:func:`reference_numbers` of the document inside part ``part``'s bounds (a
    renumbering follows only the references of its own resolution), once per part and lint."""
    kept = facts.derived(_references_by_part)
    found = kept.get(part)
    if found is None:
        numbers = facts.derived(_document_reference_numbers)
        found = kept[part] = _inside(numbers, facts.derived(_reference_starts), part_bounds(facts.resolution, part)) if numbers else []
    return found


def _references_by_part(facts: Analysis) -> dict[int, list[tuple[int, Span]]]:
    """Part -> :func:`_references_in_part`, filled as parts are asked for."""
    return {}


def _reference_starts(facts: Analysis) -> list[int]:
    return [sp.start for _, sp in facts.derived(_document_reference_numbers)]


def _inside(numbers: list[tuple[int, Span]], starts: list[int], bounds: tuple[int, int] | None) -> list[tuple[int, Span]]:
    """The ``numbers`` (their ``starts``, in order) that lie within ``bounds``."""
    if bounds is None:
        return []
    lo, hi = bounds
    out = []
    for n, sp in numbers[bisect.bisect_left(starts, lo) :]:
        if sp.start >= hi:
            break
        if sp.end <= hi:
            out.append((n, sp))
    return out


def _labels_key(seq: list[Paragraph], base: int) -> tuple:
    """Everything of a list's paragraphs its numbering findings read (labels as written,
    their values and places), counted from ``base``."""
    return tuple(
        None if (lb := p.label) is None else (lb.text, lb.scheme, lb.value, relative(lb.span, base),
                                              tuple((q.label.text, relative(q.label.span, base)) for q in decimal_items(p)))
        for p in seq
    )


def decimal_items(p: Paragraph) -> list[Paragraph]:
    """The sub-items under ``p`` numbered by decimals after its number ("2.1", "2.1.3"
    under paragraph 2: ``resolint.parser.placement.decimal_item``), at any depth."""
    out: list[Paragraph] = []
    stack = list(reversed(p.children)) if p.children else []
    while stack:
        q = stack.pop()
        if q.label is not None and decimal_path(q.label) is not None:
            out.append(q)
        stack.extend(reversed(q.children))
    return out


def _relative(refs: list[tuple[int, Span]], base: int) -> tuple:
    return tuple((n, relative(sp, base)) for n, sp in refs)


def _first_number(q: Paragraph, new: int) -> Edit:
    """The edit that writes ``new`` for the first number of ``q``'s decimal label."""
    start = q.label.span.start
    return Edit(Span(start, start + len(q.label.text.split(".", 1)[0])), str(new))


def numbering_breaks(seq: list[Paragraph]) -> list[tuple[Paragraph, str]]:
    """Every numbered paragraph whose number is not the one expected after the paragraph
    before it, with what is wrong. An unnumbered paragraph between two numbered ones
    counts as a place (OPR001 reports it): "1." "(no number)" "3." has no break."""
    out = []
    prev: tuple[int, int] | None = None  # (position, number) of the last numbered paragraph
    for i, p in enumerate(seq):
        if not is_numbered(p):
            continue
        n = p.number
        expected = i + 1 if prev is None else prev[1] + (i - prev[0])
        if n != expected:
            if prev is None or i - prev[0] > 1:
                # after unnumbered paragraphs (OPR001): say where it stands
                msg = f"Numbering starts at {n}, not 1" if i == 0 else f"Paragraph numbered {n} is paragraph {i + 1} of the sequence"
            elif n == prev[1]:
                msg = f"Number {n} is used twice"
            elif n > expected:
                msg = f"Numbering skips from {prev[1]} to {n}"
            else:
                msg = f"Number {n} follows {prev[1]}; expected {expected}"
            out.append((p, msg))
        prev = (i, n)
    return out


class OperativeNumberingSequence(Rule):
    """
    ## What it does
    Checks that operative paragraphs (and the items of an operative list) are numbered
    1, 2, 3 … without a gap, a repeat, or a start other than 1, and offers to renumber
    them, updating internal references such as "paragraph 3 above" in the same text.
    Every break is reported, each where it is: in `1. 2. 3. 3. 4. 6.` the second `3.`
    ("Number 3 is used twice") and the `6.` ("Numbering skips from 4 to 6"), a number
    being checked against the one before it. The renumbering fix is one fix for the
    whole list, offered at the first break. A Markdown list whose items all carry the
    same number (`1.` `1.` `1.`) is numbered by the renderer and is not checked. In a
    Word document, an empty paragraph of a numbered list counts: Word shows its number.

    ## Why is this bad?
    Paragraphs are "numbered consecutively" (UN Editorial Manual), and other documents
    cite them by number. A skipped or repeated number makes "paragraph 4" ambiguous.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    3. Requests the Secretary-General to report on paragraph 1 above.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    2. Requests the Secretary-General to report on paragraph 1 above.
    ```

    ## Fix safety
    Unsafe: renumbering changes what references outside the text point to. References
    inside the text ("paragraph 3 above", "paragraph 3 (a) below", "paragraphs 2 and 3 of
    the present resolution") are renumbered with the paragraphs; a number used twice is
    left in references as is, and so is one that says neither where nor which text
    ("paragraph 3"), which may be another resolution's.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Paragraphs and subparagraphs" (operative paragraphs numbered 1., 2.; sub-paragraphs (a), (i), a., i.): <http://dd.dgacm.org/editorialmanual/ed-guidelines/format/para_subpara.htm>
    - UN Editorial Manual, instructions for the preparation of documents ("internal cross-references should be carefully checked in the final draft"): <http://dd.dgacm.org/editorialmanual/ed-guidelines/instr_prep_docs/instructions.htm>

    Repository note: the project knowledge base (`../shared/kb`) §1.3 UN-OP-01; §1.11 (cross-references re-checked after renumbering).
    """

    code = "OPR002"
    name = "operative-numbering-sequence"
    summary = "Operative numbering skips, repeats or does not start at 1"
    default_severity = Severity.ERROR
    kinds = (Kind.OPERATIVE,)
    fix_applicability = Applicability.UNSAFE

    def check(self, ctx: RuleContext):
        for seq in ctx.resolution.sequences:
            if not any(is_numbered(p) for p in seq):
                continue
            # A list reads nothing outside its resolution: one in a resolution of a
            # compilation that an edit did not reach keeps its findings as they were.
            yield from ctx.kept_in_unedited_part(self.code, seq[0], seq[-1], lambda seq=seq: self._kept_list(ctx, seq))

    def _kept_list(self, ctx: RuleContext, seq: list[Paragraph]):
        # The language server keeps each list's findings by what they depend on,
        # counted from its first paragraph: an edit elsewhere costs this key.
        facts = ctx.facts
        seq = with_empty_word_items(seq, ctx.resolution.paragraphs, ctx.formatting)
        base = seq[0].span.start
        refs = _references_in_part(facts, seq[0].part)
        return facts.kept_violations(
            lambda: (self.code, _labels_key(seq, base), _relative(refs, base)),
            base,
            lambda: self._check_sequence(ctx, seq, refs),
        )

    def _check_sequence(self, ctx: RuleContext, seq: list[Paragraph], refs: list[tuple[int, Span]]):
        breaks = list(numbering_breaks(counted(seq)))
        if not breaks:
            return  # the renumbering fix is worked out only for a list that needs it
        fix = self._renumber(ctx, seq, refs)
        for p, msg in breaks:
            # One renumbering fix for the whole list, offered at its first break.
            yield Violation(p.label.span, msg, fix)
            fix = None

    def _renumber(self, ctx: RuleContext, whole, numbers: list[tuple[int, Span]]) -> Fix | None:
        seq = counted(whole)
        if not all(reads_back(LabelScheme.ARABIC, len(seq), form) for form in {p.label.form for p in seq if is_numbered(p)}):
            # A list longer than the numbers a label holds ("1000." is no label): the
            # fix would turn its last paragraphs into text, and --fix tried it pass
            # after pass (13 lints of a 40 KB draft) before giving up.
            return None
        counts = Counter(p.number for p in seq if is_numbered(p))
        mapping: dict[int, int] = {}
        edits: list[Edit] = []
        labels: list[Span] = []
        for i, p in enumerate(seq):
            if not is_numbered(p):
                continue
            labels.append(p.label.span)
            new = i + 1
            if p.number != new:
                digits = re.match(r"\D*(\d+)", p.label.text)
                start = p.label.span.start + digits.start(1)
                edits.append(Edit(Span(start, start + len(digits.group(1))), str(new)))
                # Its items numbered after it go with it: "3.1" becomes "2.1" under "2.".
                edits += [_first_number(q, new) for q in decimal_items(p)]
            if counts[p.number] == 1:
                mapping[p.number] = new
        for q in whole:
            # "3 bis." follows its paragraph: "2 bis." when 3 becomes 2.
            if q.label is not None and q.label.inserted and q.label.value in mapping and mapping[q.label.value] != q.label.value:
                digits = re.match(r"\D*(\d+)", q.label.text)
                start = q.label.span.start + digits.start(1)
                edits.append(Edit(Span(start, start + len(digits.group(1))), str(mapping[q.label.value])))
        # Only references inside this resolution (its part of a multi-part text) follow.
        edits.extend(reference_edits(ctx.text, mapping, labels, numbers))
        if not edits:
            return None
        return Fix.unsafe(f"Renumber 1 to {len(seq)}", *edits)
