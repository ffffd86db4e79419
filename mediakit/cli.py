"""The ``mediakit`` command line."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="mediakit", description="Measure how news outlets frame events.")
    p.add_argument("--version", action="version", version=f"mediakit {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="load a corpus, compute metrics, write tables and figures")
    a.add_argument("corpus", help="file, folder or glob of articles")
    a.add_argument("--out", required=True, help="output folder (created if needed)")
    a.add_argument("--quiet", action="store_true", help="no progress bars or summary")
    a.add_argument("--event", default="auto", metavar="COLUMN",
                   help="event (story) column for within-event comparisons; default: the first of "
                        "event_id, event, triplet-uuid present; 'none' to use none")
    # streaming job (mediakit/stream.py): chunks -> partitioned Parquet tables, resumable
    a.add_argument("--chunksize", type=int, metavar="N",
                   help="stream the corpus N articles at a time into OUT/<table>/part-*.parquet")
    a.add_argument("--n-jobs", type=int, metavar="N", help="processes for the streaming job (-1: all cores)")
    a.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the streaming job on a Dask cluster: tcp://host:8786, or 'local'")
    a.add_argument("--no-resume", action="store_true", help="streaming job: start over, do not resume")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "analyze":
        from .pipeline import analyze_corpus

        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                event = None if args.event.lower() == "none" else args.event
                if (args.chunksize, args.n_jobs, args.scheduler) != (None, None, None) or args.no_resume:
                    from .stream import analyze_corpus_streaming

                    written = analyze_corpus_streaming(
                        args.corpus, args.out, chunksize=1000 if args.chunksize is None else args.chunksize,
                        n_jobs=1 if args.n_jobs is None else args.n_jobs, scheduler=args.scheduler,
                        resume=not args.no_resume, progress=False if args.quiet else None)
                else:
                    written = analyze_corpus(args.corpus, args.out, event=event,
                                             progress=False if args.quiet else None)
            if not args.quiet:
                for w in caught:
                    print(f"mediakit: note: {w.message}", file=sys.stderr)
        except FileNotFoundError as exc:
            print(f"mediakit: {exc}", file=sys.stderr)
            return 2
        except ValueError as exc:
            print(f"mediakit: {exc}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("mediakit: interrupted; the output folder may be incomplete", file=sys.stderr)
            return 130
        if not args.quiet:
            print(f"mediakit: wrote {len(written)} files to {args.out}:")
            for name, path in written.items():
                if not name.startswith("figure:"):
                    print(f"  {path}")
            n_fig = sum(1 for name in written if name.startswith("figure:"))
            print(f"  {n_fig} figure files under {args.out}/figures/ (PNG, SVG and the CSV behind each)")
            if "report" in written:
                print(f"mediakit: open {written['report']} in a browser")
        return 0
    return 2  # pragma: no cover - argparse enforces the subcommand


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
