"""Worker processes that keep a state across calls: a chunk of a corpus and what was computed on it.

A process pool sends every task its data and forgets it afterwards. A corpus pass that alternates
per-article work with corpus-wide merges (count over all articles, then read each article again with
the counts) would send each chunk of articles, and redo each text's memoised scans, at every step.
:class:`Workers` starts ``n`` processes, each with its own ``state`` dict that lives as long as the
process: ``run(fn, args)`` calls ``fn(state, *args[k])`` in worker ``k`` and returns the results in
order. Workers ignore Ctrl-C: the parent gets it, and leaving the ``with`` block on an exception
terminates them at once (a normal exit asks them to stop and waits).

Workers are *spawned* (fresh interpreters that import mediakit, about 1-3 s, side by side), not
forked: a fork of a process that holds a large corpus step (tables, Arrow thread pools) risks a
deadlock in a thread's lock, and each child would count the parent's pages in its resident memory;
a spawned worker holds its chunk and its own work only, and no process outlives the ``with`` block.
Workers that do NumPy matrix products are started with ``environ=ONE_THREAD`` (their BLAS on one thread:
the workers are one per core already). As with any spawned process, a script that starts them must guard
its top level with
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from ._memory import release_arrow_memory

__all__ = ["ONE_THREAD", "Workers"]


#: ``Workers(n, environ=ONE_THREAD)``: one thread for the BLAS and OpenMP libraries (NumPy's matrix products)
#: of each worker. With one worker per core, a BLAS with a thread per core in each would only contend, and its
#: idle threads spin: a matrix product of the framing tests gained nothing from a second thread, and took CPU
#: from the other worker. (Not the default: Arrow sizes its thread pool by ``OMP_NUM_THREADS`` too, and the
#: worker that writes the per-article files from the parts uses it.)
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@contextlib.contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``values`` within the block (a child process started there inherits them)."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _serve(conn: Connection) -> None:
    """The loop of a worker: receive ``(fn, args)``, send back ``(True, result)`` or ``(False, error)``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it terminates the workers
    state: dict[str, Any] = {}
    while True:
        try:
            msg = conn.recv()
        except EOFError:  # the parent is gone
            return
        if msg is None:
            return
        fn, args, last = msg
        try:
            reply: tuple[bool, Any] = (True, fn(state, *args))
        except Exception as exc:  # sent back to the parent, which raises it
            reply = (False, _sendable(exc))
        conn.send(reply)
        if last:  # the parent reads the reply from the pipe after this process is gone
            return
        del msg, fn, args, reply  # no reference to a result (or the arguments) while waiting
        release_arrow_memory()  # the Arrow columns the task was sent, freed: their pages back to the system


def _sendable(exc: Exception) -> tuple[Exception | None, str]:
    """``exc`` (None when it cannot be pickled) and the worker's traceback."""
    import pickle

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return None, text
    return exc, text


@contextlib.contextmanager
def _blas_threads(n: int | None) -> Iterator[None]:
    """Within the block, the BLAS and OpenMP libraries of this process on ``n`` threads (None: unchanged).

    This process's share of a call started with ``environ=ONE_THREAD``: a BLAS thread per core here, beside a
    worker on the other core, only contends (the framing tests took 45 % longer)."""
    if n is None:
        yield
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=n):
        yield


