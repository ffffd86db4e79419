"""Loaded language: every loaded word or phrase of the articles, and per-article rates.

:func:`loaded_words` lists each match of the scored loaded-language lexicon
(:mod:`mediakit.metrics.loaded._model`) whose score reaches ``min_score``, with its category,
whether it is negated ("not great") and whether it stands inside a quotation (a source's words)
or in the outlet's own voice. :func:`loaded_rates` gives ``analyze`` its two columns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..._progress import progress_bar
from ..._validation import check_articles, check_bool
from ...lexicon import LexiconSource, PreparedText, prepare
from ...schema import with_article_context
from ...text import count_words, quote_spans, scored_articles
from ..word_choice import caption_cells, column_values, text_cell
from ._model import ScoredLexicon, flagged_lexicon

__all__ = ["LOADED_COLUMNS", "LOADED_PARTS", "loaded_rates", "loaded_words"]

#: Columns of :func:`loaded_words`, in order (``outlet`` and ``published`` follow ``article_id`` when present).
LOADED_COLUMNS = ("article_id", "part", "caption", "start", "end", "match", "term", "category", "score",
                  "negated", "in_quote")
#: The parts of an article that :func:`loaded_words` searches.
LOADED_PARTS = ("title", "text", "caption")
#: A negator in the two words before a match ("not", "never", "no", "n't", ...).
_NEGATION = re.compile(r"(?:\b(?:not|never|no|hardly|without|nor|neither)|n['\u2019]t)\W+(?:\w+\W+)?\Z",
                       re.IGNORECASE)


_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u2018]")


class _Finder:
    """The scored matches of one text: ``(start, end, term index, score, negated, in_quote)``."""

    def __init__(self, scored: ScoredLexicon) -> None:
        self.matcher = scored.lexicon.matcher()
        self.scores = scored.scores

    def find(self, text: str) -> list[tuple[int, int, int, float, bool, bool]]:
        if not text:
            return []
        scores = self.scores
        hits, quotes = self.hits(text)
        if not hits:
            return []
        out = []
        for (s, e, i), inside in zip(hits, _in_quotes(hits, quotes), strict=True):
            negated = _NEGATION.search(text, max(0, s - 30), s) is not None
            out.append((s, e, i, float(scores[i]), negated, inside))
        return out

    def hits(self, text: str, prepared: PreparedText | None = None
             ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
        """The matcher's hits in a non-empty ``text`` (``prepared``: :func:`prepare` of it, if
        known) and the text's quotations (none are looked for when there is no hit)."""
        hits = self.matcher.find(prepare(text) if prepared is None else prepared)
        if not hits:
            return [], []
        return hits, (quote_spans(text) if _QUOTE_MARKS.search(text) else [])

    def quoted(self, text: str, prepared: PreparedText | None = None) -> tuple[int, int]:
        """How many hits of ``text`` stand outside quotations, and how many inside."""
        if not text:
            return 0, 0
        hits, quotes = self.hits(text, prepared)
        inside = sum(_in_quotes(hits, quotes))
        return len(hits) - inside, inside


def _in_quotes(hits: list[tuple[int, int, int]], quotes: list[tuple[int, int]]) -> list[bool]:
    """Whether each hit starts inside one of ``quotes`` (sorted, non-overlapping spans)."""
    starts = [q[0] for q in quotes]
    out = []
    for s, _, _ in hits:
        k = bisect_right(starts, s) - 1
        out.append(k >= 0 and s < quotes[k][1])
    return out


def _check_options(articles: Any, parts: Iterable[str], min_score: Any, progress: Any, extend: Any
                   ) -> tuple[str, ...]:
    func = "loaded_words"
    check_articles(articles, func=func)
    check_bool(extend, name="extend", func=func)
    wanted = tuple(parts)
    unknown = [p for p in wanted if p not in LOADED_PARTS]
    if unknown:
        raise ValueError(f"{func}(): unknown part(s) {unknown}; parts must be among {', '.join(LOADED_PARTS)}")
    if min_score is not None and (isinstance(min_score, bool) or not isinstance(min_score, (int, float))
                                  or not 0.0 <= float(min_score) <= 1.0):
        raise ValueError(f"{func}(): min_score must be None or a number in [0, 1], got {min_score!r}")
    check_bool(progress, name="progress", func=func, allow_none=True)
    return wanted


