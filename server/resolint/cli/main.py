"""``resolint`` command line: check, rules, rule, server (the contract of DESIGN §6).

Exit status: 0 no findings, 1 findings, 2 usage, configuration, input or internal error.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import gc
import json
import os
import sys
from pathlib import Path

from resolint import __version__
from resolint.cli import parallel
from resolint.cli.docs_cmd import add_docs_parser, cmd_docs
from resolint.cli.docx_cmd import add_annotate_parser, check_docx, cmd_annotate, is_docx
from resolint.cli.drafts import EXCLUDED, matches, why_draft
from resolint.cli.encodable import unwritable_notes, writable
from resolint.cli.export_cmd import add_export_parser, cmd_export
from resolint.cli.files import (
    CHANGED,
    READ_ONLY,
    Changed,
    DecodeError,
    Document,
    NotAFile,
    ReadOnly,
    decode,
    encode,
    is_read_only,
    read_document,
    same_file,
    write_file,
    write_refusal,
)
from resolint.cli.fixable import fix_refusal, refuse_fixes, style_from_prose  # noqa: F401 (tests import it from here)
from resolint.cli.located import slim
from resolint.cli.patch import file_patch, text_diff
from resolint.cli.render import RENDERERS, RenderOptions, at_or_above, render_statistics, render_text, say, visible, visible_path
from resolint.cli.report import FileReport
from resolint.cli.selectors import codes_option
from resolint.cli.stream import StreamedReport, can_stream
from resolint.cli.undecodable import SKIPPED as UNDECODABLE
from resolint.cli.undecodable import skip_reason
from resolint.cli.walk import discover
from resolint.config import (
    SEVERITIES,
    ConfigError,
    ConfigFinder,
    Settings,
    find_config,
    load_settings,
    parse_size,
    real_path,
    settings_for,
    skipped_message,
)
from resolint.custom_rules import visible_rules
from resolint.engine import lint
from resolint.records import record
from resolint.registry import all_rules, rule_by_code
from resolint.settings import CONFIG_NAMES_TEXT, MAX_SIZE
from resolint.styles import StyleError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Errors that only writing meets (a full disk, a quota, a file over the size limit the
#: system sets): the report or the output could not be written, which is no bug of
#: resolint. They were told as "internal error ... (please report this)".
WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

#: The formats ``--statistics`` has: a table of counts, or its rows as JSON. SARIF, JUnit
#: and GitHub's workflow commands report findings at places; counts have no form there.
STATISTICS_FORMATS = ("text", "json")


def _size(value: str) -> int:
    try:
        size = parse_size(value)
    except (OverflowError, ValueError):
        size = None
    if size is None or size > MAX_SIZE:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (write e.g. 10MB, 500kB or 0 for no limit; at most 1000TB)")
    return size


def _too_big(size: int, limit: int) -> str:
    """The error for a file over the size limit, or "" when it is within it."""
    if not limit or size <= limit:
        return ""
    shown, limit_shown = readable_size(size), readable_size(limit)
    if shown == limit_shown:  # "5 MB, over the limit of 5 MB": say it in bytes
        shown, limit_shown = f"{size:,} bytes", f"{limit:,} bytes"
    return (
        f"file is {shown}, over the limit of {limit_shown}; not linted "
        "(raise it with --max-file-size or max-file-size in the configuration, 0 for no limit)"
    )


#: Codecs Python calls text encodings that do not read a file's bytes as its characters:
#: escapes ("\\n" read as a line break, and written back as two characters: a fixed file
#: became one line), the DNS forms, and one that decodes nothing.
_NOT_A_FILES_ENCODING = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"})


def readable_size(n: int) -> str:
    """``n`` bytes as a person reads it: "10 bytes", "2.5 kB", "5 MB" (``max-file-size``
    is read in these units; a 10-byte limit printed as "1e-05 MB")."""
    if n < 1000:
        return f"{n} byte{'s' if n != 1 else ''}"
    for unit, scale in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12)):
        if n < scale * 1000 or unit == "TB":
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"  # (not reached)


def _jobs(value: str) -> int:
    """``--jobs N``: 0 (one per core) or more; a negative number was taken as 0 silently."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (one process per core) or more, got {n}")
    return n


