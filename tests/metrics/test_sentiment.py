"""Tests for mediakit.metrics.sentiment: VADER identity, sentence and article tables."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as vader

from mediakit.metrics import _vader
from mediakit.metrics import _vader_articles as va
from mediakit.metrics import sentiment as sm
from mediakit.text import split_sentences

# Corpus tests take the ``corpora`` fixture (tests/conftest.py): ../shared/corpora, skipped
# with a reason when absent.

# The reference: VADER itself (one extra analyzer, for the tests only).
REFERENCE = vader.SentimentIntensityAnalyzer()


def _same_as_vader(text: str) -> None:
    expected = REFERENCE.polarity_scores(text)
    # repr: same keys in the same order, same floats, same sign of zero
    assert repr(_vader.polarity_scores(text)) == repr(expected), text
    assert repr(sm.sentence_sentiment(text)) == repr(expected), text


# --------------------------------------------------------------------------- VADER identity

VADER_CASES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001f498 and \U0001f48b and \U0001f601",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "no good no bad no or nor evil",
    "It was good but bad but great but awful.",
    "\u00a9 2024 Reuters \u00ae all rights reserved",
    "\u201cIt is a disaster,\u201d he said, and she didn\u2019t disagree.",
    "",
    "   ",
    "?!?!?! ???? !!!!!",
]


@pytest.mark.parametrize("text", VADER_CASES)
def test_identical_to_vader_on_examples(text: str) -> None:
    _same_as_vader(text)


_lexicon_words = sorted(REFERENCE.lexicon)
_rule_words = (
    sorted(vader.BOOSTER_DICT) + sorted(vader.NEGATE) + [w for k in vader.SPECIAL_CASES for w in k.split()]
    + ["but", "BUT", "no", "No", "least", "at", "very", "kind", "of", "never", "so", "this", "without",
       "doubt", "or", "nor", "not", "n't", "isn't", "don\u2019t", "the", "The"]
)
_emoji = sorted(k for k in REFERENCE.emojis if len(k) == 1)[:300] + ["\u00a9", "\u00ae", "\U0001f600"]
_word = st.one_of(
    st.sampled_from(_lexicon_words),
    st.sampled_from(_rule_words),
    st.sampled_from(_emoji),
    st.text(max_size=6),
)
_cased = st.tuples(_word, st.sampled_from(["same", "upper", "title", "lower"])).map(
    lambda t: {"same": t[0], "upper": t[0].upper(), "title": t[0].title(), "lower": t[0].lower()}[t[1]]
)
_decorated = st.tuples(
    st.sampled_from(["", "", "", '"', "\u201c", "(", "'", "*"]),
    _cased,
    st.sampled_from(["", "", "", ",", ".", "!", "?", "!!", "\u201d", "'s", ":)", "..."]),
).map("".join)
_SENTENCE = st.one_of(
    st.lists(_decorated, max_size=30).map(" ".join),
    st.lists(st.one_of(_decorated, st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", ""])), max_size=30).map(
        "".join
    ),
    st.text(max_size=120),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SENTENCE)
def test_identical_to_vader_on_generated_text(text: str) -> None:
    _same_as_vader(text)


def _vader_word_valences(text: str) -> tuple[list[str], list[float]]:
    """VADER's own per-word valences (polarity_scores' loop, before the "but" rule)."""
    sentitext = vader.SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in vader.BOOSTER_DICT or (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        sentiments = REFERENCE.sentiment_valence(0, sentitext, item, i, sentiments)
    return words, [float(v) for v in sentiments]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SENTENCE)
def test_word_valences_identical_to_vader(text: str) -> None:
    words, expected = _vader_word_valences(text)
    assert repr(sm.word_valences(words, REFERENCE.lexicon)) == repr(expected), text


def _polnear_dev_sentences(corpora: Path) -> list[str]:
    out: list[str] = []
    for path in sorted((corpora / "polnear" / "dev" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(text[s.start : s.end] for s in split_sentences(text))
    return out


@pytest.mark.slow
@pytest.mark.corpus
def test_identical_to_vader_on_polnear_dev(corpora: Path) -> None:
    sentences = _polnear_dev_sentences(corpora)
    assert len(sentences) > 3000
    straight = [s.translate(sm._STRAIGHTEN) for s in sentences]
    mismatches = [
        s for s in sentences + straight if repr(_vader.polarity_scores(s)) != repr(REFERENCE.polarity_scores(s))
    ]
    assert mismatches == []
    for s in sentences[:200]:
        _same_as_vader(s)


def test_sentence_sentiment_returns_a_fresh_dict() -> None:
    a = sm.sentence_sentiment("A great day.")
    a["compound"] = 99.0
    assert sm.sentence_sentiment("A great day.")["compound"] != 99.0
    assert list(a) == ["neg", "neu", "pos", "compound"]


def test_sentence_sentiment_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        sm.sentence_sentiment(3)  # type: ignore[arg-type]


def test_one_analyzer_created_lazily_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made = []

    class Counting(vader.SentimentIntensityAnalyzer):
        def __init__(self) -> None:
            made.append(1)
            super().__init__()

    monkeypatch.setattr(vader, "SentimentIntensityAnalyzer", Counting)
    sm.vader_analyzer.cache_clear()
    _vader.emoji_chars.cache_clear()
    sm._cached_scores.cache_clear()
    try:
        assert made == []
        arts = pd.DataFrame({"article_id": ["a", "b"], "title": ["Good", "Bad"], "text": ["Nice. Awful.", "Fine."]})
        sm.sentiment(arts)
        sm.sentences(arts)
        sm.sentence_sentiment("Terrible.")
        sm.tone("Great.")
        assert made == [1]
    finally:
        sm.vader_analyzer.cache_clear()
        _vader.emoji_chars.cache_clear()
        sm._cached_scores.cache_clear()


# --------------------------------------------------------------------------- tables

ARTICLES = pd.DataFrame(
    {
        "article_id": ["a1", "a2", "a3", "a4"],
        "title": ["Rescue a great success", None, "   ", "Plain headline"],
        "text": [
            "The rescue was a success. Critics called it a disaster.\n\n\u201cWe are proud,\u201d Sen. Smith said.",
            "",
            "It rained on Tuesday.",
            None,
        ],
        "outlet": ["X", "Y", "X", "Z"],
    },
    index=[10, 5, 7, 3],
)


def test_sentences_table() -> None:
    before = ARTICLES.copy(deep=True)
    out = sm.sentences(ARTICLES)
    pd.testing.assert_frame_equal(ARTICLES, before)
    # ARTICLES has an outlet: it comes right after article_id (issue 12)
    assert tuple(out.columns) == ("article_id", "outlet", *sm.SENTENCE_COLUMNS[1:])
    assert isinstance(out.index, pd.RangeIndex)
    assert out["article_id"].tolist() == ["a1", "a1", "a1", "a3"]
    assert out["sentence"].tolist() == [0, 1, 2, 0]
    assert out["paragraph"].tolist() == [0, 0, 1, 0]
    text = ARTICLES.loc[10, "text"]
    for row in out[out.article_id == "a1"].itertuples():
        assert text[row.start : row.end] == row.text
    assert out["text"].tolist()[2] == "\u201cWe are proud,\u201d Sen. Smith said."
    assert out["in_quote"].tolist()[:2] == [0.0, 0.0] and 0 < out["in_quote"].iloc[2] < 1
    assert out["compound"].iloc[1] < 0 < out["compound"].iloc[0]
    for col in ("sentence", "start", "end", "paragraph"):
        assert out[col].dtype == np.int64
    for col in ("neg", "neu", "pos", "compound", "in_quote"):
        assert out[col].dtype == np.float64


def test_sentences_carry_outlet_and_published_of_their_article() -> None:
    """Issue 12: the long tables have ``outlet`` and ``published`` when the articles do."""
    arts = ARTICLES.assign(
        outlet=pd.array(["X", "Y", pd.NA, "Z"], dtype="string"),
        published=pd.to_datetime(["2024-01-02", "2024-01-03", None, "2024-01-05"], utc=True))
    out = sm.sentences(arts)
    assert tuple(out.columns) == ("article_id", "outlet", "published", *sm.SENTENCE_COLUMNS[1:])
    assert out["outlet"].dtype == arts["outlet"].dtype and out["published"].dtype == arts["published"].dtype
    by_id = arts.set_index("article_id")
    assert out["outlet"].tolist() == by_id.loc[out["article_id"], "outlet"].tolist()
    assert out["published"].tolist() == by_id.loc[out["article_id"], "published"].tolist()
    assert out["outlet"].isna().tolist() == [False, False, False, True]  # a3 has no outlet
    # every other column is what the table without them gives
    plain = sm.sentences(arts.drop(columns=["outlet", "published"]))
    assert tuple(plain.columns) == sm.SENTENCE_COLUMNS
    pd.testing.assert_frame_equal(out.drop(columns=["outlet", "published"]), plain)
    # only the columns the articles have, with their dtype, also without rows
    only_pub = sm.sentences(arts.drop(columns="outlet"))
    assert tuple(only_pub.columns[:3]) == ("article_id", "published", "sentence")
    cat = sm.sentences(arts.assign(outlet=arts["outlet"].astype("category")))
    assert cat["outlet"].dtype == "category" and cat["outlet"].tolist() == out["outlet"].tolist()
    empty = sm.sentences(arts.assign(text=""))
    assert len(empty) == 0 and tuple(empty.columns) == tuple(out.columns)
    assert empty["outlet"].dtype == "string" and empty["published"].dtype == arts["published"].dtype


def test_sentences_scores_are_exactly_vader_on_the_sentence_as_written() -> None:
    sentence = "\u201cIt is a disaster,\u201d he said."
    out = sm.sentences(pd.DataFrame({"article_id": ["q"], "text": [sentence]}))
    raw = REFERENCE.polarity_scores(sentence)
    assert out.loc[0, ["neg", "neu", "pos", "compound"]].tolist() == [
        raw["neg"], raw["neu"], raw["pos"], raw["compound"]
    ]


def test_sentences_empty_input_has_columns() -> None:
    out = sm.sentences(pd.DataFrame({"article_id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}))
    assert len(out) == 0 and tuple(out.columns) == sm.SENTENCE_COLUMNS
    out = sm.sentences(pd.DataFrame({"article_id": ["e"], "text": [""]}))
    assert len(out) == 0 and tuple(out.columns) == sm.SENTENCE_COLUMNS


def test_sentiment_table() -> None:
    before = ARTICLES.copy(deep=True)
    out = sm.sentiment(ARTICLES)
    pd.testing.assert_frame_equal(ARTICLES, before)
    assert tuple(out.columns) == sm.SENTIMENT_COLUMNS
    assert out.index.equals(ARTICLES.index)
    assert out["article_id"].tolist() == ARTICLES["article_id"].tolist()
    assert out["sent_n_sentences"].tolist() == [3, 0, 1, 0]
    assert out["sent_n_sentences"].dtype == "Int64"  # NA for an article left out for its language

    sents = sm.sentences(ARTICLES)
    a1 = sents[sents.article_id == "a1"]["compound"]
    row = out.loc[10]
    assert row.sent_mean_compound == pytest.approx(a1.mean())
    assert row.sent_median_compound == pytest.approx(a1.median())
    assert row.sent_share_positive == pytest.approx((a1 >= 0.05).mean())
    assert row.sent_share_negative == pytest.approx((a1 <= -0.05).mean())
    shares = row.sent_share_positive + row.sent_share_negative + row.sent_share_neutral
    assert shares == pytest.approx(1.0)
    assert row.sent_headline_compound == REFERENCE.polarity_scores("Rescue a great success")["compound"]

    # empty / missing text: zero sentences, NaN summaries and tone, no exception
    for idx in (5, 3):
        r = out.loc[idx]
        assert r.sent_n_sentences == 0
        for col in sm.SENTIMENT_COLUMNS[2:7] + sm.SENTIMENT_COLUMNS[8:]:
            assert math.isnan(r[col]), col
    # headline: NaN for missing or blank titles, scored otherwise
    assert math.isnan(out.loc[5, "sent_headline_compound"])
    assert math.isnan(out.loc[7, "sent_headline_compound"])
    assert out.loc[3, "sent_headline_compound"] == 0.0
    # one neutral sentence
    assert out.loc[7, "sent_share_neutral"] == 1.0


def test_sentiment_without_title_column() -> None:
    out = sm.sentiment(pd.DataFrame({"article_id": ["a"], "text": ["Good."]}))
    assert math.isnan(out.loc[0, "sent_headline_compound"])
    assert out.loc[0, "sent_n_sentences"] == 1


def test_sentiment_empty_table() -> None:
    out = sm.sentiment(pd.DataFrame({"article_id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}))
    assert len(out) == 0 and tuple(out.columns) == sm.SENTIMENT_COLUMNS


def test_never_scores_a_whole_article(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every sentence score comes from score_tuple (a sentence's text) or, for sentences
    # scored from their article's chunks, from score_words (its words), score_plain (its
    # number of words, where no VADER rule can fire) or plain_compounds (one value per
    # sentence, its words' rules read in windows of at most six words): record the words.
    seen: list[int] = []
    windows: list[int] = []
    real_tuple, real_words, real_plain = va.score_tuple, va.score_words, va.score_plain
    real_compounds, real_window = va.plain_compounds, va.word_sentiment

    def spy_tuple(text: str) -> tuple[float, float, float, float]:
        seen.append(len(text.split()))
        return real_tuple(text)

    def spy_words(words: list[str], *args: object) -> tuple[float, float, float, float]:
        seen.append(len(words))
        return real_words(words, *args)  # type: ignore[arg-type]

    def spy_plain(values: list[float], upper: list[int], cap: bool, n: int, *args: int
                  ) -> tuple[float, float, float, float]:
        seen.append(n)
        return real_plain(values, upper, cap, n, *args)

    def spy_compounds(values: np.ndarray, lengths: np.ndarray, *args: np.ndarray) -> list[float]:
        seen.extend([-1] * len(lengths))  # one per sentence
        return real_compounds(values, lengths, *args)

    def spy_window(words: list[str], *args: object) -> float:
        windows.append(len(words))
        return real_window(words, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(va, "score_tuple", spy_tuple)
    monkeypatch.setattr(va, "score_words", spy_words)
    monkeypatch.setattr(va, "score_plain", spy_plain)
    monkeypatch.setattr(va, "plain_compounds", spy_compounds)
    monkeypatch.setattr(va, "word_sentiment", spy_window)
    sm._cached_scores.cache_clear()
    try:
        body = " ".join(["The talks were a great success for everyone."] * 29 + ["It was not a very good day."])
        glued = "Critics called it a disaster.Others were happy."  # glued: scored from its text
        arts = pd.DataFrame({"article_id": ["long"], "text": [body + "\n\n" + glued]})
        out = sm.sentiment(arts)
        n_article = len(seen)
        sm._cached_scores.cache_clear()  # the glued sentences are scored again
        sm.sentences(arts)
    finally:
        sm._cached_scores.cache_clear()
    assert n_article == 32 and len(seen) == 64  # one sentence at a time, never the article
    assert max(seen) <= 8 and 0 < max(windows) <= 6  # at most a sentence (8 words), rules in windows
    assert out.loc[0, "sent_n_sentences"] == 32


def test_tone() -> None:
    t = sm.tone("A great win, a terrible loss and a good day.")
    assert t == {"tone_positive": 30.0, "tone_negative": 20.0, "tone": 10.0, "tone_polarity": 50.0}
    # curly apostrophes are made straight before the lexicon look-up
    assert sm.tone("it\u2019s no good") == sm.tone("it's no good")
    assert all(math.isnan(v) for v in sm.tone("").values())
    assert all(math.isnan(v) for v in sm.tone("\u2014 \u2026").values())


def test_sentiment_tone_matches_tone() -> None:
    out = sm.sentiment(ARTICLES)
    expected = sm.tone(ARTICLES.loc[10, "text"])
    for key, value in expected.items():
        assert out.loc[10, key] == pytest.approx(value)


def test_progress_bar(capsys: pytest.CaptureFixture[str]) -> None:
    sm.sentiment(ARTICLES, progress=True)
    sm.sentences(ARTICLES, progress=True)
    err = capsys.readouterr().err
    assert "sentiment" in err and "sentences" in err


@pytest.mark.parametrize("func", [sm.sentiment, sm.sentences])
def test_bad_input(func) -> None:
    with pytest.raises(ValueError, match="text"):
        func(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(TypeError, match="progress"):
        func(ARTICLES, progress="yes")
    with pytest.raises(TypeError, match="must be a str"):
        func(pd.DataFrame({"article_id": ["a"], "text": [3]}))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(max_size=200), st.none()), max_size=4))
def test_tables_never_raise_on_arbitrary_text(texts: list[str | None]) -> None:
    arts = pd.DataFrame({"article_id": [f"id{i}" for i in range(len(texts))], "text": texts}, dtype=object)
    sents = sm.sentences(arts)
    out = sm.sentiment(arts)
    assert len(out) == len(arts)
    assert out["sent_n_sentences"].sum() == len(sents)
    assert sents["in_quote"].between(0, 1).all()
    assert sents["compound"].between(-1, 1).all()


# --------------------------------------------------------------------------- fast paths


def test_lower_case_keeps_white_space_and_punctuation() -> None:
    """_score_tuple lowercases a whole sentence before splitting it; that gives VADER's words
    only if no character that keeps its length in lower case gains or loses white space or
    ASCII punctuation (all of Unicode is checked)."""
    import string
    import sys

    punct = set(string.punctuation)
    longer, changed = [], []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1:
            longer.append(c)
        elif c.isspace() != low.isspace() or (c in punct) != (low in punct):
            changed.append(c)
    assert changed == [] and longer == ["\u0130"]


_VADER_WORDS = (
    "good bad great terrible not no never but kind of sort just enough the shit bomb bad ass yeah "
    "right kiss death to die for least at very without doubt so this GOOD BAD VERY extremely hardly "
    "İstanbul love hate :) 😀 isn't don’t NO happy Happy sad “Great” (good) U.S. Sen."
).split()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.sampled_from(_VADER_WORDS), min_size=1, max_size=9).map(" ".join).map(
            lambda s: s + "."
        ),
        min_size=1,
        max_size=6,
    ).map(lambda sents: " ".join(sents).replace("bad. Happy", "bad.Happy"))  # glued sentences
)
def test_sentences_scored_from_chunks_equal_vader(text: str) -> None:
    """Sentences scored from their article's chunks (and glued ones, from their text) get
    exactly VADER's scores."""
    sm._cached_scores.cache_clear()
    rows = sm.sentences(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    for row in rows.itertuples():
        assert (row.neg, row.neu, row.pos, row.compound) == tuple(REFERENCE.polarity_scores(row.text).values())


# Lexicon words at every distance from the words that make VADER's rules fire: the plain path
# (score_plain, no rule within reach) and the full one must agree with VADER at the boundary.
_NEUTRAL = "the cat ran to a house in U.S. THE CAT".split()
_DISTANT_WORDS = _NEUTRAL * 3 + (
    "good bad GREAT terrible not no never but kind least without so this very hardly death "
    "stop right enough sort bomb die beating 😀 \u201cGreat\u201d isn\u2019t"
).split()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.sampled_from(_DISTANT_WORDS), min_size=1, max_size=16).map(" ".join).map(lambda s: s + "."),
        min_size=1,
        max_size=5,
    ).map(" ".join)
)
def test_plain_and_ruled_sentences_equal_vader(text: str) -> None:
    sm._cached_scores.cache_clear()
    rows = sm.sentences(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    for row in rows.itertuples():
        assert (row.neg, row.neu, row.pos, row.compound) == tuple(REFERENCE.polarity_scores(row.text).values())


def test_plain_path_is_taken_and_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    windows: list[str] = []
    texts: list[str] = []
    real_window, real_tuple = va.word_sentiment, va.score_tuple

    def spy_window(words: list[str], lower: list[str], i: int, *args: object) -> float:
        windows.append(words[i])
        return real_window(words, lower, i, *args)  # type: ignore[arg-type]

    def spy_tuple(text: str) -> tuple[float, float, float, float]:
        texts.append(text)
        return real_tuple(text)

    monkeypatch.setattr(va, "word_sentiment", spy_window)
    monkeypatch.setattr(va, "score_tuple", spy_tuple)
    sm._cached_scores.cache_clear()
    # plain: sentence 1 (no rule word near "GREAT" or "success"; the ALL-CAPS increment applies)
    # and sentence 3 ("Not" four words before "good": out of VADER's reach). Sentence 2 has the
    # next sentence's "Not" two chunks after "good" (the reach is counted over the article:
    # cautious, so VADER's rules on its window); the emoji sentence is scored from its own text.
    text = ("The rescue was a GREAT success for the U.S. team. Not a word from the good side. "
            "Not a word from good people. We love it \U0001F600 today.")
    try:
        rows = sm.sentences(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    finally:
        sm._cached_scores.cache_clear()
    assert windows == ["good"] and texts == ["We love it \U0001F600 today."]
    for row in rows.itertuples():
        assert (row.neg, row.neu, row.pos, row.compound) == tuple(REFERENCE.polarity_scores(row.text).values())


def test_context_words_cover_vaders_rule_tables() -> None:
    _vader.vader_analyzer()
    for word in [*vader.NEGATE, *(k for k in vader.BOOSTER_DICT if " " not in k), "no", "but", "least", "kind",
                 "so", "this", "never", "without", "wasn't"]:
        assert _vader.context_word(word) or word == "but", word  # "but" acts sentence-wide, on its own
    for key in [*vader.SPECIAL_CASES, *vader.BOOSTER_DICT]:
        if " " in key:
            assert any(_vader.context_word(w) for w in key.split()), key
    assert not _vader.context_word("good") and not _vader.context_word("the")


# Several articles scored together (articles_compounds, what analyze uses): every sentence's
# compound is VADER's, whatever mix of plain words, rule words within reach, "but", ALL CAPS,
# "!" and "?", emoji and glued sentences.
_MIXED_WORDS = (*_DISTANT_WORDS, *"but BUT But no NO kind of at least GOOD! bad?! wow!!! really?? ?".split())
#: One to four articles of up to four such sentences, one of them glued to the next ("bad.Happy").
_ARTICLE_TEXTS = st.lists(
    st.lists(
        st.lists(st.sampled_from(_MIXED_WORDS), min_size=1, max_size=14).map(" ".join).map(lambda s: s + "."),
        min_size=0,
        max_size=4,
    ).map(" ".join).map(lambda t: t.replace("bad. Happy", "bad.Happy")),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ARTICLE_TEXTS)
def test_articles_compounds_equal_vader(texts: list[str]) -> None:
    from mediakit.text import CHUNKS

    spans = [split_sentences(t) for t in texts]
    ids = [CHUNKS.ids(t.split()) for t in texts]
    got = va.articles_compounds(texts, spans, ids)
    assert len(got) == len(texts)
    for text, sp, compounds in zip(texts, spans, got, strict=True):
        expected = [REFERENCE.polarity_scores(text[s.start : s.end])["compound"] for s in sp]
        assert compounds.tolist() == expected, text
        assert compounds.tolist() == [sc[3] for sc in va.article_scores(text, sp)]


def test_plain_compounds_sum_left_to_right() -> None:
    # 0.1 + 0.2 + 0.3 != 0.3 + 0.2 + 0.1 in floating point: the order must be VADER's
    lexicon = _vader.vader_analyzer().lexicon
    values = [lexicon[w] for w in ("good", "great", "happy", "love", "win", "bad", "sad")]
    expected = _vader.score_plain(values, [0] * len(values), False, 12, 1, 2)[3]
    assert va.plain_compounds(np.array(values), np.array([len(values)]), np.array([1]), np.array([2])) == [expected]


def test_context_words_equal_context_word() -> None:
    words = [*list(_vader.vader_analyzer().lexicon)[:3000], *vader.NEGATE, *vader.BOOSTER_DICT, "but", "kind",
             "İsn't", "DON'T", "can’t", "won't", "", "no", "So"]
    assert _vader.context_words(words) == [_vader.context_word(w) for w in words]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0, 0.0, 1.9, -1.5, 0.95, 2.85, -0.75, 1.425, 3.1, -2.0]), min_size=1, max_size=12),
       st.data())
