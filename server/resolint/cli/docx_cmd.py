"""The CLI's Word side: ``check`` of a .docx (lint, --fix, --diff) and ``annotate``.

Kept out of ``main.py`` so that the text path does not import python-docx and lxml at
start-up; everything heavy is imported when a .docx is actually met.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from resolint.cli.drafts import why_draft
from resolint.cli.files import (
    CHANGED,
    READ_ONLY,
    Changed,
    ReadOnly,
    fingerprint,
    not_a_file,
    same_file,
    write_atomic,
    write_refusal,
)
from resolint.cli.fixable import fix_refusal, refuse_fixes
from resolint.cli.patch import unified_diff
from resolint.cli.render import say
from resolint.cli.report import FileReport
from resolint.cli.selectors import codes_option
from resolint.config import Settings, load_settings, settings_for
from resolint.records import record

DOCX_SUFFIXES = (".docx",)
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def is_docx(path: Path | str) -> bool:
    return str(path).lower().endswith(DOCX_SUFFIXES)


def _read(path: Path, max_text: int):
    """The document's text and the file's :func:`fingerprint` (a fix is written only over
    the bytes it was made from); ``max_text`` (the ``max-file-size`` setting, 0: no limit)
    bounds the text it unpacks to, not the size of the zip, which can inflate a hundredfold."""
    from resolint.docx.package import DocxError, open_docx  # lazy: python-docx and lxml load only for Word files
    from resolint.docx.reader import build  # lazy: python-docx and lxml load only for Word files

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocxError(f"cannot read: {exc.strerror or exc}") from None
    return build(open_docx(path, data), max_text=max_text), fingerprint(data)


def _linter(settings: Settings, path: str, style: str | None):
    from resolint.docx.lint import lint_docx  # lazy: python-docx and lxml load only for Word files

    def run(doc):
        return lint_docx(doc, settings, path=path, style=style)

    return run


def check_docx(path: Path, settings: Settings, opts) -> FileReport:
    """Lint one .docx (and fix it in place with ``--fix``); errors become the report's."""
    from resolint.docx.annotate import to_bytes  # lazy: python-docx and lxml load only for Word files
    from resolint.docx.fix import fix_docx  # lazy: python-docx and lxml load only for Word files
    from resolint.docx.locate import ParagraphLocator  # lazy: python-docx and lxml load only for Word files
    from resolint.docx.package import DocxError  # lazy: python-docx and lxml load only for Word files

    try:
        doc, read_as = _read(path, settings.max_file_size)
    except DocxError as exc:
        return FileReport(str(path), None, error=str(exc))
    is_draft, why = why_draft(path, doc.text, settings.include, settings.exclude, settings.root)
    if not is_draft:
        return FileReport(str(path), None, skipped=why)
    run = _linter(settings, str(path), opts.style)
    result = run(doc)

    def report_of(d, res) -> FileReport:
        return FileReport(
            str(path), res.source, res.style.name, res.style.detected_because, res.findings,
            locator=ParagraphLocator.of(d), notes=d.stats.notes(),
        )

    report = report_of(doc, result)
    refused = fix_refusal(result, settings, opts.style) if any(f.fix for f in result.findings) else ""
    if not (opts.fix or opts.diff):
        refuse_fixes(report, refused)
        return report
    if refused:
        say(f"{path}: not fixed: {refused}")
        return report
    before = doc.text
    outcome = fix_docx(doc, run, unsafe=opts.unsafe or settings.unsafe_fixes)
    for f, why in outcome.refused:
        where = ParagraphLocator.of(outcome.doc).where(outcome.result.source, f.span)
        loc = where.human() if where else "?"
        say(f"{path}:{loc}: not fixed: {f.code} '{f.fix.title}': {why}; fix it in Word")
    if opts.diff:
        if outcome.doc.text != before:
            report.diff = unified_diff(_lines(before), _lines(outcome.doc.text), fromfile=f"a/{path} (text)", tofile=f"b/{path} (text)")
        return report
    final = report_of(outcome.doc, outcome.result)
    final.fixed = outcome.applied
    if not outcome.applied:
        return final
    why = _write_back(path, to_bytes(outcome.doc), read_as, opts)
    if why is None:
        return final
    if why.startswith("not fixed: "):  # left as it was: its findings as read
        say(f"{path}: {why}")
        return report
    final.error = why
    final.fixed = 0
    return final


def _write_back(path: Path, data: bytes, read_as, opts) -> str | None:
    """Write a fixed document over ``path``: None when written, else "not fixed: …" when
    it is left as it was on purpose, or the error."""
    from resolint.docx.package import DocxError  # lazy: python-docx and lxml load only for Word files

    try:
        write_atomic(Path(path), data, allow_read_only=getattr(opts, "fix_read_only", False), expect=read_as)
    except Changed:
        return f"not fixed: {CHANGED}"
    except ReadOnly:
        # As for a text draft: its findings, unfixed, and how to fix it anyway (this
        # was "error: cannot write the fixed document", exit 2 and "1 file not checked").
        return f"not fixed: {READ_ONLY}"
    except (OSError, DocxError) as exc:
        refusal = write_refusal(exc) if isinstance(exc, OSError) else ""
        if refusal:  # another user's document, a read-only mount: as a read-only one
            return f"not fixed: {refusal}"
        return f"cannot write the fixed document: {getattr(exc, 'strerror', None) or exc}"
    return None


def _lines(text: str) -> list[str]:
    return [line + "\n" for line in text.split("\n")]


