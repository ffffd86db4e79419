"""Step 2a of the pipeline: every chart the corpus allows, as PNG + SVG + the CSV behind it.

Each chart is drawn by a :mod:`mediakit.plot` function on its own pyplot-free Figure and saved with
:func:`mediakit.export.save_figure`; a chart the corpus cannot support is listed with the reason.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..plot import (HOUSE_STYLE_KINDS, MIN_LABELS, MISSING_COLOR, actor_label_heatmap, attention_plot, distinctive_terms_plot, event_matched_plot,
                    figure_for, metric_by_outlet, outlet_colors, partisan_balance_plot, readability_by_outlet,
                    sentiment_distribution, share_table, source_mix, source_share_plot, theme, word_choice_shares)
from .._progress import progress_bar
from .._workers import Workers
from ..actors import actor_label_summary
from ..compare import attention
from ..export import save_figure
from ..metrics.analyze import n_workers
from ._analysis import EVENT_COLUMNS, FIGURE_METRICS, CorpusAnalysis, compared_outlets, outlets_by_size
from ._labels import metric_label

from matplotlib.figure import Figure  # no pyplot: no backend or global figure state

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..plot import OutletPalette

__all__ = ["ComparedView", "ReportFigure", "make_figures", "compared_view"]

_DPI = 150
_N_FAMILIES = 3  # word-choice families drawn (most matches first)
_N_TERM_OUTLETS = 6  # distinctive-terms charts (largest outlets first)
_N_ACTORS = 2  # actor-label heatmaps (most labelled actors first)
_MAX_LABELS = 8  # labels per heatmap (the rarest are summed into "other")
#: The share of the charts a worker process draws when :func:`make_figures` may use two (it starts 1-3 s after
#: this process, which draws the others meanwhile).
WORKER_SHARE = 0.4
_Job = tuple[str, str, str, Callable[[], Any] | None, str | None]  # name, title, how to read, draw, why skipped

@dataclass
class ReportFigure:
    """One chart of the report: its files, or why it was left out.

    Attributes
    ----------
    name : str
        File stem under ``figures/`` (``metric_tone``).
    title : str
        Heading in the report.
    how_to_read : str
        One line under the chart.
    files : list of pathlib.Path
        PNG, SVG and CSV written (empty when skipped).
    skipped : str or None
        Why the chart was not drawn.
    """

    name: str
    title: str
    how_to_read: str
    files: list[Path] = field(default_factory=list)
    skipped: str | None = None

    def file(self, suffix: str) -> Path | None:
        """The written file with this suffix ('.png', '.svg', '.csv'), if any."""
        return next((p for p in self.files if p.suffix == suffix), None)


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9_]+", "-", str(name).casefold()).strip("-_") or "x"
    slug, k = base, 2
    while slug in taken:
        slug, k = f"{base}-{k}", k + 1
    taken.add(slug)
    return slug


class _Chart:
    """A chart: its drawing function and a call that makes its inputs (the slices of the tables it reads). Called
    here, it makes them and draws; :meth:`sent` makes them now, for a worker: what the chart reads is pickled (about
    30 MiB for the worker's charts of the whole AllSides file), never the corpus tables."""

    def __init__(self, func: Callable[..., tuple[Figure, pd.DataFrame]], inputs: Callable[[], tuple[Any, ...]]):
        self.func, self.inputs = func, inputs

    def __call__(self) -> tuple[Figure, pd.DataFrame]:
        return self.func(*self.inputs())

    def sent(self) -> partial[tuple[Figure, pd.DataFrame]]:
        """The drawing function with its inputs bound, picklable (or a call that raises what making them raised)."""
        try:
            return partial(self.func, *self.inputs())
        except ValueError as exc:  # the chart is skipped, as when drawn here
            return partial(_raise, str(exc))


def _raise(message: str) -> tuple[Figure, pd.DataFrame]:
    raise ValueError(message)


def _draw(figdir: Path, slug: str, title: str, how: str, draw: Callable[[], tuple[Figure, pd.DataFrame]] | None,
          skipped: str | None = None) -> ReportFigure:
    """Draw one chart and save it as ``slug`` (PNG, SVG, CSV); or say why it is left out."""
    fig_info = ReportFigure(name=slug, title=title, how_to_read=how, skipped=skipped)
    if draw is not None and skipped is None:
        try:
            with theme():
                fig, data = draw()
            fig_info.files = save_figure(fig, figdir / fig_info.name, formats=("png", "svg"), dpi=_DPI, data=data)
        except ValueError as exc:
            fig_info.skipped = str(exc)
    return fig_info


def _new(size: tuple[float, float]) -> tuple[Figure, Axes]:
    # No layout engine: the Axes keep the size the chart functions fitted their labels to, and save_figure's tight
    # bounding box takes in labels and legends outside them (2x faster than a constrained layout run to a fixed point).
    fig = Figure(figsize=size)
    return fig, fig.subplots()


class _Charts:
    """The inputs of each chart, cut from the compared view (each drawn by one of the functions below)."""

    def __init__(self, res: ComparedView) -> None:
        self.res = res
        arts = res.full.articles  # the articles-per-outlet chart shows all
        self.pal = outlet_colors(arts["outlet"]) if "outlet" in arts.columns else outlet_colors([])
        self.n_outlets = max(len(res.outlets), 1)

    def articles_per_outlet(self) -> tuple[Any, ...]:
        arts = self.res.full.articles
        counts = (arts["outlet"].astype(object).where(arts["outlet"].notna(), "(no outlet)").map(str)
                  .value_counts().rename_axis("outlet").reset_index(name="articles")
                  .sort_values(["articles", "outlet"], ascending=[True, False], kind="mergesort")
                  .reset_index(drop=True))
        return counts, self.pal

    def metric(self, metric: str) -> tuple[Any, ...]:
        comp = self.res.comparison
        assert comp is not None
        groups = comp.groups[comp.groups["metric"] == metric].reset_index(drop=True)
        return metric_by_outlet, groups, figure_for(len(groups)), self.pal, {"metric": metric}

    def word_choice_family(self, family: str) -> tuple[Any, ...]:
        rows = self.res.word_choice
        return rows[(rows["family"] == family) & rows["part"].isin(["title", "text"])], family, self.pal

    def terms(self, outlet: str) -> tuple[Any, ...]:
        terms = self.res.terms
        assert terms is not None
        rows = terms[terms["group"] == outlet].reset_index(drop=True)
        return distinctive_terms_plot, rows, (6.4, 4.6), self.pal, {"group": outlet, "kind": "bars", "top": 10}

    def sentiment(self) -> tuple[Any, ...]:
        s = self.res.columns("sentences", ["article_id", "outlet", "sentence", "compound"])
        table = s.dropna(subset=["outlet"]).reset_index(drop=True)
        return sentiment_distribution, table, figure_for(table["outlet"].nunique()), self.pal, {"value": "compound"}

    def readability(self) -> tuple[Any, ...]:
        m = self.res.columns("metrics", ["article_id", "outlet", "read_flesch_reading_ease"])
        table = m.dropna().reset_index(drop=True)
        return (readability_by_outlet, table, figure_for(table["outlet"].nunique()), self.pal,
                {"metric": "read_flesch_reading_ease"})

    def sources(self, category: str) -> tuple[Any, ...]:  # the only columns share_table and source_mix read
        return self.res.columns("attributions", ["outlet", category]), category, self.pal

    def source_share(self, value: str) -> tuple[Any, ...]:
        table = self.res.source_roles
        assert table is not None
        rows = table[table["source_role"] == value].reset_index(drop=True)
        return source_share_plot, rows, figure_for(len(rows)), self.pal, {"value": value}

    def partisan(self) -> tuple[Any, ...]:
        table = self.res.partisan
        assert table is not None
        return partisan_balance_plot, table, figure_for(len(table)), self.pal, {}

    def actor(self, actor: str) -> tuple[Any, ...]:
        labels = self.res.actor_labels
        assert labels is not None
        return labels[labels["actor"] == actor], actor, self.pal

    def attention(self, freq: str) -> tuple[Any, ...]:
        return self.res.articles, freq, self.n_outlets, self.pal

    def events(self, metric: str) -> tuple[Any, ...]:
        comp = self.res.comparison
        assert comp is not None and comp.events is not None
        table = comp.events[comp.events["metric"] == metric].reset_index(drop=True)
        size = figure_for(table["group"].nunique(), kind="columns")
        return event_matched_plot, table, size, self.pal, {"metric": metric}


# ----------------------------------------------------------------- the charts, drawn from their inputs

def _plain(plot: Callable[..., Any], rows: pd.DataFrame, size: tuple[float, float], pal: OutletPalette,
           options: dict[str, Any]) -> tuple[Figure, pd.DataFrame]:
    """``plot(rows, **options)`` on a new figure of ``size``, with ``rows`` as the chart's table."""
    fig, ax = _new(size)
    plot(rows, ax=ax, palette=pal, **options)
    return fig, rows


def _articles_per_outlet(counts: pd.DataFrame, pal: OutletPalette) -> tuple[Figure, pd.DataFrame]:
    pal = pal.with_outlets(counts["outlet"])
    fig, ax = _new(figure_for(len(counts)))
    colors = [MISSING_COLOR if o == "(no outlet)" else pal[o] for o in counts["outlet"]]
    ax.barh(counts["outlet"], counts["articles"], color=colors, edgecolor="white")
    for y, n in enumerate(counts["articles"]):
        ax.text(n, y, f" {n}", va="center", ha="left", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("articles")
    ax.margins(x=0.08)
    return fig, counts.iloc[::-1].reset_index(drop=True)


def _word_choice(rows: pd.DataFrame, family: str, pal: OutletPalette) -> tuple[Figure, pd.DataFrame]:
    table = share_table(rows, category="variant")
    fig, ax = _new(figure_for(table["outlet"].nunique()))
    word_choice_shares(rows, family=family, ax=ax, palette=pal)
    return fig, table.assign(family=family)[["family", *table.columns]]


def _sources(rows: pd.DataFrame, category: str, pal: OutletPalette) -> tuple[Figure, pd.DataFrame]:
    table = share_table(rows, category=category)
    fig, ax = _new(figure_for(table["outlet"].nunique()))
    source_mix(rows, category=category, ax=ax, palette=pal)
    return fig, table


def _actor(rows: pd.DataFrame, actor: str, pal: OutletPalette) -> tuple[Figure, pd.DataFrame]:
    summary = actor_label_summary(rows).reset_index(drop=True)
    n_labels = min(int(rows["label"].dropna().nunique()), _MAX_LABELS + 1)
    fig, ax = _new(figure_for(max(rows["outlet"].nunique(), 1), kind="heatmap", n_categories=max(n_labels, 1)))
    actor_label_heatmap(rows, actor=actor, max_labels=_MAX_LABELS, ax=ax, palette=pal)
    return fig, summary


def _attention(articles: pd.DataFrame, freq: str, n_outlets: int,
               pal: OutletPalette) -> tuple[Figure, pd.DataFrame]:
    table = attention(articles, by="outlet", freq=freq)
    fig, ax = _new(figure_for(n_outlets, kind="lines"))
    attention_plot(table, ax=ax, palette=pal)
    return fig, table.assign(period=table["period"].astype(str))


def _freq(published: pd.Series) -> str | None:
    """A period for the attention chart: about 10 to 80 periods over the dated span."""
    dates = pd.to_datetime(published, utc=True, errors="coerce").dropna()
    if dates.nunique() < 2:
        return None
    days = (dates.max() - dates.min()).days
    return "D" if days <= 31 else "W" if days <= 365 else "M" if days <= 5 * 365 else "Q"


def _top_families(wc: pd.DataFrame, k: int) -> list[str]:
    rows = wc[wc["part"].isin(["title", "text"])]
    if rows.empty:
        return []
    stats = rows.groupby("family").agg(n=("variant", "size"), variants=("variant", "nunique"))
    stats = stats[stats["variants"] >= 2]
    return sorted(stats.index, key=lambda f: (-int(stats.loc[f, "n"]), str(f)))[:k]


def _top_actors(labels: pd.DataFrame | None, k: int) -> list[str]:
    if labels is None or labels.empty:
        return []
    rows = labels[labels["label"].notna() & labels["outlet"].notna()]
    if "label_kind" in rows.columns:  # courtesy titles and possessors are not labels (see the heatmap)
        rows = rows[~rows["label_kind"].isin(list(HOUSE_STYLE_KINDS))]
    if rows.empty:
        return []
    per_outlet = rows.groupby(["actor", "outlet"]).size()
    supported = per_outlet[per_outlet >= MIN_LABELS].reset_index(name="n")  # outlets with enough labels
    stats = supported.groupby("actor").agg(n=("n", "sum"), outlets=("outlet", "nunique"))
    need = 2 if rows["outlet"].nunique() >= 2 else 1
    stats = stats[stats["outlets"] >= need]
    return sorted(stats.index, key=lambda a: (-int(stats.loc[a, "n"]), str(a)))[:k]


_HOW = {
    "articles": "Bar length = number of articles loaded from each outlet (articles without an outlet in grey).",
    "metric": "Dot = the outlet's mean over its articles, line = 95% bootstrap confidence interval; "
              "lines that do not overlap suggest a real difference (see the comparison table for tests). "
              "n = articles with a value.",
    "word_choice": "Each bar splits one outlet's uses of this lexicon family (headlines and text) into its "
                   "variants; compare which words each outlet prefers for the same thing. n = matches.",
    "terms": "The words and phrases this outlet uses most distinctively compared with the other outlets "
             "together: bar length = z-score of the log-odds ratio; solid bars (|z| ≥ 1.96) are beyond "
             "chance, hatched ones are not.",
    "sentiment": "Distribution of VADER compound scores of every sentence, per outlet (−1 negative, "
                 "+1 positive); the white dot is the median, the bar the middle half.",
    "readability": "Flesch reading ease of each article (dots) and its box plot per outlet; higher is easier "
                   "to read (60–70 ≈ plain English).",
    "source_type": "Who is quoted: each bar splits one outlet's attributions by the kind of source "
                   "(named person, official, anonymous, organisation, document ...). n = attributions.",
    "source_role": "Who is quoted: each bar splits one outlet's attributions by the role of the source "
                   "(politician, official, expert, citizen, anonymous, document ...; docs/sources.md). "
                   "n = attributions.",
    "anonymous": "Share of each outlet's attributions to anonymous sources ('officials said', 'a person "
                 "familiar with'), with a 95% bootstrap CI that resamples articles. n = attributions.",
    "partisan": "Among the quoted politicians whose party is known (from the text or the shipped gazetteer "
                "of the US Congress), the share of the first party minus the share of the second; right of "
                "zero = more of the first. Line = 95% bootstrap CI over articles. n = attributions.",
    "cue_class": "How sources are quoted: each bar splits one outlet's attributions by the class of the "
                 "cue verb (neutral 'said', assertive 'insisted', denial 'denied' ...). n = attributions.",
    "actor": "How each outlet names this actor: share of each label among the outlet's labelled mentions "
             "(darker = more used). n = labelled mentions.",
    "attention": "Articles per period and outlet: when each outlet covered the story.",
    "events": "One line per event (story) across outlets: the outlet's mean in that event; the black bar "
              "is the mean over events. Lines that slope the same way mean a consistent difference.",
}


class ComparedView:
    """What the charts read of an analysis: its per-outlet tables cut to the outlets compared pair by pair
    (``kept``: the 12 with most articles, :func:`~mediakit.pipeline.compared_outlets`; None: every outlet, the
    tables themselves).

    A chart of 180 outlets is unreadable and slow to draw. Each table is cut when a chart reads it, and only the
    last one cut is kept: the charts of one table are drawn one after another, and the cuts of every table at
    once copied about 430 MiB of the whole AllSides file. The articles are cut once, without their body text
    and captions (no chart reads them).
    """

    def __init__(self, res: CorpusAnalysis, kept: set[Any] | None) -> None:
        self.full, self.kept = res, kept
        self.comparison, self.terms, self.event = res.comparison, res.terms, res.event
        self.articles: pd.DataFrame = self._cut(res.articles, ("text", "captions"))
        self.outlets = outlets_by_size(self.articles)
        self._last: tuple[str, pd.DataFrame | None] = ("", None)

    def _cut(self, table: Any, unread: tuple[str, ...] = ()) -> Any:
        if table is None or self.kept is None or "outlet" not in table.columns:
            return table
        keep = table["outlet"].isin(self.kept).to_numpy()
        return table.drop(columns=[c for c in unread if c in table.columns])[keep]

    def _table(self, name: str) -> Any:
        if self._last[0] != name:
            self._last = ("", None)  # the last cut freed before the next one is made
            self._last = (name, self._cut(getattr(self.full, name)))
        return self._last[1]

    def columns(self, name: str, columns: list[str]) -> pd.DataFrame:
        """Only ``columns`` of the table ``name`` (with ``outlet``), cut: one chart's input, not kept."""
        return self._cut(getattr(self.full, name)[columns])

    def n_rows(self, name: str) -> int:
        """The rows of the table ``name`` once cut (counted without cutting it)."""
        table = getattr(self.full, name)
        if self.kept is None or "outlet" not in table.columns:
            return len(table)
        return int(table["outlet"].isin(self.kept).sum())

    @property
    def metrics(self) -> pd.DataFrame:
        return self._table("metrics")

    @property
    def sentences(self) -> pd.DataFrame:
        return self._table("sentences")

    @property
    def attributions(self) -> pd.DataFrame:
        return self._table("attributions")

    @property
    def word_choice(self) -> pd.DataFrame:
        return self._table("word_choice")

    @property
    def actor_labels(self) -> pd.DataFrame | None:
        return self._table("actor_labels")

    @property
    def source_roles(self) -> pd.DataFrame | None:
        return self._table("source_roles")

    @property
    def partisan(self) -> pd.DataFrame | None:
        return self._table("partisan")


def compared_view(res: CorpusAnalysis) -> ComparedView:
    """What the charts read of ``res``: see :class:`ComparedView`."""
    return ComparedView(res, compared_outlets(res.articles))


def make_figures(res: CorpusAnalysis, figdir: str | os.PathLike[str], *,
                 progress: bool | None = None, n_jobs: int = 1) -> list[ReportFigure]:
    """Draw and save every chart the corpus allows (PNG, SVG and the CSV behind each) under ``figdir``.

    Each outlet has the same colour in every chart (one :class:`mediakit.plot.OutletPalette` from all
    outlets). A chart that the corpus does not allow (one outlet, no dates, no events, no matches) is
    returned with ``skipped`` saying why, never an exception. Files are reproducible: the same corpus
    gives byte-identical files (see :func:`mediakit.save_figure`).

    Parameters
    ----------
    res : CorpusAnalysis
        From :func:`analyze_articles`.
    figdir : path
        Folder for the files (created).
    progress : bool, optional
        Progress bar over the charts.
    n_jobs : int, default 1
        With 2 or more (-1: every core, when there are two), a worker process draws
        :data:`WORKER_SHARE` of the charts while this one draws the others (the worker is sent only what
        its charts read: about 30 MiB of the whole AllSides file); the same files. The worker is a spawned
        process: a script that asks for it guards its top level with
        ``if __name__ == "__main__":``.

    Returns
    -------
    list of ReportFigure
        In report order.

    Raises
    ------
    ValueError
        Unless ``n_jobs`` is a positive integer or -1.

    Notes
    -----
    With more than :data:`~mediakit.pipeline.MAX_COMPARED_OUTLETS` outlets, every chart but the articles
    per outlet shows the outlets compared pair by pair (the 12 with most articles), as the comparisons
    do; the full tables are ``metrics.csv``, ``word_choice.csv``, ``attributions.csv`` and the others.
    """
    workers = n_workers(n_jobs, func="make_figures")
    figdir = Path(figdir)
    jobs = _chart_jobs(res)
    slugs = _slugs(jobs)
    theirs = _worker_share(len(jobs)) if workers > 1 else []
    mine = sorted(set(range(len(jobs))) - set(theirs))
    bar = progress_bar(mine, desc="Figures", unit="chart", enabled=progress)
    if not theirs:
        return [_draw(figdir, slugs[i], *jobs[i][1:]) for i in bar]
    with Workers(1) as worker:  # some charts on a worker, the others here meanwhile
        # each of their charts with its inputs made now (a chart not drawn stays None)
        sent = [(slugs[i], *jobs[i][1:3], draw.sent() if isinstance(draw := jobs[i][3], _Chart) else draw, jobs[i][4])
                for i in theirs]
        results = _submit_meanwhile(worker, _draw_sent, (os.fspath(figdir), sent))
        del sent
        drawn = {i: _draw(figdir, slugs[i], *jobs[i][1:]) for i in bar}
        drawn.update(zip(theirs, results(), strict=True))
    return [drawn[i] for i in range(len(jobs))]


def _submit_meanwhile(worker: Workers, fn: Callable[..., Any], args: tuple[Any, ...]) -> Callable[[], Any]:
    """``fn(state, *args)`` submitted to ``worker`` from a thread, the returned call waits for its result: the pickling
    and the writes to the pipe (which wait until the spawned worker reads, 1-3 s) overlap this process's drawing."""
    error: list[BaseException] = []

    def send() -> None:
        try:
            worker.submit(fn, [args], last=True)
        except BaseException as exc:  # raised by the returned call, in this process's thread
            error.append(exc)

    thread = threading.Thread(target=send, name="make_figures-submit", daemon=True)
    thread.start()

    def result() -> Any:
        thread.join()
        if error:
            raise error[0]
        return worker.collect()[0]

    return result


def _worker_share(n: int) -> list[int]:
    """The charts a worker draws: every other one counted from the last, :data:`WORKER_SHARE` of them (charts of
    a kind stand together and cost alike: alternating gives each process some of each kind).

    Examples
    --------
    >>> _worker_share(10), _worker_share(1)
    ([3, 5, 7, 9], [])
    """
    k = int(n * WORKER_SHARE)
    return sorted(range(n - 1, -1, -2))[-k:] if k else []


def _draw_sent(state: dict[str, Any], figdir: str, charts: list[_Job]) -> list[ReportFigure]:
    """In a worker: the charts sent (stem, title, how to read, drawing call with inputs, why skipped), drawn, saved."""
    return [_draw(Path(figdir), *chart) for chart in charts]


def _slugs(jobs: list[_Job]) -> list[str]:
    """The file stems of the charts, in report order (a repeated name gets a number)."""
    taken: set[str] = set()
    return [_slug(j[0], taken) for j in jobs]


def _chart_jobs(full: CorpusAnalysis) -> list[_Job]:
    """The charts of the corpus, in report order: (name, title, how to read, draw or None, why skipped)."""
    res = compared_view(full)
    c = _Charts(res)
    jobs: list[_Job] = []

    def job(name: str, title: str, how: str, draw: Callable[[], Any] | None, skipped: str | None = None) -> None:
        jobs.append((name, title, how, draw, skipped))

    n_out = len(res.outlets)
    job("articles_per_outlet", "Articles per outlet", _HOW["articles"],
        _Chart(_articles_per_outlet, c.articles_per_outlet))
    comp = res.comparison
    for m in FIGURE_METRICS:
        title = f"{_metric_title(m)} by outlet"
        if comp is None or m not in set(comp.groups["metric"]):
            job(f"metric_{m}", title, _HOW["metric"], None, "no outlet to compare" if comp is None
                else f"the metric {m!r} was not computed")
        else:
            job(f"metric_{m}", title, _HOW["metric"], _Chart(_plain, partial(c.metric, m)))
    has_outlet = n_out >= 1
    no_outlet = "no article has an outlet"
    families = _top_families(res.word_choice, _N_FAMILIES) if has_outlet else []
    if not families:
        job("word_choice", "Word choice", _HOW["word_choice"], None, no_outlet if not has_outlet else
            "no lexicon family has matches of two or more variants in this corpus")
    for fam in families:
        job(f"word_choice_{fam}", f"Word choice: {fam.replace('_', ' ')}", _HOW["word_choice"],
            _Chart(_word_choice, partial(c.word_choice_family, fam)))
    if res.terms is None or res.terms.empty:
        job("distinctive_terms", "Distinctive terms", _HOW["terms"], None,
            "needs at least two outlets" if n_out < 2 else "no term passed the minimum count")
    else:
        for o in [o for o in res.outlets if o in set(res.terms["group"])][:_N_TERM_OUTLETS]:
            job(f"distinctive_terms_{o}", f"Distinctive terms: {o}", _HOW["terms"], _Chart(_plain, partial(c.terms, o)))
    has_sentences = res.n_rows("sentences") > 0
    job("sentiment_distribution", "Sentence sentiment by outlet", _HOW["sentiment"],
        _Chart(_plain, c.sentiment) if has_outlet and has_sentences else None,
        None if has_outlet and has_sentences else (no_outlet if not has_outlet else "no sentences"))
    job("readability_by_outlet", "Readability by outlet", _HOW["readability"],
        _Chart(_plain, c.readability) if has_outlet else None, None if has_outlet else no_outlet)
    no_attr = no_outlet if not has_outlet else ("no attributions found" if not res.n_rows("attributions") else None)
    _source_jobs(job, c, res, no_attr)
    job("source_mix_cue_class", "How sources are quoted: cue classes", _HOW["cue_class"],
        _Chart(_sources, partial(c.sources, "cue_class")) if no_attr is None else None, no_attr)
    actors = _top_actors(res.actor_labels, _N_ACTORS)
    if not actors:
        job("actor_labels", "Actor labels", _HOW["actor"], None,
            f"no actor with {MIN_LABELS} or more labelled mentions (titles, appositives, descriptions; courtesy "
            "titles aside)" + (" in two or more outlets" if n_out >= 2 else ""))
    for a in actors:
        job(f"actor_labels_{a}", f"Labels for {a}", _HOW["actor"], _Chart(_actor, partial(c.actor, a)))
    freq = _freq(res.articles["published"]) if "published" in res.articles.columns else None
    if not has_outlet or freq is None:
        job("attention", "Attention over time", _HOW["attention"], None,
            no_outlet if not has_outlet else "fewer than two distinct publication dates")
    else:
        job("attention", "Attention over time", _HOW["attention"], _Chart(_attention, partial(c.attention, freq)))
    if comp is not None and comp.events is not None and len(comp.events) and n_out >= 2:
        metric = "tone" if "tone" in set(comp.events["metric"]) else str(comp.events["metric"].iloc[0])
        job(f"event_matched_{metric}", f"{_metric_title(metric)} within events", _HOW["events"],
            _Chart(_plain, partial(c.events, metric)))
    else:
        why = ("no event column (one of " + ", ".join(EVENT_COLUMNS) + ")" if res.event is None
               else "fewer than two outlets" if n_out < 2 else f"no event covered by two outlets in {res.event!r}")
        job("event_matched", "Outlets within the same events", _HOW["events"], None, why)
    return jobs


def _source_jobs(job: Callable[..., None], c: _Charts, res: ComparedView, no_attr: str | None) -> None:
    """Who is quoted: source roles (or the old source types), anonymous sources, partisan balance."""
    if no_attr is not None or "source_role" not in res.full.attributions.columns:  # the columns of the cut
        job("source_mix_source_type", "Who is quoted: source types", _HOW["source_type"],
            _Chart(_sources, partial(c.sources, "source_type")) if no_attr is None else None, no_attr)
        return
    job("source_mix_source_role", "Who is quoted: source roles", _HOW["source_role"],
        _Chart(_sources, partial(c.sources, "source_role")))
    roles = res.source_roles
    has_anon = roles is not None and bool((roles.loc[roles["source_role"] == "anonymous", "count"] > 0).any())
    job("source_share_anonymous", "Anonymous sources by outlet", _HOW["anonymous"],
        _Chart(_plain, partial(c.source_share, "anonymous")) if has_anon else None,
        None if has_anon else "no anonymous source found")
    job("partisan_balance", "Partisan balance of quoted politicians", _HOW["partisan"],
        _Chart(_plain, c.partisan) if res.partisan is not None else None,
        None if res.partisan is not None else "no quoted politician with a known party")


def _metric_title(metric: str) -> str:
    label = metric_label(metric)
    return label[:1].upper() + label[1:]

