"""Recall rules of issue 15 (item 5): coordinated clauses, infinitives of saying, appositive subjects,
lower-case inverted sources, a colon before the next paragraph, and the new belief/plan/evidence cues."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution import cue_lexicon, find_attributions

from ._attribution_triples import rule_triples
from ._attribution_triples import triples as _triples


def test_a_comma_clause_with_its_own_cue_ends_the_content():
    out = _triples("Only 7 percent said they are undecided, 27 percent of those polled said they could "
                   "change their minds.")
    assert out == [("said", "7 percent", "they are undecided"),
                   ("said", "27 percent of those polled", "they could change their minds")]


def test_a_lower_case_clause_after_a_comma_is_not_cut():
    out = _triples("She said that, in the end, voters said no to the plan.")
    assert len(out) == 1 and out[0][2].endswith("no to the plan")


@pytest.mark.parametrize("text, source", [
    ("Pence went on to say he is confident that the two men will do great things.", "Pence"),
    ("The senator paused to ask whether the bill would pass.", "The senator"),
    ("Mr. Trump continued to insist that the election was rigged.", "Mr. Trump"),
])
def test_an_infinitive_of_saying_takes_the_subject_of_the_verb_before(text, source):
    out = _triples(text)
    assert len(out) == 1 and out[0][1] == source, out


@pytest.mark.parametrize("text", [
    "It is hard to say whether the plan will work.",
    "He needed to say something, and he wanted to tell a story.",
    "They asked him to say more about the plan.",
])
def test_other_infinitives_are_not_cues(text):
    # "wanted" and "asked" are cues of their own; the infinitives after them are not
    assert not any(cue in ("say", "tell") for cue, _, _ in _triples(text))


def test_a_name_with_a_capitalised_apposition_is_the_subject():
    out = _triples("Rashad Robinson, Color of Change's executive director, said his group will continue "
                   "to press companies.")
    assert out == [("said", "Rashad Robinson, Color of Change's executive director",
                    "his group will continue to press companies")]


def test_a_clause_before_the_comma_is_not_an_apposition():
    assert _triples("When the polls closed, said the count would take days.") == []


def test_an_inverted_source_may_start_in_lower_case_after_a_quotation():
    out = _triples('"It is unusual," said conservative activist Bob Klaus.')
    assert out == [("said", "conservative activist Bob Klaus", '"It is unusual,"')]


def test_a_colon_at_the_end_of_a_paragraph_takes_the_next_paragraph():
    out = _triples("The network responded:\n\nThe claims are false and we stand by our reporting.")
    assert out == [("responded", "The network", "The claims are false and we stand by our reporting")]


@pytest.mark.parametrize("text, cue, cls", [
    ("Clinton doubted that the plan would pass.", "doubted", "belief"),
    ("The senator prefers a smaller bill.", "prefers", "commitment"),
    ("Most voters saw him as a risk.", "saw", "belief"),
    ("The governor made it clear that he would veto the bill.", "made it clear", "assertive"),
    ("Analysts pointed to the jobs report as evidence of a slowdown.", "pointed to", "evidence"),
    ("The campaign touted its fundraising numbers.", "touted", "praise"),
])
def test_new_cue_lemmas_and_their_classes(text, cue, cls):
    out = find_attributions(text)
    assert [(a["cue_text"], a["cue_class"]) for a in out] == [(cue, cls)]


def test_nouns_among_the_new_forms_are_not_cues():
    assert _triples("There is little doubt about the support for the plan.") == []
    assert _triples("The backing of the party came late.") == []


def test_new_lemmas_are_not_speech_cues():
    # the speech-cue scope of the evaluation is unchanged by the new lemmas
    lex = cue_lexicon()
    for lemma in ("see", "consider", "doubt", "prefer", "decide", "make_clear", "point_to", "imply", "tout"):
        assert lex[lemma]["speech"] is False, lemma


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["went on to say", ",", "said", ":", "\n\n", "Mr. Smith", "he", "that",
                                 "continued to", "saw", "made it clear", "\"", "27 percent", "and", "."]),
                max_size=25))
def test_odd_text_never_raises(parts):
    for a in find_attributions(" ".join(parts)):
        assert a["cue_text"]


@pytest.mark.parametrize("text, cue, source, content", [
    ("Clinton is confident that she will win the nomination.", "confident", "Clinton",
     "she will win the nomination"),
    ("Many voters remain deeply skeptical of the deal.", "skeptical", "Many voters", "of the deal"),
    ("He has been critical of the administration.", "critical", "He", "of the administration"),
    ("The senator was eager to move on.", "eager", "The senator", "to move on"),
])
def test_an_attitude_adjective_after_be_or_a_linking_verb(text, cue, source, content):
    assert _triples(text) == [(cue, source, content)]


@pytest.mark.parametrize("text", [
    "It is critical to the process.",  # no source: "it"
    "A critical vote is coming.",  # attributive, not after "be"
    "She is happy.",  # no complement
])
def test_attitude_adjectives_without_the_frame_are_not_cues(text):
    assert _triples(text) == []


@pytest.mark.parametrize("text, source, content", [
    ("He was asked about the former first lady.", None, "the former first lady"),
    ("Asked about her own vote, she said she would back Clinton.", None, "her own vote"),
    ("Asked by Thrush if Clinton gets race, he said yes.", "Thrush", "if Clinton gets race"),
    ("Asked what a firm commitment looks like, Devine said it would take time.", None,
     "what a firm commitment looks like"),
])
def test_the_question_put_to_someone_is_the_content_of_asked(text, source, content):
    out = [t for t in _triples(text) if t[0].lower() == "asked"]
    assert out == [(out[0][0], source, content)] if out else False, _triples(text)


def test_phrasal_verbs_with_up_are_not_cues():
    assert _triples("Democratic voters just aren't showing up at the polls.") == []
    assert not any(cue == "adds" for cue, _, _ in _triples("It simply adds up to a loss for the party."))


def test_speak_with_an_adverb_before_its_preposition():
    # the rule's candidate (the learned filter, retrained at stop 43, scores this one-sentence text 0.32)
    out = rule_triples("Mr. Trump spoke favorably of Mr. Putin's leadership.")
    assert [(cue, src) for cue, src, _ in out] == [("spoke", "Mr. Trump")]


def test_that_culture_they_said_emphasizes():
    # the content goes on after a parenthetical attribution, even through a verb that is a cue form
    out = _triples("That culture, they said, emphasizes hard work and loyalty.")
    assert out == [("said", "they", "That culture emphasizes hard work and loyalty")]
