"""Giving freed memory back between long steps (mediakit._memory)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from mediakit import _memory
from mediakit._memory import release_memory, rss

from .conftest import freed_small_blocks


def test_rss_is_the_resident_size() -> None:
    before = rss()
    if before is None:
        pytest.skip("no /proc on this platform")
    block = np.ones(64 * 2**20 // 8)  # 64 MiB written: resident
    after = rss()
    assert after is not None and after - before > 48 * 2**20
    del block


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_small_freed_blocks_go_back_to_the_system() -> None:
    if _memory._malloc_trim() is None:
        pytest.skip("not glibc")
    release_memory()
    base = rss()
    assert base is not None
    keep = freed_small_blocks()  # many small blocks stay in the heap when freed
    held = rss()
    release_memory()
    released = rss()
    assert held is not None and released is not None
    assert held - base > 150 * 2**20
    assert released - base < (held - base) / 2
    del keep


def test_release_memory_is_harmless_without_glibc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_memory, "_malloc_trim", lambda: None)
    release_memory()  # only collects garbage


def test_arrow_strings_freed_go_back_to_the_system() -> None:
    """pandas' Arrow-backed strings live in Arrow's allocator, which keeps freed pages until asked."""
    pa = pytest.importorskip("pyarrow")
    import pandas as pd

    if rss() is None:
        pytest.skip("no /proc on this platform")
    release_memory()
    base = rss()
    # many mid-sized string columns, as a corpus's texts read back from Parquet are
    texts = [pd.array(["word " * 200 + str(i) for i in range(k, k + 2_000)], dtype=pd.ArrowDtype(pa.string()))
             for k in range(0, 200_000, 2_000)]
    assert pa.total_allocated_bytes() > 150 * 2**20
    held = rss()
    del texts
    release_memory()
    released = rss()
    assert base is not None and held is not None and released is not None
    assert held - base > 150 * 2**20
    assert released - base < (held - base) / 2


def test_release_without_collecting(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    calls: list[str] = []

    def collect(*args: object) -> int:
        calls.append("collect")
        return 0

    def trim(pad: int) -> int:
        calls.append(f"trim {pad}")
        return 1

    monkeypatch.setattr(gc, "collect", collect)
    monkeypatch.setattr(_memory, "_malloc_trim", lambda: trim)
    release_memory(collect=False)
    assert calls == ["trim 0"]
    release_memory()
    assert calls == ["trim 0", "collect", "trim 0"]
