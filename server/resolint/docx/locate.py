"""Name the place of a finding in a Word document: its paragraph, label and an excerpt.

Word has no line numbers, so a location "line 12" means nothing to someone reviewing a
.docx. We name the paragraph instead: its index (as python-docx and scripts count body
paragraphs), what a reader sees at its start (the number label, or the first words when
it has none) and a short excerpt around the finding.

The locator is plain data (no XML), so reports built in worker processes pickle.
"""

from __future__ import annotations

import bisect
import re

from resolint.records import record
from resolint.source import SourceText, Span

#: A label typed by hand at the start of a paragraph ("3.", "(a)", "ii)").
_TYPED_LABEL = re.compile(r"^\s*(\(?(?:\d{1,3}|[a-z]{1,2}|[ivxl]{1,6}|[A-Z])[.)](?=\s)|\((?:\d{1,3}|[a-z]{1,2}|[ivxl]{1,6})\))")
_WORDS = re.compile(r"\S+")
EXCERPT_CONTEXT = 30
EXCERPT_MAX = 100


@record(frozen=True, slots=True)
class Where:
    index: int  # 0-based body paragraph index (in a table: the index of the body paragraph after it, or before it: ``after``)
    label: str  # number as displayed, or the paragraph's first words
    excerpt: str
    in_table: bool = False  # a numbered paragraph of a table (resolint.docx.reader reads those)
    after: bool = False  # in a table after the body's last paragraph with text: ``index`` is the one before it

    def as_dict(self) -> dict:
        out = {"index": self.index, "label": self.label, "excerpt": self.excerpt}
        if self.in_table:
            out["table"] = True
        if self.after:
            out["after"] = True
        return out

    def human(self) -> str:
        where = f"¶{self.index + 1}"
        if self.in_table:
            where = f"table after {where}" if self.after else f"table before {where}"
        return f"{where} ({self.label})" if self.label else where


@record(slots=True)
class ParagraphLocator:
    starts: list[int]
    ends: list[int]
    indices: list[int]
    labels: list[str]  # automatic labels ("" when none)
    in_table: list[bool] | None = None  # per paragraph: in a table (None: none is)
    after: list[bool] | None = None  # per paragraph: in a table after the last paragraph with text

    @classmethod
    def of(cls, doc) -> ParagraphLocator:
        ps = doc.paragraphs
        indices = [p.index for p in ps]
        if not any(p.in_table for p in ps):
            return cls([p.start for p in ps], [p.end for p in ps], indices, [p.label for p in ps])
        # A table's paragraph is named by the body paragraph after the table; a table
        # with none after it but empty ones (Word ends a body with one; python-docx with
        # none at all) is named by the paragraph before it: "table before ¶N+1" named a
        # paragraph that is not there, or that shows nothing.
        last = max((p.index for p in ps if not p.in_table), default=-1)
        after = [p.in_table and p.index > last and p.index > 0 for p in ps]
        indices = [i - 1 if a else i for i, a in zip(indices, after, strict=True)]
        return cls([p.start for p in ps], [p.end for p in ps], indices, [p.label for p in ps],
                   [p.in_table for p in ps], after)

    def where(self, source: SourceText, span: Span) -> Where | None:
        if not self.starts:
            return None
        i = max(0, bisect.bisect_right(self.starts, span.start) - 1)
        if span.start > self.ends[i] and i + 1 < len(self.starts):
            i += 1  # in the blank line between paragraphs: the next paragraph
        start, end = self.starts[i], self.ends[i]
        line = source.text[start:end]
        label = self.labels[i]
        if not label:
            m = _TYPED_LABEL.match(line)
            if m:
                label = m.group(1)
            else:
                words = _WORDS.findall(line[:200])
                label = " ".join(words[:3]) + ("…" if len(words) > 3 else "")
        s = max(0, min(span.start, end) - start)
        in_table = bool(self.in_table and self.in_table[i])
        after = bool(self.after and self.after[i])
        if len(line) <= EXCERPT_MAX:
            return Where(self.indices[i], label, line.strip(), in_table, after)
        e = max(s, min(span.end, end) - start)
        lo = max(0, s - EXCERPT_CONTEXT)
        if lo:
            sp = line.find(" ", lo, s)
            lo = sp + 1 if sp >= 0 else lo
        hi = min(len(line), max(e, s + 1) + EXCERPT_CONTEXT, lo + EXCERPT_MAX)
        if hi < len(line):
            sp = line.rfind(" ", max(e, s + 1), hi)
            hi = sp if sp > s else hi
        excerpt = ("…" if lo > 0 else "") + line[lo:hi].strip() + ("…" if hi < len(line) else "")
        return Where(self.indices[i], label, excerpt, in_table, after)
