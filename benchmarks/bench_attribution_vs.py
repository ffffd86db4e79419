"""extract_attributions of this checkout against another revision's, in ONE process, alternating.

Run-to-run noise on a shared 2-core VM is larger than the differences a refactoring makes; timing
both versions in one process, interleaved, on the same texts, gives a paired ratio. The other
revision's ``mediakit`` package is copied to a temporary folder as ``mediakit_old`` (its absolute
``mediakit.`` imports and the resource packages it reads its lexicons from rewritten), so both
import side by side. Tables are checked identical (``--allow-diff``: only timed, for a revision that
changes the output).

    git worktree add /tmp/base <REV>
    .venv/bin/python benchmarks/bench_attribution_vs.py --old /tmp/base --rounds 5

``--chunk N`` pairs the two sides more closely: each round times the articles in chunks of ``N``, old
and new in turn on each chunk (which side goes first alternates), and sums each side over the chunks;
a change in the machine's load then hits both sides of a chunk alike. With ``--chunk``, both sides
first run once over all the articles (warm caches; the tables compared then).

``--gc-freeze`` collects the garbage and freezes every object alive (``gc.collect(); gc.freeze()``) before
each timed call, untimed: the collector's passes during a call then walk only what that call made, as in a
fresh process, instead of the whole heap of both sides' caches. Without it, a full collection (0.15-0.4 s
here) falls on whichever side happens to cross the collector's threshold, and decides ratios of a few
percent.

``--cold`` clears each side's per-phrase caches (its ``clear_caches()``, and the learned filter's
``clear_filter_caches()`` where the revision has one) before each timed call, untimed: each
call then pays what a fresh process pays, as in ``bench_attribution.py`` (a user runs a corpus once). Without
it both sides run warm, after one untimed pass over all the articles.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
from _old_checkout import import_old  # benchmarks/ is on sys.path when run as a script


def _all_caches(clear: Callable[[], None], filter_module: Any) -> Callable[[], None]:
    """``clear`` and, where the revision has it, the learned filter's ``clear_filter_caches`` (its weight sums and
    feature names per key), which the package's ``clear_caches`` leaves warm: a fresh process has neither."""
    extra = getattr(filter_module, "clear_filter_caches", None)

    def both() -> None:
        clear()
        if extra is not None:
            extra()
    return both


def _timed(side: Callable[[pd.DataFrame], Any], arts: pd.DataFrame, freeze: bool,
           clear: Callable[[], None] | None = None) -> tuple[float, Any]:
    """CPU seconds of ``side(arts)`` and its result; ``clear()`` called first (untimed); with ``freeze``, the
    heap collected and frozen first (untimed) and thawed after."""
    if clear is not None:
        clear()
    if freeze:
        gc.collect()
        gc.freeze()
    t = time.process_time()
    out = side(arts)
    dt = time.process_time() - t
    if freeze:
        gc.unfreeze()
    return dt, out


def _chunked(old: Callable[[pd.DataFrame], Any], new: Callable[[pd.DataFrame], Any], arts: pd.DataFrame,
             size: int, rounds: int, freeze: bool = False,
             clears: dict[Any, Callable[[], None] | None] | None = None) -> tuple[list[float], list[float]]:
    """CPU seconds of each side per round, timed chunk by chunk, the side that goes first alternating."""
    chunks = [arts.iloc[k:k + size] for k in range(0, len(arts), size)]
    t_old, t_new = [], []
    flip = False
    for _ in range(rounds):
        so = sn = 0.0
        for chunk in chunks:
            for side in ((new, old) if flip else (old, new)):
                dt, _ = _timed(side, chunk, freeze, (clears or {}).get(side))
                if side is old:
                    so += dt
                else:
                    sn += dt
            flip = not flip
        t_old.append(so)
        t_new.append(sn)
    return t_old, t_new


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", type=Path, required=True, help="a checkout of the other revision")
    ap.add_argument("--root", type=Path, default=None, help="the polnear folder")
    ap.add_argument("--split", default="train")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--allow-diff", action="store_true",
                    help="time revisions whose tables differ (report the difference instead of failing)")
    ap.add_argument("--chunk", type=int, default=0,
                    help="time old and new in turn on chunks of this many articles (0: all at once)")
    ap.add_argument("--cold", action="store_true",
                    help="clear each side's per-phrase caches before each timed call (see the module docstring)")
    ap.add_argument("--gc-freeze", action="store_true",
                    help="collect and freeze the heap before each timed call (see the module docstring)")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    import mediakit as mk
    from mediakit.metrics.attribution import clear_caches as new_clear
    from mediakit.metrics.attribution import extract_attributions as new

    old_module = import_old(args.old, "metrics.attribution")
    old = old_module.extract_attributions
    try:  # the learned filter came after some revisions worth comparing against (412e349)
        old_filter: Any = importlib.import_module("mediakit_old.metrics.attribution._filter")
    except ModuleNotFoundError:
        old_filter = None
    clears: dict[Any, Callable[[], None] | None] = (
        {old: _all_caches(old_module.clear_caches, old_filter),
         new: _all_caches(new_clear, importlib.import_module("mediakit.metrics.attribution._filter"))}
        if args.cold else {old: None, new: None})
    arts = mk.datasets.load_polnear(args.root, split=args.split)[["article_id", "text"]]
    if args.chunk > 0:
        a, b = old(arts), new(arts)  # lexicons loaded, caches warm on both sides alike
        t_old, t_new = _chunked(old, new, arts, args.chunk, args.rounds, args.gc_freeze, clears)
    else:
        new(arts.head(50))
        old(arts.head(50))  # lexicons loaded, caches warm on both sides alike
        t_old, t_new = [], []
        for _ in range(args.rounds):
            dt, a = _timed(old, arts, args.gc_freeze, clears[old])
            t_old.append(dt)
            dt, b = _timed(new, arts, args.gc_freeze, clears[new])
            t_new.append(dt)
    ratios = [n / o for n, o in zip(t_new, t_old, strict=True)]
    print(f"{len(arts)} articles, {args.rounds} rounds, CPU seconds{', heap frozen per call' if args.gc_freeze else ''}"
          f"{', cold (caches cleared per call)' if args.cold else ''}")
    print(f"old: median {statistics.median(t_old):.3f}  runs {[round(x, 3) for x in t_old]}")
    print(f"new: median {statistics.median(t_new):.3f}  runs {[round(x, 3) for x in t_new]}")
    print(f"new/old per round {[round(r, 3) for r in ratios]}, median {statistics.median(ratios):.3f}")
    if args.allow_diff:
        print(f"attributions: old {len(a)}, new {len(b)} (tables not compared: --allow-diff)")
        return
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b[a.columns].reset_index(drop=True))
    print("tables identical (on the old columns)")


if __name__ == "__main__":
    main()
