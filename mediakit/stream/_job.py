"""The streaming job :func:`analyze_stream`: chunks in, one Parquet part per chunk and table out.

The run is a pipeline of small steps: check the options, open (or resume) the output folder,
then for every chunk check it, skip it when an earlier run finished it, or cut it into
pieces submitted to the executor; finished chunks are written in order while later ones
are computed; at the end, parts beyond the end of the input are removed and the manifest
is marked complete.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._progress import progress_bar
from .._validation import check_bool
from ..lexicon import load_lexicon
from ..metrics.analyze import FAMILIES, check_families, check_selection, n_workers
from ..schema import validate_articles
from ..text import check_languages
from ._arrow import arrow_table, concat_tables, from_ipc, write_part
from ._executors import InlineExecutor, make_executor
from ._manifest import (DEFAULT_TABLES, MANIFEST, TABLES, StreamConfigError, ids_hash, part_name, prepare,
                        stream_config, write_json_atomic)
from ._work import detects_languages, piece_results, piece_size, schemas, with_languages, work_frame

__all__ = ["analyze_stream", "StreamResult"]

_END = object()  # the input is exhausted
_Entry = tuple[int, pd.DataFrame, list[Any]]  # chunk number, its articles (or ids), its pieces' futures


@dataclass
class StreamResult:
    """What :func:`analyze_stream` did.

    Attributes
    ----------
    out : Path
        The output folder.
    tables : dict
        Table name -> folder of its Parquet parts (read with :func:`read_parts`).
    chunks : int
        Chunks in the input.
    articles : int
        Articles in the input.
    computed : int
        Chunks computed by this run.
    reused : int
        Chunks found finished by an earlier run (resume) and not recomputed.
    load_errors : list
        Load problems carried by the chunks (``attrs["load_errors"]``), in order.
    """

    out: Path
    tables: dict[str, Path]
    chunks: int = 0
    articles: int = 0
    computed: int = 0
    reused: int = 0
    load_errors: list[Any] = field(default_factory=list)


class _Job:
    """One run: the output folder and its manifest, the executor, the chunks in flight."""

    def __init__(self, outdir: Path, tabs: tuple[str, ...], chosen: tuple[str, ...], lexicon: Any,
                 schemas: dict[str, Any], manifest: dict[str, Any], ex: Any,
                 languages: frozenset[str] | None = frozenset({"en"})) -> None:
        self.outdir = outdir
        self.tabs = tabs
        self.computed = tuple(t for t in tabs if t != "articles")
        self.chosen = chosen
        self.lexicon = lexicon
        self.schemas = schemas
        self.manifest = manifest
        self.ex = ex
        self.languages = None if languages is None else tuple(sorted(languages))
        self.ipc = not isinstance(ex, InlineExecutor)  # results cross a process boundary
        self.result = StreamResult(out=outdir, tables={t: outdir / t for t in tabs})
        self.pending: deque[_Entry] = deque()
        self.seen_ids: set[str] = set()
        self.n_seen = 0

    # ----------------------------------------------------------------- the loop
    def run(self, source: Iterator[pd.DataFrame]) -> None:
        """Every chunk of ``source`` computed (or reused) and written; the executor closed."""
        try:
            for k in itertools.count():
                chunk = self._next_chunk(source)
                if chunk is _END:
                    break
                self._take(k, chunk)
            self._drain()
        except BaseException:
            for _, _, futures in self.pending:
                for f in futures:
                    f.cancel()
            self.ex.close(cancel=True)
            raise
        self.ex.close()

    def _next_chunk(self, source: Iterator[pd.DataFrame]) -> Any:
        try:
            return next(source)
        except StopIteration:
            return _END
        except Exception:  # the input failed: keep the chunks already computed, then say so
            self._drain()
            raise

    def _take(self, k: int, chunk: Any) -> None:
        """Check chunk ``k``; reuse it from an earlier run or submit its pieces; write what is ready."""
        ids = self._checked_ids(k, chunk)
        self.result.chunks += 1
        self.result.articles += len(chunk)
        self.result.load_errors.extend(chunk.attrs.get("load_errors") or ())
        if self._finished_before(k, chunk, ids):
            self.result.reused += 1
            return
        self._submit(k, chunk)
        # keep about two pieces per worker queued ahead; write finished chunks in order
        while (len(self.pending) > 1
               and sum(len(e[2]) for e in self.pending) - len(self.pending[-1][2]) >= 2 * self.ex.workers):
            self._finish(self.pending.popleft())
        if isinstance(self.ex, InlineExecutor):
            self._drain()

    # ----------------------------------------------------------------- the steps
    def _checked_ids(self, k: int, chunk: Any) -> list[Any]:
        """The article ids of a valid chunk, unique over the whole input so far."""
        if not isinstance(chunk, pd.DataFrame):
            raise TypeError(f"chunk {k} is a {type(chunk).__name__}, not a DataFrame of articles")
        validate_articles(chunk)
        self.n_seen = k + 1
        ids = chunk["article_id"].tolist()
        dup = [i for i in ids if i in self.seen_ids]
        self.seen_ids.update(ids)
        if dup or len(set(ids)) != len(ids):
            raise ValueError(f"chunk {k}: article_id repeats an earlier one ({(dup or ids)[0]!r}); "
                             "ids must be unique over the whole input")
        return ids

    def _finished_before(self, k: int, chunk: pd.DataFrame, ids: list[Any]) -> bool:
        """True when an earlier run wrote every part of chunk ``k``; refuse a chunk of other articles."""
        done = self.manifest["chunks"].get(str(k))
        if done is None:
            return False
        if done["n_articles"] != len(chunk) or done["ids"] != ids_hash(ids):
            raise StreamConfigError(
                f"chunk {k} of the input holds other articles than the chunk {k} written "
                f"in {self.outdir} before (the input or the chunk size changed); use the same input "
                "and chunk size, another output folder, or resume=False (--no-resume)")
        return all((self.outdir / t / part_name(k)).is_file() for t in self.tabs)

    def _submit(self, k: int, chunk: pd.DataFrame) -> None:
        """Cut chunk ``k`` into pieces and send them to the executor."""
        work = work_frame(chunk)
        if self.ex.detect_first and self.computed and detects_languages(self.computed, self.languages):
            work = with_languages(work)  # here, once per chunk: the pool's workers have no language model
        size = piece_size(len(work), self.ex.workers)
        pieces = [work.iloc[i:i + size] for i in range(0, len(work), size)] or [work]
        futures = ([self.ex.submit(piece_results, p, self.lexicon, self.chosen, self.computed, self.schemas,
                                   self.ipc, self.languages) for p in pieces]
                   if self.computed else [])
        self.pending.append((k, chunk if "articles" in self.tabs else chunk[["article_id"]], futures))

    def _finish(self, entry: _Entry) -> None:
        """Write a chunk's parts (its pieces joined) and record it in the manifest."""
        k, chunk, futures = entry
        parts = [f.result() for f in futures]
        rows: dict[str, int] = {}
        for t in self.tabs:
            if t == "articles":
                table = arrow_table(chunk)
            else:
                table = concat_tables([from_ipc(p[t]) if self.ipc else p[t] for p in parts])
            write_part(table, self.outdir / t / part_name(k))
            rows[t] = int(table.num_rows)
        self.manifest["chunks"][str(k)] = {"n_articles": int(len(chunk)),
                                           "ids": ids_hash(chunk["article_id"].tolist()), "rows": rows}
        write_json_atomic(self.outdir / MANIFEST, self.manifest)
        self.result.computed += 1

    def _drain(self) -> None:
        while self.pending:
            self._finish(self.pending.popleft())

    # ----------------------------------------------------------------- the end
    def drop_stale(self) -> list[int]:
        """Remove the parts of chunks beyond the end of the input (a longer input written before)."""
        stale = sorted(int(c) for c in self.manifest["chunks"] if int(c) >= self.n_seen)
        for c in stale:
            del self.manifest["chunks"][str(c)]
            for t in self.tabs:
                with contextlib.suppress(FileNotFoundError):
                    (self.outdir / t / part_name(c)).unlink()
        return stale

    def complete(self) -> None:
        """Mark the manifest complete."""
        self.manifest["complete"] = True
        self.manifest["n_chunks"] = self.n_seen
        write_json_atomic(self.outdir / MANIFEST, self.manifest)


