from __future__ import annotations

import re

from resolint.lazyre import lazy
from resolint.listguard import protected_starts
from resolint.model import Kind, Paragraph
from resolint.nlp import is_known_form
from resolint.parser.placement import OPEN_QUOTES
from resolint.rule import Applicability, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.groups import in_group, is_group_head, item_mark
from resolint_rules.punctuation import terminal_fix

#: A paragraph that introduces a text, a table or a list that the parser does not
#: see as its sub-paragraphs.
INTRODUCES_TEXT = lazy(r"\b(?:the\s+following|as\s+follows|below)\b[^:]*:\W*$", re.IGNORECASE)
#: An item that ends with the list's conjunction after its mark, as the one before the
#: last item does ("…; and", "…, or"): the mark before it is the item's.
_MARK_AND_CONJUNCTION = lazy(r"([;,])\s+(?:and|or|and/or)[*_]*$")


class OperativeTerminalPunctuation(Rule):
    """
    ## What it does
    Checks the mark that ends each operative paragraph: a semicolon, a full stop on the
    last one, a colon on one that introduces sub-paragraphs or a list; that the very
    last sub-paragraph or item of the resolution ends with a full stop; and that no
    sub-paragraph ends with a full stop while others follow it in its list (it takes the
    mark the list uses between items: a semicolon, or a comma in a list of commas), nor
    without any mark in a list whose other items have theirs (the list's mark, or a
    semicolon on the last item of a paragraph that others follow). The last item of a
    paragraph that others follow takes a semicolon for a comma or a full stop too.

    ## Why is this bad?
    The resolution is one sentence: operative paragraphs are separated by semicolons and
    the last ends it with a full stop; a paragraph introducing sub-paragraphs ends with a
    colon (UN Editorial Manual; A/RES/51/1).

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.

    2. Requests the Secretary-General to report at its next session;
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    2. Requests the Secretary-General to report at its next session.
    ```

    ## Fix safety
    Safe: only punctuation changes. Unsafe when the paragraph ends with a word no clause
    ends with ("the", "of", "and", "their"…): it was broken, by a page break or a stray
    blank line, and its words go on in the next paragraph. A full stop that closes an
    abbreviation ("the U.S.", "etc.") is kept, the mark written after it ("the U.S.,").
    Unsafe when the full stop stands inside closing quotes ('the motto "Leave no one
    behind."'): it may be the quoted sentence's own.
    Unsafe when the mark to replace is a colon: it announces a list or a quotation the
    paragraph does not hold as read, and the sentence may go on there.

    ## Options
    None.

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>
    - UN Editorial Manual, "Paragraphs and subparagraphs" (operative paragraphs numbered 1., 2.; sub-paragraphs (a), (i), a., i.): <http://dd.dgacm.org/editorialmanual/ed-guidelines/format/para_subpara.htm>
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>

    Repository note: the project knowledge base (`../shared/kb`) §1.3 UN-OP-03, UN-OP-04; §3.1 IP-OP-02.
    """

    code = "OPR007"
    name = "operative-terminal-punctuation"
    summary = "Operative paragraph not ended by ';', '.' or ':' as its place requires"
    default_severity = Severity.WARNING
    kinds = (Kind.OPERATIVE, Kind.SUBPARAGRAPH)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        # A list reads nothing outside its resolution: one in a resolution of a
        # compilation that an edit did not reach keeps its findings (language server).
        for seq in ctx.resolution.sequences:
            yield from ctx.kept_in_unedited_part(self.code, seq[0], seq[-1], lambda seq=seq: self._check_list(ctx, seq))

    def _check_list(self, ctx: RuleContext, seq: list[Paragraph]):
        """One list (operative paragraphs of a part, or the items under one)."""
        last_of_part = seq[-1].parent is None and seq[-1] is self._last_top(ctx, seq[-1].part)
        for i, p in enumerate(seq):
            is_last = i == len(seq) - 1
            ends_part = is_last and (last_of_part or (p.parent is not None and p.parent is self._last_top(ctx, p.part)))
            if is_group_head(ctx, p):
                continue  # "resolves": its items carry the marks
            if in_group(ctx, p) and not (p.children and p.terminal_char(ctx.source) == ":"):
                want = item_mark(ctx, is_last, ends_part)
                yield from self._check(ctx, p, want, allow_period=(want == ";"))
                continue
            if p.children:
                want = ":"
            elif not is_last and _items_numbered_on(ctx, p, seq[i + 1]):
                continue  # its items are the paragraphs after it, numbered on (their openers say so: OPR005)
            elif ends_part:
                want = "."
            else:
                want = ";"
            yield from self._check(ctx, p, want, allow_period=(want == ";"))
            if p.children and ends_part and p.children[0].kind is Kind.SUBPARAGRAPH:
                last = p.last_descendant()
                if _wants_final_stop(ctx, last):
                    yield from self._check(ctx, last, ".", allow_period=False)
            if p.children and not is_group_head(ctx, p):
                yield from self._stops_mid_list(ctx, p, ends_part=ends_part)

    def _stops_mid_list(self, ctx: RuleContext, p: Paragraph, ends_part: bool = True):
        """A full stop ending a sub-paragraph that others follow in its list ("(b) To
        submit proposals." before "(c) …"): the sentence goes on, so it takes the mark its
        list uses between items — ";" (UN Editorial Manual), or "," where the other items
        end so (mandate lists of Security Council drafts do). Only a single sentence: one
        of several sentences ends with its full stop, as operative paragraphs may. Nested
        lists too. So does the one item ending with a comma in a list whose other items
        end with semicolons. Other marks mid-list vary too much in real drafts (a heading
        with its own items, "; and", lists of commas) to be told apart from slips.

        An item with no mark at all in a list whose other items have theirs is a slip too
        ("(b) … on humanitarian grounds" before "3. Decides …"): it takes the list's mark,
        or ";" when it ends the list of a paragraph that others follow (not ``ends_part``;
        the resolution's last item is checked for its full stop apart). So does a last
        item ending with a comma there ("(b) Promote digital literacy," before "2.
        Requests …"): the paragraph's sentence ends with it, in a list of commas too.
        So does a last item ending with a full stop there ("(b) To promote digital
        literacy." before "3. Requests …"), a single sentence as mid-list.
        A list none of whose items has a mark is written so, and left alone."""
        items = [c for c in p.children if c.kind is Kind.SUBPARAGRAPH]
        if not items:
            return
        source = ctx.source
        marks = [c.terminal_char(source) for c in items]
        ended = [m for m in marks[:-1] if m]  # (an item without a mark says nothing of the list's)
        between = ";" if ended.count(",") * 2 <= len(ended) else ","
        marked = any(marks)
        # One comma among items that end with semicolons ("(b) … national law," between
        # "(a) …;" and "(c) …;"): a slip. Lists of commas, or of both, are left alone.
        stray_comma = ended.count(",") == 1 and ";" in marks
        for c, mark in zip(items[:-1], marks[:-1], strict=True):
            if not c.children and _wrong_mid_list(ctx, c, mark, marked, stray_comma):
                yield from self._check(ctx, c, between, allow_period=False)
        if not ends_part and _last_item_wants_semicolon(ctx, p, items[-1], marks[-1], marked):
            yield from self._check(ctx, items[-1], ";", allow_period=False)
        for c in items:
            if c.children:
                # The last item's own items end the paragraph's sentence as it would have:
                # "(b) … including:" / "(ii) the bodies …," before "2. Encourages …".
                yield from self._stops_mid_list(ctx, c, ends_part=ends_part if c is items[-1] else True)

    def _last_top(self, ctx: RuleContext, part: int) -> Paragraph | None:
        # Once per document, not once per list (quadratic on long drafts).
        return ctx.facts.last_operative_of_part.get(part)

    def _check(self, ctx: RuleContext, p: Paragraph, want: str, allow_period: bool):
        have = p.terminal_char(ctx.source)
        # A paragraph that is several sentences ends with a full stop; UN texts accept
        # that mid-sequence, so only a missing mark or a comma is reported there.
        if have == want or (allow_period and have == "." and _sentences(ctx, p) > 1):
            return
        if want == ":" and have in (";", ".") and _quote_children(p):
            return
        if have == ":" and (INTRODUCES_TEXT.search(ctx.slice(p.content)) or _quotation_follows(ctx, p)):
            return  # "…as follows:", "…the table below:", "…with:" / "“2. …": it introduces a quoted text or table
        if have == ":" and p.terminal is not None and p.terminal.start in protected_starts(ctx):
            return  # "…should include:" before a list the parser did not hang under it
        conjunction = None if have else _item_conjunction(ctx, p)
        if conjunction is not None:
            yield from _ended_with_conjunction(conjunction, want)
            return
        found = terminal_fix(ctx, p, want)
        if found is None:
            return
        span, fix, have = found
        what = f"ends with '{have}'" if have else "has no final punctuation"
        kind = "Sub-paragraph" if p.kind is Kind.SUBPARAGRAPH else ("Item" if p.parent is not None else "Operative paragraph")
        yield Violation(span, f"{kind} {what}; end it with '{want}'", fix)


