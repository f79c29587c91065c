"""ITU texts of the shared corpus: adopted texts lint (almost) clean in the itu style,
and defects injected into them are each found on their line.

The corpus is read at test time (``../shared/corpus/itu-*.txt``); the tests are skipped
when it is absent. Nothing of it is copied into the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resolint.engine import lint
from resolint.model import Kind

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ITU = sorted(CORPUS.glob("itu-*.txt")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not ITU, reason="../shared/corpus with ITU texts is absent")


def _serious(result):
    return [f for f in result.findings if f.severity.value in ("warning", "error")]


def _line(result, f) -> int:
    return result.source.position(f.span.start).line


def test_adopted_itu_texts_average_at_most_one_finding_and_every_paragraph_is_placed():
    total = 0
    for path in ITU:
        result = lint(path.read_text(encoding="utf-8"), path=str(path))
        assert result.style.name == "itu", path.name
        assert not any(f.code == "DOC004" for f in result.findings), path.name
        assert not result.resolution.of_kind(Kind.UNPLACED), path.name
        total += len(_serious(result))
    assert total / len(ITU) <= 1.0


# -- the injector ---------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    return text.split("\n")


def _first(lines: list[str], pattern: str, start: int = 0) -> int | None:
    rx = re.compile(pattern)
    for i in range(start, len(lines)):
        if rx.search(lines[i]):
            return i
    return None


def capitalize_group_opener(lines):
    """"considering" alone on its line becomes "Considering"."""
    i = _first(lines, r"^(considering|recalling|recognizing|noting)$")
    if i is None:
        return None
    lines[i] = lines[i][0].upper() + lines[i][1:]
    return i, "PRE003"


def wrong_item_mark(lines):
    """A preambular item "b) …;" ends with "." instead."""
    i = _first(lines, r"^b\) .*;$")
    if i is None:
        return None
    lines[i] = lines[i][:-1] + "."
    return i, "PRE004"


def skip_a_letter(lines):
    """"b)" relabelled "c)" in a group that has a "c)" after it (a letter skipped)."""
    for i, line in enumerate(lines):
        if line.startswith("b) ") and _first(lines, r"^c\) ", i + 1) is not None:
            lines[i] = "c) " + line[3:]
            return i, "PRE008"
    return None


def skip_a_number(lines):
    """Operative item "2 to …" renumbered "3 to …" (the 2 is skipped)."""
    for i, line in enumerate(lines):
        if re.match(r"^2 (to|that) ", line) and _first(lines, r"^1 (to|that) ") is not None:
            lines[i] = "3" + line[1:]
            return i, "OPR002"
    return None


def wrong_conference_year(lines):
    """"(Rev. Guadalajara, 2010)" becomes "(Rev. Guadalajara, 2011)"."""
    for i, line in enumerate(lines):
        m = re.search(r"Resolution \d+ \(Rev\. (Guadalajara, 2010|Busan, 2014|Hammamet, 2016)\)", line)
        if m:
            place, year = m.group(1).split(", ")
            lines[i] = line[: m.start(1)] + f"{place}, {int(year) + 1}" + line[m.end(1) :]
            return i, "CIT013"
    return None


INJECTORS = [capitalize_group_opener, wrong_item_mark, skip_a_letter, skip_a_number, wrong_conference_year]


@pytest.mark.parametrize("inject", INJECTORS, ids=lambda f: f.__name__)
def test_each_injected_defect_is_found_on_its_line(inject):
    tried = 0
    for path in ITU:
        text = path.read_text(encoding="utf-8")
        lines = _lines(text)
        done = inject(lines)
        if done is None:
            continue
        line, code = done
        before = lint(text, path=str(path))
        after = lint("\n".join(lines), path=str(path))
        new = {(f.code, _line(after, f)) for f in after.findings} - {(f.code, _line(before, f)) for f in before.findings}
        assert (code, line) in new, f"{path.name}: {code} not found on line {line + 1}: {sorted(new)}"
        tried += 1
        if tried == 5:  # five texts per kind of defect keep the test quick
            break
    assert tried, f"no ITU text had a place for {inject.__name__}"
