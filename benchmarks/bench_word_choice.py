"""Benchmark: word-choice matching and metrics on N AllSides articles.

Times, on the same ``N`` articles (title and body), ``--repeat`` runs each, and reports the
median in articles per second:

1. ``framing``: the default lexicon's compiled matcher on title and body (what "matching the
   whole default lexicon" costs: :func:`mediakit.lexicon.prepare` plus ``Matcher.find``);
2. ``framing+markers``: both shipped lexicons on title and body, sharing one preparation (the
   matching that :func:`word_choice_metrics` does);
3. ``word_choice(df)``: the long match table for the framing lexicon (title, body, captions);
4. ``word_choice_metrics(df)``: the whole per-article table, which also counts the body's words
   with :func:`mediakit.text.count_words` (timed alone as ``count_words``).

Compiling the lexicons happens once per process and is timed separately, before the runs
(``load_lexicon`` caches the lexicon and its matcher).

Usage::

    python benchmarks/bench_word_choice.py              # N=2000, 3 repeats
    python benchmarks/bench_word_choice.py --n 5000 --repeat 5 --min-rate 2000

``--min-rate R`` makes the script exit with status 1 if the ``framing`` rate is below R
articles/s. The corpus is read from ``../shared/corpora/allsides/articles.jsonl.gz`` beside the
project (override with ``--corpus``); the first N records with a non-empty ``content_original``
are used.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_readability import load_allsides  # noqa: E402  (one AllSides reader for the benchmarks)

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2] / "shared" / "corpora" / "allsides" / "articles.jsonl.gz"
)


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (default 3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="AllSides JSONL.gz")
    parser.add_argument("--min-rate", type=float, default=0.0,
                        help="fail (exit 1) if framing matching is slower than this (articles/s)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from mediakit.text import count_words, words_of
    from mediakit.lexicon import load_lexicon, prepare
    from mediakit.metrics.word_choice import word_choice, word_choice_metrics

    df = load_allsides(args.corpus, args.n)
    n = len(df)
    chars = int(df.text.str.len().sum() + df.title.str.len().sum())
    print(f"{n} AllSides articles, {chars / 1e6:.1f} M characters (title + body), "
          f"{chars / n:,.0f} per article")

    t0 = time.perf_counter()
    framing = load_lexicon()
    fm = framing.matcher()
    t1 = time.perf_counter()
    markers = load_lexicon("markers")
    mm = markers.matcher()
    t2 = time.perf_counter()
    print(f"compile once: framing {framing!r} in {t1 - t0:.3f} s ({fm.n_patterns} patterns); "
          f"markers {markers!r} in {t2 - t1:.3f} s ({mm.n_patterns} patterns)")

    titles = df.title.tolist()
    texts = df.text.tolist()

    def framing_only() -> int:
        k = 0
        for title, text in zip(titles, texts, strict=True):
            k += len(fm.find(prepare(title))) + len(fm.find(prepare(text)))
        return k

    def both() -> int:
        k = 0
        for title, text in zip(titles, texts, strict=True):
            p = prepare(text)
            k += len(fm.find(prepare(title))) + len(fm.find(p)) + len(mm.find(p))
        return k

    def words() -> int:
        words_of.cache_clear()  # count_words memoises its tokenisation: time the real work
        return sum(count_words(t) for t in texts)

    n_framing = framing_only()
    n_both = both()
    results = [
        ("framing (title + body)", timed(framing_only, args.repeat)),
        ("framing+markers (title + body)", timed(both, args.repeat)),
        ("word_choice(df)", timed(lambda: word_choice(df), args.repeat)),
        ("word_choice_metrics(df)", timed(lambda: word_choice_metrics(df), args.repeat)),
        ("count_words(body) alone", timed(words, args.repeat)),
    ]
    print(f"matches: framing {n_framing:,} ({n_framing / n:.1f}/article), "
          f"framing+markers {n_both:,} ({n_both / n:.1f}/article)")
    print()
    print(f"median of {args.repeat} runs, {n} articles, one core:")
    for label, (med, times) in results:
        runs = ", ".join(f"{t:.3f}" for t in times)
        print(f"  {label:32s} {med:7.3f} s  {n / med:8,.0f} articles/s  "
              f"{1e6 * med / n:7.1f} us/article   (runs: {runs})")
    rate = n / results[0][1][0]
    if args.min_rate and rate < args.min_rate:
        print(f"FAIL: framing matching {rate:,.0f} articles/s < --min-rate {args.min_rate:,.0f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
