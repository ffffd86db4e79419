"""Streaming: corpora larger than memory, analysed chunk by chunk into partitioned Parquet.

:func:`analyze_stream` takes any iterable of article DataFrames (for example
:func:`mediakit.iter_articles` or ``mediakit.datasets.load_allsides(chunksize=...)``) and
writes each chunk's tables as one Parquet part per table (``out/metrics/part-00000.parquet``,
...), atomically, with a manifest (``out/_manifest.json``) that lets an interrupted run
resume without redoing finished chunks. Work goes to one process, a pool of processes kept
alive across chunks (``n_jobs``), or a Dask cluster (``scheduler``); results are identical
and in the same order whichever is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._progress import progress_bar
from .metrics.analyze import FAMILIES, _check_families, _check_selection, _n_workers
from .schema import validate_articles

__all__ = ["analyze_stream", "analyze_corpus_streaming", "read_parts", "StreamResult",
           "StreamConfigError", "TABLES", "DEFAULT_TABLES", "MANIFEST", "WORKER_MEMORY", "loopback_cluster"]

#: Tables :func:`analyze_stream` can write, one folder of parts each.
TABLES = ("articles", "metrics", "attributions", "word_choice", "sentences")
#: Tables written by default.
DEFAULT_TABLES = ("metrics", "attributions", "word_choice")
#: Name of the manifest file in the output folder.
MANIFEST = "_manifest.json"
_FORMAT = 1
_PIECE = 200  # at most this many articles per task sent to a worker (as in mediakit.analyze)
_MIN_PIECE = 50  # a call of analyze costs ~15 ms whatever its size
_WORK_COLUMNS = ("article_id", "outlet", "published", "title", "text", "captions")


class StreamConfigError(ValueError):
    """The output folder holds parts written with another configuration or another input."""


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


# --------------------------------------------------------------------------- the work of one piece


#: A process doing the work drops mediakit's word caches (readability's words, the shared
#: chunk vocabulary) when its resident memory passes this many bytes, so that memory stays
#: bounded over millions of articles; the caches never change results. Environment variable
#: ``MEDIAKIT_WORKER_MEMORY_MB`` overrides it.
def _env_mib(name: str, default: int) -> int:
    try:
        return max(0, int(os.environ.get(name, default))) * 2**20
    except ValueError:
        return default * 2**20


WORKER_MEMORY = _env_mib("MEDIAKIT_WORKER_MEMORY_MB", 512)
_MEMORY_STEP = 128 * 2**20  # after a clear, the next only once memory has grown this much more
_last_clear: list[int] = []


def _rss() -> int | None:
    """Resident memory of this process in bytes (Linux), else None."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _bound_caches() -> bool:
    """Drop the word caches when this process is over :data:`WORKER_MEMORY`; True if dropped."""
    rss = _rss()
    if rss is None or rss <= WORKER_MEMORY or (_last_clear and rss <= _last_clear[-1] + _MEMORY_STEP):
        return False
    from ._tokens import clear_chunk_caches
    from .metrics.readability import clear_caches

    clear_caches()
    clear_chunk_caches()
    _last_clear.append(_rss() or rss)  # freed memory is reused by the caches, not returned
    return True


