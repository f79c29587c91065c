"""Writing the text and JSON reports file by file, as files are checked.

Both formats are a sequence of per-file parts and a closing part computed from counts
(the summary), so each file's part can be written as soon as the file is checked and its
positions and lines dropped: a run over an archive then holds the findings (for the
summary and the exit status), not every file's rendered report. The bytes written are
exactly those :func:`render_json` and :func:`render_text` produce for the whole run.
"""

from __future__ import annotations

import json
from typing import TextIO

from resolint.cli.render import JSON_VERSION, RenderOptions, json_entry_pieces, summary, text_lines, text_summary
from resolint.cli.report import FileReport

#: Lines of the text report written at a time (a file's findings may be a hundred thousand).
_TEXT_BATCH = 3000


def can_stream(fmt: str, statistics: bool, diff: bool) -> bool:
    """Text and JSON stream; ``--statistics`` (a table sorted by count) and the text
    report under ``--diff`` (written after the diffs) do not."""
    return not statistics and (fmt == "json" or (fmt == "text" and not diff))


class StreamedReport:
    """Writes one run's report to ``out`` part by part (see the module docstring)."""

    def __init__(self, fmt: str, out: TextIO, opts: RenderOptions, on_broken=lambda: None) -> None:
        self.fmt = fmt
        self.on_broken = on_broken
        self.out = out
        self.opts = opts
        self.first = True
        self.broken = False  # the reader went away (``| head``): stop writing, finish the run

    def _write(self, s: str) -> None:
        if self.broken:
            return
        try:
            self.out.write(s)
        except BrokenPipeError:
            self.broken = True
            self.on_broken()

    def file(self, report: FileReport) -> None:
        """Write ``report``'s part, then drop what only rendering needed."""
        if self.fmt == "json":
            self._write(f'{{"version": {JSON_VERSION}, "files": [' if self.first else ", ")
            for piece in json_entry_pieces(report):
                self._write(piece)
        else:
            batch: list[str] = []
            for line in text_lines(report, self.opts):
                batch.append(line)
                if len(batch) == _TEXT_BATCH:
                    self._write("\n".join(batch) + "\n")
                    batch = []
            if batch:
                self._write("\n".join(batch) + "\n")
        self.first = False
        report.source = None  # the summary and the exit status need the findings only
        report.diff = ""

    def close(self, reports: list[FileReport]) -> None:
        if self.fmt == "json":
            head = f'{{"version": {JSON_VERSION}, "files": [' if self.first else ""
            self._write(head + '], "summary": ' + json.dumps(summary(reports), ensure_ascii=False) + "}\n")
        else:
            self._write(text_summary(reports, self.opts) + "\n")
        if not self.broken:
            self.out.flush()
