"""Scale: the AllSides corpus streamed through ``mediakit.analyze_stream`` on 1 and 2 processes and Dask.

Each path runs in a fresh Python process (what ``mediakit analyze CORPUS --out DIR
--chunksize N [--n-jobs 2 | --scheduler local]`` does), streaming
``mediakit.datasets.load_allsides(chunksize=N)`` into partitioned Parquet:

* ``n_jobs=1``: one process;
* ``n_jobs=2``: a pool of two worker processes kept alive across chunks;
* ``dask local x2``: a two-worker ``LocalCluster`` on 127.0.0.1
  (``mediakit.stream.loopback_cluster(2)``: one single-threaded worker process each, no dashboard).

Measured: wall time of the whole process (imports, reading, analysis, writing) and of
``analyze_stream`` alone (what the speed-up is computed from), articles per second, and
the peak memory: the RSS of the process **plus all its children** (pool workers, the Dask
nanny, workers and scheduler), sampled every 50 ms by a psutil thread (a sum of RSS counts
pages shared between processes more than once: an upper bound; a child caught between its
``vfork`` and its ``exec``, which has its parent's RSS to the byte, is left out: ``summed_rss``), and their
summed PSS every 250 ms (a shared page counted once: the physical memory; ``summed_memory``). The metric tables of every
path are then compared part by part (they must be identical); ``--check-in-memory`` also
compares them with ``mediakit.analyze`` on the whole sample in memory. Before and after, a
pure-Python loop on 2 processes vs 1 shows how much parallelism the machine gives at the time
(about 2 on a quiet 2-core machine): other jobs on the machine make speed-ups meaningless.

Run: ``.venv/bin/python benchmarks/bench_scale.py --n 1000`` (a sample), or without
``--n`` for the whole corpus (37,554 articles: run it on a quiet machine). Results are
printed as a table and, with ``--json FILE``, written as JSON (nothing is written by default). With
``--repeat R`` the paths run interleaved R times: the table shows medians, and the speed-up
of each run against the ``n_jobs=1`` run next to it is printed too (less exposed to the
machine's drift than a ratio of medians). ``--driver-costs`` only measures what reading,
analysing, converting results and writing parts cost per article.

``--cli`` measures what a newcomer runs: ``mediakit analyze CORPUS --out DIR`` with **no
options** (``mediakit.pipeline.plan_run`` decides: the whole AllSides file is streamed on all
cores), loading, every table, figure and ``report.html`` included, in a fresh process (add
``--n N`` to run it on a JSONL.gz sample of the first N articles). It reports the wall time, the
CPU seconds of the command and all its processes (user + system: what a busy machine does not
inflate as much as wall time), the summed peak RSS and the run's plan (``--repeat`` for medians).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

PATHS: dict[str, dict[str, Any]] = {"n_jobs=1": {"n_jobs": 1}, "n_jobs=2": {"n_jobs": 2}, "dask local x2": {"scheduler": "local"}}


# --------------------------------------------------------------------------- the measured child


def child(args: argparse.Namespace) -> None:
    """Run one path and print one JSON line: what analyze_stream took and did."""
    import mediakit
    from mediakit import datasets

    opts = PATHS[args.child]
    chunks = datasets.load_allsides(args.corpus, chunksize=args.chunksize, limit=args.n)
    tables = tuple(args.tables.split(","))
    cluster = client = None
    t0 = time.perf_counter()
    if "scheduler" in opts:
        from distributed import Client

        from mediakit.stream import loopback_cluster

        cluster = loopback_cluster(2)
        client = Client(cluster)
        t_cluster = time.perf_counter() - t0
        t0 = time.perf_counter()
        res = mediakit.analyze_stream(chunks, args.out, scheduler=client, tables=tables,
                                      resume=False, progress=False)
    else:
        t_cluster = 0.0
        res = mediakit.analyze_stream(chunks, args.out, n_jobs=opts["n_jobs"], tables=tables,
                                      resume=False, progress=False)
    seconds = time.perf_counter() - t0
    if client is not None:
        client.close()
        cluster.close()  # type: ignore[union-attr]
    print(json.dumps({"stream_seconds": seconds, "cluster_start_seconds": t_cluster,
                      "articles": res.articles, "chunks": res.chunks}))


# --------------------------------------------------------------------------- the harness


def summed_rss(procs: list[Any]) -> int:
    """The RSS of ``procs`` (psutil processes) added up, less a child caught between its ``vfork`` and its ``exec``.

    A worker is started by ``vfork`` + ``exec`` (multiprocessing's spawn, subprocess): for an instant the child
    runs in its parent's memory, and its RSS is the parent's to the byte. Counted, that instant doubles the
    parent (seen once in five runs of the whole AllSides file: a 5.2 GB "peak" when a 2.6 GB driver started the
    framing workers). Such a child is left out; a forked child (its own copy-on-write pages, which are counted,
    an upper bound) never has exactly its parent's RSS for long.
    """
    return summed_memory(procs)[0]


def summed_memory(procs: list[Any], pss: bool = False) -> tuple[int, int]:
    """The summed RSS of ``procs`` as :func:`summed_rss` gives it, and (with ``pss``, else 0) their summed PSS.

    PSS, the proportional set size (``/proc/PID/smaps_rollup``), counts a page shared by k processes 1/k in
    each: summed over the processes it is the physical memory they use. The summed RSS counts a shared page
    once per process: the stream's workers are forked, and share 200-260 MiB each of the driver's pages,
    counted three times in the summed RSS of the driver and its two workers.
    """
    import psutil

    mem: dict[int, tuple[int, int, int]] = {}
    for p in procs:
        try:
            if pss:
                full = p.memory_full_info()
                mem[p.pid] = (full.rss, full.pss, p.ppid())
            else:
                mem[p.pid] = (p.memory_info().rss, 0, p.ppid())
        except psutil.Error:
            pass
    kept = [(r, q) for r, q, parent in mem.values() if not (parent in mem and mem[parent][0] == r)]
    return sum(r for r, _ in kept), sum(q for _, q in kept)


class PeakRSS:
    """Samples the summed RSS of a process and all its descendants in a thread (:func:`summed_rss`), and every
    ``pss_every`` samples their summed PSS (:func:`summed_memory`; reading it costs more)."""

    def __init__(self, pid: int, every: float = 0.05, pss_every: int = 5) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.every = every
        self.pss_every = pss_every
        self.peak = 0
        self.peak_pss = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        k = 0
        while not self._stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
            except psutil.Error:
                break
            total, pss = summed_memory(procs, pss=k % self.pss_every == 0)
            if total > self.peak:
                self.peak, self.peak_processes = total, len(procs)
            self.peak_pss = max(self.peak_pss, pss)
            k += 1
            self._stop.wait(self.every)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_path(name: str, args: argparse.Namespace, out: Path) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--out", str(out),
           "--chunksize", str(args.chunksize), "--tables", args.tables, "--corpus", str(args.corpus)]
    if args.n is not None:
        cmd += ["--n", str(args.n)]
    env = dict(os.environ, MEDIAKIT_NO_PROGRESS="1")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    with PeakRSS(proc.pid) as rss:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed (exit {proc.returncode}):\n{stderr[-3000:]}")
    info = json.loads(stdout.strip().splitlines()[-1])
    info.update(wall_seconds=wall, peak_rss_bytes=rss.peak, peak_pss_bytes=rss.peak_pss,
                peak_processes=rss.peak_processes)
    return info


def identical(dirs: dict[str, Path], table: str = "metrics") -> dict[str, bool]:
    """Compare every path's parts with the first path's, one part at a time (bounded memory)."""
    import pandas as pd

    names = list(dirs)
    ref = dirs[names[0]]
    parts = sorted(p.name for p in (ref / table).glob("part-*.parquet"))
    same = {n: True for n in names[1:]}
    for part in parts:
        a = pd.read_parquet(ref / table / part)
        for n in names[1:]:
            p = dirs[n] / table / part
            if not same[n] or not p.is_file():
                same[n] = False
                continue
            try:
                pd.testing.assert_frame_equal(a, pd.read_parquet(p))
            except AssertionError:
                same[n] = False
    for n in names[1:]:
        if sorted(q.name for q in (dirs[n] / table).glob("part-*.parquet")) != parts:
            same[n] = False
    return same


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def machine_parallelism(n: int = 6_000_000) -> float:
    """Speed-up of a pure-Python CPU loop on 2 processes vs 1 now: what the machine can give.

    On a quiet 2-core machine this is close to 2; well below means other jobs share the cores
    and the speed-ups measured in this run are not meaningful.
    """
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_burn, [1000, 1000]))  # workers started
        t = time.perf_counter()
        list(pool.map(_burn, [n, n]))
        two = time.perf_counter() - t
    t = time.perf_counter()
    _burn(n)
    _burn(n)
    one = time.perf_counter() - t
    return one / two


def check_in_memory(args: argparse.Namespace, out: Path) -> bool:
    """The streamed metric table equals ``mediakit.analyze`` on the whole sample in memory."""
    import pandas as pd

    import mediakit
    from mediakit import datasets

    ref = mediakit.analyze(datasets.load_allsides(args.corpus, limit=args.n), progress=False)
    try:
        pd.testing.assert_frame_equal(mediakit.read_parts(out, "metrics"), ref.reset_index(drop=True))
    except AssertionError:
        return False
    return True


def driver_costs(args: argparse.Namespace, repeat: int = 5) -> dict[str, float]:
    """What the driver and a worker spend per article besides the analysis (medians of ``repeat``).

    On 2 chunks of ``--chunksize`` AllSides articles: reading and normalising (the driver),
    analysing a warm chunk (``mediakit.analyze``, one process), a worker's conversion of its
    pieces' tables to compressed Arrow IPC, and the driver's part writing (IPC decoding,
    concatenation, Parquet) -- the per-article costs that set how many workers one driver
    can feed (docs/scale.md, "What limits throughput").
    """
    import mediakit
    from mediakit import datasets
    from mediakit.metrics.analyze import FAMILIES
    from mediakit.stream._arrow import arrow_table, concat_tables, from_ipc, to_ipc, write_part
    from mediakit.stream._work import piece_size, piece_tables
    from mediakit.stream._work import schemas as probe_schemas

    n = args.chunksize

    def median_time(fn: Any) -> float:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    read = median_time(lambda: [len(c) for c in datasets.load_allsides(args.corpus, chunksize=n, limit=2 * n)])
    first, second = datasets.load_allsides(args.corpus, chunksize=n, limit=2 * n)
    mediakit.analyze(first, progress=False)  # warm caches, as a worker is after its first chunk
    analyse = median_time(lambda: mediakit.analyze(second, progress=False))
    schemas = probe_schemas(None, FAMILIES, ("metrics",))
    size = piece_size(len(second), 2)
    pieces = [second.iloc[i:i + size] for i in range(0, len(second), size)]
    tables = [piece_tables(p, None, FAMILIES, ("metrics",))["metrics"] for p in pieces]
    convert = median_time(lambda: [to_ipc(arrow_table(t, schemas["metrics"])) for t in tables])
    blobs = [to_ipc(arrow_table(t, schemas["metrics"])) for t in tables]
    with tempfile.TemporaryDirectory() as d:
        write = median_time(lambda: write_part(concat_tables([from_ipc(b) for b in blobs]),
                                                Path(d) / "part-00000.parquet"))
    per = 1000.0 / len(second)  # ms per article
    return {"articles_per_chunk": len(second), "pieces": len(pieces),
            "read_ms_per_article": read * 1000.0 / (2 * n), "analyze_ms_per_article": analyse * per,
            "worker_convert_to_arrow_ipc_ms_per_article": convert * per,
            "driver_write_ms_per_article": write * per,
            "result_bytes_per_article": sum(len(b) for b in blobs) / len(second)}


def summarise(runs: dict[str, list[dict[str, Any]]], names: list[str],
              same: dict[str, bool]) -> dict[str, dict[str, Any]]:
    """Per path: medians over the runs, peaks, and speed-ups against ``n_jobs=1`` (overall and run by run)."""
    summary: dict[str, dict[str, Any]] = {}
    for n in names:
        rs = runs[n]
        med = statistics.median(x["stream_seconds"] for x in rs)
        summary[n] = {
            "articles": rs[0]["articles"], "chunks": rs[0]["chunks"],
            "stream_seconds": med, "stream_seconds_runs": [x["stream_seconds"] for x in rs],
            "wall_seconds": statistics.median(x["wall_seconds"] for x in rs),
            "articles_per_second": rs[0]["articles"] / med if med else float("nan"),
            "peak_rss_mib": max(x["peak_rss_bytes"] for x in rs) / 2**20,
            "peak_pss_mib": max(x["peak_pss_bytes"] for x in rs) / 2**20,
            "peak_processes": max(x["peak_processes"] for x in rs),
            "cluster_start_seconds": statistics.median(x["cluster_start_seconds"] for x in rs),
            "identical_to_first": same.get(n, True),
        }
    base = summary.get("n_jobs=1", {}).get("stream_seconds")
    base_runs = summary.get("n_jobs=1", {}).get("stream_seconds_runs")
    for s in summary.values():
        s["speedup_vs_n_jobs_1"] = base / s["stream_seconds"] if base else None
        # runs are interleaved, so run r of each path saw about the same machine: paired ratios
        # (every path ran args.repeat times: equal lengths)
        s["speedup_runs"] = ([b / x for b, x in zip(base_runs, s["stream_seconds_runs"], strict=True)]
                             if base_runs else None)
        s["speedup_median_of_runs"] = statistics.median(s["speedup_runs"]) if base_runs else None
    return summary


def _sample_corpus(corpus: Path, n: int, folder: Path) -> Path:
    """The first ``n`` lines of a JSONL.gz corpus, as a JSONL.gz file in ``folder``."""
    import gzip
    from itertools import islice

    out = folder / "sample.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(out, "wt", encoding="utf-8") as dst:
        dst.writelines(islice(src, n))
    return out


def run_cli(corpus: Path, out: Path) -> dict[str, Any]:
    """``mediakit analyze CORPUS --out OUT`` with no options, in a fresh process: wall, CPU, peak RSS."""
    import resource

    from mediakit.pipeline import plan_run

    plan = plan_run(corpus)
    cmd = [sys.executable, "-m", "mediakit.cli", "analyze", str(corpus), "--out", str(out), "--quiet"]
    env = dict(os.environ, MEDIAKIT_NO_PROGRESS="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    with PeakRSS(proc.pid) as rss:
        _, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and every process it waited for
    if proc.returncode != 0:
        raise SystemExit(f"mediakit analyze failed (exit {proc.returncode}):\n{stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_seconds": wall, "cpu_seconds": cpu, "peak_rss_bytes": rss.peak, "peak_pss_bytes": rss.peak_pss,
            "peak_processes": rss.peak_processes, "plan": plan.reason, "n_jobs": plan.n_jobs,
            "files_written": sum(1 for p in out.rglob("*") if p.is_file() and "parts" not in p.parts)}


def cli_main(args: argparse.Namespace) -> None:
    """``--cli``: the no-option command on the corpus (or a sample of it), ``--repeat`` times."""
    work = Path(tempfile.mkdtemp(prefix="bench_scale_cli_"))
    try:
        corpus = args.corpus if args.n is None else _sample_corpus(args.corpus, args.n, work)
        before = machine_parallelism()
        runs = []
        for r in range(args.repeat):
            out = work / f"out{r}"
            info = run_cli(corpus, out)
            shutil.rmtree(out, ignore_errors=True)
            runs.append(info)
            print(f"run {r + 1}/{args.repeat}: {info['wall_seconds']:.1f} s wall, {info['cpu_seconds']:.1f} s CPU, "
                  f"peak {info['peak_rss_bytes'] / 2**20:.0f} MiB summed RSS, {info['peak_pss_bytes'] / 2**20:.0f} MiB "
                  "summed PSS", file=sys.stderr)
        after = machine_parallelism()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary = {"corpus": str(args.corpus), "n": args.n, "repeat": args.repeat, "cpu_count": os.cpu_count(),
               "plan": runs[0]["plan"], "n_jobs": runs[0]["n_jobs"],
               "wall_seconds": statistics.median(r["wall_seconds"] for r in runs),
               "cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
               "peak_rss_mib": max(r["peak_rss_bytes"] for r in runs) / 2**20,
               "peak_pss_mib": max(r["peak_pss_bytes"] for r in runs) / 2**20,
               "peak_processes": max(r["peak_processes"] for r in runs), "runs": runs,
               "load_average_at_end": os.getloadavg(),
               "machine_parallelism_2_vs_1": {"before": before, "after": after}}
    _write_json(args.json, summary)
    print(f"\nmediakit analyze CORPUS --out DIR (no options), {args.n or 'all'} articles, "
          f"median of {args.repeat}, {os.cpu_count()} cores; plan: {summary['plan']}")
    print(f"wall {summary['wall_seconds']:.1f} s   CPU (all processes) {summary['cpu_seconds']:.1f} s   "
          f"peak RSS (summed) {summary['peak_rss_mib']:.0f} MiB over {summary['peak_processes']} processes, "
          f"peak PSS (summed: the physical memory, shared pages counted once) {summary['peak_pss_mib']:.0f} MiB   "
          f"files written {runs[0]['files_written']}")
    print(f"machine check, a pure-Python loop on 2 processes vs 1: {before:.2f}x before, {after:.2f}x after")
    print("targets: peak memory < 2 GB (2048 MiB); wall time well under 2 minutes on 2 cores (quiet machine)")
    if args.json:
        print(f"results written to {args.json}")


def _print_paths(args: argparse.Namespace, summary: dict[str, dict[str, Any]], base_runs: Any, in_memory: Any,
                 before: float, after: float) -> None:
    names = list(summary)
    print(f"\nAllSides, {next(iter(summary.values()))['articles']:,} articles, chunks of {args.chunksize}, "
          f"tables: {args.tables}, median of {args.repeat} run(s), {os.cpu_count()} cores\n")
    head = (f"{'path':<15} {'stream s':>9} {'wall s':>8} {'art/s':>7} {'speed-up':>9} "
            f"{'peak RSS':>10} {'peak PSS':>10} {'procs':>6} {'identical':>10}")
    print(head)
    print("-" * len(head))
    for n, s in summary.items():
        sp = f"{s['speedup_vs_n_jobs_1']:.2f}x" if s["speedup_vs_n_jobs_1"] else "-"
        print(f"{n:<15} {s['stream_seconds']:>9.1f} {s['wall_seconds']:>8.1f} {s['articles_per_second']:>7.0f} "
              f"{sp:>9} {s['peak_rss_mib']:>7.0f} MiB {s['peak_pss_mib']:>7.0f} MiB {s['peak_processes']:>6} "
              f"{'yes' if s['identical_to_first'] else 'NO':>10}")
    if args.repeat > 1 and base_runs:
        print("\nspeed-up per run (run r of each path against run r of n_jobs=1; runs interleaved):")
        for n, s in summary.items():
            if n != "n_jobs=1":
                print(f"  {n:<15} " + ", ".join(f"{r:.2f}x" for r in s["speedup_runs"])
                      + f"  (median {s['speedup_median_of_runs']:.2f}x)")
    if in_memory is not None:
        print(f"\n{names[0]} identical to mediakit.analyze in memory: {'yes' if in_memory else 'NO'}")
    print(f"\nmachine check, a pure-Python loop on 2 processes vs 1: {before:.2f}x before, {after:.2f}x after "
          "(about 2 on a quiet 2-core machine; far below, the speed-ups above are not meaningful)")


def _write_json(path: str | None, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` (``--json``); nothing without one (no file left in the working folder)."""
    if path:
        Path(path).write_text(json.dumps(data, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=None, help="only the first N articles (default: all)")
    ap.add_argument("--chunksize", type=int, default=1000, help="articles per chunk (default 1000)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per path; medians are reported")
    ap.add_argument("--paths", default=",".join(PATHS), help=f"comma-separated subset of {list(PATHS)}")
    ap.add_argument("--tables", default="metrics", help="tables written (default: metrics)")
    ap.add_argument("--json", default=None, help="write the results as JSON to this file (default: not written)")
    ap.add_argument("--corpus", type=Path, default=None, help="AllSides articles.jsonl.gz")
    ap.add_argument("--keep", action="store_true", help="keep the output folders")
    ap.add_argument("--check-in-memory", action="store_true",
                    help="also compare with mediakit.analyze on the whole sample in memory (use with --n)")
    ap.add_argument("--driver-costs", action="store_true",
                    help="only measure the per-article costs of reading, analysing, converting and writing")
    ap.add_argument("--cli", action="store_true",
                    help="run `mediakit analyze CORPUS --out DIR` with no options (whole job: loading, tables, "
                         "figures, report) and report wall time, CPU seconds and peak RSS")
    ap.add_argument("--child", choices=list(PATHS), help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.corpus is None:
        from mediakit.datasets import corpora_dir

        args.corpus = corpora_dir() / "allsides" / "articles.jsonl.gz"
    if args.child:
        child(args)
        return
    if not args.corpus.is_file():
        raise SystemExit(f"AllSides not found at {args.corpus} (set MEDIAKIT_CORPORA or --corpus)")
    if args.cli:
        cli_main(args)
        return
    if args.driver_costs:
        costs = driver_costs(args)
        for k, v in costs.items():
            print(f"{k:<40} {v:>10.3f}")
        _write_json(args.json, {"driver_costs": costs, "chunksize": args.chunksize})
        return
    names = [p.strip() for p in args.paths.split(",") if p.strip()]
    bad = [p for p in names if p not in PATHS]
    if bad:
        raise SystemExit(f"unknown path(s) {bad}; choose among {list(PATHS)}")
    before = machine_parallelism()
    work = Path(tempfile.mkdtemp(prefix="bench_scale_"))
    runs: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
    dirs = {n: work / n.replace(" ", "_").replace("=", "") for n in names}
    try:
        for r in range(args.repeat):
            for n in names:  # interleaved, so drifting machine load hits every path alike
                info = run_path(n, args, dirs[n])
                runs[n].append(info)
                print(f"run {r + 1}/{args.repeat} {n}: {info['stream_seconds']:.1f} s, "
                      f"peak {info['peak_rss_bytes'] / 2**20:.0f} MiB summed RSS, "
                      f"{info['peak_pss_bytes'] / 2**20:.0f} MiB summed PSS", file=sys.stderr)
        same = identical(dirs) if len(names) > 1 else {}
        in_memory = check_in_memory(args, dirs[names[0]]) if args.check_in_memory else None
        after = machine_parallelism()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    summary = summarise(runs, names, same)
    base_runs = summary.get("n_jobs=1", {}).get("stream_seconds_runs")
    result = {"corpus": str(args.corpus), "n": args.n, "chunksize": args.chunksize, "tables": args.tables,
              "repeat": args.repeat, "cpu_count": os.cpu_count(), "python": platform.python_version(),
              "load_average_at_end": os.getloadavg(), "paths": summary,
              "first_path_identical_to_in_memory_analyze": in_memory,
              "machine_parallelism_2_vs_1": {"before": before, "after": after}}
    _write_json(args.json, result)
    _print_paths(args, summary, base_runs, in_memory, before, after)
    print("\ntargets: speed-up n_jobs=2 >= 1.8x; peak memory < 2 GB (2048 MiB) for the whole corpus")
    if args.json:
        print(f"results written to {args.json}")


if __name__ == "__main__":
    main()
