"""What a paragraph or run inherits from ``styles.xml``: italics, capitals and numbering.

python-docx answers "is this run italic?" only for direct formatting (``run.font.italic``
is None when the run just inherits). A reader sees the effective value, which Word
resolves in this order: the run's own ``w:rPr``, its character style (and the styles it
is ``basedOn``), the paragraph's style chain (or the default paragraph style), then the
document defaults (``w:docDefaults``). We follow that order; toggle-property subtleties
(italic in both a character and a paragraph style cancelling out) are not modelled.

Capitals (``w:caps`` "All caps", ``w:smallCaps`` "Small caps") are resolved the same way:
Word shows a run so formatted in capitals whatever case its letters are stored in, and a
reader (and so the case rules) must see what Word shows.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from resolint.docx.numbering import on_off

_W_VAL = qn("w:val")
W_I, W_CAPS, W_SMALLCAPS = qn("w:i"), qn("w:caps"), qn("w:smallCaps")
_FLAGS = frozenset({W_I, W_CAPS, W_SMALLCAPS})


class StyleSheet:
    def __init__(self, styles_el) -> None:
        self._styles: dict[str, object] = {}
        self.default_paragraph: str | None = None
        self._doc: dict[str, bool] = {}  # run properties set in w:docDefaults, by tag
        self._flag_cache: dict[tuple[str, str], bool | None] = {}
        self._numpr_cache: dict[str, tuple[str, int | None] | None] = {}
        if styles_el is None:
            return
        for st in styles_el.iterfind(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            if sid is None:
                continue
            self._styles[sid] = st
            if st.get(qn("w:type")) == "paragraph" and on_off_attr(st.get(qn("w:default"))):
                self.default_paragraph = sid
        dd = styles_el.find(qn("w:docDefaults"))
        if dd is not None:
            r_pr = dd.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            for child in r_pr if r_pr is not None else ():
                if child.tag in _FLAGS:
                    self._doc[child.tag] = on_off(child)

    def _based_on_chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            st = self._styles[style_id]
            yield st
            b = st.find(qn("w:basedOn"))
            style_id = b.get(_W_VAL) if b is not None else None

    def style_flag(self, style_id: str | None, tag: str) -> bool | None:
        """A run property ``tag`` (``w:i``, ``w:caps`` …) as set by a style or the styles
        it is based on (None: not set)."""
        if not style_id:
            return None
        key = (style_id, tag)
        if key not in self._flag_cache:
            value = None
            for st in self._based_on_chain(style_id):
                el = st.find(f"{qn('w:rPr')}/{tag}")
                if el is not None:
                    value = on_off(el)
                    break
            self._flag_cache[key] = value
        return self._flag_cache[key]

    def style_italic(self, style_id: str | None) -> bool | None:
        """Italic as set by a style or the styles it is based on (None: not set)."""
        return self.style_flag(style_id, W_I)

    def run_flag(self, r_pr, paragraph_style: str | None, tag: str) -> bool:
        """The effective value of run property ``tag`` for a run with properties ``r_pr``
        in a paragraph of a style: its own, its character style's, its paragraph
        style's, the document default."""
        if r_pr is not None:
            el = r_pr.find(tag)
            if el is not None:
                return on_off(el)
            rs = r_pr.find(qn("w:rStyle"))
            if rs is not None:
                v = self.style_flag(rs.get(_W_VAL), tag)
                if v is not None:
                    return v
        v = self.style_flag(paragraph_style or self.default_paragraph, tag)
        return self._doc.get(tag, False) if v is None else v

    def run_italic(self, r_pr, paragraph_style: str | None) -> bool:
        """The effective italic of a run with properties ``r_pr`` in a paragraph of a style."""
        return self.run_flag(r_pr, paragraph_style, W_I)

    def run_capitals(self, r_pr, paragraph_style: str | None) -> bool:
        """Whether Word shows a run's letters as capitals (All caps or Small caps)."""
        return self.run_flag(r_pr, paragraph_style, W_CAPS) or self.run_flag(r_pr, paragraph_style, W_SMALLCAPS)

    def num_pr(self, style_id: str) -> tuple[str, int | None] | None:
        """(numId, ilvl) a paragraph style numbers its paragraphs with (ilvl None: unset)."""
        if style_id not in self._numpr_cache:
            found = None
            for st in self._based_on_chain(style_id):
                np = st.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
                if np is not None:
                    nid = np.find(qn("w:numId"))
                    il = np.find(qn("w:ilvl"))
                    if nid is not None:
                        try:
                            ilvl = int(il.get(_W_VAL)) if il is not None else None
                        except (TypeError, ValueError):
                            ilvl = None
                        found = (nid.get(_W_VAL), ilvl)
                        break
            self._numpr_cache[style_id] = found
        return self._numpr_cache[style_id]


def on_off_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")
