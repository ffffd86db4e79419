"""``iter_articles``: any corpus path read as an iterator of article DataFrames (bounded memory)."""

from __future__ import annotations

import gzip
import hashlib
import warnings
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .._progress import progress_bar
from ..dedup import _WORD, _exact_key, flag_duplicates
from ..outlets import outlet_key
from ._errors import ArticleLoadError, LoadReport
from ._load import (DEFAULT_MAX_FILE_SIZE, PathLike, _check_options, _Collector, _expand, _ext_format,
                    _FileReader, _sniff, _to_frame)
from ._records import resolve_columns
from ._sidecar import _PROTECTED, KEY_COLUMNS, _apply_one, read_sidecar, sidecar_files

__all__ = ["iter_articles"]


def _check_chunksize(chunksize: Any) -> int:
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive integer, got {chunksize!r}")
    return chunksize


def _iter_file(reader: _FileReader, path: Path, root: Path | None, batch: int) -> Iterator[dict[str, Any]]:
    """Article dicts of one file; JSONL, CSV and Parquet are streamed, other files are one article."""
    ext_fmt, gz = _ext_format(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
        if head[:2] == b"\x1f\x8b":
            gz = True
            with gzip.open(path, "rb") as fh:
                head = fh.read(65536)
    except (OSError, EOFError, zlib.error):
        yield from reader.read(path, root)  # reports the problem the same way load_articles does
        return
    if not head or (ext_fmt == "unsupported" and root is not None):
        yield from reader.read(path, root)
        return
    fmt = _sniff(head, ext_fmt if ext_fmt != "unsupported" else None)
    if fmt in ("jsonl", "csv"):
        yield from reader._iter_stream(path, str(path), fmt, gz, root, head)
    elif fmt == "parquet" and not gz:
        yield from _iter_parquet(reader, path, root, batch)
    else:
        yield from reader.read(path, root)


def _iter_parquet(reader: _FileReader, path: Path, root: Path | None, batch: int) -> Iterator[dict[str, Any]]:
    """Parquet rows, one record batch at a time."""
    import pyarrow.parquet as pq

    spath = str(path)
    try:
        pf = pq.ParquetFile(path)
        names = [str(c) for c in pf.schema_arrow.names]
    except Exception as exc:  # pyarrow raises many types for corrupt files
        reader.collector.add(spath, "parse", f"unreadable Parquet file: {exc}")
        return
    mapping = resolve_columns(names, reader.columns)
    pos = 0
    try:
        for rb in pf.iter_batches(batch_size=max(1, batch)):
            for rec in rb.to_pandas().to_dict("records"):
                pos += 1
                art = reader._from_record(rec, mapping, spath, path, root, pos, "parquet")
                if art is not None:
                    yield art
    except Exception as exc:
        reader.collector.add(spath, "parse", f"unreadable Parquet data after {pos} row(s) "
                             f"(those are kept): {exc}")
        return
    if pos == 0:
        reader.collector.add(spath, "empty", "the Parquet file has no rows")


class _Ids:
    """Article ids unique over the whole stream (``~2``, ``~3`` suffixes as in load_articles)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def assign(self, rows: list[dict[str, Any]]) -> list[str]:
        ids = []
        for r in rows:
            base = r.get("source_id") or r["_auto_id"]
            if not base:
                base = hashlib.sha1(f"{r.get('title')}\x1f{r.get('text')}".encode()).hexdigest()[:16]
            new, n = base, 1
            while new in self.taken:
                n += 1
                new = f"{base}~{n}"
            self.taken.add(new)
            ids.append(new)
        return ids


class _ExactIndex:
    """Exact duplicates across chunks: an 8-byte digest of each first copy's folded words."""

    def __init__(self) -> None:
        self.first: dict[bytes, str] = {}

    def flag(self, df: pd.DataFrame) -> pd.DataFrame:
        """Re-point articles whose text an earlier chunk holds (``df`` is flagged within itself)."""
        dup_of = df["duplicate_of"].astype(object).tolist()
        kind = df["duplicate_kind"].astype(object).tolist()
        for i, (aid, text) in enumerate(zip(df["article_id"].tolist(), df["text"].tolist())):
            words = _WORD.findall(text.casefold()) if isinstance(text, str) and text else []
            if not words:
                continue
            key = bytes.fromhex(_exact_key(words))[:8]
            earlier = self.first.get(key)
            if earlier is None:
                self.first[key] = aid
            elif earlier != aid:
                dup_of[i], kind[i] = earlier, "exact"
        df["duplicate_of"] = pd.array(dup_of, dtype="string")
        df["duplicate_kind"] = pd.array(kind, dtype="string")
        return df


class _Sidecars:
    """``_metadata.csv`` / ``_events.csv`` read once and applied to every chunk."""

    def __init__(self, roots: list[Path | None], collector: _Collector, tz: str,
                 aliases: Mapping[str, str] | None) -> None:
        self.collector, self.tz, self.aliases = collector, tz, aliases
        self.tables: list[tuple[Path, Path, pd.DataFrame]] = []
        for path, root in sidecar_files(roots):
            table = read_sidecar(path, collector.add)
            if table is not None:
                self.tables.append((path, root, table))
        self.said: set[str] = set()

    def _add(self, path: str, kind: str, message: str, record: int | None = None,
             status: str = "error") -> None:
        if "match no loaded article" in message:
            return  # true of most rows in any one chunk: not a problem
        if message not in self.said:
            self.said.add(message)
            self.collector.add(path, kind, message, record=record, status=status)

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        for path, root, table in self.tables:
            df = _apply_one(df, table, str(path), root, self._add, tz=self.tz, aliases=self.aliases)
            for col in table.columns:  # every chunk gets every sidecar column
                if col not in df.columns and col not in KEY_COLUMNS and col not in _PROTECTED:
                    values = table[col].dropna()
                    numeric = len(values) and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                  for v in values)
                    df[col] = pd.Series(float("nan") if numeric else pd.NA, index=df.index,
                                        dtype="float64" if numeric else "string")
        return df


