"""``load_articles``: files, folders, globs -> one tidy articles DataFrame."""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import json
import os
import zlib
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO, Union

import pandas as pd

from .._normalize import normalize_inline
from .._progress import progress_bar
from ..dedup import flag_duplicates
from ..outlets import normalize_outlet, outlet_key
from ..schema import coerce_articles, empty_articles
from ._dates import parse_datetime
from ._decode import DecodeFailure, decode_bytes, detect_encoding
from ._errors import ArticleLoadError, LoadError, LoadReport
from ._html import looks_like_html, parse_html_page
from ._records import iter_csv, iter_json, iter_jsonl, record_to_article, resolve_columns
from ._sidecar import apply_sidecars
from ._textpage import parse_text_page

__all__ = ["load_articles", "load_errors", "SUPPORTED_EXTENSIONS"]

PathLike = Union[str, "os.PathLike[str]"]

#: File endings read from folders (each may also end in ``.gz``); files without an
#: ending are sniffed. Anything else in a folder is listed as ``skipped``.
SUPPORTED_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".shtml": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
    ".tsv": "csv", ".parquet": "parquet", ".pq": "parquet",
}
_IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_DOC_NAMES = {"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG"}
DEFAULT_MAX_FILE_SIZE = 200 * 2**20


def _size(n: int) -> str:
    """Human-readable byte count: '812 bytes', '2.0 kB', '201 MiB'."""
    if n < 1000:
        return f"{n} bytes"
    if n < 2**20:
        return f"{n / 1000:.1f} kB"
    return f"{n / 2**20:.0f} MiB"


class _Collector:
    """Records problems; raises at the first error when ``errors="raise"``."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.items: list[LoadError] = []

    def add(self, path: str, kind: str, message: str, record: int | None = None,
            status: str = "error") -> None:
        err = LoadError(path, record, status, kind, message)
        if self.mode == "raise" and status == "error":
            raise ArticleLoadError(err)
        self.items.append(err)


def _expand(source: PathLike | Iterable[PathLike], collector: _Collector) -> list[tuple[Path, Path | None]]:
    """Files to read, each with the folder it was found under (None for a named file)."""
    if isinstance(source, (str, os.PathLike)):
        sources: list[PathLike] = [source]
    else:
        try:
            sources = list(source)
        except TypeError:
            raise TypeError(f"source must be a path, a glob or a list of them, not {type(source).__name__}")
        if not sources:
            raise ValueError("source is an empty list: nothing to load")
    files: list[tuple[Path, Path | None]] = []
    for s in sources:
        if not isinstance(s, (str, os.PathLike)):
            raise TypeError(f"each source must be a path or glob string, got {type(s).__name__}: {s!r}")
        p = Path(os.fspath(s)).expanduser()
        if p.is_file():
            files.append((p, None))
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if any(part.startswith((".", "_")) for part in rel.parts):
                    continue  # hidden files, and "_"-prefixed sidecars such as _events.csv
                if f.stem.upper() in _DOC_NAMES:
                    continue  # a corpus's own README or LICENSE is not an article
                if f.is_symlink() and not f.exists():
                    collector.add(str(f), "missing", "a broken symbolic link (or a link loop)")
                elif f.is_file() and f.name not in _IGNORED_NAMES:
                    files.append((f, p))
        elif glob.has_magic(str(s)):
            matches = sorted(glob.glob(os.path.expanduser(str(s)), recursive=True))
            if not matches:
                raise FileNotFoundError(f"no file matches the pattern {str(s)!r}")
            files.extend((Path(m), None) for m in matches if Path(m).is_file())
        else:
            raise FileNotFoundError(f"no such file or folder: {str(s)!r}")
    seen: set[Path] = set()
    unique = []
    for f, root in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((f, root))
    return unique


def _ext_format(path: Path) -> tuple[str | None, bool]:
    """Format named by the file ending, and whether the name ends in .gz."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    if not suffixes:
        return None, gz
    return SUPPORTED_EXTENSIONS.get(suffixes[-1], "unsupported"), gz


