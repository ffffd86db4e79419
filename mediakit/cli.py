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
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "analyze":
        from .pipeline import analyze_corpus

        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                written = analyze_corpus(args.corpus, args.out, progress=False if args.quiet else None)
            if not args.quiet:
                for w in caught:
                    print(f"mediakit: note: {w.message}", file=sys.stderr)
        except FileNotFoundError as exc:
            print(f"mediakit: {exc}", file=sys.stderr)
            return 2
        except ValueError as exc:
            print(f"mediakit: {exc}", file=sys.stderr)
            return 1
        if not args.quiet:
            print(f"mediakit: wrote {len(written)} files to {args.out}:")
            for name, path in written.items():
                print(f"  {path}")
        return 0
    return 2  # pragma: no cover - argparse enforces the subcommand


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
