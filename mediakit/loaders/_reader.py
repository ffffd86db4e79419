"""One file -> article dicts: the per-format readers behind ``load_articles`` and ``iter_articles``.

Only input problems are recorded (in the load's :class:`~mediakit.loaders._errors.Collector`),
each classified by the type of what was raised: bytes that are not text
(:class:`DecodeFailure` -> ``binary``/``decode``), unparseable JSON, CSV, HTML or Parquet
(``parse``), a file that cannot be read (:class:`OSError` -> ``read``; ``decode`` for damaged
gzip data), and empty, too large or unsupported files. Anything else (an ImportError from a
broken install, a TypeError from a bug) is raised: it is not the input's fault.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from ._decode import DecodeFailure, NulFilter, decode_bytes, detect_encoding
from ._errors import STREAM_ERRORS, Collector
from ._html import parse_html_page
from ._exports import export_name
from ._records import graph_articles, iter_csv, iter_json, iter_jsonl, record_to_article, resolve_columns
from ._sources import SUPPORTED_EXTENSIONS, ext_format, folder_outlet, size_text, sniff, stem_id
from ._textpage import parse_text_page

__all__ = ["FileReader"]

_HEAD = 65536  # bytes read to tell a file's format


def _parquet_errors() -> tuple[type[BaseException], ...]:
    """What pyarrow and pandas raise for a corrupt or truncated Parquet file.

    pyarrow's own errors (``ArrowInvalid``, ...), ``OSError`` (bad magic bytes, truncation),
    and ``ValueError`` (bad metadata JSON or text); an ImportError is not among them.
    """
    import pyarrow as pa

    return (pa.ArrowException, ValueError, OSError, EOFError)


class _Tally:
    """What the records of one file gave, for its one-line warnings at the end of the file.

    ``fields`` are the first record's fields (or the CSV header); URL-only rows (a file with
    neither a text nor a title column, as GDELT's) are kept once per URL.
    """

    def __init__(self, fields: list[Any] | None = None) -> None:
        self.fields: list[Any] | None = fields
        self.loaded = 0
        self.no_text_field = 0
        self.with_text = 0
        self.truncated = 0
        self.repeated = 0
        self.urls: set[str] = set()
        self.export: str | None = None

    def seen(self, rec: dict[str, Any]) -> None:
        if self.fields is None:
            self.fields = list(rec)

    def keep(self, art: dict[str, Any], mapping: Mapping[str, str]) -> bool:
        """Count an article; False for a URL-only row whose URL the file gave before."""
        if "text" not in mapping and "title" not in mapping:
            if art["url"] in self.urls:
                self.repeated += 1
                return False
            self.urls.add(art["url"])
        self.loaded += 1
        self.no_text_field += "text" not in mapping
        self.with_text += bool(art.get("text"))
        self.truncated += bool(art.pop("_truncated", False))
        return True

    def report(self, add: Any, spath: str, unit: str) -> None:
        """Record the file's ``no_text`` and ``truncated_text`` warnings, if any."""
        fields = [str(f) for f in (self.fields or [])][:15]
        export = export_name(self.fields or [])
        if self.loaded and not self.with_text and self.no_text_field == self.loaded:
            if self.urls:
                again = f"; {self.repeated} repeated row(s) of the same URL left out" if self.repeated else ""
                msg = (f"no text or title column among {fields}: loaded {self.loaded} {unit}s with URLs "
                       f"(and dates) only, as in a {export or 'GDELT'} export{again}; "
                       "map a text column with columns={'text': ...}")
            elif unit == "row" and export in (None, "Media Cloud"):  # the wording of earlier releases
                msg = (f"no text column among {fields}: loaded {self.loaded} rows with titles only "
                       "(as in a Media Cloud export); map one with columns={'text': ...}")
            else:
                like = f"as in a {export} export" if export else "no field holds article text"
                msg = (f"no text field among {fields}: loaded {self.loaded} {unit}(s) with titles only "
                       f"({like}); map one with columns={{'text': ...}}")
            add(spath, "no_text", msg, status="warning")
        if self.truncated:
            add(spath, "truncated_text", f"{self.truncated} of {self.loaded} {unit}(s) hold text cut short by "
                "the service that exported it (the '... [+N chars]' marker was removed): the full text "
                "is not in the file", status="warning")


