"""Generate the README's rule reference from the rules' own documentation.

``python -m resolint.docs --write`` rewrites the part of README.md between the
``<!-- rules:start -->`` and ``<!-- rules:end -->`` markers; a test fails when the
README and the rule docs differ, so the reference cannot drift from the code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from resolint.registry import all_rules

START = "<!-- rules:start -->"
END = "<!-- rules:end -->"
FAMILIES = {
    "DOC": "Document structure, title block, opening and closing",
    "PRE": "Preambular paragraphs",
    "OPR": "Operative paragraphs and sub-paragraphs",
    "CIT": "Citations, dates and references",
    "TRM": "Names, terminology and spelling",
    "SUP": "Suppression hygiene",
}


def _demote(markdown: str) -> str:
    """Rule docs use ``##`` section heads; inside the README they sit two levels lower."""
    return re.sub(r"^## ", "##### ", markdown, flags=re.MULTILINE)


def rules_markdown() -> str:
    rules = all_rules()
    out = ["| code | name | default | fix | summary |", "| --- | --- | --- | --- | --- |"]
    for r in rules:
        fix = r.fix_applicability.value if r.fix_applicability else "—"
        out.append(f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.default_severity.value} | {fix} | {r.summary} |")
    for family, title in FAMILIES.items():
        members = [r for r in rules if r.code.startswith(family)]
        if not members:
            continue
        out += ["", f"### {family}: {title}"]
        for r in members:
            out += ["", f"#### {r.code}", "", f"`{r.name}` — default severity **{r.default_severity.value}**.", "", _demote(r.doc())]
    return "\n".join(out)


def render_readme(readme: str) -> str:
    if START not in readme or END not in readme:
        raise ValueError("README.md lacks the rules markers")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{rules_markdown()}\n{END}{tail}"


def main() -> int:
    path = Path(sys.argv[sys.argv.index("--readme") + 1]) if "--readme" in sys.argv else Path("README.md")
    new = render_readme(path.read_text(encoding="utf-8"))
    if "--write" in sys.argv:
        path.write_text(new, encoding="utf-8")
    else:
        sys.stdout.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
