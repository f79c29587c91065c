"""Coverage-guided fuzzing of the Word reader on hostile XML parts (atheris).

Each input replaces one part of a small, valid Word document — ``word/document.xml``
or ``word/numbering.xml``, chosen by the first byte — and the package is read and
linted as ``resolint check`` does. Properties, for any input:

- the only error is :class:`~resolint.docx.package.DocxError` (a clear message), never
  another exception (the ``w:ilvl="x"`` ValueError, the ``w:sym`` surrogate);
- the text read can be written as UTF-8 (no lone surrogates reach the output);
- the text is bounded by the size limit, counting one character per paragraph.

Run through ``fuzz/run_targets.sh`` (bounded, for CI) or directly:
``python fuzz/fuzz_docx_parts.py CORPUS_DIR -max_total_time=600``.
"""

from __future__ import annotations

import io
import sys
import zipfile

import atheris

with atheris.instrument_imports(include=["resolint.docx"]):
    from resolint.docx.lint import lint_docx
    from resolint.docx.package import DocxError, open_docx
    from resolint.docx.reader import build

PARTS = ("word/document.xml", "word/numbering.xml")
LIMIT = 20_000
_TEMPLATE: bytes | None = None


def template() -> bytes:
    """A small document with a numbered list, made with python-docx once."""
    global _TEMPLATE
    if _TEMPLATE is None:
        sys.path.insert(0, "tests/docx")
        import docx_factory as f

        d = f.new()
        f.para(d, "The General Assembly,")
        num = f.add_list(d, [("decimal", "%1."), ("lowerLetter", "(%2)")])
        f.numbered(d, num, 0, "Decides to act;")
        f.numbered(d, num, 1, "urges all;")
        _TEMPLATE = f.to_bytes(d)
    return _TEMPLATE


def package_with(part: str, xml: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(template()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, xml if info.filename == part else src.read(info.filename))
    return out.getvalue()


def test_one_input(data: bytes) -> None:
    if not data:
        return
    part = PARTS[data[0] % len(PARTS)]
    try:
        doc = build(open_docx("fuzz.docx", package_with(part, data[1:])), max_text=LIMIT)
    except DocxError:
        return
    doc.text.encode("utf-8")  # raises on a lone surrogate
    assert len(doc.text) <= LIMIT + 10_000, len(doc.text)  # one paragraph may pass the limit
    lint_docx(doc)


def main() -> None:
    template()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
