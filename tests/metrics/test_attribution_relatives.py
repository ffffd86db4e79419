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


@pytest.mark.parametrize(("text", "cue", "source", "content"), [
    ("The deal was a disaster, as the senator put it.", "put it", "the senator", "The deal was a disaster"),
    ("The wall, as Trump put it, will be beautiful.", "put it", "Trump", "The wall will be beautiful"),
    ("As Ms. Simonyan put it in a statement, RT is providing a perspective.", "put it", "Ms. Simonyan",
     "RT is providing a perspective"),
    ("The wall will be built, as Trump said in his speech.", "said", "Trump", "The wall will be built"),
])
def test_a_comment_clause_opened_by_as(text, cue, source, content):
    assert rule_triples(text) == [(cue, source, content)]


def test_as_at_the_start_still_takes_the_clause_after_the_comma():
    assert rule_triples("As Trump said in his speech, the wall will be built.") == [
        ("said", "Trump", "the wall will be built")]


def test_a_report_or_study_as_it_before_a_verb_of_finding():
    out = rule_triples("The report was released on Monday. It showed that the United Nations can act.")
    assert out == [("showed", "It", "the United Nations can act")]


def test_a_noun_base_after_a_closed_quotation_is_a_verb():
    out = rule_triples("“Leaders honored Donald J. Trump yesterday,” the article read.")
    assert out == [("read", "the article", "“Leaders honored Donald J. Trump yesterday,”")]


def test_a_name_and_its_description_before_the_cue_are_the_subject():
    out = rule_triples("Ivanka Trump, the Republican presidential nominee's eldest daughter, noted the rule in the "
                       "interview last week.")
    assert out == [("noted", "Ivanka Trump, the Republican presidential nominee's eldest daughter",
                    "the rule in the interview last week")]


def test_a_list_after_a_content_ending_with_a_colon():
    text = ("MSNBC suggested that Clinton has the following tasks ahead of her tonight:\n\n"
            "Sell her presidency (what she would do and how she would do it)\n"
            "Be the Clinton who shines in a smaller crowd\n\n"
            "Trump, on the other hand, has an easier set of tasks.")
    out = rule_triples(text)
    assert out[0][0] == "suggested" and out[0][2].endswith("Be the Clinton who shines in a smaller crowd"), out


def test_an_opening_adverbial_in_a_reported_clause_keeps_its_main_clause():
    out = rule_triples("Jack O'Donnell drew Trump's ire after he told the Wall Street Journal that despite the "
                       "excitement, he didn't think the casino would last long.")
    assert out == [("told", "he", "despite the excitement, he didn't think the casino would last long")]


def test_a_quotation_between_dashes_is_the_content_alone():
    out = rule_triples("He had a fondness for brutal leaders like Saddam Hussein - ''He would have loved Stalin,'' "
                       "Mr. Biden said twice - and left.")
    assert out[0] == ("said", "Mr. Biden", "''He would have loved Stalin,''"), out


@pytest.mark.parametrize(("text", "content"), [
    ("Lamenting their luck, Mexicans often say, ''Poor Mexico, so far from God.''", "''Poor Mexico, so far from God.''"),
    ('Bemoaning the "phony system," Trump accused Holt of being a Democrat.', "Holt of being a Democrat"),
])
def test_a_participle_opening_the_sentence_is_no_content(text, content):
    assert [c for _, _, c in rule_triples(text)] == [content]


def test_a_quotation_opening_with_a_participle_is_still_the_content():
    assert rule_triples('"Bringing the troops home is the priority," he said.') == [
        ("said", "he", '"Bringing the troops home is the priority,"')]


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("But in July 2012, Patriot failed as predicted.", "predicted", "Patriot failed"),
    ("The bill passed as expected.", "expected", "The bill passed"),
    ("He left as planned, and then returned.", "planned", "He left"),
])
def test_as_and_a_participle_attribute_the_clause_before(text, cue, content):
    assert rule_triples(text) == [(cue, None, content)]


def test_a_relative_pronoun_before_a_predicate_of_judging():
    out = rule_triples("The loans financed projects like shopping centers, which private lenders still considered too "
                       "risky.")
    assert out == [("considered", "private lenders", "which too risky")]


def test_that_before_an_object_and_a_predicate_is_a_conjunction():
    out = rule_triples("But it could be that Apple’s media partners considered 99¢ far too cheap.")
    assert all(c != "that" and not c.startswith("that ") for _, _, c in out), out


def test_a_question_closed_inside_its_quotation_ends_at_the_quotation():
    out = rule_triples("Asked if Sanders is “realistic enough to serve as president,” 72 percent of Democrats said "
                       "yes.")
    assert ("said", "72 percent of Democrats", "yes") in out, out


def test_a_dash_before_a_coordinated_report_ends_the_content():
    out = rule_triples("Some say Clinton would look zippier if he ate a cheeseburger - others say he has never been "
                       "healthier.")
    assert out[0] == ("say", "Some", "Clinton would look zippier if he ate a cheeseburger"), out
    assert out[1][0] == "say" and out[1][2] == "he has never been healthier", out


def test_then_after_a_comma_opens_a_coordinated_report():
    out = rule_triples("Kasich offered the man a job as Secretary of Defense, then says he’ll welcome advice.")
    assert out[0] == ("offered", "Kasich", "the man a job as Secretary of Defense"), out
