"""The corpus-level step of a streamed ``mediakit analyze`` run, step by step: seconds and peak RSS.

After the stream (per-article tables in ``OUT/parts``), ``mediakit analyze`` reads the slim tables back
and runs the corpus-level steps (comparison, distinctive terms, actor labels, source roles, actor
sentiment, framing differences), then writes the per-article files from the parts, the charts and the
report. This script wraps each step, samples the RSS of the process and its descendants (summed; the
actor labels' workers) from ``/proc`` every 50 ms and their PSS every 0.5 s, and prints, per step, its wall
seconds, RSS before / peak / after and the summed PSS's peak (Linux only). The summed RSS counts a page shared by
several processes once in each (the stream's forked workers share some 200-260 MiB each with the driver); the
summed PSS counts it once: it is the physical memory the processes use. ``--n-jobs`` (default 2) is the run's, passed to the actor labels; with
more than one job a worker process writes the per-article files from the parts (``write_from_parts``, not timed
here) while the corpus-level tables are computed, as ``mediakit analyze`` does: ``--n-jobs 1`` times it alone.
The CPU seconds count this process and the workers it has waited for (a step's workers end with it). Run on an
empty ``OUT``, the stream is timed too (``analyze_stream``: the whole no-option run of a large corpus, step by
step, as in ``docs/scale.md``, "Ninth pass"). With the parts already in ``OUT/parts`` (a finished or resumed run
of the same corpus and version), only the corpus step runs::

    mediakit analyze ../shared/corpora/allsides/articles.jsonl.gz --out /tmp/as_full   # once
    python benchmarks/profile_corpus_step.py ../shared/corpora/allsides/articles.jsonl.gz /tmp/as_full

The figures of ``docs/scale.md`` (second and third pass) were taken this way.
"""

from __future__ import annotations

import argparse
import os
import resource
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mediakit.pipeline._analysis as analysis
import mediakit.pipeline._parts_out as parts_out
import mediakit.pipeline._run as run

_STEPS = ("_comparison", "_terms", "_actor_labels", "_sources", "_actor_sentiment", "_framing")
_WRITES = ("analyze_stream", "read_without_texts", "write_from_parts", "make_figures", "write_report")
_peak = [0.0, 0.0, 0.0, 0.0]  # summed RSS: this step's, the whole run's; summed PSS: the same
_step = ["start"]  # the step running (for --timeline)


def _tree(pid: int) -> list[tuple[int, int]]:
    """``pid`` and its descendants (``/proc/PID/task/*/children``), each with its parent (0 for ``pid``)."""
    out, todo = [], [(pid, 0)]
    while todo:
        p, parent = todo.pop()
        out.append((p, parent))
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend((int(c), p) for c in fh.read().split())
        except OSError:
            pass
    return out


def _rss(per_process: dict[int, tuple[int, int]] | None = None) -> float:
    """RSS of this process and its descendants (the workers), summed, in MiB; a child caught between its
    ``vfork`` and its ``exec`` (its parent's RSS to the byte: ``bench_scale.summed_rss``) left out.
    ``per_process`` gets each process's pages and parent."""
    pages: dict[int, tuple[int, int]] = {} if per_process is None else per_process
    for pid, parent in _tree(os.getpid()):
        try:
            with open(f"/proc/{pid}/statm") as fh:
                pages[pid] = (int(fh.read().split()[1]), parent)
        except (OSError, IndexError, ValueError):
            pass
    return sum(pages[pid][0] for pid in _counted(pages)) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _counted(pages: dict[int, tuple[int, int]]) -> list[int]:
    """The processes of ``pages`` (pid -> pages, parent) counted in a sum: all but a child caught between its
    ``vfork`` and its ``exec`` (its parent's RSS to the byte)."""
    return [pid for pid, (n, parent) in pages.items() if not (parent in pages and pages[parent][0] == n)]


def _pss(pid: int) -> float:
    """The proportional set size of ``pid`` in MiB (``/proc/PID/smaps_rollup``: a page shared by k processes
    counts 1/k), 0 when it cannot be read."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def _sample(timeline: Path | None) -> None:
    """Sample the summed RSS every 50 ms, and the summed PSS (the physical memory: the stream's forked workers
    share pages with the driver, which the summed RSS counts in each) every 0.5 s; with ``timeline``, write
    every process's RSS and PSS every 0.5 s (TSV)."""
    out = open(timeline, "w") if timeline is not None else None  # noqa: SIM115 (open for the whole run)
    if out is not None:
        out.write("seconds\tstep\tpid\tparent\trss_mib\tpss_mib\n")
    t0, k = time.perf_counter(), 0
    page = os.sysconf("SC_PAGE_SIZE") / 2**20
    while True:
        procs: dict[int, tuple[int, int]] = {}
        rss = _rss(procs)
        _peak[0], _peak[1] = max(_peak[0], rss), max(_peak[1], rss)
        if k % 10 == 0:
            pss = {pid: _pss(pid) for pid in procs}
            total = sum(pss[pid] for pid in _counted(procs))
            _peak[2], _peak[3] = max(_peak[2], total), max(_peak[3], total)
            if out is not None:
                now = time.perf_counter() - t0
                out.writelines(f"{now:.2f}\t{_step[0]}\t{pid}\t{parent}\t{n * page:.0f}\t{pss[pid]:.0f}\n"
                               for pid, (n, parent) in sorted(procs.items()))
                out.flush()
        k += 1
        time.sleep(0.05)


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of the children it has waited for (the workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        before = _peak[0] = _rss()
        _peak[2] = 0.0
        outer, _step[0] = _step[0], name
        t0, c0 = time.perf_counter(), _cpu()
        out = func(*args, **kwargs)
        _step[0] = outer
        print(f"{name:18s} {time.perf_counter() - t0:8.1f} s  {_cpu() - c0:8.1f} CPU s  RSS before {before:6.0f}  "
              f"peak {_peak[0]:6.0f}  after {_rss():6.0f} MiB  PSS peak {_peak[2]:6.0f} MiB", flush=True)
        return out
    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="the corpus file the parts were made from")
    ap.add_argument("out", type=Path, help="the output folder of the run (with parts/)")
    ap.add_argument("--chunksize", type=int, default=1000)
    ap.add_argument("--n-jobs", type=int, default=2)
    ap.add_argument("--timeline", type=Path, help="write every process's RSS and PSS every 0.5 s to this TSV file "
                    "(seconds, step, pid, parent, rss_mib, pss_mib): what makes each step's peak")
    args = ap.parse_args()
    threading.Thread(target=_sample, args=(args.timeline,), daemon=True).start()
    for name in _STEPS:
        setattr(analysis, name, _timed(name, getattr(analysis, name)))
    for name in _WRITES:
        setattr(run, name, _timed(name, getattr(run, name)))
    parts_out.read_slim = _timed("read_slim", parts_out.read_slim)  # each table when a step first reads it
    plan = run.RunPlan(True, args.chunksize, args.n_jobs, None, 0, "profile_corpus_step")
    t0 = time.perf_counter()
    res, files = run._streamed_analysis(args.corpus, args.out, plan, event="auto", resume=True, progress=False)
    run._write_outputs(res, args.out, progress=False, part_files=files)
    print(f"total {time.perf_counter() - t0:.1f} s, peak summed RSS {_peak[1]:.0f} MiB, peak summed PSS {_peak[3]:.0f} MiB")


if __name__ == "__main__":
    main()
