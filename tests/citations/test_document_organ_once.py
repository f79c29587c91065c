"""The document's organ is worked out once a lint (``Analysis.organ``).

The extraction, CIT002 and CIT003 each asked :func:`document_organ` (a regular expression
over the opening, then the symbol), CIT002 three times: four calls a file. It is a fact
of the document now, which the extraction is handed and the rules read.
"""

from __future__ import annotations

import sys

from resolint.citations.organs import document_organ
from resolint.engine import lint
from resolint.settings import Settings

DRAFTS = {
    "council": "The Security Council,\n\nRecalling its resolution 2396 of 21 December 2016 and resolutions 2712, 2720 (2023),\n\n"
               "1. Decides to remain seized of the matter.\n",
    "interpol": "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November 2027 at its 95th session:\n\n"
                "RECALLING Resolution GA-2019-88-RES-03 adopted at the 88th session in Santiago (2018),\n\n"
                "DECIDES to remain seized of the matter.\n",
}


def _calls_while(run) -> int:
    """How many times :func:`document_organ` runs while ``run()`` does."""
    code, calls = document_organ.__code__, []

    def profile(frame, event, _arg):
        if event == "call" and frame.f_code is code:
            calls.append(1)

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return len(calls)


def test_the_documents_organ_is_worked_out_once_a_lint():
    for name, text in DRAFTS.items():
        result = lint(text, Settings())
        assert {f.code for f in result.findings} & {"CIT002", "CIT003"}, name  # the rules that ask did run
        assert _calls_while(lambda text=text: lint(text, Settings())) == 1, name
