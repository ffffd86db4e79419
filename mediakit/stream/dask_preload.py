"""Dask worker preload: warm mediakit when the worker starts (``dask worker --preload mediakit.stream.dask_preload``).

:func:`mediakit.stream.loopback_cluster` starts its workers with it. A Dask worker is a fresh process:
without it, its first pieces would each pay the loading of mediakit's lexicons and models
(:func:`mediakit.stream._work.warm_up`, about 3 s), which a forked pool worker inherits. Then, as a
pool worker does, it moves what it holds to the permanent generation of the garbage collector
(:func:`gc.freeze`: the models are never traversed again by its collections).
"""

from __future__ import annotations

import gc
from typing import Any

from ._work import warm_up


def dask_setup(worker: Any) -> None:
    """Called by Dask as the worker starts: load what every piece reads, then freeze it."""
    warm_up()
    gc.freeze()
