"""mediakit's per-article tables on a ``dask.dataframe.DataFrame``: lazy, with declared meta.

:func:`dask_apply` returns a lazy Dask DataFrame built with ``map_partitions`` and a declared
``meta`` (the exact columns and dtypes, from a probe article), so nothing is computed until
``.compute()`` or ``.to_parquet()``. Each partition gives exactly what the pandas function
gives on it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from ..gazetteer import as_gazetteer
from .._validation import check_columns, is_dask_frame
from ..lexicon import load_lexicon
from ..metrics.analyze import FAMILIES, check_families
from ..metrics.analyze import analyze as analyze_frame
from ..metrics.attribution import carry_cues
from ..metrics.attribution import extract_attributions as attributions_frame
from ..metrics.word_choice import PARTS
from ..metrics.word_choice import word_choice as word_choice_frame
from ..stream._memory import bound_caches

__all__ = ["dask_apply", "analyze", "word_choice", "extract_attributions", "require_dask_frame",
           "restore_captions"]

_LIST_COLUMNS = ("content_spans", "captions")  # object columns that hold lists
_PROBE = {
    "article_id": "probe", "outlet": "Probe", "title": "Regime falls",
    "text": ("Officials said the regime probably fell. \u201cIt is over,\u201d said Anna Berg, a "
             "spokeswoman. Rebels entered the capital."),
    "captions": ["Rebels in the capital. (AFP Photo)"],
}


def require_dask_frame(obj: Any, *, func: str, name: str = "articles") -> None:
    """Raise :class:`TypeError` unless ``obj`` is a Dask DataFrame (``func``: the public function)."""
    if not is_dask_frame(obj):
        raise TypeError(f"{func}(): {name} must be a dask DataFrame here (mediakit.{func} takes pandas "
                        f"DataFrames too), got {type(obj).__name__}")


def _probe_like(meta: pd.DataFrame) -> pd.DataFrame:
    """One realistic article with the columns and dtypes of ``meta`` (an empty partition)."""
    row: dict[str, Any] = {}
    for col in meta.columns:
        if col in _PROBE:
            row[col] = [_PROBE[col]]
        elif col == "published":
            row[col] = [pd.Timestamp("2020-01-01", tz="UTC")]
        else:
            row[col] = [None]
    probe = pd.DataFrame(row)
    for col in meta.columns:
        if col == "captions":
            continue
        try:
            probe[col] = probe[col].astype(meta[col].dtype)
        except (TypeError, ValueError):
            pass
    return probe


def _conform(out: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    """Give a partition's result exactly the declared dtypes (an empty result has no strings)."""
    if len(out) == 0:
        empty = meta.iloc[:0].copy()
        empty.index = out.index
        return empty
    for col in meta.columns:
        if out[col].dtype != meta[col].dtype:
            out[col] = out[col].astype(meta[col].dtype)
    return out


def _run(kind: str, df: pd.DataFrame, kwargs: dict[str, Any]) -> pd.DataFrame:
    """The pandas function ``kind`` on one partition."""
    if kind == "analyze":
        return analyze_frame(df, n_jobs=1, progress=False, **kwargs)
    if kind == "extract_attributions":
        return attributions_frame(df, progress=False, **kwargs)
    if kind == "word_choice":
        return word_choice_frame(df, progress=False, **kwargs)
    raise ValueError(f"unknown table {kind!r}")


