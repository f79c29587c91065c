"""Instructions, not seconds: what a lint costs, measured the same on a busy machine.

This machine's speed changes from hour to hour (the same command took 1.3 s and 2.4 s
within twenty minutes), so a few percent won or lost cannot be seen in wall or CPU time.
Valgrind's callgrind counts the instructions a process executes, which does not depend
on the neighbours: use it to compare two checkouts (``--root``), then confirm with the
timed benchmarks (``compare.py``, ``lsp_bench.py``) on a quiet machine.

    python benchmarks/instructions.py corpus [--root CHECKOUT]
        one ``resolint check --format json`` of ../shared/corpus
    python benchmarks/instructions.py draft [--root CHECKOUT]
        one ``resolint check --format json`` of compare.py's invented 6 KB draft: the
        whole process, start-up (imports, classes, patterns) included, which is most of it
    python benchmarks/instructions.py keystroke [--size 150000] [--edits 10] [--root CHECKOUT]
                                                [--family PREFIX] [--pace 0.25]
        one-character edits of a generated compilation, linted as the language server does
        (``build_state`` with the document's IncrementalLinter, each edit applied to the
        last version's line index as the server applies a change): the count of a run with
        the edits minus one without, per edit. With ``--family`` (a corpus file-name
        prefix: ``unga``, ``itu``, ``""`` for the first files), of ``--size`` bytes of
        real resolutions from ``--corpus`` instead (``lsp_bench.corpus_compilation``),
        edited at line starts. The server's collector (``resolint.lsp.collector``) runs
        on a clock of the script's that moves ``--pace`` seconds an edit, so that its
        decisions (when to count the frozen objects, when to collect) are the same in
        every run, however slow the machine is

About 50 times slower than a normal run (the corpus: about three minutes). Skipped with a
message where valgrind is not installed (``apt-get install valgrind``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_KEYSTROKES = """
import random, sys
sys.path.insert(0, {bench!r})
from pathlib import Path
from lsp_bench import compilation, corpus_compilation
from resolint.config import Settings
from resolint.incremental import IncrementalLinter
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.positions import LineIndex
from resolint.lsp.collector import Collector
from resolint.lsp.state import build_state
from resolint.source import SourceText
family = {family!r}
text = compilation({size}) if family is None else corpus_compilation(Path({corpus!r}), family, {size})
project, editor, linter = ProjectSettings(Settings(), None), EditorSettings(), IncrementalLinter()
index = LineIndex(SourceText(text), "utf-16")
# The collector is kept out of each lint and what survives it is frozen, as the server
# does (resolint.lsp.collector): with
# Python's default collector a full collection walked the open document's objects every
# few edits, which the server does not pay while the drafter types. Its clock is this
# script's: the drafter types a key every {pace} s (the real clock under valgrind, some
# seconds an edit and more on a busy machine, decided how often the frozen objects were
# counted and collected: the count moved by 10-15 % with the machine's load).
now = [0.0]
collector = Collector(clock=lambda: now[0])
collector.before_lint()
build_state("file:///x", 1, text, index, project, editor, None, "utf-16", linter)
collector.after_lint()
rnd = random.Random(11)
for v in range(2, {edits} + 2):
    at = rnd.randrange(len(text))
    if family is not None:
        at = text.rfind("\\n", 0, at) + 1  # at the start of a line, as lsp_bench edits them
    # Applied as the server applies a change (resolint.lsp.documents): the new version's
    # index is the last one's, edited.
    index = LineIndex(index.source.edited(at, at, "x"), "utf-16")
    text = index.text
    now[0] += {pace}
    collector.before_lint()
    build_state("file:///x", v, text, index, project, editor, None, "utf-16", linter)
    collector.after_lint()
"""


def keystroke_script(size: int, edits: int, *, pace: float = 0.25, family: str | None = None,
                     corpus: str = str(ROOT.parent / "shared" / "corpus")) -> str:
    """The Python program whose instructions ``keystroke`` counts (see the module docstring)."""
    fill = {"bench": str(ROOT / "benchmarks"), "size": size, "family": family, "corpus": corpus, "pace": pace}
    return _KEYSTROKES.format(**fill, edits=edits)


def instructions(args: list[str], root: Path) -> int:
    """Instructions executed by ``python args`` with ``root``'s code first on the path.

    ``root``'s modules are compiled to bytecode first, as an installed package's are: a
    checkout never imported (or run with PYTHONDONTWRITEBYTECODE=1) would otherwise compile
    them inside the count, about 0.8 G instructions of a corpus run."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "server"), str(root / "rules")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    env = dict(os.environ, PYTHONHASHSEED="0")
    env["PYTHONPATH"] = os.pathsep.join(str(root / p) for p in ("server", "rules", "."))
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *args],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"the measured run failed:\n{out.stderr[-2000:]}")
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def _draft(root: Path) -> int:
    """The 6 KB draft of issue 13's start-up bar, whole process, written to a temporary file."""
    import tempfile

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from compare import sample_draft

    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "draft.res.txt"
        path.write_text(sample_draft(False), encoding="utf-8")
        count = instructions(["-m", "resolint", "check", "--format", "json", "--exit-zero", str(path)], root)
    print(f"{root}: 6 KB draft, whole process: {count / 1e6:.0f} M instructions")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["corpus", "draft", "keystroke"])
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose code is measured")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--size", type=int, default=150_000, help="keystroke: bytes of the compilation")
    ap.add_argument("--edits", type=int, default=10, help="keystroke: edits counted")
    ap.add_argument("--pace", type=float, default=0.25, help="keystroke: seconds between two edits, as the collector sees them")
    ap.add_argument("--family", default=None, help="keystroke: real resolutions whose file names start so (from --corpus)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing measured (apt-get install valgrind)")
        return 0
    root = Path(args.root).resolve()
    if args.what == "corpus":
        count = instructions(["-m", "resolint", "check", "--format", "json", "--exit-zero", "--jobs", "1", args.corpus], root)
        print(f"{root}: corpus, one process: {count / 1e9:.2f} G instructions")
        return 0
    if args.what == "draft":
        return _draft(root)
    if args.family is not None and not any(Path(args.corpus).glob(f"{args.family}*.txt")):
        print(f"no {args.family!r} resolutions in {args.corpus}: nothing measured")
        return 0
    fill = {"pace": args.pace, "family": args.family, "corpus": args.corpus}
    alone = instructions(["-c", keystroke_script(args.size, 0, **fill)], root)
    edited = instructions(["-c", keystroke_script(args.size, args.edits, **fill)], root)
    what = "compilation" if args.family is None else f"of {args.family or 'the first'} resolutions"
    print(f"{root}: {args.size / 1000:.0f} KB {what}, one-character edit: "
          f"{(edited - alone) / args.edits / 1e6:.2f} M instructions per edit (first lint {alone / 1e9:.2f} G)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
