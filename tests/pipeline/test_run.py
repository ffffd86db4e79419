"""One pipeline: how mediakit analyze plans a run (in memory or streamed) whatever the corpus size."""

from __future__ import annotations

import gzip

import pandas as pd
import pytest

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
    """Streamed by size alone (no option given): tables, figures and the report, as in memory; the
    actor labels of the corpus step on all cores too (forced here: the sample is small)."""
    import mediakit.actors._label_jobs as label_jobs
    from mediakit.pipeline import _analysis

    n_jobs = []
    labels = _analysis.actor_labels

    def spy(*args, **kwargs):
        n_jobs.append(kwargs.get("n_jobs"))
        return labels(*args, **kwargs)

    monkeypatch.setattr(_analysis, "actor_labels", spy)
    monkeypatch.setattr(label_jobs, "MIN_PARALLEL_ARTICLES", 2)
    monkeypatch.setattr(_run, "STREAM_THRESHOLD", 1000)
    written = analyze_corpus(DATA, tmp_path, progress=False, event="event")
    assert n_jobs == [-1]
    assert len(pd.read_csv(written["actor_labels"])) > 100
    assert (tmp_path / "parts" / "_manifest.json").is_file()
    for name in ("report", "metrics", "articles", "sentences", "attributions", "word_choice", "comparison",
                 "comparison_events", "distinctive_terms", "actor_labels", "load_errors"):
        assert name in written and written[name].is_file(), name
    assert sum(1 for k in written if k.startswith("figure:")) >= 20
    assert len(pd.read_parquet(tmp_path / "metrics.parquet")) == 33


def test_a_streamed_run_keeps_few_columns_in_memory_and_writes_every_column_from_the_parts(monkeypatch, tmp_path):
    """The corpus-level step reads a few metric columns and no long text; the files have them all."""
    from mediakit import read_parts
    from mediakit.pipeline._parts_out import CORPUS_METRICS, read_slim

    monkeypatch.setattr(_run, "STREAM_THRESHOLD", 1000)
    analyze_corpus(DATA, tmp_path, progress=False, event="event", chunksize=10)
    parts = tmp_path / "parts"
    full = read_parts(parts, "metrics")
    slim = read_slim(parts, "metrics")
    assert len(slim.columns) < len(full.columns) / 5 and set(CORPUS_METRICS) <= set(slim.columns)
    written = pd.read_parquet(tmp_path / "metrics.parquet")
    assert list(written.columns) == list(full.columns) and len(written) == len(full) == 33
    assert "text" in pd.read_parquet(tmp_path / "sentences.parquet").columns
    attrs = pd.read_csv(tmp_path / "attributions.csv")
    assert "content_text" in attrs.columns and len(attrs) == len(read_parts(parts, "attributions"))
    # list cells as the in-memory run writes them: "(start, end)", not an array's "[start end]"
    assert attrs["content_spans"].dropna().str.match(r"^\(\d+, \d+\)( \| \(\d+, \d+\))*$").all()
    arts = pd.read_parquet(tmp_path / "articles.parquet")
    assert len(arts) == 33 and {"outlet", "language", "text"} <= set(arts.columns)


def test_streamed_and_in_memory_runs_write_the_same_metrics_and_attribution_files(tmp_path):
    memory, streamed = tmp_path / "memory", tmp_path / "streamed"
    analyze_corpus(DATA, memory, progress=False, event="event")
    analyze_corpus(DATA, streamed, progress=False, event="event", chunksize=10)
    for name in ("metrics.csv", "attributions.csv", "word_choice.csv", "framing_differences.csv"):
        assert (memory / name).read_bytes() == (streamed / name).read_bytes(), name
    pd.testing.assert_frame_equal(pd.read_parquet(memory / "sentences.parquet"),
                                  pd.read_parquet(streamed / "sentences.parquet"), check_dtype=False)


def test_a_worker_writes_the_per_article_files_as_this_process_would(tmp_path):
    """With more than one job the files come from a worker process writing while the corpus step runs:
    the same bytes as written by this process from the same parts."""
    from mediakit.pipeline._parts_out import STREAMED_FILES, write_from_parts

    out, here = tmp_path / "out", tmp_path / "here"
    written = analyze_corpus(DATA, out, progress=False, event="event", chunksize=10, n_jobs=2)
    here.mkdir()
    assert write_from_parts(out / "parts", here) == {name: here / file for name, (_, file) in STREAMED_FILES.items()}
    for name, (_, file) in STREAMED_FILES.items():
        assert written[name] == out / file
        assert (out / file).read_bytes() == (here / file).read_bytes(), file


def test_a_failing_corpus_step_stops_the_file_writer(monkeypatch, tmp_path):
    import multiprocessing

    def fail(*args, **kwargs):
        raise RuntimeError("corpus step failed")

    monkeypatch.setattr(_run, "corpus_tables", fail)
    with pytest.raises(RuntimeError, match="corpus step failed"):
        analyze_corpus(DATA, tmp_path, progress=False, chunksize=10, n_jobs=2)
    assert not multiprocessing.active_children()
