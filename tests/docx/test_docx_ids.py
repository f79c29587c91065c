"""Every ``w:id`` resolint writes is unique among the document's annotations.

Comments, tracked changes and bookmarks share one id space in WordprocessingML; Word
repairs a file where a comment and a revision share an id. The documents here hold what
other reviewers left (a comment, an insertion, a deletion, a formatting change, a
bookmark, a revision in the header) before resolint adds its own.
"""

from __future__ import annotations

import collections
import io
import zipfile

import docx_factory as F
import pytest
from docx.oxml import parse_xml
from lxml import etree
from test_docx_cli import IT, run

from resolint.docx.ids import MAX_ID, AnnotationIds

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Elements whose w:id names the annotation itself (ends, references and marks that
#: point back to one are left out; notes have an id space of their own).
_POINTERS = {"commentRangeStart", "commentRangeEnd", "commentReference", "bookmarkEnd", "moveFromRangeEnd",
             "moveToRangeEnd", "footnote", "endnote", "footnoteReference", "endnoteReference"}


def annotation_ids(data: bytes) -> collections.Counter:
    """How many annotations each id names, over every part of the package."""
    out: collections.Counter = collections.Counter()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith(".xml"):
                continue
            for el in etree.fromstring(z.read(name)).iter():
                if isinstance(el.tag, str) and el.get(f"{W}id") is not None and el.tag.split("}")[1] not in _POINTERS:
                    out[el.get(f"{W}id")] += 1
    return out


def reviewed_by_others():
    """A faulty draft that another reviewer has worked on, with ids 0 to 40 in use."""
    d = F.new()
    F.para(d, "The General Assembly,")
    p = F.para(d, ("Recalling", IT), " its resolution 74/1 of 1 October 2019,")
    d.add_comment(p.runs[1], text="Check the date.", author="Reviewer", initials="RV")  # comment 0
    p = F.para(d, ("Decides", IT), " to keep the matter under review;", style="List Number")
    p._p.append(parse_xml(
        f'<w:ins {F.W} w:id="1" w:author="Reviewer" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> and</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(
        f'<w:del {F.W} w:id="2" w:author="Reviewer" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve"> soon</w:delText></w:r></w:del>'))
    p = F.para(d, "Encourages", " Member States to share information;", style="List Number")
    p._p.insert(1, parse_xml(f'<w:bookmarkStart {F.W} w:id="3" w:name="share"/>'))
    p._p.append(parse_xml(f'<w:bookmarkEnd {F.W} w:id="3"/>'))
    p = F.para(d, ("requests", IT), " the Secretary-General to report", style="List Number")
    p.runs[1]._r.get_or_add_rPr().append(parse_xml(
        f'<w:rPrChange {F.W} w:id="4" w:author="Reviewer" w:date="2026-01-01T00:00:00Z"><w:rPr/></w:rPrChange>'))
    header = d.sections[0].header.paragraphs[0]
    header.text = "Draft"
    header._p.append(parse_xml(
        f'<w:ins {F.W} w:id="40" w:author="Reviewer" w:date="2026-01-01T00:00:00Z"><w:r><w:t> 2</w:t></w:r></w:ins>'))
    return d


@pytest.mark.parametrize("track", [False, True])
def test_ids_written_are_unique_among_all_annotations_old_and_new(tmp_path, track):
    src = F.save(reviewed_by_others(), tmp_path / "draft.docx")
    before = annotation_ids(src.read_bytes())
    out = tmp_path / "out.docx"
    proc = run("annotate", src, "-o", out, *(["--track-changes"] if track else []))
    assert proc.returncode == 1, proc.stderr
    after = annotation_ids(out.read_bytes())
    assert len(after) > len(before) + 2  # resolint added comments (and revisions)
    assert [i for i, n in after.items() if n > 1] == []
    # What the others wrote keeps its ids: nothing was renumbered.
    assert all(after[i] == 1 for i in before)


def test_comment_and_revision_ids_never_coincide_in_a_fresh_document(tmp_path):
    from test_docx_cli import faulty_draft

    src = F.save(faulty_draft(), tmp_path / "draft.docx")
    out = tmp_path / "out.docx"
    run("annotate", src, "-o", out, "--track-changes")
    ids = annotation_ids(out.read_bytes())
    assert ids and max(ids.values()) == 1


def test_ids_fill_the_gaps_when_the_largest_is_at_words_limit():
    d = F.new()
    p = F.para(d, "Text")
    p._p.append(parse_xml(f'<w:bookmarkStart {F.W} w:id="{MAX_ID}" w:name="last"/>'))
    p._p.append(parse_xml(f'<w:bookmarkStart {F.W} w:id="0" w:name="first"/>'))
    ids = AnnotationIds(d)
    taken = [int(ids.take()) for _ in range(3)]
    assert taken == [1, 2, 3]
