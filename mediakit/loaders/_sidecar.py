"""Sidecar metadata: ``_metadata.csv`` / ``_events.csv`` at the root of a loaded folder.

Many corpora keep what the article files do not say (which event a page covers, an
outlet's lean, a topic) in one table beside them. When :func:`mediakit.load_articles`
reads a folder, each sidecar found at the folder's root is read and its columns are put
on the articles it names:

* a row names articles by ``article_id``, ``url`` or ``file`` (the path below the
  folder, with or without its ending: ``harbor-tribune/ht-01.html`` or
  ``harbor-tribune/ht-01``); an article takes the row that matches it by
  ``article_id``, else by ``url``, else by ``file``;
* a row that gives a ``file`` *and* a ``url`` or ``article_id`` names one article: its
  ``file`` alone matches only a file holding a single article (a page), so the rows of a
  headlines CSV are told apart by their ``url``; a row that gives only a ``file`` matches
  every article of that file;
* every other column is copied onto the matching articles. The article's own value wins
  where it has one (a JSON record's ``event``): sidecars fill gaps, they never overwrite.
  ``outlet``, ``title``, ``byline`` and ``published`` may be filled too (outlets are
  normalised, dates parsed); the columns mediakit derives from the file itself
  (``text``, ``captions``, ``source_*``, ``duplicate_*``, ``outlet_raw``) are not taken;
* ``_metadata.csv`` is applied before ``_events.csv``; problems (an unreadable sidecar,
  no key column, rows that match no article, the same key twice) are recorded as
  warnings in the load report, and never stop the load.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..outlets import normalize_outlet
from ._dates import parse_datetime
from ._decode import DecodeFailure, decode_bytes
from ._sources import SUPPORTED_EXTENSIONS

__all__ = ["SIDECAR_NAMES", "KEY_COLUMNS", "PROTECTED_COLUMNS", "apply_sidecars", "apply_sidecar",
           "read_sidecar", "sidecar_files"]

#: Sidecar file names looked for at the root of each folder loaded, in the order applied.
SIDECAR_NAMES: tuple[str, ...] = ("_metadata.csv", "_events.csv")
#: Columns that name the articles a sidecar row is about, in order of precedence.
KEY_COLUMNS: tuple[str, ...] = ("article_id", "url", "file")
#: Article columns a sidecar may fill where the file left them empty.
_FILLABLE = ("outlet", "title", "byline", "published")
#: Article columns derived from the file itself: never taken from a sidecar.
PROTECTED_COLUMNS = frozenset({"text", "captions", "outlet_raw", "source_path", "source_format", "source_record",
                        "duplicate_of", "duplicate_kind", "source_id"})
_MAX_SIDECAR_BYTES = 50 * 2**20
_EXTENSIONS = tuple(SUPPORTED_EXTENSIONS)  # endings a 'file' value may leave out

AddProblem = Callable[..., None]


def sidecar_files(roots: Iterable[Path | None]) -> list[tuple[Path, Path]]:
    """The sidecars present at the roots of the folders loaded, as ``(sidecar, root)`` pairs.

    Parameters
    ----------
    roots : iterable of Path or None
        Folders loaded (None entries, for files named directly, are skipped).

    Returns
    -------
    list of (Path, Path)
        Each root once, in the order given; per root ``_metadata.csv`` before
        ``_events.csv``.
    """
    out: list[tuple[Path, Path]] = []
    for root in dict.fromkeys(r for r in roots if r is not None):
        for name in SIDECAR_NAMES:
            path = root / name
            if path.is_file():
                out.append((path, root))
    return out


def _norm_file(value: Any) -> str:
    s = str(value).strip().replace("\\", "/")
    while s.startswith("./"):
        s = s[2:]
    return s


def _norm_url(value: Any) -> str:
    return str(value).strip().rstrip("/")


def _strip_ending(name: str) -> str:
    low = name.lower()
    if low.endswith(".gz"):
        name, low = name[:-3], low[:-3]
    for ext in _EXTENSIONS:
        if low.endswith(ext):
            return name[: -len(ext)]
    return name


def read_sidecar(path: Path, add: AddProblem) -> pd.DataFrame | None:
    """Read one sidecar CSV; problems go to ``add`` as warnings and give None.

    Parameters
    ----------
    path : Path
        The sidecar file.
    add : callable
        ``add(path, kind, message, record=None, status=...)``, the loader's collector.

    Returns
    -------
    pandas.DataFrame or None
        Column names stripped; key columns (matched case-insensitively) renamed to
        ``article_id``/``url``/``file`` and held as text, empty cells NA; other
        columns with pandas' type inference (numbers stay numbers).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "_events.csv"
    >>> _ = p.write_text("File,event,weight\\na.txt,e1,2\\n")
    >>> read_sidecar(p, print).to_dict("records")
    [{'file': 'a.txt', 'event': 'e1', 'weight': 2}]
    """
    spath = str(path)
    try:
        if path.stat().st_size > _MAX_SIDECAR_BYTES:
            add(spath, "too_large", "sidecar over 50 MiB: not applied", status="warning")
            return None
        text, _ = decode_bytes(path.read_bytes(), on_warning=lambda k, m: add(spath, k, m, status="warning"))
    except DecodeFailure as exc:
        add(spath, exc.kind, f"sidecar not applied: {exc}", status="warning")
        return None
    except OSError as exc:
        add(spath, "read", f"sidecar not applied: cannot read it: {exc.strerror or exc}", status="warning")
        return None
    try:
        table = pd.read_csv(io.StringIO(text.lstrip("\ufeff")), keep_default_na=False, na_values=[""],
                            skipinitialspace=True)
    except (ValueError, pd.errors.ParserError) as exc:
        add(spath, "parse", f"sidecar not applied: unreadable CSV: {exc}", status="warning")
        return None
    table.columns = [str(c).strip() for c in table.columns]
    rename = {c: c.lower() for c in table.columns if c.lower() in KEY_COLUMNS}
    table = table.rename(columns=rename)
    if table.columns.duplicated().any():
        dup = sorted(set(table.columns[table.columns.duplicated()]))
        add(spath, "parse", f"sidecar not applied: repeated column(s) {dup}", status="warning")
        return None
    keys = [k for k in KEY_COLUMNS if k in table.columns]
    if not keys:
        add(spath, "parse", "sidecar not applied: it needs a 'file', 'url' or 'article_id' column to say "
            f"which articles each row is about (columns: {list(table.columns)[:12]})", status="warning")
        return None
    if len(table.columns) == len(keys):
        add(spath, "parse", "sidecar not applied: no column besides the keys "
            f"{keys} (add e.g. an 'event' column)", status="warning")
        return None
    for k in keys:
        table[k] = pd.Series([None if pd.isna(v) or str(v).strip() == "" else str(v).strip()
                              for v in table[k].tolist()], index=table.index, dtype=object)
    return table


def _lookup(values: pd.Series, norm: Callable[[Any], str], spath: str, what: str,
            add: AddProblem) -> dict[str, int]:
    """First row index for each key value; a key given again is reported (the first row is used)."""
    out: dict[str, int] = {}
    for i, v in values.items():
        if v is None or pd.isna(v):
            continue
        key = norm(v)
        if key in out:
            add(spath, "parse", f"{what} {v!r} is given again (row {int(out[key]) + 2}): "
                "the first row is used", record=int(i) + 2, status="warning")
            continue
        out[key] = int(i)
    return out


class _SidecarIndex:
    """A sidecar's rows by ``article_id``, ``url`` and ``file``; repeated keys are reported."""

    def __init__(self, table: pd.DataFrame, spath: str, add: AddProblem) -> None:
        self.by_id = _lookup(table["article_id"], str, spath, "article_id", add) if "article_id" in table else {}
        self.by_url = _lookup(table["url"], _norm_url, spath, "url", add) if "url" in table else {}
        self.by_file: dict[str, list[int]] = {}
        if "file" in table:
            for i, v in table["file"].items():
                if v is not None and not pd.isna(v):
                    f = _norm_file(v)
                    self.by_file.setdefault(f, []).append(int(i))
        # rows that name one article (by id or url besides their file)
        self.specific = np.zeros(len(table), dtype=bool)
        for k in ("article_id", "url"):
            if k in table:
                self.specific |= table[k].notna().to_numpy()

    def row_for(self, article_id: Any, url: Any, rel: str | None, per_file: Mapping[str, int]) -> int:
        """The row an article takes: by ``article_id``, else ``url``, else ``file``; -1 for none."""
        row = self.by_id.get(str(article_id), -1) if article_id is not None and self.by_id else -1
        if row < 0 and self.by_url and url is not None and not pd.isna(url):
            row = self.by_url.get(_norm_url(url), -1)
        if row < 0 and self.by_file:
            assert rel is not None
            row = self._file_row(rel, per_file.get(rel, 0) == 1)
        return row

    def _file_row(self, rel: str, single: bool) -> int:
        """A ``file`` row matches every article of its file, or (if it names one) a one-article file."""
        for name in dict.fromkeys((rel, _strip_ending(rel))):
            cands = [i for i in self.by_file.get(name, []) if single or not self.specific[i]]
            if cands:
                return cands[0]
        return -1


