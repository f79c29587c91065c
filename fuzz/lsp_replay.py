"""Replay a trace of ``lsp_sequences.py --trace FILE`` against a fresh ``resolint server``.

Why: a seed's sequence depends on the driver's code, so a failure seen once may not
come back with the same seed after the driver changes (seed 126's unanswered code
action did not). The trace is what was sent: replayed as is, one message after the
other, each request waited for (120 s), it shows which requests were slow, without the
driver's own checks. Run (from the worktree)::

    PYTHONPATH=$PWD/server:$PWD/rules python fuzz/lsp_replay.py TRACE [--slow 2]

It prints the total time and the slowest requests (over ``--slow`` seconds); exit
status 1 when one gets no answer or the server dies.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time

from lsp_sequences import Client, Problem


def replay(trace: str, slow: float) -> int:
    cwd = tempfile.mkdtemp(prefix="lspreplay-")
    with open(os.path.join(cwd, "server.err"), "wb") as err, open(trace, "rb") as lines:
        client = Client(cwd, random.Random(0), err)
        client.settings = {}  # the server's questions get the default settings
        found: list[tuple[float, str, str]] = []
        start, status = time.time(), 0
        try:
            for line in lines:
                m = json.loads(line)
                if "id" in m and "method" in m:
                    t0 = time.time()
                    client.request(m["method"], m.get("params"), timeout=120)
                    if time.time() - t0 > slow:
                        found.append((time.time() - t0, m["method"], json.dumps(m.get("params"))[:160]))
                elif "method" in m:
                    client.notify(m["method"], m.get("params"))
        except Problem as exc:
            print(f"problem: {exc}")
            status = 1
        finally:
            client.proc.kill()
    print(f"replayed {trace} in {time.time() - start:.1f} s (server log {cwd}/server.err); requests over {slow} s:")
    for took, method, params in sorted(found, reverse=True)[:10]:
        print(f"  {took:6.1f} s {method} {params}")
    return status


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trace")
    ap.add_argument("--slow", type=float, default=2.0, help="list requests slower than this (seconds)")
    args = ap.parse_args()
    return replay(args.trace, args.slow)


if __name__ == "__main__":
    sys.exit(main())