def iter_articles(
    source: PathLike | Iterable[PathLike],
    *,
    chunksize: int = 1000,
    outlet: str | None = None,
    errors: str = "collect",
    columns: Mapping[str, str] | None = None,
    tz: str = "UTC",
    outlet_aliases: Mapping[str, str] | None = None,
    duplicates: bool = True,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    progress: bool | None = None,
) -> Iterator[pd.DataFrame]:
    """Read a corpus as an iterator of article DataFrames of at most ``chunksize`` rows.

    Takes the same sources and options as :func:`mediakit.load_articles` and gives the
    same columns, but holds only one chunk in memory: JSONL, CSV/TSV (gzip or not) and
    Parquet files are streamed record by record; other files are one article each.

    Differences from ``load_articles``, because nothing is kept across chunks but a set of
    ids and one 8-byte digest per article:

    * ``article_id`` is unique over the whole stream (a repeat gets ``~2``, ``~3``).
    * Duplicates: **exact** duplicates are flagged across chunks (``duplicate_of`` names the
      first copy, in any earlier chunk); **near** duplicates (wire copies found by MinHash)
      are flagged within a chunk only. Larger chunks find more of them.
    * Outlet spellings of an outlet unknown to the alias table are unified within a chunk;
      a spelling chosen in an earlier chunk is kept for later ones.
    * Sidecars (``_metadata.csv``, ``_events.csv``) are read once and applied to every
      chunk; their rows that match no article are not reported.
    * Load problems of each chunk are in that chunk's ``attrs["load_errors"]``
      (see :func:`mediakit.load_errors`); one summary warning is given at the end.

    Parameters
    ----------
    source : path, glob or list of them
        As for :func:`mediakit.load_articles`.
    chunksize : int
        Articles per chunk (the last one may be smaller). An input with no article
        gives one empty chunk.
    outlet, errors, columns, tz, outlet_aliases, duplicates, max_file_size, progress
        As for :func:`mediakit.load_articles` (the progress bar counts files).

    Yields
    ------
    pandas.DataFrame
        Articles in the order ``load_articles`` gives them, index 0..n-1 within a chunk.

    Examples
    --------
    >>> import mediakit, tempfile, pathlib, json
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> lines = [json.dumps({"id": f"n{i}", "text": f"Story number {i}."}) for i in range(5)]
    >>> _ = (folder / "news.jsonl").write_text("\\n".join(lines))
    >>> [c["article_id"].tolist() for c in mediakit.iter_articles(folder, chunksize=2)]
    [['n0', 'n1'], ['n2', 'n3'], ['n4']]
    """
    chunksize = _check_chunksize(chunksize)
    _check_options(errors, max_file_size, outlet, tz, columns)
    collector = _Collector(errors)
    files = _expand(source, collector)  # raises FileNotFoundError now, not at the first next()
    return _chunks(files, collector, chunksize, outlet=outlet, columns=columns, tz=tz,
                   aliases=outlet_aliases, duplicates=duplicates, max_file_size=max_file_size,
                   progress=progress)


