"""Benchmark: loaded_words and analyze's loaded-language rates on N AllSides articles.

Times, on the same ``N`` articles (title and body), ``--repeat`` runs each, and reports the
median in articles per second, with the ratio to ``word_choice(df)`` (the framing lexicon's
long table) on the same articles as a baseline:

1. ``loaded_words(df, languages=None)``: the long table (title and body), no language step;
2. ``loaded_words(df)``: the same with the default ``languages="en"`` (detection included
   when the table has no ``language`` column);
3. ``loaded_rates(bodies)``: the two ``analyze`` columns (with the body word count);
4. ``word_choice(df)``: the baseline.

Loading and compiling the model happens once per process and is timed separately.

Usage::

    python benchmarks/bench_loaded.py                 # N=2000, 5 repeats
    python benchmarks/bench_loaded.py --n 5000 --min-rate 2000

``--min-rate R`` exits with status 1 if ``loaded_words(df, languages=None)`` is slower than R
articles/s. The corpus is ``../shared/corpora/allsides/articles.jsonl.gz`` (``--corpus``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_readability import load_allsides  # noqa: E402  (one AllSides reader for the benchmarks)
from bench_word_choice import DEFAULT_CORPUS, timed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (default 5)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="AllSides JSONL.gz")
    parser.add_argument("--min-rate", type=float, default=0.0,
                        help="fail (exit 1) if loaded_words is slower than this (articles/s)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from mediakit.metrics.loaded import flagged_lexicon, load_model, loaded_rates, loaded_words
    from mediakit.metrics.word_choice import word_choice

    df = load_allsides(args.corpus, args.n)
    n = len(df)
    t0 = time.perf_counter()
    scored = flagged_lexicon()
    scored.lexicon.matcher()
    print(f"{n} AllSides articles; model loaded and default selection compiled in {time.perf_counter() - t0:.3f} s "
          f"({len(load_model().terms)} candidate terms, {len(scored.lexicon.terms)} flagged by default)")
    texts = df.text.tolist()
    rows = len(loaded_words(df, languages=None))
    print(f"loaded words: {rows:,} ({rows / n:.1f}/article)")
    results = [
        ("loaded_words(df, languages=None)", timed(lambda: loaded_words(df, languages=None), args.repeat)),
        ("loaded_words(df)", timed(lambda: loaded_words(df), args.repeat)),
        ("loaded_rates(bodies)", timed(lambda: loaded_rates(texts), args.repeat)),
        ("word_choice(df) [baseline]", timed(lambda: word_choice(df, languages=None), args.repeat)),
    ]
    base = results[-1][1][0]
    print(f"median of {args.repeat} runs, {n} articles, one core:")
    for label, (med, times) in results:
        runs = ", ".join(f"{t:.3f}" for t in times)
        print(f"  {label:34s} {med:7.3f} s  {n / med:8,.0f} articles/s  x{base / med:5.2f} vs word_choice"
              f"   (runs: {runs})")
    rate = n / results[0][1][0]
    if args.min_rate and rate < args.min_rate:
        print(f"FAIL: loaded_words {rate:,.0f} articles/s < --min-rate {args.min_rate:,.0f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
