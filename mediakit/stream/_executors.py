"""Where the pieces run: this process, a process pool kept alive across chunks, or a Dask cluster.

Every executor has ``workers`` (how many pieces run at once), ``detect_first`` (the job detects the languages of
a chunk's articles before it cuts the chunk into pieces), ``submit(fn, *args)`` returning a
future (``result()``, ``cancel()``), ``call(fn, *args)`` for a one-off call (the job's schemas: see
:meth:`DaskExecutor.call`) and ``close(cancel=False)``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from ..metrics.analyze import n_workers
from ..metrics.attribution import carry_cues, cue_state, start_worker
from ._memory import drop_language_model

__all__ = ["InlineExecutor", "PoolExecutor", "DaskExecutor", "LOOPBACK_CONFIG", "loopback_cluster", "make_executor"]


class _Done:
    """The future of work already done."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value

    def cancel(self) -> bool:
        return False


class InlineExecutor:
    """Runs the work at once in this process (``n_jobs=1``)."""

    workers = 1
    detect_first = False  # each piece is the whole chunk

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return _Done(fn(*args))

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        return fn(*args)

    def close(self, cancel: bool = False) -> None:
        pass


def _start_pool_worker(entries: dict[str, dict[str, Any]] | None = None, classes: tuple[str, ...] = ()) -> None:
    """Initialise a worker of :class:`PoolExecutor`: without the language model, then :func:`start_worker`.

    The job detects the languages of each chunk in this process before it sends the pieces (``detect_first``), so
    a worker never reads the model. Forked, it would keep this process's copy of the model's pages mapped: about
    136 MiB of its resident size, shared and never read, counted again in every worker's
    (:func:`~._memory.drop_language_model`).
    """
    drop_language_model()
    start_worker(entries, classes)


class PoolExecutor:
    """A process pool kept alive across chunks.

    Each worker starts with :func:`gc.freeze`: the objects it inherits from this process (mediakit's
    models, lexicons and caches, loaded before the pool starts) go to the permanent generation, so its
    garbage collections never traverse them again (about 4 % of a worker's time on AllSides; results
    unchanged). It starts without the language model (:func:`_start_pool_worker`): this process detects the
    languages of the pieces it sends (``detect_first``).
    """

    #: The job detects the languages of a chunk's articles before it cuts the chunk into pieces.
    detect_first = True

    def __init__(self, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        # without the language model; the user's cues of this process (``using_cues``), then gc.freeze
        self.pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_pool_worker, initargs=cue_state())

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.pool.submit(fn, *args)

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` in this process: what it loads, the workers (forked at the first piece) inherit."""
        return fn(*args)

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


#: Dask settings of :func:`loopback_cluster`: no statistical profiling (it feeds a dashboard the cluster does
#: not have) and system and memory monitors every 2 s and 1 s instead of 0.5 s and 0.1 s (on two cores, their
#: default rates cost the workers about 8 % of the stream's time); and the nannies' environment for the workers
#: without Dask's ``MALLOC_TRIM_THRESHOLD_=65536``, which fixes glibc's thresholds, so the worker maps and unmaps
#: every large buffer: 2.5x the system time of the stream, about 5 % of its wall time (16,000 AllSides
#: articles; ``benchmarks/bench_scale.py``, docs/scale.md). The nannies also set their environment in the
#: process that starts them (this one): without the variable, this process is left as it was.
LOOPBACK_CONFIG = {"distributed.worker.profile.enabled": False,
                   "distributed.admin.system-monitor.interval": "2s",
                   "distributed.worker.memory.monitor-interval": "1s",
                   "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1,
                                                           "OPENBLAS_NUM_THREADS": 1}}


def loopback_cluster(n_workers: int) -> Any:
    """A ``distributed.LocalCluster`` reachable on 127.0.0.1 only: one single-threaded worker
    process each, no dashboard, and the scheduler's HTTP endpoint on a free loopback port
    (the default 8787 may be taken by another cluster).

    Its workers load mediakit's lexicons and models as they start (:mod:`mediakit.stream.dask_preload`),
    as forked pool workers inherit them, and run with :data:`LOOPBACK_CONFIG`.
    """
    import dask
    from distributed import LocalCluster

    with dask.config.set(LOOPBACK_CONFIG):
        return LocalCluster(n_workers=n_workers, threads_per_worker=1, host="127.0.0.1", processes=True,
                            dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                            preload=["mediakit.stream.dask_preload"])


class DaskExecutor:
    """A ``dask.distributed`` client: ``"local"`` starts a LocalCluster on loopback."""

    detect_first = False  # the workers detect the languages: this process never loads the model (see ``call``)

    def __init__(self, scheduler: Any, n_jobs: int) -> None:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("scheduler= needs Dask: pip install 'mediakit[dask]'") from exc
        self.cluster = None
        self.own_client = True
        if isinstance(scheduler, Client):
            self.client = scheduler
            self.own_client = False
        elif scheduler == "local":
            n = n_workers(n_jobs, func="analyze_stream") if n_jobs != 1 else (os.cpu_count() or 1)
            self.cluster = loopback_cluster(n)
            self.client = Client(self.cluster)
        elif isinstance(scheduler, str) and scheduler:
            self.client = Client(scheduler)
        else:
            raise ValueError(f"scheduler must be 'local', a scheduler address such as "
                             f"'tcp://host:8786', or a distributed.Client; got {scheduler!r}")
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` on a worker, under the user's cues in use here (``using_cues``; the workers do not share
        this process's lexicon)."""
        return self.client.submit(carry_cues(fn), *args, pure=False)

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` on a worker: this process (the driver) then never loads mediakit's models, which
        the workers have loaded already (the summed peak of the whole AllSides stream: 1,843 instead of
        2,031 MiB, medians of three)."""
        return self.client.submit(carry_cues(fn), *args, pure=False).result()

    def close(self, cancel: bool = False) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(scheduler: Any, n_jobs: int, workers: int) -> InlineExecutor | PoolExecutor | DaskExecutor:
    """A Dask client when ``scheduler`` is given, else a pool of ``workers`` processes, else this process."""
    if scheduler is not None:
        return DaskExecutor(scheduler, n_jobs)
    if workers > 1:
        return PoolExecutor(workers)
    return InlineExecutor()
