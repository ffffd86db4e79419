"""HTML page metadata: titles without the site name, clean bylines, outlets, urls, captions, JSON-LD bodies.

Every page is a small self-written fixture reproducing one pattern met on real news pages.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit import load_articles
from mediakit.loaders._byline import byline_names, clean_byline, join_authors
from mediakit.loaders._html import parse_html_page

STORY = ("<p>The city council voted on Tuesday to rename three streets that honour leaders of the colonial "
         "era, after a consultation that lasted more than two years and drew thousands of comments.</p>"
         "<p>Residents of the streets said the change would cost them time and money, while historians "
         "welcomed a decision they had been asking for since the early nineteen-nineties.</p>"
         "<p>The new names will be chosen by a panel of local schools, museums and community groups, "
         "and the first signs are expected to go up before the end of next year.</p>")


def page(head: str = "", body: str = "", story: str = STORY) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head>"
            f"<body>{body}<article>{story}</article></body></html>")


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize("head, expected", [
    # site and date after the headline ("... | DW | 19.01.2020")
    ('<title>Berlin renames colonial streets | DW | 19.01.2020</title>'
     '<meta property="og:title" content="Berlin renames colonial streets | DW | 19.01.2020">'
     '<meta property="og:site_name" content="DW.COM">'
     '<link rel="canonical" href="https://www.dw.com/en/berlin-renames/a-1">',
     "Berlin renames colonial streets"),
    # the site name after a dash
    ('<meta property="og:title" content="Forests key to the climate - The Planetary Courier">'
     '<meta property="og:site_name" content="The Planetary Courier">',
     "Forests key to the climate"),
    # "Site: Title"
    ('<title>Harbour Gazette: Mayor resigns after vote</title>'
     '<meta property="og:site_name" content="Harbour Gazette">',
     "Mayor resigns after vote"),
    # the site known only from the domain
    ('<title>Mayor resigns after vote \u2022 harbourgazette.com</title>'
     '<link rel="canonical" href="https://harbourgazette.com/2020/mayor">',
     "Mayor resigns after vote"),
    # a section between headline and site goes with the site
    ('<title>Porte wishes Balkany well | Chronicles | Down There Radio</title>'
     '<meta property="og:site_name" content="Down There Radio">'
     '<meta property="article:section" content="Chronicles">',
     "Porte wishes Balkany well"),
    # a dash that belongs to the headline stays
    ('<meta property="og:title" content="Hating Millennials - the prejudice you\'re allowed to boast about">'
     '<meta property="og:site_name" content="Boing Boing">',
     "Hating Millennials - the prejudice you're allowed to boast about"),
    ('<title>Ceasefire holds - for now</title><meta property="og:site_name" content="Harbour Gazette">',
     "Ceasefire holds - for now"),
])
def test_title_without_site_name(head, expected):
    assert parse_html_page(page(head))["title"] == expected


def test_title_from_the_h1_that_the_title_tag_starts_with():
    html = page("<title>Storm floods the old town | Weather | Valley Courier Online</title>",
                "<h1>Brand</h1><h1>Storm floods the old town</h1>")
    assert parse_html_page(html)["title"] == "Storm floods the old town"


def test_title_tag_naming_only_the_site_gives_way_to_the_h1():
    html = page("<title>VALCO</title>", "<h1>Alternative dispute resolution for damages</h1><h1>VALCO News</h1>")
    assert parse_html_page(html)["title"] == "Alternative dispute resolution for damages"


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize("raw, expected", [
    ("By Josiah Motley August 21, 2019", "Josiah Motley"),
    ("/ Cory Doctorow / 10:08 am Fri Jul 19, 2013", "Cory Doctorow"),
    ("Maximilian SteinbeisSa 13 Jul 2019", "Maximilian Steinbeis"),
    ("2.03.2018von Dennis Ziesecke | E-Mail", "Dennis Ziesecke"),
    ("John Walk - January 10, 2020 21 minutes - 4312 words", "John Walk"),
    ("von Autor: Georg Holzer 09.08.13, 06:00 Mail an Autor", "Georg Holzer"),
    ("Autor/in: Korinna Hennig", "Korinna Hennig"),
    ("Posted by Ned Deily", "Ned Deily"),
    ("Lindsey O&#039;Donnell", "Lindsey O'Donnell"),
    ("Lindsey O&amp;#039;Donnell", "Lindsey O'Donnell"),
    ("Staff writer Jane Doe", "Jane Doe"),
    ("Jane Doe jane.doe@example.org", "Jane Doe"),
    ("By Jane Doe and John Roe", "Jane Doe; John Roe"),
    ("Benjamin Fischer und Marcus Theurer", "Benjamin Fischer; Marcus Theurer"),
    ("Jane Doe, Reuters", "Jane Doe; Reuters"),
    ("Reuters Updated: January 16, 2020", "Reuters"),
    ("@NatGeoUK", None),
    ("https://www.zeit.de/autoren/S/Caspar_Schwietering/index", None),
    ("Frankfurter Allgemeine Zeitung GmbH", None),
    ("Staff writer", None),
    ("Name *", None),
    ("so Artikel empfehlen:", None),
    ("Literatur & Film // Lesen & Hören Kulturspeicher 2.0", None),
    ("ArchivesWebsiteTwitterGithub", None),
    ("", None),
])
def test_byline_is_clean_names(raw, expected):
    assert clean_byline(raw) == expected


def test_byline_naming_the_site_is_not_an_author():
    assert clean_byline("BRIGITTE.de", ["BRIGITTE"], domain="brigitte.de") is None
    assert clean_byline("Deutsche Welle (www.dw.com)", ["DW.COM"], domain="dw.com") is None
    assert clean_byline("Jane Doe (jane.doe@dw.com)", ["DW.COM"], domain="dw.com") == "Jane Doe"
    assert clean_byline("SPIEGEL ONLINE, Hamburg, Germany", ["SPIEGEL ONLINE"], domain="spiegel.de") is None
    assert clean_byline("Luxurious", ["Luxurious Magazine"]) is None
    # a person whose name is in the site's name is still the author
    assert clean_byline("Daniel Lemire", ["Daniel Lemire's blog"]) == "Daniel Lemire"
    # an agency byline naming the page's own outlet is dropped, another agency kept
    assert clean_byline("Reuters", outlet="Reuters") is None
    assert clean_byline("AFP", outlet="Vancouver Sun") == "AFP"


def test_join_authors_one_convention():
    assert join_authors(["A B", "C D", "A B"]) == "A B; C D"
    assert join_authors([]) is None
    assert byline_names(None) == [] and byline_names(float("nan")) == []


def test_byline_sources_in_order():
    people = ld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H",
                 "author": [{"@type": "Person", "name": "Benjamin Fischer"},
                            {"@type": "Person", "name": "Marcus Theurer"},
                            {"@type": "Organization", "name": "Frankfurter Allgemeine Zeitung"}]})
    html = page(people + '<meta name="author" content="Frankfurter Allgemeine Zeitung GmbH">')
    assert parse_html_page(html)["byline"] == "Benjamin Fischer; Marcus Theurer"
    # an Organization author and a handle are no byline: the page's byline element is
    org = ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "National Geographic"}})
    html = page(org + '<meta property="article:author" content="@NatGeoUK">'
                '<meta property="og:site_name" content="National Geographic">',
                '<div class="share__contributors--author">By <span>Michael Hingston</span></div>'
                '<figure><img src="a.jpg"><div class="img__author">Photograph by Ed Marshall</div></figure>')
    assert parse_html_page(html)["byline"] == "Michael Hingston"
    # an author URL in the meta tag gives way to the rel=author link
    html = page('<meta property="article:author" content="https://www.example.org/autoren/S/Caspar_S/index">',
                '<div class="byline"><a rel="author" href="/autoren/S/Caspar_S">Caspar Schwietering</a></div>')
    assert parse_html_page(html)["byline"] == "Caspar Schwietering"


def test_comment_authors_and_forms_are_not_bylines():
    html = page("", '<ol class="comment-list"><li><div class="comment-author">Beate</div></li></ol>'
                '<form class="comment-form"><p class="comment-form-author">Name *</p></form>')
    assert parse_html_page(html)["byline"] is None


# --------------------------------------------------------------------------- outlet and url


def test_outlet_section_name_is_not_the_publisher():
    nav = '<nav><a href="/world">World</a> <a href="/us">U.S.</a> <a href="/business">Business</a></nav>'
    pub = ld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Wire Service Daily"}})
    head = ('<meta property="og:site_name" content="U.S.">'
            '<link rel="canonical" href="https://www.wireservicedaily.com/article/us-awards-x">')
    assert parse_html_page(page(head + pub, nav))["outlet"] == "Wire Service Daily"
    # no publisher either: the domain
    assert parse_html_page(page(head, nav))["outlet"] == "wireservicedaily.com"
    # a known domain gives its canonical name whatever the page calls itself
    head = '<meta property="og:site_name" content="U.S."><link rel="canonical" href="https://www.reuters.com/a/x">'
    assert parse_html_page(page(head, nav))["outlet"] == "Reuters"
    head = '<meta property="og:site_name" content="the Guardian"><link rel="canonical" href="https://www.theguardian.com/x">'
    assert parse_html_page(page(head))["outlet"] == "The Guardian"


def test_outlet_url_like_site_name_is_tidied():
    head = ('<meta property="og:site_name" content="https://www.horizont.net">'
            '<link rel="canonical" href="https://www.horizont.net/marketing/x-1">')
    assert parse_html_page(page(head))["outlet"] == "horizont.net"
    head = '<meta property="og:site_name" content="https://www.horizont.net">'
    assert parse_html_page(page(head))["outlet"] == "horizont.net"
    # another site's page is not the outlet
    head = ('<meta property="og:site_name" content="https://www.facebook.com/harbourgazette">'
            '<link rel="canonical" href="https://harbourgazette.com/a">')
    assert parse_html_page(page(head))["outlet"] == "harbourgazette.com"


def test_outlet_site_name_that_relates_to_the_domain_wins():
    head = ('<meta property="og:site_name" content="News zu VR, AR und KI | Mixed Reality Daily">'
            '<meta property="og:url" content="https://mixedrealitydaily.de/a/1">')
    assert parse_html_page(page(head))["outlet"] == "Mixed Reality Daily"


@pytest.mark.parametrize("head, expected", [
    ('<link rel="canonical" href="/a/1"><meta property="og:url" content="https://News.Example.org/a/1?s=1">',
     "https://news.example.org/a/1"),
    ('<link rel="canonical" href="/a/1"><meta name="twitter:domain" content="example.org">',
     "https://example.org/a/1"),
    ('<link rel="canonical" href="/a/1">', None),  # relative, nothing to resolve it against
    ('<link rel="canonical" href="https://.broken.de">', None),
    ('<link rel="canonical" href="javascript:void(0)">', None),
    # a syndicated copy: the canonical names the original site, og:url this page
    ('<link rel="canonical" href="https://business.financialpost.com/tech/ms">'
     '<meta property="og:url" content="https://vancouversun.com/tech/ms/wcm/1">',
     "https://vancouversun.com/tech/ms/wcm/1"),
])
def test_canonical_url(head, expected):
    assert parse_html_page(page(head))["url"] == expected


# --------------------------------------------------------------------------- captions


def test_captions_only_from_real_figures():
    body = ('<article><figure><img src="a.jpg"><figcaption>A Neanderthal skull. Credit: Museum</figcaption>'
            '</figure>' + STORY + '</article>'
            '<div class="selection"><a class="news-link" href="/n/1"><article><figure><img src="b.jpg">'
            '<figcaption>Study outlines approaches to prescribed burns 1 hour ago</figcaption></figure>'
            '</article></a></div>'
            '<aside><figure><figcaption>Fires seen from space</figcaption></figure></aside>'
            '<ul><li><figure><figcaption>Climate shaped early forests</figcaption></figure></li></ul>'
            '<div class="teaser"><figure><figcaption class="teaser__caption">Top 10 photos</figcaption></figure></div>'
            '<div class="wp-caption"><img src="c.jpg"><p class="wp-caption-text">The harbour at dawn.</p></div>')
    html = f"<html><head><title>Skull tool</title></head><body>{body}</body></html>"
    assert parse_html_page(html)["captions"] == ["A Neanderthal skull. Credit: Museum", "The harbour at dawn."]


def test_caption_in_the_article_header_is_kept():
    body = ('<header><figure><img src="a.jpg"><figcaption class="caption caption--main">Striking staff '
            'outside the university.</figcaption></figure></header>')
    assert parse_html_page(page("<title>Strike</title>", body))["captions"] == [
        "Striking staff outside the university."]


# --------------------------------------------------------------------------- JSON-LD body


LD_BODY = " ".join(f"Sentence number {i} of the opinion piece, which the page renders with a script." for i in range(40))


def test_json_ld_article_body_when_the_page_body_is_empty():
    head = ld({"@context": "http://schema.org", "@type": "NewsArticle", "headline": "Study the playbook",
               "articleBody": LD_BODY[:1200] + "\n\n" + LD_BODY[1200:]})
    html = f"<html><head><title>Study the playbook</title>{head}</head><body><div id='app'></div></body></html>"
    art = parse_html_page(html)
    assert art["text"].split("\n\n") == [LD_BODY[:1200].strip(), LD_BODY[1200:].strip()]
    assert art["title"] == "Study the playbook"


def test_json_ld_article_body_when_the_page_body_is_much_shorter():
    teaser = "<p>Only the first paragraph is in the page; the rest loads later when you scroll down.</p>"
    head = ld({"@type": "NewsArticle", "articleBody": "<p>" + LD_BODY + "</p>"})
    assert parse_html_page(page(head, story=teaser))["text"] == LD_BODY
    # a full page body is kept, even beside a shorter articleBody
    head = ld({"@type": "NewsArticle", "articleBody": "A summary of the vote."})
    assert parse_html_page(page(head))["text"].startswith("The city council voted")


# --------------------------------------------------------------------------- through load_articles


def _load(path: Path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_articles(path, **kw)


def test_load_articles_html_pages_outlets_and_bylines(tmp_path):
    (tmp_path / "a.html").write_text(page(
        '<title>Berlin renames streets | DW | 19.01.2020</title><meta name="author" content="Deutsche Welle (www.dw.com)">'
        '<meta property="og:site_name" content="DW.COM"><link rel="canonical" href="https://www.dw.com/en/a-1">'),
        encoding="utf-8")
    (tmp_path / "b.html").write_text(page(
        '<title>Harbour reopens - The Daily Planet</title><meta property="og:site_name" content="The Daily Planet">'
        '<meta name="author" content="Lois Lane and Clark Kent">'
        '<link rel="canonical" href="https://www.dailyplanet.com/harbour">'), encoding="utf-8")
    df = _load(tmp_path).set_index("article_id")
    assert df.loc["a", ["title", "outlet", "url"]].tolist() == [
        "Berlin renames streets", "DW", "https://www.dw.com/en/a-1"]
    assert pd.isna(df.loc["a", "byline"])  # the site credits itself: no person
    assert df.loc["b", ["title", "outlet", "byline"]].tolist() == [
        "Harbour reopens", "The Daily Planet", "Lois Lane; Clark Kent"]
    # a user's domain alias beats the name the page gives itself
    df = _load(tmp_path, outlet_aliases={"dailyplanet.com": "Planet (Metropolis)"}).set_index("article_id")
    assert df.loc["b", "outlet"] == "Planet (Metropolis)"
    assert df.loc["a", "outlet"] == "DW"


# --------------------------------------------------------------------------- bad input


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_byline_cleaning_never_raises(raw):
    out = clean_byline(raw, ["Some Site"], domain="example.org", outlet="Some Site")
    assert out is None or (out and "\n" not in out)


_BITS = st.sampled_from(["<title>", "</title>", "<h1>", "</h1>", "<meta property='og:site_name' content='",
                         "'>", "<link rel='canonical' href='", "http://", "<figure><figcaption>", "</figcaption>",
                         '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "', '"}</script>',
                         " | ", " - ", "Site", "Head line", "By Jane Doe", "<p>", "</p>", "&#039;", "\u00e9"])


@settings(max_examples=80, deadline=None)
@given(st.lists(_BITS, max_size=25))
def test_parse_html_page_on_odd_markup_returns_or_says_why(bits):
    html = "<html><head>" + "".join(bits) + "</head><body><p>" + "".join(reversed(bits)) + "</p></body></html>"
    try:
        art = parse_html_page(html)
    except ValueError:
        return
    assert set(art) == {"title", "byline", "published", "outlet", "url", "captions", "text"}
    assert art["url"] is None or art["url"].startswith(("http://", "https://"))
