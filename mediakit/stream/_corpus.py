"""The corpus runner behind ``mediakit analyze --chunksize/--scheduler``: a folder streamed to parts."""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..loaders import LoadReport, iter_articles
from ._job import analyze_stream
from ._manifest import DEFAULT_TABLES, MANIFEST

__all__ = ["analyze_corpus_streaming"]


def _write_load_errors(errors: list[Any], path: Path) -> tuple[Path, int]:
    """Write the load problems as CSV; the path and the number of errors and warnings among them."""
    from ..export import write_table  # matplotlib only when there is something to write

    report = LoadReport(tuple(errors))
    written = write_table(report.to_frame(), path)
    return written, sum(e["status"] in ("error", "warning") for e in report)


def analyze_corpus_streaming(corpus: Any, out: str | os.PathLike[str], *, chunksize: int = 1000,
                             n_jobs: int = 1, scheduler: Any = None, resume: bool = True,
                             tables: Sequence[str] = ("articles",) + DEFAULT_TABLES,
                             progress: bool | None = None) -> dict[str, Path]:
    """The ``mediakit analyze --chunksize/--scheduler`` job: a corpus streamed to Parquet parts.

    Reads ``corpus`` with :func:`mediakit.iter_articles` (``chunksize`` articles at a time)
    and runs :func:`analyze_stream` on it, then writes ``load_errors.csv`` when anything
    could not be loaded.

    Returns
    -------
    dict
        Output name -> path: one folder per table, the manifest, and load errors if any.

    Raises
    ------
    FileNotFoundError
        When ``corpus`` does not exist.
    ValueError
        When no article could be loaded (or bad options).
    """
    outdir = Path(out)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="iter_articles:")  # summarised below instead
        chunks = iter_articles(corpus, chunksize=chunksize, progress=False)
        res = analyze_stream(chunks, outdir, n_jobs=n_jobs, scheduler=scheduler, resume=resume,
                             tables=tables, progress=progress)
    written: dict[str, Path] = dict(res.tables)
    written["manifest"] = outdir / MANIFEST
    if res.load_errors:
        written["load_errors"], problems = _write_load_errors(res.load_errors, outdir / "load_errors.csv")
        if problems:
            warnings.warn(f"{res.articles} article(s) loaded; {problems} problem(s) recorded in "
                          f"{written['load_errors']}", stacklevel=2)
    if res.articles == 0:
        raise ValueError(f"no article could be loaded from {os.fspath(corpus)!r}"
                         + (f"; see {written['load_errors']}" if "load_errors" in written else ""))
    return written
