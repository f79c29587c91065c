"""A generic generator of adversarial inputs for regular expressions, and a timer.

Super-linear matching comes from a pattern meeting a long run of what it almost
matches: its own tokens repeated, ending in a character that makes it fail, so that
every start position (or every way of splitting the run between two quantifiers) is
tried to the end. Rather than keep one hostile file per known slow pattern, this module
reads each pattern's own parse tree (``re._parser``), takes its alphabet (literal runs,
one character of each class, a sample of what each branch matches) and builds those
runs at any size. Any pattern the engine compiles, today's or a future one, gets the
same treatment, so whole classes of slow input are defended, not single files.

``collect_patterns()`` finds every pattern the engine compiles (at import and while
linting drafts in every house style) by recording ``re._compile`` in a child process,
with the file and line that compiled it.
"""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[2]

#: Characters that end a run: each makes some pattern fail at the last moment.
ENDINGS = ("a", "!", "\n", "5")

_CATEGORY_CHARS = {
    C.CATEGORY_DIGIT: "7",
    C.CATEGORY_NOT_DIGIT: "x",
    C.CATEGORY_SPACE: " ",
    C.CATEGORY_NOT_SPACE: "x",
    C.CATEGORY_WORD: "w",
    C.CATEGORY_NOT_WORD: "-",
    C.CATEGORY_LINEBREAK: "\n",
    C.CATEGORY_NOT_LINEBREAK: "x",
}
_POOL = "a Z5-.,;:()[]<>!'\"*_#/\n\t“”’•«»éα\u00a0"


@dataclass(frozen=True)
class Found:
    """A pattern compiled by the engine, and where."""

    pattern: str
    flags: int
    where: str
    #: How the engine uses it: "scan" (search, finditer, sub, …) or only "match".
    mode: str = "scan"

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)


# ---------------------------------------------------------------------------- alphabet


def _class_chars(items, flags: int) -> list[str]:
    """Characters in (or, negated, outside) a character class."""
    negate = any(op is C.NEGATE for op, _ in items)
    inside: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            inside.append(chr(av))
        elif op is C.RANGE:
            inside += [chr(av[0]), chr(av[1])]
        elif op is C.CATEGORY:
            inside.append(_CATEGORY_CHARS.get(av, "x"))
    if not negate:
        return inside[:6]
    return [ch for ch in _POOL if ch not in inside][:3]


def _walk(sub, flags: int, literals: list[str], chars: set[str], depth: int = 0) -> None:
    run: list[str] = []

    def flush() -> None:
        if len(run) > 1:
            literals.append("".join(run))
        run.clear()

    for op, av in sub:
        if op is C.LITERAL:
            run.append(chr(av))
            chars.add(chr(av))
            continue
        flush()
        if op is C.NOT_LITERAL:
            chars.update(ch for ch in "x-5 " if ord(ch) != av)
        elif op is C.IN:
            chars.update(_class_chars(av, flags))
        elif op is C.ANY:
            chars.update("x\n")
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            _walk(av[2], flags, literals, chars, depth + 1)
        elif op is C.SUBPATTERN:
            _walk(av[-1], flags, literals, chars, depth + 1)
        elif op is C.BRANCH:
            for alt in av[1]:
                _walk(alt, flags, literals, chars, depth + 1)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _walk(av[1], flags, literals, chars, depth + 1)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            _walk(av, flags, literals, chars, depth + 1)
        elif op is C.GROUPREF_EXISTS:
            _walk(av[1], flags, literals, chars, depth + 1)
            if av[2] is not None:
                _walk(av[2], flags, literals, chars, depth + 1)
    flush()


def _samples(sub, limit: int = 8) -> list[str]:
    """A few strings each branch of ``sub`` matches (quantifiers at their minimum, or once)."""
    outs = [""]
    for op, av in sub:
        if op is C.LITERAL:
            add = [chr(av)]
        elif op is C.NOT_LITERAL:
            add = ["x" if ord("x") != av else "y"]
        elif op is C.IN:
            chars = _class_chars(av, 0)
            add = chars[:1] or ["x"]
        elif op is C.ANY:
            add = ["x"]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, hi, body = av
            n = max(1, lo) if hi else 0
            inner = _samples(body, limit)
            add = [s * n for s in inner]
        elif op is C.SUBPATTERN:
            add = _samples(av[-1], limit)
        elif op is getattr(C, "ATOMIC_GROUP", None):
            add = _samples(av, limit)
        elif op is C.BRANCH:
            add = [s for alt in av[1] for s in _samples(alt, limit)]
        elif op is C.CATEGORY:
            add = [_CATEGORY_CHARS.get(av, "x")]
        else:  # assertions, anchors, back-references: nothing to add
            add = [""]
        outs = [o + a for o in outs for a in add[:limit]][:limit]
    return outs