def add_annotate_parser(sub) -> None:
    p = sub.add_parser("annotate", help="write a copy of a Word document with a review comment per finding")
    p.add_argument("path", metavar="PATH", help="the .docx to review (never modified)")
    p.add_argument("-o", "--output", help="where to write the reviewed copy (default: NAME.reviewed.docx beside it)")
    p.add_argument("--style", help="house style: auto, interpol, un-ga, un-sc, mun, itu, wha, or one from the configuration")
    p.add_argument("--select", type=codes_option, help="only these codes or prefixes (comma-separated)")
    p.add_argument("--ignore", type=codes_option, help="skip these codes or prefixes (comma-separated)")
    p.add_argument("--config", help="configuration file (default: the nearest one)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument(
        "--track-changes", action="store_true", default=None,
        help="propose each fix as a tracked change (accept or reject it in Word), with its comment",
    )
    p.add_argument("--unsafe-fixes", dest="unsafe", action="store_true", default=None,
                   help="with --track-changes, also propose fixes that may change meaning (renumbering, rewording)")
    p.add_argument("--author", help="name to sign the tracked changes and comments with (default: resolint)")




def default_output(path: Path) -> Path:
    return path.with_name(f"{path.stem}.reviewed{path.suffix}")


def cmd_annotate(args: argparse.Namespace) -> int:
    """``resolint annotate draft.docx -o draft.reviewed.docx [--track-changes]``.

    With tracked changes, the findings counted are those fixed (each a tracked change
    with its comment) plus those left (each a comment). The input is never written: the
    paths are checked before anything is read, and the copy is written whole or not at all.
    """
    from resolint.docx.annotate import to_bytes  # lazy: python-docx and lxml load only for Word files
    from resolint.docx.package import DocxError  # lazy: python-docx and lxml load only for Word files

    src = Path(args.path)
    out = Path(args.output) if args.output else default_output(src)
    problem = _refused_paths(src, out)
    if problem:
        say(problem)
        return EXIT_ERROR
    settings = _annotate_settings(args, src)
    try:
        doc, _ = _read(src, settings.max_file_size)
    except DocxError as exc:
        say(f"{src}: {exc}")
        return EXIT_ERROR
    track = args.track_changes if args.track_changes is not None else settings.track_changes
    review = _review(doc, settings, args, src, track)
    try:
        write_atomic(out, to_bytes(review.doc), like=src)  # a new copy takes the input's mode
    except (OSError, DocxError) as exc:
        say(f"{out}: cannot write: {getattr(exc, 'strerror', None) or exc}")
        return EXIT_ERROR
    for note in doc.stats.notes():
        say(f"{src}: note: {note}")
    print(review.summary(src, out))
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if review.findings else EXIT_OK


def _refused_paths(src: Path, out: Path) -> str:
    """Why ``annotate`` cannot read ``src`` or write ``out`` ("" when it can)."""
    why = not_a_file(src)
    if why:
        return f"{src}: {why}"
    if not is_docx(src):
        return f"{src}: annotate works on Word documents (.docx)"
    if same_file(out, src):
        return f"{out}: the output would overwrite the input; name another file with -o"
    if not out.parent.is_dir():
        return f"{out.parent}: no such folder"
    return ""


def _annotate_settings(args: argparse.Namespace, src: Path) -> Settings:
    base = load_settings(Path(args.config)) if args.config else settings_for(src.resolve())
    return base.with_overrides(select=args.select, ignore=(base.ignore + args.ignore) if args.ignore else None)


@record(slots=True)
class _Review:
    """What ``annotate`` put into the copy: the comments' outcome, the fixes proposed as
    tracked changes, and the findings counted (proposed fixes plus those left)."""

    outcome: object  # resolint.docx.annotate.AnnotateOutcome (imported with python-docx)
    proposed: int
    findings: int
    tracked: bool
    doc: object  # the DocxText to write (a new copy when the fixes started again)

    def summary(self, src: Path, out: Path) -> str:
        outcome, n = self.outcome, self.findings
        parts = [f"{outcome.added} comment{'s' if outcome.added != 1 else ''} added"]
        if self.tracked:
            parts.insert(0, f"{self.proposed} fix{'es' if self.proposed != 1 else ''} proposed as tracked changes")
        if outcome.already:
            parts.append(f"{outcome.already} already there")
        if outcome.unanchored:
            parts.append(f"{len(outcome.unanchored)} could not be anchored")
        return f"{n} finding{'s' if n != 1 else ''} in {src}: {', '.join(parts)}; wrote {out}"


def _review(doc, settings: Settings, args: argparse.Namespace, src: Path, track: bool) -> _Review:
    """Comment on each finding in ``doc`` (in memory); with ``track``, first propose each
    fix as a tracked change, and comment on the findings left."""
    unsafe = bool(args.unsafe) or settings.unsafe_fixes
    author = (args.author or "").strip() or settings.revision_author
    lint_fn = _linter(settings, str(src), args.style)
    if track:
        from resolint.docx.track import annotate_tracked  # lazy: only with --track-changes

        tracked = annotate_tracked(doc, lint_fn, unsafe=unsafe, author=author)
        return _Review(tracked.notes, tracked.tracked, tracked.tracked + len(tracked.fix.result.findings), True,
                       tracked.fix.doc)
    from resolint.docx.annotate import CommentMaker, annotate  # lazy: python-docx and lxml load only for Word files

    result = lint_fn(doc)
    outcome = annotate(doc, result.findings, maker=CommentMaker(doc.document, author=author))
    return _Review(outcome, 0, len(result.findings), False, doc)
