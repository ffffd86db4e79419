"""Readers for the shared research corpora: PolNeAR, BASIL and AllSides.

Each reader returns a tidy pandas DataFrame in mediakit's articles schema
(:data:`mediakit.schema.ARTICLE_COLUMNS`, in order, followed by corpus-specific
columns), or a table of gold annotations whose character offsets index into the
``text`` column of the matching articles table.

The corpora are research material that is not shipped with mediakit: they are
found with :func:`corpora_dir` (the ``MEDIAKIT_CORPORA`` environment variable, or
a ``shared/corpora`` folder in the working directory or one of its parents), or
each reader is given ``root=``/``path=`` explicitly.

Text handling differs by corpus, on purpose:

* PolNeAR: ``text`` is the ``.txt`` file **byte for byte** (decoded as UTF-8,
  no newline translation, no Unicode normalisation), because the gold brat
  offsets index into it. It therefore keeps the corpus's no-break spaces and
  the odd control or non-NFC character.
* BASIL: ``text`` is rebuilt from the sentence lists (sentences joined with one
  space, paragraphs with a blank line), sentences unchanged, so the phrase
  annotations map exactly onto it.
* AllSides: ``text`` is ``content_original`` run through
  :func:`mediakit._normalize.normalize_text`, like every other mediakit loader.
"""

from __future__ import annotations

import ast
import csv
import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import pandas as pd

from ._normalize import normalize_inline, normalize_text
from .outlets import normalize_outlet
from .schema import coerce_articles

__all__ = [
    "CORPORA_ENV_VAR",
    "POLNEAR_SPLITS",
    "corpora_dir",
    "load_polnear",
    "load_polnear_attributions",
    "load_basil",
    "load_basil_annotations",
    "load_allsides",
]

CORPORA_ENV_VAR = "MEDIAKIT_CORPORA"
"""Environment variable that points at the corpora folder (overrides the search)."""

POLNEAR_SPLITS: tuple[str, ...] = ("train", "dev", "annotator-training")
"""PolNeAR splits available in the shared corpora (the test split is withheld)."""

_MIN_YEAR, _MAX_YEAR = 1800, 2200
_MISSING_VALUES = frozenset({"", "None", "NA", "N/A", "null", "nan"})
_WIRES = {"ap": "AP", "afp": "AFP", "reuters": "Reuters", "upi": "UPI"}
_STANCES = {"liberal": "left", "left": "left", "center": "center", "centre": "center",
            "conservative": "right", "right": "right"}


# --------------------------------------------------------------------------- locating


def corpora_dir() -> Path:
    """Return the folder that holds the shared research corpora.

    The environment variable ``MEDIAKIT_CORPORA`` wins when it is set (and not
    empty); otherwise the first existing ``shared/corpora`` folder in the current
    working directory or one of its parents is used (from a checkout at
    ``/work/main`` that is ``/work/shared/corpora``).

    Returns
    -------
    pathlib.Path
        Absolute path of the corpora folder.

    Raises
    ------
    FileNotFoundError
        If ``MEDIAKIT_CORPORA`` names a folder that does not exist, or no
        ``shared/corpora`` folder is found.

    Examples
    --------
    >>> import os, tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     old = os.environ.get("MEDIAKIT_CORPORA")
    ...     os.environ["MEDIAKIT_CORPORA"] = tmp
    ...     try:
    ...         found = corpora_dir() == Path(tmp).resolve()
    ...     finally:
    ...         if old is None:
    ...             del os.environ["MEDIAKIT_CORPORA"]
    ...         else:
    ...             os.environ["MEDIAKIT_CORPORA"] = old
    >>> found
    True
    """
    env = os.environ.get(CORPORA_ENV_VAR, "").strip()
    if env:
        path = Path(env).expanduser()
        if path.is_dir():
            return path.resolve()
        raise FileNotFoundError(
            f"{CORPORA_ENV_VAR} is set to {env!r}, which is not an existing folder; "
            f"point it at the folder holding polnear/, basil/ and allsides/, or unset it "
            f"to search for shared/corpora from the working directory up."
        )
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        candidate = folder / "shared" / "corpora"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"no shared/corpora folder found in {cwd} or any of its parents; set the "
        f"{CORPORA_ENV_VAR} environment variable to the corpora folder, or pass root=/path= "
        f"to the loader."
    )


