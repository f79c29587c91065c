"""A file found in a folder that cannot be decoded: an unreadable draft, or no draft at all.

A file named on the command line that cannot be decoded is an error (exit status 2): the
user asked for it. A file found by walking a folder is read only to see whether it is a
draft; when its bytes are not text resolint can decode, what it is is judged from what can
be read of it (decoded leniently, undecodable bytes replaced). A draft by its name, by the
configuration's ``include`` or by its readable text stays an error, so CI notices a draft
saved in another encoding; anything else (Latin-1 meeting notes beside the drafts) is
skipped with a note instead of failing the run.
"""

from __future__ import annotations

from pathlib import Path

from resolint.cli.drafts import why_draft
from resolint.cli.files import read_bytes

#: How a skip for this reason starts (told on standard error even for a file in a folder).
SKIPPED = "not a draft we can read: "


def _lenient(data: bytes) -> str:
    """What can be read of ``data``: UTF-8, or UTF-16 when its zero bytes suggest it."""
    if data.count(0) >= len(data) // 4 > 0:
        le, be = (data.decode(enc, "replace") for enc in ("utf-16-le", "utf-16-be"))
        return le if le.count("\ufffd") <= be.count("\ufffd") else be
    return data.decode("utf-8", "replace")


def skip_reason(path: Path, error: str, settings) -> str:
    """Why a file found in a folder, which cannot be decoded (``error``), is skipped; ""
    when it is a draft all the same (then the decoding error stands)."""
    try:
        text = _lenient(read_bytes(path))
    except OSError:
        return ""
    is_draft, _ = why_draft(path, text, settings.include, settings.exclude, settings.root)
    return "" if is_draft else SKIPPED + error
