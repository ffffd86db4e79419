"""Photo and video furniture inline in a page's text (``split_media_captions``): captions kept apart, credits and the
player's notice dropped; in the loaders and on the BBC's pages in AllSides."""

from __future__ import annotations

import gzip
import itertools
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
_FURNITURE = re.compile(r"Image (?:copyright|source|caption)|Media (?:caption|playback)|JUST WATCHED")


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
    # the other outlets' captions are the agencies' (AP, Reuters, ...), each ending in its photo credit, and CNN's
    # video titles (381 players in 123 articles, stop 49); no paragraph of a text with several ends in a credit, nor
    # is NPR's picture toggle or CNN's player left
    titles = set()  # the titles of CNN's players, read from the raw file (on CNN's and on others' pages)
    with gzip.open(corpora / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, 3000):
            titles.update(re.findall(r"JUST WATCHED (.+?) Replay More Videos", json.loads(line)["content_original"]))
    others = [c for cs in df.loc[df["outlet"] != "BBC News", "captions"] for c in cs if c not in titles]
    assert len(others) > 200 and all(PHOTO_CREDIT_RE.search(c[-160:]) for c in others)
    assert len(titles) > 300 and titles <= {c for cs in df["captions"] for c in cs}
    assert not any(re.search(r"(?:^|\n)JUST WATCHED .* MUST WATCH", t) for t in df["text"])
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


def test_cnn_video_players_move_their_title_to_captions() -> None:
    player = ("JUST WATCHED Diplomat disagrees with Clinton on Libya Replay More Videos ... "
              "MUST WATCH Diplomat disagrees with Clinton on Libya 02:00")
    text = f"Mrs. Clinton spoke on Monday.\n\n{player}\n\nJUST WATCHED Obama: GOP made progress Replay More Videos ... " \
           "MUST WATCH Obama: GOP made progress 02:45\n\nShe left for Iowa."
    assert split_media_captions(text) == ("Mrs. Clinton spoke on Monday.\n\nShe left for Iowa.",
                                          ["Diplomat disagrees with Clinton on Libya", "Obama: GOP made progress"])
    # inside a paragraph (pages saved without paragraph breaks)
    inline = ("U.S. officials said they are focused on ISIS. JUST WATCHED Army: 'Sharp weapons' used Replay More Videos "
              "... MUST WATCH Army: 'Sharp weapons' used 01:55 The photos were posted on Amaq.")
    assert split_media_captions(inline) == ("U.S. officials said they are focused on ISIS. The photos were posted on Amaq.",
                                            ["Army: 'Sharp weapons' used"])
    # the words in a sentence are no player
    sentence = "Viewers JUST WATCHED the debate and then saw Replay More Videos ... MUST WATCH ads.\n\nThey left."
    assert split_media_captions(sentence) == (sentence, [])
