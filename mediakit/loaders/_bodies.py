"""Articles with an empty or implausibly short body: flagged in the load report, kept in the table.

:func:`check_bodies` records them while loading; :func:`left_out_articles` adds the articles in
another language and says which ones the English-only metrics leave out (for the report).

A page whose article text the extractor missed (a JSON-LD-only body, a paywall stub, a teaser)
loads without any error, so nothing would tell the user that its metrics describe nothing. The
load report gets one ``warning`` row per such article; the article stays in the table.

``empty_body``
    The body has no word at all (``text`` empty, white space or punctuation only).
``short_body``
    The body has words, but implausibly few for its source (:func:`body_flags` gives the rules):

    1. **Far below its outlet**: fewer than :data:`SHORT_SHARE` (10%) of the median word count of
       its outlet's articles, when the outlet has at least :data:`MIN_GROUP` (5) articles with a
       body. Articles without an outlet are compared with the others of their folder.
    2. **A web page with a title and almost no text**: an HTML page that has a title but fewer
       than :data:`MIN_PAGE_WORDS` (50) words of body, unless its outlet (or folder) is known to be
       short: at least :data:`MIN_GROUP` articles with a median under :data:`TYPICALLY_SHORT` (150)
       words, as in a folder of news briefs. HTML is where a body goes missing silently: the
       extractor keeps a teaser, a paywall stub or the wrong block of the page.

    Plain-text pages and records of data exports (JSON, JSONL, CSV, Parquet) only meet rule 1:
    their body is the text as written, and a short one is usually a wire brief or a summary. A
    body that opens with a wire dateline ("NEW YORK (AP) —", "LONDON, May 2 (Reuters) -") is a
    wire item, short by design: neither rule flags it. Word counts of bodies of 2,000 characters
    or more, used for the medians, are estimated from spaces (a count word by word costs ten
    times as long), and never under one word per 7 characters (scripts written without spaces):
    such a body is never an empty one, nor short by rule 2.

Measured on the research corpora: AllSides (37,554 articles, JSONL records), BASIL (210) and
PolNeAR dev (84, with outlets): no article has an empty body; one short body is flagged, a
53-word HuffPost article in PolNeAR dev where the outlet's median is 628 words (it stops after its
opening paragraphs). PolNeAR's train, dev and annotator-training text files loaded with
``load_articles`` (928 text pages, no outlet): 9 flagged, all HuffPost pages cut to their first
sentences (12-50 words); a 24-word AP flash is not (wire dateline). ``data/``: the 12 rows of its
titles-only export are already reported by their file's ``no_text`` row, and not again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_frame
from ..text import WORD_RE

__all__ = ["body_flags", "check_bodies", "body_words", "left_out_articles", "LEFT_OUT_COLUMNS", "FLAG_COLUMNS",
           "EMPTY_BODY", "SHORT_BODY", "MIN_PAGE_WORDS", "SHORT_SHARE", "MIN_GROUP", "TYPICALLY_SHORT",
           "MAX_ROWS_PER_FILE"]

EMPTY_BODY = "empty_body"
SHORT_BODY = "short_body"
#: An HTML page with a title and fewer body words than this is short (rule 2).
MIN_PAGE_WORDS = 50
#: An article under this share of its outlet's median word count is short (rule 1).
SHORT_SHARE = 0.10
#: Articles with a body an outlet (or folder) needs before its median is used.
MIN_GROUP = 5
#: Median word count under which an outlet is known to publish short pieces (rule 2 is off).
TYPICALLY_SHORT = 150
#: Rows recorded per file and kind before one row sums up the rest (a title-only export).
MAX_ROWS_PER_FILE = 20
#: Columns of :func:`body_flags`.
FLAG_COLUMNS = ("position", "article_id", "outlet", "title", "source_path", "source_record", "kind", "words",
                "message")
#: Columns of :func:`left_out_articles`.
LEFT_OUT_COLUMNS = ("article_id", "title", "outlet", "reason", "language", "words", "left_out")
_PAGE_FORMATS = frozenset({"html"})  # rule 2
_EXACT_BELOW = 2000  # characters: shorter bodies are counted word by word
# A wire dateline opening the body: "NEW YORK (AP) —", "LONDON, March 3 (Reuters) -". Such a
# piece is a wire item, short by design (a flash): neither rule flags it.
_WIRE_DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'’ -]{1,40}(?:,[^()\n]{1,40})?\s*\([A-Za-z&.' ]{2,30}\)\s*[—–-]")


def body_words(text: Any) -> int:
    """Words in an article body (0 for a missing or non-text value).

    Examples
    --------
    >>> body_words("Prices rose 3.5% on Monday."), body_words(" \\n— "), body_words(None)
    (5, 0, 0)
    """
    return len(WORD_RE.findall(text)) if isinstance(text, str) else 0


def _estimated_words(text: Any) -> int:
    """:func:`body_words`, estimated from spaces for long texts (exact ones would cost 10x the time;
    never short: at least one word per 7 characters, for scripts written without spaces)."""
    if not isinstance(text, str):
        return 0
    if len(text) < _EXACT_BELOW:
        return len(WORD_RE.findall(text))
    return max(text.count(" ") + text.count("\n") + 1, len(text) // 7)


def _series(df: pd.DataFrame, name: str) -> pd.Series | None:
    """The column ``name`` (the first one when the name is duplicated), None when absent."""
    if name not in df.columns:
        return None
    col = df[name]
    return col.iloc[:, 0] if isinstance(col, pd.DataFrame) else col


def _column(df: pd.DataFrame, name: str) -> list[Any]:
    """The values of a column as a list of Python objects (missing ones None; no column: all None)."""
    col = _series(df, name)
    if col is None:
        return [None] * len(df)
    return [None if _missing(v) else v for v in col.astype(object).tolist()]


def _body_words(articles: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each article's body words (:func:`_estimated_words`) and whether its body opens with a wire dateline.

    The texts are read one at a time: a corpus's texts all made Python strings at once (as
    :func:`_column` makes them) cost up to four bytes a character (about 400 MiB for the whole AllSides file).
    """
    n = len(articles)
    words, wire = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    col = _series(articles, "text")
    if col is None:
        return words, wire
    for i, v in enumerate(col.array):
        if isinstance(v, str):
            words[i] = _estimated_words(v)
            wire[i] = bool(_WIRE_DATELINE.match(v[:200]))
    return words, wire


