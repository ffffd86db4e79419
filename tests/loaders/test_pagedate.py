"""page_published: the original publication date of an HTML page, source by source.

Every page here is a small self-written snippet; nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import json

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.loaders._pagedate import normalize_date, page_published, url_date


def published(head: str = "", body: str = "<p>Text of the story.</p>", ld: list | None = None,
              url: str | None = None) -> str | None:
    """Run page_published the way parse_html_page does: tree without scripts, JSON-LD parsed."""
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(d)}</script>' for d in ld or [])
    html = f"<html><head>{head}{scripts}</head><body>{body}</body></html>"
    tree = lxml.html.fromstring(html)
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    return page_published(html, tree, ld or [], url)


ARTICLE_LD = {"@type": "NewsArticle", "headline": "Rates hold", "datePublished": "2019-08-21T09:30:00-04:00",
              "dateModified": "2019-08-23T11:00:00-04:00"}
META_PUB = '<meta property="article:published_time" content="2019-08-20T08:00:00Z">'
META_MOD = '<meta property="article:modified_time" content="2019-08-25T08:00:00Z">'
TIME_PUB = '<article><time class="published" datetime="2019-08-19T07:00:00+02:00">19 Aug</time><p>Text.</p></article>'


# ------------------------------------------------------------------ each source alone


def test_json_ld_article_date_published():
    assert published(ld=[ARTICLE_LD]) == "2019-08-21T09:30:00-04:00"


def test_json_ld_in_a_graph_with_webpage_prefers_the_article_item():
    graph = [{"@type": "WebPage", "datePublished": "2015-01-01"},
             {"@type": ["BlogPosting"], "dateCreated": "2019-08-21"}]
    assert published(ld=graph) == "2019-08-21"


@pytest.mark.parametrize("name", ["property=\"article:published_time\"", "property=\"og:article:published_time\"",
                                  "name=\"parsely-pub-date\"", "name=\"sailthru.date\"", "itemprop=\"datePublished\"",
                                  "name=\"DC.date.issued\"", "name=\"pubdate\"", "name=\"Publish_Date\""])
def test_publication_meta_tags(name):
    assert published(head=f'<meta {name} content="2019-08-21T09:30:00+0200">') == "2019-08-21T09:30:00+02:00"


def test_meta_names_are_matched_without_regard_to_case():
    assert published(head='<META PROPERTY="Article:Published_Time" CONTENT="2019-08-21">') == "2019-08-21"


def test_time_element_with_a_publication_hint():
    assert published(body=TIME_PUB) == "2019-08-19T07:00:00+02:00"
    assert published(body='<header><time pubdate datetime="2019-08-18">x</time></header>') == "2019-08-18"
    body = '<div><span itemprop="datePublished" content="2019-08-17">Aug 17</span></div>'
    assert published(body=body) == "2019-08-17"


def test_url_only_page():
    assert published(url="https://news.example.org/world/2019/08/21/rates-hold/") == "2019-08-21"
    assert published(url="https://example.org/2019-08-21-rates-hold") == "2019-08-21"
    assert published(url="https://example.org/news/20190821/rates") == "2019-08-21"


def test_nothing_gives_none():
    assert published() is None
    assert published(head='<meta name="description" content="Published in 1880 by no one">') is None


# ------------------------------------------------------------------ precedence


def test_json_ld_beats_meta_beats_time_beats_url():
    url = "https://example.org/2019/08/20/story"  # within a day of every date below: no veto
    assert published(head=META_PUB, body=TIME_PUB, ld=[ARTICLE_LD], url=url) == "2019-08-21T09:30:00-04:00"
    assert published(head=META_PUB, body=TIME_PUB, url=url) == "2019-08-20T08:00:00+00:00"
    assert published(body=TIME_PUB, url=url) == "2019-08-19T07:00:00+02:00"
    assert published(body="<p>Aug 19</p>", url=url) == "2019-08-20"


def test_published_beats_modified_whatever_the_order():
    assert published(head=META_MOD + META_PUB) == "2019-08-20T08:00:00+00:00"
    modified_first = [{"@type": "Article", "dateModified": "2019-09-01", "datePublished": "2019-08-21"}]
    assert published(ld=modified_first) == "2019-08-21"


def test_updated_time_element_is_not_the_publication():
    body = ('<article><time class="updated" datetime="2019-09-01">Updated</time>'
            '<time class="entry-date published" datetime="2019-08-21">Aug 21</time></article>')
    assert published(body=body) == "2019-08-21"


def test_updated_only_page_still_finds_the_original_in_the_text():
    body = ('<article><h1>Rates hold</h1><p class="meta">Published: August 21, 2019</p>'
            '<p><time class="updated" datetime="2019-09-01">Updated Sept 1</time></p><p>Text.</p></article>')
    assert published(head='<meta property="article:modified_time" content="2019-09-01">', body=body) == "2019-08-21"


def test_modified_date_is_the_last_resort():
    assert published(head=META_MOD) == "2019-08-25T08:00:00+00:00"


def test_related_stories_and_comments_do_not_date_the_page():
    body = ('<article><p>Text.</p><ul class="related"><li><time datetime="2021-02-02">x</time></li></ul>'
            '<div class="comments"><time pubdate datetime="2021-03-03">y</time></div></article>')
    assert published(body=body, url="https://example.org/2019/08/21/story") == "2019-08-21"


def test_url_day_overrules_a_structured_date_days_away():
    # a re-stamped page: the JSON-LD says 2021, the address says when the story was filed
    ld = [{"@type": "BlogPosting", "datePublished": "2021-06-17T18:28:00+02:00"}]
    assert published(ld=ld, url="https://example.org/home/2019/7/12/montauk") == "2019-07-12"
    # a date within a day of the URL's (time zones) keeps its time
    ld = [{"@type": "NewsArticle", "datePublished": "2019-07-13T01:30:00+00:00"}]
    assert published(ld=ld, url="https://example.org/2019/07/12/story") == "2019-07-13T01:30:00+00:00"


def test_the_article_item_of_the_page_is_chosen_among_several():
    ld = [{"@type": "NewsArticle", "url": "https://example.org/other", "datePublished": "2018-01-01"},
          {"@type": "NewsArticle", "url": "https://example.org/this", "datePublished": "2019-08-21"}]
    assert published(ld=ld, url="https://example.org/this") == "2019-08-21"


# ------------------------------------------------------------------ values


def test_garbage_and_out_of_range_dates_are_rejected():
    for value in ["2019-13-45", "2019-02-30", "19-08-2019T"]:
        assert normalize_date(value) is None, value
    for value in ["0000-00-00", "1970-01-01T00:00:00Z", "2999-01-01", "soon", "", "[object Object]"]:
        assert normalize_date(value) is None, value
        assert published(head=f'<meta property="article:published_time" content="{value}">') is None
    tomorrow_plus = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    assert normalize_date(tomorrow_plus) is None


def test_garbage_source_falls_through_to_the_next():
    head = '<meta property="article:published_time" content="not a date">' + META_MOD
    assert published(head=head, url="https://example.org/2019/08/21/x") == "2019-08-21"


@pytest.mark.parametrize(("value", "day_first", "expected"), [
    ("2019-08-21T09:30:00.000Z", False, "2019-08-21T09:30:00+00:00"),
    ("2019-08-21 09:30:00 +0530", False, "2019-08-21T09:30:00+05:30"),
    ("2019-08-21T09:30", False, "2019-08-21T09:30:00"),
    ("21.08.2019", False, "2019-08-21"),
    ("08/21/2019", False, "2019-08-21"),
    ("03/04/2019", True, "2019-04-03"),
    ("03/04/2019", False, "2019-03-04"),
    ("Aug 21, 2019", False, "2019-08-21"),
    ("Wed, 21 Aug 2019 13:30:00 GMT", False, "2019-08-21T13:30:00+00:00"),
    (1566394200, False, "2019-08-21T13:30:00+00:00"),
])
def test_normalize_date_formats(value, day_first, expected):
    assert normalize_date(value, day_first=day_first) == expected


def test_numeric_dates_read_day_first_on_non_us_pages():
    html = '<html lang="de"><head><meta name="date" content="01/11/2010"></head><body><p>x</p></body></html>'
    tree = lxml.html.fromstring(html)
    assert page_published(html, tree, [], None) == "2010-11-01"


def test_url_date():
    assert url_date("https://www.theguardian.com/education/2020/jan/20/story") == dt.date(2020, 1, 20)
    assert url_date("https://example.org/2020/01/story") is None
    assert url_date("https://example.org/item/12345678/") is None
    assert url_date("https://example.org/1880/01/02/old") is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_any_meta_value_gives_iso_or_none(value):
    found = normalize_date(value)
    assert found is None or dt.date.fromisoformat(found[:10]).year >= 1990


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=80))
def test_any_url_is_safe(url):
    day = url_date(url)
    assert day is None or 1990 <= day.year


def test_htmldate_backstop_never_fetches(monkeypatch):
    import urllib3

    import mediakit.loaders._pagedate as pagedate

    def no_network(*args, **kwargs):
        raise AssertionError("a URL was fetched")

    monkeypatch.setattr(urllib3.PoolManager, "urlopen", no_network)
    calls: list[str] = []
    backstop = pagedate._htmldate

    def counted(html: str) -> str | None:
        calls.append(html)
        return backstop(html)

    monkeypatch.setattr(pagedate, "_htmldate", counted)
    page = "https://example.org/2019/08/21/story"  # a 'page' that is only a URL must not be downloaded
    assert page_published(page, lxml.html.fromstring(f"<p>{page}</p>"), [], None) in (None, "2019-08-21")
    assert calls == [page]


# ------------------------------------------------------------------ end to end


def test_parse_html_page_uses_the_date_finder():
    from mediakit.loaders import _html

    if "page_published" not in vars(_html):
        pytest.skip("parse_html_page does not call page_published yet (wired by the lead/H2)")
    html = ('<html><head><title>Rates hold</title>' + META_MOD +
            '<link rel="canonical" href="https://example.org/2019/08/21/rates-hold"></head><body><article>'
            '<h1>Rates hold</h1><p>The central bank held rates steady on Friday, as most economists expected.</p>'
            '</article></body></html>')
    assert _html.parse_html_page(html)["published"] == "2019-08-21"


def test_wordpress_entry_meta_time_in_a_link_and_the_article_footer():
    body = ('<article><header><span class="posted-on"><a href="/p/1" rel="bookmark">'
            '<time class="entry-date published" datetime="2019-08-21T10:00:00+00:00">Aug 21</time></a></span>'
            '</header><p>Text.</p><footer class="entry-footer"><time class="entry-date" datetime="2019-08-21">'
            'x</time></footer></article><footer><time datetime="2023-01-01">©</time></footer>')
    assert published(body=body) == "2019-08-21T10:00:00+00:00"
    assert published(body='<article><p>Text.</p></article><footer><time datetime="2023-01-01">x</time></footer>') \
        in (None, "2023-01-01")  # the page footer is not a source of its own; htmldate may still read it
