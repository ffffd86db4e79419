"""A short quotation that closes the subject's apposition, its comma inside, before a verb of saying and a clause
('Humphrey, a fan of “The Apprentice,” said the effort will work'): the subject is the name and its apposition,
the content follows the cue (rule of 6 Dec 2026, stop 44). Before, the quotation was read as the content of an
inverted cue ('“...,” said X') with the clause after the cue as its source."""

from __future__ import annotations

import pytest

from ._attribution_triples import rule_triples


@pytest.mark.parametrize(("text", "source", "content"), [
    ("Humphrey, a fan of “The Apprentice,” said the effort will work.", "Humphrey, a fan of “The Apprentice",
     "the effort will work"),
    ("Humphrey, who calls Trump a “sociopath,” said he doesn’t believe the effort will work.",
     "Humphrey, who calls Trump a “sociopath", "he doesn’t believe the effort will work"),
    ('Sam Solovey, a contestant on the show "The Apprentice," said his boss was kind.',
     'Sam Solovey, a contestant on the show "The Apprentice', "his boss was kind"),
    ("Trump, the former host of “The Apprentice,” said that conventions have been too dull.",
     "Trump, the former host of “The Apprentice", "conventions have been too dull"),
])
def test_a_quotation_closing_the_apposition_is_part_of_the_subject(text, source, content):
    said = [t for t in rule_triples(text) if t[0] == "said"]
    assert said == [("said", source, content)], rule_triples(text)


@pytest.mark.parametrize(("text", "source", "content"), [
    # a name alone after the cue: the inverted frame, the quotation's sentence its content
    ("Trump, in a tweet, called it “a disaster,” said the official.", "the official",
     "Trump, in a tweet, called it “a disaster,”"),
    ("He called the plan “a disaster,” said Smith.", "Smith", "He called the plan “a disaster,”"),
    ("“We will win,” Sen. Roe said.", "Sen. Roe", "“We will win,”"),
])
def test_an_inverted_cue_after_a_quotation_keeps_its_frame(text, source, content):
    assert rule_triples(text) == [("said", source, content)]
