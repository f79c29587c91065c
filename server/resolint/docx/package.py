"""Open a .docx file, turning every way it can be unreadable into one clear message.

A .docx is a ZIP package. What people pass instead: a Word 97-2003 ``.doc`` renamed, a
password-protected document (Word encrypts the whole package into an OLE compound file
with an ``EncryptedPackage`` stream, so it is no longer a ZIP at all), a download cut
short, or another Office file. Each gets a message saying what it is and what to do.

A ZIP package also says, before anything is inflated, how large each member will be. A
small file can inflate to gigabytes (a "zip bomb": 1 MB of repeated text that becomes a
1.1 GB ``document.xml``), and both inflating and parsing cost memory in proportion, so the
members' declared sizes and compression ratios are checked first (:func:`check_sizes`).
The declared size cannot lie: :mod:`zipfile` stops at it and then fails the checksum.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


#: No member of a Word package is inflated beyond this (a 300-page treaty's
#: ``document.xml`` is about 10 MB).
MAX_MEMBER_SIZE = 256 * 1024 * 1024
#: Nor the package as a whole.
MAX_TOTAL_SIZE = 512 * 1024 * 1024
#: Compression ratio above which a large member is taken for a bomb. Word's XML
#: compresses 5 to 20 times; a zip bomb of repeated text, 1000 times.
MAX_RATIO = 100
#: Members smaller than this may have any ratio (a tiny part costs nothing).
RATIO_FLOOR = 4 * 1024 * 1024


class DocxError(Exception):
    """The file cannot be read as a Word document; the message says why."""


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a package whose members would inflate too far, before inflating any.

    Raises :class:`DocxError` naming the member, its declared size and the limit.
    """
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_MEMBER_SIZE:
            raise DocxError(
                f"refused: {info.filename} would inflate to {_mb(size)} (limit {_mb(MAX_MEMBER_SIZE)}); "
                "this is not an ordinary Word document"
            )
        if size > RATIO_FLOOR and size > MAX_RATIO * max(1, info.compress_size):
            ratio = size // max(1, info.compress_size)
            raise DocxError(
                f"refused: {info.filename} would inflate {ratio} times, to {_mb(size)} (a compression bomb?); "
                f"Word documents compress at most about 20 times"
            )
    if total > MAX_TOTAL_SIZE:
        raise DocxError(f"refused: the package would inflate to {_mb(total)} (limit {_mb(MAX_TOTAL_SIZE)})")


def _check_names(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a package holding two members of one name (part names match without regard
    to ASCII case, OPC 9.1.1.2): Python's zipfile reads the last of them, another reader
    may show the first, so resolint checked (and --fix kept) a text the reviewer never
    saw, and --fix dropped the other. Word calls such a package unreadable."""
    seen: set[str] = set()
    for info in infos:
        key = info.filename.lower()
        if key in seen:
            raise DocxError(f"refused: the package holds two parts named {info.filename}; it is not a valid Word document")
        seen.add(key)


def open_docx(path: Path | str, data: bytes | None = None):
    """The python-docx ``Document`` of ``path`` (bytes already read may be passed).

    Each way a file can fail to be a .docx (unreadable, an old .doc or an encrypted one, not
    a ZIP, a bomb, damaged, another Office file) is a :class:`DocxError` saying which, in
    the order a user can act on: nothing is unpacked before the sizes are checked.
    """
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise DocxError(f"cannot read: {exc.strerror or exc}") from None
    _check_signature(data)
    _check_package(data)
    return _document(data)


def _check_signature(data: bytes) -> None:
    """Refuse what is not a ZIP package by its first bytes: an old .doc, an encrypted
    .docx (an OLE container too), an empty file, anything else."""
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20] or b"EncryptedPackage" in data[:1 << 20]:
            raise DocxError("the document is password-protected (encrypted); remove the password in Word and save it again")
        raise DocxError("this is a Word 97-2003 .doc file, not a .docx; save it as a Word Document (.docx)")
    if not data.startswith(ZIP_MAGIC):
        if not data:
            raise DocxError("the file is empty, not a Word document")
        raise DocxError("not a Word document (.docx): the file is not a ZIP package")


def _check_package(data: bytes) -> None:
    """Refuse a ZIP package that would inflate too far, is damaged, or has no document part."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        check_sizes(zf.infolist())
        _check_names(zf.infolist())
        bad = _read_members(zf)
    except DocxError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise DocxError(f"the .docx is damaged or truncated: {exc}") from None
    except Exception as exc:  # zlib errors and the like, from a corrupt member
        raise DocxError(f"the .docx is damaged or truncated: {exc}") from None
    if bad is not None:
        raise DocxError(f"the .docx is damaged: member {bad} fails its checksum")
    if "word/document.xml" not in zf.namelist() and not any(n.endswith("document.xml") for n in zf.namelist()):
        raise DocxError("not a Word document: the ZIP package has no document part (is it another Office file?)")


#: The encodings an XML parser detects in a part without being told (XML 1.0, appendix F:
#: by a byte order mark or by how ``<?xml`` is spelt); any other declares itself in ASCII.
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
#: A document type declaration, in each of them. Word never writes one; in a part it can
#: declare entities: a file's contents read into the text (an external entity), or a few
#: bytes expanded a billion times.
_DECLARATIONS = tuple(mark.encode(enc) for mark in ("<!DOCTYPE", "<!ENTITY") for enc in _ENCODINGS)
#: How an XML part begins, in each of them: a byte order mark (UTF-32's first, it starts
#: with UTF-16's), or an XML declaration.
_XML_STARTS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
               *("<?xml".encode(enc) for enc in _ENCODINGS))