def _corpus_root(root: str | os.PathLike[str] | None, name: str) -> Path:
    path = corpora_dir() / name if root is None else Path(root).expanduser()
    if not path.is_dir():
        raise FileNotFoundError(f"{name} corpus folder not found: {path}")
    return path


# --------------------------------------------------------------------------- helpers


def _clean(value: Any) -> str | None:
    """A metadata string, or None for empty / 'None' / 'NA' placeholders."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    s = str(value).strip()
    return None if s in _MISSING_VALUES else s


def _inline(value: Any) -> str | None:
    s = _clean(value)
    if s is None:
        return None
    return normalize_inline(s) or None


def _int_array(values: Sequence[int | None]) -> pd.arrays.IntegerArray:
    return pd.array(list(values), dtype="Int64")


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """Build a DataFrame with exactly ``columns`` (also when there are no rows)."""
    return pd.DataFrame(rows, columns=list(columns)) if rows else pd.DataFrame(
        {c: pd.Series([], dtype="object") for c in columns})


def _to_utc(values: pd.Series, formats: Sequence[str] = ("%Y-%m-%d",)) -> pd.Series:
    """Parse date strings with the given formats (first match wins); NaT otherwise."""
    s = values.astype("object")
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns, UTC]")
    for fmt in formats:
        todo = out.isna() & s.notna()
        if not todo.any():
            break
        parsed = pd.to_datetime(s[todo], format=fmt, errors="coerce", utc=True)
        # Placeholder dates such as 0001-11-30 are unknown dates, not the year 1.
        parsed = parsed.where((parsed.dt.year >= _MIN_YEAR) & (parsed.dt.year <= _MAX_YEAR))
        out.loc[todo] = parsed.astype("datetime64[ns, UTC]")
    return out


# --------------------------------------------------------------------------- PolNeAR


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
    s = _clean(value)
    return None if s is None else _WIRES.get(s.casefold(), s)


def load_polnear(split: str | Iterable[str] = "dev", *,
                 root: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load PolNeAR articles (political news attribution corpus) as an articles table.

    One row per ``<split>/text/<filename>.txt``, in the order the splits are
    given, then by file name.

    Parameters
    ----------
    split : str or iterable of str, default "dev"
        ``"train"``, ``"dev"``, ``"annotator-training"``, or several of them.
    root : path-like, optional
        The ``polnear`` folder; default ``corpora_dir() / "polnear"``.

    Returns
    -------
    pandas.DataFrame
        The articles schema, then ``split``, ``wire`` (``AP``, ``AFP``,
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

    Examples
    --------
    >>> dev = load_polnear("dev")  # doctest: +SKIP
    >>> len(dev), dev["outlet"].nunique()  # doctest: +SKIP
    (84, 7)
    """
    splits = _polnear_splits(split)
    base = _corpus_root(root, "polnear")
    meta = _polnear_metadata(base)
    rows: list[dict[str, Any]] = []
    for sp in splits:
        text_dir = base / sp / "text"
        if not text_dir.is_dir():
            raise FileNotFoundError(f"PolNeAR split folder not found: {text_dir}")
        for path in sorted(text_dir.glob("*.txt")):
            stem = path.stem
            text = _read_exact(path)
            m = meta.get(stem, {})
            publisher = _clean(m.get("publisher")) or stem.split("_", 1)[0]
            rows.append({
                "article_id": stem,
                "outlet": normalize_outlet(publisher),
                "outlet_raw": publisher,
                "title": _polnear_title(text),
                "byline": _inline(m.get("author")),
                "published": _clean(m.get("publication_date")),
                "text": text,
                "url": None,
                "source_path": str(path),
                "source_format": "text",
                "split": sp,
                "wire": _polnear_wire(m.get("wire")),
                "credit": _inline(m.get("credit")),
            })
    df = _frame(rows, ["article_id", "outlet", "outlet_raw", "title", "byline", "published", "text",
                       "url", "source_path", "source_format", "split", "wire", "credit"])
    df["published"] = _to_utc(df["published"])
    df = coerce_articles(df)
    for col in ("split", "wire", "credit"):
        df[col] = df[col].astype("string")
    return df


