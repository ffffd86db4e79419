"""Step 1 of the pipeline: articles -> every table ``mediakit analyze`` writes (nothing written).

Two parts, so that a streamed run shares all but the per-article work with an in-memory one:

- the per-article tables (:func:`article_tables`: attributions, sentences, metrics, word choice),
  computed here in memory, or chunk by chunk by :mod:`mediakit.stream` for large corpora;
- the corpus-level tables (:func:`corpus_tables`: the outlet comparison, distinctive terms, actor
  labels), computed from the per-article tables and the articles whichever way those were made.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd

from .._memory import release_memory
from .._progress import progress_bar
from ..actors import ArticleTexts, actor_labels, actor_sentiment, with_texts
from ..compare import (FRAMING_INPUT_COLUMNS, Comparison, compare, find_framing_differences, partisan_balance,
                       source_shares, terms_by_mode)
from ..loaders import load_errors
from ..metrics.analyze import analyze, left_out_summary
from ..metrics.attribution import extract_attributions, using_cues
from ..metrics.sentiment import sentences
from ..metrics.word_choice import word_choice
from ..stream import with_languages
from ..text import LeftOutWarning, article_languages, check_languages, normalize_language, scored_mask, warn_left_out

__all__ = ["CorpusAnalysis", "PerArticleTables", "analyze_articles", "article_tables", "corpus_tables", "event_column",
           "with_language", "warn_left_out_metrics", "SUMMARY_METRICS", "FIGURE_METRICS", "EVENT_COLUMNS",
           "MIN_SUPPORT", "MAX_COMPARED_OUTLETS", "SENTIMENT_ACTORS", "compared_outlets", "outlets_by_size"]

#: The headline metrics compared between outlets in ``comparison.csv`` and the report (any column of
#: ``analyze`` can be compared with :func:`mediakit.compare`).
SUMMARY_METRICS = (
    "sent_mean_compound", "sent_share_negative", "sent_headline_compound", "tone",
    "read_flesch_reading_ease", "read_flesch_kincaid_grade", "wc_hedge_per1k",
    "wc_intensifier_per1k", "wc_subjective_per1k", "wc_loaded_per1k", "wc_loaded_quote_per1k", "attr_share_direct", "attr_share_anonymous", "words",
)
#: The metrics drawn one chart each (mean and CI per outlet), ``figures/metric_<name>``.
FIGURE_METRICS = ("sent_mean_compound", "tone", "wc_loaded_per1k", "attr_share_anonymous")
#: Minimum support of a stated difference: articles per outlet (or shared events per pair) and, for the
#: framing differences, mentions per outlet (word-family matches, labelled mentions, attributions).
MIN_SUPPORT = 5
#: Columns taken as the event (story) of an article when ``event='auto'``, first present wins.
EVENT_COLUMNS = ("event_id", "event", "triplet-uuid", "triplet_uuid", "story_id")


# =========================================================================== step 1: analysis


@dataclass
class CorpusAnalysis:
    """Every table ``mediakit analyze`` writes, computed from one articles table.

    Attributes
    ----------
    source : str
        What was analysed (the corpus path as given), shown in the report.
    articles, load_errors, metrics, sentences, attributions, word_choice : pandas.DataFrame
        :func:`mediakit.load_articles` (and :func:`mediakit.load_errors`), :func:`mediakit.analyze`,
        :func:`mediakit.sentences`, :func:`mediakit.extract_attributions`, :func:`mediakit.word_choice`.
    comparison : Comparison or None
        :func:`mediakit.compare` of :data:`SUMMARY_METRICS` by outlet (within events when ``event``
        is set); None with fewer than one outlet.
    terms : pandas.DataFrame or None
        :func:`mediakit.distinctive_terms` one outlet against the rest; None with fewer than two outlets.
    actor_sentiment : pandas.DataFrame or None
        :func:`mediakit.actor_sentiment` toward the :data:`SENTIMENT_ACTORS` actors with most labelled
        mentions (in the outlets compared), per article and actor; None without actors.
    style_terms : pandas.DataFrame or None
        The house-style terms left out of ``terms`` (own names, honorifics, initials:
        ``distinctive_terms(..., house_style="only")``, with a ``style`` column): style, not framing.
    actor_labels : pandas.DataFrame or None
        :func:`mediakit.actor_labels`; None when it failed (see ``notes``).
    source_roles : pandas.DataFrame or None
        :func:`mediakit.source_shares` of ``source_role`` by outlet (cluster-bootstrap CIs); None
        without outlets, attributions or roles.
    partisan : pandas.DataFrame or None
        :func:`mediakit.partisan_balance` by outlet; None without quoted politicians with a party.
    framing : pandas.DataFrame or None
        :func:`mediakit.compare.find_framing_differences` by outlet (within events when ``event`` is
        set) of the word choice, actor labels, attributions and loaded-language rates: every
        comparison ranked, with its support and tests; None with fewer than two outlets.
    event : str or None
        The event column used, if any.
    notes : list of str
        What was left out and why, in plain words (shown in the report).
    languages : str, tuple of str or None
        The languages the English-only metrics scored (the ``languages`` option; None: all).
    parts : pathlib.Path or None
        A streamed run's Parquet parts (``OUT/parts``): then ``metrics``, ``sentences`` and
        ``attributions`` hold only the columns the corpus-level tables, charts and report read, and
        the files get every column from the parts. None: the tables above are complete.
    texts : ArticleTexts or None
        A streamed run's: the text columns of ``articles``, which holds none (they are read from the parts when
        a step asks for them, :func:`mediakit.actors.with_texts`). None: ``articles`` has them.
    """

    source: str
    articles: pd.DataFrame
    load_errors: pd.DataFrame
    metrics: pd.DataFrame
    sentences: pd.DataFrame
    attributions: pd.DataFrame
    word_choice: pd.DataFrame
    comparison: Comparison | None = None
    terms: pd.DataFrame | None = None
    style_terms: pd.DataFrame | None = None
    actor_labels: pd.DataFrame | None = None
    source_roles: pd.DataFrame | None = None
    partisan: pd.DataFrame | None = None
    framing: pd.DataFrame | None = None
    actor_sentiment: pd.DataFrame | None = None
    event: str | None = None
    notes: list[str] = field(default_factory=list)
    languages: str | tuple[str, ...] | None = "en"
    parts: Path | None = None
    texts: ArticleTexts | None = None

    @property
    def outlets(self) -> list[str]:
        """Outlets with at least one article, most articles first (ties by name)."""
        return outlets_by_size(self.articles)


def outlets_by_size(articles: pd.DataFrame) -> list[str]:
    """The outlets of ``articles`` with at least one article, most articles first (ties by name).

    Examples
    --------
    >>> outlets_by_size(pd.DataFrame({"outlet": ["b", "A", "a", "b", None]}))
    ['b', 'A', 'a']
    """
    counts = articles["outlet"].dropna().astype(str).value_counts()
    return sorted(counts.index, key=lambda o: (-int(counts[o]), o.casefold()))


def event_column(articles: pd.DataFrame, event: str | None) -> str | None:
    """The event column to use: ``event`` itself, or with ``'auto'`` the first of
    :data:`EVENT_COLUMNS` with two or more values; None for none.

    Raises
    ------
    ValueError
        When ``event`` names a column the articles do not have.
    """
    if event is None:
        return None
    if event != "auto":
        if event not in articles.columns:
            raise ValueError(f"event column {event!r} is not in the articles (columns: "
                             f"{', '.join(map(str, articles.columns))})")
        return event
    for col in EVENT_COLUMNS:
        if col in articles.columns and articles[col].notna().sum() >= 2:
            return col
    return None




@dataclass
class ArticleTables:
    """The per-article tables of a corpus (one row per article, sentence, attribution, match)."""

    metrics: pd.DataFrame
    sentences: pd.DataFrame
    attributions: pd.DataFrame
    word_choice: pd.DataFrame


class PerArticleTables(Protocol):
    """What :func:`corpus_tables` reads of the per-article tables: an :class:`ArticleTables`, or a streamed
    run's tables read from its parts when first asked for (:class:`~mediakit.pipeline._parts_out.PartTables`)."""

    @property
    def metrics(self) -> pd.DataFrame: ...

    @property
    def sentences(self) -> pd.DataFrame: ...

    @property
    def attributions(self) -> pd.DataFrame: ...

    @property
    def word_choice(self) -> pd.DataFrame: ...