def _sniff(head: bytes, ext_fmt: str | None) -> str:
    """Format by content; the file ending decides only when content is ambiguous."""
    if head.startswith(b"PAR1"):
        return "parquet"
    try:
        text = decode_bytes(head)[0].lstrip("\ufeff").lstrip()
    except DecodeFailure:
        return ext_fmt or "text"
    if text.startswith("{"):
        first = text.split("\n", 1)[0].strip()
        if ext_fmt == "jsonl" or (first.endswith("}") and "\n{" in text.replace("\r", "")):
            return "jsonl"
        return "json"
    if text.startswith("["):
        return "json"
    if looks_like_html(text):
        return "html"
    if ext_fmt in ("csv", "json", "jsonl", "html"):
        return ext_fmt
    return "text"


def _stem_id(path: Path, root: Path | None) -> str:
    if root is not None:
        rel = path.relative_to(root)
        name = rel.as_posix()
    else:
        name = path.name
    for suf in (".gz",) + tuple(SUPPORTED_EXTENSIONS):
        if name.lower().endswith(suf):
            name = name[: -len(suf)]
    return name


def _folder_outlet(path: Path, root: Path | None) -> str | None:
    if root is None:
        return None
    rel = path.relative_to(root)
    return rel.parts[0] if len(rel.parts) > 1 else None


