"""The NumPy scan of py3langid (mediakit.text._langid_scan): the same answers as py3langid, to the bit."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.text import _langid_scan, _language
from mediakit.text._langid_scan import NgramScanner

ODD = ["", " ", "A", "ab", "abc " * 10, "DER BUNDESTAG HAT HEUTE ABGESTIMMT", "日本語のテキストです。",
       "Ελληνικά κείμενα εδώ", "\ud800 lone surrogate", "emoji 🎉🎉 and text", "x" * 3000,
       "Le gouvernement a présenté mardi un projet de loi sur les retraites.",
       "The government approved a new climate package on Tuesday.", "\n\n\t  ", "12345 67890"]


def _scan() -> NgramScanner:
    scanner = _language._scanner()
    assert scanner is not None
    return scanner


def _reference(texts: list[str]) -> list[tuple[str, float]]:
    identifier = _language._identifier()
    return [identifier.classify(t) for t in texts]


def test_scanner_is_used():
    scanner = _language._scanner()
    assert isinstance(scanner, NgramScanner)  # the NumPy scan, not the fallback
    assert scanner.depth >= 4  # byte n-grams of the shipped model: the walk must see whole windows


def test_odd_texts_same_as_py3langid():
    scanner = _scan()
    assert scanner.classify_many(ODD) == _reference(ODD)
    assert [scanner.classify(t) for t in ODD] == _reference(ODD)


def test_batches_split_anywhere(monkeypatch):
    """Texts cut into many small batches (and a text longer than a batch) score as one by one."""
    rng = random.Random(7)
    words = "the of and said minister Regierung gouvernement 東京 правительство que".split()
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(0, 60))) for _ in range(40)]
    want = _reference(texts)
    monkeypatch.setattr(_langid_scan, "_BATCH_BYTES", 97)
    assert _scan().classify_many(texts) == want


def test_scanner_refuses_other_settings():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    with pytest.raises(ValueError):
        NgramScanner(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=6))
def test_any_text_same_as_py3langid(texts):
    assert _scan().classify_many(texts) == _reference(texts)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=5), st.lists(st.one_of(st.none(), st.text(max_size=40)), max_size=5))
def test_detect_languages_same_as_one_by_one(texts, titles):
    titles = (titles + [None] * len(texts))[:len(texts)]
    assert _language.detect_languages(texts, titles=titles) == [
        _language.detect_language(f"{h}\n\n{t}" if h and h.strip() else t) for t, h in zip(texts, titles, strict=True)]


@pytest.mark.slow
@pytest.mark.corpus
def test_research_corpora_same_as_py3langid(corpora):
    """Every PolNeAR dev article and 300 AllSides articles: the same code and probability as py3langid."""
    import mediakit as mk

    texts = mk.datasets.load_polnear(corpora / "polnear", split="dev")["text"].tolist()
    texts += mk.datasets.load_allsides(corpora / "allsides", limit=300)["text"].tolist()
    samples = [_language._sample(t) for t in texts]
    assert _scan().classify_many(samples) == _reference(samples)


def test_without_padding_same(monkeypatch):
    """The batch walk without a padding byte (a model whose root has none) masks the windows instead."""
    rng = random.Random(3)
    texts = ODD + ["".join(rng.choice("ab éß.\n日") for _ in range(rng.randrange(0, 80))) for _ in range(30)]
    scanner = _scan()
    monkeypatch.setattr(scanner, "pad_byte", None)
    assert scanner.classify_many(texts) == _reference(texts)
