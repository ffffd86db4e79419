"""Streaming to partitioned Parquet: identity with the in-memory path, resume, config checks."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit as mk
from mediakit.cli import main
from mediakit.stream import MANIFEST, analyze_stream

from ..conftest import DATA, freed_small_blocks


@pytest.fixture(scope="module")
def articles(sample_articles) -> pd.DataFrame:
    return sample_articles


@pytest.fixture(scope="module")
def reference(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {"metrics": mk.analyze(articles).reset_index(drop=True),
            "attributions": mk.extract_attributions(articles),
            "word_choice": mk.word_choice(articles)}


def _chunks(articles: pd.DataFrame, size: int):
    for i in range(0, len(articles), size):
        yield articles.iloc[i:i + size]


def _mtimes(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in sorted(out.glob("*/part-*.parquet"))}


def test_streaming_equals_in_memory(tmp_path, articles, reference):
    res = analyze_stream(_chunks(articles, 10), tmp_path, progress=False)
    assert (res.chunks, res.articles, res.computed, res.reused) == (4, len(articles), 4, 0)
    for table, ref in reference.items():
        assert sorted(p.name for p in (tmp_path / table).iterdir()) == [f"part-0000{k}.parquet" for k in range(4)]
        pd.testing.assert_frame_equal(mk.read_parts(tmp_path, table), ref)
    # the folder is a plain Parquet dataset too
    assert pd.read_parquet(tmp_path / "metrics")["article_id"].tolist() == reference["metrics"]["article_id"].tolist()
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert manifest["complete"] and manifest["n_chunks"] == 4
    assert [manifest["chunks"][str(k)]["n_articles"] for k in range(4)] == [10, 10, 10, len(articles) - 30]
    assert not list(tmp_path.rglob(".*tmp*")), "temporary files left behind"


def test_streaming_reads_lazily(tmp_path, articles):
    """Chunk k is only asked for once chunk k-1 is written: one chunk in memory (n_jobs=1)."""
    written_before: list[bool] = []

    def gen():
        for k, chunk in enumerate(_chunks(articles, 8)):
            if k:
                written_before.append((tmp_path / "metrics" / f"part-{k - 1:05d}.parquet").is_file())
            yield chunk

    analyze_stream(gen(), tmp_path, tables=("metrics",), progress=False)
    assert written_before == [True] * 4


def test_resume_after_interruption_redoes_nothing(tmp_path, articles, reference):
    class Boom(RuntimeError):
        pass

    def interrupted():
        for k, chunk in enumerate(_chunks(articles, 10)):
            if k == 2:
                raise Boom("disk unplugged")
            yield chunk

    with pytest.raises(Boom):
        analyze_stream(interrupted(), tmp_path, progress=False)
    first = _mtimes(tmp_path)
    assert sorted(first) == sorted(f"{t}/part-0000{k}.parquet" for t in reference for k in (0, 1))
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert sorted(manifest["chunks"]) == ["0", "1"] and not manifest["complete"]
    with pytest.warns(UserWarning, match="did not finish"):
        partial = mk.read_parts(tmp_path, "metrics")
    assert len(partial) == 20

    res = analyze_stream(_chunks(articles, 10), tmp_path, progress=False)
    assert (res.reused, res.computed) == (2, 2)
    after = _mtimes(tmp_path)
    assert {k: after[k] for k in first} == first, "finished parts were rewritten"
    for table, ref in reference.items():
        pd.testing.assert_frame_equal(mk.read_parts(tmp_path, table), ref)
    again = analyze_stream(_chunks(articles, 10), tmp_path, progress=False)
    assert (again.reused, again.computed) == (4, 0) and _mtimes(tmp_path) == after


def test_failing_input_keeps_chunks_in_flight_with_a_pool(tmp_path, articles, reference):
    def failing():
        yield from _chunks(articles.iloc[:15], 5)
        raise OSError("truncated input")

    with pytest.raises(OSError, match="truncated"):
        analyze_stream(failing(), tmp_path, n_jobs=2, tables=("metrics",), progress=False)
    assert sorted(json.loads((tmp_path / MANIFEST).read_text())["chunks"]) == ["0", "1", "2"]
    res = analyze_stream(_chunks(articles, 5), tmp_path, tables=("metrics",), progress=False)
    assert (res.reused, res.computed) == (3, 4)
    pd.testing.assert_frame_equal(mk.read_parts(tmp_path, "metrics"), reference["metrics"])


def test_dropping_word_caches_for_memory_changes_nothing(tmp_path, articles, reference, monkeypatch):
    import mediakit.stream._memory as memory
    import mediakit.stream._work as work

    if memory.rss() is None:
        pytest.skip("resident memory is read from /proc (Linux)")
    cleared = []
    real = memory.bound_caches
    monkeypatch.setattr(memory, "WORKER_MEMORY", 0)
    monkeypatch.setattr(memory, "MEMORY_STEP", -2**40)  # every piece: over the limit
    monkeypatch.setattr(work, "bound_caches", lambda: cleared.append(real()))
    analyze_stream(_chunks(articles, 10), tmp_path, tables=("metrics",), progress=False)
    assert cleared == [True] * 5  # the probe, then 4 chunks
    pd.testing.assert_frame_equal(mk.read_parts(tmp_path, "metrics"), reference["metrics"])


def test_each_piece_first_gives_the_free_heap_back(monkeypatch):
    """The last piece's freed temporaries go back to the system before the memory is read and the piece runs."""
    import mediakit.stream._memory as memory

    calls = []
    monkeypatch.setattr(memory, "release_memory", lambda collect=True: calls.append(("release", collect)))
    monkeypatch.setattr(memory, "rss", lambda: calls.append(("rss", None)) or 0)
    assert memory.bound_caches() is False  # under the bound: the caches stay
    assert calls == [("release", False), ("rss", None)]  # no garbage collection: reference counting freed them


