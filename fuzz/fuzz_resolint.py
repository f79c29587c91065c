"""Coverage-guided fuzzing of the parser, the engine and the fix loop (atheris).

Each input is a file's bytes. They go through the CLI's strict decoder (BOM, UTF-16,
undecodable bytes), then every property in ``tests/robustness/invariants.py``: the
parser and rules do not crash (nor hide a crash in a log record or a DOC000), ranges lie
in the text on character boundaries, fixes are well formed, converge, are idempotent
and leave the text outside their edits alone. Any broken property raises, which
libFuzzer reports as a crash and saves as ``crash-<sha1>``.

Run through ``fuzz/run.sh`` (bounded, for CI) or directly:
``python fuzz/fuzz_resolint.py CORPUS_DIR -max_total_time=1800``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

with atheris.instrument_imports(include=["resolint", "resolint_rules"]):
    import resolint.engine  # noqa: F401  (instrumented with everything it imports)
    import resolint.fixes  # noqa: F401
    import resolint_rules  # noqa: F401
    from resolint.cli.files import DecodeError, decode
    from resolint.registry import all_rules

from invariants import check_text  # noqa: E402

#: The last byte of an input picks the house style, so every style's rules get fuzzed.
STYLES = (None, "interpol", "un-ga", "un-sc", "mun", None, None, None)


def test_one_input(data: bytes) -> None:
    try:
        doc = decode(data, "fuzz-input")
    except DecodeError:
        return
    style = STYLES[data[-1] % len(STYLES)] if data else None
    check_text(doc.text, style=style)


def main() -> None:
    # Load the rule pack, its data files and lemminflect before fuzzing starts, so that the
    # first input is not charged seconds of loading (and reported as a timeout).
    all_rules()
    from resolint.nlp import get_nlp, inflect

    get_nlp()
    inflect("recalls", "VBG")  # loads lemminflect's tables
    check_text("The General Assembly,\n\nRecalls the past;\n\nurges all,\n")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
