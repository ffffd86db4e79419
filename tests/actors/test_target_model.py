"""The trained target-sentiment model: loading, reload stability, the error classes, odd text, NewsMTSC."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.actors import METHODS, evaluate_target_sentiment, load_model, target_sentiment
from mediakit.actors._target import clause_bounds, target_score
from mediakit.actors._target_fast import FastScorer
from mediakit.actors._target_model import (
    MODEL_FILE,
    VOCABULARY_FILE,
    FeatureModel,
    adjust_valences,
    model_features,
    model_probabilities,
    model_score,
)
from mediakit.evaluate import main as evaluate_main

from ..conftest import PROJECT


def _at(sentence: str, target: str, method: str = "model") -> int:
    a = sentence.index(target)
    return int(target_sentiment(sentence, a, a + len(target), method=method)["polarity"])


def test_methods_and_default() -> None:
    assert METHODS == ("model", "target", "sentence")
    s = "Critics called Smith corrupt."
    assert target_sentiment(s, 15, 20) == target_sentiment(s, 15, 20, method="model")


def test_model_files_load_offline_and_match() -> None:
    m = load_model()
    assert isinstance(m, FeatureModel)
    assert m.weights.shape == (len(m.vocabulary), 3) and len(set(m.vocabulary)) == len(m.vocabulary)
    assert np.isfinite(m.weights).all()
    assert m.meta["classes"] == ["negative", "neutral", "positive"]
    neg, pos = m.thresholds
    assert -1 < neg < 0 < pos < 1
    assert "NewsMTSC train" in m.meta["provenance"]
    res = PROJECT / "mediakit" / "resources"
    assert (res / MODEL_FILE).is_file() and (res / VOCABULARY_FILE).is_file()


def test_identical_results_on_reload() -> None:
    sents = [("Critics called Smith corrupt.", 15, 20), ("He was praised for his courage.", 0, 2),
             ('"It is a disaster," Smith said.', 20, 25)]
    first = [target_sentiment(s, a, b) for s, a, b in sents]
    load_model.cache_clear()
    second = [target_sentiment(s, a, b) for s, a, b in sents]
    assert first == second
    # and in a fresh interpreter (no network, nothing cached)
    code = ("from mediakit.actors import target_sentiment as t; "
            "print([t(s, a, b) for s, a, b in " + repr(sents) + "])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert out.stdout.strip() == repr(first)


# --------------------------------------------------------------------------- the error classes of issue 14


def test_polar_without_lexicon_word() -> None:
    # no lexicon word fires: the rule-based score is exactly 0; the model reads the context
    for s, gold in (("Smith is under investigation by the FBI.", -1), ("Smith leads in the polls.", 1),
                    ("Smith raised $5 million for veterans.", 1)):
        a = s.index("Smith")
        assert target_sentiment(s, a, a + 5, method="target")["score"] == 0.0
        score = target_sentiment(s, a, a + 5)["score"]
        assert score * gold > 0, s  # the model leans the right way
        if "veterans" not in s:  # (the argmax model calls the fundraiser neutral: p 0.13 / 0.56 / 0.31)
            assert _at(s, "Smith") == gold, s


def test_event_words_not_charged_to_the_victim() -> None:
    s = "Police arrested the man after he killed Sarah Root."
    assert _at(s, "Sarah Root", "target") == -1
    assert _at(s, "Sarah Root") != -1
    s = "Newsom visited some of the victims of the fire."
    assert _at(s, "Newsom", "target") == -1
    assert _at(s, "Newsom") != -1


def test_praise_through_condemnation() -> None:
    s = 'Smith condemned the "racist, offensive" behavior.'
    assert _at(s, "Smith", "target") == -1
    assert _at(s, "Smith") == 1


def test_comparison() -> None:
    s = "Unlike Trump, Obama never insulted the press."
    assert _at(s, "Trump", "target") == 1
    assert _at(s, "Trump") == -1


def test_pronoun_targets() -> None:
    assert _at("He was praised for his courage.", "He") == 1
    assert _at("She was widely mocked for the gaffe.", "She") == -1


def test_quotation_context() -> None:
    # the speaker of a condemning quotation is not what the quotation condemns
    s = '"The deal is a disaster," Smith said.'
    assert _at(s, "Smith") != -1


def test_adjust_valences_rules() -> None:
    v = np.array([0.0, -2.0, 0.0, 0.0])
    assert adjust_valences(["he", "killed", "sarah", "root"], v, 2, 3).tolist() == [0.0, 0.0, 0.0, 0.0]
    v = np.array([0.0, -1.0, -2.0])
    assert adjust_valences(["smith", "condemned", "racism"], v, 0, 0).tolist() == [0.0, 0.0, 1.0]
    v = np.array([0.0, 0.0, -1.0])
    assert adjust_valences(["smith", "visited", "victims"], v, 0, 0).tolist() == [0.0, 0.0, 0.0]


def test_features_are_named_by_kind() -> None:
    f = model_features("Unlike Smith, Jones never lied.", 7, 12)
    assert f["bias"] == 1.0 and f["d:compared"] == 1.0
    kinds = {name.split(":", 1)[0] for name in f if name != "bias"}
    assert kinds <= {"d", "l1", "l2", "r1", "r2", "r3", "r12", "l21", "L", "R", "S", "V+", "V-"}


# --------------------------------------------------------------------------- the scoring path = the named features

_TRICKY = [
    ("Critics called Smith corrupt.", 15, 20), ("He was praised for his courage.", 0, 2),
    ('"The deal is a disaster," Smith said.', 26, 31), ('Smith said: "It is a great, great day."', 0, 5),
    ('"Jones, a liar," he wrote, "is not good."', 1, 6), ("Unlike Trump, Obama never insulted the press.", 7, 12),
    ("Police arrested the man after he killed Sarah Root, a brave nurse.", 40, 50),
    ("Newsom visited some of the victims of the horrible fire.", 0, 6),
    ("Smith condemned the racist, offensive behavior; Jones praised it.", 0, 5),
    ("Obama was better than Trump at hiding bad news.", 22, 27), ("Good Bad Ugly", 5, 8),
    ("The Supreme Court, which Smith hates, ruled (sadly) against him - but he won.", 25, 30),
    ("Smith was not a hero.", 0, 5), ("", 0, 0), ("   ", 1, 2), ("Smith", 0, 5), ("Smith is great", 3, 3),
    ("A good man, Smith, who was attacked, was murdered.", 12, 17), ("It was terrible for Smith.", 50, 60),
]


def _named_probabilities(model: FeatureModel, sentence: str, start: int, end: int) -> np.ndarray:
    return model.probabilities(model_features(sentence, start, end))


@pytest.mark.parametrize(("sentence", "a", "b"), _TRICKY)
def test_scoring_path_equals_named_features(sentence: str, a: int, b: int) -> None:
    m = load_model()
    ref = _named_probabilities(m, sentence, a, b)
    assert np.allclose(model_probabilities(sentence, a, b), ref, rtol=0, atol=1e-12)
    assert abs(model_score(sentence, a, b) - float(ref[2] - ref[0])) < 1e-12


def test_scoring_path_reads_every_feature() -> None:
    # a model with a random weight on every feature it would see: any feature the fast path
    # misses, adds twice or values differently changes the logits
    feats = [model_features(s, a, b) for s, a, b in _TRICKY]
    vocab = sorted({name for f in feats for name in f})
    w = np.random.default_rng(0).normal(size=(len(vocab), 3))
    m = FeatureModel(w, vocab, (-0.1, 0.1))
    for (s, a, b), f in zip(_TRICKY, feats, strict=True):
        z = m.scorer.logits(s, a, b)
        ref = np.array([sum(v * w[m.index[k], c] for k, v in f.items()) for c in range(3)])
        assert np.allclose(z, ref, rtol=0, atol=1e-9), (s, a, b)


def test_fast_scorer_without_bias_or_groups() -> None:
    assert FastScorer([[0.0, 0.0, 0.0]], {}, None).logits("Smith lied.", 0, 5) == [0.0, 0.0, 0.0]
    assert FastScorer([[1.0, 2.0, 3.0]], {}, 0).logits("", 0, 0) == [1.0, 2.0, 3.0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(["Smith", "he", "was", "killed", "praised", "not", "a", "liar", "good,",
                                       "bad", "\u201cterrible\u201d", '"great"', "said", "unlike", "than",
                                       "condemned", "visited", "victims", "which", "-", "but", "(sadly)",
                                       "Supreme", "Court", "hero", "called", "is"]), min_size=1, max_size=25),
       k=st.integers(0, 24), n=st.integers(1, 2))
def test_scoring_path_equals_named_features_on_word_salad(words: list[str], k: int, n: int) -> None:
    s = " ".join(words)
    k = min(k, len(words) - 1)
    a = len(" ".join(words[:k])) + (1 if k else 0)
    b = a + len(" ".join(words[k:k + n]))
    m = load_model()
    ref = _named_probabilities(m, s, a, b)
    assert np.allclose(model_probabilities(s, a, b), ref, rtol=0, atol=1e-12)


@pytest.mark.slow
@pytest.mark.corpus
def test_scoring_path_equals_named_features_on_newsmtsc(corpora: Path) -> None:
    from mediakit.actors._evaluation import read_newsmtsc

    m = load_model()
    for split in ("dev-rw", "dev-mt"):
        path = corpora / "newsmtsc" / f"{split}.jsonl"
        if not path.is_file():
            pytest.skip(f"needs {path}")
        for r in read_newsmtsc(path):
            s, a, b = r["sentence"], int(r["from"]), int(r["to"])
            ref = _named_probabilities(m, s, a, b)
            assert abs(model_score(s, a, b) - float(ref[2] - ref[0])) < 1e-12


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(min_size=1, max_size=8).filter(lambda w: not w.isspace()), min_size=1, max_size=12))
def test_news_valences_caps_rule_as_written(words: list[str]) -> None:
    # the capitalised-name rule of news_valences, written out plainly with is_upper_word
    from mediakit.actors._scan import is_upper_word
    from mediakit.actors._target import _news_lexicon, news_valences
    from mediakit.metrics.sentiment import word_valences

    ref = word_valences(words, _news_lexicon())
    caps = [is_upper_word(w) for w in words]
    alpha = sum(1 for w in words if w[:1].isalpha())
    if alpha and sum(caps) / alpha < 0.6:
        n = len(words)
        for i in range(1, n):
            if ref[i] and caps[i] and ((i > 1 and caps[i - 1]) or (i < n - 1 and caps[i + 1])):
                ref[i] = 0.0
    assert news_valences(words) == ref


_PLAIN_CLAUSE_RE = re.compile(  # clause boundaries as first written (before the look-ahead)
    r"[;:()\[\]\u2014\u2013]|\s-\s|,|\s(?:but|while|whereas|although|though|yet|because|which|who|whom|"
    r"whose|after|before|when|since|unless|if|that)\s",
    re.IGNORECASE,
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["but", "BUT", "Since", "\u017fince", "\u0130f", "if", "whom", "who", "-", ",", ";",
                                      " ", "\u00a0", "\u2003", "x", "Which", "that", "(", "\u2014", "yet", "K"]),
                     max_size=30).map("".join) | st.text(max_size=60))
def test_clause_bounds_same_as_plain_pattern(text: str) -> None:
    assert clause_bounds(text) == [m.start() for m in _PLAIN_CLAUSE_RE.finditer(text)]


_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list(_SPACES) + list("ab\"\u201c\u201d'.,\u200b\ufeff")), max_size=40)
       | st.text(max_size=60))
def test_split_tokens_and_quotes_as_the_regex_finders(text: str) -> None:
    from mediakit.actors._scan import WS_TOKEN_RE, quote_spans_in_sentence
    from mediakit.actors._target import split_tokens
    from mediakit.actors._target_fast import sentence_parts

    starts, ends, tokens = split_tokens(text)
    assert list(zip(starts, ends, tokens, strict=True)) == [(m.start(), m.end(), m.group())
                                                             for m in WS_TOKEN_RE.finditer(text)]
    p = sentence_parts(text)
    assert p is None or p.quotes == quote_spans_in_sentence(text)


def test_rules_unchanged_by_the_shared_helpers() -> None:
    # the rule-based score of a few sentences, as computed at revision 412e349 (before the speed-up)
    assert target_score("Critics called Smith corrupt.", 15, 20) == pytest.approx(-0.7954, abs=1e-4)
    assert target_score('"The deal is a disaster," Smith said.', 26, 31) == 0.0


# --------------------------------------------------------------------------- odd text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence=st.text(max_size=200), a=st.integers(-5, 250), b=st.integers(-5, 250))
def test_model_never_raises(sentence: str, a: int, b: int) -> None:
    out = target_sentiment(sentence, a, b)
    assert -1.0 <= out["score"] <= 1.0 and out["polarity"] in (-1, 0, 1)
    assert np.isfinite(out["score"])


# --------------------------------------------------------------------------- command lines


def _toy(tmp_path: Path) -> Path:
    rows = [{"sentence": "Critics branded Smith a fascist.", "from": 15, "to": 20, "polarity": -1},
            {"sentence": "He was praised for his courage.", "from": 0, "to": 2, "polarity": 1}]
    path = tmp_path / "toy.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_evaluate_actor_sentiment_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate_main(["actor-sentiment", "--file", str(_toy(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "macro_f1" in out and "model" in out and "target" in out and "sentence" in out
    assert evaluate_main(["actor-sentiment", "--file", str(tmp_path / "missing.jsonl")]) == 2
    e = evaluate_target_sentiment(_toy(tmp_path))
    assert e.method == "model" and e.accuracy == 1.0 and e.thresholds == load_model().thresholds


# --------------------------------------------------------------------------- NewsMTSC dev


@pytest.mark.slow
@pytest.mark.corpus
def test_newsmtsc_dev_model_beats_rules_and_vader(corpora: Path) -> None:
    for split, floor in (("dev-rw", 0.65), ("dev-mt", 0.65)):
        path = corpora / "newsmtsc" / f"{split}.jsonl"
        if not path.is_file():
            pytest.skip(f"needs {path}")
        model = evaluate_target_sentiment(path, "model")
        rules = evaluate_target_sentiment(path, "target")
        vader = evaluate_target_sentiment(path, "sentence")
        assert model.macro_f1 >= floor, split
        assert model.macro_f1 > rules.macro_f1 > vader.macro_f1, split
