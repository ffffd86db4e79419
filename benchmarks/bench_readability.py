"""Benchmark: mediakit.metrics.readability.readability() against textstat called per formula.

The baseline is what a notebook would do: ``df.text.map(textstat.<formula>)`` for each of the
seven formulas of :data:`READABILITY_FORMULAS` (with textstat made to work offline by
:func:`ensure_offline_cmudict`, as otherwise it cannot run here at all). Both are timed in the
same process on the same ``N`` AllSides articles, ``--repeat`` times, alternating; the script
reports the median times and their ratio, and fails (exit status 1) if any number differs.

Caches, so that the comparison is fair and stated:

- textstat keeps an ``lru_cache`` of 128 entries per internal function; they are cleared before
  every baseline run (over 2,000 articles per formula they would not help anyway).
- Pyphen (used by both for words missing from the CMU dictionary) keeps an unbounded per-word
  cache shared by all its users; it is cleared before every baseline run and every cold run.
- readability() caches the analysis of each distinct whitespace-separated chunk for the life of
  the process. "cold" runs clear that cache first (what a fresh process pays); "warm" runs do
  not (what the second of several corpora, or a re-run in a notebook, pays). The speed-up quoted
  is the cold one.
- The CMU dictionary (about 0.8 s to load), Pyphen's patterns and the easy-word list are loaded
  before any timing, for both.

Usage::

    python benchmarks/bench_readability.py            # N=2000, 3 repeats
    python benchmarks/bench_readability.py --n 500 --repeat 5

The corpus is read from ``../shared/corpora/allsides/articles.jsonl.gz`` beside the project
(override with ``--corpus``); the first N records with a non-empty ``content_original`` are used.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "corpora" / "allsides" / "articles.jsonl.gz"
)


def load_allsides(path: Path, n: int) -> pd.DataFrame:
    """Return the first ``n`` AllSides articles with a body (read by :mod:`mediakit.datasets`)."""
    from mediakit import datasets

    parts: list[pd.DataFrame] = []
    found = 0
    for chunk in datasets.load_allsides(path, chunksize=1000):
        chunk = chunk[chunk["text"].str.strip().astype(bool)]
        parts.append(chunk[["article_id", "title", "text"]])
        found += len(chunk)
        if found >= n:
            break
    return pd.concat(parts).head(n).reset_index(drop=True)


def clear_pyphen_cache() -> None:
    """Empty Pyphen's per-word hyphenation cache, shared by every Pyphen("en_US") object.

    Both textstat and readability() call Pyphen for words missing from the CMU dictionary,
    through the same cached HyphDict: whoever runs second would get it warm for free.
    """
    import pyphen

    for hyph_dict in pyphen.hdcache.values():
        hyph_dict.cache.clear()


def clear_textstat_caches() -> None:
    """Clear every lru_cache inside textstat's backend, and Pyphen's word cache."""
    for name, module in list(sys.modules.items()):
        if name == "textstat" or name.startswith("textstat."):
            for attr, value in list(vars(module).items()):
                if attr in ("get_cmudict", "get_pyphen", "get_lang_easy_words"):
                    continue  # resources loaded once per process, for both sides
                cache_clear = getattr(value, "cache_clear", None)
                owner = getattr(value, "__module__", "") or ""
                if callable(cache_clear) and owner.startswith("textstat"):
                    cache_clear()
    clear_pyphen_cache()


def run_baseline(df: pd.DataFrame, formulas: dict[str, str]) -> pd.DataFrame:
    import textstat

    return pd.DataFrame(
        {column: df.text.map(getattr(textstat, name)) for column, name in formulas.items()}
    )


def compare(baseline: pd.DataFrame, ours: pd.DataFrame) -> int:
    """Return the number of values that differ (NaN never equals anything here)."""
    bad = 0
    for column in baseline.columns:
        for i, (a, b) in enumerate(zip(baseline[column].tolist(), ours[column].tolist(), strict=True)):
            if not (a == b or abs(a - b) <= 1e-9):
                bad += 1
                if bad <= 10:
                    print(f"  MISMATCH row {i} {column}: textstat={a!r} mediakit={b!r}")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="AllSides JSONL.gz")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from mediakit.metrics import _textstat
    from mediakit.metrics import readability as rd

    df = load_allsides(args.corpus, args.n)
    n_words = int(df.text.str.split().str.len().sum())
    import textstat

    print(f"{len(df)} AllSides articles, {n_words:,} whitespace tokens, "
          f"{df.text.str.len().sum() / 1e6:.1f} M characters; Python "
          f"{sys.version.split()[0]}, textstat {'.'.join(map(str, textstat.__version__))}")

    rd.ensure_offline_cmudict()
    _textstat.backend()  # load dictionary, Pyphen and easy words outside the timings
    formulas = rd.READABILITY_FORMULAS

    base_times: list[float] = []
    cold_times: list[float] = []
    warm_times: list[float] = []
    mismatches = 0
    for run in range(1, args.repeat + 1):
        clear_textstat_caches()
        gc.collect()
        t0 = time.perf_counter()
        baseline = run_baseline(df, formulas)
        base_times.append(time.perf_counter() - t0)

        rd.clear_caches()
        clear_pyphen_cache()
        gc.collect()
        t0 = time.perf_counter()
        ours = rd.readability(df)
        cold_times.append(time.perf_counter() - t0)

        gc.collect()
        t0 = time.perf_counter()
        ours_warm = rd.readability(df)
        warm_times.append(time.perf_counter() - t0)

        mismatches += compare(baseline, ours) + compare(baseline, ours_warm)
        print(f"run {run}: textstat x7 {base_times[-1]:7.2f} s | readability() cold "
              f"{cold_times[-1]:6.3f} s ({base_times[-1] / cold_times[-1]:5.1f}x), warm "
              f"{warm_times[-1]:6.3f} s ({base_times[-1] / warm_times[-1]:5.1f}x)")

    base = statistics.median(base_times)
    cold = statistics.median(cold_times)
    warm = statistics.median(warm_times)
    print()
    print(f"median over {args.repeat} runs, {len(df)} articles:")
    print(f"  baseline  df.text.map(textstat.<f>) x 7 : {base:8.3f} s "
          f"({1e3 * base / len(df):.2f} ms/article)")
    print(f"  readability(df), cold chunk cache       : {cold:8.3f} s "
          f"({1e3 * cold / len(df):.3f} ms/article)  speed-up {base / cold:6.1f}x")
    print(f"  readability(df), warm chunk cache       : {warm:8.3f} s "
          f"({1e3 * warm / len(df):.3f} ms/article)  speed-up {base / warm:6.1f}x")
    total = len(df) * len(formulas) * 2 * args.repeat
    if mismatches:
        print(f"FAIL: {mismatches} of {total} values differ from textstat")
        return 1
    nan = int(ours[list(formulas)].isna().sum().sum())
    print(f"identical: all {total} formula values equal textstat's ({nan} NaN)")
    assert not any(math.isnan(v) for v in baseline.to_numpy().ravel())
    return 0


if __name__ == "__main__":
    sys.exit(main())
