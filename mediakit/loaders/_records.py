"""Structured records (JSON, JSONL, CSV, Parquet) to article fields."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import IO, Any

import pandas as pd

from ..text import normalize_inline, normalize_text
from ._exports import compact_date, jsonld_articles, plain_value, strip_truncation
from ._byline import AUTHOR_SEPARATOR

__all__ = ["FIELD_ALIASES", "EXTRA_FIELD_NAMES", "BYLINE_SEPARATOR", "ColumnMap", "record_to_article", "iter_json",
           "iter_jsonl", "iter_csv", "resolve_columns", "graph_articles"]

#: Field names recognised in records, per schema column (matched case-insensitively, with "-"
#: and " " read as "_" and camelCase split: ``publishedAt`` is ``published_at``). The first
#: alias a record has wins; when its value is empty the next one with a value is used. Pass
#: ``columns=`` to load_articles for others. Covers news-please (``maintext``,
#: ``date_publish``, ``source_domain``), Media Cloud v2/v4, NewsAPI (``source.name``,
#: ``publishedAt``), GDELT (``SOURCEURL``, ``DocumentIdentifier``, ``DATEADDED``, ``SQLDATE``)
#: and schema.org ``NewsArticle`` (``headline``, ``articleBody``, ``datePublished``,
#: ``publisher``, ``mainEntityOfPage``).
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
                  "datepublished", "publish_time", "published_date", "date_publish", "published_time",
                  "date_added", "dateadded", "seendate", "seen_date", "sqldate"),
    "outlet": ("outlet", "media_name", "source", "publisher", "site_name", "sitename", "media",
               "publication", "source_name", "outlet_name", "medium", "newspaper", "source_domain",
               "sourcecommonname", "source_common_name", "domain"),
    "url": ("url", "link", "canonical_url", "story_url", "web_url", "href", "article_url", "permalink",
            "sourceurl", "documentidentifier", "document_identifier", "main_entity_of_page",
            "mainentityofpage"),
    "captions": ("captions", "caption", "image_captions", "photo_captions"),
}
#: Extra (unmapped) fields renamed on the way in, matched like :data:`FIELD_ALIASES`: a
#: declared ``language`` is kept as ``language_declared`` (``language`` is the detected one),
#: and the image fields of the common exports share one name. A record that already has the
#: new name keeps its own field.
EXTRA_FIELD_NAMES: dict[str, str] = {
    "language": "language_declared", "lang": "language_declared",
    "url_to_image": "image_url", "urltoimage": "image_url", "socialimage": "image_url",
    "social_image": "image_url", "image": "image_url", "top_image": "image_url",
}
#: How several authors given as a list are joined in ``byline``.
BYLINE_SEPARATOR = AUTHOR_SEPARATOR  # one convention for every format ("Jane Doe; John Roe")
_WRAPPERS = ("articles", "data", "items", "stories", "results", "documents", "records", "docs")
_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|span|a|em|strong|b|i)\b[^>]*>", re.I)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_ALIAS_COLUMN = {alias: col for col, aliases in FIELD_ALIASES.items() for alias in aliases}


@functools.lru_cache(maxsize=4096)
def _keys(name: Any) -> tuple[str, ...]:
    """The forms a field name is matched by: as written, and with camelCase split.

    Examples
    --------
    >>> _keys("publishedAt"), _keys("Media-Name"), _keys("SOURCEURL")
    (('publishedat', 'published_at'), ('media_name',), ('sourceurl',))
    """
    name = str(name).strip()
    plain = re.sub(r"[\s\-]+", "_", name).casefold()
    split = re.sub(r"[\s\-]+", "_", _CAMEL.sub("_", name)).casefold()
    return (plain,) if split == plain else (plain, split)


class ColumnMap(dict[str, str]):
    """Schema column -> record field, remembering which columns ``columns=`` named (no fallback)."""

    explicit: frozenset[str] = frozenset()


def resolve_columns(fields: list[str], columns: Mapping[str, str] | None) -> ColumnMap:
    """Map schema column -> record field, from ``columns`` first, then :data:`FIELD_ALIASES`.

    Raises
    ------
    ValueError
        When ``columns`` names a schema column that does not exist.

    Examples
    --------
    >>> dict(resolve_columns(["maintext", "date_modify", "date_publish", "source_domain", "SOURCEURL"], None))
    {'text': 'maintext', 'published': 'date_publish', 'outlet': 'source_domain', 'url': 'SOURCEURL'}
    """
    known = set(FIELD_ALIASES)
    mapping = ColumnMap()
    if columns:
        bad = [k for k in columns if k not in known]
        if bad:
            raise ValueError(f"columns= keys must be article fields {sorted(known)}; got {bad}")
        mapping.update(columns)
        mapping.explicit = frozenset(columns)
    by_key: dict[str, str] = {}
    for f in fields:
        for k in _keys(f):
            by_key.setdefault(k, f)
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


def _missing(value: Any) -> bool:
    return value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and value != value)


def _as_inline(value: Any) -> str | None:
    """One line of text from a string, a number, an object (its ``name``) or a list (joined)."""
    if _missing(value):
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or next(
            (v for k, v in value.items() if not str(k).startswith("@") and v), None)
        return _as_inline(value)
    if isinstance(value, (list, tuple)):
        parts = [p for p in (_as_inline(v) for v in value) if p]
        return ", ".join(parts) if parts else None
    s = normalize_inline(str(value))
    return s or None


def _first(value: Any) -> Any:
    """The first non-empty item of a list (a lone value as it is)."""
    if isinstance(value, (list, tuple)):
        return next((v for v in value if not _missing(v) and v != ""), None)
    return value


def _as_url(value: Any) -> str | None:
    """A URL from a string or an object (``@id``, ``url``, ``href``: a JSON-LD ``WebPage``)."""
    value = _first(value)
    if isinstance(value, dict):
        value = next((value[k] for k in ("@id", "url", "href", "link") if isinstance(value.get(k), str)), None)
    return _as_inline(value)


def _as_byline(value: Any) -> str | None:
    """Author names: a string as it is, a list of names or ``Person`` objects joined by ``"; "``."""
    if isinstance(value, (list, tuple)):
        names = list(dict.fromkeys(n for n in (_as_inline(v) for v in value) if n))
        return BYLINE_SEPARATOR.join(names) if names else None
    return _as_inline(value)


def _as_captions(value: Any) -> list[str]:
    if _missing(value):
        return []
    if isinstance(value, str):
        return [c for c in (normalize_inline(x) for x in value.split("\n")) if c]
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        items = value.tolist() if hasattr(value, "tolist") else value
        return [c for c in (_as_inline(x) for x in items) if c]
    return []


def _column_value(col: str, v: Any) -> Any:
    """The article value of schema column ``col`` from a record's field value ``v``."""
    if col == "text":
        return _as_text(v)
    if col == "captions":
        return _as_captions(v)
    if col == "published":
        return compact_date(_first(v))
    if col == "url":
        return _as_url(v)
    if col == "byline":
        return _as_byline(v)
    if col == "outlet":
        return _as_inline(_first(v))
    return _as_inline(v)  # title; article_id as source_id