def _relative_paths(df: pd.DataFrame, root: Path) -> list[str | None]:
    """Each article's file below ``root`` (posix), None for one read from elsewhere."""
    rel: list[str | None] = []
    for p in df["source_path"].astype(object).tolist():
        try:
            rel.append(Path(os.fspath(p)).relative_to(root).as_posix() if p is not None else None)
        except ValueError:
            rel.append(None)  # read from another folder of the same load
    return rel


def _match_rows(df: pd.DataFrame, table: pd.DataFrame, rel: list[str | None], under: np.ndarray,
                spath: str, add: AddProblem) -> np.ndarray:
    """For each article, the sidecar row it takes (-1 for none)."""
    per_file = pd.Series([r for r in rel if r is not None]).value_counts().to_dict()
    index = _SidecarIndex(table, spath, add)
    ids = df["article_id"].astype(object).tolist()
    urls = df["url"].astype(object).tolist() if "url" in df else [None] * len(df)
    match = np.full(len(df), -1, dtype=np.int64)
    for j in range(len(df)):
        if under[j]:
            match[j] = index.row_for(ids[j], urls[j], rel[j], per_file)
    return match


def _report_unused(match: np.ndarray, n_rows: int, spath: str, add: AddProblem) -> None:
    unused = sorted(set(range(n_rows)) - set(match[match >= 0].tolist()))
    if unused:
        rows = ", ".join(str(i + 2) for i in unused[:5]) + (", ..." if len(unused) > 5 else "")
        add(spath, "parse", f"{len(unused)} sidecar row(s) match no loaded article (CSV line(s) {rows}); "
            "check their file/url/article_id", record=unused[0] + 2, status="warning")


