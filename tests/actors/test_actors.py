"""Tests for mediakit.actors: actor discovery, labels, label summaries, target-aware sentiment."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mediakit
from mediakit.actors import (
    LABEL_COLUMNS,
    LABEL_KINDS,
    SENTIMENT_COLUMNS,
    actor_label_summary,
    actor_labels,
    actor_sentences,
    actor_sentiment,
    actor_sentiment_summary,
    discover_actors,
    evaluate_target_sentiment,
    main,
    target_sentiment,
)

# --------------------------------------------------------------------------- helpers


def _arts(*texts: str, titles: list[str] | None = None, captions: list[list[str]] | None = None,
          outlets: list[str] | None = None) -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame({
        "article_id": [f"a{i}" for i in range(n)],
        "outlet": outlets or ["X"] * n,
        "title": titles or [""] * n,
        "text": list(texts),
        "captions": captions or [[] for _ in range(n)],
    })


def _part_text(articles: pd.DataFrame, row: pd.Series) -> str:
    art = articles.loc[articles["article_id"] == row["article_id"]].iloc[0]
    if row["part"] == "title":
        return art["title"]
    if row["part"] == "text":
        return art["text"]
    return art["captions"][int(row["caption"])]


def _labelled(labels: pd.DataFrame) -> set[tuple[str, str, str, str]]:
    lab = labels[labels["label"].notna()]
    return set(zip(lab["actor"], lab["part"], lab["label"], lab["label_kind"], strict=True))


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> pd.DataFrame:
    return mediakit.load_articles(seed_path)


# --------------------------------------------------------------------------- the seed article


def test_seed_labels(seed: pd.DataFrame) -> None:
    labels = actor_labels(seed, min_mentions=1)
    got = _labelled(labels)
    assert ("Bashar al-Assad", "title", "ousted regime leader", "pre-title") in got
    assert ("Bashar al-Assad", "text", "the ousted regime leader of Syria", "appositive") in got
    assert ("Vladimir Putin", "text", "President", "pre-title") in got
    assert ("Sergei Ryabkov", "text", "Russian Deputy Foreign Minister", "pre-title") in got
    # the captions are searched too, and each row says which caption
    assert ("Bashar al-Assad", "caption", "Syria's", "possessive") in got
    assert ("Bashar al-Assad", "caption", "ousted", "pre-title") in got
    caps = labels[labels["part"] == "caption"]
    assert sorted(caps["caption"].dropna().astype(int).unique()) == [0, 1]
    assert labels.loc[labels["part"] != "caption", "caption"].isna().all()
    # other people in the article
    assert ("Evan Gershkovich", "text", "Wall Street Journal reporter", "pre-title") in got
    assert ("Paul Whelan", "text", "former U.S. Marine", "pre-title") in got


def test_seed_offsets_point_into_their_part(seed: pd.DataFrame) -> None:
    labels = actor_labels(seed, min_mentions=1)
    assert list(labels.columns) == list(LABEL_COLUMNS)
    assert set(labels["part"]) == {"title", "text", "caption"}
    for _, row in labels.iterrows():
        text = _part_text(seed, row)
        assert text[row["mention_start"]:row["mention_end"]] == row["mention"]
        if pd.notna(row["label"]):
            assert row["label_kind"] in LABEL_KINDS
            assert text[row["label_start"]:row["label_end"]] == row["label"]


def test_seed_headline_row(seed: pd.DataFrame) -> None:
    labels = actor_labels(seed, min_mentions=1)
    head = labels[(labels["part"] == "title") & labels["label"].notna()].iloc[0]
    assert head["mention"] == "Assad" and head["actor"] == "Bashar al-Assad"
    title = seed["title"].iloc[0]
    assert title[head["label_start"]:head["label_end"]] == "ousted regime leader"


def test_seed_discovery_and_min_mentions(seed: pd.DataFrame) -> None:
    found = discover_actors(seed)  # min_mentions=3
    assert found["actor"].tolist()[:2] == ["Bashar al-Assad", "Sergei Ryabkov"]
    assert "Vladimir Putin" not in set(found["actor"])  # named once
    assert "Vladimir Putin" in set(discover_actors(seed, min_mentions=1)["actor"])
    # no organisation, place or sentence-initial phrase is taken for a person
    everyone = set(discover_actors(seed, min_mentions=1)["actor"])
    assert everyone == {"Bashar al-Assad", "Sergei Ryabkov", "Vladimir Putin", "Evan Gershkovich", "Paul Whelan"}
    assad = found.set_index("actor").loc["Bashar al-Assad"]
    assert assad["n_mentions"] == 10  # headline 1, body 7 (Assad's counts), captions 2
    assert set(assad["variants"]) == {"Bashar al-Assad", "al-Assad", "Assad"}


def test_seed_user_actors_match_discovery(seed: pd.DataFrame) -> None:
    auto = actor_labels(seed, min_mentions=1)
    user = actor_labels(seed, ["Bashar al-Assad", "Vladimir Putin", "Sergei Ryabkov"])
    mine = auto[auto["actor"].isin(["Bashar al-Assad", "Vladimir Putin", "Sergei Ryabkov"])]
    cols = ["part", "caption", "actor", "mention", "mention_start", "label", "label_kind"]
    pd.testing.assert_frame_equal(mine[cols].reset_index(drop=True), user[cols].reset_index(drop=True))


# --------------------------------------------------------------------------- variants


def test_variants_merge_into_one_actor() -> None:
    arts = _arts("Syrian President Bashar al-Assad fled. Al-Qaeda was not involved. "
                 "Later al-Assad spoke, and Assad's allies waited. Mr. Assad said nothing.")
    labels = actor_labels(arts, min_mentions=1, house_style="keep")
    assert set(labels["actor"]) == {"Bashar al-Assad"}
    assert labels["mention"].tolist() == ["Bashar al-Assad", "al-Assad", "Assad", "Assad"]
    assert labels["mention_id"].tolist() == [0, 1, 2, 3]
    got = set(zip(labels["mention"], labels["label"].fillna(""), strict=True))
    assert ("Bashar al-Assad", "Syrian President") in got
    assert ("Assad", "Mr.") in got
    honorific = labels[labels["label"] == "Mr."]
    assert honorific["label_kind"].tolist() == ["honorific"]
    default = actor_labels(arts, min_mentions=1)  # a bare honorific is house style: the mention stays, unlabelled
    assert default["mention_id"].tolist() == [0, 1, 2, 3]
    assert "honorific" not in set(default["label_kind"].dropna())
    assert default.loc[3, ["label", "label_kind"]].isna().all()


def test_a_longer_name_with_the_same_surname_is_someone_else() -> None:
    arts = _arts("Bashar al-Assad took over from his father Hafez al-Assad in 2000. Assad ruled.")
    labels = actor_labels(arts, ["Bashar al-Assad"])
    assert labels["mention"].tolist() == ["Bashar al-Assad", "Assad"]


def test_ambiguous_surname_goes_to_the_primary_full_name() -> None:
    # a shared surname names the actor the article names most often in full (on a tie, first), not
    # the nearest full name: "his wife, Heidi Cruz ... Cruz said" is Ted (issue 18, PolNeAR train)
    arts = _arts(
        "Hillary Clinton spoke first. Clinton said the plan works. Bill Clinton spoke later, and Clinton smiled.",
        "Hillary Clinton won. Bill Clinton cheered. Hillary Clinton thanked him.",
        "Bill Clinton spoke. Clinton smiled.",
    )
    labels = actor_labels(arts, min_mentions=2)
    first = labels[labels["article_id"] == "a0"]
    assert first["actor"].tolist() == ["Hillary Clinton", "Hillary Clinton", "Bill Clinton", "Hillary Clinton"]
    third = labels[labels["article_id"] == "a2"]
    assert third["actor"].tolist() == ["Bill Clinton", "Bill Clinton"]
    arts = _arts("Ted Cruz spoke. Ted Cruz listened to his wife, Heidi Cruz. Cruz said it was over.")
    labels = actor_labels(arts, ["Ted Cruz", "Heidi Cruz"])
    assert labels["actor"].tolist()[-1] == "Ted Cruz"


def test_user_dict_matches_exactly_the_variants_given() -> None:
    arts = _arts("Vladimir Putin met envoys. Putin spoke. President Vladimir Vladimirovich Putin left. "
                 "The Kremlin leader smiled.")
    labels = actor_labels(arts, {"Putin": ["Vladimir Putin", "Vladimir Vladimirovich Putin"]})
    assert labels["mention"].tolist() == ["Vladimir Putin", "Putin", "Vladimir Vladimirovich Putin"]
    assert set(labels["actor"]) == {"Putin"}
    only_full = actor_labels(arts, {"V. Putin": ["Vladimir Putin"]})
    assert only_full["mention"].tolist() == ["Vladimir Putin"]


def test_user_list_adds_the_surname() -> None:
    arts = _arts("Mr. Ryabkov said so. Sergei Ryabkov, Russia's deputy foreign minister, agreed.")
    labels = actor_labels(arts, ["Sergei Ryabkov"], house_style="keep")
    assert labels["mention"].tolist() == ["Ryabkov", "Sergei Ryabkov"]
    assert _labelled(labels) == {
        ("Sergei Ryabkov", "text", "Mr.", "honorific"),
        ("Sergei Ryabkov", "text", "Russia's deputy foreign minister", "appositive"),
    }


def test_user_actor_not_found_gives_an_empty_table() -> None:
    out = actor_labels(_arts("Nobody is named here."), ["Jane Doe"])
    assert out.empty and list(out.columns) == list(LABEL_COLUMNS)


def test_parts_argument_limits_the_search() -> None:
    arts = _arts("Assad spoke.", titles=["Strongman Assad"], captions=[["A photo of Bashar al-Assad."]])
    labels = actor_labels(arts, ["Bashar al-Assad"], parts=("title",))
    assert labels["part"].tolist() == ["title"]
    with pytest.raises(ValueError):
        actor_labels(arts, ["Bashar al-Assad"], parts=("body",))


def test_bad_arguments() -> None:
    arts = _arts("Assad spoke.")
    with pytest.raises(ValueError):
        actor_labels(arts, min_mentions=0)
    with pytest.raises(TypeError):
        actor_labels(arts, 42)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        actor_labels(arts, [""])
    with pytest.raises(ValueError):
        actor_labels(pd.DataFrame({"text": ["x"]}))


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        ("Talks with ousted regime leader Bashar al-Assad resumed.", "ousted regime leader", "pre-title"),
        ("It was said by former U.S. Marine Paul Whelan.", "former U.S. Marine", "pre-title"),
        ("He met Secretary of State Jane Doe on Monday.", "Secretary of State", "pre-title"),
        ("He met the then-President Jane Doe.", "then-President", "pre-title"),
        ("Republican Sen. Jane Doe voted no.", "Republican Sen.", "pre-title"),
        ("Kremlin spokesman Jane Doe declined.", "Kremlin spokesman", "pre-title"),
        ("A photo of Syria's Jane Doe hung there.", "Syria's", "possessive"),
        ("Dr. Jane Doe said no.", "Dr.", "honorific"),
        ("Jane Doe, the leader who fled, was silent.", "the leader", "appositive"),
        ("We met Jane Doe, a veteran diplomat.", "a veteran diplomat", "appositive"),
    ],
)
def test_label_kinds(text: str, label: str, kind: str) -> None:
    labels = actor_labels(_arts(text), ["Jane Doe", "Bashar al-Assad", "Paul Whelan"], house_style="keep")
    assert (label, kind) in set(zip(labels["label"], labels["label_kind"], strict=True))


@pytest.mark.parametrize(
    "text",
    [
        "Critics accused Jane Doe of lying.",  # a verb, not an epithet
        "He said that the leader, Jane Doe, left.",  # no name label before a comma (a nominal mention: test_nominal)
        "Jane Doe, 59, left the country.",  # an age is no appositive
        "According to Jane Doe, loyalist snipers had used the roofs.",  # a clause
        "Leader\nJane Doe left.",  # no label across a line break
        "The report was written by a former Jane Doe campaign adviser.",  # the name modifies a noun
    ],
)
def test_no_label(text: str) -> None:
    labels = actor_labels(_arts(text), ["Jane Doe"], nominal=False)
    assert len(labels) == 1 and labels["label"].isna().all()


def test_determiner_is_not_part_of_a_pre_title() -> None:
    labels = actor_labels(_arts("Aid went to the ousted strongman Jane Doe."), ["Jane Doe"])
    assert labels["label"].tolist() == ["ousted strongman"]


def test_title_case_headline() -> None:
    arts = _arts("Jane Doe fled.", titles=["Russia Grants Asylum To Ousted Leader Doe"])
    labels = actor_labels(arts, ["Jane Doe"])
    title = labels[labels["part"] == "title"]
    assert title["label"].tolist() == ["Ousted Leader"]


def test_mention_with_label_before_and_appositive_after_has_two_rows() -> None:
    labels = actor_labels(_arts("President Jane Doe, the country's first woman leader, spoke."), ["Jane Doe"])
    assert labels["mention_id"].tolist() == [0, 0]
    assert labels["label_kind"].tolist() == ["pre-title", "appositive"]


def test_input_is_not_modified(seed: pd.DataFrame) -> None:
    before = seed.copy(deep=True)
    actor_labels(seed, min_mentions=1)
    actor_sentiment(seed, min_mentions=1)
    pd.testing.assert_frame_equal(seed, before)


# --------------------------------------------------------------------------- label summary


def test_label_summary_per_outlet() -> None:
    arts = _arts(
        "Strongman Jane Doe fled. President Jane Doe left. Doe spoke.",
        "Syrian President Jane Doe left. President Doe spoke.",
        outlets=["X", "Y"],
    )
    summary = actor_label_summary(actor_labels(arts, ["Jane Doe"]))
    assert list(summary.columns[:3]) == ["outlet", "actor", "label"]
    x = summary[summary["outlet"] == "X"].set_index("label")
    assert x.loc["strongman", "count"] == 1 and x.loc["strongman", "share"] == 0.5
    assert x.loc["strongman", "n_mentions"] == 3
    assert x.loc["strongman", "share_of_mentions"] == pytest.approx(1 / 3)
    y = summary[summary["outlet"] == "Y"].set_index("label")
    assert y.loc["president", "count"] == 1 and y.loc["syrian president", "count"] == 1
    for _, g in summary.groupby(["outlet", "actor"]):
        assert g["share"].sum() == pytest.approx(1.0)
    raw = actor_label_summary(actor_labels(arts, ["Jane Doe"]), normalize=False)
    assert "Strongman" in set(raw["label"])
    pooled = actor_label_summary(actor_labels(arts, ["Jane Doe"]), by=None)
    assert pooled.set_index("label").loc["president", "count"] == 2


def test_label_summary_keeps_missing_outlets(seed: pd.DataFrame) -> None:
    summary = actor_label_summary(actor_labels(seed, min_mentions=1))
    assert summary["outlet"].isna().all() and len(summary) > 0
    with pytest.raises(ValueError):
        actor_label_summary(actor_labels(seed, min_mentions=1), by="nope")


# --------------------------------------------------------------------------- sentiment


def test_target_sentiment_speaker_and_baseline() -> None:
    s = '"The deal is a disaster," Smith said.'
    assert target_sentiment(s, 26, 31, method="target") == {"score": 0.0, "polarity": 0}
    assert target_sentiment(s, 26, 31)["polarity"] != -1  # the default model agrees
    assert target_sentiment(s, 26, 31, method="sentence")["polarity"] == -1
    with pytest.raises(ValueError):
        target_sentiment(s, 0, 3, method="bag-of-words")


def test_target_sentiment_news_lexicon() -> None:
    # "indicted" and "victory" are not in VADER's lexicon; the news additions score them
    for method in ("target", "model"):
        assert target_sentiment("Smith was indicted on Tuesday.", 0, 5, method=method)["polarity"] == -1
        assert target_sentiment("Smith claimed victory.", 0, 5, method=method)["polarity"] == 1
    # "Supreme Court" is a name, not praise
    assert target_sentiment("Smith appealed to the Supreme Court.", 0, 5, method="target")["polarity"] == 0


def test_actor_sentiment_uses_only_sentences_about_the_actor() -> None:
    arts = _arts("Critics called Smith corrupt. Jones praised the deal. Smith met Jones.")
    sents = actor_sentences(arts, ["Ann Smith", "Bo Jones"])
    assert set(sents.loc[sents["actor"] == "Ann Smith", "sentence"]) == {"Critics called Smith corrupt.",
                                                                          "Smith met Jones."}
    out = actor_sentiment(arts, ["Ann Smith", "Bo Jones"])
    assert list(out.columns) == list(SENTIMENT_COLUMNS)
    smith = out.set_index("actor").loc["Ann Smith"]
    assert smith["n_sentences"] == 2 and smith["n_mentions"] == 2
    assert smith["n_negative"] == 1 and smith["share_negative"] == 0.5
    jones = out.set_index("actor").loc["Bo Jones"]
    assert jones["n_positive"] == 1 and jones["n_sentences"] == 2
    base = actor_sentiment(arts, ["Ann Smith", "Bo Jones"], method="sentence")
    assert base.shape == out.shape


def test_actor_sentiment_searches_headlines_and_captions() -> None:
    arts = _arts("Smith spoke.", titles=["Disgraced Smith quits"], captions=[["Smith smiles at a great rally."]])
    sents = actor_sentences(arts, ["Ann Smith"])
    assert sents["part"].tolist() == ["title", "text", "caption"]
    assert sents["polarity"].tolist() == [-1, 0, 1]


def test_actor_sentiment_summary() -> None:
    arts = _arts("Critics called Smith corrupt. Smith won.", "Smith praised the deal.", outlets=["X", "X"])
    summary = actor_sentiment_summary(actor_sentiment(arts, ["Ann Smith"]))
    row = summary.iloc[0]
    assert row["n_articles"] == 2 and row["n_sentences"] == 3
    assert row["share_positive"] == pytest.approx(2 / 3)
    assert row["share_negative"] == pytest.approx(1 / 3)


def test_empty_results_have_columns() -> None:
    arts = _arts("Nothing here.")
    assert list(actor_sentiment(arts, ["Ann Smith"]).columns) == list(SENTIMENT_COLUMNS)
    assert actor_sentiment_summary(actor_sentiment(arts, ["Ann Smith"])).empty
    assert actor_label_summary(actor_labels(arts, ["Ann Smith"])).empty
    assert discover_actors(arts).empty


# --------------------------------------------------------------------------- evaluation


def _toy_file(tmp_path: Path) -> Path:
    rows = [
        {"sentence": "Smith praised the deal.", "from": 0, "to": 5, "polarity": 1},
        {"sentence": "Critics called Smith corrupt.", "from": 15, "to": 20, "polarity": -1},
        {"sentence": "Smith met Jones.", "from": 0, "to": 5, "polarity": 0},
        {"sentence": '"It is a disaster," Smith said.', "from": 20, "to": 25, "polarity": 0},
    ]
    path = tmp_path / "toy.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_evaluate_toy_file(tmp_path: Path) -> None:
    path = _toy_file(tmp_path)
    target = evaluate_target_sentiment(path, "target")
    assert target.n == 4 and target.macro_f1 == 1.0 and target.accuracy == 1.0
    assert int(target.confusion.to_numpy().sum()) == 4
    base = evaluate_target_sentiment(path, "sentence")
    assert base.accuracy == 0.75  # the speaker of a condemning quote is not condemned
    assert base.confusion.loc["neutral", "negative"] == 1
    assert set(target.per_class["class"]) == {"negative", "neutral", "positive"}


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--file", str(_toy_file(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "macro_f1" in out and "target" in out and "sentence" in out
    assert main(["evaluate", "--file", str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.slow
@pytest.mark.corpus
def test_newsmtsc_dev_rw(corpora: Path) -> None:
    path = corpora / "newsmtsc" / "dev-rw.jsonl"
    if not path.is_file():
        pytest.skip(f"needs {path}")
    baseline = evaluate_target_sentiment(path, "sentence")
    target = evaluate_target_sentiment(path, "target")
    assert baseline.n == target.n == 343
    assert baseline.macro_f1 == pytest.approx(0.51, abs=0.02)
    assert target.macro_f1 >= 0.56
    assert target.macro_f1 > baseline.macro_f1 + 0.05


@pytest.mark.slow
@pytest.mark.corpus
def test_newsmtsc_dev_mt_and_train(corpora: Path) -> None:
    for split, floor in (("dev-mt", 0.55), ("train", 0.58)):
        path = corpora / "newsmtsc" / f"{split}.jsonl"
        if not path.is_file():
            pytest.skip(f"needs {path}")
        baseline = evaluate_target_sentiment(path, "sentence")
        target = evaluate_target_sentiment(path, "target")
        assert target.macro_f1 >= floor, split
        assert target.macro_f1 > baseline.macro_f1, split


# --------------------------------------------------------------------------- robustness

_PIECES = list("aAbBsSZz .,;:'\"\u2019\u201c\u201d-\n()") + [
    "Assad", "al-Assad", "Bashar", "Mr. ", "President ", "the ", "ousted ", "leader ", "Syria's ",
    "Doe", "Jane ", "U.S. ", ", the ", "said", "\u2014", "St. ", "Jr.", "\n\n", "\u2022 ", "'s",
]
#: Arbitrary Unicode, and text made of the pieces that drive the name and label rules.
_TEXT = st.one_of(st.text(max_size=120), st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_TEXT, text=_TEXT, caps=st.lists(_TEXT, max_size=2))
def test_arbitrary_text_never_raises(title: str, text: str, caps: list[str]) -> None:
    arts = _arts(text, titles=[title], captions=[caps])
    for labels in (actor_labels(arts, min_mentions=1), actor_labels(arts, ["Bashar al-Assad", "Jane Doe"])):
        assert list(labels.columns) == list(LABEL_COLUMNS)
        for _, row in labels.iterrows():
            part = _part_text(arts, row)
            assert 0 <= row["mention_start"] < row["mention_end"] <= len(part)
            assert part[row["mention_start"]:row["mention_end"]] == row["mention"]
            if pd.notna(row["label"]):
                assert 0 <= row["label_start"] < row["label_end"] <= len(part)
                assert part[row["label_start"]:row["label_end"]] == row["label"]
    sent = actor_sentences(arts, ["Bashar al-Assad", "Jane Doe"])
    assert sent["score"].between(-1, 1).all()


@settings(max_examples=200, deadline=None)
@given(sentence=st.text(max_size=200), a=st.integers(-5, 250), b=st.integers(-5, 250))
def test_target_sentiment_never_raises(sentence: str, a: int, b: int) -> None:
    for method in ("model", "target", "sentence"):
        out = target_sentiment(sentence, a, b, method=method)
        assert -1.0 <= out["score"] <= 1.0 and out["polarity"] in (-1, 0, 1)
        assert np.isfinite(out["score"])
