"""The gazetteer of politicians: the shipped table, its build, user tables and look-ups."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit import gazetteer as gz
from mediakit._validation import MissingColumnError


def test_shipped_table_has_the_columns_and_words_for_parties():
    g = gz.load_gazetteer()
    assert list(g.columns) == list(gz.GAZETTEER_COLUMNS)
    assert len(g) > 500
    assert set(g["party"]) >= {"Democratic", "Republican", "Independent"}
    assert "Democrat" not in set(g["party"])
    assert set(g["office"]) >= {"Senator", "Representative", "President", "Vice President"}
    assert not g.duplicated(["name", "office", "state", "first_year"]).any()


@pytest.mark.parametrize(("name", "party", "office"), [
    ("Ted Cruz", "Republican", "Senator"),
    ("Bernie Sanders", "Independent", "Senator"),  # a nickname
    ("Charles E. Schumer", "Democratic", "Senator"),
    ("Chuck Schumer", "Democratic", "Senator"),
    ("Barack Obama", "Democratic", "President"),
    ("Donald J. Trump", "Republican", "President"),  # a middle initial
    ("Alexandria Ocasio-Cortez", "Democratic", "Representative"),
])
def test_lookup_full_names(name, party, office):
    row = gz.lookup_person(name)
    assert row is not None and row["party"] == party and row["office"] == office


def test_lookup_surname_only_when_unique():
    assert gz.lookup_person("Schumer")["name"] == "Charles E. Schumer"
    assert gz.lookup_person("Cruz")["name"] == "Ted Cruz"  # 'De La Cruz' is not a 'Cruz'
    assert gz.lookup_person("Clinton") is None  # a president and a vice president
    assert gz.lookup_person("Johnson") is None
    assert gz.lookup_person("Nobody Atall") is None
    assert gz.lookup_person("") is None


def test_user_table_by_dataframe_and_path(tmp_path):
    extra = pd.DataFrame({"name": ["Keir Starmer", "Ted Cruz"], "party": ["Labour", "Whig"]})
    g = gz.load_gazetteer(extra)
    assert gz.lookup_person("Keir Starmer", g)["party"] == "Labour"
    assert gz.lookup_person("Starmer", g)["last"] == "Starmer"
    assert gz.lookup_person("Ted Cruz", g)["party"] == "Whig"  # the user's rows win
    path = tmp_path / "uk.csv"
    extra.to_csv(path, index=False)
    assert gz.lookup_person("Keir Starmer", gz.load_gazetteer(path))["party"] == "Labour"
    with pytest.raises(MissingColumnError):
        gz.load_gazetteer(pd.DataFrame({"name": ["X Y"]}))


def test_name_key():
    assert gz.name_key("Ben Ray Luján Jr.") == "ben ray lujan"
    assert gz.name_key("Charles E. Schumer") == gz.name_key("charles schumer")


@pytest.mark.slow
@pytest.mark.corpus
def test_build_is_deterministic_and_matches_the_shipped_file(corpora, tmp_path):
    src = corpora.parent / "gazetteers" / "us-congress"
    if not src.is_dir():
        pytest.skip("needs ../shared/gazetteers/us-congress")
    a = gz.build_gazetteer(tmp_path / "a.csv", src).read_bytes()
    b = gz.build_gazetteer(tmp_path / "b.csv", src).read_bytes()
    assert a == b
    from importlib import resources
    shipped = resources.files("mediakit.resources").joinpath("us_politicians.csv").read_bytes()
    assert a == shipped
    assert b"CC0" in a.split(b"\n", 3)[1] or b"CC0" in a[:400]
