"""mediakit.dedup's vectorised word hashes and lazy shingle sets give the numbers of the plain loops."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit import dedup


def _word_hashes_reference(words: list[str]) -> np.ndarray:
    """The former implementation: NUL-padded code points, one column at a time."""
    arr = np.array(words)
    width = arr.dtype.itemsize // 4
    codes = arr.view(np.uint32).reshape(len(words), width).astype(np.uint64)
    h = np.zeros(len(words), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(width):
            col = codes[:, j]
            h = np.where(col != 0, h * np.uint64(1_099_511_628_211) + col, h)
    return h


_WORD = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=30))
def test_word_hashes_equal_the_padded_loop(words):
    assert dedup._word_hashes(words).tolist() == _word_hashes_reference(words).tolist()


def test_word_hashes_long_words_and_empty_input():
    words = ["a", "x" * 500, "ελληνικά", "中文", "\U0001F600ok"]
    assert dedup._word_hashes(words).tolist() == _word_hashes_reference(words).tolist()
    assert dedup._word_hashes([]).tolist() == []


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=400))
def test_folded_words_hash_never_raises(text):
    words = dedup.folded_words(text)
    assert len(dedup._word_hashes(words)) == len(words)


def test_near_and_exact_duplicates_still_found():
    base = " ".join(f"word{i}" for i in range(80))
    texts = [base, base.upper(), base + " and a few extra words here", "unrelated " * 40, base.replace("word7 ", "")]
    df = pd.DataFrame({"article_id": list("abcde"), "text": texts})
    out = dedup.flag_duplicates(df)
    assert out["duplicate_of"].tolist() == [pd.NA, "a", "a", pd.NA, "a"]
    assert out["duplicate_kind"].tolist() == [pd.NA, "exact", "near", pd.NA, "near"]