def test_each_piece_gives_back_what_the_last_one_freed():
    import mediakit.stream._memory as memory
    from mediakit import _memory

    if memory.rss() is None or _memory._malloc_trim() is None:
        pytest.skip("resident memory is read from /proc and given back by glibc's malloc_trim")
    memory.bound_caches()
    base = memory.rss()
    keep = freed_small_blocks()  # a piece's temporaries, the top of the heap pinned by what outlives the piece
    held = memory.rss()
    memory.bound_caches()
    assert held - base > 150 * 2**20
    assert memory.rss() - base < (held - base) / 2
    del keep


def _no_resident_size() -> bool:
    """No resident size to read (not Linux): the model is unloaded, but what it gave back is not measured."""
    import mediakit.stream._memory as memory

    return memory.rss() is None


def _language_model_after_a_piece(piece: pd.DataFrame) -> tuple[int, bool]:
    """In a pool worker: the tables of ``piece`` made, is the language model loaded? Did the worker give it back?"""
    import mediakit.stream._memory as memory
    from mediakit.metrics.analyze import FAMILIES
    from mediakit.stream._work import piece_tables
    from mediakit.text._language import _scanner

    piece_tables(piece, None, FAMILIES, ("metrics", "attributions", "sentences"))
    return _scanner.cache_info().currsize, memory._model_given_back[0] > 0


def test_pool_workers_never_read_the_language_model(tmp_path, articles):
    """The job detects each chunk's languages before it cuts it into pieces; the pool's workers start without the
    model this process loaded (forked, its pages would count in each worker's resident size) and never load it."""
    from mediakit.stream._executors import PoolExecutor
    from mediakit.stream._work import with_languages

    german = articles.iloc[[0]].assign(article_id="de", title="Klimapaket",
                                       text="Die Regierung hat am Dienstag ein neues Klimapaket beschlossen. " * 5,
                                       language=None)
    chunk = pd.concat([articles.iloc[:12], german], ignore_index=True)
    assert mk.detect_language("The government said on Tuesday that the talks would resume.") == "en"  # loaded here
    ex = PoolExecutor(2)
    try:
        loaded, gave_back = ex.submit(_language_model_after_a_piece, with_languages(chunk)).result()
    finally:
        ex.close()
    assert loaded == 0
    assert gave_back or _no_resident_size()
    res = analyze_stream([chunk], tmp_path, n_jobs=2, tables=("metrics", "attributions"), progress=False)
    assert res.computed == 1
    metrics = mk.read_parts(tmp_path, "metrics")
    pd.testing.assert_frame_equal(metrics, mk.analyze(chunk).reset_index(drop=True))
    assert metrics.set_index("article_id").loc["de", "language"] == "de"
    pd.testing.assert_frame_equal(mk.read_parts(tmp_path, "attributions"), mk.extract_attributions(chunk))


