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


def test_a_mid_size_corpus_is_loaded_whole_and_measured_on_all_cores(monkeypatch):
    monkeypatch.setattr(_run, "PARALLEL_THRESHOLD", 1000)
    monkeypatch.setattr(_run.os, "cpu_count", lambda: 2)
    plan = plan_run(DATA)
    assert plan.streamed and plan.loaded and plan.n_jobs == -1 and plan.scheduler is None
    assert plan.reason.startswith("loaded whole, measured on all 2 cores")
    monkeypatch.setattr(_run, "STREAM_THRESHOLD", 1000)  # above both: read chunk by chunk
    assert plan_run(DATA).streamed and not plan_run(DATA).loaded


def test_one_core_keeps_a_mid_size_corpus_in_memory(monkeypatch):
    monkeypatch.setattr(_run, "PARALLEL_THRESHOLD", 1000)
    for cores in (1, None):
        monkeypatch.setattr(_run.os, "cpu_count", lambda cores=cores: cores)
        plan = plan_run(DATA)
        assert not plan.streamed and not plan.loaded and plan.reason == "in memory"


def test_loaded_chunks_number_from_zero_and_carry_the_load_problems_once():
    df = mk_articles(25)
    df.attrs["load_errors"] = ("one problem",)
    chunks = list(_run.loaded_chunks(df, 10))
    assert [len(c) for c in chunks] == [10, 10, 5]
    assert all(c.index.tolist() == list(range(len(c))) for c in chunks)
    assert [c.attrs.get("load_errors") for c in chunks] == [("one problem",), None, None]
    assert pd.concat(chunks, ignore_index=True).equals(df.reset_index(drop=True))
    empty = list(_run.loaded_chunks(df.iloc[:0], 10))
    assert len(empty) == 1 and empty[0].empty


def mk_articles(n: int) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "text": [f"Text {i}." for i in range(n)]},
                        index=range(100, 100 + n))


def test_a_loaded_run_on_all_cores_writes_what_the_in_memory_run_writes(monkeypatch, tmp_path):
    """Chunks of 10 on two processes, cut from the whole corpus: the near duplicates of the sample lie in
    another chunk than their originals, and are flagged as in memory (read chunk by chunk they are not)."""
    import mediakit as mk

    monkeypatch.setattr(_run, "PARALLEL_THRESHOLD", 1000)
    monkeypatch.setattr(_run, "_DEFAULT_CHUNKSIZE", 10)
    monkeypatch.setattr(_run.os, "cpu_count", lambda: 2)
    assert plan_run(DATA).loaded
    analyze_corpus(DATA, tmp_path / "loaded", progress=False, event="event")
    assert (tmp_path / "loaded" / "parts" / "_manifest.json").is_file()
    monkeypatch.setattr(_run, "PARALLEL_THRESHOLD", 1 << 62)
    assert not plan_run(DATA).streamed
    analyze_corpus(DATA, tmp_path / "memory", progress=False, event="event")
    for name in ("articles.csv", "metrics.csv", "attributions.csv", "word_choice.csv", "actor_labels.csv",
                 "comparison.csv", "distinctive_terms.csv"):
        assert (tmp_path / "loaded" / name).read_bytes() == (tmp_path / "memory" / name).read_bytes(), name
    flagged = pd.read_csv(tmp_path / "loaded" / "articles.csv")["duplicate_kind"].eq("near").sum()
    chunked = pd.concat(mk.iter_articles(DATA, chunksize=10, progress=False))["duplicate_kind"].eq("near").sum()
    assert flagged == 2 and chunked < flagged


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


def test_a_streamed_run_reads_each_table_when_a_step_first_asks_for_it(monkeypatch, tmp_path):
    """The corpus-level step gets the tables of the parts one by one, as its steps read them (the driver does
    not hold the attributions through the actor labels and sentiment, nor the texts), and they are read_slim's
    tables."""
    from mediakit.pipeline import _analysis
    from mediakit.pipeline._parts_out import PartTables, read_slim

    seen: dict[str, set[str]] = {}
    labels, sentiment = _analysis._actor_labels, _analysis._actor_sentiment

    def spy(articles, notes, n_jobs=1, texts=None):
        seen["labels"] = set(vars(tables_of[0]))  # what was read when the actor labels start
        seen["label_texts"] = (set(articles.columns) & {"title", "text", "captions"}, type(texts).__name__)
        return labels(articles, notes, n_jobs, texts)

    def spy_sentiment(*args, **kw):
        seen["sentiment"] = set(vars(tables_of[0]))
        return sentiment(*args, **kw)

    tables_of: list[PartTables] = []
    corpus_tables = _run.corpus_tables

    def keep(articles, tables, **kw):
        tables_of.append(tables)
        return corpus_tables(articles, tables, **kw)

    monkeypatch.setattr(_analysis, "_actor_labels", spy)
    monkeypatch.setattr(_analysis, "_actor_sentiment", spy_sentiment)
    monkeypatch.setattr(_run, "corpus_tables", keep)
    monkeypatch.setattr(_run, "STREAM_THRESHOLD", 1000)
    analyze_corpus(DATA, tmp_path, progress=False, event="event", chunksize=10)
    (tables,) = tables_of
    assert isinstance(tables, PartTables)
    assert seen["labels"] == seen["sentiment"] == {"parts", "metrics"}
    # the driver holds no text: the actor labels' texts are read from the parts
    assert seen["label_texts"] == (set(), "PartTexts")
    for name in ("metrics", "sentences", "attributions", "word_choice"):
        pd.testing.assert_frame_equal(getattr(tables, name), read_slim(tmp_path / "parts", name), check_exact=True)


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