def _caption_list(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        try:
            parsed = ast.literal_eval(value)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return value
        if isinstance(parsed, list) and all(isinstance(c, str) for c in parsed):
            return parsed
    return value


def restore_captions(df: pd.DataFrame) -> pd.DataFrame:
    """A partition's captions as lists again when Dask's string conversion made them text.

    Examples
    --------
    >>> import pandas as pd
    >>> part = pd.DataFrame({"captions": pd.array(["['A caption']", "[]"], dtype="string")})
    >>> restore_captions(part)["captions"].tolist()
    [['A caption'], []]
    """
    if "captions" in df.columns and df["captions"].dtype != object:
        # Dask's "dataframe.convert-string" turns list cells into their text: "['A caption']"
        df = df.assign(captions=[_caption_list(v) for v in df["captions"].tolist()])
    return df


def _partition(df: pd.DataFrame, kind: str, kwargs: dict[str, Any], meta: pd.DataFrame) -> pd.DataFrame:
    bound_caches()  # long-lived workers: keep mediakit's word caches within WORKER_MEMORY
    return _conform(_run(kind, restore_captions(df), kwargs), meta)


def _meta_for(kind: str, ddf: Any, kwargs: dict[str, Any]) -> pd.DataFrame:
    base = ddf._meta
    out = _run(kind, _probe_like(base), kwargs)
    if len(out) == 0:  # the probe matched nothing: text columns are typed as pandas types text
        text = pd.Series(["x"]).dtype
        for col in out.columns:
            if out[col].dtype == object and col not in _LIST_COLUMNS:
                out[col] = out[col].astype(text)
    out = out.iloc[:0].copy()
    for col in out.columns:  # columns copied from the input keep the input's dtype
        if col in base.columns and out[col].dtype != base[col].dtype:
            out[col] = pd.Series(base[col].iloc[:0].array, index=out.index, name=col)
    if kind == "analyze":
        out.index = base.index[:0]
    return out


def dask_apply(kind: str, ddf: Any, **kwargs: Any) -> Any:
    """Lazy ``kind`` (``analyze``, ``extract_attributions``, ``word_choice``) over a Dask DataFrame.

    Parameters
    ----------
    kind : str
        Which mediakit function to map over the partitions.
    ddf : dask.dataframe.DataFrame
        Articles, partitioned any way (article ids unique within each partition).
    **kwargs
        Options of that function (``lexicon``, ``families`` for ``analyze``; ``lexicon``,
        ``parts``, ``context`` for ``word_choice``; ``gazetteer`` for ``extract_attributions``).

    Returns
    -------
    dask.dataframe.DataFrame
        ``analyze`` keeps the input's index and divisions (one row per article);
        attributions and word-choice matches are long tables whose index restarts at 0 in
        each partition (divisions unknown).

    Raises
    ------
    TypeError
        If ``ddf`` is not a Dask DataFrame.
    MissingColumnError
        If ``ddf`` lacks ``article_id`` or ``text`` (checked on the column names).
    """
    require_dask_frame(ddf, func=kind)
    check_columns(ddf, ("article_id", "text"), func=kind,
                  hint="Load articles with mediakit.load_articles() or add the columns.")
    if kind == "analyze":
        kwargs["families"] = check_families(kwargs.get("families") or (), func=kind)
    if kwargs.get("lexicon") is not None and not isinstance(kwargs["lexicon"], str):
        kwargs["lexicon"] = load_lexicon(kwargs["lexicon"])  # resolved once, shipped to workers
    if kwargs.get("gazetteer") is not None:
        kwargs["gazetteer"] = as_gazetteer(kwargs["gazetteer"])  # a path is read once, the table shipped
    meta = _meta_for(kind, ddf, dict(kwargs))
    # the partitions run under the user's cues in use here (using_cues): the workers do not share this lexicon
    return ddf.map_partitions(carry_cues(_partition), kind, kwargs, meta, meta=meta, enforce_metadata=False,
                              clear_divisions=kind != "analyze", align_dataframes=False)


def analyze(articles: Any, *, lexicon: Any = None, n_jobs: int = 1, families: Sequence[str] = FAMILIES,
            progress: bool | None = None, languages: str | Sequence[str] | None = "en") -> Any:
    """:func:`mediakit.analyze` on a Dask DataFrame: lazy, one row per article, same index and divisions.

    ``n_jobs`` and ``progress`` are not used: the cluster's workers do the work. See
    :func:`dask_apply`.
    """
    return dask_apply("analyze", articles, lexicon=lexicon, families=families, languages=languages)


def word_choice(articles: Any, lexicon: Any = None, *, parts: Iterable[str] = PARTS, context: int = 0,
                progress: bool | None = None, languages: str | Sequence[str] | None = "en") -> Any:
    """:func:`mediakit.word_choice` on a Dask DataFrame: lazy, the matches of each partition.

    ``progress`` is not used. See :func:`dask_apply`.
    """
    return dask_apply("word_choice", articles, lexicon=lexicon, parts=tuple(parts), context=context,
                      languages=languages)


def extract_attributions(articles: Any, *, progress: bool | None = None,
                         languages: str | Sequence[str] | None = "en", gazetteer: Any = None,
                         cues: Any = None) -> Any:
    """:func:`mediakit.extract_attributions` on a Dask DataFrame: lazy, the attributions of each partition.

    ``progress`` is not used; ``cues`` are read here (a bad file fails at once) and sent to the workers.
    See :func:`dask_apply`.
    """
    from ..metrics.attribution import read_cue_entries

    entries = None if cues is None else read_cue_entries(cues)
    return dask_apply("extract_attributions", articles, languages=languages, gazetteer=gazetteer, cues=entries)