def test_a_worker_without_the_language_model_keeps_its_caches_room(monkeypatch):
    """What a pool worker gave back with the language model lowers its cache bound by as much."""
    import mediakit.stream._memory as memory

    monkeypatch.setattr(memory, "release_memory", lambda collect=True: None)
    monkeypatch.setattr(memory, "_last_clear", [])
    monkeypatch.setattr(memory, "_model_given_back", [136 * 2**20])
    monkeypatch.setattr(memory, "clear_caches", lambda: None)
    monkeypatch.setattr(memory, "clear_chunk_caches", lambda: None)
    monkeypatch.setattr(memory, "rss", lambda: memory.WORKER_MEMORY - 136 * 2**20 - 1)
    assert memory.bound_caches() is False
    monkeypatch.setattr(memory, "rss", lambda: memory.WORKER_MEMORY - 136 * 2**20 + 1)
    assert memory.bound_caches() is True


def test_configuration_mismatch_is_refused(tmp_path, articles, reference):
    analyze_stream(_chunks(articles, 10), tmp_path, tables=("metrics",), progress=False)
    with pytest.raises(mk.StreamConfigError, match="families"):
        analyze_stream(_chunks(articles, 10), tmp_path, tables=("metrics",), families=("readability",),
                       progress=False)
    with pytest.raises(mk.StreamConfigError, match="lexicon"):
        analyze_stream(_chunks(articles, 10), tmp_path, tables=("metrics",), lexicon="markers",
                       progress=False)
    with pytest.raises(mk.StreamConfigError, match="chunk 0 of the input holds other articles"):
        analyze_stream(_chunks(articles, 7), tmp_path, tables=("metrics",), progress=False)
    # nothing was touched by the refused runs; starting over is explicit
    pd.testing.assert_frame_equal(mk.read_parts(tmp_path, "metrics"), reference["metrics"])
    res = analyze_stream(_chunks(articles, 7), tmp_path, tables=("metrics",), families=("readability",),
                         resume=False, progress=False)
    assert res.computed == 5 and len(list((tmp_path / "metrics").iterdir())) == 5
    assert "sent_mean_compound" not in mk.read_parts(tmp_path, "metrics").columns


def test_shorter_input_drops_stale_parts(tmp_path, articles):
    analyze_stream(_chunks(articles, 10), tmp_path, tables=("metrics",), progress=False)
    with pytest.warns(UserWarning, match="beyond the end of the input"):
        analyze_stream(_chunks(articles.iloc[:20], 10), tmp_path, tables=("metrics",), progress=False)
    assert len(mk.read_parts(tmp_path, "metrics")) == 20
    assert len(list((tmp_path / "metrics").iterdir())) == 2


def test_all_cores_identical_and_ordered(tmp_path, articles, reference):
    res = analyze_stream(_chunks(articles, 5), tmp_path, n_jobs=-1, progress=False)
    assert res.computed == 7
    for table, ref in reference.items():
        pd.testing.assert_frame_equal(mk.read_parts(tmp_path, table), ref)


def test_pieces_of_one_chunk_are_joined_exactly(tmp_path, articles):
    """A chunk cut into pieces for the pool, the first piece without any quote or lexicon match:
    its all-missing columns take the types of the others, and the part equals the in-memory tables."""
    blank = articles.iloc[[0] * 50].assign(text="Nothing here.", title="", captions=[[]] * 50)
    real = pd.concat([articles] * 3, ignore_index=True)
    chunk = pd.concat([blank, real], ignore_index=True)
    chunk["article_id"] = [f"a{i}" for i in range(len(chunk))]
    tables = ("metrics", "attributions", "word_choice", "sentences")
    res = analyze_stream([chunk], tmp_path, n_jobs=2, tables=tables, progress=False)
    assert res.computed == 1
    assert mk.extract_attributions(chunk.iloc[:50]).empty and mk.word_choice(chunk.iloc[:50]).empty
    expected = {"metrics": mk.analyze(chunk).reset_index(drop=True), "attributions": mk.extract_attributions(chunk),
                "word_choice": mk.word_choice(chunk), "sentences": mk.sentences(chunk)}
    for table, ref in expected.items():
        pd.testing.assert_frame_equal(mk.read_parts(tmp_path, table), ref.reset_index(drop=True))




