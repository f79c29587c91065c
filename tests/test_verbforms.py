"""The precomputed verb forms agree with lemminflect, and spare the lint path its import."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from resolint import nlp
from resolint.verbforms import FORMS, TAGS

spec = importlib.util.spec_from_file_location("gen_verbforms", ROOT / "scripts" / "gen_verbforms.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def test_table_is_what_lemminflect_says_today():
    path = Path(ROOT / "server" / "resolint" / "verbforms.py")
    assert path.read_text(encoding="utf-8") == gen.render(), "run: python scripts/gen_verbforms.py --write"


def test_table_answers_match_lemminflect_directly():
    lm = nlp._lemminflect()
    for word in ("recalls", "calling", "urges", "notes", "decide"):
        lemma, *forms = FORMS[word]
        for tag, form in zip(TAGS, forms, strict=False):
            assert form == lm.getInflection(lemma, tag=tag)[0]


def test_second_table_is_what_lemminflect_says_today():
    text = nlp.ALL_FORMS_FILE.read_text(encoding="utf-8")
    assert text == gen.render_all(gen.table()), "run: python scripts/gen_verbforms.py --write"


def test_a_word_of_the_second_table_inflects_as_lemminflect_does():
    assert "grumbles" not in FORMS
    assert nlp.known_forms("grumbles") == ("grumble", "grumbling", "grumbles")
    assert nlp.inflect("grumbles", "VBG") == "grumbling" == nlp.inflect_by_lemminflect("grumbles", "VBG")
    assert nlp.lemma("grumbled") == "grumble" == nlp.lemma_by_lemminflect("grumbled")
    assert nlp.inflect("Strengthening", "VBZ") == "strengthens"


def test_a_word_in_neither_table_still_inflects():
    assert nlp.known_forms("zorbles") is None
    assert nlp.inflect("zorbles", "VBG") == "zorbling"


DRAFT = """The General Assembly,

Recalls its resolution 74/1 of 1 October 2019,

1. Calling upon all States to cooperate;

2. Strengthening its cooperation with regional bodies;

3. Decides to remain seized of the matter.
"""


def test_a_verb_fix_does_not_load_lemminflect(tmp_path):
    draft = tmp_path / "d.res.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code = (
        "import sys, json\n"
        "from resolint.cli.main import main\n"
        f"rc = main(['check', '--format', 'json', {str(draft)!r}])\n"
        "sys.stderr.write(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('lemminflect', 'numpy'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert '"Replace with \'Recalling\'"' in out.stdout
    assert '"Replace with \'Calls\'"' in out.stdout
    assert '"Replace with \'Strengthens\'"' in out.stdout  # from the second table
    assert out.stderr.strip().splitlines()[-1] == "[]"


def test_nlp_tags_are_the_tables_tags():
    assert nlp.TAGS == TAGS


def test_spacy_is_hidden_only_from_the_thread_loading_lemminflect():
    """The finder that keeps spaCy out of lemminflect's import is process-wide
    (sys.meta_path): another thread importing spaCy meanwhile (the server loading house
    rules while it warms lemminflect up) must not see spaCy as missing."""
    import threading

    from resolint.nlp import _HideSpacy

    here = _HideSpacy(threading.get_ident())
    with pytest.raises(ImportError):
        here.find_spec("spacy")
    with pytest.raises(ImportError):
        here.find_spec("spacy.matcher")
    assert here.find_spec("json") is None

    elsewhere = _HideSpacy(threading.get_ident() + 1)
    seen: list[object] = []
    worker = threading.Thread(target=lambda: seen.append(here.find_spec("spacy")))
    worker.start()
    worker.join()
    assert seen == [None]
    assert elsewhere.find_spec("spacy") is None
