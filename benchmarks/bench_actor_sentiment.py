"""Benchmark: target sentiment per mention, the trained model against the rule-based score.

Times, on the same NewsMTSC mentions (sentence and target offsets), ``--repeat`` interleaved
runs of each method and reports the median in mentions per second and the median of the
per-run time ratios new/old (``model`` / ``target``; below 1.0 is faster). The whole-sentence VADER baseline is
timed too. The model is loaded once before the runs (``load_model`` caches it).

Usage::

    python benchmarks/bench_actor_sentiment.py                  # dev-rw + dev-mt, 5 repeats
    python benchmarks/bench_actor_sentiment.py --split train --n 3000 --repeat 3 --max-ratio 1.0

``--max-ratio R`` makes the script exit with status 1 when the model's median time is more
than R times the rule-based score's. The corpus is read from ``newsmtsc/`` in
:func:`mediakit.datasets.corpora_dir` (override with ``--corpora``).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from mediakit.actors import evaluate_target_sentiment, load_model, target_sentiment
from mediakit.actors._evaluation import read_newsmtsc
from mediakit.datasets import corpora_dir


def _time(rows: list[dict[str, Any]], method: str, repeat: int) -> float:
    """Median seconds of ``repeat`` passes of ``target_sentiment`` over ``rows``."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for r in rows:
            target_sentiment(r["sentence"], r["from"], r["to"], method=method)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", nargs="+", default=["dev-rw", "dev-mt"])
    ap.add_argument("--corpora", default=None)
    ap.add_argument("--n", type=int, default=0, help="first N mentions only (0: all)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--max-ratio", type=float, default=None)
    ap.add_argument("--f1", action="store_true", help="also print macro-F1 of each method per split")
    args = ap.parse_args(argv)
    root = Path(args.corpora) if args.corpora else corpora_dir()
    rows: list[dict[str, Any]] = []
    for split in args.split:
        rows.extend(read_newsmtsc(root / "newsmtsc" / f"{split}.jsonl"))
    if args.n:
        rows = rows[:args.n]
    load_model()
    for method in ("model", "target", "sentence"):  # warm caches (lexicons, VADER)
        target_sentiment("Smith praised the deal.", 0, 5, method=method)
    # interleaved: each repeat times every method once, so load changes on a shared machine hit all alike
    runs: dict[str, list[float]] = {m: [] for m in ("target", "model", "sentence")}
    for _ in range(args.repeat):
        for m in runs:
            runs[m].append(_time(rows, m, 1))
    med = {m: statistics.median(t) for m, t in runs.items()}
    print(f"{len(rows)} mentions from {'+'.join(args.split)}, median of {args.repeat} interleaved runs")
    for m, t in med.items():
        print(f"  {m:8s} {t:7.3f} s  {len(rows) / t:9.0f} mentions/s  {1e6 * t / len(rows):7.1f} us/mention")
    ratio = statistics.median(a / b for a, b in zip(runs["model"], runs["target"], strict=True))
    print(f"  ratio new/old (model/target), median of the per-run ratios: {ratio:.3f}")
    if args.f1:
        for split in args.split:
            path = root / "newsmtsc" / f"{split}.jsonl"
            f1 = {m: round(evaluate_target_sentiment(path, m).macro_f1, 4) for m in ("model", "target", "sentence")}
            print(f"  macro-F1 {split}: {f1}")
    if args.max_ratio is not None and ratio > args.max_ratio:
        print(f"FAIL: ratio {ratio:.3f} > {args.max_ratio}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
