"""Benchmark: ``actor_labels`` on one process against several (``n_jobs``), each call in a fresh process.

Each round runs, in alternating order, one fresh Python process per ``--n-jobs`` value; the process
loads the first ``--n`` AllSides articles, then times one ``actor_labels(articles, n_jobs=K)`` call
(default options): wall seconds, CPU seconds of the whole process tree (this process and the
workers, sampled every 50 ms by a psutil thread: a worker's last 50 ms may be missed) and the peak
of the RSS summed over the process tree, with the RSS before the call. It
prints each run, the medians per ``n_jobs`` and the median per-round ratios against the first value,
and checks that every run gives the same table (a hash of every cell)::

    python benchmarks/bench_actor_labels_jobs.py --n 6000 --rounds 3 --n-jobs 1,2

Summed RSS counts a page shared by two processes twice; the peak of the summed PSS (proportional set
size, sampled every 0.5 s) counts it once.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import warnings
from typing import Any


class _TreeSampler:
    """Peak summed RSS and the last CPU times of this process and its descendants (psutil, every 50 ms)."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peak = self.peak_pss = 0
        self.cpu: dict[int, float] = {}
        self.stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)

    def sample(self, pss: bool = False) -> None:
        import psutil

        total = total_pss = 0
        for p in [self.me, *self.me.children(recursive=True)]:
            try:
                total += p.memory_info().rss
                if pss:
                    total_pss += _pss(p.pid)
                if p.pid != self.me.pid:
                    t = p.cpu_times()
                    self.cpu[p.pid] = t.user + t.system
            except (psutil.Error, OSError):
                pass
        self.peak = max(self.peak, total)
        self.peak_pss = max(self.peak_pss, total_pss)

    def _run(self) -> None:
        k = 0
        while not self.stop:
            self.sample(pss=k % 10 == 0)  # PSS (every 0.5 s): shared pages counted once
            k += 1
            time.sleep(0.05)


def _pss(pid: int) -> int:
    """Proportional set size of a process in bytes (Linux ``smaps_rollup``)."""
    with open(f"/proc/{pid}/smaps_rollup") as fh:
        for line in fh:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def _child(n: int, n_jobs: int) -> None:
    """One measured call; prints a JSON line."""
    import pandas as pd

    from mediakit.actors import actor_labels
    from mediakit.datasets import load_allsides

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = load_allsides(limit=n, progress=False)
    sampler = _TreeSampler()
    sampler.sample(pss=True)
    before, before_pss = sampler.peak, sampler.peak_pss
    sampler.thread.start()
    t0, c0 = time.perf_counter(), time.process_time()
    table = actor_labels(articles, n_jobs=n_jobs)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    sampler.stop = True
    sampler.thread.join()
    digest = int(pd.util.hash_pandas_object(table.astype(str), index=True).sum()) & 0xFFFFFFFFFFFF
    print(json.dumps({"n_jobs": n_jobs, "wall": wall, "cpu": cpu + sum(sampler.cpu.values()),
                      "rss_before": before / 2**20, "rss_peak": sampler.peak / 2**20,
                      "pss_before": before_pss / 2**20, "pss_peak": sampler.peak_pss / 2**20, "rows": len(table),
                      "hash": digest}))


def _run(n: int, n_jobs: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", "--n", str(n), "--n-jobs", str(n_jobs)],
                         check=True, capture_output=True, text=True, env=dict(os.environ, MEDIAKIT_NO_PROGRESS="1"))
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 1 when the tables differ."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=6000, help="AllSides articles (first N)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds (each runs every n_jobs value once)")
    ap.add_argument("--n-jobs", default="1,2", help="comma-separated n_jobs values")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    values = [int(v) for v in str(args.n_jobs).split(",")]
    if args.child:
        _child(args.n, values[0])
        return 0
    print(f"actor_labels on the first {args.n} AllSides articles; {args.rounds} rounds, n_jobs {values}; "
          "fresh process per run (seconds, MiB)")
    runs: dict[int, list[dict[str, Any]]] = {v: [] for v in values}
    for r in range(args.rounds):
        for v in (values if r % 2 == 0 else values[::-1]):
            res = _run(args.n, v)
            runs[v].append(res)
            print(f"round {r + 1} n_jobs={v}: wall {res['wall']:.1f}  cpu {res['cpu']:.1f}  RSS before "
                  f"{res['rss_before']:.0f} peak {res['rss_peak']:.0f} (+{res['rss_peak'] - res['rss_before']:.0f}), PSS peak "
                  f"{res['pss_peak']:.0f} (+{res['pss_peak'] - res['pss_before']:.0f})  "
                  f"{res['rows']} rows", flush=True)
    first = values[0]
    for v in values:
        med = {k: statistics.median(x[k] for x in runs[v])
               for k in ("wall", "cpu", "rss_peak", "rss_before", "pss_peak", "pss_before")}
        line = (f"n_jobs={v}: median wall {med['wall']:.1f} s, cpu {med['cpu']:.1f} s, peak RSS {med['rss_peak']:.0f} "
                f"MiB (+{med['rss_peak'] - med['rss_before']:.0f}), peak PSS {med['pss_peak']:.0f} MiB "
                f"(+{med['pss_peak'] - med['pss_before']:.0f})")
        if v != first:
            wr = statistics.median(a["wall"] / b["wall"] for a, b in zip(runs[first], runs[v], strict=True))
            cr = statistics.median(b["cpu"] / a["cpu"] for a, b in zip(runs[first], runs[v], strict=True))
            line += f"; wall speed-up {wr:.2f}x (median of rounds), CPU {cr:.2f}x of n_jobs={first}"
        print(line)
    hashes = {x["hash"] for v in values for x in runs[v]}
    print("tables identical" if len(hashes) == 1 else f"TABLES DIFFER: {len(hashes)} hashes")
    return 0 if len(hashes) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
