"""``resolint export DRAFT [--format akn|html] [-o OUT] [--force]`` (DESIGN §6).

Reads a text, Markdown or Word draft, lints it with the project's settings (for the
style and the organization's terms), and writes the export to ``-o`` or standard
output. Exit status: 0 exported; 1 refused because the structure is uncertain (the
reasons go to standard error; ``--force`` exports anyway), or because it would leave out
what resolint does not read (a Word document's tables, text boxes, footnotes); 2 usage
or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from resolint.cli.docx_cmd import is_docx
from resolint.cli.files import DecodeError, not_a_file, read_document, same_file, write_atomic
from resolint.cli.render import say
from resolint.config import load_settings, settings_for
from resolint.engine import LintResult, lint
from resolint.records import record
from resolint.settings import CONFIG_NAMES_TEXT
from resolint.source import Span

EXIT_OK, EXIT_REFUSED, EXIT_ERROR = 0, 1, 2


def add_export_parser(sub) -> None:
    p = sub.add_parser("export", help="export a draft as Akoma Ntoso 3.0 XML (AKN4UN) or HTML")
    p.add_argument("path", metavar="DRAFT", help="a .txt, .md or .docx draft")
    p.add_argument("--format", choices=["akn", "html"], default="akn", help="akn: AKN 3.0 XML (default); html: for reading")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--force", action="store_true", help="export even when the structure is uncertain (unplaced text, numbering breaks)")
    p.add_argument("--style", help="house style: auto, interpol, un-ga, un-sc, mun, itu, wha, or one from the configuration")
    p.add_argument("--config", help=f"configuration file (default: the nearest {CONFIG_NAMES_TEXT})")


@record(frozen=True, slots=True)
class Draft:
    """A draft file linted for export."""

    result: LintResult
    #: What of the file its text does not hold (a Word document's tables, text boxes and
    #: footnotes: resolint.docx reads its paragraphs).
    left_out: list[str]
    #: How a problem's place is named: a Word document's paragraph ("¶7 (3.)"); None for
    #: line:column.
    where: Callable[[Span], str] | None = None


def lint_draft(path: Path, settings, style: str | None) -> Draft:
    """The draft file linted; Word documents through resolint.docx."""
    if is_docx(path):
        from resolint.docx.lint import lint_docx  # lazy: python-docx and lxml load only for Word files
        from resolint.docx.locate import ParagraphLocator  # lazy: python-docx and lxml load only for Word files
        from resolint.docx.package import open_docx  # lazy: python-docx and lxml load only for Word files
        from resolint.docx.reader import build  # lazy: python-docx and lxml load only for Word files

        doc = build(open_docx(path))
        result = lint_docx(doc, settings, path=str(path), style=style)
        locator = ParagraphLocator.of(doc)

        def where(span: Span) -> str:
            found = locator.where(result.source, span)
            return found.human() if found is not None else "?"

        return Draft(result, doc.stats.left_out(), where)
    text = read_document(path).text
    return Draft(lint(text, settings, path=str(path), style=style), [])


def cmd_export(args: argparse.Namespace) -> int:
    from resolint.docx.package import DocxError  # lazy: python-docx and lxml load only for Word files
    from resolint.export import ExportError, ExportRefused, export  # lazy: lxml, only to export

    src = Path(args.path)
    why = not_a_file(src)
    if why:
        say(f"{src}: {why}")
        return EXIT_ERROR
    out = Path(args.output) if args.output else None
    if out is not None and same_file(out, src):
        say(f"{out}: the output would overwrite the draft; name another file with -o")
        return EXIT_ERROR
    if out is not None and not out.parent.is_dir():
        say(f"{out.parent}: no such folder")
        return EXIT_ERROR
    settings = load_settings(Path(args.config)) if args.config else settings_for(src.resolve())
    try:
        draft = lint_draft(src, settings, args.style)
        left_out = draft.left_out
        if left_out and not args.force:
            # The export would lose them without a word: refused, as an uncertain structure is.
            say(f"{src}: not exported: it would leave out {', '.join(left_out)}, which resolint does not read; "
                "export anyway with --force")
            return EXIT_REFUSED
        data = export(draft.result, args.format, force=args.force, where=draft.where)
    except (DecodeError, DocxError) as exc:
        say(f"{src}: {exc}")
        return EXIT_ERROR
    except ExportRefused as exc:
        say(f"{src}: not exported: its structure is uncertain:")
        for why in exc.reasons:
            say(f"{src}:{why}", prefix="  ")
        print("resolint: fix these (resolint check shows them with fixes) or export anyway with --force", file=sys.stderr)
        return EXIT_REFUSED
    except ExportError as exc:
        say(f"{src}:{exc}")
        return EXIT_ERROR
    except Exception as exc:
        # A bug or an input we do not handle: exit 2 with one line, never a traceback and
        # never the "refused" status 1 (DESIGN §6: a crash is never 1).
        say(f"{src}: internal error while exporting: {exc!r}")
        return EXIT_ERROR
    if left_out:
        say(f"{src}: left out of the export: {', '.join(left_out)}")
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_atomic(out, data)
    except OSError as exc:
        say(f"{out}: cannot write: {exc.strerror or exc}")
        return EXIT_ERROR
    say(f"{src}: exported as {args.format} to {out}")
    return EXIT_OK
