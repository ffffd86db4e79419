"""BASIL: one event told by Fox News, the NYT and HuffPost; articles and phrase-level bias."""

from __future__ import annotations

import ast
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .._progress import progress_bar
from .._validation import check_bool, check_no_kwargs
from ..outlets import normalize_outlet
from ..schema import coerce_articles
from ._common import clean_field, frame_with, inline_field, int_array, to_utc_dates
from ._corpora import corpus_root, reader_root

__all__ = ["load_basil", "load_basil_annotations"]

_STANCES = {"liberal": "left", "left": "left", "center": "center", "centre": "center",
            "conservative": "right", "right": "right"}


def _basil_years(articles_dir: Path, years: int | str | Iterable[int | str] | None) -> list[str]:
    available = sorted(d.name for d in articles_dir.iterdir() if d.is_dir())
    if years is None:
        return available
    wanted = [years] if isinstance(years, (int, str)) else list(years)
    out = []
    for y in wanted:
        ys = str(y)
        if ys not in available:
            raise ValueError(f"BASIL year {y!r} not found in {articles_dir}; available: {available}")
        if ys not in out:
            out.append(ys)
    return sorted(out)


def _basil_text(paragraphs: Any) -> tuple[str, list[int], list[str]]:
    """Body text from BASIL paragraphs, with each flattened sentence's start offset.

    Sentences of a paragraph are joined with one space and paragraphs with a
    blank line; sentences are not altered. Empty paragraphs are dropped.
    """
    if not isinstance(paragraphs, list):
        paragraphs = []
    parts: list[str] = []
    starts: list[int] = []
    sentences: list[str] = []
    pos = 0
    for para in paragraphs:
        sents = [para] if isinstance(para, str) else list(para) if isinstance(para, list) else []
        sents = ["" if s is None else str(s) for s in sents]
        if not sents:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        for i, s in enumerate(sents):
            if i:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            sentences.append(s)
            parts.append(s)
            pos += len(s)
    return "".join(parts), starts, sentences


def _str_list(value: Any) -> list[str]:
    """A list of strings from a list or a Python-literal string; [] otherwise."""
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value.strip())
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v is not None]
    return []


