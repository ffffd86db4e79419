"""Names on web pages (page furniture in capitals before them) and countries as sources."""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit as mk
from mediakit.metrics.attribution._sources import name_start


@pytest.mark.parametrize(("run", "name"), [
    ("CLOSE Donald Trump", "Donald Trump"),
    ("JUST WATCHED Obama", "Obama"),
    ("ADVERTISEMENT Jared Kushner", "Jared Kushner"),
    ("DONALD TRUMP", "DONALD TRUMP"),  # a name in capitals (a transcript) stays whole
    ("JUAN GONZÁLEZ", "JUAN GONZÁLEZ"),
    ("FBI Director James Comey", "James Comey"),
    ("J. K. Rowling", "J. K. Rowling"),
    ("AD Frederick Brown", "Frederick Brown"),
    ("DJ Jaffe", "DJ Jaffe"),  # two capitals before a surname alone: maybe initials
    ("ABC News", "ABC News"),  # an outlet's name
    ("Sen. Ted Cruz", "Ted Cruz"),
])
def test_a_word_in_capitals_before_a_name_is_not_part_of_it(run, name) -> None:
    toks = run.split()
    assert " ".join(toks[name_start(toks):]) == name


def _rows(*texts: str) -> pd.DataFrame:
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})
    return mk.extract_attributions(arts)


def test_page_furniture_does_not_join_the_speakers_name() -> None:
    out = _rows("CLOSE Donald Trump said the wall would be built. Trump said Mexico would pay for it.",
                "ADVERTISEMENT Jared Kushner told reporters the plan was ready.")
    assert out["speaker"].tolist() == ["Donald Trump", "Donald Trump", "Jared Kushner"]
    trump = out.iloc[1]
    assert (trump["source_role"], trump["party"]) == ("politician", "Republican")


@pytest.mark.parametrize("text", [
    "North Korea threatened to retaliate against the new sanctions.",
    "The US said the talks would resume next week.",
    "The U.S.A. said the talks would resume next week.",
    "Britain said it would send more troops to the region.",
    "South Korea warned that the talks had stalled.",
])
def test_a_country_as_a_source_is_its_government(text) -> None:
    row = _rows(text).iloc[0]
    assert (row["source_type"], row["source_role"], row["role_evidence"]) == ("organization", "official", "org:country")


def test_the_pronoun_us_is_no_country() -> None:
    out = _rows("Some of us said it was over.", "He told us the plan had failed.")
    assert "official" not in set(out["source_role"].dropna())


@pytest.mark.parametrize("text", [
    "America Ferrera said she would vote in November.",
    "Ki Hong, 33, who came to the U.S. as a child, said he was afraid.",
    "Opponents of allowing Syrian refugees into the U.S. said the plan was dangerous.",
])
def test_a_country_inside_a_source_does_not_make_it_a_government(text) -> None:
    row = _rows(text).iloc[0]
    assert row["role_evidence"] != "org:country" and row["source_role"] != "official"


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("WASHINGTON — AARP, the powerful lobby for older Americans, said on Friday that it was open to cuts.",
     "AARP, the powerful lobby for older Americans", "AARP"),
    ("NEW YORK (AP) -- Mayor Bill de Blasio said Tuesday that the schools would reopen.",
     "Mayor Bill de Blasio", "Bill de Blasio"),
    ("MOSCOW (Reuters) - Russian Deputy Foreign Minister Sergei Ryabkov said talks would go on.",
     "Russian Deputy Foreign Minister Sergei Ryabkov", "Sergei Ryabkov"),
])
def test_a_dateline_is_not_part_of_the_first_source(text, source, speaker) -> None:
    row = _rows(text).iloc[0]
    assert (row["source_text"], row["speaker"]) == (source, speaker)


def test_page_furniture_and_fact_boxes_make_no_attributions() -> None:
    out = _rows("SHARE THIS ARTICLE Share Tweet Post Email\n\nPresident Donald Trump said the deal was done.",
                "No. 4 Costco ($101.43 billion)\n\nHeadquarters: Issaquah, Wash.\n\nThe company said the policy stands.",
                "Hide Caption\n\n1 of 10\n\nTim Kaine is entertaining a run. In January, he told NPR the party was lost.")
    assert out["cue_text"].tolist() == ["said", "said", "told"]
    assert out["speaker"].tolist()[-1] == "Tim Kaine"


def test_a_title_before_a_first_name_does_not_make_it_a_surname() -> None:
    out = _rows("Sen. Tim Kaine is entertaining a 2016 run. In January, he told NPR that the party was lost.")
    assert out["speaker"].tolist() == ["Tim Kaine"]


def test_a_number_before_a_participle_and_a_plural_noun_is_no_source() -> None:
    out = _rows("As of March 30, the state has nearly 60,000 confirmed cases, more than any other state.",
                "Three in 10 said they would vote for him.",
                "Whitmer on April 30 ordered theaters, restaurants and bars to close.",  # a date: a verb
                "The Nevada Supreme Court in 2018 criticized prosecutors for the questions.")
    assert out["cue_text"].tolist() == ["said", "ordered", "criticized"]
    assert out["source_text"].tolist()[0] == "Three in 10"


def test_an_outlet_whose_name_opens_with_a_stop_word_is_an_outlet() -> None:
    row = _rows("The New York Times reported on Monday that the talks had failed.").iloc[0]
    assert (row["speaker"], row["source_type"], row["source_role"]) == ("New York Times", "media", "media")
