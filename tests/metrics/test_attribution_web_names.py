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
