"""Rules of 6 Dec 2026 (stop 44): a parenthesis that closes the subject belongs to the noun phrase before it
('Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior staffer) says ...'), and a
coordinated clause with a cue of its own ends the content of a split cue ('..., records show, and aviation experts
say ...')."""

from __future__ import annotations

import pytest

from mediakit.metrics.attribution import find_attributions

from ._attribution_triples import rule_triples


@pytest.mark.parametrize(("text", "source"), [
    ("Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior staffer) says he was "
     "unfocused.", "Sen. Chris Murphy"),
    ("The company (which makes chips) said profits rose.", "The company"),
    # a parenthesis the noun phrase already holds stays in the source (the party is read from it)
    ("Sen. Chris Murphy (D-Conn.) says he was unfocused.", "Sen. Chris Murphy (D-Conn.)"),
    ("Clinton (who had led in the polls) said she would win.", "Clinton (who had led in the polls)"),
])
def test_a_closing_parenthesis_belongs_to_the_noun_phrase_before_it(text, source):
    assert [s for _, s, _ in rule_triples(text)] == [source]


def test_the_speaker_before_a_long_parenthesis_is_resolved_with_party():
    row, = find_attributions("Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior "
                             "staffer) says he was unfocused.")
    assert (row["speaker"], row["source_role"], row["party"]) == ("Chris Murphy", "politician", "Democratic")


def test_a_coordinated_report_ends_the_content_of_a_split_cue():
    text = ("The aircraft was insured at a value of $35 million in 2011, records show, and aviation experts say it is "
            "currently worth about $18 million.")
    assert rule_triples(text) == [
        ("show", "records", "The aircraft was insured at a value of $35 million in 2011"),
        ("say", "aviation experts", "it is currently worth about $18 million")]


def test_a_connective_clause_without_a_cue_still_goes_on_with_the_content():
    out = rule_triples("He is leaning toward Kasich, he said, because he prizes electability.")
    assert out == [("said", "he", "He is leaning toward Kasich because he prizes electability")], out