def _dtd_refused(name: str) -> DocxError:
    return DocxError(
        f"refused: {name} declares a document type (<!DOCTYPE …>), which Word never writes "
        "(it can read other files into the text or expand a few bytes a billion times)"
    )


def _may_be_xml(name: str, head: bytes) -> bool:
    """Whether a member may be parsed as XML: by its name, or by its first bytes. A part's
    name is whatever ``[Content_Types].xml`` and the relationships say (a main part named
    ``word/main`` is read), so the name alone is not enough."""
    return name.lower().endswith((".xml", ".rels")) or head.startswith(_XML_STARTS)


def _read_members(zf: zipfile.ZipFile) -> str | None:
    """Every member read once, as ``ZipFile.testzip`` reads them (each checksum tested,
    the first that fails named), and each that may be XML searched for a DTD on the way,
    in every encoding a parser detects: a package that declares one is refused. The
    reader does not resolve entities, but an entity it keeps unresolved ended the text of
    its paragraph there (what came after it was silently lost), and a fix then wrote a
    part that no longer parsed. The sizes are checked before this inflates anything. A
    part this misses (no declaration, no XML name) is caught once parsed
    (:func:`_refuse_parsed_dtd`)."""
    for info in zf.infolist():
        try:
            with zf.open(info) as member:
                head = member.read(1 << 20)
                if _may_be_xml(info.filename, head):
                    part = head + member.read()
                    if any(mark in part for mark in _DECLARATIONS):
                        raise _dtd_refused(info.filename)
                else:
                    while member.read(1 << 20):
                        pass
        except zipfile.BadZipFile:
            return info.filename
    return None


def _refuse_parsed_dtd(document) -> None:
    """Refuse a document type in any part python-docx parsed, whatever its name and
    encoding: the parser's own record of the document, so nothing it read escapes."""
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            continue
        info = element.getroottree().docinfo
        if info.doctype or info.internalDTD is not None or info.system_url or info.public_id:
            raise _dtd_refused(part.partname.membername)