def _check_options(chunks: Any, families: Any, tables: Any, resume: Any,
                   n_jobs: Any) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """The chosen families and tables and the number of processes; errors for bad options."""
    func = "analyze_stream"
    chosen = check_families(families, func=func)
    tabs = check_selection(tables, TABLES, "tables", func=func)
    check_bool(resume, name="resume", func=func)
    if isinstance(chunks, pd.DataFrame):
        raise TypeError(f"{func}(): chunks must be an iterable of DataFrames (for one DataFrame, pass [df])")
    return chosen, tabs, n_workers(n_jobs, func=func)


def _start(outdir: Path, chosen: tuple[str, ...], tabs: tuple[str, ...], lexicon: Any, resume: bool,
           ex_args: tuple[Any, int, int], languages: frozenset[str] | None = frozenset({"en"})) -> _Job:
    """Open the output folder (resume or start over) and the executor: a job ready for chunks."""
    config = stream_config(chosen, tabs, lexicon, languages)
    if lexicon is not None and not isinstance(lexicon, str):
        lexicon = load_lexicon(lexicon)  # resolved once, not in every task
    manifest = prepare(outdir, config, tabs, resume)
    for t in tabs:
        (outdir / t).mkdir(exist_ok=True)
    ex = make_executor(*ex_args)
    try:  # where the pieces' models load: here (and the pool forked from here), or a Dask worker
        probe_schemas = ex.call(schemas, lexicon, chosen, tabs)
    except BaseException:
        ex.close(cancel=True)
        raise
    return _Job(outdir, tabs, chosen, lexicon, probe_schemas, manifest, ex, languages)


