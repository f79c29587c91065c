"""What ``--fix`` does not do twice (:mod:`resolint.fixes`): lints and parses counted, not
timed, so that work repeated for nothing shows whatever the machine's speed."""

from __future__ import annotations

import re
from collections import Counter

import resolint.cli.main as cli_main
import resolint.engine as engine_mod
import resolint.fixes as fixes_mod
from resolint.engine import lint
from resolint.parser import parse
from resolint.rule import Edit, Fix, Rule, Violation
from resolint.source import Span

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


def _parsed_texts(monkeypatch) -> Counter:
    """The texts parsed, by the lints and by the fix loop's structure check (how often each)."""
    texts: Counter = Counter()
    for module in (engine_mod, fixes_mod):
        real = module.parse
        monkeypatch.setattr(module, "parse", lambda t, *a, _real=real, **k: texts.update([str(getattr(t, "text", t))]) or _real(t, *a, **k))
    return texts


def test_fix_parses_each_text_once(tmp_path, monkeypatch):
    """Through the CLI: the text as read is parsed by the report's lint, the text the
    pass wrote by the structure check, whose parse its lint takes (two parses; three
    when the lint parsed the written text again)."""
    draft = tmp_path / "d.res.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    texts = _parsed_texts(monkeypatch)
    cli_main.main(["check", "--fix", "--style", "un-ga", str(draft)])
    fixed = draft.read_text(encoding="utf-8")
    assert fixed != DRAFT
    assert texts == Counter([DRAFT, fixed]), texts


def _fix(text: str, rules=None, style: str | None = "un-ga") -> fixes_mod.FixOutcome:
    """``fix_text`` as the CLI calls it: the report's lint first, texts the loop parsed
    linted from their parse."""
    first = lint(text, style=style, rules=rules)
    return fixes_mod.fix_text(
        text, lambda t: lint(t, style=style, rules=rules), unsafe=True, first=first,
        lint_parsed=lambda res: lint(res.source, style=style, rules=rules, parsed=res),
    )


class _Step(Rule):
    """Test rule: "stepK" (K below 6) is to be "stepK+1", one at a time: each pass writes
    a new text, which the structure check parses and the pass then lints."""

    code = "TST021"
    name = "test-step-reuse"
    summary = "test"

    def check(self, ctx):
        m = re.search(r"step(\d)", ctx.text)
        if m and int(m.group(1)) < 6:
            span = Span(m.start(1), m.end(1))
            yield Violation(span, "step", Fix.safe("next", Edit(span, str(int(m.group(1)) + 1))))


def test_a_pass_lints_the_text_it_wrote_from_the_parse_its_check_made(monkeypatch):
    """Each pass parsed the text it wrote to check its structure, then linted that text,
    parsing it again: every text written was parsed twice (here 11 parses for 5 passes).
    The lint now takes the check's parse: each text is parsed once, and the outcome is
    the one of the loop without it."""
    rule = _Step()
    text = "The General Assembly,\n\n1. Decides to take step1 now.\n"
    plain = fixes_mod.fix_text(text, lambda t: lint(t, rules=[rule]))
    texts = _parsed_texts(monkeypatch)
    out = _fix(text, rules=[rule], style=None)
    assert (out.text, out.passes, out.applied) == (plain.text, plain.passes, plain.applied)
    assert out.passes == 5
    assert max(texts.values()) == 1, texts.most_common(1)
    assert sum(texts.values()) == out.passes + 1  # the text as read, and each text written


def test_the_lint_of_a_parse_is_the_lint_of_its_text():
    """A lint from the fix loop's parse gives what a lint of the text gives; a parse of
    another text (or of the same text in another ``SourceText``) is not taken."""
    text = DRAFT + "\n3. decides also to act\n"
    res = parse(text)
    assert lint(res.source, style="un-ga", parsed=res).findings == lint(text, style="un-ga").findings
    other = parse(DRAFT)
    assert lint(text, style="un-ga", parsed=other).findings == lint(text, style="un-ga").findings


def test_a_quoted_draft_is_linted_from_its_own_text(monkeypatch):
    """A draft quoted line by line is parsed without its quote markers (the parse's
    source is another text): such a parse is not handed to the lint, whose text is the
    draft as written. The outcome is the same with and without the hand-off."""
    quoted = "".join("> " + line + "\n" if line else ">\n" for line in DRAFT.splitlines())
    plain = fixes_mod.fix_text(quoted, lambda t: lint(t, style="un-ga"), unsafe=True)
    assert parse(quoted).source.text != quoted  # (read without its markers)
    out = _fix(quoted)
    assert out.text == plain.text and out.applied == plain.applied > 0
    assert out.result.source.text == out.text  # the final lint is of the draft as written
    assert lint(out.text, style="un-ga").findings == out.result.findings


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
