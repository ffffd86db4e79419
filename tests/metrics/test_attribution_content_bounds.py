"""Content boundaries of 6 Dec 2026 (stop 42): a show title in quotation marks before the subject is no
content ('On “Fox News Sunday,” Pence said ...'), "and" between nouns of a reported subject opens no clause
('said the United States and its allies will seek ...'), a subordinate clause before a split cue takes its
main clause after it, a quotation coordinated after the cue continues the content, and a nominal cue's
clause runs past a quotation inside it."""

from __future__ import annotations

import pytest

from ._attribution_triples import triples


@pytest.mark.parametrize(("text", "source", "content"), [
    ("On this weekend’s broadcast of “Fox News Sunday,” Pence said his running mate’s tweet was only “to mock” "
     "Hillary Clinton.", "Pence", "his running mate’s tweet was only “to mock” Hillary Clinton"),
    ("In an interview on “Meet the Press,” the senator said the bill would pass.", "the senator",
     "the bill would pass"),
    ("On Tuesday’s episode of “The Steve Harvey Morning Show,” she said she wanted to speak directly to white "
     "people.", "she", "she wanted to speak directly to white people"),
])
def test_a_title_before_the_subject_is_no_content(text, source, content):
    out = triples(text)
    assert [(s, c) for _, s, c in out] == [(source, content)], out


@pytest.mark.parametrize("text", [
    "“We Will Win,” the senator said on Tuesday.",
    "Her answer was always “No Comment,” the senator said.",
])
def test_a_capitalised_quotation_without_a_preposition_is_still_the_content(text):
    out = triples(text)
    assert [c for cue, _, c in out if cue == "said"][-1].endswith(",”"), out


@pytest.mark.parametrize(("text", "content"), [
    ("He said the United States and its allies will seek new U.N. sanctions and take other measures.",
     "the United States and its allies will seek new U.N. sanctions and take other measures"),
    ("Ryan said the recent spate of police shootings and protests demands that all Americans listen.",
     "the recent spate of police shootings and protests demands that all Americans listen"),
])
def test_and_between_the_nouns_of_a_reported_subject_opens_no_clause(text, content):
    out = triples(text)
    assert [(cue, c) for cue, _, c in out] == [("said", content)], out


def test_and_before_a_pronoun_subject_still_opens_a_clause():
    out = triples("He talked about reforming that and we want to get these smart people over here.")
    assert ("want", "we", "to get these smart people over here") in out, out


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Though that transition was relatively seamless, he said, replacing Clinton would be much more acrimonious.",
     "he", "Though that transition was relatively seamless replacing Clinton would be much more acrimonious"),
    ("So when the deal with Mr. Clarke fell through last summer, Mr. Barrett said, \"we were floored.\"",
     "Mr. Barrett", "So when the deal with Mr. Clarke fell through last summer \"we were floored.\""),
])
def test_a_subordinate_clause_before_the_cue_takes_its_main_clause(text, source, content):
    out = triples(text)
    assert [(s, c) for _, s, c in out] == [(source, content)], out


def test_a_subordinate_clause_with_a_cue_of_its_own_stays_apart():
    out = triples("When asked whether D.C. should have a vote in the House, he said: \"I think that is okay.\"")
    assert ("said", "he", "\"I think that is okay.\"") in out, out
    assert any(cue == "asked" for cue, _, _ in out), out


def test_a_quotation_coordinated_after_the_cue_continues_the_content():
    out = triples("Mills \"got an immunity agreement,\" Jordan said, and still \"got to sit in on the interview.\"")
    assert out == [("said", "Jordan", "Mills \"got an immunity agreement,\" and still \"got to sit in on the "
                    "interview.\"")], out


def test_a_nominal_cue_clause_runs_past_a_quotation_inside_it():
    out = triples("Politifact seized on Trump’s claim that there have been “thousands of shootings” in Chicago "
                  "this year alone.")
    assert ("claim", "Trump", "that there have been “thousands of shootings” in Chicago this year alone") in out, out


def test_a_quotation_paragraph_after_a_closing_report_continues_its_content():
    text = ("“Cyber security remains one of the biggest challenges facing our country today,” Carson continued.\n\n"
            "\"Even under the best cases, our classified information is under constant attack.\"\n\n"
            "Other news followed on Tuesday.")
    out = triples(text)
    assert out == [("continued", "Carson", "“Cyber security remains one of the biggest challenges facing our "
                    "country today,” \"Even under the best cases, our classified information is under constant "
                    "attack.\"")], out