def analyze_stream(chunks: Iterable[pd.DataFrame], out: str | os.PathLike[str], *, n_jobs: int = 1,
                   families: Sequence[str] = FAMILIES, lexicon: Any = None,
                   tables: Sequence[str] = DEFAULT_TABLES, resume: bool = True,
                   scheduler: Any = None, progress: bool | None = None,
                   languages: str | Sequence[str] | None = "en") -> StreamResult:
    """Analyse articles chunk by chunk, writing each chunk's tables as Parquet parts.

    Peak memory is bounded by the chunk size (a few chunks are in flight at once),
    whatever the length of the input.

    Parameters
    ----------
    chunks : iterable of DataFrame
        Articles tables (see :func:`mediakit.load_articles`), e.g. from
        :func:`mediakit.iter_articles` or ``mediakit.datasets.load_allsides(chunksize=N)``.
        ``article_id`` must be unique over the whole input.
    out : path
        Output folder: ``out/<table>/part-NNNNN.parquet`` (one part per input chunk and
        table) and ``out/_manifest.json``.
    n_jobs : int
        Processes (``-1``: every core). A pool is kept alive across chunks and pieces
        are submitted ahead, so workers stay busy while this process
        reads and writes; a chunk is cut into pieces of 50 to 200 articles, at least two
        per worker when the chunk is big enough. Results are identical and in the same
        order as ``n_jobs=1``.
    families : sequence of str
        Metric families of :func:`mediakit.analyze`.
    lexicon : optional
        Word-choice lexicon (for ``metrics`` and ``word_choice``).
    tables : sequence of str
        Among :data:`TABLES`: ``metrics`` (:func:`mediakit.analyze`), ``attributions``
        (:func:`mediakit.extract_attributions`), ``word_choice``
        (:func:`mediakit.word_choice`), ``sentences`` (:func:`mediakit.sentences`) and
        ``articles`` (the input chunks themselves).
    resume : bool
        Keep the chunks an earlier run finished (same configuration, same article ids in
        the chunk) and compute only the rest. ``False`` deletes earlier parts first.
    scheduler : {"local", address} or distributed.Client, optional
        Run the pieces on a Dask cluster instead of a process pool: ``"local"`` starts a
        ``LocalCluster`` on 127.0.0.1 (``n_jobs`` workers, default every core), an address
        such as ``"tcp://host:8786"`` connects to a running scheduler. Needs
        ``mediakit[dask]``; workers need mediakit installed.
    progress : bool, optional
        Progress bar over chunks (default: in terminals and notebooks).
    languages : str, sequence of str or None, default "en"
        The languages of the English-only metrics (see :func:`mediakit.analyze`): articles of
        another language keep NaN metrics and have no rows in the other tables. The chunks
        are analysed quietly: :func:`mediakit.pipeline.warn_left_out_metrics` gives the one
        warning from the metrics read back.

    Returns
    -------
    StreamResult
        Where the tables are and how many chunks were computed or reused.

    Raises
    ------
    StreamConfigError
        When ``out`` holds parts of another configuration (mediakit version, families,
        tables, lexicon) or of another input (a finished chunk whose article ids differ).

    Examples
    --------
    >>> import pandas as pd, tempfile, mediakit
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": [
    ...     "The regime fell.", "Officials said the talks failed.", "Rebels entered the capital."]})
    >>> out = tempfile.mkdtemp()
    >>> res = mediakit.analyze_stream([arts.iloc[:2], arts.iloc[2:]], out, progress=False)
    >>> res.chunks, res.computed, sorted(p.name for p in res.tables["metrics"].iterdir())
    (2, 2, ['part-00000.parquet', 'part-00001.parquet'])
    >>> mediakit.read_parts(out, "metrics")["article_id"].tolist()
    ['a', 'b', 'c']
    >>> mediakit.analyze_stream([arts.iloc[:2], arts.iloc[2:]], out, progress=False).reused
    2
    """
    chosen, tabs, workers = _check_options(chunks, families, tables, resume, n_jobs)
    allowed = check_languages(languages, func="analyze_stream")
    job = _start(Path(out), chosen, tabs, lexicon, resume, (scheduler, n_jobs, workers), allowed)
    job.run(iter(progress_bar(chunks, desc="Analysing", unit="chunk", enabled=progress)))
    stale = job.drop_stale()
    if stale:
        warnings.warn(f"analyze_stream: removed {len(stale)} part(s) of chunks beyond the end of the "
                      f"input (numbers {stale[0]}..{stale[-1]}), left by an earlier run", stacklevel=2)
    job.complete()
    return job.result
