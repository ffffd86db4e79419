"""``python -m mediakit.metrics.loaded train|evaluate``: train the shipped model, or print dev figures.

``train [--out PATH]`` writes ``mediakit/resources/loaded_model.npz`` (or PATH) from BASIL 2010-2014
and AllSides in ``../shared``; ``evaluate [--years 2015 2016]`` prints the figures of today's
``markers`` lists, the codebook alone and the model on those BASIL years.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m mediakit.metrics.loaded", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train", help="train the model from ../shared (deterministic)")
    train.add_argument("--out", default=None, help="where to write the .npz (default: the package file)")
    train.add_argument("--quiet", action="store_true")
    ev = sub.add_parser("evaluate", help="figures of the shipped model and the baselines on BASIL years")
    ev.add_argument("--years", type=int, nargs="+", default=None, help="BASIL years (default 2015 2016)")
    args = parser.parse_args(argv)

    import pandas as pd

    from ._model import load_model
    from ._train import DEV_YEARS, default_model_path, evaluate_dev, save_model, train_model

    if args.command == "train":
        model, info = train_model(verbose=not args.quiet)
        out = args.out or default_model_path()
        save_model(model, out)
        print(f"wrote {out}: {info}")
        return 0
    years = tuple(args.years) if args.years else DEV_YEARS
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(f"BASIL {', '.join(map(str, years))}:")
        print(evaluate_dev(load_model(), years).round(3).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
