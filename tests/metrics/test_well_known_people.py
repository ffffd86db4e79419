"""Well-known non-politicians of the `people` list in source_roles.yaml (issue 15, third pass)."""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit as mk


def _first(text: str) -> pd.Series:
    out = mk.extract_attributions(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    return out.iloc[0]


@pytest.mark.parametrize(("text", "role", "office"), [
    ("Anthony Fauci said the vaccines were safe and effective.", "official", "NIAID Director"),
    ("Dr. Anthony Fauci said the vaccines were safe and effective.", "official", "NIAID Director"),
    ("Jerome Powell said the Fed would keep raising rates.", "official", "Federal Reserve Chairman"),
    ("Christopher Wray said the threat was growing.", "official", "FBI Director"),
    ("H.R. McMaster said the president's disclosure was wholly appropriate.", "official",
     "National Security Adviser"),
    ("Chief Justice John Roberts wrote that the law was constitutional.", "legal", ""),
    ("John Roberts wrote that the law was constitutional.", "legal", ""),
    ("Jack Smith said the indictment speaks for itself.", "legal", ""),
    ("Alexander Vindman told lawmakers the call was improper.", "police_military", ""),
    ("Mark Milley said the troops would stay.", "police_military", ""),
    ("Paul Krugman wrote that the stimulus was too small.", "media", ""),
    ("Julian Assange said the documents were authentic.", "media", ""),
    ("Larry Summers said inflation would be persistent.", "expert", ""),
    ("Randi Weingarten said teachers wanted to return safely.", "advocacy", ""),
    ("Jamie Dimon said the economy was strong.", "business", ""),
    ("Sundar Pichai said the company would comply.", "business", ""),
    ("Edward Snowden said the surveillance was unconstitutional.", "citizen", ""),
    ("Franklin Graham said the country needed prayer.", "other", ""),
])
def test_well_known_people_get_their_role(text, role, office) -> None:
    row = _first(text)
    assert row["source_role"] == role
    assert (row["party"] if isinstance(row["party"], str) else "") == ""
    assert (row["office"] if isinstance(row["office"], str) else "") == office


def test_a_title_in_the_text_still_wins() -> None:
    row = _first("Fox News host Jeanine Pirro said the verdict was a disgrace.")
    assert row["source_role"] == "media"
    row = _first("Michael Cohen, a former lawyer for the president, said he lied to Congress.")
    assert row["source_role"] == "legal"
