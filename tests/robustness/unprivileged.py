"""Run a piece of a test as a user whom the system's permissions stop.

The tests run as root here (and in many CI containers), and root reads and writes any
file: a folder of mode 000 refuses nothing. The permission tests therefore faked the
refusals by replacing ``os.stat``, which tests what the code does with an error it was
handed, not which calls the system refuses. :func:`unprivileged` gives the real answer:
as root it forks, and the child drops to the ``nobody`` user (``os.setuid``) before it
runs the function; as any other user the permissions already apply, and the function
runs in a child all the same. Without a ``nobody`` user, or without ``fork``, it skips.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _nobody() -> tuple[int, int] | None:
    try:
        import pwd  # lazy: POSIX only (the test skips elsewhere)

        entry = pwd.getpwnam("nobody")
    except (ImportError, KeyError):
        return None
    return entry.pw_uid, entry.pw_gid


def unprivileged(fn: Callable[[], object]) -> object:
    """``fn()`` run in a forked child as an unprivileged user; its result (picklable)
    or the exception it raised, raised again here."""
    if not hasattr(os, "fork"):
        pytest.skip("no fork on this system")
    ids = _nobody() if os.geteuid() == 0 else (os.getuid(), os.getgid())
    if ids is None:
        pytest.skip("running as root and there is no 'nobody' user to drop to")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop rights, run, send the result, never return to pytest
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(ids[1])
                os.setuid(ids[0])
            try:
                payload = pickle.dumps(("ok", fn()))
            except BaseException as exc:  # noqa: BLE001 (sent to the parent, raised there)
                payload = pickle.dumps(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))
            with os.fdopen(write, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as got:
        data = got.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(data)
    if kind == "raised":
        raise value
    return value


def cli(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    """``resolint`` with ``argv`` in ``cwd`` (in the calling process, whose working folder
    is given back): exit status, standard output, standard error."""
    from resolint.cli.main import main  # lazy: imported before the fork, where the package can be read

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A fresh folder every user may enter (pytest's ``tmp_path`` lies under a folder of
    mode 700, which the unprivileged user may not search), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="resolint-perm-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for p in folder.rglob("*"):  # (a folder of mode 000 would stop rmtree as a user)
            with contextlib.suppress(OSError):
                if p.is_dir() and not p.is_symlink():
                    p.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
