"""Benchmark: ``actor_labels`` with nominal mentions against without them (issue 18).

The speed requirement of issue 18 is "actor_labels no slower than half today's throughput on
AllSides". Today's table is ``actor_labels(..., nominal=False)`` (the name mentions and their
labels exactly as before the nominal linker; the code path is the same up to the linker), so
both are timed in one process, interleaved, on the same articles: each round times, in CPU
seconds, one call of each variant over the first ``--n`` AllSides articles (actors discovered,
the default). It prints the medians, the median of the per-round ratios with/without and the
throughput (articles per second). ``--max-ratio R`` exits with status 1 when the median ratio is
above R (the requirement is R = 2.0).

Usage::

    python benchmarks/bench_actor_labels.py --n 2000 --rounds 3 --max-ratio 2.0

The corpus is read from ``allsides/`` in :func:`mediakit.datasets.corpora_dir` (override with
``--corpora``).

``--old CHECKOUT`` compares two revisions instead (issue 17, speed): the checkout's ``mediakit`` is
copied as ``mediakit_old`` (its imports and resource package names rewritten) so both import side
by side; each round times ``actor_labels`` with the default options on both, in alternating order,
checks the tables identical (every column, row and order; ``--allow-diff`` to time only) and
prints the median of the per-round ratios old/new (the speed-up) with its range::

    python benchmarks/bench_actor_labels.py --n 2000 --rounds 5 --old /tmp/base_f8c
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
from _old_checkout import import_old  # benchmarks/ is on sys.path when run as a script

from mediakit.actors import actor_labels
from mediakit.datasets import corpora_dir, load_allsides


def _time(articles: pd.DataFrame, nominal: bool) -> tuple[float, int]:
    """CPU seconds of one ``actor_labels`` call, and the number of nominal rows."""
    gc.collect()
    t0 = time.process_time()
    out = actor_labels(articles, nominal=nominal)
    dt = time.process_time() - t0
    return dt, int((out["label_kind"] == "nominal").sum())


def _versus(articles: pd.DataFrame, checkout: Path, rounds: int, allow_diff: bool) -> int:
    """Time this revision's ``actor_labels`` against the checkout's, interleaved; 1 on a table difference."""
    old_labels = import_old(checkout, "actors").actor_labels
    print(f"{len(articles)} AllSides articles; {rounds} interleaved rounds, old = {checkout} (CPU seconds)")
    ratios: list[float] = []
    times: dict[str, list[float]] = {"old": [], "new": []}
    for r in range(rounds):
        tables = {}
        for name in (("old", "new") if r % 2 == 0 else ("new", "old")):
            func = old_labels if name == "old" else actor_labels
            gc.collect()
            t0 = time.process_time()
            tables[name] = func(articles)
            times[name].append(time.process_time() - t0)
        ratios.append(times["old"][-1] / times["new"][-1])
        print(f"round {r + 1}: old {times['old'][-1]:.2f} s, new {times['new'][-1]:.2f} s, "
              f"speed-up {ratios[-1]:.3f}")
        if r == 0 and not allow_diff:
            pd.testing.assert_frame_equal(tables["new"], tables["old"])
            print(f"tables identical ({len(tables['new'])} rows)")
    m_old, m_new = statistics.median(times["old"]), statistics.median(times["new"])
    print(f"median: old {m_old:.2f} s ({1000 * m_old / len(articles):.1f} ms/article), new {m_new:.2f} s "
          f"({1000 * m_new / len(articles):.1f} ms/article); speed-up median {statistics.median(ratios):.3f} "
          f"(rounds {min(ratios):.3f}-{max(ratios):.3f})")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 1 when ``--max-ratio`` is exceeded."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="AllSides articles (first N)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (>= 3)")
    ap.add_argument("--max-ratio", type=float, default=None, help="fail above this median ratio")
    ap.add_argument("--corpora", type=Path, default=None, help="corpora folder")
    ap.add_argument("--old", type=Path, default=None, help="a checkout of another revision: old/new speed-up")
    ap.add_argument("--allow-diff", action="store_true", help="with --old: time only, tables may differ")
    args = ap.parse_args(argv)
    root = (args.corpora or corpora_dir()) / "allsides"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = load_allsides(root, limit=args.n)
    if args.old is not None:
        return _versus(articles, args.old, args.rounds, args.allow_diff)
    print(f"{len(articles)} AllSides articles; {args.rounds} interleaved rounds (CPU seconds)")
    old: list[float] = []
    new: list[float] = []
    ratios: list[float] = []
    n_nominal = 0
    for r in range(args.rounds):
        order = (False, True) if r % 2 == 0 else (True, False)
        times = {}
        for nominal in order:
            times[nominal], count = _time(articles, nominal)
            if nominal:
                n_nominal = count
        old.append(times[False])
        new.append(times[True])
        ratios.append(times[True] / times[False])
        print(f"round {r + 1}: nominal=False {times[False]:.2f} s, nominal=True {times[True]:.2f} s, "
              f"ratio {ratios[-1]:.3f}")
    m_old, m_new, m_ratio = statistics.median(old), statistics.median(new), statistics.median(ratios)
    print(f"median: nominal=False {m_old:.2f} s ({len(articles) / m_old:.0f} articles/s), "
          f"nominal=True {m_new:.2f} s ({len(articles) / m_new:.0f} articles/s); "
          f"median ratio {m_ratio:.3f}; {n_nominal} nominal rows")
    if args.max_ratio is not None and m_ratio > args.max_ratio:
        print(f"FAIL: median ratio {m_ratio:.3f} > {args.max_ratio}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
