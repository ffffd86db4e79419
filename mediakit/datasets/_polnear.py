"""PolNeAR: political news articles, and their gold attribution relations (brat)."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .._progress import progress_bar
from .._validation import check_bool, check_no_kwargs, warn_deprecated
from ..text import normalize_inline
from ..outlets import normalize_outlet
from ..schema import coerce_articles
from ._brat import Spans, fragment_texts, parse_brat
from ._common import clean_field, frame_with, inline_field, int_array, to_utc_dates
from ._corpora import corpus_root, reader_root

__all__ = ["POLNEAR_SPLITS", "load_polnear", "load_polnear_attributions"]

POLNEAR_SPLITS: tuple[str, ...] = ("train", "dev", "annotator-training")
"""PolNeAR splits available in the shared corpora (the test split is withheld)."""

_WIRES = {"ap": "AP", "afp": "AFP", "reuters": "Reuters", "upi": "UPI"}
_ROLE_BASE = re.compile(r"^(Source|Cue|Content)\d*$")


#: Names a first argument is read as a split by (the old call ``load_polnear("dev")``).
_SPLIT_NAMES = (*POLNEAR_SPLITS, "test")

#: The first argument of a reader: the corpus folder (a split there is the old, deprecated call).
RootArg = str | os.PathLike[str] | Iterable[str] | None


def _legacy_split(first: Any, keyword_root: bool) -> bool:
    """Whether ``first`` is the split of an old call: ``load_polnear("dev"[, root=...])``.

    A split name that is not an existing path, any string when ``root=`` is given too, or an
    iterable of split names.
    """
    if first is None or isinstance(first, os.PathLike):
        return False
    if isinstance(first, str):
        return keyword_root or (first in _SPLIT_NAMES and not Path(first).exists())
    return isinstance(first, Iterable)


def _root_and_split(func: str, root: RootArg, split: str | Iterable[str],
                    legacy: dict[str, Any]) -> tuple[Any, str | Iterable[str]]:
    """The corpus folder and the split(s) of a PolNeAR reader call, old call forms included.

    ``load_polnear("dev")`` and ``load_polnear("dev", root=...)`` (a split first) still work,
    with a DeprecationWarning; ``root=`` is the same as the first argument.
    """
    if _legacy_split(root, "root" in legacy):
        if not (isinstance(split, str) and split == "dev"):
            raise TypeError(f"{func}(): got a split as the first argument (deprecated) and split=; pass only split=")
        warn_deprecated(func, "a split as the first argument", "split= (the first argument is the polnear folder)",
                        stacklevel=3)
        root, split = None, root  # type: ignore[assignment]
    root = reader_root(func, root, legacy)
    check_no_kwargs(legacy, func=func)
    return root, split


def _polnear_splits(split: str | Iterable[str]) -> list[str]:
    items = [split] if isinstance(split, str) else list(split)
    if not items:
        raise ValueError(f"no PolNeAR split given; choose from {list(POLNEAR_SPLITS)}")
    out: list[str] = []
    for s in items:
        if s not in POLNEAR_SPLITS:
            extra = " (the test split is withheld for final measurements)" if s == "test" else ""
            raise ValueError(f"unknown PolNeAR split {s!r}{extra}; choose from {list(POLNEAR_SPLITS)}")
        if s not in out:
            out.append(s)
    return out


def _polnear_metadata(base: Path) -> dict[str, dict[str, str]]:
    path = base / "metadata.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        # QUOTE_NONE: titles contain quotation marks that are not CSV quoting.
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["filename"]: row for row in reader if row.get("filename")}


def _split_text_dir(base: Path, split: str) -> Path:
    text_dir = base / split / "text"
    if not text_dir.is_dir():
        raise FileNotFoundError(f"PolNeAR split folder not found: {text_dir}")
    return text_dir


def _publisher(meta: dict[str, dict[str, str]], stem: str) -> str:
    """The article's publisher in metadata.tsv, else the file-name prefix (``NYT_...``)."""
    return clean_field(meta.get(stem, {}).get("publisher")) or stem.split("_", 1)[0]


def _read_exact(path: Path) -> str:
    """File content decoded as UTF-8 with no newline translation."""
    return path.read_bytes().decode("utf-8")


