"""MkDocs hooks for the resolint site.

* The navigation names a few pages that other parts of the project add (``ci.md``,
  ``parsing.md``, ``word.md``): an entry whose file does not exist is dropped, so the site
  builds (``--strict``) with whichever of them exist and never shows a placeholder.
* The rule pages are generated, one per rule: they are listed under "Rules" in code order
  rather than by hand, so a new rule appears without editing ``mkdocs.yml``.
"""

from __future__ import annotations

import re
from pathlib import Path

_RULE = re.compile(r"^[A-Z]{3}[0-9]{3}\.md$")


def _prune(items, docs_dir: Path):
    out = []
    for item in items:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                value = _prune(value, docs_dir)
                if value:
                    out.append({title: value})
            elif isinstance(value, str) and (value.startswith(("http://", "https://")) or (docs_dir / value).is_file()):
                out.append(item)
        elif isinstance(item, str) and (docs_dir / item).is_file():
            out.append(item)
    return out


def _title(page: Path) -> str:
    """A rule page's first heading ("PRE003 preambular-opener-case")."""
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page.stem


def on_config(config, **kwargs):
    docs_dir = Path(config["docs_dir"])
    nav = _prune(config["nav"] or [], docs_dir)
    rules = sorted(p.name for p in (docs_dir / "rules").glob("*.md") if _RULE.match(p.name))
    for item in nav:
        if isinstance(item, dict) and "Rules" in item:
            item["Rules"] = item["Rules"] + [{_title(docs_dir / "rules" / p): f"rules/{p}"} for p in rules]
    config["nav"] = nav
    return config
