"""Step 2 of the pipeline and the whole job: one code path for a corpus of any size.

:func:`analyze_corpus` (``mediakit analyze CORPUS --out DIR``) plans the run (:func:`plan_run`):
a small corpus is loaded and measured in memory; a large one - or any run given ``chunksize``,
``n_jobs`` or ``scheduler`` - is streamed in chunks on all cores by :mod:`mediakit.stream` into
resumable Parquet parts under ``DIR/parts/``. Either way the per-article tables then go through the
same corpus-level step (:func:`~mediakit.pipeline.corpus_tables`) and the same writer
(:func:`write_outputs`): every table, every figure and ``report.html``.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .._memory import release_memory
from .._workers import Workers
from ..export import write_table
from ..loaders import LoadReport, iter_articles, load_articles, load_errors
from ..loaders._errors import Collector
from ..loaders._sources import expand_sources
from ..metrics.attribution import using_cues
from ..stream import TABLES, PartTexts, analyze_stream, read_without_texts
from ..text import unload_language_model
from ._analysis import (CorpusAnalysis, analyze_articles, corpus_tables, event_column,
                        warn_left_out_metrics, with_outlet)
from ._figures import make_figures
from ._parts_out import STREAMED_FILES, PartTables, lists_back, write_from_parts
from ._report import write_report

__all__ = ["analyze_corpus", "write_outputs", "plan_run", "RunPlan", "STREAM_THRESHOLD", "PARALLEL_THRESHOLD"]

#: A corpus whose files add up to more than this many bytes (gzip-compressed files counted four
#: times) is streamed in chunks on all cores instead of being held in memory.
STREAM_THRESHOLD = 64 * 2**20
#: A smaller corpus above this many bytes (counted the same way: about 450 AllSides articles of
#: gzipped JSONL, 900 of plain text) is loaded whole, as in memory (duplicates flagged over the whole
#: corpus), and measured in chunks on all cores, its charts on two processes, when the machine has two
#: cores or more: the worker processes more than pay for their start (1.2x at 500 AllSides articles,
#: 1.4x at 2,000, 1.6x at 6,000; about 700 MiB more memory; docs/scale.md).
PARALLEL_THRESHOLD = 4 * 2**20
_GZIP_FACTOR = 4
_DEFAULT_CHUNKSIZE = 1000


@dataclass(frozen=True)
class RunPlan:
    """How :func:`analyze_corpus` runs.

    Attributes
    ----------
    streamed : bool
        Chunks through :mod:`mediakit.stream` (True) or one table in memory (False).
    chunksize, n_jobs : int
        Articles per chunk and worker processes (-1: all cores) of a streamed run.
    scheduler : object
        Dask scheduler of a streamed run, if any.
    input_bytes : int
        Size of the corpus files (gzip counted four times).
    reason : str
        Why, in words.
    loaded : bool
        A streamed run whose chunks are cut from the whole corpus loaded at once (duplicates flagged
        over all of it, as in memory) instead of read chunk by chunk.
    """

    streamed: bool
    chunksize: int
    n_jobs: int
    scheduler: Any
    input_bytes: int
    reason: str
    loaded: bool = False

    @property
    def local_jobs(self) -> int:
        """The processes of this machine the corpus-level step and the charts may use: ``n_jobs``, or 1 when a
        Dask scheduler does the per-article work."""
        return self.n_jobs if self.scheduler is None else 1


def _input_bytes(corpus: Any) -> int:
    """Bytes of the files the loader would read (the same expansion of folders and globs)."""
    total = 0
    for p, _ in expand_sources(corpus, Collector("collect")):
        size = p.stat().st_size
        total += size * _GZIP_FACTOR if p.suffix == ".gz" else size
    return total


def plan_run(corpus: Any, *, chunksize: int | None = None, n_jobs: int | None = None,
             scheduler: Any = None) -> RunPlan:
    """Decide how :func:`analyze_corpus` runs on ``corpus``.

    Streamed when any of ``chunksize``, ``n_jobs``, ``scheduler`` is given, or when the corpus files
    add up to more than :data:`STREAM_THRESHOLD`; then chunks of ``chunksize`` (default 1,000)
    articles on ``n_jobs`` processes (default all cores). A corpus between :data:`PARALLEL_THRESHOLD`
    and :data:`STREAM_THRESHOLD`, on a machine with two or more cores, is loaded whole and measured in
    such chunks on all cores (``loaded``); a smaller one, or any corpus on one core, in memory.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("A headline. Some text.", encoding="utf-8")
    >>> plan_run(folder).streamed, plan_run(folder).input_bytes
    (False, 22)
    >>> plan_run(folder, n_jobs=2).reason
    'streamed: chunksize, n_jobs or scheduler given'
    """
    size = _input_bytes(corpus)
    chunk = _DEFAULT_CHUNKSIZE if chunksize is None else chunksize
    if (chunksize, n_jobs, scheduler) != (None, None, None):
        return RunPlan(True, chunk, 1 if n_jobs is None else n_jobs, scheduler, size,
                       "streamed: chunksize, n_jobs or scheduler given")
    if size > STREAM_THRESHOLD:
        return RunPlan(True, chunk, -1, None, size,
                       f"streamed on all cores: {size / 2**20:.0f} MiB of input > "
                       f"{STREAM_THRESHOLD / 2**20:.0f} MiB")
    cores = os.cpu_count() or 1
    if size > PARALLEL_THRESHOLD and cores > 1:
        return RunPlan(True, chunk, -1, None, size,
                       f"loaded whole, measured on all {cores} cores: {size / 2**20:.0f} MiB of input > "
                       f"{PARALLEL_THRESHOLD / 2**20:.0f} MiB", loaded=True)
    return RunPlan(False, chunk, 1, None, size, "in memory")


def _corpus_files(res: CorpusAnalysis, outdir: Path) -> dict[str, Path]:
    """The corpus-level tables that exist, written as CSV."""
    written: dict[str, Path] = {}
    if res.comparison is not None:
        written["comparison"] = write_table(res.comparison.pairs, outdir / "comparison.csv")
        written["comparison_groups"] = write_table(res.comparison.groups, outdir / "comparison_groups.csv")
        if res.comparison.paired is not None:
            written["comparison_events"] = write_table(res.comparison.paired, outdir / "comparison_events.csv")
    if res.terms is not None:
        written["distinctive_terms"] = write_table(res.terms, outdir / "distinctive_terms.csv")
    if res.style_terms is not None:
        written["house_style_terms"] = write_table(res.style_terms, outdir / "house_style_terms.csv")
    if res.actor_labels is not None:
        written["actor_labels"] = write_table(res.actor_labels, outdir / "actor_labels.csv")
    if res.source_roles is not None:
        written["source_roles"] = write_table(res.source_roles, outdir / "source_roles.csv")
    if res.partisan is not None:
        written["partisan_balance"] = write_table(res.partisan, outdir / "partisan_balance.csv")
    if res.framing is not None:
        written["framing_differences"] = write_table(res.framing, outdir / "framing_differences.csv")
    if res.actor_sentiment is not None:
        written["actor_sentiment"] = write_table(res.actor_sentiment, outdir / "actor_sentiment.csv")
    return written


def write_outputs(res: CorpusAnalysis, out: str | os.PathLike[str], *, progress: bool | None = None,
                  report: bool = True) -> dict[str, Path]:
    """Write the tables, figures and ``report.html`` of ``res`` under ``out``.

    Returns
    -------
    dict
        Output name -> path of every file written (``figure:<file name>`` for figure files).
    """
    return _write_outputs(res, Path(out), progress=progress, report=report)


def _write_outputs(res: CorpusAnalysis, outdir: Path, *, progress: bool | None, report: bool = True,
                   part_files: dict[str, Path] | None = None, n_jobs: int = 1) -> dict[str, Path]:
    """:func:`write_outputs`; ``part_files``: the files of a streamed run already written from its parts;
    ``n_jobs``: the processes the charts may use (:func:`make_figures`)."""
    outdir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    if len(res.load_errors):
        written["load_errors"] = write_table(res.load_errors, outdir / "load_errors.csv")
    if res.parts is not None:  # a streamed run: every column, written part by part
        written.update(part_files if part_files is not None else write_from_parts(res.parts, outdir))
    else:
        for name, (table, file) in STREAMED_FILES.items():
            written[name] = write_table(getattr(res, table), outdir / file)
    written.update(_corpus_files(res, outdir))
    release_memory()
    figures = make_figures(res, outdir / "figures", progress=progress, n_jobs=n_jobs)
    release_memory()
    for fig in figures:
        for p in fig.files:
            written[f"figure:{p.name}"] = p
    if report:
        written["report"] = write_report(res, figures, written, outdir / "report.html")
    return written


def _no_articles(corpus: Any, outdir: Path, errors: pd.DataFrame) -> ValueError:
    outdir.mkdir(parents=True, exist_ok=True)
    msg = f"no article could be loaded from {os.fspath(corpus)!r}"
    if len(errors):
        msg += f"; see {write_table(errors, outdir / 'load_errors.csv')}"
    return ValueError(msg)


def _write_parts_job(state: dict[str, Any], parts: Path, outdir: Path) -> dict[str, Path]:
    """:func:`write_from_parts` in a worker process (:class:`mediakit._workers.Workers`)."""
    return write_from_parts(parts, outdir)


def _part_writer(plan: RunPlan) -> Workers | None:
    """A worker process that writes the per-article files from the parts while this process computes the
    corpus-level tables (they read the same parts; neither writes what the other reads); None when the run
    keeps to one process (``n_jobs=1``, one core, a Dask scheduler: then the files are written afterwards)."""
    if plan.scheduler is not None or plan.n_jobs == 1 or (os.cpu_count() or 1) < 2:
        return None
    return Workers(1)


def loaded_chunks(articles: pd.DataFrame, chunksize: int) -> Iterator[pd.DataFrame]:
    """The loaded corpus ``articles`` in chunks of ``chunksize`` rows, as :func:`mediakit.iter_articles` gives
    them: index from 0 in each, the load problems (``attrs["load_errors"]``) carried by the first one only.

    Examples
    --------
    >>> df = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["x", "y", "z"]})
    >>> df.attrs["load_errors"] = ("a problem",)
    >>> [(len(c), c.index.tolist(), c.attrs.get("load_errors")) for c in loaded_chunks(df, 2)]
    [(2, [0, 1], ('a problem',)), (1, [0], None)]
    """
    errors = articles.attrs.get("load_errors")
    for k, start in enumerate(range(0, max(len(articles), 1), chunksize)):
        chunk = articles.iloc[start:start + chunksize].reset_index(drop=True)
        chunk.attrs = {"load_errors": errors} if k == 0 and errors else {}
        yield chunk


def _streamed_analysis(corpus: Any, outdir: Path, plan: RunPlan, *, event: str | None, resume: bool,
                       progress: bool | None, languages: Any = "en", lexicon: Any = None
                       ) -> tuple[CorpusAnalysis, dict[str, Path] | None]:
    """The per-article tables made in chunks (resumable parts under ``outdir/parts``), read back, and the
    corpus-level tables; with the per-article files when a worker process wrote them meanwhile."""
    parts = outdir / "parts"
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="iter_articles:")  # one summary for the corpus below
        warnings.filterwarnings("ignore", message="load_articles:")
        chunks = (loaded_chunks(load_articles(corpus, progress=progress), plan.chunksize) if plan.loaded
                  else iter_articles(corpus, chunksize=plan.chunksize, progress=False))
        res = analyze_stream(chunks, parts, n_jobs=plan.n_jobs, scheduler=plan.scheduler, resume=resume,
                             tables=TABLES, progress=progress, languages=languages, lexicon=lexicon)
    unload_language_model()  # the stream's, about 130 MiB: the corpus-level step has the languages
    release_memory()  # the stream's parsed records and Arrow buffers
    errors = LoadReport(tuple(res.load_errors)).to_frame()
    if res.articles == 0:
        raise _no_articles(corpus, outdir, errors)
    problems = int(errors["status"].isin(["error", "warning"]).sum()) if len(errors) else 0
    if problems:
        warnings.warn(f"{res.articles} article(s) loaded; {problems} problem(s) recorded "
                      f"(see load_errors.csv)", stacklevel=3)
    with contextlib.ExitStack() as stack:  # leaving it on an error or Ctrl-C stops the writer at once
        writer = _part_writer(plan)
        if writer is not None:
            stack.enter_context(writer)
            # last: the writer ends once the files are written, not when the corpus-level tables are done
            writer.submit(_write_parts_job, [(parts, outdir)], last=True)
        # without the texts, which the steps that read them read from the parts (PartTexts): about 215 MiB of the
        # whole AllSides file that this process need not hold through the actor labels and the rest
        articles = with_outlet(lists_back(read_without_texts(parts)))
        event_column(articles, event)
        # only the columns read from here on, each when a step first reads it: the files get every column from
        # the parts (write_from_parts)
        tables = PartTables(parts)
        if articles["article_id"].tolist() == tables.metrics["article_id"].tolist():  # the language analyze used
            articles = articles.assign(language=tables.metrics["language"].array)
        warn_left_out_metrics(tables.metrics, languages)
        analysis = corpus_tables(articles, tables, source=os.fspath(corpus), event=event, errors=errors,
                                 languages=languages, n_jobs=plan.local_jobs, texts=PartTexts.of(parts))
        files = writer.collect()[0] if writer is not None else None
    analysis.parts = parts
    return analysis, files


def analyze_corpus(corpus: str | os.PathLike[str], out: str | os.PathLike[str], *,
                   event: str | None = "auto", progress: bool | None = None, chunksize: int | None = None,
                   n_jobs: int | None = None, scheduler: Any = None, resume: bool = True,
                   languages: str | Sequence[str] | None = "en", lexicon: Any = None,
                   cues: Any = None) -> dict[str, Path]:
    """Load ``corpus``, compute what mediakit measures, and write the outputs under ``out``.

    One code path whatever the size (see :func:`plan_run`): a small corpus is measured in memory, a
    large one streamed in chunks on all cores; both write every table, figure and ``report.html``.

    Parameters
    ----------
    corpus : path
        File, folder or glob of articles (see :func:`mediakit.load_articles`).
    out : path
        Output folder (created).
    event : str or None, default 'auto'
        See :func:`~mediakit.pipeline.analyze_articles`.
    progress : bool, optional
        Progress bars (default: in terminals and notebooks, not under CI).
    chunksize, n_jobs, scheduler : optional
        Force a streamed run with these settings (articles per chunk, processes with -1 for all
        cores, a Dask scheduler address or ``'local'``).
    resume : bool, default True
        A streamed run resumes the chunks an interrupted run finished (``out/parts``).
    languages : str, sequence of str or None, default "en"
        The languages of the English-only metrics (see :func:`~mediakit.pipeline.analyze_articles`);
        None scores every article (``--all-languages``; ``--languages en,de``).
    lexicon, cues : optional
        Your word-choice lexicon and attribution cues (``--lexicon``, ``--cues``; see
        :func:`~mediakit.pipeline.analyze_articles`). A streamed run records both in its manifest and resumes
        only with the same ones.

    Returns
    -------
    dict
        Output name -> path of every file written.

    Raises
    ------
    FileNotFoundError
        When ``corpus`` does not exist.
    ValueError
        When no article could be loaded, ``event`` names a missing column or ``languages`` is empty.
    """
    outdir = Path(out)
    plan = plan_run(corpus, chunksize=chunksize, n_jobs=n_jobs, scheduler=scheduler)
    if plan.streamed:
        with using_cues(cues):
            res, files = _streamed_analysis(corpus, outdir, plan, event=event, resume=resume, progress=progress,
                                            languages=languages, lexicon=lexicon)
        return _write_outputs(res, outdir, progress=progress, part_files=files,
                              n_jobs=plan.local_jobs)
    articles = load_articles(corpus, progress=progress)
    if articles.empty:
        raise _no_articles(corpus, outdir, load_errors(articles))
    res = analyze_articles(articles, source=os.fspath(corpus), event=event, progress=progress,
                           languages=languages, lexicon=lexicon, cues=cues)
    return _write_outputs(res, outdir, progress=progress)
