"""The configuration's glob patterns answer as ``fnmatch`` does (resolint.globs).

``globs`` tests each name with one compiled pattern instead of ``fnmatch.fnmatch`` and
reads a POSIX path's parts from its text instead of a new ``Path``: these tests hold it
to what the module's docstring promises, against a matcher written with ``fnmatch`` and
``Path`` directly."""

from __future__ import annotations

import fnmatch
import itertools
from pathlib import Path

from resolint.globs import path_matches

PATTERNS = [
    "~$*", "*.txt", "archive", "archive/", "/archive", "archive/*", "**/old.txt", "a/**/b.txt",
    "[ab]*.md", "?.txt", "[!x]*", "*[*]*", "*.res.txt", "drafts/*.md", "*/x/*", "ar*ve/",
]
PATHS = [
    "old.txt", "~$draft.docx", "archive/2020/old.txt", "archive/x.txt", "./archive//x.txt",
    "a/b.txt", "a/c/d/b.txt", "b.md", "x.md", "drafts/./y.md", "deep/archive/z.txt",
    "q/x/r.txt", "*star*.txt", "../outside/archive/f.txt", "archive",
]


def _reference(path: str, pattern: str) -> bool:
    """The module's rules written plainly, for a path relative to the configuration."""
    parts = [p for p in Path(path).as_posix().split("/") if p not in ("", ".")]
    folders_only, body = pattern.endswith("/"), pattern.rstrip("/")
    anchored, body = body.startswith("/"), body.lstrip("/")
    forms = [body] + ([body[3:]] if body.startswith("**/") else [])
    if "/**/" in body:
        forms += [f.replace("/**/", "/") for f in list(forms)]
    end = len(parts) - 1 if folders_only else len(parts)
    tried = ["/".join(parts[: i + 1]) for i in range(end)]
    if not anchored:
        tried += [p for p in parts[:end] if p != ".."]
    return any(fnmatch.fnmatch(c, f) for f in forms for c in tried)


def test_patterns_match_as_fnmatch_says():
    for path, pattern in itertools.product(PATHS, PATTERNS):
        assert path_matches(path, (pattern,), None) is _reference(path, pattern), (path, pattern)


def test_a_path_written_with_empty_and_dot_parts_is_read_as_its_parts():
    assert path_matches("./archive//2020/./old.txt", ("archive/2020/*",), None)
    assert path_matches(Path("archive") / "2020" / "old.txt", ("/archive/2020",), None)
    assert not path_matches("./notes//old.txt", ("/archive",), None)


def test_a_pattern_is_read_again_after_another():
    # the compiled patterns are kept: a second pattern must not answer with the first's
    assert path_matches("a.md", ("*.md",), None)
    assert not path_matches("a.md", ("*.txt",), None)
    assert path_matches("a.md", ("*.txt", "*.md"), None)
