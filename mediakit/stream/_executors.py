"""Where the pieces run: this process, a process pool kept alive across chunks, or a Dask cluster.

Every executor has ``workers`` (how many pieces run at once), ``submit(fn, *args)`` returning a
future (``result()``, ``cancel()``) and ``close(cancel=False)``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from ..metrics.analyze import n_workers

__all__ = ["InlineExecutor", "PoolExecutor", "DaskExecutor", "loopback_cluster", "make_executor"]


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

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return _Done(fn(*args))

    def close(self, cancel: bool = False) -> None:
        pass


class PoolExecutor:
    """A process pool kept alive across chunks."""

    def __init__(self, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.pool.submit(fn, *args)

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


def loopback_cluster(n_workers: int) -> Any:
    """A ``distributed.LocalCluster`` reachable on 127.0.0.1 only: one single-threaded worker
    process each, no dashboard, and the scheduler's HTTP endpoint on a free loopback port
    (the default 8787 may be taken by another cluster).
    """
    from distributed import LocalCluster

    return LocalCluster(n_workers=n_workers, threads_per_worker=1, host="127.0.0.1", processes=True,
                        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})


class DaskExecutor:
    """A ``dask.distributed`` client: ``"local"`` starts a LocalCluster on loopback."""

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
        return self.client.submit(fn, *args, pure=False)

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
