"""Recall rules of 6 Dec 2026 (stop 41): an inverted verb of saying after a clause with a name and its
apposition after it ("..., said Wilcox, an Orlando Republican who founded ... after serving ..."), and the
content split around it ("The contrast with Trump, said Doyle and others, would be clear")."""

from __future__ import annotations

import pytest

from ._attribution_triples import rule_triples as _rule_triples
from ._attribution_triples import triples


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Federal mandates are a burden on schools, said Wilcox, an Orlando Republican who founded two companies "
     "after serving in the Army.", "Wilcox, an Orlando Republican who founded two companies",
     "Federal mandates are a burden on schools"),
    ("That will be true up to a point, said Sherman, a graduate whose drive has pushed reporters (like me) off "
     "the beat.", "Sherman, a graduate whose drive has pushed reporters", "That will be true up to a point"),
    ("The contrast with Trump, said Doyle and others, would be clear since Trump has no allies.",
     "Doyle and others", "The contrast with Trump would be clear since Trump has no allies"),
    ("The paradox of Nancy, says Carl Anthony, historian at the library, is that she was powerful.",
     "Carl Anthony, historian at the library", "The paradox of Nancy is that she was powerful"),
])
def test_inverted_cue_with_apposition_or_split_content(text, source, content):
    out = triples(text)
    assert [(s, c) for _, s, c in out] == [(source, content)], out


def test_a_name_and_apposition_after_a_verb_with_a_subject_is_the_content():
    out = triples("The company said Smith, a former employee, stole the files.")
    assert out == [("said", "The company", "Smith, a former employee, stole the files")], out


def test_a_participle_after_a_comma_is_no_inverted_cue():
    assert triples("Officials, said to be furious, left the room after the vote was taken.") == []


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Shoukair was kind and responsible, a Cairo airport official told The New York Times.",
     "a Cairo airport official", "Shoukair was kind and responsible"),
    ("Sanders remains committed to seeing the primary through to the convention, his top aide, Tad Devine, told "
     "The Huffington Post.", "his top aide, Tad Devine",
     "Sanders remains committed to seeing the primary through to the convention"),
    ("Democrats had “put the biggest crack” yet in the glass ceiling, she said in a video message to the "
     "convention.", "she", "Democrats had “put the biggest crack” yet in the glass ceiling"),
])
def test_content_before_a_short_clause_a_name_or_a_compound_channel(text, source, content):
    out = triples(text)
    assert [(s, c) for _, s, c in out] == [(source, content)], out


def test_a_clause_after_a_bare_subordinator_is_its_own_attribution():
    out = triples("Rubio spent the hour forcefully denouncing the Castro regime after Trump said he is open to "
                  "negotiating a deal with Cuba.")
    assert ("said", "Trump", "he is open to negotiating a deal with Cuba") in out, out
    assert [c for cue, _, c in out if cue == "denouncing"] == ["the Castro regime"], out


def test_a_reason_inside_a_reported_clause_stays_in_it():
    out = triples("Kelly said she asked for the interview because she wanted to get her interactions with Trump on "
                  "a professional footing.")
    assert [(c, s) for c, s, _ in out] == [("said", "Kelly")], out
    assert out[0][2].endswith("on a professional footing"), out


@pytest.mark.parametrize(("text", "source", "content"), [
    ("“Russia, if you’re listening, I hope you’re able to find the emails.” Trump said.", "Trump",
     "“Russia, if you’re listening, I hope you’re able to find the emails.”"),
    ("“We each have our own opinion, but we are friends,” Jim Bennett, 57, told a voter outside the school.",
     "Jim Bennett, 57", "“We each have our own opinion, but we are friends,”"),
])
def test_quotation_before_a_bare_verb_of_saying_or_a_place_after_the_hearer(text, source, content):
    out = triples(text)
    assert [(s, c) for _, s, c in out] == [(source, content)], out


def test_a_sentence_with_its_own_content_after_a_quotation_keeps_it():
    assert triples("“We will win.” Trump said he would go.") == [("said", "Trump", "he would go")]


@pytest.mark.parametrize(("text", "source", "content"), [
    ("O’Malley’s move was first reported by MSNBC.", "MSNBC", "O’Malley’s move"),
    ("The deal was reported by Reuters on Tuesday.", "Reuters", "The deal"),
])
def test_the_subject_of_a_passive_verb_of_saying_with_its_agent_is_the_content(text, source, content):
    assert _rule_triples(text) == [("reported", source, content)]