_ARTICLE_STEPS = ("attributions", "sentences", "metrics", "word choice")
_CORPUS_STEPS = ("comparison", "terms", "actors")


#: ``articles`` with every ``language`` it can have, detected once for every table of the run: the streamed
#: pieces' helper (one function for both ways of running).
with_language = with_languages


def warn_left_out_metrics(metrics: pd.DataFrame, languages: str | Sequence[str] | None = "en") -> None:
    """Give :func:`mediakit.analyze`'s one warning for a metrics table made in chunks (a streamed run,
    whose chunks are analysed quietly): how many articles its ``language`` and ``words`` leave out.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_left_out_metrics(pd.DataFrame({"language": ["en", "de"], "words": [120, 80]}))
    >>> str(caught[0].message)[:44]
    'analyze: 1 of 2 articles are not English (de'
    """
    allowed = check_languages(languages, func="analyze_corpus")
    if "language" not in metrics.columns or "words" not in metrics.columns:
        return
    codes = [normalize_language(v) for v in metrics["language"].tolist()]
    warn_left_out(left_out_summary(codes, metrics["words"].to_numpy(), allowed))


def _quietly(func, *args, **kwargs):
    """``func(*args, **kwargs)`` without its :class:`mediakit.text.LeftOutWarning` (``analyze`` gave it)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LeftOutWarning)
        return func(*args, **kwargs)


def article_tables(articles: pd.DataFrame, *, progress: bool | None = None, bar=None,
                   languages: str | Sequence[str] | None = "en", lexicon: Any = None) -> ArticleTables:
    """The per-article tables of ``articles``, in memory (:mod:`mediakit.stream` makes them in chunks).

    Parameters
    ----------
    articles : pandas.DataFrame
        An articles table with ``outlet`` (see :func:`analyze_articles`).
    progress : bool, optional
        Progress bars of the metric functions.
    bar : iterator, optional
        A step progress bar advanced once per table.
    languages : str, sequence of str or None, default "en"
        See :func:`analyze_articles`. Only :func:`mediakit.analyze` warns about the articles
        left out; the other tables leave out the same ones silently.
    lexicon : optional
        The word-choice lexicon (see :func:`mediakit.load_lexicon`; None: the shipped one).
    """
    step = (lambda: next(bar)) if bar is not None else (lambda: None)
    step()
    attrs = _quietly(extract_attributions, articles, progress=progress, languages=languages)
    step()
    sents = _quietly(sentences, articles, progress=progress, languages=languages)
    step()
    # each article is read once by the attribution rules and VADER: analyze() reads the two tables
    metrics = analyze(articles, lexicon=lexicon, progress=progress, languages=languages, attributions=attrs,
                      sentences=sents)
    step()
    wc = _quietly(word_choice, articles, lexicon, progress=progress, languages=languages)
    return ArticleTables(metrics=metrics, sentences=sents, attributions=attrs, word_choice=wc)


#: At most this many outlets (those with most articles) are compared pair by pair in ``comparison.csv``
#: and ``framing_differences.csv``: 12 outlets are 66 pairs; 180 would be 16,000, past any reader.
MAX_COMPARED_OUTLETS = 12


def compared_outlets(articles: pd.DataFrame, notes: list[str] | None = None) -> set[Any] | None:
    """The outlets compared pair by pair: all of them (None) or the :data:`MAX_COMPARED_OUTLETS` with most articles.

    With more outlets than that, a note says which are compared and where the others are.
    """
    counts = articles["outlet"].dropna().value_counts()
    if len(counts) <= MAX_COMPARED_OUTLETS:
        return None
    order = sorted(counts.index, key=lambda o: (-int(counts[o]), str(o).casefold()))
    kept = order[:MAX_COMPARED_OUTLETS]
    if notes is not None:
        covered = int(counts[kept].sum())
        notes.append(f"{len(counts)} outlets: the outlet comparisons and framing differences cover the "
                     f"{MAX_COMPARED_OUTLETS} with most articles ({covered:,} of {int(counts.sum()):,} articles with "
                     "an outlet), and so do the charts but the articles per outlet; every outlet is in "
                     "metrics.csv, word_choice.csv, attributions.csv, actor_labels.csv and distinctive_terms.csv")
    return set(kept)


def _comparison(articles: pd.DataFrame, metrics: pd.DataFrame, event_col: str | None,
                notes: list[str], kept: set[Any] | None = None) -> tuple[Comparison | None, str | None]:
    """:func:`mediakit.compare` of :data:`SUMMARY_METRICS` by outlet (within events when known)."""
    if articles["outlet"].dropna().nunique() < 1:
        notes.append("no article has an outlet: outlets are not compared")
        return None, event_col
    cols = [c for c in SUMMARY_METRICS if c in metrics.columns]
    table = metrics
    if event_col is not None:
        table = metrics.assign(_event=articles[event_col].to_numpy())
    if kept is not None:
        table = table[articles["outlet"].isin(kept).to_numpy()]
        metrics = table
    try:
        comparison = compare(table, by="outlet", columns=cols,
                             event="_event" if event_col is not None else None)
    except ValueError as exc:
        if event_col is None:
            raise
        notes.append(f"no within-event comparison on {event_col!r}: {exc}")
        event_col = None
        comparison = compare(metrics, by="outlet", columns=cols)
    if comparison.info.get("missing_group"):
        notes.append(f"{comparison.info['missing_group']} article(s) without an outlet are left out of "
                     "the outlet comparisons")
    return comparison, event_col


def _scored(articles: pd.DataFrame, languages: str | Sequence[str] | None,
            texts: ArticleTexts | None = None) -> tuple[pd.DataFrame, ArticleTexts | None]:
    """The articles the English-only steps read: ``articles`` less those of another language; and their texts
    when ``articles`` holds none (the languages not given are then detected from the texts, read for that)."""
    allowed = check_languages(languages, func="analyze_articles")
    if allowed is None:
        return articles, texts
    probe = articles
    if texts is not None and ("language" not in articles.columns or articles["language"].isna().any()):
        probe = with_texts(articles, texts)
    keep = np.array(scored_mask(article_languages(probe), allowed), dtype=bool)
    if keep.all():
        return articles, texts
    return articles[keep], (None if texts is None else texts.take(np.flatnonzero(keep).tolist()))


def _terms(articles: pd.DataFrame, notes: list[str], n_jobs: int = 1,
           texts: ArticleTexts | None = None) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Distinctive terms of each outlet against the others, and its house-style terms apart (None, None
    with fewer than two outlets); ``n_jobs``: processes that count the n-grams; ``texts``: the articles' texts
    when ``articles`` holds none (each process reads its share as it counts)."""
    if articles["outlet"].dropna().nunique() < 2:
        notes.append("fewer than two outlets: no distinctive terms (they set one outlet against the others)")
        return None, None
    try:
        framing, style = terms_by_mode(articles, ("exclude", "only"), by="outlet", top=15,  # one tokenisation
                                       n_jobs=n_jobs, texts=texts)
        return framing, style
    except ValueError as exc:
        notes.append(f"no distinctive terms: {exc}")
        return None, None