def _chunks(files: list[tuple[Path, Path | None]], collector: _Collector, chunksize: int, *,
            outlet: str | None, columns: Mapping[str, str] | None, tz: str,
            aliases: Mapping[str, str] | None, duplicates: bool, max_file_size: int,
            progress: bool | None) -> Iterator[pd.DataFrame]:
    reader = _FileReader(columns, collector, max_file_size)
    sidecars = _Sidecars([root for _, root in files], collector, tz, aliases)
    ids = _Ids()
    exact = _ExactIndex()
    spelling: dict[str, str] = {}
    state = {"reported": 0, "articles": 0, "problems": 0, "chunks": 0}
    rows: list[dict[str, Any]] = []

    def emit() -> pd.DataFrame:
        df = _to_frame(rows, outlet=outlet, tz=tz, aliases=aliases)
        if len(df):
            df["article_id"] = pd.array(ids.assign(rows), dtype="string")
            names = []
            for name in df["outlet"].tolist():
                if isinstance(name, str):
                    name = spelling.setdefault(outlet_key(name), name)
                names.append(name)
            df["outlet"] = pd.array(names, dtype="string")
            df = sidecars.apply(df)
            if duplicates:
                df = exact.flag(flag_duplicates(df))
        new = collector.items[state["reported"]:]
        state["reported"] = len(collector.items)
        df.attrs["load_errors"] = LoadReport(tuple(new))
        state["articles"] += len(df)
        state["problems"] += sum(e.status in ("error", "warning") for e in new)
        state["chunks"] += 1
        rows.clear()
        return df

    for path, root in progress_bar(files, desc="Loading articles", unit="file", enabled=progress,
                                   min_items=2):
        try:
            for art in _iter_file(reader, path, root, chunksize):
                rows.append(art)
                if len(rows) >= chunksize:
                    yield emit()
        except ArticleLoadError:
            raise
        except (ValueError, TypeError) as exc:
            if "columns=" in str(exc):
                raise
            collector.add(str(path), "parse", f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # one bad file never stops the load
            collector.add(str(path), "read", f"{type(exc).__name__}: {exc}")
    if rows or state["chunks"] == 0 or len(collector.items) > state["reported"]:
        yield emit()
    if state["problems"]:
        warnings.warn(f"iter_articles: {state['articles']} article(s) loaded in {state['chunks']} "
                      f"chunk(s); {state['problems']} problem(s) recorded. See "
                      "mediakit.load_errors(chunk) for each chunk's list.", stacklevel=2)