@settings(max_examples=60, deadline=None)
@given(rows=st.integers(1, 6), data=st.data())
def test_arrow_conversion_equals_from_pandas(rows, data):
    """The column-by-column conversion of known frames equals pa.Table.from_pandas exactly."""
    import numpy as np
    import pyarrow as pa

    from mediakit.stream._arrow import _FAST_SCHEMAS, arrow_table, from_ipc, to_ipc

    def frame() -> pd.DataFrame:
        f = st.floats(allow_nan=True, allow_infinity=True)
        i = st.integers(-2**62, 2**62)
        return pd.DataFrame({
            "article_id": pd.array(data.draw(st.lists(st.one_of(st.text(max_size=5), st.none()),
                                                      min_size=rows, max_size=rows)), dtype="string"),
            "published": pd.to_datetime(data.draw(st.lists(st.sampled_from(["2020-01-02T00:00", None, "1999-12-31T23:59"]),
                                                            min_size=rows, max_size=rows)), utc=True, format="ISO8601").astype("datetime64[ns, UTC]"),
            "words": np.array(data.draw(st.lists(i, min_size=rows, max_size=rows)), dtype=np.int64),
            "tone": np.array(data.draw(st.lists(f, min_size=rows, max_size=rows)), dtype=np.float64),
            "hedges": pd.array(data.draw(st.lists(st.one_of(i, st.none()), min_size=rows, max_size=rows)),
                               dtype="Int64"),
            "quoted": np.array(data.draw(st.lists(st.booleans(), min_size=rows, max_size=rows)), dtype=bool),
            "flesch": np.array(data.draw(st.lists(f, min_size=rows, max_size=rows)), dtype=np.float64),
            "quotes": pd.array(data.draw(st.lists(st.one_of(i, st.none()), min_size=rows, max_size=rows)),
                               dtype="Int64"),  # columns of one dtype are slices of one Arrow array
        })

    for k, df in enumerate((frame(), frame())):  # the second takes the fast path (same columns and dtypes)
        if k == 1:  # the first frame's conversion made the column-by-column path available
            assert tuple((repr(c), str(t)) for c, t in df.dtypes.items()) in _FAST_SCHEMAS
        ref = pa.Table.from_pandas(df, preserve_index=False)
        ref = ref.replace_schema_metadata({b"pandas": ref.schema.metadata[b"pandas"]})
        got = arrow_table(df)
        assert got.equals(ref) and got.schema.equals(ref.schema, check_metadata=True)
        pd.testing.assert_frame_equal(got.to_pandas(), df)
        assert from_ipc(to_ipc(got)).equals(ref)  # what a worker sends


def test_bad_input_is_a_clear_error(tmp_path, articles):
    with pytest.raises(ValueError, match="tables must be"):
        analyze_stream([articles], tmp_path, tables=("metrics", "figures"))
    with pytest.raises(TypeError, match="iterable of DataFrames"):
        analyze_stream(articles, tmp_path)
    with pytest.raises(TypeError, match="chunk 1 is a str"):
        analyze_stream([articles.iloc[:2], "oops"], tmp_path / "a", progress=False)
    with pytest.raises(ValueError, match="unique over the whole input"):
        analyze_stream([articles.iloc[:3], articles.iloc[2:4]], tmp_path / "b", progress=False)
    with pytest.raises(ValueError, match="n_jobs"):
        analyze_stream([articles], tmp_path / "c", n_jobs=0)
    with pytest.raises(FileNotFoundError, match="manifest"):
        mk.read_parts(tmp_path / "nothing-here")


def test_empty_chunks_keep_typed_parts(tmp_path, articles):
    no_quotes = articles.iloc[:2].assign(text="", title="", captions=[[], []])
    analyze_stream([no_quotes, articles.iloc[2:6]], tmp_path, progress=False)
    first = pd.read_parquet(tmp_path / "attributions" / "part-00000.parquet")
    assert first.empty and list(first.columns) == list(mk.extract_attributions(articles.iloc[:1]).columns)
    both = pd.read_parquet(tmp_path / "attributions")  # parts agree on the schema
    assert len(both) == len(mk.extract_attributions(articles.iloc[2:6]))