def _sources(articles: pd.DataFrame, attributions: pd.DataFrame,
             notes: list[str]) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Source roles and the partisan balance of quoted politicians per outlet (None when not possible)."""
    if attributions.empty or "source_role" not in attributions.columns or articles["outlet"].dropna().empty:
        return None, None
    roles = source_shares(attributions, category="source_role", articles=articles)
    partisan = None
    if "party" in attributions.columns:
        partisan = partisan_balance(attributions, articles=articles)
        if partisan.empty:
            notes.append("no quoted politician with a known party: no partisan balance")
            partisan = None
    return (roles if len(roles) else None), partisan


def _measured(table: pd.DataFrame | None, ids: set, columns: Sequence[str]) -> pd.DataFrame | None:
    """The rows of ``table`` (with ``article_id``) whose article is in ``ids``, and of its ``columns`` those it
    has: only what is read is copied by the selection of rows (none when every row is kept)."""
    if table is None or "article_id" not in table.columns:
        return table
    table = table[[c for c in dict.fromkeys(columns) if c in table.columns]]
    keep = table["article_id"].isin(ids).to_numpy(dtype=bool)
    return table if keep.all() else table[keep]


#: Sentiment toward actors is scored for the actors with most labelled mentions (``actor_sentiment.csv``).
SENTIMENT_ACTORS = 10
#: The columns of the articles :func:`mediakit.actor_sentiment` reads here (ids, outlets and the parts searched).
_SENTIMENT_READS = ("article_id", "outlet", "title", "text", "captions")


def _actor_sentiment(articles: pd.DataFrame, labels: pd.DataFrame | None, notes: list[str],
                     kept: set[Any] | None = None, n_jobs: int = 1,
                     texts: ArticleTexts | None = None) -> pd.DataFrame | None:
    """:func:`mediakit.actor_sentiment` toward the :data:`SENTIMENT_ACTORS` most mentioned actors (None without);
    ``texts``: the articles' texts when they hold none."""
    if labels is None or labels.empty:
        return None
    mentioned = labels["actor"] if kept is None else labels["actor"][labels["outlet"].isin(kept).to_numpy(dtype=bool)]
    top = mentioned.value_counts()
    actors = sorted(top.index[:SENTIMENT_ACTORS], key=lambda a: (-int(top[a]), str(a)))
    if not actors:
        return None
    if kept is not None:  # the columns read, then the rows: the other columns are not copied
        articles = articles[[c for c in _SENTIMENT_READS if c in articles.columns]]
        rows = articles["outlet"].isin(kept).to_numpy(dtype=bool)
        articles = articles[rows]
        if texts is not None and not rows.all():
            texts = texts.take(np.flatnonzero(rows).tolist())
    try:
        return actor_sentiment(articles, actors, languages=None, n_jobs=n_jobs, texts=texts)
    except ValueError as exc:
        notes.append(f"no sentiment toward actors: {exc}")
        return None