_BRAT_RECORD = re.compile(r"\n(?=[TE#]\d+\t)")
_ROLE_BASE = re.compile(r"^(Source|Cue|Content)\d*$")


def _parse_brat(content: str) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]],
                                      list[tuple[str, list[tuple[str, str]]]],
                                      list[tuple[str, str]]]:
    """Parse brat standoff into text-bound spans, events and problems.

    Returns ``(spans, events, problems)``: ``spans`` maps ``T<n>`` to
    ``(label, fragments, text)``; ``events`` lists ``(E<n>, [(role, T<n>), ...])``
    with the trigger first; ``problems`` lists ``(record id, reason)`` for the
    records that were skipped.
    """
    if content.endswith("\n"):
        content = content[:-1]
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    problems: list[tuple[str, str]] = []
    for record in _BRAT_RECORD.split(content):
        if not record.strip():
            continue
        rid = record.split("\t", 1)[0].strip()[:20]
        kind = rid[:1]
        if kind == "#":
            continue
        if kind == "T" and rid[1:].isdigit():
            parts = record.split("\t", 2)
            if len(parts) < 3:
                problems.append((rid, "span record without tab-separated text"))
                continue
            label, _, offsets = parts[1].partition(" ")
            try:
                frags = [(int(a), int(b)) for a, b in (f.split() for f in offsets.split(";"))]
            except ValueError:
                problems.append((rid, f"bad offsets {offsets!r}"))
                continue
            if not label or any(a < 0 or b < a for a, b in frags):
                problems.append((rid, f"bad label or offsets {parts[1]!r}"))
                continue
            spans[rid] = (label, frags, parts[2])
        elif kind == "E" and rid[1:].isdigit():
            parts = record.split("\t")
            args = parts[1].split() if len(parts) > 1 else []
            pairs = [tuple(a.split(":", 1)) for a in args]
            if not pairs or any(len(p) != 2 or not p[0] or not p[1] for p in pairs):
                problems.append((rid, f"bad event arguments {record[len(rid):].strip()[:60]!r}"))
                continue
            events.append((rid, [(p[0], p[1]) for p in pairs]))
        else:
            problems.append((rid, f"unknown record {record[:40]!r}"))
    return spans, events, problems


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


def _fragment_texts(frags: list[tuple[int, int]], span_text: str,
                    text: str) -> list[tuple[tuple[int, int], str]]:
    """Pair each fragment with its text, cut from the span text of the ``.ann`` file.

    brat writes a discontinuous span's fragments in annotation order, joined by
    one space; the pieces are cut by length. If the lengths do not add up, the
    article text at the offsets is used instead.
    """
    if len(span_text) == sum(b - a for a, b in frags) + len(frags) - 1:
        out, pos = [], 0
        for a, b in frags:
            out.append(((a, b), span_text[pos:pos + b - a]))
            pos += b - a + 1
        return out
    return [((a, b), text[a:b]) for a, b in frags]


_ATTRIBUTION_COLUMNS = [
    "article_id", "split", "outlet", "annotator", "attribution_id", "relation", "has_source",
    "source_start", "source_end", "source_text", "source_spans",
    "cue_start", "cue_end", "cue_text", "cue_spans",
    "content_start", "content_end", "content_text", "content_spans",
]


