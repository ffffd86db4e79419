"""The framing tests' work in cache-sized pieces gives the numbers of the work a chunk at a time, to the bit."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest

from mediakit.compare import _framing as fr
from mediakit.compare import _framing_stats as fs
from mediakit.compare import cluster_bootstrap, find_framing_differences
from mediakit.compare._framing_stats import (SmallStop, Tally, chunk_rows, count_test, score_test, shuffled_labels,
                                             strata_codes)
from mediakit.compare._stats import boot_means


def _data(n: int, strata: int, seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    counts = rng.poisson(1.0, (n, 4)).astype(float)
    labels = rng.random(n) < 0.4
    counts[labels, 0] += rng.poisson(0.4, int(labels.sum()))  # a faint difference: p-values between the stops
    return counts, labels, rng.integers(0, strata, n)


def _spy_pieces(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The rows of every piece of shuffles drawn from now on."""
    seen: list[int] = []
    real = fs.shuffled_labels

    def spied(*args, **kw) -> Iterator[np.ndarray]:
        for piece in real(*args, **kw):
            seen.append(len(piece))
            yield piece

    monkeypatch.setattr(fs, "shuffled_labels", spied)
    return seen


@pytest.mark.parametrize("strata", [1, 3])
@pytest.mark.parametrize("block", [1, 500, 1300])
def test_pieces_are_the_chunks_in_order(strata: int, block: int) -> None:
    _, labels, codes = _data(300, strata)
    chunks = list(shuffled_labels(labels, codes, 700, np.random.default_rng(5), float))
    pieces = list(shuffled_labels(labels, codes, 700, np.random.default_rng(5), float, block))
    assert np.array_equal(np.vstack(chunks), np.vstack(pieces))
    ends = set(np.cumsum([len(p) for p in pieces]).tolist())
    assert set(np.cumsum([len(c) for c in chunks]).tolist()) <= ends  # no piece spans two chunks
    assert [len(c) for c in chunks] == [250, 250, 200] and chunk_rows(300) == 250
    assert max(len(p) for p in pieces) == max(1, block // 300)


@pytest.mark.parametrize("strata", [1, 4])
def test_count_and_score_tests_in_pieces_are_the_tests_in_chunks(monkeypatch: pytest.MonkeyPatch,
                                                                  strata: int) -> None:
    counts, labels, codes = _data(150, strata)
    whole_x = counts[:, 0] * 3 + counts[:, 1]  # whole values: the score test's products in pieces too
    monkeypatch.setattr(fs, "MAX_CELLS", 150 * 37)  # chunks of 37 shuffles: pieces end inside them and at their end
    seen = _spy_pieces(monkeypatch)
    results = {}
    for block in (10**9, 600):  # a chunk per piece, then 4 rows a piece
        monkeypatch.setattr(fs, "BLOCK_CELLS", block)
        seen.clear()
        got = []
        for test, data in ((count_test, counts), (score_test, whole_x)):
            rng = np.random.default_rng(7)
            got.append((test(data, labels, codes, 3000, rng, SmallStop(37 * 14, 1)), rng.random()))
            rng, tally = np.random.default_rng(7), Tally()
            got.append(test(data, labels, codes, 3000, rng, None, 500, tally))
            got.append((test(data, labels, codes, 3000, rng, None, 0, tally), rng.random()))  # resumed
        results[block] = (got, max(seen))
    assert results[10**9][1] == 37 and results[600][1] == 4
    assert results[10**9][0] == results[600][0]
    p = [r[0].pvalue for r in results[600][0] if isinstance(r, tuple) and hasattr(r[0], "pvalue")]
    assert all(0.002 < x < 1 for x in p)  # tests that count hits over many chunks, not a pilot's stop


def test_values_that_are_not_whole_are_multiplied_a_chunk_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    counts, labels, codes = _data(150, 1)
    seen = _spy_pieces(monkeypatch)
    monkeypatch.setattr(fs, "BLOCK_CELLS", 600)
    score_test(counts[:, 0] + 0.5, labels, codes, 600, np.random.default_rng(1))
    assert seen == [250, 250, 100]  # the product's rounding stays that of the chunk's
    seen.clear()
    count_test(counts, labels, codes, 600, np.random.default_rng(1))
    assert max(seen) == 4


@pytest.mark.parametrize("n", [1, 7, 300, 301, 4999, 70_000])  # odd: a piece that ends mid 64-bit draw
@pytest.mark.parametrize("scale", [1.0, 0.5, 1e9])
def test_pair_bootstrap_is_the_cluster_bootstrap(n: int, scale: float) -> None:
    rng = np.random.default_rng(n)
    num = rng.integers(0, 3, n).astype(float)
    pair = np.column_stack([num, num + rng.integers(0, 4, n)]) * scale  # 0.5: not whole; 1e9: sums past 31 bits
    n_boot = 300 if n < 70_000 else 20
    got = fs._pair_bootstrap(pair, n_boot, np.random.default_rng(4))
    assert np.array_equal(got, cluster_bootstrap(pair, n_boot, np.random.default_rng(4)))
    assert got.shape == (n_boot, 2)


@pytest.mark.parametrize("n", [1, 50, 301, 3000])
def test_boot_means_in_small_chunks_are_the_same(n: int) -> None:
    x = np.random.default_rng(n).normal(size=n) * 1e3
    assert np.array_equal(boot_means(x, 700, np.random.default_rng(2)),
                          boot_means(x, 700, np.random.default_rng(2), cells=997))


def test_strata_without_events_are_one() -> None:
    setup = fr._Setup(by="outlet", event=None, min_n=5, n_perm=10, n_boot=10, ci=0.95, seed=0, lookup=None)
    events = np.array(["None"] * 6, dtype=object)  # the events of a table without any, as the rows read them
    got, expected = fr._strata(events, setup), strata_codes(events, 6)
    assert got.dtype == expected.dtype and np.array_equal(got, expected)
    with_events = fr._Setup(**{**setup.__dict__, "event": "event"})
    named = np.array(["b", "a", "b", "c", "a", "a"], dtype=object)
    assert fr._strata(named, with_events).tolist() == [1, 0, 1, 2, 0, 0]


def _word_choice(n: int = 45) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    outlets = np.repeat(["A", "B", "C"], n)
    ids = [f"a{i}" for i in range(len(outlets))]
    rows = []
    for i, (a, o) in enumerate(zip(ids, outlets, strict=True)):
        for _ in range(1 + int(rng.integers(0, 3))):
            w = {"A": 0.7, "B": 0.5, "C": 0.45}[o]
            rows.append({"article_id": a, "outlet": o, "event": f"e{i % 9}", "family": "rulers",
                         "variant": "regime" if rng.random() < w else "government"})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("event", [None, "event"])
def test_a_table_in_pieces_is_the_table_in_chunks(monkeypatch: pytest.MonkeyPatch, event: str | None) -> None:
    wc = _word_choice()
    seen = _spy_pieces(monkeypatch)
    monkeypatch.setattr(fs, "BLOCK_CELLS", 10**9)
    whole = find_framing_differences(wc, event=event, n_perm=2000, n_boot=200)
    assert max(seen) == 250
    monkeypatch.setattr(fs, "BLOCK_CELLS", 700)
    seen.clear()
    pieces = find_framing_differences(wc, event=event, n_perm=2000, n_boot=200)
    assert max(seen) < 25  # every chunk in pieces
    pd.testing.assert_frame_equal(whole, pieces, check_exact=True)
    assert whole["p_value"].notna().sum() == 3 and whole["diff_ci_low"].notna().all()