def _empty(value: Any) -> bool:
    return _missing(value) or (isinstance(value, (str, list, tuple)) and len(value) == 0)


def _fallback(record: Mapping[str, Any], col: str, used: set[Any]) -> tuple[Any, Any]:
    """``(field, value)`` of the first other alias of ``col`` with a value in ``record``."""
    for fname, v in record.items():
        if fname in used or _empty(v) or not any(_ALIAS_COLUMN.get(k) == col for k in _keys(fname)):
            continue
        value = _column_value(col, v)
        if not _empty(value):
            return fname, value
    return None, None


def _extras(record: Mapping[str, Any], used: set[Any]) -> dict[str, Any]:
    """The fields no column took, renamed by :data:`EXTRA_FIELD_NAMES`; JSON-LD nodes as plain values."""
    jsonld = "@context" in record or "@type" in record
    extra: dict[str, Any] = {}
    for k, v in record.items():
        if k in used or k is None:
            continue
        if jsonld:
            if k in ("@context", "@id"):
                continue
            k = "schema_type" if k == "@type" else k
            v = plain_value(v)
            if isinstance(v, list) and k == "schema_type":
                v = ", ".join(map(str, v))
        new = next((EXTRA_FIELD_NAMES[x] for x in _keys(k) if x in EXTRA_FIELD_NAMES), None)
        if new is not None and new not in record and new not in extra:
            k = new
        extra[k] = v
    return extra


