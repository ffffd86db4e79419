"""Matchers that share group expressions, and the matches a PreparedText keeps for them."""

from __future__ import annotations

import threading

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.lexicon import Lexicon, PreparedText, load_lexicon, prepare
from mediakit.metrics.loaded._model import flagged_lexicon

from .test_lexicon import reference_find

# Two lexicons with groups in common ("alpha", "May" case-sensitive, "gaza") at other group and
# term positions, and groups of the same first word with other spellings ("beta", with an ignore
# phrase in A; "gamma"; "may" case-insensitive only in B).
LEX_A = load_lexicon({
    "families": {
        "f": {"variants": {
            "ab": ["alpha beta", "alpha-beta gamma"],
            "b": ["beta"],
            "g": ["gamma delta"],
            "case": [{"term": "May", "case_sensitive": True}],
            "apos": ["gaza's health"],
            "x": ["x-ray", "boss"],
        }},
    },
    "ignore": ["beta blocker"],
})
LEX_B = load_lexicon({
    "families": {
        "h": {"variants": {
            "r": ["rebel", "opposition fighters"],
            "apos": ["gaza's health"],
            "g": ["gamma"],
            "b": ["beta"],
            "case": [{"term": "May", "case_sensitive": True}, "may"],
            "ab": ["alpha beta", "alpha-beta gamma"],
        }},
    },
})

_PIECES = ["alpha", "beta", "gamma", "delta", "x", "ray", "xray", "boss", "bosses", "may", "May", "MAY",
           "gaza", "Gaza", "health", "rebel", "rebels", "opposition", "fighters", "blocker", "Alpha", "BETA",
           " ", "  ", "\n", "-", "\u2010", "\u2011", "'s", "\u2019s", "'", "\u2019", ".", ",", "_", "1",
           "\u00e9", "\u00c9", "\u0130", "\u212a", "\u00df", "s", "S", "es", "\u00a0"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _unshared(lex: Lexicon, text: str) -> list[tuple[int, int, int]]:
    """The matches without any sharing: a PreparedText without its scans."""
    p = prepare(text)
    return lex.matcher().find(PreparedText(p.text, p.lower, p.tokens))


def test_equal_groups_share_one_expression():
    a, b = LEX_A.matcher(), LEX_B.matcher()
    shared = {id(g.scan) for g in a._groups} & {id(g.scan) for g in b._groups}
    assert len(shared) == 3  # alpha, May, gaza
    # the loaded-language lexicon that analyze uses shares hundreds with the markers lexicon
    markers, loaded = load_lexicon("markers").matcher(), flagged_lexicon().lexicon.matcher()
    assert len({id(g.scan) for g in markers._groups} & {id(g.scan) for g in loaded._groups}) > 100


def test_a_prepared_text_keeps_the_matches_of_each_expression():
    text = "Alpha beta gamma: the beta-blocker of May, may Gaza\u2019s health."
    p = prepare(text)
    first = LEX_A.matcher().find(p)
    assert p.scans  # filled by the first matcher
    assert LEX_B.matcher().find(p) == LEX_B.matcher().find(text) == reference_find(LEX_B, text)
    assert first == LEX_A.matcher().find(p) == reference_find(LEX_A, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.booleans())
def test_shared_scans_equal_brute_force_reference(text, b_first):
    p = prepare(text)
    order = (LEX_B, LEX_A) if b_first else (LEX_A, LEX_B)
    got = [lex.matcher().find(p) for lex in order]  # the second reads what the first ran
    for lex, matches in zip(order, got, strict=True):
        assert matches == _unshared(lex, text) == reference_find(lex, text)


_SHIPPED_PIECES = ["so-called", "so called", "allegedly", "all out", "all-out", "all outs", "in fact", "very",
                   "some say", "critics say", "of all time", "far left", "far-right", "regime", "may", "May",
                   "said to be", "what critics call", "hardly", "Arguably", "disastrous", "slammed"]
_SHIPPED_TEXTS = st.lists(st.sampled_from(_SHIPPED_PIECES + _PIECES[20:]), max_size=25).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SHIPPED_TEXTS)
def test_shipped_lexicons_sharing_a_prepared_text_equal_each_alone(text):
    lexicons = [load_lexicon(), load_lexicon("markers"), flagged_lexicon().lexicon]
    p = prepare(text)
    for lex in lexicons:
        assert lex.matcher().find(p) == _unshared(lex, text) == lex.matcher().find(text)


def test_threads_sharing_a_prepared_text_find_the_same():
    text = 60 * "All-out war, so-called, in fact: critics say the regime's far-right may falter. "
    lexicons = [load_lexicon("markers"), flagged_lexicon().lexicon]
    expected = [_unshared(lex, text) for lex in lexicons]
    for _ in range(5):
        p = prepare(text)
        results: list[list[tuple[int, int, int]]] = [[] for _ in range(8)]

        def run(k: int, p: PreparedText = p, results: list[list[tuple[int, int, int]]] = results) -> None:
            results[k] = lexicons[k % 2].matcher().find(p)

        threads = [threading.Thread(target=run, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(results[k] == expected[k % 2] for k in range(8))
