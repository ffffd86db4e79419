"""The speed-ups of the source-role stage keep its decisions: the rightmost clause break, the
per-phrase readings of entities and people, and their caches (cleared with the others)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mediakit.metrics.attribution import clear_role_caches, find_attributions
from mediakit.metrics.attribution._assign import _read_entity, _read_person
from mediakit.metrics.attribution._person_role import POSS_COMMA_RE, RoleRow, last_break, without_name

_BREAK_RE = re.compile(r"[,;:“”\"()\n—–]|(?<=[a-z0-9]{3})\.\s")  # the definition of a clause break


def _scan_last(text: str, end: int) -> tuple[int, int] | None:
    """The last break of a left-to-right scan (what :func:`last_break` must return)."""
    last = None
    for m in _BREAK_RE.finditer(text, 0, end):
        last = m.span()
    return last


@given(st.text(alphabet="abc1 .\n,;:“”\"()—–X\t", max_size=30), st.data())
def test_last_break_is_the_last_of_a_scan(text, data):
    end = data.draw(st.integers(0, len(text)))
    m = last_break(text, end)
    assert (m.span() if m is not None else None) == _scan_last(text, end)


def test_last_break_keeps_a_full_stop_with_its_newline():
    m = last_break("said the mayor.\nThen", 20)
    assert m is not None and m.group() == ".\n"


@given(st.lists(st.sampled_from(["Cruz", "Cruz's", "Cruz’s,", "Sen.", "Ted", "bus", "its", "O'", "a,"]), max_size=6))
def test_without_name_drops_the_name_words(words):
    span = " ".join(words)
    expected = " ".join(w for w in span.split() if POSS_COMMA_RE.sub("", w) not in {"Ted", "Cruz"})
    assert without_name(span, "Ted Cruz") == expected


def test_with_evidence_is_replace():
    r = RoleRow("politician", "title:sen", None, "Republican", "Senator")
    assert r.with_evidence("surname:Ted Cruz|title:sen") == r._replace(role_evidence="surname:Ted Cruz|title:sen")


def test_role_caches_are_cleared():
    find_attributions("The company said profits rose. Sen. Ted Cruz said the bill would pass.")
    assert _read_entity.cache_info().currsize > 0 and _read_person.cache_info().currsize > 0
    clear_role_caches()
    assert _read_entity.cache_info().currsize == 0 and _read_person.cache_info().currsize == 0


def test_same_rows_cold_and_warm():
    text = ("Officials said the talks failed. The fund said it would wait. Sen. Ted Cruz (R-Texas) said the bill "
            "would pass. Cruz said he was sure. \u201cIt is over,\u201d said Anna Berg, a spokeswoman.")
    clear_role_caches()
    cold = find_attributions(text)
    assert find_attributions(text) == cold
