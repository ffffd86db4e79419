"""Structured records (JSON, JSONL, CSV, Parquet) to article fields."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import IO, Any

from ..text import normalize_inline, normalize_text

__all__ = ["FIELD_ALIASES", "record_to_article", "iter_json", "iter_jsonl", "iter_csv", "resolve_columns"]

#: Field names recognised in records, per schema column (matched case-insensitively,
#: with "-" and " " read as "_"). Pass ``columns=`` to load_articles for others.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id", "id", "stories_id", "story_id", "uuid", "guid", "_id", "doc_id",
                   "document_id"),
    "title": ("title", "headline", "heading", "head"),
    "text": ("text", "body", "content", "content_original", "full_text", "fulltext", "article",
             "article_text", "story_text", "maintext", "body_text", "body_paragraphs", "paragraphs",
             "article_body", "articlebody"),
    "byline": ("byline", "author", "authors", "creator", "by", "writer", "author_name"),
    "published": ("published", "publish_date", "published_at", "publication_date", "pubdate",
                  "pub_date", "date", "datetime", "timestamp", "created_at", "date_published",
                  "datepublished", "publish_time", "published_date"),
    "outlet": ("outlet", "media_name", "source", "publisher", "site_name", "sitename", "media",
               "publication", "source_name", "outlet_name", "medium", "newspaper"),
    "url": ("url", "link", "canonical_url", "story_url", "web_url", "href"),
    "captions": ("captions", "caption", "image_captions", "photo_captions"),
}
_WRAPPERS = ("articles", "data", "items", "stories", "results", "documents", "records", "docs")
_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|span|a|em|strong|b|i)\b[^>]*>", re.I)


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip()).casefold()


def resolve_columns(fields: list[str], columns: Mapping[str, str] | None) -> dict[str, str]:
    """Map schema column -> record field, from ``columns`` first, then :data:`FIELD_ALIASES`.

    Raises
    ------
    ValueError
        When ``columns`` names a schema column that does not exist.
    """
    known = set(FIELD_ALIASES)
    mapping: dict[str, str] = {}
    if columns:
        bad = [k for k in columns if k not in known]
        if bad:
            raise ValueError(f"columns= keys must be article fields {sorted(known)}; got {bad}")
        mapping.update(columns)
    by_key: dict[str, str] = {}
    for f in fields:
        by_key.setdefault(_key(f), f)
    taken = set(mapping.values())
    for col, aliases in FIELD_ALIASES.items():
        if col in mapping:
            continue
        for alias in aliases:
            found = by_key.get(alias)
            if found is not None and found not in taken:
                mapping[col] = found
                taken.add(found)
                break
    return mapping


def _as_text(value: Any) -> str:
    """Body text from a string, a list of paragraphs, or a list of lists of sentences."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (list, tuple)):
        paras = []
        for p in value:
            if isinstance(p, (list, tuple)):
                paras.append(" ".join(str(s).strip() for s in p if s is not None and str(s).strip()))
            elif p is not None and str(p).strip():
                paras.append(str(p).strip())
        return normalize_text("\n\n".join(p for p in paras if p))
    s = str(value)
    if _TAG.search(s[:5000]):
        s = _html_fragment_text(s)
    return normalize_text(s)


def _html_fragment_text(s: str) -> str:
    import lxml.html

    try:
        tree = lxml.html.fragment_fromstring(s, create_parent="div")
    except (ValueError, lxml.etree.LxmlError):  # not parseable as HTML: strip the tags
        return re.sub(r"<[^>]+>", " ", s)
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote")
    if blocks:
        return "\n\n".join(normalize_inline(b.text_content()) for b in blocks if b.text_content().strip())
    return tree.text_content()


def _as_inline(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or next(iter(value.values()), None)
        return _as_inline(value)
    if isinstance(value, (list, tuple)):
        parts = [p for p in (_as_inline(v) for v in value) if p]
        return ", ".join(parts) if parts else None
    s = normalize_inline(str(value))
    return s or None


def _as_captions(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return [c for c in (normalize_inline(x) for x in value.split("\n")) if c]
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [c for c in (_as_inline(x) for x in items) if c]
    return []


def record_to_article(record: Mapping[str, Any], mapping: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a record into schema fields and extra metadata.

    Returns ``(article, extra)``; ``article["published"]`` is left as found (parsed later).
    """
    art: dict[str, Any] = {}
    used = set()
    for col, fname in mapping.items():
        if fname not in record:
            continue
        used.add(fname)
        v = record[fname]
        if col == "text":
            art["text"] = _as_text(v)
        elif col == "captions":
            art["captions"] = _as_captions(v)
        elif col == "published":
            art["published"] = v
        elif col == "article_id":
            art["source_id"] = _as_inline(v)
        else:
            art[col] = _as_inline(v)
    extra = {k: v for k, v in record.items() if k not in used and k is not None}
    return art, extra


def iter_json(text: str) -> Iterator[tuple[int | None, dict[str, Any]]]:
    """Records of a JSON document: one object, a list, or a list under a wrapper key.

    Yields ``(position, record)``; position is 1-based in a list, None for one object.
    Raises ValueError for JSON that holds no records.
    """
    data = json.loads(text)
    if isinstance(data, dict):
        for w in _WRAPPERS:
            if isinstance(data.get(w), list):
                data = data[w]
                break
    if isinstance(data, dict):
        yield None, data
    elif isinstance(data, list):
        for i, item in enumerate(data, 1):
            yield i, item
    else:
        raise ValueError(f"JSON holds a {type(data).__name__}, not an article object or a list of them")


def iter_jsonl(stream: IO[str]) -> Iterator[tuple[int, Any]]:
    """``(line_number, parsed or exception)`` for each non-blank line of a JSONL stream."""
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield lineno, exc


def iter_csv(stream: IO[str], delimiter: str | None = None) -> tuple[list[str], Iterator[tuple[int, Any]]]:
    """Header and ``(row_number, dict or exception)`` for each data row of a CSV/TSV stream."""
    csv.field_size_limit(2**31 - 1)
    head = stream.read(65536)
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(head.split("\n", 5)[0] + "\n", delimiters=",\t;|").delimiter
        except csv.Error:
            delimiter = ","
    full = io.StringIO(head)
    chained = _Chain(full, stream)
    reader = csv.reader(chained, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return [], iter(())
    header = [h.strip().lstrip("\ufeff") for h in header]

    def rows() -> Iterator[tuple[int, Any]]:
        n = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                n += 1
                yield n, exc
                continue
            n += 1
            if not any(c.strip() for c in row):
                continue
            if len(row) > len(header):
                yield n, ValueError(f"row has {len(row)} fields, the header has {len(header)}")
                continue
            yield n, dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))

    return header, rows()


class _Chain:
    """Read a buffered head, then the rest of a stream, line by line."""

    def __init__(self, head: IO[str], tail: IO[str]) -> None:
        self._parts = [head, tail]

    def __iter__(self) -> "_Chain":
        return self

    def __next__(self) -> str:
        while self._parts:
            line = self._parts[0].readline()
            if line:
                if not line.endswith("\n") and len(self._parts) > 1:
                    line += self._parts[1].readline()
                return line
            self._parts.pop(0)
        raise StopIteration