def check_parses_back(data: bytes, document) -> None:
    """Refuse to write a package whose XML parts do not parse back: a copy Word cannot
    open, or a fixed draft written over its original, is worse than no copy. Each part
    python-docx parsed when reading is parsed again from ``data`` (what would be written),
    as it would be read.

    Parsed as a stream, each element let go once read (:func:`_parses`): a second tree
    of a review with 20,000 comments (a comments part of 12 MB) was the peak of
    ``annotate``'s memory, some 120 MB, to learn only that it parses."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for part in document.part.package.iter_parts():
            if getattr(part, "_element", None) is None:
                continue
            name = part.partname.membername
            why = _parses(zf, name)
            if why:
                raise DocxError(f"not written: {name} would not parse back ({why}); nothing was changed")


def _parses(zf: zipfile.ZipFile, name: str) -> str | None:
    """Why member ``name`` of ``zf`` does not parse as XML (with the options it is read
    with), or None; read as a stream, keeping no tree."""
    from lxml import etree  # lazy: only when a Word file is written

    try:
        with zf.open(name) as stream:
            for _, el in etree.iterparse(stream, events=("end",), resolve_entities=False, no_network=True,
                                         load_dtd=False):
                el.clear(keep_tail=True)
                while el.getprevious() is not None:
                    del el.getparent()[0]
    except etree.XMLSyntaxError as exc:
        return str(exc)
    return None


#: Main parts of Word packages python-docx does not open, by content type: what each is.
_OTHER_MAIN_PARTS = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "a macro-enabled Word document (.docm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "a Word template (.dotx)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "a macro-enabled Word template (.dotm)",
}
#: The relationship to the main part of a package saved as Strict Open XML (ISO/IEC
#: 29500 strict: Word's "Strict Open XML Document"), whose every namespace differs.
_STRICT_MAIN = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_SAVE_AS = "save it in Word as a Word Document (.docx) (File > Save As) and check that copy"


def _refuse_other_kinds(data: bytes) -> None:
    """Refuse, by what it says it is, a package of the Word family that is not a .docx:
    a macro-enabled document or a template (python-docx refuses them with the repr of a
    buffer), or one saved as Strict Open XML (which it took for a damaged file: "no
    relationship of type …"). Each message says what the file is and what to do."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        rels = zf.read("_rels/.rels") if "_rels/.rels" in names else b""
    if _STRICT_MAIN in rels:
        raise DocxError(f"the document is saved as Strict Open XML, which resolint does not read; {_SAVE_AS}")
    for content_type, kind in _OTHER_MAIN_PARTS.items():
        if content_type.encode() in types:
            raise DocxError(f"this is {kind}, not a .docx; {_SAVE_AS}")


#: libxml2's words for elements nested deeper than it reads (256 levels) without its
#: XML_PARSE_HUGE option, which we do not give: no Word document nests so deep.
_TOO_DEEP = "Excessive depth in document"


def _unparsable(exc: Exception) -> str:
    """Why a part's XML was refused. Elements nested thousands deep (content controls in
    content controls) said "damaged … (Excessive depth in document: 256, use
    XML_PARSE_HUGE option …)", advice for libxml2's programmers, not for the reader."""
    message = str(exc)
    if message.startswith(_TOO_DEEP):
        return "refused: its XML nests elements more than 256 levels deep; this is not an ordinary Word document"
    return f"the .docx is damaged: its XML cannot be parsed ({message})"


def _document(data: bytes):
    """python-docx's ``Document`` of a package that passed the checks; what it still
    refuses becomes a :class:`DocxError` too."""
    import docx  # lazy: python-docx only when a Word file is opened (DocxError comes without it)
    from docx.opc.exceptions import PackageNotFoundError  # lazy: only when a Word file is opened
    from lxml import etree  # lazy: only when a Word file is opened

    _refuse_other_kinds(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise DocxError(f"not a Word document: {exc}") from None
    except ValueError as exc:  # python-docx: "file '<BytesIO …>' is not a Word file, content type is …"
        kind = str(exc).rpartition("content type is ")[2] or str(exc)
        raise DocxError(f"not a Word document (.docx): its main part is {kind}") from None
    except etree.XMLSyntaxError as exc:
        raise DocxError(_unparsable(exc)) from None
    except (KeyError, zipfile.BadZipFile) as exc:
        raise DocxError(f"the .docx is damaged: {exc}") from None
    except Exception as exc:
        raise DocxError(f"the .docx cannot be opened: {type(exc).__name__}: {exc}") from None
    _refuse_parsed_dtd(document)
    return document