def _piece_tables(piece: pd.DataFrame, lexicon: Any, families: tuple[str, ...],
                  tables: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """The computed tables of a few articles (runs in worker processes and on Dask workers)."""
    _bound_caches()
    out: dict[str, pd.DataFrame] = {}
    if "metrics" in tables:
        from .metrics.analyze import analyze

        out["metrics"] = analyze(piece, lexicon=lexicon, families=families, progress=False)
    if "attributions" in tables:
        from .metrics.attribution import extract_attributions

        out["attributions"] = extract_attributions(piece)
    if "word_choice" in tables:
        from .metrics.word_choice import word_choice

        out["word_choice"] = word_choice(piece, lexicon)
    if "sentences" in tables:
        from .metrics.sentiment import sentences

        out["sentences"] = sentences(piece)
    return out


def _piece_results(piece: pd.DataFrame, lexicon: Any, families: tuple[str, ...], tables: tuple[str, ...],
                   schemas: dict[str, Any], ipc: bool) -> dict[str, Any]:
    """A piece's tables as Arrow tables (``ipc``: as compressed Arrow IPC bytes).

    The conversion runs where the work runs: a worker sends back compact buffers, and the
    process writing the parts only concatenates them (no pandas round trip there).
    """
    out = {}
    for name, df in _piece_tables(piece, lexicon, families, tables).items():
        table = _arrow_table(df, schemas.get(name))
        out[name] = _to_ipc(table) if ipc else table
    return out


_PROBE = pd.DataFrame({
    "article_id": pd.array(["probe"], dtype="string"), "outlet": pd.array(["Probe"], dtype="string"),
    "published": pd.to_datetime(["2020-01-01"], utc=True), "title": pd.array(["Regime falls"], dtype="string"),
    "text": pd.array(["Officials said the regime fell. \u201cIt is over,\u201d said Anna Berg, a "
                      "spokeswoman. Rebels entered the capital."], dtype="string"),
    "captions": [["Rebels in the capital. (AFP Photo)"]]})


def _schemas(lexicon: Any, families: tuple[str, ...], tables: tuple[str, ...]) -> dict[str, Any]:
    """Arrow schema of each computed table (from a probe article), so every part agrees.

    Without it an empty part (a chunk with no attribution) would get ``null`` columns.
    """
    import pyarrow as pa

    computed = tuple(t for t in tables if t != "articles")
    probe = _piece_tables(_PROBE, lexicon, families, computed)
    return {name: pa.Table.from_pandas(df, preserve_index=False).schema for name, df in probe.items()}


# --------------------------------------------------------------------------- fingerprints, manifest


def _lexicon_fingerprint(lexicon: Any) -> str:
    from .lexicon import load_lexicon

    frame = load_lexicon(lexicon).to_frame(ignore=True)
    return hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()[:16]


def _config(families: tuple[str, ...], tables: tuple[str, ...], lexicon: Any) -> dict[str, Any]:
    from . import __version__

    return {"mediakit_version": __version__, "families": list(families), "tables": list(tables),
            "lexicon": _lexicon_fingerprint(lexicon) if {"metrics", "word_choice"} & set(tables) else None}


def _ids_hash(ids: Sequence[Any]) -> str:
    h = hashlib.sha256()
    for i in ids:
        h.update(str(i).encode())
        h.update(b"\x1f")
    return h.hexdigest()[:24]


def _write_json_atomic(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
    os.replace(tmp, path)


def _part_name(chunk: int) -> str:
    return f"part-{chunk:05d}.parquet"


#: Arrow schema by (column, dtype) signature, for frames :func:`_arrow_table` may convert
#: column by column: ``pa.Table.from_pandas`` costs ~50 ms per call on the 1,168-column
#: metrics table whatever its rows (per-column Python overhead), 3-4x the direct conversion.
#: A few tables are converted over and over; the cache is emptied if it ever holds more.
_FAST_SCHEMAS: dict[tuple[tuple[str, str], ...], Any] = {}
_FAST_SCHEMAS_MAX = 64


def _column_values(df: pd.DataFrame) -> list[Any]:
    """Each column's values without building a Series per column (slow on wide frames):
    numpy columns come out of one 2-D array per dtype, others as Series."""
    out: list[Any] = [None] * df.shape[1]
    groups: dict[np.dtype, list[int]] = {}
    for i, dtype in enumerate(df.dtypes.tolist()):
        if isinstance(dtype, np.dtype) and dtype.kind in "fiub":
            groups.setdefault(dtype, []).append(i)
        else:
            out[i] = df.iloc[:, i]
    for dtype, idx in groups.items():
        block = np.ascontiguousarray(df.iloc[:, idx].to_numpy(dtype=dtype).T)
        for j, i in enumerate(idx):
            out[i] = block[j]
    return out


def _arrow_table(df: pd.DataFrame, schema: Any = None) -> Any:
    """``df`` as an Arrow table: all-missing columns typed from ``schema``, only pandas metadata.

    Equal (data, types and pandas metadata) to ``pa.Table.from_pandas(df,
    preserve_index=False)`` with those two fixes. A frame without object columns whose
    column names and dtypes were converted before is converted column by column with the
    schema found then (much faster for wide tables); anything unexpected falls back to
    ``from_pandas``.
    """
    import pyarrow as pa

    key = tuple((repr(c), str(t)) for c, t in df.dtypes.items())
    known = _FAST_SCHEMAS.get(key)
    if known is not None and len(df):
        try:
            arrays = [pa.array(v, type=f.type, from_pandas=True) for v, f in zip(_column_values(df), known)]
            return pa.Table.from_arrays(arrays, schema=known)
        except (pa.ArrowException, TypeError, ValueError):
            pass  # e.g. a value that does not fit the type seen before
    table = pa.Table.from_pandas(df, preserve_index=False)
    if schema is not None:  # an all-missing column (say, no attribution in the chunk) gets its type
        for i, f in enumerate(table.schema):
            if pa.types.is_null(f.type) and f.name in schema.names:
                typ = schema.field(f.name).type
                table = table.set_column(i, pa.field(f.name, typ), pa.nulls(len(table), typ))
    table = table.replace_schema_metadata({k: v for k, v in (table.schema.metadata or {}).items()
                                           if k == b"pandas"})
    if (len(df) and df.columns.is_unique and len(df.columns) == table.num_columns
            and not any(t == object for t in df.dtypes) and not any(pa.types.is_null(f.type) for f in table.schema)):
        if len(_FAST_SCHEMAS) >= _FAST_SCHEMAS_MAX:
            _FAST_SCHEMAS.clear()
        _FAST_SCHEMAS[key] = table.schema
    return table


def _to_ipc(table: Any) -> bytes:
    """An Arrow table as LZ4-compressed Arrow IPC bytes: cheap to send and to read back."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema,
                           options=pa.ipc.IpcWriteOptions(compression="lz4")) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def _from_ipc(data: bytes) -> Any:
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


def _concat_tables(tables: Sequence[Any]) -> Any:
    """The pieces of one chunk as one table (a column missing in one piece takes the others' type)."""
    import pyarrow as pa

    if len(tables) == 1:
        return tables[0]
    return pa.concat_tables(tables, promote_options="default")


def _write_part(table: Any, path: Path) -> None:
    """Write one part (an Arrow table) atomically: a hidden temporary file, then a rename."""
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _describe_mismatch(old: dict[str, Any], new: dict[str, Any]) -> str:
    keys = sorted(set(old) | set(new))
    return "; ".join(f"{k}: {old.get(k)!r} there, {new.get(k)!r} now" for k in keys if old.get(k) != new.get(k))


def _prepare(out: Path, config: dict[str, Any], tables: tuple[str, ...], resume: bool) -> dict[str, Any]:
    """Open (resume) or start the manifest; refuse parts written with another configuration."""
    out.mkdir(parents=True, exist_ok=True)
    mpath = out / MANIFEST
    if mpath.exists() and resume:
        try:
            manifest = json.loads(mpath.read_text())
        except ValueError as exc:
            raise StreamConfigError(f"{mpath} is not a readable manifest ({exc}); use resume=False "
                                    "(--no-resume) to start over") from exc
        if manifest.get("format") != _FORMAT or manifest.get("config") != config:
            raise StreamConfigError(
                f"{out} holds parts written with another configuration "
                f"({_describe_mismatch(manifest.get('config') or {}, config)}); use another output "
                "folder, the same settings, or resume=False (--no-resume) to delete them and start over")
        manifest["complete"] = False
        return manifest
    if mpath.exists() or any((out / t).is_dir() for t in TABLES):
        for t in TABLES:  # start over: only our own files are removed
            for p in sorted((out / t).glob("part-*.parquet")) if (out / t).is_dir() else []:
                p.unlink()
        with contextlib.suppress(FileNotFoundError):
            mpath.unlink()
    manifest = {"format": _FORMAT, "config": config, "chunks": {}, "complete": False}
    _write_json_atomic(mpath, manifest)
    return manifest


# --------------------------------------------------------------------------- executors


class _Inline:
    """Runs the work at once in this process (``n_jobs=1``)."""

    class _Done:
        def __init__(self, value: Any) -> None:
            self.value = value

        def result(self) -> Any:
            return self.value

        def cancel(self) -> bool:
            return False

    workers = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self._Done(fn(*args))

    def close(self, cancel: bool = False) -> None:
        pass


class _Pool:
    """A process pool kept alive across chunks."""

    def __init__(self, workers: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.pool = ProcessPoolExecutor(max_workers=workers)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.pool.submit(fn, *args)

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


def loopback_cluster(n_workers: int) -> Any:
    """A ``distributed.LocalCluster`` reachable on 127.0.0.1 only: one single-threaded worker
    process each, no dashboard, and the scheduler's HTTP endpoint on a free loopback port
    (the default 8787 may be taken by another cluster).
    """
    from distributed import LocalCluster

    return LocalCluster(n_workers=n_workers, threads_per_worker=1, host="127.0.0.1", processes=True,
                        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})


class _Dask:
    """A ``dask.distributed`` client: ``"local"`` starts a LocalCluster on loopback."""

    def __init__(self, scheduler: Any, n_jobs: int) -> None:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("scheduler= needs Dask: pip install 'mediakit[dask]'") from exc
        self.cluster = None
        self.own_client = True
        if isinstance(scheduler, Client):
            self.client = scheduler
            self.own_client = False
        elif scheduler == "local":
            n = _n_workers(n_jobs) if n_jobs != 1 else (os.cpu_count() or 1)
            self.cluster = loopback_cluster(n)
            self.client = Client(self.cluster)
        elif isinstance(scheduler, str) and scheduler:
            self.client = Client(scheduler)
        else:
            raise ValueError(f"scheduler must be 'local', a scheduler address such as "
                             f"'tcp://host:8786', or a distributed.Client; got {scheduler!r}")
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def close(self, cancel: bool = False) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# --------------------------------------------------------------------------- the streaming loop


def _check_tables(tables: Any) -> tuple[str, ...]:
    return _check_selection(tables, TABLES, "tables")


def _work_frame(chunk: pd.DataFrame) -> pd.DataFrame:
    """Only the columns the metrics read, index 0..n-1: less to send to workers."""
    cols = [c for c in _WORK_COLUMNS if c in chunk.columns]
    return chunk[cols].reset_index(drop=True)


def _piece_size(n: int, workers: int) -> int:
    """Articles per task: at most 200, and small enough that a chunk feeds every worker evenly."""
    if workers <= 1:
        return max(1, n)  # in this process: the whole chunk at once (analyze splits it anyway)
    return max(_MIN_PIECE, min(_PIECE, -(-n // (2 * workers))))


def analyze_stream(chunks: Iterable[pd.DataFrame], out: str | os.PathLike[str], *, n_jobs: int = 1,
                   families: Sequence[str] = FAMILIES, lexicon: Any = None,
                   tables: Sequence[str] = DEFAULT_TABLES, resume: bool = True,
                   scheduler: Any = None, progress: bool | None = None) -> StreamResult:
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
    chosen = _check_families(families)
    tabs = _check_tables(tables)
    if not isinstance(resume, bool):
        raise TypeError(f"resume must be True or False, got {resume!r}")
    if isinstance(chunks, pd.DataFrame):
        raise TypeError("chunks must be an iterable of DataFrames (for one DataFrame, pass [df])")
    workers = _n_workers(n_jobs)
    outdir = Path(out)
    config = _config(chosen, tabs, lexicon)
    if lexicon is not None and not isinstance(lexicon, str):
        from .lexicon import load_lexicon

        lexicon = load_lexicon(lexicon)  # resolved once, not in every task
    schemas = _schemas(lexicon, chosen, tabs)
    manifest = _prepare(outdir, config, tabs, resume)
    for t in tabs:
        (outdir / t).mkdir(exist_ok=True)
    result = StreamResult(out=outdir, tables={t: outdir / t for t in tabs})
    computed = tuple(t for t in tabs if t != "articles")
    if scheduler is not None:
        ex: Any = _Dask(scheduler, n_jobs)
    elif workers > 1:
        ex = _Pool(workers)
    else:
        ex = _Inline()
    ipc = not isinstance(ex, _Inline)  # results cross a process boundary
    pending: deque[tuple[int, pd.DataFrame, list[Any]]] = deque()
    seen_ids: set[str] = set()

    def finish(entry: tuple[int, pd.DataFrame, list[Any]]) -> None:
        k, chunk, futures = entry
        parts = [f.result() for f in futures]
        rows: dict[str, int] = {}
        for t in tabs:
            if t == "articles":
                table = _arrow_table(chunk)
            else:
                table = _concat_tables([_from_ipc(p[t]) if ipc else p[t] for p in parts])
            _write_part(table, outdir / t / _part_name(k))
            rows[t] = int(table.num_rows)
        manifest["chunks"][str(k)] = {"n_articles": int(len(chunk)), "ids": _ids_hash(chunk["article_id"].tolist()),
                                      "rows": rows}
        _write_json_atomic(outdir / MANIFEST, manifest)
        result.computed += 1

    n_seen = 0
    source = iter(progress_bar(chunks, desc="Analysing", unit="chunk", enabled=progress))
    try:
        for k in itertools.count():
            try:
                chunk = next(source)
            except StopIteration:
                break
            except Exception:  # the input failed: keep the chunks already computed, then say so
                while pending:
                    finish(pending.popleft())
                raise
            if not isinstance(chunk, pd.DataFrame):
                raise TypeError(f"chunk {k} is a {type(chunk).__name__}, not a DataFrame of articles")
            validate_articles(chunk)
            n_seen = k + 1
            ids = chunk["article_id"].tolist()
            dup = [i for i in ids if i in seen_ids]
            seen_ids.update(ids)
            if dup or len(set(ids)) != len(ids):
                raise ValueError(f"chunk {k}: article_id repeats an earlier one ({(dup or ids)[0]!r}); "
                                 "ids must be unique over the whole input")
            result.chunks += 1
            result.articles += len(chunk)
            result.load_errors.extend(chunk.attrs.get("load_errors") or ())
            done = manifest["chunks"].get(str(k))
            if done is not None:
                if done["n_articles"] != len(chunk) or done["ids"] != _ids_hash(ids):
                    raise StreamConfigError(
                        f"chunk {k} of the input holds other articles than the chunk {k} written "
                        f"in {outdir} before (the input or the chunk size changed); use the same input "
                        "and chunk size, another output folder, or resume=False (--no-resume)")
                if all((outdir / t / _part_name(k)).is_file() for t in tabs):
                    result.reused += 1
                    continue
            work = _work_frame(chunk)
            size = _piece_size(len(work), ex.workers)
            pieces = [work.iloc[i:i + size] for i in range(0, len(work), size)] or [work]
            futures = ([ex.submit(_piece_results, p, lexicon, chosen, computed, schemas, ipc) for p in pieces]
                       if computed else [])
            pending.append((k, chunk if "articles" in tabs else chunk[["article_id"]], futures))
            # keep about two pieces per worker queued ahead; write finished chunks in order
            while len(pending) > 1 and sum(len(e[2]) for e in pending) - len(pending[-1][2]) >= 2 * ex.workers:
                finish(pending.popleft())
            if isinstance(ex, _Inline):
                while pending:
                    finish(pending.popleft())
        while pending:
            finish(pending.popleft())
    except BaseException:
        for _, _, futures in pending:
            for f in futures:
                f.cancel()
        ex.close(cancel=True)
        raise
    ex.close()
    stale = sorted(int(c) for c in manifest["chunks"] if int(c) >= n_seen)
    if stale:  # a longer input was written here before: its extra chunks do not belong
        for c in stale:
            del manifest["chunks"][str(c)]
            for t in tabs:
                with contextlib.suppress(FileNotFoundError):
                    (outdir / t / _part_name(c)).unlink()
        warnings.warn(f"analyze_stream: removed {len(stale)} part(s) of chunks beyond the end of the "
                      f"input (numbers {stale[0]}..{stale[-1]}), left by an earlier run", stacklevel=2)
    manifest["complete"] = True
    manifest["n_chunks"] = n_seen
    _write_json_atomic(outdir / MANIFEST, manifest)
    return result


def read_parts(out: str | os.PathLike[str], table: str = "metrics", *,
               columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Read a table written by :func:`analyze_stream`: its parts concatenated in chunk order.

    Parameters
    ----------
    out : path
        The output folder given to :func:`analyze_stream`.
    table : str
        One of the tables written (``metrics``, ``attributions``, ...).
    columns : sequence of str, optional
        Read only these columns.

    Returns
    -------
    DataFrame
        Index 0..n-1. (``pd.read_parquet(out / table)`` or ``dask.dataframe.read_parquet``
        read the same folder.)

    Raises
    ------
    FileNotFoundError
        When ``out`` has no manifest or the table was not written.
    """
    outdir = Path(out)
    mpath = outdir / MANIFEST
    if not mpath.is_file():
        raise FileNotFoundError(f"no {MANIFEST} in {outdir}: not an analyze_stream output folder")
    manifest = json.loads(mpath.read_text())
    if table not in manifest["config"]["tables"]:
        raise FileNotFoundError(f"table {table!r} was not written to {outdir}; tables: "
                                f"{manifest['config']['tables']}")
    if not manifest.get("complete"):
        warnings.warn(f"read_parts: the run writing {outdir} did not finish; reading the "
                      f"{len(manifest['chunks'])} finished chunk(s)", stacklevel=2)
    frames = [pd.read_parquet(outdir / table / _part_name(int(c)), columns=columns)
              for c in sorted(manifest["chunks"], key=int)]
    if not frames:
        return pd.DataFrame(columns=list(columns or []))
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


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
    from .loaders import LoadReport
    from .loaders._stream import iter_articles

    outdir = Path(out)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="iter_articles:")  # summarised below instead
        chunks = iter_articles(corpus, chunksize=chunksize, progress=False)
        res = analyze_stream(chunks, outdir, n_jobs=n_jobs, scheduler=scheduler, resume=resume,
                             tables=tables, progress=progress)
    written: dict[str, Path] = dict(res.tables)
    written["manifest"] = outdir / MANIFEST
    if res.load_errors:
        from .pipeline import write_table

        report = LoadReport(tuple(res.load_errors))
        written["load_errors"] = write_table(report.to_frame(), outdir / "load_errors.csv")
        problems = sum(e["status"] in ("error", "warning") for e in report)
        if problems:
            warnings.warn(f"{res.articles} article(s) loaded; {problems} problem(s) recorded in "
                          f"{written['load_errors']}", stacklevel=2)
    if res.articles == 0:
        raise ValueError(f"no article could be loaded from {os.fspath(corpus)!r}"
                         + (f"; see {written['load_errors']}" if "load_errors" in written else ""))
    return written
