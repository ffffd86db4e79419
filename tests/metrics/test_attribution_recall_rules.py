"""Recall rules of 4 Dec 2026 night (helper HB): subjects with several appositions, predicative complements of
"seem"/"appear", "considers him a ...", "told the story of", "more likely to say", "In <poll>, ..." and coordinators after
', X said,'."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.metrics.attribution import _polls
from mediakit.metrics.attribution._apposed import apposed_subject
from mediakit.metrics.attribution._document import prepare
from mediakit.metrics.attribution._extract import find
from mediakit.metrics.attribution._polls import poll_frames
from mediakit.metrics.attribution._predicative import plural_subject, predicative_complement, small_clause

from ._attribution_triples import rule_triples as _triples

# --------------------------------------------------------------------------- subjects with appositions


@pytest.mark.parametrize(("text", "source"), [
    ("Holger Schmieding of Berenberg, Germany's largest private bank, warned that the attack would matter.",
     "Holger Schmieding of Berenberg, Germany's largest private bank"),
    ("Two military analysts, Patrick Megahan and Chris Harman, found in 2014 that the air force is the best.",
     "Two military analysts, Patrick Megahan and Chris Harman"),
    ("RNC members and officials, in fact, even insist that Trump will exceed expectations.",
     "RNC members and officials, in fact"),
])
def test_a_subject_with_several_appositions_is_the_source(text, source):
    out = _triples(text)
    assert len(out) == 1 and out[0][1] == source, out


@pytest.mark.parametrize("text", [
    "In 2014, after the vote, said the report was wrong.",  # opened by a preposition
    "The economy slowed, the bank, warned that rates would rise.",  # a verb of its own
    'The plan, "a disaster", warned that rates would rise.',  # a quotation
])
def test_no_apposed_subject_for_clauses_and_adverbials(text):
    m = re.search(r",\s+(said|warned)", text)
    assert m is not None
    comma = m.start()
    assert apposed_subject(prepare(text), 0, comma) is None


# --------------------------------------------------------------------------- seem / appear + complement


def test_seem_with_an_adjective_is_an_evidential_without_a_source():
    assert _triples("Polls came early. Ms. Kelly seemed certain to leave.") == [
        ("seemed", None, "Ms. Kelly certain to leave")]
    assert _triples("The race is early. New Hampshire seems stable.") == [("seems", None, "New Hampshire stable")]


@pytest.mark.parametrize("text", [
    "Mr. Bush appeared on Sunday news shows to defend his record.",  # presence, not appearance
    "The senator appeared before the committee.",
    "She appeared Sunday in Iowa.",
    "He spoke about what seems a constant stream of drivel.",  # a relative subject
    "Rubio seemed hopeful that the United States could accept more refugees.",  # an attitude with its holder
])
def test_appear_of_presence_relatives_and_attitudes_are_no_predicative_complement(text):
    m = re.search(r"\b(seem|seems|seemed|appear|appears|appeared)\b", text)
    assert m is not None
    lemma = "seem" if m.group().startswith("seem") else "appear"
    assert not predicative_complement(text, m, lemma, m.end(), len(text))


def test_considers_him_a_racist_is_a_belief():
    assert _triples("Ramos considers himself an immigrant.") == [("considers", "Ramos", "himself an immigrant")]
    assert small_clause("consider", " him a phony.") and not small_clause("consider", " him for the job.")
    assert not small_clause("say", " him a phony.")


def test_more_likely_to_say_takes_the_subject_before_the_degree_word():
    out = _triples("Democratic voters are more likely to say that Clinton represents their positions.")
    assert out == [("say", "Democratic voters", "Clinton represents their positions")]


def test_told_the_story_of_is_an_attribution_and_told_him_is_not():
    assert _triples("She regularly tells the story of how he wooed her.") == [
        ("tells", "She", "the story of how he wooed her")]
    assert _triples("Fox told a slightly different tale.") == [("told", "Fox", "a slightly different tale")]
    assert _triples("He told him.") == []


def test_a_plural_subject_after_a_determiner_makes_a_base_form_a_verb():
    assert _triples("The emails show that Labott took directions from Reines.") == [
        ("show", "The emails", "Labott took directions from Reines")]
    assert all(c != "report" for c, _, _ in _triples("He wrote after the jobs report was released."))  # a noun
    assert all(c != "report" for c, _, _ in _triples("She read the UN report on Tuesday."))
    assert plural_subject("polls", "suggest") and not plural_subject("news", "report")
    assert not plural_subject("polls", "showed")


# --------------------------------------------------------------------------- polls


def test_in_a_poll_opening_a_sentence_is_an_attribution():
    t = "Voters are split. In the latest Washington Post-ABC News poll, Clinton led Trump 47 percent to 39 percent."
    assert _triples(t) == [("In", "the latest Washington Post-ABC News poll",
                            "Clinton led Trump 47 percent to 39 percent")]


@pytest.mark.parametrize("text", [
    "He has led in the polls, and voters like him.",  # not the opening of the sentence
    "In the poll, 40 percent said they would vote for him.",  # the verb makes the attribution
    'He said: "In the poll, Clinton led."',  # inside a quotation
    "In the morning, Clinton led the parade.",  # no poll
])
def test_no_poll_frame_elsewhere(text):
    assert poll_frames(prepare(text)) == []


_POLL_PLAIN = re.compile(r"\bIn\s+" + _polls._POLL_RE.pattern.split(r"\s+", 1)[1])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["In", "in", "xIn", "_In", "\u00e9In", "a", "the", "CNN", "poll", "polls",
                                           "survey", "exit poll", "polling", "led", "Clinton"]),
                          st.sampled_from(["", " ", ", ", "\n", "(", "\u201c", "-", "'"])), max_size=10)
       .map(lambda ps: "".join(w + g for w, g in ps)))
def test_poll_scan_finds_what_its_plain_definition_finds(text):
    # the scan looks for the literal "In" and checks the word boundary behind it (a leading \b is slower)
    assert [(m.span(), m.groups()) for m in _polls._POLL_RE.finditer(text)] == \
        [(m.span(), m.groups()) for m in _POLL_PLAIN.finditer(text)]


# --------------------------------------------------------------------------- coordinators after ', X said,'


def test_a_coordinated_clause_after_a_parenthetical_cue_is_not_its_content():
    out = _triples('"It depends on how you deliver it," Stevens says, but she cautions that she sees two sides.')
    assert out[0][0] == "says" and "cautions" not in out[0][2], out


def test_a_coordinated_quotation_after_a_parenthetical_cue_stays_its_content():
    out = _triples('He said, "You know, I love Larry," but "Larry has a history of representing fossil fuels."')
    assert len(out) == 1 and "history" in out[0][2], out


# --------------------------------------------------------------------------- leading conjunctions


@pytest.mark.parametrize(("text", "source"), [
    ("The rally ended on Sunday. And the Anti-Defamation League said the remarks were hateful.",
     "the Anti-Defamation League"),
    ("The vote failed. But officials said the bill would return.", "officials"),
    ("And he said the vote would pass.", "he"),
])
def test_a_leading_conjunction_is_not_part_of_the_source(text, source):
    # the pattern is matched at the source's start, anywhere in the text (not only at offset 0)
    assert [t[1] for t in _triples(text)] == [source]


# --------------------------------------------------------------------------- odd text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["In", "the", "poll", "survey", ",", "seems", "appeared", "considers", "him",
                                 "a", "racist", "said", "Smith", "of", "Acme", "likely", "to", "say", "more",
                                 "but", "and", '"', "''", ".", "\n", "that", "warned", "officials"]),
                max_size=40))
def test_odd_text_never_raises(words):
    text = " ".join(words)
    find(text, learned_filter=False)
    find(text)
    poll_frames(prepare(text)) if text.strip() else None
