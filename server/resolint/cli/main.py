"""``resolint`` command line: check, rules, rule, server (the contract of DESIGN §6).

Exit status: 0 no findings, 1 findings, 2 usage, configuration, input or internal error.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from resolint import __version__
from resolint.cli.docx_cmd import add_annotate_parser, check_docx, cmd_annotate, is_docx
from resolint.cli.files import DecodeError, Document, decode, discover, encode, read_document, write_atomic
from resolint.cli.render import RENDERERS
from resolint.cli.report import FileReport
from resolint.config import ConfigError, Settings, load_settings, parse_size, settings_for
from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.model import Kind
from resolint.styles import StyleError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def _size(value: str) -> int:
    size = parse_size(value)
    if size is None:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (write e.g. 10MB, 500kB or 0)")
    return size


def _too_big(size: int, limit: int) -> str:
    """The error for a file over the size limit, or "" when it is within it."""
    if not limit or size <= limit:
        return ""
    return (
        f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit; not linted "
        "(raise it with --max-file-size or max-file-size in the configuration, 0 for no limit)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resolint", description="Lint drafts of resolutions (UN, INTERPOL, Model UN).")
    parser.add_argument("--version", action="version", version=f"resolint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="lint files, folders or standard input")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH", help="files, folders, or - for standard input")
    check.add_argument("--style", help="house style: auto, interpol, un-ga, un-sc, mun, or one from the configuration")
    check.add_argument("--format", choices=sorted(RENDERERS), default="text")
    check.add_argument("--select", type=_codes, help="only these codes or prefixes (comma-separated)")
    check.add_argument("--ignore", type=_codes, help="skip these codes or prefixes (comma-separated)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    check.add_argument("--diff", action="store_true", help="print the fixes as a diff instead of writing them")
    check.add_argument("--config", help="configuration file (default: the nearest resolint.toml, .resolint.toml or pyproject.toml)")
    check.add_argument("--stdin-filename", help="the name to report (and match per-file ignores against) for standard input")
    check.add_argument("--jobs", type=int, default=1, help="files linted in parallel (0: one per core)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
    check.add_argument(
        "--max-file-size",
        type=_size,
        metavar="SIZE",
        help="refuse files larger than SIZE (e.g. 10MB, 500kB; 0: no limit; default: max-file-size or 5MB)",
    )

    rules = sub.add_parser("rules", help="list the rules (built-in, and the house rules of the styles and configuration)")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument("--config", help="configuration file whose house rules to list (default: the nearest)")
    rule = sub.add_parser("rule", help="show the documentation of one rule")
    rule.add_argument("code")
    rule.add_argument("--config", help="configuration file whose house rules to search (default: the nearest)")
    add_annotate_parser(sub)
    server = sub.add_parser("server", help="run the language server (stdio)")
    server.add_argument("--tcp", action="store_true", help="listen on TCP instead of stdio (for debugging)")
    server.add_argument("--host", default="127.0.0.1")
    server.add_argument("--port", type=int, default=2087)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command == "annotate":
            return cmd_annotate(args)
        if args.command == "server":
            from resolint.lsp.server import run_server

            return run_server(tcp=args.tcp, host=args.host, port=args.port) or 0
    except (ConfigError, StyleError) as exc:
        print(f"resolint: configuration error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    return EXIT_ERROR


@dataclass(slots=True)
class CheckOptions:
    fix: bool
    unsafe: bool
    diff: bool
    style: str | None


def _settings_with_cli(base: Settings, args: argparse.Namespace) -> Settings:
    return base.with_overrides(
        select=args.select,
        ignore=(base.ignore + args.ignore) if args.ignore else None,
        unsafe_fixes=True if args.unsafe_fixes else None,
        max_file_size=args.max_file_size,
    )


def cmd_check(args: argparse.Namespace) -> int:
    explicit = load_settings(Path(args.config)) if args.config else None
    opts = CheckOptions(fix=args.fix, unsafe=args.unsafe_fixes, diff=args.diff, style=args.style)
    stdin_doc: Document | None = None
    if "-" in args.paths:
        data = sys.stdin.buffer.read()
        name = args.stdin_filename or "-"
        try:
            stdin_doc = decode(data, name)
        except DecodeError as exc:
            print(f"resolint: {exc}", file=sys.stderr)
            return EXIT_ERROR
    base_settings = explicit or settings_for(Path.cwd())
    paths = [p for p in args.paths if p != "-"]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        for p in missing:
            print(f"resolint: {p}: no such file or folder", file=sys.stderr)
        return EXIT_ERROR
    files = list(discover(paths, base_settings.include, base_settings.exclude))
    jobs: list[tuple[Path, Settings]] = []
    cache: dict[str, Settings] = {}
    for f in files:
        if explicit is not None:
            s = explicit
        else:
            from resolint.config import find_config

            cfg = find_config(f)
            key = str(cfg) if cfg else ""
            if key not in cache:
                cache[key] = load_settings(cfg) if cfg else Settings()
            s = cache[key]
        jobs.append((f, _settings_with_cli(s, args)))

    reports: list[FileReport] = []
    if stdin_doc is not None:
        stdin_settings = _settings_with_cli(explicit or settings_for(Path(args.stdin_filename or ".").resolve()), args)
        too_big = _too_big(len(data), stdin_settings.max_file_size)
        if too_big:
            print(f"resolint: {name}: {too_big}", file=sys.stderr)
            return EXIT_ERROR
        report, fixed_text = check_document(stdin_doc, stdin_settings, opts, write=False)
        reports.append(report)
        if args.fix and not args.diff:
            sys.stdout.write(fixed_text)
            sys.stdout.flush()
            # With --fix on stdin the fixed text is the output; findings go to stderr.
            if report.findings or report.error:
                print(RENDERERS["text"]([report], False), file=sys.stderr)
            return _exit_code(reports, args)

    n_jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    progress = _Progress(len(jobs)) if (sys.stderr.isatty() and len(jobs) > 20 and not args.no_progress) else None
    if n_jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=min(n_jobs, len(jobs))) as pool:
            for report in pool.map(_check_path, [(p, s, opts) for p, s in jobs], chunksize=4):
                reports.append(report)
                if progress:
                    progress.step()
    else:
        for p, s in jobs:
            reports.append(_check_path((p, s, opts)))
            if progress:
                progress.step()
    if progress:
        progress.done()
    color = sys.stdout.isatty() and args.format == "text" and "NO_COLOR" not in os.environ
    output = RENDERERS[args.format](reports, color)
    if output:
        print(output)
    return _exit_code(reports, args)


def _exit_code(reports: list[FileReport], args: argparse.Namespace) -> int:
    if any(r.error for r in reports):
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if any(r.findings for r in reports) else EXIT_OK


def _check_path(job: tuple[Path, Settings, CheckOptions]) -> FileReport:
    path, settings, opts = job
    if is_docx(path):
        return check_docx(path, settings, opts)
    try:
        too_big = _too_big(path.stat().st_size, settings.max_file_size)
        if too_big:
            return FileReport(str(path), None, error=too_big)
        doc = read_document(path)
    except DecodeError as exc:
        return FileReport(str(path), None, error=str(exc).split(": ", 1)[1])
    except OSError as exc:
        return FileReport(str(path), None, error=f"cannot read: {exc.strerror or exc}")
    report, _ = check_document(doc, settings, opts, write=True)
    return report


def check_document(doc: Document, settings: Settings, opts: CheckOptions, write: bool) -> tuple[FileReport, str]:
    """Lint one document, fixing it if asked; return the report and the final text."""
    path = doc.path

    def run(text: str):
        return lint(text, settings, path=path, style=opts.style)

    result = run(doc.text)
    report = FileReport(path, result.source, result.style.name, result.style.detected_because, result.findings)
    if not (opts.fix or opts.diff):
        return report, doc.text
    if result.resolution.of_kind(Kind.UNPLACED):
        report.error = "" if not opts.fix else ""
        report.diff = ""
        if opts.fix:
            print(f"resolint: {path}: not fixed: it has text the parser could not place (DOC004)", file=sys.stderr)
        return report, doc.text
    outcome = fix_text(doc.text, run, unsafe=opts.unsafe or settings.unsafe_fixes)
    final = outcome.result
    if opts.diff:
        if outcome.text != doc.text:
            report.diff = "".join(
                difflib.unified_diff(
                    doc.text.splitlines(keepends=True), outcome.text.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
                )
            )
        return report, outcome.text
    report.findings = final.findings
    report.source = final.source
    report.fixed = outcome.applied
    if write and outcome.text != doc.text and path != "-":
        write_atomic(Path(path), encode(doc, outcome.text))
    return report, outcome.text


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
    from resolint.custom_rules import visible_rules

    settings = load_settings(Path(args.config)) if getattr(args, "config", None) else settings_for(Path.cwd())
    return visible_rules(settings)


def cmd_rules(args: argparse.Namespace) -> int:
    from resolint.registry import all_rules

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
    from resolint.registry import rule_by_code

    rule = rule_by_code(args.code)
    if rule is None:
        wanted = args.code.upper()
        rule = next((r for r in _house_rules(args) if r.code == wanted or r.name == args.code.lower()), None)
    if rule is None:
        print(f"resolint: no rule '{args.code}' (see 'resolint rules')", file=sys.stderr)
        return EXIT_ERROR
    print(f"# {rule.code} {rule.name}\n")
    print(f"Default severity: {rule.default_severity.value}.\n")
    print(rule.doc())
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