def _keywords(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    return []


def _read_json(path: Path) -> Any:
    return json.loads(path.read_bytes().decode("utf-8"))


def _basil_base(func: str, root: Any, progress: Any, legacy: dict[str, Any]) -> Path:
    """The ``basil`` folder of a reader call (``root`` first or as ``root=``), its options checked."""
    root = reader_root(func, root, legacy)
    check_no_kwargs(legacy, func=func)
    check_bool(progress, name="progress", func=func, allow_none=True)
    return corpus_root(root, "basil")


def _basil_files(base: Path, years: int | str | Iterable[int | str] | None) -> list[tuple[str, Path]]:
    """``(year, article path)`` of every article file, in sorted order."""
    articles_dir = base / "articles"
    if not articles_dir.is_dir():
        raise FileNotFoundError(f"BASIL articles folder not found: {articles_dir}")
    return [(year, path) for year in _basil_years(articles_dir, years)
            for path in sorted((articles_dir / year).glob("*.json"))]


def _iter_basil(base: Path, years: int | str | Iterable[int | str] | None, skipped: list[tuple[str, str]], *,
                progress: bool | None) -> Iterator[tuple[str, Path, dict[str, Any], dict[str, Any] | None]]:
    """``(year, article path, article dict, annotation dict or None)`` in sorted order."""
    files = _basil_files(base, years)
    for year, path in progress_bar(files, desc="BASIL", unit="file", enabled=progress, min_items=2):
        try:
            data = _read_json(path)
        except (OSError, ValueError) as exc:
            skipped.append((str(path), f"unreadable article: {exc}"))
            continue
        if not isinstance(data, dict):
            skipped.append((str(path), "article file is not a JSON object"))
            continue
        yield year, path, data, _read_annotation(base / "annotations" / year / f"{path.stem}_ann.json", skipped)


def _read_annotation(ann_path: Path, skipped: list[tuple[str, str]]) -> dict[str, Any] | None:
    """The annotation dict of one article, or None (absent, or unreadable: listed in ``skipped``)."""
    ann: dict[str, Any] | None = None
    if ann_path.is_file():
        try:
            loaded = _read_json(ann_path)
            ann = loaded if isinstance(loaded, dict) else None
            if ann is None:
                skipped.append((str(ann_path), "annotation file is not a JSON object"))
        except (OSError, ValueError) as exc:
            skipped.append((str(ann_path), f"unreadable annotation: {exc}"))
    return ann


_BASIL_EXTRA = ["event_id", "main_event", "main_entities", "keywords", "year", "basil_uuid",
                "relative_stance", "relative_stance_raw"]


def load_basil(root: str | os.PathLike[str] | None = None, /, *,
               years: int | str | Iterable[int | str] | None = None, progress: bool | None = None,
               **legacy: Any) -> pd.DataFrame:
    """Load BASIL articles (one event told by Fox News, the NYT and HuffPost).

    Parameters
    ----------
    root : path-like, optional
        The ``basil`` folder, first or as ``root=``; default
        ``corpora_dir() / "basil"``.
    years : int, str or iterable of them, optional
        Years (folder names under ``articles/``) to load; default all present.
    progress : bool, optional
        A progress bar over the files; default: in terminals and notebooks, not
        under CI.

    Returns
    -------
    pandas.DataFrame
        One row per article (``article_id``; three per event), in the articles
        schema, then ``event_id`` (the triplet uuid shared by the
        three articles of an event), ``main_event``, ``main_entities`` (list of
        str, from a list or a Python-literal string; ``[]`` when unreadable),
        ``keywords`` (list of str, the comma-separated field split; ``[]`` when
        absent), ``year`` (Int64, from the folder), ``basil_uuid`` (the
        article's own uuid), ``relative_stance`` ('left', 'center' or 'right':
        the annotators' 'liberal'/'conservative' are mapped to 'left'/'right')
        and ``relative_stance_raw`` (as annotated); both NA without an
        annotation file. Rows are sorted by year, event and file name.

        ``text`` joins the sentences of each paragraph with one space and the
        paragraphs with a blank line, leaving the sentences unchanged, so the
        offsets of :func:`load_basil_annotations` index into it.
        ``article_id`` is the file name without ``.json``
        (``<triplet-uuid>_<n>``); ``outlet`` is ``source`` normalised ('fox' ->
        'Fox News', 'nyt' -> 'New York Times', 'hpo' -> 'HuffPost') and
        ``published`` is ``date`` at midnight UTC.
        ``df.attrs["skipped_files"]`` lists ``(path, reason)`` for unreadable files.

    Examples
    --------
    >>> basil = load_basil()  # doctest: +SKIP
    >>> basil.groupby("event_id")["outlet"].nunique().eq(3).all()  # doctest: +SKIP
    True
    """
    base = _basil_base("load_basil", root, progress, legacy)
    skipped: list[tuple[str, str]] = []
    rows: list[dict[str, Any]] = []
    for year, path, data, ann in _iter_basil(base, years, skipped, progress=progress):
        text, _, _ = _basil_text(data.get("body-paragraphs"))
        source = clean_field(data.get("source"))
        stance_raw = None
        if ann is not None:
            article_level = ann.get("article-level-annotations")
            if isinstance(article_level, Mapping):
                stance_raw = clean_field(article_level.get("relative_stance"))
        rows.append({
            "article_id": path.stem,
            "outlet": normalize_outlet(source),
            "outlet_raw": source,
            "title": inline_field(data.get("title")),
            "byline": None,
            "published": clean_field(data.get("date")),
            "text": text,
            "url": clean_field(data.get("url")),
            "source_path": str(path),
            "source_format": "json",
            "event_id": clean_field(data.get("triplet-uuid")) or path.stem.rsplit("_", 1)[0],
            "main_event": inline_field(data.get("main-event")),
            "main_entities": _str_list(data.get("main-entities")),
            "keywords": _keywords(data.get("keywords")),
            "year": int(year) if year.isdigit() else None,
            "basil_uuid": clean_field(data.get("uuid")),
            "relative_stance": _STANCES.get(stance_raw.casefold(), stance_raw) if stance_raw else None,
            "relative_stance_raw": stance_raw,
        })
    schema_cols = ["article_id", "outlet", "outlet_raw", "title", "byline", "published", "text",
                   "url", "source_path", "source_format"]
    df = frame_with(rows, schema_cols + _BASIL_EXTRA)
    df["published"] = to_utc_dates(df["published"])
    df = coerce_articles(df)
    for col in ("event_id", "main_event", "basil_uuid", "relative_stance", "relative_stance_raw"):
        df[col] = df[col].astype("string")
    df["year"] = int_array(df["year"].tolist())
    df.attrs["skipped_files"] = skipped
    return df


_BASIL_ANN_COLUMNS = [
    "article_id", "event_id", "outlet", "annotation_id", "sentence_index", "start", "end",
    "span_text", "bias", "polarity", "target", "aim", "quote", "speaker", "offsets_exact",
    "offsets_status",
]


def _locate(sentence: str, txt: str, start: Any, end: Any) -> tuple[int | None, str]:
    """Sentence-relative start of ``txt`` and how it was found."""
    try:
        st, en = int(start), int(end)
    except (TypeError, ValueError):
        st = en = -1
    if txt and 0 <= st <= en <= len(sentence) and sentence[st:en] == txt:
        return st, "exact"
    if txt:
        hits = [m.start() for m in re.finditer(re.escape(txt), sentence)]
        if hits:
            return min(hits, key=lambda h: abs(h - st)), "repaired"
    return None, "not_found"


def load_basil_annotations(root: str | os.PathLike[str] | None = None, /, *,
                           years: int | str | Iterable[int | str] | None = None, progress: bool | None = None,
                           **legacy: Any) -> pd.DataFrame:
    """Load BASIL's phrase-level bias annotations with offsets into the article text.

    Parameters
    ----------
    root : path-like, optional
        The ``basil`` folder, first or as ``root=``; default
        ``corpora_dir() / "basil"``.
    years : int, str or iterable of them, optional
        Years to load; default all present.
    progress : bool, optional
        A progress bar over the files; default: in terminals and notebooks, not
        under CI.

    Returns
    -------
    pandas.DataFrame
        One row per phrase annotation: ``article_id``, ``event_id``, ``outlet``,
        ``annotation_id`` ('p12'), ``sentence_index`` (Int64, N of 'pN': the
        index in the flattened sentence list), ``start``/``end`` (Int64,
        character offsets into the ``text`` of :func:`load_basil`),
        ``span_text`` (the annotated ``txt``), ``bias`` ('lex' or 'inf'),
        ``polarity``, ``target``, ``aim``, ``quote`` (bool: 'yes'),
        ``speaker`` (NA when empty), ``offsets_exact`` (bool) and
        ``offsets_status``:

        * ``'exact'``: the given sentence-relative start/end select ``txt``;
        * ``'repaired'``: they do not, but ``txt`` occurs in the sentence (the
          occurrence closest to the given start is used);
        * ``'not_found'``: ``txt`` is not in the sentence (or the sentence does
          not exist): ``start``/``end`` are NA;
        * ``'title'``: the annotation is on the headline (id 'title'), not the
          body: ``sentence_index``, ``start`` and ``end`` are NA.

        ``offsets_exact`` is True only for 'exact'. For 'exact' and 'repaired'
        rows ``text[start:end] == span_text``. ``df.attrs["offset_counts"]``
        counts the statuses; ``df.attrs["skipped_files"]`` lists unreadable
        files.

    Examples
    --------
    >>> ann = load_basil_annotations()  # doctest: +SKIP
    >>> ann.attrs["offset_counts"]  # doctest: +SKIP
    {'exact': 1132, 'repaired': 0, 'not_found': 0, 'title': 1}
    """
    base = _basil_base("load_basil_annotations", root, progress, legacy)
    skipped: list[tuple[str, str]] = []
    rows: list[dict[str, Any]] = []
    for _, path, data, ann in _iter_basil(base, years, skipped, progress=progress):
        if ann is None:
            continue
        phrases = ann.get("phrase-level-annotations")
        if not isinstance(phrases, list):
            continue
        _, starts, sentences = _basil_text(data.get("body-paragraphs"))
        event_id = clean_field(data.get("triplet-uuid")) or path.stem.rsplit("_", 1)[0]
        outlet = normalize_outlet(clean_field(data.get("source")))
        for p in phrases:
            if not isinstance(p, Mapping):
                skipped.append((str(path), "phrase annotation is not an object"))
                continue
            pid = str(p.get("id", "")).strip()
            txt = "" if p.get("txt") is None else str(p.get("txt"))
            m = re.fullmatch(r"p(\d+)", pid)
            sidx = int(m.group(1)) if m else None
            start = end = None
            if pid.casefold() == "title":
                status = "title"
            elif sidx is not None and sidx < len(sentences):
                rel, status = _locate(sentences[sidx], txt, p.get("start"), p.get("end"))
                if rel is not None:
                    start = starts[sidx] + rel
                    end = start + len(txt)
            else:
                status = "not_found"
            rows.append({
                "article_id": path.stem,
                "event_id": event_id,
                "outlet": outlet,
                "annotation_id": pid or None,
                "sentence_index": sidx,
                "start": start,
                "end": end,
                "span_text": txt,
                "bias": clean_field(p.get("bias")),
                "polarity": clean_field(p.get("polarity")),
                "target": clean_field(p.get("target")),
                "aim": clean_field(p.get("aim")),
                "quote": str(p.get("quote", "")).strip().casefold() == "yes",
                "speaker": clean_field(p.get("speaker")),
                "offsets_exact": status == "exact",
                "offsets_status": status,
            })
    df = frame_with(rows, _BASIL_ANN_COLUMNS)
    for col in _BASIL_ANN_COLUMNS:
        if col in ("sentence_index", "start", "end"):
            df[col] = int_array(df[col].tolist())
        elif col in ("quote", "offsets_exact"):
            df[col] = df[col].astype(bool)
        else:
            df[col] = df[col].astype("string")
    counts = df["offsets_status"].value_counts()
    df.attrs["offset_counts"] = {k: int(counts.get(k, 0))
                                 for k in ("exact", "repaired", "not_found", "title")}
    df.attrs["skipped_files"] = skipped
    return df
