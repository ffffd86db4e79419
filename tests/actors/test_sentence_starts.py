"""The sentence memo of the actor passes (``_names.SentenceStarts``): the offsets of the plain definition."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.actors._memo import corpus_scope
from mediakit.actors._names import QUOTES, SentenceStarts, sentence_bounds, sentence_starts
from mediakit.text import split_sentences

_PIECES = ["The senator", " said", ".", " ", "  ", "\n\n", "“", "”", '"', "(", ")", "—", "–", "-", "[", "Mr. Roe",
           " he left", "!", "?", "U.S.", " a", " B", "'", "e.g.", "\t"]


def _plain_starts(text: str) -> frozenset[int]:
    """The set the memo stood for before it was made of arrays: each sentence start, and each offset after
    the quotation marks, brackets, dashes and spaces that open the sentence."""
    starts = set()
    for span in split_sentences(text):
        p = span.start
        starts.add(p)
        while p < span.end and (text[p] in QUOTES or text[p] in "([\u2014\u2013-" or text[p].isspace()):
            p += 1
            starts.add(p)
    return frozenset(starts)


def _check(text: str) -> None:
    memo = SentenceStarts(text)
    plain = _plain_starts(text)
    assert {k for k in range(-2, len(text) + 3) if k in memo} == plain
    assert memo.bounds() == tuple((s.start, s.end) for s in split_sentences(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_sentence_starts_are_the_plain_set(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_sentence_starts_on_any_text(text: str) -> None:
    _check(text)


def test_memoised_within_a_corpus_scope() -> None:
    text = "“We will win,” the senator said. (He left.) — Then: nothing."
    with corpus_scope():
        assert sentence_starts(text) is sentence_starts(text)
        assert sentence_bounds(text) == tuple((s.start, s.end) for s in split_sentences(text))
    assert 0 in sentence_starts(text) and 1 in sentence_starts(text) and 2 not in sentence_starts(text)
    assert "x" not in sentence_starts(text)
