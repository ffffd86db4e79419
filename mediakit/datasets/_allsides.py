"""AllSides (Baly et al. 2020): news articles with the outlet's political bias, streamed."""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, overload

import pandas as pd

from .._progress import progress_bar
from .._validation import check_bool, check_no_kwargs, renamed
from ..text import normalize_text, page_text
from ..outlets import normalize_outlet
from ..schema import coerce_articles
from ._common import clean_field, frame_with, inline_field, to_utc_dates
from ._corpora import corpora_dir, reader_root

__all__ = ["load_allsides"]

_ALLSIDES_COLUMNS = ["article_id", "outlet", "outlet_raw", "title", "byline", "published", "text", "captions",
                     "url", "source_path", "source_format", "source_record", "topic", "bias",
                     "source_url"]
_ALLSIDES_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%y")
_BLOCK_ROWS = 2000


def _open_binary(path: Path) -> Any:
    with path.open("rb") as fh:
        magic = fh.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else path.open("rb")


def _numbered_lines(fh: Any) -> Iterator[tuple[int, bytes | None, str | None]]:
    """``(line number, raw line, None)``; a file unreadable from some line on ends with
    ``(that line's number, None, why)``."""
    lines = iter(fh)
    lineno = 0
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except (EOFError, OSError, zlib.error) as exc:
            yield lineno + 1, None, f"file unreadable from here on: {exc}"
            return
        lineno += 1
        yield lineno, raw, None


def _parse_line(raw: bytes) -> tuple[str, dict[str, Any]] | str | None:
    """``(ID, record)`` of one line; else why it is skipped, or None for a blank line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 ({exc.reason} at byte {exc.start})"
    if not line.strip():
        return None
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"invalid JSON: {exc.msg} at column {exc.colno}"
    except (ValueError, RecursionError) as exc:
        return f"invalid JSON: {exc}"
    if not isinstance(rec, dict):
        return f"not a JSON object but a {type(rec).__name__}"
    aid = clean_field(rec.get("ID"))
    if aid is None:
        return "no ID"
    return aid, rec


class _Rows:
    """Article rows of one file: a repeated ID gets ``~2``, ``~3``; outlets normalised once each."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: dict[str, int] = {}
        self.outlets: dict[str | None, str | None] = {}

    def row(self, aid: str, rec: dict[str, Any], topic: str | None, lineno: int) -> dict[str, Any]:
        n = self.seen.get(aid, 0) + 1
        self.seen[aid] = n
        source = clean_field(rec.get("source"))
        if source not in self.outlets:
            self.outlets[source] = normalize_outlet(source)
        content = rec.get("content_original")
        text, captions = page_text(normalize_text(content)) if isinstance(content, str) else ("", [])
        return {
            "article_id": aid if n == 1 else f"{aid}~{n}",
            "outlet": self.outlets[source],
            "outlet_raw": source,
            "title": inline_field(rec.get("title")),
            "byline": inline_field(rec.get("authors")),
            "published": clean_field(rec.get("date")),
            "text": text,
            "captions": captions,
            "url": clean_field(rec.get("url")),
            "source_path": str(self.path),
            "source_format": "jsonl",
            "source_record": lineno,
            "topic": topic,
            "bias": clean_field(rec.get("bias_text")),
            "source_url": clean_field(rec.get("source_url")),
        }


def _allsides_batches(path: Path, batch: int | None, limit: int | None,
                      topics: frozenset[str] | None, progress: bool | None = False
                      ) -> Iterator[tuple[list[dict[str, Any]], list[tuple[int, str]]]]:
    """Stream ``(rows, skipped lines)`` batches of at most ``batch`` rows (all if None)."""
    rows: list[dict[str, Any]] = []
    skipped: list[tuple[int, str]] = []
    make = _Rows(path)
    kept = 0
    yielded = False
    if limit is not None and limit <= 0:
        yield rows, skipped
        return
    with _open_binary(path) as fh:
        lines = progress_bar(_numbered_lines(fh), desc="AllSides", unit="line", enabled=progress)
        for lineno, raw, unreadable in lines:
            parsed = _parse_line(raw) if raw is not None else unreadable
            if not isinstance(parsed, tuple):
                if parsed is not None:
                    skipped.append((lineno, parsed))
                if raw is None:
                    break
                continue
            aid, rec = parsed
            topic = clean_field(rec.get("topic"))
            if topics is not None and topic not in topics:
                continue
            rows.append(make.row(aid, rec, topic, lineno))
            kept += 1
            if limit is not None and kept >= limit:
                break
            if batch is not None and len(rows) >= batch:
                yield rows, skipped
                yielded = True
                rows, skipped = [], []
    if rows or skipped or not yielded:
        yield rows, skipped


def _allsides_frame(rows: list[dict[str, Any]], skipped: list[tuple[int, str]]) -> pd.DataFrame:
    df = frame_with(rows, _ALLSIDES_COLUMNS)
    df["published"] = to_utc_dates(df["published"], _ALLSIDES_DATE_FORMATS)
    df = coerce_articles(df)
    for col in ("topic", "bias", "source_url"):
        df[col] = df[col].astype("string")
    df.attrs["skipped_lines"] = skipped
    return df


@overload
def load_allsides(root: str | os.PathLike[str] | None = ..., /, *, chunksize: None = ...,
                  limit: int | None = ..., topics: str | Iterable[str] | None = ...,
                  progress: bool | None = ..., **legacy: Any) -> pd.DataFrame: ...


@overload
def load_allsides(root: str | os.PathLike[str] | None = ..., /, *, chunksize: int,
                  limit: int | None = ..., topics: str | Iterable[str] | None = ...,
                  progress: bool | None = ..., **legacy: Any) -> Iterator[pd.DataFrame]: ...


