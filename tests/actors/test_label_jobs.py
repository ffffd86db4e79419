"""actor_labels on several processes: the table of one process, whatever the chunks."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import mediakit.actors._label_jobs as label_jobs
from mediakit._workers import Workers
from mediakit.actors import actor_labels, actor_sentences, actor_sentiment
from mediakit.actors._label_jobs import use_workers

_TEXTS = [
    "Senator Jane Roe spoke in the capital on Monday. Jane Roe said the budget bill would pass easily.",
    "The senator from Ohio, Jane Roe, voted against it. Later the veteran senator left the building.",
    "Reporters waited outside for hours. Yesterday the governor, Tom Ash, said nothing at all to them.",
    "Governor Tom Ash spoke later. The governor said yesterday that Ash would not run again next year.",
]


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small corpora on several processes too (they stay in this process by default)."""
    monkeypatch.setattr(label_jobs, "MIN_PARALLEL_ARTICLES", 2)


def _same(arts: pd.DataFrame, n_jobs: int, **kw: object) -> pd.DataFrame:
    one = actor_labels(arts, **kw)
    pd.testing.assert_frame_equal(actor_labels(arts, n_jobs=n_jobs, **kw), one, check_exact=True)
    return one


@pytest.mark.usefixtures("parallel")
def test_counts_over_chunks() -> None:
    # two chunks, (a, c) and (b, d): "Jane Roe" is named twice in a, once in b; three times in the
    # corpus, she is an actor only when the chunks' counts are added up
    arts = pd.DataFrame({"article_id": list("acbd"), "outlet": ["X", "Y", "X", "Y"],
                         "text": [_TEXTS[0], _TEXTS[2], _TEXTS[1], _TEXTS[3]]})
    one = _same(arts, 2)
    assert one.loc[one["article_id"].isin(["a", "b"]), "actor"].tolist() == ["Jane Roe"] * 3
    assert "Jane Roe" not in set(actor_labels(arts.iloc[:2])["actor"])
    assert (one["label_kind"] == "nominal").sum() == 2
    _same(arts, 2, nominal=False)
    _same(arts, 2, actors=["Tom Ash"], house_style="keep")


@pytest.mark.usefixtures("parallel")
def test_sample_corpus(sample_articles: pd.DataFrame) -> None:
    assert len(_same(sample_articles, 3)) > 100


@pytest.mark.usefixtures("parallel")
def test_basil(corpora: object) -> None:
    from mediakit.datasets import load_basil

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_basil(progress=False)
    assert len(_same(arts, 2)) > 4000  # candidates below min_mentions kept by their descriptions


@pytest.mark.usefixtures("parallel")
def test_actor_sentiment_on_several_processes(sample_articles: pd.DataFrame) -> None:
    # the same sentences, scores and order; with the actors given and discovered (the chunks' counts added)
    for actors in (["Anton Roszak", "Jane Roe"], None):
        one = actor_sentences(sample_articles, actors)
        assert len(one) > 20
        pd.testing.assert_frame_equal(actor_sentences(sample_articles, actors, n_jobs=2), one, check_exact=True)
    arts = pd.DataFrame({"article_id": list("acbd"), "outlet": ["X", "Y", "X", "Y"],
                         "text": [_TEXTS[0], _TEXTS[2], _TEXTS[1], _TEXTS[3]]})
    one = actor_sentiment(arts)
    assert set(one["actor"]) == {"Jane Roe", "Tom Ash"}  # Jane Roe: twice in a, once in b (another chunk)
    pd.testing.assert_frame_equal(actor_sentiment(arts, n_jobs=2), one, check_exact=True)
    with pytest.raises(ValueError, match="n_jobs"):
        actor_sentiment(arts, n_jobs=-2)


@pytest.mark.usefixtures("parallel")
def test_a_chunk_without_outlets_or_labels() -> None:
    # chunks (a, c) and (b, d): the first has no outlet; with the actors given and no nominal labels, the second
    # has no label either. A column all missing in one chunk is inferred another dtype there: the table is still
    # the one of all rows.
    arts = pd.DataFrame({"article_id": list("acbd"), "outlet": [None, None, "X", "Y"],
                         "text": [_TEXTS[0], _TEXTS[2], _TEXTS[1], _TEXTS[3]]})
    _same(arts, 2)
    _same(arts, 2, house_style="keep")
    plain = arts.assign(text=["Jane Roe spoke.", "Tom Ash spoke.", "Jane Roe left.", "Tom Ash left."])
    one = _same(plain, 2, actors=["Jane Roe", "Tom Ash"], nominal=False)
    assert one["label"].isna().all() and len(one) == 4


@pytest.mark.usefixtures("parallel")
@pytest.mark.parametrize("blocks", [1, 3, 40])
def test_texts_and_rows_sent_in_runs_of_articles_make_the_one_table(monkeypatch: pytest.MonkeyPatch,
                                                                    sample_articles: pd.DataFrame, blocks: int) -> None:
    # one run, a few, more runs than a worker has articles (empty runs): the same tables
    monkeypatch.setattr(label_jobs, "ROW_BLOCKS", blocks)
    monkeypatch.setattr(label_jobs, "LOAD_BLOCKS", blocks)
    assert len(_same(sample_articles, 2)) > 100
    one = actor_sentences(sample_articles)
    pd.testing.assert_frame_equal(actor_sentences(sample_articles, n_jobs=2), one, check_exact=True)


