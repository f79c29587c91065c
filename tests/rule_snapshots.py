"""Rule fixtures and their reviewed snapshots, as ruff keeps them.

Every rule has at least one fixture, ``fixtures/rules/<CODE>-<what>.txt``. Its first line
is a comment written by hand from the drafting rules::

    <!-- expect: CODE:LINE ... [with=OTHER] [italics] [as-example] -->

``CODE:LINE`` is a finding the reader expects; ``with=OTHER`` selects another rule too
(an unused-suppression fixture needs the rule its directive names to run); ``italics``
reads ``*words*`` as italics, the way the documentation of the Word rules writes them;
``as-example`` reads the fixture as the rule reads its documentation's examples
(``Rule.example_input``: DOC032 reads a number alone on its line as one Word draws).

The fixture is linted with only its rule (and any ``with=``) selected. The snapshot,
``tests/snapshots/<CODE>.snap``, records for each fixture every finding of the rule: its
range, message, the kind of paragraph it lies in, and its fix as a diff with the fix's
applicability. Regenerate with ``python tests/rule_snapshots.py --update`` and read every
changed snapshot before committing it: a snapshot records what is right, not what the
code happens to do.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DIR = ROOT / "fixtures" / "rules"
SNAPSHOT_DIR = ROOT / "tests" / "snapshots"
HEADER = re.compile(r"<!--\s*expect:(?P<body>[^>]*)-->")


@dataclass(frozen=True)
class RuleFixture:
    path: Path
    code: str
    text: str
    expected: frozenset[tuple[str, int]]
    also: tuple[str, ...]
    italics: bool
    as_example: bool = False

    @property
    def name(self) -> str:
        return self.path.relative_to(ROOT).as_posix()


def load(path: Path) -> RuleFixture:
    """Read a fixture; a fixture without its header comment is an error, not an empty expectation."""
    text = path.read_text(encoding="utf-8")
    m = HEADER.search(text.splitlines()[0] if text else "")
    if not m:
        raise ValueError(f"{path}: the first line must be <!-- expect: CODE:LINE ... -->")
    expected, also, italics, as_example = set(), [], False, False
    for token in m.group("body").split():
        if token == "italics":
            italics = True
        elif token == "as-example":
            as_example = True
        elif token.startswith("with="):
            also.extend(token[5:].split(","))
        else:
            code, line = token.split(":")
            expected.add((code, int(line)))
    return RuleFixture(path, path.stem.split("-")[0], text, frozenset(expected), tuple(also), italics, as_example)


def fixtures() -> list[RuleFixture]:
    return [load(p) for p in sorted(FIXTURE_DIR.glob("*.txt"))]


def run(fx: RuleFixture):
    """Lint the fixture with only its rule (and ``with=`` rules) selected."""
    from resolint.config import Settings
    from resolint.engine import lint
    from resolint.formatting import from_emphasis
    from resolint.registry import rule_by_code

    if fx.as_example:
        text, kwargs = rule_by_code(fx.code).example_input(fx.text)
        return lint(text, Settings(select=(fx.code, *fx.also)), path=str(fx.path), **kwargs)
    text, formatting = (from_emphasis(fx.text) if fx.italics else (fx.text, None))
    return lint(text, Settings(select=(fx.code, *fx.also)), path=str(fx.path), formatting=formatting)


def _where(source, span) -> str:
    a, b = source.position(span.start), source.position(span.end)
    return f"{a.line + 1}:{a.character + 1}-{b.line + 1}:{b.character + 1}"


def _kind_at(result, offset: int) -> str:
    for p in result.resolution.paragraphs:
        if p.span.start <= offset < p.span.end or p.span.start == offset == p.span.end:
            return p.kind.value
    return "between paragraphs"


def _fix_diff(text: str, fix) -> list[str]:
    from resolint.fixes import apply_edits

    after = apply_edits(text, fix.edits)
    diff = difflib.unified_diff(text.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if not line.startswith(("---", "+++"))]


def render(fx: RuleFixture) -> str:
    result = run(fx)
    src = result.source
    out = [f"## {fx.name} (style {result.style.name})"]
    mine = [f for f in result.findings if f.code == fx.code]
    if not mine:
        out.append("no findings")
    for f in mine:
        out.append(f"{f.code} {f.name} [{f.severity.value}] at {_where(src, f.span)} in {_kind_at(result, f.span.start)}")
        out.append(f"  message: {f.message}")
        out.append(f"  text: {src.text[f.span.start:f.span.end]!r}")
        if f.fix is None:
            out.append("  fix: none")
            continue
        out.append(f"  fix ({f.fix.applicability.value}): {f.fix.title}")
        out.extend(f"    {line}" for line in _fix_diff(src.text, f.fix))
    return "\n".join(out)


def snapshot(code: str, group: list[RuleFixture]) -> str:
    from resolint.registry import rule_by_code

    rule = rule_by_code(code)
    head = f"# {code} {rule.name}: reviewed snapshot (python tests/rule_snapshots.py --update)"
    return "\n\n".join([head, *(render(fx) for fx in group)]) + "\n"


def by_code(items: list[RuleFixture]) -> dict[str, list[RuleFixture]]:
    groups: dict[str, list[RuleFixture]] = {}
    for fx in items:
        groups.setdefault(fx.code, []).append(fx)
    return groups


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="write the snapshots (then review every change)")
    args = ap.parse_args(argv)
    stale = 0
    for code, group in sorted(by_code(fixtures()).items()):
        path = SNAPSHOT_DIR / f"{code}.snap"
        new = snapshot(code, group)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if new == old:
            continue
        stale += 1
        if args.update:
            SNAPSHOT_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
        else:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), str(path), "now"))
    return 0 if args.update or not stale else 1


if __name__ == "__main__":
    sys.exit(main())
