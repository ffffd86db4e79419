"""The lexicon matcher against the brute-force reference, on texts that stress its pre-filter and boundaries.

The texts mix lexicon words with what decides a match at the edges: hyphens (ASCII and Unicode),
straight and curly apostrophes and possessives, capitals, underscores, digits, non-break spaces and
non-ASCII letters, including letters whose lower case is ASCII ("\\u212a", the Kelvin sign) or longer
("\\u0130"). Two lexicons with groups in common read one :func:`prepare`, as ``analyze``'s matchers do.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.lexicon import Lexicon, PreparedText, load_lexicon, prepare
from mediakit.metrics.loaded._model import flagged_lexicon

from .test_lexicon import reference_find

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


def _without_sharing(lex: Lexicon, text: str) -> list[tuple[int, int, int]]:
    """The matches of ``text`` alone: its own preparation, made field by field."""
    p = prepare(text)
    return lex.matcher().find(PreparedText(p.text, p.lower, p.tokens))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.booleans())
def test_matchers_sharing_a_preparation_equal_brute_force_reference(text, b_first):
    p = prepare(text)
    order = (LEX_B, LEX_A) if b_first else (LEX_A, LEX_B)
    got = [lex.matcher().find(p) for lex in order]
    for lex, matches in zip(order, got, strict=True):
        assert matches == _without_sharing(lex, text) == lex.matcher().find(text) == reference_find(lex, text)


_SHIPPED_PIECES = ["so-called", "so called", "allegedly", "all out", "all-out", "all outs", "in fact", "very",
                   "some say", "critics say", "of all time", "far left", "far-right", "regime", "may", "May",
                   "said to be", "what critics call", "hardly", "Arguably", "disastrous", "slammed"]
_SHIPPED_TEXTS = st.lists(st.sampled_from(_SHIPPED_PIECES + _PIECES[20:]), max_size=25).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_SHIPPED_TEXTS)
def test_shipped_lexicons_sharing_a_preparation_equal_each_alone(text):
    p = prepare(text)
    for lex in (load_lexicon(), load_lexicon("markers"), flagged_lexicon().lexicon):
        assert lex.matcher().find(p) == _without_sharing(lex, text) == lex.matcher().find(text)