def _encoding(value: str) -> str:
    try:
        info = codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r} (e.g. utf-8, cp1252, utf-16-le, latin-1)") from None
    name = info.name.replace("_", "-")
    if not getattr(info, "_is_text_encoding", True) or name in _NOT_A_FILES_ENCODING:
        # (rot13, hex, base64 are not text encodings; "'rot-13' is not a text encoding" was an internal error)
        raise argparse.ArgumentTypeError(f"{value!r} is not an encoding of text files (e.g. utf-8, cp1252, utf-16-le, latin-1)")
    return info.name


#: ``check`` with no path checks the current folder (the very list: told apart from ".").
CHECK_DEFAULT_PATHS = ["."]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resolint", description="Lint drafts of resolutions (UN, INTERPOL, Model UN).")
    parser.add_argument("--version", action="version", version=f"resolint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="lint drafts: files, folders or standard input")
    check.add_argument("paths", nargs="*", default=CHECK_DEFAULT_PATHS, metavar="PATH", help="files, folders, or - for standard input")
    check.add_argument("--style", help="house style: auto, interpol, un-ga, un-sc, mun, itu, wha, or one from the configuration")
    check.add_argument("--format", choices=sorted(RENDERERS), default="text",
                       help="report format (default text; json, sarif, github and junit are for programs and CI)")
    check.add_argument("--select", type=codes_option, help="only these codes or prefixes (comma-separated)")
    check.add_argument("--ignore", type=codes_option, help="skip these codes or prefixes (comma-separated)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place (drafts only)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    check.add_argument("--diff", action="store_true", help="print the fixes as a diff on standard output instead of writing them")
    check.add_argument("--fix-read-only", action="store_true", help="with --fix, also rewrite files that are read-only")
    check.add_argument("--config", help=f"configuration file (default: the nearest {CONFIG_NAMES_TEXT})")
    check.add_argument("--stdin-filename", help="the name to report (and match per-file ignores against) for standard input")
    check.add_argument(
        "--jobs", type=_jobs, default=0,
        help="processes to lint files in (default 0: one per core; 1: this process only); fewer when the input is too small to gain from more",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument(
        "--fail-on", choices=SEVERITIES, help="the lowest severity that makes the check fail (exit 1); default: fail-on or warning"
    )
    check.add_argument("--statistics", action="store_true",
                       help="print the number of findings per rule instead of each finding (with --format text or json)")
    check.add_argument("--output-file", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour text output (auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces it)")
    check.add_argument("--encoding", type=_encoding, help="read text files in this encoding (e.g. cp1252) instead of detecting UTF-8/16/32")
    check.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
    check.add_argument(
        "--max-file-size",
        type=_size,
        metavar="SIZE",
        help="refuse files larger than SIZE (e.g. 10MB, 500kB; 0: no limit; default: max-file-size or 5MB)",
    )

    rules = sub.add_parser("rules", help="list the rules (built-in, and the house rules of the styles and configuration)")
    rules.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")
    rules.add_argument("--config", help="configuration file whose house rules to list (default: the nearest)")
    rule = sub.add_parser("rule", help="show the documentation of one rule")
    rule.add_argument("code", help="a rule code (PRE003) or name")
    rule.add_argument("--config", help="configuration file whose house rules to search (default: the nearest)")
    add_annotate_parser(sub)
    add_export_parser(sub)
    add_docs_parser(sub)
    server = sub.add_parser("server", help="run the language server (stdio)")
    server.add_argument("--tcp", action="store_true", help="listen on TCP instead of stdio (for debugging)")
    server.add_argument("--host", default="127.0.0.1", help="with --tcp, the address to listen on (default 127.0.0.1)")
    server.add_argument("--port", type=int, default=2087, help="with --tcp, the port to listen on (default 2087)")
    return parser


def _parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """The arguments, with ``check``'s paths taken wherever they stand among its options
    (``check a.txt --fix b.txt``, as ruff and eslint take them): argparse takes one run of
    positional arguments and called the second "unrecognized arguments"."""
    args, extra = parser.parse_known_args(argv)
    paths = _more_paths(extra) if extra and args.command == "check" else None
    if paths is not None:
        args.paths = [*(args.paths if args.paths is not CHECK_DEFAULT_PATHS else []), *paths]
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def _more_paths(extra: list[str]) -> list[str] | None:
    """The paths among arguments argparse left over (everything after ``--``), or None
    if an option it does not know is there."""
    cut = extra.index("--") if "--" in extra else len(extra)
    if any(e.startswith("-") and e != "-" for e in extra[:cut]):
        return None
    return extra[:cut] + extra[cut + 1 :]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = _parse(parser, argv)
    try:
        if args.command == "check":
            if argv is None:  # the command itself, not a program calling main(): its process
                _batch_collector()
            return cmd_check(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "annotate":
            return cmd_annotate(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "docs":
            return cmd_docs(args)
        if args.command == "server":
            from resolint.lsp.server import run_server  # lazy: pygls loads only for `resolint server`

            return run_server(tcp=args.tcp, host=args.host, port=args.port) or 0
    except (ConfigError, StyleError) as exc:
        print(f"resolint: configuration error: {visible(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except OutputError as exc:
        print(f"resolint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line, exit 2, never the "findings" status
        if isinstance(exc, OSError) and exc.errno in WRITE_ERRNOS:
            _quiet_stdout()  # (what is left in its buffer would fail again at exit)
            print(f"resolint: cannot write the output: {exc.strerror}", file=sys.stderr)
            return EXIT_ERROR
        print(f"resolint: internal error: {type(exc).__name__}: {visible(str(exc))} (please report this)", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR


def _quiet_stdout() -> None:
    """After the reader of a pipe went away (``| head``): no traceback at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@record(slots=True)
class CheckOptions:
    """How ``resolint check`` treats each file beyond linting it: apply fixes (safe only or
    unsafe too), print a diff, the style and encoding asked for on the command line, and
    whether a read-only file may be fixed."""

    fix: bool
    unsafe: bool
    diff: bool
    style: str | None
    encoding: str | None = None
    fix_read_only: bool = False


def _settings_with_cli(base: Settings, args: argparse.Namespace) -> Settings:
    return base.with_overrides(
        select=args.select,
        ignore=(base.ignore + args.ignore) if args.ignore else None,
        unsafe_fixes=True if args.unsafe_fixes else None,
        max_file_size=args.max_file_size,
        fail_on=args.fail_on,
    )


def _use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    if os.environ.get("NO_COLOR", ""):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _read_stdin(limit: int = 0) -> bytes | None:
    """Standard input's bytes, or None when it is closed (``<&-``). With a ``limit``, at
    most one byte more than it: an endless input (``< /dev/zero``) took 5 GB in 15 s,
    read whole before its size was looked at."""
    if sys.stdin is None:
        return None
    try:
        return sys.stdin.buffer.read(limit + 1) if limit else sys.stdin.buffer.read()
    except (OSError, ValueError):
        return None


class OutputError(Exception):
    """The report cannot be written where ``--output-file`` says (exit 2, no traceback)."""


class _Refused(Exception):
    """A usage or input problem found before any file is linted: its lines go to standard
    error (each after "resolint: ") and the run exits 2."""

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)
        self.lines = lines


@record(slots=True)
class _StdinInput:
    """Standard input as read: the decoded draft, its size in bytes (what the size limit
    counts, as for a file on disk) and the name it is reported under."""

    doc: Document
    size: int
    name: str


@record(slots=True)
class _CheckPlan:
    """What ``check`` settled before linting anything: options, settings, inputs.

    ``jobs`` pairs each file found with the settings of its configuration file;
    ``threshold`` is the ``--fail-on`` of the folder resolint runs in (standard input's
    own settings replace it when it is checked).
    """

    opts: CheckOptions
    explicit: Settings | None  # --config, which then applies to every file
    base: Settings
    stdin: _StdinInput | None
    problems: list[tuple[str, str]]
    jobs: list[tuple[Path, Settings, bool]]
    threshold: str


def _batch_collector() -> None:
    """Fewer cyclic garbage collections in a batch run (about half of their 30 ms over the
    corpus): what is loaded by now (modules, tables) lives as long as the process and is
    frozen, never walked again (and forked workers then share it without copying), and
    young collections run after 10,000 allocations instead of 700. Each file's cycles
    (paragraphs and their parents) are still collected as the run goes."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def cmd_check(args: argparse.Namespace) -> int:
    """``resolint check``: lint files, folders and standard input, and report (DESIGN §6).

    Everything that can refuse the run (configuration, a closed or undecodable standard
    input, a path that does not exist, standard input over the size limit) is settled
    before a file is linted, so a usage error never leaves half a report.
    """
    try:
        plan = _plan_check(args)
        reports = [FileReport(p, None, error=problem) for p, problem in plan.problems]
        threshold = plan.threshold
        if plan.stdin is not None:
            report, threshold, finished = _check_stdin(plan, args)
            reports.append(report)
            if finished:
                return _exit_code(reports, args, threshold)
    except _Refused as exc:
        for line in exc.lines:
            print(f"resolint: {line}", file=sys.stderr)
        return EXIT_ERROR
    return _check_files(plan, reports, threshold, args)


def _plan_check(args: argparse.Namespace) -> _CheckPlan:
    """Settings and inputs, in the order their errors are reported: ``--config``, standard
    input, missing paths. Standard input is read before the folders are walked."""
    if args.statistics and args.format not in STATISTICS_FORMATS:
        # (the text table was written into the SARIF, JUnit or GitHub report's file)
        raise _Refused(f"--statistics has no {args.format} form: it prints a table of counts per rule "
                       "(--format text) or the same rows as JSON (--format json)")
    _refuse_stdin_fix_report(args)
    explicit = load_settings(Path(args.config)) if args.config else None
    opts = CheckOptions(fix=args.fix, unsafe=args.unsafe_fixes, diff=args.diff, style=args.style,
                        encoding=args.encoding, fix_read_only=args.fix_read_only)
    stdin = _read_stdin_input(args, _stdin_settings(explicit, args).max_file_size) if "-" in args.paths else None
    skipped: list[Path] = []
    here = find_config(Path.cwd(), skipped) if explicit is None else None
    base = explicit or (load_settings(here) if here is not None else Settings())
    paths = [p for p in args.paths if p != "-"]
    if args.output_file:
        _check_output_file(args.output_file)
    missing = [(p, why) for p in paths if (why := _not_there(p))]
    if missing:
        raise _Refused(*(f"{visible_path(p)}: {why}" for p, why in missing))
    found = discover(paths, base.include, base.exclude, base.root)
    jobs = _settings_per_file(found.files, explicit, args, {here.resolve(): base} if here is not None else {}, skipped)
    if args.output_file and os.path.exists(args.output_file) and any(same_file(Path(args.output_file), f) for f, _, _ in jobs):
        # (the report would have been written over the draft, after --fix had written it)
        raise _Refused(f"{visible_path(args.output_file)}: the output file is one of the files to check; name another file")
    return _CheckPlan(opts, explicit, base, stdin, found.problems, jobs, _settings_with_cli(base, args).fail_on)


def _refuse_stdin_fix_report(args: argparse.Namespace) -> None:
    """``--fix`` on standard input writes the fixed text to standard output: a report in a
    machine format there would be mixed with it, so it needs ``--output-file``; and files
    named beside ``-`` would have no place for their report (the files were ignored)."""
    if args.fix and not args.diff and "-" in args.paths and any(p != "-" for p in args.paths):
        raise _Refused("--fix on standard input (-) writes its fixed text to standard output, so it cannot fix "
                       "files in the same run: fix the files and standard input in two runs (or use --diff)")
    if args.fix and not args.diff and "-" in args.paths and args.format != "text" and not args.output_file:
        raise _Refused(f"--fix on standard input writes the fixed text to standard output; --format {args.format} "
                       "needs --output-file FILE for its report (or use --diff)")


def _check_output_file(path: str) -> None:
    """Refuse an ``--output-file`` that cannot be written before any draft is linted (a
    usage error, exit 2); the file itself is created only when the report is written."""
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if os.path.isdir(target):
        raise _Refused(f"--output-file {visible(path)}: is a folder, not a file")
    if not os.path.isdir(folder):
        raise _Refused(f"--output-file {visible(path)}: no such folder {visible(folder)}")
    writable = os.access(target, os.W_OK) if os.path.exists(target) else os.access(folder, os.W_OK)
    if not writable:
        raise _Refused(f"--output-file {visible(path)}: permission denied")


def _not_there(path: str) -> str:
    """Why ``path`` named on the command line cannot be looked at ("" when it can): "no
    such file or folder", or the system's reason. A file in a folder the user may not
    search answers "Permission denied", which ``os.path.lexists`` read as missing."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return "no such file or folder"
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return "no such file or folder" if isinstance(exc, NotADirectoryError) else f"cannot look at it: {reason}"
    return ""


def _stdin_settings(explicit: Settings | None, args: argparse.Namespace) -> Settings:
    """The settings standard input is checked under: ``--config``, or the configuration
    nearest ``--stdin-filename``."""
    return _settings_with_cli(explicit or settings_for(real_path(Path(args.stdin_filename or "."))), args)


def _read_stdin_input(args: argparse.Namespace, limit: int) -> _StdinInput:
    data = _read_stdin(limit)
    name = args.stdin_filename or "-"
    if data is None:
        raise _Refused("standard input is closed; nothing to check (name files, or pipe a draft in)")
    if limit and len(data) > limit:  # (read no further than one byte past the limit)
        raise _Refused(f"{visible_path(name)}: standard input is over the limit of {readable_size(limit)}; not linted "
                       "(raise it with --max-file-size or max-file-size in the configuration, 0 for no limit)")
    try:
        doc = decode(data, name, args.encoding)
    except DecodeError as exc:
        raise _Refused(visible(str(exc))) from None
    return _StdinInput(doc, len(data), name)


def _settings_per_file(files, explicit: Settings | None, args: argparse.Namespace,
                       loaded: dict[Path, Settings], skipped: list[Path]) -> list[tuple[Path, Settings, bool]]:
    """Each file with the settings of its nearest configuration file (or ``--config``).

    One settings object per configuration file, not per file: the engine caches the
    enabled rules per settings object, and building them is not free either. ``loaded``:
    configuration files already read this run, by resolved path (the working folder's:
    read again, its house rules' examples were linted twice). ``skipped``: configuration
    names passed over (no regular files) in the working folder's walk; they and the
    files' are said on stderr.
    """
    cache: dict[str, Settings] = {}
    jobs: list[tuple[Path, Settings, bool]] = []
    nearest = ConfigFinder()  # the files of a folder share their folders' answers
    for f, named in files:
        cfg = nearest(f) if explicit is None else None
        key = "--config" if explicit is not None else (str(cfg) if cfg else "")
        if key not in cache:
            base = explicit if explicit is not None else (_loaded_settings(cfg, loaded) if cfg else Settings())
            cache[key] = _settings_with_cli(base, args)
        jobs.append((f, cache[key], named))
    if explicit is None and "-" in args.paths and args.stdin_filename:  # standard input's configuration
        find_config(real_path(Path(args.stdin_filename)), skipped)
    for name in dict.fromkeys([*skipped, *nearest.skipped]):  # each once, in the order met
        say(f"warning: {skipped_message(name)}")
    return jobs


def _loaded_settings(cfg: Path, loaded: dict[Path, Settings]) -> Settings:
    path = cfg.resolve()
    if path not in loaded:
        loaded[path] = load_settings(path)
    return loaded[path]


def _check_stdin(plan: _CheckPlan, args: argparse.Namespace) -> tuple[FileReport, str, bool]:
    """Check standard input under the settings for ``--stdin-filename``; return its report,
    the threshold that now applies, and whether the run is finished (``--fix``: the fixed
    text was the output)."""
    stdin = plan.stdin
    settings = _stdin_settings(plan.explicit, args)
    report, fixed_text = _guarded(lambda: check_document(stdin.doc, settings, plan.opts, write=False), stdin.name)
    if not (args.fix and not args.diff):
        return report, settings.fail_on, False
    # With --fix on stdin the fixed text is the output, as bytes in the input's encoding
    # (stdout may not be UTF-8); findings go to standard error.
    out = fixed_text if fixed_text is not None else stdin.doc.text
    _write_stdout_bytes(encode(stdin.doc, out))
    if args.output_file:  # the report in the format asked for, where asked
        output = _Output(args, settings.fail_on, plan.base.docs_url)
        try:
            _emit([report], args, output)
        finally:
            output.close()
    elif report.findings or report.error:
        options = RenderOptions(color=False, fail_on=settings.fail_on, fixing=True, unsafe=plan.opts.unsafe)
        print(render_text([report], options), file=sys.stderr)
    return report, settings.fail_on, True


def _check_files(plan: _CheckPlan, reports: list[FileReport], threshold: str, args: argparse.Namespace) -> int:
    """Lint the files found (in parallel when that pays) after the ``reports`` already made,
    and write the report; return the exit status."""
    jobs = plan.jobs
    progress = _Progress(len(jobs)) if (sys.stderr.isatty() and len(jobs) > 20 and not args.no_progress) else None
    work = [(p, s, plan.opts, named) for p, s, named in jobs]
    workers = _workers(args.jobs, jobs)
    output = _Output(args, threshold, plan.base.docs_url)
    streamed = _streamed(args, output, progress)
    collected = _Collected(streamed)
    try:
        for report in reports:
            collected.take(report)
        for report in parallel.run(_check_path, work, workers):
            collected.take(report)
            if progress:
                progress.step()
        if progress:
            progress.done()
        collected.tell_skipped()  # after the progress bar, as one block
        if streamed is not None:
            streamed.close(collected.kept)
            return _exit_code(collected.kept, args, threshold)
        return _emit(collected.kept, args, output)
    finally:
        output.close()


def _workers(asked: int, jobs: list[tuple[Path, Settings, bool]]) -> int:
    """How many processes to lint in: as many as ``--jobs`` allows (by default one per
    core) and the input is big enough to gain from, else one; the rules are built before
    the fork (see parallel)."""
    if asked == 1 or len(jobs) <= 1:
        return 1
    workers = parallel.workers_for(asked, [_size_of(p) for p, _, _ in jobs])
    if workers > 1:
        parallel.warm_up({id(s): s for _, s, _ in jobs}.values())
    return workers


def _streamed(args: argparse.Namespace, output: _Output, progress: _Progress | None) -> StreamedReport | None:
    """A report written as files finish (text and JSON: bounded memory on an archive), or
    None to write it at the end: when a progress bar shares the terminal with it. (An
    output file that is one of the drafts is refused before any is read.)"""
    if not can_stream(args.format, args.statistics, args.diff):
        return None
    if progress and not args.output_file and _is_tty(output.stream):
        return None
    return StreamedReport(args.format, output.stream, output.render_options, _quiet_stdout)


class _Collected:
    """The reports to render, in order. A file skipped as not a draft is left out, and when
    it was named on the command line it is told once at the end (a folder's other files
    are skipped silently)."""

    def __init__(self, streamed: StreamedReport | None) -> None:
        self.streamed = streamed
        self.kept: list[FileReport] = []
        self.skipped: list[FileReport] = []

    def take(self, report: FileReport) -> None:
        if report.skipped:
            if report.named or report.skipped.startswith(UNDECODABLE):
                self.skipped.append(report)
            return
        self.kept.append(report)
        if self.streamed is not None:
            self.streamed.file(report)

    def tell_skipped(self) -> None:
        for r in self.skipped:
            if r.skipped == EXCLUDED or r.skipped.startswith(UNDECODABLE):  # the user's own choice: naming drafts would not help
                print(f"resolint: {visible_path(r.path)}: skipped: {r.skipped}", file=sys.stderr)
                continue
            print(f"resolint: {visible_path(r.path)}: skipped, not a draft: {r.skipped}. "
                  "Name drafts *.res.txt/*.res.md or list them under include in resolint.toml", file=sys.stderr)


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Output:
    """Where the report goes (``--output-file``, standard error under ``--diff``, or
    standard output) and how it is rendered there. The output file is created when the
    report is first written, not before the drafts are read."""

    def __init__(self, args: argparse.Namespace, threshold: str, docs_base: str) -> None:
        self.path = args.output_file
        self.file = None
        std = sys.stderr if args.diff and args.format != "json" else sys.stdout
        self.render_options = RenderOptions(
            color=_use_color(args.color, None if self.path else std) and args.format == "text" and not args.statistics,
            fail_on=threshold, fixing=args.fix and not args.diff, unsafe=args.unsafe_fixes, docs_base=docs_base,
        )
        self._std = std

    @property
    def stream(self):
        if self.path and self.file is None:
            try:
                self.file = open(self.path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
            except OSError as exc:  # checked before linting; the folder may have gone since
                raise OutputError(f"cannot write --output-file {visible(self.path)}: {exc.strerror or exc}") from None
        return self.file or self._std

    def close(self) -> None:
        if self.file:
            self.file.close()


def _emit(reports: list[FileReport], args: argparse.Namespace, output: _Output) -> int:
    """Write the whole report at once (formats that cannot stream); ends quietly when the
    reader goes away."""
    code = _exit_code(reports, args, output.render_options.fail_on)
    try:
        if args.diff and args.format != "json":
            _write_diffs([r for r in reports if r.diff])
        if args.statistics:
            text = render_statistics(reports, output.render_options, as_json=args.format == "json")
        else:
            text = RENDERERS[args.format](reports, output.render_options)
        if text:
            print(text, file=output.stream)
            output.stream.flush()
    except BrokenPipeError:
        _quiet_stdout()
    return code


def _write_diffs(reports: list[FileReport]) -> None:
    """The diffs as bytes ``patch`` applies to the files (cli.patch); as text to a standard
    output that takes no bytes (a caller's StringIO)."""
    if not reports:
        return
    if getattr(sys.stdout, "buffer", None) is None:
        sys.stdout.write("".join(r.diff for r in reports if r.patch != b""))
        return
    _write_stdout_bytes(b"".join(r.patch if r.patch is not None else r.diff.encode("utf-8", "surrogateescape") for r in reports))


def _write_stdout_bytes(data: bytes) -> None:
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _quiet_stdout()


def _exit_code(reports: list[FileReport], args: argparse.Namespace, threshold: str) -> int:
    if any(r.error for r in reports):
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    failing = any(at_or_above(f.severity.value, threshold) for r in reports for f in r.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _guarded(check, name: str):
    """Run one file's check; a bug in it becomes that file's error (exit 2), not a crash."""
    try:
        return check()
    except (KeyboardInterrupt, SystemExit, ConfigError, StyleError):
        raise  # the run's own problems, not this file's
    except Exception as exc:
        error = f"internal error: {type(exc).__name__}: {exc} (please report this; other files were checked)"
        return FileReport(name, None, error=error), None


def _check_path(job: tuple[Path, Settings, CheckOptions, bool]) -> FileReport:
    path, settings, opts, named = job
    report, _ = _guarded(lambda: (_check_one(path, settings, opts, named), None), str(path))
    report.named = named
    return slim(report)


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _check_one(path: Path, settings: Settings, opts: CheckOptions, named: bool = True) -> FileReport:
    if matches(path, settings.exclude, settings.root):  # never read, even when named
        return FileReport(str(path), None, skipped=EXCLUDED)
    try:
        too_big = _too_big(path.stat().st_size, settings.max_file_size)
        if too_big:
            return FileReport(str(path), None, error=too_big)
        if is_docx(path):
            return check_docx(path, settings, opts)
        doc = read_document(path, opts.encoding)  # refuses FIFOs and devices without opening them
    except NotAFile as exc:
        return FileReport(str(path), None, error=f"not checked: {exc}")
    except DecodeError as exc:
        detail = str(exc).split(": ", 1)[1]
        skipped = "" if named else skip_reason(path, detail, settings)  # (a file in a folder: a draft?)
        return FileReport(str(path), None, skipped=skipped) if skipped else FileReport(str(path), None, error=detail)
    except OSError as exc:
        return FileReport(str(path), None, error=f"cannot read: {exc.strerror or exc}")
    # (exclude: tested above, before the file was read)
    is_draft, why = why_draft(path, doc.text, settings.include, (), settings.root)
    if not is_draft:
        return FileReport(str(path), None, skipped=why)
    report, _ = check_document(doc, settings, opts, write=True)
    return report


#: What the text report says of a draft with no text (or only blank lines).
EMPTY_NOTE = "the file has no text: there was nothing to check"


def _empty_notes(text: str) -> list[str]:
    """The note for a draft with no text: "All checks passed" alone read as a draft that
    was checked. (``isspace`` stops at the first letter: no copy of a long text.)"""
    return [EMPTY_NOTE] if not text or text.isspace() else []


def check_document(doc: Document, settings: Settings, opts: CheckOptions, write: bool) -> tuple[FileReport, str]:
    """Lint one document, fixing it if asked; return the report and the final text."""
    path = doc.path

    def run(text: str):
        return lint(text, settings, path=path, style=opts.style)

    def run_parsed(res):  # (a text the fix loop parsed: see resolint.fixes.Parses)
        return lint(res.source, settings, path=path, style=opts.style, parsed=res)

    result = run(doc.text)
    report = FileReport(path, result.source, result.style.name, result.style.detected_because, result.findings)
    report.notes.extend(_empty_notes(doc.text))
    refused = fix_refusal(result, settings, opts.style) if any(f.fix for f in result.findings) else ""
    if not (opts.fix or opts.diff):
        refuse_fixes(report, refused)
        return report, doc.text
    if refused:
        _not_fixed(path, refused)
        return report, doc.text
    if write and opts.fix and not opts.diff and not opts.fix_read_only and is_read_only(Path(path)):
        _not_fixed(path, READ_ONLY)
        return report, doc.text
    unsafe = opts.unsafe or settings.unsafe_fixes
    from resolint.fixes import fix_text  # lazy: a plain check (no --fix, no --diff) applies no fix

    outcome = fix_text(doc.text, run, unsafe=unsafe, usable=writable(doc.encoding), first=result,
                       lint_parsed=run_parsed)
    final = outcome.result
    for note in unwritable_notes(final.findings, final.source, doc.encoding, unsafe):
        _not_fixed(path, note)
    if opts.diff:
        if outcome.text != doc.text:
            _add_diff(report, doc, outcome.text)
        return report, outcome.text
    error = _write_fixed(doc, outcome.text, opts) if write and outcome.text != doc.text and path != "-" else ""
    if error != "":
        # Saved meanwhile by another program (None), or not written: either way the
        # findings are those of the text as read, which the file still holds.
        report.error = error or report.error
        return report, doc.text
    report.findings = final.findings
    report.source = final.source
    report.fixed = outcome.applied
    report.error = error
    return report, outcome.text


def _add_diff(report: FileReport, doc: Document, text: str) -> None:
    """The diff from ``doc`` to ``text``: as text for the JSON report, as the file's bytes
    for standard output (``patch`` and ``git apply`` compare bytes: see cli.patch)."""
    report.diff = text_diff(doc.text, text, doc.path)
    report.patch = file_patch(doc.text, text, doc.path, doc.encoding, doc.bom)
    if report.patch is None:
        report.patch = b""
        report.notes.append(f"no diff printed: patch and git apply cannot apply a diff to a {doc.encoding} file "
                            "(their lines end at the byte \\n); --fix writes the fixes")


def _write_fixed(doc: Document, text: str, opts: CheckOptions) -> str | None:
    """Write the fixed text over the draft: "" when written, the error when it could not
    be, None when it is left as it was and said so (another program saved it meanwhile,
    or this user may not write it)."""
    try:
        write_file(Path(doc.path), encode(doc, text), allow_read_only=opts.fix_read_only, expect=doc.read_as)
    except Changed:
        _not_fixed(doc.path, CHANGED)
        return None
    except (OSError, ReadOnly) as exc:
        refusal = write_refusal(exc) if isinstance(exc, OSError) else ""
        if refusal:
            _not_fixed(doc.path, refusal)
            return None
        return f"cannot write the fixed text: {getattr(exc, 'strerror', None) or exc}"
    return ""


def _not_fixed(path: str, why: str) -> None:
    print(f"resolint: {visible_path(path)}: not fixed: {why}", file=sys.stderr)


class _Progress:
    """A one-line progress bar on standard error (only when it is a terminal)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.n = 0

    def step(self) -> None:
        self.n += 1
        width = 30
        filled = int(width * self.n / self.total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.n}/{self.total}")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r" + " " * 50 + "\r")
        sys.stderr.flush()


def _house_rules(args: argparse.Namespace) -> list:
    """The custom rules of the configuration (``--config`` or the nearest) and of the styles."""
    settings = load_settings(Path(args.config)) if getattr(args, "config", None) else settings_for(Path.cwd())
    return visible_rules(settings)


def cmd_rules(args: argparse.Namespace) -> int:
    rules = list(all_rules()) + _house_rules(args)
    if args.format == "json":
        entries = []
        for r in rules:
            entry = {
                "code": r.code,
                "name": r.name,
                "summary": r.summary,
                "severity": r.default_severity.value,
                "fix": r.fix_applicability.value if r.fix_applicability else None,
            }
            if getattr(r, "source", None):  # a house rule: where it is defined
                entry["source"] = r.source
            entries.append(entry)
        print(json.dumps(entries, indent=2))
    else:
        for r in rules:
            fix = f" [{r.fix_applicability.value} fix]" if r.fix_applicability else ""
            source = f" (house rule, {r.source})" if getattr(r, "source", None) else ""
            print(f"{r.code}  {r.name:<36} {r.default_severity.value:<8} {r.summary}{fix}{source}")
    return EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    rule = rule_by_code(args.code)
    if rule is None:
        wanted = args.code.upper()
        rule = next((r for r in _house_rules(args) if r.code == wanted or r.name == args.code.lower()), None)
    if rule is None:
        say(f"no rule '{args.code}' (see 'resolint rules')")
        return EXIT_ERROR
    print(f"# {rule.code} {rule.name}\n")
    print(f"Default severity: {rule.default_severity.value}.\n")
    print(rule.doc())
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
