"""The subject of a cue without what is fronted before it: "Last week, X said" is X's, "In the past he said" is his.

Before, the source span (and so the ``speaker``) of these attributions was the adverbial: "Last week",
"In a 2013 hearing on Capitol Hill", "In the past he".
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from mediakit.metrics.attribution import find_attributions
from mediakit.metrics.attribution._phrases import after_fronted, np_left


def _row(text: str, cue: str) -> dict:
    rows = [r for r in find_attributions(text) if r["cue_text"] == cue]
    assert len(rows) == 1, find_attributions(text)
    return rows[0]


@pytest.mark.parametrize("text, cue, source, speaker", [
    ("Last week, Democratic gubernatorial candidate Richard Cordray said the race was tight.", "said",
     "Democratic gubernatorial candidate Richard Cordray", "Richard Cordray"),
    ("In a 2013 hearing on Capitol Hill, then-TSA administrator John Pistole, described the Red Team as "
     "\u201csuper terrorists,\u201d who know precisely which weaknesses to exploit.", "described",
     "then-TSA administrator John Pistole", "John Pistole"),
    ("Last month, North Korea said it would test again.", "said", "North Korea", "North Korea"),
    ("Separately, Sen. Dianne Feinstein said the report was flawed.", "said", "Sen. Dianne Feinstein",
     "Dianne Feinstein"),
    ("Recently, though, Gov. Tim Pawlenty said he would run.", "said", "Gov. Tim Pawlenty", "Tim Pawlenty"),
    ("After the vote, Nancy Pelosi said the bill would pass.", "said", "Nancy Pelosi", "Nancy Pelosi"),
])
def test_fronted_adverbial_is_not_the_source(text, cue, source, speaker):
    row = _row(text, cue)
    assert row["source_text"] == source
    assert row["speaker"] == speaker


def test_pronoun_after_an_adverbial_is_the_subject_and_is_resolved():
    text = ("Donald Trump spoke at a rally in Ohio on Monday.\n\nIn the past he said that the plant would stay open.\n\n"
            "At first he promised that no jobs would go.")
    said, promised = _row(text, "said"), _row(text, "promised")
    assert said["source_text"] == promised["source_text"] == "he"
    assert said["speaker"] == promised["speaker"] == "Donald Trump"


@pytest.mark.parametrize("subject, expected", [
    ("In the past he", "he"),
    ("why he", "he"),
    ("does he", "he"),
    ("Therefore I", "I"),
    ("Initially they", "they"),
    ("the president, he", "he"),
    # a pronoun after a noun may open a relative clause ("the policy points he supports"): unchanged
    ("Sanders has made no secret of the policy points he", "Sanders has made no secret of the policy points he"),
    ("Trump and I", "Trump and I"),
    # commas that close no adverbial
    ("34,000 troops", "34,000 troops"),
    ("Kelly, the spokeswoman", "Kelly, the spokeswoman"),
    ("Italy, France and Germany", "Italy, France and Germany"),
    ("At least seven mayors, including Bill de Blasio", "At least seven mayors, including Bill de Blasio"),
    ("Last week, House Democrats", "House Democrats"),
    ("Tuesday, the White House", "the White House"),
    ("Last January, the agency", "the agency"),
])
def test_np_left(subject, expected):
    text = subject + " said"
    span = np_left(text, 0, len(subject))
    assert span is not None
    assert text[span[0]:span[1]] == expected


@pytest.mark.parametrize("text, cue, content", [
    ("Trump took to Twitter overnight to accuse Clinton\u2019s campaign of being \u201cduped\u201d by \u201ca con\u201d and "
     "encourage Americans to check out what he called Machado\u2019s \u201csex tape.\u201d", "called", "sex tape"),
    ("The Democrats met Ryan on Wednesday in what they claimed was a positive meeting.", "claimed",
     "was a positive meeting"),
    ("Mr. McCord did what he thought was best for the party.", "thought", "was best for the party"),
])
def test_what_they_called_keeps_its_label(text, cue, content):
    row = _row(text, cue)
    assert row["source_text"] in ("he", "they")
    assert content in row["content_text"]


@pytest.mark.parametrize("text", ["The president meant what he said.", "They are careful about what they say."])
def test_what_they_said_has_no_content(text):
    assert find_attributions(text) == []


def test_sentence_adverb_opens_no_name():
    text = ("Donald Trump held a rally on Monday.\n\nMaybe Trump is right about trade. Trump told the crowd that "
            "tariffs would work.")
    assert _row(text, "told")["speaker"] == "Donald Trump"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,,.In Last week he34\n")), max_size=60))
def test_after_fronted_stays_inside_the_span(text):
    s, e = after_fronted(text, 0, len(text))
    assert 0 <= s <= e <= len(text)
    assert e == len(text) or not text
