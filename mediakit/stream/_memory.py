"""Bounded memory in long-lived workers: the free heap given back before each piece, and mediakit's word caches
dropped past :data:`WORKER_MEMORY`.

Used by the streaming job's pieces and by the Dask partitions (:mod:`mediakit.dask`).
"""

from __future__ import annotations

from .._memory import release_memory, rss
from ..text import clear_chunk_caches
from ..metrics.readability import clear_caches
from ._settings import MEMORY_STEP, WORKER_MEMORY

__all__ = ["bound_caches", "rss"]

_last_clear: list[int] = []


def bound_caches() -> bool:
    """Give the free heap back to the system, then drop the word caches when this process is still over
    :data:`WORKER_MEMORY`; True if dropped.

    Called before each piece: the last piece's temporary tables are freed by then, and glibc's allocator would keep
    their pages (about 50 MiB a stream worker on AllSides, its resident size measured with them). Giving them back
    costs a few milliseconds, and the next piece a few more to touch its pages again (about 3 % of a stream's CPU).
    """
    release_memory(collect=False)
    now = rss()
    if now is None or now <= WORKER_MEMORY or (_last_clear and now <= _last_clear[-1] + MEMORY_STEP):
        return False
    clear_caches()
    clear_chunk_caches()
    _last_clear.append(rss() or now)  # freed memory is reused by the caches, not returned
    return True