def test_but_values_equal_vaders_but_check(sentiments: list[float], data: st.DataObject) -> None:
    # equal values (the first one is multiplied twice), zeros, values equal to a multiplied one
    bi = data.draw(st.integers(0, len(sentiments) - 1))
    words = ["x"] * len(sentiments)
    words[bi] = "but"
    expected = vader.SentimentIntensityAnalyzer._but_check(words, list(sentiments))
    hits = [i for i, v in enumerate(sentiments) if v]
    got = _vader.but_values([sentiments[i] for i in hits], hits, bi)
    assert got == [expected[i] for i in hits]
    assert all(not expected[i] for i in range(len(sentiments)) if i not in hits)


def test_articles_compounds_of_no_article_and_of_empty_ones() -> None:
    from mediakit.text import CHUNKS

    assert va.articles_compounds([], [], []) == []
    texts = ["", "Good.", "  "]
    got = va.articles_compounds(texts, [split_sentences(t) for t in texts], [CHUNKS.ids(t.split()) for t in texts])
    assert [g.tolist() for g in got] == [[], [0.4404], []]


# The sentences table's scores of several articles at once (articles_scores): all four of VADER's scores.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ARTICLE_TEXTS)
def test_articles_scores_equal_vader(texts: list[str]) -> None:
    spans = [split_sentences(t) for t in texts]
    got = va.articles_scores(texts, spans)
    expected = []
    for text, sp in zip(texts, spans, strict=True):
        for s in sp:
            d = REFERENCE.polarity_scores(text[s.start : s.end])
            expected.append((d["neg"], d["neu"], d["pos"], d["compound"]))
    assert got == expected, texts
    assert got == [sc for t, sp in zip(texts, spans, strict=True) for sc in va.article_scores(t, sp)]