def _missing(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # list-like cells
        return False


def _label(title: Any, limit: int = 80) -> str:
    title = " ".join(str(title).split()) if isinstance(title, str) else ""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _record(v: Any) -> int | None:
    """A record number (None when missing or not a number that fits the ``Int64`` column)."""
    try:
        n = int(v) if v is not None and not isinstance(v, bool) else None
    except (TypeError, ValueError, OverflowError):
        return None
    return n if n is not None and -(2**63) <= n < 2**63 else None


def _group_keys(outlets: list[Any], paths: list[Any]) -> list[str]:
    """Outlet name, or for articles without one the folder of their file."""
    keys = []
    for o, p in zip(outlets, paths, strict=True):
        if isinstance(o, str) and o.strip():
            keys.append("outlet:" + o)
        else:
            keys.append("folder:" + (os.path.dirname(p) if isinstance(p, str) else ""))
    return keys


def _group_medians(keys: list[str], words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per article: the median words and the count of articles with a body in its group."""
    frame = pd.DataFrame({"key": keys, "words": np.where(words > 0, words, np.nan)})
    grouped = frame.groupby("key", sort=False)["words"]
    return grouped.transform("median").to_numpy(dtype=float), grouped.transform("count").to_numpy(dtype=float)


def body_flags(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles whose body is empty or implausibly short for their source.

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles table. Uses ``text`` and, when present, ``title``, ``outlet``,
        ``source_format``, ``source_path``, ``source_record`` and ``article_id``; any value
        that is not a string counts as missing.

    Returns
    -------
    pandas.DataFrame
        One row per flagged article, in table order, with :data:`FLAG_COLUMNS`: ``position``
        (0-based row of ``articles``), ``kind`` (``empty_body`` or ``short_body``), ``words``
        (body words) and a ``message`` in plain words. See the module docstring for the rules.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "title": ["Budget passes", "Floods"],
    ...                      "text": ["", "Water fell overnight."], "source_format": ["html", "json"]})
    >>> body_flags(arts)[["article_id", "kind", "words"]].to_dict("records")
    [{'article_id': 'a', 'kind': 'empty_body', 'words': 0}]
    """
    check_frame(articles, func="body_flags")
    words, wire = _body_words(articles)
    titles, outlets = _column(articles, "title"), _column(articles, "outlet")
    formats, paths = _column(articles, "source_format"), _column(articles, "source_path")
    ids, records = _column(articles, "article_id"), _column(articles, "source_record")
    median, count = _group_medians(_group_keys(outlets, paths), words)
    known = count >= MIN_GROUP
    relative = known & (words > 0) & ~wire & (words < SHORT_SHARE * np.nan_to_num(median))
    has_title = np.array([isinstance(t, str) and bool(t.strip()) for t in titles], dtype=bool)
    page = np.array([isinstance(f, str) and f in _PAGE_FORMATS for f in formats], dtype=bool)
    typically_short = known & (np.nan_to_num(median) < TYPICALLY_SHORT)
    page_short = page & has_title & (words > 0) & ~wire & (words < MIN_PAGE_WORDS) & ~typically_short
    rows = []
    for i in np.flatnonzero((words == 0) | relative | page_short):
        w = int(words[i])
        title = _label(titles[i])
        if w == 0:
            kind = EMPTY_BODY
            what = f"“{title}” has" if title else "the article has"
            message = f"empty body: {what} no words of body text (kept, with no text to measure)"
        else:
            kind = SHORT_BODY
            head = f"short body: “{title}” has" if title else "short body: the article has"
            if relative[i]:
                whose = f"{outlets[i]}'s" if isinstance(outlets[i], str) and outlets[i].strip() else "its folder's"
                message = (f"{head} only {w} word{'s' if w != 1 else ''} of body text, under "
                           f"{SHORT_SHARE:.0%} of the median (~{median[i]:,.0f} words) of {whose} "
                           f"{int(count[i])} articles: probably cut off or not fully extracted (kept)")
            else:
                message = (f"{head} only {w} word{'s' if w != 1 else ''} of body text for a full "
                           "web page: its article text was probably not found (kept)")
        rows.append((int(i), ids[i] if isinstance(ids[i], str) else None,
                     outlets[i] if isinstance(outlets[i], str) else None, title or None,
                     paths[i] if isinstance(paths[i], str) else None, _record(records[i]), kind, w, message))
    out = pd.DataFrame(rows, columns=list(FLAG_COLUMNS))
    return out.astype({"position": "int64", "words": "int64", "source_record": "Int64"})


def _reported_no_text(reported: Iterable[Any] | pd.DataFrame) -> set[str]:
    """Files whose missing text the load report already states (a ``no_text`` row)."""
    if isinstance(reported, pd.DataFrame):
        items: Iterable[Any] = reported.to_dict("records") if {"kind", "source_path"} <= set(reported.columns) else ()
    else:
        items = reported
    paths: set[str] = set()
    for item in items:
        get = item.get if isinstance(item, Mapping) else (lambda k, _i=item: getattr(_i, k, None))
        path = get("source_path")
        if get("kind") == "no_text" and isinstance(path, str):
            paths.add(path)
    return paths


AddProblem = Callable[..., None]


def check_bodies(articles: pd.DataFrame, add: AddProblem, *, reported: Iterable[Any] | pd.DataFrame = (),
                 titles_only: Iterable[str] = ()) -> int:
    """Record articles with an empty or implausibly short body in a load report (status ``warning``).

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles table just built (see :func:`body_flags`). Not modified: flagged
        articles stay in it.
    add : callable
        Called as ``add(source_path, kind, message, record=..., status="warning")``, as
        :meth:`Collector.add <mediakit.loaders._errors.Collector.add>`.
    reported : iterable of LoadError or dict, or DataFrame, optional
        Problems already recorded: the empty bodies of a file with a ``no_text`` row (an export
        with titles only, already reported as such) are not recorded again.
    titles_only : iterable of str, optional
        Source paths known to hold no text field (a reader that found no text column), whose
        ``no_text`` row may come later, as when a file is streamed in chunks: the same.

    Returns
    -------
    int
        The number of articles recorded (rows summed up per file count each article).

    Notes
    -----
    One row per article (``record`` is its record in a multi-record file); past
    :data:`MAX_ROWS_PER_FILE` rows of one kind in one file, a last row (``record`` empty)
    counts the rest and names their first records.

    Examples
    --------
    >>> import pandas as pd
    >>> from mediakit.loaders._errors import Collector
    >>> arts = pd.DataFrame({"article_id": ["p"], "title": ["Leader flees"], "text": [" "],
    ...                      "source_path": ["scmp.html"], "source_format": ["html"]})
    >>> c = Collector("collect")
    >>> check_bodies(arts, c.add)
    1
    >>> c.items[0].status, c.items[0].kind
    ('warning', 'empty_body')
    >>> c.items[0].message
    'empty body: “Leader flees” has no words of body text (kept, with no text to measure)'
    """
    flags = body_flags(articles)
    if flags.empty:
        return 0
    skip = _reported_no_text(reported) | {p for p in titles_only if isinstance(p, str)}
    n = 0
    seen: dict[tuple[str, str], list[Any]] = {}
    for r in flags.itertuples(index=False):
        path = r.source_path if isinstance(r.source_path, str) else "<input>"
        if r.kind == EMPTY_BODY and path in skip:
            continue
        n += 1
        record = None if pd.isna(r.source_record) else int(r.source_record)
        done = seen.setdefault((path, r.kind), [])
        done.append(record)
        if len(done) <= MAX_ROWS_PER_FILE:
            add(path, r.kind, r.message, record=record, status="warning")
    for (path, kind), done in seen.items():
        rest = done[MAX_ROWS_PER_FILE:]
        if rest:
            first = ", ".join(str(x) for x in rest[:10] if x is not None)
            what = "an empty body" if kind == EMPTY_BODY else "an implausibly short body"
            add(path, kind, f"and {len(rest):,} more record(s) of this file have {what}"
                + (f" (records {first}{', …' if len(rest) > 10 else ''})" if first else "") + " (kept)",
                record=None, status="warning")
    return n


# --------------------------------------------------------------------------- left out of the metrics

def _languages(articles: pd.DataFrame, metrics: pd.DataFrame | None) -> list[Any]:
    """The ``language`` of each article (ISO 639-1 code or None): from the articles, else the metrics."""
    values = _column(articles, "language")
    if "language" not in articles.columns and metrics is not None and "language" in metrics.columns:
        ids = _column(articles, "article_id")
        by_id = dict(zip(_column(metrics, "article_id"), _column(metrics, "language"), strict=True))
        if "article_id" in metrics.columns and None not in ids and len(by_id) == len(metrics):
            values = [by_id.get(i) for i in ids]
        elif len(metrics) == len(articles):
            values = _column(metrics, "language")
    return [v.strip().lower() if isinstance(v, str) and v.strip() else None for v in values]


def _scored(languages: str | Sequence[str] | None) -> frozenset[str] | None:
    """The languages the English-only metrics score (None: every language)."""
    if languages is None:
        return None
    return frozenset([languages] if isinstance(languages, str) else languages)


def left_out_articles(articles: pd.DataFrame, *, metrics: pd.DataFrame | None = None,
                      languages: str | Sequence[str] | None = "en",
                      load_errors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Articles the English-only metrics leave out (empty body, another language) or flag (short body).

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles analysed (``text``; ``title``, ``outlet``, ``language`` when present).
    metrics : pandas.DataFrame, optional
        :func:`mediakit.analyze` of them: its ``language`` column is used when ``articles`` has none.
    languages : str, sequence of str or None, default 'en'
        The languages the metrics scored (None: all). An article whose ``language`` is known and
        not among them is left out; one of unknown language (None) is scored.
    load_errors : pandas.DataFrame, optional
        The load report: an empty body from a file with a ``no_text`` row is a titles-only export.

    Returns
    -------
    pandas.DataFrame
        One row per article left out or flagged, left-out ones first, with
        :data:`LEFT_OUT_COLUMNS`: ``reason`` in plain words (``empty body``, ``language de``,
        ``short body``, joined by "; " when several apply), ``words`` of body text, and
        ``left_out`` (False: kept in the metrics, with a caveat).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "title": ["Vote", "Wahl", "Poll"],
    ...                      "text": ["", "Die Regierung hat heute gesagt.", "The vote was held."],
    ...                      "language": [None, "de", "en"]})
    >>> left_out_articles(arts)[["article_id", "reason", "left_out"]].to_dict("records")
    [{'article_id': 'a', 'reason': 'empty body', 'left_out': True}, \
{'article_id': 'b', 'reason': 'language de', 'left_out': True}]
    """
    check_frame(articles, func="left_out_articles")
    if languages is not None and not isinstance(languages, str) and \
            not all(isinstance(x, str) for x in languages):
        raise TypeError(f"left_out_articles(): languages must be a language code, a list of them or None, "
                        f"got {languages!r}")
    flags = body_flags(articles)
    kind = dict(zip(flags["position"].tolist(), flags["kind"].tolist(), strict=True))
    titles_only: set[str] = set()
    if load_errors is not None and {"kind", "source_path"} <= set(load_errors.columns):
        titles_only = set(load_errors.loc[load_errors["kind"] == "no_text", "source_path"].dropna().astype(str))
    langs = _languages(articles, metrics)
    scored = _scored(languages)
    paths = _column(articles, "source_path")
    rows = []
    for i, lang in enumerate(langs):
        reasons, left_out = [], False
        if kind.get(i) == EMPTY_BODY:
            titles = isinstance(paths[i], str) and paths[i] in titles_only
            reasons.append("empty body (the file has titles only)" if titles else "empty body")
            left_out = True
        if lang is not None and scored is not None and lang not in scored:
            reasons.append(f"language {lang}")
            left_out = True
        elif lang is not None and lang != "en":
            reasons.append(f"language {lang} (scored anyway)")
        if kind.get(i) == SHORT_BODY:
            reasons.append("short body")
        if reasons:
            rows.append((i, left_out, "; ".join(reasons), lang))
    rows.sort(key=lambda r: (not r[1], r[0]))
    picked = articles.iloc[[r[0] for r in rows]]

    def col(name: str) -> list[Any]:
        return [v if isinstance(v, str) else None for v in _column(picked, name)]

    out = pd.DataFrame({"article_id": col("article_id"), "title": col("title"), "outlet": col("outlet"),
                        "reason": [r[2] for r in rows], "language": [r[3] for r in rows],
                        "words": [body_words(t) for t in col("text")], "left_out": [r[1] for r in rows]},
                       columns=list(LEFT_OUT_COLUMNS))
    return out.astype({"words": "int64", "left_out": "bool"})
