"""Nominal cues (6 Dec 2026, helper nom): a noun of saying or attitude whose source is its possessor ("Trump's call
for a ban on Muslims") or the subject of a light verb ("Christie unleashed withering attacks against Rubio")."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution._document import prepare
from mediakit.metrics.attribution._extract import find
from mediakit.metrics.attribution._lexicon import nominal_cues
from mediakit.metrics.attribution._nominal_cues import nominal_frames

from ._attribution_triples import rule_triples


def _nominal(text: str) -> list[tuple[str, str, str, str]]:
    return [(text[a.cue[0]:a.cue[1]], text[a.source[0]:a.source[1]] if a.source else "",
             " ".join(text[s:e] for s, e in a.content), a.lemma) for a in nominal_frames(prepare(text))]


@pytest.mark.parametrize(("text", "cue", "source", "content", "lemma"), [
    ("Christie unleashed withering attacks against Rubio.", "attacks against", "Christie", "Rubio", "attack"),
    ("Trump has raised questions about Obama's birthplace.", "questions about", "Trump", "Obama's birthplace",
     "question"),
    ("Trump has made comments about voter fraud.", "comments about", "Trump", "voter fraud", "comment"),
    ("The senator expressed support for the deal.", "support for", "The senator", "the deal", "support"),
    ("Voters cheered Trump's call for a ban on Muslims.", "call for", "Trump", "a ban on Muslims", "call"),
    ("Sen. Graham's energetic endorsement of Cruz, his rival, surprised many.", "endorsement of", "Sen. Graham", "Cruz",
     "endorse"),
    ("Obama's decision to veto the bill was criticized.", "decision", "Obama", "to veto the bill", "decide"),
    # a possessive pronoun right after a light verb: the verb's subject is the source (the pronoun refers to it)
    ("He renewed his claim that the election was rigged.", "claim", "He", "that the election was rigged", "claim"),
    ("Sanders has toned down his criticism of Hillary Clinton.", "criticism of", "Sanders", "Hillary Clinton",
     "criticize"),
    ("Donald Trump stepped up his attacks on Rubio.", "attacks on", "Donald Trump", "Rubio", "attack"),
    ("Trump is doubling down on his attacks on Rubio.", "attacks on", "his", "Rubio", "attack"),  # after "on"
    ("Voters punished his decision not to attend the debate.", "decision", "his", "not to attend the debate",
     "decide"),
    ("Sanders rallied young people with his calls for free tuition.", "calls for", "his", "free tuition", "call"),
    ("The proposal has drawn harsh criticism from fellow Republicans.", "criticism from", "fellow Republicans",
     "The proposal", "criticize"),
    ("Cruz won the endorsement of Gov. Mike Pence on Friday.", "endorsement of", "Gov. Mike Pence", "Cruz",
     "endorse"),
])
def test_a_nominal_cue_makes_an_attribution(text, cue, source, content, lemma):
    assert _nominal(text) == [(cue, source, content, lemma)]


@pytest.mark.parametrize("text", [
    "The plan to build a wall is costly.",  # no possessor, no light verb
    "Tuesday's call for unity went unanswered.",  # a time, not a source
    "What do you think of his support for the deal?",  # a question
    "She said: “his attacks on Rubio were unfair”.",  # inside a quotation
    "There are better ways to express your opposition to Trump.",  # an infinitive, a second person
    "His support was decisive.",  # no content after the noun
    "It raised questions about the budget.",  # 'it' is no source
    "He entertains detailed questions about his path.",  # not a light verb
    "Python 3 dropped its support for old releases.",  # 'its': software, not a source
    "He got a call from his mother.",  # not a noun of 'received'
    "The plan has support.",  # no source after the noun
    "Records show his call to Flynn the day before.",  # a phone call: no infinitive after 'to'
    "Bernhardt has pleased Trump but is drawing attacks from environmental groups.",  # no subject before 'is'
])
def test_no_nominal_attribution(text):
    assert _nominal(text) == []


def test_a_nominal_cue_reaches_the_rows():
    text = "Donald Trump on Thursday ratcheted up his attacks on Rubio. The weather was mild."
    # the light verb's subject keeps its time phrase, as a verb's does ('Donald Trump on Thursday said')
    assert ("attacks on", "Donald Trump on Thursday", "Rubio") in rule_triples(text)


def test_a_nominal_cue_inside_a_reported_clause_is_left_to_the_verb():
    text = "Smith said that Trump's call for a ban on Muslims was a mistake."
    cues = [c for c, _, _ in rule_triples(text)]
    assert cues == ["said"]


def test_every_noun_names_a_cue_lemma():
    from mediakit.metrics.attribution._lexicon import cue_lexicon

    nc = nominal_cues()
    assert nc.nouns and all(n.lemma in cue_lexicon() for n in nc.nouns.values())
    assert all(n.kept <= n.after for n in nc.nouns.values())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Trump's", "his", "their", "raised", "stepped", "up", "the", "a", "withering",
                                 "attacks", "attack", "on", "against", "call", "for", "to", "that", "decision",
                                 "support", "questions", "about", "claim", "’s", "'s", "s'", ",", ".", "?", '"',
                                 "“", "”", "—", "\n", "said", "Smith", "it", "was", "Tuesday's", "-", "Support", "Criticism",
                                 "calls for", "Calls", "from", "drew", "criticism", "won", "of", "not"]),
                max_size=40))
def test_odd_text_never_raises(words):
    text = " ".join(words)
    if text.strip():
        nominal_frames(prepare(text))
    find(text, learned_filter=False)
    find(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text):
    if text.strip():
        nominal_frames(prepare(text))
    find(text)