def test_iter_articles_matches_load_articles(articles):
    with pytest.warns(UserWarning, match="33 article.s. loaded in 4 chunk"):
        chunks = list(mk.iter_articles(DATA, chunksize=10))
    assert [len(c) for c in chunks] == [10, 10, 10, len(articles) - 30]
    joined = pd.concat(chunks, ignore_index=True)
    same = [c for c in articles.columns if c not in ("duplicate_of", "duplicate_kind", "event")]
    pd.testing.assert_frame_equal(joined[same], articles[same])
    # the _events.csv sidecar is applied to every chunk (string dtypes may differ in NA flavour)
    assert joined["event"].notna().sum() == articles["event"].notna().sum() > 0
    assert joined["event"].fillna("-").tolist() == articles["event"].fillna("-").tolist()
    with pytest.warns(UserWarning, match="1 problem"):
        one = pd.concat(list(mk.iter_articles(DATA, chunksize=1000)), ignore_index=True)
    pd.testing.assert_frame_equal(one, articles)  # one chunk: exactly load_articles


def test_iter_articles_streams_records_and_flags_exact_copies_across_chunks(tmp_path):
    body = " ".join(f"word{i}" for i in range(40))
    recs = [{"id": f"r{i}", "text": body if i in (0, 3) else f"Story {i}. " + body[: 10 * i]} for i in range(5)]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in recs) + "\n{broken\n")
    pd.DataFrame({"id": ["p1", "p2", "p3"], "text": ["One.", "Two.", body.upper()]}).to_parquet(tmp_path / "b.parquet")
    with pytest.warns(UserWarning, match="1 problem"):
        chunks = list(mk.iter_articles(tmp_path, chunksize=2))
    assert [c["article_id"].tolist() for c in chunks] == [["r0", "r1"], ["r2", "r3"], ["r4", "p1"],
                                                          ["p2", "p3"]]
    flat = pd.concat(chunks, ignore_index=True).set_index("article_id")
    assert flat.loc["r3", "duplicate_of"] == "r0" and flat.loc["r3", "duplicate_kind"] == "exact"
    assert flat.loc["p3", "duplicate_of"] == "r0"
    errs = pd.concat([mk.load_errors(c) for c in chunks])
    assert errs["kind"].tolist() == ["parse"] and errs["record"].tolist() == [6]
    with pytest.raises(ValueError, match="chunksize"):
        mk.iter_articles(tmp_path, chunksize=0)
    with pytest.raises(FileNotFoundError):
        mk.iter_articles(tmp_path / "missing")  # at the call, not at the first next()


def test_cli_streaming_job(tmp_path, capsys):
    """A streamed run (forced by --chunksize) keeps resumable parts under OUT/parts and writes
    every output of an in-memory run: tables, figures and the report."""
    out = tmp_path / "out"
    parts = out / "parts"
    assert main(["analyze", str(DATA), "--out", str(out), "--chunksize", "12", "--quiet"]) == 0
    assert sorted(p.name for p in (parts / "metrics").iterdir()) == ["part-00000.parquet", "part-00001.parquet",
                                                                     "part-00002.parquet"]
    assert len(mk.read_parts(parts, "articles")) == len(mk.read_parts(parts, "metrics")) == 33
    assert (out / "load_errors.csv").is_file()  # data/ holds a titles-only Media Cloud export
    for name in ("report.html", "metrics.csv", "articles.parquet", "sentences.parquet", "attributions.csv",
                 "word_choice.csv", "comparison.csv", "distinctive_terms.csv", "actor_labels.csv"):
        assert (out / name).is_file(), name
    assert len(list((out / "figures").glob("*.png"))) >= 10
    assert main(["analyze", str(DATA), "--out", str(out), "--chunksize", "5", "--quiet"]) == 1
    assert "--no-resume" in capsys.readouterr().err
    assert main(["analyze", str(DATA), "--out", str(out), "--chunksize", "5", "--quiet", "--no-resume"]) == 0
    assert len(list((parts / "metrics").iterdir())) == 7


def test_streamed_and_in_memory_runs_measure_the_same(tmp_path):
    """One pipeline: the per-article metrics of a streamed run equal those of an in-memory run."""
    mem, streamed = tmp_path / "mem", tmp_path / "streamed"
    assert main(["analyze", str(DATA), "--out", str(mem), "--quiet"]) == 0
    assert main(["analyze", str(DATA), "--out", str(streamed), "--quiet", "--chunksize", "7", "--n-jobs", "2"]) == 0
    a = pd.read_parquet(mem / "metrics.parquet").sort_values("article_id").reset_index(drop=True)
    b = pd.read_parquet(streamed / "metrics.parquet").sort_values("article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b[a.columns], check_dtype=False)
    ca = pd.read_csv(mem / "comparison.csv")
    cb = pd.read_csv(streamed / "comparison.csv")
    pd.testing.assert_frame_equal(ca, cb)