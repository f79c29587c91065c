"""What a rule is and what it returns.

A rule looks at the parsed :class:`~resolint.model.Resolution` through a
:class:`RuleContext` and yields :class:`Violation` objects: a span, a message and
perhaps a :class:`Fix`. It never decides its own code's severity or whether it is
suppressed: the engine does that, so that configuration works the same for every rule.
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Any, ClassVar

from resolint.facts import Analysis
from resolint.invisible import BROKEN_AT_LINE_END, readable
from resolint.lazyre import lazy
from resolint.model import Kind, Paragraph, Resolution
from resolint.openers import Opener
from resolint.records import record
from resolint.source import SourceText, Span, slot_setters

if TYPE_CHECKING:
    from resolint.formatting import Formatting
    from resolint.nlp import Nlp
    from resolint.styles import Style


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Applicability(str, enum.Enum):
    """How far a fix may be trusted, weakest first (ruff's scale)."""

    DISPLAY_ONLY = "display-only"
    UNSAFE = "unsafe"
    SAFE = "safe"

    @property
    def rank(self) -> int:
        return {"display-only": 0, "unsafe": 1, "safe": 2}[self.value]


@record(frozen=True, slots=True, init=False)
class Edit:
    """Replace ``span`` of the text with ``new_text``."""

    span: Span
    new_text: str

    def __init__(self, span: Span, new_text: str) -> None:
        # Written out, as Span's is (see there): a lint makes one or more per finding.
        _EDIT_SET[0](self, span)
        _EDIT_SET[1](self, new_text)


_EDIT_SET = slot_setters(Edit)


@record(frozen=True, slots=True, init=False)
class Fix:
    """A way to correct a violation: a title shown to the user, whether it is safe to apply
    without review (``--fix``) or only with ``--unsafe-fixes``, and the text edits, in order."""

    title: str
    applicability: Applicability
    edits: tuple[Edit, ...]

    def __init__(self, title: str, applicability: Applicability, edits: tuple[Edit, ...]) -> None:
        _FIX_SET[0](self, shared(title))
        _FIX_SET[1](self, applicability)
        _FIX_SET[2](self, edits)

    @staticmethod
    def safe(title: str, *edits: Edit) -> Fix:
        return Fix(title, Applicability.SAFE, _in_order(edits))

    @staticmethod
    def unsafe(title: str, *edits: Edit) -> Fix:
        return Fix(title, Applicability.UNSAFE, _in_order(edits))


_FIX_SET = slot_setters(Fix)


def shared(s: str) -> str:
    """One object for all equal messages and fix titles: a rule builds its message anew
    for each finding ("Operative paragraph has no final punctuation; end it with ';'"), and
    a draft with 90,000 alike paragraphs held 90,000 copies of it (about 100 bytes each,
    a sixth of what its findings held by tracemalloc). ``sys.intern`` keeps no string
    alive that nothing else holds: a long-running server does not grow with it."""
    return sys.intern(s) if type(s) is str else s


def _in_order(edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    """``edits`` by position (most fixes have one edit: nothing to sort)."""
    return edits if len(edits) < 2 else tuple(sorted(edits, key=lambda e: (e.span.start, e.span.end)))


@record(frozen=True, slots=True, init=False)
class Violation:
    """What a rule reports from ``check``: where, the message, an optional fix and, when it
    differs from the rule's default, this finding's severity. The engine turns each into a
    :class:`~resolint.engine.Finding`."""

    span: Span
    message: str
    fix: Fix | None = None
    #: Overrides the rule's default severity for this one finding (e.g. an unknown
    #: participle is a warning, an operative verb in the preamble an error).
    severity: Severity | None = None

    def __init__(self, span: Span, message: str, fix: Fix | None = None, severity: Severity | None = None) -> None:
        _VIOLATION_SET[0](self, span)
        _VIOLATION_SET[1](self, shared(message))
        _VIOLATION_SET[2](self, fix)
        _VIOLATION_SET[3](self, severity)


_VIOLATION_SET = slot_setters(Violation)


@record(slots=True)
class RuleContext:
    """Everything a rule may read. NLP is loaded on first use only."""

    source: SourceText
    resolution: Resolution
    style: Style
    options: dict[str, Any]
    #: The document's derived facts (openers, citations, title facts, quotations…),
    #: computed once and shared by every rule, the server and the exports.
    facts: Analysis = field(default=None, repr=False)  # type: ignore[assignment]
    #: Character formatting of the input, when it has any (a Word document); None for
    #: plain text. Rules about formatting check it and stay silent without it.
    formatting: Formatting | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.facts is None:
            self.facts = Analysis(self.resolution, self.style)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def nlp(self) -> Nlp:
        return self.facts.nlp

    def slice(self, span: Span) -> str:
        return self.source.text[span.start : span.end]

    def read(self, span: Span) -> str:
        """The text of ``span`` as a reader sees it, without the invisible characters
        inside its words (:mod:`resolint.invisible`): what the opener rules compare
        ("Recog\u00adnizing" is 'Recognizing'; TRM014 reports the character). A word
        broken by a hyphen at a line's end ("Recog-" / "nizing") is read whole, as the
        opener reader reads it (:data:`resolint.invisible.BROKEN_AT_LINE_END`)."""
        seen = readable(self.source.text[span.start : span.end])
        return BROKEN_AT_LINE_END.sub("", seen) if "\n" in seen else seen

    def opener(self, paragraph: Paragraph) -> Opener | None:
        """The opener of a preambular or operative paragraph, matched against the style."""
        return self.facts.opener(paragraph)

    def kept_in_unedited_part(self, code: str, first: Paragraph, last: Paragraph,
                              compute: Callable[[], Iterable[Violation]]) -> Iterable[Violation]:
        """:meth:`resolint.facts.Analysis.kept_in_unedited_part` for the findings of rule
        ``code`` with this context's options (the key names both)."""
        options = self.options
        # (Most rules have no options: their key needs no sort and repr, asked per rule
        # per resolution of a compilation after every keystroke.)
        frozen = repr(sorted(options.items())) if options else "[]"
        return self.facts.kept_in_unedited_part((code, frozen), first, last, compute)


_SECTION = lazy(r"^## (.+)$", re.MULTILINE)
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "Options", "References")


class Rule:
    """Base class of every rule. Subclasses set the class attributes and ``check`` — or,
    for a rule whose findings in a paragraph depend on that paragraph alone, ``local = True``
    and ``check_paragraph`` (see :attr:`local`).

    The class docstring is the rule's documentation, in Markdown with the sections of
    :data:`DOC_SECTIONS`; the Example and Use instead sections hold fenced drafts that
    the test suite lints.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    default_severity: ClassVar[Severity] = Severity.WARNING
    #: Clause kinds the rule looks at: the "Looks at" row of its generated page.
    kinds: ClassVar[tuple[Kind, ...]] = ()
    #: Option names and defaults, set per rule in ``[rules.CODE]``.
    default_options: ClassVar[dict[str, Any]] = {}
    #: The strongest fix this rule offers, for documentation (None: no fix).
    fix_applicability: ClassVar[Applicability | None] = None

    #: True when the rule's findings in a paragraph depend on that paragraph alone (its
    #: text, kind, part, depth, label, bullet, terminal, heads_group, the kinds and labels
    #: of its ancestors, how many children it has), on the style and on the options. Such
    #: a rule implements :meth:`check_paragraph`; the language server then keeps each
    #: paragraph's violations between edits (:mod:`resolint.incremental`). A rule that
    #: reads anything more declares it in :meth:`paragraph_key` or stays document-level.
    local: ClassVar[bool] = False
    #: True when the rule reads only the drafter's own paragraphs (not an annex, often a
    #: treaty's text, not a directive): :meth:`paragraphs` is then that list, which the
    #: local rules that read it share (and, in the language server, its cache keys).
    own_paragraphs_only: ClassVar[bool] = False
    #: True when the rule's findings make sense in a draft that is not in English. The
    #: built-in checks read English (openers, house terms, dates, titles); on a draft that
    #: reads as another language only the findings of the rules that say so are kept
    #: (they all run), and DOC005 says why (:mod:`resolint.language`). An organization's own pattern rules say so: their
    #: authors wrote them for their own drafts.
    any_language: ClassVar[bool] = False
    #: True when the rule checks a convention of the style's house rather than a slip any
    #: draft can make: how sub-paragraphs are cased, how the text names itself, the chief
    #: officer's title, the members' term, "per cent", the article's case, italic openers.
    #: Under an opening that names a body no style knows ("The General Conference," of
    #: UNESCO or the IAEA) the default style is no house style of that body's: such
    #: findings are left out there (UNESCO writes "(a) to implement …" and "this
    #: resolution"), and kept when a style is named or detected
    #: (:meth:`reports_house_convention`).
    house_convention: ClassVar[bool] = False

    def reports_house_convention(self, span: Span, text: str) -> bool:
        """Whether the finding of this rule at ``span`` of ``text`` reports only a convention
        of the style's house (:attr:`house_convention`); a rule whose findings are partly
        slips any draft makes says which (an opener's case: one in lower case is a slip)."""
        return self.house_convention

    def check(self, ctx: RuleContext) -> Iterable[Violation]:
        """The rule's violations in the document; a local rule's, paragraph by paragraph."""
        for p in self.paragraphs(ctx):
            yield from self.check_paragraph(ctx, p)

    def paragraphs(self, ctx: RuleContext) -> Iterable[Paragraph]:
        """The paragraphs a local rule looks at, in document order: the drafter's own
        (:attr:`own_paragraphs_only`), or those of its :attr:`kinds` (every paragraph when
        it names none)."""
        if self.own_paragraphs_only:
            return ctx.facts.own_paragraphs
        if not self.kinds:
            return ctx.resolution.paragraphs
        return ctx.facts.of_kinds(self.kinds)

    def check_paragraph(self, ctx: RuleContext, paragraph: Paragraph) -> Iterable[Violation]:  # pragma: no cover - abstract
        """A local rule's violations in one paragraph, all inside its span."""
        raise NotImplementedError

    def paragraph_key(self, ctx: RuleContext, paragraph: Paragraph) -> tuple:
        """What else a local rule reads about ``paragraph`` (hashable; added to the cache key)."""
        return ()

    def document_key(self, ctx: RuleContext) -> Hashable:
        """What a local rule reads of the whole document, the same for every paragraph (the
        organ whose text it is, say): part of the name of the language server's table of its
        violations, so that when it changes every paragraph is checked again. One value a
        lint, where :meth:`paragraph_keys` would repeat it for every paragraph."""
        return None

    def paragraph_keys(self, ctx: RuleContext) -> Mapping[int, Hashable] | Sequence[Hashable] | None:
        """:meth:`paragraph_key` of every paragraph at once, by paragraph index, for a rule
        that works its keys out for the whole document in one pass (the language server
        asks for them after every edit): None to be asked paragraph by paragraph. In a
        plain ``dict`` an index it does not hold reads as None (most paragraphs need
        nothing more, and the server reads a dict with ``dict.get``, in C, where a
        ``__missing__`` was a Python call per paragraph per edit; a dict that holds few
        paragraphs costs the server next to nothing for the others); a plain ``list``
        holds every paragraph, at its index; any other mapping is asked for every index."""
        return None

    @classmethod
    def example_input(cls, text: str) -> tuple[str, dict[str, Any]]:
        """How to lint a draft from this rule's documentation: the text and the keyword
        arguments of :func:`resolint.engine.lint` (a rule about formatting overrides this
        to read the formatting its examples write). See :func:`resolint.engine.lint_example`."""
        return text, {}

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        doc = cls.doc()
        out: dict[str, str] = {}
        heads = list(_SECTION.finditer(doc))
        for i, m in enumerate(heads):
            end = heads[i + 1].start() if i + 1 < len(heads) else len(doc)
            out[m.group(1).strip()] = doc[m.end() : end].strip()
        return out

    @classmethod
    def doc_examples(cls, section: str) -> Iterator[str]:
        """The fenced code blocks of a doc section (drafts to lint)."""
        body = cls.doc_sections().get(section, "")
        for m in re.finditer(r"```[a-z]*\n(.*?)```", body, re.DOTALL):
            yield m.group(1)

    @classmethod
    def family(cls) -> str:
        return cls.code[:3]
