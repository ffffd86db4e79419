"""Bounded memory in long-lived workers: the free heap given back before each piece, mediakit's word caches
dropped past :data:`WORKER_MEMORY`, and a pool worker's copy of the language model unmapped.

Used by the streaming job's pieces and by the Dask partitions (:mod:`mediakit.dask`).
"""

from __future__ import annotations

from .._memory import release_memory, rss
from ..text import clear_chunk_caches, unload_language_model
from ..metrics.readability import clear_caches
from ._settings import MEMORY_STEP, WORKER_MEMORY

__all__ = ["bound_caches", "drop_language_model", "rss"]

_last_clear: list[int] = []
#: The resident bytes this process gave back with the language model (:func:`drop_language_model`).
_model_given_back: list[int] = [0]


def drop_language_model() -> None:
    """Unmap this process's language model: a pool worker's, forked from a process that loaded it, which the
    worker never reads (the job detects the languages before it sends the pieces).

    Its pages are the parent's, shared, yet counted in the worker's resident size (about 136 MiB). What this gives
    back lowers the worker's :data:`WORKER_MEMORY` by as much, so that its word caches have the room they had
    with the model.
    """
    before = rss()
    unload_language_model()
    # no garbage collection: the model goes by reference counting, and a collection in a freshly forked worker would
    # write to the header of every object it inherited (44 MiB of the parent's pages copied, measured)
    release_memory(collect=False)
    after = rss()
    if before is not None and after is not None and before > after:
        _model_given_back[0] += before - after


def bound_caches() -> bool:
    """Give the free heap back to the system, then drop the word caches when this process is still over
    :data:`WORKER_MEMORY`; True if dropped.

    Called before each piece: the last piece's temporary tables are freed by then, and glibc's allocator would keep
    their pages (about 50 MiB a stream worker on AllSides, its resident size measured with them). Giving them back
    costs a few milliseconds, and the next piece a few more to touch its pages again (about 3 % of a stream's CPU).
    """
    release_memory(collect=False)
    now = rss()
    if now is None or now <= WORKER_MEMORY - _model_given_back[0] or (_last_clear and
                                                                    now <= _last_clear[-1] + MEMORY_STEP):
        return False
    clear_caches()
    clear_chunk_caches()
    _last_clear.append(rss() or now)  # freed memory is reused by the caches, not returned
    return True