def record_to_article(record: Mapping[str, Any], mapping: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a record into schema fields and extra metadata.

    Returns ``(article, extra)``; ``article["published"]`` is left as found (parsed later, a
    compact ``YYYYMMDD[HHMMSS]`` date made ISO first). A field the mapping found by its alias
    but empty in this record gives way to the next alias with a value (not for ``columns=``).
    ``article["_truncated"]`` is True when an API's truncation marker was cut off the text.

    Examples
    --------
    >>> rec = {"source": {"id": None, "name": "BBC News"}, "author": ["A. Writer", "B. Writer"],
    ...        "publishedAt": "2024-12-11T10:00:00Z", "content": "It began\u2026 [+1200 chars]",
    ...        "urlToImage": "https://x.test/i.jpg"}
    >>> art, extra = record_to_article(rec, resolve_columns(list(rec), None))
    >>> art["outlet"], art["byline"], art["text"], art["_truncated"], extra
    ('BBC News', 'A. Writer; B. Writer', 'It began', True, {'image_url': 'https://x.test/i.jpg'})
    """
    art: dict[str, Any] = {}
    used = set(mapping.values())
    explicit: frozenset[str] = getattr(mapping, "explicit", frozenset())
    for col, fname in mapping.items():
        value = _column_value(col, record[fname]) if fname in record else None
        if _empty(value) and col not in explicit:
            fb, fb_value = _fallback(record, col, used)
            if fb is not None:
                used.add(fb)
                value = fb_value
        if fname not in record and value is None:
            continue
        if col == "text":
            value, cut = strip_truncation(value or "")
            if cut:
                art["_truncated"] = True
        art["source_id" if col == "article_id" else col] = value
    extra = _extras(record, used)
    return art, extra


def iter_json(text: str) -> Iterator[tuple[int | None, dict[str, Any]]]:
    """Records of a JSON document: one object, a list, or a list under a wrapper key.

    A JSON-LD document (one object, a list of nodes, or a ``@graph``) gives its article nodes
    only (``NewsArticle``, ``Article``, ``BlogPosting``, ...), ``@id`` references resolved.
    Yields ``(position, record)``; position is 1-based in a list, None for one object (or for
    the one article of a ``@graph``). Raises ValueError for JSON that holds no records.

    Examples
    --------
    >>> doc = '{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle"}]}'
    >>> list(iter_json(doc))
    [(None, {'@type': 'NewsArticle'})]
    """
    data = json.loads(text)
    if isinstance(data, dict):
        for w in _WRAPPERS:
            if isinstance(data.get(w), list):
                data = data[w]
                break
    graph = isinstance(data, dict) and isinstance(data.get("@graph"), list)
    nodes = data["@graph"] if graph else data if isinstance(data, list) else [data]
    articles = jsonld_articles(nodes)
    if articles is not None:
        if not isinstance(data, list) and len(articles) == 1:
            yield None, articles[0][1]
        else:
            yield from articles
    elif isinstance(data, dict):
        yield None, data
    elif isinstance(data, list):
        for i, item in enumerate(data, 1):
            yield i, item
    else:
        raise ValueError(f"JSON holds a {type(data).__name__}, not an article object or a list of them")


def graph_articles(record: Any) -> list[Any]:
    """The article nodes of a JSON-LD ``@graph`` object; ``[record]`` for anything else.

    Examples
    --------
    >>> graph_articles({"@graph": [{"@type": "Person"}, {"@type": "NewsArticle", "headline": "H"}]})
    [{'@type': 'NewsArticle', 'headline': 'H'}]
    >>> graph_articles({"title": "T"})
    [{'title': 'T'}]
    """
    if isinstance(record, dict) and isinstance(record.get("@graph"), list):
        found = jsonld_articles(record["@graph"])
        if found:
            return [art for _, art in found]
    return [record]


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