@pytest.mark.parametrize("text", ["It was first reported by Politico.", "He was never told about the plan."])
def test_no_content_from_a_pronoun_subject_or_a_passive_without_agent(text):
    assert _rule_triples(text) == []


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Over the long term, according to the budget office, the rise in annual deficits will continue.",
     "the budget office", "Over the long term the rise in annual deficits will continue"),
    ("And it hasn’t gone unnoticed: According to recent polls, Trump holds only 14 percent of the Latino vote.",
     "recent polls", "Trump holds only 14 percent of the Latino vote"),
    ("In the end, according to the poll, a majority of voters remain undecided.", "the poll",
     "In the end a majority of voters remain undecided"),
    ("Trump leads, according to CrowdTangle, a social analytics tool that tracks posts.",
     "CrowdTangle, a social analytics tool", "Trump leads"),
])
def test_according_to_inside_the_sentence_ends_its_source_before_the_clause(text, source, content):
    assert _rule_triples(text) == [(text[text.lower().index("according to"):][:12], source, content)]


def test_a_relative_clause_with_a_verb_of_saying_is_its_own_attribution():
    out = triples("46 percent of voters said yes, compared with 23 percent who said using a private server was "
                  "improper.")
    assert ("said", "who", "using a private server was improper") in out, out
    assert out[0][2] == "yes, compared with 23 percent", out
    out = triples("Cruz finished third, in a finish that he said defied expectations.")
    assert ("said", "he", "defied expectations") in out, out


def test_a_relative_clause_with_its_own_subject_stays_in_the_reported_clause():
    out = triples("He said the plan that he said he liked was dead.")
    assert [(c, s) for c, s, _ in out] == [("said", "He")], out


def test_a_named_poll_closing_the_sentence_is_the_source():
    out = _rule_triples("Iowa shifted. Trump leads by 57 percent to 33 percent in the 50-state poll. By contrast, "
                        "Iowa has shifted.")
    assert out == [("in", "the 50-state poll", "Trump leads by 57 percent to 33 percent")]


@pytest.mark.parametrize("text", [
    "But a series of unforced errors have handed Clinton a wide lead in the polls.",
    "Fifteen percent of voters in the poll were undecided about the race.",
    "Democratic voters in the District of Columbia head to the polls.",
])
def test_the_horse_race_polls_are_no_source(text):
    assert _rule_triples(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Poll: Trump and Clinton hold narrow leads in Pennsylvania.\n\nThree weeks ahead of the primary, polls "
     "show leads.", [(":", "Poll", "Trump and Clinton hold narrow leads in Pennsylvania")]),
    ("Poll: Which phone do you prefer?\n\nVote below.", []),
    ("Intro.\n\nPoll: Trump leads big in Iowa.", []),
])
def test_a_headline_source_before_a_statement_in_the_title_line(text, found):
    assert [t for t in triples(text) if t[0] == ":"] == found


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Other Republicans remain unpersuaded. One of the authors of that 2013 report, Ari Fleischer, said Trump’s "
     "nomination will test their conclusions.", "One of the authors of that 2013 report, Ari Fleischer",
     "Trump’s nomination will test their conclusions"),
    ("Hemsley, the co-author of \"Going Viral,\" about the spread of information, said the days of one story are "
     "gone.", "Hemsley, the co-author of \"Going Viral,\" about the spread of information",
     "the days of one story are gone"),
    ("Three-in-five GOP insiders across the four states — and two-thirds of Republicans in New Hampshire — said "
     "that Trump can’t be toppled.", "Three-in-five GOP insiders across the four states", "Trump can’t be toppled"),
    ("Schoen told host Sean Hannity a Clinton loss is “increasingly likely.”", "Schoen",
     "a Clinton loss is “increasingly likely.”"),
    ("It said supporters of the radical Islamist organization were sharing the news.", "It",
     "supporters of the radical Islamist organization were sharing the news"),
])
def test_long_subjects_titled_hearers_and_it_before_a_clause(text, source, content):
    out = _rule_triples(text)
    assert [(s, c) for _, s, c in out] == [(source, content)], out


def test_a_party_after_the_name_before_the_comma():
    out = _rule_triples("Sen. Jack Reed (D-R.I.), said on Tuesday that he had not read the plan.")
    assert [(c, s) for c, s, _ in out] == [("said", "Sen. Jack Reed (D-R.I.)")], out


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("Merkel talks about a European consensus.", "talks", "Merkel"),
    ("Clinton talked up her “50-state strategy” on Tuesday.", "talked", "Clinton"),
    ("But he talked more about policy than he has in past debates.", "talked", "he"),
    ("French Prime Minister Manuel Valls also spoke out sharply against Trump’s influence.", "spoke",
     "French Prime Minister Manuel Valls"),
])
def test_talk_and_speak_as_verbs(text, cue, source):
    assert [(c, s) for c, s, _ in _rule_triples(text)] == [(cue, source)]


@pytest.mark.parametrize("text", ["The Iran talks about sanctions resumed.", "The talks about the deal collapsed."])
def test_talks_as_a_noun(text):
    assert _rule_triples(text) == []


def test_advisers_and_aides_are_hearers():
    assert triples("This is not about me, President Obama told his closest advisers as he labored over the "
                   "speech.") == [("told", "President Obama", "This is not about me")]
    assert triples("Obama told his aides that the plan was dead.") == [("told", "Obama", "the plan was dead")]