def loaded_words(
    articles: pd.DataFrame,
    *,
    lexicon: LexiconSource = None,
    extend: bool = False,
    min_score: float | None = None,
    parts: Iterable[str] = LOADED_PARTS,
    progress: bool | None = None,
    languages: str | Sequence[str] | None = "en",
) -> pd.DataFrame:
    """Return every loaded word or phrase in the articles' titles, texts and captions.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table: ``article_id`` (unique) and ``text``; ``title`` and ``captions`` are
        searched when present. Missing values are skipped; the table is not modified.
    lexicon : Lexicon, name, path, dict or DataFrame, optional
        Default: the shipped scored model (codebook, markers and VADER words; see
        ``docs/loaded_language.md``). Anything :func:`mediakit.lexicon.load_lexicon` accepts
        replaces it (its families are the categories; terms the model does not know score 1.0).
    extend : bool, default False
        Merge ``lexicon`` over the shipped model instead of replacing it.
    min_score : float in [0, 1], optional
        Keep the matches of every term whose score reaches this. Default: the model's default
        selection (tuned on BASIL 2010-2014; ``docs/loaded_language.md``).
    parts : iterable of {"title", "text", "caption"}
        Which parts to search (default all three).
    progress : bool, optional
        Progress bar over the articles.
    languages : str, sequence of str or None, default "en"
        The lexicon is English: articles in other languages have no rows (one
        :class:`mediakit.text.LeftOutWarning` counts them). None: every article.

    Returns
    -------
    pandas.DataFrame
        One row per flagged word or phrase, columns :data:`LOADED_COLUMNS` (``outlet`` and
        ``published`` after ``article_id`` when the articles have them): ``part``; ``caption``
        (index in the captions, <NA> otherwise); ``start``, ``end`` (offsets into that part);
        ``match`` (as written); ``term`` (the lexicon's form); ``category`` (evaluative,
        intensifier, emotional, derogatory, attack_verb, figurative, hedge, valence);
        ``score`` (0-1); ``negated`` (a negator in the two words before); ``in_quote``
        (inside a quotation by :func:`mediakit.text.quote_spans`: a source's words, not the
        outlet's own voice).

    Raises
    ------
    TypeError
        If ``articles`` is not a DataFrame, ``extend`` not a bool or ``progress`` not a bool or None.
    MissingColumnError
        If ``article_id`` or ``text`` is missing.
    ValueError
        If ``article_id`` repeats, a part is unknown or ``min_score`` is out of range.

    Examples
    --------
    >>> import pandas as pd
    >>> text = "The senator's \u201cdisastrous\u201d plan baffled voters. It was not disastrous."
    >>> loaded_words(pd.DataFrame({"article_id": ["a"], "text": [text]}))[["match", "category", "negated", "in_quote"]]
            match    category  negated  in_quote
    0  disastrous  evaluative    False      True
    1     baffled   emotional    False     False
    2  disastrous  evaluative     True     False
    """
    wanted = _check_options(articles, parts, min_score, progress, extend)
    scored = flagged_lexicon(lexicon, extend=extend, min_score=None if min_score is None else float(min_score))
    finder = _Finder(scored)
    keep = scored_articles(articles, languages, func="loaded_words", consequence="they have no rows")
    terms = scored.lexicon.terms
    rows: list[tuple[Any, ...]] = []
    positions: list[int] = []
    items = enumerate(zip(articles["article_id"].tolist(), column_values(articles, "title"),
                          column_values(articles, "text"), column_values(articles, "captions"), strict=True))
    for pos, (aid, title, text, caps) in progress_bar(items, desc="loaded_words", unit="article", enabled=progress,
                                                      total=len(articles), min_items=2):
        if keep is not None and not keep[pos]:
            continue
        texts: list[tuple[str, int | None, str]] = []
        if "title" in wanted:
            texts.append(("title", None, text_cell(title)))
        if "text" in wanted:
            texts.append(("text", None, text_cell(text)))
        if "caption" in wanted:
            texts.extend(("caption", k, c) for k, c in enumerate(caption_cells(caps)))
        for part, cap, body in texts:
            for s, e, i, sc, neg, inq in finder.find(body):
                t = terms[i]
                rows.append((aid, part, cap, s, e, body[s:e], t.term, t.family, sc, neg, inq))
                positions.append(pos)
    return with_article_context(_frame(rows, articles["article_id"].dtype), articles, positions)


def _frame(rows: list[tuple[Any, ...]], id_dtype: Any) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=list(LOADED_COLUMNS))
    out["article_id"] = pd.Series([r[0] for r in rows], dtype=id_dtype)
    out["caption"] = out["caption"].astype("Int64")
    for col in ("start", "end"):
        out[col] = out[col].astype("int64")
    out["score"] = out["score"].astype("float64")
    for col in ("negated", "in_quote"):
        out[col] = out[col].astype(bool)
    return out


def loaded_rates(texts: Sequence[str], word_counts: Sequence[int] | None = None,
                 prepared: Sequence[PreparedText] | None = None) -> dict[str, np.ndarray]:
    """``wc_loaded_per1k`` and ``wc_loaded_quote_per1k`` of body texts (for ``analyze``).

    Loaded words (shipped model, default selection) outside quotations, and inside them, per
    1,000 words of the body (:func:`mediakit.text.count_words`; NaN for an empty body). No
    input checks and no language filter: ``analyze`` does both. ``word_counts`` and
    ``prepared`` (:func:`mediakit.lexicon.prepare` of each text), if the caller has them.

    Examples
    --------
    >>> r = loaded_rates(['He called the "disastrous" plan apocalyptic.', ""])
    >>> [round(float(v), 1) for v in r["wc_loaded_per1k"]], [round(float(v), 1) for v in r["wc_loaded_quote_per1k"]]
    ([166.7, nan], [166.7, nan])
    """
    finder = _Finder(flagged_lexicon())
    n = len(texts)
    own = np.zeros(n)
    quoted = np.zeros(n)
    words = np.zeros(n)
    for r, text in enumerate(texts):
        text = text_cell(text)
        words[r] = count_words(text) if word_counts is None else word_counts[r]
        own[r], quoted[r] = finder.quoted(text, None if prepared is None else prepared[r])
    with np.errstate(divide="ignore", invalid="ignore"):
        per = np.where(words > 0, 1000.0 / np.maximum(words, 1), np.nan)
    return {"wc_loaded_per1k": own * per, "wc_loaded_quote_per1k": quoted * per}
