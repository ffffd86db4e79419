"""A streamed run's per-article tables: slim in memory, written in full from their Parquet parts.

The corpus-level step (:func:`~mediakit.pipeline.corpus_tables`), the charts and the report read a
few dozen of the metrics table's 1,000-odd columns and none of the long text columns of the sentences
and attributions tables; the files ``metrics.csv``, ``sentences.parquet``, ``attributions.csv``, ...
hold every column. A streamed run therefore keeps in memory only what that step reads
(:func:`read_slim`) and writes each file from the parts one part at a time
(:func:`write_from_parts`): the memory of that step grows with the corpus by a few columns, not by
every table in full (1.1 GB for the whole AllSides file).
"""

from __future__ import annotations

import contextlib
import json
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._memory import release_memory
from ..export import csv_ready
from ..stream import part_paths
from ._analysis import FIGURE_METRICS, SUMMARY_METRICS

__all__ = ["PartTables", "read_slim", "write_from_parts", "lists_back", "CORPUS_METRICS", "UNREAD_COLUMNS", "SENTENCE_COLUMNS",
           "STREAMED_FILES"]

#: Metric columns the corpus-level step, the charts and the report read (besides the columns that are
#: not metrics: ``article_id``, ``outlet``, ``language``, ``words``, ...). The framing differences read
#: ``wc_loaded_per1k``, one of the summary metrics.
CORPUS_METRICS = frozenset((*SUMMARY_METRICS, *FIGURE_METRICS, "read_flesch_reading_ease"))
_METRIC_PREFIXES = ("sent_", "read_", "wc_", "attr_")
#: Columns of the per-article tables that nothing after the stream reads in memory (long text; the
#: dates of the articles table).
UNREAD_COLUMNS = {
    "attributions": ("published", "source_text", "cue_text", "content_text", "content_spans", "role_evidence"),
    "word_choice": ("published",),
}
#: The only columns of the sentences table read after the stream (the sentiment chart; the report counts
#: rows): 1.9 M sentences of the AllSides file.
SENTENCE_COLUMNS = ("article_id", "outlet", "sentence", "compound")
#: The files written from the parts: output name -> (table, file name).
STREAMED_FILES = {
    "articles": ("articles", "articles.parquet"), "articles_csv": ("articles", "articles.csv"),
    "metrics": ("metrics", "metrics.parquet"), "metrics_csv": ("metrics", "metrics.csv"),
    "sentences": ("sentences", "sentences.parquet"), "attributions": ("attributions", "attributions.csv"),
    "word_choice": ("word_choice", "word_choice.csv"),
}


def lists_back(df: pd.DataFrame) -> pd.DataFrame:
    """List cells read back from Parquet come as NumPy arrays: make them lists again."""
    for col in df.columns:
        if df[col].dtype == object and df[col].map(lambda v: isinstance(v, np.ndarray)).any():
            df[col] = df[col].map(lambda v: v.tolist() if isinstance(v, np.ndarray) else v)
    return df


def _names(paths: list[Path]) -> list[str]:
    """The columns of a table's parts, in order of appearance."""
    import pyarrow.parquet as pq

    names: dict[str, None] = {}
    for p in paths:
        names.update(dict.fromkeys(pq.read_schema(p).names))
    return list(names)


def _slim_names(table: str, names: list[str]) -> list[str]:
    if table == "metrics":
        return [c for c in names if c in CORPUS_METRICS or not c.startswith(_METRIC_PREFIXES)]
    if table == "sentences":
        return [c for c in names if c in SENTENCE_COLUMNS]
    unread = UNREAD_COLUMNS.get(table, ())
    return [c for c in names if c not in unread]


def read_slim(parts: Path, table: str) -> pd.DataFrame:
    """The rows of a streamed table with only the columns read after the stream (see the module).

    Examples
    --------
    >>> import tempfile, mediakit
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["Officials said the regime fell."]})
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = mediakit.analyze_stream([arts], out, progress=False, tables=["metrics", "sentences"])
    >>> m = read_slim(out, "metrics")
    >>> len(m.columns) < len(mediakit.read_parts(out, "metrics").columns), "wc_loaded_per1k" in m
    (True, True)
    >>> "text" in read_slim(out, "sentences").columns
    False
    """
    paths = part_paths(parts, table, func="read_slim")
    if not paths:
        return pd.DataFrame()
    names = _slim_names(table, _names(paths))
    frames = [pd.read_parquet(p, columns=names) for p in paths]
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return lists_back(out)


class PartTables:
    """A streamed run's per-article tables for the corpus-level step, each read from ``parts`` (:func:`read_slim`)
    when a step first asks for it, then kept.

    :func:`~mediakit.pipeline.corpus_tables` reads the metrics first, the attributions after the actor labels
    and sentiment, the word choice for the framing differences and the sentences last: until then the driver
    does not hold them through the steps that need the most memory (distinctive terms, actor labels and
    sentiment; about 500 MiB of the whole AllSides file). The tables are the ones read at once.
    """

    def __init__(self, parts: Path) -> None:
        self.parts = parts

    @cached_property
    def metrics(self) -> pd.DataFrame:
        return read_slim(self.parts, "metrics")

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return read_slim(self.parts, "sentences")

    @cached_property
    def attributions(self) -> pd.DataFrame:
        return read_slim(self.parts, "attributions")

    @cached_property
    def word_choice(self) -> pd.DataFrame:
        return read_slim(self.parts, "word_choice")


