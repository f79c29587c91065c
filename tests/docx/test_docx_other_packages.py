"""Files of the Word family that are not a .docx: each refused with what it is and what
to do, and nothing written.

Built here from a python-docx document: the same package with its main part's content
type changed (a macro-enabled document, a template), or its relationships and namespaces
rewritten as Word's "Strict Open XML Document" save writes them; and an old .doc or a
.docm named with the suffix it has, which ``check`` would read as text.
"""

from __future__ import annotations

import io
import zipfile

import docx_factory as F
import pytest
from test_docx_cli import run

MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _draft() -> bytes:
    d = F.new()
    F.para(d, "The General Assembly,")
    F.para(d, "1. calls upon Member States to cooperate;")
    return F.to_bytes(d)


def _rewritten(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            zout.writestr(name, change(name, zin.read(name)))
    return out.getvalue()


def _main_type(content_type: bytes):
    return lambda name, b: b.replace(MAIN, content_type) if name == "[Content_Types].xml" else b


def _strict(name, b):
    """What Word's Strict Open XML save changes: every namespace and relationship type."""
    return (b.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", b"http://purl.oclc.org/ooxml/wordprocessingml/main")
             .replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships", b"http://purl.oclc.org/ooxml/officeDocument/relationships"))


CASES = [
    (_main_type(b"application/vnd.ms-word.document.macroEnabled.main+xml"), "macro-enabled Word document (.docm)"),
    (_main_type(b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"), "Word template (.dotx)"),
    (_main_type(b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml"), "macro-enabled Word template (.dotm)"),
    (_strict, "Strict Open XML"),
]


@pytest.mark.parametrize(("change", "what"), CASES)
def test_a_word_package_that_is_not_a_docx_is_named_and_nothing_is_written(tmp_path, change, what):
    path = tmp_path / "draft.docx"
    data = _rewritten(_draft(), change)
    path.write_bytes(data)
    checked = run("check", path)
    assert checked.returncode == 2
    assert what in checked.stdout and "save it in Word as a Word Document (.docx)" in checked.stdout
    assert "BytesIO" not in checked.stdout and "damaged" not in checked.stdout
    out = tmp_path / "out.docx"
    annotated = run("annotate", path, "-o", out, "--track-changes")
    assert annotated.returncode == 2 and what in annotated.stderr
    fixed = run("check", "--fix", path)
    assert fixed.returncode == 2
    assert not out.exists() and path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]


@pytest.mark.parametrize(("suffix", "content", "what"), [
    (".docm", None, "ZIP package"),
    (".doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word 97-2003 document (.doc)"),
])
def test_an_office_file_named_as_it_is_is_not_called_undecodable_text(tmp_path, suffix, content, what):
    """``check`` reads any suffix but .docx as text: an Office file's bytes say what it is."""
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(content or _rewritten(_draft(), CASES[0][0]))
    checked = run("check", path)
    assert checked.returncode == 2
    assert what in checked.stdout and "save it in Word as a Word Document (.docx)" in checked.stdout
