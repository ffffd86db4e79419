"""Photo and video furniture inline in a page's text (``split_media_captions``): captions kept apart, credits and the
player's notice dropped; in the loaders and on the BBC's pages in AllSides."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediakit import load_articles
from mediakit.text import PHOTO_CREDIT_RE, split_media_captions

#: the furniture as the BBC's pages keep it between paragraphs
PAGE = ("Media playback is unsupported on your device Media caption Three things to look for in New Hampshire\n\n"
        "Polls have closed in the New Hampshire primary.\n\n"
        "Image copyright Reuters Image caption Donald Trump was one of the candidates in the state\n\n"
        "Image copyright AP\n\n"
        "Turnout could be at record levels, officials said.")
_FURNITURE = re.compile(r"Image (?:copyright|source|caption)|Media (?:caption|playback)")


def test_captions_are_kept_apart_and_credits_dropped() -> None:
    text, captions = split_media_captions(PAGE)
    assert text == ("Polls have closed in the New Hampshire primary.\n\n"
                    "Turnout could be at record levels, officials said.")
    assert captions == ["Three things to look for in New Hampshire", "Donald Trump was one of the candidates in the state"]


@pytest.mark.parametrize("text", [
    "The image caption read: hello.",                                  # words inside a sentence
    "He said the Image copyright belonged to AP and he left.\nThen he returned.",  # not a paragraph of its own
    "Media playback is unsupported on your device\nand more text on the next line",
    "",
])
def test_prose_that_names_the_furniture_is_left_alone(text: str) -> None:
    assert split_media_captions(text) == (text, [])


@given(st.lists(st.sampled_from([
    "Image copyright AP", "Image copyright Getty Images Image caption A crowd in Ohio",
    "Media playback is unsupported on your device Media caption Why it matters", "Image source, Reuters",
    "Officials said the vote was close.", "Image caption, Voters queue", "The senator left.", "Media caption: a clip",
]), min_size=1, max_size=8), st.sampled_from(["\n\n", "\n\n\n"]))
def test_any_page_keeps_its_paragraphs_and_loses_only_furniture(paragraphs: list[str], sep: str) -> None:
    text, captions = split_media_captions(sep.join(paragraphs))
    prose = [p for p in paragraphs if not _FURNITURE.match(p)]
    assert [p for p in re.split(r"\n\n+", text) if p] == prose
    assert len(captions) == sum(1 for p in paragraphs if "caption" in p)
    assert split_media_captions(text) == (text, [])  # idempotent


@given(st.text())
def test_any_text_without_furniture_is_unchanged(text: str) -> None:
    out, captions = split_media_captions(text)
    if not _FURNITURE.search(text):
        assert (out, captions) == (text, [])
    assert len(out) <= len(text)


def test_the_loaders_move_captions_out_of_the_text(tmp_path) -> None:
    path = tmp_path / "bbc.jsonl"
    path.write_text(json.dumps({"id": "a", "outlet": "BBC News", "title": "New Hampshire votes", "text": PAGE,
                                "captions": ["A caption the record had"]}) + "\n")
    df = load_articles(path, progress=False)
    assert not _FURNITURE.search(df.loc[0, "text"])
    assert df.loc[0, "captions"] == ["A caption the record had", "Three things to look for in New Hampshire",
                                     "Donald Trump was one of the candidates in the state"]


@pytest.mark.corpus
def test_allsides_bbc_pages_lose_their_furniture(corpora) -> None:
    """Measured at the change: in the whole file, 2,689 captions in 868 of the BBC's pages, none on other outlets'
    pages; here the first 3,000 articles: no furniture paragraph is left, and the BBC's pages have captions; the
    agencies' captions (281 of them, stop 48) are moved apart too."""
    import mediakit.datasets as ds

    df = ds.load_allsides(corpora / "allsides" / "articles.jsonl.gz", limit=3000, progress=False)
    left = [t for t in df["text"] if re.search(r"(?:^|\n)(?:Image (?:copyright|caption)|Media (?:caption|playback))", t)]
    assert left == []
    bbc = df[df["outlet"] == "BBC News"]
    assert len(bbc) > 50 and bbc["captions"].map(len).sum() > 100
    # the other outlets' captions are the agencies' (AP, Reuters, ...): each ends in its photo credit, and no
    # paragraph of a text with several ends in one, nor is NPR's picture toggle left
    others = [c for cs in df.loc[df["outlet"] != "BBC News", "captions"] for c in cs]
    assert len(others) > 200 and all(PHOTO_CREDIT_RE.search(c[-160:]) for c in others)
    for text in df["text"]:
        paragraphs = re.split(r"\n[ \t]*\n", text)
        if len(paragraphs) > 1:
            assert not any(len(p) <= 500 and PHOTO_CREDIT_RE.search(p.strip()[-160:]) for p in paragraphs)
        assert not re.search(r"(?:^|\n)(?:Enlarge this image|toggle caption)", text)


@pytest.mark.parametrize("caption", [
    "Students leave Saugus High School in Santa Clarita, Calif. (AP Photo/Marcio Jose Sanchez)",
    "Chinese President Xi Jinping and President Donald Trump in Beijing, on May 9, 2019. (Photo: Andy Wong/AP)",
    "Protesters outside a Trump rally in Phoenix, Ariz., August 22, 2017. (Reuters photo: Sandy Huffaker)",
    "President Donald Trump speaks to the media in the Rose Garden, October 16, 2017. REUTERS/Kevin Lamarque",
])
def test_agency_captions_move_to_captions(caption: str) -> None:
    text = f"Mr Trump spoke on Monday.\n\n{caption}\n\nHe left for Florida."
    assert split_media_captions(text) == ("Mr Trump spoke on Monday.\n\nHe left for Florida.", [caption])


def test_npr_picture_toggles_are_dropped() -> None:
    text = ("Another Powerful Earthquake Strikes Nepal\n\nEnlarge this image toggle caption Bikram Rai/AP Bikram Rai/AP"
            "\n\nA magnitude-7.3 earthquake struck Nepal on Tuesday.")
    assert split_media_captions(text) == ("Another Powerful Earthquake Strikes Nepal\n\n"
                                          "A magnitude-7.3 earthquake struck Nepal on Tuesday.", [])


@pytest.mark.parametrize("text", [
    "Officials said the talks failed (AFP).\n\nThey left.",  # a bare agency cites, it credits no photo
    "The Thomson Reuters/University of Michigan index fell to 74.5.\n\nPrices rose.",  # no credit at the end
    "A one-paragraph text ending in a credit. (AP Photo/Jane Doe)",  # never emptied
])
def test_text_that_is_no_caption_stays(text: str) -> None:
    assert split_media_captions(text) == (text, [])
