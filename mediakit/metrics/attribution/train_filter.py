"""Retrain the candidate filter: ``python -m mediakit.metrics.attribution.train_filter [--dry-run]``.

Reads PolNeAR train (``../shared`` through :func:`mediakit.datasets.corpora_dir`) and the labelled web
candidates of ``mediakit/resources/web_filter_train.csv`` (pages from ``~/.cache/mediakit-web``, filled by
``benchmarks/bench_web.py``), and writes ``mediakit/resources/attribution_filter.json`` (see
:mod:`mediakit.metrics.attribution._filter_train`).
"""

from __future__ import annotations

import sys
from importlib import resources

from ._filter_train import train_filter

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Train and write the filter (``--dry-run``: print the figures, write nothing)."""
    args = sys.argv[1:] if argv is None else argv
    out = None if "--dry-run" in args else str(resources.files("mediakit.resources"))
    train_filter(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
