"""The cheap tests before the patterns of the cue checks keep every answer; no timings here."""

from __future__ import annotations

import itertools
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution._extract import _clean_source
from mediakit.metrics.attribution._lexicon import word_lists
from mediakit.metrics.attribution._phrases import LEADING_JUNK_RE, leading_junk

_PIECES = [" ", "  ", ",", "\n", "\u00a0", "-", "and", "And", "AND", "but", "so", "yet", "or", "with", "still", "now",
           "then", "later", "meanwhile", "however", "instead", "also", "indeed", "moreover", "furthermore", "even",
           "only", "in", "addition", "fact", "on", "Monday", "at", "the", "time", "for", "his", "part", "example", "a",
           "interview", "he", "she", "Trump", "officials", "an", "ſo", "ſtill", "K", "İn", "ın", "x", "."]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


def _span(m: object) -> tuple[int, int] | None:
    return None if m is None else m.span()  # type: ignore[attr-defined]


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.integers(0, 12), st.integers(0, 60))
def test_leading_junk_is_the_pattern(text: str, s: int, e: int) -> None:
    assert _span(leading_junk(text, s, e)) == _span(LEADING_JUNK_RE.match(text, s, e))


#: the phrases LEADING_JUNK_RE reads, one for each of its alternatives
_JUNK_PHRASES = ("and", "but", "so", "yet", "or", "with", "still", "now", "then", "later", "meanwhile", "however",
                 "instead", "also", "indeed", "moreover", "furthermore", "even", "only", "in addition", "in fact",
                 "on monday", "at the time", "for his part", "for example", "in an interview")


def test_leading_junk_two_letter_openings() -> None:
    # every opening of two characters of a tricky alphabet, before the rest of each phrase the pattern reads
    assert all(LEADING_JUNK_RE.match(f"{p} he") for p in _JUNK_PHRASES)
    alphabet = string.ascii_letters + " ,-ſKİı"
    for a, b in itertools.product(alphabet, repeat=2):
        for rest in ("", " he", *(p[2:] + " he" for p in _JUNK_PHRASES)):
            text = a + b + rest
            for e in (1, 2, len(text)):
                assert _span(leading_junk(text, 0, e)) == _span(LEADING_JUNK_RE.match(text, 0, e)), (text, e)


def test_clean_source_reads_not_a_source_phrases() -> None:
    for phrase in word_lists().not_a_source:
        for written in (phrase, phrase.upper(), phrase.capitalize()):
            assert _clean_source(f"{written} said", (0, len(written))) is None
    assert _clean_source("And he said", (0, 6)) == (4, 6)
    assert _clean_source("the officials said", (0, 13)) == (0, 13)
