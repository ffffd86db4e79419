"""Results shared between the tables of a streamed piece: lexicon matches, chunk ids, quotations.

Inside ``shared_results()`` each is remembered for the texts read last, so that the metrics, the sentences
table and the word-choice table of a piece compute them once; what they return must be what a fresh
computation returns, and outside the block nothing is remembered.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.lexicon import _matcher, load_lexicon, prepare
from mediakit.stream._work import piece_tables
from mediakit.text import CHUNKS, clear_chunk_caches, quote_spans, shared_results, sharing_results, text_chunk_ids

TEXT = "\u201cThe regime fell,\u201d rebels said. Anti-regime forces took the capital of the regime's allies."


def test_matcher_memo_returns_a_fresh_list_with_the_same_matches():
    matcher = load_lexicon().matcher()
    with shared_results():
        first = matcher.find(TEXT)
        first.append((0, 0, 0))  # a caller's change stays its own
        again = matcher.find(TEXT)
        assert TEXT in matcher._memo
    assert again == first[:-1] == matcher._find(prepare(TEXT))
    assert not matcher._memo  # forgotten at the end of the block


def test_nothing_is_remembered_outside_the_block():
    matcher = load_lexicon().matcher()
    assert not sharing_results()
    matcher.find(TEXT)
    assert not matcher._memo
    ids = text_chunk_ids(TEXT)
    assert ids.flags.writeable and text_chunk_ids(TEXT) is not ids
    with shared_results():
        with shared_results():  # nested: forgotten when the outer one ends
            text_chunk_ids(TEXT)
            matcher.find(TEXT)
        assert sharing_results() and TEXT in matcher._memo
    assert not sharing_results() and not matcher._memo


def test_chunk_ids_never_come_from_an_earlier_vocabulary():
    clear_chunk_caches()
    with shared_results():
        ids = text_chunk_ids(TEXT)
        assert not ids.flags.writeable
        assert text_chunk_ids(TEXT) is ids  # remembered
        CHUNKS.clear()  # a new generation: other ids
        CHUNKS.ids(["padding", "words"])
        fresh = text_chunk_ids(TEXT)
    assert fresh is not ids
    assert fresh.tolist() == CHUNKS.ids(TEXT.split()).tolist()
    assert [CHUNKS.chunks[i] for i in fresh] == TEXT.split()


def test_quote_spans_is_a_new_list_each_call():
    with shared_results():
        spans = quote_spans(TEXT)
        spans.clear()
        assert quote_spans(TEXT) == [(0, 18)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["regime", "rebels", "the", "government", "\u201c", "\u201d", "said.", "\n\n", "Anti-",
                                 "ousted", "\u00c9", "x"]), max_size=30))
def test_remembered_results_equal_fresh_ones(words):
    text = " ".join(words)
    matcher = load_lexicon().matcher()
    with shared_results():
        first = (matcher.find(text), quote_spans(text), [CHUNKS.chunks[i] for i in text_chunk_ids(text)])
        again = (matcher.find(text), quote_spans(text), [CHUNKS.chunks[i] for i in text_chunk_ids(text)])
    fresh = (matcher._find(prepare(text)), quote_spans(text), [CHUNKS.chunks[i] for i in text_chunk_ids(text)])
    assert first == again == fresh
    assert fresh[2] == text.split()


def test_a_piece_matches_each_body_once(monkeypatch):
    """The metrics and the word-choice table of a piece: each body and headline matched once per lexicon."""
    calls: Counter[tuple[int, str]] = Counter()
    real = _matcher.Matcher._find

    def counted(self, prepared):
        calls[(id(self), prepared.text)] += 1
        return real(self, prepared)

    monkeypatch.setattr(_matcher.Matcher, "_find", counted)
    clear_chunk_caches()
    piece = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "title": ["Regime falls", "Rebels win"],
                          "text": [TEXT, "Opposition fighters entered the city, officials said."]})
    out = piece_tables(piece, None, ("readability", "sentiment", "word_choice"), ("metrics", "word_choice"),
                       languages=None)
    framing = id(load_lexicon().matcher())
    assert calls[(framing, TEXT)] == 1 and calls[(framing, "Regime falls")] == 1
    assert set(calls.values()) == {1}
    rows = out["word_choice"]
    assert set(rows.loc[rows["article_id"] == "a", "part"]) == {"title", "text"}
    assert out["metrics"].filter(like="_title_n").to_numpy().sum() > 0


@pytest.mark.parametrize("text", ["", "   ", "regime"])
def test_short_texts(text):
    assert text_chunk_ids(text).tolist() == CHUNKS.ids(text.split()).tolist()
    assert isinstance(text_chunk_ids(text), np.ndarray)