def _fill_column(df: pd.DataFrame, col: str, raw: np.ndarray, rows_hit: np.ndarray, *, tz: str,
                 aliases: Mapping[str, str] | None) -> None:
    """Put a sidecar column's values (``raw``, one per matched article at ``rows_hit``) on ``df``."""
    given = pd.notna(raw)
    rows_hit, raw = rows_hit[given], raw[given]
    if col in df.columns:  # the article's own value wins: fill gaps only
        gap = df[col].iloc[rows_hit].isna().to_numpy()
        rows_hit, raw = rows_hit[gap], raw[gap]
    if not len(rows_hit):
        return
    if col == "outlet":
        vals = np.array([normalize_outlet(v, aliases) for v in raw], dtype=object)
        if "outlet_raw" in df.columns:
            raw_gap = df["outlet_raw"].iloc[rows_hit].isna().to_numpy()
            df["outlet_raw"] = _filled(df["outlet_raw"], rows_hit[raw_gap],
                                       np.array([str(v) for v in raw[raw_gap]], dtype=object))
    elif col == "published":
        vals = np.array([parse_datetime(v, tz) for v in raw], dtype=object)
    else:
        vals = raw
    df[col] = _filled(df[col] if col in df.columns else None, rows_hit, vals, index=df.index)


def apply_sidecar(df: pd.DataFrame, table: pd.DataFrame, spath: str, root: Path, add: AddProblem, *,
                  tz: str, aliases: Mapping[str, str] | None) -> pd.DataFrame:
    """Put the columns of one sidecar ``table`` (read from ``spath`` at ``root``) on the articles it names.

    Returns ``df`` itself when no article is below ``root`` or none matches, else a copy.
    Problems (repeated keys, rows that match nothing, protected columns) go to ``add``.
    """
    rel = _relative_paths(df, root)
    under = np.array([r is not None for r in rel])
    if not under.any():
        return df
    table = table.reset_index(drop=True)
    match = _match_rows(df, table, rel, under, spath, add)
    _report_unused(match, len(table), spath, add)
    hit = match >= 0
    if not hit.any():
        return df
    df = df.copy()
    idx = match[hit]
    refused = [c for c in table.columns if c in PROTECTED_COLUMNS]
    if refused:
        add(spath, "parse", f"sidecar column(s) {refused} are read from the article files, not from "
            "sidecars: ignored", status="warning")
    for col in table.columns:
        if col in KEY_COLUMNS or col in PROTECTED_COLUMNS:
            continue
        _fill_column(df, col, table[col].to_numpy(dtype=object)[idx], np.flatnonzero(hit), tz=tz,
                     aliases=aliases)
    return df


