"""One pipeline: how mediakit analyze plans a run (in memory or streamed) whatever the corpus size."""

from __future__ import annotations

import gzip

import pandas as pd

from mediakit.pipeline import STREAM_THRESHOLD, analyze_corpus, plan_run
from mediakit.pipeline import _run

from ..conftest import DATA


def test_small_corpus_runs_in_memory():
    plan = plan_run(DATA)
    assert not plan.streamed and plan.reason == "in memory"
    assert 0 < plan.input_bytes < STREAM_THRESHOLD


def test_any_streaming_option_forces_a_streamed_run():
    assert plan_run(DATA, chunksize=10).streamed
    plan = plan_run(DATA, n_jobs=2)
    assert plan.streamed and plan.n_jobs == 2 and plan.chunksize == 1000


def test_a_large_corpus_streams_on_all_cores(monkeypatch):
    monkeypatch.setattr(_run, "STREAM_THRESHOLD", 1000)
    plan = plan_run(DATA)
    assert plan.streamed and plan.n_jobs == -1 and "all cores" in plan.reason


def test_gzip_counts_four_times(tmp_path):
    raw = ("x" * 1000).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(raw))
    size = (tmp_path / "a.jsonl.gz").stat().st_size
    assert plan_run(tmp_path).input_bytes == 4 * size


def test_a_corpus_above_the_threshold_gets_every_output(monkeypatch, tmp_path):
    """Streamed by size alone (no option given): tables, figures and the report, as in memory."""
    monkeypatch.setattr(_run, "STREAM_THRESHOLD", 1000)
    written = analyze_corpus(DATA, tmp_path, progress=False, event="event")
    assert (tmp_path / "parts" / "_manifest.json").is_file()
    for name in ("report", "metrics", "articles", "sentences", "attributions", "word_choice", "comparison",
                 "comparison_events", "distinctive_terms", "actor_labels", "load_errors"):
        assert name in written and written[name].is_file(), name
    assert sum(1 for k in written if k.startswith("figure:")) >= 20
    assert len(pd.read_parquet(tmp_path / "metrics.parquet")) == 33
