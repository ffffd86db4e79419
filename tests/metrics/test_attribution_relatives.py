"""Rules of 6 Dec 2026 (stop 43): object relatives ('Rubio, who many in the establishment had backed'), a clause
opened by a connective after a split cue ('..., he said, because ...'), a title in apposition to an opening
phrase ('In his 2002 book, “...,” X said'), a passive's agent after an adverbial ('was endorsed on Monday by X')
and a relative clause on the agent ('was echoed by X, who ...')."""

from __future__ import annotations

import pytest

from ._attribution_triples import rule_triples, triples


@pytest.mark.parametrize(("text", "source", "content"), [
    ("He turned against the trade bill - which he once supported - and has embraced tariffs.", "he", "which"),
    ("It was a blow to Florida Sen. Marco Rubio, who many in the Republican establishment had backed in the hope "
     "of derailing Trump.", "many in the Republican establishment", "who"),
    ("He met with Hillary Clinton, who he's supporting in the primary.", "he", "who"),
    ("It marked a victory over establishment politics that she fears.", "she", "that"),
    ("He bought the house in Maine, which he describes as his second home.", "he", "which as his second home"),
    ("She voted for the bill, something she opposed as a senator from New York.", "she",
     "something as a senator from New York"),
])
def test_an_object_relative_pronoun_is_the_content(text, source, content):
    out = triples(text)
    assert [(s, c) for _, s, c in out] == [(source, content)], out


def test_no_object_relative_for_a_wish():
    assert rule_triples("You know that you’re the only one that I want.") == []  # a person wished for


def test_that_as_a_determiner_opens_no_relative():
    assert [c for _, _, c in rule_triples("That report found nothing new.")] == ["nothing new"]


def test_a_subject_relative_is_still_the_source():
    out = triples("Officials who said the plan would fail were fired.")
    assert [(s, cue) for cue, s, _ in out] == [("Officials who", "said")], out


def test_a_connective_after_a_split_cue_goes_on_with_an_unquoted_content():
    out = triples("He’s leaning toward Kasich, he said, because he prizes electability.")
    assert out == [("said", "he", "He’s leaning toward Kasich because he prizes electability")], out


def test_a_connective_after_a_quotation_is_no_content():
    out = triples('"We will win," he said, because the polls were good.')
    assert out == [("said", "he", '"We will win,"')], out


@pytest.mark.parametrize("text", [
    "In his 2002 book, “Make Your Kid a Millionaire,” Mr. McKinley said parents should save.",
    "In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. McKinley said parents should save.",
])
def test_a_title_in_apposition_to_an_opening_phrase_is_no_content(text):
    assert triples(text) == [("said", "Mr. McKinley", "parents should save")]


def test_a_title_after_a_clause_is_still_a_quotation():
    out = triples("Her answer was always “No Comment,” the senator said.")
    assert [c for _, _, c in out] == ["Her answer was always “No Comment,”"], out


def test_a_passive_agent_after_an_adverbial():
    assert triples("Cruz was endorsed on Monday by former rival Carly Fiorina.") == [
        ("endorsed", "former rival Carly Fiorina", "Cruz")]


def test_a_relative_clause_on_the_agent_is_not_the_content_of_the_passive():
    out = triples("Clinton’s attacks were echoed by her campaign and Democrats across the country, who "
                  "highlighted comments Trump made in 2006.")
    assert out[0] == ("echoed", "her campaign and Democrats across the country", "Clinton’s attacks"), out
    assert out[1][:2] == ("highlighted", "who"), out


def test_little_is_a_determiner_before_a_noun_cue():
    assert triples("There is little doubt about the support for the plan.") == []