def _filled(current: pd.Series | None, rows: np.ndarray, values: np.ndarray, *,
            index: pd.Index | None = None) -> pd.Series:
    """``current`` with ``values`` put at positions ``rows``; a new column when ``current`` is None."""
    if current is None:
        new = np.full(len(index) if index is not None else 0, None, dtype=object)
        new[rows] = values
        series = pd.Series(new, index=index)
        kinds = {type(v) for v in values}
        if kinds <= {int, float, np.int64, np.float64, bool, np.bool_} and not kinds <= {bool, np.bool_}:
            return pd.to_numeric(series)
        if kinds <= {str}:
            return series.astype("string")
        return series
    new = current.astype(object).to_numpy(copy=True)
    new[rows] = values
    try:
        return pd.Series(new, index=current.index, name=current.name).astype(current.dtype)
    except (TypeError, ValueError):
        return pd.Series(new, index=current.index, name=current.name)


def apply_sidecars(df: pd.DataFrame, roots: Iterable[Path | None], add: AddProblem, *, tz: str = "UTC",
                   aliases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Put the columns of the sidecars found at the loaded folders' roots on the matching articles.

    Parameters
    ----------
    df : pandas.DataFrame
        Articles as built by the loader (``article_id``, ``url``, ``source_path``).
    roots : iterable of Path or None
        The folders loaded.
    add : callable
        The loader's problem collector, ``add(path, kind, message, record=None, status=...)``.
    tz : str
        Time zone of naive ``published`` values.
    aliases : mapping, optional
        Extra outlet aliases for ``outlet`` values.

    Returns
    -------
    pandas.DataFrame
        ``df`` (a copy when anything was applied) with the sidecar columns added or
        their gaps filled.

    Examples
    --------
    >>> import tempfile, pathlib, mediakit
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("Headline A\\n\\nBody of A.")
    >>> _ = (root / "b.txt").write_text("Headline B\\n\\nBody of B.")
    >>> _ = (root / "_events.csv").write_text("file,event\\na.txt,flood-2025\\n")
    >>> mediakit.load_articles(root)[["article_id", "event"]].values.tolist()
    [['a', 'flood-2025'], ['b', <NA>]]
    """
    for path, root in sidecar_files(roots):
        table = read_sidecar(path, add)
        if table is not None and len(df):
            df = apply_sidecar(df, table, str(path), root, add, tz=tz, aliases=aliases)
    return df
