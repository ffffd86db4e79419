"""Photo and video furniture left inline in a page's text: its captions moved apart, its credits dropped.

Some sites' pages, saved as text, keep each picture's and video's furniture as a paragraph of its own between the
article's paragraphs (the BBC's, in AllSides' export):

    Image copyright Reuters Image caption Dan Coats repeatedly clashed with Donald Trump over Iran

    Media playback is unsupported on your device Media caption Three things to look for in New Hampshire results

    Image copyright AP

The caption is not the article's text: it puts sentences into the sentiment, the word choice and the attributions
("Image copyright Getty Images Image caption Many migrants seeking ..." was read as a source). :func:`split_media_captions`
takes such paragraphs out of the text, keeps their captions (the ``captions`` column) and drops the bare credits and
the player's notice. A paragraph is recognised by its opening words only, as a whole paragraph: "Image copyright X",
"Image source, X", "Image caption", "Media caption", "Media playback is unsupported on your device", each with what
follows in the same paragraph. In the AllSides file: 2,689 captions moved apart (and the bare credits dropped) in 868
of the BBC's pages; no other outlet's pages have such paragraphs.
"""

from __future__ import annotations

import re

from ._name_cards import strip_name_cards

__all__ = ["split_media_captions", "page_text"]

_CREDIT = r"Image (?:copyright|source)[,:]?\s+[^\n]{1,80}?"
_FURNITURE_RE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:"
    r"(?:" + _CREDIT + r"\s+)?Image caption[,:]?\s+(?P<image>[^\n]+)"  # 'Image copyright AP Image caption Dolls ...'
    r"|(?:Media playback is unsupported on your device\s+)?Media caption[,:]?\s+(?P<video>[^\n]+)"
    r"|Image (?:copyright|source)[,:]?\s+[^\n]{1,80}"  # a credit alone
    r"|Media playback is unsupported on your device"
    r")[ \t]*(?:\n[ \t]*\n|\n?\Z)")
#: every paragraph the pattern reads opens with one of these
_MARKERS = ("Image copyright", "Image source", "Image caption", "Media caption", "Media playback")


def split_media_captions(text: str) -> tuple[str, list[str]]:
    """``text`` without its photo and video furniture paragraphs, and their captions in text order.

    Examples
    --------
    >>> split_media_captions("Image copyright AP Image caption Dolls in a Moscow shop\\n\\nMr Trump spoke.\\n\\n"
    ...                      "Image copyright Reuters\\n\\nHe left.")
    ('Mr Trump spoke.\\n\\nHe left.', ['Dolls in a Moscow shop'])
    >>> split_media_captions("The image caption read: hello.")
    ('The image caption read: hello.', [])
    """
    if not any(m in text for m in _MARKERS):  # most texts are not searched at all
        return text, []
    captions: list[str] = []

    def _drop(m: re.Match[str]) -> str:
        caption = m.group("image") or m.group("video")
        if caption and caption.strip():
            captions.append(caption.strip())
        return ""

    stripped = _FURNITURE_RE.sub(_drop, text)
    return stripped.strip("\n") if stripped != text else text, captions


def page_text(text: str) -> tuple[str, list[str]]:
    """A page's article text and the captions taken from it: without people's hover cards
    (:func:`~mediakit.text.strip_name_cards`) and photo and video furniture (:func:`split_media_captions`). Every
    loader passes its texts through it.

    Examples
    --------
    >>> page_text("Image copyright AP Image caption A rally\\n\\nSen. Mitt Romney said MORE than once that he would.")
    ('Sen. Mitt Romney said MORE than once that he would.', ['A rally'])
    """
    return split_media_captions(strip_name_cards(text))