def load_polnear_attributions(split: str | Iterable[str] = "dev", *,
                              root: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load PolNeAR's gold attribution relations, one row per ``E`` record.

    For an article annotated by several people only the first ``.ann`` file in
    sorted order is used (as the corpus README asks). Offsets index into the
    ``text`` of :func:`load_polnear`.

    Parameters
    ----------
    split : str or iterable of str, default "dev"
        ``"train"``, ``"dev"``, ``"annotator-training"``, or several of them.
    root : path-like, optional
        The ``polnear`` folder; default ``corpora_dir() / "polnear"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``article_id``, ``split``, ``outlet``, ``annotator`` (the
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
    >>> gold = load_polnear_attributions("dev")  # doctest: +SKIP
    >>> gold[["cue_text", "has_source"]].head(2)  # doctest: +SKIP
    """
    splits = _polnear_splits(split)
    base = _corpus_root(root, "polnear")
    meta = _polnear_metadata(base)
    rows: list[dict[str, Any]] = []
    skipped: list[tuple[str, str, str]] = []
    mismatches: list[tuple[str, str]] = []
    for sp in splits:
        text_dir = base / sp / "text"
        if not text_dir.is_dir():
            raise FileNotFoundError(f"PolNeAR split folder not found: {text_dir}")
        anns = _first_annotations(base / sp / "attributions")
        for text_path in sorted(text_dir.glob("*.txt")):
            stem = text_path.stem
            if stem not in anns:
                continue
            annotator, ann_path = anns[stem]
            text = _read_exact(text_path)
            try:
                content = _read_exact(ann_path)
            except (OSError, UnicodeDecodeError) as exc:
                skipped.append((ann_path.name, "", f"unreadable file: {exc}"))
                continue
            spans, events, problems = _parse_brat(content)
            skipped.extend((ann_path.name, rid, why) for rid, why in problems)
            publisher = _clean(meta.get(stem, {}).get("publisher")) or stem.split("_", 1)[0]
            outlet = normalize_outlet(publisher)
            for tid, (_, frags, stext) in spans.items():
                if " ".join(text[a:b] for a, b in frags) != stext:
                    mismatches.append((stem, tid))
            parsed = []
            for eid, pairs in events:
                pieces: dict[str, list[tuple[tuple[int, int], str]]] = {
                    "source": [], "cue": [], "content": []}
                missing = [tid for _, tid in pairs if tid not in spans]
                if missing:
                    skipped.append((ann_path.name, eid, f"refers to missing span(s) {missing}"))
                    continue
                for role, tid in pairs[1:]:
                    m = _ROLE_BASE.match(role)
                    if m:
                        _, frags, stext = spans[tid]
                        pieces[m.group(1).lower()].extend(_fragment_texts(frags, stext, text))
                row: dict[str, Any] = {
                    "article_id": stem, "split": sp, "outlet": outlet, "annotator": annotator,
                    "attribution_id": eid, "relation": pairs[0][0],
                    "has_source": bool(pieces["source"]),
                }
                for role, got in pieces.items():
                    got.sort(key=lambda piece: piece[0])
                    row[f"{role}_start"] = got[0][0][0] if got else None
                    row[f"{role}_end"] = max(f[1] for f, _ in got) if got else None
                    row[f"{role}_text"] = " ".join(t for _, t in got) if got else None
                    row[f"{role}_spans"] = [f for f, _ in got]
                num = int(eid[1:]) if eid[1:].isdigit() else 0
                parsed.append((num, row))
            rows.extend(r for _, r in sorted(parsed, key=lambda x: x[0]))
    df = _frame(rows, _ATTRIBUTION_COLUMNS)
    for col in _ATTRIBUTION_COLUMNS:
        if col.endswith(("_start", "_end")):
            df[col] = _int_array(df[col].tolist())
        elif col.endswith("_spans"):
            df[col] = df[col].astype("object")
        elif col == "has_source":
            df[col] = df[col].astype(bool)
        else:
            df[col] = df[col].astype("string")
    df.attrs["skipped_records"] = skipped
    df.attrs["text_mismatches"] = mismatches
    return df


# --------------------------------------------------------------------------- BASIL


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


def _iter_basil(base: Path, years: int | str | Iterable[int | str] | None,
                skipped: list[tuple[str, str]]) -> Iterator[tuple[str, Path, dict[str, Any],
                                                                   dict[str, Any] | None]]:
    """``(year, article path, article dict, annotation dict or None)`` in sorted order."""
    articles_dir = base / "articles"
    if not articles_dir.is_dir():
        raise FileNotFoundError(f"BASIL articles folder not found: {articles_dir}")
    for year in _basil_years(articles_dir, years):
        for path in sorted((articles_dir / year).glob("*.json")):
            try:
                data = _read_json(path)
            except (OSError, ValueError) as exc:
                skipped.append((str(path), f"unreadable article: {exc}"))
                continue
            if not isinstance(data, dict):
                skipped.append((str(path), "article file is not a JSON object"))
                continue
            ann_path = base / "annotations" / year / f"{path.stem}_ann.json"
            ann: dict[str, Any] | None = None
            if ann_path.is_file():
                try:
                    loaded = _read_json(ann_path)
                    ann = loaded if isinstance(loaded, dict) else None
                    if ann is None:
                        skipped.append((str(ann_path), "annotation file is not a JSON object"))
                except (OSError, ValueError) as exc:
                    skipped.append((str(ann_path), f"unreadable annotation: {exc}"))
            yield year, path, data, ann


_BASIL_EXTRA = ["event_id", "main_event", "main_entities", "keywords", "year", "basil_uuid",
                "relative_stance", "relative_stance_raw"]


def load_basil(*, root: str | os.PathLike[str] | None = None,
               years: int | str | Iterable[int | str] | None = None) -> pd.DataFrame:
    """Load BASIL articles (one event told by Fox News, the NYT and HuffPost).

    Parameters
    ----------
    root : path-like, optional
        The ``basil`` folder; default ``corpora_dir() / "basil"``.
    years : int, str or iterable of them, optional
        Years (folder names under ``articles/``) to load; default all present.

    Returns
    -------
    pandas.DataFrame
        The articles schema, then ``event_id`` (the triplet uuid shared by the
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
    base = _corpus_root(root, "basil")
    skipped: list[tuple[str, str]] = []
    rows: list[dict[str, Any]] = []
    for year, path, data, ann in _iter_basil(base, years, skipped):
        text, _, _ = _basil_text(data.get("body-paragraphs"))
        source = _clean(data.get("source"))
        stance_raw = None
        if ann is not None:
            article_level = ann.get("article-level-annotations")
            if isinstance(article_level, Mapping):
                stance_raw = _clean(article_level.get("relative_stance"))
        rows.append({
            "article_id": path.stem,
            "outlet": normalize_outlet(source),
            "outlet_raw": source,
            "title": _inline(data.get("title")),
            "byline": None,
            "published": _clean(data.get("date")),
            "text": text,
            "url": _clean(data.get("url")),
            "source_path": str(path),
            "source_format": "json",
            "event_id": _clean(data.get("triplet-uuid")) or path.stem.rsplit("_", 1)[0],
            "main_event": _inline(data.get("main-event")),
            "main_entities": _str_list(data.get("main-entities")),
            "keywords": _keywords(data.get("keywords")),
            "year": int(year) if year.isdigit() else None,
            "basil_uuid": _clean(data.get("uuid")),
            "relative_stance": _STANCES.get(stance_raw.casefold(), stance_raw) if stance_raw else None,
            "relative_stance_raw": stance_raw,
        })
    schema_cols = ["article_id", "outlet", "outlet_raw", "title", "byline", "published", "text",
                   "url", "source_path", "source_format"]
    df = _frame(rows, schema_cols + _BASIL_EXTRA)
    df["published"] = _to_utc(df["published"])
    df = coerce_articles(df)
    for col in ("event_id", "main_event", "basil_uuid", "relative_stance", "relative_stance_raw"):
        df[col] = df[col].astype("string")
    df["year"] = _int_array(df["year"].tolist())
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


def load_basil_annotations(*, root: str | os.PathLike[str] | None = None,
                           years: int | str | Iterable[int | str] | None = None) -> pd.DataFrame:
    """Load BASIL's phrase-level bias annotations with offsets into the article text.

    Parameters
    ----------
    root : path-like, optional
        The ``basil`` folder; default ``corpora_dir() / "basil"``.
    years : int, str or iterable of them, optional
        Years to load; default all present.

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
    base = _corpus_root(root, "basil")
    skipped: list[tuple[str, str]] = []
    rows: list[dict[str, Any]] = []
    for _, path, data, ann in _iter_basil(base, years, skipped):
        if ann is None:
            continue
        phrases = ann.get("phrase-level-annotations")
        if not isinstance(phrases, list):
            continue
        _, starts, sentences = _basil_text(data.get("body-paragraphs"))
        event_id = _clean(data.get("triplet-uuid")) or path.stem.rsplit("_", 1)[0]
        outlet = normalize_outlet(_clean(data.get("source")))
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
                "bias": _clean(p.get("bias")),
                "polarity": _clean(p.get("polarity")),
                "target": _clean(p.get("target")),
                "aim": _clean(p.get("aim")),
                "quote": str(p.get("quote", "")).strip().casefold() == "yes",
                "speaker": _clean(p.get("speaker")),
                "offsets_exact": status == "exact",
                "offsets_status": status,
            })
    df = _frame(rows, _BASIL_ANN_COLUMNS)
    for col in _BASIL_ANN_COLUMNS:
        if col in ("sentence_index", "start", "end"):
            df[col] = _int_array(df[col].tolist())
        elif col in ("quote", "offsets_exact"):
            df[col] = df[col].astype(bool)
        else:
            df[col] = df[col].astype("string")
    counts = df["offsets_status"].value_counts()
    df.attrs["offset_counts"] = {k: int(counts.get(k, 0))
                                 for k in ("exact", "repaired", "not_found", "title")}
    df.attrs["skipped_files"] = skipped
    return df


# --------------------------------------------------------------------------- AllSides

_ALLSIDES_COLUMNS = ["article_id", "outlet", "outlet_raw", "title", "byline", "published", "text",
                     "url", "source_path", "source_format", "source_record", "topic", "bias",
                     "source_url"]
_ALLSIDES_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%y")
_BLOCK_ROWS = 2000


def _open_binary(path: Path) -> Any:
    with path.open("rb") as fh:
        magic = fh.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else path.open("rb")


def _allsides_batches(path: Path, batch: int | None, limit: int | None,
                      topics: frozenset[str] | None
                      ) -> Iterator[tuple[list[dict[str, Any]], list[tuple[int, str]]]]:
    """Stream ``(rows, skipped lines)`` batches of at most ``batch`` rows (all if None)."""
    rows: list[dict[str, Any]] = []
    skipped: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    outlets: dict[str | None, str | None] = {}
    kept = 0
    yielded = False
    if limit is not None and limit <= 0:
        yield rows, skipped
        return
    with _open_binary(path) as fh:
        lines = iter(fh)
        lineno = 0
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                break
            except (EOFError, OSError, zlib.error) as exc:
                skipped.append((lineno + 1, f"file unreadable from here on: {exc}"))
                break
            lineno += 1
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                skipped.append((lineno, f"not UTF-8 ({exc.reason} at byte {exc.start})"))
                continue
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                skipped.append((lineno, f"invalid JSON: {exc.msg} at column {exc.colno}"))
                continue
            except (ValueError, RecursionError) as exc:
                skipped.append((lineno, f"invalid JSON: {exc}"))
                continue
            if not isinstance(rec, dict):
                skipped.append((lineno, f"not a JSON object but a {type(rec).__name__}"))
                continue
            aid = _clean(rec.get("ID"))
            if aid is None:
                skipped.append((lineno, "no ID"))
                continue
            topic = _clean(rec.get("topic"))
            if topics is not None and topic not in topics:
                continue
            n = seen.get(aid, 0) + 1
            seen[aid] = n
            source = _clean(rec.get("source"))
            if source not in outlets:
                outlets[source] = normalize_outlet(source)
            content = rec.get("content_original")
            rows.append({
                "article_id": aid if n == 1 else f"{aid}~{n}",
                "outlet": outlets[source],
                "outlet_raw": source,
                "title": _inline(rec.get("title")),
                "byline": _inline(rec.get("authors")),
                "published": _clean(rec.get("date")),
                "text": normalize_text(content) if isinstance(content, str) else "",
                "url": _clean(rec.get("url")),
                "source_path": str(path),
                "source_format": "jsonl",
                "source_record": lineno,
                "topic": topic,
                "bias": _clean(rec.get("bias_text")),
                "source_url": _clean(rec.get("source_url")),
            })
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
    df = _frame(rows, _ALLSIDES_COLUMNS)
    df["published"] = _to_utc(df["published"], _ALLSIDES_DATE_FORMATS)
    df = coerce_articles(df)
    for col in ("topic", "bias", "source_url"):
        df[col] = df[col].astype("string")
    df.attrs["skipped_lines"] = skipped
    return df


@overload
def load_allsides(path: str | os.PathLike[str] | None = ..., *, chunksize: None = ...,
                  limit: int | None = ..., topics: str | Iterable[str] | None = ...
                  ) -> pd.DataFrame: ...


@overload
def load_allsides(path: str | os.PathLike[str] | None = ..., *, chunksize: int,
                  limit: int | None = ..., topics: str | Iterable[str] | None = ...
                  ) -> Iterator[pd.DataFrame]: ...


def load_allsides(path: str | os.PathLike[str] | None = None, *, chunksize: int | None = None,
                  limit: int | None = None, topics: str | Iterable[str] | None = None
                  ) -> pd.DataFrame | Iterator[pd.DataFrame]:
    """Load the AllSides articles (Baly et al. 2020), streaming the gzip line by line.

    Parameters
    ----------
    path : path-like, optional
        The JSONL file, gzip-compressed or not (detected from its first bytes);
        default ``corpora_dir() / "allsides" / "articles.jsonl.gz"``.
    chunksize : int, optional
        When given, return an iterator of DataFrames of at most ``chunksize``
        rows each; only one chunk is held in memory at a time.
    limit : int, optional
        Stop after this many articles (counted after the ``topics`` filter).
    topics : str or iterable of str, optional
        Keep only articles whose ``topic`` is one of these (e.g. 'immigration').

    Returns
    -------
    pandas.DataFrame or iterator of pandas.DataFrame
        The articles schema: ``article_id`` = ``ID`` (a repeated ID gets a
        ``~2``, ``~3`` suffix), ``outlet_raw`` = ``source`` and ``outlet`` its
        normalised name ('CNN (Web News)' -> 'CNN'), ``title``, ``byline`` =
        ``authors`` (NA when empty), ``published`` = ``date`` at midnight UTC
        (ISO ``2016-09-20`` or US ``9/20/16``; NaT when empty), ``text`` =
        ``content_original`` through :func:`~mediakit._normalize.normalize_text`,
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
    p = corpora_dir() / "allsides" / "articles.jsonl.gz" if path is None else Path(path).expanduser()
    if not p.is_file():
        raise FileNotFoundError(f"AllSides file not found: {p}")
    if chunksize is not None and (isinstance(chunksize, bool) or not isinstance(chunksize, int)
                                  or chunksize < 1):
        raise ValueError(f"chunksize must be a positive integer, got {chunksize!r}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be a non-negative integer, got {limit!r}")
    topic_set = None if topics is None else frozenset(
        [topics] if isinstance(topics, str) else (str(t) for t in topics))
    if chunksize is None:
        # Built in blocks: per-row dicts for the whole corpus would cost several times
        # the memory of the finished table.
        frames: list[pd.DataFrame] = []
        skipped: list[tuple[int, str]] = []
        for r, s in _allsides_batches(p, _BLOCK_ROWS, limit, topic_set):
            frames.append(_allsides_frame(r, s))
            skipped.extend(s)
        df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        df.attrs = {"skipped_lines": skipped}
        return df
    return (_allsides_frame(r, s) for r, s in _allsides_batches(p, chunksize, limit, topic_set))
