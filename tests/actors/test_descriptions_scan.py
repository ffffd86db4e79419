"""find_descriptions reads only the tokens near a possible head: the same descriptions as reading them all."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.actors._descriptions import descriptions_of_tokens, find_descriptions

_WORDS = ["the", "a", "an", "his", "her", "another", "former", "ousted", "interim", "vice", "president", "President",
          "leader", "leader's", "leader\u2019s", "Syria's", "of", "Syria", "the", "United", "States", "state",
          "racist", "narcissist", "list", "insist", "Mr", "Mr.", ".", ",", "who", "that", "as", "is", "was", "two",
          "congressman", "attorney-general", "co-founder", "\u201c", '"', "'", "(", ")", "-", "U.S.", "ex-president",
          "1.president", "\u0130stanbul", "K\u212aing", "lying", "homeland", "security", "protégé", "PRESIDENT"]
_SEPS = [" ", " ", " ", "  ", "\n", "\u00a0", "", "-", "\t"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPS)), max_size=200))
def test_same_as_reading_every_token(words: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in words)
    assert find_descriptions(text) == list(descriptions_of_tokens(text))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_same_on_any_text(text: str) -> None:
    assert find_descriptions(text) == list(descriptions_of_tokens(text))


@pytest.mark.parametrize("text", [
    "x " * 80 + "the \u201c\u201c\u201c \u201c former ousted interim acting deputy leader met " + "y " * 80,
    "z" * 150 + " a harsh critic of Mr. Mr. Mr. Mr. Mr. Mr. Mr. Jones Smith and the president of Syria met.",
    "w " * 60 + "He became the president of the United States of America in \u0130stanbul. The leader.",
    "Then the " + "\u201c " * 70 + "leader met them.",  # the determiner far before the head: all tokens read
    "Then the " + "\u201c " * 70 + "former leader met them.",
    # the first piece read (from "the leader") ends at character 201, right after "of the": the rules read on
    "the leader " + "x " * 85 + "the president of the United States met.",
    "The racist\u2019s aide, his wife and the ex-president left; the vice president spoke.",
])
def test_windows_at_their_limits(text: str) -> None:
    found = find_descriptions(text)
    assert found == list(descriptions_of_tokens(text))
    assert found  # each text has a description


@pytest.mark.slow
@pytest.mark.corpus
def test_same_on_basil(corpora: Path) -> None:
    import warnings

    from mediakit.datasets import load_basil

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_basil(corpora / "basil")
    texts = [t for col in ("title", "text") for t in arts[col].dropna().tolist()]
    assert sum(len(descriptions_of_tokens(t)) for t in texts) > 1000
    assert all(find_descriptions(t) == list(descriptions_of_tokens(t)) for t in texts)