def test_joined_frames_are_the_table_of_all_rows() -> None:
    from mediakit.actors._label_passes import joined_frames, label_frame

    def row(article: str, outlet: object, label: object) -> tuple[object, ...]:
        return (article, outlet, "text", pd.NA, 0, "Jane Roe", "Jane Roe", 0, 8, label,
                pd.NA if label is pd.NA else "pre-title", pd.NA if label is pd.NA else 0, pd.NA if label is pd.NA else 3)

    first = [row("a", None, pd.NA), row("b", None, pd.NA)]  # no outlet, no label: object columns there
    second = [row("c", "X", "Sen."), row("d", "Y", pd.NA)]
    whole = label_frame(first + second)
    pd.testing.assert_frame_equal(joined_frames([label_frame(first), None, label_frame(second)]), whole,
                                  check_exact=True)
    pd.testing.assert_frame_equal(joined_frames([label_frame(second), label_frame(second)]),
                                  label_frame(second + second), check_exact=True)
    assert joined_frames([None, label_frame([])]) is None


def test_small_corpora_stay_in_this_process() -> None:
    assert use_workers(2, label_jobs.MIN_PARALLEL_ARTICLES - 1) == 1
    assert use_workers(2, label_jobs.MIN_PARALLEL_ARTICLES) == 2
    assert use_workers(1, 10**6) == 1
    arts = pd.DataFrame({"article_id": ["a"], "text": ["Senator Jane Roe spoke."]})
    with pytest.raises(ValueError, match="n_jobs"):
        actor_labels(arts, n_jobs=0)


def _fail(state: dict[str, object], x: int) -> int:
    if x:
        raise KeyError(f"bad {x}")
    return x


def _keep(state: dict[str, object], x: int) -> int:
    state["x"] = state.get("x", 0) + x  # type: ignore[operator]
    return state["x"]  # type: ignore[return-value]


def test_workers_keep_state_and_raise() -> None:
    with Workers(2) as w:
        assert w.run(_keep, [(1,), (2,)]) == [1, 2]
        assert w.run(_keep, [(10,), (20,)]) == [11, 22]
        with pytest.raises(KeyError, match="bad 1"):
            w.run(_fail, [(1,), (0,)])
        assert w.run(_keep, [(0,), (0,)]) == [11, 22]
    assert len(w) == 0


def test_pair_counts_give_the_profile_of_the_pairs_in_the_same_order() -> None:
    """The workers send their (actor, label) pairs counted; merged in chunk order they give the profile of the
    whole list: the same counts, each key where it first occurs (``most_common`` breaks ties by that order)."""
    import random
    from collections import Counter

    from mediakit.actors._nominal import corpus_profile

    rng = random.Random(7)
    labels = ["President", "the president", "Sen.", "ousted regime leader", "Syria's", "former Gov.", "leader",
              "the Texas senator", "his wife"]
    pairs = [(rng.choice(["Assad", "Putin", "Cruz", "Abbott"]), rng.choice(labels)) for _ in range(400)]
    chunks = [pairs[:90], pairs[90:250], pairs[250:]]

    def ordered(profile):
        return ([(a, list(c.items())) for a, c in profile.labels.items()],
                [(a, list(c.items())) for a, c in profile.heads.items()], list(profile.n_labelled.items()))

    want = ordered(corpus_profile(pairs))
    assert ordered(corpus_profile(label_jobs._in_order([Counter(c) for c in chunks]))) == want
    assert ordered(corpus_profile(Counter(pairs))) == want
    assert ordered(corpus_profile(label_jobs._in_order([Counter(c) for c in chunks[::-1]]))) != want  # order counts


@pytest.mark.usefixtures("parallel")
def test_the_links_step_starts_without_the_state_no_later_step_reads(monkeypatch: pytest.MonkeyPatch,
                                                                      sample_articles: pd.DataFrame) -> None:
    """The corpus's lower-case words and the candidates' first mentions are gone when the candidates' links (the
    actor labels' peak) receive the corpus profile; the table is the one of one process."""
    seen: list[set[str]] = []
    links = label_jobs._links

    def recorded(state: dict[str, object], *args: object) -> object:
        seen.append(set(state))
        return links(state, *args)  # type: ignore[arg-type]

    # the one chunk in this process (its state readable here), the functions called as they are named in the module
    monkeypatch.setattr(label_jobs, "Workers", lambda n, **kw: Workers(n, here=True))
    monkeypatch.setattr(label_jobs, "chunk_slices", lambda sizes, n: [(0, len(sizes))])
    monkeypatch.setattr(label_jobs, "_links", recorded)
    table = actor_labels(sample_articles, n_jobs=2)
    assert seen and all({"lower", "cands"}.isdisjoint(keys) and "names" in keys for keys in seen)
    pd.testing.assert_frame_equal(table, actor_labels(sample_articles), check_exact=True)
