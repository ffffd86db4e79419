"""Stage 6: the tables: one row per attribution, and per-article counts and shares.

:func:`find_attributions` gives the rows of one text as dicts; :func:`extract_attributions` the
table of an articles table; :func:`attribution_metrics` aggregates it per article (``attr_*``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from operator import itemgetter
from typing import Any, Union

import numpy as np
import pandas as pd

from ..._progress import progress_bar
from ..._validation import article_rows, check_articles, check_bool
from ...schema import with_article_context
from ...text import scored_articles
from ...gazetteer import as_gazetteer
from ._assign import RoleRow, assign_roles
from ._document import Attr, Doc
from ._extract import find
from ._lexicon import cue_lexicon, lexicons
from ._roles import ANONYMOUS_KINDS, SOURCE_ROLES
from ._user_cues import CueSource, read_cue_entries, using_cues

__all__ = ["ATTRIBUTION_COLUMNS", "SOURCE_TYPES", "SOURCE_ROLES", "ANONYMOUS_KINDS", "PARTY_GROUPS", "KINDS", "find_attributions", "extract_attributions",
           "attribution_metrics"]

ATTRIBUTION_COLUMNS: tuple[str, ...] = (
    "article_id",
    "source_start", "source_end", "source_text",
    "speaker", "speaker_role", "speaker_affiliation", "source_type",
    "source_role", "role_evidence", "anonymous_kind", "party", "office",
    "cue_start", "cue_end", "cue_text", "cue_lemma", "cue_class",
    "content_start", "content_end", "content_text", "content_spans",
    "kind", "channel",
)
"""Columns of :func:`extract_attributions`, in order."""

SOURCE_TYPES: tuple[str, ...] = (
    "person", "official", "anonymous", "organization", "media", "agency", "document",
    "social_media", "group", "pronoun", "other",
)
"""Values of ``source_type`` (NA when the attribution has no source)."""

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed", "according_to")
"""Values of ``kind``."""

PARTY_GROUPS: tuple[str, ...] = ("Democratic", "Republican", "Independent", "other")
"""Party groups of ``attr_party_<party>`` in :func:`attribution_metrics`."""

GazetteerArg = Union[str, "os.PathLike[str]", pd.DataFrame, None]

_INT_COLUMNS = ("source_start", "source_end", "cue_start", "cue_end", "content_start", "content_end")
_METRIC_TYPES = SOURCE_TYPES


# --------------------------------------------------------------------------- one text


def find_attributions(text: str, *, gazetteer: GazetteerArg = None, byline: str | None = None) -> list[dict[str, Any]]:
    """Find the attributions of one text.

    Parameters
    ----------
    text : str
        An article body (``text`` of the articles table).
    gazetteer : path or DataFrame, optional
        As in :func:`extract_attributions`.
    byline : str, optional
        The article's authors, as in :func:`extract_attributions`: the writer of its own "I" and "we".

    Returns
    -------
    list of dict
        One dict per attribution, in order of the cue, with the keys of
        :data:`ATTRIBUTION_COLUMNS` except ``article_id``; offsets are ``int``
        (``None`` when there is no source), ``content_spans`` a list of
        ``(start, end)``.

    Examples
    --------
    >>> text = "\\u201cWe will win,\\u201d Sen. Jane Roe said on Tuesday. \\u201cNo doubt.\\u201d"
    >>> [(a["source_text"], a["cue_text"], a["content_text"], a["kind"]) for a in find_attributions(text)]
    [('Sen. Jane Roe', 'said', '\\u201cWe will win,\\u201d \\u201cNo doubt.\\u201d', 'direct')]
    >>> a = find_attributions("Prices rose, according to the Associated Press.")[0]
    >>> a["speaker"], a["source_type"], a["content_text"], a["kind"]
    ('AP', 'agency', 'Prices rose', 'according_to')
    >>> a = find_attributions("I think the plan will fail.", byline="By Jane Roe")[0]
    >>> a["source_text"], a["speaker"], a["source_role"], a["role_evidence"]
    ('I', 'Jane Roe', 'media', 'author:Jane Roe')
    """
    found = find(text)
    if found is None:
        return []
    doc, attrs = found
    roles = assign_roles(doc, attrs, as_gazetteer(gazetteer), byline)
    return [_row(doc, a, r) for a, r in zip(attrs, roles, strict=True)]


def _row(doc: Doc, a: Attr, r: RoleRow) -> dict[str, Any]:
    """The dict of :func:`find_attributions` for one attribution."""
    text = doc.text
    content = a.content
    src = a.source
    return {
        "source_start": src[0] if src else None,
        "source_end": src[1] if src else None,
        "source_text": text[src[0]:src[1]] if src else None,
        "speaker": a.speaker,
        "speaker_role": a.role,
        "speaker_affiliation": a.affiliation,
        "source_type": a.source_type,
        **r._asdict(),
        "cue_start": a.cue[0],
        "cue_end": a.cue[1],
        "cue_text": text[a.cue[0]:a.cue[1]],
        "cue_lemma": a.lemma.replace("_", " "),
        "cue_class": lexicons().cues[a.lemma]["class"],
        "content_start": content[0][0],
        "content_end": content[-1][1],
        "content_text": " ".join(text[s:e] for s, e in content),
        "content_spans": [(s, e) for s, e in content],
        "kind": a.kind or "indirect",
        "channel": a.channel,
    }


# --------------------------------------------------------------------------- the attributions table


def _add_rows(rows: list[tuple[Any, ...]], aid: Any, doc: Doc, attrs: list[Attr],
              gazetteer: pd.DataFrame | None = None, byline: str | None = None) -> None:
    """Append the attributions of one article to ``rows``: one tuple each, the values of :func:`_row`
    in the order of :data:`ATTRIBUTION_COLUMNS` (:func:`_frame` makes the table)."""
    text = doc.text
    lemma_text, lemma_class = _cue_columns()
    aid = None if aid is None else str(aid)
    roles = assign_roles(doc, attrs, gazetteer, byline)  # before the rows: it names the writer of an 'I'
    # one flat tuple per row, built without starred unpacking (this runs once per attribution)
    for a, (role, evidence, anon, party, office) in zip(attrs, roles, strict=True):
        src, content, (cs, ce) = a.source, a.content, a.cue
        ss: int | None = None
        se: int | None = None
        source_text: str | None = None
        if src is not None:
            ss, se = src
            source_text = text[ss:se]
        if len(content) == 1:  # most rows: one span, nothing to join
            (c0, c1), = content
            content_text, spans = text[c0:c1], [(c0, c1)]
        else:
            c0, c1 = content[0][0], content[-1][1]
            content_text, spans = " ".join([text[s:e] for s, e in content]), [(s, e) for s, e in content]
        rows.append((
            aid, ss, se, source_text,
            a.speaker, a.role, a.affiliation, a.source_type, role, evidence, anon, party, office,
            cs, ce, text[cs:ce], lemma_text[a.lemma], lemma_class[a.lemma],
            c0, c1, content_text, spans, a.kind or "indirect", a.channel,
        ))


def _cue_columns() -> tuple[dict[str, str], dict[str, Any]]:
    """The ``cue_lemma`` text and the ``cue_class`` of each cue lemma (looked up once per lexicon)."""
    cues = lexicons().cues
    if _CUE_COLUMNS[0] is not cues:
        _CUE_COLUMNS[:] = [cues, {k: k.replace("_", " ") for k in cues}, {k: v["class"] for k, v in cues.items()}]
    return _CUE_COLUMNS[1], _CUE_COLUMNS[2]


_CUE_COLUMNS: list[Any] = [None, {}, {}]  # the cue lexicon and the two tables made from it


def _int_array(values: Sequence[Any]) -> pd.api.extensions.ExtensionArray:
    """``pd.array(values, dtype="Int64")`` for ints and None, built from NumPy arrays (faster)."""
    n = len(values)
    if None not in values:
        return pd.arrays.IntegerArray(np.array(values, dtype=np.int64).reshape(n), np.zeros(n, dtype=bool))
    mask = np.fromiter((v is None for v in values), dtype=bool, count=n)
    data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=n)
    return pd.arrays.IntegerArray(data, mask)


def _string_array(values: Sequence[Any]) -> pd.api.extensions.ExtensionArray:
    """``pd.array(values, dtype="string")`` for str and None; straight through pyarrow when that is
    the storage of the ``string`` dtype (three times faster), else the pandas way."""
    dtype = pd.StringDtype()
    if dtype.storage == "pyarrow":
        try:
            import pyarrow as pa

            out = pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()))
            if out.dtype == dtype:
                return out
        except (ImportError, TypeError, ValueError):  # pyarrow missing, or a value that is not a str
            pass
    return pd.array([None if v is None else str(v) for v in values], dtype="string")


def _frame(rows: list[tuple[Any, ...]]) -> pd.DataFrame:
    """The table of :func:`extract_attributions` from the row tuples of :func:`_add_rows`."""
    # every row has one value per column, by construction; a list per column read by index costs a third less
    # than zip(*rows), which steps 14,000 tuple iterators at once for each column
    columns = [list(map(itemgetter(i), rows)) for i in range(len(ATTRIBUTION_COLUMNS))]
    data: dict[str, Any] = {}
    for c, values in zip(ATTRIBUTION_COLUMNS, columns, strict=True):
        if c in _INT_COLUMNS:
            data[c] = _int_array(values)
        elif c == "content_spans":
            data[c] = pd.Series(values, dtype="object")
        else:
            data[c] = _string_array(values)
    return pd.DataFrame(data, columns=list(ATTRIBUTION_COLUMNS))


def _texts(articles: pd.DataFrame) -> tuple[list[Any], list[str]]:
    """The ids (``article_id``, else the index) and the texts ("" for a missing one) of a checked table."""
    ids = articles["article_id"].tolist() if "article_id" in articles.columns else list(articles.index)
    texts = [t if isinstance(t, str) else "" for t in articles["text"].tolist()]
    return ids, texts


def _bylines(articles: pd.DataFrame) -> list[str | None]:
    """The ``byline`` of each article (None where missing, or without the column)."""
    if "byline" not in articles.columns:
        return [None] * len(articles)
    return [b if isinstance(b, str) and b.strip() else None for b in articles["byline"].tolist()]


def extract_attributions(articles: pd.DataFrame, *, progress: bool | None = None,
                         languages: str | Sequence[str] | None = "en",
                         gazetteer: GazetteerArg = None, cues: CueSource | None = None) -> pd.DataFrame:
    """Extract the attributions of each article: who says what, with character offsets.

    Parameters
    ----------
    articles : DataFrame
        Articles table (see :func:`mediakit.load_articles`) with ``text`` and
        ``article_id`` (unique). The attributions are read in ``text`` only (headline and captions are not
        attributions: a photo credit such as "(AFP Photo)" lives in ``captions``); ``byline``, when
        present, names the writer of the text's own "I" and "we" outside quotations (a column's "I
        think": ``speaker`` the one author, ``source_role`` media or the author's own role, evidence
        ``author:<name>``). Not modified.
    progress : bool, optional
        Show a tqdm progress bar over articles; default: in terminals and notebooks, not under CI.
    languages : str, sequence of str or None, default "en"
        The rules and cue lexicon are English: articles whose language is known
        (``language``, else detected: :func:`mediakit.text.article_languages`) and not among
        these have no rows (one :class:`mediakit.text.LeftOutWarning` says how many). None:
        every article.
    gazetteer : path or DataFrame, optional
        Politicians for ``source_role``, ``party`` and ``office``: a table of
        :func:`mediakit.gazetteer.load_gazetteer` is used as it is; another table (at least
        ``name`` and ``party``) or a CSV path is added to the shipped US table. Default: the
        shipped table (current US Congress, presidents and vice presidents).
    cues : path, dict or DataFrame, optional
        Your own cues, merged over the shipped lexicon (``mediakit/lexicons/cues.yaml``) for this call:
        a YAML file in its format, a CSV/TSV file or DataFrame with columns ``lemma``, ``forms`` and
        optionally ``class``, ``speech``, ``frame``, or a dict (see
        :func:`mediakit.metrics.attribution.read_cue_entries`). New lemmas are added, a lemma of the
        lexicon gets the forms and settings given, a form of another lemma moves to yours.

    Returns
    -------
    DataFrame
        One row per attribution, articles in input order and attributions in
        text order, with the columns of :data:`ATTRIBUTION_COLUMNS`:

        * ``article_id`` (string), then ``outlet`` and ``published`` of its article when the
          articles have them;
        * ``source_start``, ``source_end`` (Int64, offsets into ``text``) and
          ``source_text`` (string, the span as written: "Russian Deputy Foreign
          Minister Sergei Ryabkov", "he", "sources"); NA when there is no source;
        * ``speaker`` (the resolved name or entity: "he" -> "Sergei Ryabkov", an
          agency's usual name "AP"; NA for an unresolved pronoun), ``speaker_role``
          ("Deputy Foreign Minister"), ``speaker_affiliation`` ("Russia"), NA when
          the text does not give them;
        * ``source_type``: one of :data:`SOURCE_TYPES` (NA without source);
        * ``source_role``: one of :data:`SOURCE_ROLES` (the codebook of ``docs/sources.md``: politician,
          official, police_military, legal, expert, business, advocacy, citizen, media, document,
          anonymous, other, unknown; NA without source), ``role_evidence`` (what decided it:
          "title:sen", "org:FBI", "gazetteer", "antecedent:<name>|...", "anonymous:pattern", ...),
          ``anonymous_kind`` (official, insider or other for anonymous sources, else NA),
          ``party`` ("Democratic", "Republican", ... for politicians when the text or the gazetteer
          says) and ``office`` ("Senator", "White House press secretary", ...), NA when unknown;
        * ``cue_start``, ``cue_end``, ``cue_text``, ``cue_lemma`` ("say",
          "according to") and ``cue_class`` (the classes of ``cues.yaml``:
          neutral, assertive, evaluative, admission, denial, announcement, ...);
        * ``content_start``, ``content_end`` (first and last character),
          ``content_text`` (the pieces joined by a space) and ``content_spans``
          (list of ``(start, end)``, several when the content is split around the
          cue or runs over paragraphs);
        * ``kind``: "direct" (all quoted), "indirect", "mixed" or "according_to";
        * ``channel``: the outlet, platform or form named around the cue ("NBC
          News" for "in an interview with NBC News", "statement", "Twitter"),
          NA when none is named.

        The rules' candidates pass a learned filter; in a text that reports almost no speech
        (a how-to, a blog, a feature, many opinion columns) it is stricter, for precision over
        recall (see ``docs/attribution.md``).

    Raises
    ------
    TypeError
        If ``articles`` is not a DataFrame.
    MissingColumnError
        If ``article_id`` or ``text`` is missing (a :class:`ValueError`).
    ValueError
        If ``article_id`` repeats.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a1"], "text": [
    ...     "Officials said the talks failed. \\u201cIt is over,\\u201d said Anna Berg, a spokeswoman."]})
    >>> out = extract_attributions(arts)
    >>> out[["source_text", "source_type", "cue_lemma", "kind"]].values.tolist()
    [['Officials', 'anonymous', 'say', 'indirect'], ['Anna Berg, a spokeswoman', 'person', 'say', 'direct']]
    >>> out.loc[1, "speaker_role"]
    'spokeswoman'
    """
    func = "extract_attributions"
    check_articles(articles, func=func)
    check_bool(progress, name="progress", func=func, allow_none=True)
    gaz = as_gazetteer(gazetteer)
    entries = None if cues is None else read_cue_entries(cues)
    ids, texts = _texts(articles)
    keep = scored_articles(articles, languages, func=func, consequence="they have no rows")
    if keep is not None:
        texts = [t if k else "" for t, k in zip(texts, keep, strict=True)]
    rows: list[tuple[Any, ...]] = []
    positions: list[int] = []  # the article of each row, by position
    items = list(enumerate(zip(ids, texts, _bylines(articles), strict=True)))
    with using_cues(entries):
        for pos, (aid, text, byline) in progress_bar(items, desc="attributions", unit="article", enabled=progress):
            found = find(text)
            if found is not None:
                before = len(rows)
                _add_rows(rows, aid, *found, gaz, byline)
                positions.extend([pos] * (len(rows) - before))
    return with_article_context(_frame(rows), articles, positions)


# --------------------------------------------------------------------------- per-article metrics


def attribution_metrics(articles: pd.DataFrame, *, progress: bool | None = None,
                        languages: str | Sequence[str] | None = "en",
                        gazetteer: GazetteerArg = None,
                        attributions: pd.DataFrame | None = None, cues: CueSource | None = None) -> pd.DataFrame:
    """Per-article attribution counts and shares (one row per article, columns ``attr_*``).

    The attributions are found in each text, or read from ``attributions``, the table that
    :func:`extract_attributions` made of the same articles (no second extraction: the same values).

    Parameters
    ----------
    articles : DataFrame
        Articles table with ``text`` (and ``article_id``; else the index gives the ids).
        Not modified.
    progress : bool, optional
        Show a tqdm progress bar over articles; default: in terminals and notebooks, not under CI.
    languages : str, sequence of str or None, default "en"
        As in :func:`extract_attributions`: an article left out keeps its row, with every
        ``attr_`` value missing.
    gazetteer : path or DataFrame, optional
        As in :func:`extract_attributions` (not read when ``attributions`` is given).
    attributions : DataFrame, optional
        ``extract_attributions(articles)`` (at least ``article_id`` and the columns counted here):
        each article's rows are counted instead of extracting them again. An article without rows
        has none.
    cues : path, dict or DataFrame, optional
        Your own cues, as in :func:`extract_attributions` (with ``attributions``, give the same cues to
        count the classes they add).

    Returns
    -------
    DataFrame
        One row per article, same index as ``articles``: ``article_id``, then

        * ``attr_n`` (Int64): attributions;
        * ``attr_speakers`` (Int64): distinct speakers (resolved names or entities;
          unresolved pronouns and sourceless attributions not counted);
        * ``attr_share_direct``, ``attr_share_indirect``, ``attr_share_mixed``,
          ``attr_share_according_to`` (float): shares of the attributions by
          ``kind`` (NaN without attributions);
        * ``attr_share_anonymous`` (float): share whose source is anonymous;
        * ``attr_share_no_source`` (float): share without a source;
        * ``attr_type_<type>`` (Int64) for every value of :data:`SOURCE_TYPES`;
        * ``attr_class_<class>`` (Int64) for every cue class of ``cues.yaml``;
        * ``attr_role_<role>_share`` (float) for every value of :data:`SOURCE_ROLES`: the role mix,
          shares of the attributions with a source (NaN without one);
        * ``attr_anonymous_share`` (float): share of the attributions with a source whose
          ``source_role`` is anonymous;
        * ``attr_party_<party>`` (Int64) for ``democratic``, ``republican``, ``independent`` and
          ``other``: attributions of politicians of that party (a party left unknown not counted).

    Raises
    ------
    TypeError
        If ``articles`` is not a DataFrame.
    MissingColumnError
        If ``text`` is missing (a :class:`ValueError`); with ``attributions``, if that table lacks
        a column it counts.
    ValueError
        With ``attributions``: if ``article_id`` repeats in ``articles``, or a row of
        ``attributions`` belongs to none of them.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": [
    ...     "Officials said the talks failed. Reuters reported that talks resumed.", "No quotes."]})
    >>> m = attribution_metrics(arts)
    >>> m[["article_id", "attr_n", "attr_share_anonymous", "attr_type_agency"]].values.tolist()
    [['a', 2, 0.5, 1], ['b', 0, nan, 0]]
    >>> attribution_metrics(arts, attributions=extract_attributions(arts)).equals(m)
    True
    """
    func = "attribution_metrics"
    check_articles(articles, func=func, required=("text",), unique_id=attributions is not None)
    check_bool(progress, name="progress", func=func, allow_none=True)
    ids, texts = _texts(articles)
    bylines = _bylines(articles)
    keep = scored_articles(articles, languages, func=func, consequence="their values are missing")
    given = None if attributions is None else _rows_by_article(attributions, ids, func)
    gaz = as_gazetteer(gazetteer) if given is None else None
    records: list[dict[str, Any]] = []
    with using_cues(None if cues is None else read_cue_entries(cues)):
        classes = list(dict.fromkeys(e["class"] for e in cue_lexicon().values()))
        for k in progress_bar(range(len(texts)), desc="attribution metrics", unit="article", enabled=progress):
            if keep is not None and not keep[k]:
                records.append({})
            else:
                rows = (find_attributions(texts[k], gazetteer=gaz, byline=bylines[k]) if given is None
                        else given.get(k, []))
                records.append(_metric_record(rows, classes))
    cols = (["attr_n", "attr_speakers"] + [f"attr_share_{k}" for k in KINDS]
            + ["attr_share_anonymous", "attr_share_no_source"]
            + [f"attr_type_{t}" for t in _METRIC_TYPES] + [f"attr_class_{c}" for c in classes]
            + [f"attr_role_{r}_share" for r in SOURCE_ROLES] + ["attr_anonymous_share"]
            + [f"attr_party_{p.lower()}" for p in PARTY_GROUPS])
    out = pd.DataFrame(records, columns=cols, index=articles.index)
    out.insert(0, "article_id", pd.array([None if v is None else str(v) for v in ids], dtype="string"))
    for c in cols:
        if c.startswith("attr_share_") or c.endswith("_share"):
            out[c] = out[c].astype(float)
        else:
            out[c] = pd.array(out[c].tolist(), dtype="Int64")
    return out


#: The columns of an attributions table that :func:`_metric_record` reads.
_COUNTED = ("speaker", "kind", "source_type", "source_start", "cue_class", "source_role", "party")


def _rows_by_article(attributions: pd.DataFrame, ids: list[Any], func: str) -> dict[int, list[dict[str, Any]]]:
    """The rows of an :func:`extract_attributions` table as the dicts :func:`_metric_record` reads (missing
    values as None), by position of their article in ``ids``."""
    positions = article_rows(attributions, ids, func=func, name="attributions", columns=_COUNTED)
    values = [attributions[c].astype(object).tolist() for c in _COUNTED]
    out: dict[int, list[dict[str, Any]]] = {}
    for k, row in zip(positions, zip(*values, strict=True), strict=True):
        out.setdefault(k, []).append({c: None if _missing(v) else v for c, v in zip(_COUNTED, row, strict=True)})
    return out


def _missing(value: Any) -> bool:
    """None, NA or a float NaN (a table read back from a file)."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _metric_record(attrs: list[dict[str, Any]], classes: list[str]) -> dict[str, Any]:
    """The ``attr_*`` values of one article from its :func:`find_attributions` rows."""
    n = len(attrs)
    rec: dict[str, Any] = {"attr_n": n}
    speakers = {a["speaker"] for a in attrs if a["speaker"]}
    rec["attr_speakers"] = len(speakers)
    for k in KINDS:
        rec[f"attr_share_{k}"] = sum(a["kind"] == k for a in attrs) / n if n else float("nan")
    anonymous = sum(a["source_type"] == "anonymous" for a in attrs)
    rec["attr_share_anonymous"] = anonymous / n if n else float("nan")
    rec["attr_share_no_source"] = sum(a["source_start"] is None for a in attrs) / n if n else float("nan")
    for t in _METRIC_TYPES:
        rec[f"attr_type_{t}"] = sum(a["source_type"] == t for a in attrs)
    for c in classes:
        rec[f"attr_class_{c}"] = sum(a["cue_class"] == c for a in attrs)
    rec.update(_role_record(attrs))
    return rec


def _role_record(attrs: list[dict[str, Any]]) -> dict[str, Any]:
    """``attr_role_<role>_share``, ``attr_anonymous_share`` and ``attr_party_<party>`` of one article."""
    roles = [a["source_role"] for a in attrs if a["source_role"] is not None]
    m = len(roles)
    rec: dict[str, Any] = {f"attr_role_{r}_share": roles.count(r) / m if m else float("nan") for r in SOURCE_ROLES}
    rec["attr_anonymous_share"] = rec["attr_role_anonymous_share"]
    parties = [a["party"] for a in attrs if a["source_role"] == "politician" and a["party"]]
    for p in PARTY_GROUPS[:-1]:
        rec[f"attr_party_{p.lower()}"] = parties.count(p)
    rec["attr_party_other"] = sum(p not in PARTY_GROUPS for p in parties)
    return rec