class Workers:
    """``n`` worker processes, each keeping its own state dict across :meth:`run` calls.

    With ``here=True`` this process is one of the ``n``: it takes the first share of every call itself
    (``fn(workers.here, *args[0])``, run by :meth:`collect` while the ``n - 1`` workers run theirs), with its
    state in :attr:`here` (and, with ``environ=ONE_THREAD``, its BLAS on one thread meanwhile, as theirs). The
    process that holds the data anyway then works instead of waiting beside a worker that would hold a copy of
    its share and a Python of its own (about 120 MiB). Only for work that leaves little behind: the Python
    objects of a large share, freed, can leave this process larger for what follows.

    Examples
    --------
    >>> def put(state, key, value):
    ...     state[key] = value
    >>> def get(state, key):
    ...     return state[key]
    >>> with Workers(2) as w:  # doctest: +SKIP
    ...     _ = w.run(put, [("x", 1), ("x", 2)])
    ...     w.run(get, [("x",), ("x",)])
    [1, 2]
    """

    def __init__(self, n: int, *, environ: dict[str, str] | None = None, here: bool = False) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conns: list[Connection] = []
        self._procs: list[Any] = []
        self._pending = False
        self._ended = False
        #: With ``here``, the state of this process, which takes the first share of every call itself.
        self.here: dict[str, Any] | None = {} if here else None
        self._here_one_thread = (environ or {}).get("OPENBLAS_NUM_THREADS") == "1"
        self._here_call: tuple[Callable[..., Any], tuple[Any, ...]] | None = None
        try:
            for _ in range(n - 1 if here else n):
                parent, child = ctx.Pipe()
                proc = ctx.Process(target=_serve, args=(child,), daemon=True)
                with _environment(environ or {}):  # read by NumPy's BLAS when the worker imports it
                    proc.start()
                child.close()
                self._conns.append(parent)
                self._procs.append(proc)
        except BaseException:
            self.close(at_once=True)
            raise

    def __len__(self) -> int:
        return len(self._procs) + (self.here is not None)

    def run(self, fn: Callable[..., Any], args: Sequence[tuple[Any, ...]], *, last: bool = False,
            convert: Callable[[Any], Any] | None = None) -> list[Any]:
        """``fn(state, *args[k])`` in worker ``k`` (one tuple per worker), the results in worker order.

        ``fn`` must be picklable (a module-level function). The first error of a worker is raised here.
        ``last``, ``convert``: see :meth:`submit` and :meth:`collect`.
        """
        self.submit(fn, args, last=last)
        return self.collect(convert)

    def submit(self, fn: Callable[..., Any], args: Sequence[tuple[Any, ...]], *, last: bool = False) -> None:
        """Start ``fn(state, *args[k])`` in worker ``k`` and return at once; :meth:`collect` gives the results.

        This process can work meanwhile (e.g. write files in a worker while computing something else here).
        With ``last``, each worker ends as soon as it has sent its result: its memory goes back to the
        system while this process still reads the others' (or works on), and no call may follow.
        """
        if len(args) != len(self):
            raise ValueError(f"Workers.submit(): one tuple of arguments per worker ({len(self)}), got {len(args)}")
        if self._pending:
            raise RuntimeError("Workers.submit(): collect() the results of the previous call first")
        if self._ended:
            raise RuntimeError("Workers.submit(): the workers ended after a call with last=True")
        if self.here is not None:  # run by collect(), once the workers have theirs
            self._here_call, args = (fn, tuple(args[0])), args[1:]
        for conn, a in zip(self._conns, args, strict=True):
            conn.send((fn, a, last))
        self._pending = True
        self._ended = last

    def collect(self, convert: Callable[[Any], Any] | None = None) -> list[Any]:
        """The results of the last :meth:`submit`, in worker order (waits for them); a worker's error is raised.

        ``convert`` is applied to each result as soon as it is read, before the next one is: a large result
        (a million rows) made compact (a table) is then never held next to the others in their raw form.
        """
        if not self._pending:
            raise RuntimeError("Workers.collect(): nothing was submitted")
        self._pending = False
        replies = []
        here_error: Exception | None = None
        if self._here_call is not None and self.here is not None:  # this process's share, while the workers run
            fn, a = self._here_call
            self._here_call = None
            try:
                with _blas_threads(1 if self._here_one_thread else None):
                    value = fn(self.here, *a)
                replies.append((True, convert(value) if convert is not None else value))
                del value
            except Exception as error:  # raised once the workers' replies are read: the next call starts clean
                here_error = error
        for conn in self._conns:
            try:
                ok, value = conn.recv()
            except EOFError:
                raise RuntimeError("a worker process ended unexpectedly (out of memory?)") from None
            replies.append((ok, convert(value) if ok and convert is not None else value))
            del value
        if here_error is not None:
            raise here_error
        for ok, value in replies:
            if not ok:
                exc, text = value
                cause = RuntimeError(f"in a worker process:\n{text}")
                if exc is None:
                    raise cause
                raise exc from cause
        return [value for _, value in replies]

    def close(self, at_once: bool = False) -> None:
        """Stop the workers: ask them and wait, or (``at_once``) terminate them."""
        for conn in self._conns:
            if not at_once and not self._ended:
                try:
                    conn.send(None)
                except OSError:
                    pass
        for proc in self._procs:
            if at_once:
                proc.terminate()
            proc.join(timeout=None if at_once else 10)
            if proc.is_alive():
                proc.terminate()
                proc.join()
        for conn in self._conns:
            conn.close()
        self._conns, self._procs = [], []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close(at_once=exc_type is not None)
