"""How fast resolint reads, lints and annotates Word documents, and how much memory it takes.

    python benchmarks/docx_bench.py                 # 200 paragraphs: lint and annotate times
    python benchmarks/docx_bench.py --paragraphs 5000 --memory
    python benchmarks/docx_bench.py --paragraphs 1000 --track-changes

Times are measured after start-up (imports, spaCy's blank pipeline, the style files), which
is reported on its own, as the median of several runs. "lint" is what ``resolint check``
does per file: open the package, build the visible text and its run map, lint. "annotate"
adds the comments and serializes the package (the file write itself is left out);
``--track-changes`` times ``annotate --track-changes --unsafe-fixes`` instead. With
``--memory`` one lint + annotate of a fresh document runs in a child process and its peak
resident memory is reported (``ru_maxrss``), start-up included.

The generated draft is invented: an opening, preambular paragraphs with italic openers,
operative paragraphs in Word's automatic numbering, and a finding in about one paragraph
in eight (an upright opener, a lower-case verb, a missing full stop).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PRE = ["Recalling", "Noting", "Reaffirming", "Welcoming", "Bearing in mind", "Concerned", "Recognizing", "Stressing"]
OPR = ["Decides", "Requests", "Encourages", "Calls upon", "Urges", "Invites", "Welcomes", "Emphasizes"]
BODY = " its commitment to the strengthening of international cooperation in the matters before it, as set out in the report of the Secretary-General"


def make(n: int, path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("The General Assembly,")
    n_pre = max(1, n // 4)
    for i in range(n_pre):
        p = d.add_paragraph()
        r = p.add_run(PRE[i % len(PRE)])
        r.italic = i % 8 != 3  # an upright opener now and then
        p.add_run(f"{BODY} ({i}),")
    n_op = n - n_pre - 1
    for i in range(n_op):
        p = d.add_paragraph(style="List Number")
        verb = OPR[i % len(OPR)]
        r = p.add_run(verb.lower() if i % 8 == 5 else verb)
        r.italic = True
        last = i == n_op - 1
        p.add_run(f"{BODY} ({i})" + ("" if i % 8 == 6 else ("." if last else ";")))
    d.save(str(path))
    return path


def lint_once(path: Path):
    from resolint.docx.lint import lint_docx
    from resolint.docx.package import open_docx
    from resolint.docx.reader import build

    doc = build(open_docx(path))
    return doc, lint_docx(doc)


def annotate_once(path: Path) -> int:
    from resolint.docx.annotate import annotate, to_bytes

    doc, result = lint_once(path)
    outcome = annotate(doc, result.findings)
    to_bytes(doc)
    return outcome.added


def track_once(path: Path) -> int:
    from resolint.docx.annotate import to_bytes
    from resolint.docx.lint import lint_docx
    from resolint.docx.package import open_docx
    from resolint.docx.reader import build
    from resolint.docx.track import annotate_tracked

    doc = build(open_docx(path))
    outcome = annotate_tracked(doc, lambda d: lint_docx(d), unsafe=True)
    to_bytes(doc)
    return outcome.tracked


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def child_memory(path: Path) -> None:
    import resource

    added = annotate_once(path)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{added} {peak_kb}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--memory", action="store_true")
    ap.add_argument("--track-changes", action="store_true", help="time annotate --track-changes --unsafe-fixes")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child_memory(Path(args.child))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = make(args.paragraphs, Path(tmp) / "bench.docx")
        size = path.stat().st_size
        t0 = time.perf_counter()
        doc, result = lint_once(path)  # start-up: imports, spaCy, styles
        startup = time.perf_counter() - t0
        print(f"document: {args.paragraphs} paragraphs, {size / 1024:.0f} KiB, {len(doc.text)} characters of text, {len(result.findings)} findings")
        print(f"first lint (start-up included): {startup:.3f} s")
        lint_t = timed(lambda: lint_once(path), args.repeat)
        ann_t = timed(lambda: (track_once if args.track_changes else annotate_once)(path), args.repeat)
        what = "annotate --track-changes" if args.track_changes else "annotate"
        print(f"lint after start-up:     median {statistics.median(lint_t):.3f} s  (min {min(lint_t):.3f}, max {max(lint_t):.3f}, n={args.repeat})")
        print(f"{what} after start-up: median {statistics.median(ann_t):.3f} s  (min {min(ann_t):.3f}, max {max(ann_t):.3f}, n={args.repeat})")
        if args.memory:
            out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True).stdout.split()
            print(f"lint + annotate in a fresh process: {out[0]} comments, peak RSS {int(out[1]) / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
