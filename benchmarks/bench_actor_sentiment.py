"""Benchmark: target sentiment per mention, the trained model against the rules of another revision.

The speed requirement of issue 14 is "actor_sentiment no slower than today per mention", today
being the rule-based ``target_sentiment`` of revision cde4369 (before issue 14). Run-to-run noise
on a shared machine is larger than the difference, so both versions are timed in ONE process,
interleaved, on the same NewsMTSC mentions (sentence and target offsets): the other revision's
``mediakit`` package is copied to a temporary folder as ``mediakit_old`` (its ``mediakit``
imports and resource package names rewritten) and imported beside this checkout's. Each round
times, in CPU seconds, one pass of every method over all mentions:

* ``old``: ``target_sentiment(method="target")`` of the baseline revision (the rules then);
* ``model``: this checkout's default ``target_sentiment`` (the trained model);
* ``target``: this checkout's rules; ``sentence``: whole-sentence VADER.

It reports the medians and the median over the rounds of the per-round ratios model/old and
model/target (below 1.0: the model is faster). ``--max-ratio R`` exits with status 1 when the
median model/old ratio (model/target without a baseline) is above R. ``--articles N`` also
times ``actor_sentiment`` (the per-article entry point, mention finding included) on the
first N AllSides articles, old rules against the new default, and checks both tables have the
same rows. The caches of the per-sentence work hold 16 sentences: a pass over hundreds of
sentences gets nothing from the previous round.

Usage::

    git worktree add /tmp/base cde4369            # or --baseline-rev cde4369 (git archive, no worktree)
    python benchmarks/bench_actor_sentiment.py --old /tmp/base --rounds 7 --max-ratio 1.0
    python benchmarks/bench_actor_sentiment.py --baseline-rev cde4369 --articles 500
    python benchmarks/bench_actor_sentiment.py --split train --n 3000   # no baseline: model/rules now
    python benchmarks/bench_actor_sentiment.py --n 100 --rounds 1 --same-as 412e349  # identical outputs?

``--same-as REV`` checks that this checkout's model and rule scores equal those of revision REV
(within 1e-12, every label equal) on dev-rw, dev-mt and the first 2,000 train rows: a speed-up
must not change outputs.

The corpus is read from ``newsmtsc/`` and ``allsides/`` in :func:`mediakit.datasets.corpora_dir`
(override with ``--corpora``).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _old_checkout import import_old  # benchmarks/ is on sys.path when run as a script

from mediakit.actors import actor_sentiment, evaluate_target_sentiment, load_model, target_sentiment
from mediakit.actors._evaluation import read_newsmtsc
from mediakit.datasets import corpora_dir, load_allsides

_REPO = Path(__file__).resolve().parents[1]


def _package_from_rev(rev: str) -> Path:
    """The ``mediakit`` folder of revision ``rev``, extracted with ``git archive`` into a temporary folder."""
    data = subprocess.run(["git", "-C", str(_REPO), "archive", "--format=tar", rev, "mediakit"],
                          check=True, capture_output=True).stdout
    out = Path(tempfile.mkdtemp(prefix="bench_rev_"))
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(out, filter="data")
    return out


def _same_outputs(rev: str, root: Path, n_train: int) -> bool:
    """Are this checkout's model and rule scores and labels those of revision ``rev``?

    Checked on dev-rw, dev-mt and the first ``n_train`` train rows: labels equal (each version's
    ``target_sentiment``), scores within 1e-12 (the unrounded scores, from each version's
    ``model_score`` and ``target_score``).
    """
    from mediakit.actors._target import target_score
    from mediakit.actors._target_model import model_score

    import_old(_package_from_rev(rev), name="mediakit_same")
    o_model = importlib.import_module("mediakit_same.actors._target_model").model_score
    o_rules = importlib.import_module("mediakit_same.actors._target").target_score
    o_sentiment = importlib.import_module("mediakit_same.actors._target_model").target_sentiment
    rows = [r for split in ("dev-rw", "dev-mt") for r in read_newsmtsc(root / "newsmtsc" / f"{split}.jsonl")]
    rows += read_newsmtsc(root / "newsmtsc" / "train.jsonl")[:n_train]
    worst, labels = 0.0, 0
    for r in rows:
        s, a, b = r["sentence"], int(r["from"]), int(r["to"])
        for new_f, old_f, method in ((model_score, o_model, "model"), (target_score, o_rules, "target")):
            x, y = new_f(s, a, b), old_f(s, a, b)
            worst = max(worst, abs(x - y))
            # each version's own labels (the model's: the most probable class since issue 14's argmax rule)
            labels += target_sentiment(s, a, b, method=method)["polarity"] != o_sentiment(s, a, b, method=method)[
                "polarity"]
    ok = worst <= 1e-12 and labels == 0
    print(f"same outputs as {rev} on {len(rows)} mentions (model and rules): max |score difference| {worst:.2g}, "
          f"{labels} labels differ -> {'identical' if ok else 'DIFFERENT'}")
    return ok


def _pass(func: Callable[..., Any], rows: list[dict[str, Any]], **kw: Any) -> float:
    """CPU seconds of one pass of ``func(sentence, from, to, **kw)`` over ``rows``."""
    gc.collect()
    t0 = time.process_time()
    for r in rows:
        func(r["sentence"], r["from"], r["to"], **kw)
    return time.process_time() - t0


def _mentions(args: argparse.Namespace, root: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for split in args.split:
        rows.extend(read_newsmtsc(root / "newsmtsc" / f"{split}.jsonl"))
    return rows[:args.n] if args.n else rows


def _ratio(runs: dict[str, list[float]], a: str, b: str) -> float:
    return statistics.median(x / y for x, y in zip(runs[a], runs[b], strict=True))


def _per_mention(rows: list[dict[str, Any]], old: Any, rounds: int) -> dict[str, list[float]]:
    """CPU seconds per round of each method over ``rows`` (interleaved; ``old``: the baseline's function)."""
    funcs: dict[str, tuple[Callable[..., Any], dict[str, str]]] = {
        "model": (target_sentiment, {}), "target": (target_sentiment, {"method": "target"}),
        "sentence": (target_sentiment, {"method": "sentence"})}
    if old is not None:
        funcs = {"old": (old, {"method": "target"}), **funcs}
    for f, kw in funcs.values():  # warm caches (lexicons, VADER, the model, normalised words) on both sides
        _pass(f, rows[:200], **kw)
    runs: dict[str, list[float]] = {m: [] for m in funcs}
    for k in range(rounds):
        order = list(funcs) if k % 2 == 0 else list(reversed(funcs))  # alternate who goes first
        for m in order:
            f, kw = funcs[m]
            runs[m].append(_pass(f, rows, **kw))
    return runs


def _per_article(old_pkg: Any, root: Path, n: int, rounds: int) -> None:
    """Time actor_sentiment on ``n`` AllSides articles: old rules against the new default (model)."""
    arts = load_allsides(root / "allsides", limit=n, progress=False)
    old_fn = old_pkg.actors.actor_sentiment
    head = arts.head(20)
    old_fn(head, method="target")
    actor_sentiment(head)
    t_old, t_new = [], []
    a = b = None
    for _ in range(rounds):
        gc.collect()
        t = time.process_time()
        a = old_fn(arts, method="target")
        t_old.append(time.process_time() - t)
        gc.collect()
        t = time.process_time()
        b = actor_sentiment(arts)
        t_new.append(time.process_time() - t)
    ratios = [x / y for x, y in zip(t_new, t_old, strict=True)]
    assert a is not None and b is not None
    n_mentions = int(b["n_mentions"].sum())
    print(f"actor_sentiment on {len(arts)} AllSides articles ({n_mentions} mentions), {rounds} rounds, CPU s")
    print(f"  old rules: median {statistics.median(t_old):.3f}  runs {[round(x, 3) for x in t_old]}")
    print(f"  new model: median {statistics.median(t_new):.3f}  runs {[round(x, 3) for x in t_new]}")
    print(f"  new/old per round {[round(r, 3) for r in ratios]}, median {statistics.median(ratios):.3f}")
    keys = ["article_id", "actor", "n_mentions"]
    same = a[keys].reset_index(drop=True).equals(b[keys].reset_index(drop=True))
    print(f"  same articles, actors and mention counts: {same}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--split", nargs="+", default=["dev-rw", "dev-mt"])
    ap.add_argument("--corpora", default=None)
    ap.add_argument("--n", type=int, default=0, help="first N mentions only (0: all)")
    ap.add_argument("--rounds", "--repeat", type=int, default=5, dest="rounds")
    base = ap.add_mutually_exclusive_group()
    base.add_argument("--old", type=Path, default=None, help="a checkout of the baseline revision")
    base.add_argument("--baseline-rev", default=None, help="the baseline revision (extracted with git archive)")
    ap.add_argument("--articles", type=int, default=0, help="also time actor_sentiment on N AllSides articles")
    ap.add_argument("--max-ratio", type=float, default=None)
    ap.add_argument("--f1", action="store_true", help="also print macro-F1 of each method per split")
    ap.add_argument("--same-as", default=None, metavar="REV",
                    help="also check that scores and labels equal those of revision REV (dev + 2,000 train rows)")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    root = Path(args.corpora) if args.corpora else corpora_dir()
    rows = _mentions(args, root)
    checkout = args.old if args.old else _package_from_rev(args.baseline_rev) if args.baseline_rev else None
    old_pkg = import_old(checkout) if checkout is not None else None
    old = old_pkg.actors.target_sentiment if old_pkg is not None else None
    load_model()
    runs = _per_mention(rows, old, args.rounds)
    print(f"{len(rows)} mentions from {'+'.join(args.split)}, {args.rounds} interleaved rounds, CPU seconds")
    for m, t in runs.items():
        med = statistics.median(t)
        print(f"  {m:8s} {med:7.3f} s  {len(rows) / med:9.0f} mentions/s  {1e6 * med / len(rows):7.1f} us/mention"
              f"  runs {[round(x, 3) for x in t]}")
    ratio = _ratio(runs, "model", "target")
    print(f"  ratio model/target (rules now), median of the per-round ratios: {ratio:.3f}")
    if old is not None:
        ratio = _ratio(runs, "model", "old")
        print(f"  ratio model/old (rules at the baseline), median of the per-round ratios: {ratio:.3f}")
        print(f"  ratio target/old: {_ratio(runs, 'target', 'old'):.3f}")
    if args.articles and old_pkg is not None:
        _per_article(old_pkg, root, args.articles, max(1, min(args.rounds, 3)))
    if args.f1:
        for split in args.split:
            path = root / "newsmtsc" / f"{split}.jsonl"
            f1 = {m: round(evaluate_target_sentiment(path, m).macro_f1, 4) for m in ("model", "target", "sentence")}
            print(f"  macro-F1 {split}: {f1}")
    if args.same_as and not _same_outputs(args.same_as, root, 2000):
        return 1
    if args.max_ratio is not None and ratio > args.max_ratio:
        print(f"FAIL: ratio {ratio:.3f} > {args.max_ratio}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
