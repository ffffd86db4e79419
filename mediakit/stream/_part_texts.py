"""The articles' text columns of a streamed run, read from its parts when a step asks for them.

The corpus-level step of a streamed run holds the articles table without its texts (about 215 MiB of Arrow
strings for the whole AllSides file). The steps that read them get a :class:`PartTexts`: the distinctive terms
have them attached for the step (:func:`mediakit.actors.with_texts`), the actor labels and sentiment read each
worker's chunk from the parts only to send it (:class:`mediakit.actors.ArticleTexts`), and the report reads them
back for its table of articles left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..actors import TEXT_COLUMNS
from ._manifest import part_paths

__all__ = ["PartTexts", "read_without_texts"]


def _schema_names(path: Path) -> list[str]:
    import pyarrow.parquet as pq

    return list(pq.read_schema(path).names)


def _n_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)


def _lists(block: pd.DataFrame) -> pd.DataFrame:
    """List cells (captions) read back from Parquet come as NumPy arrays: lists again, as in the articles table a
    streamed run reads back (``mediakit.pipeline``'s ``lists_back``)."""
    for col in block.columns:
        values = block[col]
        if values.dtype == object and values.map(lambda v: isinstance(v, np.ndarray)).any():
            block[col] = values.map(lambda v: v.tolist() if isinstance(v, np.ndarray) else v)
    return block


@dataclass(frozen=True)
class PartTexts:
    """The text columns (those of :data:`mediakit.actors.TEXT_COLUMNS` the parts have) of the articles table
    :func:`read_without_texts` reads, row for row (or of the rows ``positions`` of it, in increasing order).

    Small and picklable; rows are read one part file at a time.
    """

    files: tuple[tuple[str, int], ...]  # each articles part file, with its number of rows, in chunk order
    positions: tuple[int, ...] | None = None  # the rows of the whole table (None: every row)

    @classmethod
    def of(cls, parts: str | Path) -> PartTexts:
        """The texts of every article of the streamed run whose parts are in ``parts``."""
        paths = part_paths(parts, "articles", func="PartTexts")
        return cls(tuple((str(p), _n_rows(p)) for p in paths))

    def __len__(self) -> int:
        return sum(n for _, n in self.files) if self.positions is None else len(self.positions)

    def _rows(self) -> np.ndarray:
        return np.arange(len(self), dtype=np.int64) if self.positions is None else np.array(self.positions, np.int64)

    def take(self, positions: Sequence[int]) -> PartTexts:
        """The texts of the articles at ``positions`` of this table (in increasing order)."""
        pos = np.asarray(positions, dtype=np.int64)
        if len(pos) and (pos.min() < 0 or pos.max() >= len(self) or np.any(np.diff(pos) <= 0)):
            raise ValueError(f"PartTexts.take(): positions must increase, within 0..{len(self) - 1}")
        return PartTexts(self.files, tuple(self._rows()[pos].tolist()))

    def _columns(self) -> tuple[list[str], list[list[str]]]:
        """The text columns of the table (those any part has), and those of each part file."""
        names = [_schema_names(Path(p)) for p, _ in self.files]
        columns = [c for c in TEXT_COLUMNS if any(c in n for n in names)]
        return columns, [[c for c in columns if c in n] for n in names]

    def frames(self) -> Iterator[pd.DataFrame]:
        """The text columns of the rows, one part file at a time (index 0..k-1 in each)."""
        rows = self._rows()
        columns, have = self._columns()
        start = 0
        for (path, n), cols in zip(self.files, have, strict=True):
            lo, hi = np.searchsorted(rows, [start, start + n])
            if hi > lo:
                block = pd.read_parquet(path, columns=cols).iloc[rows[lo:hi] - start].reset_index(drop=True)
                yield _lists(block.reindex(columns=columns))
            start += n

    def frame(self) -> pd.DataFrame:
        """The text columns of every row, read now (index 0..n-1)."""
        blocks = list(self.frames())
        if not blocks:
            return pd.DataFrame({c: pd.Series([], dtype=object) for c in self._columns()[0]})
        return pd.concat(blocks, ignore_index=True) if len(blocks) > 1 else blocks[0]


def read_without_texts(parts: str | Path) -> pd.DataFrame:
    """The articles table of a streamed run (:func:`mediakit.read_parts`) without its text columns: the same
    columns otherwise, in the same order; :class:`PartTexts` reads the texts."""
    frames = []
    for path in part_paths(parts, "articles", func="read_without_texts"):
        names = [c for c in _schema_names(path) if c not in TEXT_COLUMNS]
        frames.append(pd.read_parquet(path, columns=names))
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
