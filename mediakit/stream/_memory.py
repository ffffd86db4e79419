"""Bounded memory in long-lived workers: drop mediakit's word caches past :data:`WORKER_MEMORY`.

Used by the streaming job's pieces and by the Dask partitions (:mod:`mediakit.dask`).
"""

from __future__ import annotations

from .._memory import rss
from ..text import clear_chunk_caches
from ..metrics.readability import clear_caches
from ._settings import MEMORY_STEP, WORKER_MEMORY

__all__ = ["bound_caches", "rss"]

_last_clear: list[int] = []


def bound_caches() -> bool:
    """Drop the word caches when this process is over :data:`WORKER_MEMORY`; True if dropped."""
    now = rss()
    if now is None or now <= WORKER_MEMORY or (_last_clear and now <= _last_clear[-1] + MEMORY_STEP):
        return False
    clear_caches()
    clear_chunk_caches()
    _last_clear.append(rss() or now)  # freed memory is reused by the caches, not returned
    return True
