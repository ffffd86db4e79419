"""Resident memory of this process, and giving freed memory back to the system between long steps.

CPython and NumPy free their objects, but glibc's allocator keeps most of the freed heap for reuse:
after a step that built and dropped large temporary tables (the n-gram cells of a corpus, the scans
of actor labels), the process stays at its peak although little is still in use. A long job that
runs such steps one after the other then adds each step's leftovers to the next one's peak. Arrow
does the same with its own allocator (mimalloc or jemalloc, not glibc's): the Arrow-backed string
columns of pandas (the default since pandas 3) live there, and the whole AllSides articles table,
read and dropped, left 310 MiB resident until the pool was asked to give it back.
:func:`release_memory` collects garbage and asks both allocators to return the free pages
(``malloc_trim``, glibc only, a no-op elsewhere; Arrow's ``release_unused`` when pyarrow is loaded).
It changes no result.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sys
from functools import lru_cache
from typing import Any

__all__ = ["rss", "release_arrow_memory", "release_memory"]


def rss() -> int | None:
    """Resident memory of this process in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None (another C library, another platform)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


def release_memory(collect: bool = True) -> None:
    """Collect garbage and return the allocator's free pages to the system (glibc's ``malloc_trim``).

    Call it between long steps that drop large temporary tables; it takes milliseconds to a few
    tenths of a second on a process of some gigabytes and changes no result. Without ``collect`` no
    garbage is collected (what reference counting freed is returned): a loop over parts of a table,
    which frees each part as the next is read, can call it every time.

    Examples
    --------
    >>> release_memory()
    """
    if collect:
        gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    release_arrow_memory()


def release_arrow_memory() -> None:
    """Return the free pages of Arrow's allocator to the system (no garbage collection: cheap, milliseconds).

    A worker process calls it after each task: the Arrow-backed columns it was sent are freed when the task
    ends, and Arrow's allocator would keep their pages, which the Python objects made from them never reuse.
    """
    arrow = sys.modules.get("pyarrow")  # never imported here for this: a process without Arrow data has none
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
