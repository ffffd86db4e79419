"""The cheap tests and reordered patterns of source typing (``_sources``) keep every answer; no timings here."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution import _sources
from mediakit.metrics.attribution._lexicon import lexicons, words_re

#: the patterns as they were written before they were led by their first character
_FORMER_CORE_END_RE = re.compile(
    r"\s+(?:of|for|at|from|with|in|on|by|to|against|over|about|among|between|like|than|loyal|who|whom|"
    r"whose|which|that|speaking|released|published|"
    r"conducted|seen|obtained|posted|according)\b|\s*\("
)
_FORMER_SEGMENT_SPLIT_RE = re.compile(r",\s*|\s+(?=\((?:[RDI]|R|D)\s*[-–,])|\s*[—–]\s*")
_FORMER_POSSESSIVE_S_RE = re.compile(r"[’']s\Z")

_PIECES = [" ", "  ", "\t", "\n", "\u00a0", "(", ")", ",", "-", "–", "—", "’", "'", "s", "of", "for", "who", "whom",
           "that", "which", "The", "the", "A", "an", "His", "its", "Their", "one", "Some", "R", "D", "I", "Calif.",
           "Sen.", "Trump", "al", "ſome", "Ørsted", "x", "."]
_SPANS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def _spans_of(rx: re.Pattern[str], s: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(s)]


@settings(max_examples=400, deadline=None)
@given(_SPANS)
def test_led_patterns_match_as_before(s: str) -> None:
    assert _spans_of(_sources._CORE_END_RE, s) == _spans_of(_FORMER_CORE_END_RE, s)
    assert _sources._SEGMENT_SPLIT_RE.split(s) == _FORMER_SEGMENT_SPLIT_RE.split(s)


@settings(max_examples=400, deadline=None)
@given(_SPANS)
def test_cheap_tests_answer_as_the_patterns(s: str) -> None:
    assert _sources.clean_name(s) == " ".join(_FORMER_POSSESSIVE_S_RE.sub("", s.strip(" ,.;:")).split())
    m, former = _sources._possessor(s), _sources._POSSESSOR_RE.match(s)
    assert (m and m.span()) == (former and former.span())
    assert _sources._drop_article(s) == _sources._LEAD_ART_RE.sub("", s)
    if not _sources._may_open(s, "tToOsSmMaA"):
        assert _sources._LEAD_DET_RE.sub("", s) == s
    if "’" not in s and "'" not in s:
        assert _sources._COMMON_POSSESSOR_RE.match(s) is None
    if "," not in s:
        assert _sources._APPOSITION_CUT_RE.split(s) == [s]
        if "wh" not in s and "that" not in s:
            assert _sources._RELATIVE_CUT_RE.split(s) == [s]
    if " " in s:
        assert _sources._SURNAME_ONLY_RE.fullmatch(s) is None
    last = _sources._last_word(s)
    assert last is None or last == _sources.TOKEN_RE.findall(s)[-1]


def test_entity_name_of_a_raw_span() -> None:
    assert _sources.entity_name("  the   Associated Press, ", "agency") == "AP"
    assert _sources.entity_name("The  Virginia Legislative Black Caucus, which met", "organization") == \
        "Virginia Legislative Black Caucus"


def test_name_heads_cover_the_name_patterns() -> None:
    lex = lexicons()
    # may_name reads the names the patterns are made of: the patterns must be those of the name lists
    assert lex.org_name_re.pattern == words_re(lex.org_names, flags=0).pattern
    assert lex.media_name_re.pattern == words_re(lex.media_names, flags=0).pattern
    org_heads, media_heads = _sources.name_heads(lex)
    for heads, rx, names in ((org_heads, lex.org_name_re, lex.org_names),
                             (media_heads, lex.media_name_re, lex.media_names)):
        found = 0
        for name in names:
            text = f"the {name} said"
            if rx.search(text) is not None:  # (a name that ends with a period matches only before a word character)
                found += 1
                assert _sources.may_name(heads, _sources.word_runs(text))
        assert found > len(names) // 2


_NAMEISH = st.lists(st.sampled_from(["White", "House", "Fox", "News", "al", "Qaeda", "-", " ", ".", "’s", "CNN",
                                     "Pro", "the", "U.S.", "Army", "x", "Élysée", "New", "York", "Times", "("]),
                    max_size=10).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NAMEISH)
def test_may_name_never_skips_a_match(s: str) -> None:
    lex = lexicons()
    org_heads, media_heads = _sources.name_heads(lex)
    runs = _sources.word_runs(s)
    if not _sources.may_name(org_heads, runs):
        assert lex.org_name_re.search(s) is None
    if not _sources.may_name(media_heads, runs):
        assert lex.media_name_re.search(s) is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" ,;:\u2014\u2013-()", max_size=8))
def test_a_span_without_words_is_other_not_an_error(s: str) -> None:
    # dashes and commas only split into no segment: typed "other" like an empty span (an IndexError before)
    info = _sources.analyze_span(s)
    assert info.type == "other" and info.role is None and info.affiliation is None


def test_anonymous_hints_as_a_trie_find_as_their_alternation() -> None:
    lex = lexicons()
    former = re.compile("|".join(lex.words.anonymous_hints))
    pieces = [*lex.words.anonymous_hints, "an", "anon", "a source", "close", "to", "sources close to", "x", " "]
    for a in pieces:
        for b in pieces:
            s = a + b
            assert bool(lex.anonymous_hint_re.search(s)) == bool(former.search(s)), s