def _all_missing(col: Any) -> bool:
    """True when every value of an Arrow column is null (or NaN, as pandas writes a missing float)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if col.null_count == len(col):
        return True
    return bool(pa.types.is_floating(col.type) and pc.all(pc.or_kleene(pc.is_null(col), pc.is_nan(col))).as_py())


def _article_part(table: Any, metrics: Any) -> Any:
    """An articles part as the in-memory run writes it: with ``outlet`` and the language ``analyze`` used."""
    import pyarrow as pa

    for i, col in enumerate(table.columns):  # all missing in this chunk (NaN): no type of its own
        if not pa.types.is_null(col.type) and _all_missing(col):
            table = table.set_column(i, table.field(i).name, pa.nulls(len(col)))
    if "outlet" not in table.column_names:
        table = table.append_column("outlet", pa.nulls(table.num_rows, pa.string()))
    if metrics is not None and "language" in metrics.column_names and \
            table.column("article_id").equals(metrics.column("article_id")):
        lang = metrics.column("language").cast(pa.string())
        if "language" in table.column_names:
            table = table.set_column(table.column_names.index("language"), "language", lang)
        else:
            table = table.append_column("language", lang)
    return table


def _raw_tables(parts: Path, table: str) -> Any:
    """The parts of ``table`` as Arrow tables, one at a time (articles fixed as in :func:`_article_part`)."""
    import pyarrow.parquet as pq

    paths = part_paths(parts, table, func="write_from_parts")
    if table != "articles":
        for p in paths:
            yield pq.read_table(p)
        return
    metric_paths = {p.name: p for p in part_paths(parts, "metrics", func="write_from_parts")}
    for p in paths:
        m = metric_paths.get(p.name)
        yield _article_part(pq.read_table(p), pq.read_table(m, columns=["article_id", "language"])
                            if m is not None else None)


def _with_pandas_metadata(schema: Any, schemas: list[Any]) -> Any:
    """``schema`` with pandas' description of every column, from a part whose column has the final type
    (a column missing from the first part, or all-null there, would otherwise come back with another
    dtype; pandas' nullable ``string`` wins over ``str``, as when the parts' frames are concatenated)."""
    by_name: dict[str, Any] = {}
    first_meta = None
    types = dict(zip(schema.names, schema.types, strict=True))  # by name: a metrics part has 1,000-odd columns
    for part in schemas:
        if not part.metadata or b"pandas" not in part.metadata:
            continue
        meta = json.loads(part.metadata[b"pandas"])
        first_meta = first_meta or meta
        part_types = dict(zip(part.names, part.types, strict=True))
        for col in meta.get("columns", []):
            name = col.get("field_name")
            if name not in types or part_types.get(name) != types[name]:
                continue
            if name not in by_name or (col.get("numpy_type") == "string" != by_name[name].get("numpy_type")):
                by_name[name] = col
    if first_meta is None:
        return schema
    meta = dict(first_meta, columns=[by_name[n] for n in schema.names if n in by_name], index_columns=[])
    return schema.with_metadata({**(schema.metadata or {}), b"pandas": json.dumps(meta).encode()})


def _tables(parts: Path, table: str) -> tuple[Any, Any]:
    """The one schema of a table's parts and an iterator over its parts conformed to it: the columns of
    every part (a chunk may lack a column another has, or have it all null), in order of appearance."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if table == "articles":
        schemas = [t.schema for t in _raw_tables(parts, table)]
    else:  # the parts of a chunk without rows may have other types (an empty frame's defaults): not those
        paths = part_paths(parts, table, func="write_from_parts")
        with_rows = [p for p in paths if pq.read_metadata(p).num_rows] or paths[:1]
        schemas = [pq.read_schema(p) for p in with_rows]
    schema = _with_pandas_metadata(pa.unify_schemas(schemas), schemas)

    def conformed() -> Any:
        for t in _raw_tables(parts, table):
            if not t.num_rows:
                yield schema.empty_table()
                continue
            at = {name: i for i, name in enumerate(t.column_names)}  # a lookup by name scans the columns
            cols = [t.column(at[f.name]).cast(f.type) if f.name in at else pa.nulls(t.num_rows, f.type)
                    for f in schema]
            conformed_part = pa.Table.from_arrays(cols, schema=schema)
            del t, cols  # while the part is written, only its conformed table is held here
            yield conformed_part

    return schema, conformed()


def _write_table(parts: Path, table: str, paths: list[Path]) -> None:
    """Every file of one table (``.parquet`` and CSV) in one pass over its parts."""
    import pyarrow.parquet as pq

    schema, tables = _tables(parts, table)
    with contextlib.ExitStack() as stack:
        writers = [stack.enter_context(pq.ParquetWriter(p, schema)) for p in paths if p.suffix == ".parquet"]
        csvs = [p for p in paths if p.suffix != ".parquet"]
        first = True
        for t in tables:
            for w in writers:
                w.write_table(t)
            if csvs:
                flat = csv_ready(t.to_pandas())
                for p in csvs:
                    flat.to_csv(p, mode="w" if first else "a", header=first, index=False, lineterminator="\n")
                del flat
            first = False
            # the part's pages back to the system: the allocators would keep them, and this runs in a process of
            # its own beside the corpus-level steps (the whole AllSides file: its peak 390 -> 295 MiB)
            del t
            release_memory(collect=False)
        if first:  # no part at all
            for p in csvs:
                p.write_text("", encoding="utf-8")


def write_from_parts(parts: Path, outdir: Path) -> dict[str, Path]:
    """Write the per-article tables of a streamed run (:data:`STREAMED_FILES`) from its parts.

    One part at a time: the memory needed is that of the largest part.

    Returns
    -------
    dict
        Output name -> path, as :func:`~mediakit.pipeline.write_outputs` names them.
    """
    written = {name: outdir / file for name, (_, file) in STREAMED_FILES.items()}
    for table in dict.fromkeys(t for t, _ in STREAMED_FILES.values()):
        _write_table(parts, table, [outdir / f for t, f in STREAMED_FILES.values() if t == table])
    return written
