"""Throughput of ``mediakit.analyze`` against what a pandas user writes today.

Baseline (one process, one core): ``df.text.map(textstat.<formula>)`` for the seven
readability formulas, plus ``SentimentIntensityAnalyzer().polarity_scores`` on each
sentence of each article (the same sentences mediakit scores, split with mediakit's
splitter inside the timed baseline). mediakit:
``mediakit.analyze(df)``, which computes all of that *and* word choice, hedges and tone.
Both run in this process, side by side, ``--repeat`` times; caches (textstat's, Pyphen's
and mediakit's) are cleared before every run, so each run pays what a fresh process pays.
The script checks that the numbers are identical and prints medians and the ratio.

Run: ``.venv/bin/python benchmarks/bench_analyze.py --n 2000 --repeat 3``
(needs ../shared/corpora/allsides/articles.jsonl.gz). ``--families all`` times
``mediakit.analyze`` with every family, source attribution included (what ``analyze(df)``
does by default), against the same baseline.

``--clock cpu`` times each side by the CPU time of its process instead of the wall clock:
on a shared machine, time lost to other processes is then not charged to either side.

Before/after: ``--against DIR`` (a checkout of an older mediakit, e.g. ``git worktree add
/tmp/old HEAD~5``) runs, ``--repeat`` rounds, one fresh process per side and round, interleaved
(this tree, then the old one), each timing the baseline and ``mediakit.analyze`` once with cold
caches; it prints the medians and each process's speed-up over the baseline it timed next to it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_readability import clear_pyphen_cache, clear_textstat_caches  # noqa: E402

import mediakit  # noqa: E402
from mediakit import datasets  # noqa: E402
from mediakit.metrics import readability as rd  # noqa: E402
from mediakit.metrics import sentiment as sm  # noqa: E402
from mediakit.metrics.analyze import FAMILIES as ALL_FAMILIES  # noqa: E402
from mediakit.text import clear_chunk_caches, split_sentences  # noqa: E402

#: The families the baseline's numbers come from, plus word choice (the issue's "all of the
#: above"); source attribution (attr_) is measured by benchmarks/bench_attribution.py, and
#: here with ``--families all``.
FAMILIES = ("readability", "sentiment", "word_choice")
#: ``--families``: the choices and the families each times.
FAMILY_SETS = {"core": FAMILIES, "all": ALL_FAMILIES}

FORMULAS = rd.READABILITY_FORMULAS  # read_ column -> textstat function name


def baseline(df: pd.DataFrame) -> tuple[pd.DataFrame, list[float]]:
    """What a pandas user writes: textstat per formula, then VADER per sentence.

    The sentences are split with mediakit's splitter (the same sentences mediakit
    scores; a user needs *some* splitter), and that split is timed with the baseline.
    """
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sentences = [[t[s.start:s.end] for s in split_sentences(t)] for t in df.text]
    out = pd.DataFrame(index=df.index)
    for col, fn in FORMULAS.items():
        out[col] = df.text.map(getattr(textstat, fn))
    analyzer = SentimentIntensityAnalyzer()
    compounds = [analyzer.polarity_scores(s)["compound"] for sents in sentences for s in sents]
    return out, compounds


def clear_all() -> None:
    clear_textstat_caches()
    clear_pyphen_cache()
    rd.clear_caches()
    sm._cached_scores.cache_clear()
    sm._tone_valence.cache_clear()
    clear_chunk_caches()  # the chunk vocabulary and everything computed from it; words_of
    gc.collect()


#: ``--clock``: wall time, or the CPU time of this process (steadier on a shared, loaded machine:
#: the time other processes take from the cores is not counted; both sides are single-threaded).
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def measure(n: int, repeat: int, families: tuple[str, ...] = FAMILIES, clock: str = "wall") -> dict[str, Any]:
    """Time the baseline and ``mediakit.analyze(df, families=families)`` ``repeat`` times each,
    interleaved, caches cleared."""
    now = CLOCKS[clock]
    df = datasets.load_allsides(limit=n)
    df = df[df.text.str.strip().astype(bool)].reset_index(drop=True)
    n_sent = sum(len(split_sentences(t)) for t in df.text)
    rd.ensure_offline_cmudict()
    mediakit.analyze(df.head(5), families=families)  # import and build lexicon matchers once (not timed)
    base_t, ours_t = [], []
    for _ in range(repeat):
        clear_all()
        t = now()
        base, base_compounds = baseline(df)
        base_t.append(now() - t)
        clear_all()
        t = now()
        ours = mediakit.analyze(df, families=families, progress=False)
        ours_t.append(now() - t)
    # identical numbers
    mismatches = 0
    for col in FORMULAS:
        mismatches += int((~((base[col] - ours[col]).abs() <= 1e-9)).sum())
    sent = mediakit.sentences(df)
    if sent["compound"].tolist() != base_compounds:
        mismatches += sum(a != b for a, b in zip(sent["compound"].tolist(), base_compounds, strict=False)) or 1
    return {"articles": len(df), "sentences": n_sent, "baseline": base_t, "mediakit": ours_t,
            "mismatches": mismatches}


def _child(tree: Path, n: int, families: str, clock: str = "wall") -> dict[str, Any]:
    """:func:`measure` once in a fresh process importing mediakit from ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    if "MEDIAKIT_CORPORA" not in env:
        env["MEDIAKIT_CORPORA"] = str(datasets.corpora_dir())
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--n", str(n), "--repeat", "1",
                          "--families", families, "--clock", clock,
                          "--json-line"], env=env, cwd=tree, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def against(old: Path, n: int, repeat: int, families: str = "core", clock: str = "wall") -> int:
    """Interleaved fresh processes of this tree and of ``old``: medians and per-process speed-ups."""
    new = Path(__file__).resolve().parent.parent
    runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
    for r in range(repeat):
        for side, tree in (("new", new), ("old", old)):
            runs[side].append(_child(tree, n, families, clock))
            res = runs[side][-1]
            print(f"round {r + 1} {side}: baseline {res['baseline'][0]:.2f} s, "
                  f"mediakit {res['mediakit'][0]:.2f} s", file=sys.stderr)
    first = runs["new"][0]
    print(f"families: {families}  clock: {clock}  articles: {first['articles']}  sentences: {first['sentences']}"
          f"  fresh processes per side: {repeat}"
          f"  load average now: {os.getloadavg()[0]:.1f}")
    print(f"{'side':<5} {'baseline s':>11} {'mediakit s':>11} {'art/s':>7} {'speed-up (median of runs)':>27}"
          f"  per-run speed-ups  mismatches")
    bad = 0
    for side in ("old", "new"):
        b = [x["baseline"][0] for x in runs[side]]
        o = [x["mediakit"][0] for x in runs[side]]
        ratios = [x / y for x, y in zip(b, o, strict=True)]
        mism = sum(int(x["mismatches"]) for x in runs[side])
        bad += mism
        print(f"{side:<5} {statistics.median(b):>11.2f} {statistics.median(o):>11.2f} "
              f"{int(first['articles']) / statistics.median(o):>7.0f} "
              f"{statistics.median(ratios):>26.1f}x  {[round(x, 1) for x in ratios]}  {mism}")
    return 0 if bad == 0 else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="AllSides articles (default 2000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each side (default 3)")
    ap.add_argument("--against", type=Path, default=None,
                    help="an older mediakit checkout: fresh processes of both trees, interleaved")
    ap.add_argument("--families", choices=sorted(FAMILY_SETS), default="core",
                    help="core: readability, sentiment, word choice (default); all: attribution too")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                    help="wall time (default) or this process's CPU time (steadier on a busy machine)")
    ap.add_argument("--json-line", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.against is not None:
        return against(args.against.resolve(), args.n, args.repeat, args.families, args.clock)
    res = measure(args.n, args.repeat, FAMILY_SETS[args.families], args.clock)
    if args.json_line:
        print(json.dumps(res))
        return 0
    base_t, ours_t = res["baseline"], res["mediakit"]
    n, mismatches = res["articles"], res["mismatches"]
    b, o = statistics.median(base_t), statistics.median(ours_t)
    print(f"families: {', '.join(FAMILY_SETS[args.families])}  clock: {args.clock}  articles: {n}"
          f"  sentences: {res['sentences']}"
          f"  runs: {args.repeat}")
    print(f"baseline (textstat x7 + VADER per sentence): median {b:.2f} s  runs {[round(x, 2) for x in base_t]}")
    print(f"mediakit.analyze ({args.families} families): median {o:.2f} s  runs {[round(x, 2) for x in ours_t]}")
    print(f"throughput: baseline {n / b:.0f} articles/s, mediakit {n / o:.0f} articles/s")
    ratios = [x / y for x, y in zip(base_t, ours_t, strict=True)]
    print(f"speed-up: {b / o:.1f}x (ratio of medians); per-run ratios {[round(r, 1) for r in ratios]}, "
          f"median {statistics.median(ratios):.1f}x   mismatching values: {mismatches}")
    return 0 if mismatches == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