def _framing(articles: pd.DataFrame, tables: PerArticleTables, labels: pd.DataFrame | None, event_col: str | None,
             notes: list[str], sentiment: pd.DataFrame | None = None,
             kept: set[Any] | None = None, n_jobs: int = 1) -> pd.DataFrame | None:
    """The ranked framing differences between outlets (None with fewer than two outlets).

    It reads tables the run has already (no new pass over the texts), and only the articles with
    body text (the "measured" ones of the report's corpus table: a headline-only row is left out, so
    that every n matches that table). About 2.5 s on BASIL (210 articles, about 680 comparisons of
    which 51 have the support to be tested).
    """
    if articles["outlet"].dropna().nunique() < 2:
        return None
    cols = ["article_id", "outlet", *([event_col] if event_col is not None else [])]
    metrics = tables.metrics
    words = pd.to_numeric(metrics["words"], errors="coerce") if "words" in metrics.columns else None
    ids = set(metrics.loc[words.fillna(0).to_numpy() > 0, "article_id"]) if words is not None and \
        "article_id" in metrics.columns else set(articles["article_id"])
    articles = articles[cols]  # the columns first: a selection of rows would copy the texts too
    if kept is not None:
        articles = articles[articles["outlet"].isin(kept)]
        ids &= set(articles["article_id"])
    attrs = tables.attributions if {"article_id", "source_role"} <= set(tables.attributions.columns) else None
    wc = tables.word_choice if {"article_id", "family", "variant"} <= set(tables.word_choice.columns) else None
    inputs = [_measured(t, ids, [*cols, *FRAMING_INPUT_COLUMNS[name]])
              for name, t in zip(FRAMING_INPUT_COLUMNS, (wc, labels, attrs, metrics, sentiment), strict=True)]
    try:
        table = find_framing_differences(*inputs, articles=articles, by="outlet", event=event_col,
                                         min_n=MIN_SUPPORT, n_jobs=n_jobs)
        if event_col is not None and not table["supported"].any():
            notes.append(f"framing differences are compared over all articles, not within events ({event_col!r}): "
                         f"no outlets share enough events ({MIN_SUPPORT} articles and mentions per side)")
            table = find_framing_differences(*inputs, articles=articles, by="outlet", min_n=MIN_SUPPORT,
                                             n_jobs=n_jobs)
        return table
    except ValueError as exc:
        notes.append(f"no framing differences: {exc}")
        return None


