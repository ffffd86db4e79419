"""The whole job on a corpus: load, measure, then write tables, figures and a report to a folder.

- :func:`analyze_articles` - articles -> :class:`CorpusAnalysis` (every table, nothing written): the
  per-article tables (:func:`article_tables`) then the corpus-level ones (:func:`corpus_tables`);
- :func:`write_outputs` - :class:`CorpusAnalysis` -> files: tables, ``figures/`` (PNG + SVG + the CSV
  behind each chart, :func:`make_figures`) and a self-contained ``report.html`` (:func:`write_report`);
- :func:`analyze_corpus` - both on a path, in memory or streamed in chunks (:func:`plan_run`); it is
  what ``mediakit analyze CORPUS --out DIR`` calls.
"""

from ._analysis import (EVENT_COLUMNS, FIGURE_METRICS, SUMMARY_METRICS, ArticleTables, CorpusAnalysis,
                        analyze_articles, article_tables, corpus_tables)
from ._figures import ReportFigure, make_figures
from ._labels import METRIC_LABELS, metric_label
from ._report import build_report, framing_differences, write_report
from ._run import PARALLEL_THRESHOLD, STREAM_THRESHOLD, RunPlan, analyze_corpus, plan_run, write_outputs

__all__ = [
    "analyze_corpus", "analyze_articles", "article_tables", "corpus_tables", "write_outputs", "make_figures",
    "build_report", "write_report", "framing_differences", "plan_run",
    "CorpusAnalysis", "ArticleTables", "ReportFigure", "RunPlan",
    "SUMMARY_METRICS", "FIGURE_METRICS", "EVENT_COLUMNS", "METRIC_LABELS", "STREAM_THRESHOLD",
    "PARALLEL_THRESHOLD", "metric_label",
]