class _FileReader:
    """Reads one file into article dicts, reporting problems to the collector."""

    def __init__(self, columns: Mapping[str, str] | None, collector: _Collector, max_size: int) -> None:
        self.columns = columns
        self.collector = collector
        self.max_size = max_size

    def read(self, path: Path, root: Path | None) -> list[dict[str, Any]]:
        spath = str(path)
        ext_fmt, gz = _ext_format(path)
        try:
            size = path.stat().st_size
            with open(path, "rb") as fh:
                head = fh.read(65536)
        except OSError as exc:
            self.collector.add(spath, "read", f"cannot read the file: {exc.strerror or exc}")
            return []
        if size == 0:
            self.collector.add(spath, "empty", "the file is empty")
            return []
        if head[:2] == b"\x1f\x8b":
            gz = True
            try:
                with gzip.open(path, "rb") as fh:
                    head = fh.read(65536)
            except (OSError, EOFError, zlib.error) as exc:
                self.collector.add(spath, "decode", f"not a readable gzip file: {exc}")
                return []
        if ext_fmt == "unsupported" and root is not None:
            self.collector.add(spath, "unsupported", f"'{path.suffix}' files are not articles; "
                               f"readable endings: {', '.join(sorted(SUPPORTED_EXTENSIONS))}",
                               status="skipped")
            return []
        fmt = _sniff(head, ext_fmt if ext_fmt != "unsupported" else None)
        try:
            if fmt in ("jsonl", "csv"):
                return self._read_stream(path, spath, fmt, gz, root, head)
            if fmt == "parquet":
                return self._read_parquet(path, spath, root)
            if size > self.max_size and not gz:
                self.collector.add(spath, "too_large", f"{_size(size)} is over the "
                                   f"{_size(self.max_size)} limit for one {fmt} file "
                                   "(raise max_file_size= to read it)")
                return []
            data = gzip.open(path, "rb").read(self.max_size + 1) if gz else path.read_bytes()
            if len(data) > self.max_size:
                self.collector.add(spath, "too_large", f"over the {_size(self.max_size)} "
                                   "limit once decompressed (raise max_file_size= to read it)")
                return []
            text, _enc = decode_bytes(data)
        except DecodeFailure as exc:
            self.collector.add(spath, exc.kind, str(exc))
            return []
        except (OSError, EOFError, zlib.error) as exc:
            kind = "decode" if gz else "read"
            self.collector.add(spath, kind, f"{'not a readable gzip file' if gz else 'cannot read the file'}: {exc}")
            return []
        if not text.strip():
            self.collector.add(spath, "empty", "the file holds only white space")
            return []
        if fmt == "json":
            if ext_fmt in (None, "text", "unsupported"):
                try:
                    json.loads(text)
                except (ValueError, RecursionError):
                    fmt = "text"  # a text page that happens to start with "[" or "{"
            if fmt == "json":
                return self._read_json(text, spath, path, root)
        if fmt == "html":
            try:
                art = parse_html_page(text)
            except ValueError as exc:
                self.collector.add(spath, "parse", str(exc))
                return []
            art["source_format"] = "html"
            return [self._finish(art, {}, path, root, None)]
        page = parse_text_page(text)
        if not page.text and not page.title:
            self.collector.add(spath, "no_text", "no article text left after removing boilerplate")
            return []
        art = {"title": page.title, "byline": page.byline, "published": page.published,
               "captions": page.captions, "text": page.text, "source_format": "text"}
        return [self._finish(art, {}, path, root, None)]

    def _finish(self, art: dict[str, Any], extra: dict[str, Any], path: Path, root: Path | None,
                record: int | None) -> dict[str, Any]:
        art.setdefault("text", "")
        art.setdefault("captions", [])
        art["source_path"] = str(path)
        art["source_record"] = record
        stem = _stem_id(path, root)
        art["_auto_id"] = stem if record is None else f"{stem}:{record}"
        art["_folder_outlet"] = _folder_outlet(path, root)
        art["_extra"] = extra
        return art

    def _from_record(self, rec: Any, mapping: dict[str, str], spath: str, path: Path,
                     root: Path | None, pos: int | None, fmt: str) -> dict[str, Any] | None:
        if not isinstance(rec, dict):
            self.collector.add(spath, "parse", f"expected an object, got {type(rec).__name__}", pos)
            return None
        art, extra = record_to_article(rec, mapping)
        if not art.get("text") and not art.get("title"):
            self.collector.add(spath, "no_text", "record has neither text nor title "
                               f"(fields: {', '.join(map(str, list(rec)[:12]))}); "
                               "map them with columns={'text': ..., 'title': ...}", pos)
            return None
        art["source_format"] = fmt
        return self._finish(art, extra, path, root, pos)

    def _read_json(self, text: str, spath: str, path: Path, root: Path | None) -> list[dict[str, Any]]:
        out = []
        try:
            records = list(iter_json(text))
        except (ValueError, RecursionError) as exc:
            self.collector.add(spath, "parse", f"invalid JSON: {exc}")
            return []
        mapping: dict[str, str] | None = None
        for pos, rec in records:
            if mapping is None or not isinstance(rec, dict) or any(k not in rec for k in mapping.values()):
                mapping = resolve_columns(list(rec) if isinstance(rec, dict) else [], self.columns)
            art = self._from_record(rec, mapping, spath, path, root, pos, "json")
            if art is not None:
                out.append(art)
        if not records:
            self.collector.add(spath, "empty", "the JSON holds no records")
        return out

    def _open_text(self, path: Path, gz: bool, head: bytes) -> TextIO:
        """Open a record stream in the encoding its first bytes show (raises DecodeFailure)."""
        enc = detect_encoding(head)
        if enc == "utf-8":
            enc = "utf-8-sig"
        raw = gzip.open(path, "rb") if gz else open(path, "rb")
        return io.TextIOWrapper(raw, encoding=enc, errors="replace", newline="")

    def _read_stream(self, path: Path, spath: str, fmt: str, gz: bool, root: Path | None,
                     head: bytes) -> list[dict[str, Any]]:
        """Stream JSONL or CSV records; what was read before a truncation is kept."""
        return list(self._iter_stream(path, spath, fmt, gz, root, head))

    def _iter_stream(self, path: Path, spath: str, fmt: str, gz: bool, root: Path | None,
                     head: bytes) -> Iterator[dict[str, Any]]:
        """Yield JSONL or CSV records one at a time (used by ``iter_articles`` too)."""
        out: list[dict[str, Any]] = []  # holds at most one record: counts what was yielded
        n = 0
        try:
            with self._open_text(path, gz, head) as stream:
                inner = self._stream_jsonl if fmt == "jsonl" else self._stream_csv
                for art in inner(stream, spath, path, root, out):
                    n += 1
                    yield art
        except DecodeFailure as exc:
            self.collector.add(spath, exc.kind, str(exc))
        except (OSError, EOFError, zlib.error) as exc:
            what = "the compressed data is damaged" if gz else "cannot read the rest of the file"
            self.collector.add(spath, "decode" if gz else "read",
                               f"{what} after {n} record(s) (those are kept): {exc}")

    def _stream_jsonl(self, stream: TextIO, spath: str, path: Path, root: Path | None,
                      out: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        mapping: dict[str, str] | None = None
        n_errors = len(self.collector.items)
        for lineno, rec in iter_jsonl(stream):
            if isinstance(rec, Exception):
                self.collector.add(spath, "parse", f"invalid JSON line: {rec}", lineno)
                continue
            if isinstance(rec, dict) and (mapping is None or any(k not in rec for k in mapping.values())):
                mapping = resolve_columns(list(rec), self.columns)
            art = self._from_record(rec, mapping or {}, spath, path, root, lineno, "jsonl")
            if art is not None:
                out[:] = [art]
                yield art
        if not out and len(self.collector.items) == n_errors:
            self.collector.add(spath, "empty", "no records in the file")

    def _stream_csv(self, stream: TextIO, spath: str, path: Path, root: Path | None,
                    out: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        name = path.name.lower()
        tsv = name.endswith(".tsv") or name.endswith(".tsv.gz")
        try:
            header, rows = iter_csv(stream, "\t" if tsv else None)
        except Exception as exc:  # the csv module raises several types
            self.collector.add(spath, "parse", f"unreadable CSV: {exc}")
            return
        if not header:
            self.collector.add(spath, "empty", "no header row")
            return
        mapping = resolve_columns(header, self.columns)
        if "text" not in mapping and "title" not in mapping:
            self.collector.add(spath, "no_text", f"no text or title column among {header[:15]}; "
                               "map one with columns={'text': 'your_column'}")
            return
        n_errors = len(self.collector.items)
        n_rows = 0
        for rowno, rec in rows:
            if isinstance(rec, Exception):
                self.collector.add(spath, "parse", f"malformed CSV row: {rec}", rowno)
                continue
            art = self._from_record(rec, mapping, spath, path, root, rowno, "csv")
            if art is not None:
                n_rows += 1
                out[:] = [art]
                yield art
        if out and "text" not in mapping:
            self.collector.add(spath, "no_text", f"no text column among {header[:15]}: loaded "
                               f"{n_rows} rows with titles only (as in a Media Cloud export); "
                               "map one with columns={'text': ...}", status="warning")
        elif not out and len(self.collector.items) == n_errors:
            self.collector.add(spath, "empty", "the CSV has a header but no data rows")

    def _read_parquet(self, path: Path, spath: str, root: Path | None) -> list[dict[str, Any]]:
        try:
            df = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises many types for corrupt files
            self.collector.add(spath, "parse", f"unreadable Parquet file: {exc}")
            return []
        mapping = resolve_columns([str(c) for c in df.columns], self.columns)
        out = []
        for pos, rec in enumerate(df.to_dict("records"), 1):
            art = self._from_record(rec, mapping, spath, path, root, pos, "parquet")
            if art is not None:
                out.append(art)
        if df.empty:
            self.collector.add(spath, "empty", "the Parquet file has no rows")
        return out


def _assign_ids(rows: list[dict[str, Any]]) -> list[str]:
    ids: list[str] = []
    taken: set[str] = set()
    for r in rows:
        base = r.get("source_id") or r["_auto_id"]
        if not base:
            base = hashlib.sha1(f"{r.get('title')}\x1f{r.get('text')}".encode()).hexdigest()[:16]
        new, n = base, 1
        while new in taken:
            n += 1
            new = f"{base}~{n}"
        taken.add(new)
        ids.append(new)
    return ids


def _canonical_outlets(raw: list[str | None], aliases: Mapping[str, str] | None) -> list[str | None]:
    """Normalise outlets; an unknown outlet spelt several ways takes its most common spelling,
    preferring a written name ("The Northern Ledger") over a folder slug ("northern-ledger")."""
    normed = [normalize_outlet(r, aliases) for r in raw]
    spellings: dict[str, Counter[str]] = {}
    for n in normed:
        if n is not None:
            spellings.setdefault(outlet_key(n), Counter())[n] += 1
    def rank(kv: tuple[str, int]) -> tuple[bool, int, str]:
        name, count = kv
        return (name == name.lower(), -count, name)

    best = {k: sorted(c.items(), key=rank)[0][0] for k, c in spellings.items()}
    return [best[outlet_key(n)] if n is not None else None for n in normed]


def _check_options(errors: str, max_file_size: Any, outlet: Any, tz: str,
                   columns: Mapping[str, str] | None) -> None:
    """Validate the options of :func:`load_articles` and ``iter_articles`` before any file is read."""
    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', got {errors!r}")
    if not isinstance(max_file_size, int) or max_file_size <= 0:
        raise ValueError(f"max_file_size must be a positive number of bytes, got {max_file_size!r}")
    if outlet is not None and not isinstance(outlet, str):
        raise TypeError(f"outlet must be a string, got {type(outlet).__name__}")
    try:
        pd.Timestamp("2000-01-01").tz_localize(tz)
    except Exception as exc:
        raise ValueError(f"unknown time zone tz={tz!r}") from exc
    resolve_columns([], columns)  # validates the keys of columns= once, for every format


def load_articles(
    source: PathLike | Iterable[PathLike],
    *,
    outlet: str | None = None,
    errors: str = "collect",
    columns: Mapping[str, str] | None = None,
    tz: str = "UTC",
    outlet_aliases: Mapping[str, str] | None = None,
    duplicates: bool = True,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Load news articles from files into one tidy DataFrame, one row per article.

    Parameters
    ----------
    source : path, glob or list of them
        A file, a folder (read recursively), a glob pattern (``"corpus/**/*.json"``),
        or a list of any of these. Formats are detected by content and file ending:
        plain-text pages, HTML pages, JSON (one article or a list), JSONL, CSV/TSV,
        Parquet, each optionally gzip-compressed.
    outlet : str, optional
        Outlet for articles whose metadata names none (takes precedence over the
        folder name, which is used otherwise: ``corpus/cnn/a.txt`` -> "cnn").
    errors : {"collect", "raise"}
        ``"collect"`` (default) loads every good article and records each failure in
        ``df.attrs["load_errors"]`` (see :func:`load_errors`), with one summary
        warning; ``"raise"`` raises :class:`ArticleLoadError` at the first failure.
    columns : mapping, optional
        Record field for an article column when the automatic names
        (:data:`~mediakit.loaders.FIELD_ALIASES`) do not find it, e.g.
        ``{"text": "story_body", "outlet": "paper"}``.
    tz : str
        Time zone of naive dates and times (default UTC); ``published`` is UTC.
    outlet_aliases : mapping, optional
        Extra ``{spelling: canonical name}`` pairs for outlet normalisation.
    duplicates : bool
        Flag exact and near-duplicate texts in ``duplicate_of``/``duplicate_kind``.
    max_file_size : int
        Bytes above which a single-document file (text, HTML, JSON) is refused.
    progress : bool, optional
        Show a progress bar; default: only in a terminal or notebook, never under CI.

    Returns
    -------
    pandas.DataFrame
        Columns of :data:`mediakit.schema.ARTICLE_COLUMNS`, then any extra
        metadata fields found in the records.

    Raises
    ------
    FileNotFoundError
        When a named path does not exist or a pattern matches nothing.
    ArticleLoadError
        With ``errors="raise"``, at the first unreadable file or record.

    Examples
    --------
    >>> import mediakit, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Headline\\nBy Jane Doe\\n\\nBody text here.")
    >>> df = mediakit.load_articles(folder, outlet="Daily Planet")
    >>> df.loc[0, ["article_id", "outlet", "title", "byline", "text"]].tolist()
    ['a', 'Daily Planet', 'Headline', 'Jane Doe', 'Body text here.']
    """
    _check_options(errors, max_file_size, outlet, tz, columns)
    collector = _Collector(errors)
    files = _expand(source, collector)
    reader = _FileReader(columns, collector, max_file_size)
    rows: list[dict[str, Any]] = []
    for path, root in progress_bar(files, desc="Loading articles", unit="file", enabled=progress,
                                   min_items=2):
        try:
            rows.extend(reader.read(path, root))
        except ArticleLoadError:
            raise
        except (ValueError, TypeError) as exc:  # columns= misuse is the caller's error
            if "columns=" in str(exc):
                raise
            collector.add(str(path), "parse", f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # one bad file never stops the load
            collector.add(str(path), "read", f"{type(exc).__name__}: {exc}")
    df = _to_frame(rows, outlet=outlet, tz=tz, aliases=outlet_aliases)
    # sidecars (_metadata.csv, _events.csv) at a loaded folder's root add columns to its articles
    df = apply_sidecars(df, [root for _, root in files], collector.add, tz=tz, aliases=outlet_aliases)
    report = LoadReport(tuple(collector.items))
    if duplicates and len(df):
        df = flag_duplicates(df)
    df.attrs["load_errors"] = report
    problems = [e for e in report if e["status"] in ("error", "warning")]
    if problems:
        warnings.warn(f"load_articles: {len(df)} article(s) loaded; {report.summary()}. "
                      "See mediakit.load_errors(df) for the list.", stacklevel=2)
    return df


def _to_frame(rows: list[dict[str, Any]], *, outlet: str | None, tz: str,
              aliases: Mapping[str, str] | None) -> pd.DataFrame:
    if not rows:
        return empty_articles()
    ids = _assign_ids(rows)
    raw_outlets = []
    for r in rows:
        raw = r.get("outlet") or outlet or r["_folder_outlet"]
        raw_outlets.append(normalize_inline(raw) if raw else None)
    table: dict[str, list[Any]] = {
        "article_id": ids,
        "outlet": _canonical_outlets(raw_outlets, aliases),
        "outlet_raw": raw_outlets,
        "title": [r.get("title") for r in rows],
        "byline": [r.get("byline") for r in rows],
        "published": [parse_datetime(r.get("published"), tz) for r in rows],
        "text": [r.get("text") or "" for r in rows],
        "captions": [list(r.get("captions") or []) for r in rows],
        "url": [r.get("url") for r in rows],
        "source_path": [r["source_path"] for r in rows],
        "source_format": [r["source_format"] for r in rows],
        "source_record": [r["source_record"] for r in rows],
    }
    if any(r.get("source_id") for r in rows):
        table["source_id"] = [r.get("source_id") for r in rows]
    extra_keys: list[str] = []
    for r in rows:
        for k in r["_extra"]:
            if k not in extra_keys and k not in table:
                extra_keys.append(k)
    for k in extra_keys:
        table[str(k)] = [r["_extra"].get(k) for r in rows]
    df = pd.DataFrame(table)
    df["published"] = pd.to_datetime(df["published"], utc=True)
    return coerce_articles(df)


def load_errors(articles: pd.DataFrame) -> pd.DataFrame:
    """Return the table of load problems recorded on a loaded DataFrame.

    Columns: ``source_path``, ``record``, ``status`` (error, warning, skipped),
    ``kind`` and ``message``. Empty when there were none (or the frame was not
    made by :func:`load_articles`).
    """
    report = articles.attrs.get("load_errors") or ()
    if not isinstance(report, (list, tuple)):
        raise TypeError(f"attrs['load_errors'] holds a {type(report).__name__}, not a load report")
    return LoadReport(tuple(report)).to_frame()