def test_plain_scores_sum_left_to_right() -> None:
    lexicon = _vader.vader_analyzer().lexicon
    values = [lexicon[w] for w in ("good", "great", "happy", "love", "win", "bad", "sad", "awful")]
    for excl, quest in ((0, 0), (1, 2), (5, 4)):
        expected = _vader.score_plain(values, [0] * len(values), False, 12, excl, quest)
        got = va.plain_scores(np.array(values), np.array([len(values)]), np.array([12]), np.array([excl]),
                              np.array([quest]))
        assert got == [expected]


def test_articles_scores_of_no_article_and_of_empty_ones() -> None:
    assert va.articles_scores([], []) == []
    texts = ["", "Good.", "  ", "Not good at all. Fine."]
    got = va.articles_scores(texts, [split_sentences(t) for t in texts])
    assert got == [(0.0, 0.0, 1.0, 0.4404), (0.445, 0.555, 0.0, -0.3412), (0.0, 0.0, 1.0, 0.2023)]  # vaderSentiment's


def test_the_shared_vocabulary_starting_again_part_way_changes_nothing(sample_articles, monkeypatch):
    """The chunk vocabulary starts again once full: a batch of sentences (or analyze's texts) then reads the ids of
    one generation, never stale ones (which read other chunks' rows, or none: an IndexError before the fix)."""
    import mediakit as mk
    from mediakit.text import CHUNKS, clear_chunk_caches

    clear_chunk_caches()
    sentences, metrics = mk.sentences(sample_articles, progress=False), mk.analyze(sample_articles, progress=False)
    clear_chunk_caches()
    monkeypatch.setattr(CHUNKS, "max_size", 300)  # starts again many times within each batch of texts
    generation = CHUNKS.generation
    small_sentences = mk.sentences(sample_articles, progress=False)
    small_metrics = mk.analyze(sample_articles, progress=False)
    assert CHUNKS.generation - generation > 10
    pd.testing.assert_frame_equal(small_sentences, sentences)
    pd.testing.assert_frame_equal(small_metrics, metrics)
    clear_chunk_caches()