def _wrong_mid_list(ctx: RuleContext, item: Paragraph, mark: str, marked: bool, stray_comma: bool) -> bool:
    """Whether ``item``, which others follow in its list, ends with a mark the list does
    not use between items: a full stop ending a single sentence, no mark where others have
    theirs (``marked``), or the list's one comma among semicolons (``stray_comma``)."""
    if mark == ".":
        return _sentences(ctx, item) == 1
    return marked if mark == "" else mark == "," and stray_comma


def _last_item_wants_semicolon(ctx: RuleContext, p: Paragraph, last: Paragraph, mark: str, marked: bool) -> bool:
    """Whether the last item of ``p``, a paragraph that others follow, is to end with ';':
    it has no mark where the list's other items have theirs, or a comma or a full stop
    (a single sentence: one of several ends with its own) that ends the paragraph's
    sentence. An item with items of its own is left to them."""
    if last.children:
        return False
    if mark == "":
        return marked
    if mark == "." and _sentences(ctx, last) > 1:
        return False
    return mark in ",." and _mark_ends_the_paragraph(ctx, p, last)


def _mark_ends_the_paragraph(ctx: RuleContext, p: Paragraph, last: Paragraph) -> bool:
    """Whether the comma or full stop ending ``p``'s last item ends ``p``'s sentence as a
    slip: the item is labelled ("(b)", not a "* * *" line the parser hung under the list) and a new
    operative clause follows it ("2. Requests …", INTERPOL's "REQUESTS …":
    :func:`_opens_a_clause`). Not in an ITU
    group, whose last item ends with a comma (or a full stop) before the next group's
    opener; not before a line that goes on with the item's words ("2250 (2015)," / "2419 (2018) and …", a
    line a PDF broke)."""
    if last.label is None or in_group(ctx, p):
        return False
    for nxt in ctx.resolution.paragraphs[last.index + 1 :]:
        if nxt.kind is Kind.DIRECTIVE:
            continue
        return nxt.kind is Kind.OPERATIVE and (nxt.label is not None or _opens_a_clause(ctx, nxt))
    return False