def test_a_report_sentence_after_other_sentences_takes_no_next_paragraph():
    text = ("“We will win,” Carson said. The crowd cheered loudly for a while.\n\n"
            "\"Nobody expected that.\"\n\nOther news followed on Tuesday.")
    assert triples(text)[0] == ("said", "Carson", "“We will win,”"), triples(text)


@pytest.mark.parametrize(("text", "content"), [
    ("In a press release, the committee said about its inclusion of the group in the latest draft of its platform:"
     "\n\n\"The platform goes further than previous platforms. It champions health centers.\"\n\nMore followed.",
     "\"The platform goes further than previous platforms. It champions health centers.\""),
    ("Parker Eaton, a nominal Republican, said that given the crop of candidates on both sides:\n\n"
     "\"There is only one: Trump. He spends his own money.\"\n\nMore followed.",
     "given the crop of candidates on both sides \"There is only one: Trump. He spends his own money.\""),
])
def test_a_report_closing_its_paragraph_with_a_colon_takes_the_next_quotation(text, content):
    out = triples(text)
    assert out[0][2] == content, out


@pytest.mark.parametrize(("text", "source"), [
    ("He faces allegations that he assaulted a former aide, which he has denied.", "he"),
    ("The group opposed the pact, which Mr. Putin vehemently opposed.", "Mr. Putin"),
])
def test_an_object_relative_pronoun_is_the_content(text, source):
    out = triples(text)
    assert out[-1][1:] == (source, "which"), out


@pytest.mark.parametrize("text", [
    "He praised the donations, which he said were accompanied by favors.",
    "I was just kidding. To which she said, \"Thank God you still believe.\"",
])
def test_a_relative_with_a_clause_or_a_preposition_keeps_its_content(text):
    out = triples(text)
    assert all(c != "which" for _, _, c in out), out


@pytest.mark.parametrize(("text", "source"), [
    ("Most donors gave little. The New York Times reports: \"In an illustration of the mood, few gave.\"",
     "The New York Times"),
    ("Bonuses for bankers were $500 to $2,000 every three months, The Wall Street Journal reports.",
     "The Wall Street Journal"),
])
def test_an_outlet_name_before_reports_makes_it_a_verb(text, source):
    out = triples(text)
    assert [(cue, s) for cue, s, _ in out] == [("reports", source)], out


def test_reports_as_a_noun_stays_a_noun():
    assert triples("Annual Reports: the archive of our filings is online.") == []


@pytest.mark.parametrize("text", [
    "Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa.",
    "Lynch speaks more frequently in public about racial issues than about gender.",
])
def test_speak_with_about_after_adverbs_and_times(text):
    assert [cue for cue, _, _ in triples(text)] == [text.split()[2 if text.startswith("Hillary") else 1]]


def test_an_object_cue_in_the_passive_with_its_agent_takes_the_subject():
    out = triples("Trump has been criticized by some of his rivals for failing to spend enough time in the state.")
    assert out == [("criticized", "some of his rivals", "Trump for failing to spend enough time in the state")], out


def test_a_participle_after_an_adverb_is_its_own_attribution():
    out = triples("The GOP nominee complained about his mic the morning after the debate, even suggesting he may "
                  "have been sabotaged.")
    assert [(cue, c) for cue, _, c in out] == [("complained", "about his mic the morning after the debate"),
                                               ("suggesting", "he may have been sabotaged")], out


def test_a_past_verb_after_a_reported_clause_in_the_future_shares_the_outer_subject():
    out = triples("Trump said he would order a thorough review of the nation's computer defenses and warned against "
                  "potential hackers from China.")
    assert [(cue, s) for cue, s, _ in out] == [("said", "Trump"), ("warned", "Trump")], out


def test_a_verb_after_a_reported_clause_in_the_past_stays_in_it():
    out = triples("She said she was elated but feared the outcome of the vote.")
    assert out == [("said", "She", "she was elated but feared the outcome of the vote")], out


def test_a_closing_report_with_a_party_and_a_hearer_ends_the_content_before_it():
    out = triples("Trump could embrace a clean energy policy, but only if he can be convinced that it is a good "
                  "business decision, Sen. Lindsey Graham (R-S.C.) told The Huffington Post on Thursday.")
    assert out[-1][:2] == ("told", "Sen. Lindsey Graham (R-S.C.)"), out
    assert out[-1][2].endswith("a good business decision"), out


def test_a_two_word_participle_cue_after_a_quotation_ends_the_content():
    out = triples("Trump said things “should be wrapped up by Cleveland,” referring to the party’s July convention.")
    assert [(cue, c) for cue, _, c in out] == [("said", "things “should be wrapped up by Cleveland,”"),
                                               ("referring to", "the party’s July convention")], out


