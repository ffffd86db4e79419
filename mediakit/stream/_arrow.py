"""Arrow conversion and IPC: tables as compact buffers to send between processes, parts on disk.

A worker converts its tables to Arrow (:func:`arrow_table`) and to compressed Arrow IPC bytes
(:func:`to_ipc`); the process writing the parts decodes them (:func:`from_ipc`), joins the
pieces of a chunk (:func:`concat_tables`) and writes one Parquet part atomically
(:func:`write_part`), with no pandas round trip.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["arrow_table", "to_ipc", "from_ipc", "concat_tables", "write_part"]

#: Arrow schema by (column, dtype) signature, for frames :func:`arrow_table` may convert
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


def _fast_table(df: pd.DataFrame, known: Any) -> Any:
    """``df`` converted column by column with a schema found before; None if a value does not fit."""
    import pyarrow as pa

    try:
        # one schema field per column: the schema was cached for exactly these columns
        arrays = [pa.array(v, type=f.type, from_pandas=True)
                  for v, f in zip(_column_values(df), known, strict=True)]
        return pa.Table.from_arrays(arrays, schema=known)
    except (pa.ArrowException, TypeError, ValueError):
        return None  # e.g. a value that does not fit the type seen before


def _typed_nulls(table: Any, schema: Any) -> Any:
    """An all-missing column (say, no attribution in the chunk) gets its type from ``schema``."""
    import pyarrow as pa

    for i, f in enumerate(table.schema):
        if pa.types.is_null(f.type) and f.name in schema.names:
            typ = schema.field(f.name).type
            table = table.set_column(i, pa.field(f.name, typ), pa.nulls(len(table), typ))
    return table


def _remember_schema(df: pd.DataFrame, table: Any, key: tuple[tuple[str, str], ...]) -> None:
    """Keep the schema of a frame the column-by-column path can convert next time."""
    import pyarrow as pa

    if (len(df) and df.columns.is_unique and len(df.columns) == table.num_columns
            and not any(t == object for t in df.dtypes) and not any(pa.types.is_null(f.type) for f in table.schema)):
        if len(_FAST_SCHEMAS) >= _FAST_SCHEMAS_MAX:
            _FAST_SCHEMAS.clear()
        _FAST_SCHEMAS[key] = table.schema


def arrow_table(df: pd.DataFrame, schema: Any = None) -> Any:
    """``df`` as an Arrow table: all-missing columns typed from ``schema``, only pandas metadata.

    Equal (data, types and pandas metadata) to ``pa.Table.from_pandas(df,
    preserve_index=False)`` with those two fixes. A frame without object columns whose
    column names and dtypes were converted before is converted column by column with the
    schema found then (much faster for wide tables); anything unexpected falls back to
    ``from_pandas``.

    Examples
    --------
    >>> import pandas as pd
    >>> arrow_table(pd.DataFrame({"a": [1, 2]})).num_rows
    2
    """
    import pyarrow as pa

    key = tuple((repr(c), str(t)) for c, t in df.dtypes.items())
    known = _FAST_SCHEMAS.get(key)
    if known is not None and len(df):
        fast = _fast_table(df, known)
        if fast is not None:
            return fast
    table = pa.Table.from_pandas(df, preserve_index=False)
    if schema is not None:
        table = _typed_nulls(table, schema)
    table = table.replace_schema_metadata({k: v for k, v in (table.schema.metadata or {}).items()
                                           if k == b"pandas"})
    _remember_schema(df, table, key)
    return table


def to_ipc(table: Any) -> bytes:
    """An Arrow table as LZ4-compressed Arrow IPC bytes: cheap to send and to read back."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema,
                           options=pa.ipc.IpcWriteOptions(compression="lz4")) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def from_ipc(data: bytes) -> Any:
    """The Arrow table of :func:`to_ipc` bytes."""
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


def concat_tables(tables: Sequence[Any]) -> Any:
    """The pieces of one chunk as one table (a column missing in one piece takes the others' type)."""
    import pyarrow as pa

    if len(tables) == 1:
        return tables[0]
    return pa.concat_tables(tables, promote_options="default")


def write_part(table: Any, path: Path) -> None:
    """Write one part (an Arrow table) atomically: a hidden temporary file, then a rename."""
    import pyarrow.parquet as pq

    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
