"""``iter_articles``: any corpus path read as an iterator of article DataFrames (bounded memory)."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .._progress import progress_bar
from ..dedup import flag_duplicates_keyed
from ..outlets import outlet_key
from ._bodies import check_bodies
from ._corpus_folders import CorpusFolder, iter_corpus, warn_unused_options
from ._errors import Collector, LoadReport
from ._frame import fallback_id, to_frame, unique_ids
from ._load import check_load_options
from ._reader import FileReader
from ._sidecar import KEY_COLUMNS, PROTECTED_COLUMNS, apply_sidecar, read_sidecar, sidecar_files
from ._sources import DEFAULT_MAX_FILE_SIZE, PathLike, expand_sources

__all__ = ["iter_articles"]


def _check_chunksize(chunksize: Any) -> int:
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"iter_articles(): chunksize must be a positive integer, got {chunksize!r}")
    return chunksize


class _Ids:
    """Article ids unique over the whole stream (``~2``, ``~3`` suffixes as in load_articles)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def assign(self, rows: list[dict[str, Any]]) -> list[str]:
        bases = [r.get("source_id") or r["_auto_id"] or fallback_id(r) for r in rows]
        return unique_ids(bases, self.taken)


class _ExactIndex:
    """Exact duplicates across chunks: an 8-byte digest of each first copy's folded words."""

    def __init__(self) -> None:
        self.first: dict[bytes, str] = {}

    def flag(self, df: pd.DataFrame, keys: list[str | None]) -> pd.DataFrame:
        """Re-point articles whose text an earlier chunk holds (``df`` is flagged within itself; ``keys``: the
        exact keys of its texts, :func:`mediakit.dedup.flag_duplicates_keyed`)."""
        dup_of = df["duplicate_of"].astype(object).tolist()
        kind = df["duplicate_kind"].astype(object).tolist()
        for i, (aid, hexkey) in enumerate(zip(df["article_id"].tolist(), keys, strict=True)):
            if hexkey is None:
                continue
            key = bytes.fromhex(hexkey)[:8]
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

    def __init__(self, roots: list[Path | None], collector: Collector, tz: str,
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
            df = apply_sidecar(df, table, str(path), root, self._add, tz=self.tz, aliases=self.aliases)
            for col in table.columns:  # every chunk gets every sidecar column
                if col not in df.columns and col not in KEY_COLUMNS and col not in PROTECTED_COLUMNS:
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
    Parquet files are streamed record by record; other files are one article each. A
    research corpus folder is read by its reader (AllSides streamed, BASIL and PolNeAR read
    whole and cut into chunks), after the plain files, as ``load_articles`` reads it.

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

    Returns
    -------
    iterator of pandas.DataFrame
        Chunks of the articles table, one row per article (at most ``chunksize`` rows per
        chunk; key column ``article_id``): the columns ``load_articles`` gives, articles in
        the order it gives them, index 0..n-1 within a chunk. The options are checked and
        the sources listed at the call; files are read as the iterator is consumed.

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
    check_load_options(errors, max_file_size, outlet, tz, columns, func="iter_articles")
    collector = Collector(errors)
    corpora: list[CorpusFolder] = []
    files = expand_sources(source, collector, corpora)  # raises FileNotFoundError now, not at the first next()
    warn_unused_options(corpora, columns, "iter_articles")
    return _chunks(files, corpora, collector, chunksize, outlet=outlet, columns=columns, tz=tz,
                   aliases=outlet_aliases, duplicates=duplicates, max_file_size=max_file_size,
                   progress=progress)


def _chunks(files: list[tuple[Path, Path | None]], corpora: list[CorpusFolder], collector: Collector,
            chunksize: int, *, outlet: str | None, columns: Mapping[str, str] | None, tz: str,
            aliases: Mapping[str, str] | None, duplicates: bool, max_file_size: int,
            progress: bool | None) -> Iterator[pd.DataFrame]:
    reader = FileReader(columns, collector, max_file_size)
    sidecars = _Sidecars([root for _, root in files], collector, tz, aliases)
    ids = _Ids()
    exact = _ExactIndex()
    spelling: dict[str, str] = {}
    state = {"reported": 0, "articles": 0, "problems": 0, "chunks": 0}
    rows: list[dict[str, Any]] = []

    def finish(df: pd.DataFrame) -> pd.DataFrame:
        """Duplicates flagged, this chunk's load problems attached, counts kept."""
        if duplicates and len(df):
            df = exact.flag(*flag_duplicates_keyed(df))
        new = collector.items[state["reported"]:]
        state["reported"] = len(collector.items)
        df.attrs["load_errors"] = LoadReport(tuple(new))
        state["articles"] += len(df)
        state["problems"] += sum(e.status in ("error", "warning") for e in new)
        state["chunks"] += 1
        return df

    def emit() -> pd.DataFrame:
        df = to_frame(rows, outlet=outlet, tz=tz, aliases=aliases)
        if len(df):
            df["article_id"] = pd.array(ids.assign(rows), dtype="string")
            names = []
            for name in df["outlet"].tolist():
                if isinstance(name, str):
                    name = spelling.setdefault(outlet_key(name), name)
                names.append(name)
            df["outlet"] = pd.array(names, dtype="string")
            df = sidecars.apply(df)
            check_bodies(df, collector.add, reported=collector.items, titles_only=reader.textless)
        rows.clear()
        return finish(df)

    for path, root in progress_bar(files, desc="Loading articles", unit="file", enabled=progress,
                                   min_items=2):
        for art in reader.iter_file(path, root, chunksize):  # input problems are recorded
            rows.append(art)
            if len(rows) >= chunksize:
                yield emit()
    if rows or (state["chunks"] == 0 and not corpora) or len(collector.items) > state["reported"]:
        yield emit()
    for corpus in corpora:
        for chunk in iter_corpus(corpus, collector.add, chunksize, outlet=outlet, aliases=aliases,
                                 progress=progress):
            chunk["article_id"] = pd.array(unique_ids(chunk["article_id"].tolist(), ids.taken), dtype="string")
            check_bodies(chunk, collector.add, reported=collector.items)
            yield finish(chunk)
    if corpora and (state["chunks"] == 0 or len(collector.items) > state["reported"]):
        rows.clear()
        yield emit()  # no article at all, or the last corpus's problems after its last chunk
    if state["problems"]:
        warnings.warn(f"iter_articles: {state['articles']} article(s) loaded in {state['chunks']} "
                      f"chunk(s); {state['problems']} problem(s) recorded. See "
                      "mediakit.load_errors(chunk) for each chunk's list.", stacklevel=2)
