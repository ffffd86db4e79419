"""Distinctive terms: log-odds ratios with an informative Dirichlet prior (Monroe et al. 2008).

:func:`distinctive_terms` checks its options (:func:`term_options`), orders the groups and the
comparisons (:func:`term_comparisons`), counts the n-grams (:mod:`mediakit.compare._ngrams`) and
scores the counts (:func:`terms_table`, around :func:`score_terms`). A layer that counts
elsewhere (``mediakit.dask``) reuses every step but the counting; see :func:`terms_table`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..text import ArticleTexts, english_stop_words
from .._validation import check_frame, check_option
from ._groups import group_labels, group_order, positions, preview
from ._ngram_jobs import models_on_jobs, use_jobs
from ._ngrams import NgramModel, fold
from ._style import HOUSE_STYLE_MODES, StyleTerms, style_terms
from ._tables import TERM_COLUMNS, empty_table
from ._texts import PartTexts, SourceTexts

__all__ = ["PRIORS", "corpus_outlets", "distinctive_terms", "empty_terms", "ngram_range", "score_terms", "stop_set", "stop_words",
           "term_comparisons", "term_options", "terms_by_mode", "terms_table"]

#: Priors of :func:`distinctive_terms`.
PRIORS = ("informative", "uniform")

#: A comparison: (group label, label of the other side for the table, indices of the other groups).
Comparisons = list[tuple[Any, Any, list[int]]]


# --------------------------------------------------------------------------- options


def stop_words(which: str | Iterable[str] | None = "english") -> frozenset[str]:
    """Return a stop-word set as :func:`distinctive_terms` uses it.

    Parameters
    ----------
    which : 'english', iterable of str or None
        'english': ``mediakit/lexicons/stopwords_en.txt`` (about 270 English
        function words written for mediakit, MIT licence); an iterable: those
        words, lower-cased, curly apostrophes made straight; None: no stop words.

    Returns
    -------
    frozenset of str

    Examples
    --------
    >>> sw = stop_words()
    >>> "the" in sw, "said" in sw, "don't" in sw
    (True, False, True)
    >>> sorted(stop_words(["The", "Don\u2019t"]))
    ["don't", 'the']
    """
    return stop_set(which, func="stop_words")


def stop_set(which: str | Iterable[str] | None, *, func: str = "distinctive_terms") -> frozenset[str]:
    """The stop-word set of ``which`` ('english', an iterable of words, or None); see :func:`stop_words`."""
    if which is None:
        return frozenset()
    if isinstance(which, str):
        check_option(which, ("english",), name="stop_words", func=func)
        return english_stop_words()
    return frozenset(fold(str(w)).strip() for w in which)


def ngram_range(ngram: Any) -> tuple[int, int]:
    """``(min, max)`` n-gram length of ``ngram`` (an int or a pair); ValueError for anything else.

    Examples
    --------
    >>> ngram_range(2), ngram_range((1, 3))
    ((2, 2), (1, 3))
    """
    if isinstance(ngram, (int, np.integer)) and not isinstance(ngram, bool):
        lo = hi = int(ngram)
    elif isinstance(ngram, (tuple, list)) and len(ngram) == 2:
        lo, hi = int(ngram[0]), int(ngram[1])
    else:
        raise ValueError(f"ngram must be an int or a (min, max) pair such as (1, 2), got {ngram!r}")
    if not 1 <= lo <= hi:
        raise ValueError(f"ngram must satisfy 1 <= min <= max, got {ngram!r}")
    return lo, hi


def term_options(ngram: Any, prior: Any, alpha0: Any, min_count: Any, top: Any,
                 stop_words: Any) -> tuple[int, int, frozenset[str]]:
    """Check the options of :func:`distinctive_terms`; the n-gram range and the stop-word set."""
    lo_n, hi_n = ngram_range(ngram)
    check_option(prior, PRIORS, name="prior", func="distinctive_terms")
    if alpha0 is not None and not (isinstance(alpha0, (int, float)) and math.isfinite(alpha0) and alpha0 > 0):
        raise ValueError(f"alpha0 must be a positive number (or None for the default), got {alpha0!r}")
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"min_count must be a non-negative int, got {min_count!r}")
    if top is not None and (isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1):
        raise ValueError(f"top must be a positive int or None, got {top!r}")
    return lo_n, hi_n, stop_set(stop_words)


def term_comparisons(order: list[Any], by: Any, group: Any, other: Any) -> tuple[Comparisons, dict[Any, int]]:
    """(group label, other label for the table, other group indices) of every comparison; group indices."""
    if len(order) < 2:
        raise ValueError(f"distinctive_terms needs at least two groups in {by if isinstance(by, str) else 'by'!r}; "
                         f"found {preview(order)}")
    g_index = {g: i for i, g in enumerate(order)}
    if group is not None and group not in g_index:
        raise ValueError(f"unknown group {group!r}; the data has: {preview(order)}")
    if other is not None:
        other_list = [other] if isinstance(other, str) or not isinstance(other, Iterable) else list(other)
        unknown = [o for o in other_list if o not in g_index]
        if unknown:
            raise ValueError(f"unknown other group(s) {unknown!r}; the data has: {preview(order)}")
    focus = [group] if group is not None else list(order)
    comparisons: list[tuple[Any, Any, list[int]]] = []
    for g in focus:
        if other is None:
            comparisons.append((g, "rest", [g_index[o] for o in order if o != g]))
        else:
            other_groups = [o for o in other_list if o != g]
            if not other_groups:
                raise ValueError(f"group {g!r} cannot be compared with itself; pass another group as other=")
            label = other_groups[0] if len(other_groups) == 1 else other_groups
            comparisons.append((g, label, [g_index[o] for o in other_groups]))
    return comparisons, g_index



# --------------------------------------------------------------------------- distinctive_terms


def distinctive_terms(articles: Any, by: str | pd.Series = "outlet", *,
                      group: Any = None, other: Any = None,
                      ngram: int | tuple[int, int] = (1, 2), prior: str = "informative",
                      alpha0: float | None = None, min_count: int = 5,
                      stop_words: str | Iterable[str] | None = "english",
                      top: int | None = None,
                      columns: Sequence[str] = ("title", "text"),
                      house_style: str = "exclude", n_jobs: int = 1, texts: ArticleTexts | None = None) -> pd.DataFrame:
    """Words and phrases that set a group apart: log-odds ratios with an informative Dirichlet prior.

    Implements Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5.
    For a term ``w`` with counts ``y^a`` (the group) and ``y^b`` (the other
    side), totals ``n^a``, ``n^b`` and prior ``α_w``, ``α_0 = Σ_w α_w``::

        δ_w = log((y^a + α_w) / (n^a + α_0 − y^a − α_w))
            − log((y^b + α_w) / (n^b + α_0 − y^b − α_w))
        σ²_w ≈ 1 / (y^a + α_w) + 1 / (y^b + α_w)
        z_w = δ_w / σ_w

    **Tokens.** Each article's ``columns`` are joined with line breaks,
    lower-cased, curly apostrophes made straight, and split with
    :data:`mediakit.text.WORD_RE` (letters/digits with inner ``'``, ``-``,
    ``.``: "don't", "anti-regime", "u.s"). An n-gram is n consecutive tokens not
    separated by sentence or clause punctuation (``. ! ? ; :``), quotation
    marks, brackets, dashes or a line break; commas do not separate.

    **Stop words.** With ``stop_words`` on, unigrams that are stop words are
    dropped, and n-grams (n ≥ 2) that start or end with one ("the tax",
    "tax on") — "freedom of speech" stays. Stop words are removed before
    counting, so ``n^a`` counts the kept n-grams.

    **House style.** An outlet's own name, courtesy titles and abbreviation spellings are
    style, not framing (:mod:`mediakit.compare._style`, word lists in
    ``mediakit/lexicons/house_style.yaml``). By default abbreviation variants are folded
    before counting ("Sen." and "Senator" are one word, "U.S." is "us"), and terms that
    contain an honorific ("mr", "said mr"), a single letter ("j") or a self-reference to an
    outlet of the corpus ("fox news", "told fox", "huffpost") are left out of the ranking
    (they still count in ``n`` and the prior). ``house_style="only"`` lists just those
    terms, scored the same way, with a ``style`` column saying why; ``"keep"`` turns both
    off (the behaviour before the style rules).

    **Model.** Each n-gram length is its own multinomial (its own ``n``,
    ``α_0`` and prior), and all lengths are ranked together by ``z``. The
    informative prior is ``α_w = α_0 × (corpus-wide count of w / corpus-wide
    total)`` over **all** articles with a group, also when only two groups are
    compared. ``α_0`` defaults to the corpus-wide total of that n-gram length,
    so ``α_w`` is simply the corpus count of ``w`` (a strong prior that shrinks
    rare terms hard; pass a smaller ``alpha0`` for less shrinkage).

    **Dask.** This function reads a pandas DataFrame. For a
    ``dask.dataframe.DataFrame`` use ``mediakit.dask.distinctive_terms``: it
    counts the n-grams on the cluster (:func:`term_cells` per partition) and
    scores the summed counts with the same code as here (:func:`terms_table`),
    so its result is this function's on the same articles.

    Parameters
    ----------
    articles : pandas.DataFrame
        Articles table.
    by : str or pandas.Series, default 'outlet'
        Grouping column (rows without a label are left out).
    group : optional
        Only this group's rows (default: every group, one vs. the rest).
    other : optional
        The other side: a group, a list of groups pooled, or None for all the
        other groups ("rest").
    ngram : int or (int, int), default (1, 2)
        N-gram lengths, inclusive.
    prior : {'informative', 'uniform'}, default 'informative'
        'uniform': ``α_w = α_0 / V`` for every one of the ``V`` types (default
        ``α_0 = 0.01 V``, i.e. 0.01 per term).
    alpha0 : float, optional
        Prior total ``α_0`` (> 0), see above.
    min_count : int, default 5
        Leave out rows of terms with ``count_group + count_other < min_count``
        (they still count in ``n`` and the prior).
    stop_words : 'english', iterable of str or None, default 'english'
        See :func:`stop_words`.
    top : int, optional
        Keep the ``top`` highest-z terms per comparison. With many groups and no
        ``top`` the table has a row per group and term.
    columns : sequence of str, default ('title', 'text')
        Text columns (lists of strings, such as ``captions``, are read too).
    house_style : {'exclude', 'only', 'keep'}, default 'exclude'
        See **House style** above. The outlets are the ``outlet`` column's values (or the
        groups, when ``by='outlet'``) with their shipped aliases.
    n_jobs : int, default 1
        Processes that tokenise and count the n-grams (-1: every core); a corpus of
        fewer than 10,000 articles is counted in this one. The table is the same
        whatever ``n_jobs``.
    texts : optional
        The text ``columns`` held elsewhere, row for row with ``articles`` (which then need not have them): a
        streamed run's parts (``mediakit.stream.PartTexts.of(out)`` beside
        ``mediakit.stream.read_without_texts(out)``), or any object with ``len``, ``take(positions)``,
        ``frame()`` and ``frames()`` (:class:`mediakit.text.ArticleTexts`). Each process reads its own share
        once and keeps it as UTF-8 bytes (about a byte a character; a text decoded when its slice is counted), so
        no process holds the corpus's texts as Python strings. The same table.

    Returns
    -------
    pandas.DataFrame
        One row per comparison (a group against the other side) and term:
        ``group``, ``other`` (the other group, a list of them, or 'rest'),
        ``term``, ``n_words``, ``count_group``, ``count_other``, ``freq_group``
        and ``freq_other`` (count / n of that n-gram length), ``log_odds`` (δ),
        ``z``, ``rank`` (1 = highest z in its comparison; ties: the shorter
        n-gram, then alphabetical). Sorted by group, rank.
        Negative z: used less by the group than by the other side. ``log_odds``
        and ``z`` are NaN (ranked last) only when an n-gram length has a single
        type in the whole corpus, where the log-odds are undefined.
        With ``house_style="only"``, a ``style`` column ('honorific', 'initial',
        'outlet name'). ``attrs``: ``alpha0`` and ``n_tokens`` (per length and group),
        ``missing_group``, ``house_style``.

    Raises
    ------
    TypeError
        ``articles`` is not a pandas DataFrame (a Dask DataFrame: see above).
    MissingColumnError
        ``by`` or a text column not in the table (a :class:`ValueError`).
    ValueError
        An unknown ``group``/``other``, fewer than two groups, bad
        ``ngram``/``alpha0``/``prior``/``stop_words``/``min_count``/``top``.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "title": ["", "", "", ""],
    ...     "text": ["The tax cut passed.", "A tax cut for families.",
    ...              "The tax relief passed.", "Tax relief for families."]})
    >>> res = distinctive_terms(arts, min_count=2, ngram=(1, 2))
    >>> res.loc[res["group"] == "A", ["term", "count_group", "count_other", "rank"]].head(2)
          term  count_group  count_other  rank
    0  tax cut            2            0     1
    1      cut            2            0     2
    """
    return terms_by_mode(articles, (house_style,), by, group=group, other=other, ngram=ngram, prior=prior,
                         alpha0=alpha0, min_count=min_count, stop_words=stop_words, top=top, columns=columns,
                         n_jobs=n_jobs, texts=texts)[0]


def terms_by_mode(articles: Any, modes: Sequence[str], by: str | pd.Series = "outlet", *,
                  group: Any = None, other: Any = None, ngram: int | tuple[int, int] = (1, 2),
                  prior: str = "informative", alpha0: float | None = None, min_count: int = 5,
                  stop_words: str | Iterable[str] | None = "english", top: int | None = None,
                  columns: Sequence[str] = ("title", "text"), n_jobs: int = 1,
                  texts: ArticleTexts | None = None) -> list[pd.DataFrame]:
    """:func:`distinctive_terms` under each house-style mode of ``modes`` (same options), in that order.

    The modes that fold variants ('exclude', 'only') share one tokenisation of the corpus; each keeps
    its own counts ('exclude' masks the outlet names), so each table is the one its own call gives.
    ``mediakit analyze`` writes two ('exclude': the framing terms; 'only': the house style).

    Parameters
    ----------
    articles : pandas.DataFrame
        As for :func:`distinctive_terms`.
    modes : sequence of {'exclude', 'only', 'keep'}
        The ``house_style`` of each table.
    by, group, other, ngram, prior, alpha0, min_count, stop_words, top, columns, n_jobs, texts
        As for :func:`distinctive_terms`.

    Returns
    -------
    list of pandas.DataFrame
        One table per mode, each :func:`distinctive_terms`'s: one row per group (or comparison) and term.

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["Fox News"] * 2 + ["CNN"] * 2, "title": [""] * 4,
    ...     "text": ["Mr. Smith told Fox News the tax cut works."] * 2 + ["The tax relief passed."] * 2})
    >>> framing, style = terms_by_mode(arts, ("exclude", "only"), min_count=2)
    >>> sorted(set(style["style"])), "mr" in set(framing["term"])
    (['honorific', 'outlet name'], False)
    """
    _check_pandas(articles)
    lo_n, hi_n, stops = term_options(ngram, prior, alpha0, min_count, top, stop_words)
    jobs = use_jobs(n_jobs, len(articles))
    for mode in modes:
        check_option(mode, HOUSE_STYLE_MODES, name="house_style", func="distinctive_terms")
    labels, _ = group_labels(articles, by, "by", func="distinctive_terms")
    if texts is not None and len(texts) != len(articles):
        raise ValueError(f"distinctive_terms(): texts must have one row per article ({len(articles)}), "
                         f"got {len(texts)}")
    # each article's text made (or read) when a slice reads it
    read = PartTexts(articles, columns) if texts is None else SourceTexts(texts, columns)
    n_missing = int(labels.isna().sum())
    if len(articles) == 0:
        return [empty_terms(n_missing) for _ in modes]
    order = group_order(labels, None)
    comparisons, g_index = term_comparisons(order, by, group, other)
    pos = positions(labels, order)
    rows = [pos[g] for g in order]
    style = style_terms(corpus_outlets(articles, by, order)) if set(modes) - {"keep"} else None
    masks = {m: style.name_phrases if style is not None and m == "exclude" else () for m in modes}
    models: dict[str, list[NgramModel]] = {}
    for folded in (True, False):
        these = [m for m in dict.fromkeys(modes) if (m != "keep") == folded]
        if not these:
            continue
        counted = models_on_jobs(articles, columns, read, rows, lo_n, hi_n, stops, prior=prior, alpha0=alpha0,
                                 min_count=min_count, fold_style=folded, masks=[masks[m] for m in these], jobs=jobs,
                                 source=texts)
        models.update(zip(these, counted, strict=True))
    return [terms_table(models[m], order, comparisons, g_index, rest=other is None, min_count=min_count, top=top,
                        n_missing=n_missing, prior=prior, stop_words=stop_words, house_style=m,
                        style=None if m == "keep" else style) for m in modes]


def corpus_outlets(articles: Any, by: Any, order: Sequence[Any]) -> list[Any]:
    """The outlet names whose self-references are house style: the ``outlet`` column, else the groups of ``by='outlet'``."""
    if "outlet" in articles.columns:
        return list(articles["outlet"].dropna().unique())
    return list(order) if isinstance(by, str) and by == "outlet" else []


def _check_pandas(articles: Any) -> None:
    """TypeError unless ``articles`` is a pandas DataFrame (pointing a Dask DataFrame to ``mediakit.dask``)."""
    check_frame(articles, func="distinctive_terms")


# --------------------------------------------------------------------------- scoring


def empty_terms(n_missing: int) -> pd.DataFrame:
    """The table of :func:`distinctive_terms` without rows (``n_missing``: rows without a group)."""
    empty = empty_table(TERM_COLUMNS)
    empty.attrs.update({"alpha0": {}, "n_tokens": {}, "missing_group": n_missing})
    return empty


def terms_table(models: Sequence[NgramModel], order: list[Any], comparisons: Comparisons, g_index: dict[Any, int],
                *, rest: bool, min_count: int, top: int | None, n_missing: int, prior: str,
                stop_words: str | Iterable[str] | None, house_style: str = "keep",
                style: StyleTerms | None = None) -> pd.DataFrame:
    """The table of :func:`distinctive_terms` from the counted n-grams, with its ``attrs``.

    The scoring step of every path: ``models`` (one :class:`NgramModel` per n-gram length
    that occurs, from :func:`models_from_texts` or, for counts summed elsewhere,
    :func:`models_from_cells`), the groups in ``order``, ``comparisons`` and ``g_index``
    from :func:`term_comparisons`, ``rest``: ``other is None``; ``n_missing``: rows without
    a group; the other arguments as given to :func:`distinctive_terms`; ``style``: the
    style rules (:func:`mediakit.compare._style.style_terms`) unless ``house_style='keep'``.
    """
    out = score_terms(models, comparisons, g_index, rest=rest, min_count=min_count, top=top,
                      house_style=house_style, style=style)
    if out is None:
        empty = empty_terms(n_missing)
        if house_style == "only":
            empty["style"] = pd.Series([], dtype=object)
        return empty
    out.attrs.update({"alpha0": {m.n_words: m.alpha0 for m in models},
                      "n_tokens": {m.n_words: {order[i]: int(m.n_by_group[i]) for i in range(len(order))}
                                   for m in models},
                      "missing_group": n_missing, "prior": prior, "house_style": house_style,
                      "stop_words": "english" if stop_words == "english" else
                      ("none" if stop_words is None else "custom")})
    return out


def score_terms(models: Sequence[NgramModel], comparisons: Comparisons, g_index: dict[Any, int], *, rest: bool,
                min_count: int, top: int | None, house_style: str = "keep",
                style: StyleTerms | None = None) -> pd.DataFrame | None:
    """δ, z and ranks of every comparison from the counts (pandas and Dask paths alike); None: no row."""
    scored = [m for m in models if len(m.terms)]
    reasons = [style.reasons(m.terms) if style is not None and house_style != "keep" else None for m in scored]
    # which terms each mode shows, once per model (not per comparison)
    kinds = [None if why is None else (why != None) if house_style == "only" else (why == None)  # noqa: E711
             for why in reasons]
    views = [_ModelView(model, kind, min_count) for model, kind in zip(scored, kinds, strict=True)]
    frames: list[pd.DataFrame] = []
    for g, other_label, others in comparisons:
        parts = _top_parts(views, g_index[g], min_count, top) if rest and top is not None else None
        if parts is None:
            parts = [_score_model(view, g_index[g], others, rest=rest, min_count=min_count) for view in views]
        if not parts:
            continue
        frames.append(_comparison_table(g, other_label, parts, scored, reasons, top))
    frames = [f for f in frames if len(f)]
    if not frames:
        return None
    columns = TERM_COLUMNS + ["style"] if house_style == "only" else TERM_COLUMNS
    return pd.concat(frames, ignore_index=True)[columns]


class _ModelView:
    """A model as one house-style mode scores it: the terms it shows (``at``: all, or those of ``kept``) and, for
    :func:`_top_parts`, a term of each distinct total among them."""

    def __init__(self, model: NgramModel, kept: np.ndarray | None, min_count: int) -> None:
        self.model = model
        self.kept = kept
        self.at = None if kept is None else np.flatnonzero(kept)
        total = model.total if self.at is None else model.total[self.at]
        counted = total >= max(min_count, 1)
        self.n_counted = int(counted.sum())  # the terms shown in a comparison against the rest
        _, first = np.unique(total, return_index=True)
        self.by_total = first if self.at is None else self.at[first]

    def group_cells(self, gi: int) -> tuple[np.ndarray, np.ndarray]:
        """The terms group ``gi`` uses (among those shown, ascending) and its counts of them."""
        m = self.model
        s, e = m.bounds[gi], m.bounds[gi + 1]
        term, count = m.cell_term[s:e], m.cell_count[s:e]
        if self.kept is not None:
            use = self.kept[term]
            term, count = term[use], count[use]
        return term, count


def _top_parts(views: Sequence[_ModelView], gi: int, min_count: int,
               top: int) -> list[tuple[np.ndarray, ...]] | None:
    """The rows of :func:`_score_model` that can make group ``gi``'s ``top`` against the rest, from the terms the
    group uses only; None when a term it does not use could rank among them (then every term is scored).

    A term the group does not use has ``count_group == 0`` and ``count_other`` its total: its z depends on its
    total only (and the n-gram length), so the highest z of those terms is found from one term per distinct
    total. When ``top`` of the group's own terms have a z above it (by a margin far over rounding), no other
    term can rank among the first ``top``: the rows are those of scoring every term.
    """
    parts: list[tuple[np.ndarray, ...]] = []
    bound = -np.inf
    n_unused = 0
    for view in views:
        m = view.model
        n_a = float(m.n_by_group[gi])
        n_b = m.n_all - n_a
        term, y_a = view.group_cells(gi)
        part = _score_terms(m, term, y_a, m.total[term] - y_a, n_a, n_b, min_count)
        parts.append(part)
        n_unused += view.n_counted - len(part[0])
        rep = view.by_total
        z0 = _score_terms(m, rep, np.zeros(len(rep)), m.total[rep], n_a, n_b, min_count)[7]
        if len(z0):
            bound = max(bound, float(np.max(np.where(np.isnan(z0), -np.inf, z0))))
    if n_unused == 0:
        return parts
    if np.isinf(bound) and bound > 0:
        return None
    margin = bound + 1e-9 * max(abs(bound), 1.0) if np.isfinite(bound) else bound
    z = np.concatenate([p[7] for p in parts])
    above = int(np.count_nonzero(np.where(np.isnan(z), -np.inf, z) > margin))
    return parts if above >= top else None


def _score_model(view: _ModelView, gi: int, others: list[int], *, rest: bool,
                 min_count: int) -> tuple[np.ndarray, ...]:
    """Group ``gi`` against ``others`` (or the rest) on one n-gram length: the numeric columns of its shown terms.

    (term index in the model, n_words, count group, count other, freq group, freq other, δ, z, alphabetical
    rank) of the terms counted at least ``min_count`` times on the two sides together (and of the view's kept
    terms: the house-style mode's).
    """
    model = view.model
    n_a = float(model.n_by_group[gi])
    if view.at is None:
        at = np.arange(len(model.terms))
        y_a = model.counts([gi])
    else:
        at = view.at
        y_a = np.zeros(len(at), dtype=np.float64)
        term, count = view.group_cells(gi)
        y_a[np.searchsorted(at, term)] = count
    if rest:
        y_b = model.total[at] - y_a
        n_b = model.n_all - n_a
    else:
        y_b = model.counts(others)[at]
        n_b = float(model.n_by_group[others].sum())
    return _score_terms(model, at, y_a, y_b, n_a, n_b, min_count)


def _score_terms(model: NgramModel, at: np.ndarray, y_a: np.ndarray, y_b: np.ndarray, n_a: float, n_b: float,
                 min_count: int) -> tuple[np.ndarray, ...]:
    """The columns of :func:`_score_model` for the terms ``at`` of ``model`` (ascending), counted ``y_a`` times in
    the group (``n_a`` n-grams) and ``y_b`` on the other side (``n_b``): those counted ``min_count`` times."""
    enough = y_a + y_b >= max(min_count, 1)
    show = at[enough]
    ya, yb, aw, a0 = y_a[enough], y_b[enough], model.alpha_w[show], model.alpha0
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((ya + aw) / (n_a + a0 - ya - aw))
                 - np.log((yb + aw) / (n_b + a0 - yb - aw)))
        z = delta / np.sqrt(1.0 / (ya + aw) + 1.0 / (yb + aw))
        freq_a = ya / n_a if n_a else np.full(len(show), math.nan)
        freq_b = yb / n_b if n_b else np.full(len(show), math.nan)
    if model.n_types == 1:  # one type: its share is 1 on both sides, log-odds undefined
        delta = np.full(len(show), math.nan)
        z = np.full(len(show), math.nan)
    return (show, np.full(len(show), model.n_words), ya, yb, freq_a, freq_b, delta, z, model.term_rank[show])


def _comparison_table(g: Any, other_label: Any, parts: list[tuple[np.ndarray, ...]], models: Sequence[NgramModel],
                      reasons: Sequence[np.ndarray | None], top: int | None) -> pd.DataFrame:
    """The ranked rows of one comparison from the columns of every n-gram length (:func:`_score_model`);
    the terms and their house-style reasons are read for the rows shown only."""
    show, n_w, ya, yb, freq_a, freq_b, delta, z, alpha_rank = (np.concatenate(c) for c in zip(*parts, strict=True))
    idx = _rank_order(z, n_w, alpha_rank, top)
    model_of = np.repeat(np.arange(len(parts)), [len(p[0]) for p in parts])[idx]
    at = show[idx]
    term = np.empty(len(idx), dtype=object)
    why = np.full(len(idx), None, dtype=object)
    for k, (model, reason) in enumerate(zip(models, reasons, strict=True)):
        sel = model_of == k
        term[sel] = model.terms[at[sel]]
        if reason is not None:
            why[sel] = reason[at[sel]]
    return pd.DataFrame({
        "group": [g] * len(idx), "other": [other_label] * len(idx), "term": term,
        "n_words": n_w[idx], "count_group": ya[idx].astype(np.int64),
        "count_other": yb[idx].astype(np.int64), "freq_group": freq_a[idx], "freq_other": freq_b[idx],
        "log_odds": delta[idx], "z": z[idx], "rank": np.arange(1, len(idx) + 1, dtype=np.int64),
        "style": why})


def _rank_order(z: np.ndarray, n_w: np.ndarray, alpha_rank: np.ndarray, top: int | None) -> np.ndarray:
    """Row order: highest z first (NaN last); ties: shorter n-gram, then alphabetical; the first ``top``."""
    sort_z = np.where(np.isnan(z), -np.inf, z)
    if top is not None and top < len(sort_z):  # only the candidates for the top need sorting
        cut = np.partition(sort_z, len(sort_z) - top)[len(sort_z) - top]
        cand = np.flatnonzero(sort_z >= cut)
        return cand[np.lexsort((alpha_rank[cand], n_w[cand], -sort_z[cand]))][:top]
    return np.lexsort((alpha_rank, n_w, -sort_z))