def test_a_verb_after_but_and_an_auxiliary_shares_the_subject():
    out = triples("He did not mention his opponents by name but did note that he had won the most states.")
    assert [(cue, s, c) for cue, s, c in out][-1] == ("note", "He", "he had won the most states"), out


def test_with_before_the_subject_of_a_participle_is_no_part_of_the_source():
    out = triples("Obama faced questions about militant violence, with Republican Senator John McCain telling "
                  "reporters on Thursday he viewed Obama as weak.")
    assert out == [("telling", "Republican Senator John McCain", "he viewed Obama as weak")], out


def test_a_quantity_after_while_is_the_subject_of_its_own_clause():
    out = triples("Half of voters say they prefer a candidate who is an outsider, while about 4 in 10 want one with "
                  "political experience.")
    assert [(cue, s) for cue, s, _ in out] == [("say", "Half of voters"), ("want", "about 4 in 10")], out


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Hillary Clinton is telling customers at a popular Manchester, New Hampshire, breakfast spot that she will "
     "fight for them.", "Hillary Clinton", "she will fight for them"),
    ("Activist teachers have gained clout in recent years, teachers and union officials told POLITICO.",
     "teachers and union officials", "Activist teachers have gained clout in recent years"),
    ("“We are busting it,” an intelligence source, who was not authorized to speak on the record, told Fox News.",
     "an intelligence source, who was not authorized to speak on the record", "“We are busting it,”"),
    ("The company suspended accounts. It also said it had expanded the teams that review them.", "It",
     "it had expanded the teams that review them"),
    ("''He deserved it,'' the assailant, John McGraw, told the television program ''Inside Edition'' after the "
     "confrontation.", "the assailant, John McGraw", "''He deserved it,''"),
])
def test_hearers_and_subjects_of_plain_reports(text, source, content):
    out = triples(text)
    assert out[-1][1:] == (source, content), out


def test_a_judging_verb_in_the_passive_with_a_reason_needs_no_agent():
    out = triples("Mr. Sanders has been criticized for offering vague responses to questions on the subject.")
    assert out == [("criticized", None, "Mr. Sanders for offering vague responses to questions on the subject")], out
    assert triples("The plan was announced on Friday.") == []


@pytest.mark.parametrize("text", [
    "(Reporting by Valerie Volcovici; Additional reporting by Lawrence Hurley; Editing by Will Dunham.)",
    "Julie Hirschfeld Davis reported from Midway Atoll, and Mark Landler and Coral Davenport from Kaneohe Bay, Hawaii.",
])
def test_credit_lines_with_several_names_are_no_attributions(text):
    assert triples(text) == []


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Recently, Tom Emanuel of Laconia stood at a Bush event here to say he was leaning toward supporting Mr. Trump.",
     "Tom Emanuel of Laconia", "he was leaning toward supporting Mr. Trump"),
    ("He went out of his way to say that Russia's economy had hit bottom this year.", "He",
     "Russia's economy had hit bottom this year"),
])
def test_a_verb_of_saying_after_a_verb_of_going_takes_its_subject(text, source, content):
    assert triples(text) == [("say", source, content)], triples(text)


def test_an_infinitive_after_a_verb_of_wanting_is_not_a_report():
    assert [cue for cue, _, _ in triples("She wanted to say that she was sorry.")] == ["wanted"]


def test_consider_with_a_name_and_its_predicate_is_a_belief():
    assert triples("Mr. Netanyahu considers Mr. Obama hopelessly naive about the region.") == [
        ("considers", "Mr. Netanyahu", "Mr. Obama hopelessly naive about the region")]
    assert triples("They considered Sanders for the job.") == []


@pytest.mark.parametrize(("text", "content"), [
    ("He has been harshly criticized for policies that objectors see as abusive.",
     "He for policies that objectors see as abusive"),
    ("Mr. Quiros was accused of using $50 million for personal expenses.",
     "Mr. Quiros of using $50 million for personal expenses"),
    ("Mr. Sanders, meanwhile, was criticized by the senator for his vague answers.",
     "Mr. Sanders for his vague answers"),
])
def test_passives_of_judging_verbs_with_a_pronoun_an_aside_or_of(text, content):
    out = triples(text)
    assert [c for _, _, c in out] == [content], out


def test_it_says_before_a_clause_with_a_past_verb():
    out = triples("The city sent a letter Thursday. It says the campaign violated federal and state law.")
    assert out == [("says", "It", "the campaign violated federal and state law")], out


def test_speak_before_a_quotation_in_a_headline():
    out = triples("Hillary Clinton Speaks ‘Directly To White People’ After Latest Police Shooting.\n\nShe spoke on Tuesday.")
    assert out[0][:2] == ("Speaks", "Hillary Clinton"), out