def load_allsides(root: str | os.PathLike[str] | None = None, /, *, chunksize: int | None = None,
                  limit: int | None = None, topics: str | Iterable[str] | None = None,
                  progress: bool | None = None, **legacy: Any) -> pd.DataFrame | Iterator[pd.DataFrame]:
    """Load the AllSides articles (Baly et al. 2020), streaming the gzip line by line.

    Parameters
    ----------
    root : path-like, optional
        The ``allsides`` folder (its ``articles.jsonl.gz`` is read) or the
        JSONL file itself, gzip-compressed or not (detected from its first
        bytes); first or as ``root=``; default
        ``corpora_dir() / "allsides" / "articles.jsonl.gz"``. (``path=`` is
        the old name: deprecated, use ``root``.)
    chunksize : int, optional
        When given, return an iterator of DataFrames of at most ``chunksize``
        rows each; only one chunk is held in memory at a time.
    limit : int, optional
        Stop after this many articles (counted after the ``topics`` filter).
    topics : str or iterable of str, optional
        Keep only articles whose ``topic`` is one of these (e.g. 'immigration').
    progress : bool, optional
        A progress bar over the lines read; default: in terminals and
        notebooks, not under CI.

    Returns
    -------
    pandas.DataFrame or iterator of pandas.DataFrame
        One row per article (a line of the file), in the articles schema:
        ``article_id`` = ``ID`` (a repeated ID gets a
        ``~2``, ``~3`` suffix), ``outlet_raw`` = ``source`` and ``outlet`` its
        normalised name ('CNN (Web News)' -> 'CNN'), ``title``, ``byline`` =
        ``authors`` (NA when empty), ``published`` = ``date`` at midnight UTC
        (ISO ``2016-09-20`` or US ``9/20/16``; NaT when empty), ``text`` =
        ``content_original`` through :func:`~mediakit.text.normalize_text` and
        :func:`~mediakit.text.page_text` (hover cards removed; ``captions``: the BBC's photo and video captions),
        ``url``, ``source_format`` 'jsonl', ``source_record`` = 1-based line
        number; then ``topic``, ``bias`` (from ``bias_text``) and ``source_url``.

        A line that cannot be read (not UTF-8, invalid JSON, not an object, no
        ID) is skipped and listed in ``df.attrs["skipped_lines"]`` as
        ``(line_number, reason)``; blank lines are skipped silently. A truncated
        gzip ends the load with one such entry. With ``chunksize``, each chunk
        lists the lines skipped while it was read; if lines are skipped after the
        last full chunk, a final chunk (possibly empty) carries them, and an
        input with no articles gives one empty chunk.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    ValueError
        If ``chunksize`` or ``limit`` is not a positive / non-negative integer.
    TypeError
        If ``progress`` is not a bool or None, or an unknown keyword is given.

    Examples
    --------
    >>> import gzip, json, os, tempfile
    >>> rec = {"ID": "a1", "source": "CNN (Web News)", "date": "2016-09-20",
    ...        "title": "Hi", "topic": "elections", "bias_text": "left",
    ...        "content_original": "One.\\n\\n\\nTwo."}
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = os.path.join(tmp, "a.jsonl.gz")
    ...     with gzip.open(p, "wt", encoding="utf-8") as fh:
    ...         _ = fh.write(json.dumps(rec) + "\\n" + "{broken\\n")
    ...     df = load_allsides(p)
    >>> df.loc[0, ["article_id", "outlet", "text"]].tolist(), int(df.loc[0, "source_record"])
    (['a1', 'CNN', 'One.\\n\\nTwo.'], 1)
    >>> df.attrs["skipped_lines"]
    [(2, 'invalid JSON: Expecting property name enclosed in double quotes at column 2')]
    """
    p = _allsides_file(root, legacy)
    if chunksize is not None and (isinstance(chunksize, bool) or not isinstance(chunksize, int)
                                  or chunksize < 1):
        raise ValueError(f"load_allsides(): chunksize must be a positive integer, got {chunksize!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"load_allsides(): limit must be a non-negative integer, got {limit!r}")
    check_bool(progress, name="progress", func="load_allsides", allow_none=True)
    topic_set = None if topics is None else frozenset(
        [topics] if isinstance(topics, str) else (str(t) for t in topics))
    if chunksize is None:
        # Built in blocks: per-row dicts for the whole corpus would cost several times
        # the memory of the finished table.
        frames: list[pd.DataFrame] = []
        skipped: list[tuple[int, str]] = []
        for r, s in _allsides_batches(p, _BLOCK_ROWS, limit, topic_set, progress):
            frames.append(_allsides_frame(r, s))
            skipped.extend(s)
        df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        df.attrs = {"skipped_lines": skipped}
        return df
    return (_allsides_frame(r, s) for r, s in _allsides_batches(p, chunksize, limit, topic_set, progress))


def _allsides_file(root: Any, legacy: dict[str, Any]) -> Path:
    """The JSONL file of a :func:`load_allsides` call: ``root`` (first, ``root=`` or the old ``path=``).

    A folder means its ``articles.jsonl.gz``; None the one in ``corpora_dir() / "allsides"``.
    """
    func = "load_allsides"
    root = reader_root(func, root, legacy)
    root = renamed(func, "path", "root", legacy.pop("path", None), root, stacklevel=3)
    check_no_kwargs(legacy, func=func)
    p = corpora_dir() / "allsides" / "articles.jsonl.gz" if root is None else Path(root).expanduser()
    if p.is_dir():
        p = p / "articles.jsonl.gz"
    if not p.is_file():
        raise FileNotFoundError(f"AllSides file not found: {p}")
    return p