def _actor_labels(articles: pd.DataFrame, notes: list[str], n_jobs: int = 1,
                  texts: ArticleTexts | None = None) -> pd.DataFrame | None:
    try:  # the articles of other languages are out already
        return actor_labels(articles, languages=None, n_jobs=n_jobs, texts=texts)
    except ValueError as exc:
        notes.append(f"no actor labels: {exc}")
        return None


def corpus_tables(articles: pd.DataFrame, tables: PerArticleTables, *, source: str = "",
                  event: str | None = "auto", errors: pd.DataFrame | None = None,
                  bar=None, languages: str | Sequence[str] | None = "en", n_jobs: int = 1,
                  texts: ArticleTexts | None = None) -> CorpusAnalysis:
    """The corpus-level tables (comparison, distinctive terms, actor labels) and the whole analysis.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles, with ``outlet``.
    tables : ArticleTables or PerArticleTables
        Their per-article tables (:func:`article_tables`, or read back from a streamed run's parts, each when
        a step first reads it).
    source, event
        See :func:`analyze_articles`.
    errors : pandas.DataFrame, optional
        The load report; default :func:`mediakit.load_errors` of ``articles``.
    bar : iterator, optional
        A step progress bar advanced once per table.
    languages : str, sequence of str or None, default "en"
        See :func:`analyze_articles`: distinctive terms and actor labels read only the
        articles in these languages (or of unknown language).
    n_jobs : int, default 1
        Processes of the actor labels and sentiment (-1: every core; :func:`mediakit.actor_labels`,
        which stays in this process below 2,000 articles), of the distinctive terms (from 10,000 articles)
        and of the framing tests (:func:`~mediakit.compare.find_framing_differences`, likewise only for a
        large corpus). A streamed run passes its own.
    texts : ArticleTexts, optional
        The text columns of ``articles`` when it holds none (a streamed run's, read from its parts): the steps
        that read texts read them from there (the distinctive terms' processes each read their share as they count,
        the actor labels and sentiment read each worker's chunk only to send it), so this process does not hold them
        throughout.
    """
    step = (lambda: next(bar)) if bar is not None else (lambda: None)
    notes: list[str] = []
    event_col = event_column(articles, event)
    scored, scored_texts = _scored(articles, languages, texts)
    step()
    kept = compared_outlets(articles, notes)  # None: every outlet
    comparison, event_col = _comparison(articles, tables.metrics, event_col, notes, kept)
    step()
    # each step drops large temporary tables: give their memory back before the next one builds its own
    terms, style = _terms(scored, notes, n_jobs, scored_texts)
    release_memory()
    step()
    labels = _actor_labels(scored, notes, n_jobs, scored_texts)
    release_memory()
    # the sentiment's workers before the source roles: a streamed run reads the attributions for the roles, and
    # would hold them beside the workers (the notes keep the order roles, sentiment)
    sentiment_notes: list[str] = []
    sentiment = _actor_sentiment(scored, labels, sentiment_notes, kept, n_jobs, scored_texts)
    release_memory()
    roles, partisan = _sources(articles, tables.attributions, notes)
    notes.extend(sentiment_notes)
    framing = _framing(articles, tables, labels, event_col, notes, sentiment, kept, n_jobs)
    release_memory()
    return CorpusAnalysis(source=source, articles=articles,
                          load_errors=load_errors(articles) if errors is None else errors,
                          metrics=tables.metrics, sentences=tables.sentences, attributions=tables.attributions,
                          word_choice=tables.word_choice, comparison=comparison, terms=terms, style_terms=style,
                          actor_labels=labels, source_roles=roles, partisan=partisan, framing=framing,
                          actor_sentiment=sentiment,
                          event=event_col,
                          notes=notes,
                          languages=_option_value(languages), texts=texts)


