"""Stop a lint running in a worker thread: over its time budget, or superseded.

Python cannot kill a thread. The choices were:

- a worker *process* per lint, killed at the deadline: the only hard bound, but the
  features (code actions, hover, outline, fix-all) need the lint's whole result (the
  parsed resolution, findings with their fixes), which would have to be pickled back
  for every keystroke, and a killed process loses the warm caches (rules, lemmas);
- a cooperative deadline checked by the engine between rules: bounds neither the parser
  nor a slow rule, and puts a server concern into the engine the CLI shares;
- an exception raised *in the worker thread* from outside
  (``PyThreadState_SetAsyncExc``, the mechanism behind ``KeyboardInterrupt`` in threads
  of debuggers and of libraries such as ``stopit``): it lands at the next bytecode the
  worker runs, wherever it is in the parser, the engine or a rule, at no cost while
  nobody interrupts.

We use the third, with two guards. The exception is only ever sent while the worker is
inside :meth:`Interruptible.run` for the lint it names (a lock makes "is it still
running that lint?" and the sending one step), so it cannot hit the scheduler's own code
or the next lint. And it derives from ``BaseException``, so the engine's "a crashing rule
becomes one finding" (``except Exception``) does not swallow it. What it cannot do is
stop a single long call into C (one regular expression over a huge string): it lands
when that call returns. That is why documents over ``max-file-size`` are never linted in
the editor, and why the rules' patterns must be linear (issue 18).
"""

from __future__ import annotations

import ctypes
import threading


class LintInterrupted(BaseException):
    """Raised inside a lint to stop it (never caught by ``except Exception``)."""


class OverBudget(LintInterrupted):
    """The lint ran longer than its time budget."""


class Preempted(LintInterrupted):
    """A more recent document waits: this lint makes way and is run again later."""


class Superseded(LintInterrupted):
    """The document changed (or the settings did): this lint's result would be dropped."""


def _raise_in(thread_id: int, exc: type[BaseException]) -> bool:
    done = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc))
    if done > 1:  # more than one thread hit: undo (cannot happen with a live id)
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)
        return False
    return done == 1


class Interruptible:
    """Runs calls in worker threads so that another thread can stop a given one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[object, int] = {}  # token -> thread id
        self._sent: set[object] = set()

    def run(self, token: object, fn, *args):
        """``fn(*args)`` in this thread; raises a :class:`LintInterrupted` if stopped."""
        with self._lock:
            self._running[token] = threading.get_ident()
        try:
            return fn(*args)
        finally:
            try:
                self._forget(token)
            except LintInterrupted:  # sent just as fn returned: it lands here
                self._forget(token)
                raise

    def _forget(self, token: object) -> None:
        with self._lock:
            self._running.pop(token, None)
            self._sent.discard(token)

    def interrupt(self, token: object, exc: type[LintInterrupted]) -> bool:
        """Stop the call running for ``token`` with ``exc``; False if it is not running."""
        with self._lock:
            thread_id = self._running.get(token)
            if thread_id is None or token in self._sent:
                return False
            self._sent.add(token)
            return _raise_in(thread_id, exc)
