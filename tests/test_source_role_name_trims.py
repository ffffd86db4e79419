"""The slice-based name trims of the source-role stage equal the regex substitutions they replace."""

from __future__ import annotations

import itertools
import re

import pytest

from mediakit.metrics.attribution._roles import _without_possessive, _without_the

_THE_RE = re.compile(r"^(?:the|The)\s+")
_POSS_RE = re.compile(r"[’']s?\Z")
#: the characters the two patterns care about, and a few others (a no-break space, an em space)
_ALPHABET = ("t", "h", "e", "T", "s", "S", "'", "’", " ", "\t", "\n", "\xa0", "\u2003", "x")


def _strings(max_len: int) -> list[str]:
    return ["".join(p) for n in range(max_len + 1) for p in itertools.product(_ALPHABET, repeat=n)]


@pytest.mark.parametrize("name", ["The New York Times", "the  Post", "Theodore", "the", "The\tFed", "Thex", ""])
def test_without_the_examples(name: str) -> None:
    assert _without_the(name) == _THE_RE.sub("", name)


@pytest.mark.parametrize("name", ["Cruz's", "Cruz’s", "Jones'", "NBC’s", "Sheriff's", "s", "'", "Cruz''s", ""])
def test_without_possessive_examples(name: str) -> None:
    assert _without_possessive(name) == _POSS_RE.sub("", name)


def test_trims_equal_the_regexes_on_every_short_string() -> None:
    for s in _strings(4):
        assert _without_the(s) == _THE_RE.sub("", s), repr(s)
        assert _without_possessive(s) == _POSS_RE.sub("", s), repr(s)
