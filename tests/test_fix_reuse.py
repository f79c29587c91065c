"""What ``--fix`` does not do twice (:mod:`resolint.fixes`): lints and parses counted, not
timed, so that work repeated for nothing shows whatever the machine's speed."""

from __future__ import annotations

from collections import Counter

import resolint.cli.main as cli_main
import resolint.fixes as fixes_mod
from resolint.engine import lint

#: A draft whose operative paragraphs lack their final mark: one pass fixes them all,
#: and the text it writes has nothing more to fix.
DRAFT = "The General Assembly,\n\nRecalling its work,\n\n1. Decides to act\n\n2. Requests a report\n"


def _counting_lints(monkeypatch) -> list[str]:
    texts: list[str] = []
    real = cli_main.lint
    monkeypatch.setattr(cli_main, "lint", lambda text, *a, **k: texts.append(str(getattr(text, "text", text))) or real(text, *a, **k))
    return texts


def test_fix_lints_the_file_as_read_once(tmp_path, monkeypatch):
    """The CLI lints a file to report it; ``--fix`` then linted the same text again, with
    the same settings, to start its passes: a whole lint for nothing (a third of a 1 MB
    draft's ``--fix``). The report's lint now starts the passes: one lint of the text as
    read, one of the text the pass wrote."""
    draft = tmp_path / "d.res.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    texts = _counting_lints(monkeypatch)
    cli_main.main(["check", "--fix", "--style", "un-ga", str(draft)])
    fixed = draft.read_text(encoding="utf-8")
    assert fixed != DRAFT  # a pass was applied
    assert texts.count(DRAFT) == 1, texts.count(DRAFT)
    assert len(texts) == 2, len(texts)


def test_diff_lints_the_file_as_read_once(tmp_path, monkeypatch):
    """Likewise with ``--diff`` (the file is not written)."""
    draft = tmp_path / "d.res.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    texts = _counting_lints(monkeypatch)
    cli_main.main(["check", "--diff", "--style", "un-ga", str(draft)])
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert texts.count(DRAFT) == 1, texts.count(DRAFT)


def test_a_search_that_drops_every_fix_does_not_parse_the_text_again(monkeypatch):
    """A search whose culprits are all the fixes tries the pass's own text, which the
    pass's lint had parsed: it was parsed again (once a pass, here in a draft where
    nothing can be applied: a list intro, a stray line read as its continuation, then
    a run of one-word paragraphs). What the lint's parse reads is taken instead."""
    text = "\n\n".join(["1. Requests the Secretary-General:", "the Secretary-General:", "(b) ...;", "3. decides ...", *["x"] * 50])
    texts: Counter = Counter()
    real = fixes_mod.parse
    monkeypatch.setattr(fixes_mod, "parse", lambda t, *a, **k: texts.update([t]) or real(t, *a, **k))
    for unsafe in (False, True):
        out = fixes_mod.fix_text(text, lambda t: lint(t, style="un-ga"), unsafe=unsafe)
        assert out.text == text and out.applied == 0
    assert sum(texts.values()) > 0  # the searches did parse other texts
    assert texts[text] == 0
