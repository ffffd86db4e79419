"""Outlet identity from domains: registered domains, the shipped domain table, Media Cloud names, URLs in records."""

from __future__ import annotations

import json
import socket
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit.outlets as outlets
from mediakit import load_articles
from mediakit.outlets import (default_outlet_aliases, default_outlet_domains, normalize_outlet, outlet_from_url,
                              registered_domain, url_host)


@pytest.mark.parametrize("value, expected", [
    ("https://edition.cnn.com/2020/01/01/x.html", "cnn.com"),
    ("news.bbc.co.uk", "bbc.co.uk"),
    ("www.smh.com.au", "smh.com.au"),
    ("https://www3.nhk.or.jp/news/", "nhk.or.jp"),
    ("www.japantimes.co.jp", "japantimes.co.jp"),
    ("http://user:pw@WWW.NYTimes.com:443/x?y#z", "nytimes.com"),
    ("//amp.theguardian.com/world", "theguardian.com"),
    ("reuters.com", "reuters.com"),
    ("reuters.com.", "reuters.com"),
    ("www.iol.co.za", "iol.co.za"),
    ("co.uk", None),              # a bare public suffix
    ("Fox News", None),           # a name
    ("localhost", None),
    ("http://192.168.0.1/x", None),
    ("https://.broken.de", None),
    ("harbour.test", None),       # a reserved top-level domain is no public site
    ("", None),
    (None, None),
    (float("nan"), None),
])
def test_registered_domain(value, expected):
    assert registered_domain(value) == expected


def test_url_host_keeps_meaningful_subdomains():
    assert url_host("https://www.abcnews.go.com/x") == "abcnews.go.com"
    assert url_host("https://uk.reuters.com/x") == "uk.reuters.com"
    assert url_host("Reuters") is None


@pytest.mark.parametrize("value, expected", [
    ("https://edition.cnn.com/2020/x", "CNN"),
    ("https://mobile.reuters.com/article/x", "Reuters"),
    ("uk.reuters.com", "Reuters"),
    ("amp.theguardian.com", "The Guardian"),
    ("https://m.huffpost.com/us/entry/1", "HuffPost"),
    ("www.huffingtonpost.co.uk", "HuffPost"),
    ("https://abcnews.go.com/Politics/x", "ABC News"),  # its own row, not go.com's
    ("https://www.bbc.co.uk/news/x", "BBC News"),
    ("https://www.smh.com.au/national/x", "Sydney Morning Herald"),
    ("https://www.faz.net/aktuell/x", "Frankfurter Allgemeine Zeitung"),
    ("https://www.lemonde.fr/x", "Le Monde"),
    ("https://elpais.com/x", "El País"),
    ("https://apnews.com/article/x", "Associated Press"),
    ("https://www.horizont.net/marketing/x", "horizont.net"),   # unknown: the registered domain
    ("https://blog.some-small-site.co.uk/x", "some-small-site.co.uk"),
    ("https://www.foxnews.com", "Fox News"),
    ("Fox News", None),
])
def test_outlet_from_url(value, expected):
    assert outlet_from_url(value) == expected


def test_outlet_from_url_user_domains():
    aliases = {"dailyplanet.com": "Daily Planet", "www.nytimes.com": "NYT (print)", "dp": "Daily Planet"}
    assert outlet_from_url("https://news.dailyplanet.com/a", aliases) == "Daily Planet"
    assert outlet_from_url("https://www.nytimes.com/2020/x", aliases) == "NYT (print)"
    assert outlet_from_url("https://dp.net/x", aliases) == "Daily Planet"  # the domain's name is an alias
    assert outlet_from_url("https://www.nytimes.com/2020/x") == "New York Times"
    with pytest.raises(TypeError, match=r"outlet_from_url\(\): aliases must be a mapping"):
        outlet_from_url("cnn.com", ["cnn.com"])  # type: ignore[arg-type]


@pytest.mark.parametrize("name, expected", [
    # Media Cloud v4 media_name is a domain
    ("reuters.com", "Reuters"),
    ("vice.com", "Vice"),
    ("www.vice.com", "Vice"),
    ("nytimes.com", "New York Times"),
    ("https://www.horizont.net", "horizont.net"),
    ("horizont.net", "horizont.net"),
    ("bbc.co.uk", "BBC News"),
    # names: the alias path exactly as before
    ("cnn", "CNN"), ("fox", "Fox News"), ("Fox News (Online News)", "Fox News"), ("hpo", "HuffPost"),
    ("nyt", "New York Times"), ("CNN (Web News)", "CNN"), ("New York Times - News", "New York Times"),
    ("www.FoxNews.com", "Fox News"), ("NBCNews.com", "NBC News"),
    # a domain written with capitals is a name someone chose (AllSides' spellings)
    ("TheBlaze.com", "TheBlaze.com"), ("RollingStone.com", "RollingStone.com"),
    # "-News" glued to a name is part of it
    ("San Antonio Express-News", "San Antonio Express-News"),
    ("Daily  Planet - News", "Daily Planet"),
    ("", None), (None, None), (float("nan"), None),
])
def test_normalize_outlet_domains_and_names(name, expected):
    assert normalize_outlet(name) == expected


