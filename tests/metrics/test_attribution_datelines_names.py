"""Agency datelines, given names that are also titles, party words and well-known surnames, web sites as sources.

Found on the first 3,000 AllSides articles (stop 50):

- a story's dateline with its outlet in parentheses ("Washington (CNN) President Donald Trump said") was read as
  part of the first source: its speaker was "Washington (CNN) President Donald Trump", an ``official`` of a country
  (41 rows, mostly the lead's attribution);
- "Dean" opening a name ("Dean Baker", "Dean Heller", "Dean Baquet") was read as the academic title: ``expert``;
- "West Virginia Democrat Joe Manchin and Nevada Republican Dean Heller" gave Heller the first party word;
- a web site as a source ("NBCNews.com") had no role.
"""

from __future__ import annotations

import pytest

from mediakit.metrics.attribution import find_attributions
from mediakit.metrics.attribution._party import party_in_text
from mediakit.metrics.attribution._roles import org_role


def _row(text: str, cue: str) -> dict:
    return next(r for r in find_attributions(text) if r["cue_text"] == cue)


@pytest.mark.parametrize("opening", [
    "Washington (CNN) ",
    "Washington (CNN) - ",
    "BURLINGTON, Vt. (Reuters) - ",
    "Everglades National Park, Florida (CNN) ",
    "(CNN) - ",
])
def test_an_agency_dateline_is_not_the_source(opening):
    row = _row(opening + "President Barack Obama said on Tuesday that the talks would go on.", "said")
    assert row["source_text"] == "President Barack Obama"
    assert row["speaker"] == "Barack Obama"
    assert (row["source_role"], row["party"]) == ("politician", "Democratic")


def test_a_name_in_parentheses_that_is_no_outlet_stays():
    # "(R-Texas)" is no outlet: nothing is cut
    row = _row("Sen. Ted Cruz (R-Texas) on Tuesday said the bill would fail.", "said")
    assert row["source_text"].startswith("Sen. Ted Cruz (R-Texas)")
    assert row["party"] == "Republican"


def test_an_outlet_in_parentheses_ending_the_span_is_the_source():
    # nothing follows the parentheses: the span is the name, not a dateline
    row = _row("The company told Agence France-Presse (AFP) it would appeal.", "told")
    assert row["source_text"] == "The company"


@pytest.mark.parametrize("name", ["Dean Baker", "Dean Heller"])
def test_dean_as_a_given_name_is_no_title(name):
    row = _row(f"{name} said the tax cut would not pay for itself.", "said")
    assert row["speaker"] == name
    assert row["role_evidence"] != "title:dean"
    assert row["source_role"] != "expert"


def test_dean_as_a_title_still_counts():
    row = _row("Jane Roe, dean of the law school, said the ruling was narrow.", "said")
    assert (row["source_role"], row["role_evidence"]) == ("expert", "title:dean")


def test_the_party_word_nearest_the_name_describes_it():
    text = ("Two of the most endangered senators, West Virginia Democrat Joe Manchin and Nevada Republican "
            "Dean Heller, are being targeted by their opposition.\n\n"
            "Heller is facing jabs of his own, Democrats said.\n\n"
            "\u201cWe will vote on it,\u201d Heller said.")
    row = next(r for r in find_attributions(text) if r["cue_text"] == "said" and r["source_text"] == "Heller")
    assert row["speaker"] == "Dean Heller"
    assert row["party"] == "Republican"


def test_party_in_text_last():
    assert party_in_text("Democrat Joe Manchin and Nevada Republican") == "Democratic"
    assert party_in_text("Democrat Joe Manchin and Nevada Republican", last=True) == "Republican"
    assert party_in_text("Sen. Ted Cruz (R-Texas) and Democrats", last=True) == "Republican"  # a marker first
    assert party_in_text("the senator", last=True) is None


@pytest.mark.parametrize(("site", "role"), [
    ("NBCNews.com", "media"), ("FoxNews.com", "media"), ("NKNews.org", "media"),
    ("HealthCare.gov", "official"), ("www.cdc.gov", "official"), ("Harvard.edu", "expert"),
    ("Vote.org", None), ("Bankrate.com", None),
])
def test_web_sites_by_their_name(site, role):
    d = org_role(site)
    assert (d.role if d is not None else None) == role


def test_a_known_organisation_with_a_domain_keeps_its_entry():
    assert org_role("MoveOn.org") == ("advocacy", "org:MoveOn.org")
    assert org_role("F.B.I.") == ("official", "org:FBI")  # a dotted acronym is no web site


def test_an_outlets_site_as_a_source_is_media():
    row = _row("The senator told NBCNews.com that the bill would pass.", "told")
    assert row["source_text"] == "The senator"
    row = _row("NBCNews.com reported that the bill would pass.", "reported")
    assert (row["source_text"], row["source_role"]) == ("NBCNews.com", "media")


def test_a_surname_of_several_well_known_people_with_one_role_and_party():
    from mediakit.metrics.attribution._party import _known_by_surname

    assert _known_by_surname("clinton") == ("politician", "Democratic", "")  # Bill or Hillary: no office
    assert _known_by_surname("bush") == ("politician", "Republican", "")
    assert _known_by_surname("no-such-surname") is None