class FileReader:
    """Reads one file into article dicts, reporting input problems to the collector.

    Parameters
    ----------
    columns : mapping, optional
        The ``columns=`` option of the loader (schema column -> record field).
    collector : Collector
        Where problems go.
    max_size : int
        Bytes above which a single-document file is refused.
    """

    def __init__(self, columns: Mapping[str, str] | None, collector: Collector, max_size: int) -> None:
        self.columns = columns
        self.collector = collector
        self.max_size = max_size
        #: Files that gave an article from a record with no text field (an export of titles or
        #: URLs): known as soon as that article is read, before the file's ``no_text`` row.
        self.textless: set[str] = set()

    # ------------------------------------------------------------------ one file

    def read(self, path: Path, root: Path | None) -> list[dict[str, Any]]:
        """Article dicts of the file at ``path`` (found under the folder ``root``, or named)."""
        spath = str(path)
        ext_fmt, gz = ext_format(path)
        probe = self._probe(path, spath)
        if probe is None:
            return []
        size, head = probe
        if head[:2] == b"\x1f\x8b":
            gz = True
            unpacked = self._gzip_head(path, spath)
            if unpacked is None:
                return []
            head = unpacked
        if ext_fmt == "unsupported" and root is not None:
            self.collector.add(spath, "unsupported", f"'{path.suffix}' files are not articles; "
                               f"readable endings: {', '.join(sorted(SUPPORTED_EXTENSIONS))}",
                               status="skipped")
            return []
        fmt = sniff(head, ext_fmt if ext_fmt != "unsupported" else None)
        if fmt in ("jsonl", "csv"):
            return list(self._iter_stream(path, spath, fmt, gz, root, head))
        if fmt == "parquet":
            return self._read_parquet(path, spath, root)
        text = self._read_document(path, spath, fmt, size, gz)
        if text is None:
            return []
        if not text.strip():
            self.collector.add(spath, "empty", "the file holds only white space")
            return []
        return self._parse_document(text, fmt, ext_fmt, spath, path, root)

    def iter_file(self, path: Path, root: Path | None, batch: int) -> Iterator[dict[str, Any]]:
        """Article dicts of one file, as :meth:`read` gives them, but JSONL, CSV and (plain)
        Parquet files are streamed record by record (Parquet ``batch`` rows at a time)."""
        ext_fmt, gz = ext_format(path)
        try:
            with open(path, "rb") as fh:
                head = fh.read(_HEAD)
            if head[:2] == b"\x1f\x8b":
                gz = True
                with gzip.open(path, "rb") as fh:
                    head = fh.read(_HEAD)
        except STREAM_ERRORS:
            yield from self.read(path, root)  # reports the problem the same way load_articles does
            return
        if not head or (ext_fmt == "unsupported" and root is not None):
            yield from self.read(path, root)
            return
        fmt = sniff(head, ext_fmt if ext_fmt != "unsupported" else None)
        if fmt in ("jsonl", "csv"):
            yield from self._iter_stream(path, str(path), fmt, gz, root, head)
        elif fmt == "parquet" and not gz:
            yield from self._iter_parquet(path, root, batch)
        else:
            yield from self.read(path, root)

    def _probe(self, path: Path, spath: str) -> tuple[int, bytes] | None:
        """Size and first bytes of a non-empty readable file; None (problem recorded) otherwise."""
        try:
            size = path.stat().st_size
            with open(path, "rb") as fh:
                head = fh.read(_HEAD)
        except OSError as exc:
            self.collector.add(spath, "read", f"cannot read the file: {exc.strerror or exc}")
            return None
        if size == 0:
            self.collector.add(spath, "empty", "the file is empty")
            return None
        return size, head

    def _gzip_head(self, path: Path, spath: str) -> bytes | None:
        """First decompressed bytes of a gzip file; None (a ``decode`` problem) when unreadable."""
        try:
            with gzip.open(path, "rb") as fh:
                return fh.read(_HEAD)
        except STREAM_ERRORS as exc:
            self.collector.add(spath, "decode", f"not a readable gzip file: {exc}")
            return None

    def _read_document(self, path: Path, spath: str, fmt: str, size: int, gz: bool) -> str | None:
        """The decoded text of a single-document file (text, HTML, JSON), within the size limit."""
        if size > self.max_size and not gz:
            self.collector.add(spath, "too_large", f"{size_text(size)} is over the "
                               f"{size_text(self.max_size)} limit for one {fmt} file "
                               "(raise max_file_size= to read it)")
            return None
        try:
            if gz:
                with gzip.open(path, "rb") as fh:
                    data = fh.read(self.max_size + 1)
            else:
                data = path.read_bytes()
            if len(data) > self.max_size:
                self.collector.add(spath, "too_large", f"over the {size_text(self.max_size)} "
                                   "limit once decompressed (raise max_file_size= to read it)")
                return None
            return decode_bytes(data, on_warning=self._warner(spath))[0]
        except DecodeFailure as exc:
            self.collector.add(spath, exc.kind, str(exc))
        except STREAM_ERRORS as exc:
            kind = "decode" if gz else "read"
            self.collector.add(spath, kind, f"{'not a readable gzip file' if gz else 'cannot read the file'}: {exc}")
        return None

    def _parse_document(self, text: str, fmt: str, ext_fmt: str | None, spath: str, path: Path,
                        root: Path | None) -> list[dict[str, Any]]:
        if fmt == "json" and ext_fmt in (None, "text", "unsupported") and not _is_json(text):
            fmt = "text"  # a text page that happens to start with "[" or "{"
        if fmt == "json":
            return self._read_json(text, spath, path, root)
        if fmt == "html":
            try:
                art = parse_html_page(text)
            except ValueError as exc:  # unparseable HTML, or a page with no readable body
                self.collector.add(spath, "parse", str(exc))
                return []
            art["source_format"] = "html"
            return [self._finish(art, {}, path, root, None)]
        page = parse_text_page(text)
        if not page.text and not page.title:
            self.collector.add(spath, "no_text", "no article text left after removing boilerplate")
            return []
        # the dateline as written: to_frame reads it in the loader's tz (page.published is UTC)
        art = {"title": page.title, "byline": page.byline, "published": page.published_text or page.published,
               "captions": page.captions, "text": page.text, "source_format": "text"}
        return [self._finish(art, {}, path, root, None)]

    # ------------------------------------------------------------------ records

    def _finish(self, art: dict[str, Any], extra: dict[str, Any], path: Path, root: Path | None,
               record: int | None) -> dict[str, Any]:
        """Complete an article dict with its source and automatic id (``_``-keys are internal)."""
        art.setdefault("text", "")
        art.setdefault("captions", [])
        art["source_path"] = str(path)
        art["source_record"] = record
        stem = stem_id(path, root)
        art["_auto_id"] = stem if record is None else f"{stem}:{record}"
        art["_folder_outlet"] = folder_outlet(path, root)
        art["_extra"] = extra
        return art

    def _from_record(self, rec: Any, mapping: Mapping[str, str], spath: str, path: Path,
                     root: Path | None, pos: int | None, fmt: str, tally: _Tally) -> dict[str, Any] | None:
        """The article of one record, or None (problem recorded, or a repeated URL-only row)."""
        if not isinstance(rec, dict):
            self.collector.add(spath, "parse", f"expected an object, got {type(rec).__name__}", pos)
            return None
        tally.seen(rec)
        try:
            art, extra = record_to_article(rec, mapping)
        except RecursionError:
            self.collector.add(spath, "parse", "a field is nested too deeply to read", pos)
            return None
        url_only = "text" not in mapping and "title" not in mapping and bool(art.get("url"))
        if not art.get("text") and not art.get("title") and not url_only:
            self.collector.add(spath, "no_text", "record has neither text nor title "
                               f"(fields: {', '.join(map(str, list(rec)[:12]))}); "
                               "map them with columns={'text': ..., 'title': ...}", pos)
            return None
        if not tally.keep(art, mapping):
            return None
        if "text" not in mapping:
            self.textless.add(spath)
        art["source_format"] = fmt
        return self._finish(art, extra, path, root, pos)

    def _mapping(self, rec: Any, mapping: Mapping[str, str] | None, keys: list[tuple[Any, ...]]
                 ) -> Mapping[str, str]:
        """The column mapping of a record: the previous one while the record has the same fields."""
        fields = tuple(rec) if isinstance(rec, dict) else ()
        if mapping is None or not keys or keys[0] != fields:
            keys[:] = [fields]
            mapping = resolve_columns(list(fields), self.columns)
        return mapping

    def _read_json(self, text: str, spath: str, path: Path, root: Path | None) -> list[dict[str, Any]]:
        out = []
        try:
            records = list(iter_json(text))
        except (ValueError, RecursionError) as exc:
            self.collector.add(spath, "parse", f"invalid JSON: {exc}")
            return []
        mapping: Mapping[str, str] | None = None
        keys: list[tuple[Any, ...]] = []
        tally = _Tally()
        for pos, rec in records:
            mapping = self._mapping(rec, mapping, keys)
            art = self._from_record(rec, mapping, spath, path, root, pos, "json", tally)
            if art is not None:
                out.append(art)
        if not records:
            self.collector.add(spath, "empty", "the JSON holds no records")
        tally.report(self.collector.add, spath, "record")
        return out

    # ------------------------------------------------------------------ streams (JSONL, CSV)

    def _warner(self, spath: str) -> Callable[[str, str], None]:
        """A callback recording a warning row (e.g. stray NUL bytes removed) for ``spath``."""
        return lambda kind, message: self.collector.add(spath, kind, message, status="warning")

    def _open_text(self, path: Path, spath: str, gz: bool, head: bytes) -> TextIO:
        """Open a record stream in the encoding its first bytes show (raises DecodeFailure);
        stray NUL bytes of 8-bit streams are dropped and recorded."""
        enc = detect_encoding(head)
        if enc == "utf-8":
            enc = "utf-8-sig"
        raw = gzip.open(path, "rb") if gz else open(path, "rb")
        if enc.startswith(("utf-16", "utf-32")):
            return io.TextIOWrapper(raw, encoding=enc, errors="replace", newline="")
        return io.TextIOWrapper(io.BufferedReader(NulFilter(raw, self._warner(spath))), encoding=enc,
                                errors="replace", newline="")

    def _iter_stream(self, path: Path, spath: str, fmt: str, gz: bool, root: Path | None,
                    head: bytes) -> Iterator[dict[str, Any]]:
        """Yield JSONL or CSV records one at a time; what was read before a truncation is kept."""
        out: list[dict[str, Any]] = []  # holds at most one record: counts what was yielded
        n = 0
        try:
            with self._open_text(path, spath, gz, head) as stream:
                inner = self._stream_jsonl if fmt == "jsonl" else self._stream_csv
                for art in inner(stream, spath, path, root, out):
                    n += 1
                    yield art
        except DecodeFailure as exc:
            self.collector.add(spath, exc.kind, str(exc))
        except STREAM_ERRORS as exc:
            what = "the compressed data is damaged" if gz else "cannot read the rest of the file"
            self.collector.add(spath, "decode" if gz else "read",
                               f"{what} after {n} record(s) (those are kept): {exc}")

    def _stream_jsonl(self, stream: TextIO, spath: str, path: Path, root: Path | None,
                      out: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        mapping: Mapping[str, str] | None = None
        keys: list[tuple[Any, ...]] = []
        tally = _Tally()
        n_errors = len(self.collector.items)
        for lineno, rec in iter_jsonl(stream):
            if isinstance(rec, Exception):
                self.collector.add(spath, "parse", f"invalid JSON line: {rec}", lineno)
                continue
            for node in graph_articles(rec):  # one record; a JSON-LD @graph line gives its articles
                mapping = self._mapping(node, mapping, keys)
                art = self._from_record(node, mapping, spath, path, root, lineno, "jsonl", tally)
                if art is not None:
                    out[:] = [art]
                    yield art
        if not out and len(self.collector.items) == n_errors:
            self.collector.add(spath, "empty", "no records in the file")
        tally.report(self.collector.add, spath, "record")

    def _csv_header(self, stream: TextIO, spath: str, path: Path
                    ) -> tuple[list[str], Iterator[tuple[int, Any]], dict[str, str]] | None:
        """Header, rows and column mapping of a CSV/TSV stream; None (problem recorded) if unusable."""
        name = path.name.lower()
        tsv = name.endswith(".tsv") or name.endswith(".tsv.gz")
        try:
            header, rows = iter_csv(stream, "\t" if tsv else None)
        except csv.Error as exc:
            self.collector.add(spath, "parse", f"unreadable CSV: {exc}")
            return None
        if not header:
            self.collector.add(spath, "empty", "no header row")
            return None
        mapping = resolve_columns(header, self.columns)
        if "text" not in mapping and "title" not in mapping and "url" not in mapping:
            self.collector.add(spath, "no_text", f"no text, title or URL column among {header[:15]}; "
                               "map one with columns={'text': 'your_column'}")
            return None
        return header, rows, mapping

    def _stream_csv(self, stream: TextIO, spath: str, path: Path, root: Path | None,
                    out: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        parsed = self._csv_header(stream, spath, path)
        if parsed is None:
            return
        header, rows, mapping = parsed
        tally = _Tally(list(header))
        n_errors = len(self.collector.items)
        for rowno, rec in rows:
            if isinstance(rec, Exception):
                self.collector.add(spath, "parse", f"malformed CSV row: {rec}", rowno)
                continue
            art = self._from_record(rec, mapping, spath, path, root, rowno, "csv", tally)
            if art is not None:
                out[:] = [art]
                yield art
        if not out and len(self.collector.items) == n_errors:
            self.collector.add(spath, "empty", "the CSV has a header but no data rows")
        tally.report(self.collector.add, spath, "row")

    # ------------------------------------------------------------------ Parquet

    def _read_parquet(self, path: Path, spath: str, root: Path | None) -> list[dict[str, Any]]:
        try:
            df = pd.read_parquet(path)
        except _parquet_errors() as exc:
            self.collector.add(spath, "parse", f"unreadable Parquet file: {exc}")
            return []
        mapping = resolve_columns([str(c) for c in df.columns], self.columns)
        tally = _Tally([str(c) for c in df.columns])
        out = []
        for pos, rec in enumerate(df.to_dict("records"), 1):
            art = self._from_record(rec, mapping, spath, path, root, pos, "parquet", tally)
            if art is not None:
                out.append(art)
        if df.empty:
            self.collector.add(spath, "empty", "the Parquet file has no rows")
        tally.report(self.collector.add, spath, "row")
        return out

    def _iter_parquet(self, path: Path, root: Path | None, batch: int) -> Iterator[dict[str, Any]]:
        """Parquet rows, one record batch at a time."""
        import pyarrow.parquet as pq

        spath = str(path)
        try:
            pf = pq.ParquetFile(path)
            names = [str(c) for c in pf.schema_arrow.names]
        except _parquet_errors() as exc:
            self.collector.add(spath, "parse", f"unreadable Parquet file: {exc}")
            return
        mapping = resolve_columns(names, self.columns)
        tally = _Tally(list(names))
        pos = 0
        batches = pf.iter_batches(batch_size=max(1, batch))
        while True:
            try:
                rb = next(batches, None)
                records = None if rb is None else rb.to_pandas().to_dict("records")
            except _parquet_errors() as exc:
                self.collector.add(spath, "parse", f"unreadable Parquet data after {pos} row(s) "
                                   f"(those are kept): {exc}")
                return
            if records is None:
                break
            for rec in records:
                pos += 1
                art = self._from_record(rec, mapping, spath, path, root, pos, "parquet", tally)
                if art is not None:
                    yield art
        if pos == 0:
            self.collector.add(spath, "empty", "the Parquet file has no rows")
        tally.report(self.collector.add, spath, "row")


def _is_json(text: str) -> bool:
    """True when ``text`` parses as JSON."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True
