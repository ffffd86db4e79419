"""The whole job on a corpus: load, measure, write tables and figures to a folder."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .compare import compare
from .loaders import load_articles, load_errors
from .metrics.analyze import analyze
from .metrics.sentiment import sentences
from .metrics.word_choice import word_choice

__all__ = ["analyze_corpus", "write_table", "SUMMARY_METRICS"]

#: The headline metrics compared between outlets in the report (any column of
#: ``analyze`` can be compared with :func:`mediakit.compare`).
SUMMARY_METRICS = (
    "sent_mean_compound", "sent_share_negative", "sent_headline_compound", "tone",
    "read_flesch_reading_ease", "read_flesch_kincaid_grade", "wc_hedge_per1k",
    "wc_intensifier_per1k", "wc_subjective_per1k", "words",
)


def write_table(df: pd.DataFrame, path: Path) -> Path:
    """Write ``df`` as CSV or Parquet (by ending); list cells become ' | '-joined text in CSV."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".parquet":
        df.to_parquet(path, index=False)
    else:
        flat = df.copy()
        for col in flat.columns:
            if flat[col].dtype == object and flat[col].map(lambda v: isinstance(v, (list, tuple))).any():
                flat[col] = flat[col].map(lambda v: " | ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        flat.to_csv(path, index=False)
    return path


def _articles_per_outlet_figure(articles: pd.DataFrame, figdir: Path) -> list[Path]:
    from matplotlib.figure import Figure  # no pyplot: no backend or global state involved

    from .export import save_figure

    counts = (articles["outlet"].fillna("(unknown)").value_counts().rename_axis("outlet")
              .reset_index(name="articles").sort_values(["articles", "outlet"], ascending=[True, True]))
    fig = Figure(figsize=(6, 0.4 * len(counts) + 1.2))
    ax = fig.subplots()
    ax.barh(counts["outlet"], counts["articles"], color="#4477AA")
    ax.set_xlabel("articles")
    ax.set_title("Articles per outlet")
    return save_figure(fig, figdir / "articles_per_outlet", formats=("png", "svg"), dpi=150, data=counts)


def analyze_corpus(corpus: str | os.PathLike[str], out: str | os.PathLike[str], *,
                   progress: bool | None = None) -> dict[str, Path]:
    """Load ``corpus``, compute what mediakit measures, and write the outputs under ``out``.

    Returns
    -------
    dict
        Output name -> path of every file written.

    Raises
    ------
    FileNotFoundError
        When ``corpus`` does not exist.
    ValueError
        When no article could be loaded.
    """
    outdir = Path(out)
    articles = load_articles(corpus, progress=progress)
    errors = load_errors(articles)
    written: dict[str, Path] = {}
    outdir.mkdir(parents=True, exist_ok=True)
    if len(errors):
        written["load_errors"] = write_table(errors, outdir / "load_errors.csv")
    if articles.empty:
        raise ValueError(f"no article could be loaded from {os.fspath(corpus)!r}"
                         + (f"; see {written['load_errors']}" if "load_errors" in written else ""))
    written["articles"] = write_table(articles, outdir / "articles.parquet")
    written["articles_csv"] = write_table(articles, outdir / "articles.csv")
    metrics = analyze(articles, progress=progress)
    written["metrics"] = write_table(metrics, outdir / "metrics.parquet")
    written["metrics_csv"] = write_table(metrics, outdir / "metrics.csv")
    written["sentences"] = write_table(sentences(articles), outdir / "sentences.parquet")
    written["word_choice"] = write_table(word_choice(articles), outdir / "word_choice.csv")
    if "outlet" in metrics.columns and metrics["outlet"].nunique() >= 2:
        cols = [c for c in SUMMARY_METRICS if c in metrics.columns]
        result = compare(metrics, by="outlet", metrics_cols=cols)
        written["comparison"] = write_table(result.pairs, outdir / "comparison.csv")
        written["comparison_groups"] = write_table(result.groups, outdir / "comparison_groups.csv")
    for p in _articles_per_outlet_figure(articles, outdir / "figures"):
        written[f"figure:{p.name}"] = p
    return written
