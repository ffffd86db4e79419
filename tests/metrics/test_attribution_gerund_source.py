"""The source of a cue in -ing after a verb phrase of its own: the subject, not the clause up to the cue.

'Khamenei was quoted as saying ...' is Khamenei's; 'Gowdy released a statement saying ...' Gowdy's (codebook: a verb
between the person and the document); the object of a verb of quoting, perceiving or having is the speaker ('CNN
quoted an American witness as saying ...'). A gerund completing "it is ..." is no one's act ('It is also quite
telling that ...'), and relative pronouns keep their verb phrase (which says the source is anonymous).
"""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.metrics.attribution import extract_attributions


def _rows(text: str) -> pd.DataFrame:
    return extract_attributions(pd.DataFrame({"article_id": ["a"], "text": [text]}), progress=False)


@pytest.mark.parametrize("text, cue, source", [
    ("Khamenei was quoted as saying the United States is the great Satan.", "saying", "Khamenei"),
    ("The senator was heard saying that the crowd should disperse.", "saying", "The senator"),
    ("Trump was caught on tape saying that he could grab them.", "saying", "Trump"),
    ("Buttigieg made a point of saying that he would not accept corporate money.", "saying", "Buttigieg"),
    ("Gowdy released a statement saying the inquiry would go on.", "saying", "Gowdy"),
    ("CNN quoted an American witness as saying that the bombs fell at night.", "saying", "an American witness"),
    ("The South Korean newspaper Donga Ilbo quotes unnamed South Korean military sources as saying the drills "
     "began.", "saying", "unnamed South Korean military sources"),
    # unchanged: a progressive ('is' is the auxiliary) and a subject of one word
    ("Officials are saying that the plan will fail.", "saying", "Officials"),
])
def test_the_gerund_source_is_the_subject(text: str, cue: str, source: str) -> None:
    rows = _rows(text)
    hit = rows[rows["cue_text"] == cue]
    assert hit["source_text"].tolist() == [source]


def test_a_gerund_completing_it_is_is_no_attribution() -> None:
    rows = _rows("It is also quite telling that the senator did not show up.")
    assert "telling" not in rows["cue_text"].tolist()


def test_a_relative_pronoun_keeps_its_verb_phrase() -> None:
    rows = _rows("Government officials, who asked not to be identified discussing legal decisions, said that the "
                 "department would not appoint a special prosecutor.")
    hit = rows[rows["cue_text"] == "discussing"]
    assert len(hit) <= 1
    if len(hit):
        assert hit.iloc[0]["source_text"].startswith("who asked not to be identified")


@pytest.mark.parametrize("text, cue, source, role", [
    # the gerund describes the verb's object, a noun for people: they are the source, not the subject
    ("A small fleet of rafts carried migrants hoping to reach the island.", "hoping", "migrants", "citizen"),
    ("The bus brought protesters demanding that the mayor resign.", "demanding", "protesters", "citizen"),
    ("The governor met with residents complaining that the water was unsafe.", "complaining", "residents",
     "citizen"),
    # a document or a phrase that is no plain object keeps the subject (codebook: 'Gowdy released a statement')
    ("Gowdy released a statement saying the inquiry would go on.", "saying", "Gowdy", "politician"),
    ("Hagan's campaign sent mailers to Republican voters citing the senator's record.", "citing",
     "Hagan's campaign", "politician"),
])
def test_people_the_gerund_describes_are_its_source(text: str, cue: str, source: str, role: str) -> None:
    rows = _rows(text)
    hit = rows[rows["cue_text"] == cue]
    assert hit["source_text"].tolist() == [source]
    assert hit["source_role"].tolist() == [role]