def _polnear_title(text: str) -> str | None:
    """The title block: text up to the first blank line, folded to one line.

    A few titles are a headline and a sub-headline on two lines; both are kept.
    """
    head = re.split(r"\n[ \t]*\n", text.lstrip(), maxsplit=1)[0]
    return normalize_inline(head) or None


def _polnear_wire(value: Any) -> str | None:
    s = clean_field(value)
    return None if s is None else _WIRES.get(s.casefold(), s)


def load_polnear(root: RootArg = None, /, *, split: str | Iterable[str] = "dev", progress: bool | None = None,
                 **legacy: Any) -> pd.DataFrame:
    """Load PolNeAR articles (political news attribution corpus) as an articles table.

    One row per ``<split>/text/<filename>.txt``, in the order the splits are
    given, then by file name.

    Parameters
    ----------
    root : path-like, optional
        The ``polnear`` folder, first or as ``root=``; default
        ``corpora_dir() / "polnear"``. (A split name or a list of them here is
        the old call ``load_polnear("dev")``: it still works, with a
        DeprecationWarning; use ``split=``.)
    split : str or iterable of str, default "dev"
        ``"train"``, ``"dev"``, ``"annotator-training"``, or several of them.
    progress : bool, optional
        A progress bar over the files; default: in terminals and notebooks, not
        under CI (see :mod:`mediakit._progress`).

    Returns
    -------
    pandas.DataFrame
        One row per article (``article_id``, its file name), in the articles
        schema, then ``split``, ``wire`` (``AP``, ``AFP``,
        ``Reuters``, ``UPI``; case-folded to that spelling, NA for 'None'/'NA')
        and ``credit`` (NA for 'None'). Notes on the schema columns:

        * ``text`` is the file content unchanged (UTF-8, no newline translation,
          no normalisation, no stripping): the gold offsets of
          :func:`load_polnear_attributions` index into it.
        * ``title`` is the first block of the file (up to the first blank line)
          on one line. The corpus builders appended a full stop to most titles;
          metadata.tsv has the headline without it.
        * ``article_id`` is the file name without ``.txt``; ``outlet`` is the
          normalised ``publisher`` of metadata.tsv (``outlet_raw`` keeps it);
          ``byline`` is ``author`` (NA for 'None' or empty); ``published`` is
          ``publication_date`` at midnight UTC.

    Raises
    ------
    ValueError
        For an unknown split (the ``test`` split is not distributed).
    FileNotFoundError
        If the corpus or a split folder is missing.
    TypeError
        If ``progress`` is not a bool or None, or an unknown keyword is given.

    Examples
    --------
    >>> dev = load_polnear(split="dev")  # doctest: +SKIP
    >>> len(dev), dev["outlet"].nunique()  # doctest: +SKIP
    (84, 7)
    """
    func = "load_polnear"
    folder, split = _root_and_split(func, root, split, legacy)
    check_bool(progress, name="progress", func=func, allow_none=True)
    splits = _polnear_splits(split)
    base = corpus_root(folder, "polnear")
    meta = _polnear_metadata(base)
    files = _split_files(base, splits)
    rows = [_article_row(path, sp, meta)
            for sp, path in progress_bar(files, desc="PolNeAR", unit="file", enabled=progress, min_items=2)]
    df = frame_with(rows, ["article_id", "outlet", "outlet_raw", "title", "byline", "published", "text",
                       "url", "source_path", "source_format", "split", "wire", "credit"])
    df["published"] = to_utc_dates(df["published"])
    df = coerce_articles(df)
    for col in ("split", "wire", "credit"):
        df[col] = df[col].astype("string")
    return df


def _split_files(base: Path, splits: list[str]) -> list[tuple[str, Path]]:
    """``(split, text file)`` of every article, in split order, then by file name."""
    return [(sp, path) for sp in splits for path in sorted(_split_text_dir(base, sp).glob("*.txt"))]


