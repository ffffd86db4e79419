"""The ``mediakit`` command line."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from typing import Any

__all__ = ["main"]


from ._version import __version__
from .lexicon import load_lexicon
from .metrics.attribution import read_cue_entries
from .pipeline import PARALLEL_THRESHOLD, STREAM_THRESHOLD, analyze_corpus


def _parser() -> argparse.ArgumentParser:
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
    # a corpus above the threshold is streamed on all cores by itself; these switches force streaming
    a.add_argument("--chunksize", type=int, metavar="N",
                   help="stream the corpus N articles at a time (resumable parts under OUT/parts/); corpora "
                        f"above {STREAM_THRESHOLD // 2**20} MiB are streamed in chunks of 1000 by default, and "
                        f"corpora above {PARALLEL_THRESHOLD // 2**20} MiB loaded whole and measured in such "
                        "chunks on all cores")
    a.add_argument("--n-jobs", type=int, metavar="N",
                   help="processes for a streamed run (-1: all cores, the default above "
                        f"{PARALLEL_THRESHOLD // 2**20} MiB on a machine with two cores or more)")
    a.add_argument("--scheduler", metavar="ADDRESS",
                   help="stream on a Dask cluster: tcp://host:8786, or 'local'")
    a.add_argument("--no-resume", action="store_true", help="streamed run: start over, do not resume")
    a.add_argument("--lexicon", metavar="NAME_OR_PATH",
                   help="word-choice lexicon: a shipped name (see mediakit.available_lexicons()) or your YAML or "
                        "CSV file (default: the shipped framing lexicon)")
    a.add_argument("--extend-lexicon", action="store_true",
                   help="merge the --lexicon file over the shipped lexicon instead of replacing it")
    a.add_argument("--cues", metavar="PATH",
                   help="your attribution cues (YAML or CSV), merged over the shipped ones")
    langs = a.add_mutually_exclusive_group()
    langs.add_argument("--languages", default="en", metavar="CODES",
                       help="languages the English-only metrics (VADER, lexicons, readability, attribution, "
                            "actors) score, comma-separated ISO 639-1 codes; articles detected in another "
                            "language keep NaN metrics and are listed in the report (default: en)")
    langs.add_argument("--all-languages", action="store_true",
                       help="score every article with the English-only metrics, whatever its language")
    return p


def _languages(args: argparse.Namespace) -> str | tuple[str, ...] | None:
    """The ``languages`` option of :func:`mediakit.pipeline.analyze_corpus` from the flags."""
    if args.all_languages:
        return None
    codes = tuple(c.strip() for c in args.languages.split(",") if c.strip())
    if not codes:
        raise ValueError("--languages needs at least one language code, e.g. --languages en,de "
                         "(or --all-languages)")
    return codes[0] if len(codes) == 1 else codes


def _lexicon(args: argparse.Namespace) -> Any:
    """The ``lexicon`` option of :func:`mediakit.pipeline.analyze_corpus` from the flags (read and checked here,
    before any article is loaded)."""
    if args.lexicon is None:
        if args.extend_lexicon:
            raise ValueError("--extend-lexicon needs --lexicon FILE (the terms merged over the shipped lexicon)")
        return None
    return load_lexicon(args.lexicon, extend=args.extend_lexicon)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "analyze":
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                event = None if args.event.lower() == "none" else args.event
                cues = read_cue_entries(args.cues) if args.cues is not None else None
                written = analyze_corpus(args.corpus, args.out, event=event,
                                         progress=False if args.quiet else None, chunksize=args.chunksize,
                                         n_jobs=args.n_jobs, scheduler=args.scheduler, resume=not args.no_resume,
                                         languages=_languages(args), lexicon=_lexicon(args), cues=cues)
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
