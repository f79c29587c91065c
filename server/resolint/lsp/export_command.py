"""``workspace/executeCommand`` ``resolint.exportAkn``: the open draft as AKN XML or HTML.

Arguments: ``[uri]`` or ``[uri, {"format": "akn" | "html", "force": bool}]``. The export
is built from the server's own lint of the document's current version (the same
structure the editor shows) in the worker thread, in the lint slot and under the lint
time budget (``resolint.lintTimeBudget``: an export running longer is stopped, so it
cannot stall every document's diagnostics), and returned, not written: the client
chooses where it goes (VS Code opens it in a new editor). Answers:

- ``{"uri", "format", "content"}``: the exported document as text;
- ``{"uri", "refused": [reasons], "message"}``: the structure is uncertain; the client
  may ask the user and call again with ``"force": true``;
- ``{"uri", "error"}``: the document is not open, the arguments are wrong, or the export
  ran out of time.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from resolint.lsp.interrupt import OverBudget

log = logging.getLogger("resolint.lsp")

COMMAND = "resolint.exportAkn"


def too_slow_message(seconds: float) -> str:
    return (
        f"not exported: the export was stopped after {seconds:g} s (resolint.lintTimeBudget), "
        "so that it would not hold up linting; export it from the CLI (resolint export)"
    )


def parse_arguments(args: tuple[Any, ...]) -> tuple[str, str, bool]:
    """(uri, format, force) from the command's arguments; ValueError when they are wrong."""
    if not args or not isinstance(args[0], str):
        raise ValueError(f"{COMMAND} takes the document's URI as its first argument")
    opts = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
    fmt = opts.get("format", "akn")
    if fmt not in ("akn", "html"):
        raise ValueError(f"unknown format {fmt!r}: use akn or html")
    return args[0], fmt, bool(opts.get("force", False))


def register(server) -> None:
    """Add the command to ``server`` (a :class:`~resolint.lsp.server.ResolintServer`)."""

    @server.command(COMMAND)
    async def export_akn(ls, *args):
        from resolint.export import ExportError, ExportRefused, export  # lazy: lxml, only to export

        try:
            uri, fmt, force = parse_arguments(args)
        except ValueError as exc:
            return {"uri": args[0] if args and isinstance(args[0], str) else None, "error": str(exc)}
        state = await ls.state(uri)
        if state is None:
            return {"uri": uri, "error": "the document is not open in the language server"}
        run = functools.partial(export, state.result, fmt, force=force)
        try:
            data = await ls.scheduler.run_in_slot(run)
        except OverBudget:
            return {"uri": uri, "error": too_slow_message(ls.scheduler.budget)}
        except ExportRefused as exc:
            return {"uri": uri, "refused": exc.reasons, "message": str(exc)}
        except ExportError as exc:
            return {"uri": uri, "error": f"not exported: {exc}"}
        except Exception as exc:  # a bug costs this answer, never the session
            log.exception("%s failed", COMMAND)
            return {"uri": uri, "error": f"internal error: {exc!r}"}
        return {"uri": uri, "format": fmt, "content": data.decode("utf-8")}
