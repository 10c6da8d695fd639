"""Output files written whole or not at all.

A file is written into a private temporary folder beside its target (same file system, so the
final ``os.replace`` is atomic) and renamed into place only when every byte is written: a reader
sees the previous file or the new one, never half of one. If the write fails (a full disk, a
closed folder) or the process is interrupted (Ctrl-C, SIGTERM), the temporary folder is removed,
the previous file is left as it was, and the error is raised. openpyxl's own scratch files are
made inside the same folder, so they go with it. Only SIGKILL (which no program can catch) can
leave a ``.NAME.partial-…`` folder behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import tempfile
import threading

from .errors import EquivalenceError


class OutputError(EquivalenceError):
    """An output file that could not be written (the previous file, if any, is untouched)."""


def _reason(exc: OSError) -> tuple:
    """Why the system refused, as a message param: the system's words, ours in Chinese for the
    common ones (an OSError with no reason of the system's: its text)."""
    from .loader import os_reason  # only when a write failed

    return os_reason(exc) if exc.strerror else ("text", {"text": str(exc)})


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """While writing, SIGTERM unwinds like Ctrl-C (KeyboardInterrupt), so the cleanup runs. Only the
    main thread may set a handler; elsewhere (an application's worker thread) nothing changes."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    installed, previous = False, None
    if threading.current_thread() is threading.main_thread():
        with contextlib.suppress(ValueError, OSError):
            previous = signal.signal(signal.SIGTERM, interrupt)
            installed = True
    try:
        yield
    finally:
        if installed:  # (None: a handler not set from Python, which only the default can stand for)
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


@contextlib.contextmanager
def _signals_held():
    """SIGINT and SIGTERM wait (pending) until the block ends, where they are raised as usual."""
    held = {signal.SIGINT, signal.SIGTERM}
    can = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if can:
        signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        if can:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


class _Sink:
    """A binary file that, once abandoned, swallows writes: a library that still holds it (an
    unclosed ZipFile, closed later by the garbage collector) then cannot print 'Exception ignored'."""

    def __init__(self, fh):
        self._fh, self._dead = fh, False

    def abandon(self):
        self._dead = True

    def write(self, data):
        if self._dead:
            return len(data)
        return self._fh.write(data)

    def __getattr__(self, name):
        if self.__dict__.get("_dead"):
            return _noop
        return getattr(self._fh, name)

    def seekable(self):
        return not self._dead and self._fh.seekable()

    def tell(self):
        return 0 if self._dead else self._fh.tell()

    def seek(self, *args):
        return 0 if self._dead else self._fh.seek(*args)


def _noop(*args, **kwargs):
    return None


@contextlib.contextmanager
def atomic_path(path: str):
    """A temporary path to write the whole of ``path`` to; on success it replaces ``path``.

    Use it for a library that insists on a file name (openpyxl): its scratch files (``tempfile``)
    are put beside it, and everything is removed if the block fails.

    Raises
    ------
    OutputError
        The folder cannot be written, the disk is full, …; ``path`` is untouched.
    """
    real = os.path.realpath(path)  # a symlink stays a link: the file it points to is replaced
    if os.path.exists(real) and not os.path.isfile(real):  # /dev/stdout, a FIFO: written in place
        try:
            yield path
        except OSError as exc:
            raise OutputError(code="cannot_write", path=path, why=_reason(exc)) from None
        return
    with _sigterm_as_interrupt():  # from before the scratch folder exists until it is gone
        name = os.path.basename(real)
        scratch = None
        saved_tempdir = tempfile.tempdir
        try:
            with _signals_held():  # an interrupt cannot come between making the folder and owning it
                scratch = tempfile.mkdtemp(prefix=f".{name}.partial-", dir=os.path.dirname(real))
            tempfile.tempdir = scratch  # openpyxl's write-only scratch files go here too
            try:
                target = os.path.join(scratch, name)
                yield target
            finally:
                tempfile.tempdir = saved_tempdir
            if os.path.exists(real):
                shutil.copymode(real, target)
            else:
                os.chmod(target, 0o666 & ~_umask())
            os.replace(target, real)
        except OSError as exc:
            raise OutputError(code="cannot_write", path=path, why=_reason(exc)) from None
        finally:
            if scratch is not None:
                with _signals_held():  # an interrupt now would stop the cleanup half-way
                    shutil.rmtree(scratch, ignore_errors=True)


def _sync(fh) -> None:
    """On disk before the rename (a crash then leaves the old file or the new one); not a FIFO."""
    if stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
        os.fsync(fh.fileno())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_binary(path: str):
    """A binary file object for the whole of ``path`` (see :func:`atomic_path`)."""
    with atomic_path(path) as target:
        fh = open(target, "wb")
        sink = _Sink(fh)
        try:
            yield sink
            fh.flush()
            _sync(fh)
        except BaseException:
            sink.abandon()
            raise
        finally:
            with contextlib.suppress(OSError):
                fh.close()


@contextlib.contextmanager
def atomic_text(path: str, *, encoding: str = "utf-8", newline: str | None = "\n"):
    """A text file object for the whole of ``path`` (see :func:`atomic_path`)."""
    with atomic_path(path) as target:
        fh = open(target, "w", encoding=encoding, newline=newline)
        try:
            yield fh
            fh.flush()
            _sync(fh)
        finally:
            with contextlib.suppress(OSError):
                fh.close()


def write_text(path: str, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` whole or not at all.

    Raises
    ------
    OutputError
    """
    with atomic_text(path, encoding=encoding) as fh:
        fh.write(text)


def os_error(exc: OSError) -> OutputError:
    """The error for an OSError a command did not expect; a closed pipe (``| head``) is re-raised
    for the command line to end quietly. A failed write to stdout has no file name: stdout is then
    pointed at /dev/null, so that the interpreter's last flush cannot fail again with a traceback."""
    import errno
    import sys

    if exc.errno == errno.EPIPE:
        raise exc
    if exc.filename is None:
        with contextlib.suppress(Exception):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return OutputError(code="cannot_write_output", why=_reason(exc))
    return OutputError(code="os_error_on", path=str(exc.filename), why=_reason(exc))