def _opens_a_clause(ctx: RuleContext, p: Paragraph) -> bool:
    """Whether an unnumbered operative paragraph opens a clause of its own: a listed
    operative phrase (INTERPOL's "REQUESTS …"), or in a style of capital openers a verb's
    third-person form in capitals ("SALUTES …", unlisted: OPR005 says so). A capital
    alone says nothing: a line a PDF broke inside an item may start with a name ("…
    Technical Committees on Health, Criminal Matters." / "Crisis Management, Humanitarian
    Affairs …")."""
    if not ctx.text[p.content.start : p.content.start + 1].isupper():
        return False
    op = ctx.opener(p)
    if op is None or op.listed:
        return op is not None
    head = ctx.read(op.head)
    return ctx.style.capital_openers and head.isupper() and is_known_form(head.lower(), "VBZ")


def _wants_final_stop(ctx: RuleContext, last: Paragraph) -> bool:
    """Whether the resolution's last sub-paragraph is to be told to end with a full stop:
    it ends with another mark, or with none while the other items of its list have theirs
    ("(a) The costs;" / "(b) The outcome"); a list none of whose items has a mark is
    written so."""
    mark = last.terminal_char(ctx.source)
    if mark:
        return mark != "."
    parent = last.parent
    return parent is not None and any(c.terminal_char(ctx.source) for c in parent.children if c is not last and c.kind is Kind.SUBPARAGRAPH)


#: The start of an item that goes on with the sentence of the paragraph before it: "To
#: continue …", "that …" (after emphasis).
_CONTINUES_A_SENTENCE = lazy(r"[*_]*(?:[Tt]o|that)\s+[a-z]")


def _items_numbered_on(ctx: RuleContext, p: Paragraph, nxt: Paragraph) -> bool:
    """Whether ``p`` ends with a colon and the paragraph after it goes on with its sentence
    ("1. Requests the United Nations system:" / "2. To continue …"): a list a word
    processor numbered on with the paragraphs. The colon is right, and a fix writing ";"
    made paragraph 1 a finished clause."""
    return p.terminal_char(ctx.source) == ":" and _CONTINUES_A_SENTENCE.match(ctx.text, nxt.content.start, nxt.content.end) is not None


def _item_conjunction(ctx: RuleContext, p: Paragraph) -> re.Match[str] | None:
    """The mark and conjunction an item ends with ("- cooperate …; and"), if it does."""
    if p.parent is None:
        return None
    return _MARK_AND_CONJUNCTION.search(ctx.text, max(p.content.start, p.content.end - 16), p.content.end)


def _ended_with_conjunction(conjunction: re.Match[str], want: str):
    """An item that ends with its mark and the list's conjunction is ended by that mark,
    as the one before the last item is (a fix adding ";" wrote "; and;"). Where the
    list's last mark is wanted, the drafter chooses what to drop: no fix."""
    if want != ";":
        yield Violation(Span(conjunction.start(1), conjunction.end(1)), f"Item ends with '{conjunction.group(0)}'; end it with '{want}'")


def _sentences(ctx: RuleContext, p: Paragraph) -> int:
    body = ctx.slice(p.content)
    return sum(1 for i, ch in enumerate(body[:-1]) if ch == "." and body[i + 1 : i + 2] == " " and body[i + 2 : i + 3].isupper()) + 1


def _quote_children(p: Paragraph) -> bool:
    return all(c.label is None for c in p.children)


def _quotation_follows(ctx: RuleContext, p: Paragraph) -> bool:
    """Whether a quotation the parser reads as text of its own follows ``p`` ("…replace
    paragraph 2 with:" / "“2. Decides …" over several paragraphs): the colon introduces it."""
    for nxt in ctx.resolution.paragraphs[p.index + 1 :]:
        if nxt.kind is Kind.DIRECTIVE:
            continue
        return nxt.kind is Kind.ANNEX and ctx.text[nxt.span.start : nxt.span.start + 3].lstrip("*_")[:1] in OPEN_QUOTES
    return False
