"""Whose party a source gets through the person it works for ("Romney adviser", "Mr Cohen's team").

A politician's name before a role noun passes its party to the source only when it modifies that noun: a
coordinated phrase ("US President Donald Trump and Russian President Vladimir Putin") or a demonym ("Russian
President") starts another phrase. A bare surname is read as the gazetteer's politician only when the article
names nobody else of that surname ("Michael Cohen" is not Rep. Steve Cohen).
"""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.metrics.attribution import extract_attributions


def _rows(text: str) -> pd.DataFrame:
    return extract_attributions(pd.DataFrame({"article_id": ["a"], "text": [text]}), progress=False)


def _row(text: str, source: str) -> pd.Series:
    rows = _rows(text)
    hit = rows[rows["source_text"] == source]
    assert len(hit) == 1, rows[["source_text", "speaker", "party", "role_evidence"]]
    return hit.iloc[0]


@pytest.mark.parametrize("text, source, party", [
    ("Addressing leaders in Paris - including US President Donald Trump and Russian President Vladimir Putin - he "
     "spoke. Mr Putin told journalists he had a brief conversation with Mr Trump.", "Mr Putin", None),
    ("Michael Cohen, the president's former lawyer, was in court. Mr Cohen's team argues that the papers are "
     "covered by privilege.", "Mr Cohen's team", None),
    # the politician's own name right before the role noun still decides
    ("Sanders campaign manager Jeff Weaver said the rally was large.", "Sanders campaign manager Jeff Weaver",
     "Independent"),
    ("Romney adviser Stuart Stevens said the race was close.", "Romney adviser Stuart Stevens", "Republican"),
    ("Trump's former spokeswoman Hope Hicks said no.", "Trump's former spokeswoman Hope Hicks", "Republican"),
    ("Rep. Steve Cohen of Tennessee spoke on Monday. Mr Cohen's team argues that the papers are covered by "
     "privilege.", "Mr Cohen's team", "Democratic"),
])
def test_party_through_the_principal(text: str, source: str, party: str | None) -> None:
    row = _row(text, source)
    assert (row["party"] if pd.notna(row["party"]) else None) == party


@pytest.mark.parametrize("text, source", [
    ("The Russian leader said the talks had gone well.", "The Russian leader"),
    ("Israeli leaders said they would not negotiate.", "Israeli leaders"),
])
def test_a_leader_after_a_demonym_is_a_politician(text: str, source: str) -> None:
    row = _row(text, source)
    assert row["source_role"] == "politician"
    assert row["role_evidence"].endswith("+demonym")


def test_a_surname_in_capitals_is_not_the_congressman_beside_another_of_that_name() -> None:
    text = ("Then a new charge against Michael Cohen last week mentioned Trump himself, in the plea documents:\n\n"
            "COHEN discussed the status of the Moscow Project with Individual 1 on more than the three occasions "
            "COHEN claimed to the Committee.")
    rows = _rows(text)
    assert rows.loc[rows["source_text"] == "COHEN", "party"].isna().all()
    row = _row("Rep. Steve Cohen of Tennessee held a hearing on Monday. COHEN said the committee would press on.",
               "COHEN")
    assert row["party"] == "Democratic"
