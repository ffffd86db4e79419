"""Settings of the execution layer read from the environment: the one place that reads them.

``MEDIAKIT_WORKER_MEMORY_MB``
    Resident memory (MiB, default 512) above which a process doing mediakit's work (the
    process itself with ``n_jobs=1``, a pool worker, a Dask worker) drops mediakit's word
    caches (readability's words, the shared chunk vocabulary). The caches never change
    results; dropping them keeps memory bounded over millions of articles. Read once, at
    import. A value that is not an integer falls back to the default; a negative one means 0. A pool
    worker, which unmaps its copy of the language model when it starts, drops them that much earlier
    (its caches keep the same room).

Examples
--------
>>> env_mib("MEDIAKIT_SURELY_UNSET_VARIABLE", 3)
3145728
"""

from __future__ import annotations

import os

__all__ = ["WORKER_MEMORY", "MEMORY_STEP", "env_mib"]


def env_mib(name: str, default: int) -> int:
    """The environment variable ``name`` as a number of MiB, in bytes (``default`` MiB if unset or bad)."""
    try:
        return max(0, int(os.environ.get(name, default))) * 2**20
    except ValueError:
        return default * 2**20


#: A process doing the work drops mediakit's word caches (readability's words, the shared
#: chunk vocabulary) when its resident memory passes this many bytes, so that memory stays
#: bounded over millions of articles; the caches never change results. Environment variable
#: ``MEDIAKIT_WORKER_MEMORY_MB`` overrides it.
WORKER_MEMORY = env_mib("MEDIAKIT_WORKER_MEMORY_MB", 512)
#: After a clear, the next one only once memory has grown this much more.
MEMORY_STEP = 128 * 2**20
