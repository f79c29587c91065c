"""`--fix` refuses a Word document for the reasons it refuses the same text.

A text whose style is only the default for a body no style knows ("The Executive
Board,"), or was guessed from a mention in running text, or that has text the parser
could not place, is left whole by `--fix` (docs/ci.md). The Word path checked only the
last, and rewrote such a document in the default style's forms."""

from __future__ import annotations

import docx
import docx_factory as F
import pytest

from resolint.cli.main import main

DRAFTS = {
    "unknown body": ["The Executive Board,", "recalling its resolution 74/1,", "1. Decides to act."],
    "guessed from prose": ["Minutes of the unit. We cooperate with INTERPOL on GA-2024-92-RES-05 texts each year.",
                           "the officer said;", "5. x"],
    "unplaced text": ["The General Assembly,", "recalling its resolution 74/1,", "1. Decides to act.",
                      "38th plenary meeting", "21 November 2023", "A note that belongs nowhere"],
    "ordinary": ["The General Assembly,", "recalling its resolution 74/1,", "1. Decides to act."],
}


@pytest.mark.parametrize("name", DRAFTS)
def test_word_and_text_are_fixed_or_refused_alike(name, tmp_path, capsys):
    paragraphs = DRAFTS[name]
    (tmp_path / "resolint.toml").write_text('include = ["d.*"]\n', encoding="utf-8")  # drafts whatever their text
    text_file = tmp_path / "d.txt"
    text = "\n\n".join(paragraphs) + "\n"
    text_file.write_text(text, encoding="utf-8")
    d = F.new()
    for p in paragraphs:
        F.para(d, p)
    word_file = F.save(d, tmp_path / "d.docx")
    main(["check", "--fix", str(text_file)])
    main(["check", "--fix", str(word_file)])
    text_fixed = text_file.read_text(encoding="utf-8") != text
    word_fixed = [p.text for p in docx.Document(str(word_file)).paragraphs] != paragraphs
    assert text_fixed == word_fixed, capsys.readouterr().err
    assert text_fixed == (name == "ordinary")  # each draft is one of the cases it is named for


def test_style_auto_on_the_command_line_names_no_style(tmp_path, capsys):
    """`--style auto` asks for the detection the default does: it is not the named style
    the refusal asks for, and it let --fix rewrite "The Executive Board," in un-ga's forms."""
    text = "The Executive Board,\n\nrecalling its resolution 74/1,\n\n1. Decides to act.\n"
    draft = tmp_path / "eb.res.txt"
    draft.write_text(text, encoding="utf-8")
    main(["check", "--fix", "--style", "auto", str(draft)])
    assert draft.read_text(encoding="utf-8") == text
    assert "not fixed" in capsys.readouterr().err
    main(["check", "--fix", "--style", "un-ga", str(draft)])  # a style named: fixed in its forms
    assert draft.read_text(encoding="utf-8") != text
