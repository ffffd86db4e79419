"""Article dicts -> the articles DataFrame: ids, canonical outlets, dates, schema dtypes."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..text import article_languages, normalize_inline, normalize_language, page_text
from ..outlets import normalize_outlet, outlet_from_url, outlet_key, registered_domain, url_host
from ..schema import coerce_articles, empty_articles
from ._dates import parse_datetime

__all__ = ["to_frame", "fallback_id", "unique_ids"]


def fallback_id(row: Mapping[str, Any]) -> str:
    """Id base of an article with neither its own id nor a file-derived one: a hash of title and text.

    Examples
    --------
    >>> fallback_id({"title": "T", "text": "Body."})
    'edd82f0cf6ea01a8'
    """
    return hashlib.sha1(f"{row.get('title')}\x1f{row.get('text')}".encode()).hexdigest()[:16]


def unique_ids(ids: list[Any], taken: set[str]) -> list[str]:
    """``ids`` made unique against ``taken`` (updated) with ``~2``, ``~3`` suffixes.

    Examples
    --------
    >>> taken = {"a"}
    >>> unique_ids(["a", "b", "a"], taken), sorted(taken)
    (['a~2', 'b', 'a~3'], ['a', 'a~2', 'a~3', 'b'])
    """
    out = []
    for base in ids:
        new, n = str(base), 1
        while new in taken:
            n += 1
            new = f"{base}~{n}"
        taken.add(new)
        out.append(new)
    return out


def _assign_ids(rows: list[dict[str, Any]]) -> list[str]:
    return unique_ids([r.get("source_id") or r["_auto_id"] or fallback_id(r) for r in rows], set())


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


def _extra_columns(rows: list[dict[str, Any]], taken: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Metadata fields beyond the schema, in order of first appearance."""
    extra_keys: list[str] = []
    for r in rows:
        for k in r["_extra"]:
            if k not in extra_keys and k not in taken:
                extra_keys.append(k)
    return {str(k): [r["_extra"].get(k) for r in rows] for k in extra_keys}


def to_frame(rows: list[dict[str, Any]], *, outlet: str | None, tz: str,
             aliases: Mapping[str, str] | None) -> pd.DataFrame:
    """The articles table of ``rows`` (article dicts from the file readers).

    Parameters
    ----------
    rows : list of dict
        Articles as :class:`~mediakit.loaders._reader.FileReader` gives them.
    outlet : str, optional
        Outlet of articles whose metadata names none and that have no URL (before the folder
        name). Precedence: the record's own outlet, then its URL's domain (through the domain
        table: "https://edition.cnn.com/..." -> CNN, an unknown domain as itself), then ``outlet``,
        then the folder name. A domain key of ``aliases`` also overrides an HTML page's own site name.
    tz : str
        Time zone of naive dates.
    aliases : mapping, optional
        Extra outlet aliases.

    Returns
    -------
    pandas.DataFrame
        The schema columns (:data:`mediakit.schema.ARTICLE_COLUMNS`), ``source_id`` when a
        record had its own id, then the extra metadata fields.
    """
    if not rows:
        return empty_articles()
    ids = _assign_ids(rows)
    user_domains = bool(aliases) and any(registered_domain(k) for k in (aliases or {}))
    raw_outlets = []
    for r in rows:
        raw = r.get("outlet")
        if r.get("url") and (not raw or (user_domains and r.get("source_format") == "html")):
            # the url's domain names the outlet of a record that names none; a user's domain alias
            # also beats the site name an HTML page gives itself
            host = url_host(r["url"])
            if host and (not raw or outlet_from_url(host, aliases) != outlet_from_url(host)):
                raw = host
        raw = raw or outlet or r["_folder_outlet"]
        raw_outlets.append(normalize_inline(raw) if raw else None)
    # a page's hover cards and its photo and video furniture are no article text (the captions are kept apart)
    pages = [page_text(r.get("text") or "") for r in rows]
    table: dict[str, list[Any]] = {
        "article_id": ids,
        "outlet": _canonical_outlets(raw_outlets, aliases),
        "outlet_raw": raw_outlets,
        "title": [r.get("title") for r in rows],
        "byline": [r.get("byline") for r in rows],
        "published": [parse_datetime(r.get("published"), tz) for r in rows],
        "text": [text for text, _ in pages],
        "captions": [list(r.get("captions") or []) + inline for r, (_, inline) in zip(rows, pages, strict=True)],
        "url": [r.get("url") for r in rows],
        "source_path": [r["source_path"] for r in rows],
        "source_format": [r["source_format"] for r in rows],
        "source_record": [r["source_record"] for r in rows],
    }
    if any(r.get("source_id") for r in rows):
        table["source_id"] = [r.get("source_id") for r in rows]
    table.update(_extra_columns(rows, table))
    df = pd.DataFrame(table)
    df["published"] = pd.to_datetime(df["published"], utc=True)
    df = coerce_articles(df)
    df["language"] = pd.array(_languages(df), dtype="string")
    return df


def _languages(df: pd.DataFrame) -> list[str | None]:
    """Each article's language detected offline from its headline and body; when the text is
    too short to tell, the language its record declares (``language_declared``), if any."""
    langs = article_languages(df)
    if "language_declared" in df.columns:
        declared = df["language_declared"].tolist()
        langs = [lang or normalize_language(d) for lang, d in zip(langs, declared, strict=True)]
    return langs
