"""A US state or "the state", "the city" as the whole source is a government; "who" after "X of <place>" is X; "X is a
senior fellow at ..." after a name describes X.

Found on the first 3,000 AllSides articles (stop 50): "Texas refused ...", "The state countered ..." and "the
authors said" had no role (61 rows); "Senator Amy Klobuchar of Minnesota, who said" made Minnesota the speaker;
"Matthew Gertz is a senior fellow at Media Matters for America." left Gertz without a role (112 rows changed, about 85
of them from unknown to the role the sentence states).
"""

from __future__ import annotations

import pytest

from mediakit.metrics.attribution import find_attributions
from mediakit.metrics.attribution._sources import country_alias


def _rows(text: str) -> list[dict]:
    return find_attributions(text)


@pytest.mark.parametrize(("text", "evidence"), [
    ("Texas said it would appeal the ruling.", "org:state"),
    ("New Hampshire said the count was final.", "org:state"),
    ("The state countered that Ohio still offers more early voting.", "org:government"),
    ("The city said it would appeal.", "org:government"),
])
def test_a_government_as_the_whole_source(text, evidence):
    row = _rows(text)[0]
    assert (row["source_role"], row["role_evidence"]) == ("official", evidence)


def test_a_state_inside_a_phrase_is_no_government():
    row = _rows("A Texas man said he was robbed.")[0]
    assert row["source_role"] != "official"
    assert country_alias("California", whole=False) is None  # a span cut wrong: "California, cubmaster and ..."
    assert country_alias("the U.S.", whole=False) == "org:country"  # a country's names as before
    assert country_alias("a state") is None and country_alias("state") is None


@pytest.mark.parametrize("source", ["The authors", "The study authors", "Its five co-authors"])
def test_the_authors_of_a_study_are_experts(source):
    row = _rows(f"{source} said the effect was small.")[0]
    assert row["source_role"] == "expert"


@pytest.mark.parametrize(("text", "speaker"), [
    ("Most notably U.S. Senator Amy Klobuchar of Minnesota, who said she would act.", "Amy Klobuchar"),
    ("Ranking member Elijah Cummings (D) of Maryland, who blasted the hearing, spoke.", "Elijah Cummings"),
    ("That was enough for supporters like Janice Adkison, 52, of Florida, who said she has hope.", "Janice Adkison"),
])
def test_who_after_a_place_is_the_person_before_it(text, speaker):
    row = next(r for r in _rows(text) if r["source_text"] == "who")
    assert row["speaker"] == speaker


def test_which_after_a_place_is_the_place():
    # "which" may stand for the place's government
    rows = [r for r in _rows("The suit was brought by lawyers for Texas, which argued that the law was void.")
            if r["source_text"] == "which"]
    assert all(r["speaker"] != "lawyers" for r in rows)


@pytest.mark.parametrize(("text", "role"), [
    ("Matthew Gertz is a senior fellow at the Brookings Institution.\n\n\u201cIt is bad,\u201d Gertz said.", "expert"),
    ("Ken Lalime is the CEO of Acme Holdings Inc.\n\nLalime said the plant would close.", "business"),
    ("Jane Roe was an economist at Harvard.\n\nRoe said growth would slow.", "expert"),
])
def test_a_copula_after_the_first_full_name_describes_the_person(text, role):
    row = next(r for r in _rows(text) if r["cue_text"] == "said")
    assert row["source_role"] == role


def test_a_copula_without_a_role_noun_changes_nothing():
    row = next(r for r in _rows("Tim Winter is the reason we lost.\n\nWinter said so.") if r["cue_text"] == "said")
    assert row["source_role"] == "unknown"
