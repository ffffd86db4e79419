"""The work of one piece of a chunk: its tables, computed where the work runs.

Runs in this process, in pool workers and on Dask workers alike. A chunk is cut into pieces
(:func:`piece_size`); each piece's tables come back as Arrow tables or compressed Arrow IPC
bytes (:func:`piece_results`), typed by the schemas of a probe article (:func:`schemas`).
"""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd

from ..metrics.analyze import FAMILIES, analyze
from ..metrics.attribution import extract_attributions
from ..metrics.sentiment import sentences
from ..metrics.word_choice import word_choice
from ..text import LeftOutWarning, article_languages, shared_results
from ._arrow import arrow_table, to_ipc
from ._manifest import TABLES
from ._memory import bound_caches

__all__ = ["detects_languages", "piece_tables", "with_languages", "piece_results", "schemas", "warm_up", "work_frame",
           "piece_size"]

_PIECE = 200  # at most this many articles per task sent to a worker (as in mediakit.analyze)
_MIN_PIECE = 50  # a call of analyze costs ~15 ms whatever its size
#: what the workers read: the byline too, the writer of a text's own "I" (the attributions' roles)
_WORK_COLUMNS = ("article_id", "outlet", "published", "language", "title", "byline", "text", "captions")


def piece_tables(piece: pd.DataFrame, lexicon: Any, families: tuple[str, ...],
                 tables: tuple[str, ...], languages: Any = "en") -> dict[str, pd.DataFrame]:
    """The computed tables of a few articles (runs in worker processes and on Dask workers).

    Quiet about the articles left out for their language or empty body: the caller says it once
    for the whole input (``mediakit.pipeline.warn_left_out_metrics``). Each article's language is
    detected once (:func:`with_languages`), its attributions found and its sentences scored once: the
    ``attr_`` and ``sent_`` metrics read the attributions and sentences tables when those are asked for too.
    """
    bound_caches()
    if detects_languages(tables, languages):
        piece = with_languages(piece)
    out: dict[str, pd.DataFrame] = {}
    with warnings.catch_warnings(), shared_results():  # the tables read each text's matches, ids and quotations once
        warnings.simplefilter("ignore", LeftOutWarning)
        attrs = extract_attributions(piece, progress=False, languages=languages) if "attributions" in tables else None
        sents = sentences(piece, progress=False, languages=languages) if "sentences" in tables else None
        if "metrics" in tables:
            out["metrics"] = analyze(piece, lexicon=lexicon, families=families, progress=False, languages=languages,
                                     attributions=attrs, sentences=sents)
        if attrs is not None:
            out["attributions"] = attrs
        if "word_choice" in tables:
            out["word_choice"] = word_choice(piece, lexicon, progress=False, languages=languages)
        if sents is not None:
            out["sentences"] = sents
    return out


def detects_languages(tables: tuple[str, ...], languages: Any) -> bool:
    """Does :func:`piece_tables` read its articles' languages (:func:`with_languages`)? The metrics table records
    them, and ``languages`` (not None) keeps the English-only tables to those languages; else nothing reads them.

    Examples
    --------
    >>> [detects_languages(t, lang) for t, lang in [(("metrics",), None), (("sentences",), ("en",)),
    ...                                                 (("word_choice",), None)]]
    [True, True, False]
    """
    return "metrics" in tables or languages is not None


def with_languages(piece: pd.DataFrame) -> pd.DataFrame:
    """``piece`` with a ``language`` for every article that can have one (its own values kept, the missing
    ones detected: :func:`mediakit.text.article_languages`), so that the metrics, the attributions and the
    word choice read it instead of each detecting it again. ``piece`` itself when nothing is missing.

    Examples
    --------
    >>> with_languages(pd.DataFrame({"text": ["Die Regierung hat am Dienstag ein neues Klimapaket beschlossen."]}))[
    ...     "language"].tolist()
    ['de']
    """
    if "language" in piece.columns and piece["language"].notna().all():
        return piece
    return piece.assign(language=pd.array(article_languages(piece), dtype="string"))


def piece_results(piece: pd.DataFrame, lexicon: Any, families: tuple[str, ...], tables: tuple[str, ...],
                  schemas: dict[str, Any], ipc: bool, languages: Any = "en") -> dict[str, Any]:
    """A piece's tables as Arrow tables (``ipc``: as compressed Arrow IPC bytes).

    The conversion runs where the work runs: a worker sends back compact buffers, and the
    process writing the parts only concatenates them (no pandas round trip there).
    """
    out = {}
    for name, df in piece_tables(piece, lexicon, families, tables, languages).items():
        table = arrow_table(df, schemas.get(name))
        out[name] = to_ipc(table) if ipc else table
    return out


_PROBE = pd.DataFrame({
    "article_id": pd.array(["probe"], dtype="string"), "outlet": pd.array(["Probe"], dtype="string"),
    "published": pd.to_datetime(["2020-01-01"], utc=True), "title": pd.array(["Regime falls"], dtype="string"),
    "text": pd.array(["Officials said the regime fell. \u201cIt is over,\u201d said Anna Berg, a "
                      "spokeswoman. Rebels entered the capital."], dtype="string"),
    "captions": [["Rebels in the capital. (AFP Photo)"]]})


def schemas(lexicon: Any, families: tuple[str, ...], tables: tuple[str, ...]) -> dict[str, Any]:
    """Arrow schema of each computed table (from a probe article), so every part agrees.

    Without it an empty part (a chunk with no attribution) would get ``null`` columns.
    """
    import pyarrow as pa

    computed = tuple(t for t in tables if t != "articles")
    probe = piece_tables(_PROBE, lexicon, families, computed)
    return {name: pa.Table.from_pandas(df, preserve_index=False).schema for name, df in probe.items()}


def warm_up() -> float:
    """Load, in this process, what every piece reads once: the lexicons, VADER, the pronouncing
    dictionary, the attribution and language models (by analysing the probe article with every family
    and table). Returns the seconds it took.

    A process pool forks from a process that has done this already; a Dask worker is a fresh process
    and does it when it starts (:mod:`mediakit.stream.dask_preload`), not inside its first tasks.
    """
    import time

    start = time.perf_counter()
    schemas(None, FAMILIES, TABLES)  # every table the stream can compute
    return time.perf_counter() - start


def work_frame(chunk: pd.DataFrame) -> pd.DataFrame:
    """Only the columns the metrics read, index 0..n-1: less to send to workers."""
    cols = [c for c in _WORK_COLUMNS if c in chunk.columns]
    return chunk[cols].reset_index(drop=True)


def piece_size(n: int, workers: int) -> int:
    """Articles per task: at most 200, and small enough that a chunk feeds every worker evenly.

    Examples
    --------
    >>> piece_size(1000, 1), piece_size(1000, 2), piece_size(60, 4)
    (1000, 200, 50)
    """
    if workers <= 1:
        return max(1, n)  # in this process: the whole chunk at once (analyze splits it anyway)
    return max(_MIN_PIECE, min(_PIECE, -(-n // (2 * workers))))
