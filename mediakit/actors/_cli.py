"""The command line: ``python -m mediakit.actors evaluate --split dev-rw`` and ``... train``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..datasets import corpora_dir
from ._evaluation import TargetSentimentEvaluation, evaluate_target_sentiment
from ._target_model import METHODS
from ._train import train_model

__all__ = ["add_evaluate_arguments", "main", "run_evaluation"]


def add_evaluate_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``evaluate`` (shared with ``python -m mediakit.evaluate actor-sentiment``)."""
    parser.add_argument("--split", default="dev-rw", help="train, dev-rw or dev-mt (default dev-rw)")
    parser.add_argument("--corpora", default=None, help="folder holding newsmtsc/ (default ../shared/corpora)")
    parser.add_argument("--file", default=None, help="a NewsMTSC-format jsonl file (overrides --split)")
    parser.add_argument("--method", choices=("all", "both") + METHODS, default="all",
                        help="one method, or all of them (default; 'both' is the old name of 'all')")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mediakit.actors",
                                     description="Actor labels and target-aware sentiment.")
    sub = parser.add_subparsers(dest="command", required=True)
    add_evaluate_arguments(sub.add_parser("evaluate", help="macro-F1 of target sentiment on NewsMTSC"))
    tr = sub.add_parser("train", help="train the target-sentiment model on NewsMTSC train.jsonl")
    tr.add_argument("--corpora", default=None, help="folder holding newsmtsc/ (default ../shared/corpora)")
    tr.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "resources"),
                    help="folder to write the model files to (default mediakit/resources)")
    return parser


def _input_path(args: argparse.Namespace) -> Path:
    """The file to score: ``--file``, else ``<corpora>/newsmtsc/<split>.jsonl``.

    Raises FileNotFoundError when no corpora folder is given or found.
    """
    if getattr(args, "file", None):
        return Path(args.file)
    corpora = Path(args.corpora) if args.corpora else corpora_dir()
    return corpora / "newsmtsc" / f"{getattr(args, 'split', 'train')}.jsonl"


def _print_results(path: Path, results: list[TargetSentimentEvaluation]) -> None:
    table = pd.DataFrame([r.summary() for r in results]).set_index("method")
    with pd.option_context("display.float_format", "{:.4f}".format, "display.width", 120):
        print(f"NewsMTSC {path.name}: {results[0].n} targets")
        print(table.to_string())
        for r in results:
            print(f"\n{r.method}: thresholds {r.thresholds}; rows gold, columns predicted")
            print(r.confusion.to_string())


def _existing_input(args: argparse.Namespace, hint: str) -> Path | None:
    """The file to read (:func:`_input_path`), or None after saying on stderr why there is none."""
    try:
        path = _input_path(args)
    except FileNotFoundError as err:
        print(f"{err} {hint}", file=sys.stderr)
        return None
    if not path.is_file():
        print(f"no such file: {path} {hint}", file=sys.stderr)
        return None
    return path


def run_evaluation(args: argparse.Namespace) -> int:
    """Print the per-method table for the parsed ``evaluate`` options; return the exit status."""
    path = _existing_input(args, "(use --corpora or --file)")
    if path is None:
        return 2
    methods = METHODS[::-1] if args.method in ("all", "both") else (args.method,)
    _print_results(path, [evaluate_target_sentiment(path, m) for m in methods])
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m mediakit.actors evaluate --split dev-rw`` or ``train``.

    ``evaluate`` prints macro-F1, accuracy and per-class F1 of the baseline ('sentence'),
    the rule-based target-aware score ('target') and the trained model ('model') on a
    NewsMTSC split, and the confusion matrices. ``--corpora`` (default:
    :func:`mediakit.datasets.corpora_dir`, i.e. ``$MEDIAKIT_CORPORA`` or a ``shared/corpora``
    folder in the working directory or one of its parents) locates the corpora; ``--file``
    scores any NewsMTSC-format file instead; ``--method`` picks one. ``train`` refits the
    model on ``newsmtsc/train.jsonl`` (only) and writes it to ``--out``.

    Returns
    -------
    int
        Exit status (0 on success, 2 when the file is missing).
    """
    args = _parser().parse_args(argv)
    if args.command == "evaluate":
        return run_evaluation(args)
    path = _existing_input(args, "(use --corpora)")
    if path is None:
        return 2
    train_model(path, args.out)
    return 0