def alphabet(pattern: re.Pattern[str]) -> tuple[list[str], list[str], list[str]]:
    """(literal runs, single characters, sample matches) of ``pattern``."""
    tree = P.parse(pattern.pattern, pattern.flags)
    literals: list[str] = []
    chars: set[str] = set()
    _walk(tree, pattern.flags, literals, chars)
    samples = [s for s in _samples(tree, 12) if s]
    if pattern.flags & re.IGNORECASE:
        literals += [s.lower() for s in literals if s.lower() != s] + [s.upper() for s in literals if s.upper() != s]
    dedup = lambda xs: list(dict.fromkeys(xs))  # noqa: E731
    return dedup(literals)[:12], sorted(chars)[:16], dedup(samples)[:6]


# ---------------------------------------------------------------------------- shapes


def shapes(pattern: re.Pattern[str]) -> Iterator[tuple[str, Callable[[int], str]]]:
    """(name, build(size)) pairs: runs of the pattern's own tokens ending in a mismatch."""
    literals, chars, samples = alphabet(pattern)

    def run(unit: str, end: str) -> Callable[[int], str]:
        return lambda size: (unit * (size // max(1, len(unit)) + 1))[:size] + end

    seen = set()
    units: list[str] = []
    for u in literals + samples + [s[:-1] for s in samples if len(s) > 2] + [s + " " for s in samples]:
        if u and u not in seen:
            seen.add(u)
            units.append(u)
    if chars:
        units.append("".join(chars))  # the whole alphabet, cycled
        for ch in chars:
            units.append(ch)
    for u in units:
        for end in ENDINGS:
            yield f"{u!r}*n+{end!r}", run(u, end)


def best_time(fn: Callable[[], object], repeat: int = 3, cpu: bool = False) -> float:
    """The best of ``repeat`` runs of ``fn``: wall time, or with ``cpu`` this process's CPU
    time with the cyclic collector paused. A whole lint allocates enough to set off a full
    collection of everything the test process holds, which lands on whichever run crosses
    the threshold (the larger inputs, so a linear lint looked super-linear: 0.30 s for a
    100 KB lint that takes 0.12 s); other processes' load does not count in CPU time."""
    clock = time.process_time if cpu else time.perf_counter
    paused = cpu and gc.isenabled()
    if paused:
        gc.disable()
    try:
        best = float("inf")
        for _ in range(repeat):
            t0 = clock()
            fn()
            best = min(best, clock() - t0)
        return best
    finally:
        if paused:
            gc.enable()


def scan(pattern: re.Pattern[str], text: str, mode: str = "scan") -> None:
    """Use a pattern over ``text`` as the engine does: every match (``finditer`` stands
    for search, sub and split too), or one anchored match."""
    if mode == "match":
        pattern.match(text)
        return
    for _ in pattern.finditer(text):
        pass


@dataclass
class Slow:
    found: Found
    shape: str
    sizes: tuple[int, ...]
    times: tuple[float, ...]

    @property
    def exponent(self) -> float:
        import math

        if len(self.times) < 2:
            return float("inf")  # stopped after the first size: already far too slow
        return math.log(self.times[-1] / max(self.times[0], 1e-9)) / math.log(self.sizes[-1] / self.sizes[0])

    def __str__(self) -> str:
        ts = ", ".join(f"{n // 1000} KB {t * 1000:.1f} ms" for n, t in zip(self.sizes, self.times, strict=False))
        return f"{self.found.where} {self.found.pattern[:70]!r} on {self.shape[:50]}: {ts} (growth ~n^{self.exponent:.1f})"


def audit(
    found: Found,
    sizes: tuple[int, ...] = (10_000, 50_000, 100_000),
    screen: tuple[int, int] = (4_000, 16_000),
    floor: float = 0.01,
    screen_floor: float = 0.002,
    max_exponent: float = 1.5,
    repeat: int = 3,
    budget: float = float("inf"),
) -> Slow | None:
    """The first shape on which ``found`` grows faster than linearly, or None.

    Every shape is screened at two sizes (one run each); a shape that grows by more than
    1.5 times the size ratio and takes over ``screen_floor`` seconds is measured at ``sizes``, best
    of ``repeat`` (noise on a shared machine only ever adds time), and reported when the
    fitted exponent of the growth exceeds ``max_exponent`` (1 is linear, 2 quadratic)
    and the largest input takes over ``floor`` seconds. ``budget`` bounds the CPU seconds
    spent screening one pattern (the test suite's bound; the benchmark has none).
    """
    p = found.compiled()
    spent = time.process_time() + budget
    for name, build in shapes(p):
        if time.process_time() > spent:
            break  # the shapes come most likely first: literal runs, then samples, then characters
        a, b = build(screen[0]), build(screen[1])
        ta = best_time(lambda a=a: scan(p, a, found.mode), 1)
        if ta > 1.0:  # already slow at the small size: measure it
            pass
        else:
            tb = best_time(lambda b=b: scan(p, b, found.mode), 1)
            if tb < screen_floor or tb / max(ta, 1e-9) < 1.5 * screen[1] / screen[0]:
                continue
        texts = [build(n) for n in sizes]
        times = []
        for t in texts:
            times.append(best_time(lambda t=t: scan(p, t, found.mode), repeat))
            if times[-1] > 10:  # do not wait minutes for a pattern already known slow
                break
        slow = Slow(found, name, sizes[: len(times)], tuple(times))
        if len(times) < len(sizes) or (times[-1] > floor and slow.exponent > max_exponent):
            return slow
    return None


# ---------------------------------------------------------------------------- collection

_RECORDER = r"""
import json, re, sys, traceback
found = {}
modes = {}
orig = re._compile
def rec(pattern, flags):
    p = orig(pattern, flags)
    if isinstance(p.pattern, str):
        f = sys._getframe(1)
        while f is not None and f.f_code.co_filename.endswith(("/re/__init__.py", "/re.py")):
            f = f.f_back
        where = f"{f.f_code.co_filename}:{f.f_lineno}" if f else "?"
        if "resolint" in where:
            found.setdefault((p.pattern, p.flags), where)
    return p
re._compile = rec
def prof(frame, event, arg):
    if event == "c_call" and isinstance(getattr(arg, "__self__", None), re.Pattern):
        p = arg.__self__
        m = "match" if arg.__name__ in ("match", "fullmatch") else "scan"
        key = (p.pattern, p.flags)
        if modes.get(key) != "scan":
            modes[key] = m
from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.registry import all_rules
all_rules()
from pathlib import Path
texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in sys.argv[1:]]
sys.setprofile(prof)
for style in (None, "interpol", "un-ga", "un-sc", "mun"):
    for k, t in enumerate(texts):
        try:
            if k % 5 == 0:  # the fix loop on some drafts: its patterns are the rules' own
                fix_text(t, lambda s: lint(s, style=style) if style else lint(s), unsafe=True)
            else:
                lint(t, style=style) if style else lint(t)
        except Exception:
            traceback.print_exc()
sys.setprofile(None)
# A pattern compiled but not seen in use is audited as if scanned (the stricter use).
json.dump([[p, fl, w, modes.get((p, fl), "scan")] for (p, fl), w in found.items()], sys.stdout)
"""


def collect_patterns(drafts: list[Path] | None = None) -> list[Found]:
    """Every pattern the engine and the rule pack compile while linting ``drafts``."""
    if drafts is None:  # one draft per rule family and the citation fixtures: every pattern runs
        drafts = sorted((ROOT / "fixtures").rglob("*.txt"))
    proc = subprocess.run(
        [sys.executable, "-c", _RECORDER, *map(str, drafts)],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    root = str(ROOT)
    return [Found(p, fl, w.replace(root + "/", ""), m) for p, fl, w, m in json.loads(proc.stdout)]