def _option_value(languages: str | Sequence[str] | None) -> str | tuple[str, ...] | None:
    """The ``languages`` option as :class:`CorpusAnalysis` keeps it (a str, a tuple or None)."""
    return languages if languages is None or isinstance(languages, str) else tuple(languages)


def with_outlet(articles: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with an ``outlet`` column (all missing when it had none): charts group by outlet."""
    if "outlet" in articles.columns:
        return articles
    return articles.assign(outlet=pd.Series(pd.NA, index=articles.index, dtype="string"))


def analyze_articles(articles: pd.DataFrame, *, source: str = "", event: str | None = "auto",
                     progress: bool | None = None, languages: str | Sequence[str] | None = "en",
                     lexicon: Any = None, cues: Any = None) -> CorpusAnalysis:
    """Compute every table of the ``mediakit analyze`` outputs from an articles table (writes nothing).

    Parameters
    ----------
    articles : pandas.DataFrame
        :func:`mediakit.load_articles` output (its ``attrs["load_errors"]`` are kept). Not modified.
    source : str, optional
        A name for the corpus (its path), shown in the report.
    event : str or None, default 'auto'
        Event column for the within-event comparison and the event-matched chart; ``'auto'`` takes
        the first of :data:`EVENT_COLUMNS` present, None uses none.
    progress : bool, optional
        Progress bars (default: in terminals and notebooks, not under CI).
    languages : str, sequence of str or None, default "en"
        The languages of the English-only metrics (VADER, lexicons, readability formulas,
        attribution, actors; see :func:`mediakit.analyze`). Articles whose ``language`` (given,
        else detected once and added to the articles table) is another one keep their rows
        with NaN metrics and are left out of the sentences, attributions, word choice,
        distinctive terms and actor labels; one :class:`mediakit.text.LeftOutWarning` says how
        many. None scores every article.
    lexicon : optional
        The word-choice lexicon: a shipped name, a YAML or CSV path, a dict or a
        :class:`mediakit.lexicon.Lexicon` (see :func:`mediakit.load_lexicon`); None, the shipped one.
    cues : optional
        Your attribution cues merged over the shipped ones (see
        :func:`mediakit.metrics.attribution.using_cues`); None, the shipped cues.

    Returns
    -------
    CorpusAnalysis

    Raises
    ------
    ValueError
        When ``articles`` is empty, ``event`` names a missing column or ``languages`` is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"],
    ...                      "text": ["Officials said the regime fell.", "The government fell, rebels said."]})
    >>> res = analyze_articles(arts, progress=False)
    >>> res.outlets, len(res.metrics), sorted(res.word_choice["variant"])[:2]
    (['A', 'B'], 2, ['government', 'rebels'])
    """
    if articles.empty:
        raise ValueError("no articles to analyse")
    check_languages(languages, func="analyze_articles")
    articles = with_language(with_outlet(articles))
    event_column(articles, event)  # a missing event column fails before any work
    bar = progress_bar(_ARTICLE_STEPS + _CORPUS_STEPS, desc="Tables", unit="step", enabled=progress)
    with using_cues(cues):  # the user's cues, for every step that reads the attribution rules
        tables = article_tables(articles, progress=progress, bar=bar, languages=languages, lexicon=lexicon)
        res = corpus_tables(articles, tables, source=source, event=event, bar=bar, languages=languages)
    for _ in bar:  # finish the bar
        pass
    return res