def _article_row(path: Path, split: str, meta: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The articles-table row of one ``.txt`` file (its text unchanged)."""
    stem = path.stem
    text = _read_exact(path)
    m = meta.get(stem, {})
    publisher = _publisher(meta, stem)
    return {
        "article_id": stem,
        "outlet": normalize_outlet(publisher),
        "outlet_raw": publisher,
        "title": _polnear_title(text),
        "byline": inline_field(m.get("author")),
        "published": clean_field(m.get("publication_date")),
        "text": text,
        "url": None,
        "source_path": str(path),
        "source_format": "text",
        "split": split,
        "wire": _polnear_wire(m.get("wire")),
        "credit": inline_field(m.get("credit")),
    }


def _first_annotations(ann_dir: Path) -> dict[str, tuple[str, Path]]:
    """For each article stem, the first ``<stem>_<annotator>.ann`` in sorted order."""
    by_stem: dict[str, list[tuple[str, Path]]] = {}
    if ann_dir.is_dir():
        for path in ann_dir.glob("*.ann"):
            stem, sep, _ = path.stem.rpartition("_")
            if sep:
                by_stem.setdefault(stem, []).append((path.name, path))
    out = {}
    for stem, files in by_stem.items():
        path = sorted(files)[0][1]
        out[stem] = (path.stem.rpartition("_")[2], path)
    return out


_ATTRIBUTION_COLUMNS = [
    "article_id", "split", "outlet", "annotator", "attribution_id", "relation", "has_source",
    "source_start", "source_end", "source_text", "source_spans",
    "cue_start", "cue_end", "cue_text", "cue_spans",
    "content_start", "content_end", "content_text", "content_spans",
]


def load_polnear_attributions(root: RootArg = None, /, *, split: str | Iterable[str] = "dev",
                              progress: bool | None = None, **legacy: Any) -> pd.DataFrame:
    """Load PolNeAR's gold attribution relations, one row per ``E`` record.

    For an article annotated by several people only the first ``.ann`` file in
    sorted order is used (as the corpus README asks). Offsets index into the
    ``text`` of :func:`load_polnear`.

    Parameters
    ----------
    root : path-like, optional
        The ``polnear`` folder, first or as ``root=``; default
        ``corpora_dir() / "polnear"``. (A split here is the old call, as in
        :func:`load_polnear`: deprecated, use ``split=``.)
    split : str or iterable of str, default "dev"
        ``"train"``, ``"dev"``, ``"annotator-training"``, or several of them.
    progress : bool, optional
        A progress bar over the articles; default: in terminals and notebooks,
        not under CI.

    Returns
    -------
    pandas.DataFrame
        One row per attribution relation (``E`` record) of the first
        annotator: ``article_id``, ``split``, ``outlet``, ``annotator`` (the
        ``.ann`` suffix), ``attribution_id`` ('E1'), ``relation``
        ('Attribution' or 'Attribution-no-source'), ``has_source`` (bool: a
        Source span is present), and for each role ``source``, ``cue`` and
        ``content``:

        * ``<role>_spans``: list of ``(start, end)`` fragments in document
          order; a discontinuous span ``207 579;581 851`` gives two fragments,
          and ``content_spans`` covers the ``Content`` **and** ``Content2``
          pieces; ``[]`` when the role is absent.
        * ``<role>_start`` / ``<role>_end`` (Int64): first fragment start and
          last fragment end; NA when the role is absent.
        * ``<role>_text``: the annotated text taken from the ``.ann`` file, one
          piece per fragment, the fragments in document order **joined by a
          single space** (as brat itself writes a discontinuous span; the
          fragments of the Content and Content2 pieces are merged the same
          way). So it equals ``" ".join(text[s:e] for s, e in <role>_spans)``
          (and is not the article's characters between the fragments). NA
          when the role is absent.

        Rows are in split order, then by article and attribution number.
        ``Discard``/``Discuss`` spans and ``#`` notes are ignored.
        ``df.attrs["skipped_records"]`` lists ``(ann file, record id, reason)``
        for malformed records that were skipped (a bad span, an event that refers
        to a missing span); ``df.attrs["text_mismatches"]`` lists ``(article_id,
        span id)`` for spans whose text differs from the article at its offsets.

    Examples
    --------
    >>> gold = load_polnear_attributions(split="dev")  # doctest: +SKIP
    >>> gold[["cue_text", "has_source"]].head(2)  # doctest: +SKIP
    """
    func = "load_polnear_attributions"
    folder, split = _root_and_split(func, root, split, legacy)
    check_bool(progress, name="progress", func=func, allow_none=True)
    splits = _polnear_splits(split)
    base = corpus_root(folder, "polnear")
    meta = _polnear_metadata(base)
    rows: list[dict[str, Any]] = []
    skipped: list[tuple[str, str, str]] = []
    mismatches: list[tuple[str, str]] = []
    annotated = _annotated_files(base, splits)
    for sp, text_path, annotation in progress_bar(annotated, desc="PolNeAR attributions", unit="article",
                                                  enabled=progress, min_items=2):
        rows.extend(_article_attributions(text_path, sp, annotation, meta, skipped, mismatches))
    df = frame_with(rows, _ATTRIBUTION_COLUMNS)
    for col in _ATTRIBUTION_COLUMNS:
        if col.endswith(("_start", "_end")):
            df[col] = int_array(df[col].tolist())
        elif col.endswith("_spans"):
            df[col] = df[col].astype("object")
        elif col == "has_source":
            df[col] = df[col].astype(bool)
        else:
            df[col] = df[col].astype("string")
    df.attrs["skipped_records"] = skipped
    df.attrs["text_mismatches"] = mismatches
    return df


def _annotated_files(base: Path, splits: list[str]) -> list[tuple[str, Path, tuple[str, Path]]]:
    """``(split, text file, (annotator, .ann file))`` of every annotated article, in split then file order."""
    out: list[tuple[str, Path, tuple[str, Path]]] = []
    for sp in splits:
        text_dir = _split_text_dir(base, sp)
        anns = _first_annotations(base / sp / "attributions")
        out.extend((sp, text_path, anns[text_path.stem]) for text_path in sorted(text_dir.glob("*.txt"))
                   if text_path.stem in anns)
    return out


def _article_attributions(text_path: Path, split: str, annotation: tuple[str, Path],
                          meta: dict[str, dict[str, str]], skipped: list[tuple[str, str, str]],
                          mismatches: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Attribution rows of one article, by attribution number; problems go to the two lists."""
    stem = text_path.stem
    annotator, ann_path = annotation
    text = _read_exact(text_path)
    try:
        content = _read_exact(ann_path)
    except (OSError, UnicodeDecodeError) as exc:
        skipped.append((ann_path.name, "", f"unreadable file: {exc}"))
        return []
    spans, events, problems = parse_brat(content)
    skipped.extend((ann_path.name, rid, why) for rid, why in problems)
    outlet = normalize_outlet(_publisher(meta, stem))
    for tid, (_, frags, stext) in spans.items():
        if " ".join(text[a:b] for a, b in frags) != stext:
            mismatches.append((stem, tid))
    parsed = []
    for eid, pairs in events:
        missing = [tid for _, tid in pairs if tid not in spans]
        if missing:
            skipped.append((ann_path.name, eid, f"refers to missing span(s) {missing}"))
            continue
        row: dict[str, Any] = {
            "article_id": stem, "split": split, "outlet": outlet, "annotator": annotator,
            "attribution_id": eid, "relation": pairs[0][0],
        }
        row.update(_role_columns(pairs, spans, text))
        num = int(eid[1:]) if eid[1:].isdigit() else 0
        parsed.append((num, row))
    return [r for _, r in sorted(parsed, key=lambda x: x[0])]


def _role_columns(pairs: list[tuple[str, str]], spans: Spans, text: str) -> dict[str, Any]:
    """``has_source`` and the start, end, text and spans of each role of one event."""
    pieces: dict[str, list[tuple[tuple[int, int], str]]] = {"source": [], "cue": [], "content": []}
    for role, tid in pairs[1:]:
        m = _ROLE_BASE.match(role)
        if m:
            _, frags, stext = spans[tid]
            pieces[m.group(1).lower()].extend(fragment_texts(frags, stext, text))
    row: dict[str, Any] = {"has_source": bool(pieces["source"])}
    for role, got in pieces.items():
        got.sort(key=lambda piece: piece[0])
        row[f"{role}_start"] = got[0][0][0] if got else None
        row[f"{role}_end"] = max(f[1] for f, _ in got) if got else None
        row[f"{role}_text"] = " ".join(t for _, t in got) if got else None
        row[f"{role}_spans"] = [f for f, _ in got]
    return row
