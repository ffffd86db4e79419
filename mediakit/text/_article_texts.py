"""Text columns held elsewhere: the protocol of a source that reads a table of articles' texts when asked.

A streamed run keeps the articles' texts in its parts on disk (:class:`mediakit.stream.PartTexts` reads them); the
functions that take ``texts=`` (:func:`mediakit.actor_labels`, :func:`mediakit.actor_sentiment`,
:func:`mediakit.distinctive_terms`) then need only the ids and groups in the articles table.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

import pandas as pd

__all__ = ["ArticleTexts"]


@runtime_checkable
class ArticleTexts(Protocol):
    """The text columns (``title``, ``text``, ``captions``: those the corpus has) of a table of articles, row for row,
    read when asked."""

    def __len__(self) -> int:
        """The number of articles."""
        ...

    def take(self, positions: Sequence[int]) -> ArticleTexts:
        """The texts of the articles at ``positions`` (in increasing order; not read yet)."""
        ...

    def frame(self) -> pd.DataFrame:
        """The text columns of every article, read now (index 0..n-1)."""
        ...

    def frames(self) -> Iterator[pd.DataFrame]:
        """The text columns in consecutive blocks of articles, read one block at a time."""
        ...