def test_normalize_outlet_user_aliases_with_domain_keys():
    aliases = {"dailyplanet.com": "Daily Planet"}
    assert normalize_outlet("dailyplanet.com", aliases) == "Daily Planet"
    assert normalize_outlet("https://www.dailyplanet.com/x", aliases) == "Daily Planet"
    assert normalize_outlet("dailyplanet.com") == "dailyplanet.com"
    with pytest.raises(TypeError, match=r"normalize_outlet\(\): aliases must be a mapping"):
        normalize_outlet("cnn", "CNN")  # type: ignore[arg-type]


def test_domain_table_is_consistent():
    table = default_outlet_domains()
    aliases = default_outlet_aliases()
    assert len(table) >= 500
    for domain, name in table.items():
        assert domain == domain.strip().lower() and not domain.startswith("www."), domain
        assert registered_domain(domain) is not None, domain
        assert normalize_outlet(name) == name, (domain, name)  # every name is its own canonical spelling
    # the outlets both tables know are spelt the same way
    for domain, alias in [("nytimes.com", "nyt"), ("foxnews.com", "fox"), ("huffpost.com", "hpo"),
                          ("washingtonpost.com", "wapo"), ("theguardian.com", "guardian"), ("bbc.co.uk", "bbc"),
                          ("apnews.com", "ap"), ("thehill.com", "hill"), ("dailycaller.com", "daily caller")]:
        assert table[domain] == aliases[alias]


def test_suffixes_without_the_public_suffix_list(monkeypatch):
    monkeypatch.setattr(outlets, "_suffix_rules", lambda: None)
    monkeypatch.setattr(outlets, "_top_levels", lambda: None)
    assert registered_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("www.smh.com.au") == "smh.com.au"
    assert registered_domain("edition.cnn.com") == "cnn.com"
    assert outlet_from_url("https://uk.reuters.com/x") == "Reuters"


def test_public_suffix_list_is_read_offline(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("mediakit.outlets tried to use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    outlets._suffix_rules.cache_clear()
    outlets._top_levels.cache_clear()
    try:
        assert outlets._suffix_rules() is not None
        assert registered_domain("https://www.japantimes.co.jp") == "japantimes.co.jp"
    finally:
        outlets._suffix_rules.cache_clear()
        outlets._top_levels.cache_clear()


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), st.none(), st.floats(), st.integers()))
def test_bad_input_never_raises(value):
    registered_domain(value)
    url_host(value)
    outlet_from_url(value)
    out = normalize_outlet(value)
    assert out is None or isinstance(out, str)


# --------------------------------------------------------------------------- records: outlet precedence


def _load(path, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_articles(path, **kw)


def test_outlet_precedence_record_then_url_then_argument_then_folder(tmp_path):
    body = "A story long enough to count as the body of an article in a test. " * 8
    recs = [{"id": "own", "text": body, "outlet": "Harbour Gazette", "url": "https://www.cnn.com/a"},
            {"id": "url", "text": body, "url": "https://edition.cnn.com/2020/x"},
            {"id": "sub", "text": body, "url": "https://abcnews.go.com/Politics/x"},
            {"id": "unknown", "text": body, "url": "https://www.horizont.net/x"},
            {"id": "none", "text": body}]
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "recs.json").write_text(json.dumps(recs), encoding="utf-8")
    df = _load(tmp_path).set_index("article_id")
    assert df["outlet"].to_dict() == {"own": "Harbour Gazette", "url": "CNN", "sub": "ABC News",
                                      "unknown": "horizont.net", "none": "wire"}
    assert df.loc["url", "outlet_raw"] == "edition.cnn.com"
    df = _load(tmp_path, outlet="Gotham Gazette").set_index("article_id")
    assert df.loc["url", "outlet"] == "CNN" and df.loc["none", "outlet"] == "Gotham Gazette"
    df = _load(tmp_path, outlet_aliases={"horizont.net": "Horizont"}).set_index("article_id")
    assert df.loc["unknown", "outlet"] == "Horizont"


def test_media_cloud_v4_domains_as_media_name(tmp_path):
    csv = ("id,publish_date,title,url,media_name,text\n"
           "1,2024-01-02,A,https://www.reuters.com/a,reuters.com,Text one.\n"
           "2,2024-01-02,B,https://www.vice.com/b,vice.com,Text two.\n"
           "3,2024-01-02,C,https://www.horizont.net/c,horizont.net,Text three.\n")
    (tmp_path / "mc.csv").write_text(csv, encoding="utf-8")
    df = _load(tmp_path / "mc.csv")
    assert df["outlet"].tolist() == ["Reuters", "Vice", "horizont.net"]
    assert df["outlet_raw"].tolist() == ["reuters.com", "vice.com", "horizont.net"]
